"""The trigger-kept rollups (migration 0004) always equal a recomputation from the raw rows,
whatever order changes arrive in: inserts out of order, edits, deletions, stage flags.

The recomputation (tests/unit/_rollup_check.py, shared with the crash tests) is Python over plain
SELECTs of the base tables, not the triggers' SQL again, so a wrong formula in a trigger (a line
total, an allocation, a window) cannot pass.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete, text

from app.models import Client, Deal, DealLine, Order, Payment, Product, Stage, StageChange
from tests.unit._rollup_check import (
    assert_rollups_in_sync,
    rollup_mismatches,
)


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
        payments = [Payment(order_id=o.id, client_id=o.client_id,
                            paid_on=date(2026, 4 + i % 3, 10),
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
        assert_rollups_in_sync(s)
        # two changes at the same instant: the id breaks the tie, as in the window
        same = t0 + timedelta(days=70)
        s.add_all([StageChange(deal_id=deals[0].id, to_stage_id=stages[1].id, changed_at=same),
                   StageChange(deal_id=deals[0].id, to_stage_id=won.id, changed_at=same)])
        s.flush()
        assert_rollups_in_sync(s)
        # a corrected date and a change moved to another deal
        moved = s.query(StageChange).filter_by(deal_id=deals[1].id).first()
        moved.changed_at = t0 - timedelta(days=3)
        other = s.query(StageChange).filter_by(deal_id=deals[2].id).first()
        other.deal_id = deals[3].id
        s.flush()
        assert_rollups_in_sync(s)
        # deals won, re-opened, moved to another client, re-priced, deleted
        for i, d in enumerate(deals[:8]):
            d.stage_id = won.id
            d.closed_on = date(2024 + i % 3, 4, 1 + i % 3)  # years apart: year_money
        s.flush()
        assert_rollups_in_sync(s)
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
        assert_rollups_in_sync(s)
        # a client moves to another region and segment, with its won deals and payments
        clients[0].region, clients[0].segment = "Сибирь", "B"
        s.flush()
        assert_rollups_in_sync(s)
        # payments edited, moved, deleted; an order moved to another client and deal
        payments[0].amount = Decimal("99.01")
        payments[1].paid_on = date(2026, 9, 30)
        payments[2].order_id = orders[6].id
        s.delete(payments[3])
        orders[1].client_id = clients[2].id
        orders[2].deal_id = deals[5].id
        orders[6].deal_id = deals[1].id
        s.flush()
        assert_rollups_in_sync(s)
        s.delete(deals[4])
        s.query(StageChange).filter_by(deal_id=deals[5].id).delete()
        s.flush()
        assert_rollups_in_sync(s)
        assert s.execute(text("SELECT COUNT(DISTINCT g) FROM agg_group_month"
                              " WHERE amount <> 0")).scalar() == 3  # two groups and ''
        # lines edited, moved, deleted; a product regrouped, then deleted (lines SET NULL)
        line = s.query(DealLine).filter_by(deal_id=deals[1].id).first()
        line.quantity = Decimal("7.5")
        s.query(DealLine).filter_by(deal_id=deals[2].id).first().deal_id = deals[6].id
        s.delete(s.query(DealLine).filter_by(deal_id=deals[7].id).first())
        s.flush()
        assert_rollups_in_sync(s)
        food.group_name = "Напитки"
        s.flush()
        assert_rollups_in_sync(s)
        s.delete(tools)
        s.flush()
        s.expire_all()
        assert_rollups_in_sync(s)
        # a stage stops counting as won
        lost.is_lost = False  # a lost stage that no longer counts as closed
        s.flush()
        assert_rollups_in_sync(s)
        lost.is_lost = True
        won.is_won = False
        s.flush()
        assert s.execute(text("SELECT COUNT(*) FROM agg_client_won")).scalar() == 0
        assert s.execute(text("SELECT COUNT(*) FROM agg_deal_group")).scalar() == 0
        won.is_won = True
        s.flush()
        assert_rollups_in_sync(s)
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
        assert_rollups_in_sync(uow.session)
        assert uow.session.execute(text("SELECT n, money FROM agg_client_won")).one() == (
            1, 150000)


def _triggers(conn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return list(conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))


def test_a_demo_built_in_bulk_keeps_its_rollups_and_search_exact(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The demo inserts with the rollup and search triggers off and fills those tables set-
    based once (app.rollups.bulk_load): the result equals the recomputation, the search rows
    equal what the triggers write, and the re-created triggers keep working afterwards."""
    from dataclasses import replace

    from app.bootstrap import bootstrap
    from app.services.demo import DEMO_PRESETS, generate_demo

    fresh = bootstrap(tmp_path / "fresh.db")
    with fresh.engine.connect() as conn:
        want_triggers = _triggers(conn)
    fresh.close()
    svc = bootstrap(tmp_path / "demo.db")
    try:
        sizes = replace(DEMO_PRESETS["small"], clients=120, deals=500, faker_pool=40)
        generate_demo(svc.uow_factory, sizes, seed=11, today=date(2026, 11, 16))
        with svc.uow_factory() as uow:
            s = uow.session
            assert _triggers(s.connection()) == want_triggers  # all back, as they were
            assert s.execute(text("SELECT COUNT(*) FROM agg_stage_flow")).scalar() > 1000
            # demo sums are large: agg_client_month.cum_sq (REAL) within float precision
            assert rollup_mismatches(s) == []
            search = s.execute(text("SELECT rowid, * FROM fts_clients ORDER BY rowid")).all()
            assert len(search) == 120
            # every client's search row rewritten by its update trigger: nothing changes
            s.execute(text("UPDATE clients SET name = name"))
            assert s.execute(text("SELECT rowid, * FROM fts_clients ORDER BY rowid")).all() \
                == search
            # the triggers work again: a deal won, a payment, a client moved
            won = s.execute(text("SELECT id FROM stages WHERE is_won = 1")).scalar()
            s.execute(text("UPDATE deals SET stage_id = :won, closed_on = '2026-11-10'"
                           " WHERE id = (SELECT MIN(id) FROM deals WHERE closed_on IS NULL)"),
                      {"won": won})
            s.execute(text("INSERT INTO payments(order_id, client_id, paid_on, amount,"
                           " reference) SELECT id, client_id, '2026-11-12', 12345, 'x'"
                           " FROM orders ORDER BY id LIMIT 1"))
            s.execute(text("UPDATE clients SET region = 'Сибирь' WHERE id = 1"))
            assert rollup_mismatches(s) == []
    finally:
        svc.close()


