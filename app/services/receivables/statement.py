"""The reconciliation statement's figures (акт сверки): shipments debit, payments credit.

Our side of the account with a client: each shipment that has left (shipped, in transit,
delivered, or a problem after it left) is a debit on its ship date, valued at the share of
its order's amount that its lines carry (each line weighed by its total: a discount agreed
at closing spreads over the shipments as it spreads over the lines); the shares are summed
in ship order and rounded cumulatively, so the shipments of a fully shipped order add up to
its amount exactly. A shipment of an order whose shipments carry no lines (older data)
debits the whole amount on the first one's date; an order not shipped at all is not yet a
debit. Every payment of the client — allocated or credit — is a credit on its date (the
rows one payment order was split into are one entry).
Cancelled orders and cancelled shipments owe nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.domain.figures import line_total
from app.domain.money import KOPECK, ZERO
from app.i18n import translate
from app.models import Client, Order, OrderLine, Payment, Shipment, ShipmentLine
from app.services.errors import NotFoundError, ValidationError
from app.services.receivables.dtos import Statement, StatementEntry
from app.services.uow import UowFactory

LEFT_STATUSES = ("shipped", "in_transit", "delivered")  # the goods are on their way or there


def has_left(status: str, shipped_on: date | None) -> bool:
    """Whether a shipment debits the client: the goods left (a problem after they left)."""
    return status in LEFT_STATUSES or (status == "problem" and shipped_on is not None)


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    """Bound id lists short enough for any database's parameter limit."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


@dataclass(frozen=True)
class _Shipped:
    id: int
    on: date
    document: str
    lines: dict[int, Decimal]  # order line → quantity


def shipment_document(upd: str, waybill: str, order_number: str) -> str:
    """How a shipment is named in the statement: by its УПД, its waybill, or its order."""
    if upd.strip():
        return translate("Receivables", "Отгрузка (УПД № {n})").format(n=upd.strip())
    if waybill.strip():
        return translate("Receivables", "Отгрузка (накладная № {n})").format(n=waybill.strip())
    return translate("Receivables", "Отгрузка по заказу № {n}").format(n=order_number)


_REFERENCE_PREFIX = re.compile(r"^\s*(?:п/п|пп|пл\.?\s*пор\.?)?\s*№?\s*", re.IGNORECASE)


def payment_document(reference: str) -> str:
    """«Оплата (п/п № 345)»; a reference typed with its own «п/п №» is not prefixed twice."""
    number = _REFERENCE_PREFIX.sub("", reference).strip()
    if number:
        return translate("Receivables", "Оплата (п/п № {n})").format(n=number)
    return translate("Receivables", "Оплата")


def shipment_values(amount: Decimal, lines: dict[int, tuple[Decimal, Decimal]],
                    shipments: list[_Shipped]) -> dict[int, Decimal]:
    """Shipment → its debit: its share of the order `amount` by the order `lines`
    (line → (quantity, total)), rounded cumulatively in ship order."""
    ordered = sorted(shipments, key=lambda sh: (sh.on, sh.id))
    if not ordered:
        return {}
    if not any(sh.lines for sh in ordered):
        return {ordered[0].id: amount}
    whole = sum((total for _q, total in lines.values()), ZERO)

    def weight(line_id: int) -> Decimal:
        return lines[line_id][1] if whole > 0 else Decimal(1)

    weights = sum((weight(i) for i in lines), ZERO)
    values: dict[int, Decimal] = {}
    share, booked = Decimal(0), ZERO
    for sh in ordered:
        for line_id, quantity in sh.lines.items():
            if line_id in lines and lines[line_id][0] > 0 and weights > 0:
                share += weight(line_id) * quantity / lines[line_id][0] / weights
        running = (amount * share).quantize(KOPECK, ROUND_HALF_UP)
        values[sh.id] = running - booked
        booked = running
    return values


