"""Closing an activity with its result and next step; a call logged after the fact."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Activity
from app.services.activities.codes import (
    CALL_RESULTS,
    MEETING_KINDS,
    REACTIONS,
    result_label,
    results_for,
)
from app.services.activities.dtos import ActivityDraft, Completion
from app.services.activities.records import get_activity, new_activity
from app.services.activities.rules import (
    NO_REMINDER,
    aware_error,
    check_draft,
    next_occurrence,
    remind_time,
)
from app.services.errors import ValidationError
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
        """Mark the activity done with its result and create what comes next.

        The next step (`completion.next`) is created in the same transaction; a next step
        with no client, contact or deal of its own is for the activity's. A recurring
        activity also gets its next occurrence (the previous start plus the interval, one
        occurrence ahead). `next_activity_id` links the next step (else the occurrence),
        whose id is returned (None without either). The reminder is cleared. Nothing is saved
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
            a.done, a.done_at, a.remind_at = True, done_at, None
            a.result, a.reaction = completion.result, completion.reaction
            a.outcome = completion.outcome.strip()
            a.no_next_reason = "" if checked is not None else completion.no_next_reason.strip()
            occurrence = add_next_occurrence(s, a) if recurring else None
            following = new_activity(s, checked) if checked is not None else occurrence
            a.next_activity_id = following.id if following is not None else None
            uow.commit()
            return a.next_activity_id

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
