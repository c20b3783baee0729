"""One activity's record: create, edit, read, delete, its materials; the lists of activities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import Activity, ActivityMaterial, Base, Client, Complaint, Contact, Deal
from app.services.activities.dtos import ActivityDetail, ActivityDraft, Material
from app.services.activities.rules import CheckedDraft, aware_error, check_draft, remind_before
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.uow import UowFactory

_CHUNK = 500  # ids per IN list when the materials of a list are read
_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class DeletedActivity:
    """A deleted activity as `restore` puts it back: its columns, its materials' links and
    the activities whose next step it was (the delete set their link to NULL)."""

    id: int
    subject: str
    columns: tuple[tuple[str, Any], ...]
    materials: tuple[tuple[str, str, datetime], ...]
    next_step_of: tuple[int, ...]


def not_found() -> NotFoundError:
    return NotFoundError(translate("Activities", "Дело не найдено"))


def get_activity(s: Session, activity_id: int) -> Activity:
    activity = s.get(Activity, activity_id)
    if activity is None:
        raise not_found()
    return activity


def write_draft(a: Activity, c: CheckedDraft) -> None:
    """Put a checked draft's editable columns into the activity (not the reminder)."""
    d = c.draft
    a.kind, a.subject, a.client_id, a.contact_id, a.deal_id = (d.kind, d.subject, d.client_id,
                                                               d.contact_id, d.deal_id)
    a.due_at, a.duration_min, a.place, a.notes = d.due_at, d.duration_min, d.place, d.notes
    a.priority, a.purpose = d.priority, d.purpose
    a.repeat_every, a.repeat_unit = d.repeat_every, d.repeat_unit


def new_activity(s: Session, c: CheckedDraft) -> Activity:
    """An open activity from a checked draft, added and flushed (with its materials)."""
    activity = Activity(done=False, remind_before_min=c.remind_before_min,
                        remind_at=c.remind_at, complaint_id=c.draft.complaint_id)
    write_draft(activity, c)
    s.add(activity)
    s.flush()
    for path in c.draft.materials:
        s.add(ActivityMaterial(activity_id=activity.id, path=path, title=Path(path).name))
    return activity


def _detail_select() -> Select[*tuple[Any, ...]]:
    return (
        select(Activity, Client.name, Contact.name, Contact.phone, Contact.email, Deal.title)
        .outerjoin(Client, Client.id == Activity.client_id)
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Deal, Deal.id == Activity.deal_id)
    )


def _materials_of(s: Session, ids: list[int]) -> dict[int, list[Material]]:
    found: dict[int, list[Material]] = {}
    for start in range(0, len(ids), _CHUNK):
        for m in s.scalars(select(ActivityMaterial)
                           .where(ActivityMaterial.activity_id.in_(ids[start:start + _CHUNK]))
                           .order_by(ActivityMaterial.id)):
            found.setdefault(m.activity_id, []).append(Material(
                id=m.id, path=m.path, title=m.title or Path(m.path).name,
                exists=Path(m.path).is_file()))
    return found


def _detail(r: Row[*tuple[Any, ...]], materials: Iterable[Material]) -> ActivityDetail:
    a: Activity = r[0]
    return ActivityDetail(
        id=a.id, kind=a.kind, subject=a.subject, client_id=a.client_id,
        client_name=r[1] or "", contact_id=a.contact_id, contact_name=r[2] or "",
        contact_phone=r[3] or "", contact_email=r[4] or "", deal_id=a.deal_id,
        deal_title=r[5] or "", due_at=a.due_at, duration_min=a.duration_min, place=a.place,
        notes=a.notes, priority=a.priority, purpose=a.purpose, done=a.done, done_at=a.done_at,
        result=a.result, reaction=a.reaction, outcome=a.outcome,
        next_activity_id=a.next_activity_id, no_next_reason=a.no_next_reason,
        remind_before_min=a.remind_before_min, remind_at=a.remind_at,
        repeat_every=a.repeat_every, repeat_unit=a.repeat_unit, materials=tuple(materials),
        next_step=a.next_step, complaint_id=a.complaint_id)


def read_details(s: Session, *where: ColumnElement[bool],
                 order: Iterable[Any] = ()) -> list[ActivityDetail]:
    """The activities matching `where`, with names and materials, in SQL's `order`."""
    rows = s.execute(_detail_select().where(*where).order_by(*order)).all()
    materials = _materials_of(s, [r[0].id for r in rows])
    return [_detail(r, materials.get(r[0].id, ())) for r in rows]


def open_then_done(details: list[ActivityDetail]) -> list[ActivityDetail]:
    """Open ones first by due time, then done ones newest first."""
    open_rows = sorted((d for d in details if not d.done),
                       key=lambda d: (d.due_at is None, d.due_at or _EPOCH, d.id))
    done_rows = sorted((d for d in details if d.done),
                       key=lambda d: (d.done_at or d.due_at or _EPOCH, d.id), reverse=True)
    return open_rows + done_rows


