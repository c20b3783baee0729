"""Shipments: an order ships in parts; each part's lines never take the order past what was
ordered, and the stock follows what leaves the warehouse.

A shipment leaves when it becomes shipped, in transit or delivered (or is created so): one
`shipment` movement per line with a product (negative) lowers the product's stock. When a
shipment that left is cancelled (or set back to preparing) its movements are reversed by
`shipment_cancel` ones. Its lines can be edited only while it is being prepared; after that
only its dates, status and documents — cancel it and make a new one instead. The order's
status follows its shipments (partly shipped / shipped) unless it is closed or cancelled.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import (
    SHIPMENT_STATUSES,
    Order,
    OrderLine,
    Product,
    Shipment,
    ShipmentLine,
    StockMovement,
)
from app.services.errors import NotFoundError, ValidationError
from app.services.orders.dtos import ShipmentDraft, ShipmentRow
from app.services.orders.reading import (
    derived_status,
    get_order,
    line_progress,
    shipment_rows,
)
from app.services.orders.rules import has_left, quantity_text, validate_shipment
from app.services.orders.stock import move_stock
from app.services.uow import UowFactory


class Shipments:
    """Add, edit and cancel an order's shipments (each one transaction with its stock)."""

    _uow: UowFactory

    def add_shipment(self, order_id: int, draft: ShipmentDraft) -> ShipmentRow:
        errors = validate_shipment(draft, SHIPMENT_STATUSES[:-1])  # not created cancelled
        with self._uow() as uow:
            s = uow.session
            order = self._open_order(s, order_id)
            errors.update(_quantity_errors(s, order.id, draft, without=None))
            if errors:
                raise ValidationError(errors)
            shipment = Shipment(order_id=order.id)
            _write_fields(shipment, draft)
            s.add(shipment)
            s.flush()
            s.add_all(ShipmentLine(shipment_id=shipment.id, order_line_id=line_id,
                                   quantity=Decimal(quantity))
                      for line_id, quantity in draft.lines.items())
            s.flush()
            if has_left(shipment.status, shipment.shipped_on):
                _ship_out(s, shipment)
            order.status = derived_status(s, order)
            shipment_id = shipment.id
            uow.commit()
        return self._shipment(shipment_id)

    def update_shipment(self, shipment_id: int, draft: ShipmentDraft) -> ShipmentRow:
        errors = validate_shipment(draft, SHIPMENT_STATUSES)
        with self._uow() as uow:
            s = uow.session
            shipment = _get_shipment(s, shipment_id)
            if shipment.status == "cancelled":
                raise ValidationError.single("status", translate(
                    "Orders", "Отгрузка отменена: изменить её нельзя"))
            if draft.status == "cancelled":
                raise ValidationError.single("status", translate(
                    "Orders", "Отгрузка отменяется отдельной командой «Отменить отгрузку»"))
            order = self._open_order(s, shipment.order_id)
            was_left = has_left(shipment.status, shipment.shipped_on)
            stored = {line_id: quantity for line_id, quantity in s.execute(
                select(ShipmentLine.order_line_id, ShipmentLine.quantity)
                .where(ShipmentLine.shipment_id == shipment.id))}
            same_lines = stored == {k: Decimal(v) for k, v in draft.lines.items()}
            if was_left and not same_lines:
                errors["lines"] = translate(
                    "Orders", "Отгрузка уже ушла со склада: её строки не меняются — "
                              "отмените её и создайте новую")
            elif not same_lines:
                errors.update(_quantity_errors(s, order.id, draft, without=shipment.id))
            if errors:
                raise ValidationError(errors)
            if not same_lines:
                for row in s.scalars(select(ShipmentLine)
                                     .where(ShipmentLine.shipment_id == shipment.id)):
                    s.delete(row)
                s.flush()
                s.add_all(ShipmentLine(shipment_id=shipment.id, order_line_id=line_id,
                                       quantity=Decimal(quantity))
                          for line_id, quantity in draft.lines.items())
            _write_fields(shipment, draft)
            s.flush()
            now_left = has_left(shipment.status, shipment.shipped_on)
            if now_left and not was_left:
                _ship_out(s, shipment)
            elif was_left and not now_left:
                _give_back(s, shipment, date.today())
            order.status = derived_status(s, order)
            uow.commit()
        return self._shipment(shipment_id)

    def cancel_shipment(self, shipment_id: int) -> ShipmentRow:
        """Cancel a shipment; what it took from the stock comes back (journal entries)."""
        with self._uow() as uow:
            s = uow.session
            shipment = _get_shipment(s, shipment_id)
            if shipment.status != "cancelled":
                _give_back(s, shipment, date.today())
                shipment.status = "cancelled"
                s.flush()
                order = s.get(Order, shipment.order_id)
                if order is not None:
                    order.status = derived_status(s, order)
                uow.commit()
        return self._shipment(shipment_id)

    def _shipment(self, shipment_id: int, today: date | None = None) -> ShipmentRow:
        with self._uow(read_only=True) as uow:
            shipment = _get_shipment(uow.session, shipment_id)
            return shipment_rows(uow.session, [shipment], today or date.today())[0]

    @staticmethod
    def _open_order(s: Session, order_id: int) -> Order:
        order = get_order(s, order_id)
        if order.status == "cancelled":
            raise ValidationError.single("order", translate(
                "Orders", "Заказ отменён: отгрузка невозможна"))
        if order.status == "closed":
            raise ValidationError.single("order", translate(
                "Orders", "Заказ закрыт: откройте его снова, чтобы менять отгрузки"))
        return order


