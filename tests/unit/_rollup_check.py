"""Every trigger-kept rollup (migrations 0004 and 0006) recomputed in Python from the raw rows.

Shared by tests/unit/test_rollups.py (after every kind of change) and the crash and
power-loss tests (after every kill). The recomputation is Python over plain SELECTs of the
base tables, not the triggers' SQL again, so a wrong formula in a trigger (a line total, an
allocation, a window) cannot pass. `s` is a Session or a Connection: both only `execute`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

KOPECK = Decimal("0.01")
EPOCH = date(1970, 1, 1)


def _whole_second(value: str) -> datetime:
    """A stored timestamp without its fraction of a second."""
    return datetime.fromisoformat(value).replace(microsecond=0)


def _month(value: str) -> str:
    """'2026-03' for a stored date or UTC timestamp ('2026-03-01', '2026-03-01 09:00:00...')."""
    return f"{datetime.fromisoformat(value):%Y-%m}"


def line_kopecks(quantity: int, price: int, discount: int) -> int:
    """A line's total from its stored integers (quantity in thousandths, price in kopecks,
    discount in hundredths of a per cent): quantity × price less the discount, half-up."""
    rubles = (Decimal(quantity) / 1000 * (Decimal(price) / 100)
              * (100 - Decimal(discount) / 100) / 100)
    return int(rubles.quantize(KOPECK, ROUND_HALF_UP) * 100)


def recompute_rollups(s: Session | Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every rollup worked out in Python from plain SELECTs of the base tables."""
    def rows(sql: str) -> list[Any]:
        return list(s.execute(text(sql)).all())

    stages = {i: (won, lost) for i, won, lost in rows("SELECT id, is_won, is_lost FROM stages")}
    clients = {i: (r, g) for i, r, g in rows("SELECT id, region, segment FROM clients")}
    group_of = {i: g or "" for i, g in rows("SELECT id, group_name FROM products")}
    deals = rows("SELECT id, client_id, stage_id, amount, closed_on, created_at, source"
                 " FROM deals")
    lines: dict[int, list[tuple[str, int]]] = defaultdict(list)  # deal → (group, kopecks)
    for deal_id, product_id, quantity, price, discount in rows(
            "SELECT deal_id, product_id, quantity, price, discount FROM deal_lines"):
        group = group_of[product_id] if product_id is not None else ""
        lines[deal_id].append((group, line_kopecks(quantity, price, discount)))
    orders = {i: (c, d) for i, c, d in rows("SELECT id, client_id, deal_id FROM orders")}
    # a payment not allocated to an order (the client's credit) counts in no rollup
    payments = rows("SELECT order_id, paid_on, amount FROM payments WHERE order_id IS NOT NULL")
    changes = rows("SELECT id, deal_id, to_stage_id, changed_at FROM stage_changes")
    won = [d for d in deals if stages[d.stage_id][0] and d.closed_on is not None]
    out: dict[str, list[tuple[Any, ...]]] = {}

    # each stage change with the deal's next one (by time, then id)
    by_deal: dict[int, list[Any]] = defaultdict(list)
    for change in changes:
        by_deal[change.deal_id].append(change)
    flow = []
    for chain in by_deal.values():
        chain.sort(key=lambda c: (datetime.fromisoformat(c.changed_at), c.id))
        for change, after in zip(chain, [*chain[1:], None], strict=True):
            flow.append((change.to_stage_id, change.changed_at, change.id, change.deal_id,
                         after and after.changed_at, after and after.to_stage_id))
    out["agg_stage_flow"] = flow

    funnel: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0, 0])
    for stage, at, _id, _deal, next_at, next_stage in flow:
        row = funnel[(_month(at), stage, next_stage or 0)]
        row[0] += 1
        if next_at is not None:
            # seconds between the two changes' whole seconds (as SQLite's unixepoch() of each):
            # 10.9 s → 11.1 s is one second, not int(0.2) = 0 — the two moves of a test a
            # moment apart crossed a second now and then, and the twins disagreed
            row[1] += int((_whole_second(next_at) - _whole_second(at)).total_seconds())
            row[2] += 1
    out["agg_funnel_month"] = [(*k, *v) for k, v in funnel.items()]

    # per client: won deals, distinct days, first and last day, money, the last year's money
    per_client: dict[int, list[Any]] = defaultdict(list)
    for d in won:
        per_client[d.client_id].append((date.fromisoformat(d.closed_on), d.amount))
    client_won, client_month = [], []
    for client, bought in per_client.items():
        first, last = min(day for day, _ in bought), max(day for day, _ in bought)
        client_won.append((
            client, len(bought), len({day for day, _ in bought}), first.isoformat(),
            last.isoformat(), (first - EPOCH).days, (last - EPOCH).days,
            sum(a for _, a in bought),
            sum(a for day, a in bought if day > last - timedelta(days=365))))
        months: dict[str, int] = defaultdict(int)
        for day, amount in bought:
            months[f"{day:%Y-%m}"] += amount
        total, squares, buying = 0, 0, 0
        for month in sorted(months):
            total += months[month]
            squares += months[month] ** 2
            buying += months[month] > 0
            client_month.append((client, month, months[month], total, squares, buying))
    out["agg_client_won"] = client_won
    out["agg_client_month"] = client_month

    # won deals by closing month: per product group (the part not in lines under '') and
    # per client region and segment
    groups: dict[tuple[Any, ...], int] = defaultdict(int)
    regions: dict[tuple[Any, ...], int] = defaultdict(int)
    for d in won:
        month = _month(d.closed_on)
        for group, kopecks in lines[d.id]:
            groups[(month, group)] += kopecks
        groups[(month, "")] += d.amount - sum(k for _, k in lines[d.id])
        regions[(month, *clients[d.client_id])] += d.amount
    out["agg_group_month"] = [(*k, v) for k, v in groups.items() if v]
    out["agg_region_month"] = [(*k, v) for k, v in regions.items() if v]

    # payments by payment month: per the order's client region and segment; per product
    # group in proportion to the order's deal lines (rounded half-up, the rest under '')
    pay: dict[tuple[Any, ...], int] = defaultdict(int)
    pay_groups: dict[tuple[Any, ...], int] = defaultdict(int)
    for order_id, paid_on, amount in payments:
        client, deal = orders[order_id]
        month = _month(paid_on)
        pay[(month, *clients[client])] += amount
        shares: dict[str, int] = defaultdict(int)
        for group, kopecks in lines.get(deal, []) if deal is not None else []:
            shares[group] += kopecks
        whole = sum(shares.values())
        rest = amount
        for group, kopecks in shares.items():
            if whole > 0 and group:
                part = int((Decimal(amount) * kopecks / whole).quantize(1, ROUND_HALF_UP))
                pay_groups[(month, group)] += part
                rest -= part
        pay_groups[(month, "")] += rest
    out["agg_pay_month"] = [(*k, v) for k, v in pay.items() if v]
    out["agg_pay_group_month"] = [(*k, v) for k, v in pay_groups.items() if v]

    # lead sources: deals opened by creation month; won / closed (won or lost) and won
    # revenue by closing month
    sources: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for d in deals:
        sources[(_month(d.created_at), d.source)][0] += 1
        is_won, is_lost = stages[d.stage_id]
        if (is_won or is_lost) and d.closed_on is not None:
            row = sources[(_month(d.closed_on), d.source)]
            row[1] += bool(is_won)
            row[2] += 1
            row[3] += d.amount if is_won else 0
    out["agg_source_month"] = [(*k, *v) for k, v in sources.items()]

    # orders with money still to come (migrations 0006, 0013): not cancelled, a due date, paid
    # less than the amount; the client and the balance in kopecks
    paid: dict[int, int] = defaultdict(int)
    for order_id, _paid_on, amount in payments:
        paid[order_id] += amount
    out["agg_order_due"] = [
        (oid, client, due, amount - paid[oid])
        for oid, client, amount, status, due in rows(
            "SELECT id, client_id, amount, status, payment_due_on FROM orders")
        if status != "cancelled" and due is not None and amount > paid[oid]]
    return out


