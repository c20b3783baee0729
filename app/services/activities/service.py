"""ActivitiesService: the one object every tab, the reminders and the calendar are given.

Each feature lives in its own module as a mixin over the same unit of work: `records`
(one activity, its materials, the lists), `completion` (result and next step, its undo
and redo; the call log), `bulk` (several at once, undo and redo; the calendar's move),
`reminders`, `follow_up`, `rhythm` (the service-call rhythm settings).
"""

from __future__ import annotations

from app.services.activities.bulk import BulkActions
from app.services.activities.completion import ActivityCompletion
from app.services.activities.follow_up import FollowUps
from app.services.activities.records import ActivityRecords
from app.services.activities.reminders import Reminders
from app.services.activities.rhythm import ServiceRhythms
from app.services.settings import SettingsService
from app.services.uow import UowFactory


class ActivitiesService(ActivityRecords, ActivityCompletion, BulkActions, Reminders, FollowUps,
                        ServiceRhythms):
    """Activities: planned, completed with a result and a next step, reminded, recurring."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings
