"""Mentoring: trainees and their onboarding checklists, accompanied meetings, skill
assessments, checklist templates (edit, copy, JSON exchange) and the manager's own
learning log (duty 9 and duty 13)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Integer, case, cast, delete, func, select, update
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import (
    LEARNING_KINDS,
    LEARNING_STATUSES,
    SKILLS,
    TRAINEE_STATUSES,
    AccompaniedMeeting,
    Activity,
    Assessment,
    ChecklistItem,
    ChecklistTemplate,
    Client,
    LearningRecord,
    Trainee,
    TraineeTask,
)
from app.services.errors import NotFoundError, ValidationError
from app.services.mentoring.defaults import seed_default_template
from app.services.uow import UowFactory

TEMPLATE_FORMAT = "salesdesk-checklist-template"
TEMPLATE_FORMAT_VERSION = 1
MEETING_KINDS = ("meeting", "presentation")
MAX_OFFSET_DAYS = 3650


# --- labels -----------------------------------------------------------------------
def skill_label(skill: str) -> str:
    return {
        "presentation": translate("Mentoring", "Презентация"),
        "needs_discovery": translate("Mentoring", "Выявление потребностей"),
        "objection_handling": translate("Mentoring", "Работа с возражениями"),
        "closing": translate("Mentoring", "Завершение сделки"),
        "crm_discipline": translate("Mentoring", "Дисциплина в CRM"),
        "product_knowledge": translate("Mentoring", "Знание продукта"),
    }.get(skill, skill)


def trainee_status_label(status: str) -> str:
    return {
        "onboarding": translate("Mentoring", "Адаптация"),
        "finished": translate("Mentoring", "Завершил адаптацию"),
        "left": translate("Mentoring", "Ушёл"),
    }.get(status, status)


def learning_kind_label(kind: str) -> str:
    return {
        "course": translate("Mentoring", "Курс"),
        "book": translate("Mentoring", "Книга"),
        "training": translate("Mentoring", "Тренинг"),
        "conference": translate("Mentoring", "Конференция"),
        "webinar": translate("Mentoring", "Вебинар"),
        "practice": translate("Mentoring", "Опыт коллег"),
    }.get(kind, kind)


def learning_status_label(status: str) -> str:
    return {
        "planned": translate("Mentoring", "Запланировано"),
        "in_progress": translate("Mentoring", "В процессе"),
        "done": translate("Mentoring", "Завершено"),
        "dropped": translate("Mentoring", "Брошено"),
    }.get(status, status)


# --- DTOs -------------------------------------------------------------------------
@dataclass(frozen=True)
class TraineeRow:
    id: int
    name: str
    start_date: date
    position: str
    phone: str
    email: str
    notes: str
    conclusion: str
    status: str
    tasks_total: int
    tasks_done: int
    tasks_overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.tasks_done / self.tasks_total) if self.tasks_total else 0


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    description: str
    is_default: bool
    items: int
    trainees: int


@dataclass(frozen=True)
class TemplateItemData:
    """One checklist item, as edited (id is None for a new item) and as read."""

    section: str
    title: str
    description: str = ""
    due_offset_days: int = 0
    id: int | None = None


@dataclass(frozen=True)
class TemplateDetail:
    id: int
    name: str
    description: str
    is_default: bool
    items: list[TemplateItemData]


@dataclass(frozen=True)
class TaskRow:
    id: int
    trainee_id: int
    section: str
    position: int
    title: str
    description: str
    due_on: date | None
    done_on: date | None
    mentor_comment: str
    from_template: bool
    overdue: bool


@dataclass(frozen=True)
class SectionProgress:
    section: str
    total: int
    done: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class TraineeProgress:
    overall: SectionProgress
    sections: list[SectionProgress]


@dataclass(frozen=True)
class OverdueTask:
    trainee_id: int
    trainee_name: str
    task_id: int
    title: str
    due_on: date


@dataclass(frozen=True)
class MeetingChoice:
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime | None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    trainee_id: int
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime | None
    outcome: str
    feedback: str


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    trainee_id: int
    assessed_on: date
    skill: str
    score: int
    comment: str


@dataclass(frozen=True)
class LearningRow:
    id: int
    kind: str
    title: str
    started_on: date
    finished_on: date | None
    hours: Decimal
    status: str
    takeaways: str
    skill: str


@dataclass(frozen=True)
class QuarterHours:
    year: int
    quarter: int
    hours: Decimal
    records: int

    @property
    def label(self) -> str:
        return translate("Mentoring", "{q} кв. {y}").format(q=self.quarter, y=self.year)


# --- validation helpers -----------------------------------------------------------
def _text(value: str | None) -> str:
    return (value or "").strip()


def _need(errors: dict[str, str], field: str, value: str, message: str) -> None:
    if not value:
        errors[field] = message


def _parse_offset(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _check_items(items: list[TemplateItemData], errors: dict[str, str]) -> None:
    if not items:
        errors["items"] = translate("Mentoring", "В шаблоне нет ни одного пункта")
    for row, item in enumerate(items):
        n = row + 1
        if not _text(item.section):
            errors[f"items.{row}.section"] = translate(
                "Mentoring", "Строка {n}: укажите раздел").format(n=n)
        if not _text(item.title):
            errors[f"items.{row}.title"] = translate(
                "Mentoring", "Строка {n}: пустой пункт — введите его название").format(n=n)
        offset = _parse_offset(item.due_offset_days)
        if offset is None:
            errors[f"items.{row}.due_offset_days"] = translate(
                "Mentoring", "Строка {n}: срок должен быть целым числом дней").format(n=n)
        elif offset < 0:
            errors[f"items.{row}.due_offset_days"] = translate(
                "Mentoring", "Строка {n}: срок не может быть отрицательным "
                             "(дней от начала стажировки)").format(n=n)
        elif offset > MAX_OFFSET_DAYS:
            errors[f"items.{row}.due_offset_days"] = translate(
                "Mentoring", "Строка {n}: срок больше {max} дней").format(
                n=n, max=MAX_OFFSET_DAYS)


def _check_score(score: Any) -> str | None:
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        return translate("Mentoring", "Оценка должна быть от 1 до 5")
    return None


def _day_start_utc(day: date) -> datetime:
    tz = datetime.now().astimezone().tzinfo
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


class MentoringService:
    """Trainees, checklists, meetings, assessments, templates and the learning log."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    # --- trainees -----------------------------------------------------------------
    def trainees(self, today: date | None = None, *,
                 include_left: bool = True) -> list[TraineeRow]:
        today = today or date.today()
        counts = (
            select(
                TraineeTask.trainee_id.label("tid"),
                func.count(TraineeTask.id).label("total"),
                func.count(TraineeTask.id).filter(TraineeTask.done_on.is_not(None)).label("done"),
                func.count(TraineeTask.id).filter(
                    TraineeTask.done_on.is_(None), TraineeTask.due_on < today).label("overdue"),
            ).group_by(TraineeTask.trainee_id).subquery()
        )
        order = case({"onboarding": 0, "finished": 1, "left": 2}, value=Trainee.status)
        q = (
            select(Trainee, func.coalesce(counts.c.total, 0), func.coalesce(counts.c.done, 0),
                   func.coalesce(counts.c.overdue, 0))
            .outerjoin(counts, counts.c.tid == Trainee.id)
            .order_by(order, Trainee.start_date.desc(), Trainee.name)
        )
        if not include_left:
            q = q.where(Trainee.status != "left")
        with self._uow() as uow:
            return [_trainee_row(t, total, done, overdue)
                    for t, total, done, overdue in uow.session.execute(q).all()]

    def trainee(self, trainee_id: int, today: date | None = None) -> TraineeRow:
        for row in self.trainees(today):
            if row.id == trainee_id:
                return row
        raise NotFoundError(translate("Mentoring", "Стажёр не найден"))

    def save_trainee(self, trainee_id: int | None, *, name: str, start_date: date | None,
                     position: str = "", phone: str = "", email: str = "", notes: str = "",
                     status: str = "onboarding", conclusion: str | None = None) -> int:
        """Create (trainee_id None) or update a trainee; returns the id."""
        errors: dict[str, str] = {}
        name = _text(name)
        _need(errors, "name", name, translate("Mentoring", "Введите имя стажёра"))
        if start_date is None:
            errors["start_date"] = translate("Mentoring", "Укажите дату начала стажировки")
        if status not in TRAINEE_STATUSES:
            errors["status"] = translate("Mentoring", "Неизвестный статус")
        email = _text(email)
        if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
            errors["email"] = translate("Mentoring", "Адрес почты выглядит неверно")
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            if trainee_id is None:
                trainee = Trainee(name=name, start_date=start_date)
                s.add(trainee)
            else:
                trainee = _get(s, Trainee, trainee_id)
                shift = (start_date - trainee.start_date).days if start_date else 0
                if shift:
                    # The plan moves with the start date; done tasks keep their history.
                    for task in s.scalars(select(TraineeTask).where(
                            TraineeTask.trainee_id == trainee_id,
                            TraineeTask.template_item_id.is_not(None),
                            TraineeTask.done_on.is_(None))):
                        if task.due_on is not None:
                            task.due_on = task.due_on + timedelta(days=shift)
            trainee.name = name
            trainee.start_date = start_date  # type: ignore[assignment]
            trainee.position = _text(position)
            trainee.phone = _text(phone)
            trainee.email = email
            trainee.notes = notes or ""
            trainee.status = status
            if conclusion is not None:
                trainee.conclusion = conclusion
            uow.flush()
            new_id = trainee.id
            uow.commit()
        return new_id

    def set_conclusion(self, trainee_id: int, conclusion: str) -> None:
        with self._uow() as uow:
            _get(uow.session, Trainee, trainee_id).conclusion = conclusion or ""
            uow.commit()

    def delete_trainee(self, trainee_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, Trainee, trainee_id))
            uow.commit()

    # --- templates ----------------------------------------------------------------
    def ensure_default_template(self) -> int | None:
        """Create the built-in onboarding template in a database that has no template at all.

        Returns the default template's id (None when the user has deleted it but keeps
        templates of their own: a deliberate deletion is respected).
        """
        with self._uow() as uow:
            s = uow.session
            if s.scalar(select(func.count(ChecklistTemplate.id))):
                return s.scalar(select(ChecklistTemplate.id)
                                .where(ChecklistTemplate.is_default.is_(True)).limit(1))
            new_id = seed_default_template(s)
            uow.commit()
        return new_id

    def templates(self) -> list[TemplateRow]:
        items = (select(ChecklistItem.template_id.label("tid"),
                        func.count(ChecklistItem.id).label("n"))
                 .group_by(ChecklistItem.template_id).subquery())
        users = (select(ChecklistItem.template_id.label("tid"),
                        func.count(func.distinct(TraineeTask.trainee_id)).label("n"))
                 .join(TraineeTask, TraineeTask.template_item_id == ChecklistItem.id)
                 .group_by(ChecklistItem.template_id).subquery())
        q = (select(ChecklistTemplate, func.coalesce(items.c.n, 0),
                    func.coalesce(users.c.n, 0))
             .outerjoin(items, items.c.tid == ChecklistTemplate.id)
             .outerjoin(users, users.c.tid == ChecklistTemplate.id)
             .order_by(ChecklistTemplate.is_default.desc(), ChecklistTemplate.name))
        with self._uow() as uow:
            return [TemplateRow(t.id, t.name, t.description, t.is_default, n_items, n_users)
                    for t, n_items, n_users in uow.session.execute(q).all()]

    def template(self, template_id: int) -> TemplateDetail:
        with self._uow() as uow:
            s = uow.session
            t = _get(s, ChecklistTemplate, template_id)
            items = [TemplateItemData(i.section, i.title, i.description, i.due_offset_days, i.id)
                     for i in s.scalars(select(ChecklistItem)
                                        .where(ChecklistItem.template_id == template_id)
                                        .order_by(ChecklistItem.position, ChecklistItem.id))]
            return TemplateDetail(t.id, t.name, t.description, t.is_default, items)

    def save_template(self, template_id: int | None, *, name: str, description: str = "",
                      items: list[TemplateItemData]) -> int:
        """Create or update a template with its ordered items.

        Existing items (by id) are updated in place so trainees' tasks keep their link;
        items left out are deleted (the tasks made from them stay, unlinked).
        """
        errors: dict[str, str] = {}
        name = _text(name)
        _need(errors, "name", name, translate("Mentoring", "Введите название шаблона"))
        _check_items(items, errors)
        with self._uow() as uow:
            s = uow.session
            clash = s.scalar(select(ChecklistTemplate.id).where(
                func.lower(ChecklistTemplate.name) == name.lower(),
                ChecklistTemplate.id != (template_id or 0)))
            if name and clash is not None:
                errors["name"] = translate("Mentoring", "Шаблон с таким названием уже есть")
            if errors:
                raise ValidationError(errors)
            if template_id is None:
                template = ChecklistTemplate(name=name, description=description or "")
                s.add(template)
                uow.flush()
            else:
                template = _get(s, ChecklistTemplate, template_id)
                template.name = name
                template.description = description or ""
            existing = {i.id: i for i in s.scalars(
                select(ChecklistItem).where(ChecklistItem.template_id == template.id))}
            kept: set[int] = set()
            for pos, data in enumerate(items):
                offset = _parse_offset(data.due_offset_days) or 0
                item = existing.get(data.id) if data.id is not None else None
                if item is None:
                    item = ChecklistItem(template_id=template.id)
                    s.add(item)
                else:
                    kept.add(item.id)
                item.section = _text(data.section)
                item.title = _text(data.title)
                item.description = (data.description or "").strip()
                item.due_offset_days = offset
                item.position = pos
            for item_id, item in existing.items():
                if item_id not in kept:
                    s.delete(item)
            uow.flush()
            new_id = template.id
            uow.commit()
        return new_id

    def copy_template(self, template_id: int, name: str | None = None) -> int:
        detail = self.template(template_id)
        with self._uow() as uow:
            new_name = _free_name(uow.session, _text(name) or translate(
                "Mentoring", "{name} (копия)").format(name=detail.name))
        items = [TemplateItemData(i.section, i.title, i.description, i.due_offset_days)
                 for i in detail.items]
        return self.save_template(None, name=new_name, description=detail.description,
                                  items=items)

    def template_usage(self, template_id: int) -> int:
        """How many trainees have tasks made from this template."""
        with self._uow() as uow:
            return uow.session.scalar(
                select(func.count(func.distinct(TraineeTask.trainee_id)))
                .join(ChecklistItem, ChecklistItem.id == TraineeTask.template_item_id)
                .where(ChecklistItem.template_id == template_id)) or 0

    def delete_template(self, template_id: int) -> None:
        """Delete a template; trainees' tasks made from it stay (their link becomes empty)."""
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, ChecklistTemplate, template_id))
            uow.commit()

    def export_template_json(self, template_id: int) -> str:
        detail = self.template(template_id)
        return json.dumps({
            "format": TEMPLATE_FORMAT,
            "version": TEMPLATE_FORMAT_VERSION,
            "name": detail.name,
            "description": detail.description,
            "items": [{"section": i.section, "title": i.title, "description": i.description,
                       "due_offset_days": i.due_offset_days} for i in detail.items],
        }, ensure_ascii=False, indent=2)

    def import_template_json(self, text: str) -> int:
        """Create a template from exported JSON (a clashing name gets a numbered suffix)."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError.single("file", translate(
                "Mentoring", "Файл не является JSON: {err}").format(err=exc)) from exc
        if not isinstance(data, dict) or data.get("format") != TEMPLATE_FORMAT:
            raise ValidationError.single("file", translate(
                "Mentoring", "Это не шаблон чек-листа SalesDesk"))
        raw_items = data.get("items")
        if not isinstance(raw_items, list):
            raise ValidationError.single("file", translate(
                "Mentoring", "В файле нет списка пунктов"))
        items = []
        for raw in raw_items:
            if not isinstance(raw, dict):
                raise ValidationError.single("file", translate(
                    "Mentoring", "Пункт шаблона записан неверно"))
            items.append(TemplateItemData(
                section=str(raw.get("section") or ""), title=str(raw.get("title") or ""),
                description=str(raw.get("description") or ""),
                due_offset_days=raw.get("due_offset_days", 0)))  # type: ignore[arg-type]
        name = _text(str(data.get("name") or "")) or translate("Mentoring", "Импортированный")
        with self._uow() as uow:
            name = _free_name(uow.session, name)
        return self.save_template(None, name=name, description=str(data.get("description") or ""),
                                  items=items)

    # --- checklist tasks ----------------------------------------------------------
    def assign_template(self, trainee_id: int, template_id: int) -> int:
        """Copy the template's items into the trainee's tasks (due = start + offset).

        Items the trainee already has from this template are skipped; returns how many
        tasks were added.
        """
        with self._uow() as uow:
            s = uow.session
            trainee = _get(s, Trainee, trainee_id)
            _get(s, ChecklistTemplate, template_id)
            have = set(s.scalars(select(TraineeTask.template_item_id).where(
                TraineeTask.trainee_id == trainee_id,
                TraineeTask.template_item_id.is_not(None))))
            next_pos = (s.scalar(select(func.max(TraineeTask.position))
                                 .where(TraineeTask.trainee_id == trainee_id)) or -1) + 1
            added = 0
            for item in s.scalars(select(ChecklistItem)
                                  .where(ChecklistItem.template_id == template_id)
                                  .order_by(ChecklistItem.position, ChecklistItem.id)):
                if item.id in have:
                    continue
                s.add(TraineeTask(
                    trainee_id=trainee_id, template_item_id=item.id, section=item.section,
                    position=next_pos + added, title=item.title, description=item.description,
                    due_on=trainee.start_date + timedelta(days=item.due_offset_days)))
                added += 1
            uow.commit()
        return added

    def tasks(self, trainee_id: int, today: date | None = None) -> list[TaskRow]:
        today = today or date.today()
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(TraineeTask).where(TraineeTask.trainee_id == trainee_id)
                .order_by(TraineeTask.position, TraineeTask.id)).all()
            tasks = [_task_row(t, today) for t in rows]
        # Sections keep the order of their first item; items keep theirs inside a section.
        first: dict[str, int] = {}
        for i, t in enumerate(tasks):
            first.setdefault(t.section, i)
        return sorted(tasks, key=lambda t: (first[t.section], t.position, t.id))

    def add_task(self, trainee_id: int, *, section: str, title: str, description: str = "",
                 due_on: date | None = None) -> int:
        """A personal item, added after the last one of its section."""
        errors: dict[str, str] = {}
        section, title = _text(section), _text(title)
        _need(errors, "section", section, translate("Mentoring", "Укажите раздел"))
        _need(errors, "title", title, translate("Mentoring", "Введите название пункта"))
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            _get(s, Trainee, trainee_id)
            last = s.scalar(select(func.max(TraineeTask.position)).where(
                TraineeTask.trainee_id == trainee_id, TraineeTask.section == section))
            if last is None:
                pos = (s.scalar(select(func.max(TraineeTask.position))
                                .where(TraineeTask.trainee_id == trainee_id)) or -1) + 1
            else:
                pos = last + 1
                s.execute(update(TraineeTask)
                          .where(TraineeTask.trainee_id == trainee_id,
                                 TraineeTask.position >= pos)
                          .values(position=TraineeTask.position + 1))
            task = TraineeTask(trainee_id=trainee_id, section=section, position=pos,
                               title=title, description=description or "", due_on=due_on)
            s.add(task)
            uow.flush()
            new_id = task.id
            uow.commit()
        return new_id

    def update_task(self, task_id: int, *, title: str, description: str = "",
                    due_on: date | None = None) -> None:
        title = _text(title)
        if not title:
            raise ValidationError.single("title", translate(
                "Mentoring", "Введите название пункта"))
        with self._uow() as uow:
            task = _get(uow.session, TraineeTask, task_id)
            task.title, task.description, task.due_on = title, description or "", due_on
            uow.commit()

    def set_task_done(self, task_id: int, done_on: date | None, comment: str | None = None) -> None:
        """Tick (done_on a date) or untick (None) a task, with the mentor's comment."""
        with self._uow() as uow:
            task = _get(uow.session, TraineeTask, task_id)
            trainee = _get(uow.session, Trainee, task.trainee_id)
            if done_on is not None and done_on < trainee.start_date:
                raise ValidationError.single("done_on", translate(
                    "Mentoring", "Дата выполнения раньше начала стажировки"))
            task.done_on = done_on
            if comment is not None:
                task.mentor_comment = comment.strip()
            uow.commit()

    def move_task(self, task_id: int, step: int) -> bool:
        """Move a task up (step -1) or down (+1) inside its section; False at the edge."""
        with self._uow() as uow:
            s = uow.session
            task = _get(s, TraineeTask, task_id)
            siblings = list(s.scalars(
                select(TraineeTask).where(TraineeTask.trainee_id == task.trainee_id,
                                          TraineeTask.section == task.section)
                .order_by(TraineeTask.position, TraineeTask.id)))
            i = next(k for k, t in enumerate(siblings) if t.id == task_id)
            j = i + step
            if not 0 <= j < len(siblings):
                return False
            other = siblings[j]
            if other.position == task.position:
                # Equal positions (legacy data): make them distinct before swapping.
                for k, t in enumerate(siblings):
                    t.position = siblings[0].position + k
                uow.flush()
            task.position, other.position = other.position, task.position
            uow.commit()
        return True

    def delete_task(self, task_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, TraineeTask, task_id))
            uow.commit()

    def progress(self, trainee_id: int, today: date | None = None) -> TraineeProgress:
        today = today or date.today()
        q = (select(TraineeTask.section, func.min(TraineeTask.position),
                    func.count(TraineeTask.id),
                    func.count(TraineeTask.id).filter(TraineeTask.done_on.is_not(None)),
                    func.count(TraineeTask.id).filter(TraineeTask.done_on.is_(None),
                                                      TraineeTask.due_on < today))
             .where(TraineeTask.trainee_id == trainee_id)
             .group_by(TraineeTask.section)
             .order_by(func.min(TraineeTask.position)))
        with self._uow() as uow:
            rows = uow.session.execute(q).all()
        sections = [SectionProgress(r[0], r[2], r[3], r[4]) for r in rows]
        overall = SectionProgress(translate("Mentoring", "Всего"),
                                  sum(p.total for p in sections), sum(p.done for p in sections),
                                  sum(p.overdue for p in sections))
        return TraineeProgress(overall, sections)

    def overdue_tasks(self, today: date | None = None) -> list[OverdueTask]:
        """Undone tasks past their due date, of trainees still in onboarding (oldest first)."""
        today = today or date.today()
        q = (select(Trainee.id, Trainee.name, TraineeTask.id, TraineeTask.title,
                    TraineeTask.due_on)
             .join(Trainee, Trainee.id == TraineeTask.trainee_id)
             .where(Trainee.status == "onboarding", TraineeTask.done_on.is_(None),
                    TraineeTask.due_on < today)
             .order_by(TraineeTask.due_on, Trainee.name, TraineeTask.position))
        with self._uow() as uow:
            return [OverdueTask(*r) for r in uow.session.execute(q).all()]

    # --- accompanied meetings -----------------------------------------------------
    def meeting_choices(self, trainee_id: int, limit: int = 300) -> list[MeetingChoice]:
        """Meetings and presentations since the trainee's start not yet linked to them."""
        with self._uow() as uow:
            s = uow.session
            trainee = _get(s, Trainee, trainee_id)
            linked = select(AccompaniedMeeting.activity_id).where(
                AccompaniedMeeting.trainee_id == trainee_id)
            rows = s.execute(
                select(Activity.id, Activity.kind, Activity.subject,
                       func.coalesce(Client.name, ""), Activity.due_at)
                .outerjoin(Client, Client.id == Activity.client_id)
                .where(Activity.kind.in_(MEETING_KINDS),
                       Activity.due_at >= _day_start_utc(trainee.start_date),
                       Activity.id.not_in(linked))
                .order_by(Activity.due_at.desc()).limit(limit)).all()
        return [MeetingChoice(*r) for r in rows]

    def add_meeting(self, trainee_id: int, activity_id: int | None, feedback: str = "") -> int:
        if activity_id is None:
            raise ValidationError.single("activity", translate(
                "Mentoring", "Выберите встречу или презентацию"))
        with self._uow() as uow:
            s = uow.session
            _get(s, Trainee, trainee_id)
            activity = s.get(Activity, activity_id)
            if activity is None or activity.kind not in MEETING_KINDS:
                raise ValidationError.single("activity", translate(
                    "Mentoring", "Сопровождать можно только встречу или презентацию"))
            if s.scalar(select(AccompaniedMeeting.id).where(
                    AccompaniedMeeting.trainee_id == trainee_id,
                    AccompaniedMeeting.activity_id == activity_id)) is not None:
                raise ValidationError.single("activity", translate(
                    "Mentoring", "Эта встреча уже есть у стажёра"))
            meeting = AccompaniedMeeting(trainee_id=trainee_id, activity_id=activity_id,
                                         feedback=(feedback or "").strip())
            s.add(meeting)
            uow.flush()
            new_id = meeting.id
            uow.commit()
        return new_id

    def set_meeting_feedback(self, meeting_id: int, feedback: str) -> None:
        with self._uow() as uow:
            _get(uow.session, AccompaniedMeeting, meeting_id).feedback = (feedback or "").strip()
            uow.commit()

    def delete_meeting(self, meeting_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, AccompaniedMeeting, meeting_id))
            uow.commit()

    def meetings(self, trainee_id: int) -> list[MeetingRow]:
        q = (select(AccompaniedMeeting.id, AccompaniedMeeting.trainee_id, Activity.id,
                    Activity.kind, Activity.subject, func.coalesce(Client.name, ""),
                    Activity.due_at, Activity.outcome, AccompaniedMeeting.feedback)
             .join(Activity, Activity.id == AccompaniedMeeting.activity_id)
             .outerjoin(Client, Client.id == Activity.client_id)
             .where(AccompaniedMeeting.trainee_id == trainee_id)
             .order_by(Activity.due_at, AccompaniedMeeting.id))
        with self._uow() as uow:
            return [MeetingRow(*r) for r in uow.session.execute(q).all()]

    # --- assessments --------------------------------------------------------------
    def add_assessment(self, trainee_id: int, *, assessed_on: date | None, skill: str,
                       score: Any, comment: str = "") -> int:
        """Record a rating (1–5); a second rating of the same skill on the same day replaces
        the first."""
        errors: dict[str, str] = {}
        if assessed_on is None:
            errors["assessed_on"] = translate("Mentoring", "Укажите дату оценки")
        if skill not in SKILLS:
            errors["skill"] = translate("Mentoring", "Выберите навык")
        message = _check_score(score)
        if message:
            errors["score"] = message
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            trainee = _get(s, Trainee, trainee_id)
            if assessed_on < trainee.start_date:  # type: ignore[operator]
                raise ValidationError.single("assessed_on", translate(
                    "Mentoring", "Дата оценки раньше начала стажировки"))
            row = s.scalar(select(Assessment).where(
                Assessment.trainee_id == trainee_id, Assessment.assessed_on == assessed_on,
                Assessment.skill == skill))
            if row is None:
                row = Assessment(trainee_id=trainee_id, assessed_on=assessed_on, skill=skill)
                s.add(row)
            row.score = score
            row.comment = (comment or "").strip()
            uow.flush()
            new_id = row.id
            uow.commit()
        return new_id

    def delete_assessment(self, assessment_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, Assessment, assessment_id))
            uow.commit()

    def assessments(self, trainee_id: int) -> list[AssessmentRow]:
        order = case({s: i for i, s in enumerate(SKILLS)}, value=Assessment.skill)
        q = (select(Assessment).where(Assessment.trainee_id == trainee_id)
             .order_by(Assessment.assessed_on.desc(), order))
        with self._uow() as uow:
            return [AssessmentRow(a.id, a.trainee_id, a.assessed_on, a.skill, a.score, a.comment)
                    for a in uow.session.scalars(q)]

    def skill_series(self, trainee_id: int) -> dict[str, list[tuple[date, int]]]:
        """Each skill's ratings over time (oldest first), every skill present."""
        series: dict[str, list[tuple[date, int]]] = {s: [] for s in SKILLS}
        for row in reversed(self.assessments(trainee_id)):
            series[row.skill].append((row.assessed_on, row.score))
        for points in series.values():
            points.sort()
        return series

    # --- the manager's own learning -----------------------------------------------
    def learning_records(self) -> list[LearningRow]:
        q = select(LearningRecord).order_by(LearningRecord.started_on.desc(), LearningRecord.id)
        with self._uow() as uow:
            return [LearningRow(r.id, r.kind, r.title, r.started_on, r.finished_on, r.hours,
                                r.status, r.takeaways, r.skill) for r in uow.session.scalars(q)]

    def save_learning(self, record_id: int | None, *, kind: str, title: str,
                      started_on: date | None, finished_on: date | None = None,
                      hours: Any = 0, status: str = "planned", takeaways: str = "",
                      skill: str = "") -> int:
        errors: dict[str, str] = {}
        title = _text(title)
        _need(errors, "title", title, translate("Mentoring", "Введите, что изучаете"))
        if kind not in LEARNING_KINDS:
            errors["kind"] = translate("Mentoring", "Выберите вид обучения")
        if status not in LEARNING_STATUSES:
            errors["status"] = translate("Mentoring", "Выберите статус")
        if started_on is None:
            errors["started_on"] = translate("Mentoring", "Укажите дату начала")
        elif finished_on is not None and finished_on < started_on:
            errors["finished_on"] = translate(
                "Mentoring", "Дата окончания раньше даты начала")
        try:
            amount = Decimal(str(hours).replace(",", ".").strip() or "0")
        except InvalidOperation:
            amount = Decimal(-1)
        if not amount.is_finite() or amount < 0 or amount > 10000:
            errors["hours"] = translate("Mentoring", "Часы — число от 0 до 10 000")
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            if record_id is None:
                record = LearningRecord()
                s.add(record)
            else:
                record = _get(s, LearningRecord, record_id)
            record.kind, record.title, record.status = kind, title, status
            record.started_on, record.finished_on = started_on, finished_on  # type: ignore
            record.hours = amount
            record.takeaways = takeaways or ""
            record.skill = _text(skill)
            uow.flush()
            new_id = record.id
            uow.commit()
        return new_id

    def delete_learning(self, record_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(_get(uow.session, LearningRecord, record_id))
            uow.commit()

    def learning_hours_by_quarter(self) -> list[QuarterHours]:
        """Hours spent per calendar quarter (by the finish date, or the start while in
        progress); planned records do not count yet. Newest quarter first."""
        day = func.coalesce(LearningRecord.finished_on, LearningRecord.started_on)
        year = cast(func.strftime("%Y", day), Integer)
        quarter = (cast(func.strftime("%m", day), Integer) + 2) // 3
        q = (select(year, quarter, func.sum(LearningRecord.hours), func.count(LearningRecord.id))
             .where(LearningRecord.status != "planned")
             .group_by(year, quarter).order_by(year.desc(), quarter.desc()))
        with self._uow() as uow:
            return [QuarterHours(int(y), int(qr), Decimal(h or 0), n)
                    for y, qr, h, n in uow.session.execute(q).all()]


# --- module-level helpers ---------------------------------------------------------
def overdue_tasks(uow_factory: UowFactory, today: date | None = None) -> list[OverdueTask]:
    """Convenience for other areas (the Today tab): overdue trainee tasks."""
    return MentoringService(uow_factory=uow_factory).overdue_tasks(today)


def _get(session: Session, model: type, ident: int) -> Any:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(translate("Mentoring", "Запись не найдена (id {id})").format(
            id=ident))
    return obj


def _free_name(session: Session, name: str) -> str:
    taken = {n.lower() for n in session.scalars(select(ChecklistTemplate.name))}
    if name.lower() not in taken:
        return name
    k = 2
    while f"{name} ({k})".lower() in taken:
        k += 1
    return f"{name} ({k})"


def _trainee_row(t: Trainee, total: int, done: int, overdue: int) -> TraineeRow:
    return TraineeRow(t.id, t.name, t.start_date, t.position, t.phone, t.email, t.notes,
                      t.conclusion, t.status, total, done, overdue)


def _task_row(t: TraineeTask, today: date) -> TaskRow:
    overdue = t.done_on is None and t.due_on is not None and t.due_on < today
    return TaskRow(t.id, t.trainee_id, t.section, t.position, t.title, t.description,
                   t.due_on, t.done_on, t.mentor_comment, t.template_item_id is not None,
                   overdue)


# --- demo data --------------------------------------------------------------------
def add_demo_mentoring(session: Session, rng: random.Random, today: date) -> None:
    """Accompanied meetings, comments and a mentor's conclusion for the demo trainees."""
    feedback = [
        "Хорошо выявил потребности, но рано перешёл к цене.",
        "Уверенно презентовал продукт, нужно больше вопросов о сроках.",
        "Внимательно слушал клиента, записал возражения — разобрали после встречи.",
        "Сам закрыл встречу на следующий шаг: договорились о КП.",
    ]
    # Ratings are history: none dated after the demo's today.
    session.flush()
    session.execute(delete(Assessment).where(Assessment.assessed_on > today))
    trainees = list(session.scalars(select(Trainee).order_by(Trainee.id)))
    for trainee in trainees:
        acts = list(session.scalars(
            select(Activity).where(Activity.kind.in_(MEETING_KINDS),
                                   Activity.due_at >= _day_start_utc(trainee.start_date),
                                   Activity.due_at < _day_start_utc(today))
            .order_by(Activity.due_at).limit(40)))
        for act in rng.sample(acts, min(len(acts), 3)):
            session.add(AccompaniedMeeting(trainee_id=trainee.id, activity_id=act.id,
                                           feedback=rng.choice(feedback)))
        trainee.conclusion = (
            "Стажёр осваивает продукт и стандарты в срок. Сильные стороны — презентация и "
            "знание каталога; зона роста — работа с возражениями о цене. Рекомендую "
            "продолжить сопровождение на встречах и через месяц провести итоговую аттестацию.")
        for k, skill in enumerate(SKILLS):
            last = session.scalar(select(Assessment).where(
                Assessment.trainee_id == trainee.id, Assessment.skill == skill)
                .order_by(Assessment.assessed_on.desc()).limit(1))
            if last is not None and k % 2 == 0:
                last.comment = "Заметный рост за две недели"
