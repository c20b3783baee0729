"""ActivitiesService (issue 13) on hand-made data: every method, every bad input, recurrence
at month ends, undo after each bulk action, and `remind_at` through every change.

The expected values are written out by hand (dates, minutes), not computed by the service's
own helpers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.bootstrap import Services
from app.services.activities import (
    CALL_RESULTS,
    GENERIC_RESULTS,
    MEETING_RESULTS,
    ActivityDraft,
    BulkChange,
    Completion,
    activity_kind_label,
    priority_label,
    reaction_label,
    result_label,
    results_for,
)
from app.services.deals import DealInput
from app.services.errors import ConflictError, NotFoundError, ValidationError

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 3, 11, 0, tzinfo=UTC)  # tomorrow 11:00 UTC


@dataclass(frozen=True)
class World:
    client: int
    other_client: int
    contact: int
    other_contact: int
    deal: int
    deal2: int
    other_deal: int


@pytest.fixture
def world(services: Services) -> World:
    from app.models import Client, Contact

    with services.uow_factory() as uow:
        clients = [Client(name="ООО «Ромашка»", segment="Ключевые"),
                   Client(name="ИП Васильков", segment="Малые")]
        uow.session.add_all(clients)
        uow.flush()
        contacts = [Contact(client_id=clients[0].id, name="Анна Петрова", phone="+79161234567",
                            email="anna@romashka.ru"),
                    Contact(client_id=clients[1].id, name="Иван Васильков")]
        uow.session.add_all(contacts)
        uow.flush()
        ids = [c.id for c in clients], [c.id for c in contacts]
        uow.commit()
    (client, other), (contact, other_contact) = ids
    deals = [services.deals.save_deal(DealInput(client_id=c, title=t), now=NOW).deal_id
             for c, t in ((client, "Поставка насосов"), (client, "Сервис"),
                          (other, "Фильтры"))]
    return World(client, other, contact, other_contact, *deals)


def _raw(services: Services, activity_id: int, columns: str) -> tuple[object, ...]:
    con = sqlite3.connect(services.db_path)
    try:
        row = con.execute(f"SELECT {columns} FROM activities WHERE id = ?",
                          (activity_id,)).fetchone()
        assert row is not None
        return tuple(row)
    finally:
        con.close()


def _count(services: Services, table: str = "activities") -> int:
    con = sqlite3.connect(services.db_path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return exc.value.errors


# --- codes and labels -----------------------------------------------------------------------

def test_results_and_labels() -> None:
    assert results_for("call") == ("reached", "no_answer", "busy", "call_back",
                                   "wrong_number", "refused")
    assert results_for("meeting") == results_for("presentation") == ("held", "moved",
                                                                      "cancelled")
    for kind in ("email", "task", "note"):
        assert results_for(kind) == ("done", "cancelled")
    assert result_label("reached") == "Дозвонился"
    assert result_label("held") == "Состоялась"
    assert result_label("done") == "Выполнено"
    assert reaction_label("positive") == "Положительная"
    assert priority_label("high") == "Высокий"
    assert activity_kind_label("presentation") == "Презентация"
    for code in CALL_RESULTS + MEETING_RESULTS + GENERIC_RESULTS:
        assert result_label(code) and result_label(code) != code


# --- create, get, update, delete ------------------------------------------------------------

def test_create_and_get_with_names_and_the_default_reminder(services: Services,
                                                            world: World) -> None:
    acts = services.activities
    new_id = acts.create(ActivityDraft(
        kind="meeting", subject="  Встреча по КП ", contact_id=world.contact, deal_id=world.deal,
        due_at=LATER, duration_min=90, place=" Офис клиента ", notes="Взять образцы",
        priority="high"), now=NOW)
    d = acts.get(new_id)
    assert (d.kind, d.subject, d.client_id, d.client_name) == (
        "meeting", "Встреча по КП", world.client, "ООО «Ромашка»")  # the deal's client
    assert (d.contact_name, d.contact_phone, d.contact_email) == (
        "Анна Петрова", "+79161234567", "anna@romashka.ru")
    assert (d.deal_id, d.deal_title) == (world.deal, "Поставка насосов")
    assert (d.due_at, d.duration_min, d.place, d.priority) == (LATER, 90, "Офис клиента",
                                                               "high")
    assert d.remind_before_min == 15
    assert d.remind_at == datetime(2026, 12, 3, 10, 45, tzinfo=UTC)
    assert not d.done and d.done_at is None and d.result == ""
    assert d.due_at is not None and d.due_at.tzinfo is not None
    assert _raw(services, new_id, "remind_at") == ("2026-12-03 10:45:00.000000",)


def test_default_reminders_per_kind(services: Services, world: World) -> None:
    acts = services.activities
    call = acts.create(ActivityDraft(kind="call", subject="Позвонить", client_id=world.client,
                                     due_at=LATER), now=NOW)
    email = acts.create(ActivityDraft(kind="email", subject="Письмо", client_id=world.client,
                                      due_at=LATER), now=NOW)
    none = acts.create(ActivityDraft(kind="meeting", subject="Без напоминания",
                                     client_id=world.client, due_at=LATER,
                                     remind_before_min=-1), now=NOW)
    own = acts.create(ActivityDraft(kind="email", subject="Своё", client_id=world.client,
                                    due_at=LATER, remind_before_min=60), now=NOW)
    assert acts.get(call).remind_at == LATER
    assert acts.get(email).remind_at is None and acts.get(email).remind_before_min is None
    assert acts.get(none).remind_at is None
    assert acts.get(own).remind_at == datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    # the editor's draft keeps "no reminder" as -1, so saving it back changes nothing
    assert acts.get(none).draft().remind_before_min == -1


def test_a_personal_task_and_a_note_need_neither_client_nor_time(services: Services) -> None:
    acts = services.activities
    task = acts.create(ActivityDraft(kind="task", subject="Отчёт за месяц", due_at=LATER),
                       now=NOW)
    assert acts.get(task).client_id is None
    with pytest.raises(ValidationError) as exc:
        acts.create(ActivityDraft(kind="note", subject="Заметка"), now=NOW)
    assert set(_errors(exc)) == {"client_id"}  # a note needs a client, not a time


def test_create_refuses_every_bad_field(services: Services, world: World) -> None:
    acts = services.activities

    def refused(draft: ActivityDraft) -> dict[str, str]:
        with pytest.raises(ValidationError) as exc:
            acts.create(draft, now=NOW)
        return _errors(exc)

    base = ActivityDraft(kind="call", subject="Звонок", client_id=world.client, due_at=LATER)
    assert refused(replace(base, kind="visit")) == {"kind": "Неизвестный вид дела"}
    assert refused(replace(base, subject="   ")) == {"subject": "Опишите, что нужно сделать"}
    assert set(refused(replace(base, client_id=None))) == {"client_id"}
    assert refused(replace(base, due_at=None)) == {"due_at": "Укажите дату и время"}
    assert refused(replace(base, due_at=datetime(2026, 12, 3, 11))) == {
        "due_at": "Время без часового пояса"}
    assert refused(replace(base, duration_min=0)) == {"duration_min": "Окончание раньше начала"}
    assert refused(replace(base, duration_min=-30)) == {
        "duration_min": "Окончание раньше начала"}
    assert set(refused(replace(base, priority="urgent"))) == {"priority"}
    assert set(refused(replace(base, purpose="party"))) == {"purpose"}
    assert set(refused(replace(base, repeat_every=1, repeat_unit="year"))) == {"repeat_unit"}
    assert set(refused(replace(base, repeat_every=0, repeat_unit="week"))) == {"repeat_every"}
    assert set(refused(replace(base, repeat_every=-2, repeat_unit="day"))) == {"repeat_every"}
    assert set(refused(replace(base, repeat_every=2))) == {"repeat_unit"}
    assert set(refused(replace(base, repeat_unit="day"))) == {"repeat_every"}
    assert set(refused(replace(base, contact_id=world.other_contact))) == {"contact_id"}
    assert set(refused(replace(base, deal_id=world.other_deal))) == {"deal_id"}
    assert set(refused(replace(base, deal_id=99999))) == {"deal_id"}
    assert set(refused(replace(base, client_id=99999))) == {"client_id"}
    assert set(refused(replace(base, materials=(" ",)))) == {"materials"}
    assert set(refused(replace(base, remind_before_min=-5))) == {"remind_before_min"}
    # a reminder that would already have fired: 11:00 tomorrow minus 27 hours is before NOW
    assert refused(replace(base, remind_before_min=27 * 60)) == {
        "remind_before_min": "Напоминание уже в прошлом"}
    # several at once, each next to its field
    assert set(refused(ActivityDraft(kind="call", subject="", due_at=None))) == {
        "subject", "due_at", "client_id"}
    assert _count(services) == 0


def test_a_past_start_with_the_default_reminder_gets_none(services: Services,
                                                          world: World) -> None:
    acts = services.activities
    new_id = acts.create(ActivityDraft(kind="meeting", subject="Уже идёт",
                                       client_id=world.client,
                                       due_at=NOW + timedelta(minutes=5)), now=NOW)
    d = acts.get(new_id)
    assert d.remind_before_min is None and d.remind_at is None


def test_update_and_its_reminder(services: Services, world: World) -> None:
    acts = services.activities
    new_id = acts.create(ActivityDraft(kind="meeting", subject="Встреча",
                                       client_id=world.client, due_at=LATER,
                                       materials=("/tmp/a.pdf",)), now=NOW)
    draft = acts.get(new_id).draft()
    moved = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    acts.update(new_id, replace(draft, subject="Встреча 2", due_at=moved, remind_before_min=30,
                                contact_id=world.contact, deal_id=world.deal2,
                                materials=("/tmp/b.pdf",)), now=NOW)
    d = acts.get(new_id)
    assert (d.subject, d.due_at, d.contact_id, d.deal_id) == ("Встреча 2", moved, world.contact,
                                                              world.deal2)
    assert d.remind_at == datetime(2026, 12, 4, 11, 30, tzinfo=UTC)
    assert [m.path for m in d.materials] == ["/tmp/b.pdf"]
    # a dismissed reminder stays dismissed through an edit of something else
    acts.dismiss_reminder(new_id)
    acts.update(new_id, replace(acts.get(new_id).draft(), remind_before_min=30,
                                notes="Подготовить"), now=NOW)
    assert acts.get(new_id).remind_at is None
    # bad input: nothing changes
    with pytest.raises(ValidationError) as exc:
        acts.update(new_id, replace(acts.get(new_id).draft(), duration_min=0,
                                    contact_id=world.other_contact), now=NOW)
    assert set(_errors(exc)) == {"duration_min", "contact_id"}
    with pytest.raises(ValidationError) as exc:
        acts.update(new_id, replace(acts.get(new_id).draft(),
                                    due_at=NOW + timedelta(minutes=10)), now=NOW)
    assert _errors(exc) == {"remind_before_min": "Напоминание уже в прошлом"}
    assert acts.get(new_id).due_at == moved
    with pytest.raises(NotFoundError):
        acts.update(99999, draft, now=NOW)


def test_delete_and_materials(services: Services, world: World, tmp_path: Path) -> None:
    acts = services.activities
    present = tmp_path / "Презентация.pdf"
    present.write_bytes(b"%PDF-1.4")
    new_id = acts.create(ActivityDraft(kind="presentation", subject="Презентация",
                                       client_id=world.client, due_at=LATER,
                                       materials=(str(present),)), now=NOW)
    gone = acts.add_material(new_id, str(tmp_path / "нет.pptx"), "Слайды")
    with pytest.raises(ValidationError):
        acts.add_material(new_id, "  ")
    with pytest.raises(NotFoundError):
        acts.add_material(99999, "/tmp/x")
    mats = acts.get(new_id).materials
    assert [(m.title, m.exists) for m in mats] == [("Презентация.pdf", True), ("Слайды", False)]
    acts.remove_material(gone)
    assert [m.path for m in acts.get(new_id).materials] == [str(present)]
    with pytest.raises(NotFoundError):
        acts.remove_material(gone)
    acts.delete(new_id)
    with pytest.raises(NotFoundError):
        acts.get(new_id)
    with pytest.raises(NotFoundError):
        acts.delete(new_id)
    assert _count(services, "activity_materials") == 0


# --- completion -----------------------------------------------------------------------------

def test_complete_with_a_next_step(services: Services, world: World) -> None:
    acts = services.activities
    call = acts.create(ActivityDraft(kind="call", subject="Первый звонок",
                                     contact_id=world.contact, deal_id=world.deal,
                                     due_at=LATER), now=NOW)
    done_at = datetime(2026, 12, 3, 11, 20, tzinfo=UTC)
    meet_at = datetime(2026, 12, 8, 7, 0, tzinfo=UTC)
    next_id = acts.complete(call, Completion(
        result="reached", outcome="Интересуются насосами",
        next=ActivityDraft(kind="meeting", subject="Встреча", due_at=meet_at),
        done_at=done_at), now=done_at)
    assert next_id is not None
    d = acts.get(call)
    assert (d.done, d.done_at, d.result, d.outcome, d.next_activity_id, d.remind_at) == (
        True, done_at, "reached", "Интересуются насосами", next_id, None)
    nxt = acts.get(next_id)
    # the next step has no client of its own: the call's client, contact and deal
    assert (nxt.client_id, nxt.contact_id, nxt.deal_id, nxt.due_at) == (
        world.client, world.contact, world.deal, meet_at)
    assert nxt.remind_at == datetime(2026, 12, 8, 6, 45, tzinfo=UTC)
    with pytest.raises(ValidationError):  # twice: refused
        acts.complete(call, Completion(result="reached", no_next_reason="—"), now=done_at)


def test_complete_refuses_and_saves_nothing(services: Services, world: World) -> None:
    acts = services.activities
    meeting = acts.create(ActivityDraft(kind="meeting", subject="Встреча",
                                        client_id=world.client, due_at=LATER), now=NOW)
    before = _count(services)

    def refused(c: Completion) -> dict[str, str]:
        with pytest.raises(ValidationError) as exc:
            acts.complete(meeting, c, now=NOW)
        return _errors(exc)

    assert set(refused(Completion(result="", no_next_reason="Клиент думает"))) == {"result"}
    assert set(refused(Completion(result="reached", no_next_reason="x"))) == {"result"}
    assert set(refused(Completion(result="held", reaction="angry",
                                  no_next_reason="x"))) == {"reaction"}
    assert set(refused(Completion(result="held"))) == {"no_next_reason"}
    assert set(refused(Completion(result="held", no_next_reason="   "))) == {"no_next_reason"}
    assert set(refused(Completion(result="held", no_next_reason="x",
                                  done_at=datetime(2026, 12, 3)))) == {"done_at"}
    # an invalid next step: neither the completion nor the next step is saved
    assert set(refused(Completion(result="held", next=ActivityDraft(
        kind="call", subject="", due_at=datetime(2026, 12, 9, 9))))) == {
        "next.subject", "next.due_at"}
    assert set(refused(Completion(result="held", next=ActivityDraft(
        kind="call", subject="Созвон", client_id=world.client, deal_id=world.other_deal,
        due_at=LATER)))) == {"next.deal_id"}
    assert _count(services) == before
    assert not acts.get(meeting).done
    with pytest.raises(NotFoundError):
        acts.complete(99999, Completion(result="held", no_next_reason="x"), now=NOW)
    # a reaction is only for meetings and presentations
    call = acts.create(ActivityDraft(kind="call", subject="Звонок", client_id=world.client,
                                     due_at=LATER), now=NOW)
    with pytest.raises(ValidationError) as exc:
        acts.complete(call, Completion(result="reached", reaction="positive",
                                       no_next_reason="x"), now=NOW)
    assert set(_errors(exc)) == {"reaction"}


def test_complete_without_next_step_records_the_reason(services: Services,
                                                       world: World) -> None:
    acts = services.activities
    meeting = acts.create(ActivityDraft(kind="presentation", subject="Презентация",
                                        client_id=world.client, due_at=LATER), now=NOW)
    assert acts.complete(meeting, Completion(result="held", reaction="negative",
                                             no_next_reason=" Клиент отказался "),
                         now=LATER) is None
    d = acts.get(meeting)
    assert (d.result, d.reaction, d.no_next_reason, d.done_at, d.next_activity_id) == (
        "held", "negative", "Клиент отказался", LATER, None)


def test_log_call(services: Services, world: World) -> None:
    acts = services.activities
    at = datetime(2026, 12, 2, 8, 30, tzinfo=UTC)
    new_id = acts.log_call(client_id=world.client, result="no_answer", duration_min=2,
                           notes="Не взяли трубку", contact_id=world.contact,
                           deal_id=world.deal, at=at)
    d = acts.get(new_id)
    assert (d.kind, d.done, d.due_at, d.done_at, d.result, d.outcome, d.duration_min) == (
        "call", True, at, at, "no_answer", "Не взяли трубку", 2)
    assert d.subject == "Звонок — не ответил" and d.remind_at is None

    def refused(**kw: object) -> set[str]:
        args: dict[str, object] = {"client_id": world.client, "result": "reached", "at": at}
        args.update(kw)
        with pytest.raises(ValidationError) as exc:
            acts.log_call(**args)  # type: ignore[arg-type]
        return set(_errors(exc))

    assert refused(result="held") == {"result"}
    assert refused(result="") == {"result"}
    assert refused(duration_min=0) == {"duration_min"}
    assert refused(contact_id=world.other_contact) == {"contact_id"}
    assert refused(deal_id=world.other_deal) == {"deal_id"}
    assert refused(client_id=99999) == {"client_id"}
    assert refused(at=datetime(2026, 12, 2, 8)) == {"at"}
    assert _count(services) == 1


# --- recurrence -----------------------------------------------------------------------------

def _local(*args: int) -> datetime:
    """A wall-clock time of the machine's zone, aware (the rule keeps the local time)."""
    return datetime(*args).astimezone()  # type: ignore[arg-type]


