"""Actions on several activities at once (reschedule, done, another deal), their undo and
redo; a move."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Activity, ActivityMaterial, Deal
from app.services.activities.codes import results_for
from app.services.activities.completion import add_next_occurrence, is_recurring
from app.services.activities.dtos import ActivityState, BulkChange
from app.services.activities.records import get_activity, not_found
from app.services.activities.rules import aware_error, remind_time
from app.services.errors import ConflictError, NotFoundError, ValidationError
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
                         client_id=a.client_id, duration_min=a.duration_min,
                         subject=a.subject)


# what a bulk action or a move may change (ActivityState without its id)
_FIELDS = ("due_at", "remind_at", "done", "done_at", "result", "no_next_reason",
           "next_activity_id", "deal_id", "client_id", "duration_min")
# changed by others without the user editing the activity (a snoozed or dismissed reminder,
# a deleted next step), so they never make an undo or a redo refused
_NOT_CHECKED = ("remind_at", "next_activity_id")


def _touched(before: ActivityState, after: ActivityState) -> list[str]:
    """The fields the action changed in one activity: the only ones undo and redo write."""
    return [f for f in _FIELDS if getattr(before, f) != getattr(after, f)]


def _row(a: Activity) -> tuple[object, ...]:
    """An occurrence's columns but its reminder: it is deleted by an undo only as created."""
    return tuple(getattr(a, c.key) for c in Activity.__mapper__.column_attrs
                 if c.key != "remind_at")


def _change(description: str, changed: Sequence[Activity],
            previous: tuple[ActivityState, ...],
            created: Sequence[Activity] = ()) -> BulkChange:
    """The change as it is about to be committed (call after the last write)."""
    return BulkChange(description, tuple(a.id for a in changed), previous,
                      tuple(o.id for o in created), tuple(_state(a) for a in changed),
                      tuple(_row(o) for o in created))


def _as_left(s: Session, expected: ActivityState, other: ActivityState) -> Activity:
    """The activity, refused (ConflictError) unless the fields the change touched are still
    as `expected` (the change's `after` for an undo, `previous` for a redo), and it is still
    open or done as then (a move of one completed since is not undone)."""
    a = s.get(Activity, expected.id)
    if a is None:
        raise ConflictError(translate("Activities", "Дело «{subject}» удалено с тех пор")
                            .format(subject=expected.subject))
    for f in dict.fromkeys([*_touched(other, expected), "done"]):
        if f not in _NOT_CHECKED and getattr(a, f) != getattr(expected, f):
            raise ConflictError(translate(
                "Activities", "Дело «{subject}» изменено с тех пор — оставлено как есть")
                .format(subject=a.subject))
    return a


def _put(s: Session, a: Activity, state: ActivityState, fields: Sequence[str]) -> None:
    """Write `fields` of `state` into `a` (refused when the deal to tie it to is gone)."""
    if ("deal_id" in fields and state.deal_id is not None
            and s.get(Deal, state.deal_id) is None):
        raise ConflictError(translate(
            "Activities", "Сделка дела «{subject}» удалена с тех пор — оставлено как есть")
            .format(subject=a.subject))
    for f in fields:
        setattr(a, f, getattr(state, f))


def _aware(value: datetime, field: str) -> None:
    message = aware_error(value)
    if message:
        raise ValidationError.single(field, message)


def at_local_time_of(due_at: datetime, day: date) -> datetime:
    """`day` at the local time of day `due_at` has (the local wall clock kept)."""
    local = due_at.astimezone()
    return datetime.combine(day, local.time().replace(tzinfo=None)).astimezone().astimezone(UTC)


