"""Item models of the Orders tab and the order editor: the order list, the order's lines,
its shipments and payments, and the lines of a shipment being entered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.domain.dates import short_date
from app.domain.figures import line_total
from app.domain.money import format_money
from app.i18n import translate
from app.services.documents.totals import number as quantity_text
from app.services.orders import (
    OrderLineDraft,
    OrderLineRow,
    OrderPaymentRow,
    OrderRow,
    ShipmentRow,
)
from app.views import style
from app.views.deals.common import parse_decimal
from app.views.orders.fields import late_texts
from app.views.record_model import Column, RecordTableModel

MARKER = "●"
CENTER = Qt.AlignmentFlag.AlignCenter


def _money(value: Decimal) -> str:
    return format_money(value, currency=False)


def _decimal(value: Any) -> Decimal:
    """A typed number as it was typed (the service refuses too many decimals, never the
    view by rounding); ValueError keeps the cell's old value."""
    return parse_decimal(str(value).strip())


def _marker_color(overdue: bool, late: bool) -> str | None:
    if overdue:
        return style.DANGER
    return style.WARNING if late else None


def quantity_with_unit(value: Decimal, unit: str) -> str:
    return f"{quantity_text(value)} {unit}".strip()


# --- the order list -----------------------------------------------------------------------
def _order_late(r: OrderRow) -> list[str]:
    return late_texts(overdue=r.overdue, late_shipment=r.late_shipment,
                      late_delivery=r.late_delivery)