@pytest.mark.parametrize(("start", "every", "unit", "expected"), [
    (_local(2027, 1, 31, 10, 0), 1, "month", _local(2027, 2, 28, 10, 0)),
    (_local(2028, 1, 31, 10, 0), 1, "month", _local(2028, 2, 29, 10, 0)),  # leap year
    (_local(2027, 3, 31, 9, 30), 1, "month", _local(2027, 4, 30, 9, 30)),
    (_local(2027, 11, 30, 9, 0), 3, "month", _local(2028, 2, 29, 9, 0)),  # over the year
    (_local(2027, 12, 15, 9, 0), 1, "month", _local(2028, 1, 15, 9, 0)),
    (_local(2027, 12, 29, 16, 0), 5, "day", _local(2028, 1, 3, 16, 0)),
    (_local(2028, 2, 26, 8, 0), 2, "week", _local(2028, 3, 11, 8, 0)),
])
def test_completing_an_occurrence_schedules_the_next(services: Services, world: World,
                                                      start: datetime, every: int, unit: str,
                                                      expected: datetime) -> None:
    acts = services.activities
    first = acts.create(ActivityDraft(
        kind="call", subject="Сервисный звонок", client_id=world.client,
        contact_id=world.contact, deal_id=world.deal2, due_at=start, duration_min=10,
        purpose="service", remind_before_min=5, repeat_every=every, repeat_unit=unit),
        now=start - timedelta(days=1))
    # recurring: its next occurrence is the next step, no reason needed
    second = acts.complete(first, Completion(result="reached"), now=start)
    assert second is not None
    d = acts.get(second)
    assert d.due_at == expected
    assert (d.kind, d.subject, d.client_id, d.contact_id, d.deal_id, d.duration_min,
            d.purpose, d.remind_before_min, d.repeat_every, d.repeat_unit, d.done) == (
        "call", "Сервисный звонок", world.client, world.contact, world.deal2, 10, "service",
        5, every, unit, False)
    assert d.remind_at == expected - timedelta(minutes=5)
    assert acts.get(first).next_activity_id == second
    # exactly one occurrence ahead
    assert [a.id for a in acts.for_client(world.client) if not a.done] == [second]


def test_a_recurring_activity_with_its_own_next_step(services: Services, world: World) -> None:
    acts = services.activities
    start = datetime(2026, 12, 10, 9, tzinfo=UTC)
    first = acts.create(ActivityDraft(kind="call", subject="Сервис", client_id=world.client,
                                      due_at=start, repeat_every=2, repeat_unit="week"),
                        now=NOW)
    extra = acts.complete(first, Completion(result="call_back", next=ActivityDraft(
        kind="call", subject="Перезвонить", due_at=start + timedelta(hours=3))), now=start)
    open_ = [a for a in acts.for_client(world.client) if not a.done]
    assert [(a.subject, a.due_at) for a in open_] == [
        ("Перезвонить", start + timedelta(hours=3)), ("Сервис", start + timedelta(weeks=2))]
    assert acts.get(first).next_activity_id == extra == open_[0].id


# --- bulk actions and undo ------------------------------------------------------------------

def _three(services: Services, world: World) -> list[int]:
    acts = services.activities
    return [
        acts.create(ActivityDraft(kind="meeting", subject="Встреча", client_id=world.client,
                                  deal_id=world.deal, due_at=LATER, duration_min=60), now=NOW),
        acts.create(ActivityDraft(kind="call", subject="Звонок", client_id=world.client,
                                  due_at=datetime(2026, 12, 5, 14, 30, tzinfo=UTC)), now=NOW),
        acts.create(ActivityDraft(kind="task", subject="Личное",
                                  due_at=datetime(2026, 12, 6, 6, 0, tzinfo=UTC)), now=NOW),
    ]


