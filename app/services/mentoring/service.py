"""MentoringService: the one object the Наставничество tab and the Today tab are given.

Each feature lives in its own module as a mixin over the same unit of work: `trainees`,
`templates`, `checklist`, `meetings`, `assessments`, `learning`.
"""

from __future__ import annotations

from app.services.mentoring.assessments import Assessments
from app.services.mentoring.checklist import Checklists
from app.services.mentoring.learning import Learning
from app.services.mentoring.meetings import Meetings
from app.services.mentoring.templates import Templates
from app.services.mentoring.trainees import Trainees
from app.services.uow import UowFactory


class MentoringService(Trainees, Templates, Checklists, Meetings, Assessments, Learning):
    """Trainees, checklists, meetings, assessments, templates and the learning log."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory
