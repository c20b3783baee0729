"""The Orders tab's list: one page of orders, newest first, with what has been paid and
shipped and the late flags, in one query; the count in a second.

The page's ids are chosen first (filters, order, LIMIT/OFFSET over `orders` alone); the sums
(paid, ordered and shipped quantities) and the flags are subqueries run for those rows only,
each through an index (payments.order_id, order_lines.order_id, shipments.order_id,
agg_order_due's key). "Просрочено" is a payment overdue (from `agg_order_due`, migration
0006), a shipment or delivery late, or the agreed ship date passed with goods still to leave.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from app.domain.money import from_kopecks
from app.i18n import translate
from app.models import ORDER_STATUSES
from app.services.clients.matching import fts_match_expression
from app.services.errors import ValidationError
from app.services.orders.codes import OPEN_SHIPMENT_STATUSES, order_status_label
from app.services.orders.dtos import OrderFilter, OrderPage, OrderRow
from app.services.orders.reading import (
    UNSHIPPED_ORDER_STATUSES,
    order_late_shipment,
    shipped_pct,
)
from app.services.orders.rules import left_sql
from app.services.uow import UowFactory

MAX_PAGE = 1000


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# a shipment late to leave / to arrive (reading.late_shipment / late_delivery in SQL),
# written so that the (status, planned_on) index finds them
LATE_SHIPMENT_SQL = ("sh.status IN ('preparing', 'problem') AND sh.planned_on < :today"
                     " AND NOT (sh.status = 'problem' AND sh.shipped_on IS NOT NULL)")
LATE_DELIVERY_SQL = (f"sh.status IN ({_quoted(OPEN_SHIPMENT_STATUSES)})"
                     " AND sh.planned_delivery_on < :today")


def _of_the_order(condition: str) -> str:
    """`condition` for one order's shipments, found by their order_id index: "+" keeps the
    planner off the status index, which would walk every late shipment for each order."""
    return f"sh.order_id = o.id AND {condition.replace('sh.status IN', '+sh.status IN')}"


def order_late_sql(order: str = "o") -> str:
    """`reading.order_late_shipment` in SQL: the agreed ship date passed, goods to leave."""
    return (f"{order}.status IN ({_quoted(UNSHIPPED_ORDER_STATUSES)})"
            f" AND {order}.ship_by < :today")


# "просрочено": the ids of the orders overdue or late, each part from a small set (the
# orders owing money, the shipments not yet gone or not yet delivered)
LIVE = "o2.status NOT IN ('cancelled', 'closed')"
OVERDUE_IDS_SQL = (
    "SELECT a.order_id FROM agg_order_due a WHERE a.due_on < :today"
    " UNION ALL SELECT sh.order_id FROM shipments sh JOIN orders o2 ON o2.id = sh.order_id"
    f" WHERE {LATE_SHIPMENT_SQL} AND {LIVE}"
    " UNION ALL SELECT sh.order_id FROM shipments sh JOIN orders o2 ON o2.id = sh.order_id"
    f" WHERE {LATE_DELIVERY_SQL} AND {LIVE}"
    f" UNION ALL SELECT o2.id FROM orders o2 WHERE {order_late_sql('o2')}")


def _where(flt: OrderFilter, today: date) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {"today": today.isoformat()}
    if flt.status:
        if flt.status not in ORDER_STATUSES:
            raise ValidationError.single("status", translate("Orders", "Неизвестный статус"))
        where.append("o.status = :status")
        params["status"] = flt.status
    if flt.client_id is not None:
        where.append("o.client_id = :client_id")
        params["client_id"] = flt.client_id
    if flt.start is not None:
        where.append("o.ordered_on >= :start")
        params["start"] = flt.start.isoformat()
    if flt.end is not None:
        where.append("o.ordered_on <= :end")
        params["end"] = flt.end.isoformat()
    if flt.overdue_only:
        where.append(f"o.id IN ({OVERDUE_IDS_SQL})")
    words = flt.text.strip()
    if words:
        # the number as typed (numbers are upper case), or the client by the search index
        params["number"] = "%" + words.upper().replace("\\", "\\\\").replace(
            "%", "\\%").replace("_", "\\_") + "%"
        match = fts_match_expression(words)
        if match:
            # two small sets (the number index, the client's orders by client) instead of
            # a test of both on every order
            where.append("o.id IN (SELECT o2.id FROM orders o2"
                         " WHERE o2.number LIKE :number ESCAPE '\\'"
                         " UNION ALL SELECT o2.id FROM orders o2 WHERE o2.client_id IN"
                         " (SELECT rowid FROM fts_clients WHERE fts_clients MATCH :match))")
            params["match"] = match
        else:
            where.append("o.number LIKE :number ESCAPE '\\'")
    return where, params


def page_sql(condition: str) -> str:
    """One page of the orders matching `condition` (over `orders o`), with their sums and
    flags; parameters :today, :limit, :offset and the condition's."""
    return (
        "SELECT o.id, o.number, o.ordered_on, o.client_id, c.name, o.amount,"
        " o.payment_due_on, o.status, o.ship_by,"
        " (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.order_id = o.id),"
        " (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l"
        "  WHERE l.order_id = o.id),"
        " (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipments sh"
        "  JOIN shipment_lines sl ON sl.shipment_id = sh.id"
        f"  WHERE sh.order_id = o.id AND {left_sql('sh')}),"
        f" EXISTS (SELECT 1 FROM shipments sh WHERE {_of_the_order(LATE_SHIPMENT_SQL)}),"
        f" EXISTS (SELECT 1 FROM shipments sh WHERE {_of_the_order(LATE_DELIVERY_SQL)}),"
        " EXISTS (SELECT 1 FROM agg_order_due a WHERE a.order_id = o.id"
        "  AND a.due_on < :today)"
        " FROM (SELECT o.id AS id FROM orders o"
        f"  WHERE {condition} ORDER BY o.ordered_on DESC, o.id DESC"
        "  LIMIT :limit OFFSET :offset) page"
        " JOIN orders o ON o.id = page.id JOIN clients c ON c.id = o.client_id"
        " ORDER BY o.ordered_on DESC, o.id DESC")


