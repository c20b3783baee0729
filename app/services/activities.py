"""Activities tied to deals and clients: planning the next step and listing what was done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from app.i18n import translate
from app.models import ACTIVITY_KINDS, Activity, Deal
from app.services.errors import NotFoundError, ValidationError
from app.services.uow import UowFactory

PLANNABLE_KINDS = ("call", "meeting", "presentation", "email", "task")


def activity_kind_label(kind: str) -> str:
    """`Звонок` for "call": the one label of each activity kind, on screen and in documents."""
    labels = {
        "call": translate("Activity", "Звонок"),
        "meeting": translate("Activity", "Встреча"),
        "email": translate("Activity", "Письмо"),
        "presentation": translate("Activity", "Презентация"),
        "task": translate("Activity", "Задача"),
        "note": translate("Activity", "Заметка"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: str
    subject: str
    due_at: datetime | None
    done: bool
    done_at: datetime | None
    place: str
    outcome: str
    deal_id: int | None
    client_id: int | None


def _row(a: Activity) -> ActivityRow:
    return ActivityRow(id=a.id, kind=a.kind, subject=a.subject, due_at=a.due_at, done=a.done,
                       done_at=a.done_at, place=a.place, outcome=a.outcome, deal_id=a.deal_id,
                       client_id=a.client_id)


class ActivitiesService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def plan_for_deal(self, deal_id: int, *, kind: str, subject: str, due_at: datetime,
                      place: str = "", notes: str = "") -> int:
        """Plan a call, meeting or presentation for a deal (and its client)."""
        errors: dict[str, str] = {}
        if kind not in ACTIVITY_KINDS:
            errors["kind"] = translate("Activities", "Неизвестный вид дела")
        if not subject.strip():
            errors["subject"] = translate("Activities", "Опишите, что нужно сделать")
        if due_at.tzinfo is None:
            errors["due_at"] = translate("Activities", "Время без часового пояса")
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Activities", "Сделка не найдена"))
            activity = Activity(kind=kind, subject=subject.strip(), deal_id=deal_id,
                                client_id=deal.client_id, contact_id=deal.contact_id,
                                due_at=due_at, place=place.strip(), notes=notes)
            uow.session.add(activity)
            uow.flush()
            new_id = activity.id
            uow.commit()
            return new_id

    def for_deal(self, deal_id: int) -> list[ActivityRow]:
        """The deal's activities: open ones first by due time, then done ones newest first."""
        with self._uow(read_only=True) as uow:
            rows = [_row(a) for a in uow.session.scalars(
                select(Activity).where(Activity.deal_id == deal_id)
                .order_by(Activity.done, Activity.due_at))]
        open_rows = [r for r in rows if not r.done]
        done_rows = [r for r in rows if r.done]
        done_rows.sort(key=lambda r: r.done_at or r.due_at or datetime.min.replace(tzinfo=UTC),
                       reverse=True)
        return open_rows + done_rows

    def mark_done(self, activity_id: int, *, outcome: str = "",
                  now: datetime | None = None) -> None:
        with self._uow() as uow:
            a = uow.session.get(Activity, activity_id)
            if a is None:
                raise NotFoundError(translate("Activities", "Дело не найдено"))
            a.done = True
            a.done_at = now or datetime.now(UTC)
            if outcome:
                a.outcome = outcome
            uow.commit()
