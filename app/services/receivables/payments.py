"""Payments: registered against an order or as the client's credit, allocated, deleted.

A payment row belongs to one client; with an order it pays that order, without one
(order_id NULL) it is credit the client has with us. An overpayment is split on entry: the
order's outstanding part is one row, the rest a second row without an order. Allocating
part of a credit row splits it the same way (same date and reference), so a row is always
either wholly an order's or wholly credit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.figures import MONEY_PLACES, too_precise
from app.domain.money import ZERO, format_money
from app.i18n import translate
from app.models import Client, Order, Payment
from app.services.errors import NotFoundError, ValidationError
from app.services.receivables.dtos import PaymentDraft, PaymentResult, PaymentRow
from app.services.uow import UowFactory

MAX_AMOUNT = Decimal("999999999999.99")  # far below what INTEGER kopecks can hold
REFERENCE_LENGTH = 100  # payments.reference


def amount_error(amount: object) -> str | None:
    """Why `amount` cannot be a payment (or a part of one), or None: a positive number of
    rubles with at most two decimals (a third is refused, never rounded)."""
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        return translate("Receivables", "Сумма должна быть числом")
    value = Decimal(amount)
    if not value.is_finite():
        return translate("Receivables", "Сумма должна быть числом")
    if value <= 0:
        return translate("Receivables", "Сумма должна быть больше нуля")
    if too_precise(value, MONEY_PLACES):
        return translate("Receivables", "Сумма с точностью до копейки")
    if value > MAX_AMOUNT:
        return translate("Receivables", "Слишком большая сумма")
    return None


@dataclass(frozen=True)
class _Payable:
    """An order a payment may go to, with what is still owed on it."""

    order: Order
    outstanding: Decimal


class Payments:
    """Register, allocate, use credit, delete; the payments and credit of a client."""

    _uow: UowFactory

    def register_payment(self, draft: PaymentDraft) -> PaymentResult:
        """Record money received: the order's outstanding part goes to the order, anything
        beyond it (or all of it, without an order) stays the client's credit."""
        errors: dict[str, str] = {}
        problem = amount_error(draft.amount)
        if problem:
            errors["amount"] = problem
        paid_on: object = draft.paid_on  # a view may send None for an empty date field
        if not isinstance(paid_on, date):
            errors["paid_on"] = translate("Receivables", "Укажите дату оплаты")
        reference = (draft.reference or "").strip()
        if len(reference) > REFERENCE_LENGTH:
            errors["reference"] = translate(
                "Receivables", "Номер документа не длиннее {n} знаков").format(
                n=REFERENCE_LENGTH)
        with self._uow() as uow:
            s = uow.session
            client = s.get(Client, draft.client_id)
            if client is None:
                errors["client_id"] = translate("Receivables", "Клиент не найден")
            payable = None
            if draft.order_id is not None and client is not None:
                try:
                    payable = _payable(s, draft.order_id, draft.client_id)
                except (NotFoundError, ValidationError) as exc:
                    errors["order_id"] = str(exc)
            if errors:
                raise ValidationError(errors)
            amount = Decimal(draft.amount)
            to_order = min(amount, payable.outstanding) if payable is not None else ZERO
            written: list[tuple[Payment, str]] = []
            if to_order > 0 and payable is not None:
                written.append((Payment(order_id=payable.order.id, client_id=draft.client_id,
                                        paid_on=draft.paid_on, amount=to_order,
                                        reference=reference), payable.order.number))
            rest = amount - to_order
            if rest > 0:
                written.append((Payment(order_id=None, client_id=draft.client_id,
                                        paid_on=draft.paid_on, amount=rest,
                                        reference=reference), ""))
            s.add_all(p for p, _ in written)
            s.flush()
            rows = tuple(_row(p, number) for p, number in written)
            uow.commit()
        return PaymentResult(allocated=to_order, credit=rest, rows=rows)

    def allocate(self, payment_id: int, order_id: int,
                 amount: Decimal | None = None) -> PaymentResult:
        """Put an unallocated payment (or `amount` of it) against one of its client's orders;
        at most what the order still owes. A part leaves the rest as credit (a second row)."""
        with self._uow() as uow:
            s = uow.session
            payment = s.get(Payment, payment_id)
            if payment is None:
                raise NotFoundError(translate("Receivables", "Платёж не найден"))
            if payment.order_id is not None:
                number = s.scalar(select(Order.number).where(Order.id == payment.order_id))
                raise ValidationError.single("payment_id", translate(
                    "Receivables", "Платёж уже разнесён на заказ № {n}").format(n=number))
            payable = _payable(s, order_id, payment.client_id)
            used = _amount_to_use(amount, payment.amount, payable, translate(
                "Receivables", "Больше суммы платежа ({v})").format(
                v=format_money(payment.amount)))
            left = payment.amount - used
            rows = _use(s, [payment], payable.order, used)
            uow.commit()
            return PaymentResult(allocated=used, credit=left, rows=rows)

    def use_credit(self, client_id: int, order_id: int,
                   amount: Decimal | None = None) -> PaymentResult:
        """Pay an order from the client's credit (its unallocated payments, oldest first):
        all of it the order can take, or `amount`."""
        with self._uow() as uow:
            s = uow.session
            if s.get(Client, client_id) is None:
                raise NotFoundError(translate("Receivables", "Клиент не найден"))
            payable = _payable(s, order_id, client_id)
            credits = list(s.scalars(
                select(Payment).where(Payment.client_id == client_id,
                                      Payment.order_id.is_(None))
                .order_by(Payment.paid_on, Payment.id)))
            available = sum((p.amount for p in credits), ZERO)
            if available <= 0:
                raise ValidationError.single("amount", translate(
                    "Receivables", "У клиента нет переплаты"))
            used = _amount_to_use(amount, available, payable, translate(
                "Receivables", "Больше переплаты клиента ({v})").format(
                v=format_money(available)))
            rows = _use(s, credits, payable.order, used)
            uow.commit()
            return PaymentResult(allocated=used, credit=available - used, rows=rows)

    def delete_payment(self, payment_id: int) -> None:
        """Remove a payment entered by mistake; its order owes that money again."""
        with self._uow() as uow:
            payment = uow.session.get(Payment, payment_id)
            if payment is None:
                raise NotFoundError(translate("Receivables", "Платёж не найден"))
            uow.session.delete(payment)
            uow.commit()

    def payments(self, *, client_id: int | None = None,
                 order_id: int | None = None) -> tuple[PaymentRow, ...]:
        """Payments, newest first: of a client, of an order, or all."""
        query = (select(Payment, Order.number).outerjoin(Order, Order.id == Payment.order_id)
                 .order_by(Payment.paid_on.desc(), Payment.id.desc()))
        if client_id is not None:
            query = query.where(Payment.client_id == client_id)
        if order_id is not None:
            query = query.where(Payment.order_id == order_id)
        with self._uow(read_only=True) as uow:
            return tuple(_row(p, number or "") for p, number in uow.session.execute(query))

    def credit(self, client_id: int) -> Decimal:
        """The client's credit: its payments not allocated to an order."""
        with self._uow(read_only=True) as uow:
            return client_credit(uow.session, client_id)


