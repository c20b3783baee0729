"""Every list that shows activities — the client card's Дела and История, the calendar, the
Today tab — offers on its selection: reschedule, mark done, «Перенести в другую сделку»
(among the client's deals), each undone and redone through the window's history
(Правка → Отменить / Повторить; in the card, a dialog, its menu and Ctrl+Z, Ctrl+Shift+Z)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.views.activities import bulk_menu
from app.views.activities.calendar import CalendarTab
from app.views.clients.card import ClientCardDialog
from app.views.today import TodayTab
from tests.gui._activity_helpers import make_client, make_deal, show_active, window_over

TODAY = date.today()


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def action(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    for title in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == title)
    return next(a for a in menu.actions() if a.text() == path[-1])


class Setup:
    """A client with two open deals and three calls planned on the first one; a second
    client with a call of its own."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.client, self.contact, _ = make_client(services)
        self.deal_a = make_deal(services, self.client, title="Поставка весов")
        self.deal_b = make_deal(services, self.client, title="Сервисный договор")
        self.calls = [services.activities.create(ActivityDraft(
            kind="call", subject=f"Звонок {n}", client_id=self.client, deal_id=self.deal_a,
            due_at=local(TODAY + timedelta(days=2), 9 + n, 30))) for n in range(3)]
        other, _c, _d = make_client(services, "ООО «Другой»")
        self.other_call = services.activities.create(ActivityDraft(
            kind="call", subject="Звонок другому", client_id=other,
            due_at=local(TODAY + timedelta(days=2), 15)))

    def detail(self, ident: int):  # type: ignore[no-untyped-def]
        return self.services.activities.get(ident)


@pytest.fixture
def setup(services: Services) -> Setup:
    return Setup(services)


@pytest.fixture
def picked(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[int, str]]]:
    """The deal picker: records the choices offered and picks the first."""
    offered: list[list[tuple[int, str]]] = []

    def pick(parent, title, deals):  # type: ignore[no-untyped-def]
        offered.append(list(deals))
        return deals[0][0]

    monkeypatch.setattr(bulk_menu, "ask_deal", pick)
    return offered