class BulkActions:
    """Each action is one transaction and returns a BulkChange that `undo` reverts and
    `redo` does again (each one transaction too).

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
            change = _change(translate("Activities", "Перенесено дел: {n}").format(
                n=len(changed)), changed, previous)
            uow.commit()
        return change

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
            change = _change(translate("Activities", "Перенесено дел: {n}").format(
                n=len(changed)), changed, previous)
            uow.commit()
        return change

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
            created: list[Activity] = []
            for a in changed:
                a.done, a.done_at, a.result, a.remind_at = True, now, result, None
                a.no_next_reason = translate("Activities", "Отмечено списком")
                if is_recurring(a):
                    occurrence = add_next_occurrence(s, a)
                    a.next_activity_id = occurrence.id
                    created.append(occurrence)
            s.flush()
            change = _change(translate("Activities", "Выполнено дел: {n}").format(
                n=len(changed)), changed, previous, created)
            uow.commit()
        return change

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
            change = _change(translate("Activities", "Перенесено в сделку «{title}» дел: {n}")
                             .format(title=deal.title, n=len(changed)), changed, previous)
            uow.commit()
        return change

    def undo(self, change: BulkChange) -> None:
        """Put every activity of the change back as it was before it (what the change
        touched: start, reminder, done, result, deal) and delete the occurrences it created,
        in one transaction.

        Refused (ConflictError, nothing written) when one of them was deleted since, or
        what the change touched was edited since, or an occurrence was edited or done since.
        """
        assert len(change.after) == len(change.previous), "a change made by this service"
        with self._uow() as uow:
            s = uow.session
            for before, after in zip(change.previous, change.after, strict=True):
                _put(s, _as_left(s, after, before), before, _touched(before, after))
            uow.flush()
            for created_id, row in zip(change.created_ids, change.created_rows, strict=True):
                occurrence = s.get(Activity, created_id)
                if occurrence is None:  # deleted since: nothing of it to keep
                    continue
                if occurrence.done or _row(occurrence) != row or s.scalar(
                        select(ActivityMaterial.id)
                        .where(ActivityMaterial.activity_id == created_id).limit(1)):
                    raise ConflictError(translate(
                        "Activities", "Следующее дело серии «{subject}» изменено с тех пор — "
                                      "оставлено как есть").format(subject=occurrence.subject))
                s.delete(occurrence)
            uow.commit()

    def redo(self, change: BulkChange) -> BulkChange:
        """Do an undone change again, in one transaction: each activity as the change left
        it, a recurring one marked done with a new next occurrence. Returns the change as
        done again (its new occurrences), for the next undo.

        Refused (ConflictError, nothing written) when one of them was deleted or what the
        change touches was edited since the undo.
        """
        assert len(change.after) == len(change.previous), "a change made by this service"
        created_before = set(change.created_ids)
        with self._uow() as uow:
            s = uow.session
            changed: list[Activity] = []
            created: list[Activity] = []
            for before, after in zip(change.previous, change.after, strict=True):
                a = _as_left(s, before, after)
                _put(s, a, after, [f for f in _touched(before, after)
                                   if f != "next_activity_id"])
                if after.next_activity_id in created_before and is_recurring(a):
                    occurrence = add_next_occurrence(s, a)
                    a.next_activity_id = occurrence.id
                    created.append(occurrence)
                elif "next_activity_id" in _touched(before, after):
                    a.next_activity_id = None if after.next_activity_id in created_before \
                        else after.next_activity_id
                changed.append(a)
            s.flush()
            again = _change(change.description, changed, change.previous, created)
            uow.commit()
        return again

    def move(self, activity_id: int, due_at: datetime,
             duration_min: int | None = None) -> BulkChange:
        """A calendar drag (new start) or resize (new length); the reminder follows. Returns
        the change for `undo` and `redo`, as the bulk actions do (refused there when its
        start or length was edited since, or it was completed since)."""
        _aware(due_at, "due_at")
        if duration_min is not None and duration_min <= 0:
            raise ValidationError.single("duration_min", translate(
                "Activities", "Окончание раньше начала"))
        with self._uow() as uow:
            a = get_activity(uow.session, activity_id)
            previous = (_state(a),)
            a.due_at = due_at
            if duration_min is not None:
                a.duration_min = duration_min
            a.remind_at = remind_time(due_at, a.remind_before_min, done=a.done)
            change = _change(translate("Activities", "Перенесено дел: {n}").format(n=1),
                             [a], previous)
            uow.commit()
        return change