class ActivityRecords:
    """Create, edit, read and delete one activity; its materials; lists of activities."""

    _uow: UowFactory

    def create(self, draft: ActivityDraft, *, now: datetime | None = None) -> int:
        """Save a new open activity; a reminder that would already have fired is refused."""
        now = now or datetime.now(UTC)
        with self._uow() as uow:
            checked, errors = check_draft(uow.session, draft, now=now, check_reminder=True)
            if checked is None:
                raise ValidationError(errors)
            new_id = new_activity(uow.session, checked).id
            uow.commit()
            return new_id

    def update(self, activity_id: int, draft: ActivityDraft, *,
               now: datetime | None = None) -> None:
        """Save an edited activity.

        Of a recurring series only this occurrence changes (the next one is made from it when
        it is completed). The reminder is checked and recomputed only when the start or the
        offset changed; otherwise a snoozed or dismissed reminder stays as it is.
        """
        now = now or datetime.now(UTC)
        with self._uow() as uow:
            s = uow.session
            a = get_activity(s, activity_id)
            reminder_changed = not a.done and (
                draft.due_at != a.due_at or draft.kind != a.kind
                or remind_before(draft) != a.remind_before_min)
            checked, errors = check_draft(s, draft, now=now, check_reminder=reminder_changed)
            if checked is None:
                raise ValidationError(errors)
            write_draft(a, checked)
            if a.done:
                a.remind_before_min, a.remind_at = checked.remind_before_min, None
            elif reminder_changed:
                a.remind_before_min, a.remind_at = checked.remind_before_min, checked.remind_at
            have = {m.path: m for m in s.scalars(
                select(ActivityMaterial).where(ActivityMaterial.activity_id == activity_id))}
            for path, m in have.items():
                if path not in checked.draft.materials:
                    s.delete(m)
            for path in checked.draft.materials:
                if path not in have:
                    s.add(ActivityMaterial(activity_id=activity_id, path=path,
                                           title=Path(path).name))
            uow.commit()

    def get(self, activity_id: int) -> ActivityDetail:
        with self._uow(read_only=True) as uow:
            found = read_details(uow.session, Activity.id == activity_id)
        if not found:
            raise not_found()
        return found[0]

    def delete(self, activity_id: int) -> DeletedActivity:
        """Delete one activity (of a series: this occurrence only) and its materials' links;
        returns what `restore` needs to put it back (Правка → Отменить)."""
        with self._uow() as uow:
            s = uow.session
            a = get_activity(s, activity_id)
            columns = tuple((attr.key, getattr(a, attr.key))
                            for attr in Activity.__mapper__.column_attrs)
            materials = tuple((path, title, added_at) for path, title, added_at in s.execute(
                select(ActivityMaterial.path, ActivityMaterial.title, ActivityMaterial.added_at)
                .where(ActivityMaterial.activity_id == activity_id)
                .order_by(ActivityMaterial.id)))
            pointed = tuple(s.scalars(select(Activity.id).where(
                Activity.next_activity_id == activity_id).order_by(Activity.id)))
            gone = DeletedActivity(a.id, a.subject, columns, materials, pointed)
            s.delete(a)
            uow.commit()
        return gone

    def restore(self, deleted: DeletedActivity) -> None:
        """Put a deleted activity back as it was, with the same id, in one transaction;
        refused when its client or deal has been deleted since."""
        with self._uow() as uow:
            s = uow.session
            if s.get(Activity, deleted.id) is not None:
                raise ConflictError(translate("Activities", "Дело уже восстановлено"))
            values = dict(deleted.columns)
            for model, key in ((Client, "client_id"), (Deal, "deal_id")):
                if values.get(key) is not None and s.get(model, values[key]) is None:
                    raise ConflictError(translate(
                        "Activities", "Клиент или сделка дела «{s}» удалены — дело не "
                                      "восстановить").format(s=deleted.subject))
            links: tuple[tuple[str, type[Base]], ...] = (
                ("contact_id", Contact), ("next_activity_id", Activity),
                ("complaint_id", Complaint))
            for key, linked in links:  # gone since: the link is dropped, not the activity
                if values.get(key) is not None and s.get(linked, values[key]) is None:
                    values[key] = None
            s.add(Activity(**values))
            s.flush()
            for path, title, added_at in deleted.materials:
                s.add(ActivityMaterial(activity_id=deleted.id, path=path, title=title,
                                       added_at=added_at))
            for other_id in deleted.next_step_of:
                other = s.get(Activity, other_id)
                if other is not None and other.next_activity_id is None:
                    other.next_activity_id = deleted.id
            uow.commit()

    # --- materials --------------------------------------------------------------------------
    def add_material(self, activity_id: int, path: str, title: str = "") -> int:
        """Link a file on disk (its path; the file may go missing later: `Material.exists`)."""
        path = path.strip()
        if not path:
            raise ValidationError.single("path", translate("Activities", "Пустой путь к файлу"))
        with self._uow() as uow:
            get_activity(uow.session, activity_id)
            m = ActivityMaterial(activity_id=activity_id, path=path,
                                 title=title.strip() or Path(path).name)
            uow.session.add(m)
            uow.flush()
            new_id = m.id
            uow.commit()
            return new_id

    def remove_material(self, material_id: int) -> None:
        with self._uow() as uow:
            m = uow.session.get(ActivityMaterial, material_id)
            if m is None:
                raise NotFoundError(translate("Activities", "Материал не найден"))
            uow.session.delete(m)
            uow.commit()

    # --- lists ------------------------------------------------------------------------------
    def in_range(self, start: datetime, end: datetime) -> list[ActivityDetail]:
        """Open activities due in [start, end), by start time (the calendar)."""
        for value in (start, end):
            message = aware_error(value)
            if message:
                raise ValidationError.single("start", message)
        with self._uow(read_only=True) as uow:
            return read_details(uow.session, Activity.done.is_(False), Activity.due_at >= start,
                                Activity.due_at < end, order=(Activity.due_at, Activity.id))

    def for_client(self, client_id: int) -> list[ActivityDetail]:
        """The client's activities: open ones first by due time, then done ones newest first."""
        with self._uow(read_only=True) as uow:
            return open_then_done(read_details(uow.session, Activity.client_id == client_id))

    def for_deal(self, deal_id: int) -> list[ActivityDetail]:
        """The deal's activities: open ones first by due time, then done ones newest first."""
        with self._uow(read_only=True) as uow:
            return open_then_done(read_details(uow.session, Activity.deal_id == deal_id))
