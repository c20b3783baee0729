"""A card move updates the board in place (issue 12): the moved card, the two column headers
and the forecast strip; no column is reset, every other card stays the same object, and
what is shown equals a recomputation from the database through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.bootstrap import Services
from app.domain.money import format_money, format_rubles
from app.models import Client
from app.services.deals import BoardFilter, DealCard, DealInput, MonthForecast
from app.views import dialogs
from app.views.deals.move_dialogs import WonAnswer
from app.views.deals.tab import DealsTab, ForecastStrip

D = Decimal


def _first_of(day: date, add: int) -> date:
    y, m = divmod(day.month - 1 + add, 12)
    return date(day.year + y, m + 1, 1)


@pytest.fixture
def tab(qtbot, services: Services) -> DealsTab:  # type: ignore[no-untyped-def]
    """Twelve open deals over three stages (own and stage probabilities, kopecks, closing
    this month, next month, overdue, later, undated) and a deal won this month."""
    today = date.today()
    with services.uow_factory() as uow:
        made = [Client(name="ООО «Ромашка»", segment="Крупные"),
                Client(name="ИП Васильков", segment="Малые")]
        uow.session.add_all(made)
        uow.flush()
        clients = [c.id for c in made]
        uow.commit()
    stages = [s for s in services.deals.stages() if s.is_open]
    closes = [today, _first_of(today, 1) + timedelta(days=3), today - timedelta(days=4),
              _first_of(today, 3), None, _first_of(today, 1) - timedelta(days=1)]
    for i in range(12):
        services.deals.save_deal(DealInput(
            client_id=clients[i % 2], title=f"Поставка {i + 1}",
            manual_amount=D("1234.57") * (i + 1), probability=(15, None, 55)[i % 3],
            expected_close=closes[i % len(closes)], stage_id=stages[i % 3].id),
            now=datetime.now(UTC) - timedelta(days=i))
    won_id = services.deals.save_deal(DealInput(
        client_id=clients[0], title="Уже выиграна", manual_amount=D("5000"),
        stage_id=stages[0].id)).deal_id
    services.deals.move_deal(won_id, next(s.id for s in services.deals.stages() if s.is_won),
                             closed_on=today, final_amount=D("5000.01"))
    widget = DealsTab(services=services)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


class _Watch:
    """What the board holds before a move, and every model reset during it."""

    def __init__(self, tab: DealsTab) -> None:
        self.columns = list(tab.board.columns)
        self.models = [c.model for c in self.columns]
        self.cards = {c.stage.id: c.model.cards() for c in self.columns}
        self.resets: list[int] = []
        for col in self.columns:
            col.model.modelAboutToBeReset.connect(
                lambda sid=col.stage.id: self.resets.append(sid))


def _recorded(monkeypatch: pytest.MonkeyPatch, tab: DealsTab) -> dict[str, list[Any]]:
    """The arguments of each call the tab makes to these reads of the deals service."""
    calls: dict[str, list[Any]] = {"board": [], "forecast": [], "column_summaries": []}
    deals: Any = tab._deals
    for name in calls:
        real = getattr(deals, name)

        def wrapper(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls[_name].append(args)
            return _real(*args, **kwargs)

        monkeypatch.setattr(deals, name, wrapper)
    return calls


def _expected_headers(services: Services, flt: BoardFilter) -> dict[int, tuple[str, str, str]]:
    """Each column's header texts recomputed from a fresh full board (its cards, summed here)."""
    board = services.deals.board(flt)
    out = {}
    for st in board.stages:
        cards = board.column(st.id)
        amount = sum((c.amount for c in cards), D(0))
        weighted = (sum((c.amount * c.probability for c in cards), D(0)) / 100).quantize(
            D("0.01"), rounding=ROUND_HALF_UP)
        out[st.id] = (str(len(cards)), format_rubles(amount), format_rubles(weighted))
    return out


def _shown_headers(tab: DealsTab) -> dict[int, tuple[str, str, str]]:
    out = {}
    for col in tab.board.columns:
        weighted = col.weighted_label.text().split(" с учётом")[0].removeprefix("≈ ")
        out[col.stage.id] = (col.count_label.text(), col.sum_label.text(), weighted)
    return out


def _month(services: Services, start: date, nxt: date, *, overdue_too: bool
           ) -> MonthForecast:
    """A month's forecast recomputed from the cards of a fresh board (closed columns too);
    this month's counts the open deals whose closing date has passed as well."""
    board = services.deals.board(BoardFilter(show_closed=True))
    open_cards = [c for st in board.stages if st.is_open for c in board.column(st.id)]
    won_cards = [c for st in board.stages if st.is_won for c in board.column(st.id)]
    mine = [c for c in open_cards if c.expected_close is not None
            and (overdue_too or start <= c.expected_close) and c.expected_close < nxt]
    weighted = (sum((c.amount * c.probability for c in mine), D(0)) / 100).quantize(
        D("0.01"), rounding=ROUND_HALF_UP)
    won = sum((c.amount for c in won_cards
               if c.closed_on is not None and start <= c.closed_on < nxt), D(0))
    return MonthForecast(month=start, deals=len(mine),
                         amount=sum((c.amount for c in mine), D(0)), weighted=weighted,
                         won=won, plan=None)


