"""The board's "no next step" flag (issue 13): an open deal with no open activity planned is
flagged, with the reason its last completion gave; the board's reads stay index-driven."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from app.bootstrap import Services
from app.services.activities import ActivityDraft, Completion
from app.services.deals import BoardFilter, DealInput
from tests.unit.test_query_plans import _captured, _no_statistics, _plans

NOW = datetime(2026, 11, 10, 9, tzinfo=UTC)
TODAY = date(2026, 11, 12)


def test_the_flag_and_its_reason(services: Services) -> None:
    from app.models import Client

    with services.uow_factory() as uow:
        client = Client(name="ООО «Берёза»", segment="Малые")
        uow.session.add(client)
        uow.flush()
        client_id = client.id
        uow.commit()
    stages = services.deals.stages()
    first = next(s for s in stages if s.is_open)
    won = next(s for s in stages if s.is_won)
    names = ("отказ без шага", "со следующим шагом", "без дел", "шаг после отказа",
             "звонок после отказа", "выиграна", "только открытое")
    ids = {n: services.deals.save_deal(DealInput(
        client_id=client_id, title=n, manual_amount=Decimal("100.00"), stage_id=first.id),
        now=NOW).deal_id for n in names}
    acts = services.activities

    def call(deal: str, due: datetime) -> int:
        return acts.create(ActivityDraft(kind="call", subject="Звонок", deal_id=ids[deal],
                                         due_at=due), now=NOW)

    def closed_without_step(deal: str, reason: str, at: datetime) -> None:
        acts.complete(call(deal, at), Completion(result="reached", no_next_reason=reason),
                      now=at)

    day = timedelta(days=1)
    closed_without_step("отказ без шага", "Бюджет на следующий год", NOW)
    acts.complete(call("со следующим шагом", NOW), Completion(result="reached", next=ActivityDraft(
        kind="meeting", subject="Встреча", due_at=NOW + 3 * day)), now=NOW)
    closed_without_step("шаг после отказа", "Думают", NOW)
    call("шаг после отказа", NOW + 2 * day)
    closed_without_step("звонок после отказа", "Думают", NOW)
    acts.log_call(client_id=client_id, deal_id=ids["звонок после отказа"], result="busy",
                  at=NOW + day)
    closed_without_step("выиграна", "Всё купили", NOW)
    services.deals.move_deal(ids["выиграна"], won.id, closed_on=date(2026, 11, 11),
                             final_amount=Decimal("100.00"), now=NOW + day)
    call("только открытое", NOW - 5 * day)  # overdue, but planned: a next step exists

    board = services.deals.board(BoardFilter(show_closed=True), today=TODAY)
    cards = {c.title: c for col in board.cards.values() for c in col}
    assert {t: (c.no_next_step, c.no_next_reason) for t, c in cards.items()} == {
        "отказ без шага": (True, "Бюджет на следующий год"),
        "со следующим шагом": (False, ""),
        "без дел": (True, ""),
        "шаг после отказа": (False, ""),
        "звонок после отказа": (True, ""),  # the last one done (a logged call) gave none
        "выиграна": (False, ""),  # closed deals are never flagged
        "только открытое": (False, ""),
    }
    for title, deal_id in ids.items():
        assert services.deals.card(deal_id, today=TODAY) == cards[title], title


def test_the_boards_reads_stay_on_their_indexes(demo_services: Services) -> None:
    with _captured(demo_services) as statements:
        board = demo_services.deals.board(today=date(2026, 11, 16))
    assert any(c.no_next_step for col in board.cards.values() for c in col)
    _no_statistics(demo_services)
    lines = [d for _sql, d in _plans(demo_services, statements)]
    activities = [d for d in lines if re.match(r"^(SEARCH|SCAN) activities\b", d)]
    # the next planned step (as before this issue) and the reasons of the flagged deals
    assert activities == [
        "SEARCH activities USING INDEX ix_activities_done_due (done=? AND due_at>?)",
        "SEARCH activities USING INDEX ix_activities_deal_done_due (deal_id=?)"], activities
    assert not [d for d in lines if re.match(r"^SCAN (activities|deals)\b", d)], lines