_STATE = "due_at, remind_at, done, done_at, result, no_next_reason, deal_id, client_id"


def _states(services: Services, ids: list[int]) -> list[tuple[object, ...]]:
    return [_raw(services, i, _STATE) for i in ids]


def test_reschedule_and_undo(services: Services, world: World) -> None:
    acts = services.activities
    ids = _three(services, world)
    done = acts.log_call(client_id=world.client, result="busy", at=NOW)
    before = _states(services, [*ids, done])
    target = datetime(2026, 12, 10, 8, 0, tzinfo=UTC)
    change = acts.reschedule([*ids, done], target)
    assert change.description == "Перенесено дел: 3"
    assert change.activity_ids == tuple(ids)  # the done call is left as it is
    assert [acts.get(i).due_at for i in ids] == [target] * 3
    assert acts.get(ids[0]).remind_at == datetime(2026, 12, 10, 7, 45, tzinfo=UTC)
    assert acts.get(ids[1]).remind_at == target
    assert acts.get(ids[2]).remind_at is None
    acts.undo(change)
    assert _states(services, [*ids, done]) == before
    with pytest.raises(ValidationError):
        acts.reschedule(ids, datetime(2026, 12, 10, 8))
    with pytest.raises(NotFoundError):
        acts.reschedule([ids[0], 99999], target)
    assert _states(services, [*ids, done]) == before


def test_reschedule_to_day_keeps_the_local_time(services: Services, world: World) -> None:
    acts = services.activities
    a = acts.create(ActivityDraft(kind="call", subject="Утренний", client_id=world.client,
                                  due_at=_local(2026, 12, 3, 9, 15)), now=NOW)
    b = acts.create(ActivityDraft(kind="meeting", subject="Вечерняя", client_id=world.client,
                                  due_at=_local(2026, 12, 4, 18, 0)), now=NOW)
    before = _states(services, [a, b])
    change = acts.reschedule_to_day([a, b], date(2026, 12, 14))
    assert acts.get(a).due_at == _local(2026, 12, 14, 9, 15)
    assert acts.get(b).due_at == _local(2026, 12, 14, 18, 0)
    assert acts.get(b).remind_at == _local(2026, 12, 14, 17, 45)
    assert change.description == "Перенесено дел: 2"
    acts.undo(change)
    assert _states(services, [a, b]) == before