def _forecast_texts(strip: ForecastStrip) -> list[str]:
    return [label.text() for card in (strip.this_card, strip.next_card, strip.total_card)
            for label in (card.title, card.value, card.note)]


def _expected_forecast(qtbot, services: Services) -> list[str]:  # type: ignore[no-untyped-def]
    today = date.today()
    this, nxt, after = _first_of(today, 0), _first_of(today, 1), _first_of(today, 2)
    board = services.deals.board()
    open_cards = [c for col in board.cards.values() for c in col]
    total = sum((c.amount for c in open_cards), D(0))
    total_weighted = (sum((c.amount * c.probability for c in open_cards), D(0)) / 100
                      ).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    strip = ForecastStrip()
    qtbot.addWidget(strip)
    strip.show_forecast(_month(services, this, nxt, overdue_too=True),
                        _month(services, nxt, after, overdue_too=False), total_weighted, total)
    return _forecast_texts(strip)


def _drop(qtbot, tab: DealsTab, src_i: int, dst_i: int, row: int = 0) -> DealCard:  # type: ignore[no-untyped-def]
    src, dst = tab.board.columns[src_i], tab.board.columns[dst_i]
    card = src.model.card_at(row)
    mime = src.model.mimeData([src.model.index(row)])
    with qtbot.waitSignal(tab.deal_moved, timeout=5000):
        dst.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    return card


def _assert_in_place(tab: DealsTab, watch: _Watch, moved: DealCard, src: int, dst: int
                     ) -> None:
    assert tab.board.columns == watch.columns
    assert [c.model for c in tab.board.columns] == watch.models
    assert watch.resets == []
    for col in tab.board.columns:
        before = [c for c in watch.cards[col.stage.id] if c.id != moved.id]
        now = [c for c in col.model.cards() if c.id != moved.id]
        assert len(now) == len(before) and all(a is b for a, b in zip(now, before,
                                                                     strict=True))
    assert tab.board.columns[src].model.row_of(moved.id) == -1
    assert tab.board.columns[dst].model.row_of(moved.id) >= 0


def test_a_move_updates_two_headers_and_the_forecast_in_place(qtbot, tab: DealsTab,
                                                              services: Services,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:  # type: ignore[no-untyped-def]
    assert _shown_headers(tab) == _expected_headers(services, BoardFilter())
    assert _forecast_texts(tab.forecast) == _expected_forecast(qtbot, services)
    untouched = tab.board.columns[2]
    untouched_texts = (untouched.count_label.text(), untouched.sum_label.text())
    watch = _Watch(tab)
    calls = _recorded(monkeypatch, tab)
    moved = _drop(qtbot, tab, 0, 1)
    # no full reload: one card read, the two headers the move touched, the forecast once
    first, second = (c.stage.id for c in tab.board.columns[:2])
    assert calls["board"] == [] and len(calls["forecast"]) == 1
    assert [args[1] for args in calls["column_summaries"]] == [[first, second]]
    _assert_in_place(tab, watch, moved, 0, 1)
    stored = services.deals.card(moved.id)
    assert stored.stage_id == tab.board.columns[1].stage.id
    assert tab.board.columns[1].model.card_at(
        tab.board.columns[1].model.row_of(moved.id)) == stored
    assert _shown_headers(tab) == _expected_headers(services, BoardFilter())
    assert (untouched.count_label.text(), untouched.sum_label.text()) == untouched_texts
    assert tab.board.columns[0].sum_label.toolTip() == format_money(
        sum((c.amount for c in tab.board.columns[0].model.cards()), D(0)))
    assert _forecast_texts(tab.forecast) == _expected_forecast(qtbot, services)
    assert "→" in tab.status.text()


def test_with_a_text_filter_the_headers_count_the_cards_shown(qtbot, tab: DealsTab,
                                                              services: Services) -> None:  # type: ignore[no-untyped-def]
    tab.search.setText("ромашка")  # one client's deals: a filter SQL leaves to Python
    tab._on_filters_changed()
    flt = tab.current_filter()
    assert _shown_headers(tab) == _expected_headers(services, flt)
    watch = _Watch(tab)
    moved = _drop(qtbot, tab, 1, 2)
    _assert_in_place(tab, watch, moved, 1, 2)
    assert _shown_headers(tab) == _expected_headers(services, flt)
    assert all(c.client_name == "ООО «Ромашка»"
               for col in tab.board.columns for c in col.model.cards())


def test_a_won_deal_leaves_the_board_and_enters_this_months_forecast(
        qtbot, tab: DealsTab, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    won = next(s for s in services.deals.stages() if s.is_won)
    watch = _Watch(tab)
    card = tab.board.columns[2].model.card_at(0)
    monkeypatch.setattr(dialogs, "ask_won_details",
                        lambda *a: WonAnswer(closed_on=date.today(), amount=D("321.09")))
    with qtbot.waitSignal(tab.deal_moved, timeout=5000):
        assert tab.move_deal(card.id, won.id)
    assert tab.board.column_of_deal(card.id) is None
    assert watch.resets == []
    assert _shown_headers(tab) == _expected_headers(services, BoardFilter())
    assert _forecast_texts(tab.forecast) == _expected_forecast(qtbot, services)
    assert services.deals.forecast().this_month.won == D("5321.10")
