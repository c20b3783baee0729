"""How values look on screen: money, dates, local time."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.money import format_money


def money(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


def day(value: date | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")


def local_time(value: datetime | None) -> str:
    """A stored (UTC) instant in the user's local time zone."""
    if value is None:
        return ""
    return value.astimezone().strftime("%d.%m.%Y %H:%M")
