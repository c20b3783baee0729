"""The activities area, one module per feature (as `app/services/deals/`).

- `codes`: kinds, results, reactions, priorities and their labels (`activity_kind_label`)
- `dtos`: `ActivityDraft`, `ActivityDetail`, `Material`, `Completion`, `BulkChange`,
  `CompletionChange`
- `rules`: a draft's validation, the reminder time, a series' next date
- `records`: create, edit, read, delete, materials, the lists (calendar, client, deal)
- `completion`: closing with a result and the next step, its undo and redo; the call log
- `bulk`: reschedule, done, another deal for several at once, undo and redo; the calendar's move
- `reminders`: the next reminder, the due ones, snooze, dismiss
- `follow_up`: the call after a won deal
- `rhythm`: the service-call rhythm settings (per segment, default, follow-up days)
- `service`: `ActivitiesService`, the features above over one unit of work
"""

from app.services.activities.codes import (
    CALL_RESULTS,
    DEFAULT_REMIND_BEFORE,
    GENERIC_RESULTS,
    MEETING_KINDS,
    MEETING_RESULTS,
    PLANNABLE_KINDS,
    REACTIONS,
    activity_kind_label,
    next_step_text,
    priority_label,
    purpose_label,
    reaction_label,
    repeat_unit_label,
    result_label,
    results_for,
)
from app.services.activities.dtos import (
    ActivityDetail,
    ActivityDraft,
    ActivityState,
    BulkChange,
    Completion,
    CompletionChange,
    Material,
)
from app.services.activities.rhythm import (
    MAX_RHYTHM_DAYS,
    RhythmSettings,
    SegmentRhythm,
    rhythm_days_error,
)
from app.services.activities.rules import add_months_clamped, next_occurrence
from app.services.activities.service import ActivitiesService

__all__ = [
    "CALL_RESULTS", "DEFAULT_REMIND_BEFORE", "GENERIC_RESULTS", "MAX_RHYTHM_DAYS",
    "MEETING_KINDS", "MEETING_RESULTS", "PLANNABLE_KINDS", "REACTIONS", "ActivitiesService",
    "ActivityDetail", "ActivityDraft", "ActivityState", "BulkChange", "Completion",
    "CompletionChange", "Material",
    "RhythmSettings", "SegmentRhythm", "activity_kind_label", "add_months_clamped",
    "next_occurrence", "next_step_text", "priority_label", "purpose_label", "reaction_label",
    "repeat_unit_label", "result_label", "results_for", "rhythm_days_error",
]
