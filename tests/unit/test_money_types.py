"""Money as Decimal stored in kopecks, exact decimals, and UTC timestamps."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, insert, select

from app.domain.money import format_money, parse_money, round_money, to_kopecks
from app.models.base import Money, Percent, Quantity, UTCDateTime


@pytest.fixture
def table_engine():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    meta = MetaData()
    table = Table("t", meta, Column("id", Integer, primary_key=True), Column("m", Money),
                  Column("q", Quantity), Column("p", Percent), Column("ts", UTCDateTime))
    meta.create_all(engine)
    return engine, table


def test_ten_thousand_random_amounts_round_trip_exactly(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    rng = random.Random(42)
    amounts = [Decimal(rng.randint(-10**15, 10**15)) / 100 for _ in range(10_000)]
    with engine.begin() as conn:
        conn.execute(insert(table), [{"m": a} for a in amounts])
        back = [r[0] for r in conn.execute(select(table.c.m).order_by(table.c.id))]
        total = conn.execute(select(func.sum(table.c.m))).scalar()
    assert back == amounts
    assert all(isinstance(v, Decimal) for v in back)
    assert total == sum(amounts)


def test_huge_amount_survives(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    big = Decimal("12345678901234567.89")
    with engine.begin() as conn:
        conn.execute(insert(table), [{"m": big}])
        assert conn.execute(select(table.c.m)).scalar() == big
        raw = conn.exec_driver_sql("SELECT m FROM t").scalar()
    assert raw == 1234567890123456789


def test_rounding_is_half_up_to_kopecks() -> None:
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert round_money(Decimal("2.665")) == Decimal("2.67")
    assert round_money(Decimal("-2.675")) == Decimal("-2.68")
    assert to_kopecks(Decimal("0.005")) == 1


def test_float_is_refused(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    with pytest.raises(TypeError):
        round_money(2.675)  # type: ignore[arg-type]
    with engine.begin() as conn, pytest.raises(Exception, match="float"):
        conn.execute(insert(table), [{"m": 1.5}])


def test_quantity_and_percent_are_exact(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    with engine.begin() as conn:
        conn.execute(insert(table), [{"q": Decimal("1.2345"), "p": Decimal("12.345")}])
        q, p = conn.execute(select(table.c.q, table.c.p)).one()
    assert q == Decimal("1.235")  # three places, half-up
    assert p == Decimal("12.35")


def test_offset_timestamp_reads_back_as_the_same_instant(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    moscow_noon = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=3)))
    with engine.begin() as conn:
        conn.execute(insert(table), [{"ts": moscow_noon}])
        back = conn.execute(select(table.c.ts)).scalar()
        raw = conn.exec_driver_sql("SELECT ts FROM t").scalar()
    assert back == moscow_noon
    assert back.tzinfo is UTC
    assert raw.startswith("2026-03-01 09:00:00")


def test_naive_timestamp_is_refused(table_engine) -> None:  # type: ignore[no-untyped-def]
    engine, table = table_engine
    with engine.begin() as conn, pytest.raises(Exception, match="time zone"):
        conn.execute(insert(table), [{"ts": datetime(2026, 3, 1, 12, 0)}])


def test_parse_and_format_money() -> None:
    assert parse_money("1 234 567,89") == Decimal("1234567.89")
    assert parse_money("1\u00a0000.5 ₽") == Decimal("1000.5")
    with pytest.raises(ValueError):
        parse_money("двести")
    with pytest.raises(ValueError):
        parse_money("")
    assert format_money(Decimal("1234567.895")) == "1\u00a0234\u00a0567,90\u00a0₽"
    assert format_money(Decimal("-5")) == "-5,00\u00a0₽"


def test_counts_are_grouped_like_money() -> None:
    from app.domain.money import format_count

    assert format_count(0) == "0"
    assert format_count(999) == "999"
    assert format_count(1000) == "1\u00a0000"
    assert format_count(-1234567) == "-1\u00a0234\u00a0567"
