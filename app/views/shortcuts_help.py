"""Справка → Горячие клавиши (F1): every shortcut of the window, read from the actions and
shortcuts themselves, so the list cannot drift from what the keys do.

A menu's actions are listed under the menu; a tab's under the tab: its actions with a
shortcut (their text), and its `QShortcut`s described with `describe()` (their «что это»).
A tab is built when the list is asked for, so every tab's keys are there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.views.geometry import FittedDialog
from app.views.record_model import Column, RecordTableModel


@dataclass(frozen=True)
class ShortcutRow:
    where: str  # a menu's or a tab's title
    keys: str  # as the system writes them («Ctrl+K»)
    action: str


def describe(shortcut: QShortcut, text: str) -> QShortcut:
    """Give a tab's QShortcut the words the help lists it with."""
    shortcut.setWhatsThis(text)
    return shortcut


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def menu_rows(menus: list[QMenu]) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                rows += menu_rows([action.menu()])  # type: ignore[list-item]
            elif not action.shortcut().isEmpty():
                rows.append(ShortcutRow(_plain(menu.title()), _keys(action.shortcut()),
                                        _plain(action.text())))
    return rows


def widget_rows(where: str, widget: QWidget) -> list[ShortcutRow]:
    """A tab's own keys: its actions with a shortcut and its described QShortcuts."""
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()
    for action in widget.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            rows.append(ShortcutRow(where, _keys(action.shortcut()), _plain(action.text())))
    for shortcut in widget.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            rows.append(ShortcutRow(where, _keys(shortcut.key()), shortcut.whatsThis()))
    out = []
    for row in rows:
        if (row.keys, row.action) not in seen:
            seen.add((row.keys, row.action))
            out.append(row)
    return sorted(out, key=lambda r: r.keys)


class ShortcutsDialog(FittedDialog):
    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "Горячие клавиши"))
        self.model: RecordTableModel[ShortcutRow] = RecordTableModel([
            Column(translate("Shortcuts", "Где"), lambda r: r.where),
            Column(translate("Shortcuts", "Клавиши"), lambda r: r.keys),
            Column(translate("Shortcuts", "Действие"), lambda r: r.action),
        ], self)
        self.model.set_rows(rows)
        self.view = QTableView()
        self.view.setObjectName("shortcutsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        hint = QLabel(translate("Shortcuts", "Клавиши вкладки действуют, когда она открыта; "
                                             "клавиши меню — везде в окне."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        close = QDialogButtonBox()
        close.addButton(translate("Shortcuts", "Закрыть"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(640, 600)