def count_sql(condition: str) -> str:
    return f"SELECT COUNT(*) FROM orders o WHERE {condition}"


class OrderList:
    """The Orders tab's page of orders."""

    _uow: UowFactory

    def list_orders(self, flt: OrderFilter, *, today: date | None = None, limit: int = 200,
                    offset: int = 0) -> OrderPage:
        """One page of the orders `flt` selects, newest first, and how many there are."""
        today = today or date.today()
        limit = max(1, min(int(limit), MAX_PAGE))
        offset = max(0, int(offset))
        where, params = _where(flt, today)
        condition = " AND ".join(f"({w})" for w in where) or "1 = 1"
        page, count = page_sql(condition), count_sql(condition)
        with self._uow(read_only=True) as uow:
            conn = uow.session
            rows = conn.execute(text(page),
                                {**params, "limit": limit, "offset": offset}).all()
            total = int(conn.execute(text(count), params).scalar_one())
        out = []
        for (oid, number, ordered_on, client_id, client_name, amount, due, status, ship_by,
             paid, ordered_qty, gone_qty, late_ship, late_delivery, overdue) in rows:
            done = status in ("closed", "cancelled")
            ship_by_day = _day(ship_by)
            out.append(OrderRow(
                id=oid, number=number, ordered_on=_day(ordered_on) or today,
                client_id=client_id, client_name=client_name, amount=from_kopecks(amount),
                paid=from_kopecks(paid),
                shipped_pct=shipped_pct(_quantity(gone_qty), _quantity(ordered_qty)),
                payment_due_on=_day(due), status=status,
                status_label=order_status_label(status),
                late_shipment=not done and (bool(late_ship) or order_late_shipment(
                    status, ship_by_day, today)),
                late_delivery=not done and bool(late_delivery),
                overdue=bool(overdue)))
        return OrderPage(rows=tuple(out), total=total)


def _day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _quantity(thousandths: int | None) -> Decimal:
    return Decimal(int(thousandths or 0)).scaleb(-3)
