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
from app.services.receivables import Aging
from app.services.receivables.aging import aging_in, days_overdue, owed_orders, owed_totals


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


def receivables(session: Session, as_of: date, limit: int = 40) -> list[Receivable]:
    """Orders (not cancelled) with money still owed, most overdue first (what an order owes
    as of a day, and its days overdue, are the receivables area's: `owed_orders`)."""
    return [Receivable(o.number, o.client_name, o.ordered_on, o.due_on, o.amount, o.paid,
                       o.outstanding, days_overdue(o.due_on, as_of))
            for o in owed_orders(session, as_of, limit=limit)]


def receivables_total(session: Session, as_of: date) -> tuple[Decimal, Decimal, int]:
    """(outstanding, of it overdue, orders) over all open orders."""
    return owed_totals(session, as_of)


def receivables_aging(session: Session, as_of: date) -> Aging:
    """Every client's debt by aging bucket (the receivables area's rule), with credit."""
    return aging_in(session, as_of)


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
