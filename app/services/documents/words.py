"""Amounts in Russian words for documents ("Сто рублей 05 копеек")."""

from __future__ import annotations

from decimal import Decimal

from app.i18n import translate
from app.money import round_money


def amount_in_words(amount: Decimal | str) -> str:
    """Rubles in words, kopecks in digits, first letter capitalised.

    num2words gets a Decimal (an int would be read as kopecks, a float rounds wrongly).
    """
    from num2words import num2words

    if isinstance(amount, float):
        raise TypeError("amount must be Decimal or str, never float")
    value = round_money(Decimal(amount))
    sign = ""
    if value < 0:
        sign, value = translate("Documents", "минус "), -value
    text = num2words(value, lang="ru", to="currency", currency="RUB", cents=False,
                     separator="")
    text = sign + text
    return text[:1].upper() + text[1:]
