"""The mentoring area (duties 9 and 13), one module per feature (as `app/views/mentoring/`).

- `trainees`: trainees with their checklist counts (`TraineeRow`)
- `templates`: checklist templates, copies, JSON exchange (`TemplateRow`, `TemplateItemData`)
- `checklist`: a trainee's tasks, progress, overdue tasks (`TaskRow`, `TraineeProgress`)
- `meetings`: accompanied meetings and feedback (`MeetingRow`, `MeetingChoice`)
- `assessments`: skill scores over time (`AssessmentRow`, `skill_label`)
- `learning`: the manager's own learning log (`LearningRow`, `QuarterHours`)
- `defaults`: the built-in onboarding checklist, seeded into a database without templates
- `common`: trimmed text, required fields, a row by id
- `service`: `MentoringService`, the features above over one unit of work
"""

from app.models import LEARNING_KINDS, LEARNING_STATUSES, SKILLS, TRAINEE_STATUSES
from app.services.mentoring.assessments import AssessmentRow, skill_label
from app.services.mentoring.checklist import (
    OverdueTask,
    SectionProgress,
    TaskRow,
    TraineeProgress,
)
from app.services.mentoring.learning import (
    LearningRow,
    QuarterHours,
    learning_kind_label,
    learning_status_label,
)
from app.services.mentoring.meetings import MEETING_KINDS, MeetingChoice, MeetingRow
from app.services.mentoring.service import MentoringService
from app.services.mentoring.templates import TemplateDetail, TemplateItemData, TemplateRow
from app.services.mentoring.trainees import TraineeRow, trainee_status_label

__all__ = [
    "LEARNING_KINDS", "LEARNING_STATUSES", "MEETING_KINDS", "SKILLS", "TRAINEE_STATUSES",
    "AssessmentRow", "LearningRow", "MeetingChoice", "MeetingRow", "MentoringService",
    "OverdueTask", "QuarterHours", "SectionProgress", "TaskRow", "TemplateDetail",
    "TemplateItemData", "TemplateRow", "TraineeProgress", "TraineeRow", "learning_kind_label",
    "learning_status_label", "skill_label", "trainee_status_label",
]
