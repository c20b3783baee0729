"""Receivables aging: what each order still owes as of a day, bucketed by days overdue.

The one home of the bucket rule (the Today tab, the meeting pack, the CLI and the window
all read it from here): days overdue = as-of day − due date; ≤ 0 (or no due date) not yet
due, 1–30, 31–60, 61–90, over 90. An order's outstanding is its amount less the payments
allocated to it by that day; cancelled orders and orders placed after the day are left out;
an overpaid order owes nothing (its excess is not netted elsewhere). The client's credit
(unallocated payments by the day) is shown beside the debt, never subtracted from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.money import ZERO, from_kopecks
from app.i18n import translate
from app.services.receivables.dtos import Aging, AgingRow
from app.services.uow import UowFactory

BUCKETS = ("not_due", "d1_30", "d31_60", "d61_90", "over_90")  # AgingRow's fields in order
LIMITS = (0, 30, 60, 90)  # the most days overdue of each bucket but the last


def bucket_of(days_overdue: int) -> str:
    """The aging bucket of a debt `days_overdue` days past its due date."""
    for limit, bucket in zip(LIMITS, BUCKETS, strict=False):
        if days_overdue <= limit:
            return bucket
    return BUCKETS[-1]


def bucket_conditions(due: str) -> list[str]:
    """The SQL twin of `bucket_of`: per bucket, the condition on a due-date column `due`
    (ISO text, NULL for none), with the parameters `bucket_bounds` gives — days overdue
    (as of − due) ≤ N is due ≥ as of − N, so the dates compare as they are stored."""
    edges = [f":b{limit}" for limit in LIMITS]
    out = [f"({due} IS NULL OR {due} >= {edges[0]})"]
    out += [f"({due} < {hi} AND {due} >= {lo})" for hi, lo in pairwise(edges)]
    return [*out, f"{due} < {edges[-1]}"]


def bucket_bounds(as_of: date) -> dict[str, date]:
    return {f"b{limit}": as_of - timedelta(days=limit) for limit in LIMITS}


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
# earlier day, an order owed then either owes now (agg_order_due), or was paid after that
# day, or has no due date: only those candidates get their payments up to the day summed
# (7,500 + the later payments' orders instead of every order of ten years). For one client
# (a handful of orders) the payments up to the day are summed directly.
_OWED_NOW = (
    "SELECT a.order_id AS order_id, a.outstanding AS outstanding FROM agg_order_due a"
    " UNION ALL"
    " SELECT o.id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "                                   WHERE p.order_id = o.id), 0) FROM orders o"
    " WHERE o.payment_due_on IS NULL AND o.status != 'cancelled'")
_OWED_AS_OF = (
    "SELECT o.id AS order_id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "  WHERE p.order_id = o.id AND p.paid_on <= :d), 0) AS outstanding FROM orders o"
    " WHERE o.status != 'cancelled' AND o.id IN ("
    "  SELECT order_id FROM agg_order_due"
    "  UNION SELECT order_id FROM payments WHERE paid_on > :d AND order_id IS NOT NULL"
    "  UNION SELECT id FROM orders WHERE payment_due_on IS NULL)")
_OWED_BY_CLIENT = (
    "SELECT o.id AS order_id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "  WHERE p.order_id = o.id AND p.paid_on <= :d), 0) AS outstanding FROM orders o"
    " WHERE o.client_id = :c AND o.status != 'cancelled'")


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _owed(session: Session, as_of: date, client_id: int | None) -> tuple[str, dict[str, object]]:
    """The subquery (order_id, outstanding) of the orders owing as of the day, and its
    parameters: the trigger-kept list when no payment came later, else the sums by then."""
    params: dict[str, object] = {"d": as_of}
    if client_id is not None:
        params["c"] = client_id
        return _OWED_BY_CLIENT, params
    later = session.execute(text("SELECT 1 FROM payments WHERE paid_on > :d LIMIT 1"),
                            {"d": as_of}).first()
    return (_OWED_AS_OF if later else _OWED_NOW), params


def owed_orders(session: Session, as_of: date, *, client_id: int | None = None,
                limit: int = 0) -> list[OwedOrder]:
    """The orders (placed by `as_of`, not cancelled) with money owed as of `as_of`, the
    most overdue first (then by due or order date); the first `limit` of them (0: all)."""
    owed, params = _owed(session, as_of, client_id)
    rows = session.execute(text(
        "SELECT o.id, o.number, o.client_id, c.name, o.ordered_on, o.payment_due_on,"
        " o.amount, w.outstanding"
        f" FROM ({owed}) w JOIN orders o ON o.id = w.order_id"
        " JOIN clients c ON c.id = o.client_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d"
        " ORDER BY (o.payment_due_on IS NULL OR o.payment_due_on >= :d),"
        " COALESCE(o.payment_due_on, o.ordered_on), o.id"
        + (" LIMIT :n" if limit else "")), {**params, "n": limit}).all()
    out = []
    for r in rows:
        ordered = _date(r[4])
        assert ordered is not None  # orders.ordered_on is NOT NULL
        out.append(OwedOrder(order_id=r[0], number=r[1], client_id=r[2], client_name=r[3],
                             ordered_on=ordered, due_on=_date(r[5]),
                             amount=from_kopecks(r[6]), outstanding=from_kopecks(r[7])))
    return out


def owed_totals(session: Session, as_of: date) -> tuple[Decimal, Decimal, int]:
    """(owed, of it overdue, orders owing) as of the day, summed in SQL."""
    owed, params = _owed(session, as_of, None)
    row = session.execute(text(
        "SELECT COALESCE(SUM(w.outstanding), 0), COALESCE(SUM(CASE WHEN o.payment_due_on < :d"
        " THEN w.outstanding ELSE 0 END), 0), COUNT(*)"
        f" FROM ({owed}) w JOIN orders o ON o.id = w.order_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d"), params).one()
    return from_kopecks(row[0]), from_kopecks(row[1]), int(row[2])


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


def _rubles(kopecks: int) -> Decimal:
    return from_kopecks(kopecks) if kopecks else ZERO  # most buckets of most clients are 0


def aging_in(session: Session, as_of: date, *, client_id: int | None = None) -> Aging:
    """The aging of every client (or one) as of a day, inside the caller's session: the
    buckets summed and the clients ordered by their total in SQL (thousands of debtors on a
    grown base); the clients with only credit follow, by credit."""
    owed, params = _owed(session, as_of, client_id)
    sums = ", ".join(f"SUM(CASE WHEN {cond} THEN w.outstanding ELSE 0 END)"
                     for cond in bucket_conditions("o.payment_due_on"))
    debts = session.execute(text(
        f"SELECT g.*, c.name FROM (SELECT o.client_id, SUM(w.outstanding) AS total, {sums}"
        f" FROM ({owed}) w JOIN orders o ON o.id = w.order_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d GROUP BY o.client_id) g"
        " JOIN clients c ON c.id = g.client_id ORDER BY g.total DESC, c.name, g.client_id"),
        {**params, **bucket_bounds(as_of)}).all()
    credit = credits(session, as_of, client_id=client_id)
    rows = [AgingRow(cid, name, _rubles(k0), _rubles(k1), _rubles(k2), _rubles(k3),
                     _rubles(k4), _rubles(total), credit.pop(cid, ("", ZERO))[1])
            for cid, total, k0, k1, k2, k3, k4, name in debts]  # the five BUCKETS
    rows += [AgingRow(cid, name, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, amount)
             for cid, (name, amount) in sorted(credit.items(),
                                               key=lambda c: (-c[1][1], c[1][0], c[0]))]
    total, k0, k1, k2, k3, k4 = (from_kopecks(sum(r[i] for r in debts)) for i in range(1, 7))
    return Aging(as_of=as_of, rows=tuple(rows), totals=AgingRow(
        0, translate("Receivables", "Итого"), k0, k1, k2, k3, k4, total,
        sum((r.credit for r in rows), ZERO)))


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
        """The orders with money owed as of a day (today), the most overdue first."""
        with self._uow(read_only=True) as uow:
            return tuple(owed_orders(uow.session, as_of or date.today(), client_id=client_id))
