"""The pipeline: stages, deals with their lines, stage history and objections."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    and_,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Money, Percent, Quantity, UTCDateTime, check_in, utcnow
from app.models.company import VAT_KINDS


class Stage(Base):
    __tablename__ = "stages"
    __table_args__ = (
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability_range"),
        CheckConstraint("stall_days IS NULL OR stall_days > 0", name="stall_days_positive"),
        CheckConstraint("NOT (is_won AND is_lost)", name="won_xor_lost"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    probability: Mapped[int] = mapped_column(Integer, default=10)
    stall_days: Mapped[int | None] = mapped_column(Integer)
    is_won: Mapped[bool] = mapped_column(Boolean, default=False)
    is_lost: Mapped[bool] = mapped_column(Boolean, default=False)


class Deal(Base):
    __tablename__ = "deals"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_non_negative"),
        CheckConstraint(
            "probability IS NULL OR probability BETWEEN 0 AND 100", name="probability_range"
        ),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        Index("ix_deals_closed_on", "closed_on"),
        Index("ix_deals_expected_close", "expected_close"),
        # Covering indexes for the Plan tab's aggregates (migrations 0003, 0004): closed deals
        # by stage and date (actuals, ABC buyers, losses, sources), the open pipeline.
        Index("ix_deals_stage_closed_cover", "stage_id", "closed_on", "client_id", "amount",
              "source", "lost_reason", "competitor_id"),
        Index("ix_deals_pipeline_cover", "expected_close", "stage_id", "amount", "probability"),
        # The open deals by stage for the Сделки tab's forecast and column sums (0007).
        Index("ix_deals_stage_pipeline", "stage_id", "expected_close", "amount", "probability",
              "client_id"),
        Index("ix_deals_created_source", "created_at", "source"),  # opened in a period (0004)
        # a client's won deals by date: ABC/XYZ months, the rollup triggers; FK look-ups (0004)
        Index("ix_deals_client_won", "client_id", "stage_id", "closed_on", "amount"),
        # the open deals' time in their stage, for the Today tab's stalled deals (0013)
        Index("ix_deals_stage_entered", "stage_id", "stage_entered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT")  # indexed by ix_deals_client_won
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    probability: Mapped[int | None] = mapped_column(Integer)
    expected_close: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(100), default="")
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    lost_reason: Mapped[str] = mapped_column(String(50), default="")
    lost_comment: Mapped[str] = mapped_column(Text, default="")
    competitor_id: Mapped[int | None] = mapped_column(
        ForeignKey("competitors.id", ondelete="SET NULL"), index=True
    )
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    delivery_terms: Mapped[str] = mapped_column(Text, default="")
    negotiation_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    stage_entered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    lines: Mapped[list[DealLine]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="DealLine.position"
    )


class DealLine(Base):
    __tablename__ = "deal_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("price >= 0", name="price_non_negative"),
        CheckConstraint("discount BETWEEN 0 AND 10000", name="discount_range"),
        check_in("vat_kind", VAT_KINDS, "vat_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(20), default="шт")
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    price: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0"))
    vat_kind: Mapped[str] = mapped_column(String(20), default="standard")
    floor_override_reason: Mapped[str] = mapped_column(Text, default="")


class StageChange(Base):
    __tablename__ = "stage_changes"
    # The funnel reads the trigger-kept agg_stage_flow (migration 0004), not this table.
    __table_args__ = (Index("ix_stage_changes_deal_time", "deal_id", "changed_at"),
                      Index("ix_stage_changes_to_time", "to_stage_id", "changed_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    from_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stages.id", ondelete="SET NULL")
    )
    to_stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Objection(Base):
    __tablename__ = "objections"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StandardObjection(Base):
    """The library of standard objections and answers the manager picks from."""

    __tablename__ = "standard_objections"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text, unique=True)
    answer: Mapped[str] = mapped_column(Text, default="")


# The ORM forms of app.domain.figures' rules (tests/unit/test_figures.py checks they agree).

def effective_probability() -> ColumnElement[int]:
    """A deal's own probability if set, else its stage's (a query joining Deal and Stage)."""
    return func.coalesce(Deal.probability, Stage.probability)


def stage_is_open() -> ColumnElement[bool]:
    """The stage is neither the won nor the lost one."""
    return and_(Stage.is_won.is_(False), Stage.is_lost.is_(False))

