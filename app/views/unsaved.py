"""Unsaved changes: an editor asks «Сохранить изменения?» before what the user typed is lost.

One mechanism for every editor:

- `UnsavedChanges` compares a snapshot of the editor's values with the values it last loaded
  or stored (typing and deleting back to the original is no change) and asks through
  `dialogs.ask_save_changes`: Сохранить (validate and store; a refusal shows the field errors
  and keeps the editor), Не сохранять, Отмена (stay with the edits).
- `EditorDialog` is the QDialog every editor dialog derives from: Esc, its Отмена button and
  the window's close button all end in `reject()`, which asks first.
- `RecordSwitch` keeps a list and the editor beside it in step: picking another record asks
  first, and Отмена puts the selection back on the record being edited.
- `settle_open_editors()` asks every editor still on screen when the main window closes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from app.views import dialogs
from app.views.geometry import FittedDialog

_NOTHING_LOADED = object()


class Settled(Enum):
    """What became of an editor's changes after asking."""

    UNCHANGED = "unchanged"  # nothing to ask about
    SAVED = "saved"
    DISCARDED = "discarded"
    STAYED = "stayed"  # Отмена, or the save was refused: the edits stay on screen

    @property
    def goes_on(self) -> bool:
        """Whether the action that asked (closing, switching, quitting) may go on."""
        return self is not Settled.STAYED


class UnsavedChanges(QObject):
    """Whether an editor shows values other than those it loaded, and the question about them.

    `values()` returns everything the user can change in the editor as plain comparable data
    (a tuple, a frozen dataclass); `save()` validates and stores them, shows a refusal next to
    the fields and returns whether it stored. The editor calls `mark_clean()` after it has
    loaded or stored a record; until the first call nothing counts as changed.
    """

    def __init__(self, editor: QWidget, *, values: Callable[[], object],
                 save: Callable[[], bool], subject: Callable[[], str] | None = None) -> None:
        super().__init__(editor)
        self.editor = editor
        self._values = values
        self._save = save
        self._subject = subject or editor.windowTitle
        self._clean: object = _NOTHING_LOADED

    def mark_clean(self) -> None:
        """What the editor shows now is what is stored (just loaded or just saved)."""
        self._clean = self._values()

    def is_modified(self) -> bool:
        return self._clean is not _NOTHING_LOADED and self._values() != self._clean

    def settle(self) -> Settled:
        """Ask about the changes, if there are any, and save them if the user says so."""
        if not self.is_modified():
            return Settled.UNCHANGED
        answer = dialogs.ask_save_changes(self.editor, self._subject())
        if answer == "save":
            return Settled.SAVED if self._save() else Settled.STAYED
        if answer == "discard":
            return Settled.DISCARDED
        return Settled.STAYED


class EditorDialog(FittedDialog):
    """A dialog that edits something: closing it with unsaved changes asks first.

    Esc, an Отмена button connected to `reject` and the window's close button all end in
    `reject()`. A subclass calls `track_changes(values=…, save=…)` once its fields are
    loaded; `save` may close the dialog itself (most accept on success) or leave it open.
    """

    unsaved: UnsavedChanges | None = None

    def track_changes(self, *, values: Callable[[], object], save: Callable[[], bool],
                      subject: Callable[[], str] | None = None) -> UnsavedChanges:
        self.unsaved = UnsavedChanges(self, values=values, save=save, subject=subject)
        self.unsaved.mark_clean()
        return self.unsaved

    def reject(self) -> None:
        if self.isVisible():
            self.settle_and_close()
        else:
            super().reject()

    def settle_and_close(self) -> bool:
        """Ask about unsaved changes, then close; False when the user stays in the dialog."""
        outcome = self.unsaved.settle() if self.unsaved is not None else Settled.UNCHANGED
        if not outcome.goes_on:
            return False
        self.close_settled(outcome)
        return True

    def close_settled(self, outcome: Settled) -> None:
        """Close once the changes are settled: saved ones as accepted, others as rejected."""
        if self.isVisible():  # a save that closes the dialog has accepted it already
            if outcome is Settled.SAVED:
                self.accept()
            else:
                self.close_discarding()

    def close_discarding(self) -> None:
        """Close without asking: the user has already decided what becomes of the edits."""
        super().reject()