def test_mark_done_many_and_undo(services: Services, world: World) -> None:
    acts = services.activities
    ids = _three(services, world)
    series = acts.create(ActivityDraft(kind="call", subject="Сервис", client_id=world.client,
                                       due_at=LATER, repeat_every=1, repeat_unit="month"),
                         now=NOW)
    before = _states(services, [*ids, series])
    count = _count(services)
    with pytest.raises(ValidationError) as exc:
        acts.mark_done_many(ids, result="reached", now=NOW)  # not a meeting's result
    assert set(_errors(exc)) == {"result"}
    change = acts.mark_done_many([*ids, series], now=NOW)
    assert change.description == "Выполнено дел: 4"
    for i in [*ids, series]:
        d = acts.get(i)
        assert (d.done, d.done_at, d.result, d.no_next_reason, d.remind_at) == (
            True, NOW, "done", "Отмечено списком", None)
    occurrence = acts.get(series).next_activity_id
    assert occurrence is not None
    assert acts.get(occurrence).due_at == datetime(2027, 1, 3, 11, 0, tzinfo=UTC)
    assert _count(services) == count + 1
    acts.undo(change)
    assert _states(services, [*ids, series]) == before
    assert _raw(services, series, "next_activity_id") == (None,)
    assert _count(services) == count  # the occurrence it made is gone
    # a second undo is refused: they are no longer as the change left them
    with pytest.raises(ConflictError):
        acts.undo(change)
    assert _states(services, [*ids, series]) == before


def test_reassign_and_undo(services: Services, world: World) -> None:
    acts = services.activities
    ids = _three(services, world)  # the third is a personal task (no client)
    before = _states(services, ids)
    change = acts.reassign(ids, world.deal2)
    assert change.description == "Перенесено в сделку «Сервис» дел: 3"
    assert [(acts.get(i).deal_id, acts.get(i).client_id) for i in ids] == [
        (world.deal2, world.client)] * 3
    acts.undo(change)
    assert _states(services, ids) == before
    with pytest.raises(ValidationError) as exc:
        acts.reassign(ids, world.other_deal)
    assert set(_errors(exc)) == {"deal_id"}
    with pytest.raises(NotFoundError):
        acts.reassign(ids, 99999)
    assert _states(services, ids) == before


def test_each_bulk_change_is_redone_after_its_undo(services: Services, world: World) -> None:
    """Undo then redo leaves every activity as the action did (the same start, the same
    «done» time); a recurring one gets a new next occurrence, which the next undo deletes."""
    acts = services.activities
    ids = _three(services, world)
    series = acts.create(ActivityDraft(kind="call", subject="Сервис", client_id=world.client,
                                       due_at=LATER, repeat_every=1, repeat_unit="month"),
                         now=NOW)
    count = _count(services)
    for act in (lambda: acts.reschedule([*ids, series], datetime(2026, 12, 10, 8, 0, tzinfo=UTC)),
                lambda: acts.reschedule_to_day(ids, date(2026, 12, 14)),
                lambda: acts.reassign(ids[:2], world.deal2),
                lambda: acts.mark_done_many([*ids, series], now=NOW)):
        before = _states(services, [*ids, series])
        change = act()
        done = _states(services, [*ids, series])
        acts.undo(change)
        assert _states(services, [*ids, series]) == before
        again = acts.redo(change)
        assert _states(services, [*ids, series]) == done
        assert again.activity_ids == change.activity_ids
        acts.undo(again)
        assert _states(services, [*ids, series]) == before
        change = acts.redo(again)
        assert _states(services, [*ids, series]) == done
    # the last one, «done», made an occurrence again; undone, it is gone again
    occurrence = acts.get(series).next_activity_id
    assert occurrence is not None and occurrence in change.created_ids
    assert acts.get(occurrence).due_at == datetime(2027, 1, 10, 8, 0, tzinfo=UTC)
    assert _count(services) == count + 1
    acts.undo(change)
    assert _count(services) == count
    assert _raw(services, series, "done, next_activity_id") == (0, None)


def test_an_undo_or_redo_of_what_was_edited_since_is_refused(services: Services,
                                                           world: World) -> None:
    """Refused as a whole, nothing written: the start edited since, an activity deleted
    since, the next occurrence edited since, the deal to go back to deleted; a change of
    what the action did not touch (the subject, a snoozed reminder) is no refusal."""
    acts = services.activities
    ids = _three(services, world)
    before = _states(services, ids)
    change = acts.reschedule(ids[:2], datetime(2026, 12, 10, 8, 0, tzinfo=UTC))
    edited = acts.get(ids[1])
    acts.update(ids[1], ActivityDraft(kind=edited.kind, subject="Звонок, перенесённый вручную",
                                      client_id=edited.client_id, deal_id=edited.deal_id,
                                      due_at=datetime(2026, 12, 11, 9, 0, tzinfo=UTC)), now=NOW)
    kept = _states(services, ids)
    with pytest.raises(ConflictError, match="«Звонок, перенесённый вручную» изменено"):
        acts.undo(change)
    assert _states(services, ids) == kept  # the first one was not put back either

    # only the subject changed, and the reminder snoozed: the undo goes ahead
    before = _states(services, ids)
    change = acts.reschedule(ids[:1], datetime(2026, 12, 15, 8, 0, tzinfo=UTC))
    meeting = acts.get(ids[0])
    acts.update(ids[0], replace(_draft_of(meeting), subject="Встреча (уточнено)"), now=NOW)
    acts.snooze(ids[0], datetime(2026, 12, 9, 12, 0, tzinfo=UTC))
    acts.undo(change)
    assert _states(services, ids[:1]) == before[:1]
    assert acts.get(ids[0]).subject == "Встреча (уточнено)"
    # a redo after the start was edited again: refused
    acts.update(ids[0], replace(_draft_of(acts.get(ids[0])),
                                due_at=datetime(2026, 12, 12, 9, 0, tzinfo=UTC)), now=NOW)
    with pytest.raises(ConflictError, match="изменено"):
        acts.redo(change)
    assert acts.get(ids[0]).due_at == datetime(2026, 12, 12, 9, 0, tzinfo=UTC)

    # deleted since
    change = acts.mark_done_many(ids[2:], now=NOW)
    acts.delete(ids[2])
    with pytest.raises(ConflictError, match="«Личное» удалено"):
        acts.undo(change)

    # the occurrence a «done» made, edited since: kept, the undo refused
    series = acts.create(ActivityDraft(kind="call", subject="Сервис", client_id=world.client,
                                       due_at=LATER, repeat_every=1, repeat_unit="month"),
                         now=NOW)
    change = acts.mark_done_many([series], now=NOW)
    occurrence = acts.get(series).next_activity_id
    assert occurrence is not None
    acts.update(occurrence, replace(_draft_of(acts.get(occurrence)), notes="взять прайс"),
                now=NOW)
    count = _count(services)
    with pytest.raises(ConflictError, match="Следующее дело серии «Сервис»"):
        acts.undo(change)
    assert _count(services) == count and acts.get(series).done
    assert acts.get(occurrence).notes == "взять прайс"

    # back to a deal deleted since
    call = acts.create(ActivityDraft(kind="call", subject="По сделке", client_id=world.client,
                                     deal_id=world.deal2, due_at=LATER), now=NOW)
    change = acts.reassign([call], world.deal)
    services.deals.delete_deal(world.deal2)
    with pytest.raises(ConflictError, match="Сделка дела «По сделке» удалена"):
        acts.undo(change)
    assert acts.get(call).deal_id == world.deal


