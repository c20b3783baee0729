"""Tab-level shortcuts work as soon as their tab is shown, before anything in it has the
focus (issue 17, finding 7: Ctrl+N on Deals did nothing until the board had the focus)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def test_ctrl_n_on_deals_right_after_the_tab_is_chosen(
        main_window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.views.deals import editor

    opened: list[int | None] = []

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        opened.append(self._deal_id if hasattr(self, "_deal_id") else None)
        return 0

    monkeypatch.setattr(editor.DealEditor, "exec", fake_exec)
    bar = main_window.tabs.tabBar()
    deals = main_window.tab_keys().index("deals")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(deals).center())
    qtbot.waitUntil(lambda: main_window.tabs.currentIndex() == deals)
    bar.setFocus()  # the tab bar has the focus, as after a click on it
    qtbot.keyClick(bar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1  # the new deal's editor
    from app.views.deals.tab import DealsTab

    deals_tab = main_window.findChild(DealsTab)
    assert deals_tab is not None
    qtbot.keyClick(bar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: deals_tab.search.hasFocus())
