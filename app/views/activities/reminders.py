"""Reminders of planned activities: one timer armed to the next one, a banner, the tray.

`ReminderScheduler` keeps ONE single-shot QTimer armed to `ActivitiesService.next_reminder_at`
and re-arms it whenever activities change (`changed()`); it never polls. The clock is
injectable (`now`), so tests drive it on a fake clock. A reminder that fires is taken off
(`dismiss_reminder`) and shown; «Отложить» puts it back 10 minutes later (`snooze`).
Reminders missed while the program was closed are shown once at start as overdue.

`ReminderBanner` is the non-modal in-window notice floating at the top right of its window:
each reminder with «Открыть», «Отложить на 10 мин» and «Готово».
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import date_time
from app.i18n import translate
from app.services.activities import ActivityDetail, activity_kind_label
from app.views import style
from app.views.style import named

log = logging.getLogger(__name__)
SNOOZE = timedelta(minutes=10)
MAX_INTERVAL_MS = 24 * 3600 * 1000  # a reminder weeks away re-arms at most daily
BANNER_WIDTH = 760  # at most: narrower windows get their width less a margin
BANNER_TOP = 56  # below the menu bar and the tab bar, over the tab's own top line
BANNER_ROWS = 5  # more due at once: «Ещё: N» below the first ones


def utc_now() -> datetime:
    return datetime.now(UTC)


def interval_ms(at: datetime, now: datetime) -> int:
    """Milliseconds from `now` until `at`: 0 when already due, at most a day."""
    ms = int((at - now).total_seconds() * 1000)
    return max(0, min(ms, MAX_INTERVAL_MS))


class ReminderScheduler(QObject):
    """Fires the reminders of open activities at their time.

    Signals:
        reminders_due(list): activities (ActivityDetail) whose reminder time has come.
        missed_found(list): the reminders that came while the program was closed (at start).
        ready(): `start` is done: the missed ones reported, the timer armed.
    """

    reminders_due = Signal(list)
    missed_found = Signal(list)
    ready = Signal()

    def __init__(self, *, services: Services, now: Callable[[], datetime] = utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.now = now
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.fire)
        self.armed_at: datetime | None = None  # the reminder the timer waits for
        # nothing is armed before `start` has taken the missed ones: a reminder due at start
        # is reported as missed, not fired by a change that came first
        self._started = False

    def start(self) -> None:
        """At start: the missed reminders shown once (then dismissed), the timer armed.

        Read and dismissed off the GUI thread: after weeks away a manager may have hundreds
        of planned calls (each with its reminder), one small write apiece.
        """
        from app.views import background

        job = background.Job(self._take_due)
        job.signals.finished.connect(self._on_missed_taken)
        job.signals.failed.connect(self._on_missed_failed)
        background.start(job)

    def _on_missed_taken(self, missed: list[ActivityDetail]) -> None:
        self._started = True
        self.changed()
        if missed:
            self.missed_found.emit(missed)
        self.ready.emit()

    def _on_missed_failed(self, message: str) -> None:
        log.warning("missed reminders: %s", message)
        self._started = True
        self.changed()
        self.ready.emit()

    def changed(self) -> None:
        """Re-arm the timer to the soonest reminder (after any change to activities)."""
        if not self._started:
            return
        at = self._services.activities.next_reminder_at()
        self.armed_at = at
        if at is None:
            self.timer.stop()
            return
        self.timer.start(interval_ms(at, self.now()))

    def fire(self) -> None:
        """The timer's timeout: show what is due now, then wait for the next one."""
        due = self._take_due()
        if due:
            self.reminders_due.emit(due)
        self.changed()

    def snooze(self, activity_id: int) -> datetime:
        """Remind again in 10 minutes (on this scheduler's clock); → the new time."""
        until = self.now() + SNOOZE
        self._services.activities.snooze(activity_id, until)
        self.changed()
        return until

    def _take_due(self) -> list[ActivityDetail]:
        due = self._services.activities.due_reminders(self.now())
        for a in due:  # shown now; «Отложить» brings one back
            self._services.activities.dismiss_reminder(a.id)
        return due


def reminder_line(a: ActivityDetail) -> str:
    """«Звонок · 02.12.2026 14:00 · Обсудить цену — ООО «Ромашка»»."""
    who = f" — {a.client_name}" if a.client_name else ""
    return f"{activity_kind_label(a.kind)} · {date_time(a.due_at)} · {a.subject}{who}"


def notify_tray(tray: QSystemTrayIcon | None, activities: list[ActivityDetail],
                *, missed: bool = False) -> bool:
    """A system-tray message for the reminders, where the desktop has a tray."""
    if tray is None or not QSystemTrayIcon.isSystemTrayAvailable() or not activities:
        return False
    title = (translate("Reminders", "Пропущенные напоминания: {n}") if missed
             else translate("Reminders", "Напоминаний: {n}")).format(n=len(activities))
    tray.showMessage(title, "\n".join(reminder_line(a) for a in activities[:BANNER_ROWS]),
                     QSystemTrayIcon.MessageIcon.Information, 15000)
    return True


