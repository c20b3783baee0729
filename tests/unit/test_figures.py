"""The figure rules (app.domain.figures) against hand-computed values, and their SQL twins —
the rollup triggers included — against the Python rule on thousands of random rows."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, text

from app.domain.figures import (
    MAX_LINE_GROSS,
    effective_probability,
    effective_probability_sql,
    is_open,
    line_total,
    line_total_sql,
    lost_deal_sql,
    open_stage_sql,
    percent,
    percent_text,
    weighted_amount,
    won_deal_sql,
    won_stage_sql,
)
from app.models import Client, Deal, DealLine, Product, Stage

D = Decimal


@pytest.mark.parametrize(("part", "whole", "expected"), [
    (1, 16, D("6.3")),  # 6.25: half-up, not half-even's 6.2
    (3, 8, D("37.5")),
    (1, 3, D("33.3")),
    (2, 3, D("66.7")),
    (0, 5, D("0.0")),
    (5, 5, D("100.0")),
    (D("0.5"), D("200"), D("0.3")),  # 0.25
    (-1, 16, D("-6.3")),
    (7, 0, None),
])
def test_percent_rounds_half_up_to_a_tenth(part, whole, expected) -> None:  # type: ignore[no-untyped-def]
    assert percent(part, whole) == expected


def test_percent_to_whole_percents_rounds_half_up() -> None:
    assert percent(5, 8, places=0) == D("63")  # 62.5
    assert percent(5, 2, places=0) == D("250")
    assert percent(1, None) is None


def test_percent_text() -> None:
    assert percent_text(D("6.3")) == "6,3\u00a0%"
    assert percent_text(None) == "—"
    assert percent_text(None, empty="") == ""


def test_weighted_amount_and_effective_probability() -> None:
    assert effective_probability(None, 40) == 40
    assert effective_probability(0, 40) == 0  # a manager's 0 % is a value, not "unset"
    assert effective_probability(75, 40) == 75
    assert weighted_amount(D("100.01"), 50) == D("50.01")  # 50.005 half-up
    assert weighted_amount(D("333.33"), 33) == D("110.00")  # 109.9989


def test_open_and_won() -> None:
    assert is_open(is_won=False, is_lost=False)
    assert not is_open(is_won=True, is_lost=False)
    assert not is_open(is_won=False, is_lost=True)


@pytest.mark.parametrize(("quantity", "price", "discount", "expected"), [
    (D("3"), D("99.99"), D("0"), D("299.97")),
    (D("0.333"), D("3633.00"), D("0"), D("1209.79")),  # 1209.789
    (D("1"), D("0.05"), D("50"), D("0.03")),  # 0.025 half-up
    (D("2.5"), D("10.01"), D("12.34"), D("21.94")),  # 21.936 17
    (D("7"), D("100"), D("100"), D("0.00")),
])
def test_line_total_by_hand(quantity, price, discount, expected) -> None:  # type: ignore[no-untyped-def]
    assert line_total(quantity, price, discount) == expected


def _random_line(rng: random.Random) -> tuple[Decimal, Decimal, Decimal]:
    """A line a user could save: 3 decimals of quantity, kopecks, 2 decimals of discount,
    spread over every order of magnitude up to MAX_LINE_GROSS."""
    while True:
        quantity = D(rng.randint(1, 10 ** rng.randint(1, 9))).scaleb(-3)
        price = D(rng.randint(0, 10 ** rng.randint(1, 13))).scaleb(-2)
        if quantity * price <= MAX_LINE_GROSS:
            break
    discount = D(rng.choice([0, 0, rng.randint(0, 10000), 10000, 5000])).scaleb(-2)
    return quantity, price, discount


def test_sql_twins_agree_with_the_python_rules(services) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    rows = [_random_line(rng) for _ in range(10_000)]
    with services.uow_factory() as uow:
        conn = uow.session.connection()
        for q, p, d in rows:
            got = conn.execute(text(
                f"SELECT {line_total_sql('l')} FROM (SELECT :q AS quantity, :p AS price,"
                " :d AS discount) l"), {"q": int(q * 1000), "p": int(p * 100),
                                        "d": int(d * 100)}).scalar_one()
            assert D(got).scaleb(-2) == line_total(q, p, d), (q, p, d)
        for deal_p, stage_p in ((None, 40), (0, 40), (75, 40)):
            got = conn.execute(text(
                f"SELECT {effective_probability_sql('d', 'st')} FROM (SELECT :a AS probability)"
                " d, (SELECT :b AS probability) st"), {"a": deal_p, "b": stage_p}).scalar_one()
            assert got == effective_probability(deal_p, stage_p)
        for stage_id, won_flag, lost_flag in conn.execute(text(
                "SELECT id, is_won, is_lost FROM stages")).all():
            as_deal = conn.execute(text(
                f"SELECT {won_deal_sql('d')}, {lost_deal_sql('d')}"
                " FROM (SELECT :sid AS stage_id) d"), {"sid": stage_id}).one()
            assert (bool(as_deal[0]), bool(as_deal[1])) == (bool(won_flag), bool(lost_flag))
        for won, lost in ((0, 0), (1, 0), (0, 1)):
            flags = conn.execute(text(
                f"SELECT {open_stage_sql('st')}, {won_stage_sql('st')}"
                " FROM (SELECT :w AS is_won, :l AS is_lost) st"), {"w": won, "l": lost}).one()
            assert bool(flags[0]) == is_open(is_won=bool(won), is_lost=bool(lost))
            assert bool(flags[1]) == bool(won)


def test_the_rollup_triggers_total_10000_random_lines_as_line_total_does(services) -> None:  # type: ignore[no-untyped-def]
    """Migration 0004's triggers keep won amounts by product group from the deal lines; each
    deal here has one line of its own group, so its rollup row is that line's total."""
    rng = random.Random(3)
    lines = [_random_line(rng) for _ in range(10_000)]
    expected = {f"G{i}": line_total(*line) for i, line in enumerate(lines)}
    with services.uow_factory() as uow:
        s = uow.session
        won = s.scalars(select(Stage).where(Stage.is_won.is_(True))).first()
        if won is None:
            won = Stage(name="Выиграна", position=90, probability=100, is_won=True)
            s.add(won)
        # many clients: the per-client rollups re-derive a client's won history on each win
        clients = s.execute(insert(Client).returning(Client.id), [
            {"name": f"ООО Ромашка {i}"} for i in range(len(lines) // 10)]).scalars().all()
        closed = date(2026, 5, 14)
        created = datetime(2026, 5, 1, tzinfo=UTC)
        products = s.execute(insert(Product).returning(Product.id), [
            {"sku": f"S{i}", "name": f"Товар {i}", "group_name": f"G{i}", "price": D(1)}
            for i in range(len(lines))]).scalars().all()
        deals = s.execute(insert(Deal).returning(Deal.id), [
            {"client_id": clients[i % len(clients)], "stage_id": won.id, "title": f"Сделка {i}",
             "amount": expected[f"G{i}"], "closed_on": closed, "created_at": created}
            for i in range(len(lines))]).scalars().all()
        s.execute(insert(DealLine), [
            {"deal_id": deal_id, "product_id": product_id, "name": "x", "quantity": q,
             "price": p, "discount": d}
            for deal_id, product_id, (q, p, d) in zip(deals, products, lines, strict=True)])
        rows = s.execute(text("SELECT g, amount FROM agg_deal_group WHERE g <> ''")).all()
        got = {g: D(amount).scaleb(-2) for g, amount in rows}
        remainders = s.execute(text(
            "SELECT COUNT(*) FROM agg_deal_group WHERE g = '' AND amount <> 0")).scalar_one()
    assert set(got) <= set(expected)
    assert all(got[g] != 0 for g in got)  # a zero total leaves no row
    wrong = {g: (got.get(g, D(0)), want) for g, want in expected.items()
             if got.get(g, D(0)) != want}
    assert not wrong, list(wrong.items())[:5]
    assert remainders == 0  # deal amount = the Python total, so nothing is left unassigned


def test_the_orm_forms_agree_with_the_python_rules(services) -> None:  # type: ignore[no-untyped-def]
    from app.models import effective_probability as orm_probability
    from app.models import stage_is_open as orm_is_open

    with services.uow_factory() as uow:
        s = uow.session
        client = Client(name="ООО Лютик")
        stages = [Stage(name=f"Этап {i}", position=100 + i, probability=30 + i,
                        is_won=won, is_lost=lost)
                  for i, (won, lost) in enumerate(((False, False), (True, False),
                                                   (False, True)))]
        s.add_all([client, *stages])
        s.flush()
        for stage in stages:
            for own in (None, 0, 75):
                s.add(Deal(client_id=client.id, stage_id=stage.id, title="x", probability=own))
        s.flush()
        rows = s.execute(select(Deal.probability, Stage.probability, Stage.is_won,
                                Stage.is_lost, orm_probability(), orm_is_open())
                         .join(Stage, Stage.id == Deal.stage_id)
                         .where(Deal.client_id == client.id)).all()
    assert len(rows) == 9
    for own, stage_p, won, lost, effective, open_ in rows:
        assert effective == effective_probability(own, stage_p)
        assert bool(open_) == is_open(is_won=won, is_lost=lost)