class OrderListModel(RecordTableModel[OrderRow]):
    """OrderRow DTOs, newest first; a coloured marker for late orders (red: payment overdue,
    amber: a late shipment or delivery) with the reasons in its tooltip; pages are appended
    as the list is scrolled on (`extend`)."""

    FLAG, NUMBER, DATE, CLIENT, STATUS, AMOUNT, PAID, SHIPPED, DUE = range(9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("", lambda r: MARKER if _order_late(r) else "", align=CENTER,
                   color=lambda r: _marker_color(r.overdue,
                                                 r.late_shipment or r.late_delivery),
                   tooltip=lambda r: "\n".join(_order_late(r)) or None),
            Column(translate("Orders", "Номер"), lambda r: r.number,
                   bold=lambda r: r.overdue),
            Column(translate("Orders", "Дата"), lambda r: short_date(r.ordered_on)),
            Column(translate("Orders", "Клиент"), lambda r: r.client_name),
            Column(translate("Orders", "Статус"), lambda r: r.status_label,
                   color=lambda r: style.MUTED if r.status in ("closed", "cancelled")
                   else None),
            Column(translate("Orders", "Сумма, ₽"), lambda r: _money(r.amount), numeric=True),
            Column(translate("Orders", "Оплачено, ₽"), lambda r: _money(r.paid), numeric=True,
                   color=lambda r: style.SUCCESS if r.amount and r.paid >= r.amount
                   else None),
            Column(translate("Orders", "Отгружено"), lambda r: f"{r.shipped_pct}\u00a0%",
                   numeric=True,
                   color=lambda r: style.SUCCESS if r.shipped_pct >= 100 else None),
            Column(translate("Orders", "Оплатить до"), lambda r: short_date(r.payment_due_on),
                   color=lambda r: style.DANGER if r.overdue else None,
                   tooltip=lambda r: translate("Orders", "Срок оплаты прошёл")
                   if r.overdue else None),
        ], parent)

    def extend(self, rows: Sequence[OrderRow]) -> None:
        """Append the next page (one insert signal for all of it)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_of(self, order_id: int) -> int:
        return self.find(lambda r: r.id == order_id)


# --- the order's lines, as the editor edits them ----------------------------------------------
@dataclass(frozen=True)
class EditOrderLine:
    """An order line in the editor: what the user may change, and what is shown beside it
    (shipped so far, the product's stock now)."""

    name: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal = Decimal(0)
    vat_kind: str = "standard"
    product_id: int | None = None
    id: int | None = None
    shipped: Decimal = Decimal(0)  # in shipments that are not cancelled (preparing ones too)
    dispatched: Decimal = Decimal(0)  # in shipments that have left the warehouse
    in_stock: Decimal | None = None

    @classmethod
    def from_row(cls, row: OrderLineRow) -> EditOrderLine:
        return cls(name=row.name, unit=row.unit, quantity=row.quantity, price=row.price,
                   discount=row.discount, vat_kind=row.vat_kind, product_id=row.product_id,
                   id=row.id, shipped=row.shipped, dispatched=row.dispatched,
                   in_stock=row.in_stock)

    def to_draft(self) -> OrderLineDraft:
        return OrderLineDraft(product_id=self.product_id, name=self.name, unit=self.unit,
                              quantity=self.quantity, price=self.price,
                              discount=self.discount, vat_kind=self.vat_kind, id=self.id)

    @property
    def short_of_stock(self) -> bool:
        """More still to leave the warehouse than the product has in stock (allowed; the
        editor warns)."""
        return self.in_stock is not None and self.quantity - self.dispatched > self.in_stock

    @property
    def total(self) -> Decimal:
        return line_total(self.quantity, self.price, self.discount)


def _stock_text(ln: EditOrderLine) -> str:
    return "" if ln.in_stock is None else quantity_with_unit(ln.in_stock, ln.unit)


class OrderLinesModel(RecordTableModel[EditOrderLine]):
    """The order's lines: name, quantity, price and discount editable; shipped so far and
    the stock beside them (amber when more is still to ship than the stock holds)."""

    NAME, QTY, UNIT, PRICE, DISCOUNT, TOTAL, SHIPPED, STOCK = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Orders", "Наименование"), lambda ln: ln.name,
                   edit=lambda ln, v: replace(ln, name=str(v).strip())),
            Column(translate("Orders", "Кол-во"), lambda ln: quantity_text(ln.quantity),
                   numeric=True, edit=lambda ln, v: replace(ln, quantity=_decimal(v)),
                   background=lambda ln: style.WARNING_SOFT if ln.short_of_stock else None),
            Column(translate("Orders", "Ед."), lambda ln: ln.unit,
                   edit=lambda ln, v: replace(ln, unit=str(v).strip())),
            Column(translate("Orders", "Цена, ₽"), lambda ln: _money(ln.price), numeric=True,
                   edit=lambda ln, v: replace(ln, price=_decimal(v))),
            Column(translate("Orders", "Скидка, %"), lambda ln: quantity_text(ln.discount),
                   numeric=True, edit=lambda ln, v: replace(
                       ln, discount=_decimal(v) if str(v).strip() else Decimal(0))),
            Column(translate("Orders", "Сумма, ₽"), lambda ln: _money(ln.total), numeric=True),
            Column(translate("Orders", "Отгружено"),
                   lambda ln: quantity_with_unit(ln.dispatched, ln.unit), numeric=True,
                   color=lambda ln: style.SUCCESS if ln.dispatched >= ln.quantity else None,
                   tooltip=lambda ln: translate(
                       "Orders", "Ещё {n} в отгрузках, которые готовятся").format(
                       n=quantity_with_unit(ln.shipped - ln.dispatched, ln.unit))
                   if ln.shipped > ln.dispatched else None),
            Column(translate("Orders", "На складе"), _stock_text, numeric=True,
                   color=lambda ln: style.WARNING if ln.short_of_stock else None,
                   tooltip=lambda ln: translate(
                       "Orders", "Осталось отгрузить {left}, на складе {stock}").format(
                       left=quantity_with_unit(ln.quantity - ln.dispatched, ln.unit),
                       stock=_stock_text(ln)) if ln.short_of_stock else None),
        ], parent)

    def total(self) -> Decimal:
        return sum((ln.total for ln in self._rows), Decimal("0.00"))


# --- shipments and payments ---------------------------------------------------------------
def shipment_lines_text(s: ShipmentRow) -> str:
    """`Кабель ВВГ — 10 м; Щит — 1 шт`."""
    return "; ".join(f"{ln.name} — {quantity_with_unit(ln.quantity, ln.unit)}"
                     for ln in s.lines)


def _shipment_late(s: ShipmentRow) -> list[str]:
    return late_texts(late_shipment=s.late_shipment, late_delivery=s.late_delivery)


def _documents_text(s: ShipmentRow) -> str:
    parts = []
    for label, value in ((translate("Orders", "УПД"), s.upd_number),
                         (translate("Orders", "ТТН"), s.waybill_number),
                         (translate("Orders", "с/ф"), s.invoice_number)):
        if value:
            parts.append(f"{label} {value}")
    return ", ".join(parts)