class ReminderBanner(QFrame):
    """The in-window notice of due reminders, floating at the top right of its parent.

    Signals:
        activities_changed(): an activity was snoozed, edited or completed from here.
    """

    activities_changed = Signal()

    def __init__(self, *, services: Services, scheduler: ReminderScheduler,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._scheduler = scheduler
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        top = QHBoxLayout()
        self.title = named(QLabel(), "sectionTitle")
        top.addWidget(self.title, 1)
        self.close_button = QPushButton(translate("Reminders", "Скрыть"))
        self.close_button.clicked.connect(self.hide)
        top.addWidget(self.close_button)
        outer.addLayout(top)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        outer.addLayout(self._grid)
        self.more_label = QLabel()
        outer.addWidget(self.more_label)
        self.items: list[ActivityDetail] = []
        self.missed = False
        parent.installEventFilter(self)
        self.hide()

    # --- content ----------------------------------------------------------------
    def show_reminders(self, activities: list[ActivityDetail], *, missed: bool = False) -> None:
        """Add `activities` to the notice (a newer one first) and show it."""
        known = {a.id for a in activities}
        self.items = list(activities) + [a for a in self.items if a.id not in known]
        self.missed = missed or (self.missed and self.isVisible())
        self._rebuild()

    def remove(self, activity_id: int) -> None:
        self.items = [a for a in self.items if a.id != activity_id]
        self._rebuild()

    def buttons_of(self, activity_id: int) -> tuple[QPushButton, QPushButton, QPushButton]:
        """(Открыть, Отложить, Готово) of one shown reminder."""
        found = [w for i in range(self._grid.count())
                 if (item := self._grid.itemAt(i)) is not None
                 and isinstance(w := item.widget(), QPushButton)
                 and w.property("activity_id") == activity_id]
        if len(found) == 3:
            return found[0], found[1], found[2]
        raise KeyError(activity_id)

    def _rebuild(self) -> None:
        # hidden while rebuilt: the rows added to a shown frame would stay hidden (and out of
        # its layout's size) until shown one by one; show() below shows them all
        self.hide()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()  # until deleted it would still be drawn where it was
                widget.deleteLater()
        if not self.items:
            self.hide()
            return
        count = len(self.items)
        self.title.setText((
            translate("Reminders", "Пропущенные напоминания: {n}") if self.missed
            else translate("Reminders", "Напоминаний: {n}")).format(n=count))
        for row, a in enumerate(self.items[:BANNER_ROWS]):
            text = QLabel(reminder_line(a))
            text.setWordWrap(True)
            if self.missed:
                style.set_tone(text, "danger")
            self._grid.addWidget(text, row, 0)
            for col, (label, slot) in enumerate((
                    (translate("Reminders", "Открыть"), self.open_activity),
                    (translate("Reminders", "Отложить на 10 мин"), self.snooze),
                    (translate("Reminders", "Готово"), self.complete)), start=1):
                button = QPushButton(label)
                button.setProperty("activity_id", a.id)
                button.clicked.connect(lambda _=False, i=a.id, s=slot: s(i))
                self._grid.addWidget(button, row, col)
        rest = count - BANNER_ROWS
        self.more_label.setText(translate("Reminders", "Ещё: {n}").format(n=rest))
        self.more_label.setVisible(rest > 0)
        self.show()
        self.raise_()
        self._place()

    # --- actions ----------------------------------------------------------------
    def open_activity(self, activity_id: int) -> None:
        from app.views.activities.editor import ActivityEditor

        editor = ActivityEditor(services=self._services, activity_id=activity_id,
                                parent=self.window())
        if editor.exec():
            self.remove(activity_id)
            self.activities_changed.emit()

    def snooze(self, activity_id: int) -> None:
        self._scheduler.snooze(activity_id)
        self.remove(activity_id)
        self.activities_changed.emit()

    def complete(self, activity_id: int) -> None:
        from app.views.activities.complete import CompletionDialog

        dialog = CompletionDialog(services=self._services, activity_id=activity_id,
                                  now=self._scheduler.now(), parent=self.window())
        if dialog.exec():
            self.remove(activity_id)
            self.activities_changed.emit()

    # --- placement --------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(BANNER_WIDTH, parent.width() - 32)
        layout = self.layout()
        assert layout is not None
        layout.activate()
        self.setGeometry(max(0, parent.width() - width - 16), BANNER_TOP,
                         width, layout.totalHeightForWidth(width))


def ask_tray_or_quit(parent: QWidget | None) -> str | None:
    """«Свернуть в трей или выйти?» → "tray", "quit" or None (Отмена)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Reminders", "Закрытие окна"),
                      translate("Reminders", "Свернуть в трей или выйти?"),
                      QMessageBox.StandardButton.NoButton, parent)
    tray = box.addButton(translate("Reminders", "Свернуть в трей"),
                         QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("Reminders", "Выйти"),
                                QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Reminders", "Отмена"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is tray:
        return "tray"
    if clicked is quit_button:
        return "quit"
    return None
