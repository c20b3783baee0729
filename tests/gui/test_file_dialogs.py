"""File dialogs open where the user works: Documents at first, then the last folder used."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_documents_path
from PySide6.QtWidgets import QFileDialog

from app.views import dialogs


def test_save_starts_in_documents_then_in_the_last_folder_used(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    offered: list[str] = []
    answer = str(tmp_path / "КП-2026-0042 ООО Ромашка.pdf")

    def fake_save(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return answer, filters

    def fake_open(parent, title, folder, filters):  # type: ignore[no-untyped-def]
        offered.append(folder)
        return "", filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    assert dialogs.ask_save_path(None, "t", "КП-2026-0042 ООО Ромашка.pdf", "PDF (*.pdf)") \
        == answer
    # the first time: the user's Documents folder, with the suggested name
    assert offered[0] == str(user_documents_path() / "КП-2026-0042 ООО Ромашка.pdf")
    dialogs.ask_save_path(None, "t", "Счёт.pdf", "PDF (*.pdf)")
    assert offered[1] == str(tmp_path / "Счёт.pdf")  # where the last file went
    assert dialogs.ask_open_path(None, "t", "*.ics") is None  # cancelled: nothing remembered
    assert offered[2] == str(tmp_path)
    # a suggestion with its own folder is kept as it is
    dialogs.ask_save_path(None, "t", str(tmp_path / "sub" / "a.pdf"), "PDF (*.pdf)")
    assert offered[3] == str(tmp_path / "sub" / "a.pdf")


def test_a_vanished_last_folder_falls_back_to_documents(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings().setValue(dialogs.LAST_FOLDER_KEY, str(tmp_path / "gone"))
    assert dialogs.start_folder() == user_documents_path()