ROLLUPS = {  # what each rollup table holds that counts (rows summing to nothing may linger)
    "agg_stage_flow": "SELECT * FROM agg_stage_flow",
    "agg_funnel_month": "SELECT * FROM agg_funnel_month WHERE entries <> 0",
    "agg_client_won": "SELECT * FROM agg_client_won",
    "agg_client_month": "SELECT * FROM agg_client_month",
    "agg_group_month": "SELECT * FROM agg_group_month WHERE amount <> 0",
    "agg_region_month": "SELECT * FROM agg_region_month WHERE amount <> 0",
    "agg_pay_month": "SELECT * FROM agg_pay_month WHERE amount <> 0",
    "agg_pay_group_month": "SELECT * FROM agg_pay_group_month WHERE amount <> 0",
    "agg_source_month": "SELECT * FROM agg_source_month WHERE opened <> 0 OR closed <> 0",
    "agg_order_due": "SELECT order_id, client_id, due_on, outstanding FROM agg_order_due",
}


def kept_rollups(s: Session | Connection) -> dict[str, list[tuple[Any, ...]]]:
    """What the triggers keep in each rollup table (the rows that count), sorted."""
    return {table: sorted((tuple(r) for r in s.execute(text(sql))), key=repr)
            for table, sql in ROLLUPS.items()}


def assert_rollups_in_sync(s: Session | Connection) -> None:
    """Every rollup table equals its recomputation (the assertion names the table)."""
    expected = recompute_rollups(s)
    for table, kept in kept_rollups(s).items():
        assert kept == sorted(expected[table], key=repr), table


# agg_client_month.cum_sq is SUM(amount * 1.0 * amount): REAL by design (squared kopecks
# would overflow SQLite's 64-bit integers), so it is exact only below 2**53 — a client's
# month over about 950 000 ₽. The crash checks compare it to the exact recomputation within
# float precision; test_rollups (small sums) keeps comparing exactly.
REAL_COLUMNS = {"agg_client_month": 4}


def _equal_within_float(table: str, kept: list[tuple[Any, ...]],
                        want: list[tuple[Any, ...]]) -> bool:
    col = REAL_COLUMNS.get(table)
    if col is None or len(kept) != len(want):
        return kept == want

    def exact_part(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return row[:col] + row[col + 1:]

    pairs = zip(sorted(kept, key=lambda r: repr(exact_part(r))),
                sorted(want, key=lambda r: repr(exact_part(r))), strict=True)
    return all(exact_part(k) == exact_part(w)
               and math.isclose(k[col], w[col], rel_tol=1e-12, abs_tol=0.5) for k, w in pairs)


def rollup_mismatches(s: Session | Connection) -> list[str]:
    """The rollup tables that differ from their recomputation, each with a sample row
    (REAL_COLUMNS compared within float precision)."""
    expected = recompute_rollups(s)
    problems = []
    for table, kept in kept_rollups(s).items():
        want = sorted(expected[table], key=repr)
        if not _equal_within_float(table, kept, want):
            extra = sorted(set(kept) - set(want), key=repr)[:3]
            missing = sorted(set(want) - set(kept), key=repr)[:3]
            problems.append(f"{table}: kept but not recomputed {extra}, "
                            f"recomputed but not kept {missing}")
    return problems