def client_credit(session: Session, client_id: int) -> Decimal:
    rows = session.scalars(select(Payment.amount).where(Payment.client_id == client_id,
                                                        Payment.order_id.is_(None)))
    return sum(rows, ZERO)


def _payable(s: Session, order_id: int, client_id: int) -> _Payable:
    """The order a payment of `client_id` may go to (refusals name the order)."""
    order = s.get(Order, order_id)
    if order is None:
        raise NotFoundError(translate("Receivables", "Заказ не найден"))
    if order.client_id != client_id:
        raise ValidationError.single("order_id", translate(
            "Receivables", "Заказ № {n} — другого клиента").format(n=order.number))
    if order.status == "cancelled":
        raise ValidationError.single("order_id", translate(
            "Receivables", "Заказ № {n} отменён: оплата по нему не принимается").format(
            n=order.number))
    paid = sum(s.scalars(select(Payment.amount).where(Payment.order_id == order.id)), ZERO)
    return _Payable(order=order, outstanding=max(order.amount - paid, ZERO))


def _amount_to_use(amount: Decimal | None, available: Decimal, payable: _Payable,
                   too_much: str) -> Decimal:
    """How much of `available` goes to the order: `amount` checked, or all it can take."""
    if payable.outstanding <= 0:
        raise ValidationError.single("order_id", translate(
            "Receivables", "Заказ № {n} уже оплачен").format(n=payable.order.number))
    if amount is None:
        return min(available, payable.outstanding)
    problem = amount_error(amount)
    if problem:
        raise ValidationError.single("amount", problem)
    if amount > available:
        raise ValidationError.single("amount", too_much)
    if amount > payable.outstanding:
        raise ValidationError.single("amount", translate(
            "Receivables", "Больше долга по заказу ({v})").format(
            v=format_money(payable.outstanding)))
    return Decimal(amount)


def _use(s: Session, credits: Iterable[Payment], order: Order,
         amount: Decimal) -> tuple[PaymentRow, ...]:
    """Allocate `amount` from unallocated rows in turn; the last one used only in part is
    split (the allocated part a new row of the same date and reference)."""
    touched: list[tuple[Payment, str]] = []
    left = amount
    for payment in credits:
        if left <= 0:
            break
        if payment.amount <= left:
            payment.order_id = order.id
            left -= payment.amount
            touched.append((payment, order.number))
            continue
        part = Payment(order_id=order.id, client_id=payment.client_id,
                       paid_on=payment.paid_on, amount=left, reference=payment.reference)
        payment.amount -= left
        left = ZERO
        s.add(part)
        touched += [(part, order.number), (payment, "")]
    s.flush()
    return tuple(_row(p, number) for p, number in touched)


def _row(p: Payment, order_number: str) -> PaymentRow:
    return PaymentRow(id=p.id, client_id=p.client_id, order_id=p.order_id,
                      order_number=order_number, paid_on=p.paid_on, amount=p.amount,
                      reference=p.reference or "")
