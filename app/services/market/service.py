"""MarketService: competitors, campaigns, complaints and satisfaction over one unit of work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.services.market.campaigns import Campaigns
from app.services.market.competitors import Competitors
from app.services.market.feedback import Feedback
from app.services.settings import SettingsService
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from app.services.activities import ActivitiesService


class MarketService(Competitors, Campaigns, Feedback):
    """The market and the voice of the client (issue 16)."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService,
                 activities: Callable[[], ActivitiesService]) -> None:
        self._uow = uow_factory
        self._settings = settings
        self._activities = activities  # corrective tasks of a complaint are activities
