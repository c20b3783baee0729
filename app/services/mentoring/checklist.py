"""A trainee's checklist: tasks from a template or added by hand, progress, overdue tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select, update

from app.i18n import translate
from app.models import (
    ChecklistItem,
    ChecklistTemplate,
    Trainee,
    TraineeTask,
)
from app.services.errors import ValidationError
from app.services.mentoring.common import require, row_or_not_found, trimmed
from app.services.rows import not_null
from app.services.uow import UowFactory


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


def _task_row(t: TraineeTask, today: date) -> TaskRow:
    overdue = t.done_on is None and t.due_on is not None and t.due_on < today
    return TaskRow(t.id, t.trainee_id, t.section, t.position, t.title, t.description,
                   t.due_on, t.done_on, t.mentor_comment, t.template_item_id is not None,
                   overdue)


class Checklists:
    """Tasks of one trainee, in sections; the overdue ones for the Today tab."""

    _uow: UowFactory

    def assign_template(self, trainee_id: int, template_id: int) -> int:
        """Copy the template's items into the trainee's tasks (due = start + offset).

        Items the trainee already has from this template are skipped; returns how many
        tasks were added.
        """
        with self._uow() as uow:
            s = uow.session
            trainee = row_or_not_found(s, Trainee, trainee_id)
            row_or_not_found(s, ChecklistTemplate, template_id)
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
        with self._uow(read_only=True) as uow:
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
        section, title = trimmed(section), trimmed(title)
        require(errors, "section", section, translate("Mentoring", "Укажите раздел"))
        require(errors, "title", title, translate("Mentoring", "Введите название пункта"))
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            row_or_not_found(s, Trainee, trainee_id)
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
        title = trimmed(title)
        if not title:
            raise ValidationError.single("title", translate(
                "Mentoring", "Введите название пункта"))
        with self._uow() as uow:
            task = row_or_not_found(uow.session, TraineeTask, task_id)
            task.title, task.description, task.due_on = title, description or "", due_on
            uow.commit()

    def set_task_done(self, task_id: int, done_on: date | None, comment: str | None = None) -> None:
        """Tick (done_on a date) or untick (None) a task, with the mentor's comment."""
        with self._uow() as uow:
            task = row_or_not_found(uow.session, TraineeTask, task_id)
            trainee = row_or_not_found(uow.session, Trainee, task.trainee_id)
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
            task = row_or_not_found(s, TraineeTask, task_id)
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
            uow.session.delete(row_or_not_found(uow.session, TraineeTask, task_id))
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
        with self._uow(read_only=True) as uow:
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
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(q).all()
        return [OverdueTask(trainee_id, name, task_id, title,
                            not_null(due_on, "trainee_tasks.due_on"))  # `due_on < today`
                for trainee_id, name, task_id, title, due_on in rows]
