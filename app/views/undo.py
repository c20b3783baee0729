"""Правка → Отменить / Повторить (Ctrl+Z, Ctrl+Shift+Z): the window's actions since it
opened, as a QUndoStack over service calls; the one undo of every tab (a list's «Отменить»
button, `UndoButton`, acts on it too).

A view does an action the usual way (asking, showing a refusal), then records it with
`record(text, undo=…, redo=…)`: `undo` and `redo` are each one service call, so one
transaction. Qt calls `redo` when a command is pushed; the first call is skipped, since
the action is done already. A refused undo or redo (the record changed or was deleted
since) drops the command and is told through `UndoHistory.failed`; after every undo or redo
`changed` asks the window to show what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from weakref import WeakMethod

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget
from shiboken6 import isValid

from app.i18n import plural, translate
from app.services.errors import ServiceError

if TYPE_CHECKING:
    from app.services.activities import ActivitiesService, BulkChange, CompletionChange
    from app.services.clients import ClientService


class UndoHistory(QObject):
    """The window's undo stack and what it tells the window."""

    failed = Signal(str)  # a refused undo or redo, in the user's words
    changed = Signal()  # an undo or a redo changed what is stored

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(100)
        self._window_slots: list[tuple[SignalInstance, WeakMethod[Callable[..., None]]]] = []

    def belong_to(self, on_failed: Callable[[str], None], on_changed: Callable[[], None]) -> None:
        """A new main window takes the history: empty (what a window undoes is what was
        done in it), and only it is told of a refusal or a change — a window before it
        (closed, or still waiting to be deleted) is told no more. `on_failed` and
        `on_changed` are the window's methods (held weakly)."""
        self.stack.clear()
        for signal, weak in self._window_slots:
            slot = weak()
            # a deleted window took its links with it (and cannot be named to disconnect)
            if slot is not None and isValid(getattr(slot, "__self__", None)):
                signal.disconnect(slot)
        self.failed.connect(on_failed)
        self.changed.connect(on_changed)
        self._window_slots = [(self.failed, WeakMethod(on_failed)),
                              (self.changed, WeakMethod(on_changed))]

    def record(self, text: str, *, undo: Callable[[], object],
               redo: Callable[[], object]) -> None:
        """An action that has just been stored: its undo and redo go on the stack."""
        self.stack.push(ServiceCommand(self, text, undo, redo))


class ServiceCommand(QUndoCommand):
    def __init__(self, history: UndoHistory, text: str, undo: Callable[[], object],
                 redo: Callable[[], object]) -> None:
        super().__init__(text)
        self._history = history
        self._undo = undo
        self._redo = redo
        self._done = True  # pushed after the action was stored

    def redo(self) -> None:
        if self._done:
            return  # the push itself: the view has done it
        self._run(self._redo)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo)
        self._done = False

    def _run(self, call: Callable[[], object]) -> None:
        try:
            call()
        except ServiceError as exc:  # a Qt virtual: nothing may propagate out of it
            self.setObsolete(True)
            self._history.failed.emit(str(exc))
            return
        self._history.changed.emit()


def record_archive(clients: ClientService, ids: list[int], *, archived: bool) -> None:
    """Clients just sent to the archive (or back): Отменить puts them where they were."""
    text = plural(len(ids), translate(
        "Undo", "архивирование %n клиента|архивирование %n клиентов|архивирование %n клиентов")
        if archived else translate(
            "Undo", "возврат %n клиента из архива|возврат %n клиентов из архива|"
                    "возврат %n клиентов из архива"))
    history().record(text, undo=lambda: clients.set_archived(ids, not archived),
                     redo=lambda: clients.set_archived(ids, archived))


def record_activities_change(activities: ActivitiesService, change: BulkChange,
                             action: str) -> None:
    """Activities just changed together (`action`: "reschedule", "done" or "reassign"), or
    one moved ("move") or resized ("resize") in the calendar: Отменить puts them back,
    Повторить does it again (each one transaction). A change that changed nothing is not
    recorded."""
    if not change.activity_ids:
        return
    n = len(change.activity_ids)
    subject = change.previous[0].subject if change.previous else ""
    if action == "move":
        text = translate("Undo", "перенос дела «{subject}»").format(subject=subject)
    elif action == "resize":
        text = translate("Undo", "изменение длительности дела «{subject}»").format(
            subject=subject)
    elif action == "reschedule":
        text = plural(n, translate("Undo", "перенос %n дела|перенос %n дел|перенос %n дел"))
    elif action == "done":
        text = plural(n, translate(
            "Undo", "отметку «выполнено» у %n дела|отметку «выполнено» у %n дел|"
                    "отметку «выполнено» у %n дел"))
    else:
        text = plural(n, translate(
            "Undo", "перенос %n дела в другую сделку|перенос %n дел в другую сделку|"
                    "перенос %n дел в другую сделку"))
    done = [change]  # a redo makes new occurrences of recurring ones: the next undo's

    def redo() -> None:
        done[0] = activities.redo(done[0])

    history().record(text, undo=lambda: activities.undo(done[0]), redo=redo)


def record_completion(activities: ActivitiesService, change: CompletionChange) -> None:
    """One activity just completed: Отменить reopens it as it was and deletes the next step
    it made, Повторить completes it again the same way (each one transaction)."""
    done = [change]  # a redo makes the next step again: the next undo's

    def redo() -> None:
        done[0] = activities.redo_completion(done[0])

    history().record(translate("Undo", "завершение дела «{subject}»").format(
        subject=change.subject), undo=lambda: activities.undo_completion(done[0]), redo=redo)


class UndoButton(QPushButton):
    """«Отменить» beside a list's status line: the window's last action undone, as
    Правка → Отменить does; shown while there is one, its tooltip naming it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Undo", "Отменить"), parent)
        self.setAutoDefault(False)
        stack = history().stack
        self.clicked.connect(stack.undo)
        stack.indexChanged.connect(self._on_stack_changed)
        stack.canUndoChanged.connect(self._on_stack_changed)
        self._on_stack_changed()

    def _on_stack_changed(self) -> None:
        stack = history().stack
        self.setVisible(stack.canUndo())
        self.setToolTip(translate("Undo", "Отменить {what} (Ctrl+Z)").format(
            what=stack.undoText()))


_history: UndoHistory | None = None


def history() -> UndoHistory:
    """The process's undo history (one window per process), made on first use."""
    global _history
    if _history is None:
        from PySide6.QtCore import QCoreApplication

        _history = UndoHistory(QCoreApplication.instance())
    return _history
