"""OrdersService: orders made from won deals, their shipments and the stock journal.

Each feature lives in its own module as a mixin over the same unit of work: `orders`
(create from a deal, edit, statuses, cancel, delete, the deal's after-sale), `listing` (the
Orders tab's page), `shipments`, `stock` (the journal, receipts, corrections, low stock).
"""

from __future__ import annotations

from app.services.orders.listing import OrderList
from app.services.orders.orders import OrderRecords
from app.services.orders.shipments import Shipments
from app.services.orders.stock import StockJournal
from app.services.settings import SettingsService
from app.services.uow import UowFactory


class OrdersService(OrderRecords, OrderList, Shipments, StockJournal):
    """Orders, shipments and stock (issue 14): the after-sale of a won deal."""

    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService) -> None:
        self._uow = uow_factory
        self._settings = settings
