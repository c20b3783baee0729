"""DealsService: the one object the Сделки tab, the Today tab and the reports are given.

Each feature lives in its own module as a mixin over the same unit of work and settings:
`board`, `forecast`, `stages`, `lost_reasons`, `moves`, `editor`, `objections`.
"""

from __future__ import annotations

from app.services.deals.board import BoardQueries
from app.services.deals.editor import DealEditor
from app.services.deals.forecast import Forecasting
from app.services.deals.moves import DealMoves
from app.services.deals.objections import ObjectionLibrary
from app.services.settings import SettingsService
from app.services.uow import UowFactory


class DealsService(BoardQueries, Forecasting, DealMoves, DealEditor, ObjectionLibrary):
    """The pipeline: the board, moves, the editor, the forecast and the pipeline settings."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings
