"""OrdersService: orders made from won deals, their shipments and the stock journal."""

from __future__ import annotations

from app.services.settings import SettingsService
from app.services.uow import UowFactory


class OrdersService:
    """Orders, shipments and stock (issue 14): the after-sale of a won deal."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings
