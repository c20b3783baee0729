"""The derived tables kept by triggers: the Plan tab's rollups (agg_*), the orders still to be
paid (agg_order_due, migration 0006) and their SQL, and bulk loads that fill them (and the
client search index, fts_clients) set-based once.

The one place the rollups' SQL lives (SQLite-specific): migration 0004 creates the tables and
fills them with `fill_statements()` and installs `TRIGGERS`; `bulk_load()` lets a generator
insert millions of rows without the per-row trigger work and then fills the derived tables
with the same set-based backfill (`tests/unit/test_rollups.py` compares both with a Python
recomputation). A later migration that changes a rollup must keep 0004's own statements
(copy them into 0004 first: a migration's result must never change) and update this module.

Derived tables, kept exact by triggers in the same transaction as the rows they derive
from, so the Plan tab sums a few monthly rows instead of scanning 300 000 deals and
1.5 M stage changes on every refresh (bench/bench_plan.py). Plan periods are whole months.

- `agg_stage_flow`: every stage change with the deal's *next* change (time and stage).
  A change inserted out of order (an import, a corrected date) re-links its deal's chain.
- `agg_client_won`: per client, the won deals' count, distinct closing days, first and
  last closing day (also as day numbers), sum, and sum of the year up to the last
  closing — what RFM and churn risk need "as of today".
- `agg_client_month`: per client and month, the won sum with running totals (ABC/XYZ).
- `agg_funnel_month`: stage entries by month, stage and next stage (the funnel).
- `agg_deal_group` → `agg_group_month`, `agg_region_month`, `agg_source_month`: won sums
  by month and product group / region and segment, deals opened and closed by month and
  source (plan actuals, breakdowns, lead sources).
- `agg_pay_month`, `agg_payment_group` → `agg_pay_group_month`: the same for payments
  (the "payments received" actual), a payment split over its deal's lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from app import service_calls

WON = "stage_id IN (SELECT id FROM stages WHERE is_won = 1)"


def _relink(deal: str) -> str:
    """Recompute the next change of every change of one deal (a deal has a handful)."""
    nxt = ("FROM agg_stage_flow n WHERE n.deal_id = agg_stage_flow.deal_id"
           " AND (n.changed_at, n.change_id) > (agg_stage_flow.changed_at,"
           " agg_stage_flow.change_id) ORDER BY n.changed_at, n.change_id LIMIT 1")
    return (f"UPDATE agg_stage_flow SET next_changed_at = (SELECT n.changed_at {nxt}),"
            f" next_stage_id = (SELECT n.to_stage_id {nxt}) WHERE deal_id = {deal};")


def _neighbour(row: str, side: str, cols: str) -> str:
    """The deal's change just before ('<') or after ('>') `row` (a stage_changes row)."""
    order = "DESC" if side == "<" else ""
    return (f"SELECT {cols} FROM agg_stage_flow n WHERE n.deal_id = {row}.deal_id"
            f" AND (n.changed_at, n.change_id) {side} ({row}.changed_at, {row}.id)"
            f" ORDER BY n.changed_at {order}, n.change_id {order} LIMIT 1")


def _flow_key(row: str, alias: str = "") -> str:
    """The agg_stage_flow row of stage change `row` (its primary key)."""
    a = f"{alias}." if alias else ""
    return (f"{a}to_stage_id = {row}.to_stage_id AND {a}changed_at = {row}.changed_at"
            f" AND {a}change_id = {row}.id")


def _flow_row(row: str) -> str:
    return ("INSERT INTO agg_stage_flow(to_stage_id, changed_at, change_id, deal_id)"
            f" VALUES ({row}.to_stage_id, {row}.changed_at, {row}.id, {row}.deal_id);")


# Inserting or deleting a change touches two rows of its deal's chain (the change before
# it and the change itself), found through (deal_id, changed_at): a bulk load of 1.5 M
# changes must not re-link whole chains per row.
FLOW_INSERT = (
    _flow_row("NEW")
    + "UPDATE agg_stage_flow SET (next_changed_at, next_stage_id) ="
    f" ({_neighbour('NEW', '>', 'n.changed_at, n.to_stage_id')}) WHERE {_flow_key('NEW')};"
    "UPDATE agg_stage_flow SET next_changed_at = NEW.changed_at, next_stage_id = NEW.to_stage_id"
    " WHERE deal_id = NEW.deal_id AND (changed_at, change_id) ="
    f" ({_neighbour('NEW', '<', 'n.changed_at, n.change_id')});")
FLOW_DELETE = (
    "UPDATE agg_stage_flow SET (next_changed_at, next_stage_id) ="
    " (SELECT o.next_changed_at, o.next_stage_id FROM agg_stage_flow o"
    f"  WHERE {_flow_key('OLD', 'o')})"
    " WHERE deal_id = OLD.deal_id AND (changed_at, change_id) ="
    f" ({_neighbour('OLD', '<', 'n.changed_at, n.change_id')});"
    f"DELETE FROM agg_stage_flow WHERE {_flow_key('OLD')};")


# Also the first and last closing day as day numbers (days since 1970-01-01): interval
# arithmetic on 30 000 clients with julianday() on text dates costs ~80 ms, on integers ~3.
# year_money: the won sum of the 365 days up to the last closing (churn risk's "at stake").
def _client_won_select(where: str) -> str:
    return (
        "INSERT INTO agg_client_won(client_id, n, days, first, last, first_day, last_day,"
        " money, year_money)"
        " SELECT client_id, COUNT(*), COUNT(DISTINCT closed_on), MIN(closed_on),"
        " MAX(closed_on), unixepoch(MIN(closed_on)) / 86400, unixepoch(MAX(closed_on)) / 86400,"
        " SUM(amount), SUM(CASE WHEN closed_on > date(latest, '-365 days') THEN amount END)"
        " FROM (SELECT client_id, closed_on, amount,"
        "       MAX(closed_on) OVER (PARTITION BY client_id) AS latest FROM deals"
        f"       WHERE {WON} AND closed_on IS NOT NULL{where})"
        " GROUP BY client_id;")


# agg_client_month: each client's won sums by month with running totals from its first
# month (amount, amount², months with purchases), so the sums over any months are the
# difference of two rows — ABC/XYZ reads a few rows per client instead of its deals.
def _client_month_select(where: str) -> str:
    return (
        "INSERT INTO agg_client_month(client_id, month, amount, cum_amount, cum_sq,"
        " cum_months)"
        " SELECT client_id, month, amount, SUM(amount) OVER w, SUM(amount * 1.0 * amount)"
        " OVER w, SUM(amount > 0) OVER w"
        " FROM (SELECT client_id, substr(closed_on, 1, 7) AS month, SUM(amount) AS amount"
        f"       FROM deals WHERE {WON} AND closed_on IS NOT NULL{where}"
        "       GROUP BY client_id, month)"
        " WINDOW w AS (PARTITION BY client_id ORDER BY month);")


def _client_won(client: str) -> str:
    return (f"DELETE FROM agg_client_won WHERE client_id = {client};"
            + _client_won_select(f" AND client_id = {client}")
            + f"DELETE FROM agg_client_month WHERE client_id = {client};"
            + _client_month_select(f" AND client_id = {client}"))


CLIENT_WON_ALL = ("DELETE FROM agg_client_won;" + _client_won_select("")
                  + "DELETE FROM agg_client_month;" + _client_month_select(""))


def _funnel_add(row: str, sign: str) -> str:
    """Add (sign '+') or take away ('-') one agg_stage_flow row's share of agg_funnel_month."""
    has_next = f"{row}.next_changed_at IS NOT NULL"
    seconds = f"unixepoch({row}.next_changed_at) - unixepoch({row}.changed_at)"
    return ("INSERT INTO agg_funnel_month(month, stage_id, next_stage_id, entries, dur_sum,"
            " dur_n)"
            f" VALUES (substr({row}.changed_at, 1, 7), {row}.to_stage_id,"
            f" COALESCE({row}.next_stage_id, 0), {sign}1,"
            f" {sign}(CASE WHEN {has_next} THEN {seconds} ELSE 0 END),"
            f" {sign}({has_next}))"
            " ON CONFLICT(month, stage_id, next_stage_id) DO UPDATE SET"
            " entries = entries + excluded.entries, dur_sum = dur_sum + excluded.dur_sum,"
            " dur_n = dur_n + excluded.dur_n;")


# a line's total in kopecks, half up, from the stored integers (quantity in thousandths,
# price in kopecks, discount in hundredths of a per cent): pricing.line_total's rule
LINE_TOTAL = "((l.quantity * l.price * (10000 - l.discount) + 5000000) / 10000000)"


def _deal_groups(deals: str) -> str:
    """Re-derive agg_deal_group for the deals matching `deals` (an expression over d.id)."""
    return (
        f"DELETE FROM agg_deal_group WHERE deal_id IN (SELECT d.id FROM deals d WHERE {deals});"
        "INSERT INTO agg_deal_group(deal_id, g, month, amount)"
        " SELECT deal_id, g, month, SUM(k) FROM ("
        "  SELECT d.id AS deal_id, COALESCE(pr.group_name, '') AS g,"
        f"   substr(d.closed_on, 1, 7) AS month, {LINE_TOTAL} AS k"
        "  FROM deals d JOIN deal_lines l ON l.deal_id = d.id"
        "  LEFT JOIN products pr ON pr.id = l.product_id"
        f"  WHERE ({deals}) AND d.{WON} AND d.closed_on IS NOT NULL"
        "  UNION ALL"
        "  SELECT d.id, '', substr(d.closed_on, 1, 7), d.amount - COALESCE("
        f"   (SELECT SUM({LINE_TOTAL}) FROM deal_lines l WHERE l.deal_id = d.id), 0)"
        f"  FROM deals d WHERE ({deals}) AND d.{WON} AND d.closed_on IS NOT NULL)"
        " GROUP BY deal_id, g, month HAVING SUM(k) <> 0;")


# adding into a (month, region, segment) row: agg_region_month and agg_pay_month
REGION_UPSERT = (" ON CONFLICT(month, region, segment) DO UPDATE SET"
                 " amount = amount + excluded.amount;")


def _deal_delta(row: str, sign: str) -> str:
    """Add or take away one deal's share of agg_region_month and agg_source_month."""
    return (
        # won: by closing month and the client's region and segment
        "INSERT INTO agg_region_month(month, region, segment, amount)"
        f" SELECT substr({row}.closed_on, 1, 7), c.region, c.segment, {sign}{row}.amount"
        f" FROM clients c WHERE c.id = {row}.client_id AND {row}.closed_on IS NOT NULL"
        f" AND {row}.{WON}"
        + REGION_UPSERT
        # opened: by creation month (UTC, as stored)
        + "INSERT INTO agg_source_month(month, source, opened, won, closed, revenue)"
        f" SELECT substr({row}.created_at, 1, 7), {row}.source, {sign}1, 0, 0, 0 WHERE 1"
        " ON CONFLICT(month, source) DO UPDATE SET opened = opened + excluded.opened;"
        # closed (won or lost): by closing month
        "INSERT INTO agg_source_month(month, source, opened, won, closed, revenue)"
        f" SELECT substr({row}.closed_on, 1, 7), {row}.source, 0, {sign}st.is_won, {sign}1,"
        f" {sign}(CASE WHEN st.is_won = 1 THEN {row}.amount ELSE 0 END)"
        f" FROM stages st WHERE st.id = {row}.stage_id AND (st.is_won = 1 OR st.is_lost = 1)"
        f" AND {row}.closed_on IS NOT NULL"
        " ON CONFLICT(month, source) DO UPDATE SET won = won + excluded.won,"
        " closed = closed + excluded.closed, revenue = revenue + excluded.revenue;")


def _client_regions(row: str, sign: str) -> str:
    """Add or take away all of one client's won sums under its region and segment."""
    return ("INSERT INTO agg_region_month(month, region, segment, amount)"
            f" SELECT substr(d.closed_on, 1, 7), {row}.region, {row}.segment,"
            f" {sign}SUM(d.amount) FROM deals d WHERE d.client_id = {row}.id"
            f" AND d.{WON} AND d.closed_on IS NOT NULL GROUP BY 1"
            + REGION_UPSERT)


REGION_SOURCE_ALL = (
    "DELETE FROM agg_region_month;"
    "INSERT INTO agg_region_month(month, region, segment, amount)"
    " SELECT substr(d.closed_on, 1, 7), c.region, c.segment, SUM(d.amount)"
    f" FROM deals d JOIN clients c ON c.id = d.client_id WHERE d.{WON}"
    " AND d.closed_on IS NOT NULL GROUP BY 1, 2, 3;"
    "DELETE FROM agg_source_month;"
    "INSERT INTO agg_source_month(month, source, opened, won, closed, revenue)"
    " SELECT month, source, SUM(opened), SUM(won), SUM(closed), SUM(revenue) FROM ("
    "  SELECT substr(created_at, 1, 7) AS month, source, 1 AS opened, 0 AS won, 0 AS closed,"
    "   0 AS revenue FROM deals"
    "  UNION ALL"
    "  SELECT substr(d.closed_on, 1, 7), d.source, 0, st.is_won, 1,"
    "   CASE WHEN st.is_won = 1 THEN d.amount ELSE 0 END"
    "  FROM deals d JOIN stages st ON st.id = d.stage_id"
    "  WHERE (st.is_won = 1 OR st.is_lost = 1) AND d.closed_on IS NOT NULL)"
    " GROUP BY month, source;")


def _payment_delta(row: str, sign: str) -> str:
    """Add or take away one payment under its order's client's region and segment."""
    return ("INSERT INTO agg_pay_month(month, region, segment, amount)"
            f" SELECT substr({row}.paid_on, 1, 7), c.region, c.segment, {sign}{row}.amount"
            f" FROM orders o JOIN clients c ON c.id = o.client_id WHERE o.id = {row}.order_id"
            + REGION_UPSERT)


def _payments_moved(where: str, region: str, segment: str, sign: str) -> str:
    """Add or take away the payments of the orders matching `where` (over o) as a whole."""
    return ("INSERT INTO agg_pay_month(month, region, segment, amount)"
            f" SELECT substr(p.paid_on, 1, 7), {region}, {segment}, {sign}SUM(p.amount)"
            f" FROM payments p JOIN orders o ON o.id = p.order_id WHERE {where} GROUP BY 1"
            + REGION_UPSERT)


def _payment_groups(payments: str) -> str:
    """Re-derive agg_payment_group for the payments matching `payments` (over p): each
    payment split over its order's deal lines by line total, the rest under ''. A payment
    without an order (a client's credit, migration 0010) counts in no group until it is
    allocated (migration 0012)."""
    alloc = (
        "SELECT id, g, month, CAST(ROUND(CAST(amount AS REAL) * k / total) AS INTEGER) AS k"
        " FROM (SELECT id, month, amount, g, k, SUM(k) OVER (PARTITION BY id) AS total"
        "  FROM (SELECT p.id, substr(p.paid_on, 1, 7) AS month, p.amount,"
        f"   COALESCE(pr.group_name, '') AS g, SUM({LINE_TOTAL}) AS k"
        "   FROM payments p JOIN orders o ON o.id = p.order_id"
        "   JOIN deal_lines l ON l.deal_id = o.deal_id"
        "   LEFT JOIN products pr ON pr.id = l.product_id"
        f"   WHERE {payments} GROUP BY p.id, g))"
        " WHERE total > 0")
    return (
        "DELETE FROM agg_payment_group WHERE payment_id IN"
        f" (SELECT p.id FROM payments p WHERE {payments});"
        "INSERT INTO agg_payment_group(payment_id, g, month, amount)"
        " SELECT id, g, month, SUM(k) FROM ("
        f"  SELECT id, g, month, k FROM ({alloc})"
        "  UNION ALL"
        f"  SELECT p.id, '', substr(p.paid_on, 1, 7), p.amount FROM payments p WHERE {payments}"
        "   AND p.order_id IS NOT NULL"
        "  UNION ALL"
        f"  SELECT id, '', month, -k FROM ({alloc}))"
        " GROUP BY id, g, month HAVING SUM(k) <> 0;")


def _client_dims(order: str) -> tuple[str, str]:
    """The region and segment of an order's client, as SQL expressions."""
    region, segment = (f"(SELECT {col} FROM clients WHERE id = {order}.client_id)"
                       for col in ("region", "segment"))
    return region, segment


PAY_ORDERS_OF_DEALS = "p.order_id IN (SELECT id FROM orders WHERE deal_id IN ({deals}))"

PAY_MONTH_ALL = (
    "INSERT INTO agg_pay_month(month, region, segment, amount)"
    " SELECT substr(p.paid_on, 1, 7), c.region, c.segment, SUM(p.amount)"
    " FROM payments p JOIN orders o ON o.id = p.order_id JOIN clients c ON c.id = o.client_id"
    " GROUP BY 1, 2, 3;")


def _group_month_add(row: str, sign: str) -> str:
    return ("INSERT INTO agg_group_month(month, g, amount)"
            f" VALUES ({row}.month, {row}.g, {sign}{row}.amount)"
            " ON CONFLICT(month, g) DO UPDATE SET amount = amount + excluded.amount;")

TRIGGERS = {
    "agg_stage_flow_ai": ("AFTER INSERT ON stage_changes", FLOW_INSERT),
    "agg_stage_flow_ad": ("AFTER DELETE ON stage_changes", FLOW_DELETE),
    # a corrected date or a change moved to another deal (rare): re-link both chains
    "agg_stage_flow_au": ("AFTER UPDATE OF deal_id, to_stage_id, changed_at ON stage_changes",
                          f"DELETE FROM agg_stage_flow WHERE {_flow_key('OLD')};"
                          + _flow_row("NEW") + _relink("OLD.deal_id")
                          + _relink("NEW.deal_id")),
    "agg_client_won_ai": ("AFTER INSERT ON deals", _client_won("NEW.client_id")),
    "agg_client_won_ad": ("AFTER DELETE ON deals", _client_won("OLD.client_id")),
    "agg_client_won_au": ("AFTER UPDATE OF client_id, stage_id, closed_on, amount ON deals",
                          _client_won("OLD.client_id") + _client_won("NEW.client_id")),
    "agg_client_won_stages": ("AFTER UPDATE OF is_won ON stages", CLIENT_WON_ALL),
    # agg_funnel_month follows agg_stage_flow row by row
    "agg_funnel_month_ai": ("AFTER INSERT ON agg_stage_flow", _funnel_add("NEW", "+")),
    "agg_funnel_month_ad": ("AFTER DELETE ON agg_stage_flow", _funnel_add("OLD", "-")),
    "agg_funnel_month_au": ("AFTER UPDATE ON agg_stage_flow WHEN"
                            " OLD.next_changed_at IS NOT NEW.next_changed_at"
                            " OR OLD.next_stage_id IS NOT NEW.next_stage_id",
                            _funnel_add("OLD", "-") + _funnel_add("NEW", "+")),
    # agg_deal_group: re-derived for a deal whenever it or its lines change
    "agg_deal_group_deal_ai": ("AFTER INSERT ON deals", _deal_groups("d.id = NEW.id")),
    "agg_deal_group_deal_au": ("AFTER UPDATE OF stage_id, closed_on, amount ON deals",
                               _deal_groups("d.id = NEW.id")),
    "agg_deal_group_deal_ad": ("AFTER DELETE ON deals",
                               "DELETE FROM agg_deal_group WHERE deal_id = OLD.id;"),
    "agg_deal_group_line_ai": ("AFTER INSERT ON deal_lines",
                               _deal_groups("d.id = NEW.deal_id")),
    "agg_deal_group_line_au": ("AFTER UPDATE OF deal_id, product_id, quantity, price, discount"
                               " ON deal_lines",
                               _deal_groups("d.id IN (OLD.deal_id, NEW.deal_id)")),
    "agg_deal_group_line_ad": ("AFTER DELETE ON deal_lines",
                               _deal_groups("d.id = OLD.deal_id")),
    "agg_deal_group_product": ("AFTER UPDATE OF group_name ON products",
                               _deal_groups("d.id IN (SELECT deal_id FROM deal_lines"
                                            " WHERE product_id = NEW.id)")),
    "agg_deal_group_stages": ("AFTER UPDATE OF is_won ON stages", _deal_groups("1")),
    # agg_region_month and agg_source_month: a deal's old share out, its new share in
    "agg_region_source_ai": ("AFTER INSERT ON deals", _deal_delta("NEW", "+")),
    "agg_region_source_ad": ("AFTER DELETE ON deals", _deal_delta("OLD", "-")),
    "agg_region_source_au": ("AFTER UPDATE OF stage_id, closed_on, amount, client_id, source,"
                             " created_at ON deals",
                             _deal_delta("OLD", "-") + _deal_delta("NEW", "+")),
    "agg_region_client_au": ("AFTER UPDATE OF region, segment ON clients",
                             _client_regions("OLD", "-") + _client_regions("NEW", "+")),
    "agg_region_source_stages": ("AFTER UPDATE OF is_won, is_lost ON stages",
                                 REGION_SOURCE_ALL),
    # payments: agg_pay_month by deltas, agg_payment_group re-derived per payment
    "agg_pay_ai": ("AFTER INSERT ON payments",
                   _payment_delta("NEW", "+") + _payment_groups("p.id = NEW.id")),
    "agg_pay_ad": ("AFTER DELETE ON payments",
                   _payment_delta("OLD", "-")
                   + "DELETE FROM agg_payment_group WHERE payment_id = OLD.id;"),
    "agg_pay_au": ("AFTER UPDATE OF order_id, paid_on, amount ON payments",
                   _payment_delta("OLD", "-") + _payment_delta("NEW", "+")
                   + _payment_groups("p.id = NEW.id")),
    "agg_pay_order_client": ("AFTER UPDATE OF client_id ON orders",
                             _payments_moved("o.id = OLD.id", *_client_dims("OLD"), "-")
                             + _payments_moved("o.id = NEW.id", *_client_dims("NEW"), "+")),
    "agg_pay_order_deal": ("AFTER UPDATE OF deal_id ON orders",
                           _payment_groups("p.order_id = NEW.id")),
    "agg_pay_client": ("AFTER UPDATE OF region, segment ON clients",
                       _payments_moved("o.client_id = OLD.id", "OLD.region", "OLD.segment", "-")
                       + _payments_moved("o.client_id = NEW.id", "NEW.region", "NEW.segment",
                                         "+")),
    "agg_pay_line_ai": ("AFTER INSERT ON deal_lines", _payment_groups(
        PAY_ORDERS_OF_DEALS.format(deals="NEW.deal_id"))),
    "agg_pay_line_au": ("AFTER UPDATE OF deal_id, product_id, quantity, price, discount"
                        " ON deal_lines", _payment_groups(
                            PAY_ORDERS_OF_DEALS.format(deals="OLD.deal_id, NEW.deal_id"))),
    "agg_pay_line_ad": ("AFTER DELETE ON deal_lines", _payment_groups(
        PAY_ORDERS_OF_DEALS.format(deals="OLD.deal_id"))),
    "agg_pay_product": ("AFTER UPDATE OF group_name ON products", _payment_groups(
        PAY_ORDERS_OF_DEALS.format(
            deals="SELECT deal_id FROM deal_lines WHERE product_id = NEW.id"))),
    "agg_pay_group_month_ai": ("AFTER INSERT ON agg_payment_group",
                               _group_month_add("NEW", "+").replace("agg_group_month",
                                                                    "agg_pay_group_month")),
    "agg_pay_group_month_ad": ("AFTER DELETE ON agg_payment_group",
                               _group_month_add("OLD", "-").replace("agg_group_month",
                                                                    "agg_pay_group_month")),
    # agg_group_month follows agg_deal_group row by row
    "agg_group_month_ai": ("AFTER INSERT ON agg_deal_group", _group_month_add("NEW", "+")),
    "agg_group_month_ad": ("AFTER DELETE ON agg_deal_group", _group_month_add("OLD", "-")),
}


# Every rollup table, each after the ones it is derived from.
TABLES = ("agg_stage_flow", "agg_funnel_month", "agg_client_won", "agg_client_month",
          "agg_deal_group", "agg_group_month", "agg_pay_month", "agg_payment_group",
          "agg_pay_group_month", "agg_region_month", "agg_source_month")


# The orders with money still to come (migrations 0006, 0013), for the Today tab's payments
# due and overdue money: not cancelled, a due date, paid less than the amount; the order's
# client and the balance in kopecks.
ORDER_DUE_SELECT = (
    "INSERT INTO agg_order_due(order_id, client_id, due_on, outstanding)"
    " SELECT o.id, o.client_id, o.payment_due_on,"
    " o.amount - COALESCE((SELECT SUM(p.amount) FROM payments p"
    " WHERE p.order_id = o.id), 0) AS outstanding FROM orders o"
    " WHERE {where} AND o.status != 'cancelled' AND o.payment_due_on IS NOT NULL"
    " AND o.amount > COALESCE((SELECT SUM(p.amount) FROM payments p"
    " WHERE p.order_id = o.id), 0);")


def _order_due(order: str) -> str:
    """Re-derive one order's row of agg_order_due (none when nothing is owed)."""
    return (f"DELETE FROM agg_order_due WHERE order_id = {order};"
            + ORDER_DUE_SELECT.format(where=f"o.id = {order}"))


