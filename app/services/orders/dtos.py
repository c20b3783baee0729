"""What the orders service takes and gives: orders, their lines, shipments, stock rows.

Money is `Decimal` (2 places), quantities `Decimal` (3 places), percentages `Decimal`
(2 places), dates `date`. Status codes are the model's; labels come from `codes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class OrderLineDraft:
    """A line as the editor sends it (`id` None: a new line)."""

    product_id: int | None
    name: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal = Decimal("0")
    vat_kind: str = "standard"
    id: int | None = None


@dataclass(frozen=True)
class OrderDraft:
    """The header fields the editor can change; `lines` None keeps the lines.

    `payment_due_on` given wins; else `deferred_days` after `ordered_on` gives the due date;
    else there is none. `amount` None: the amount follows the lines, keeping any discount
    agreed at closing (the difference between the lines' total and the amount) as it was.
    """

    ordered_on: date
    delivery_address: str
    ship_by: date | None
    prepayment_pct: Decimal
    deferred_days: int | None
    payment_due_on: date | None
    contract_number: str
    contract_date: date | None
    notes: str
    lines: tuple[OrderLineDraft, ...] | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class OrderLineRow:
    id: int
    position: int
    product_id: int | None
    name: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal
    vat_kind: str
    total: Decimal
    shipped: Decimal  # over shipments that are not cancelled (preparing ones included)
    in_stock: Decimal | None  # the product's stock now (None: no product)
    dispatched: Decimal = Decimal("0")  # over shipments that have left the warehouse


@dataclass(frozen=True)
class ShipmentLineRow:
    order_line_id: int
    name: str
    unit: str
    quantity: Decimal


@dataclass(frozen=True)
class ShipmentRow:
    id: int
    order_id: int
    status: str
    status_label: str
    planned_on: date
    shipped_on: date | None
    planned_delivery_on: date | None
    delivered_on: date | None
    carrier: str
    tracking_number: str
    upd_number: str
    waybill_number: str
    invoice_number: str
    problem_note: str
    notes: str
    lines: tuple[ShipmentLineRow, ...]
    late_shipment: bool  # planned ship date passed (as of today), not shipped
    late_delivery: bool  # planned delivery date passed, not delivered
    left: bool = False  # it has left the warehouse (its lines can no longer be edited)


@dataclass(frozen=True)
class ShipmentDraft:
    lines: dict[int, Decimal]  # order_line_id → quantity (> 0)
    planned_on: date
    status: str = "preparing"
    shipped_on: date | None = None
    planned_delivery_on: date | None = None
    delivered_on: date | None = None
    carrier: str = ""
    tracking_number: str = ""
    upd_number: str = ""
    waybill_number: str = ""
    invoice_number: str = ""
    problem_note: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrderPaymentRow:
    """A payment of the order, read straight from `payments` for the editor."""

    id: int
    paid_on: date
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class OrderDetail:
    id: int
    number: str
    client_id: int
    client_name: str
    deal_id: int | None
    deal_title: str
    ordered_on: date
    amount: Decimal
    status: str
    status_label: str
    delivery_address: str
    ship_by: date | None
    prepayment_pct: Decimal
    deferred_days: int | None
    payment_due_on: date | None
    contract_number: str
    contract_date: date | None
    invoice_number: str
    notes: str
    lines: tuple[OrderLineRow, ...]
    shipments: tuple[ShipmentRow, ...]
    payments: tuple[OrderPaymentRow, ...]
    paid: Decimal
    outstanding: Decimal
    shipped_pct: int  # 0..100 by line quantities, over shipments that have left
    late_shipment: bool
    late_delivery: bool
    overdue: bool  # the due date passed and money is still owed
    stock_warnings: tuple[str, ...]  # «Товар»: заказано 10 шт, на складе 4 шт
    lines_total: Decimal = Decimal("0.00")  # the lines' sum (differs by a closing discount)
    lines_editable: bool = False  # new / confirmed / picking


@dataclass(frozen=True)
class OrderFilter:
    status: str | None = None  # a status code, or None for all
    client_id: int | None = None
    start: date | None = None  # ordered_on period, inclusive
    end: date | None = None
    overdue_only: bool = False  # "просрочено": payment overdue or a late shipment/delivery
    text: str = ""  # number or client name fragment


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    ordered_on: date
    client_id: int
    client_name: str
    amount: Decimal
    paid: Decimal
    shipped_pct: int
    payment_due_on: date | None
    status: str
    status_label: str
    late_shipment: bool
    late_delivery: bool
    overdue: bool


@dataclass(frozen=True)
class OrderPage:
    rows: tuple[OrderRow, ...]
    total: int


@dataclass(frozen=True)
class AfterSale:
    """A won deal past "won": ordered → shipped → paid; complete when paid and delivered."""

    order_id: int | None
    order_number: str
    ordered: bool
    shipped_pct: int
    delivered: bool
    paid: Decimal
    amount: Decimal
    complete: bool


@dataclass(frozen=True)
class StockMovementRow:
    id: int
    moved_on: date
    quantity: Decimal  # signed: out is negative
    kind: str
    kind_label: str
    shipment_id: int | None
    order_number: str
    reason: str
    balance: Decimal  # the product's stock after this movement


@dataclass(frozen=True)
class LowStockRow:
    product_id: int
    sku: str
    name: str
    unit: str
    stock: Decimal
    min_stock: Decimal
