"""The «Календарь» tab driven with the mouse and keys, and the .ics menu round trip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from app.bootstrap import Services, bootstrap
from app.services.activities import ActivityDraft
from app.views import dialogs
from app.views.activities import calendar
from app.views.activities.calendar import (
    CalendarTab,
    default_export_period,
    lay_out,
    period_days,
    shift_anchor,
)
from app.views.activities.editor import ActivityEditor, aware_datetime
from app.views.main_window import MainWindow
from app.views.unsaved import EditorDialog
from tests.gui._activity_helpers import ModalDriver, make_client, window_over

# a week two weeks ahead (the import skips past events), Monday … Friday
MONDAY = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=2)
TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = (MONDAY + timedelta(days=i) for i in range(1, 5))
D = TypeVar("D", bound=EditorDialog)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def read_modal(cls: type[D], read: Callable[[D], object], trigger: Callable[[], object]) -> list:
    """What `read` saw in the modal `cls` that `trigger` opened (then closed unsaved)."""
    driver = ModalDriver()
    seen: list[object] = []

    def look(dialog: D) -> None:
        seen.append(read(dialog))
        dialog.close_discarding()

    driver.on_next(cls, look)
    trigger()
    driver.check()
    return seen


class FixedDayTab(CalendarTab):
    def today(self) -> date:
        return WEDNESDAY


@pytest.fixture
def meeting(services: Services) -> int:
    client_id, contact_id, _ = make_client(services)
    return services.activities.create(ActivityDraft(
        kind="meeting", subject="Встреча по договору", client_id=client_id,
        contact_id=contact_id, due_at=local(TUESDAY, 10), duration_min=60, place="Офис"))


@pytest.fixture
def tab(qtbot, services: Services, meeting: int) -> FixedDayTab:  # type: ignore[no-untyped-def]
    widget = FixedDayTab(services=services)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _drag(qtbot, grid, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, pos=QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(grid, pos=end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def test_periods_and_steps() -> None:
    wednesday = date(2026, 12, 2)
    assert period_days("day", wednesday) == [wednesday]
    assert period_days("week", wednesday) == [date(2026, 11, 30) + timedelta(days=i)
                                              for i in range(5)]
    month = period_days("month", wednesday)
    assert (month[0], month[-1], len(month)) == (date(2026, 11, 30), date(2027, 1, 10), 42)
    assert shift_anchor("month", date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert shift_anchor("month", date(2027, 1, 15), -1) == date(2026, 12, 1)
    assert shift_anchor("week", wednesday, -1) == date(2026, 11, 25)
    assert default_export_period(date(2026, 11, 30)) == (date(2026, 11, 30), date(2027, 2, 28))
    assert default_export_period(date(2026, 12, 2)) == (date(2026, 12, 2), date(2027, 3, 2))


def test_overlapping_activities_share_the_column(services: Services, meeting: int) -> None:
    client_id, _, _ = make_client(services, "ИП Кузнецов")
    call = services.activities.create(ActivityDraft(
        kind="call", subject="Перезвонить", client_id=client_id, due_at=local(TUESDAY, 10, 30)))
    later = services.activities.create(ActivityDraft(
        kind="call", subject="Позже", client_id=client_id, due_at=local(TUESDAY, 11, 0)))
    blocks = {b.activity.id: b for b in lay_out(
        services.activities.in_range(local(MONDAY, 0), local(FRIDAY, 23)),
        period_days("week", TUESDAY))}
    assert {i: (b.day_index, b.start_min, b.length_min, b.lane, b.lanes)
            for i, b in blocks.items()} == {
        meeting: (1, 600, 60, 0, 2), call: (1, 630, 30, 1, 2),
        later: (1, 660, 30, 0, 1)}  # 11:00 starts when the meeting has ended


def test_a_drag_moves_the_activity_to_the_dropped_slot(qtbot, tab, services, meeting) -> None:  # type: ignore[no-untyped-def]
    grid = tab.grid
    rect = grid.block_rect(grid.block_of(meeting))
    start = QPoint(rect.center().x(), rect.top() + 2)  # grabbed 2 px below its top
    end = QPoint(grid.slot_point(THURSDAY, 14 * 60).x(), grid.y_of(14 * 60) + 3)
    with qtbot.waitSignal(tab.activities_changed, timeout=2000):
        _drag(qtbot, grid, start, end)
    moved = services.activities.get(meeting)
    assert moved.due_at == local(THURSDAY, 14)
    assert moved.duration_min == 60
    block = grid.block_of(meeting)
    assert (block.day_index, block.start_min) == (3, 14 * 60)


def test_a_resize_changes_its_duration_in_quarter_hours(qtbot, tab, services, meeting) -> None:  # type: ignore[no-untyped-def]
    grid = tab.grid
    rect = grid.block_rect(grid.block_of(meeting))
    start = QPoint(rect.center().x(), rect.bottom() - 2)  # the bottom edge
    end = QPoint(start.x(), grid.y_of(11 * 60 + 30) + 1)  # 11:30 (just past the line)
    with qtbot.waitSignal(tab.activities_changed, timeout=2000):
        _drag(qtbot, grid, start, end)
    resized = services.activities.get(meeting)
    assert resized.duration_min == 90
    assert resized.due_at == local(TUESDAY, 10)


def _window_calendar(qtbot, services: Services) -> tuple[MainWindow, CalendarTab]:  # type: ignore[no-untyped-def]
    """The main window's Календарь on the fixtures' week (two weeks on, PgDn twice)."""
    window = window_over(qtbot, services)
    window.resize(1366, 768)
    tab = window.show_tab("calendar")
    assert isinstance(tab, CalendarTab)
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_PageDown)
    qtbot.keyClick(tab, Qt.Key.Key_PageDown)
    assert tab.days()[0] == MONDAY
    return window, tab


def _undo_keys(qtbot, widget, *, redo: bool = False) -> None:  # type: ignore[no-untyped-def]
    shift = Qt.KeyboardModifier.ShiftModifier if redo else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | shift)


def test_a_drag_and_a_resize_are_undone_by_ctrl_z_and_redone(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    """Правка → Отменить puts a dragged block back (Ctrl+Z), Повторить moves it again
    (Ctrl+Shift+Z); a resize likewise; the grid shows what is stored each time."""
    window, tab = _window_calendar(qtbot, services)
    grid = tab.grid
    rect = grid.block_rect(grid.block_of(meeting))
    start = QPoint(rect.center().x(), rect.top() + 2)
    end = QPoint(grid.slot_point(THURSDAY, 14 * 60).x(), grid.y_of(14 * 60) + 3)
    with qtbot.waitSignal(tab.activities_changed, timeout=2000):
        _drag(qtbot, grid, start, end)
    assert services.activities.get(meeting).due_at == local(THURSDAY, 14)
    assert window.undo_action.text() == "Отменить перенос дела «Встреча по договору»"
    assert tab.undo_button.isVisibleTo(tab)
    _undo_keys(qtbot, grid)
    back = services.activities.get(meeting)
    assert (back.due_at, back.duration_min) == (local(TUESDAY, 10), 60)
    assert back.remind_at == local(TUESDAY, 10) - timedelta(minutes=back.remind_before_min)
    block = grid.block_of(meeting)
    assert (block.day_index, block.start_min) == (1, 10 * 60)
    assert window.redo_action.text() == "Повторить перенос дела «Встреча по договору»"
    _undo_keys(qtbot, grid, redo=True)
    assert services.activities.get(meeting).due_at == local(THURSDAY, 14)
    block = grid.block_of(meeting)
    assert (block.day_index, block.start_min) == (3, 14 * 60)

    rect = grid.block_rect(block)
    start = QPoint(rect.center().x(), rect.bottom() - 2)  # the bottom edge
    end = QPoint(start.x(), grid.y_of(15 * 60 + 30) + 1)  # to 15:30
    with qtbot.waitSignal(tab.activities_changed, timeout=2000):
        _drag(qtbot, grid, start, end)
    assert services.activities.get(meeting).duration_min == 90
    assert window.undo_action.text() == (
        "Отменить изменение длительности дела «Встреча по договору»")
    _undo_keys(qtbot, grid)
    assert (services.activities.get(meeting).duration_min, grid.block_of(meeting).length_min) \
        == (60, 60)
    _undo_keys(qtbot, grid)  # and the drag before it
    assert services.activities.get(meeting).due_at == local(TUESDAY, 10)
    _undo_keys(qtbot, grid, redo=True)
    _undo_keys(qtbot, grid, redo=True)
    moved = services.activities.get(meeting)
    assert (moved.due_at, moved.duration_min) == (local(THURSDAY, 14), 90)


def test_an_undo_of_a_drag_is_refused_once_the_activity_was_edited(  # type: ignore[no-untyped-def]
        qtbot, services, meeting, monkeypatch) -> None:
    from app.views.undo import history

    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, *a: errors.append(text))
    _window, tab = _window_calendar(qtbot, services)
    grid = tab.grid
    rect = grid.block_rect(grid.block_of(meeting))
    end = QPoint(grid.slot_point(WEDNESDAY, 16 * 60).x(), grid.y_of(16 * 60) + 3)
    with qtbot.waitSignal(tab.activities_changed, timeout=2000):
        _drag(qtbot, grid, QPoint(rect.center().x(), rect.top() + 2), end)
    assert services.activities.get(meeting).due_at == local(WEDNESDAY, 16)
    # moved again in its editor (or another window) before the undo
    edited = services.activities.get(meeting)
    services.activities.update(meeting, replace(edited.draft(), due_at=local(FRIDAY, 9)))
    count = history().stack.count()
    _undo_keys(qtbot, grid)
    assert errors == ["Не удалось отменить или повторить:\n"
                      "Дело «Встреча по договору» изменено с тех пор — оставлено как есть"]
    assert services.activities.get(meeting).due_at == local(FRIDAY, 9)
    assert history().stack.count() == count - 1
    block = grid.block_of(meeting)  # the grid shows what is stored
    assert (block.day_index, block.start_min) == (4, 9 * 60)


def test_a_small_jiggle_is_a_click_not_a_move(qtbot, tab, services, meeting) -> None:  # type: ignore[no-untyped-def]
    grid = tab.grid
    rect = grid.block_rect(grid.block_of(meeting))
    with qtbot.assertNotEmitted(tab.activities_changed):
        _drag(qtbot, grid, rect.center(), rect.center() + QPoint(1, 1))
    assert services.activities.get(meeting).due_at == local(TUESDAY, 10)


def test_a_click_on_an_empty_slot_opens_the_editor_at_that_time(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    point = tab.grid.slot_point(FRIDAY, 9 * 60 + 30)
    assert read_modal(
        ActivityEditor, lambda e: (aware_datetime(e.due_edit), e.activity_id),
        lambda: qtbot.mouseClick(tab.grid, Qt.MouseButton.LeftButton, pos=point),
    ) == [(local(FRIDAY, 9, 30), None)]


def test_a_double_click_opens_the_activity(qtbot, tab, meeting) -> None:  # type: ignore[no-untyped-def]
    centre = tab.grid.block_rect(tab.grid.block_of(meeting)).center()
    assert read_modal(
        ActivityEditor, lambda e: e.activity_id,
        lambda: qtbot.mouseDClick(tab.grid, Qt.MouseButton.LeftButton, pos=centre),
    ) == [meeting]


def test_keys_page_through_and_t_returns_to_today(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.setFocus()
    assert tab.days() == [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] and tab.mode == "week"
    qtbot.keyClick(tab, Qt.Key.Key_PageDown)
    assert tab.days()[0] == MONDAY + timedelta(weeks=1)
    assert tab.heading.text() == (f"{(MONDAY + timedelta(weeks=1)):%d.%m.%Y} — "
                                  f"{(FRIDAY + timedelta(weeks=1)):%d.%m.%Y}")
    qtbot.keyClick(tab, Qt.Key.Key_PageUp)
    qtbot.keyClick(tab, Qt.Key.Key_PageUp)
    assert tab.days()[0] == MONDAY - timedelta(weeks=1)
    qtbot.keyClick(tab, Qt.Key.Key_T)
    assert tab.anchor == WEDNESDAY and tab.days()[0] == MONDAY
    tab.set_mode("day")
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    assert tab.days() == [THURSDAY]
    qtbot.keyClick(tab, Qt.Key.Key_PageUp)
    assert tab.days() == [WEDNESDAY]


def test_the_month_shows_counts_and_a_click_opens_the_day(qtbot, tab, services, meeting) -> None:  # type: ignore[no-untyped-def]
    client_id, _, _ = make_client(services, "ИП Кузнецов")
    for hour in (9, 12, 15):
        services.activities.create(ActivityDraft(
            kind="call", subject=f"Звонок в {hour}", client_id=client_id,
            due_at=local(TUESDAY, hour)))
    tab.anchor = TUESDAY
    tab.set_mode("month")
    month = tab.month_grid
    assert [a.subject for a in month.by_day[TUESDAY]] == [
        "Звонок в 9", "Встреча по договору", "Звонок в 12", "Звонок в 15"]
    index = month.days.index(TUESDAY)
    qtbot.mouseClick(month, Qt.MouseButton.LeftButton, pos=month.cell_rect(index).center())
    assert tab.mode == "day" and tab.days() == [TUESDAY]
    assert len(tab.grid.blocks) == 4


def test_ctrl_n_plans_an_activity_from_the_tab(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    driver = ModalDriver()
    driver.on_next(ActivityEditor, lambda editor: editor.close_discarding())
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    driver.check()
    assert len(driver.seen) == 1


def _window(qtbot, services: Services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services=services, settings=QSettings())
    qtbot.addWidget(window)
    window.show()
    return window


def _action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_ics_export_and_import_through_the_file_menu(qtbot, services, meeting, tmp_path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "week.ics"
    infos: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(calendar, "ask_export_period", lambda parent, today: (MONDAY, FRIDAY))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(file))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(file))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, text, title=None: infos.append(text))
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, text, title=None: errors.append(text))
    _action(_window(qtbot, services), "exportCalendarAction").trigger()
    qtbot.waitUntil(lambda: bool(infos or errors), timeout=10000)
    assert errors == [] and infos == [f"Выгружено дел: 1\n{file}"]
    assert "SUMMARY:Встреча по договору" in file.read_text(encoding="utf-8")

    other = bootstrap(tmp_path / "other.db")
    try:
        window = _window(qtbot, other)
        infos.clear()
        with qtbot.waitSignal(window.data_changed, timeout=10000):
            _action(window, "importCalendarAction").trigger()
        qtbot.waitUntil(lambda: bool(infos), timeout=5000)
        assert infos == ["Импортировано: 1, пропущено: 0"]
        imported = other.activities.in_range(local(MONDAY, 0), local(FRIDAY, 23))
        assert [(a.subject, a.due_at, a.duration_min) for a in imported] == [
            ("Встреча по договору — ООО «Ромашка»", local(TUESDAY, 10), 60)]  # the client
        # is not in the other base: the export's summary named it
        infos.clear()  # the same file again: its event was imported before
        _action(window, "importCalendarAction").trigger()
        qtbot.waitUntil(lambda: bool(infos), timeout=5000)
        assert infos == ["Импортировано: 0, пропущено: 1"]
    finally:
        from app.views.background import wait_for_all

        wait_for_all()
        other.close()


def test_a_bad_calendar_file_shows_the_message(qtbot, services, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "not-a-calendar.ics"
    bad.write_text("name;phone\nООО Ромашка;123\n", encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(bad))
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, text, title=None: errors.append(text))
    _action(_window(qtbot, services), "importCalendarAction").trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    from app.services.calendar_ics import read_calendar
    from app.services.errors import ValidationError

    with pytest.raises(ValidationError) as expected:
        read_calendar(bad)
    assert errors == [str(expected.value)]
    assert services.activities.in_range(local(MONDAY, 0), local(FRIDAY, 23)) == []


def test_the_export_period_refuses_an_end_before_its_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    from app.views.activities.calendar import ExportPeriodDialog
    from app.views.forms import to_qdate

    dialog = ExportPeriodDialog(date(2026, 12, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period() == (date(2026, 12, 2), date(2027, 3, 2))
    dialog.end_edit.setDate(to_qdate(date(2026, 12, 1)))
    accept = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Далее")
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Конец периода раньше его начала"
    dialog.end_edit.setDate(to_qdate(date(2026, 12, 2)))  # one day is a period
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
