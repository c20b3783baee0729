"""What the activities service takes and gives: drafts, details, completions, bulk changes
and completions as undo and redo take them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ActivityDraft:
    """What an editor fills in; also the next step of a completion.

    `client_id` is required unless `kind` is "task" (a personal task); with only `deal_id`
    (or only `contact_id`) the deal's (contact's) client is used. `due_at` is timezone-aware
    and required for every kind except "note". `remind_before_min`: None means the kind's
    default (`DEFAULT_REMIND_BEFORE`), -1 no reminder. `repeat_every` with `repeat_unit`
    makes a recurring activity.
    """

    kind: str
    subject: str
    client_id: int | None = None
    contact_id: int | None = None
    deal_id: int | None = None
    due_at: datetime | None = None
    duration_min: int | None = None
    place: str = ""
    notes: str = ""
    priority: str = "normal"
    purpose: str = ""
    remind_before_min: int | None = None
    repeat_every: int | None = None
    repeat_unit: str = ""
    materials: tuple[str, ...] = ()
    # a corrective task of this complaint (issue 16); set when the activity is created and
    # kept by later edits (an update does not change it)
    complaint_id: int | None = None


@dataclass(frozen=True)
class Material:
    id: int
    path: str
    title: str
    exists: bool  # the file is on disk now


@dataclass(frozen=True)
class ActivityDetail:
    """One activity as the editor, the calendar and the worklist show it."""

    id: int
    kind: str
    subject: str
    client_id: int | None
    client_name: str
    contact_id: int | None
    contact_name: str
    contact_phone: str
    contact_email: str
    deal_id: int | None
    deal_title: str
    due_at: datetime | None
    duration_min: int | None
    place: str
    notes: str
    priority: str
    purpose: str
    done: bool
    done_at: datetime | None
    result: str
    reaction: str
    outcome: str  # the result text
    next_activity_id: int | None
    no_next_reason: str
    remind_before_min: int | None
    remind_at: datetime | None
    repeat_every: int | None
    repeat_unit: str
    materials: tuple[Material, ...]
    next_step: str = ""  # the old free-text next step (activities done before issue 13)
    complaint_id: int | None = None  # a corrective task of this complaint (issue 16)

    @property
    def recurring(self) -> bool:
        return self.repeat_every is not None and bool(self.repeat_unit)

    def draft(self) -> ActivityDraft:
        """The editable part, for editing it (no reminder stays no reminder: -1)."""
        return ActivityDraft(
            kind=self.kind, subject=self.subject, client_id=self.client_id,
            contact_id=self.contact_id, deal_id=self.deal_id, due_at=self.due_at,
            duration_min=self.duration_min, place=self.place, notes=self.notes,
            priority=self.priority, purpose=self.purpose,
            remind_before_min=-1 if self.remind_before_min is None else self.remind_before_min,
            repeat_every=self.repeat_every, repeat_unit=self.repeat_unit,
            materials=tuple(m.path for m in self.materials), complaint_id=self.complaint_id)


@dataclass(frozen=True)
class Completion:
    """How an activity was closed, and what comes next.

    `result` is one of `results_for(kind)`; `reaction` (meetings and presentations) one of
    `REACTIONS` or "". `next` is the next step, created in the same transaction; without it
    `no_next_reason` is required, unless the activity is recurring (its next occurrence is
    the next step). A ValidationError about the next step names its field with a "next."
    prefix ("next.due_at").
    """

    result: str
    outcome: str = ""
    reaction: str = ""
    next: ActivityDraft | None = None
    no_next_reason: str = ""
    done_at: datetime | None = None  # default now


@dataclass(frozen=True)
class ActivityState:
    """What a bulk action may change in one activity, before or after it (for undo, redo)."""

    id: int
    due_at: datetime | None
    remind_at: datetime | None
    done: bool
    done_at: datetime | None
    result: str
    no_next_reason: str
    next_activity_id: int | None
    deal_id: int | None
    client_id: int | None
    duration_min: int | None = None  # a calendar resize changes it
    subject: str = field(default="", compare=False)  # to name it in a refusal


@dataclass(frozen=True)
class BulkChange:
    """What a bulk action did, enough to undo it and to do it again (`ActivitiesService.undo`,
    `redo`).

    `previous` and `after` are the changed activities as they were before and after it;
    `created_ids` the occurrences of recurring ones it created, `created_rows` their columns
    as created (an occurrence edited since is not deleted by the undo).
    """

    description: str  # e.g. «Перенесено дел: 3»
    activity_ids: tuple[int, ...]
    previous: tuple[ActivityState, ...] = field(default=(), compare=False, repr=False)
    created_ids: tuple[int, ...] = field(default=(), compare=False, repr=False)
    after: tuple[ActivityState, ...] = field(default=(), compare=False, repr=False)
    created_rows: tuple[tuple[object, ...], ...] = field(default=(), compare=False, repr=False)


Columns = tuple[tuple[str, object], ...]  # an activity's columns by name, as read


@dataclass(frozen=True)
class CompletionChange:
    """What completing one activity did, enough to undo it and to do it again
    (`ActivitiesService.undo_completion`, `redo_completion`).

    `before` and `after` are the activity's columns before and after it; `created_ids` the
    activities it created (the next step, a recurring one's next occurrence), `created_rows`
    their columns and `created_materials` their files as created (one edited, done or given
    files since is not deleted by the undo); `materials` the activity's own files then.
    """

    activity_id: int
    subject: str  # to name it in the menu and in a refusal
    next_activity_id: int | None  # the next step (else the occurrence), as `complete` returns
    before: Columns = field(default=(), compare=False, repr=False)
    after: Columns = field(default=(), compare=False, repr=False)
    materials: tuple[str, ...] = field(default=(), compare=False, repr=False)
    created_ids: tuple[int, ...] = field(default=(), compare=False, repr=False)
    created_rows: tuple[Columns, ...] = field(default=(), compare=False, repr=False)
    created_materials: tuple[tuple[str, ...], ...] = field(default=(), compare=False,
                                                           repr=False)
