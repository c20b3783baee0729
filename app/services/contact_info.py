"""Phones and e-mails as people type them, checked and normalised (phonenumbers,
email-validator) — for client contacts and the own company alike.

Both checks are pure functions of the text, so their answers are remembered per distinct
value (an import meets the same company phone and mail domain many times). A Russian
number written the usual ways («+7 (916) 123-45-67», «8 916 1234567») skips phonenumbers'
text parsing: what the parser would make of it (country code 7 and the ten digits) is built
directly, and phonenumbers still decides whether it is valid and how it is written
(tests/unit/test_transfer_speed_paths.py compares both paths for every three-digit code).
"""

from __future__ import annotations

import re
from functools import lru_cache

# "+7" or "8", then ten digits of which the first is 3–9 (geographic, mobile, 8xx), with
# only spaces, hyphens and brackets between them: nothing else the parser would look at
# (no extension, no letters, no second number, no leading zero to keep).
_RUSSIAN_WRITTEN = re.compile(r"(?:\+7|8)[ ()-]*([3-9](?:[ ()-]*\d){9})")
_SEPARATORS = re.compile(r"[ ()-]")


def normalize_phone(value: str) -> str:
    """A phone in international format (+7 916 123-45-67); ValueError if it is not one."""
    value = (value or "").strip()
    if not value:
        return ""
    if value.startswith("'"):
        value = value[1:]
    normalized = _normalized_phone(value)
    if normalized is None:
        raise ValueError(value)
    return normalized


@lru_cache(maxsize=8192)
def _normalized_phone(value: str) -> str | None:
    import phonenumbers

    written = _RUSSIAN_WRITTEN.fullmatch(value)
    if written:
        number = phonenumbers.PhoneNumber(
            country_code=7, national_number=int(_SEPARATORS.sub("", written.group(1))))
    else:
        try:
            number = phonenumbers.parse(value, "RU")
        except phonenumbers.NumberParseException:
            return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(value: str) -> str:
    """An e-mail address normalised by email-validator; ValueError if it is not one."""
    value = (value or "").strip()
    if not value:
        return ""
    normalized = _normalized_email(value)
    if normalized is None:
        raise ValueError(value)
    return normalized


@lru_cache(maxsize=8192)
def _normalized_email(value: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None
