"""Market: competitors, their prices against our catalog, and marketing campaigns.

Columns added by migration 0016 (issue 16) are added in place with server defaults; their
kinds (`PRICE_LEVELS`, `PRICE_SOURCES`) are checked by the market service.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, Percent

# a competitor's price level against ours ('' = not judged)
PRICE_LEVELS = ("", "low", "same", "high", "premium")
# where a competitor's price was seen
PRICE_SOURCES = ("price_list", "tender", "client", "website", "other")


class Competitor(Base):
    __tablename__ = "competitors"
    __table_args__ = (
        CheckConstraint("market_share IS NULL OR market_share BETWEEN 0 AND 10000",
                        name="market_share_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    inn: Mapped[str] = mapped_column(String(12), default="", server_default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    segments: Mapped[str] = mapped_column(Text, default="", server_default="")  # comma-separated
    price_level: Mapped[str] = mapped_column(String(10), default="", server_default="")
    market_share: Mapped[Decimal | None] = mapped_column(Percent)
    strengths: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    opportunities: Mapped[str] = mapped_column(Text, default="")
    threats: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CompetitorPrice(Base):
    __tablename__ = "competitor_prices"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_non_negative"),
        UniqueConstraint("competitor_id", "product_id", "observed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"),
                                            index=True)
    price: Mapped[Decimal] = mapped_column(Money)
    observed_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="price_list",
                                        server_default="price_list")
    note: Mapped[str] = mapped_column(Text, default="")


class Campaign(Base):
    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint("cost >= 0", name="cost_non_negative"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="period_order"),
        Index("ix_campaigns_period", "started_on", "ended_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(100))
    # the sum of the campaign's cost lines (`campaign_costs`), written by the market service in
    # the same transaction as the lines: the Plan tab's sources page sums it per channel
    cost: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    target_segment: Mapped[str] = mapped_column(String(100), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CampaignCost(Base):
    """One cost line of a campaign: the stand, the printing, the travel, the mailing service."""

    __tablename__ = "campaign_costs"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_non_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money)
    spent_on: Mapped[date | None] = mapped_column(Date)


def cost_day() -> ColumnElement[date]:
    """The day a cost line counts on: its own date, or else its campaign's start — the one
    rule for "a campaign's cost in a period" (the campaigns' figures, the Plan tab's
    sources page)."""
    return func.coalesce(CampaignCost.spent_on, Campaign.started_on)
