"""The codes of orders, shipments and stock movements and their one label each.

`ORDER_STATUS_LABELS`, `SHIPMENT_STATUS_LABELS` and `STOCK_KIND_LABELS` map a code to its
label; they are read-only mappings that translate on every read (so the language in force
at call time is used), and may also be called for a plain dict: `ORDER_STATUS_LABELS()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from app.i18n import translate
from app.models import ORDER_STATUSES, SHIPMENT_STATUSES, STOCK_MOVEMENT_KINDS

__all__ = [
    "LEFT_STATUSES", "LIVE_ORDER_STATUSES", "MANUAL_ORDER_STATUSES", "OPEN_SHIPMENT_STATUSES",
    "ORDER_STATUSES", "ORDER_STATUS_LABELS", "SHIPMENT_STATUSES", "SHIPMENT_STATUS_LABELS",
    "STOCK_KIND_LABELS", "STOCK_MOVEMENT_KINDS", "order_status_label",
    "shipment_status_label", "stock_kind_label",
]

# statuses the manager sets by hand while nothing has left the warehouse; partly_shipped and
# shipped follow the shipments, closed and cancelled end the order
MANUAL_ORDER_STATUSES = ("new", "confirmed", "picking")
# an order still being worked on (not closed, not cancelled)
LIVE_ORDER_STATUSES = ("new", "confirmed", "picking", "partly_shipped", "shipped")
# a shipment in one of these has left the warehouse (its stock is out); a "problem" one has
# left when it has an actual ship date
LEFT_STATUSES = ("shipped", "in_transit", "delivered")
# a shipment not yet delivered nor cancelled (a planned delivery date can still be missed)
OPEN_SHIPMENT_STATUSES = ("preparing", "shipped", "in_transit", "problem")


class _Labels(Mapping[str, str]):
    """A code → label mapping whose labels are translated when read."""

    def __init__(self, build: Callable[[], dict[str, str]]) -> None:
        self._build = build

    def __call__(self) -> dict[str, str]:
        return self._build()

    def __getitem__(self, code: str) -> str:
        return self._build()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._build())

    def __len__(self) -> int:
        return len(self._build())


def _order_statuses() -> dict[str, str]:
    return {
        "new": translate("Orders", "Новый"),
        "confirmed": translate("Orders", "Подтверждён"),
        "picking": translate("Orders", "В сборке"),
        "partly_shipped": translate("Orders", "Отгружен частично"),
        "shipped": translate("Orders", "Отгружен"),
        "closed": translate("Orders", "Закрыт"),
        "cancelled": translate("Orders", "Отменён"),
    }


def _shipment_statuses() -> dict[str, str]:
    return {
        "preparing": translate("Orders", "Готовится"),
        "shipped": translate("Orders", "Отгружена"),
        "in_transit": translate("Orders", "В пути"),
        "delivered": translate("Orders", "Доставлена"),
        "problem": translate("Orders", "Проблема"),
        "cancelled": translate("Orders", "Отменена"),
    }


def _stock_kinds() -> dict[str, str]:
    return {
        "opening": translate("Orders", "Начальный остаток"),
        "shipment": translate("Orders", "Отгрузка"),
        "shipment_cancel": translate("Orders", "Отмена отгрузки"),
        "receipt": translate("Orders", "Поступление"),
        "correction": translate("Orders", "Корректировка"),
    }


ORDER_STATUS_LABELS = _Labels(_order_statuses)
SHIPMENT_STATUS_LABELS = _Labels(_shipment_statuses)
STOCK_KIND_LABELS = _Labels(_stock_kinds)


def order_status_label(code: str) -> str:
    """`Отгружен частично` for "partly_shipped"; an unknown code as it is."""
    return _order_statuses().get(code, code)


def shipment_status_label(code: str) -> str:
    """`В пути` for "in_transit"; an unknown code as it is."""
    return _shipment_statuses().get(code, code)


def stock_kind_label(code: str) -> str:
    """`Корректировка` for "correction"; an unknown code as it is."""
    return _stock_kinds().get(code, code)
