"""A writer killed with SIGKILL at random moments never costs a committed write or the file.

Each trial forks a writer process (tests/crash_writer.py) that opens the database with
`bootstrap` and makes a user's service calls — clients with contacts, deals with lines, stage
moves, activities, edits, deletions — reporting each call on a pipe only after it returned;
it is killed after a delay drawn from a seeded RNG (some while it is still opening the file).
The next trial's writer opens what the last one left (a hot WAL, as after a crash). After
every kill the file must pass `PRAGMA integrity_check` and `foreign_key_check`, every deal's
amount must equal its lines, every rollup and the client search index must equal their
recomputation from the raw rows, and every reported write must be there (the one call in
flight at the kill may or may not be). Orders and payments have no service that writes them,
so they are not exercised. `python bench/bench_crash.py` runs the same with 200+ kills.

The kill moments depend on timing, so two runs do not kill at the same instants; what is
checked holds for any instant, so the outcome does not depend on them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tests.crash_writer import (
    Campaign,
    ClientFacts,
    State,
    Write,
    check_database,
    copy_template,
    make_template,
)

KILLS = 32
SEED = 20261202


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The prepared database the trials start from (built once per run, shared)."""
    folder = tmp_path_factory.getbasetemp() / "crash-template"
    folder.mkdir(exist_ok=True)
    return make_template(folder / "template.db")


def test_sigkill_at_random_moments_loses_nothing(template: Path, tmp_path: Path) -> None:
    with Campaign(tmp_path / "campaign", template, seed=SEED) as campaign:
        for _ in range(KILLS):
            campaign.trial()
    print(campaign.summary())
    assert not campaign.failures, "\n\n".join(campaign.failures)
    assert campaign.trials == KILLS
    # the kills hit a writer at work (on any machine it commits several times in 0.6 s)
    assert campaign.commits >= KILLS // 2, campaign.summary()


# --- the check itself finds what it is there to find ------------------------------------

def _doctored(template: Path, tmp_path: Path, *sql: str) -> Path:
    path = copy_template(template, tmp_path / "doctored")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def _state(template: Path, tmp_path: Path) -> State:
    result = check_database(copy_template(template, tmp_path / "reference"), None, None)
    assert result.problems == [] and result.state is not None
    return result.state


@pytest.mark.parametrize(("sql", "finding"), [
    (["DELETE FROM deals WHERE id = (SELECT max(deal_id) FROM deal_lines)"], "reported"),
    (["UPDATE clients SET notes = 'старое' WHERE id = (SELECT min(id) FROM clients)"],
     "reported"),
    (["UPDATE deals SET amount = amount + 1 WHERE id = (SELECT min(deal_id) FROM deal_lines)"],
     "deal "),
    (["UPDATE agg_region_month SET amount = amount + 1 WHERE month = "
      "(SELECT min(month) FROM agg_region_month WHERE amount <> 0)"], "agg_region_month"),
    (["DELETE FROM agg_stage_flow WHERE change_id = (SELECT max(id) FROM stage_changes)"],
     "agg_stage_flow"),
    (["UPDATE agg_client_won SET n = n + 1"], "agg_client_won"),
    (["UPDATE agg_client_month SET cum_sq = cum_sq * 1.000001"], "agg_client_month"),
    (["DELETE FROM fts_clients WHERE rowid = (SELECT min(id) FROM clients)"], "fts_clients"),
    (["UPDATE deal_lines SET deal_id = 999999 WHERE id = (SELECT min(id) FROM deal_lines)"],
     "foreign_key_check"),
])
def test_the_check_finds_each_kind_of_damage(template: Path, tmp_path: Path, sql: list[str],
                                             finding: str) -> None:
    """Each change made behind the app's back is named by the check (the rollup and index
    ones with no model of the writes, so only the invariant can be what finds them)."""
    model = _state(template, tmp_path) if finding == "reported" else None
    result = check_database(_doctored(template, tmp_path, *sql), model, None)
    assert any(problem.startswith(finding) for problem in result.problems), result.problems


def test_the_call_in_flight_may_or_may_not_have_landed(template: Path,
                                                       tmp_path: Path) -> None:
    """The writer's last call, begun but not reported: the file may hold it or not; either
    way it holds it whole, and nothing else may differ."""
    model = _state(template, tmp_path)
    newest = max(model["clients"])
    facts = model["clients"][newest]
    without = {table: dict(rows) for table, rows in model.items()}
    del without["clients"][newest]
    created = Write(seq=1, table="clients", id=None, facts=facts)
    copy = copy_template(template, tmp_path / "copy")
    assert check_database(copy, without, created).problems == []  # it landed
    assert check_database(copy, model, created).problems == []  # it did not
    other = replace(created, facts=ClientFacts(*facts)._replace(name="Другое имя"))
    assert check_database(copy, without, other).problems != []  # not as it was asked
    assert check_database(copy, without, None).problems != []  # nothing was in flight
    edited = Write(seq=1, table="clients", id=newest,
                   facts=ClientFacts(*facts)._replace(notes="после"))
    assert check_database(copy, model, edited).problems == []
    deleted = Write(seq=1, table="clients", id=newest, facts=None)
    assert check_database(copy, model, deleted).problems == []


def test_squares_past_float_precision_are_no_rollup_finding(template: Path,
                                                            tmp_path: Path) -> None:
    """agg_client_month.cum_sq is REAL by design (squared kopecks overflow 64-bit integers):
    a month of 1 000 000,01 ₽ squares to 10000000200000001, stored as 1.00000002e16. The
    check compares it within float precision, so only a real difference is a finding."""
    from sqlalchemy import create_engine

    from tests.unit._rollup_check import rollup_mismatches

    # a won deal alone in its client's first month of purchases, so that month's running
    # sum of squares is its own square (whatever else the writer's actions made)
    won = "SELECT e.id, e.client_id, e.closed_on FROM deals e JOIN stages t ON t.id = e.stage_id" \
          " WHERE t.is_won AND e.closed_on IS NOT NULL"
    path = _doctored(template, tmp_path, (
        "UPDATE deals SET amount = 100000001 WHERE id = (SELECT min(d.id)"
        f" FROM ({won}) d WHERE NOT EXISTS (SELECT 1 FROM ({won}) o WHERE"
        " o.client_id = d.client_id AND o.id != d.id"
        " AND substr(o.closed_on, 1, 7) <= substr(d.closed_on, 1, 7)))"))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            squares = conn.exec_driver_sql(
                "SELECT cum_sq FROM agg_client_month WHERE amount = 100000001").scalar()
            assert squares == 1.00000002e16 != 100000001**2
            assert rollup_mismatches(conn) == []
    finally:
        engine.dispose()
