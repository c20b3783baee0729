"""Line sums, VAT per rate and document totals, computed from frozen snapshot lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.figures import line_total
from app.domain.money import ZERO, format_money
from app.i18n import translate
from app.services.pricing import line_vat, vat_rate


@dataclass(frozen=True)
class PricedLine:
    name: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal
    vat_kind: str
    rate: Decimal | None
    amount: Decimal  # as priced (incl. VAT when prices include it)
    net: Decimal
    vat: Decimal
    total: Decimal  # with VAT


@dataclass(frozen=True)
class DocumentTotals:
    lines: tuple[PricedLine, ...]
    prices_include_vat: bool
    net: Decimal
    vat: Decimal
    total: Decimal
    amount: Decimal  # sum of the "Сумма" column
    vat_by_rate: tuple[tuple[Decimal, Decimal], ...]  # (rate, vat), highest rate first
    has_no_vat_lines: bool


def snapshot_line(name: str, unit: str, quantity: Decimal, price: Decimal, discount: Decimal,
                  vat_kind: str, on: date) -> dict[str, str | None]:
    """A line as frozen in a snapshot (decimals as strings, the rate fixed by the date)."""
    rate = vat_rate(vat_kind, on)
    return {"name": name, "unit": unit, "quantity": str(quantity), "price": str(price),
            "discount": str(discount), "vat_kind": vat_kind,
            "vat_rate": None if rate is None else str(rate)}


def compute_totals(lines: Sequence[Mapping[str, Any]], *,
                   prices_include_vat: bool) -> DocumentTotals:
    """The totals of snapshot lines (JSON objects as `snapshot_line` writes them)."""
    priced: list[PricedLine] = []
    by_rate: dict[Decimal, Decimal] = {}
    for raw in lines:
        quantity = Decimal(raw["quantity"])
        price = Decimal(raw["price"])
        discount = Decimal(raw.get("discount") or "0")
        rate = None if raw.get("vat_rate") in (None, "") else Decimal(raw["vat_rate"])
        amount = line_total(quantity, price, discount)
        split = line_vat(amount, rate, prices_include_vat=prices_include_vat)
        priced.append(PricedLine(
            name=str(raw["name"]), unit=str(raw.get("unit") or ""), quantity=quantity,
            price=price, discount=discount, vat_kind=str(raw.get("vat_kind") or ""),
            rate=rate, amount=amount, net=split.net, vat=split.vat, total=split.total))
        if rate is not None:
            by_rate[rate] = by_rate.get(rate, ZERO) + split.vat
    return DocumentTotals(
        lines=tuple(priced), prices_include_vat=prices_include_vat,
        net=sum((p.net for p in priced), ZERO), vat=sum((p.vat for p in priced), ZERO),
        total=sum((p.total for p in priced), ZERO),
        amount=sum((p.amount for p in priced), ZERO),
        vat_by_rate=tuple(sorted(by_rate.items(), key=lambda kv: -kv[0])),
        has_no_vat_lines=any(p.rate is None for p in priced),
    )


def rate_label(rate: Decimal | None) -> str:
    if rate is None:
        return translate("Documents", "Без НДС")
    return translate("Documents", "{rate} %").format(rate=f"{rate.normalize():f}")


def number(value: Decimal, places: int = 3) -> str:
    """A quantity without trailing zeros, Russian decimal comma."""
    text = f"{value.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def money(value: Decimal) -> str:
    return format_money(value, currency=False)


def totals_rows(totals: DocumentTotals) -> list[tuple[str, str]]:
    """Label → amount rows under an items table."""
    rows: list[tuple[str, str]] = []
    if totals.prices_include_vat:
        rows.append((translate("Documents", "Итого:"), money(totals.amount)))
        for rate, vat in totals.vat_by_rate:
            rows.append((translate("Documents", "в т.ч. НДС {rate}:").format(
                rate=rate_label(rate)), money(vat)))
        if totals.vat_by_rate:
            rows.append((translate("Documents", "Сумма без НДС:"), money(totals.net)))
    else:
        rows.append((translate("Documents", "Итого без НДС:"), money(totals.net)))
        for rate, vat in totals.vat_by_rate:
            rows.append((translate("Documents", "НДС {rate}:").format(
                rate=rate_label(rate)), money(vat)))
    if not totals.vat_by_rate:
        rows.append((translate("Documents", "Без налога (НДС):"), "—"))
    rows.append((translate("Documents", "Всего к оплате:"), money(totals.total)))
    return rows


def vat_phrase(totals: DocumentTotals) -> str:
    """"в т.ч. НДС 22 % — 1 234,56 руб." / "НДС не облагается" for the words line."""
    if not totals.vat_by_rate:
        return translate("Documents", "НДС не облагается")
    parts = [translate("Documents", "НДС {rate} — {vat} руб.").format(
        rate=rate_label(rate), vat=money(vat)) for rate, vat in totals.vat_by_rate]
    return translate("Documents", "в т.ч. {parts}").format(parts="; ".join(parts))
