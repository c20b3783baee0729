"""Reminders: when the next one fires, which are due, snoozing and dismissing them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import literal_column, select

from app.i18n import translate
from app.models import Activity
from app.services.activities.dtos import ActivityDetail
from app.services.activities.records import get_activity, read_details
from app.services.activities.rules import aware_error
from app.services.errors import ValidationError
from app.services.uow import UowFactory

# `done` as a filter the planner cannot drive an index from ("+"): without statistics it
# would otherwise read every open activity by (done, due_at) instead of seeking remind_at
OPEN_UNINDEXED = literal_column("+activities.done") == 0


class Reminders:
    """`remind_at` is the next firing time of an open activity (NULL when done or none)."""

    _uow: UowFactory

    def next_reminder_at(self) -> datetime | None:
        """The soonest reminder of an open activity: one seek on ix_activities_remind_at."""
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(
                select(Activity.remind_at)
                .where(Activity.remind_at.is_not(None), OPEN_UNINDEXED)
                .order_by(Activity.remind_at).limit(1))

    def due_reminders(self, now: datetime) -> list[ActivityDetail]:
        """Open activities whose reminder time has come (missed ones too), soonest first."""
        message = aware_error(now)
        if message:
            raise ValidationError.single("now", message)
        with self._uow(read_only=True) as uow:
            return read_details(uow.session, Activity.remind_at.is_not(None),
                                Activity.remind_at <= now, OPEN_UNINDEXED,
                                order=(Activity.remind_at, Activity.id))

    def snooze(self, activity_id: int, until: datetime) -> None:
        """Fire the reminder again at `until` (e.g. in 10 minutes)."""
        message = aware_error(until)
        if message:
            raise ValidationError.single("until", message)
        with self._uow() as uow:
            a = get_activity(uow.session, activity_id)
            if a.done:
                raise ValidationError.single("until", translate(
                    "Activities", "Дело уже отмечено выполненным"))
            a.remind_at = until
            uow.commit()

    def dismiss_reminder(self, activity_id: int) -> None:
        """No more reminders for this activity (until its start or offset is changed)."""
        with self._uow() as uow:
            get_activity(uow.session, activity_id).remind_at = None
            uow.commit()
