"""The manager's own learning log: courses, books, hours by quarter (duty 13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import Integer, cast, func, select

from app.i18n import translate
from app.models import (
    LEARNING_KINDS,
    LEARNING_STATUSES,
    LearningRecord,
)
from app.services.errors import ValidationError
from app.services.mentoring.common import require, row_or_not_found, trimmed
from app.services.uow import UowFactory


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


class Learning:
    """Learning records and hours per quarter."""

    _uow: UowFactory

    def learning_records(self) -> list[LearningRow]:
        q = select(LearningRecord).order_by(LearningRecord.started_on.desc(), LearningRecord.id)
        with self._uow(read_only=True) as uow:
            return [LearningRow(r.id, r.kind, r.title, r.started_on, r.finished_on, r.hours,
                                r.status, r.takeaways, r.skill) for r in uow.session.scalars(q)]

    def save_learning(self, record_id: int | None, *, kind: str, title: str,
                      started_on: date | None, finished_on: date | None = None,
                      hours: Decimal | int | str = 0, status: str = "planned", takeaways: str = "",
                      skill: str = "") -> int:
        errors: dict[str, str] = {}
        title = trimmed(title)
        require(errors, "title", title, translate("Mentoring", "Введите, что изучаете"))
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
        if errors or started_on is None:  # a missing start date is among the errors
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            if record_id is None:
                record = LearningRecord()
                s.add(record)
            else:
                record = row_or_not_found(s, LearningRecord, record_id)
            record.kind, record.title, record.status = kind, title, status
            record.started_on, record.finished_on = started_on, finished_on
            record.hours = amount
            record.takeaways = takeaways or ""
            record.skill = trimmed(skill)
            uow.flush()
            new_id = record.id
            uow.commit()
        return new_id

    def delete_learning(self, record_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(row_or_not_found(uow.session, LearningRecord, record_id))
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
        with self._uow(read_only=True) as uow:
            return [QuarterHours(int(y), int(qr), Decimal(h or 0), n)
                    for y, qr, h, n in uow.session.execute(q).all()]
