"""Small display helpers shared by the deals views (compact money, activity labels)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.services.activities import activity_kind_label


def activity_short(kind: str, due: datetime) -> str:
    """`Звонок · 18.11 10:00` in local time."""
    local = due.astimezone()
    return f"{activity_kind_label(kind)} · {local.strftime('%d.%m %H:%M')}"


def parse_decimal(text: str) -> Decimal:
    """A user-typed number: spaces ignored, comma or dot; ValueError if not a number."""
    from app.domain.money import parse_money

    return parse_money(text.replace("%", ""))
