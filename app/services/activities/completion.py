"""Closing an activity with its result and next step, its undo and redo; a call logged
after the fact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Activity, ActivityMaterial
from app.services.activities.codes import (
    CALL_RESULTS,
    MEETING_KINDS,
    REACTIONS,
    result_label,
    results_for,
)
from app.services.activities.dtos import ActivityDraft, Columns, Completion, CompletionChange
from app.services.activities.records import get_activity, new_activity
from app.services.activities.rules import (
    NO_REMINDER,
    aware_error,
    check_draft,
    next_occurrence,
    remind_time,
)
from app.services.errors import ConflictError, ValidationError
from app.services.uow import UowFactory


def is_recurring(a: Activity) -> bool:
    return a.repeat_every is not None and bool(a.repeat_unit) and a.due_at is not None


def add_next_occurrence(s: Session, a: Activity) -> Activity:
    """The next occurrence of a recurring activity: the same call, one interval later."""
    assert a.due_at is not None and a.repeat_every is not None
    due = next_occurrence(a.due_at, a.repeat_every, a.repeat_unit)
    occurrence = Activity(
        kind=a.kind, subject=a.subject, client_id=a.client_id, contact_id=a.contact_id,
        deal_id=a.deal_id, due_at=due, duration_min=a.duration_min, place=a.place,
        notes=a.notes, priority=a.priority, purpose=a.purpose,
        remind_before_min=a.remind_before_min,
        remind_at=remind_time(due, a.remind_before_min, done=False),
        repeat_every=a.repeat_every, repeat_unit=a.repeat_unit, done=False)
    s.add(occurrence)
    s.flush()
    return occurrence


def columns_of(a: Activity) -> Columns:
    return tuple((attr.key, getattr(a, attr.key)) for attr in Activity.__mapper__.column_attrs)


# changed by others without anyone editing the activity (a snoozed reminder, a next step
# deleted), so they never refuse an undo or a redo of a completion
_UNCHECKED = ("remind_at", "next_activity_id")


def _unchecked(columns: Columns) -> Columns:
    return tuple((k, v) for k, v in columns if k not in _UNCHECKED)


def _files(s: Session, activity_id: int) -> tuple[str, ...]:
    return tuple(s.scalars(select(ActivityMaterial.path)
                           .where(ActivityMaterial.activity_id == activity_id)
                           .order_by(ActivityMaterial.id)))


def _completion_change(s: Session, a: Activity, before: Columns,
                       created: Sequence[Activity]) -> CompletionChange:
    """The completion as it is about to be committed (call after the last write)."""
    s.flush()
    return CompletionChange(
        a.id, a.subject, a.next_activity_id, before, columns_of(a), _files(s, a.id),
        tuple(c.id for c in created), tuple(columns_of(c) for c in created),
        tuple(_files(s, c.id) for c in created))


def _as_left(s: Session, activity_id: int, subject: str, expected: Columns,
             files: tuple[str, ...]) -> Activity:
    """The activity, refused (ConflictError) unless it is as `expected` (its reminder and
    next step's link aside) with the same files."""
    a = s.get(Activity, activity_id)
    if a is None:
        raise ConflictError(translate("Activities", "Дело «{subject}» удалено с тех пор")
                            .format(subject=subject))
    if _unchecked(columns_of(a)) != _unchecked(expected) or _files(s, a.id) != files:
        raise ConflictError(translate(
            "Activities", "Дело «{subject}» изменено с тех пор — оставлено как есть")
            .format(subject=a.subject))
    return a


def _write(a: Activity, columns: Columns) -> None:
    for key, value in columns:
        if key != "id":
            setattr(a, key, value)


def result_error(kind: str, result: str) -> str | None:
    if not result:
        return translate("Activities", "Выберите результат")
    if result not in results_for(kind):
        return translate("Activities", "Такого результата у этого вида дела нет")
    return None


class ActivityCompletion:
    """Completing with a result and the next step in one transaction; the call log."""

    _uow: UowFactory

    def complete(self, activity_id: int, completion: Completion, *,
                 now: datetime | None = None) -> int | None:
        """Mark the activity done with its result and create what comes next; → the next
        one's id (see `complete_undoable`)."""
        return self.complete_undoable(activity_id, completion, now=now).next_activity_id

    def complete_undoable(self, activity_id: int, completion: Completion, *,
                          now: datetime | None = None) -> CompletionChange:
        """Mark the activity done with its result and create what comes next; → what
        `undo_completion` takes back and `redo_completion` does again.

        The next step (`completion.next`) is created in the same transaction; a next step
        with no client, contact or deal of its own is for the activity's. A recurring
        activity also gets its next occurrence (the previous start plus the interval, one
        occurrence ahead). `next_activity_id` links the next step (else the occurrence),
        the change's `next_activity_id` (None without either). The reminder is cleared.
        Nothing is saved
        when anything is invalid, the next step included (its fields named "next.…").
        """
        now = now or datetime.now(UTC)
        done_at = completion.done_at or now
        errors: dict[str, str] = {}
        message = aware_error(completion.done_at)
        if message:
            errors["done_at"] = message
        with self._uow() as uow:
            s = uow.session
            a = get_activity(s, activity_id)
            if a.done:
                raise ValidationError.single("result", translate(
                    "Activities", "Дело уже отмечено выполненным"))
            message = result_error(a.kind, completion.result)
            if message:
                errors["result"] = message
            if completion.reaction and (a.kind not in MEETING_KINDS
                                        or completion.reaction not in REACTIONS):
                errors["reaction"] = translate("Activities", "Неизвестная реакция клиента")
            recurring = is_recurring(a)
            checked = None
            if completion.next is not None:
                draft = completion.next
                if draft.client_id is None and draft.contact_id is None and draft.deal_id is None:
                    draft = replace(draft, client_id=a.client_id, contact_id=a.contact_id,
                                    deal_id=a.deal_id)
                checked, next_errors = check_draft(s, draft, now=now, check_reminder=True,
                                                   prefix="next.")
                errors.update(next_errors)
            elif not recurring and not completion.no_next_reason.strip():
                errors["no_next_reason"] = translate(
                    "Activities", "Запланируйте следующий шаг или укажите, почему его нет")
            if errors:
                raise ValidationError(errors)
            before = columns_of(a)
            a.done, a.done_at, a.remind_at = True, done_at, None
            a.result, a.reaction = completion.result, completion.reaction
            a.outcome = completion.outcome.strip()
            a.no_next_reason = "" if checked is not None else completion.no_next_reason.strip()
            occurrence = add_next_occurrence(s, a) if recurring else None
            step = new_activity(s, checked) if checked is not None else None
            following = step or occurrence
            a.next_activity_id = following.id if following is not None else None
            change = _completion_change(s, a, before, [c for c in (occurrence, step) if c])
            uow.commit()
        return change

    def undo_completion(self, change: CompletionChange) -> None:
        """Put a completed activity back open as it was before (result, result text, «done»
        time, reason, reminder) and delete what the completion created, in one transaction.

        Refused (ConflictError, nothing written) when the activity was deleted or edited
        since, or what it created was edited, done or given files since (one deleted since
        is nothing to delete).
        """
        with self._uow() as uow:
            s = uow.session
            a = _as_left(s, change.activity_id, change.subject, change.after, change.materials)
            created: list[Activity] = []
            for created_id, row, files in zip(change.created_ids, change.created_rows,
                                              change.created_materials, strict=True):
                c = s.get(Activity, created_id)
                if c is None:
                    continue
                if c.done:
                    raise ConflictError(translate(
                        "Activities", "Следующее дело «{subject}» уже выполнено — оставлено "
                                      "как есть").format(subject=c.subject))
                if _unchecked(columns_of(c)) != _unchecked(row) or _files(s, c.id) != files:
                    raise ConflictError(translate(
                        "Activities", "Следующее дело «{subject}» изменено с тех пор — "
                                      "оставлено как есть").format(subject=c.subject))
                created.append(c)
            _write(a, change.before)
            s.flush()  # unlinked before its next step goes
            for c in created:
                s.delete(c)
            uow.commit()

    def redo_completion(self, change: CompletionChange) -> CompletionChange:
        """Complete an activity again as `change` did, after its undo: the same result, text
        and «done» time, what it created made again (new records). → the change as done
        again, for the next undo.

        Refused (ConflictError, nothing written) when the activity was deleted, edited or
        completed since the undo.
        """
        with self._uow() as uow:
            s = uow.session
            a = _as_left(s, change.activity_id, change.subject, change.before,
                         change.materials)
            before = columns_of(a)
            _write(a, change.after)
            a.next_activity_id = None
            created: list[Activity] = []
            for created_id, row, files in zip(change.created_ids, change.created_rows,
                                              change.created_materials, strict=True):
                values = {k: v for k, v in row if k not in ("id", "created_at")}
                c = Activity(**values)
                s.add(c)
                s.flush()
                for path in files:
                    s.add(ActivityMaterial(activity_id=c.id, path=path, title=Path(path).name))
                if created_id == change.next_activity_id:
                    a.next_activity_id = c.id
                created.append(c)
            again = _completion_change(s, a, before, created)
            uow.commit()
        return again

    def log_call(self, *, client_id: int, result: str, duration_min: int | None = None,
                 notes: str = "", contact_id: int | None = None, deal_id: int | None = None,
                 at: datetime | None = None) -> int:
        """Record a call that already happened (saved done; `notes` is its result text)."""
        at = at or datetime.now(UTC)
        errors: dict[str, str] = {}
        if result not in CALL_RESULTS:
            errors["result"] = result_error("call", result) or ""
        message = aware_error(at)
        if message:
            errors["at"] = message
        draft = ActivityDraft(
            kind="call", subject=translate("Activities", "Звонок — {result}").format(
                result=result_label(result).lower()),
            client_id=client_id, contact_id=contact_id, deal_id=deal_id,
            due_at=None if message else at, duration_min=duration_min,
            remind_before_min=NO_REMINDER)
        with self._uow() as uow:
            checked, draft_errors = check_draft(uow.session, draft, now=at, check_reminder=False)
            errors.update({k: v for k, v in draft_errors.items() if k != "due_at"})
            if errors or checked is None:
                raise ValidationError(errors)
            a = new_activity(uow.session, checked)
            a.done, a.done_at, a.result, a.outcome = True, at, result, notes.strip()
            uow.commit()
            return a.id
