"""An order and its shipments as the editor shows them, read inside a caller's session;
the figures every view of an order shares (shipped %, late flags, overdue).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.figures import line_total, percent
from app.domain.money import ZERO
from app.i18n import translate
from app.models import Client, Deal, Order, OrderLine, Payment, Product, Shipment, ShipmentLine
from app.services.errors import NotFoundError
from app.services.orders.codes import (
    MANUAL_ORDER_STATUSES,
    OPEN_SHIPMENT_STATUSES,
    order_status_label,
    shipment_status_label,
)
from app.services.orders.dtos import (
    OrderDetail,
    OrderLineRow,
    OrderPaymentRow,
    ShipmentLineRow,
    ShipmentRow,
)
from app.services.orders.rules import has_left, quantity_text

# an order whose agreed ship date has passed is late while goods are still to leave
UNSHIPPED_ORDER_STATUSES = ("new", "confirmed", "picking", "partly_shipped")


def get_order(s: Session, order_id: int) -> Order:
    """The order, or NotFoundError."""
    order = s.get(Order, order_id)
    if order is None:
        raise NotFoundError(translate("Orders", "Заказ не найден"))
    return order


def shipped_pct(dispatched: Decimal, ordered: Decimal) -> int:
    """The share of the ordered quantity that has left, in whole per cent (half-up); 100
    only when everything has left, 99 at most before."""
    value = percent(dispatched, ordered, places=0)
    if value is None:
        return 0
    pct = max(0, min(100, int(value)))
    if pct == 100 and dispatched < ordered:
        return 99
    return pct


def late_shipment(status: str, shipped_on: date | None, planned_on: date, today: date) -> bool:
    """A shipment's planned ship date has passed and it has not left."""
    return (status != "cancelled" and not has_left(status, shipped_on)
            and planned_on < today)


def late_delivery(status: str, planned_delivery_on: date | None, today: date) -> bool:
    """A shipment's planned delivery date has passed and it is not delivered."""
    return (status in OPEN_SHIPMENT_STATUSES and planned_delivery_on is not None
            and planned_delivery_on < today)


def order_late_shipment(status: str, ship_by: date | None, today: date) -> bool:
    """The order's agreed ship date has passed with goods still to leave (a late shipment
    of its own is counted apart)."""
    return status in UNSHIPPED_ORDER_STATUSES and ship_by is not None and ship_by < today


def is_overdue(status: str, due_on: date | None, outstanding: Decimal, today: date) -> bool:
    """The due date has passed (the day after it) and money is still owed."""
    return (status != "cancelled" and due_on is not None and due_on < today
            and outstanding > 0)


@dataclass(frozen=True)
class LineProgress:
    """How much of each line is in live shipments and how much has left."""

    shipped: dict[int, Decimal]  # line id → in shipments not cancelled
    dispatched: dict[int, Decimal]  # line id → in shipments that have left


def line_progress(s: Session, order_id: int, *, without: int | None = None) -> LineProgress:
    """The order's lines' quantities in its shipments (`without` one shipment)."""
    query = (select(ShipmentLine.order_line_id, ShipmentLine.quantity, Shipment.status,
                    Shipment.shipped_on)
             .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
             .where(Shipment.order_id == order_id, Shipment.status != "cancelled"))
    if without is not None:
        query = query.where(Shipment.id != without)
    shipped: dict[int, Decimal] = defaultdict(Decimal)
    dispatched: dict[int, Decimal] = defaultdict(Decimal)
    for line_id, quantity, status, shipped_on in s.execute(query):
        shipped[line_id] += quantity
        if has_left(status, shipped_on):
            dispatched[line_id] += quantity
    return LineProgress(dict(shipped), dict(dispatched))


def derived_status(s: Session, order: Order) -> str:
    """The status the shipments give the order: partly shipped or shipped once goods have
    left; back to picking (a shipment being prepared) or confirmed when none has any more.
    Closed and cancelled orders and the manual statuses with nothing gone stay as they are."""
    if order.status in ("closed", "cancelled"):
        return order.status
    lines = s.execute(select(OrderLine.id, OrderLine.quantity)
                      .where(OrderLine.order_id == order.id)).all()
    progress = line_progress(s, order.id)
    gone = sum(progress.dispatched.values(), Decimal(0))
    if gone > 0:
        complete = all(progress.dispatched.get(line_id, Decimal(0)) >= quantity
                       for line_id, quantity in lines)
        return "shipped" if complete else "partly_shipped"
    if order.status in MANUAL_ORDER_STATUSES:
        return order.status
    return "picking" if progress.shipped else "confirmed"


def shipment_rows(s: Session, shipments: list[Shipment], today: date) -> list[ShipmentRow]:
    """The shipments as rows, with their lines and late flags (one query for the lines)."""
    ids = [sh.id for sh in shipments]
    lines: dict[int, list[ShipmentLineRow]] = defaultdict(list)
    if ids:
        for shipment_id, line_id, name, unit, quantity in s.execute(
                select(ShipmentLine.shipment_id, ShipmentLine.order_line_id, OrderLine.name,
                       OrderLine.unit, ShipmentLine.quantity)
                .join(OrderLine, OrderLine.id == ShipmentLine.order_line_id)
                .where(ShipmentLine.shipment_id.in_(ids))
                .order_by(OrderLine.position, OrderLine.id)):
            lines[shipment_id].append(ShipmentLineRow(line_id, name, unit, quantity))
    return [ShipmentRow(
        id=sh.id, order_id=sh.order_id, status=sh.status,
        status_label=shipment_status_label(sh.status), planned_on=sh.planned_on,
        shipped_on=sh.shipped_on, planned_delivery_on=sh.planned_delivery_on,
        delivered_on=sh.delivered_on, carrier=sh.carrier, tracking_number=sh.tracking_number,
        upd_number=sh.upd_number, waybill_number=sh.waybill_number,
        invoice_number=sh.invoice_number, problem_note=sh.problem_note, notes=sh.notes,
        lines=tuple(lines.get(sh.id, ())),
        late_shipment=late_shipment(sh.status, sh.shipped_on, sh.planned_on, today),
        late_delivery=late_delivery(sh.status, sh.planned_delivery_on, today),
        left=has_left(sh.status, sh.shipped_on)) for sh in shipments]


