"""The board's single-card read, the column sums and the forecast against recomputations, and
their query plans on a database without planner statistics (issue 12).

`card(deal_id)` reads one deal; it must give exactly the card the whole board gives. The
forecast and the column sums are grouped in SQL; here they are recomputed in Python from
the raw rows (plain sqlite3), independently of the services' SQL.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from app.bootstrap import Services
from app.services.deals import BoardFilter, DealInput
from tests.conftest import DEMO_TODAY
from tests.unit.test_query_plans import _captured, _no_statistics, _plans

D = Decimal
KOPECK = D("0.01")


def _all_cards(services: Services, today: date) -> dict[int, Any]:
    board = services.deals.board(BoardFilter(show_closed=True), today=today)
    return {c.id: c for col in board.cards.values() for c in col}


def test_card_is_the_boards_card_for_every_kind_of_deal(services: Services) -> None:
    """Open, stalled, won and lost deals; none, done, several planned next steps; the
    calendar and the working-days rule."""
    from app.models import Activity, Client
    from app.services.activities import ActivityDraft

    with services.uow_factory() as uow:
        made = [Client(name=name, segment="Малые") for name in ("ООО «Берёза»", "ИП Клёнов")]
        uow.session.add_all(made)
        uow.flush()
        clients = [c.id for c in made]
        uow.commit()
    stages = services.deals.stages()
    open_ = [s for s in stages if s.is_open]
    won = next(s for s in stages if s.is_won)
    lost = next(s for s in stages if s.is_lost)
    start = datetime(2026, 10, 1, 9, tzinfo=UTC)
    ids = []
    for i in range(8):
        ids.append(services.deals.save_deal(DealInput(
            client_id=clients[i % 2], title=f"Поставка {i}", manual_amount=D("1000.10") * (i + 1),
            probability=None if i % 3 else 35, expected_close=date(2026, 11, 20 + i),
            stage_id=open_[i % len(open_)].id), now=start).deal_id)
    now = datetime(2026, 11, 10, 9, tzinfo=UTC)
    services.deals.move_deal(ids[5], won.id, closed_on=date(2026, 11, 10),
                             final_amount=D("777.77"), now=now)
    services.deals.move_deal(ids[6], lost.id, lost_reason="price", now=now)
    services.deals.move_deal(ids[1], open_[3].id, now=now)
    # ids[0]: two planned steps (the sooner is shown), one done; ids[2]: only a done one
    def plan(deal_id: int, kind: str, subject: str, due_at: datetime) -> int:
        return services.activities.create(
            ActivityDraft(kind=kind, subject=subject, deal_id=deal_id, due_at=due_at), now=now)

    plan(ids[0], "call", "Позже", now + timedelta(days=5))
    plan(ids[0], "meeting", "Раньше", now + timedelta(days=2))
    done = plan(ids[2], "call", "Сделано", now)
    plan(ids[5], "call", "После победы", now)
    with services.uow_factory() as uow:
        activity = uow.session.get(Activity, done)
        assert activity is not None
        activity.done = True
        uow.commit()
    for working in (False, True):
        services.deals.set_stall_in_working_days(working)
        for today in (date(2026, 11, 12), date(2027, 1, 11)):
            board_cards = _all_cards(services, today)
            assert set(board_cards) == set(ids)
            for deal_id in ids:
                assert services.deals.card(deal_id, today=today) == board_cards[deal_id]
    card0 = services.deals.card(ids[0], today=date(2026, 11, 12))
    assert (card0.next_kind, card0.next_subject) == ("meeting", "Раньше")
    assert services.deals.card(ids[2], today=date(2026, 11, 12)).next_kind is None
    assert services.deals.card(ids[5], today=date(2026, 11, 12)).next_kind is None  # closed
    assert services.deals.card(ids[1], today=date(2026, 11, 12)).days_in_stage == 2


# --- recomputations from the raw rows -------------------------------------------------------

def _raw_deals(services: Services) -> list[dict[str, Any]]:
    con = sqlite3.connect(services.db_path)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(
            "SELECT d.id, d.stage_id, d.client_id, d.amount AS kop, d.probability,"
            " d.expected_close, d.closed_on, c.segment, s.probability AS stage_probability,"
            " s.is_won, s.is_lost FROM deals d JOIN stages s ON s.id = d.stage_id"
            " JOIN clients c ON c.id = d.client_id")]
    finally:
        con.close()


def _rubles(kopecks: int) -> Decimal:
    return (D(kopecks) / 100).quantize(KOPECK)


def _weighted(kop_times_percent: int) -> Decimal:
    return (D(kop_times_percent) / 10000).quantize(KOPECK, rounding=ROUND_HALF_UP)


def _prob(row: dict[str, Any]) -> int:
    return int(row["probability"] if row["probability"] is not None
               else row["stage_probability"])


def _first_of(day: date, add: int) -> date:
    y, m = divmod(day.month - 1 + add, 12)
    return date(day.year + y, m + 1, 1)


@pytest.mark.parametrize("today", [DEMO_TODAY, DEMO_TODAY + timedelta(days=20),
                                   DEMO_TODAY - timedelta(days=400)])
def test_forecast_equals_a_recomputation_from_the_rows(demo_services: Services,
                                                       today: date) -> None:
    rows = _raw_deals(demo_services)
    this, nxt, after = _first_of(today, 0), _first_of(today, 1), _first_of(today, 2)
    open_rows = [r for r in rows if not (r["is_won"] or r["is_lost"])]

    def close(r: dict[str, Any]) -> date | None:
        return date.fromisoformat(r["expected_close"]) if r["expected_close"] else None

    m1 = [r for r in open_rows if close(r) is not None and close(r) < nxt]  # type: ignore[operator]
    m2 = [r for r in open_rows if close(r) is not None and nxt <= close(r) < after]  # type: ignore[operator]
    won = [r for r in rows if r["is_won"] and r["closed_on"]]

    def won_in(a: date, b: date) -> Decimal:
        return _rubles(sum(r["kop"] for r in won
                           if a <= date.fromisoformat(r["closed_on"]) < b))

    f = demo_services.deals.forecast(today)
    # the demo's pipeline closes around its today; a year before, only won deals count
    assert len(open_rows) > 20 and (m1 and m2 if today >= DEMO_TODAY else won_in(this, after))
    assert (f.this_month.month, f.next_month.month) == (this, nxt)
    assert f.this_month.deals == len(m1) and f.next_month.deals == len(m2)
    assert f.this_month.amount == _rubles(sum(r["kop"] for r in m1))
    assert f.next_month.amount == _rubles(sum(r["kop"] for r in m2))
    assert f.this_month.weighted == _weighted(sum(r["kop"] * _prob(r) for r in m1))
    assert f.next_month.weighted == _weighted(sum(r["kop"] * _prob(r) for r in m2))
    assert f.this_month.overdue_deals == sum(1 for r in m1 if close(r) < today)  # type: ignore[operator]
    assert f.this_month.won == won_in(this, nxt) and f.next_month.won == won_in(nxt, after)
    assert f.pipeline_amount == _rubles(sum(r["kop"] for r in open_rows))
    assert f.pipeline_weighted == _weighted(sum(r["kop"] * _prob(r) for r in open_rows))


def test_column_summaries_of_some_columns_equal_a_recomputation(demo_services: Services
                                                                ) -> None:
    rows = _raw_deals(demo_services)
    stages = demo_services.deals.stages()
    segment = next(r["segment"] for r in rows if r["segment"])
    picked = [stages[1].id, stages[3].id, next(s.id for s in stages if s.is_won)]
    for flt in (BoardFilter(), BoardFilter(segment=segment, amount_min=D("10000"))):
        got = demo_services.deals.column_summaries(flt, picked, None)
        assert set(got) == set(picked)
        assert any(got[sid].count for sid in picked)
        for sid in picked:
            mine = [r for r in rows if r["stage_id"] == sid
                    and (not flt.segment or r["segment"] == flt.segment)
                    and (flt.amount_min is None or _rubles(r["kop"]) >= flt.amount_min)]
            assert (got[sid].count, got[sid].amount, got[sid].weighted) == (
                len(mine), _rubles(sum(r["kop"] for r in mine)),
                _weighted(sum(r["kop"] * _prob(r) for r in mine)))


# --- query plans without statistics ---------------------------------------------------------

def _plan_lines(services: Services, statements: list[tuple[str, Any]]) -> list[str]:
    _no_statistics(services)  # the database as a user has it
    return [detail for _sql, detail in _plans(services, statements)]


def _on(table: str, lines: list[str]) -> list[str]:
    return [d for d in lines if re.match(rf"^(SEARCH|SCAN) {table}\b", d)]


def test_forecast_reads_open_and_won_deals_by_stage(demo_services: Services) -> None:
    with _captured(demo_services) as statements:
        demo_services.deals.forecast(DEMO_TODAY)
    deals = _on("deals", _plan_lines(demo_services, statements))
    assert sorted(deals) == [
        "SEARCH deals USING COVERING INDEX ix_deals_stage_closed_cover "
        "(stage_id=? AND closed_on>? AND closed_on<?)",
        "SEARCH deals USING COVERING INDEX ix_deals_stage_pipeline (stage_id=?)",
    ]


def test_column_sums_and_one_card_search_their_indexes(demo_services: Services) -> None:
    stages = [s.id for s in demo_services.deals.stages()]
    deal_id = demo_services.deals.board().column(stages[0])[0].id
    with _captured(demo_services) as statements:
        demo_services.deals.column_summaries(BoardFilter(), stages[:2], None)
    assert _on("deals", _plan_lines(demo_services, statements)) == [
        "SEARCH deals USING COVERING INDEX ix_deals_stage_pipeline (stage_id=?)"]
    with _captured(demo_services) as statements:
        demo_services.deals.card(deal_id)
    lines = _plan_lines(demo_services, statements)
    assert _on("deals", lines) == ["SEARCH deals USING INTEGER PRIMARY KEY (rowid=?)"]
    assert _on("activities", lines) == [
        "SEARCH activities USING INDEX ix_activities_deal_done_due (deal_id=?)"]
    assert not [d for d in lines if d.startswith("SCAN") and "stages" not in d
                and "settings" not in d]


def test_a_closed_column_shows_its_newest_deals_and_counts_them_all(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """The newest CLOSED_LIMIT won deals by closing date (the later id first on the same
    day), with a text filter the newest that match; the header counts every won deal."""
    from app.models import Client
    from app.services.deals import board as board_module

    monkeypatch.setattr(board_module, "CLOSED_LIMIT", 3)
    with services.uow_factory() as uow:
        client = Client(name="ООО «Ясень»")
        uow.session.add(client)
        uow.flush()
        cid = client.id
        uow.commit()
    won = next(s for s in services.deals.stages() if s.is_won)
    closed = [date(2026, 3, 5), date(2026, 9, 1), date(2025, 12, 31), date(2026, 9, 1),
              date(2026, 1, 15), date(2026, 6, 30), date(2026, 9, 1)]
    made: list[tuple[date, int, str]] = []
    for i, day in enumerate(closed):
        title = ("Альфа" if i % 2 else "Бета") + f" {i}"
        deal_id = services.deals.save_deal(DealInput(
            client_id=cid, title=title, manual_amount=D(100 + i))).deal_id
        services.deals.move_deal(deal_id, won.id, closed_on=day, final_amount=D(100 + i),
                                 now=datetime(2026, 9, 2, 9, tzinfo=UTC))
        made.append((day, deal_id, title))
    newest = sorted(made, reverse=True)
    board = services.deals.board(BoardFilter(show_closed=True))
    assert [c.id for c in board.column(won.id)] == [d for _day, d, _t in newest[:3]]
    assert board.summaries[won.id].count == len(closed)
    beta = [d for _day, d, title in newest if title.startswith("Бета")]
    board = services.deals.board(BoardFilter(show_closed=True, text="бета"))
    assert [c.id for c in board.column(won.id)] == beta[:3]


def test_the_client_filter_lists_the_clients_with_open_deals(demo_services: Services) -> None:
    rows = _raw_deals(demo_services)
    con = sqlite3.connect(demo_services.db_path)
    try:
        names = dict(con.execute("SELECT id, name FROM clients").fetchall())
    finally:
        con.close()
    expected = {r["client_id"] for r in rows if not (r["is_won"] or r["is_lost"])}
    with _captured(demo_services) as statements:
        got = demo_services.deals.clients_with_open_deals()
    assert {c.id for c in got} == expected and len(got) == len(expected)
    assert [c.name for c in got] == sorted(names[i] for i in expected)
    lines = _plan_lines(demo_services, statements)
    assert _on("deals", lines) == [
        "SEARCH deals USING COVERING INDEX ix_deals_stage_pipeline (stage_id=?)"]
