"""The Today tab as a worklist, driven like a user: each section's rows in order, the arrow
keys past the headings, Enter opens, Space completes (or ticks «поздравил»), Ctrl+D moves to
tomorrow, a bulk reschedule or «done» undone and redone through Правка → Отменить /
Повторить (Ctrl+Z, Ctrl+Shift+Z), long sections opened by their «Ещё» line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from app.bootstrap import Services
from app.models import Order
from app.services.activities import ActivityDraft, Completion
from app.services.clients import ClientDraft, ContactDraft
from app.services.errors import NotFoundError
from app.views import dialogs
from app.views.activities.call_log import CallLogDialog
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor
from app.views.today import TodayTab
from app.views.today import tab as today_module
from tests.gui._activity_helpers import ModalDriver, make_deal, show_active, window_over
from tests.gui._activity_helpers import click as _click
from tests.gui.test_unsaved_changes import _type

TODAY = date.today()


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def _plan(services: Services, client_id: int, subject: str, due: datetime,
          kind: str = "call", **extra: object) -> int:
    return services.activities.create(ActivityDraft(
        kind=kind, subject=subject, client_id=client_id, due_at=due, **extra))  # type: ignore[arg-type]


def _birthday_in(days: int) -> date:
    """A birthday `days` from today, born in 1992 (a leap year: 29 February exists)."""
    return (TODAY + timedelta(days=days)).replace(year=1992)


class Day:
    """The hand-made day: one active client with two contacts, a deal without a next step,
    activities in every section, an order to be paid, a trainee's overdue task."""

    def __init__(self, services: Services) -> None:
        card = services.clients.create(ClientDraft(
            name="ООО «Ромашка»", status="active", segment="Прочие", phone="+7 495 123-45-67",
            email="info@romashka.example", contacts=(
                ContactDraft(name="Анна Петрова", phone="+7 916 111-22-33",
                             email="anna@romashka.example", is_primary=True,
                             birthday=_birthday_in(2)),
                ContactDraft(name="Борис Сидоров", phone="+7 916 444-55-66"))))
        self.client = card.id
        contacts = {c.name: c.id for c in services.clients.contacts_of(card.id)}
        self.anna = contacts["Анна Петрова"]
        self.deal = make_deal(services, self.client, self.anna, "Поставка весов")
        p = _plan
        self.older = p(services, self.client, "Позавчерашняя встреча",
                       _local(TODAY - timedelta(days=2), 15), kind="meeting")
        self.yesterday = p(services, self.client, "Вчерашний звонок",
                           _local(TODAY - timedelta(days=1), 10), contact_id=self.anna)
        self.late_call = p(services, self.client, "Звонок в три", _local(TODAY, 15))
        self.morning = p(services, self.client, "Встреча в девять", _local(TODAY, 9),
                         kind="meeting")
        self.tomorrow = p(services, self.client, "Письмо с КП",
                          _local(TODAY + timedelta(days=1), 11), kind="email")
        self.week = p(services, self.client, "Презентация весов",
                      _local(TODAY + timedelta(days=3), 12), kind="presentation")
        self.follow_up = p(services, self.client, "Как вам весы?",
                           _local(TODAY + timedelta(days=5), 10), purpose="follow_up")
        with services.uow_factory() as uow:  # orders have no service of their own yet
            order = Order(number="З-7", client_id=self.client,
                          ordered_on=TODAY - timedelta(days=30), amount=Decimal("1500.50"),
                          payment_due_on=TODAY + timedelta(days=2))
            uow.session.add(order)
            uow.flush()
            self.order = order.id
            uow.commit()
        trainee = services.mentoring.save_trainee(None, name="Стажёр Сидоров",
                                                  start_date=TODAY - timedelta(days=30))
        self.task = services.mentoring.add_task(trainee, section="Продукт",
                                                title="Выучить каталог",
                                                due_on=TODAY - timedelta(days=3))
        self.trainee = trainee


@pytest.fixture
def day(services: Services) -> Day:
    return Day(services)


@pytest.fixture
def driver() -> ModalDriver:
    return ModalDriver()


def _tab(qtbot, services: Services) -> TodayTab:  # type: ignore[no-untyped-def]
    tab = TodayTab(services=services)
    tab.resize(1366, 700)
    show_active(qtbot, tab)
    qtbot.waitUntil(tab.is_filled)  # the late sections' job started with the tab
    tab.view.setFocus()
    return tab


def _headings(tab: TodayTab) -> list[str]:
    return [tab.model.data(tab.model.index(r, 0)) for r in tab.model.heading_rows()]