def paid_amount(s: Session, order_id: int) -> Decimal:
    """What has been paid against the order."""
    total = s.scalar(select(func.coalesce(func.sum(Payment.amount), ZERO))
                     .where(Payment.order_id == order_id))
    return Decimal(total or ZERO)


def order_detail(s: Session, order: Order, today: date) -> OrderDetail:
    """Everything the order editor shows, read in `s`."""
    client = s.get(Client, order.client_id)
    deal = s.get(Deal, order.deal_id) if order.deal_id is not None else None
    lines = list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                           .order_by(OrderLine.position, OrderLine.id)))
    progress = line_progress(s, order.id)
    product_ids = {ln.product_id for ln in lines if ln.product_id is not None}
    stock: dict[int, Decimal] = {}
    if product_ids:
        stock = {pid: quantity for pid, quantity in s.execute(
            select(Product.id, Product.stock).where(Product.id.in_(product_ids)))}
    line_rows = tuple(OrderLineRow(
        id=ln.id, position=ln.position, product_id=ln.product_id, name=ln.name, unit=ln.unit,
        quantity=ln.quantity, price=ln.price, discount=ln.discount, vat_kind=ln.vat_kind,
        total=line_total(ln.quantity, ln.price, ln.discount),
        shipped=progress.shipped.get(ln.id, Decimal("0")),
        in_stock=stock.get(ln.product_id) if ln.product_id is not None else None,
        dispatched=progress.dispatched.get(ln.id, Decimal("0"))) for ln in lines)
    shipments = shipment_rows(s, list(s.scalars(
        select(Shipment).where(Shipment.order_id == order.id)
        .order_by(Shipment.planned_on, Shipment.id))), today)
    payments = tuple(OrderPaymentRow(p.id, p.paid_on, p.amount, p.reference)
                     for p in s.scalars(select(Payment).where(Payment.order_id == order.id)
                                        .order_by(Payment.paid_on, Payment.id)))
    paid = sum((p.amount for p in payments), ZERO)
    outstanding = order.amount - paid
    ordered_qty = sum((ln.quantity for ln in line_rows), Decimal(0))
    dispatched_qty = sum((ln.dispatched for ln in line_rows), Decimal(0))
    done = order.status in ("closed", "cancelled")
    return OrderDetail(
        id=order.id, number=order.number, client_id=order.client_id,
        client_name=client.name if client else "", deal_id=order.deal_id,
        deal_title=deal.title if deal else "", ordered_on=order.ordered_on,
        amount=order.amount, status=order.status,
        status_label=order_status_label(order.status),
        delivery_address=order.delivery_address, ship_by=order.ship_by,
        prepayment_pct=order.prepayment_pct, deferred_days=order.deferred_days,
        payment_due_on=order.payment_due_on, contract_number=order.contract_number,
        contract_date=order.contract_date, invoice_number=order.invoice_number,
        notes=order.notes, lines=line_rows, shipments=tuple(shipments), payments=payments,
        paid=paid, outstanding=outstanding,
        shipped_pct=shipped_pct(dispatched_qty, ordered_qty),
        late_shipment=not done and (
            order_late_shipment(order.status, order.ship_by, today)
            or any(sh.late_shipment for sh in shipments)),
        late_delivery=not done and any(sh.late_delivery for sh in shipments),
        overdue=is_overdue(order.status, order.payment_due_on, outstanding, today),
        stock_warnings=() if done else stock_warnings(line_rows),
        lines_total=sum((ln.total for ln in line_rows), ZERO),
        lines_editable=order.status in MANUAL_ORDER_STATUSES)


def stock_warnings(lines: tuple[OrderLineRow, ...]) -> tuple[str, ...]:
    """«Товар»: заказано 10 шт, на складе 4 шт — for each product of which more is still to
    leave than is in stock (the order may go ahead: a warning, not a refusal)."""
    needed: dict[int, Decimal] = defaultdict(Decimal)
    gone: dict[int, Decimal] = defaultdict(Decimal)
    first: dict[int, OrderLineRow] = {}
    for ln in lines:
        if ln.product_id is None or ln.in_stock is None:
            continue
        needed[ln.product_id] += ln.quantity - ln.dispatched
        gone[ln.product_id] += ln.dispatched
        first.setdefault(ln.product_id, ln)
    warnings = []
    for product_id, quantity in needed.items():
        line = first[product_id]
        in_stock = line.in_stock if line.in_stock is not None else Decimal(0)
        if quantity > 0 and quantity > in_stock:
            template = (translate("Orders", "«{name}»: заказано {ordered}, на складе {stock}")
                        if gone[product_id] == 0 else translate(
                            "Orders", "«{name}»: осталось отгрузить {ordered}, на складе {stock}"))
            warnings.append(template.format(name=line.name,
                                            ordered=quantity_text(quantity, line.unit),
                                            stock=quantity_text(in_stock, line.unit)))
    return tuple(warnings)
