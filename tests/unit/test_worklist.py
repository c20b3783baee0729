"""The Today worklist on hand-made data: each section, its local-day boundaries and totals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import Activity, Client, Contact, Deal, Order, Trainee, TraineeTask
from app.services.errors import NotFoundError, ValidationError
from app.services.worklist import SECTIONS, section_label
from tests.unit._moscow import moscow  # noqa: F401  (the zone of every test here)


def msk(day: date, hh: int = 12, mm: int = 0) -> datetime:
    """A Moscow wall-clock time as the UTC instant it is (written out, not computed by zone)."""
    return datetime.combine(day, time(hh, mm), tzinfo=UTC) - timedelta(hours=3)


def add(services, *rows) -> list[int]:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        uow.session.add_all(rows)
        uow.flush()
        ids = [r.id for r in rows]
        uow.commit()
    return ids


def client(services, name: str = "ООО «Альфа»", **kw) -> int:  # type: ignore[no-untyped-def]
    kw.setdefault("status", "active")
    return add(services, Client(name=name, **kw))[0]


def titles(wl, section: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.title for i in wl.sections[section]]


def test_every_section_is_present_in_order_and_labelled(services) -> None:  # type: ignore[no-untyped-def]
    wl = services.worklist.worklist(date(2026, 12, 2))
    assert list(wl.sections) == list(SECTIONS) == list(wl.totals)
    assert all(v == [] for v in wl.sections.values())
    assert section_label("service_due") == "Пора позвонить"
    assert section_label("week") == "Ближайшие 7 дней"


def test_activity_sections_follow_local_days_across_the_year_end(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 31)
    c = client(services)
    d = {k: today + timedelta(days=k) for k in range(-1, 9)}
    add(services, *[Activity(kind="call", subject=s, client_id=c, due_at=due) for s, due in [
        ("вчера 23:59", msk(d[-1], 23, 59)),
        ("сегодня 00:00", msk(d[0], 0, 0)),
        ("сегодня 23:59", msk(d[0], 23, 59)),
        ("сегодня 10:00", msk(d[0], 10)),
        ("завтра 00:00", msk(d[1], 0, 0)),
        ("завтра 23:59", msk(d[1], 23, 59)),
        ("послезавтра 00:00", msk(d[2], 0, 0)),
        ("через 7 дней 23:59", msk(d[7], 23, 59)),
        ("через 8 дней 00:00", msk(d[8], 0, 0)),
    ]])
    add(services,
        Activity(kind="call", subject="сделано сегодня", client_id=c, due_at=msk(d[0]),
                 done=True, done_at=msk(d[0])),
        Activity(kind="call", subject="как вам?", client_id=c, due_at=msk(d[-1], 9),
                 purpose="follow_up"))
    wl = services.worklist.worklist(today)
    assert titles(wl, "overdue") == ["вчера 23:59"]
    assert titles(wl, "today") == ["сегодня 00:00", "сегодня 10:00", "сегодня 23:59"]
    assert titles(wl, "tomorrow") == ["завтра 00:00", "завтра 23:59"]
    assert titles(wl, "week") == ["послезавтра 00:00", "через 7 дней 23:59"]
    # a post-sale follow-up is listed in its own section only, marked overdue there
    [follow] = wl.sections["follow_up"]
    assert (follow.title, follow.overdue, follow.activity_kind) == ("как вам?", True, "call")
    [late] = wl.sections["overdue"]
    assert late.overdue and late.detail == "ООО «Альфа» · просрочено на 1 дн."
    assert late.when == datetime(2026, 12, 30, 20, 59, tzinfo=UTC)
    assert not any(i.overdue for i in wl.sections["today"])


def test_sections_are_capped_with_their_true_totals(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    c = client(services)
    add(services, *[Activity(kind="task", subject=f"дело {k}", client_id=c,
                             due_at=msk(today - timedelta(days=k))) for k in range(1, 6)])
    wl = services.worklist.worklist(today, limit=2)
    assert titles(wl, "overdue") == ["дело 5", "дело 4"]  # the oldest first
    assert wl.totals["overdue"] == 5


def test_an_activity_row_carries_its_contact_deal_and_phone(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    c = client(services, phone="+7 495 000-00-01", email="office@alfa.ru")
    stage = services.deals.stages()[0].id
    [contact, deal] = add(services, Contact(client_id=c, name="Иван Петров",
                                            phone="+7 916 000-00-02"),
                          Deal(client_id=c, stage_id=stage, title="Поставка"))
    add(services, Activity(kind="meeting", subject="встреча", client_id=c, deal_id=deal,
                           contact_id=contact, due_at=msk(today, 15)),
        Activity(kind="call", subject="без контакта", client_id=c, due_at=msk(today, 16)))
    first, second = services.worklist.worklist(today).sections["today"]
    assert (first.deal_id, first.contact_id, first.phone, first.email) == (
        deal, contact, "+7 916 000-00-02", "office@alfa.ru")  # no e-mail of the contact's own
    assert first.detail == "ООО «Альфа» · Поставка · Иван Петров"
    assert (second.phone, second.activity_kind) == ("+7 495 000-00-01", "call")


def _done(client_id: int, at: datetime, **kw) -> Activity:  # type: ignore[no-untyped-def]
    return Activity(kind="call", subject="звонок", client_id=client_id, due_at=at, done=True,
                    done_at=at, **kw)


def test_service_calls_fall_due_at_the_rhythm(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    ago = {k: today - timedelta(days=k) for k in (7, 13, 14, 20, 30, 59, 60, 200)}
    ids = {}
    for name, segment, override in [
        ("Ключевой 14 дней назад", "Ключевые", None),
        ("Ключевой 13 дней назад", "Ключевые", None),
        ("Ключевой 14 дней назад в 23:59", "Ключевые", None),
        ("Обычный 59 дней назад", "Малые", None),
        ("Обычный 60 дней назад", "Малые", None),
        ("Свой ритм 7 дней, 7 назад", "Малые", 7),
        ("Свой ритм 30 дней, 20 назад", "Ключевые", 30),
        ("Никогда не звонили", "", None),
        ("Запланирован сервисный звонок", "Малые", None),
        ("Запланирован другой звонок", "Малые", None),
    ]:
        ids[name] = client(services, name, segment=segment, service_every_days=override)
    client(services, "Лид без звонков", status="lead")
    client(services, "Архивный", archived=True)
    add(services,
        _done(ids["Ключевой 14 дней назад"], msk(ago[14], 0, 0)),
        _done(ids["Ключевой 13 дней назад"], msk(ago[13], 0, 0)),
        _done(ids["Ключевой 13 дней назад"], msk(ago[200])),  # an older one changes nothing
        _done(ids["Ключевой 14 дней назад в 23:59"], msk(ago[14], 23, 59)),
        _done(ids["Обычный 59 дней назад"], msk(ago[59])),
        _done(ids["Обычный 60 дней назад"], msk(ago[60])),
        _done(ids["Свой ритм 7 дней, 7 назад"], msk(ago[7])),
        _done(ids["Свой ритм 30 дней, 20 назад"], msk(ago[20])),
        _done(ids["Запланирован сервисный звонок"], msk(ago[200])),
        _done(ids["Запланирован другой звонок"], msk(ago[200])),
        Activity(kind="call", subject="сервис", client_id=ids["Запланирован сервисный звонок"],
                 due_at=msk(today + timedelta(days=3)), purpose="service"),
        Activity(kind="call", subject="про КП", client_id=ids["Запланирован другой звонок"],
                 due_at=msk(today + timedelta(days=3))),
        # an open (not done) activity in the past is no contact
        Activity(kind="call", subject="не дозвонились", client_id=ids["Обычный 59 дней назад"],
                 due_at=msk(ago[200])),
    )
    items, total = services.worklist.service_due(today)
    # never contacted first, then the longest without a contact
    assert [i.title for i in items] == [
        "Никогда не звонили", "Запланирован другой звонок", "Обычный 60 дней назад",
        "Ключевой 14 дней назад", "Ключевой 14 дней назад в 23:59",
        "Свой ритм 7 дней, 7 назад"]
    assert total == 6
    first, *_rest, last = items
    assert (first.kind, first.ident, first.when, first.overdue) == (
        "client", ids["Никогда не звонили"], None, True)
    assert first.detail == "контактов не было · звонок раз в 60 дн."
    assert last.detail == "Малые · последний контакт 7 дн. назад · звонок раз в 7 дн."
    assert not last.overdue  # due today, not past it
    wl = services.worklist.worklist(today)
    assert wl.totals["service_due"] == 6


def test_the_segment_rhythm_comes_from_the_settings(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    vip = client(services, "VIP", segment="VIP")
    other = client(services, "Прочий", segment="Малые")
    add(services, _done(vip, msk(today - timedelta(days=5))),
        _done(other, msk(today - timedelta(days=5))))
    assert services.worklist.service_due(today)[1] == 0
    services.settings.set("service_rhythm_days", {"VIP": 5})
    services.settings.set("service_rhythm_default_days", 6)
    items, total = services.worklist.service_due(today)
    assert [i.title for i in items] == ["VIP"] and total == 1
    services.settings.set("service_rhythm_default_days", 5)
    assert services.worklist.service_due(today)[1] == 2


def _contact(services, name: str, born: date, client_id: int) -> int:  # type: ignore[no-untyped-def]
    return add(services, Contact(client_id=client_id, name=name, birthday=born,
                                 phone="+7 900 000-00-00"))[0]


@pytest.mark.parametrize(("today", "born", "expected"), [
    (date(2026, 11, 28), date(1990, 12, 1), date(2026, 12, 1)),  # across the month end
    (date(2026, 12, 28), date(1985, 1, 3), date(2027, 1, 3)),  # across the year end
    (date(2026, 12, 28), date(1985, 1, 4), date(2027, 1, 4)),  # today + 7: still the week
    (date(2026, 12, 28), date(1985, 1, 5), None),  # today + 8
    (date(2027, 2, 25), date(2000, 2, 29), date(2027, 2, 28)),  # common year: 28 February
    (date(2027, 3, 1), date(2000, 2, 29), None),  # … which has passed
    (date(2028, 2, 27), date(2000, 2, 29), date(2028, 2, 29)),  # a leap year has the day
])
def test_birthdays_of_the_week(services, today: date, born: date,  # type: ignore[no-untyped-def]
                               expected: date | None) -> None:
    c = client(services)
    contact = _contact(services, "Иван", born, c)
    wl = services.worklist.worklist(today)
    if expected is None:
        assert wl.sections["birthdays"] == [] and wl.totals["birthdays"] == 0
        return
    [item] = wl.sections["birthdays"]
    assert (item.kind, item.ident, item.contact_id, item.client_id, item.when) == (
        "birthday", contact, contact, c, expected)
    assert item.detail == f"ООО «Альфа» · исполняется {expected.year - born.year}"
    assert (item.phone, item.done) == ("+7 900 000-00-00", False)


def test_a_greeting_ticks_the_birthday(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 30)
    c = client(services)
    greeted = _contact(services, "Анна", date(1980, 1, 2), c)
    _contact(services, "Борис", date(1981, 1, 3), c)
    old = _contact(services, "Вера", date(1982, 1, 4), c)
    # Вера was greeted a year ago: that is not this birthday's greeting
    add(services, Activity(kind="call", subject="поздравление", client_id=c, contact_id=old,
                           due_at=msk(date(2026, 1, 4)), done=True,
                           done_at=msk(date(2026, 1, 4)), purpose="greeting"))
    now = msk(today, 11)
    new_id = services.worklist.mark_greeted(greeted, now=now)
    a = services.activities.get(new_id)
    assert (a.kind, a.purpose, a.done, a.client_id, a.contact_id) == (
        "call", "greeting", True, c, greeted)
    assert a.done_at == now and a.remind_at is None
    wl = services.worklist.worklist(today, now=now)
    assert [(i.title, i.done) for i in wl.sections["birthdays"]] == [
        ("Анна", True), ("Борис", False), ("Вера", False)]


def test_greeting_an_unknown_contact_saves_nothing(services) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        services.worklist.mark_greeted(999)
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalars(select(Activity)).all() == []


def test_holidays_of_the_week_with_the_key_clients(services) -> None:  # type: ignore[no-untyped-def]
    key_b = client(services, "Бета", segment="Ключевые")
    key_a = client(services, "Альфа", segment="Ключевые")
    client(services, "Лид", segment="Ключевые", status="lead")
    small = client(services, "Малый", segment="Малые")
    # 31.12.2026 is a day off moved from 4 January: no occasion; 1.01 is, 2.01–4.01 are not
    wl = services.worklist.worklist(date(2026, 12, 28))
    [new_year] = wl.sections["holidays"]
    assert (new_year.kind, new_year.ident, new_year.when, new_year.title) == (
        "holiday", None, date(2027, 1, 1), "Новогодние каникулы")
    assert new_year.related == ((key_a, "Альфа"), (key_b, "Бета"))
    assert new_year.detail == "поздравить ключевых клиентов: 2"
    # 8 January is the New Year holidays again, after Christmas: not a second occasion
    wl = services.worklist.worklist(date(2027, 1, 5))
    assert [(i.when, i.title) for i in wl.sections["holidays"]] == [
        (date(2027, 1, 7), "Рождество Христово")]
    assert services.worklist.worklist(date(2027, 1, 10)).totals["holidays"] == 0
    # the key segments are those of the shortest rhythm
    services.settings.set("service_rhythm_days", {"Ключевые": 14, "Малые": 7})
    assert services.worklist.key_clients() == [(small, "Малый")]


def test_stalled_deals_and_deals_without_a_next_step(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    c = client(services)
    stages = {st.name: st for st in services.deals.stages()}
    talks, won = stages["Переговоры"], stages["Выиграна"]  # talks: 14 days allowed
    entered = {k: msk(today - timedelta(days=k), 10) for k in (3, 14, 15, 40)}
    deals = add(services, *[Deal(client_id=c, stage_id=st.id, title=title,
                                 stage_entered_at=entered[k], amount=Decimal("1000.00"))
                            for title, st, k in [
                                ("в норме, шаг есть", talks, 14),
                                ("застряла", talks, 15),
                                ("застряла давно", talks, 40),
                                ("без шага", talks, 3),
                                ("выиграна без шага", won, 40),
                            ]])
    ok, late, later, idle, _won = deals
    add(services,
        Activity(kind="call", subject="шаг", client_id=c, deal_id=ok, due_at=msk(today)),
        Activity(kind="call", subject="шаг", client_id=c, deal_id=late, due_at=msk(today)),
        Activity(kind="call", subject="шаг", client_id=c, deal_id=later, due_at=msk(today)),
        Activity(kind="call", subject="был", client_id=c, deal_id=idle,
                 due_at=msk(today - timedelta(days=1)), done=True,
                 done_at=msk(today - timedelta(days=1)), no_next_reason="ждём бюджет"))
    wl = services.worklist.worklist(today)
    items = wl.sections["stalled"]
    assert [i.title for i in items] == ["застряла давно", "застряла", "без шага"]
    assert wl.totals["stalled"] == 3
    assert items[0].detail == "ООО «Альфа» · Переговоры · в этапе 40 дн. (норма 14 дн.)"
    assert items[2].detail == ("ООО «Альфа» · Переговоры · нет следующего шага · ждём бюджет")
    assert (items[2].kind, items[2].ident, items[2].deal_id) == ("deal", idle, idle)


def test_payments_and_trainee_tasks(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    c = client(services, "ООО «Гамма»")
    [order] = add(services, Order(number="З-7", client_id=c, ordered_on=date(2026, 11, 1),
                                  amount=Decimal("1500.50"), payment_due_on=date(2026, 11, 30)))
    [trainee] = add(services, Trainee(name="Стажёр Сидоров", start_date=date(2026, 11, 1)))
    [task] = add(services, TraineeTask(trainee_id=trainee, section="Продукт",
                                       title="Выучить каталог", position=1,
                                       due_on=date(2026, 11, 25)))
    wl = services.worklist.worklist(today)
    [pay] = wl.sections["payments"]
    assert (pay.kind, pay.ident, pay.when, pay.title, pay.client_id, pay.overdue) == (
        "payment", order, date(2026, 11, 30), "З-7 · ООО «Гамма»", c, True)
    assert pay.detail == "1\xa0500,50\xa0₽ · просрочено на 2 дн."
    [t] = wl.sections["trainee_tasks"]
    assert (t.kind, t.ident, t.title, t.when) == ("trainee_task", task, "Выучить каталог",
                                                  date(2026, 11, 25))
    assert t.detail == "Стажёр Сидоров · просрочено на 7 дн."


def test_only_the_sections_asked_for_are_read(services) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 2)
    c = client(services, "Давно не звонили")
    add(services, Activity(kind="call", subject="сегодня", client_id=c, due_at=msk(today)))
    quick = services.worklist.worklist(today, sections=("today", "overdue"))
    assert list(quick.sections) == list(SECTIONS)  # every key, the others empty
    assert titles(quick, "today") == ["сегодня"] and quick.totals["today"] == 1
    assert quick.sections["service_due"] == [] and quick.totals["service_due"] == 0
    calls = services.worklist.worklist(today, sections=["service_due"])
    assert titles(calls, "service_due") == ["Давно не звонили"]
    assert calls.sections["today"] == []
    with pytest.raises(ValidationError) as err:
        services.worklist.worklist(today, sections=["today", "calls"])
    assert "calls" in err.value.errors["sections"]


def test_a_capped_stalled_list_is_the_head_of_the_whole_one(services) -> None:  # type: ignore[no-untyped-def]
    """The deals without a next step are read in the order of stage entry and their days
    counted only for the first rows: a cap of 3 gives the first 3 of the whole list, with
    ties on the same day broken by id (not by the hour they entered the stage)."""
    today = date(2026, 12, 2)
    c = client(services)
    talks = {st.name: st for st in services.deals.stages()}["Переговоры"]  # 14 days allowed
    # (title, days in stage, hour of entry): the ids follow this order
    # entered in the order d6, d4, d2, d3, d1, d5
    specs = [("d1", 5, 18), ("d2", 9, 20), ("d3", 5, 8), ("d4", 9, 9), ("d5", 2, 12),
             ("d6", 13, 12)]
    add(services, *[Deal(client_id=c, stage_id=talks.id, title=title,
                         stage_entered_at=msk(today - timedelta(days=days), hour),
                         amount=Decimal("1.00")) for title, days, hour in specs])
    # none past the limit: the longest in the stage first, a tie by id (d2 before d4)
    whole = ["d6", "d2", "d4", "d1", "d3", "d5"]
    assert titles(services.worklist.worklist(today), "stalled") == whole
    for cap in range(1, 7):
        wl = services.worklist.worklist(today, limit=cap, sections=["stalled"])
        assert titles(wl, "stalled") == whole[:cap]
        assert wl.totals["stalled"] == 6