class ShipmentListModel(RecordTableModel[ShipmentRow]):
    """The order's shipments: dates planned and done, status, carrier, documents, lines;
    late ones marked amber (the reason in the tooltip), cancelled ones greyed."""

    def __init__(self, parent: Any = None) -> None:
        def muted(s: ShipmentRow) -> str | None:
            return style.MUTED if s.status == "cancelled" else None

        super().__init__([
            Column("", lambda s: MARKER if _shipment_late(s) else "", align=CENTER,
                   color=lambda s: style.WARNING if _shipment_late(s) else None,
                   tooltip=lambda s: "\n".join(_shipment_late(s)) or None),
            Column(translate("Orders", "Статус"), lambda s: s.status_label, color=muted,
                   tooltip=lambda s: s.problem_note or None),
            Column(translate("Orders", "Отгрузка: план"), lambda s: short_date(s.planned_on),
                   color=lambda s: style.WARNING if s.late_shipment else muted(s)),
            Column(translate("Orders", "факт"), lambda s: short_date(s.shipped_on), color=muted),
            Column(translate("Orders", "Доставка: план"),
                   lambda s: short_date(s.planned_delivery_on),
                   color=lambda s: style.WARNING if s.late_delivery else muted(s)),
            Column(translate("Orders", "факт"), lambda s: short_date(s.delivered_on),
                   color=muted),
            Column(translate("Orders", "Перевозчик, трек"),
                   lambda s: " · ".join(p for p in (s.carrier, s.tracking_number) if p),
                   color=muted),
            Column(translate("Orders", "Документы"), _documents_text, color=muted),
            Column(translate("Orders", "Позиции"), shipment_lines_text, color=muted,
                   tooltip=lambda s: shipment_lines_text(s).replace("; ", "\n") or None),
        ], parent)


class PaymentListModel(RecordTableModel[OrderPaymentRow]):
    """The payments allocated to the order: date, amount, платёжное поручение."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Orders", "Дата"), lambda p: short_date(p.paid_on)),
            Column(translate("Orders", "Сумма, ₽"), lambda p: _money(p.amount), numeric=True),
            Column(translate("Orders", "Платёжное поручение"),
                   lambda p: translate("Orders", "№ {n}").format(n=p.reference)
                   if p.reference else ""),
        ], parent)


# --- the lines of a shipment being entered ------------------------------------------------
@dataclass(frozen=True)
class ShipLine:
    """One order line in the shipment dialog: how much is left to ship (this shipment's own
    quantity included when it is being changed) and how much this shipment carries."""

    order_line_id: int
    name: str
    unit: str
    ordered: Decimal
    left: Decimal
    quantity: Decimal

    @property
    def over(self) -> bool:
        return self.quantity > self.left


class ShipLinesModel(RecordTableModel[ShipLine]):
    """The lines of a shipment: the quantity is edited, capped to what is left (more is
    marked red with the reason, and refused when the shipment is stored)."""

    NAME, ORDERED, LEFT, QTY = range(4)

    def __init__(self, parent: Any = None) -> None:
        def over_tip(ln: ShipLine) -> str | None:
            return translate("Orders", "Больше, чем осталось отгрузить: не больше {left}").format(
                left=quantity_with_unit(ln.left, ln.unit)) if ln.over else None

        super().__init__([
            Column(translate("Orders", "Наименование"), lambda ln: ln.name),
            Column(translate("Orders", "Заказано"),
                   lambda ln: quantity_with_unit(ln.ordered, ln.unit), numeric=True),
            Column(translate("Orders", "Осталось отгрузить"),
                   lambda ln: quantity_with_unit(ln.left, ln.unit), numeric=True),
            Column(translate("Orders", "В этой отгрузке"), lambda ln: quantity_text(ln.quantity),
                   numeric=True, edit=lambda ln, v: replace(
                       ln, quantity=_decimal(v) if str(v).strip() else Decimal(0)),
                   color=lambda ln: style.DANGER if ln.over else None,
                   background=lambda ln: style.DANGER_SOFT if ln.over else None,
                   tooltip=over_tip),
        ], parent)

    def quantities(self) -> dict[int, Decimal]:
        """order_line_id → quantity for the lines this shipment carries (> 0)."""
        return {ln.order_line_id: ln.quantity for ln in self._rows if ln.quantity > 0}
