"""Reminders on a fake clock: the one timer, the banner's «Отложить» and «Готово», missed ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from app.bootstrap import Services
from app.services.activities import ActivityDraft
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor
from app.views.activities.reminders import (
    MAX_INTERVAL_MS,
    ReminderBanner,
    ReminderScheduler,
    interval_ms,
)
from app.views.main_window import MainWindow
from tests.gui._activity_helpers import make_client
from tests.gui.test_calendar_view import read_modal

# a meeting at 10:00 UTC with the meeting's default reminder 15 minutes before
MEETING_AT = datetime(2027, 1, 11, 10, 0, tzinfo=UTC)
FIRES_AT = MEETING_AT - timedelta(minutes=15)
PLANNED = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)  # when it was planned (a week before)


class FakeClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def meeting(services: Services) -> int:
    client_id, contact_id, _ = make_client(services)
    return services.activities.create(ActivityDraft(
        kind="meeting", subject="Обсудить поставку", client_id=client_id, contact_id=contact_id,
        due_at=MEETING_AT, duration_min=60), now=PLANNED)


def test_interval_is_capped_to_a_day_and_never_negative() -> None:
    now = datetime(2027, 1, 1, tzinfo=UTC)
    assert interval_ms(now + timedelta(minutes=5), now) == 5 * 60 * 1000
    assert interval_ms(now - timedelta(minutes=5), now) == 0
    assert interval_ms(now + timedelta(weeks=3), now) == MAX_INTERVAL_MS == 86_400_000


def test_the_scheduler_fires_at_the_fake_clock_time(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    assert services.activities.get(meeting).remind_at == FIRES_AT
    clock = FakeClock(FIRES_AT - timedelta(minutes=5))
    scheduler = ReminderScheduler(services=services, now=clock)
    scheduler.changed()  # before start: nothing armed (start reports what is due as missed)
    assert not scheduler.timer.isActive() and scheduler.armed_at is None
    with qtbot.assertNotEmitted(scheduler.missed_found), qtbot.waitSignal(scheduler.ready):
        scheduler.start()
    assert scheduler.armed_at == FIRES_AT
    assert scheduler.timer.isActive() and scheduler.timer.isSingleShot()
    assert scheduler.timer.interval() == 5 * 60 * 1000
    clock.at = FIRES_AT  # five minutes later: re-armed, the timer is due at once
    with qtbot.waitSignal(scheduler.reminders_due, timeout=2000) as fired:
        scheduler.changed()
    assert [a.id for a in fired.args[0]] == [meeting]
    assert services.activities.get(meeting).remind_at is None  # shown: not again
    assert scheduler.armed_at is None and not scheduler.timer.isActive()


def test_a_far_reminder_rearms_daily_and_fires_nothing_early(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(FIRES_AT - timedelta(days=5))
    scheduler = ReminderScheduler(services=services, now=clock)
    with qtbot.waitSignal(scheduler.ready):
        scheduler.start()
    assert scheduler.timer.interval() == MAX_INTERVAL_MS
    clock.at += timedelta(days=1)  # the daily wake-up: nothing due yet, armed again
    with qtbot.assertNotEmitted(scheduler.reminders_due):
        scheduler.fire()
    assert scheduler.timer.interval() == MAX_INTERVAL_MS
    assert services.activities.get(meeting).remind_at == FIRES_AT


def _window(qtbot, services: Services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services=services, settings=QSettings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_snooze_rearms_ten_minutes_later_on_the_fake_clock(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    clock = FakeClock(FIRES_AT - timedelta(minutes=1))
    with qtbot.waitSignal(window.start_reminders(now=clock).ready):
        pass
    scheduler = window.reminders
    assert scheduler is not None
    banner = window.reminder_banner
    assert banner is not None and not banner.isVisible()
    clock.at = FIRES_AT
    scheduler.changed()  # due now: the timer's 0 ms
    qtbot.waitUntil(lambda: banner.isVisible() and banner.items != [], timeout=2000)
    assert [a.id for a in banner.items] == [meeting] and not banner.missed
    _open, snooze, _done = banner.buttons_of(meeting)
    snooze.click()
    assert services.activities.get(meeting).remind_at == FIRES_AT + timedelta(minutes=10)
    assert scheduler.armed_at == FIRES_AT + timedelta(minutes=10)
    assert scheduler.timer.interval() == 10 * 60 * 1000
    assert not banner.isVisible()
    clock.at = FIRES_AT + timedelta(minutes=10)
    with qtbot.waitSignal(scheduler.reminders_due, timeout=2000) as fired:
        scheduler.changed()
    assert [a.id for a in fired.args[0]] == [meeting]
    assert banner.isVisible()


def _banner_with_due(qtbot, services: Services) -> ReminderBanner:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    with qtbot.waitSignal(window.start_reminders(now=FakeClock(FIRES_AT)).missed_found):
        pass  # at start a reminder already due counts as missed
    banner = window.reminder_banner
    assert banner is not None and banner.items != []
    return banner


def test_done_opens_the_completion_dialog(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    banner = _banner_with_due(qtbot, services)
    assert read_modal(CompletionDialog, lambda d: d.activity.subject,
                      banner.buttons_of(meeting)[2].click) == ["Обсудить поставку"]
    assert [a.id for a in banner.items] == [meeting]  # not completed: still listed
    assert not services.activities.get(meeting).done


def test_open_shows_the_activity_in_its_editor(qtbot, services, meeting) -> None:  # type: ignore[no-untyped-def]
    banner = _banner_with_due(qtbot, services)
    assert read_modal(ActivityEditor, lambda e: e.activity_id,
                      banner.buttons_of(meeting)[0].click) == [meeting]


def test_missed_reminders_are_shown_once_at_start(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client_id, _, _ = make_client(services)
    ids = [services.activities.create(ActivityDraft(
        kind="call", subject=subject, client_id=client_id, due_at=MEETING_AT + timedelta(hours=h),
        remind_before_min=10), now=PLANNED) for h, subject in ((0, "Первый"), (2, "Второй"))]
    later = services.activities.create(ActivityDraft(
        kind="call", subject="Завтрашний", client_id=client_id,
        due_at=MEETING_AT + timedelta(days=1), remind_before_min=10), now=PLANNED)
    start = MEETING_AT + timedelta(hours=5)  # the program was closed while both came
    scheduler = ReminderScheduler(services=services, now=FakeClock(start))
    with qtbot.waitSignal(scheduler.missed_found, timeout=2000) as missed:
        scheduler.start()
    assert [a.id for a in missed.args[0]] == ids
    assert [services.activities.get(i).remind_at for i in ids] == [None, None]
    assert scheduler.armed_at == MEETING_AT + timedelta(days=1, minutes=-10)  # the next one
    assert services.activities.get(later).remind_at == scheduler.armed_at
    again = ReminderScheduler(services=services, now=FakeClock(start))  # the next start
    with qtbot.assertNotEmitted(again.missed_found), \
            qtbot.assertNotEmitted(again.reminders_due), qtbot.waitSignal(again.ready):
        again.start()


def test_the_window_lists_missed_reminders_in_one_banner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    client_id, _, _ = make_client(services)
    ids = [services.activities.create(ActivityDraft(
        kind="call", subject=f"Звонок {n}", client_id=client_id,
        due_at=MEETING_AT + timedelta(minutes=30 * n), remind_before_min=0), now=PLANNED)
        for n in range(3)]
    window = _window(qtbot, services)
    with qtbot.waitSignal(window.start_reminders(
            now=FakeClock(MEETING_AT + timedelta(days=2))).ready):
        pass
    banner = window.reminder_banner
    assert banner is not None and banner.isVisible() and banner.missed
    assert [a.id for a in banner.items] == ids
    assert banner.title.text() == "Пропущенные напоминания: 3"
    assert banner.geometry().right() <= window.width()


def test_the_tray_option_is_disabled_without_a_tray(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QSystemTrayIcon

    window = _window(qtbot, services)
    if QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("this desktop has a tray")
    assert not window.tray_option.isEnabled() and not window.tray_option.isChecked()
    assert window.tray_option.toolTip() == "Системный трей недоступен в этом окружении"
    with qtbot.waitSignal(window.start_reminders(now=FakeClock(PLANNED)).ready):
        pass
    assert window.tray is None
    window.close()  # no tray: closing is closing, nothing is asked
    assert not window.isVisible()


# a tray icon made where the platform (offscreen) has no tray says so once
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_closing_with_the_tray_option_asks_once_and_remembers(  # type: ignore[no-untyped-def]
        qtbot, services, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from app.views.activities import reminders

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    asked: list[str] = []
    answers = iter([None, "tray"])  # Отмена first, then «Свернуть в трей»

    def ask(parent) -> str | None:  # type: ignore[no-untyped-def]
        asked.append("?")
        return next(answers)

    monkeypatch.setattr(reminders, "ask_tray_or_quit", ask)
    window = _window(qtbot, services)
    assert window.tray_option.isEnabled() and not window.tray_option.isChecked()  # off at first
    with qtbot.waitSignal(window.start_reminders(now=FakeClock(PLANNED)).ready):
        pass
    assert window.tray is not None
    window.tray_option.setChecked(True)
    assert QSettings().value("tray/enabled", type=bool) is True
    assert not window.close() and window.isVisible() and asked == ["?"]  # cancelled
    assert not window.close() and not window.isVisible() and asked == ["?", "?"]  # in the tray
    assert QSettings().value("tray/on_close") == "tray"
    window.show_from_tray()
    assert window.isVisible()
    assert not window.close() and not window.isVisible() and asked == ["?", "?"]  # remembered
    window.show_from_tray()
    window.quit()  # Выход: closes for real
    assert not window.isVisible() and asked == ["?", "?"]
