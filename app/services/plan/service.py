"""PlanService: the sales plan the План tab, the Today tab and the plan report are given.

Its features live in `targets` (setting the plan) and `progress` (plan against actual);
`common` states the conventions both keep.
"""

from __future__ import annotations

from app.services.plan.targets import PlanTargets
from app.services.uow import UowFactory


class PlanService(PlanTargets):
    """Plan targets, actual, progress and chart series. Dates default to today."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory
