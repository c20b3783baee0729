"""ActivitiesService: the one object every tab, the reminders and the calendar are given.

Each feature lives in its own module as a mixin over the same unit of work: `records`
(one activity, its materials, the lists), `completion` (result and next step, the call
log), `bulk` (several at once, undo; the calendar's move), `reminders`, `follow_up`.
"""

from __future__ import annotations

from datetime import datetime

from app.i18n import translate
from app.models import Deal
from app.services.activities.bulk import BulkActions
from app.services.activities.completion import ActivityCompletion
from app.services.activities.dtos import ActivityDraft
from app.services.activities.follow_up import FollowUps
from app.services.activities.records import ActivityRecords
from app.services.activities.reminders import Reminders
from app.services.errors import NotFoundError
from app.services.settings import SettingsService
from app.services.uow import UowFactory


class ActivitiesService(ActivityRecords, ActivityCompletion, BulkActions, Reminders, FollowUps):
    """Activities: planned, completed with a result and a next step, reminded, recurring."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings

    def plan_for_deal(self, deal_id: int, *, kind: str, subject: str, due_at: datetime,
                      place: str = "", notes: str = "") -> int:
        """Plan an activity for a deal, its client and contact: the first cut's API, kept for
        tests/unit/test_deals_board_queries.py (prefer `create`). Any start is accepted, as
        before; a reminder is set only ahead of it."""
        with self._uow(read_only=True) as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Activities", "Сделка не найдена"))
            contact_id = deal.contact_id
        return self.create(ActivityDraft(kind=kind, subject=subject, deal_id=deal_id,
                                         contact_id=contact_id, due_at=due_at, place=place,
                                         notes=notes), now=due_at)
