"""Справка → Горячие клавиши (F1): generated from the actions, so it lists what the keys do."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from app.views.main_window import MainWindow
from app.views.shortcuts_help import ShortcutsDialog


def test_f1_lists_the_menus_and_every_tabs_keys(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in main_window.findChildren(type(main_window.edit_menu.actions()[0]))
                  if a.objectName() == "shortcutsHelpAction")
    qtbot.waitUntil(lambda: not action.shortcut().isEmpty())
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    (dialog,) = [d for d in main_window.findChildren(ShortcutsDialog) if d.isVisible()]
    rows = {(r.where, r.keys, r.action) for r in dialog.model.rows()}
    new = QKeySequence(QKeySequence.StandardKey.New).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert ("Правка", "Ctrl+K", "Найти везде") in rows
    assert ("Файл", "Ctrl+Q", "Выход") in rows
    assert ("Сделки", new, "Новая сделка") in rows
    assert ("Календарь", new, "Новое дело") in rows
    # every row's keys are a real shortcut of the window: nothing is listed twice per place
    assert len(rows) == len(dialog.model.rows())
    tab_titles = {main_window.tabs.tabText(i) for i in range(main_window.tabs.count())}
    assert {r.where for r in dialog.model.rows()} <= tab_titles | {
        "Файл", "Правка", "Вид", "Справка", "Язык"}
    dialog.reject()