def _draft_of(d) -> ActivityDraft:  # type: ignore[no-untyped-def]
    return ActivityDraft(kind=d.kind, subject=d.subject, client_id=d.client_id,
                         contact_id=d.contact_id, deal_id=d.deal_id, due_at=d.due_at,
                         duration_min=d.duration_min, place=d.place, notes=d.notes,
                         priority=d.priority, purpose=d.purpose,
                         remind_before_min=d.remind_before_min, repeat_every=d.repeat_every,
                         repeat_unit=d.repeat_unit)


def test_bulk_change_is_frozen(services: Services, world: World) -> None:
    change = services.activities.reschedule(_three(services, world), LATER)
    with pytest.raises(AttributeError):
        change.description = "x"  # type: ignore[misc]
    assert isinstance(change, BulkChange)


def test_move(services: Services, world: World) -> None:
    acts = services.activities
    ids = _three(services, world)
    target = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    acts.move(ids[0], target, 45)
    d = acts.get(ids[0])
    assert (d.due_at, d.duration_min, d.remind_at) == (target, 45, datetime(
        2026, 12, 7, 11, 45, tzinfo=UTC))
    acts.move(ids[0], LATER)
    assert (acts.get(ids[0]).duration_min, acts.get(ids[0]).due_at) == (45, LATER)
    with pytest.raises(ValidationError):
        acts.move(ids[0], target, 0)
    with pytest.raises(ValidationError):
        acts.move(ids[0], datetime(2026, 12, 7, 12))
    with pytest.raises(NotFoundError):
        acts.move(99999, target)
    assert acts.get(ids[0]).due_at == LATER


# --- lists ----------------------------------------------------------------------------------

def test_in_range_for_client_for_deal(services: Services, world: World) -> None:
    acts = services.activities
    ids = _three(services, world)
    old = acts.log_call(client_id=world.client, deal_id=world.deal, result="reached",
                        at=datetime(2026, 11, 30, 9, tzinfo=UTC))
    newer = acts.log_call(client_id=world.client, deal_id=world.deal, result="busy",
                          at=datetime(2026, 12, 1, 9, tzinfo=UTC))
    week = acts.in_range(datetime(2026, 12, 3, tzinfo=UTC), datetime(2026, 12, 6, 6, tzinfo=UTC))
    assert [a.id for a in week] == [ids[0], ids[1]]  # the end is excluded, done ones too
    assert [a.id for a in acts.in_range(datetime(2026, 12, 3, 11, tzinfo=UTC),
                                        datetime(2026, 12, 3, 11, 1, tzinfo=UTC))] == [ids[0]]
    assert [a.id for a in acts.for_client(world.client)] == [ids[0], ids[1], newer, old]
    assert [a.id for a in acts.for_deal(world.deal)] == [ids[0], newer, old]
    assert acts.for_client(world.other_client) == []
    with pytest.raises(ValidationError):
        acts.in_range(datetime(2026, 12, 3), datetime(2026, 12, 4, tzinfo=UTC))


# --- reminders ------------------------------------------------------------------------------

def test_reminders(services: Services, world: World) -> None:
    acts = services.activities
    assert acts.next_reminder_at() is None
    ids = _three(services, world)
    # meeting 11:00 (reminder 10:45), call 05.12 14:30 (reminder then), task: none
    assert acts.next_reminder_at() == datetime(2026, 12, 3, 10, 45, tzinfo=UTC)
    assert acts.due_reminders(datetime(2026, 12, 3, 10, 44, tzinfo=UTC)) == []
    due = acts.due_reminders(datetime(2026, 12, 3, 10, 45, tzinfo=UTC))
    assert [a.id for a in due] == [ids[0]]
    # missed ones are due too (the app was closed)
    assert [a.id for a in acts.due_reminders(datetime(2026, 12, 9, tzinfo=UTC))] == ids[:2]
    until = datetime(2026, 12, 3, 10, 55, tzinfo=UTC)
    acts.snooze(ids[0], until)
    assert acts.get(ids[0]).remind_at == until
    assert acts.next_reminder_at() == until
    acts.dismiss_reminder(ids[0])
    assert acts.get(ids[0]).remind_at is None
    assert acts.next_reminder_at() == datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
    acts.complete(ids[1], Completion(result="reached", no_next_reason="Всё решили"), now=NOW)
    assert acts.next_reminder_at() is None
    with pytest.raises(ValidationError):
        acts.snooze(ids[1], until)  # done
    with pytest.raises(ValidationError):
        acts.snooze(ids[0], datetime(2026, 12, 3, 10, 55))
    with pytest.raises(ValidationError):
        acts.due_reminders(datetime(2026, 12, 3))
    with pytest.raises(NotFoundError):
        acts.dismiss_reminder(99999)


def test_next_reminder_is_one_index_seek(services: Services, world: World) -> None:
    from tests.unit.test_query_plans import _captured, _no_statistics, _plans

    _three(services, world)
    _no_statistics(services)
    with _captured(services) as statements:
        services.activities.next_reminder_at()
    plans = _plans(services, statements)
    assert any("ix_activities_remind_at" in d for _sql, d in plans), plans
    assert not any(d.startswith("SCAN activities") or "TEMP B-TREE" in d
                   for _sql, d in plans), plans


# --- the follow-up after a win --------------------------------------------------------------

