"""Every way into the activity editor, the completion dialog and the call log (issue 13): the
client card, a contact, the deal editor, the board card's menu, Ctrl+Shift+A from Клиенты and
from Сделки, the won dialog's call after the sale; each checked through the services."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.services.workdays import is_working_day
from app.views import dialogs
from app.views.activities.call_log import CallLogDialog
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor
from tests.gui._activity_helpers import ModalDriver, make_client, make_deal
from tests.gui._activity_helpers import click as _click
from tests.gui._activity_helpers import show_active as _show
from tests.gui.test_unsaved_changes import _type


@pytest.fixture
def client(services: Services) -> tuple[int, int, int]:
    return make_client(services)


@pytest.fixture
def driver() -> ModalDriver:
    return ModalDriver()


def _save(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, next(b for b in dialog.findChildren(QPushButton)
                       if b.objectName() == "primary"))


def _plan(qtbot, subject: str, expect: dict[str, object]):  # type: ignore[no-untyped-def]
    """The editor's part: check the pre-filled context, type a subject, save."""
    def act(editor: ActivityEditor) -> None:
        shown = {"client_id": editor.client_picker.client_id(),
                 "contact_id": editor.contact_combo.currentData(),
                 "deal_id": editor.deal_combo.currentData()}
        assert {k: shown[k] for k in expect} == expect
        _type(qtbot, editor.subject_edit, subject)
        _save(qtbot, editor)
        assert editor.result() == QDialog.DialogCode.Accepted
    return act


def _log_call(qtbot, digit: Qt.Key):  # type: ignore[no-untyped-def]
    """The call log's part: the outcome's digit, then Enter."""
    def act(dialog: CallLogDialog) -> None:
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, digit)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
    return act


# --- the client card ----------------------------------------------------------------------
def _card(qtbot, services: Services, client_id: int):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ClientCardDialog

    return _show(qtbot, ClientCardDialog(services=services, client_id=client_id))


def test_the_client_card_plans_an_activity_for_the_client(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                          driver) -> None:
    client_id, anna, _boris = client
    card = _card(qtbot, services, client_id)
    driver.on_next(ActivityEditor, _plan(qtbot, "Позвонить по счёту",
                                         {"client_id": client_id, "contact_id": anna,
                                          "deal_id": None}))
    _click(qtbot, card.new_activity_button)
    driver.check()
    [stored] = services.activities.for_client(client_id)
    assert (stored.subject, stored.client_id, stored.contact_id) == (
        "Позвонить по счёту", client_id, anna)
    assert [a.subject for a in card.activities_model.rows()] == ["Позвонить по счёту"]
    assert card.changed  # the list behind the card is re-read


def test_the_client_card_logs_a_call_in_two_keystrokes(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                       driver) -> None:
    card = _card(qtbot, services, client[0])
    driver.on_next(CallLogDialog, _log_call(qtbot, Qt.Key.Key_3))  # «Занято»
    _click(qtbot, card.log_call_button)
    driver.check()
    [call] = services.activities.for_client(client[0])
    assert call.done and call.result == "busy" and call.kind == "call"
    assert card.activities_model.rows()[0].result == "busy"


def test_a_contact_in_the_card_plans_an_activity_for_that_contact(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                                  driver) -> None:
    client_id, _anna, boris = client
    card = _card(qtbot, services, client_id)
    card.tabs.setCurrentIndex(1)
    row = next(i for i, c in enumerate(card.contacts_model.rows()) if c.id == boris)
    card.contacts_view.selectRow(row)
    assert 'href="tel:+79164445566"' in card.contact_links_label.text()
    driver.on_next(ActivityEditor, _plan(qtbot, "Встреча с директором",
                                         {"client_id": client_id, "contact_id": boris}))
    _click(qtbot, card.contact_activity_button)
    driver.check()
    [stored] = services.activities.for_client(client_id)
    assert stored.contact_id == boris and stored.subject == "Встреча с директором"


def test_phones_and_emails_on_the_card_are_links_for_the_system(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                                monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toString()) or True))
    card = _card(qtbot, services, client[0])
    html = card.links_label.text()
    assert '<a href="tel:+74951234567">+7 495 123-45-67</a>' in html
    assert '<a href="mailto:info@romashka.example">info@romashka.example</a>' in html
    card.links_label.linkActivated.emit("tel:+74951234567")
    assert opened == ["tel:+74951234567"]


def test_a_note_typed_in_the_history_is_added_with_ctrl_enter(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    card = _card(qtbot, services, client[0])
    card.tabs.setCurrentWidget(card.history_page)
    card.note_edit.setFocus()
    _type(qtbot, card.note_edit, "Любит звонки до обеда")
    qtbot.keyClick(card.note_edit, Qt.Key.Key_Return)  # Enter alone: a new line
    _type(qtbot, card.note_edit, "Секретарь — Ольга")
    assert services.activities.for_client(client[0]) == []
    qtbot.keyClick(card.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [note] = services.activities.for_client(client[0])
    assert note.kind == "note" and note.subject == "Любит звонки до обеда"
    assert note.notes == "Любит звонки до обеда\nСекретарь — Ольга"
    assert card.note_edit.toPlainText() == ""
    assert next((e.kind, e.title) for e in card.timeline_model.rows()) == (
        "activity:note", "Любит звонки до обеда")


def test_the_history_filters_by_kind_newest_first(qtbot, services, client) -> None:  # type: ignore[no-untyped-def]
    client_id = client[0]
    base = datetime.combine(date.today() + timedelta(days=1), time(9)).astimezone()
    for hours, kind, subject in ((0, "call", "Первый звонок"), (2, "meeting", "Встреча"),
                                 (4, "call", "Второй звонок")):
        services.activities.create(ActivityDraft(kind=kind, subject=subject,
                                                 client_id=client_id,
                                                 due_at=base + timedelta(hours=hours)))
    make_deal(services, client_id, title="Весы")
    card = _card(qtbot, services, client_id)
    combo = card.timeline_filter
    assert [combo.itemText(i).strip() for i in range(combo.count())] == [
        "всё", "Все дела", "Встреча", "Звонок", "Сделки и этапы"]
    combo.setCurrentIndex(combo.findData("activity:call"))
    assert [e.title for e in card.timeline_model.rows()] == ["Второй звонок", "Первый звонок"]
    combo.setCurrentIndex(combo.findData("activity"))
    assert [e.title for e in card.timeline_model.rows()] == [
        "Второй звонок", "Встреча", "Первый звонок"]
    combo.setCurrentIndex(combo.findData("deal"))
    assert [e.kind for e in card.timeline_model.rows()] == ["deal"]
    combo.setCurrentIndex(combo.findData(""))
    assert [e.title for e in card.timeline_model.rows()][:3] == [
        "Второй звонок", "Встреча", "Первый звонок"]  # planned for tomorrow: newest


def test_the_client_list_menu_plans_an_activity_and_logs_a_call(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                               driver) -> None:
    from app.views.clients import ClientsTab

    client_id, anna, _boris = client
    tab = _show(qtbot, ClientsTab(services=services))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.select_client(client_id)
    driver.on_next(ActivityEditor, _plan(qtbot, "Выставить счёт",
                                         {"client_id": client_id, "contact_id": anna}))
    tab.plan_action.trigger()
    driver.check()
    driver.on_next(CallLogDialog, _log_call(qtbot, Qt.Key.Key_1))
    tab.call_action.trigger()
    driver.check()
    planned, logged = sorted(services.activities.for_client(client_id), key=lambda a: a.done)
    assert (planned.subject, planned.done) == ("Выставить счёт", False)
    assert (logged.kind, logged.done, logged.result) == ("call", True, "reached")


# --- the deal editor ----------------------------------------------------------------------
def test_the_deal_editor_plans_and_completes_an_activity(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                         driver) -> None:
    from app.views.deals.editor import DealEditor

    client_id, anna, _boris = client
    deal_id = make_deal(services, client_id, anna)
    editor = _show(qtbot, DealEditor(services=services, deal_id=deal_id))
    editor.sections.setCurrentIndex(editor.sections.indexOf(
        editor.activities_view.parentWidget()))
    driver.on_next(ActivityEditor, _plan(qtbot, "Обсудить оплату",
                                         {"client_id": client_id, "contact_id": anna,
                                          "deal_id": deal_id}))
    _click(qtbot, editor.plan_button)
    driver.check()
    [planned] = services.activities.for_deal(deal_id)
    assert planned.subject == "Обсудить оплату" and not planned.done
    editor.activities_view.selectRow(0)

    def complete(dialog: CompletionDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_1)  # «Дозвонился»
        _type(qtbot, dialog.outcome_edit, "Оплата в понедельник")
        _click(qtbot, dialog.quick_buttons[7])  # «Через неделю»
        _save(qtbot, dialog)

    driver.on_next(CompletionDialog, complete)
    _click(qtbot, editor.complete_button)
    driver.check()
    done = services.activities.get(planned.id)
    assert done.done and (done.result, done.outcome) == ("reached", "Оплата в понедельник")
    nxt = services.activities.get(done.next_activity_id)  # type: ignore[arg-type]
    assert nxt.deal_id == deal_id and nxt.due_at == datetime.combine(
        date.today() + timedelta(days=7), time(10)).astimezone()
    assert [a.id for a in editor.activities_model.rows()] == [nxt.id, planned.id]
    assert not editor.unsaved.is_modified()  # the activities are not the deal's edits


# --- the board ----------------------------------------------------------------------------
def _deals_tab(qtbot, services: Services):  # type: ignore[no-untyped-def]
    from app.views.deals.tab import DealsTab

    tab = _show(qtbot, DealsTab(services=services))
    tab.resize(1366, 700)
    return tab


def _menu_action(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text() == text)


def test_the_board_card_menu_plans_an_activity_and_logs_a_call(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                               driver) -> None:
    client_id, anna, _boris = client
    deal_id = make_deal(services, client_id, anna)
    tab = _deals_tab(qtbot, services)
    menu = tab.context_menu_for(deal_id)
    qtbot.addWidget(menu)
    driver.on_next(ActivityEditor, _plan(qtbot, "Презентация весов",
                                         {"client_id": client_id, "deal_id": deal_id,
                                          "contact_id": anna}))
    _menu_action(menu, "Запланировать дело…").trigger()
    driver.check()
    [planned] = services.activities.for_deal(deal_id)
    assert planned.subject == "Презентация весов"
    assert tab._card(deal_id).next_subject == "Презентация весов"  # the card shows it
    driver.on_next(CallLogDialog, _log_call(qtbot, Qt.Key.Key_2))  # «Не ответил»
    _menu_action(menu, "Записать звонок…").trigger()
    driver.check()
    calls = [a for a in services.activities.for_deal(deal_id) if a.done]
    assert [(c.result, c.client_id, c.contact_id) for c in calls] == [
        ("no_answer", client_id, anna)]


@pytest.mark.parametrize("asked", [True, False])
def test_winning_a_deal_plans_the_call_after_the_sale(qtbot, services, client, monkeypatch,  # type: ignore[no-untyped-def]
                                                      asked: bool) -> None:
    from app.views.deals.move_dialogs import WonAnswer

    client_id, anna, _boris = client
    deal_id = make_deal(services, client_id, anna, title="Весы для склада")
    today = date.today()
    monkeypatch.setattr(dialogs, "ask_won_details", lambda parent, title, amount, day: WonAnswer(
        closed_on=today, amount=amount, follow_up=asked))
    tab = _deals_tab(qtbot, services)
    won = next(s for s in services.deals.stages() if s.is_won)
    assert tab.move_deal(deal_id, won.id)
    follow_ups = [a for a in services.activities.for_deal(deal_id) if a.purpose == "follow_up"]
    if not asked:
        assert follow_ups == []
        return
    day = today + timedelta(days=14)  # settings "follow_up_days" by default
    while not is_working_day(day):
        day += timedelta(days=1)
    [call] = follow_ups
    assert call.kind == "call" and not call.done and call.contact_id == anna
    assert call.subject == "Как вам «Весы для склада»?"
    assert call.due_at == datetime.combine(day, time(10)).astimezone()


# --- Ctrl+Shift+A -------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, services: Services):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction

    from app.views.main_window import MainWindow

    main = MainWindow(services=services, settings=QSettings())
    _show(qtbot, main)
    action = main.findChild(QAction, "quickAddActivityAction")
    qtbot.waitUntil(lambda: not action.shortcut().isEmpty())
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def _quick_add(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.tabs, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    # Let go of Ctrl and Shift: Qt keeps the modifiers of the last key event as held, and a
    # later test's selectRow with Ctrl "held" would toggle the row off.
    for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control):
        qtbot.keyRelease(window.tabs, key)


def test_ctrl_shift_a_in_clients_pre_fills_the_selected_client(qtbot, services, client,  # type: ignore[no-untyped-def]
                                                               window, driver) -> None:
    client_id, anna, _boris = client
    other, *_ = make_client(services, "АО «Василёк»")
    tab = window.show_tab("clients")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert tab.select_client(client_id)
    driver.on_next(ActivityEditor, _plan(qtbot, "Отправить прайс",
                                         {"client_id": client_id, "contact_id": anna}))
    _quick_add(qtbot, window)
    driver.check()
    assert [a.subject for a in services.activities.for_client(client_id)] == ["Отправить прайс"]
    assert services.activities.for_client(other) == []


def test_ctrl_shift_a_in_deals_pre_fills_the_selected_deal(qtbot, services, client, window,  # type: ignore[no-untyped-def]
                                                           driver) -> None:
    client_id, anna, _boris = client
    make_deal(services, client_id, anna, title="Первая сделка")
    deal_id = make_deal(services, client_id, anna, title="Вторая сделка")
    tab = window.show_tab("deals")
    tab.refresh()
    assert tab.board.select_deal(deal_id)
    assert tab.current_deal_id() == deal_id
    driver.on_next(ActivityEditor, _plan(qtbot, "Согласовать договор",
                                         {"client_id": client_id, "deal_id": deal_id}))
    _quick_add(qtbot, window)
    driver.check()
    [stored] = services.activities.for_deal(deal_id)
    assert stored.subject == "Согласовать договор" and stored.client_id == client_id


def test_ctrl_shift_a_elsewhere_opens_an_empty_editor(qtbot, services, client, window,  # type: ignore[no-untyped-def]
                                                      driver) -> None:
    window.show_tab("today")

    def check(editor: ActivityEditor) -> None:
        assert editor.client_picker.client_id() is None and editor.client_picker.text() == ""
        qtbot.keyClick(editor.subject_edit, Qt.Key.Key_Escape)  # nothing typed: no question

    driver.on_next(ActivityEditor, check)
    _quick_add(qtbot, window)
    driver.check()
    assert len(driver.seen) == 1 and not driver.seen[0].isVisible()
