"""Client feedback: complaints and satisfaction scores."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, check_in

COMPLAINT_CATEGORIES = ("quality", "service", "price", "delivery", "documents", "other")
COMPLAINT_STATUSES = ("open", "in_progress", "resolved", "rejected")
# NPS: 0–10 ("would you recommend us?"); CSAT: 1–5 ("how satisfied are you?")
SCORE_KINDS = ("nps", "csat")


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        check_in("category", COMPLAINT_CATEGORIES, "category"),
        check_in("status", COMPLAINT_STATUSES, "status"),
        CheckConstraint("due_on IS NULL OR due_on >= opened_on", name="due_after_opened"),
        CheckConstraint("resolution_cost IS NULL OR resolution_cost >= 0",
                        name="resolution_cost_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    shipment_id: Mapped[int | None] = mapped_column(
        ForeignKey("shipments.id", ondelete="SET NULL"))
    opened_on: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    responsible: Mapped[str] = mapped_column(String(200), default="", server_default="")
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolution_cost: Mapped[Decimal | None] = mapped_column(Money)
    resolved_on: Mapped[date | None] = mapped_column(Date)


class SatisfactionScore(Base):
    """An NPS (0–10) or CSAT (1–5) score with a comment, after a won deal or a delivery."""

    __tablename__ = "satisfaction_scores"
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 10", name="score_range"),
        check_in("kind", SCORE_KINDS, "kind"),
        CheckConstraint("kind <> 'csat' OR score BETWEEN 1 AND 5", name="csat_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(5), default="nps", server_default="nps")
    scored_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(50), default="")
