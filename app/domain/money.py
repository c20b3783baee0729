"""Money and other exact decimals: rounding rules shared by models, services and documents.

Money is `Decimal` rubles everywhere in Python and INTEGER kopecks in the database.
Rounding is half-up to kopecks, applied only where a document or a stored amount needs it
(Python's own default, half-even, would turn 2.675 into 2.67).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.i18n import translate

KOPECK = Decimal("0.01")
ZERO = Decimal("0.00")


def round_money(value: Decimal | int | str) -> Decimal:
    """Round to kopecks, half-up. Floats are refused: they are not exact."""
    if isinstance(value, float):
        raise TypeError("money must be Decimal, int or str, never float")
    return Decimal(value).quantize(KOPECK, rounding=ROUND_HALF_UP)


def to_kopecks(value: Decimal | int | str) -> int:
    """Rubles (Decimal) → integer kopecks, rounding half-up."""
    return int(round_money(value) * 100)


def from_kopecks(kopecks: int) -> Decimal:
    """Integer kopecks → Decimal rubles with two places."""
    return (Decimal(int(kopecks)) / 100).quantize(KOPECK)


def parse_money(text: str) -> Decimal:
    """Parse a user-typed amount: spaces as thousand separators, comma or dot as decimal.

    Raises ValueError with a readable message on anything that is not a number.
    """
    cleaned = (
        str(text).replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    )
    cleaned = cleaned.removesuffix("₽").removesuffix("руб.").removesuffix("р.")
    if not cleaned:
        raise ValueError("empty amount")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return value


def format_money(value: Decimal | None, *, currency: bool = True, empty: str = "") -> str:
    """Russian style: `1 234 567,89 ₽` (no-break spaces between groups); `empty` for None."""
    if value is None:
        return empty
    rounded = round_money(value)
    sign = "-" if rounded < 0 else ""
    whole, frac = f"{abs(rounded):.2f}".split(".")
    text = f"{sign}{_grouped(whole)},{frac}"
    return f"{text}\u00a0₽" if currency else text


def _grouped(digits: str) -> str:
    """`1234567` → `1 234 567` with no-break spaces (Russian digit groups)."""
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return "\u00a0".join(groups)


def format_count(value: int) -> str:
    """A count in Russian style: `12 345` (no-break spaces between groups)."""
    return ("-" if value < 0 else "") + _grouped(str(abs(value)))


def format_rubles(value: Decimal | None, empty: str = "") -> str:
    """`1 234 568 ₽`: whole rubles, half-up — cards and column headers, where kopecks are
    noise (tooltips show `format_money`); `empty` for None."""
    if value is None:
        return empty
    whole = round_money(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return format_money(whole).replace(",00", "")


def short_money(value: Decimal | int | float) -> str:
    """`1,2 млрд` / `1,2 млн` / `350 тыс.` / `900`: chart axes and labels, no currency sign.

    Chart libraries hand over floats; they are only shown here, never computed with.
    """
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    size = abs(amount)
    for threshold, template in ((Decimal(10) ** 9, translate("Charts", "{v} млрд")),
                                (Decimal(10) ** 6, translate("Charts", "{v} млн"))):
        if size >= threshold:
            number = (amount / threshold).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            return template.format(v=str(number).replace(".", ","))
    if size >= 1000:
        number = (amount / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return translate("Charts", "{v} тыс.").format(v=number)
    return str(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
