"""The trigger-kept rollups (migration 0004) always equal a recomputation from the raw rows,
whatever order changes arrive in: inserts out of order, edits, deletions, stage flags."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import text

from app.models import Client, Deal, Stage, StageChange

FLOW_FROM_SCRATCH = """
    SELECT to_stage_id, changed_at, id, deal_id,
           LEAD(changed_at) OVER w, LEAD(to_stage_id) OVER w
    FROM stage_changes WINDOW w AS (PARTITION BY deal_id ORDER BY changed_at, id)
    ORDER BY 1, 2, 3"""
CLIENT_WON_FROM_SCRATCH = """
    SELECT client_id, COUNT(*), COUNT(DISTINCT closed_on), MIN(closed_on), MAX(closed_on),
           SUM(amount),
           (SELECT SUM(y.amount) FROM deals y WHERE y.client_id = d.client_id
              AND y.stage_id IN (SELECT id FROM stages WHERE is_won = 1)
              AND y.closed_on > date(MAX(d.closed_on), '-365 days'))
    FROM deals d WHERE stage_id IN (SELECT id FROM stages WHERE is_won = 1)
      AND closed_on IS NOT NULL GROUP BY client_id ORDER BY 1"""


def _assert_in_sync(s) -> None:  # type: ignore[no-untyped-def]
    flow = s.execute(text("SELECT * FROM agg_stage_flow ORDER BY 1, 2, 3")).all()
    assert flow == s.execute(text(FLOW_FROM_SCRATCH)).all()
    won = s.execute(text("SELECT client_id, n, days, first, last, money, year_money"
                         " FROM agg_client_won"
                         " ORDER BY 1")).all()
    assert won == s.execute(text(CLIENT_WON_FROM_SCRATCH)).all()
    epoch = date(1970, 1, 1)
    for first, last, first_day, last_day in s.execute(text(
            "SELECT first, last, first_day, last_day FROM agg_client_won")):
        assert (first_day, last_day) == ((date.fromisoformat(first) - epoch).days,
                                         (date.fromisoformat(last) - epoch).days)


def test_rollups_follow_every_kind_of_change(services) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    with services.uow_factory() as uow:
        s = uow.session
        stages = [Stage(name=f"S{i}", position=i, probability=10 * i) for i in range(1, 4)]
        won = Stage(name="Won", position=4, probability=100, is_won=True)
        lost = Stage(name="Lost", position=5, probability=0, is_lost=True)
        clients = [Client(name=f"Клиент {i}") for i in range(4)]
        s.add_all([*stages, won, lost, *clients])
        s.flush()
        deals = []
        for i in range(12):
            d = Deal(client_id=clients[i % 4].id, stage_id=stages[0].id, title=f"D{i}",
                     amount=Decimal(1000 + i))
            s.add(d)
            deals.append(d)
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
        s.flush()
        _assert_in_sync(s)
        s.delete(deals[4])
        s.query(StageChange).filter_by(deal_id=deals[5].id).delete()
        s.flush()
        _assert_in_sync(s)
        # a stage stops counting as won
        won.is_won = False
        s.flush()
        assert s.execute(text("SELECT COUNT(*) FROM agg_client_won")).scalar() == 0
        won.is_won = True
        s.flush()
        _assert_in_sync(s)
        uow.commit()


def test_rollups_are_filled_for_an_existing_database(services) -> None:  # type: ignore[no-untyped-def]
    """Migration 0004 fills the rollups from rows already there (downgrade, add, upgrade)."""
    from app.db import upgrade

    with services.uow_factory() as uow:
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
