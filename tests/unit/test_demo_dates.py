"""The demo dates nothing after its 'today': every dated column of every table is checked.

Only what is planned by its nature may lie ahead (a planned activity, an open deal's expected
closing, a payment's due date, the coming months' plan); done work, stage changes, payments,
shipments, orders and every bookkeeping instant (created_at, updated_at) lie on or before it.
The day's end is worked out here, from the day alone, not by the generator's helpers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Date, DateTime, text

from app.bootstrap import bootstrap
from app.models import Base
from app.services.demo import DEMO_PRESETS, DemoSizes, generate_demo

# (table, column) → the rows for which a date after today is what the value means
MAY_LIE_AHEAD = {
    ("activities", "due_at"): "done = 0",  # planned, not yet done
    ("deals", "expected_close"):  # an open deal's forecast
        "stage_id IN (SELECT id FROM stages WHERE is_won = 0 AND is_lost = 0)",
    ("plan_targets", "period_start"): "1",  # the plan of the coming months
    ("orders", "payment_due_on"): "1",  # payment terms
    ("shipments", "planned_on"): "1",  # a planned delivery day
    ("offers", "valid_until"): "1",  # an offer's validity
    ("trainee_tasks", "due_on"): "done_on IS NULL",  # the onboarding plan's coming tasks
    ("campaigns", "ended_on"): "1",  # a running campaign's planned end
    ("complaints", "due_on"): "status IN ('open', 'in_progress')",  # an open complaint's term
}


def _dated_columns() -> list[tuple[str, str, bool]]:
    """(table, column, is a timestamp) for every date or timestamp column of the models."""
    out = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            kind = getattr(column.type, "impl", column.type)
            if isinstance(kind, DateTime):
                out.append((table.name, column.name, True))
            elif isinstance(kind, Date):
                out.append((table.name, column.name, False))
    return out


def _stored_limits(today: date) -> tuple[str, str]:
    """The largest stored date and the first stored instant after `today` (local time), in
    the forms SQLite holds them: 'YYYY-MM-DD' and naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    next_midnight = datetime(today.year, today.month, today.day) + timedelta(days=1)
    end_utc = next_midnight.astimezone().astimezone(UTC).replace(tzinfo=None)
    return today.isoformat(), end_utc.isoformat(sep=" ")


CASES = {
    # the default shape (what tests and screenshots use), at the conftest's Monday
    "default": (DemoSizes(clients=40, deals=120), date(2026, 11, 16)),
    # the benchmark presets' shape (five years, pools of names) in early January, when this
    # year's campaigns have not started yet
    "preset": (replace(DEMO_PRESETS["small"], clients=60, deals=300, faker_pool=50),
               date(2027, 1, 4)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_nothing_is_dated_after_today(tmp_path: Path, case: str) -> None:
    sizes, today = CASES[case]
    svc = bootstrap(tmp_path / "demo.db")
    try:
        generate_demo(svc.uow_factory, sizes, seed=3, today=today)
        last_day, first_after = _stored_limits(today)
        columns = _dated_columns()
        assert {("stage_changes", "changed_at", True), ("payments", "paid_on", False),
                ("activities", "done_at", True), ("deals", "created_at", True)} <= set(columns)
        late: dict[str, int] = {}
        ahead: dict[str, int] = {}
        with svc.engine.connect() as conn:
            for table, column, is_instant in columns:
                limit = first_after if is_instant else last_day
                after = f"{column} >= :limit" if is_instant else f"{column} > :limit"
                allowed = MAY_LIE_AHEAD.get((table, column), "0")
                n = conn.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {after}"
                                      f" AND NOT ({allowed})"), {"limit": limit}).scalar_one()
                if n:
                    late[f"{table}.{column}"] = n
                ahead[f"{table}.{column}"] = conn.execute(text(
                    f"SELECT COUNT(*) FROM {table} WHERE {after}"), {"limit": limit}).scalar_one()
        assert late == {}
        # the check can see a date ahead: the planned things are there
        assert ahead["activities.due_at"] > 0
        assert ahead["deals.expected_close"] > 0
    finally:
        svc.close()


def test_an_open_deal_entered_its_stage_at_its_last_change(tmp_path: Path) -> None:
    """The board's «в этапе N дней» and the deal's history tell the same story."""
    svc = bootstrap(tmp_path / "demo.db")
    try:
        generate_demo(svc.uow_factory, DemoSizes(clients=40, deals=120), seed=3,
                      today=date(2026, 11, 16))
        with svc.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT d.id, d.stage_id, d.stage_entered_at, d.created_at,"
                " (SELECT c.to_stage_id FROM stage_changes c WHERE c.deal_id = d.id"
                "  ORDER BY c.changed_at DESC, c.id DESC LIMIT 1),"
                " (SELECT MAX(c.changed_at) FROM stage_changes c WHERE c.deal_id = d.id),"
                " (SELECT MIN(c.changed_at) FROM stage_changes c WHERE c.deal_id = d.id)"
                " FROM deals d JOIN stages s ON s.id = d.stage_id"
                " WHERE s.is_won = 0 AND s.is_lost = 0")).all()
        assert len(rows) > 10
        for deal_id, stage_id, entered, created, last_stage, last_at, first_at in rows:
            assert last_stage == stage_id, deal_id
            assert last_at == entered, deal_id
            assert created <= first_at, deal_id
    finally:
        svc.close()


def test_presets_have_the_asked_shape() -> None:
    small, large = DEMO_PRESETS["small"], DEMO_PRESETS["large"]
    assert (large.clients, large.deals) == (100_000, 300_000)
    assert (small.clients, small.deals) == (3_000, 10_000)
    assert large.span_days == small.span_days >= 5 * 365
    # ~2 contacts a client, ~3.5 done activities a deal, half the closed deals won
    assert sum(large.contacts_per_client) / len(large.contacts_per_client) == 2
    assert sum(large.done_activities) / 2 == 3.5
    assert large.won_of_closed == (1, 2)
    assert DemoSizes() == DemoSizes(clients=300, deals=600)  # the default demo is untouched
