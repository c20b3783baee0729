"""Amounts in words for documents ("Сто рублей 05 копеек"), in the interface language."""

from __future__ import annotations

from decimal import Decimal

from app.domain.money import round_money
from app.i18n import current_language, translate


def amount_in_words(amount: Decimal | str) -> str:
    """Rubles in words, kopecks in digits, first letter capitalised.

    num2words gets a Decimal (an int would be read as kopecks, a float rounds wrongly).
    """
    from num2words import num2words

    value = round_money(amount)  # refuses floats
    sign = ""
    if value < 0:
        sign, value = translate("Documents", "минус "), -value
    lang = "en" if current_language() == "en" else "ru"
    text = str(num2words(value, lang=lang, to="currency", currency="RUB", cents=False,
                         separator=""))
    text = sign + text
    return text[:1].upper() + text[1:]
