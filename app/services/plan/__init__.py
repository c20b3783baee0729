"""The plan and analytics area, one module per feature (as `app/views/plan/`).

- `periods`: months, quarters, years (`Period`, `parse_period`, `add_months`)
- `common`: the conventions every figure keeps, metric and dimension labels
- `targets`: setting the plan (`PlanGrid`, `TargetChange`)
- `progress`: plan against actual (`PlanProgress`, `CumulativeSeries`, `Breakdown`)
- `funnel`: funnel, losses, lead sources (`FunnelStage`, `Losses`, `SourceRow`)
- `presentations`: presentation → next stage → won (`PresentationConversion`)
- `abc_xyz`: the ABC/XYZ matrix (`AbcXyzResult`)
- `client_base`: RFM and churn risk (`RfmResult`, `ChurnRiskClient`)
- `service` / `analytics`: `PlanService` and `AnalyticsService` over those features
"""

from app.services.plan.abc_xyz import (
    ABC_CLASSES,
    XYZ_CLASSES,
    AbcXyzCell,
    AbcXyzClient,
    AbcXyzResult,
)
from app.services.plan.analytics import AnalyticsService
from app.services.plan.client_base import (
    RFM_SEGMENTS,
    ChurnRiskClient,
    RfmClient,
    RfmResult,
    RfmSegmentSummary,
    rfm_segment,
    rfm_segment_label,
)
from app.services.plan.common import (
    DIMENSIONS,
    METRICS,
    dimension_label,
    empty_value_label,
    metric_label,
)
from app.services.plan.funnel import FunnelStage, Losses, LossRow, SourceRow
from app.services.plan.periods import Period, add_months, month_period, parse_period
from app.services.plan.presentations import PresentationConversion
from app.services.plan.progress import (
    Breakdown,
    BreakdownRow,
    CumulativeSeries,
    MonthFigures,
    PlanProgress,
)
from app.services.plan.service import PlanService
from app.services.plan.targets import PlanGrid, PlanGridRow, TargetChange

__all__ = [
    "ABC_CLASSES", "DIMENSIONS", "METRICS", "RFM_SEGMENTS", "XYZ_CLASSES", "AbcXyzCell",
    "AbcXyzClient", "AbcXyzResult", "AnalyticsService", "Breakdown", "BreakdownRow",
    "ChurnRiskClient", "CumulativeSeries", "FunnelStage", "LossRow", "Losses", "MonthFigures",
    "Period", "PlanGrid", "PlanGridRow", "PlanProgress", "PlanService", "PresentationConversion",
    "RfmClient",
    "RfmResult", "RfmSegmentSummary", "SourceRow", "TargetChange", "add_months",
    "dimension_label", "empty_value_label", "metric_label", "month_period",
    "parse_period", "rfm_segment", "rfm_segment_label",
]
