"""SQL the reports need beyond the plan and analytics services (lists, receivables)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.figures import effective_probability_sql, open_stage_sql, won_stage_sql
from app.domain.money import from_kopecks
from app.services.plan import Period


def _k(value: int | None) -> Decimal:
    """A SQL integer-kopeck sum (possibly NULL) → Decimal rubles."""
    return from_kopecks(int(value or 0))


@dataclass(frozen=True)
class DealLineItem:
    id: int
    title: str
    client: str
    stage: str
    amount: Decimal
    closed_on: date | None
    reason: str
    comment: str


@dataclass(frozen=True)
class StageSum:
    name: str
    position: int
    probability: int
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class Receivable:
    order_number: str
    client: str
    ordered_on: date
    due_on: date | None
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    days_overdue: int


@dataclass(frozen=True)
class CountRow:
    key: str
    count: int
    amount: Decimal


def _date(value: object) -> date | None:
    """A date column read through raw SQL (ISO text, or already a date)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _day(value: object) -> date:
    """A NOT NULL date column."""
    day = _date(value)
    if day is None:
        raise ValueError("a required date is missing")
    return day


def open_stage_sums(session: Session) -> list[StageSum]:
    """Open deals by stage: count, sum and sum weighted by the deal's (or stage's) probability."""
    rows = session.execute(text(
        "SELECT st.name, st.position, st.probability, COUNT(d.id), COALESCE(SUM(d.amount), 0),"
        f" COALESCE(SUM(d.amount * {effective_probability_sql('d', 'st')}), 0)"
        " FROM stages st LEFT JOIN deals d ON d.stage_id = st.id"
        f" WHERE {open_stage_sql('st')}"
        " GROUP BY st.id ORDER BY st.position")).all()
    return [StageSum(name=r[0], position=r[1], probability=r[2], count=r[3], amount=_k(r[4]),
                     weighted=_k((int(r[5]) + 50) // 100)) for r in rows]


def won_deals(session: Session, p: Period, limit: int = 10) -> list[DealLineItem]:
    rows = session.execute(text(
        "SELECT d.id, d.title, c.name, st.name, d.amount, d.closed_on FROM deals d"
        " JOIN stages st ON st.id = d.stage_id JOIN clients c ON c.id = d.client_id"
        f" WHERE {won_stage_sql('st')} AND d.closed_on BETWEEN :a AND :b"
        " ORDER BY d.amount DESC, d.id LIMIT :n"), {"a": p.first, "b": p.last, "n": limit}).all()
    return [DealLineItem(r[0], r[1], r[2], r[3], _k(r[4]), _date(r[5]), "", "") for r in rows]


def lost_deals(session: Session, p: Period, limit: int = 30) -> list[DealLineItem]:
    rows = session.execute(text(
        "SELECT d.id, d.title, c.name, st.name, d.amount, d.closed_on, d.lost_reason,"
        " d.lost_comment FROM deals d"
        " JOIN stages st ON st.id = d.stage_id JOIN clients c ON c.id = d.client_id"
        " WHERE st.is_lost = 1 AND d.closed_on BETWEEN :a AND :b"
        " ORDER BY d.amount DESC, d.id LIMIT :n"), {"a": p.first, "b": p.last, "n": limit}).all()
    return [DealLineItem(r[0], r[1], r[2], r[3], _k(r[4]), _date(r[5]), r[6] or "", r[7] or "")
            for r in rows]


# The orders (not cancelled, ordered by the day) with money still owed as of a day, as
# (order id, outstanding). As of a day after every payment, the payments up to that day are
# all the payments, so the set is agg_order_due (kept by triggers, app/rollups.py) plus the
# orders without a due date (which it leaves out): a few thousand rows read by index instead
# of summing every payment of ten years per order (0.57 s on 150,000 orders). As of an
# earlier day, the payments up to it are summed per order.
_OWED_NOW = (
    "SELECT a.order_id AS order_id, a.outstanding AS outstanding FROM agg_order_due a"
    " UNION ALL"
    " SELECT o.id, o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    "                                   WHERE p.order_id = o.id), 0) FROM orders o"
    " WHERE o.payment_due_on IS NULL AND o.status != 'cancelled'")
_OWED_AS_OF = (
    "SELECT o.id AS order_id, o.amount - COALESCE(p.paid, 0) AS outstanding FROM orders o"
    " LEFT JOIN (SELECT order_id, SUM(amount) AS paid FROM payments"
    "            WHERE paid_on <= :d GROUP BY order_id) p ON p.order_id = o.id"
    " WHERE o.status != 'cancelled'")


def _owed(session: Session, as_of: date) -> str:
    later = session.execute(text("SELECT 1 FROM payments WHERE paid_on > :d LIMIT 1"),
                            {"d": as_of}).first()
    return _OWED_AS_OF if later else _OWED_NOW


def receivables(session: Session, as_of: date, limit: int = 40) -> list[Receivable]:
    """Orders (not cancelled) with money still owed, most overdue first."""
    rows = session.execute(text(
        "SELECT o.number, c.name, o.ordered_on, o.payment_due_on, o.amount, w.outstanding"
        f" FROM ({_owed(session, as_of)}) w JOIN orders o ON o.id = w.order_id"
        " JOIN clients c ON c.id = o.client_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d"
        " ORDER BY COALESCE(o.payment_due_on, o.ordered_on), o.id"), {"d": as_of}).all()
    out = []
    for r in rows:
        due = _date(r[3])
        amount, outstanding = _k(r[4]), _k(r[5])
        overdue = (as_of - due).days if due and due < as_of else 0
        out.append(Receivable(r[0], r[1], _day(r[2]), due, amount, amount - outstanding,
                              outstanding, overdue))
    out.sort(key=lambda x: -x.days_overdue)
    return out[:limit] if limit else out


def receivables_total(session: Session, as_of: date) -> tuple[Decimal, Decimal, int]:
    """(outstanding, of it overdue, orders) over all open orders."""
    row = session.execute(text(
        "SELECT COALESCE(SUM(w.outstanding), 0),"
        " COALESCE(SUM(CASE WHEN o.payment_due_on < :d THEN w.outstanding ELSE 0 END), 0),"
        " COUNT(o.id)"
        f" FROM ({_owed(session, as_of)}) w JOIN orders o ON o.id = w.order_id"
        " WHERE w.outstanding > 0 AND o.ordered_on <= :d"), {"d": as_of}).one()
    return _k(row[0]), _k(row[1]), int(row[2])


def clients_by(session: Session, column: str, p: Period) -> list[CountRow]:
    """Clients (not archived) by status or segment, with their won revenue in the period."""
    if column not in ("status", "segment"):
        raise ValueError(column)
    rows = session.execute(text(
        f"SELECT c.{column}, COUNT(c.id), COALESCE(SUM(w.revenue), 0) FROM clients c"
        " LEFT JOIN (SELECT d.client_id, SUM(d.amount) AS revenue FROM deals d"
        "            JOIN stages st ON st.id = d.stage_id"
        f"            WHERE {won_stage_sql('st')} AND d.closed_on BETWEEN :a AND :b"
        "            GROUP BY d.client_id) w ON w.client_id = c.id"
        f" WHERE c.archived = 0 GROUP BY c.{column} ORDER BY COUNT(c.id) DESC"),
        {"a": p.first, "b": p.last}).all()
    return [CountRow(r[0] or "", int(r[1]), _k(r[2])) for r in rows]