def statement_in(session: Session, client_id: int, start: date, end: date) -> Statement:
    """The client's statement for `start`..`end` (both included), in the caller's session."""
    if end < start:
        raise ValidationError.single("end", translate(
            "Receivables", "Конец периода раньше его начала"))
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(translate("Receivables", "Клиент не найден"))
    s = session
    # one client's orders are a handful: their ids are bound as lists, so each table is read
    # by its order (shipment) index — a subquery lets SQLite pick the shipments' status index
    # and scan the shipment lines of the whole base
    orders = {r.id: (r.number, r.amount) for r in s.execute(
        select(Order.id, Order.number, Order.amount)
        .where(Order.client_id == client_id, Order.status != "cancelled"))}
    lines: dict[int, dict[int, tuple[Decimal, Decimal]]] = defaultdict(dict)
    shipments: list[Row[int, int, str, date | None, date, str, str]] = []
    for chunk in _chunks(list(orders)):
        for ln in s.execute(select(OrderLine.id, OrderLine.order_id, OrderLine.quantity,
                                   OrderLine.price, OrderLine.discount)
                            .where(OrderLine.order_id.in_(chunk))):
            lines[ln.order_id][ln.id] = (ln.quantity, line_total(ln.quantity, ln.price,
                                                                  ln.discount))
        shipments += s.execute(
            select(Shipment.id, Shipment.order_id, Shipment.status, Shipment.shipped_on,
                   Shipment.planned_on, Shipment.upd_number, Shipment.waybill_number)
            .where(Shipment.order_id.in_(chunk))).all()
    left = [sh for sh in shipments if has_left(sh.status, sh.shipped_on)
            and (sh.shipped_on or sh.planned_on) <= end]
    shipped_lines: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for chunk in _chunks([sh.id for sh in left]):
        for sl in s.execute(select(ShipmentLine.shipment_id, ShipmentLine.order_line_id,
                                   ShipmentLine.quantity)
                            .where(ShipmentLine.shipment_id.in_(chunk))):
            got = shipped_lines[sl.shipment_id]
            got[sl.order_line_id] = got.get(sl.order_line_id, ZERO) + sl.quantity
    by_order: dict[int, list[_Shipped]] = defaultdict(list)
    for sh in left:
        on = sh.shipped_on or sh.planned_on
        number = orders[sh.order_id][0]
        by_order[sh.order_id].append(_Shipped(
            id=sh.id, on=on, document=shipment_document(sh.upd_number or "",
                                                         sh.waybill_number or "", number),
            lines=shipped_lines.get(sh.id, {})))
    movements: list[tuple[date, int, int, StatementEntry]] = []  # date, kind, id: the order
    for order_id, shipped in by_order.items():
        values = shipment_values(orders[order_id][1], lines.get(order_id, {}), shipped)
        for one in shipped:
            value = values.get(one.id, ZERO)
            if value:
                movements.append((one.on, 0, one.id, StatementEntry(
                    on=one.on, document=one.document, debit=value, credit=ZERO)))
    # one payment order is one entry, though splitting it (an overpayment, a part allocated)
    # made several rows of the same date and reference
    received: dict[tuple[date, str | int], tuple[int, Decimal, str]] = {}
    for p in s.execute(select(Payment.id, Payment.paid_on, Payment.amount, Payment.reference)
                       .where(Payment.client_id == client_id, Payment.paid_on <= end)
                       .order_by(Payment.id)):
        reference = (p.reference or "").strip()
        key: tuple[date, str | int] = (p.paid_on, reference or p.id)
        first, amount, _ = received.get(key, (p.id, ZERO, reference))
        received[key] = (first, amount + p.amount, reference)
    for (on, _key), (first, amount, reference) in received.items():
        movements.append((on, 1, first, StatementEntry(
            on=on, document=payment_document(reference), debit=ZERO, credit=amount)))
    movements.sort(key=lambda m: m[:3])
    opening = sum((m[3].debit - m[3].credit for m in movements if m[0] < start), ZERO)
    entries = tuple(m[3] for m in movements if m[0] >= start)
    debit = sum((e.debit for e in entries), ZERO)
    credit = sum((e.credit for e in entries), ZERO)
    return Statement(client_id=client_id, client_name=client.name, start=start, end=end,
                     opening=opening, entries=entries, debit_turnover=debit,
                     credit_turnover=credit, closing=opening + debit - credit)


class Statements:
    """The Акт сверки's figures for a client and period."""

    _uow: UowFactory

    def statement(self, client_id: int, start: date, end: date) -> Statement:
        """Opening balance, the period's shipments and payments by date, turnover, closing."""
        with self._uow(read_only=True) as uow:
            return statement_in(uow.session, client_id, start, end)
