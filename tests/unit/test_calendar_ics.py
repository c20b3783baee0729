"""Calendar files: the export read back by icalendar and by vobject (a second parser), times
round-tripped through an import into a fresh base, matching, skipping, and bad files."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from sqlalchemy import func, select

from app.bootstrap import bootstrap
from app.cli import run
from app.models import Activity, Client, Contact
from app.services.activities import ActivityDraft
from app.services.calendar_ics import MAX_ICS_BYTES
from app.services.errors import ValidationError
from tests.unit._moscow import moscow  # noqa: F401  (the zone of every test here)

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # 12:00 in Moscow


def msk(y: int, m: int, d: int, hh: int = 12, mm: int = 0) -> datetime:
    """Moscow wall-clock time as its UTC instant (UTC+3, written out)."""
    return datetime(y, m, d, hh, mm, tzinfo=UTC) - timedelta(hours=3)


@pytest.fixture
def planned(services):  # type: ignore[no-untyped-def]
    """A client with a contact, and activities planned through the activities service."""
    with services.uow_factory() as uow:
        c = Client(name="ООО «Альфа»", status="active", email="office@alfa.ru")
        uow.session.add(c)
        uow.flush()
        p = Contact(client_id=c.id, name="Ирина Смирнова", email="Irina@Alfa.ru",
                    phone="+7 916 000-00-01")
        uow.session.add(p)
        uow.flush()
        ids = (c.id, p.id)
        uow.commit()
    client_id, contact_id = ids
    acts = services.activities
    made = {
        "meeting": acts.create(ActivityDraft(
            kind="meeting", subject="Встреча по договору", client_id=client_id,
            contact_id=contact_id, due_at=msk(2026, 12, 3, 10, 30), duration_min=90,
            place="Москва, Тверская, 1", notes="Взять образцы"), now=NOW),
        "call": acts.create(ActivityDraft(
            kind="call", subject="Уточнить объём", client_id=client_id,
            due_at=msk(2026, 12, 4, 9, 0), remind_before_min=-1), now=NOW),
        "task": acts.create(ActivityDraft(
            kind="task", subject="Подготовить КП", due_at=msk(2026, 12, 10, 18, 0),
            remind_before_min=30), now=NOW),
    }
    done = acts.create(ActivityDraft(kind="call", subject="уже сделано", client_id=client_id,
                                     due_at=msk(2026, 12, 3, 15, 0), remind_before_min=-1),
                       now=NOW)
    from app.services.activities import Completion

    acts.complete(done, Completion(result="reached", no_next_reason="всё"), now=NOW)
    return made


def _events(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_the_export_reads_in_icalendar(services, planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "week.ics"
    assert services.calendar.export_ics(path, start=date(2026, 12, 2)) == 3
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Europe/Moscow"]
    events = _events(path)
    assert sorted(events) == ["Встреча по договору — ООО «Альфа»", "Подготовить КП",
                              "Уточнить объём — ООО «Альфа»"]
    meeting = events["Встреча по договору — ООО «Альфа»"]
    start, end = meeting["DTSTART"], meeting["DTEND"]
    assert start.params["TZID"] == "Europe/Moscow"
    assert start.dt.replace(tzinfo=None) == datetime(2026, 12, 3, 10, 30)
    assert start.dt == msk(2026, 12, 3, 10, 30)
    assert end.dt - start.dt == timedelta(minutes=90)
    assert str(meeting["LOCATION"]) == "Москва, Тверская, 1"
    assert str(meeting["DESCRIPTION"]) == "Контакт: Ирина Смирнова, +7 916 000-00-01\nВзять образцы"
    assert str(meeting["ATTENDEE"]) == "mailto:Irina@Alfa.ru"
    assert str(events["Уточнить объём — ООО «Альфа»"]["ATTENDEE"]) == "mailto:office@alfa.ru"
    assert str(meeting["UID"]).startswith(f"activity-{planned['meeting']}-")
    [alarm] = meeting.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(minutes=-15)  # the meeting's default
    call = events["Уточнить объём — ООО «Альфа»"]
    assert call.walk("VALARM") == [] and "DTEND" not in call
    assert call["DTSTART"].dt == msk(2026, 12, 4, 9, 0)
    [task_alarm] = events["Подготовить КП"].walk("VALARM")
    assert task_alarm["TRIGGER"].dt == timedelta(minutes=-30)
    # the UID is stable: a second export names the same events the same way
    again = tmp_path / "again.ics"
    services.calendar.export_ics(again, start=date(2026, 12, 2))
    assert ({str(e["UID"]) for e in _events(again).values()}
            == {str(e["UID"]) for e in events.values()})


def test_the_export_reads_in_vobject(services, planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "week.ics"
    services.calendar.export_ics(path, start=date(2026, 12, 2))
    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    found = {e.summary.value: e for e in cal.vevent_list}
    meeting = found["Встреча по договору — ООО «Альфа»"]
    assert meeting.dtstart.value == msk(2026, 12, 3, 10, 30)
    assert meeting.dtend.value - meeting.dtstart.value == timedelta(minutes=90)
    assert meeting.location.value == "Москва, Тверская, 1"
    assert meeting.valarm.trigger.value == timedelta(minutes=-15)
    assert found["Уточнить объём — ООО «Альфа»"].dtstart.value == msk(2026, 12, 4, 9, 0)
    assert len({e.uid.value for e in cal.vevent_list}) == 3


def test_the_period_bounds_are_local_days_included(services, planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one.ics"
    assert services.calendar.export_ics(path, start=date(2026, 12, 4),
                                        end=date(2026, 12, 4)) == 1
    assert list(_events(path)) == ["Уточнить объём — ООО «Альфа»"]
    assert services.calendar.export_ics(path, start=date(2026, 12, 5),
                                        end=date(2026, 12, 9)) == 0
    with pytest.raises(ValidationError) as err:
        services.calendar.export_ics(path, start=date(2026, 12, 5), end=date(2026, 12, 4))
    assert "end" in err.value.errors


def test_times_round_trip_through_an_import(services, planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "week.ics"
    services.calendar.export_ics(path, start=date(2026, 12, 2))
    before = {a.subject: a for a in services.activities.in_range(
        msk(2026, 12, 1), msk(2027, 1, 1))}
    fresh = bootstrap(tmp_path / "fresh.db")
    try:
        with fresh.uow_factory() as uow:  # the same client and contact, by e-mail
            c = Client(name="ООО «Альфа»", status="active", email="OFFICE@alfa.ru")
            uow.session.add(c)
            uow.flush()
            uow.session.add(Contact(client_id=c.id, name="Ирина", email="irina@alfa.ru"))
            uow.commit()
        result = fresh.calendar.import_ics(path, now=NOW)
        assert (result.created, result.skipped, result.matched) == (3, 0, 2)
        after = {a.subject: a for a in fresh.activities.in_range(
            msk(2026, 12, 1), msk(2027, 1, 1))}
        assert sorted(after) == sorted(before)  # the export's « — client» taken off again
        for subject, old in before.items():
            new = after[subject]
            assert new.due_at == old.due_at  # the same UTC instant
            assert new.duration_min == old.duration_min
            assert new.remind_before_min == old.remind_before_min
            assert (new.kind, new.place) == (old.kind, old.place)
            assert (new.client_name, new.contact_name) == (
                old.client_name, "Ирина" if old.contact_name else "")
        # the same file again: every event was imported before
        assert fresh.calendar.import_ics(path, now=NOW).skipped == 3
    finally:
        fresh.close()
    # into the base it came from: its own events are skipped
    assert services.calendar.import_ics(path, now=NOW) == type(result)(0, 3, 0)


ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Outlook//RU
{body}END:VCALENDAR
"""


