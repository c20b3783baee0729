"""Receivables aging: what each order still owes as of a day, bucketed by days overdue.

The one home of the bucket rule (the Today tab, the meeting pack, the CLI and the window
all read it from here): days overdue = as-of day − due date; ≤ 0 (or no due date) not yet
due, 1–30, 31–60, 61–90, over 90. An order's outstanding is its amount less the payments
allocated to it by that day; cancelled orders and orders placed after the day are left out;
an overpaid order owes nothing (its excess is not netted elsewhere). The client's credit
(unallocated payments by the day) is shown beside the debt, never subtracted from it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.money import ZERO, from_kopecks
from app.i18n import translate
from app.services.receivables.dtos import Aging, AgingRow
from app.services.uow import UowFactory

BUCKETS = ("not_due", "d1_30", "d31_60", "d61_90", "over_90")  # AgingRow's fields in order


def bucket_of(days_overdue: int) -> str:
    """The aging bucket of a debt `days_overdue` days past its due date."""
    if days_overdue <= 0:
        return "not_due"
    if days_overdue <= 30:
        return "d1_30"
    if days_overdue <= 60:
        return "d31_60"
    if days_overdue <= 90:
        return "d61_90"
    return "over_90"


def bucket_labels() -> dict[str, str]:
    """Bucket → its column heading (in the interface language at call time)."""
    return {"not_due": translate("Receivables", "Срок не наступил"),
            "d1_30": translate("Receivables", "1–30 дн."),
            "d31_60": translate("Receivables", "31–60 дн."),
            "d61_90": translate("Receivables", "61–90 дн."),
            "over_90": translate("Receivables", "Более 90 дн.")}


def days_overdue(due_on: date | None, as_of: date) -> int:
    """Days past the due date (0 when not yet due or there is none)."""
    return max((as_of - due_on).days, 0) if due_on is not None else 0


@dataclass(frozen=True)
class OwedOrder:
    """An order with money still owed as of a day."""

    order_id: int
    number: str
    client_id: int
    client_name: str
    ordered_on: date
    due_on: date | None
    amount: Decimal
    outstanding: Decimal

    @property
    def paid(self) -> Decimal:
        return self.amount - self.outstanding


# As of a day after every payment, the payments up to that day are all of them, so the
# orders still owed are agg_order_due (kept by triggers, app/rollups.py: not cancelled, a due
# date, paid less than the amount) plus the orders without a due date it leaves out — a few
# thousand rows read by index instead of summing 150,000 payments per order. As of an
# earlier day, or for one client (a handful of orders), the payments up to the day are summed.
_OWED_NOW = (
    "SELECT a.order_id AS order_id, a.outstanding AS outstanding FROM agg_order_due a"
    " UNION ALL"
    " SELECT o.id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "                                   WHERE p.order_id = o.id), 0) FROM orders o"
    " WHERE o.payment_due_on IS NULL AND o.status != 'cancelled'")
_OWED_AS_OF = (
    "SELECT o.id AS order_id, o.amount - COALESCE(p.paid, 0) AS outstanding FROM orders o"
    " LEFT JOIN (SELECT order_id, SUM(amount) AS paid FROM payments"
    "            WHERE paid_on <= :d AND order_id IS NOT NULL GROUP BY order_id) p"
    " ON p.order_id = o.id"
    " WHERE o.status != 'cancelled'")
_OWED_BY_CLIENT = (
    "SELECT o.id AS order_id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "  WHERE p.order_id = o.id AND p.paid_on <= :d), 0) AS outstanding FROM orders o"
    " WHERE o.client_id = :c AND o.status != 'cancelled'")


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def owed_orders(session: Session, as_of: date, *,
                client_id: int | None = None) -> list[OwedOrder]:
    """The orders (placed by `as_of`, not cancelled) with money owed as of `as_of`."""
    params: dict[str, object] = {"d": as_of}
    if client_id is not None:
        owed, params["c"] = _OWED_BY_CLIENT, client_id
    else:
        later = session.execute(text("SELECT 1 FROM payments WHERE paid_on > :d LIMIT 1"),
                                {"d": as_of}).first()
        owed = _OWED_AS_OF if later else _OWED_NOW
    rows = session.execute(text(
        "SELECT o.id, o.number, o.client_id, c.name, o.ordered_on, o.payment_due_on,"
        " o.amount, w.outstanding"
        f" FROM ({owed}) w JOIN orders o ON o.id = w.order_id"
        " JOIN clients c ON c.id = o.client_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d"
        " ORDER BY COALESCE(o.payment_due_on, o.ordered_on), o.id"), params).all()
    out = []
    for r in rows:
        ordered = _date(r[4])
        assert ordered is not None  # orders.ordered_on is NOT NULL
        out.append(OwedOrder(order_id=r[0], number=r[1], client_id=r[2], client_name=r[3],
                             ordered_on=ordered, due_on=_date(r[5]),
                             amount=from_kopecks(r[6]), outstanding=from_kopecks(r[7])))
    return out


def credits(session: Session, as_of: date, *,
            client_id: int | None = None) -> dict[int, tuple[str, Decimal]]:
    """Client → (name, credit): the payments not allocated to an order, received by `as_of`."""
    params: dict[str, object] = {"d": as_of}
    where = ""
    if client_id is not None:
        where, params["c"] = " AND p.client_id = :c", client_id
    rows = session.execute(text(
        "SELECT p.client_id, c.name, SUM(p.amount) FROM payments p"
        " JOIN clients c ON c.id = p.client_id"
        f" WHERE p.order_id IS NULL AND p.paid_on <= :d{where} GROUP BY p.client_id, c.name"),
        params).all()
    return {r[0]: (r[1], from_kopecks(r[2])) for r in rows}


def aging_in(session: Session, as_of: date, *, client_id: int | None = None) -> Aging:
    """The aging of every client (or one) as of a day, inside the caller's session."""
    sums: dict[int, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(BUCKETS, ZERO))
    names: dict[int, str] = {}
    for o in owed_orders(session, as_of, client_id=client_id):
        sums[o.client_id][bucket_of(days_overdue(o.due_on, as_of))] += o.outstanding
        names[o.client_id] = o.client_name
    credit = credits(session, as_of, client_id=client_id)
    for cid, (name, _amount) in credit.items():
        names.setdefault(cid, name)
        sums.setdefault(cid, dict.fromkeys(BUCKETS, ZERO))
    rows = [AgingRow(client_id=cid, client_name=names[cid], **buckets,
                     total=sum(buckets.values(), ZERO),
                     credit=credit.get(cid, ("", ZERO))[1])
            for cid, buckets in sums.items()]
    rows.sort(key=lambda r: (-r.total, -r.credit, r.client_name, r.client_id))
    totals = {b: sum((getattr(r, b) for r in rows), ZERO) for b in BUCKETS}
    return Aging(as_of=as_of, rows=tuple(rows), totals=AgingRow(
        client_id=0, client_name=translate("Receivables", "Итого"), **totals,
        total=sum(totals.values(), ZERO), credit=sum((r.credit for r in rows), ZERO)))


class AgingReport:
    """Receivables by client and days overdue."""

    _uow: UowFactory

    def aging(self, as_of: date | None = None, *, client_id: int | None = None) -> Aging:
        """Every client's debt by aging bucket as of a day (today), with its credit beside;
        rows by total, largest first, and a totals row."""
        with self._uow(read_only=True) as uow:
            return aging_in(uow.session, as_of or date.today(), client_id=client_id)

    def owed_orders(self, as_of: date | None = None, *,
                    client_id: int | None = None) -> tuple[OwedOrder, ...]:
        """The orders with money owed as of a day (today), by due date."""
        with self._uow(read_only=True) as uow:
            return tuple(owed_orders(uow.session, as_of or date.today(), client_id=client_id))
