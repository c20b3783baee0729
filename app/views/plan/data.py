"""Everything the Plan tab shows for one period, fetched from the services in one go
(no Qt here: the benchmark times exactly this)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.services.analytics import AbcXyzResult, ChurnRiskClient, FunnelStage, Losses, RfmResult
from app.services.analytics import SourceRow as SourceFigures
from app.services.plan import (
    Breakdown,
    CumulativeSeries,
    MonthFigures,
    Period,
    PlanProgress,
    parse_period,
)


@dataclass(frozen=True)
class PlanTabData:
    period: Period
    dimension: str
    progress: PlanProgress
    cumulative: CumulativeSeries
    monthly: list[MonthFigures]
    breakdown: Breakdown
    funnel: list[FunnelStage]
    losses: Losses
    sources: list[SourceFigures]
    abc_xyz: AbcXyzResult
    rfm: RfmResult
    churn: list[ChurnRiskClient]


def load_plan_tab_data(services: Any, period: str | Period, dimension: str, *,
                       today: date | None = None, metric: str | None = None,
                       churn_k: int = 2, a_share: int = 80, b_share: int = 15) -> PlanTabData:
    """All the tab's figures; the base analyses (RFM, churn) are as of the period's end or
    today, whichever is earlier."""
    p = parse_period(period)
    today = today or date.today()
    metric = metric or services.plan.metric()
    as_of = min(today, p.last)
    return PlanTabData(
        period=p,
        dimension=dimension,
        progress=services.plan.progress(p, today=today, metric=metric),
        cumulative=services.plan.cumulative(p, today=today, metric=metric),
        monthly=services.plan.monthly(p, metric=metric),
        breakdown=services.plan.breakdown(p, dimension, today=today, metric=metric),
        funnel=services.analytics.funnel(p),
        losses=services.analytics.losses(p),
        sources=services.analytics.sources(p),
        abc_xyz=services.analytics.abc_xyz(p, a_share=a_share, b_share=b_share),
        rfm=services.analytics.rfm(as_of=as_of),
        churn=services.analytics.churn_risk(as_of=as_of, k=churn_k, limit=200),
    )
