"""Activities: calls, meetings, e-mails, presentations, tasks and notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, check_in, utcnow

ACTIVITY_KINDS = ("call", "meeting", "email", "presentation", "task", "note")
ACTIVITY_PRIORITIES = ("low", "normal", "high")
# what an activity is for beyond its kind: a service call of the client's rhythm, the call
# after a won deal, a greeting on a birthday or a holiday ("" for everything else)
ACTIVITY_PURPOSES = ("", "service", "follow_up", "greeting")
REPEAT_UNITS = ("", "day", "week", "month")


class Activity(Base):
    __tablename__ = "activities"
    __table_args__ = (
        check_in("kind", ACTIVITY_KINDS, "kind"),
        Index("ix_activities_done_due", "done", "due_at"),
        Index("ix_activities_client_done_due", "client_id", "done", "due_at"),
        # a deal's activities, and whether one is still open (0013: «нет следующего шага»)
        Index("ix_activities_deal_done_due", "deal_id", "done", "due_at"),
        # the presentations held, for the Plan tab's conversion figure (migration 0009)
        Index("ix_activities_held_presentations", "due_at", "deal_id", "done",
              sqlite_where=text("kind = 'presentation' AND result = 'held'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # migration 0008: the manager's day (issue 13). The columns are added to a table that may
    # hold a million rows, so they carry server defaults and no CHECK (the service checks).
    duration_min: Mapped[int | None] = mapped_column(Integer)  # planned, or a logged call's
    priority: Mapped[str] = mapped_column(String(10), default="normal",
                                          server_default="normal")
    purpose: Mapped[str] = mapped_column(String(20), default="", server_default="")
    result: Mapped[str] = mapped_column(String(20), default="", server_default="")  # code
    reaction: Mapped[str] = mapped_column(String(20), default="", server_default="")
    next_activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"))
    no_next_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    remind_before_min: Mapped[int | None] = mapped_column(Integer)
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # next firing
    repeat_every: Mapped[int | None] = mapped_column(Integer)
    repeat_unit: Mapped[str] = mapped_column(String(10), default="", server_default="")
    ical_uid: Mapped[str | None] = mapped_column(String(255), index=True)
    # a corrective task of a complaint (migration 0016)
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="SET NULL"), index=True)


class ActivityMaterial(Base):
    """A file a presentation (or any activity) shows: a path on disk, opened by the system."""

    __tablename__ = "activity_materials"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(300), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