def event(uid: str, summary: str, start: str, *extra: str) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261201T080000Z", f"SUMMARY:{summary}",
             start, *extra, "END:VEVENT"]
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, *events: str, name: str = "in.ics") -> Path:
    path = tmp_path / name
    path.write_text(ICS.format(body="".join(events)), encoding="utf-8")
    return path


def _imported(services) -> dict[str, Activity]:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        rows = uow.session.scalars(select(Activity).where(Activity.ical_uid.is_not(None))).all()
        uow.session.expunge_all()
    return {a.ical_uid: a for a in rows}


def test_events_are_matched_kinded_and_skipped(services, planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        client_id, contact_id = uow.session.execute(
            select(Contact.client_id, Contact.id)).one()
    path = write(
        tmp_path,
        event("m1", "Обсуждение поставки", "DTSTART;TZID=Europe/Moscow:20261205T110000",
              "DTEND;TZID=Europe/Moscow:20261205T123000", "LOCATION:Офис клиента",
              "ORGANIZER:mailto:me@my-company.ru",
              "ATTENDEE;CN=Ирина:mailto:irina@alfa.ru",
              "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT10M", "END:VALARM"),
        event("c1", "Звонок в бухгалтерию", "DTSTART:20261206T070000Z",
              "ATTENDEE:mailto:OFFICE@alfa.ru"),
        event("t1", "Стоматолог", "DTSTART:20261207T150000"),  # floating: local time
        event("d1", "Конференция", "DTSTART;VALUE=DATE:20261208",
              "DTEND;VALUE=DATE:20261209"),
        event("r1", "Планёрка", "DTSTART;TZID=Europe/Moscow:20261102T100000",
              "DURATION:PT30M", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
        event("old", "Прошлая встреча", "DTSTART:20261130T070000Z"),
        event("x1", "Отменена", "DTSTART:20261209T070000Z", "STATUS:CANCELLED"),
        event("m1", "Повтор UID", "DTSTART:20261210T070000Z"),
        event("late-alarm", "Скоро", "DTSTART:20261202T091000Z",
              "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM"),
    )
    result = services.calendar.import_ics(path, now=NOW)
    assert (result.created, result.skipped, result.matched) == (6, 3, 2)
    got = _imported(services)
    m = got["m1"]
    assert (m.kind, m.client_id, m.contact_id, m.place) == (
        "meeting", client_id, contact_id, "Офис клиента")
    assert (m.due_at, m.duration_min, m.remind_before_min) == (
        msk(2026, 12, 5, 11, 0), 90, 10)
    c = got["c1"]
    assert (c.kind, c.client_id, c.contact_id, c.due_at) == (
        "call", client_id, None, datetime(2026, 12, 6, 7, 0, tzinfo=UTC))
    t = got["t1"]
    assert (t.kind, t.client_id, t.due_at) == ("task", None, msk(2026, 12, 7, 15, 0))
    assert t.remind_at is None
    d = got["d1"]
    assert (d.kind, d.due_at, d.duration_min) == ("task", msk(2026, 12, 8, 9, 0), None)
    r = got["r1"]  # the next Monday's occurrence only
    assert (r.due_at, r.repeat_every) == (msk(2026, 12, 7, 10, 0), None)
    assert got["late-alarm"].remind_before_min is None  # its alarm would have fired
    assert "old" not in got and "x1" not in got
    # imported before: skipped on a second run, nothing added
    again = services.calendar.import_ics(path, now=NOW)
    assert (again.created, again.skipped) == (0, 9)


def _count(services) -> int:  # type: ignore[no-untyped-def]
    with services.uow_factory(read_only=True) as uow:
        return uow.session.scalar(select(func.count(Activity.id))) or 0


@pytest.mark.parametrize(("content", "word"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "не файл календаря"),
    ("Фамилия;Имя\nИванов;Иван\n".encode(), "не файл календаря"),
    (b"BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\n", "повреждён"),
    (b"BEGIN:VCALENDAR\nthis is not a content line\nEND:VCALENDAR\n", "повреждён"),
    (b"", "не файл календаря"),
])
def test_a_bad_file_is_refused_whole(services, tmp_path, content: bytes,  # type: ignore[no-untyped-def]
                                     word: str) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        services.calendar.import_ics(path, now=NOW)
    assert list(err.value.errors) == ["file"] and word in err.value.errors["file"]
    assert _count(services) == 0


def test_a_broken_event_saves_nothing_of_the_file(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, event("good", "Встреча", "DTSTART:20261205T070000Z"),
                 event("bad", "Сломанная", "DTSTART:2026-99-99"))
    with pytest.raises(ValidationError) as err:
        services.calendar.import_ics(path, now=NOW)
    assert "Сломанная" in err.value.errors["file"]
    assert _count(services) == 0


def test_a_50_mb_file_is_refused_before_it_is_read(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.ics"
    with open(path, "wb") as f:
        f.write(b"BEGIN:VCALENDAR\n")
        f.truncate(50 * 2**20)
    assert path.stat().st_size > MAX_ICS_BYTES
    with pytest.raises(ValidationError) as err:
        services.calendar.import_ics(path, now=NOW)
    assert "слишком большой: 50 МБ" in err.value.errors["file"]
    assert _count(services) == 0


def test_the_commands(services, planned, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(services.db_path)
    services.close()
    out = tmp_path / "out.ics"
    assert run(["export", "calendar", str(out), "--db", db, "--from", "2026-12-03",
                "--to", "2026-12-04"]) == 0
    assert "Выгружено дел в календарь: 2" in capsys.readouterr().out
    assert len(_events(out)) == 2
    assert run(["export", "calendar", str(out), "--db", db, "--from", "03.12.2026"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--from" in err
    fresh = str(tmp_path / "fresh.db")
    assert run(["import", "calendar", str(out), "--db", fresh]) == 0
    assert "пропущено: " in capsys.readouterr().out
    bad = tmp_path / "bad.ics"
    bad.write_text("не календарь", encoding="utf-8")
    assert run(["import", "calendar", str(bad), "--db", fresh]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "не файл календаря" in err
    untouched = tmp_path / "never.db"
    assert run(["import", "calendar", str(tmp_path / "missing.ics"), "--db", str(untouched)]) == 1
    assert "Файл не найден" in capsys.readouterr().err
    assert not untouched.exists()  # the file is checked before a base is opened (or made)


def test_a_zone_with_summer_time_across_its_change(services, tmp_path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Berlin goes from +01:00 to +02:00 on 28 March 2027: both parsers read each event's
    own offset from the VTIMEZONE, and the import gives back the same instants."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time_module.tzset()
    before = datetime(2027, 3, 27, 9, 0, tzinfo=UTC)  # 10:00 CET
    after = datetime(2027, 3, 29, 8, 0, tzinfo=UTC)  # 10:00 CEST
    for due in (before, after):
        services.activities.create(ActivityDraft(kind="task", subject=f"в {due:%d.%m}",
                                                 due_at=due, duration_min=60), now=NOW)
    path = tmp_path / "berlin.ics"
    assert services.calendar.export_ics(path, start=date(2027, 3, 1)) == 2
    events = _events(path)
    assert {str(e["DTSTART"].params["TZID"]) for e in events.values()} == {"Europe/Berlin"}
    assert [e["DTSTART"].dt.replace(tzinfo=None) for e in events.values()] == [
        datetime(2027, 3, 27, 10, 0), datetime(2027, 3, 29, 10, 0)]
    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    assert sorted(e.dtstart.value for e in cal.vevent_list) == [before, after]
    fresh = bootstrap(tmp_path / "fresh.db")
    try:
        assert fresh.calendar.import_ics(path, now=NOW).created == 2
        got = fresh.activities.in_range(datetime(2027, 3, 1, tzinfo=UTC),
                                        datetime(2027, 4, 1, tzinfo=UTC))
        assert [(a.due_at, a.duration_min) for a in got] == [(before, 60), (after, 60)]
    finally:
        fresh.close()