class RecordSwitch(QObject):
    """A list of records beside their editor: selecting another record loads it, after asking
    about the editor's unsaved changes.

    The question comes once the click or key press that changed the selection is over (a
    modal question inside a view's mouse handling leaves the view half-updated). Отмена, or a
    refused save, selects the edited record again. Clearing the selection (a click beside the
    rows) leaves the editor on its record. `shown()` is the key of the record in the editor
    (None for a new one), `key_at(row)` the key of a list row, `load(key)` fills the editor
    and calls `mark_clean` (None: a new, empty record). `trackers` are asked in order, inner
    editors first. Reloading the list goes inside `quietly()`, followed by `after_reload()`.
    """

    def __init__(self, view: QAbstractItemView, trackers: Sequence[UnsavedChanges], *,
                 key_at: Callable[[int], Hashable | None],
                 shown: Callable[[], Hashable | None],
                 load: Callable[[Hashable | None], None]) -> None:
        super().__init__(view)
        self._view = view
        self._trackers = list(trackers)
        self._key_at = key_at
        self._shown = shown
        self._load = load
        self._quiet = 0
        self._pending: Hashable | None = None
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # --- for the editor --------------------------------------------------------------------
    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Selection changes made inside do not count as the user picking a record."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def select(self, key: Hashable | None) -> None:
        """Select the row of `key` (none for None or an unknown key) without loading it."""
        model = self._view.model()
        row = next((r for r in range(model.rowCount()) if key is not None
                    and self._key_at(r) == key), -1)
        with self.quietly():
            if row < 0:
                self._view.clearSelection()
            else:
                self._view.selectionModel().select(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self._view.selectionModel().setCurrentIndex(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def after_reload(self, prefer: Hashable | None = None) -> None:
        """After the list was reloaded (inside `quietly`): with edits in progress the edited
        record stays selected and the edits stay; a clean editor selects `prefer` (default:
        the record it shows) and loads it afresh if the list has it."""
        if self.is_modified():
            self.select(self._shown())
            return
        key = prefer if prefer is not None else self._shown()
        self.select(key)
        if key is not None and self.selected() == key:
            self._load(key)

    def is_modified(self) -> bool:
        return any(t.is_modified() for t in self._trackers)

    def settle(self) -> Settled:
        """Ask every tracker in turn (Отмена in any stops there)."""
        outcome = Settled.UNCHANGED
        for tracker in self._trackers:
            step = tracker.settle()
            if not step.goes_on:
                return step
            if step is not Settled.UNCHANGED:
                outcome = step
        return outcome

    def selected(self) -> Hashable | None:
        rows = self._view.selectionModel().selectedRows()
        return self._key_at(rows[0].row()) if rows else None

    # --- internals --------------------------------------------------------------------------
    def _on_selection_changed(self, *_: object) -> None:
        if self._quiet:
            return
        target = self.selected()
        if target is None:
            return  # nothing picked: the editor keeps its record
        if target == self._shown():
            self._pending = None  # back on the edited record before the question came
            return
        if not self.is_modified():
            self._load(target)
            return
        first = self._pending is None
        self._pending = target
        if first:
            QTimer.singleShot(0, self, self._ask_pending)

    def _ask_pending(self) -> None:
        target, self._pending = self._pending, None
        if target is None:
            return
        outcome = self.settle()
        if not outcome.goes_on:
            self.select(self._shown())
            return
        for tracker in self._trackers:  # saved or dropped: the next record replaces them
            tracker.mark_clean()
        self.select(target)
        # A save may have reloaded the list; if the record is gone, show the edited one afresh.
        self._load(target if self.selected() == target else self._shown())


def open_trackers() -> list[UnsavedChanges]:
    """The change trackers of every editor on screen: dialogs first, the innermost first."""
    found: list[UnsavedChanges] = []
    for top in QApplication.topLevelWidgets():
        found.extend(top.findChildren(UnsavedChanges))
    seen: set[int] = set()
    shown = []
    for tracker in found:
        if id(tracker) in seen or not tracker.editor.window().isVisible():
            continue
        seen.add(id(tracker))
        shown.append(tracker)

    def depth(widget: QWidget) -> int:
        n = 0
        parent = widget.parentWidget()
        while parent is not None:
            n += 1
            parent = parent.parentWidget()
        return n

    return sorted(shown, key=lambda t: (not isinstance(t.editor, EditorDialog),
                                        -depth(t.editor)))


def settle_open_editors() -> bool:
    """Before the app quits: ask every editor with unsaved changes, then close the dialogs.

    False when the user chose Отмена (or a save was refused): then nothing is closed and the
    app stays, every editor as it was (apart from what the user saved).
    """
    settled: list[tuple[UnsavedChanges, Settled]] = []
    for tracker in open_trackers():
        outcome = tracker.settle()
        if not outcome.goes_on:
            return False
        settled.append((tracker, outcome))
    for tracker, outcome in settled:
        if isinstance(tracker.editor, EditorDialog):
            tracker.editor.close_settled(outcome)
    return True