ORDER_DUE_TRIGGERS = {
    "due_order_order_ai": ("AFTER INSERT ON orders", _order_due("NEW.id")),
    "due_order_order_au": ("AFTER UPDATE OF amount, status, payment_due_on, client_id"
                           " ON orders",
                           _order_due("NEW.id")),
    "due_order_order_ad": ("AFTER DELETE ON orders",
                           "DELETE FROM agg_order_due WHERE order_id = OLD.id;"),
    "due_order_pay_ai": ("AFTER INSERT ON payments", _order_due("NEW.order_id")),
    "due_order_pay_au": ("AFTER UPDATE OF order_id, amount ON payments",
                         _order_due("OLD.order_id") + _order_due("NEW.order_id")),
    "due_order_pay_ad": ("AFTER DELETE ON payments", _order_due("OLD.order_id")),
}


def _statements(script: str) -> list[str]:
    return [s for s in script.split(";") if s.strip()]


def fill_statements() -> list[str]:
    """The set-based backfill of every rollup from the base tables, in dependency order.

    Expects empty rollup tables and no rollup triggers (else rows would count twice):
    migration 0004 runs it right after creating the tables, `bulk_load` after emptying them.
    """
    return [
        "INSERT INTO agg_stage_flow"
        " SELECT to_stage_id, changed_at, id, deal_id,"
        " LEAD(changed_at) OVER w, LEAD(to_stage_id) OVER w"
        " FROM stage_changes WINDOW w AS (PARTITION BY deal_id ORDER BY changed_at, id)",
        *_statements(CLIENT_WON_ALL),
        "INSERT INTO agg_funnel_month"
        " SELECT substr(changed_at, 1, 7), to_stage_id, COALESCE(next_stage_id, 0), COUNT(*),"
        " COALESCE(SUM(unixepoch(next_changed_at) - unixepoch(changed_at)), 0),"
        " COUNT(next_changed_at)"
        " FROM agg_stage_flow GROUP BY 1, 2, 3",
        *_statements(_deal_groups("1"))[1:],  # the table is empty: no DELETE
        "INSERT INTO agg_group_month SELECT month, g, SUM(amount) FROM agg_deal_group"
        " GROUP BY month, g",
        PAY_MONTH_ALL,
        *_statements(_payment_groups("1"))[1:],  # the table is empty: no DELETE
        "INSERT INTO agg_pay_group_month SELECT month, g, SUM(amount)"
        " FROM agg_payment_group GROUP BY month, g",
        *_statements(REGION_SOURCE_ALL),
    ]


_TRIGGERS_SQL = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid"
# The client search index (migration 0002) is kept by the triggers of the three tables it
# reads; its row of one client is spelled in the insert trigger's body, and the same
# statement without its WHERE fills every client's, as 0002 filled the table.
_SEARCH_TRIGGERS = ("fts_clients_", "fts_contacts_", "fts_client_tags_", "fts_deals_",
                    "fts_client_names_")
