"""Actions on several activities at once (reschedule, done, another deal), their undo; a move."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Activity, Deal
from app.services.activities.codes import results_for
from app.services.activities.completion import add_next_occurrence, is_recurring
from app.services.activities.dtos import ActivityState, BulkChange
from app.services.activities.records import get_activity, not_found
from app.services.activities.rules import aware_error, remind_time
from app.services.errors import NotFoundError, ValidationError
from app.services.uow import UowFactory

_CHUNK = 500


def _load(s: Session, activity_ids: Sequence[int]) -> list[Activity]:
    """The activities in the order given (each once); NotFoundError if one is gone."""
    ids = list(dict.fromkeys(activity_ids))
    found: dict[int, Activity] = {}
    for start in range(0, len(ids), _CHUNK):
        found.update((a.id, a) for a in s.scalars(
            select(Activity).where(Activity.id.in_(ids[start:start + _CHUNK]))))
    if len(found) != len(ids):
        raise not_found()
    return [found[i] for i in ids]


def _state(a: Activity) -> ActivityState:
    return ActivityState(id=a.id, due_at=a.due_at, remind_at=a.remind_at, done=a.done,
                         done_at=a.done_at, result=a.result, no_next_reason=a.no_next_reason,
                         next_activity_id=a.next_activity_id, deal_id=a.deal_id,
                         client_id=a.client_id)


def _aware(value: datetime, field: str) -> None:
    message = aware_error(value)
    if message:
        raise ValidationError.single(field, message)


def at_local_time_of(due_at: datetime, day: date) -> datetime:
    """`day` at the local time of day `due_at` has (the local wall clock kept)."""
    local = due_at.astimezone()
    return datetime.combine(day, local.time().replace(tzinfo=None)).astimezone().astimezone(UTC)


class BulkActions:
    """Each action is one transaction and returns a BulkChange that `undo` reverts.

    The reschedules and "done" leave done activities as they are (they are not in the
    change); reassigning moves done ones too (the history goes with the deal).
    """

    _uow: UowFactory

    def reschedule(self, activity_ids: Sequence[int], due_at: datetime) -> BulkChange:
        """Move the open ones to `due_at` (their reminders follow)."""
        _aware(due_at, "due_at")
        with self._uow() as uow:
            changed = [a for a in _load(uow.session, activity_ids) if not a.done]
            previous = tuple(_state(a) for a in changed)
            for a in changed:
                a.due_at = due_at
                a.remind_at = remind_time(due_at, a.remind_before_min, done=False)
            uow.commit()
        return BulkChange(translate("Activities", "Перенесено дел: {n}").format(n=len(changed)),
                          tuple(a.id for a in changed), previous)

    def reschedule_to_day(self, activity_ids: Sequence[int], day: date) -> BulkChange:
        """Move the open ones to `day`, each keeping its local time of day."""
        with self._uow() as uow:
            changed = [a for a in _load(uow.session, activity_ids)
                       if not a.done and a.due_at is not None]
            previous = tuple(_state(a) for a in changed)
            for a in changed:
                assert a.due_at is not None
                a.due_at = at_local_time_of(a.due_at, day)
                a.remind_at = remind_time(a.due_at, a.remind_before_min, done=False)
            uow.commit()
        return BulkChange(translate("Activities", "Перенесено дел: {n}").format(n=len(changed)),
                          tuple(a.id for a in changed), previous)

    def mark_done_many(self, activity_ids: Sequence[int], *, result: str = "done",
                       now: datetime | None = None) -> BulkChange:
        """Mark the open ones done without a next step (reason «Отмечено списком»).

        `result` must suit every kind listed; "done" suits any kind here. A recurring one
        gets its next occurrence, as when it is completed one by one.
        """
        now = now or datetime.now(UTC)
        _aware(now, "now")
        with self._uow() as uow:
            s = uow.session
            changed = [a for a in _load(s, activity_ids) if not a.done]
            if any(result != "done" and result not in results_for(a.kind) for a in changed):
                raise ValidationError.single("result", translate(
                    "Activities", "Этот результат подходит не ко всем выбранным делам"))
            previous = tuple(_state(a) for a in changed)
            created: list[int] = []
            for a in changed:
                a.done, a.done_at, a.result, a.remind_at = True, now, result, None
                a.no_next_reason = translate("Activities", "Отмечено списком")
                if is_recurring(a):
                    occurrence = add_next_occurrence(s, a)
                    a.next_activity_id = occurrence.id
                    created.append(occurrence.id)
            uow.commit()
        return BulkChange(translate("Activities", "Выполнено дел: {n}").format(n=len(changed)),
                          tuple(a.id for a in changed), previous, tuple(created))

    def reassign(self, activity_ids: Sequence[int], deal_id: int) -> BulkChange:
        """Tie the activities to another deal of the same client (a personal task gets the
        deal's client)."""
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Activities", "Сделка не найдена"))
            changed = _load(s, activity_ids)
            foreign = [a.subject for a in changed
                       if a.client_id is not None and a.client_id != deal.client_id]
            if foreign:
                raise ValidationError.single("deal_id", translate(
                    "Activities", "Сделка другого клиента, чем у дела «{subject}»").format(
                    subject=foreign[0]))
            previous = tuple(_state(a) for a in changed)
            for a in changed:
                a.deal_id, a.client_id = deal.id, deal.client_id
            title = deal.title
            uow.commit()
        return BulkChange(translate("Activities", "Перенесено в сделку «{title}» дел: {n}").format(
            title=title, n=len(changed)), tuple(a.id for a in changed), previous)

    def undo(self, change: BulkChange) -> None:
        """Put every activity of the change back as it was before it (start, reminder, done,
        result, deal); the occurrences it created are deleted unless done since."""
        with self._uow() as uow:
            s = uow.session
            for st in change.previous:
                a = s.get(Activity, st.id)
                if a is None:  # deleted since
                    continue
                a.due_at, a.remind_at, a.done, a.done_at = (st.due_at, st.remind_at, st.done,
                                                            st.done_at)
                a.result, a.no_next_reason = st.result, st.no_next_reason
                a.next_activity_id, a.deal_id, a.client_id = (st.next_activity_id, st.deal_id,
                                                              st.client_id)
            uow.flush()
            for created_id in change.created_ids:
                occurrence = s.get(Activity, created_id)
                if occurrence is not None and not occurrence.done:
                    s.delete(occurrence)
            uow.commit()

    def move(self, activity_id: int, due_at: datetime, duration_min: int | None = None) -> None:
        """A calendar drag (new start) or resize (new length); the reminder follows."""
        _aware(due_at, "due_at")
        if duration_min is not None and duration_min <= 0:
            raise ValidationError.single("duration_min", translate(
                "Activities", "Окончание раньше начала"))
        with self._uow() as uow:
            a = get_activity(uow.session, activity_id)
            a.due_at = due_at
            if duration_min is not None:
                a.duration_min = duration_min
            a.remind_at = remind_time(due_at, a.remind_before_min, done=a.done)
            uow.commit()
