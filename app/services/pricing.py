"""Line totals and VAT as Russian law has it: one implementation for deals, offers, invoices.

VAT ("standard") is 20 % before 1 January 2026 and 22 % from that day (425-ФЗ of
28.11.2025); 10 %, 0 %, 5 %/7 % (simplified system) and "без НДС" are fixed. The rate is
taken by the document's date. VAT is computed per line and rounded half-up to kopecks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.figures import HUNDRED
from app.domain.money import ZERO, round_money
from app.i18n import translate

STANDARD_RATE_CHANGE = date(2026, 1, 1)


def vat_rate(kind: str, on: date) -> Decimal | None:
    """The VAT rate in percent for a VAT kind on a date; None means "без НДС"."""
    if kind == "standard":
        return Decimal(22) if on >= STANDARD_RATE_CHANGE else Decimal(20)
    fixed = {"reduced10": Decimal(10), "zero": Decimal(0), "usn5": Decimal(5),
             "usn7": Decimal(7), "none": None}
    if kind not in fixed:
        raise ValueError(f"unknown VAT kind: {kind}")
    return fixed[kind]


def rate_changes(kind: str, start: date, end: date) -> list[tuple[date, Decimal, Decimal]]:
    """The changes of a VAT kind's rate after `start` up to `end`: (day, old, new) each."""
    if kind != "standard" or not start < STANDARD_RATE_CHANGE <= end:
        return []
    before, after = vat_rate(kind, start), vat_rate(kind, STANDARD_RATE_CHANGE)
    assert before is not None and after is not None  # "standard" always has a rate
    return [(STANDARD_RATE_CHANGE, before, after)]


def vat_kind_label(kind: str, on: date | None = None) -> str:
    rate = vat_rate(kind, on or date.today())
    if rate is None:
        return translate("Vat", "Без НДС")
    return translate("Vat", "НДС {rate} %").format(rate=f"{rate:.0f}")


@dataclass(frozen=True)
class LineVat:
    total: Decimal  # the line's sum as shown in the document
    net: Decimal  # without VAT
    vat: Decimal
    rate: Decimal | None


def line_vat(total: Decimal, rate: Decimal | None, *, prices_include_vat: bool) -> LineVat:
    """Split (or extend) a line sum by its VAT rate, rounding VAT half-up per line."""
    if rate is None or rate == 0:
        return LineVat(total=total, net=total, vat=ZERO, rate=rate)
    if prices_include_vat:
        vat = round_money(total * rate / (HUNDRED + rate))
        return LineVat(total=total, net=total - vat, vat=vat, rate=rate)
    vat = round_money(total * rate / HUNDRED)
    return LineVat(total=total + vat, net=total, vat=vat, rate=rate)