def _select_rows(view, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    sm = view.selectionModel()
    sm.clearSelection()
    for r in rows:
        sm.select(view.model().index(r, 0), QItemSelectionModel.SelectionFlag.Select
                  | QItemSelectionModel.SelectionFlag.Rows)


def test_the_card_moves_reschedules_marks_done_and_undoes(qtbot, services, setup,  # type: ignore[no-untyped-def]
                                                          picked) -> None:
    card = ClientCardDialog(services=services, client_id=setup.client)
    show_active(qtbot, card)
    card.tabs.setCurrentWidget(card.activities_page)
    rows = [card.activities_model.find(lambda a, i=i: a.id == i) for i in setup.calls[:2]]
    _select_rows(card.activities_view, rows)
    menu = card.activity_menu()
    assert texts(menu) == ["Перенести", "Отметить выполненными: 2",
                           "Перенести в другую сделку…"]
    action(menu, "Перенести в другую сделку…").trigger()
    # only the client's other deal is offered (the two are on «Поставка весов»)
    assert [ident for ident, _label in picked[0]] == [setup.deal_b]
    assert [setup.detail(i).deal_id for i in setup.calls] == [
        setup.deal_b, setup.deal_b, setup.deal_a]
    assert card.activity_status.text() == "Перенесено в сделку «Сервисный договор» дел: 2"
    # the window's undo is in the next menu, and Ctrl+Z does it too (the Правка menu is
    # behind the dialog); Ctrl+Shift+Z does it again
    assert texts(card.activity_menu())[-1] == "Отменить: перенос 2 дел в другую сделку"
    card.activities_view.setFocus()
    qtbot.keyClick(card.activities_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [setup.detail(i).deal_id for i in setup.calls] == [setup.deal_a] * 3
    assert texts(card.activity_menu())[-1] == "Повторить: перенос 2 дел в другую сделку"
    qtbot.keyClick(card.activities_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [setup.detail(i).deal_id for i in setup.calls] == [
        setup.deal_b, setup.deal_b, setup.deal_a]
    assert {a.deal_id for a in card.activities_model.rows()
            if a.id in setup.calls[:2]} == {setup.deal_b}  # the list re-read
    card.activity_bulk.undo()
    assert [setup.detail(i).deal_id for i in setup.calls] == [setup.deal_a] * 3
    # «Через неделю»: today + 7, each at its own time; then done without a next step
    rows = [card.activities_model.find(lambda a, i=i: a.id == i) for i in setup.calls[1:]]
    _select_rows(card.activities_view, rows)
    before = [setup.detail(i).due_at for i in setup.calls[1:]]
    action(card.activity_menu(), "Перенести", "Через неделю").trigger()
    week = [local(TODAY + timedelta(days=7), 10, 30), local(TODAY + timedelta(days=7), 11, 30)]
    assert [setup.detail(i).due_at for i in setup.calls[1:]] == week
    assert card.activity_bulk.undo()  # both back where they were
    assert [setup.detail(i).due_at for i in setup.calls[1:]] == before
    assert card.activity_bulk.redo()
    assert [setup.detail(i).due_at for i in setup.calls[1:]] == week
    rows = [card.activities_model.find(lambda a, i=i: a.id == i) for i in setup.calls[1:]]
    _select_rows(card.activities_view, rows)
    action(card.activity_menu(), "Отметить выполненными: 2").trigger()
    assert [setup.detail(i).done for i in setup.calls] == [False, True, True]
    assert card.activity_bulk.undo()
    assert [setup.detail(i).done for i in setup.calls] == [False, False, False]
    assert card.activity_bulk.redo()
    assert [setup.detail(i).done for i in setup.calls] == [False, True, True]


def test_the_cards_timeline_acts_on_its_activity_rows(qtbot, services, setup, picked) -> None:  # type: ignore[no-untyped-def]
    card = ClientCardDialog(services=services, client_id=setup.client)
    show_active(qtbot, card)
    card.tabs.setCurrentWidget(card.history_page)
    row = card.timeline_model.find(lambda e: e.ident == setup.calls[0] and e.group == "activity")
    _select_rows(card.timeline_view, [row])
    assert [t.id for t in card.selected_activity_targets()] == [setup.calls[0]]
    action(card.activity_menu(), "Перенести", "На завтра").trigger()
    assert setup.detail(setup.calls[0]).due_at == local(TODAY + timedelta(days=1), 9, 30)


def test_the_calendar_menu_reschedules_moves_and_undoes(qtbot, services, setup, picked) -> None:  # type: ignore[no-untyped-def]
    window = window_over(qtbot, services)
    tab = window.show_tab("calendar")
    assert isinstance(tab, CalendarTab)
    tab.anchor = TODAY + timedelta(days=2)
    tab.set_mode("day")
    call = setup.calls[0]
    menu = tab.activity_menu(call)
    assert texts(menu) == ["Открыть", "Завершить…", "Перенести",
                           "Отметить выполненными: 1", "Перенести в другую сделку…"]
    before = setup.detail(call).due_at
    week = local(TODAY + timedelta(days=7), 9, 30)
    action(menu, "Перенести", "Через неделю").trigger()
    assert setup.detail(call).due_at == week
    assert tab.undo_button.isVisible()
    assert call not in {a.id for a in tab.activities}  # no longer on this day
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)  # the window's history
    assert setup.detail(call).due_at == before and not tab.undo_button.isVisible()
    assert call in {a.id for a in tab.activities}  # the calendar shows what is stored
    window.redo_action.trigger()
    assert setup.detail(call).due_at == week and call not in {a.id for a in tab.activities}
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Правка → Отменить
    assert setup.detail(call).due_at == before and call in {a.id for a in tab.activities}
    action(tab.activity_menu(call), "Перенести в другую сделку…").trigger()
    assert setup.detail(call).deal_id == setup.deal_b
    # a right-click on the block opens the same menu
    seen: list[list[str]] = []

    def read_popup() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(10, read_popup)
            return
        seen.append([a.text() for a in popup.actions() if not a.isSeparator()])
        popup.close()

    QTimer.singleShot(50, read_popup)
    block = tab.grid.block_rect(tab.grid.block_of(call)).center()
    QApplication.sendEvent(tab.grid, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, block, tab.grid.mapToGlobal(block)))
    assert seen and seen[0][:2] == ["Открыть", "Завершить…"]
    assert seen[0][-1] == "Отменить: перенос 1 дела в другую сделку"


def test_today_moves_to_another_deal_and_refuses_two_clients(qtbot, services, setup,  # type: ignore[no-untyped-def]
                                                             picked) -> None:
    window = window_over(qtbot, services)
    tab = window.show_tab("today")
    assert isinstance(tab, TodayTab)
    qtbot.waitUntil(tab.is_filled)
    rows = [r for r in tab.model.item_rows()
            if (i := tab.model.item(r)) is not None and i.ident in setup.calls[:2]]
    _select_rows(tab.view, rows)
    menu = tab.context_menu()
    assert "Перенести в другую сделку…" in texts(menu)
    action(menu, "Перенести в другую сделку…").trigger()
    assert [setup.detail(i).deal_id for i in setup.calls[:2]] == [setup.deal_b] * 2
    assert window.undo_action.text() == "Отменить перенос 2 дел в другую сделку"
    window.undo_action.trigger()
    assert [setup.detail(i).deal_id for i in setup.calls[:2]] == [setup.deal_a] * 2
    listed = [tab.model.item(r) for r in tab.model.item_rows()]
    assert {i.deal_id for i in listed if i is not None and i.kind == "activity"
            and i.ident in setup.calls[:2]} == {setup.deal_a}  # the list shows what is stored
    # two clients' activities: nothing to pick from, a line says why, nothing changes
    rows = [r for r in tab.model.item_rows() if (i := tab.model.item(r)) is not None
            and i.ident in (setup.calls[0], setup.other_call)]
    _select_rows(tab.view, rows)
    assert not tab.move_selected_to_deal()
    assert tab.status.text() == "Выберите дела одного клиента"
    assert len(picked) == 1 and setup.detail(setup.calls[0]).deal_id == setup.deal_a


def test_a_client_without_another_deal_is_told_so(qtbot, services, picked) -> None:  # type: ignore[no-untyped-def]
    client, _c, _d = make_client(services)
    deal = make_deal(services, client)
    call = services.activities.create(ActivityDraft(
        kind="call", subject="Единственный", client_id=client, deal_id=deal,
        due_at=local(TODAY + timedelta(days=1), 10)))
    card = ClientCardDialog(services=services, client_id=client)
    show_active(qtbot, card)
    card.tabs.setCurrentWidget(card.activities_page)
    _select_rows(card.activities_view, [0])
    assert not card.activity_bulk.move_to_deal()
    assert card.activity_status.text() == "У клиента нет других открытых сделок"
    assert picked == [] and services.activities.get(call).deal_id == deal