def test_a_failed_bulk_load_leaves_the_triggers(services) -> None:  # type: ignore[no-untyped-def]
    """bulk_load drops the triggers inside the caller's transaction: a failure rolls the
    drop back with everything else."""
    from app.rollups import TRIGGERS, bulk_load

    with services.engine.connect() as conn:
        before = _triggers(conn)
    assert any(name.startswith("agg_") for name, _sql in before)
    assert any(name.startswith("fts_") for name, _sql in before)
    with (services.uow_factory() as uow, pytest.raises(ZeroDivisionError),
          bulk_load(uow.session.connection())):
        left = {n for n, _sql in _triggers(uow.session.connection())}
        assert not left & (set(TRIGGERS) | {"fts_clients_ai", "fts_contacts_ai"})
        uow.session.add(Client(name="x"))
        uow.session.flush()
        _ = 1 / 0
    with services.engine.connect() as conn:
        assert _triggers(conn) == before
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM clients").scalar() == 0


def _payments_of_the_receivables(services, in_sync) -> None:  # type: ignore[no-untyped-def]
    """The receivables' own writes (issue 14), `in_sync(session)` checked after each: an
    overpayment split into the order's part and credit, credit without an order, a credit row
    allocated in part (split) and in full, credit used over several rows, payments deleted.
    Credit is in no rollup until it is allocated, then counts in the month it was received."""
    from app.services.receivables import PaymentDraft

    with services.uow_factory() as uow:
        s = uow.session
        uow.session.execute(delete(Stage))
        won = Stage(name="Won", position=1, probability=100, is_won=True)
        north, south = Client(name="Север", region="Урал", segment="A"), Client(
            name="Юг", region="Москва", segment="B")
        tools = Product(sku="T", name="Дрель", group_name="Инструмент", price=100)
        s.add_all([won, north, south, tools])
        s.flush()
        deals = [Deal(client_id=c.id, stage_id=won.id, title=f"D{i}", amount=Decimal(3000),
                      closed_on=date(2026, 3, 1)) for i, c in enumerate((north, north, south))]
        s.add_all(deals)
        s.flush()
        for d in deals[:2]:  # the third deal has no lines: all its payments under ''
            s.add(DealLine(deal_id=d.id, product_id=tools.id, name="Дрель",
                           quantity=Decimal(2), price=Decimal("1000.00")))
            s.add(DealLine(deal_id=d.id, name="Доставка", quantity=Decimal(1),
                           price=Decimal("1000.00")))
        orders = [Order(number=f"З-{i}", client_id=d.client_id, deal_id=d.id,
                        ordered_on=date(2026, 3, 2), amount=Decimal(3000),
                        payment_due_on=date(2026, 4, 1)) for i, d in enumerate(deals)]
        s.add_all(orders)
        uow.commit()
        n, n2, s1 = (o.id for o in orders)
        north_id, south_id = north.id, south.id
    rv = services.receivables

    def check() -> None:
        with services.uow_factory(read_only=True) as uow:
            in_sync(uow.session)

    def paid_in(month: str) -> int:
        with services.uow_factory(read_only=True) as uow:
            return int(uow.session.execute(text(
                "SELECT COALESCE(SUM(amount), 0) FROM agg_pay_month WHERE month = :m"),
                {"m": month}).scalar())

    over = rv.register_payment(PaymentDraft(client_id=north_id, order_id=n, paid_on=date(
        2026, 4, 5), amount=Decimal("3500.55"), reference="1"))  # 3 000 + 500,55 of credit
    check()
    assert paid_in("2026-04") == 300000  # the credit part is not a "payment received" yet
    credit = rv.register_payment(PaymentDraft(client_id=north_id, paid_on=date(2026, 5, 7),
                                              amount=Decimal("1000.00"), reference="2"))
    check()
    assert paid_in("2026-05") == 0
    rv.allocate(credit.rows[0].id, n2, Decimal("400.10"))  # split: 400,10 to З-1
    check()
    assert paid_in("2026-05") == 40010  # counted in the month it was received
    rv.use_credit(north_id, n2)  # 500,55 (April) wholly, then 599,90 of May's rest: split
    check()
    assert (paid_in("2026-04"), paid_in("2026-05")) == (300000 + 50055, 100000)
    assert rv.credit(north_id) == Decimal("0.00")
    south_credit = rv.register_payment(PaymentDraft(client_id=south_id, paid_on=date(
        2026, 6, 1), amount=Decimal("10.00")))
    rv.allocate(south_credit.rows[0].id, s1)  # in full: the row itself gets the order
    check()
    rv.delete_payment(over.rows[0].id)  # an allocated payment entered wrongly
    rv.delete_payment(over.rows[1].id)  # and its credit part (already used: З-1's row)
    check()
    with services.uow_factory(read_only=True) as uow:
        due = dict(uow.session.execute(text(
            "SELECT order_id, outstanding FROM agg_order_due")).all())
    assert due[n] == 300000  # З-0 owes all of it again
    assert n2 in due and due[s1] == 300000 - 1000


def test_rollups_follow_payments_split_allocated_and_deleted(services) -> None:  # type: ignore[no-untyped-def]
    """Every rollup, the payments by product group included, equals its recomputation
    after each payment operation: a client's credit (no order) counts in no rollup until it
    is allocated (migration 0012; before it the groups counted credit under '')."""
    _payments_of_the_receivables(services, assert_rollups_in_sync)


def test_migration_0012_takes_credit_out_of_the_product_groups(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database at 0011 whose old triggers counted a payment without an order under the
    '' group: after 0012 the groups hold none of it, and a new one is not counted."""
    from app.db import create_db_engine, upgrade

    engine = create_db_engine(tmp_path / "at0011.db")
    try:
        upgrade(engine, "0011")
        with engine.begin() as conn:  # raw SQL: today's models have columns 0011 lacks
            client_id = conn.exec_driver_sql(
                "INSERT INTO clients(kind, name, full_name, legal_form, inn, kpp, ogrn,"
                " legal_address, postal_address, phone, email, website, bank_name, bik,"
                " corr_account, settlement_account, industry, region, segment, status,"
                " loyalty_tier, lead_source, responsible, notes, archived, created_at,"
                " updated_at) VALUES ('organization', 'К', '', '', '', '', '', '', '', '', '',"
                " '', '', '', '', '', '', 'Москва', 'Ключевые', 'lead', '', '', '', '', 0,"
                " '2026-11-01 00:00:00', '2026-11-01 00:00:00') RETURNING id").scalar()
            conn.exec_driver_sql("INSERT INTO payments(order_id, client_id, paid_on, amount,"
                                 " reference) VALUES (NULL, ?, '2026-11-05', 50000, 'п/п 1')",
                                 (client_id,))
        with engine.begin() as conn:
            # what the triggers before 0012 counted for it (a database made before today has
            # their text; a new one gets 0004's from today's app.rollups)
            conn.exec_driver_sql("INSERT INTO agg_payment_group(payment_id, g, month, amount)"
                                 " SELECT id, '', '2026-11', amount FROM payments")
            before = conn.exec_driver_sql(
                "SELECT g, month, amount FROM agg_pay_group_month").all()
        assert before == [("", "2026-11", 50000)]
        upgrade(engine)
        with engine.begin() as conn:
            assert conn.exec_driver_sql(
                "SELECT COUNT(*) FROM agg_payment_group").scalar() == 0
            assert conn.exec_driver_sql(
                "SELECT COALESCE(SUM(amount), 0) FROM agg_pay_group_month").scalar() == 0
            conn.exec_driver_sql("INSERT INTO payments(order_id, client_id, paid_on, amount,"
                                 " reference) VALUES (NULL, ?, '2026-11-06', 700, 'п/п 2')",
                                 (client_id,))
            assert conn.exec_driver_sql(
                "SELECT COUNT(*) FROM agg_payment_group").scalar() == 0
    finally:
        engine.dispose()