_SEARCH_TRIGGER = "fts_clients_ai"
_SEARCH_ROW_WHERE = "WHERE c.id = NEW.id;"
# The deal title index (migration 0017, trigram): the title with ё folded into е, per deal
DEAL_SEARCH_TITLE = "replace(replace({title}, 'ё', 'е'), 'Ё', 'Е')"
DEAL_SEARCH_FILL = ("INSERT INTO fts_deals(rowid, title) SELECT id, "
                    + DEAL_SEARCH_TITLE.format(title="title") + " FROM deals")
# The client names' fragment index (migration 0019, trigram): a client's row (`{row}`: NEW
# in a trigger, a table alias in the fill)
CLIENT_NAMES_ROW = ("{row}.id, replace(replace({row}.name || ' ' || {row}.full_name, 'ё', 'е'),"
                    " 'Ё', 'Е')")
CLIENT_NAMES_FILL = ("INSERT INTO fts_client_names(rowid, names) SELECT "
                     + CLIENT_NAMES_ROW.format(row="c") + " FROM clients c")
BULK_CACHE_KIB = 256 * 1024  # the page cache of a bulk load (the connection's own after it)


def _suspended(name: str) -> bool:
    """A trigger whose table bulk_load fills itself: only those (a trigger of another
    derived table keeps working row by row, so its table stays right)."""
    return (name in TRIGGERS or name in ORDER_DUE_TRIGGERS or name.startswith(_SEARCH_TRIGGERS)
            or name in service_calls.BULK_TRIGGERS)


def _search_fill(trigger_sql: str) -> str:
    body = trigger_sql[trigger_sql.index(" BEGIN ") + len(" BEGIN "):trigger_sql.rindex(" END")]
    if body.count(_SEARCH_ROW_WHERE) != 1:
        raise RuntimeError(f"{_SEARCH_TRIGGER} no longer has the shape bulk_load knows")
    return body.replace(_SEARCH_ROW_WHERE, ";")


@contextmanager
def bulk_load(connection: Connection) -> Iterator[None]:
    """Insert rows in bulk with the derived tables' triggers off; fill those tables once after.

    Inside the caller's transaction: the rollups' triggers (`TRIGGERS`), the client
    search index's and the per-row ones of the clients due a service call
    (`service_calls.BULK_TRIGGERS`) are dropped, the caller inserts and updates as it
    likes, then every rollup, the client search index and agg_service_due are
    emptied and filled set-based from the base tables, and the triggers re-created from
    their saved SQL in their original order. An exception leaves the triggers dropped in an
    uncommitted transaction, which the caller rolls back, so the file never lacks them.
    """
    if not connection.in_transaction():
        raise RuntimeError("bulk_load must run inside the caller's transaction")
    saved = [(name, sql) for name, sql in connection.exec_driver_sql(_TRIGGERS_SQL)
             if _suspended(name)]
    search = dict(saved).get(_SEARCH_TRIGGER)
    for name, _sql in saved:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    # Millions of rows land in indexes in random key order: with the default 2 MB page cache
    # most of them miss it (a 1 GB demo took 3.5× the time of a third of it).
    cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
        for table in TABLES:
            connection.exec_driver_sql(f"DELETE FROM {table}")
        for statement in fill_statements():
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("DELETE FROM agg_order_due")
        connection.exec_driver_sql(ORDER_DUE_SELECT.format(where="1"))
        for statement in service_calls.refill_due_statements():  # the clients due a call
            connection.exec_driver_sql(statement)
        if search is not None:
            connection.exec_driver_sql("DELETE FROM fts_clients")
            connection.exec_driver_sql(_search_fill(search))
        if "fts_client_names_ai" in dict(saved):  # names by fragment (migration 0019)
            connection.exec_driver_sql("DELETE FROM fts_client_names")
            connection.exec_driver_sql(CLIENT_NAMES_FILL)
        if "fts_deals_ai" in dict(saved):  # deal titles by fragment (migration 0017)
            connection.exec_driver_sql("DELETE FROM fts_deals")
            connection.exec_driver_sql(DEAL_SEARCH_FILL)
        for _name, sql in saved:
            connection.exec_driver_sql(sql)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
