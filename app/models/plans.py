"""Sales plan targets: a month, optionally narrowed to a product group, region or segment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money


class PlanTarget(Base):
    """Empty strings in the breakdown columns mean "all" (NULLs would defeat UNIQUE)."""

    __tablename__ = "plan_targets"
    __table_args__ = (
        UniqueConstraint("period_start", "product_group", "region", "segment"),
        CheckConstraint("amount >= 0", name="amount_non_negative"),
        CheckConstraint("strftime('%d', period_start) = '01'", name="period_is_month_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    product_group: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    segment: Mapped[str] = mapped_column(String(100), default="")
    amount: Mapped[Decimal] = mapped_column(Money)
