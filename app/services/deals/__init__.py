"""The pipeline area, one module per feature (as `app/views/deals/`).

- `board`: the kanban board, its filter and column sums (`DealCard`, `Board`, `BoardFilter`)
- `forecast`: this and next month against the plan (`Forecast`, `MonthForecast`)
- `stages`: the stage list and the stall setting (`StageInfo`, `StageInput`)
- `lost_reasons`: the configured lost reasons and their labels
- `moves`: moving a deal between stages, its stage history (`StageSpan`)
- `editor`: a deal with lines and objections, validated and saved (`DealInput`, `DealDetail`)
- `objections`: the library of standard objections
- `defaults`: the stages, lost reasons and objection library a pipeline starts with
- `service`: `DealsService`, the features above over one unit of work
"""

from app.services.deals.board import Board, BoardFilter, ColumnSummary, DealCard
from app.services.deals.editor import (
    Choice,
    DealDetail,
    DealInput,
    LineInput,
    LineRow,
    ObjectionInput,
    SaveResult,
    below_floor,
    deal_amount,
    net_unit_price,
    validate_line,
)
from app.services.deals.forecast import Forecast, MonthForecast
from app.services.deals.lost_reasons import lost_reason_label
from app.services.deals.moves import StageMove, StageSpan
from app.services.deals.objections import StandardObjectionRow
from app.services.deals.service import DealsService
from app.services.deals.stages import StageInfo, StageInput

__all__ = [
    "Board", "BoardFilter", "Choice", "ColumnSummary", "DealCard", "DealDetail", "DealInput",
    "DealsService", "Forecast", "LineInput", "LineRow", "MonthForecast", "ObjectionInput",
    "SaveResult", "StageInfo", "StageInput", "StageMove", "StageSpan", "StandardObjectionRow",
    "below_floor", "deal_amount", "lost_reason_label", "net_unit_price", "validate_line",
]
