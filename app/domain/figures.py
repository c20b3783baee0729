"""The rules behind every figure: percentages, probability, won and open, line totals.

Each rule is a Python function; where SQL computes the same figure (aggregating queries,
the rollup triggers of migration 0004) the matching SQL text stands beside it, and
`tests/unit/test_figures.py` checks that both give the same answers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.domain.money import round_money

HUNDRED = Decimal(100)
TENTH = Decimal("0.1")

# --- what is stored ------------------------------------------------------------------------
# Decimal places the columns keep (models/base.py: Money, Quantity, Percent). A value with
# more is refused where it is entered, never rounded on the way in.
MONEY_PLACES = 2
QUANTITY_PLACES = 3
PERCENT_PLACES = 2


def too_precise(value: Decimal | int, places: int) -> bool:
    """More decimals than `places` (trailing zeros do not count: 1.500 has one)."""
    value = Decimal(value)
    return value != value.quantize(Decimal(1).scaleb(-places))


# --- percentages -----------------------------------------------------------------------

def percent(part: Decimal | int, whole: Decimal | int | None, *,
            places: int = 1) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded half-up to `places` decimals (0.1 by
    default); None when `whole` is 0 or missing.

    Half-up everywhere (1/16 is 6.3 %, not the 6.2 % of Python's half-even rounding).
    """
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | int | None, empty: str = "—") -> str:
    """`6,3 %` (a no-break space before the sign); `empty` for no value."""
    if value is None:
        return empty
    return f"{value}\u00a0%".replace(".", ",")


# --- probability -------------------------------------------------------------------------

def effective_probability(deal_probability: int | None, stage_probability: int) -> int:
    """A deal's own probability if the manager set one, else its stage's."""
    return stage_probability if deal_probability is None else deal_probability


def effective_probability_sql(deal: str = "d", stage: str = "st") -> str:
    """`effective_probability` in SQL over a deals alias and a stages alias."""
    return f"COALESCE({deal}.probability, {stage}.probability)"


def weighted_amount(amount: Decimal, probability: int) -> Decimal:
    """What an open deal is worth to the forecast: amount × probability, to kopecks."""
    return round_money(amount * probability / HUNDRED)


# --- won, lost, open ---------------------------------------------------------------------

def is_open(*, is_won: bool, is_lost: bool) -> bool:
    """A deal is open while its stage is neither the won nor the lost stage."""
    return not (is_won or is_lost)


def open_stage_sql(stage: str = "st") -> str:
    return f"({stage}.is_won = 0 AND {stage}.is_lost = 0)"


def won_stage_sql(stage: str = "st") -> str:
    """A deal counts as won when it stands in the won stage (its revenue date: closed_on)."""
    return f"{stage}.is_won = 1"


def won_deal_sql(deal: str = "d") -> str:
    """`won_stage_sql` without joining stages: SQLite then reads won deals from the covering
    index on (stage_id, closed_on, …) instead of the wide deals table."""
    return f"{deal}.stage_id IN (SELECT id FROM stages WHERE is_won = 1)"


def lost_deal_sql(deal: str = "d") -> str:
    return f"{deal}.stage_id IN (SELECT id FROM stages WHERE is_lost = 1)"


# --- deal lines --------------------------------------------------------------------------

# SQLite integers are 64-bit: the trigger's product quantity (thousandths) × price (kopecks)
# × 10 000 stays exact only below 2⁶³, i.e. quantity × price below about 9.2 billion rubles.
MAX_LINE_GROSS = Decimal("9000000000")


def line_total(quantity: Decimal, price: Decimal, discount: Decimal = Decimal(0)) -> Decimal:
    """quantity × price less the discount (%), rounded half-up to kopecks."""
    return round_money(quantity * price * (HUNDRED - discount) / HUNDRED)


def line_total_sql(line: str = "l") -> str:
    """`line_total` over stored integers (quantity in thousandths, price in kopecks,
    discount in hundredths of a per cent) → kopecks, half-up; exact within MAX_LINE_GROSS."""
    return (f"(({line}.quantity * {line}.price * (10000 - {line}.discount) + 5000000)"
            f" / 10000000)")
