"""What the Plan tab shows, fetched from the services section by section (no Qt here: the
benchmark times exactly these calls).

The tab loads the section on screen when it refreshes and the others when they are first
shown afterwards; `load_plan_tab_data` loads every section (the benchmark's "full refresh").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.services.plan import (
    AbcXyzResult,
    Breakdown,
    ChurnRiskClient,
    CumulativeSeries,
    FunnelStage,
    Losses,
    MonthFigures,
    Period,
    PlanProgress,
    PresentationConversion,
    RfmSegmentSummary,
    parse_period,
)
from app.services.plan import SourceRow as SourceFigures
from app.services.plan.client_base import BaseDimensionRow

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.services.market.campaigns import CampaignsReport
    from app.services.market.feedback import ChurnBreakdown

SECTIONS = ("progress", "funnel", "sources", "base")
SECTION_FIELDS = {
    "progress": ("progress", "cumulative", "monthly", "breakdown"),
    "funnel": ("funnel", "losses", "presentations"),
    "sources": ("sources", "campaigns"),
    "base": ("abc_xyz", "rfm_segments", "churn", "base_by", "churn_reasons"),
}


@dataclass(frozen=True)
class PlanTabQuery:
    """Everything a refresh depends on."""

    period: Period
    dimension: str
    today: date
    metric: str
    churn_k: int = 2
    a_share: int = 80
    b_share: int = 15
    base_dimension: str = "industry"  # the client base cut by industry, region or segment

    @property
    def as_of(self) -> date:
        """The base analyses are as of the period's end or today, whichever is earlier."""
        return min(self.today, self.period.last)


@dataclass
class PlanTabData:
    """The loaded sections; a section's fields stay None until it is loaded."""

    query: PlanTabQuery
    loaded: set[str] = field(default_factory=set)
    progress: PlanProgress | None = None
    cumulative: CumulativeSeries | None = None
    monthly: list[MonthFigures] | None = None
    breakdown: Breakdown | None = None
    funnel: list[FunnelStage] | None = None
    losses: Losses | None = None
    presentations: PresentationConversion | None = None
    sources: list[SourceFigures] | None = None
    campaigns: CampaignsReport | None = None  # each campaign's figures (the market's rule)
    abc_xyz: AbcXyzResult | None = None
    rfm_segments: list[RfmSegmentSummary] | None = None
    churn: list[ChurnRiskClient] | None = None
    base_by: list[BaseDimensionRow] | None = None
    churn_reasons: ChurnBreakdown | None = None  # the clients lost in the period, by reason


def make_query(services: Services, period: str | Period, dimension: str, *,
               today: date | None = None, metric: str | None = None, churn_k: int = 2,
               a_share: int = 80, b_share: int = 15,
               base_dimension: str = "industry") -> PlanTabQuery:
    return PlanTabQuery(parse_period(period), dimension, today or date.today(),
                        metric or services.plan.metric(), churn_k, a_share, b_share,
                        base_dimension)


def load_section(services: Services, data: PlanTabData, section: str) -> None:
    """Fetch one section into `data` (raises the services' ValidationError on bad input)."""
    q = data.query
    p = q.period
    if section == "progress":
        data.progress = services.plan.progress(p, today=q.today, metric=q.metric)
        data.cumulative = services.plan.cumulative(p, today=q.today, metric=q.metric)
        data.monthly = services.plan.monthly(p, metric=q.metric)
        data.breakdown = services.plan.breakdown(p, q.dimension, today=q.today,
                                                 metric=q.metric)
    elif section == "funnel":
        data.funnel = services.analytics.funnel(p)
        data.losses = services.analytics.losses(p)
        data.presentations = services.analytics.presentation_conversion(p)
    elif section == "sources":
        data.sources = services.analytics.sources(p)
        data.campaigns = services.market.effectiveness(p)
    elif section == "base":
        data.abc_xyz = services.analytics.abc_xyz(p, a_share=q.a_share, b_share=q.b_share)
        data.rfm_segments, data.churn = services.analytics.client_base(
            as_of=q.as_of, k=q.churn_k, limit=200)
        data.base_by = services.analytics.base_by(p, q.base_dimension)
        data.churn_reasons = services.market.churn_breakdown(p)
    else:
        raise ValueError(section)
    data.loaded.add(section)


def load_plan_tab_data(services: Services, period: str | Period, dimension: str,
                       **options: Any) -> PlanTabData:
    """Every section of the tab for one period (the benchmark's full refresh)."""
    data = PlanTabData(make_query(services, period, dimension, **options))
    for section in SECTIONS:
        load_section(services, data, section)
    return data
