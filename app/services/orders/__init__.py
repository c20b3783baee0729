"""The orders area (issue 14), one module per feature (as `app/services/activities/`).

- `codes`: order, shipment and stock movement codes and their labels (`ORDER_STATUS_LABELS`)
- `dtos`: `OrderDraft`, `OrderDetail`, `OrderRow`, `ShipmentDraft`, `ShipmentRow`, …
- `rules`: the checks of lines, terms and shipments; the due date; decimals refused
- `reading`: an order and its shipments as the editor shows them; shipped %, late flags
- `orders`: create from a won deal (numbering), edit, statuses, cancel, delete, after-sale
- `listing`: the Orders tab's page of orders (one query) and its count
- `shipments`: partial shipments within the ordered quantities, with their stock
- `stock`: the stock journal, receipts, corrections with a reason, low stock
- `service`: `OrdersService`, the features above over one unit of work
"""

from app.services.orders.codes import (
    ORDER_STATUS_LABELS,
    SHIPMENT_STATUS_LABELS,
    STOCK_KIND_LABELS,
    order_status_label,
    shipment_status_label,
    stock_kind_label,
)
from app.services.orders.dtos import (
    AfterSale,
    LowStockRow,
    OrderDetail,
    OrderDraft,
    OrderFilter,
    OrderLineDraft,
    OrderLineRow,
    OrderPage,
    OrderPaymentRow,
    OrderRow,
    ShipmentDraft,
    ShipmentLineRow,
    ShipmentRow,
    StockMovementRow,
)
from app.services.orders.service import OrdersService

__all__ = [
    "ORDER_STATUS_LABELS", "SHIPMENT_STATUS_LABELS", "STOCK_KIND_LABELS", "AfterSale",
    "LowStockRow", "OrderDetail", "OrderDraft", "OrderFilter", "OrderLineDraft",
    "OrderLineRow", "OrderPage", "OrderPaymentRow", "OrderRow", "OrdersService",
    "ShipmentDraft", "ShipmentLineRow", "ShipmentRow", "StockMovementRow",
    "order_status_label", "shipment_status_label", "stock_kind_label",
]
