"""The clients due a service call (migration 0011, app/service_calls.py): agg_service_due
always equals a Python recomputation from the raw rows and the settings, after every kind of
change; the Today section read from it equals the rule applied in Python, in a zone without
daylight saving and in one with it, and when the mirrored rhythm is stale.

The recomputation reads plain SELECTs of clients, activities and settings and applies the
rule in Python (datetime arithmetic, `services.settings.DEFAULTS`), not the triggers' SQL.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, text, update

from app.models import Activity, Client, Setting
from app.rollups import bulk_load
from app.services.settings import DEFAULTS

STORED = "%Y-%m-%d %H:%M:%S.%f"


def _rows(s: Any, sql: str) -> list[Any]:
    return list(s.execute(text(sql)).all())


def _rhythm_settings(s: Any) -> tuple[dict[str, int], int]:
    stored = {k: json.loads(v) for k, v in _rows(s, "SELECT key, value FROM settings")}
    segments = stored.get("service_rhythm_days", DEFAULTS["service_rhythm_days"])
    default = stored.get("service_rhythm_default_days", DEFAULTS["service_rhythm_default_days"])
    return {str(k): int(v) for k, v in dict(segments).items()}, int(default)


def expected_due_rows(s: Any) -> set[tuple[int, str, int, str]]:
    """(client, last contact, rhythm, due instant) of every client that can be due."""
    segments, default = _rhythm_settings(s)
    last: dict[int, datetime] = {}
    planned_service: set[int] = set()
    for client_id, due_at, done, purpose in _rows(
            s, "SELECT client_id, due_at, done, purpose FROM activities"):
        if client_id is None:
            continue
        if done and due_at is not None:
            at = datetime.strptime(due_at, STORED)
            last[client_id] = max(last.get(client_id, at), at)
        if not done and purpose == "service":
            planned_service.add(client_id)
    out = set()
    for ident, status, archived, segment, every in _rows(
            s, "SELECT id, status, archived, segment, service_every_days FROM clients"):
        if status != "active" or archived or ident in planned_service:
            continue
        days = every if every is not None else segments.get(segment, default)
        if ident in last:
            at = last[ident]
            out.add((ident, at.strftime(STORED), days,
                     (at + timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")))
        else:
            out.add((ident, "", days, ""))
    return out


def stored_due_rows(s: Any) -> set[tuple[int, str, int, str]]:
    return {tuple(r) for r in _rows(
        s, "SELECT client_id, last_at, rhythm, due_at FROM agg_service_due")}


def assert_in_sync(services: Any) -> None:
    with services.uow_factory(read_only=True) as uow:
        assert stored_due_rows(uow.session) == expected_due_rows(uow.session)


def due_by_rule(services: Any, today: date) -> list[tuple[int, str]]:
    """The section's rule in Python (module docstring of app/services/worklist.py): the
    due clients, never contacted first, then the longest without a contact."""
    with services.uow_factory(read_only=True) as uow:
        rows = expected_due_rows(uow.session)
    due = []
    for ident, last, days, _due in rows:
        if not last:
            due.append((ident, last))
            continue
        contact_day = datetime.strptime(last, STORED).replace(tzinfo=UTC).astimezone().date()
        if (today - contact_day).days >= days:
            due.append((ident, last))
    return sorted(due, key=lambda r: (r[1], r[0]))


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=UTC)


@pytest.fixture
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    name = getattr(request, "param", "Europe/Moscow")
    monkeypatch.setenv("TZ", name)
    time.tzset()
    yield name
    monkeypatch.undo()
    time.tzset()


def test_a_fresh_database_mirrors_the_default_rhythm(services) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        rows = set(_rows(uow.session, "SELECT segment, days FROM agg_service_rhythm"))
    segments = DEFAULTS["service_rhythm_days"]
    assert isinstance(segments, dict)
    assert rows == {*segments.items(), (None, DEFAULTS["service_rhythm_default_days"])}


def test_the_table_follows_every_kind_of_change(services, zone) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    t0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    with services.uow_factory() as uow:
        s = uow.session
        clients = [Client(name=f"Клиент {i}", status=("active", "active", "lead")[i % 3],
                          segment=("Ключевые", "Малые", "")[i % 3],
                          service_every_days=(None, None, None, 5)[i % 4]) for i in range(12)]
        s.add_all(clients)
        s.flush()
        ids = [c.id for c in clients]
        uow.commit()
    assert_in_sync(services)

    def add(**kw: Any) -> int:
        with services.uow_factory() as uow:
            a = Activity(kind="call", subject="звонок", **kw)
            uow.session.add(a)
            uow.flush()
            uow.commit()
            return a.id

    def change(statement: Any) -> None:
        with services.uow_factory() as uow:
            uow.session.execute(statement)
            uow.commit()
        assert_in_sync(services)

    # done activities in random order (an older one after a newer one changes nothing)
    done = []
    for _ in range(30):
        at = t0 + timedelta(hours=rng.randrange(-2000, 2000))
        done.append(add(client_id=rng.choice(ids), due_at=at, done=True, done_at=at))
        assert_in_sync(services)
    # open calls of another purpose change nothing; a planned service call takes the
    # client off, its completion brings it back with a new last contact
    add(client_id=ids[0], due_at=t0 + timedelta(days=3))
    assert_in_sync(services)
    service_call = add(client_id=ids[0], due_at=t0 + timedelta(days=3), purpose="service")
    assert_in_sync(services)
    with services.uow_factory(read_only=True) as uow:
        assert ids[0] not in {r[0] for r in stored_due_rows(uow.session)}
    change(update(Activity).where(Activity.id == service_call)
           .values(done=True, done_at=t0 + timedelta(days=3)))
    # a done one moved in time, to another client, back to open, deleted; a note's purpose
    change(update(Activity).where(Activity.id == done[0]).values(due_at=t0 + timedelta(days=40)))
    change(update(Activity).where(Activity.id == done[1]).values(client_id=ids[7]))
    change(update(Activity).where(Activity.id == done[2]).values(done=False, done_at=None))
    change(update(Activity).where(Activity.id == done[3]).values(client_id=None))
    change(update(Activity).where(Activity.id == done[4]).values(purpose="service", done=False))
    change(delete(Activity).where(Activity.id == done[5]))
    change(delete(Activity).where(Activity.id.in_(done[6:12])))
    # the client: segment, its own rhythm set and cleared, status, archived, deleted, new
    change(update(Client).where(Client.id == ids[1]).values(segment="Ключевые"))
    change(update(Client).where(Client.id == ids[1]).values(service_every_days=3))
    change(update(Client).where(Client.id == ids[3]).values(service_every_days=None))
    change(update(Client).where(Client.id == ids[4]).values(status="churned"))
    change(update(Client).where(Client.id == ids[2]).values(status="active"))
    change(update(Client).where(Client.id == ids[6]).values(archived=True))
    change(delete(Activity).where(Activity.client_id == ids[9]))
    change(delete(Client).where(Client.id == ids[9]))
    with services.uow_factory() as uow:
        uow.session.add(Client(name="Новый", status="active", segment="VIP"))
        uow.commit()
    assert_in_sync(services)
    # the settings: a new segment map, the default, an odd value, written twice
    services.settings.set("service_rhythm_days", {"VIP": 3, "Малые": 30})
    assert_in_sync(services)
    services.settings.set("service_rhythm_default_days", 45)
    assert_in_sync(services)
    services.settings.set("service_rhythm_days", {})
    assert_in_sync(services)
    services.settings.set("service_rhythm_days", {"Ключевые": 7, "Сегмент «с кавычками»": 9})
    services.settings.set("follow_up_days", 20)  # another key: nothing to do
    assert_in_sync(services)


def test_a_bulk_load_fills_the_table_once(services) -> None:  # type: ignore[no-untyped-def]
    t0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    services.settings.set("service_rhythm_days", {"A": 10})
    with services.uow_factory() as uow:
        s = uow.session
        with bulk_load(s.connection()):
            clients = [Client(name=f"К{i}", status="active", segment=("A", "B")[i % 2])
                       for i in range(20)]
            s.add_all(clients)
            s.flush()
            s.add_all([Activity(kind="call", subject="x", client_id=c.id,
                                due_at=t0 - timedelta(days=i), done=i % 3 != 0,
                                purpose=("", "service")[i % 5 == 0])
                       for i, c in enumerate(clients)])
            s.flush()
            # inside the load the per-row triggers are off: nothing written yet
            assert _rows(s, "SELECT count(*) FROM agg_service_due") == [(0,)]
        uow.commit()
    assert_in_sync(services)
    with services.uow_factory(read_only=True) as uow:
        names = {r[0] for r in _rows(uow.session, "SELECT name FROM sqlite_master"
                                                  " WHERE type = 'trigger'")}
    assert {"svc_due_activity_ai", "svc_due_client_au", "svc_due_rhythm_au"} <= names


def _random_base(services: Any, today: date, rng: random.Random) -> None:
    """Clients whose last contacts fall around their due day, at every hour of it."""
    with services.uow_factory() as uow:
        s = uow.session
        for i in range(160):
            segment = ("Ключевые", "Малые", "VIP", "")[i % 4]
            every = rng.choice([None, None, None, 1, 2, 9])
            c = Client(name=f"К{i:03}", status="active", segment=segment,
                       service_every_days=every)
            s.add(c)
            s.flush()
            if i % 17 == 0:
                continue  # never contacted
            rhythm = every or {"Ключевые": 14, "VIP": 3}.get(segment, 60)
            for _ in range(rng.randrange(1, 3)):
                day = today - timedelta(days=rhythm + rng.randrange(-2, 3))
                at = _at(day, rng.randrange(24), rng.choice([0, 30, 59]))
                s.add(Activity(kind="call", subject="x", client_id=c.id, due_at=at, done=True,
                               done_at=at))
        uow.commit()
    services.settings.set("service_rhythm_days", {"Ключевые": 14, "VIP": 3})


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Europe/Berlin", "America/New_York",
                                  "Asia/Kamchatka"], indirect=True)
@pytest.mark.parametrize("today", [date(2026, 12, 2), date(2026, 3, 30), date(2026, 10, 26),
                                   date(2026, 11, 2)])
def test_the_section_equals_the_rule_in_every_zone(services, zone, today) -> None:  # type: ignore[no-untyped-def]
    # Berlin and New York change their offset in March, October and November: the days
    # next to a change are where the stored instant and the local rule part
    _random_base(services, today, random.Random(today.toordinal()))
    expected = due_by_rule(services, today)
    items, total = services.worklist.service_due(today, limit=40)
    assert total == len(expected)
    assert [i.ident for i in items] == [ident for ident, _last in expected[:40]]


def test_a_stale_mirror_is_not_trusted(services, zone) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    _random_base(services, today, random.Random(3))
    expected = due_by_rule(services, today)
    # a settings row removed behind the triggers' back: Python's defaults apply again
    # ({"Ключевые": 14}), the mirror still says VIP is 3 days
    with services.uow_factory() as uow:
        uow.session.execute(delete(Setting).where(Setting.key == "service_rhythm_days"))
        uow.commit()
    expected = due_by_rule(services, today)
    with services.uow_factory(read_only=True) as uow:
        assert ("VIP", 3) in set(_rows(uow.session,
                                       "SELECT segment, days FROM agg_service_rhythm"))
    items, total = services.worklist.service_due(today, limit=500)
    assert total == len(expected)
    assert [i.ident for i in items] == [ident for ident, _last in expected]