def test_follow_up_draft(services: Services, world: World) -> None:
    acts = services.activities
    assert acts.follow_up_days() == 14
    # won on Thursday 03.12.2026: Thursday 17.12 at 10:00 local time
    draft = acts.follow_up_draft(world.deal, today=date(2026, 12, 3))
    assert draft == ActivityDraft(
        kind="call", subject="Как вам «Поставка насосов»?", client_id=world.client,
        contact_id=None, deal_id=world.deal, due_at=_local(2026, 12, 17, 10, 0),
        purpose="follow_up", notes=draft.notes)
    assert draft.notes
    # 05.12 + 14 = Saturday 19.12 → Monday 21.12; 29.05 + 14 = 12.06 (Russia Day, a Friday)
    # → Monday 15.06
    assert acts.follow_up_draft(world.deal, today=date(2026, 12, 5)).due_at == _local(
        2026, 12, 21, 10, 0)
    assert acts.follow_up_draft(world.deal, today=date(2026, 5, 29)).due_at == _local(
        2026, 6, 15, 10, 0)
    acts.set_follow_up_days(7)
    assert acts.follow_up_draft(world.deal, today=date(2026, 12, 3)).due_at == _local(
        2026, 12, 10, 10, 0)
    for bad in (0, -1, 366):
        with pytest.raises(ValidationError) as exc:
            acts.set_follow_up_days(bad)
        assert set(_errors(exc)) == {"follow_up_days"}
    assert acts.follow_up_days() == 7
    services.settings.set("follow_up_days", "две недели")  # a value edited by hand
    assert acts.follow_up_days() == 14
    with pytest.raises(NotFoundError):
        acts.follow_up_draft(99999)
    # the draft is what the won dialog saves: valid as it is
    new_id = acts.create(acts.follow_up_draft(world.deal, today=date(2026, 12, 3)),
                         now=datetime(2026, 12, 3, 12, tzinfo=UTC))
    d = acts.get(new_id)
    assert (d.purpose, d.kind, d.deal_id, d.remind_before_min) == ("follow_up", "call",
                                                                   world.deal, 0)


def test_a_deleted_activity_is_restored_as_it_was(services: Services, world: World,
                                                 tmp_path: Path) -> None:
    """Undo of a deletion (issue 17): the same id and columns, its materials, and the
    activity whose next step it was points at it again; refused once its client is gone."""
    from app.services.errors import ConflictError

    acts = services.activities
    slides = tmp_path / "Слайды.pdf"
    slides.write_bytes(b"%PDF-1.4")
    first = acts.create(ActivityDraft(kind="call", subject="Звонок", client_id=world.client,
                                      deal_id=world.deal, due_at=LATER), now=NOW)
    second = acts.create(ActivityDraft(kind="presentation", subject="Презентация",
                                       client_id=world.client, contact_id=world.contact,
                                       deal_id=world.deal, due_at=LATER, place="Офис",
                                       notes="Показать насосы", materials=(str(slides),)),
                         now=NOW)
    with services.uow_factory() as uow:  # the call's next step is the presentation
        from app.models import Activity

        uow.session.get(Activity, first).next_activity_id = second
        uow.commit()
    columns = ("kind, subject, client_id, contact_id, deal_id, due_at, place, notes, "
               "remind_at, created_at, priority")
    before = _raw(services, second, columns)
    gone = acts.delete(second)
    assert _raw(services, first, "next_activity_id") == (None,)
    assert _count(services, "activity_materials") == 0
    acts.restore(gone)
    assert _raw(services, second, columns) == before
    assert _raw(services, first, "next_activity_id") == (second,)
    assert [m.path for m in acts.get(second).materials] == [str(slides)]
    with pytest.raises(ConflictError):
        acts.restore(gone)  # there again
    # a client without deals, deleted after its activity: the activity cannot come back
    from app.services.clients import ClientDraft

    lone = services.clients.create(ClientDraft(name="ООО «Без сделок»")).id
    third = acts.create(ActivityDraft(kind="task", subject="Задача", client_id=lone,
                                      due_at=LATER), now=NOW)
    gone = acts.delete(third)
    services.clients.delete(lone)
    with pytest.raises(ConflictError) as err:
        acts.restore(gone)
    assert "удалены" in str(err.value)


# --- a completion undone and redone (issue 17) ---------------------------------------------

_ALL = ("kind, subject, client_id, contact_id, deal_id, due_at, duration_min, place, notes, "
        "done, done_at, outcome, result, reaction, next_activity_id, no_next_reason, "
        "remind_before_min, remind_at, repeat_every, repeat_unit, created_at")


def _completed_with_a_next_step(services: Services, world: World) -> tuple[int, object]:
    acts = services.activities
    call = acts.create(ActivityDraft(kind="call", subject="Первый звонок",
                                     contact_id=world.contact, deal_id=world.deal,
                                     due_at=LATER, notes="спросить о сроках"), now=NOW)
    done_at = datetime(2026, 12, 3, 11, 20, tzinfo=UTC)
    change = acts.complete_undoable(call, Completion(
        result="reached", outcome="Интересуются насосами",
        next=ActivityDraft(kind="meeting", subject="Встреча",
                           due_at=datetime(2026, 12, 8, 7, 0, tzinfo=UTC)),
        done_at=done_at), now=done_at)
    return call, change


