"""The greeting of a letter: first name and patronymic, the gender's form, neutral otherwise."""

from __future__ import annotations

import pytest

from app.services.documents.addressing import greeting, parse_person_name
from app.services.documents.offer import default_intro


@pytest.mark.parametrize(("name", "expected"), [
    ("Марфа Олеговна Лазарева", "Уважаемая Марфа Олеговна!"),
    ("Лазарева Марфа Олеговна", "Уважаемая Марфа Олеговна!"),
    ("  Соловьев   Дмитрий Герасимович ", "Уважаемый Дмитрий Герасимович!"),
    ("Петров Кузьма Ильич", "Уважаемый Кузьма Ильич!"),
    ("Анна Ильинична", "Уважаемая Анна Ильинична!"),
    ("Алиев Ахмед Рашид оглы", "Уважаемый Ахмед Рашид оглы!"),
    ("Гусейнова Айгюн Рафик кызы", "Уважаемая Айгюн Рафик кызы!"),
    # no patronymic: a neutral form with the name as written
    ("Никита Смирнов", "Добрый день, Никита Смирнов!"),
    ("Саша", "Добрый день, Саша!"),
    ("Иванова Мария Петровна Сидорова Анна", "Добрый день, Иванова Мария Петровна Сидорова Анна!"),
    ("", "Добрый день!"),
])
def test_greeting(name: str, expected: str) -> None:
    assert greeting(name) == expected


def test_the_parts_of_a_name_in_either_order() -> None:
    a = parse_person_name("Лазарева Марфа Олеговна")
    b = parse_person_name("Марфа Олеговна Лазарева")
    assert a == b
    assert a is not None and (a.first, a.patronymic, a.last, a.gender) == (
        "Марфа", "Олеговна", "Лазарева", "female")
    assert parse_person_name("Олеговна") is None  # a patronymic alone has no first name


def test_the_offer_intro_opens_with_the_greeting() -> None:
    assert default_intro("classic", "Лазарева Марфа Олеговна").splitlines()[0] == \
        "Уважаемая Марфа Олеговна!"
    assert default_intro("modern", "").splitlines()[0] == "Добрый день!"


@pytest.mark.parametrize(("name", "expected"), [
    ("Полина Павловна Фокина", "Фокина П. П."),
    ("Фокина Полина Павловна", "Фокина П. П."),
    ("Алиев Ахмед Рашид оглы", "Алиев А. Р."),
    ("Анна Ильинична", "Анна Ильинична"),  # no surname: as written
    ("Никита  Смирнов", "Никита Смирнов"),
])
def test_short_name(name: str, expected: str) -> None:
    from app.services.documents.addressing import short_name

    assert short_name(name) == expected
