"""Checklist templates: the built-in one, editing, copies, JSON exchange."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import (
    ChecklistItem,
    ChecklistTemplate,
    TraineeTask,
)
from app.services.errors import ValidationError
from app.services.mentoring.common import require, row_or_not_found, trimmed
from app.services.mentoring.defaults import seed_default_template
from app.services.uow import UowFactory

TEMPLATE_FORMAT = "salesdesk-checklist-template"
TEMPLATE_FORMAT_VERSION = 1
MAX_OFFSET_DAYS = 3650


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


def _parse_offset(value: object) -> int | None:
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
        if not trimmed(item.section):
            errors[f"items.{row}.section"] = translate(
                "Mentoring", "Строка {n}: укажите раздел").format(n=n)
        if not trimmed(item.title):
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


def _free_name(session: Session, name: str) -> str:
    taken = {n.lower() for n in session.scalars(select(ChecklistTemplate.name))}
    if name.lower() not in taken:
        return name
    k = 2
    while f"{name} ({k})".lower() in taken:
        k += 1
    return f"{name} ({k})"


class Templates:
    """Checklist templates (a deliberate deletion of the built-in one is kept)."""

    _uow: UowFactory

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
        with self._uow(read_only=True) as uow:
            return [TemplateRow(t.id, t.name, t.description, t.is_default, n_items, n_users)
                    for t, n_items, n_users in uow.session.execute(q).all()]

    def template(self, template_id: int) -> TemplateDetail:
        with self._uow(read_only=True) as uow:
            s = uow.session
            t = row_or_not_found(s, ChecklistTemplate, template_id)
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
        name = trimmed(name)
        require(errors, "name", name, translate("Mentoring", "Введите название шаблона"))
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
                template = row_or_not_found(s, ChecklistTemplate, template_id)
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
                item.section = trimmed(data.section)
                item.title = trimmed(data.title)
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
        with self._uow(read_only=True) as uow:
            new_name = _free_name(uow.session, trimmed(name) or translate(
                "Mentoring", "{name} (копия)").format(name=detail.name))
        items = [TemplateItemData(i.section, i.title, i.description, i.due_offset_days)
                 for i in detail.items]
        return self.save_template(None, name=new_name, description=detail.description,
                                  items=items)

    def template_usage(self, template_id: int) -> int:
        """How many trainees have tasks made from this template."""
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(
                select(func.count(func.distinct(TraineeTask.trainee_id)))
                .join(ChecklistItem, ChecklistItem.id == TraineeTask.template_item_id)
                .where(ChecklistItem.template_id == template_id)) or 0

    def delete_template(self, template_id: int) -> None:
        """Delete a template; trainees' tasks made from it stay (their link becomes empty)."""
        with self._uow() as uow:
            uow.session.delete(row_or_not_found(uow.session, ChecklistTemplate, template_id))
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
                due_offset_days=raw.get("due_offset_days", 0)))  # checked by _check_items
        name = trimmed(str(data.get("name") or "")) or translate("Mentoring", "Импортированный")
        with self._uow(read_only=True) as uow:
            name = _free_name(uow.session, name)
        return self.save_template(None, name=name, description=str(data.get("description") or ""),
                                  items=items)