def _titles(tab: TodayTab, section: str) -> list[str]:
    return [i.title for i in tab.model.section_items(section)]


def _row_of(tab: TodayTab, title: str) -> int:
    return next(r for r in tab.model.item_rows() if tab.model.item(r).title == title)  # type: ignore[union-attr]


def _current_title(tab: TodayTab) -> str:
    item = tab.model.item(tab.view.currentIndex().row())
    assert item is not None
    return item.title


def _cell(tab: TodayTab, row: int, column: int) -> str:
    return tab.model.data(tab.model.index(row, column))  # type: ignore[no-any-return]


def _menu_action(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    """The action reached through the (sub)menu titles of `path`."""
    for title in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == title)
    return next(a for a in menu.actions() if a.text() == path[-1])


def _popup_menu_of(action: Callable[[], object]) -> list[str]:
    """The texts of the popup menu `action` opens (closed once its event loop runs)."""
    seen: list[list[str]] = []

    def close_menu() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(0, close_menu)
            return
        seen.append([a.text() for a in popup.actions()])
        popup.close()

    QTimer.singleShot(0, close_menu)
    action()
    assert seen, "no menu was shown"
    return seen[0]


def _without_holidays(headings: list[str]) -> list[str]:
    """A real holiday may fall within the week of the run: its heading is left out."""
    return [h for h in headings if not h.startswith("Праздники")]


def test_each_section_lists_its_rows_in_order(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    assert _without_holidays(_headings(tab)) == [
        "Просрочено · 2", "Сегодня · 2", "Завтра · 1", "Ближайшие 7 дней · 1",
        "Сделки без движения · 1", "Пора позвонить · 1", "Звонки после продажи · 1",
        "Ожидаемые оплаты · 1", "Дни рождения · 1", "Задачи стажёров · 1"]
    assert _titles(tab, "overdue") == ["Позавчерашняя встреча", "Вчерашний звонок"]
    assert _titles(tab, "today") == ["Встреча в девять", "Звонок в три"]
    assert _titles(tab, "tomorrow") == ["Письмо с КП"]
    assert _titles(tab, "week") == ["Презентация весов"]
    assert _titles(tab, "stalled") == ["Поставка весов"]
    assert _titles(tab, "service_due") == ["ООО «Ромашка»"]  # never called
    assert _titles(tab, "follow_up") == ["Как вам весы?"]
    assert _titles(tab, "payments") == ["З-7 · ООО «Ромашка»"]
    assert _titles(tab, "birthdays") == ["Анна Петрова"]
    assert _titles(tab, "trainee_tasks") == ["Выучить каталог"]
    # the columns: today's rows show the time only, the others their date; kind labels
    morning = _row_of(tab, "Встреча в девять")
    assert [_cell(tab, morning, c) for c in range(3)] == ["09:00", "Встреча", "Встреча в девять"]
    older = _row_of(tab, "Позавчерашняя встреча")
    assert _cell(tab, older, 0) == (TODAY - timedelta(days=2)).strftime("%d.%m.%Y 15:00")
    assert "просрочено на 2 дн." in _cell(tab, older, 3)
    red = tab.model.data(tab.model.index(older, 0), Qt.ItemDataRole.ForegroundRole)
    assert red.color().name() == "#dc2626"  # style.DANGER
    assert tab.model.data(tab.model.index(morning, 0), Qt.ItemDataRole.ForegroundRole) is None
    birthday = _row_of(tab, "Анна Петрова")
    assert _cell(tab, birthday, 0) == (TODAY + timedelta(days=2)).strftime("%d.%m.%Y")
    assert _cell(tab, birthday, 1) == "День рождения"
    # the first figures are the worklist's own counts
    assert tab.agenda_card.value.text() == "2"
    assert tab.agenda_card.note.text() == "просрочено: 2"
    assert tab.view.isVisible() and not tab.empty.isVisible()


def test_the_late_sections_arrive_after_the_rest_keeping_the_selection(qtbot, services,  # type: ignore[no-untyped-def]
                                                                        day) -> None:
    tab = TodayTab(services=services)  # no event processed yet: the job cannot have reported
    qtbot.addWidget(tab)
    assert not tab.is_filled()
    assert _titles(tab, "service_due") == [] and _titles(tab, "birthdays") == []
    assert _titles(tab, "today") == ["Встреча в девять", "Звонок в три"]  # the GUI thread's
    assert "Остальные разделы: загрузка…" in tab.sections_line.text()
    tab.select_row(_row_of(tab, "Выучить каталог"))
    with qtbot.waitSignal(tab.filled):
        pass
    assert tab.is_filled()
    assert _titles(tab, "service_due") == ["ООО «Ромашка»"]
    assert _titles(tab, "birthdays") == ["Анна Петрова"]
    assert "загрузка" not in tab.sections_line.text()
    assert _current_title(tab) == "Выучить каталог"
    assert [i.title for i in tab.selected_items()] == ["Выучить каталог"]
    with qtbot.waitSignal(tab.filled):
        tab.refresh()  # the late rows stay shown while they are read again
        assert _titles(tab, "service_due") == ["ООО «Ромашка»"]


def test_the_arrow_keys_skip_the_section_headings(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    assert _current_title(tab) == "Позавчерашняя встреча"  # the first row, not a heading
    qtbot.keyClick(tab.view, Qt.Key.Key_Up)  # nothing above the first row but its heading
    assert _current_title(tab) == "Позавчерашняя встреча"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    assert _current_title(tab) == "Вчерашний звонок"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)  # over «Сегодня · 2»
    assert _current_title(tab) == "Встреча в девять"
    qtbot.keyClick(tab.view, Qt.Key.Key_Up)  # back over it
    assert _current_title(tab) == "Вчерашний звонок"
    qtbot.keyClick(tab.view, Qt.Key.Key_End)
    assert _current_title(tab) == "Выучить каталог"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)  # the last row stays
    assert _current_title(tab) == "Выучить каталог"
    qtbot.keyClick(tab.view, Qt.Key.Key_Home)
    assert _current_title(tab) == "Позавчерашняя встреча"
    headings = set(tab.model.heading_rows())
    assert not any(tab.view.selectionModel().isRowSelected(r) for r in headings)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _current_title(tab) == "Встреча в девять"  # the next section's first row
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _current_title(tab) == "Письмо с КП"
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _current_title(tab) == "Встреча в девять"


