"""The trigger-kept rollups (migration 0004) always equal a recomputation from the raw rows,
whatever order changes arrive in: inserts out of order, edits, deletions, stage flags.

The recomputation is Python over plain SELECTs of the base tables, not the triggers' SQL again,
so a wrong formula in a trigger (a line total, an allocation, a window) cannot pass.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, text

from app.models import Client, Deal, DealLine, Order, Payment, Product, Stage, StageChange

KOPECK = Decimal("0.01")
EPOCH = date(1970, 1, 1)


def _month(value: str) -> str:
    """'2026-03' for a stored date or UTC timestamp ('2026-03-01', '2026-03-01 09:00:00...')."""
    return f"{datetime.fromisoformat(value):%Y-%m}"


def _line_kopecks(quantity: int, price: int, discount: int) -> int:
    """A line's total from its stored integers (quantity in thousandths, price in kopecks,
    discount in hundredths of a per cent): quantity × price less the discount, half-up."""
    rubles = (Decimal(quantity) / 1000 * (Decimal(price) / 100)
              * (100 - Decimal(discount) / 100) / 100)
    return int(rubles.quantize(KOPECK, ROUND_HALF_UP) * 100)


def _from_raw_rows(s) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every rollup worked out in Python from plain SELECTs of the base tables."""
    def rows(sql: str) -> list:  # type: ignore[type-arg]
        return s.execute(text(sql)).all()

    stages = {i: (won, lost) for i, won, lost in rows("SELECT id, is_won, is_lost FROM stages")}
    clients = {i: (r, g) for i, r, g in rows("SELECT id, region, segment FROM clients")}
    group_of = {i: g or "" for i, g in rows("SELECT id, group_name FROM products")}
    deals = rows("SELECT id, client_id, stage_id, amount, closed_on, created_at, source"
                 " FROM deals")
    lines: dict[int, list[tuple[str, int]]] = defaultdict(list)  # deal → (group, kopecks)
    for deal_id, product_id, quantity, price, discount in rows(
            "SELECT deal_id, product_id, quantity, price, discount FROM deal_lines"):
        group = group_of[product_id] if product_id is not None else ""
        lines[deal_id].append((group, _line_kopecks(quantity, price, discount)))
    orders = {i: (c, d) for i, c, d in rows("SELECT id, client_id, deal_id FROM orders")}
    payments = rows("SELECT order_id, paid_on, amount FROM payments")
    changes = rows("SELECT id, deal_id, to_stage_id, changed_at FROM stage_changes")
    won = [d for d in deals if stages[d.stage_id][0] and d.closed_on is not None]
    out: dict[str, list[tuple]] = {}

    # each stage change with the deal's next one (by time, then id)
    by_deal: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
    for change in changes:
        by_deal[change.deal_id].append(change)
    flow = []
    for chain in by_deal.values():
        chain.sort(key=lambda c: (datetime.fromisoformat(c.changed_at), c.id))
        for change, after in zip(chain, [*chain[1:], None], strict=True):
            flow.append((change.to_stage_id, change.changed_at, change.id, change.deal_id,
                         after and after.changed_at, after and after.to_stage_id))
    out["agg_stage_flow"] = flow

    funnel: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])  # type: ignore[type-arg]
    for stage, at, _id, _deal, next_at, next_stage in flow:
        row = funnel[(_month(at), stage, next_stage or 0)]
        row[0] += 1
        if next_at is not None:
            row[1] += int((datetime.fromisoformat(next_at)
                           - datetime.fromisoformat(at)).total_seconds())
            row[2] += 1
    out["agg_funnel_month"] = [(*k, *v) for k, v in funnel.items()]

    # per client: won deals, distinct days, first and last day, money, the last year's money
    per_client: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
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
    groups: dict[tuple, int] = defaultdict(int)  # type: ignore[type-arg]
    regions: dict[tuple, int] = defaultdict(int)  # type: ignore[type-arg]
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
    pay: dict[tuple, int] = defaultdict(int)  # type: ignore[type-arg]
    pay_groups: dict[tuple, int] = defaultdict(int)  # type: ignore[type-arg]
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
    sources: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # type: ignore[type-arg]
    for d in deals:
        sources[(_month(d.created_at), d.source)][0] += 1
        is_won, is_lost = stages[d.stage_id]
        if (is_won or is_lost) and d.closed_on is not None:
            row = sources[(_month(d.closed_on), d.source)]
            row[1] += bool(is_won)
            row[2] += 1
            row[3] += d.amount if is_won else 0
    out["agg_source_month"] = [(*k, *v) for k, v in sources.items()]
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
}


def _assert_in_sync(s) -> None:  # type: ignore[no-untyped-def]
    expected = _from_raw_rows(s)
    for table, sql in ROLLUPS.items():
        kept = sorted((tuple(r) for r in s.execute(text(sql))), key=repr)
        assert kept == sorted(expected[table], key=repr), table


def test_rollups_follow_every_kind_of_change(services) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        stages = [Stage(name=f"S{i}", position=i, probability=10 * i) for i in range(1, 4)]
        won = Stage(name="Won", position=4, probability=100, is_won=True)
        lost = Stage(name="Lost", position=5, probability=0, is_lost=True)
        clients = [Client(name=f"Клиент {i}", region=("Москва", "Урал")[i % 2],
                          segment=("A", "B", "")[i % 3]) for i in range(4)]
        s.add_all([*stages, won, lost, *clients])
        s.flush()
        deals = []
        for i in range(12):
            d = Deal(client_id=clients[i % 4].id, stage_id=stages[0].id, title=f"D{i}",
                     amount=Decimal(1000 + i), source=("Сайт", "Звонок", "")[i % 3],
                     created_at=t0 + timedelta(days=20 * i))
            s.add(d)
            deals.append(d)
        s.flush()
        tools, food = (Product(sku="T", name="Дрель", group_name="Инструмент", price=100),
                       Product(sku="F", name="Чай", group_name="Еда", price=50))
        s.add_all([tools, food])
        s.flush()
        for i, d in enumerate(deals):
            for product in (tools, food)[: i % 3]:
                s.add(DealLine(deal_id=d.id, product_id=product.id, name=product.name,
                               quantity=Decimal(1 + i), price=Decimal("99.99"),
                               discount=Decimal(i % 4 * 5)))
        s.flush()
        orders = [Order(number=f"З-{i}", client_id=d.client_id, deal_id=d.id,
                        ordered_on=date(2026, 4, 1), amount=Decimal(5000))
                  for i, d in enumerate(deals[:6])]
        orders.append(Order(number="З-без", client_id=clients[1].id, ordered_on=date(2026, 4, 1),
                            amount=Decimal(700)))  # no deal: all of it under ''
        s.add_all(orders)
        s.flush()
        payments = [Payment(order_id=o.id, paid_on=date(2026, 4 + i % 3, 10),
                            amount=Decimal("1234.56") + i) for i, o in enumerate(orders * 2)]
        s.add_all(payments)
        s.flush()
        # stage changes arrive in a shuffled order (an import, back-dated corrections)
        changes = [(d, st, t0 + timedelta(days=rng.randrange(60), hours=rng.randrange(8)))
                   for d in deals for st in [*stages, won] if rng.random() < 0.8]
        rng.shuffle(changes)
        for d, st, when in changes:
            s.add(StageChange(deal_id=d.id, to_stage_id=st.id, changed_at=when))
            s.flush()
        _assert_in_sync(s)
        # two changes at the same instant: the id breaks the tie, as in the window
        same = t0 + timedelta(days=70)
        s.add_all([StageChange(deal_id=deals[0].id, to_stage_id=stages[1].id, changed_at=same),
                   StageChange(deal_id=deals[0].id, to_stage_id=won.id, changed_at=same)])
        s.flush()
        _assert_in_sync(s)
        # a corrected date and a change moved to another deal
        moved = s.query(StageChange).filter_by(deal_id=deals[1].id).first()
        moved.changed_at = t0 - timedelta(days=3)
        other = s.query(StageChange).filter_by(deal_id=deals[2].id).first()
        other.deal_id = deals[3].id
        s.flush()
        _assert_in_sync(s)
        # deals won, re-opened, moved to another client, re-priced, deleted
        for i, d in enumerate(deals[:8]):
            d.stage_id = won.id
            d.closed_on = date(2024 + i % 3, 4, 1 + i % 3)  # years apart: year_money
        s.flush()
        _assert_in_sync(s)
        assert any(year < total for total, year in s.execute(text(
            "SELECT money, year_money FROM agg_client_won")))
        deals[0].stage_id = stages[2].id
        deals[1].client_id = clients[3].id
        deals[2].amount = Decimal("99999.99")
        deals[3].closed_on = None
        deals[9].stage_id = lost.id
        deals[9].closed_on = date(2026, 5, 2)
        deals[10].source = "Выставка"
        deals[11].created_at = t0 - timedelta(days=40)
        s.flush()
        _assert_in_sync(s)
        # a client moves to another region and segment, with its won deals and payments
        clients[0].region, clients[0].segment = "Сибирь", "B"
        s.flush()
        _assert_in_sync(s)
        # payments edited, moved, deleted; an order moved to another client and deal
        payments[0].amount = Decimal("99.01")
        payments[1].paid_on = date(2026, 9, 30)
        payments[2].order_id = orders[6].id
        s.delete(payments[3])
        orders[1].client_id = clients[2].id
        orders[2].deal_id = deals[5].id
        orders[6].deal_id = deals[1].id
        s.flush()
        _assert_in_sync(s)
        s.delete(deals[4])
        s.query(StageChange).filter_by(deal_id=deals[5].id).delete()
        s.flush()
        _assert_in_sync(s)
        assert s.execute(text("SELECT COUNT(DISTINCT g) FROM agg_group_month"
                              " WHERE amount <> 0")).scalar() == 3  # two groups and ''
        # lines edited, moved, deleted; a product regrouped, then deleted (lines SET NULL)
        line = s.query(DealLine).filter_by(deal_id=deals[1].id).first()
        line.quantity = Decimal("7.5")
        s.query(DealLine).filter_by(deal_id=deals[2].id).first().deal_id = deals[6].id
        s.delete(s.query(DealLine).filter_by(deal_id=deals[7].id).first())
        s.flush()
        _assert_in_sync(s)
        food.group_name = "Напитки"
        s.flush()
        _assert_in_sync(s)
        s.delete(tools)
        s.flush()
        s.expire_all()
        _assert_in_sync(s)
        # a stage stops counting as won
        lost.is_lost = False  # a lost stage that no longer counts as closed
        s.flush()
        _assert_in_sync(s)
        lost.is_lost = True
        won.is_won = False
        s.flush()
        assert s.execute(text("SELECT COUNT(*) FROM agg_client_won")).scalar() == 0
        assert s.execute(text("SELECT COUNT(*) FROM agg_deal_group")).scalar() == 0
        won.is_won = True
        s.flush()
        _assert_in_sync(s)
        uow.commit()


def test_rollups_are_filled_for_an_existing_database(services) -> None:  # type: ignore[no-untyped-def]
    """Migration 0004 fills the rollups from rows already there (downgrade, add, upgrade)."""
    from app.db import upgrade

    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        st, won = Stage(name="S", position=1, probability=10), Stage(
            name="W", position=2, probability=100, is_won=True)
        c = Client(name="Клиент")
        s.add_all([st, won, c])
        s.flush()
        uow.commit()
    from alembic import command

    from app.migrations import alembic_config

    with services.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
        assert not conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'agg_%'").all()
    with services.uow_factory() as uow:
        s = uow.session
        d = Deal(client_id=c.id, stage_id=won.id, title="x", amount=Decimal("1500"),
                 closed_on=date(2026, 5, 4))
        s.add(d)
        s.flush()
        s.add_all([StageChange(deal_id=d.id, to_stage_id=stage,
                               changed_at=datetime(2026, 5, 1 + i, 10, tzinfo=UTC))
                   for i, stage in enumerate((st.id, won.id))])
        uow.commit()
    upgrade(services.engine, "head")
    with services.uow_factory() as uow:
        _assert_in_sync(uow.session)
        assert uow.session.execute(text("SELECT n, money FROM agg_client_won")).one() == (
            1, 150000)
