"""Orders: made from a won deal (its lines or the accepted КП's), numbered in one series,
edited, moved through their statuses, cancelled or deleted; the deal's after-sale.

The order's amount is the deal's final amount (`deal.amount`, set by the won dialog with any
discount agreed at closing). Its lines are the latest offer's frozen lines when that offer's
total is the deal's amount, else the deal's own; when their total differs from the amount
(a closing discount, a manual amount) the lines are kept and the amount is the deal's. A
deal without lines gets one line «<deal title>» 1 шт × amount.

Numbers: `{prefix}-{year}-{seq:05d}`, the prefix from the setting "order_number_prefix"
("З"), the sequence DocumentSequence("order", year) raised to the highest number of that
prefix and year in `orders` — never reused, even after a delete.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.figures import line_total
from app.domain.money import ZERO, format_money, round_money
from app.i18n import translate
from app.models import (
    ORDER_STATUSES,
    Client,
    Deal,
    DealLine,
    Offer,
    Order,
    OrderLine,
    Payment,
    Product,
    Shipment,
    ShipmentLine,
    Stage,
)
from app.services.documents.numbering import next_number
from app.services.errors import NotFoundError, ValidationError
from app.services.orders.codes import MANUAL_ORDER_STATUSES
from app.services.orders.dtos import AfterSale, OrderDetail, OrderDraft, OrderLineDraft
from app.services.orders.reading import (
    derived_status,
    get_order,
    line_progress,
    order_detail,
    paid_amount,
    shipped_pct,
)
from app.services.orders.rules import (
    due_date,
    quantity_text,
    validate_header,
    validate_lines,
)
from app.services.settings import DEFAULTS as SETTING_DEFAULTS
from app.services.settings import SettingsService
from app.services.uow import UowFactory

PREFIX_SETTING = "order_number_prefix"
PREFIX_PATTERN = re.compile(r"[0-9A-Za-zА-Яа-яЁё]{1,10}")
SEQUENCE_KIND = "order"


@dataclass(frozen=True)
class _NewLine:
    product_id: int | None
    name: str
    unit: str
    quantity: Decimal
    price: Decimal
    discount: Decimal
    vat_kind: str


def prefix_error(prefix: str) -> str | None:
    """Why `prefix` cannot start order numbers, or None."""
    if PREFIX_PATTERN.fullmatch((prefix or "").strip()):
        return None
    return translate("Orders", "Префикс номера — от 1 до 10 букв или цифр, без пробелов")


def order_number(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}-{year}-{seq:05d}"


def highest_used(s: Session, prefix: str, year: int) -> int:
    """The highest sequence number of `prefix` and `year` already in `orders` (0: none);
    read through the unique index on the number (a range of the same head)."""
    head = f"{prefix}-{year}-"
    numbers = s.scalars(
        select(Order.number).where(Order.number >= head, Order.number < f"{prefix}-{year}.")
        .order_by(func.length(Order.number).desc(), Order.number.desc()).limit(20))
    for number in numbers:
        tail = number[len(head):]
        if tail.isdigit():
            return int(tail)
    return 0


def next_order_number(s: Session, prefix: str, year: int) -> str:
    seq = next_number(s, SEQUENCE_KIND, year, at_least=highest_used(s, prefix, year))
    return order_number(prefix, year, seq)


def _deal_lines(s: Session, deal: Deal) -> list[_NewLine]:
    """The lines an order of `deal` starts with (module docstring)."""
    own = [_NewLine(ln.product_id, ln.name, ln.unit, ln.quantity, ln.price, ln.discount,
                    ln.vat_kind) for ln in deal.lines]
    offer = s.scalar(select(Offer).where(Offer.deal_id == deal.id)
                     .order_by(Offer.issued_on.desc(), Offer.id.desc()).limit(1))
    if offer is not None:
        frozen = _offer_lines(offer.snapshot, deal.lines)
        frozen_total = sum((line_total(ln.quantity, ln.price, ln.discount) for ln in frozen),
                           ZERO)
        if frozen and deal.amount in (offer.total, frozen_total):
            return frozen
    if own:
        return own
    return [_NewLine(None, deal.title, translate("Orders", "шт"), Decimal(1), deal.amount,
                     Decimal(0), "standard")]


def _offer_lines(snapshot: str, deal_lines: list[DealLine]) -> list[_NewLine]:
    """An offer snapshot's lines; the product of each is the deal line's of the same name
    (the snapshot freezes names and prices, not catalogue ids)."""
    try:
        data: dict[str, Any] = json.loads(snapshot)
        raw = data.get("lines") or []
        products: dict[str, list[int | None]] = {}
        for ln in deal_lines:
            products.setdefault(ln.name, []).append(ln.product_id)
        lines = []
        for item in raw:
            name = str(item["name"])
            candidates = products.get(name) or [None]
            product_id = candidates.pop(0) if len(candidates) > 1 else candidates[0]
            lines.append(_NewLine(
                product_id, name, str(item.get("unit") or translate("Orders", "шт")),
                Decimal(item["quantity"]), Decimal(item["price"]),
                Decimal(item.get("discount") or "0"),
                str(item.get("vat_kind") or "standard")))
        return lines
    except (ValueError, KeyError, TypeError, ArithmeticError):
        return []  # a damaged snapshot: the deal's own lines


class OrderRecords:
    """Create, read, edit, move, cancel and delete orders; the deal's after-sale."""

    _uow: UowFactory
    _settings: SettingsService

    def _prefix(self) -> str:
        value = self._settings.get(PREFIX_SETTING)
        if isinstance(value, str) and PREFIX_PATTERN.fullmatch(value.strip()):
            return value.strip()
        return str(SETTING_DEFAULTS[PREFIX_SETTING])

    def number_prefix(self) -> str:
        """The prefix of new order numbers («З» in «З-2026-00001»)."""
        return self._prefix()

    def check_number_prefix(self, prefix: str) -> None:
        """ValidationError (on "order_number_prefix") if `prefix` cannot be saved."""
        problem = prefix_error(prefix)
        if problem:
            raise ValidationError.single(PREFIX_SETTING, problem)

    def set_number_prefix(self, prefix: str) -> None:
        """Number new orders with `prefix` (1–10 letters or digits); the numbers already
        given keep theirs, and a number is never given twice under any prefix."""
        self.check_number_prefix(prefix)
        self._settings.set(PREFIX_SETTING, prefix.strip())

    # --- create ----------------------------------------------------------------------------

    def create_from_deal(self, deal_id: int, *, on: date | None = None) -> OrderDetail:
        """The order of a won deal, in one transaction (see the module docstring); a second
        order while one is active (not cancelled) is refused."""
        on = on or date.today()
        prefix = self._prefix()
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Orders", "Сделка не найдена"))
            won = s.scalar(select(Stage.is_won).where(Stage.id == deal.stage_id))
            if not won:
                raise ValidationError.single("deal", translate(
                    "Orders", "Заказ создаётся по выигранной сделке"))
            existing = s.scalar(select(Order.number).where(
                Order.deal_id == deal_id, Order.status != "cancelled").limit(1))
            if existing is not None:
                raise ValidationError.single("deal", translate(
                    "Orders", "По сделке уже есть заказ № {n}").format(n=existing))
            client = s.get(Client, deal.client_id)
            address = ""
            if client is not None:
                address = (client.postal_address or client.legal_address or "").strip()
            order = Order(number=next_order_number(s, prefix, on.year),
                          client_id=deal.client_id, deal_id=deal.id, ordered_on=on,
                          amount=round_money(deal.amount), status="new",
                          delivery_address=address, prepayment_pct=Decimal(0))
            s.add(order)
            s.flush()
            s.add_all(OrderLine(order_id=order.id, position=i, product_id=ln.product_id,
                                name=ln.name, unit=ln.unit, quantity=ln.quantity,
                                price=ln.price, discount=ln.discount, vat_kind=ln.vat_kind)
                      for i, ln in enumerate(_deal_lines(s, deal)))
            s.flush()
            order_id = order.id
            uow.commit()
        return self.order(order_id, today=on)

    # --- read ------------------------------------------------------------------------------

    def order(self, order_id: int, *, today: date | None = None) -> OrderDetail:
        with self._uow(read_only=True) as uow:
            order = get_order(uow.session, order_id)
            return order_detail(uow.session, order, today or date.today())

    def order_for_deal(self, deal_id: int) -> int | None:
        """The deal's active (not cancelled) order, the newest if there were several."""
        with self._uow(read_only=True) as uow:
            return uow.session.scalar(
                select(Order.id).where(Order.deal_id == deal_id, Order.status != "cancelled")
                .order_by(Order.ordered_on.desc(), Order.id.desc()).limit(1))

    def deal_after_sale(self, deal_id: int) -> AfterSale | None:
        """A won deal's way past "won": ordered, shipped, paid; None for a deal that is not
        won (or not found). Delivered: everything has left and every shipment that left
        is delivered; complete: delivered and paid in full."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None or not s.scalar(select(Stage.is_won)
                                            .where(Stage.id == deal.stage_id)):
                return None
            order = s.scalar(select(Order).where(Order.deal_id == deal_id,
                                                 Order.status != "cancelled")
                             .order_by(Order.ordered_on.desc(), Order.id.desc()).limit(1))
            if order is None:
                return AfterSale(order_id=None, order_number="", ordered=False, shipped_pct=0,
                                 delivered=False, paid=ZERO, amount=deal.amount,
                                 complete=False)
            lines = s.execute(select(OrderLine.id, OrderLine.quantity)
                              .where(OrderLine.order_id == order.id)).all()
            progress = line_progress(s, order.id)
            ordered = sum((q for _, q in lines), Decimal(0))
            gone = sum((progress.dispatched.get(i, Decimal(0)) for i, _ in lines), Decimal(0))
            pct = shipped_pct(gone, ordered)
            undelivered = s.scalar(select(func.count(Shipment.id)).where(
                Shipment.order_id == order.id,
                Shipment.status.notin_(("delivered", "cancelled")))) or 0
            delivered = pct == 100 and undelivered == 0
            paid = paid_amount(s, order.id)
            return AfterSale(order_id=order.id, order_number=order.number, ordered=True,
                             shipped_pct=pct, delivered=delivered, paid=paid,
                             amount=order.amount,
                             complete=delivered and paid >= order.amount)

    # --- edit ------------------------------------------------------------------------------

    def update_order(self, order_id: int, draft: OrderDraft) -> OrderDetail:
        """Save the header and (`draft.lines` not None) the lines, in one transaction.

        Lines change only while the order is new, confirmed or in picking, and a line never
        goes below what its shipments (not cancelled) carry; a line in a shipment stays.
        """
        errors = validate_header(draft)
        if draft.lines is not None:
            errors.update(validate_lines(draft.lines))
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            order = get_order(s, order_id)
            if order.status == "cancelled":
                raise ValidationError.single("status", translate(
                    "Orders", "Заказ отменён: изменить его нельзя"))
            stored = list(s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                                    .order_by(OrderLine.position, OrderLine.id)))
            old_total = sum((line_total(ln.quantity, ln.price, ln.discount) for ln in stored),
                            ZERO)
            lines_changed = draft.lines is not None and not _same_lines(stored, draft.lines)
            if lines_changed:
                assert draft.lines is not None
                self._replace_lines(s, order, stored, draft.lines)
            if draft.amount is not None:
                amount = Decimal(draft.amount)
            elif lines_changed:
                assert draft.lines is not None
                new_total = sum((line_total(ln.quantity, ln.price, ln.discount)
                                 for ln in draft.lines), ZERO)
                # the discount agreed at closing (lines' total − amount) stays what it was
                amount = max(ZERO, new_total - (old_total - order.amount))
            else:
                amount = order.amount
            paid = paid_amount(s, order.id)
            if amount < paid:
                raise ValidationError.single("amount", translate(
                    "Orders", "По заказу оплачено {paid}: сумма не может быть меньше").format(
                    paid=format_money(paid)))
            order.amount = amount
            order.ordered_on = draft.ordered_on
            order.delivery_address = draft.delivery_address.strip()
            order.ship_by = draft.ship_by
            order.prepayment_pct = Decimal(draft.prepayment_pct)
            order.deferred_days = draft.deferred_days
            order.payment_due_on = due_date(draft.ordered_on, draft.deferred_days,
                                            draft.payment_due_on)
            order.contract_number = draft.contract_number.strip()
            order.contract_date = draft.contract_date
            order.notes = draft.notes
            s.flush()
            order.status = derived_status(s, order)
            uow.commit()
        return self.order(order_id)

    @staticmethod
    def _replace_lines(s: Session, order: Order, stored: list[OrderLine],
                       drafts: tuple[OrderLineDraft, ...]) -> None:
        if order.status not in MANUAL_ORDER_STATUSES:
            raise ValidationError.single("lines", translate(
                "Orders", "Строки меняются, пока заказ новый, подтверждён или в сборке"))
        by_id = {ln.id: ln for ln in stored}
        progress = line_progress(s, order.id)
        referenced = set(s.scalars(
            select(ShipmentLine.order_line_id).join(Shipment, Shipment.id ==
                                                    ShipmentLine.shipment_id)
            .where(Shipment.order_id == order.id)))
        errors: dict[str, str] = {}
        kept = {d.id for d in drafts if d.id is not None}
        for i, d in enumerate(drafts):
            if d.id is not None and d.id not in by_id:
                errors[f"lines.{i}.name"] = translate(
                    "Orders", "Строка {n}: такой строки в заказе нет").format(n=i + 1)
                continue
            shipped = progress.shipped.get(d.id, Decimal(0)) if d.id is not None else ZERO
            if d.quantity < shipped:
                errors[f"lines.{i}.quantity"] = translate(
                    "Orders", "Строка {n}: в отгрузках уже {q} — меньше нельзя").format(
                    n=i + 1, q=quantity_text(shipped, by_id[d.id].unit if d.id else d.unit))
        for ln in stored:
            if ln.id not in kept and ln.id in referenced:
                errors["lines"] = translate(
                    "Orders", "Строку «{name}» нельзя удалить: она есть в отгрузке").format(
                    name=ln.name)
        product_ids = {d.product_id for d in drafts if d.product_id is not None}
        if product_ids:
            found = set(s.scalars(select(Product.id).where(Product.id.in_(product_ids))))
            for i, d in enumerate(drafts):
                if d.product_id is not None and d.product_id not in found:
                    errors[f"lines.{i}.name"] = translate(
                        "Orders", "Строка {n}: товар не найден").format(n=i + 1)
        if errors:
            raise ValidationError(errors)
        for ln in stored:
            if ln.id not in kept:
                s.delete(ln)
        s.flush()
        for i, d in enumerate(drafts):
            row = by_id[d.id] if d.id is not None else OrderLine(order_id=order.id)
            row.position = i
            row.product_id = d.product_id
            row.name = d.name.strip()
            row.unit = d.unit.strip() or translate("Orders", "шт")
            row.quantity = Decimal(d.quantity)
            row.price = Decimal(d.price)
            row.discount = Decimal(d.discount)
            row.vat_kind = d.vat_kind
            if d.id is None:
                s.add(row)
        s.flush()

    def set_status(self, order_id: int, status: str) -> OrderDetail:
        """Set a manual status: new, confirmed, picking (while nothing has left), closed;
        "cancelled" cancels (`cancel_order`). Partly shipped and shipped follow the
        shipments; reopening a closed order gives it the status its shipments give."""
        if status not in ORDER_STATUSES:
            raise ValidationError.single("status", translate("Orders", "Неизвестный статус"))
        if status == "cancelled":
            return self.cancel_order(order_id)
        if status in ("partly_shipped", "shipped"):
            raise ValidationError.single("status", translate(
                "Orders", "Этот статус ставится по отгрузкам"))
        with self._uow() as uow:
            s = uow.session
            order = get_order(s, order_id)
            if order.status == "cancelled":
                raise ValidationError.single("status", translate(
                    "Orders", "Заказ отменён: статус не меняется"))
            gone = any(line_progress(s, order.id).dispatched.values())
            if status == "closed" or not gone:
                order.status = status
            elif order.status == "closed":
                # reopened after goods left: the status its shipments give
                order.status = "confirmed"
                order.status = derived_status(s, order)
            else:
                raise ValidationError.single("status", translate(
                    "Orders", "Товар уже отгружается: статус следует за отгрузками"))
            uow.commit()
        return self.order(order_id)

    # --- cancel and delete -----------------------------------------------------------------

    def cancel_order(self, order_id: int) -> OrderDetail:
        """Cancel an order: refused while it has payments or a shipment that has left;
        shipments still being prepared are cancelled with it (one transaction)."""
        with self._uow() as uow:
            s = uow.session
            order = get_order(s, order_id)
            if order.status != "cancelled":
                self._refuse_with_payments(s, order, translate(
                    "Orders", "По заказу есть оплаты на {sum}: отменить его нельзя, "
                              "сначала удалите или перенесите оплаты"))
                if any(line_progress(s, order.id).dispatched.values()):
                    raise ValidationError.single("shipments", translate(
                        "Orders", "Товар по заказу уже отгружен: сначала отмените отгрузки"))
                for shipment in s.scalars(select(Shipment).where(
                        Shipment.order_id == order.id, Shipment.status != "cancelled")):
                    shipment.status = "cancelled"
                order.status = "cancelled"
                uow.commit()
        return self.order(order_id)

    def delete_order(self, order_id: int) -> None:
        """Delete an order entered by mistake: refused with payments, shipments or an issued
        invoice (those are history: cancel the order instead). Its number is not reused."""
        with self._uow() as uow:
            s = uow.session
            order = get_order(s, order_id)
            self._refuse_with_payments(s, order, translate(
                "Orders", "По заказу есть оплаты на {sum}: удалить его нельзя"))
            if s.scalar(select(Shipment.id).where(Shipment.order_id == order.id).limit(1)):
                raise ValidationError.single("shipments", translate(
                    "Orders", "По заказу есть отгрузки: удалить его нельзя, отмените заказ"))
            if order.invoice_number:
                raise ValidationError.single("invoice", translate(
                    "Orders", "По заказу выставлен счёт {n}: удалить его нельзя, "
                              "отмените заказ").format(n=order.invoice_number))
            s.execute(delete(OrderLine).where(OrderLine.order_id == order.id))
            s.delete(order)
            uow.commit()

    @staticmethod
    def _refuse_with_payments(s: Session, order: Order, message: str) -> None:
        paid = s.scalar(select(func.sum(Payment.amount)).where(Payment.order_id == order.id))
        if paid:
            raise ValidationError.single("payments", message.format(
                sum=format_money(Decimal(paid))))


def _same_lines(stored: list[OrderLine], drafts: tuple[OrderLineDraft, ...]) -> bool:
    """Whether the drafts say what the stored lines already hold (in the same order)."""
    if len(stored) != len(drafts):
        return False
    for ln, d in zip(stored, drafts, strict=True):
        if (d.id != ln.id or d.product_id != ln.product_id or d.name.strip() != ln.name
                or (d.unit.strip() or ln.unit) != ln.unit or d.quantity != ln.quantity
                or d.price != ln.price or d.discount != ln.discount
                or d.vat_kind != ln.vat_kind):
            return False
    return True