def _get_shipment(s: Session, shipment_id: int) -> Shipment:
    shipment = s.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFoundError(translate("Orders", "Отгрузка не найдена"))
    return shipment


def _quantity_errors(s: Session, order_id: int, draft: ShipmentDraft, *,
                     without: int | None) -> dict[str, str]:
    """The lines that are not the order's, and those the shipment would take past the
    ordered quantity (with the order's other shipments that are not cancelled)."""
    lines = {ln.id: ln for ln in s.scalars(select(OrderLine)
                                           .where(OrderLine.order_id == order_id))}
    progress = line_progress(s, order_id, without=without)
    errors: dict[str, str] = {}
    for line_id, quantity in draft.lines.items():
        line = lines.get(line_id)
        key = f"lines.{line_id}"
        if line is None:
            errors[key] = translate("Orders", "Этой строки нет в заказе")
            continue
        if key in errors or not isinstance(quantity, (Decimal, int)):
            continue
        already = progress.shipped.get(line_id, Decimal(0))
        if already + quantity > line.quantity:
            errors.setdefault(key, translate(
                "Orders", "Отгружается больше, чем заказано: «{name}» — заказано {ordered}, "
                          "в других отгрузках {other}, в этой {this}").format(
                name=line.name, ordered=quantity_text(line.quantity, line.unit),
                other=quantity_text(already, line.unit),
                this=quantity_text(Decimal(quantity), line.unit)))
    return errors


def _write_fields(shipment: Shipment, draft: ShipmentDraft) -> None:
    shipment.status = draft.status
    shipment.planned_on = draft.planned_on
    shipment.shipped_on = draft.shipped_on
    shipment.planned_delivery_on = draft.planned_delivery_on
    shipment.delivered_on = draft.delivered_on
    shipment.carrier = draft.carrier.strip()
    shipment.tracking_number = draft.tracking_number.strip()
    shipment.upd_number = draft.upd_number.strip()
    shipment.waybill_number = draft.waybill_number.strip()
    shipment.invoice_number = draft.invoice_number.strip()
    shipment.problem_note = draft.problem_note.strip()
    shipment.notes = draft.notes


def _ship_out(s: Session, shipment: Shipment) -> None:
    """One `shipment` movement per line with a product, on the day it was shipped."""
    on = shipment.shipped_on or shipment.planned_on
    rows = s.execute(select(OrderLine.product_id, ShipmentLine.quantity)
                     .join(OrderLine, OrderLine.id == ShipmentLine.order_line_id)
                     .where(ShipmentLine.shipment_id == shipment.id,
                            OrderLine.product_id.is_not(None))
                     .order_by(ShipmentLine.id)).all()
    for product_id, quantity in rows:
        product = s.get(Product, product_id)
        if product is not None:
            move_stock(s, product, -quantity, "shipment", on, shipment_id=shipment.id)


def _give_back(s: Session, shipment: Shipment, on: date) -> None:
    """Reverse what the journal holds for the shipment, per product (`shipment_cancel`)."""
    net: dict[int, Decimal] = defaultdict(Decimal)
    for product_id, total in s.execute(
            select(StockMovement.product_id, func.sum(StockMovement.quantity))
            .where(StockMovement.shipment_id == shipment.id)
            .group_by(StockMovement.product_id).order_by(StockMovement.product_id)):
        net[product_id] += Decimal(total or 0)
    for product_id, total in net.items():
        if total < 0:
            product = s.get(Product, product_id)
            if product is not None:
                move_stock(s, product, -total, "shipment_cancel", on,
                           shipment_id=shipment.id)
