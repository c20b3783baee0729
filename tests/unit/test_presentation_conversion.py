"""The funnel page's «презентация → следующий этап → выиграна» (issue 13) on hand-made deals:
which presentations count, what counts as moving on afterwards, and its index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.bootstrap import Services
from app.services.activities import ActivityDraft, Completion
from app.services.deals import DealInput
from app.services.plan.common import _bounds
from app.services.plan.periods import parse_period
from app.services.plan.presentations import _CONVERSION
from tests.unit.test_query_plans import _no_statistics, _plans


def _at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, tzinfo=UTC)


def _build(services: Services) -> None:
    from app.models import Client

    with services.uow_factory() as uow:
        client = Client(name="ООО «Ромашка»")
        uow.session.add(client)
        uow.flush()
        client_id = client.id
        uow.commit()
    stages = services.deals.stages()
    open_ = [s for s in stages if s.is_open]
    won = next(s for s in stages if s.is_won)
    lost = next(s for s in stages if s.is_lost)
    acts, deals = services.activities, services.deals

    def deal(title: str, stage: int = 0) -> int:
        return deals.save_deal(DealInput(client_id=client_id, title=title,
                                         manual_amount=Decimal("100.00"),
                                         stage_id=open_[stage].id), now=_at(9, 1)).deal_id

    def presentation(deal_id: int | None, at: datetime, result: str | None = "held") -> None:
        new_id = acts.create(ActivityDraft(kind="presentation", subject="Презентация",
                                           client_id=client_id, deal_id=deal_id, due_at=at),
                             now=_at(9, 1))
        if result is not None:
            acts.complete(new_id, Completion(result=result, no_next_reason="Ждём решения"),
                          now=at + timedelta(hours=2))

    def move(deal_id: int, stage: int, at: datetime) -> None:
        deals.move_deal(deal_id, open_[stage].id, now=at)

    a = deal("A: дальше и выиграна")
    presentation(a, _at(11, 5))
    move(a, 1, _at(11, 10))
    deals.move_deal(a, won.id, closed_on=_at(11, 20).date(), final_amount=Decimal("100.00"),
                    now=_at(11, 20))
    b = deal("B: проиграна", 1)
    presentation(b, _at(11, 6))
    deals.move_deal(b, lost.id, lost_reason="price", now=_at(11, 8))
    presentation(deal("C: без движения"), _at(11, 7))
    d = deal("D: в октябре")
    presentation(d, _at(10, 20))
    move(d, 1, _at(11, 2))
    e = deal("E: отменена и не проведена")
    presentation(e, _at(11, 9), "cancelled")
    presentation(e, _at(11, 10), None)
    move(e, 2, _at(11, 15))
    f = deal("F: две презентации")
    presentation(f, _at(11, 3))
    move(f, 1, _at(11, 4))  # after the first of the two: it counts
    presentation(f, _at(11, 12))
    g = deal("G: вперёд до, назад после")
    move(g, 2, _at(11, 1))
    presentation(g, _at(11, 11))
    move(g, 1, _at(11, 13))
    presentation(None, _at(11, 14))  # a presentation for no deal


def test_the_conversion_of_a_period(services: Services) -> None:
    _build(services)
    analytics = services.analytics
    nov = analytics.presentation_conversion("2026-11")
    # A, B, C, F, G presented; A and F moved on; A won
    assert (nov.presented, nov.moved_on, nov.won) == (5, 2, 1)
    assert (nov.moved_on_pct, nov.won_pct) == (Decimal("40.0"), Decimal("20.0"))
    oct_ = analytics.presentation_conversion("2026-10")
    assert (oct_.presented, oct_.moved_on, oct_.won) == (1, 1, 0)
    q4 = analytics.presentation_conversion("2026-Q4")
    assert (q4.presented, q4.moved_on, q4.won) == (6, 3, 1)
    empty = analytics.presentation_conversion("2026-03")
    assert (empty.presented, empty.moved_on_pct, empty.won_pct) == (0, None, None)


def test_it_reads_the_held_presentations_index(services: Services) -> None:
    _build(services)
    _no_statistics(services)
    lines = [d for _sql, d in _plans(services, [(_CONVERSION, _bounds(parse_period("2026")))])]
    assert any("ix_activities_held_presentations" in d for d in lines), lines
    assert not [d for d in lines if d.startswith(("SCAN activities", "SCAN sc", "SCAN a"))], lines
