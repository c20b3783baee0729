"""How a document addresses a person: the parts of a Russian name and the greeting.

A contact's name is one field, written «Фамилия Имя Отчество» or «Имя Отчество Фамилия».
The patronymic is the word with a patronymic ending (-вич/-вна/-чна, or the Turkic «оглы»
/ «кызы» after the father's name); the first name is the word before it. Russian business
style greets by first name and patronymic with the gender's adjective («Уважаемая Марфа
Олеговна!»); the gender comes from the names (pytrovich, a port of the petrovich rules).
A name without a patronymic gets a neutral greeting with the name as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from app.i18n import translate

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector

_PATRONYMIC_ENDINGS = ("вич", "ьич", "вна", "чна")
_TURKIC_PATRONYMIC = ("оглы", "улы", "уулу", "кызы", "гызы", "кизи")


@dataclass(frozen=True)
class PersonName:
    first: str
    patronymic: str
    last: str
    gender: str  # "male", "female" or "" (unknown)


@cache
def _detector() -> PetrovichGenderDetector:
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def _is_patronymic(word: str) -> bool:
    low = word.lower()
    return len(low) > 4 and low.endswith(_PATRONYMIC_ENDINGS)


def parse_person_name(text: str) -> PersonName | None:
    """First name, patronymic and surname of a name that has a patronymic, else None."""
    words = text.split()
    for i, word in enumerate(words):
        if i == 0:
            continue
        turkic = word.lower() in _TURKIC_PATRONYMIC and i >= 2
        if not (_is_patronymic(word) or turkic):
            continue
        start = i - 2 if turkic else i - 1  # the first name's position
        patronymic = " ".join(words[start + 1:i + 1])
        first = words[start]
        rest = words[:start] + words[i + 1:]
        if start < 0 or len(rest) > 1:
            return None
        return PersonName(first=first, patronymic=patronymic, last=" ".join(rest),
                          gender=_gender(first, patronymic))
    return None


def _gender(first: str, patronymic: str) -> str:
    from pytrovich.enums import Gender

    try:
        found = _detector().detect(  # type: ignore[no-untyped-call]  # pytrovich's own
            firstname=first, middlename=patronymic)
    except (KeyError, ValueError, IndexError):  # a name its rules do not cover
        return ""
    return {Gender.MALE: "male", Gender.FEMALE: "female"}.get(found, "")


def short_name(name: str) -> str:
    """«Фокина П. П.» for «Полина Павловна Фокина» (a narrow list's form); a name without a
    patronymic or a surname as written."""
    person = parse_person_name(name)
    if person is None or not person.last:
        return " ".join(name.split())
    initials = " ".join(f"{part[0]}." for part in (person.first, person.patronymic.split()[0]))
    return f"{person.last} {initials}"


def greeting(name: str) -> str:
    """The first line of a letter to `name` («Уважаемый Иван Петрович!»)."""
    name = " ".join(name.split())
    person = parse_person_name(name) if name else None
    if person is not None and person.gender:
        address = f"{person.first} {person.patronymic}"
        if person.gender == "female":
            return translate("Documents", "Уважаемая {name}!").format(name=address)
        return translate("Documents", "Уважаемый {name}!").format(name=address)
    if name:
        return translate("Documents", "Добрый день, {name}!").format(name=name)
    return translate("Documents", "Добрый день!")
