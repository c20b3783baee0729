"""Phones and e-mails as people type them, checked and normalised (phonenumbers,
email-validator) — for client contacts and the own company alike."""

from __future__ import annotations


def normalize_phone(value: str) -> str:
    """A phone in international format (+7 916 123-45-67); ValueError if it is not one."""
    import phonenumbers

    value = (value or "").strip()
    if not value:
        return ""
    if value.startswith("'"):
        value = value[1:]
    try:
        number = phonenumbers.parse(value, "RU")
    except phonenumbers.NumberParseException:
        raise ValueError(value) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    value = (value or "").strip()
    if not value:
        return ""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError(value) from None