def test_the_sections_line_counts_each_section_and_jumps_to_it(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    line = tab.sections_line.text().replace("&nbsp;", " ")
    assert line.index("Просрочено · 2") < line.index("Сегодня · 2") < line.index(
        "Задачи стажёров · 1")
    assert "Праздники" not in line or "Праздники · 1" in line
    tab.sections_line.linkActivated.emit("payments")
    assert _current_title(tab) == "З-7 · ООО «Ромашка»"


def test_enter_opens_an_activity_in_its_editor_and_the_rest_in_their_tab(  # type: ignore[no-untyped-def]
        qtbot, services, day, driver) -> None:
    tab = _tab(qtbot, services)
    opened: list[tuple[str, int]] = []
    tab.open_requested.connect(lambda kind, ident: opened.append((kind, ident)))

    def check(editor: ActivityEditor) -> None:
        assert editor.activity_id == day.yesterday
        assert editor.subject_edit.text() == "Вчерашний звонок"
        qtbot.keyClick(editor.subject_edit, Qt.Key.Key_Escape)  # nothing changed: no question

    tab.select_row(_row_of(tab, "Вчерашний звонок"))
    driver.on_next(ActivityEditor, check)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    driver.check()
    assert len(driver.seen) == 1
    for title in ("Поставка весов", "ООО «Ромашка»", "З-7 · ООО «Ромашка»", "Анна Петрова",
                  "Выучить каталог"):
        tab.select_row(_row_of(tab, title))
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    # a payment due opens its order
    assert opened == [("deal", day.deal), ("client", day.client), ("order", day.order),
                      ("client", day.client), ("trainee", day.trainee)]
    row = _row_of(tab, "Поставка весов")
    tab.view.scrollTo(tab.model.index(row, 0))
    middle = tab.view.visualRect(tab.model.index(row, 2)).center()
    viewport = tab.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=middle)  # a hand clicks first
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=middle)
    assert opened[-1] == ("deal", day.deal)


def test_an_edited_activity_stays_selected_under_its_new_subject(qtbot, services, day,  # type: ignore[no-untyped-def]
                                                                  driver) -> None:
    tab = _tab(qtbot, services)

    def rename(editor: ActivityEditor) -> None:
        editor.subject_edit.clear()
        _type(qtbot, editor.subject_edit, "Звонок в три: счёт")
        _click(qtbot, next(b for b in editor.findChildren(type(tab.new_button))
                           if b.objectName() == "primary"))

    tab.select_row(_row_of(tab, "Звонок в три"))
    driver.on_next(ActivityEditor, rename)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    driver.check()
    assert _titles(tab, "today") == ["Встреча в девять", "Звонок в три: счёт"]
    assert _current_title(tab) == "Звонок в три: счёт"


