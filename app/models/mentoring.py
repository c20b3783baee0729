"""Mentoring: trainees, checklist templates and tasks, accompanied meetings, assessments,
and the manager's own learning log."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Quantity, UTCDateTime, check_in, utcnow

TRAINEE_STATUSES = ("onboarding", "finished", "left")
SKILLS = (
    "presentation",
    "needs_discovery",
    "objection_handling",
    "closing",
    "crm_discipline",
    "product_knowledge",
)
LEARNING_KINDS = ("course", "book", "training", "conference", "webinar", "practice")
LEARNING_STATUSES = ("planned", "in_progress", "done", "dropped")


class Trainee(Base):
    __tablename__ = "trainees"
    __table_args__ = (
        check_in("status", TRAINEE_STATUSES, "status"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    position: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="onboarding")


class ChecklistTemplate(Base):
    __tablename__ = "checklist_templates"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (
        CheckConstraint("due_offset_days >= 0", name="due_offset_non_negative"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        Index("ix_checklist_items_template_pos", "template_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE")
    )
    section: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    due_offset_days: Mapped[int] = mapped_column(Integer, default=0)


class TraineeTask(Base):
    """A trainee's copy of a checklist item (or a personal item); survives template deletion."""

    __tablename__ = "trainee_tasks"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        Index("ix_trainee_tasks_trainee_pos", "trainee_id", "position"),
        Index("ix_trainee_tasks_due", "done_on", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    template_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="SET NULL"), index=True
    )
    section: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    mentor_comment: Mapped[str] = mapped_column(Text, default="")


class AccompaniedMeeting(Base):
    """A real client meeting (an activity) the trainee attended, with the mentor's feedback."""

    __tablename__ = "accompanied_meetings"
    __table_args__ = (UniqueConstraint("trainee_id", "activity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    feedback: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assessment(Base):
    __tablename__ = "assessments"
    __table_args__ = (
        check_in("skill", SKILLS, "skill"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        UniqueConstraint("trainee_id", "assessed_on", "skill"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    assessed_on: Mapped[date] = mapped_column(Date)
    skill: Mapped[str] = mapped_column(String(30))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class LearningRecord(Base):
    """The manager's own learning (duty 13)."""

    __tablename__ = "learning_records"
    __table_args__ = (
        check_in("kind", LEARNING_KINDS, "kind"),
        check_in("status", LEARNING_STATUSES, "status"),
        CheckConstraint("hours >= 0", name="hours_non_negative"),
        CheckConstraint("finished_on IS NULL OR finished_on >= started_on", name="period_order"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    started_on: Mapped[date] = mapped_column(Date)
    finished_on: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("0"))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    takeaways: Mapped[str] = mapped_column(Text, default="")
    skill: Mapped[str] = mapped_column(String(100), default="")
