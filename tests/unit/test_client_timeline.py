"""The client timeline (issue 13) on hand-made data: every activity with its result, result
text and next step, the deals' stage changes, offers, orders, payments, complaints and scores,
newest first, filtered by kind; a note added from the card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.bootstrap import Services
from app.domain.dates import date_time
from app.services.activities import ActivityDraft, Completion
from app.services.clients.search import day_start_utc
from app.services.deals import DealInput
from app.services.errors import NotFoundError, ValidationError

T0 = datetime(2026, 10, 1, 9, tzinfo=UTC)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Story:
    client: int
    other: int
    deal: int
    call: int
    meeting: int
    task: int


@pytest.fixture
def story(services: Services) -> Story:
    from app.models import (
        Client,
        Complaint,
        Offer,
        Order,
        Payment,
        SatisfactionScore,
    )

    with services.uow_factory() as uow:
        s = uow.session
        clients = [Client(name="ООО «Ромашка»"), Client(name="ИП Другой")]
        s.add_all(clients)
        uow.flush()
        client, other = clients[0].id, clients[1].id
        uow.commit()
    stages = [st for st in services.deals.stages() if st.is_open]
    deal = services.deals.save_deal(DealInput(client_id=client, title="Насосы",
                                              manual_amount=Decimal("5000.00"),
                                              stage_id=stages[0].id), now=T0).deal_id
    services.deals.move_deal(deal, stages[1].id, now=T0 + 2 * DAY)
    # someone else's deal and activity: never in this client's timeline
    other_deal = services.deals.save_deal(DealInput(client_id=other, title="Чужая"),
                                          now=T0).deal_id
    acts = services.activities
    acts.log_call(client_id=other, deal_id=other_deal, result="reached", at=T0 + DAY)
    call = acts.create(ActivityDraft(kind="call", subject="Первый звонок", deal_id=deal,
                                     due_at=T0 + DAY), now=T0)
    meeting = acts.complete(call, Completion(
        result="reached", outcome="Интересуются",
        next=ActivityDraft(kind="meeting", subject="Встреча в офисе", due_at=T0 + 5 * DAY)),
        now=T0 + DAY + timedelta(hours=1))
    assert meeting is not None
    acts.complete(meeting, Completion(result="held", reaction="positive",
                                      no_next_reason="Ждём бюджет"),
                  now=T0 + 5 * DAY + timedelta(hours=2))
    task = acts.create(ActivityDraft(kind="task", subject="Подготовить КП", client_id=client,
                                     due_at=T0 + 20 * DAY), now=T0)
    with services.uow_factory() as uow:
        s = uow.session
        s.add(Offer(number="КП-2026-0001", year=2026, seq=1, deal_id=deal,
                    issued_on=date(2026, 10, 8), valid_until=date(2026, 10, 22), snapshot="{}",
                    total=Decimal("5000.00")))
        order = Order(number="З-1", client_id=client, deal_id=deal, ordered_on=date(2026, 10, 10),
                      amount=Decimal("5000.00"))
        s.add(order)
        uow.flush()
        s.add(Payment(order_id=order.id, client_id=order.client_id,
                      paid_on=date(2026, 10, 12), amount=Decimal("2500.00"),
                      reference="п/п 17"))
        s.add(Complaint(client_id=client, opened_on=date(2026, 10, 14), category="delivery",
                        description="Привезли позже"))
        s.add(SatisfactionScore(client_id=client, scored_on=date(2026, 10, 15), score=8))
        uow.commit()
    return Story(client, other, deal, call, meeting, task)


def test_everything_newest_first(services: Services, story: Story) -> None:
    entries = services.clients.timeline(story.client)
    got = [(e.kind, e.title, e.when) for e in entries]
    assert got == [
        ("activity:task", "Подготовить КП", T0 + 20 * DAY),
        ("score", "Оценка удовлетворённости: 8 из 10", day_start_utc(date(2026, 10, 15))),
        ("complaint", "Рекламация: доставка", day_start_utc(date(2026, 10, 14))),
        ("payment", "Оплата 2\u00a0500,00\u00a0₽ по заказу З-1", day_start_utc(date(2026, 10, 12))),
        ("order", "Заказ З-1 на 5\u00a0000,00\u00a0₽", day_start_utc(date(2026, 10, 10))),
        ("offer", "Коммерческое предложение КП-2026-0001 на 5\u00a0000,00\u00a0₽",
         day_start_utc(date(2026, 10, 8))),
        ("activity:meeting", "Встреча в офисе", T0 + 5 * DAY + timedelta(hours=2)),
        ("stage", "Сделка «Насосы»: Первичный контакт → Выявление потребностей", T0 + 2 * DAY),
        ("activity:call", "Первый звонок", T0 + DAY + timedelta(hours=1)),
        ("deal", "Сделка «Насосы» на 5\u00a0000,00\u00a0₽", T0),
    ]
    by_id = {(e.kind, e.ident): e for e in entries}
    call = by_id[("activity:call", story.call)]
    assert (call.done, call.result, call.outcome, call.deal_id) == (True, "reached",
                                                                    "Интересуются", story.deal)
    assert call.next_step == f"Следующий шаг: Встреча в офисе, {date_time(T0 + 5 * DAY)}"
    assert call.detail == f"Дозвонился: Интересуются · {call.next_step}"
    meeting = by_id[("activity:meeting", story.meeting)]
    assert (meeting.result, meeting.next_step) == ("held", "Без следующего шага: Ждём бюджет")
    assert meeting.detail == "Состоялась · Без следующего шага: Ждём бюджет"
    task = by_id[("activity:task", story.task)]
    assert (task.done, task.detail, task.next_step) == (False, "запланировано", "")
    assert [e.group for e in entries] == [
        "activity", "score", "complaint", "payment", "order", "offer", "activity", "deal",
        "activity", "deal"]


def test_the_first_stage_names_come_from_the_seeded_stages(services: Services) -> None:
    names = [st.name for st in services.deals.stages() if st.is_open][:2]
    assert names == ["Первичный контакт", "Выявление потребностей"]  # as written out above


def test_filter_by_kind_and_limit(services: Services, story: Story) -> None:
    clients = services.clients

    def kinds(*wanted: str, limit: int = 500) -> list[str]:
        return [e.kind for e in clients.timeline(story.client, limit, kinds=wanted)]

    assert kinds("activity") == ["activity:task", "activity:meeting", "activity:call"]
    assert kinds("activity:call") == ["activity:call"]
    assert kinds("activity:call", "activity:task") == ["activity:task", "activity:call"]
    assert kinds("deal") == ["stage", "deal"]
    assert kinds("payment", "order") == ["payment", "order"]
    assert kinds("complaint") == ["complaint"]
    assert kinds("no-such-kind") == []
    assert kinds(limit=3) == ["activity:task", "score", "complaint"]
    assert kinds("activity", limit=2) == ["activity:task", "activity:meeting"]
    assert clients.timeline(story.other, kinds=("activity",))[0].title == "Звонок — дозвонился"


def test_add_note(services: Services, story: Story) -> None:
    clients = services.clients
    at = datetime(2026, 11, 1, 12, tzinfo=UTC)
    note_id = clients.add_note(story.client, "  Перезвонить после праздников\nОбещали заказ  ",
                               now=at)
    first = clients.timeline(story.client)[0]
    assert (first.kind, first.ident, first.when, first.title, first.detail, first.done) == (
        "activity:note", note_id, at, "Перезвонить после праздников",
        "Перезвонить после праздников\nОбещали заказ", True)
    d = services.activities.get(note_id)
    assert (d.kind, d.done, d.done_at, d.client_id, d.remind_at) == ("note", True, at,
                                                                     story.client, None)
    long_line = "я" * 300
    long_id = clients.add_note(story.client, long_line, now=at)
    assert services.activities.get(long_id).subject == "я" * 120
    with pytest.raises(ValidationError) as exc:
        clients.add_note(story.client, "   \n ")
    assert set(exc.value.errors) == {"text"}
    with pytest.raises(NotFoundError):
        clients.add_note(99999, "Заметка")


def test_the_handover_lines_carry_result_and_next_step(services: Services,
                                                       story: Story) -> None:
    done = services.clients.activities_of(story.client, done=True)
    assert [(a.subject, a.outcome, a.next_step) for a in done] == [
        ("Встреча в офисе", "Состоялась", "Без следующего шага: Ждём бюджет"),
        ("Первый звонок", "Дозвонился: Интересуются",
         f"Следующий шаг: Встреча в офисе, {date_time(T0 + 5 * DAY)}"),
    ]
    planned = services.clients.activities_of(story.client, done=False)
    assert [(a.subject, a.outcome, a.next_step) for a in planned] == [
        ("Подготовить КП", "", "")]
