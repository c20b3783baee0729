"""Skill assessments: scores 1–5 per skill over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, select

from app.i18n import translate
from app.models import (
    SKILLS,
    Assessment,
    Trainee,
)
from app.services.errors import ValidationError
from app.services.mentoring.common import row_or_not_found
from app.services.uow import UowFactory


def skill_label(skill: str) -> str:
    return {
        "presentation": translate("Mentoring", "Презентация"),
        "needs_discovery": translate("Mentoring", "Выявление потребностей"),
        "objection_handling": translate("Mentoring", "Работа с возражениями"),
        "closing": translate("Mentoring", "Завершение сделки"),
        "crm_discipline": translate("Mentoring", "Дисциплина в CRM"),
        "product_knowledge": translate("Mentoring", "Знание продукта"),
    }.get(skill, skill)


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    trainee_id: int
    assessed_on: date
    skill: str
    score: int
    comment: str


def _valid_score(score: object) -> int | None:
    """The score when it is a whole number from 1 to 5, else None."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        return None
    return score


class Assessments:
    """A trainee's assessments and each skill's series for the chart."""

    _uow: UowFactory

    def add_assessment(self, trainee_id: int, *, assessed_on: date | None, skill: str,
                       score: object, comment: str = "") -> int:
        """Record a rating (1–5); a second rating of the same skill on the same day replaces
        the first."""
        errors: dict[str, str] = {}
        if assessed_on is None:
            errors["assessed_on"] = translate("Mentoring", "Укажите дату оценки")
        if skill not in SKILLS:
            errors["skill"] = translate("Mentoring", "Выберите навык")
        valid_score = _valid_score(score)
        if valid_score is None:
            errors["score"] = translate("Mentoring", "Оценка должна быть от 1 до 5")
        if errors or assessed_on is None or valid_score is None:  # both are among the errors
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            trainee = row_or_not_found(s, Trainee, trainee_id)
            if assessed_on < trainee.start_date:
                raise ValidationError.single("assessed_on", translate(
                    "Mentoring", "Дата оценки раньше начала стажировки"))
            row = s.scalar(select(Assessment).where(
                Assessment.trainee_id == trainee_id, Assessment.assessed_on == assessed_on,
                Assessment.skill == skill))
            if row is None:
                row = Assessment(trainee_id=trainee_id, assessed_on=assessed_on, skill=skill)
                s.add(row)
            row.score = valid_score
            row.comment = (comment or "").strip()
            uow.flush()
            new_id = row.id
            uow.commit()
        return new_id

    def delete_assessment(self, assessment_id: int) -> None:
        with self._uow() as uow:
            uow.session.delete(row_or_not_found(uow.session, Assessment, assessment_id))
            uow.commit()

    def assessments(self, trainee_id: int) -> list[AssessmentRow]:
        order = case({s: i for i, s in enumerate(SKILLS)}, value=Assessment.skill)
        q = (select(Assessment).where(Assessment.trainee_id == trainee_id)
             .order_by(Assessment.assessed_on.desc(), order))
        with self._uow(read_only=True) as uow:
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
