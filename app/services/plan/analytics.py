"""AnalyticsService: analyses of the pipeline and the client base for the План tab and reports.

Funnel, losses and lead sources (`funnel`), presentation → next stage → won
(`presentations`), ABC/XYZ (`abc_xyz`), RFM and churn risk
(`client_base`). Every aggregation runs in SQLite (GROUP BY, window functions); sums come
back as integer kopecks and are converted exactly with `from_kopecks`. "Purchases" of a
client are its won deals (amount, closing date). Periods are the plan's ("2026-11",
"2026-Q4", "2026"; see `app.services.plan.periods.parse_period`).
"""

from __future__ import annotations

from app.services.plan.abc_xyz import AbcXyzAnalytics
from app.services.plan.client_base import ClientBaseAnalytics
from app.services.plan.funnel import PipelineAnalytics
from app.services.plan.presentations import PresentationAnalytics
from app.services.uow import UowFactory


class AnalyticsService(PipelineAnalytics, PresentationAnalytics, AbcXyzAnalytics,
                       ClientBaseAnalytics):
    """Analyses over the trigger-kept rollups (migration 0004) and the deals."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory
