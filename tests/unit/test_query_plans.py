"""Hot queries keep their plan on a database without planner statistics (issue 12).

Nobody runs ANALYZE on a laptop, so `sqlite_stat1` is absent in a user's file. Each hot
service call below is run on such a database; every statement it sends is captured and
explained, and no statement may scan a large table where an index search belongs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from app.bootstrap import Services
from app.services.clients import ClientQuery

# Tables that grow to hundreds of thousands of rows in ten years of use.
LARGE = ("activities", "deals", "deal_lines", "orders", "payments", "contacts",
         "stage_changes", "client_tags")


@contextmanager
def _captured(services: Services) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(services.engine, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(services.engine, "before_cursor_execute", capture)


def _plans(services: Services, statements: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    raw = services.engine.raw_connection()
    try:
        cursor = raw.cursor()
        found = []
        for sql, params in statements:
            rows = cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
            found += [(sql, str(r[-1])) for r in rows]
        return found
    finally:
        raw.close()


def _scans(plans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    pattern = re.compile(r"^SCAN (\w+)(?: AS \w+)?(?: USING| *$)")
    bad = []
    for sql, detail in plans:
        match = pattern.match(detail)
        if match and match.group(1) in LARGE:
            bad.append((detail, sql[:200]))
    return bad


def _no_statistics(services: Services) -> None:
    raw = services.engine.raw_connection()
    try:
        names = {r[0] for r in raw.cursor().execute("SELECT name FROM sqlite_master")}
    finally:
        raw.close()
    assert "sqlite_stat1" not in names  # the database as a user has it


HOT: dict[str, Callable[[Services], object]] = {
    "client list, first page": lambda s: s.clients.rows(
        s.clients.search_ids(ClientQuery())[:100]),
    "search «ром»": lambda s: s.clients.rows(s.clients.search_ids(ClientQuery(text="ром"))[:100]),
    "search «7707»": lambda s: s.clients.rows(s.clients.search_ids(ClientQuery(text="7707"))),
    "Today: figures and agenda": lambda s: s.overview.overview(),
    "Today: birthdays": lambda s: s.overview.birthdays(),
    "Today: payments due": lambda s: s.overview.receivables_due(limit=100),
    "Today: worklist": lambda s: s.worklist.worklist(),
    # a holiday in the week: its key clients are listed too
    "Today: worklist at New Year": lambda s: s.worklist.worklist(date(2026, 12, 28)),
}


@pytest.mark.parametrize("name", sorted(HOT))
def test_hot_queries_use_an_index_without_statistics(demo_services: Services,
                                                            name: str) -> None:
    _no_statistics(demo_services)
    with _captured(demo_services) as statements:
        HOT[name](demo_services)
    assert statements
    plans = _plans(demo_services, statements)
    assert _scans(plans) == []
    if name.startswith("Today"):  # the day's activities: by (done, due_at), as wanted
        return
    activity_searches = [d for _sql, d in plans if "activities" in d or " a USING" in d]
    assert all("ix_activities_client_done_due" in d for d in activity_searches
               if d.startswith("SEARCH")), activity_searches


def test_the_check_catches_the_plan_of_the_old_indexes(demo_services: Services) -> None:
    """Found: with (client_id, due_at) and (done, due_at), and no statistics, SQLite searched
    the (done, due_at) index — every done activity of the base for each listed client."""
    raw = demo_services.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for sql in ("DROP INDEX ix_activities_client_done_due",  # the indexes of 0001–0004,
                    "DROP INDEX ix_activities_done_due",  # made in 0001's order
                    "CREATE INDEX ix_activities_client_due ON activities (client_id, due_at)",
                    "CREATE INDEX ix_activities_done_due ON activities (done, due_at)"):
            cursor.execute(sql)
        raw.commit()
    finally:
        raw.close()
    with _captured(demo_services) as statements:
        HOT["client list, first page"](demo_services)
    plans = _plans(demo_services, statements)
    assert any("ix_activities_done_due" in d for _sql, d in plans)
    plans = _plans(demo_services, [("SELECT count(*) FROM activities WHERE subject LIKE ?",
                                    ("%звонок%",))])
    assert _scans(plans) != []


def test_birthdays_search_their_expression_index(demo_services: Services) -> None:
    """Found: `strftime('%m-%d', birthday) IN (…)` read every contact (0.64 s on 175,000)."""
    _no_statistics(demo_services)
    with _captured(demo_services) as statements:
        demo_services.overview.birthdays()
    details = [d for _sql, d in _plans(demo_services, statements) if "contacts" in d]
    assert details and all("ix_contacts_birthday_name" in d for d in details), details


def test_optimize_gives_a_base_without_statistics_its_statistics(demo_services: Services,
                                                                 tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The window's maintenance (app.db.optimize): a base that never had statistics gets
    them at the start of a session; a file it may not write is left alone, without an error."""
    import shutil
    import sqlite3

    from sqlalchemy import create_engine

    from app.db import optimize

    _no_statistics(demo_services)
    demo_services.disconnect()
    untouched = tmp_path / "read-only.db"
    shutil.copyfile(demo_services.db_path, untouched)
    before = untouched.read_bytes()
    read_only = create_engine(f"sqlite:///file:{untouched}?mode=ro&uri=true")
    try:
        assert optimize(read_only, opening=True) is False
    finally:
        read_only.dispose()
    assert untouched.read_bytes() == before

    assert demo_services.optimize(opening=True) is True
    raw = sqlite3.connect(demo_services.db_path)
    try:
        tables = {r[0] for r in raw.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        raw.close()
    assert {"clients", "deals", "activities"} <= tables
    assert demo_services.optimize() is True  # the end of the session


def test_a_narrow_search_fetches_its_matches_by_key(demo_services: Services) -> None:
    """Found: for a few thousand matches SQLite walked the whole name index of the base and
    probed the match list (22 ms for 7,000 of 100,000 clients); they are fetched by key."""
    _no_statistics(demo_services)
    traced: list[str] = []  # the list's ids go through the DB-API cursor: trace the driver

    def trace(dbapi_connection, record, proxy):  # type: ignore[no-untyped-def]
        dbapi_connection.set_trace_callback(traced.append)

    demo_services.disconnect()
    event.listen(demo_services.engine, "checkout", trace)
    try:
        found = demo_services.clients.search_ids(ClientQuery(text="ооо"))
    finally:
        event.remove(demo_services.engine, "checkout", trace)
        demo_services.disconnect()
    assert found
    listing = [(sql, ()) for sql in traced if sql.startswith("SELECT c.id")]
    assert len(listing) == 1, traced
    details = [d for _sql, d in _plans(demo_services, listing)]
    # the matches come from the indexes (the words' beginnings, and the names' fragments
    # since migration 0019), each client is then fetched by its key — no walk of clients
    assert any(d.startswith("SCAN fts_clients VIRTUAL TABLE") for d in details), details
    assert any(d.startswith("SCAN fts_client_names VIRTUAL TABLE") for d in details), details
    assert any(d.startswith("SEARCH c USING INTEGER PRIMARY KEY") for d in details), details
    assert not any(d.startswith("SCAN c") for d in details), details