def test_the_model_passes_qts_checks(qtbot, qtmodeltester, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    qtmodeltester.check(tab.model)
    tab.toggle_section("overdue")
    qtmodeltester.check(tab.model)


def test_ctrl_n_on_the_today_tab_of_the_window(qtbot, main_window, driver) -> None:  # type: ignore[no-untyped-def]
    main_window.show_tab("clients")  # its own Ctrl+N (a new client) is built, then hidden
    today = main_window.show_tab("today")
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    today.view.setFocus()
    driver.on_next(ActivityEditor, lambda e: qtbot.keyClick(e.subject_edit, Qt.Key.Key_Escape))
    qtbot.keyClick(today.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    driver.check()
    assert [type(d) for d in driver.seen] == [ActivityEditor]


def test_space_completes_an_activity_and_its_next_step_appears(qtbot, services, day,  # type: ignore[no-untyped-def]
                                                               driver) -> None:
    tab = _tab(qtbot, services)

    def complete(dialog: CompletionDialog) -> None:
        assert dialog.activity.id == day.yesterday
        qtbot.keyClick(dialog, Qt.Key.Key_1)  # «Дозвонился»
        dialog.next_subject_edit.clear()
        _type(qtbot, dialog.next_subject_edit, "Отправить договор")
        _click(qtbot, dialog.quick_buttons[1])  # «Завтра»
        _click(qtbot, next(b for b in dialog.findChildren(type(dialog.quick_buttons[1]))
                           if b.objectName() == "primary"))
        assert dialog.result() == QDialog.DialogCode.Accepted

    tab.select_row(_row_of(tab, "Вчерашний звонок"))
    driver.on_next(CompletionDialog, complete)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    driver.check()
    done = services.activities.get(day.yesterday)
    assert done.done and done.result == "reached"
    assert _titles(tab, "overdue") == ["Позавчерашняя встреча"]
    assert _titles(tab, "tomorrow") == ["Отправить договор", "Письмо с КП"]  # 10:00, 11:00
    assert services.activities.get(done.next_activity_id).due_at == _local(
        TODAY + timedelta(days=1), 10)
    assert _current_title(tab) == "Встреча в девять"  # the row that followed it


def test_ctrl_d_moves_a_row_to_tomorrow_at_its_time(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    tab.select_row(_row_of(tab, "Звонок в три"))
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _titles(tab, "today") == ["Встреча в девять"]
    assert _titles(tab, "tomorrow") == ["Письмо с КП", "Звонок в три"]  # 11:00, 15:00
    assert services.activities.get(day.late_call).due_at == _local(TODAY + timedelta(days=1), 15)
    assert _current_title(tab) == "Письмо с КП"  # the next row
    assert tab.status.text() == "Перенесено дел: 1" and tab.undo_button.isVisibleTo(tab)


def _window_tab(qtbot, services: Services):  # type: ignore[no-untyped-def]
    """The main window over `services` and its Today tab, filled, the list in focus."""
    window = window_over(qtbot, services)
    tab = window.show_tab("today")
    assert isinstance(tab, TodayTab)
    qtbot.waitUntil(tab.is_filled)
    tab.view.setFocus()
    return window, tab


def test_a_bulk_reschedule_is_undone_by_ctrl_z_and_redone(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    """Правка → Отменить / Повторить (Ctrl+Z, Ctrl+Shift+Z) takes the reschedule back and
    does it again, each one transaction; the list shows what is stored each time."""
    window, tab = _window_tab(qtbot, services)
    tab.select_row(_row_of(tab, "Позавчерашняя встреча"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # over a heading
    assert [i.title for i in tab.selected_items()] == [
        "Позавчерашняя встреча", "Вчерашний звонок", "Встреча в девять"]
    moved = (day.older, day.yesterday, day.morning)
    before = [services.activities.get(i).due_at for i in moved]
    menu = tab.context_menu()
    _menu_action(menu, "Перенести", "Через неделю").trigger()
    week = TODAY + timedelta(days=7)
    after = [_local(week, 15), _local(week, 10), _local(week, 9)]
    assert _titles(tab, "overdue") == []
    assert _titles(tab, "week") == ["Презентация весов", "Встреча в девять",
                                    "Вчерашний звонок", "Позавчерашняя встреча"]
    assert [services.activities.get(i).due_at for i in moved] == after
    assert tab.status.text() == "Перенесено дел: 3"
    assert _current_title(tab) == "Звонок в три"  # the row after the three
    assert window.undo_action.text() == "Отменить перенос 3 дел"
    assert tab.undo_button.isVisibleTo(tab)
    assert tab.undo_button.toolTip() == "Отменить перенос 3 дел (Ctrl+Z)"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [services.activities.get(i).due_at for i in moved] == before
    assert before == [_local(TODAY - timedelta(days=2), 15), _local(TODAY - timedelta(days=1), 10),
                      _local(TODAY, 9)]
    assert _titles(tab, "overdue") == ["Позавчерашняя встреча", "Вчерашний звонок"]
    assert _titles(tab, "today") == ["Встреча в девять", "Звонок в три"]
    assert not tab.undo_button.isVisibleTo(tab)  # nothing left to undo
    assert window.redo_action.text() == "Повторить перенос 3 дел"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [services.activities.get(i).due_at for i in moved] == after
    assert _titles(tab, "overdue") == []
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_space_on_several_marks_them_done_the_button_undoes_and_redo_does_it_again(  # type: ignore[no-untyped-def]
        qtbot, services, day) -> None:
    window, tab = _window_tab(qtbot, services)
    tab.select_row(_row_of(tab, "Встреча в девять"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    assert _titles(tab, "today") == []
    done = [services.activities.get(i) for i in (day.morning, day.late_call)]
    assert [(d.done, d.no_next_reason) for d in done] == [(True, "Отмечено списком")] * 2
    assert window.undo_action.text() == "Отменить отметку «выполнено» у 2 дел"
    _click(qtbot, tab.undo_button)  # the tab's button: the same history
    assert _titles(tab, "today") == ["Встреча в девять", "Звонок в три"]
    reopened = [services.activities.get(i) for i in (day.morning, day.late_call)]
    assert [(d.done, d.done_at, d.no_next_reason) for d in reopened] == [(False, None, "")] * 2
    assert not tab.undo_button.isVisibleTo(tab)
    window.redo_action.trigger()  # Правка → Повторить
    assert _titles(tab, "today") == []
    again = [services.activities.get(i) for i in (day.morning, day.late_call)]
    assert [(d.done, d.done_at, d.no_next_reason) for d in again] == [
        (True, d.done_at, "Отмечено списком") for d in done]  # the same change, not a new one


def test_an_undo_refused_after_an_edit_elsewhere_is_told_and_keeps_the_edit(  # type: ignore[no-untyped-def]
        qtbot, services, day, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, *a: errors.append(text))
    window, tab = _window_tab(qtbot, services)
    tab.select_row(_row_of(tab, "Встреча в девять"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # to tomorrow
    tomorrow = TODAY + timedelta(days=1)
    assert services.activities.get(day.morning).due_at == _local(tomorrow, 9)
    # moved again elsewhere (its editor, another window) before the undo
    services.activities.move(day.late_call, _local(TODAY + timedelta(days=3), 16))
    from app.views.undo import history

    count = history().stack.count()
    window.undo_action.trigger()
    assert errors == ["Не удалось отменить или повторить:\n"
                      "Дело «Звонок в три» изменено с тех пор — оставлено как есть"]
    # nothing was put back, the other one neither (one transaction)
    assert services.activities.get(day.morning).due_at == _local(tomorrow, 9)
    assert services.activities.get(day.late_call).due_at == _local(TODAY + timedelta(days=3), 16)
    assert history().stack.count() == count - 1  # the refused command is dropped
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert _titles(tab, "tomorrow") == ["Встреча в девять", "Письмо с КП"]  # as stored
    assert "Звонок в три" in _titles(tab, "week")


def _complete_yesterdays_call(qtbot, tab: TodayTab, driver: ModalDriver) -> None:  # type: ignore[no-untyped-def]
    """Space on «Вчерашний звонок»: «Дозвонился», next step «Отправить договор» tomorrow."""
    def complete(dialog: CompletionDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_1)  # «Дозвонился»
        _type(qtbot, dialog.outcome_edit, "Ждут договор")
        dialog.next_subject_edit.clear()
        _type(qtbot, dialog.next_subject_edit, "Отправить договор")
        _click(qtbot, dialog.quick_buttons[1])  # «Завтра»
        _click(qtbot, next(b for b in dialog.findChildren(type(dialog.quick_buttons[1]))
                           if b.objectName() == "primary"))
        assert dialog.result() == QDialog.DialogCode.Accepted

    tab.select_row(_row_of(tab, "Вчерашний звонок"))
    driver.on_next(CompletionDialog, complete)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    driver.check()
    # the dialog gone, the window is active again (a window manager does it; offscreen not)
    tab.window().activateWindow()
    qtbot.waitUntil(tab.window().isActiveWindow)


def _completion_of(services: Services, activity_id: int) -> tuple[object, ...]:
    d = services.activities.get(activity_id)
    return (d.done, d.done_at, d.result, d.outcome, d.no_next_reason, d.next_activity_id,
            d.remind_at)


def test_a_completion_is_undone_by_ctrl_z_and_redone(qtbot, services, day, driver) -> None:  # type: ignore[no-untyped-def]
    """Space on one row completes it in the dialog; Ctrl+Z reopens it as it was and deletes
    its next step, Ctrl+Shift+Z completes it again the same way with the next step."""
    window, tab = _window_tab(qtbot, services)
    open_before = _completion_of(services, day.yesterday)
    _complete_yesterdays_call(qtbot, tab, driver)
    done = services.activities.get(day.yesterday)
    assert (done.done, done.result, done.outcome) == (True, "reached", "Ждут договор")
    step = services.activities.get(done.next_activity_id)
    assert _titles(tab, "tomorrow") == ["Отправить договор", "Письмо с КП"]
    assert window.undo_action.text() == "Отменить завершение дела «Вчерашний звонок»"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _completion_of(services, day.yesterday) == open_before
    assert open_before[:5] == (False, None, "", "", "")
    with pytest.raises(NotFoundError):
        services.activities.get(step.id)
    assert _titles(tab, "overdue") == ["Позавчерашняя встреча", "Вчерашний звонок"]
    assert _titles(tab, "tomorrow") == ["Письмо с КП"]
    assert window.redo_action.text() == "Повторить завершение дела «Вчерашний звонок»"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = services.activities.get(day.yesterday)
    assert (again.done, again.done_at, again.result, again.outcome) == (
        True, done.done_at, "reached", "Ждут договор")  # the same completion
    new_step = services.activities.get(again.next_activity_id)
    assert (new_step.subject, new_step.due_at, new_step.client_id, new_step.done) == (
        "Отправить договор", step.due_at, day.client, False)
    assert _titles(tab, "overdue") == ["Позавчерашняя встреча"]
    assert _titles(tab, "tomorrow") == ["Отправить договор", "Письмо с КП"]
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoable again
    assert _completion_of(services, day.yesterday) == open_before
    assert _titles(tab, "tomorrow") == ["Письмо с КП"]


def test_an_undo_of_a_completion_is_refused_once_its_next_step_or_it_changed(  # type: ignore[no-untyped-def]
        qtbot, services, day, driver, monkeypatch) -> None:
    """The next step completed since, or the completed activity edited since (elsewhere):
    the undo is refused, told in the user's words and dropped; nothing is written."""
    from app.views.undo import history

    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, *a: errors.append(text))
    window, tab = _window_tab(qtbot, services)
    _complete_yesterdays_call(qtbot, tab, driver)
    step_id = services.activities.get(day.yesterday).next_activity_id
    services.activities.complete(step_id, Completion(result="reached", no_next_reason="всё"))
    kept = _completion_of(services, day.yesterday)
    count = history().stack.count()
    window.undo_action.trigger()
    assert errors == ["Не удалось отменить или повторить:\n"
                      "Следующее дело «Отправить договор» уже выполнено — оставлено как есть"]
    assert _completion_of(services, day.yesterday) == kept
    assert services.activities.get(step_id).done
    assert history().stack.count() == count - 1 and not window.undo_action.isEnabled()

    errors.clear()
    tab.refresh()
    qtbot.waitUntil(tab.is_filled)
    tab.select_row(_row_of(tab, "Позавчерашняя встреча"))

    def complete(dialog: CompletionDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_1)
        _click(qtbot, dialog.none_radio)
        _type(qtbot, dialog.reason_edit, "Клиент думает")
        _click(qtbot, next(b for b in dialog.findChildren(type(dialog.quick_buttons[1]))
                           if b.objectName() == "primary"))

    driver.on_next(CompletionDialog, complete)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    driver.check()
    meeting = services.activities.get(day.older)
    assert meeting.done and meeting.no_next_reason == "Клиент думает"
    services.activities.update(day.older, replace(meeting.draft(), notes="итоги в почте"))
    window.undo_action.trigger()
    assert errors == ["Не удалось отменить или повторить:\n"
                      "Дело «Позавчерашняя встреча» изменено с тех пор — оставлено как есть"]
    assert services.activities.get(day.older).done


def test_the_menu_moves_to_next_monday_or_a_picked_day(qtbot, services, day,  # type: ignore[no-untyped-def]
                                                      monkeypatch) -> None:
    tab = _tab(qtbot, services)
    monday = next(TODAY + timedelta(days=k) for k in range(1, 8)
                  if (TODAY + timedelta(days=k)).weekday() == 0)
    tab.select_row(_row_of(tab, "Письмо с КП"))
    _menu_action(tab.context_menu(), "Перенести", "На следующий понедельник").trigger()
    assert services.activities.get(day.tomorrow).due_at == _local(monday, 11)
    asked: list[date] = []
    picked = TODAY + timedelta(days=20)

    def ask_date(parent, title, initial):  # type: ignore[no-untyped-def]
        asked.append(initial)
        return picked

    monkeypatch.setattr(today_module.dialogs, "ask_date", ask_date)
    tab.select_row(_row_of(tab, "Презентация весов"))
    _menu_action(tab.context_menu(), "Перенести", "Выбрать дату…").trigger()
    assert asked == [TODAY + timedelta(days=1)]
    assert services.activities.get(day.week).due_at == _local(picked, 12)
    assert "Презентация весов" not in _titles(tab, "week")  # 20 days on: off the list
    monkeypatch.setattr(today_module.dialogs, "ask_date", lambda *a: None)  # cancelled
    tab.select_row(_row_of(tab, "Звонок в три"))
    assert not tab.reschedule_selected_to_picked_day()
    assert services.activities.get(day.late_call).due_at == _local(TODAY, 15)


def test_space_logs_the_call_a_client_is_due_and_plans_a_deals_step(qtbot, services, day,  # type: ignore[no-untyped-def]
                                                                    driver) -> None:
    tab = _tab(qtbot, services)

    def log(dialog: CallLogDialog) -> None:
        assert dialog.client_id == day.client
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_1)  # «Дозвонился»
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted

    tab.select_row(_row_of(tab, "ООО «Ромашка»"))
    driver.on_next(CallLogDialog, log)
    with qtbot.waitSignal(tab.filled):  # the service calls are read again after the call
        qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    driver.check()
    assert _titles(tab, "service_due") == []  # called now
    assert any(a.kind == "call" and a.done and a.result == "reached"
               for a in services.activities.for_client(day.client))

    def plan(editor: ActivityEditor) -> None:
        assert (editor.client_picker.client_id(), editor.deal_combo.currentData()) == (
            day.client, day.deal)
        _type(qtbot, editor.subject_edit, "Согласовать договор")
        _click(qtbot, next(b for b in editor.findChildren(type(tab.new_button))
                           if b.objectName() == "primary"))

    tab.select_row(_row_of(tab, "Поставка весов"))
    driver.on_next(ActivityEditor, plan)
    with qtbot.waitSignal(tab.filled):  # the stalled deals are read again after the plan
        qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    driver.check()
    assert _titles(tab, "stalled") == []  # it has a next step now
    assert [a.subject for a in services.activities.for_deal(day.deal)] == [
        "Согласовать договор"]


def test_pozdravil_records_a_greeting_and_the_row_shows_it(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    row = _row_of(tab, "Анна Петрова")
    tab.select_row(row)
    assert [a.text() for a in tab.context_menu().actions()][:2] == ["Открыть", "Поздравил"]
    with qtbot.waitSignal(tab.filled):  # the birthdays are read again after the greeting
        qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    [greeting] = [a for a in services.activities.for_client(day.client)
                  if a.purpose == "greeting"]
    assert (greeting.done, greeting.contact_id, greeting.kind) == (True, day.anna, "call")
    row = _row_of(tab, "Анна Петрова")
    assert _cell(tab, row, 1) == "✓ поздравил"
    assert tab.model.item(row).done  # type: ignore[union-attr]
    assert tab.status.text() == "Поздравление записано: Анна Петрова"
    tab.select_row(row)
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)  # once is enough
    assert len([a for a in services.activities.for_client(day.client)
                if a.purpose == "greeting"]) == 1
    assert "Поздравил" not in [a.text() for a in tab.context_menu().actions()]


def test_the_menu_calls_writes_and_opens_the_client_and_deal(qtbot, services, day,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    tab = _tab(qtbot, services)
    urls: list[str] = []
    monkeypatch.setattr(today_module, "open_link", lambda url: urls.append(url) or True)
    opened: list[tuple[str, int]] = []
    tab.open_requested.connect(lambda kind, ident: opened.append((kind, ident)))
    tab.select_row(_row_of(tab, "Вчерашний звонок"))  # Анна's phone and e-mail
    menu = tab.context_menu()
    _menu_action(menu, "Позвонить: +7 916 111-22-33").trigger()
    _menu_action(menu, "Написать: anna@romashka.example").trigger()
    _menu_action(menu, "Открыть клиента").trigger()
    assert urls == ["tel:+79161112233", "mailto:anna@romashka.example"]
    assert opened == [("client", day.client)]
    assert "Открыть сделку" not in [a.text() for a in menu.actions()]  # no deal
    tab.select_row(_row_of(tab, "Поставка весов"))
    assert [a.text() for a in tab.context_menu().actions()][:2] == [
        "Открыть", "Запланировать дело…"]


def test_the_menu_key_opens_the_menu_of_the_current_row(qtbot, services, day) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    tab.select_row(_row_of(tab, "Звонок в три"))
    viewport = tab.view.viewport()
    shown = _popup_menu_of(lambda: QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), viewport.mapToGlobal(QPoint(0, 0)))))
    assert shown[:3] == ["Открыть", "Завершить…", "Перенести"]


def test_a_long_section_shows_its_first_rows_and_opens_in_full(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    card = services.clients.create(ClientDraft(name="ООО «Лента»"))
    for k in range(12):
        _plan(services, card.id, f"Дело {k + 1:02d}", _local(TODAY - timedelta(days=12 - k), 9))
    tab = _tab(qtbot, services)
    assert _headings(tab)[0] == "Просрочено · 12"
    assert _titles(tab, "overdue") == [f"Дело {k:02d}" for k in range(1, 11)]
    qtbot.keyClick(tab.view, Qt.Key.Key_End)  # the «more» line is a stop of the cursor
    more = tab.view.currentIndex().row()
    assert _cell(tab, more, 0) == "Ещё 2 — Enter, чтобы показать все"
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert _titles(tab, "overdue") == [f"Дело {k:02d}" for k in range(1, 13)]
    assert _current_title(tab) == "Дело 11"
    tab.refresh()  # the section stays open
    assert len(_titles(tab, "overdue")) == 12


def test_an_empty_day_says_so(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(TodayTab, "today", lambda self: date(2026, 10, 14))  # no holiday near
    tab = _tab(qtbot, services)
    assert tab.model.rowCount() == 0
    assert tab.empty.isVisible() and tab.empty.text() == "Нет дел на сегодня"
    assert not tab.view.isVisible()
    assert not tab.context_menu().actions()
    assert not tab.done_selected() and not tab.reschedule_selected_to_tomorrow()


def test_a_holiday_lists_the_key_clients_to_greet(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(TodayTab, "today", lambda self: date(2027, 3, 5))
    key = services.clients.create(ClientDraft(name="АО «Ключ»", status="active",
                                              segment="Ключевые")).id
    tab = _tab(qtbot, services)
    [holiday] = tab.model.section_items("holidays")
    assert (holiday.title, holiday.when) == ("Международный женский день", date(2027, 3, 8))
    row = _row_of(tab, "Международный женский день")
    assert _cell(tab, row, 1) == "Праздник"
    assert tab.model.data(tab.model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == (
        "Поздравить: АО «Ключ»")
    opened: list[tuple[str, int]] = []
    tab.open_requested.connect(lambda kind, ident: opened.append((kind, ident)))
    tab.select_row(row)
    _menu_action(tab.context_menu(), "Поздравить ключевых клиентов", "АО «Ключ»").trigger()
    assert opened == [("client", key)]
    shown = _popup_menu_of(lambda: qtbot.keyClick(tab.view, Qt.Key.Key_Return))
    assert "Поздравить ключевых клиентов" in shown  # Enter on a holiday opens its menu


def test_plus_delo_and_ctrl_n_open_an_empty_editor(qtbot, services, day, driver) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)

    def plan(editor: ActivityEditor) -> None:
        assert editor.activity_id is None and editor.client_picker.client_id() is None
        editor.choose_client(day.client)
        _type(qtbot, editor.subject_edit, "Новое дело с вкладки")
        _click(qtbot, next(b for b in editor.findChildren(type(tab.new_button))
                           if b.objectName() == "primary"))

    driver.on_next(ActivityEditor, plan)
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    driver.check()
    assert len(driver.seen) == 1
    assert _current_title(tab) == "Новое дело с вкладки"  # the new row, selected
    driver.on_next(ActivityEditor, lambda e: qtbot.keyClick(e.subject_edit, Qt.Key.Key_Escape))
    _click(qtbot, tab.new_button)
    driver.check()
    assert len(driver.seen) == 2
