"""Trainees: the list with checklist counts, the card, the mentor's conclusion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select

from app.i18n import translate
from app.models import (
    TRAINEE_STATUSES,
    Trainee,
    TraineeTask,
)
from app.services.errors import NotFoundError, ValidationError
from app.services.mentoring.common import require, row_or_not_found, trimmed
from app.services.uow import UowFactory


def trainee_status_label(status: str) -> str:
    return {
        "onboarding": translate("Mentoring", "Адаптация"),
        "finished": translate("Mentoring", "Завершил адаптацию"),
        "left": translate("Mentoring", "Ушёл"),
    }.get(status, status)


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


def _trainee_row(t: Trainee, total: int, done: int, overdue: int) -> TraineeRow:
    return TraineeRow(t.id, t.name, t.start_date, t.position, t.phone, t.email, t.notes,
                      t.conclusion, t.status, total, done, overdue)


class Trainees:
    """Trainees in status order, newest start first."""

    _uow: UowFactory

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
        with self._uow(read_only=True) as uow:
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
        name = trimmed(name)
        require(errors, "name", name, translate("Mentoring", "Введите имя стажёра"))
        if start_date is None:
            errors["start_date"] = translate("Mentoring", "Укажите дату начала стажировки")
        if status not in TRAINEE_STATUSES:
            errors["status"] = translate("Mentoring", "Неизвестный статус")
        email = trimmed(email)
        if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
            errors["email"] = translate("Mentoring", "Адрес почты выглядит неверно")
        if errors or start_date is None:  # a missing start date is among the errors
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            if trainee_id is None:
                trainee = Trainee(name=name, start_date=start_date)
                s.add(trainee)
            else:
                trainee = row_or_not_found(s, Trainee, trainee_id)
                shift = (start_date - trainee.start_date).days
                if shift:
                    # The plan moves with the start date; done tasks keep their history.
                    for task in s.scalars(select(TraineeTask).where(
                            TraineeTask.trainee_id == trainee_id,
                            TraineeTask.template_item_id.is_not(None),
                            TraineeTask.done_on.is_(None))):
                        if task.due_on is not None:
                            task.due_on = task.due_on + timedelta(days=shift)
            trainee.name = name
            trainee.start_date = start_date
            trainee.position = trimmed(position)
            trainee.phone = trimmed(phone)
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
            row_or_not_found(uow.session, Trainee, trainee_id).conclusion = conclusion or ""
            uow.commit()

    def delete_trainee(self, trainee_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(row_or_not_found(uow.session, Trainee, trainee_id))
            uow.commit()