def test_a_completion_is_undone_and_redone(services: Services, world: World) -> None:
    """Undo: the activity open as it was (every column), its next step deleted; redo: the
    same result, text and «done» time, the next step made again; each undoable again."""
    acts = services.activities
    call = acts.create(ActivityDraft(kind="call", subject="Первый звонок",
                                     contact_id=world.contact, deal_id=world.deal,
                                     due_at=LATER, notes="спросить о сроках"), now=NOW)
    open_before = _raw(services, call, _ALL)
    count = _count(services)
    done_at = datetime(2026, 12, 3, 11, 20, tzinfo=UTC)
    change = acts.complete_undoable(call, Completion(
        result="reached", outcome="Интересуются насосами",
        next=ActivityDraft(kind="meeting", subject="Встреча",
                           due_at=datetime(2026, 12, 8, 7, 0, tzinfo=UTC)),
        done_at=done_at), now=done_at)
    assert change.next_activity_id is not None and change.subject == "Первый звонок"
    step = acts.get(change.next_activity_id)
    assert _count(services) == count + 1
    acts.undo_completion(change)
    assert _raw(services, call, _ALL) == open_before
    assert _count(services) == count
    with pytest.raises(NotFoundError):
        acts.get(step.id)
    again = acts.redo_completion(change)
    d = acts.get(call)
    assert (d.done, d.done_at, d.result, d.outcome, d.no_next_reason, d.remind_at) == (
        True, done_at, "reached", "Интересуются насосами", "", None)
    assert again.next_activity_id is not None and d.next_activity_id == again.next_activity_id
    new_step = acts.get(again.next_activity_id)
    assert (new_step.kind, new_step.subject, new_step.client_id, new_step.contact_id,
            new_step.deal_id, new_step.due_at, new_step.remind_at, new_step.done) == (
        step.kind, step.subject, step.client_id, step.contact_id, step.deal_id, step.due_at,
        step.remind_at, False)
    acts.undo_completion(again)
    assert _raw(services, call, _ALL) == open_before
    assert _count(services) == count
    with pytest.raises(ConflictError, match="«Первый звонок» изменено"):
        acts.undo_completion(again)  # twice: it is open now


def test_a_recurring_completion_undone_deletes_both_it_made(services: Services,
                                                             world: World) -> None:
    acts = services.activities
    start = datetime(2026, 12, 10, 9, tzinfo=UTC)
    series = acts.create(ActivityDraft(kind="call", subject="Сервис", client_id=world.client,
                                       due_at=start, repeat_every=2, repeat_unit="week"),
                         now=NOW)
    before, count = _raw(services, series, _ALL), _count(services)
    change = acts.complete_undoable(series, Completion(result="call_back", next=ActivityDraft(
        kind="call", subject="Перезвонить", due_at=start + timedelta(hours=3))), now=start)
    assert len(change.created_ids) == 2 and _count(services) == count + 2
    acts.undo_completion(change)
    assert (_raw(services, series, _ALL), _count(services)) == (before, count)
    again = acts.redo_completion(change)
    open_ = [a for a in acts.for_client(world.client) if not a.done]
    assert [(a.subject, a.due_at) for a in open_] == [
        ("Перезвонить", start + timedelta(hours=3)), ("Сервис", start + timedelta(weeks=2))]
    assert acts.get(series).next_activity_id == again.next_activity_id == open_[0].id


def test_an_undo_of_a_completion_is_refused_after_edits(services: Services, world: World,
                                                        tmp_path: Path) -> None:
    """Refused, nothing written: the next step edited, done or given a file since; the
    completed activity edited or deleted since; a redo after an edit of the reopened one.
    A snoozed reminder of the next step, or the next step deleted, is no refusal."""
    acts = services.activities

    def refused(change, match: str) -> None:  # type: ignore[no-untyped-def]
        kept = _raw(services, change.activity_id, _ALL), _count(services)
        with pytest.raises(ConflictError, match=match):
            acts.undo_completion(change)
        assert (_raw(services, change.activity_id, _ALL), _count(services)) == kept

    call, change = _completed_with_a_next_step(services, world)
    step = acts.get(change.next_activity_id)
    acts.update(step.id, replace(_draft_of(step), notes="взять прайс"), now=NOW)
    refused(change, "Следующее дело «Встреча» изменено")
    assert acts.get(step.id).notes == "взять прайс"

    call, change = _completed_with_a_next_step(services, world)
    acts.complete(change.next_activity_id, Completion(result="held", no_next_reason="—"),
                  now=NOW)
    refused(change, "Следующее дело «Встреча» уже выполнено")

    call, change = _completed_with_a_next_step(services, world)
    acts.add_material(change.next_activity_id, str(tmp_path / "прайс.pdf"))
    refused(change, "Следующее дело «Встреча» изменено")

    call, change = _completed_with_a_next_step(services, world)
    done = acts.get(call)
    acts.update(call, replace(_draft_of(done), subject="Первый звонок (Анне)"), now=NOW)
    refused(change, "«Первый звонок \\(Анне\\)» изменено")

    call, change = _completed_with_a_next_step(services, world)
    acts.delete(call)
    with pytest.raises(ConflictError, match="«Первый звонок» удалено"):
        acts.undo_completion(change)

    # the next step's reminder snoozed: no edit, the undo goes ahead; so when it is deleted
    call, change = _completed_with_a_next_step(services, world)
    acts.snooze(change.next_activity_id, datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    acts.undo_completion(change)
    assert not acts.get(call).done
    call, change = _completed_with_a_next_step(services, world)
    acts.delete(change.next_activity_id)
    acts.undo_completion(change)
    assert not acts.get(call).done

    # a redo after the reopened one was edited, or completed again: refused
    acts.update(call, replace(_draft_of(acts.get(call)),
                              due_at=datetime(2026, 12, 4, 9, 0, tzinfo=UTC)), now=NOW)
    count = _count(services)
    with pytest.raises(ConflictError, match="изменено"):
        acts.redo_completion(change)
    assert not acts.get(call).done and _count(services) == count


def test_a_move_is_undone_and_redone(services: Services, world: World) -> None:
    """A calendar drag or resize goes through the bulk changes' undo and redo; refused when
    its start or length was edited since, or it was completed since."""
    acts = services.activities
    ids = _three(services, world)
    columns = "due_at, duration_min, remind_at"
    before = _raw(services, ids[0], columns)
    target = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    change = acts.move(ids[0], target, 45)
    moved = _raw(services, ids[0], columns)
    assert change.activity_ids == (ids[0],)
    acts.undo(change)
    assert _raw(services, ids[0], columns) == before
    change = acts.redo(change)
    assert _raw(services, ids[0], columns) == moved
    acts.update(ids[0], replace(_draft_of(acts.get(ids[0])), duration_min=30), now=NOW)
    with pytest.raises(ConflictError, match="«Встреча» изменено"):
        acts.undo(change)
    assert _raw(services, ids[0], "duration_min") == (30,)

    change = acts.move(ids[1], target)
    acts.complete(ids[1], Completion(result="reached", no_next_reason="—"), now=NOW)
    with pytest.raises(ConflictError, match="«Звонок» изменено"):
        acts.undo(change)
    assert (acts.get(ids[1]).due_at, acts.get(ids[1]).done) == (target, True)
