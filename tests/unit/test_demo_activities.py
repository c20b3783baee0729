"""The demo's activities (issue 13): done ones carry result codes that suit their kind, the
next-step links stay within a deal and point forward in time, a closed deal's last activity
says why nothing follows, and some key clients have a recurring service call."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from app.bootstrap import Services
from app.services.activities import REACTIONS, Completion, results_for
from tests.conftest import DEMO_TODAY


def _rows(services: Services, sql: str) -> list[sqlite3.Row]:
    con = sqlite3.connect(services.db_path)
    con.row_factory = sqlite3.Row
    try:
        return list(con.execute(sql))
    finally:
        con.close()


def test_results_and_reactions(demo_services: Services) -> None:
    acts = _rows(demo_services, "SELECT kind, done, result, reaction FROM activities")
    done = [a for a in acts if a["done"]]
    assert done and all(a["result"] in results_for(a["kind"]) for a in done)
    assert all(a["result"] == "" for a in acts if not a["done"])
    assert {a["result"] for a in done if a["kind"] == "call"} >= {"reached", "no_answer"}
    reacted = [a for a in acts if a["reaction"]]
    assert reacted and all(a["reaction"] in REACTIONS and a["result"] == "held"
                           and a["kind"] in ("meeting", "presentation") for a in reacted)


def test_next_steps_point_forward_within_the_deal(demo_services: Services) -> None:
    links = _rows(demo_services, """
        SELECT a.deal_id, a.client_id, a.due_at, a.done, n.deal_id AS n_deal,
               n.client_id AS n_client, n.due_at AS n_due
        FROM activities a JOIN activities n ON n.id = a.next_activity_id""")
    assert len(links) > 20
    assert all(r["done"] for r in links)
    assert all(r["n_deal"] == r["deal_id"] and r["n_client"] == r["client_id"]
               and r["n_due"] >= r["due_at"] for r in links)
    assert _rows(demo_services, "PRAGMA foreign_key_check") == []
    # the last done activity of a closed deal: why there is no next step
    closed = _rows(demo_services, """
        SELECT s.is_won, a.no_next_reason FROM activities a
        JOIN deals d ON d.id = a.deal_id JOIN stages s ON s.id = d.stage_id
        WHERE (s.is_won OR s.is_lost) AND a.done = 1 AND a.next_activity_id IS NULL""")
    assert closed and all(r["no_next_reason"] == ("Сделка выиграна" if r["is_won"]
                                                  else "Сделка проиграна") for r in closed)


def test_recurring_service_calls_of_key_clients(demo_services: Services) -> None:
    calls = _rows(demo_services, """
        SELECT a.id, a.client_id, a.done, a.due_at, a.next_activity_id, a.repeat_every,
               a.repeat_unit, a.kind, a.result, c.segment
        FROM activities a JOIN clients c ON c.id = a.client_id WHERE a.purpose = 'service'""")
    planned = {r["id"]: r for r in calls if not r["done"]}
    done = [r for r in calls if r["done"]]
    assert planned and len(done) == len(planned)
    assert all(r["segment"] == "Ключевые" and r["kind"] == "call" and r["repeat_every"] == 14
               and r["repeat_unit"] == "day" for r in calls)
    assert sorted(r["next_activity_id"] for r in done) == sorted(planned)
    acts = demo_services.activities
    for r in done:
        nxt = acts.get(r["next_activity_id"])
        assert nxt.client_id == r["client_id"]
        assert nxt.due_at is not None and nxt.due_at - timedelta(days=14) == acts.get(
            r["id"]).due_at
        assert DEMO_TODAY < nxt.due_at.astimezone().date() <= DEMO_TODAY + timedelta(days=13)
    # completing one schedules the next occurrence, 14 days on
    first = min(planned)
    due = acts.get(first).due_at
    assert due is not None
    following = acts.complete(first, Completion(result="reached"),
                              now=datetime(2026, 11, 16, 12, tzinfo=UTC))
    assert following is not None and acts.get(following).due_at == due + timedelta(days=14)
