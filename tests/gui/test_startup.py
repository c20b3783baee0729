"""Starting the window: bad database files get a dialog, not a traceback; one instance per DB."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import gui
from app.views import dialogs


@pytest.fixture
def captured_errors(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: shown.append(text))
    return shown


def test_not_sqlite_file_shows_a_dialog(qapp, tmp_path: Path, captured_errors) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 100)
    assert gui.run_gui(db_path=db, language="ru", demo=False) == 2
    assert len(captured_errors) == 1 and "не является базой данных SQLite" in captured_errors[0]
    assert db.read_bytes() == b"garbage" * 100


def test_second_instance_is_told_the_database_is_open(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      captured_errors) -> None:
    import os

    from app.db_lock import DatabaseLock

    db = tmp_path / "busy.db"
    with DatabaseLock(db, "salesdesk import"):
        assert gui.run_gui(db_path=db, language="ru", demo=False) == 3
    assert "открыта в другом процессе" in captured_errors[0]
    assert f"salesdesk import, процесс {os.getpid()}" in captured_errors[0]
    assert not db.exists()  # nothing was created under another process's lock


def test_screenshots_render_every_tab(demo_services, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from app.views.tabs import TABS

    files = gui.render_screenshots(demo_services, tmp_path / "shots", size=(1200, 800))
    assert [f.stem for f in files] == [t.key for t in TABS]
    for f in files:
        image = QImage(str(f))
        assert image.width() >= 1200 and image.height() >= 700


def test_a_bug_in_a_slot_is_logged_and_apologised_for(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      captured_errors, monkeypatch) -> None:
    import sys

    from app.services.errors import ServiceError

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_file = tmp_path / "salesdesk.log"
    gui.install_excepthook(log_file)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    try:
        raise ServiceError("Клиент не найден")
    except ServiceError:
        sys.excepthook(*sys.exc_info())
    for handler in list(gui.log.handlers):
        handler.flush()
        gui.log.removeHandler(handler)
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    assert "Внутренняя ошибка" in captured_errors[0] and str(log_file) in captured_errors[0]
    assert captured_errors[1] == "Клиент не найден"


def test_the_screenshots_command_renders_the_size_asked_for(tmp_path: Path) -> None:
    """Every window is fitted to its screen, and a bare offscreen platform's screen is
    800×600: the command gives itself a screen with room for the size asked for."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[key] = str(tmp_path / key.lower())
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "s.db"), "screenshots", str(out),
         "--width", "1366", "--height", "768"],
        cwd=root, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out / "today.png"))
    assert (image.width(), image.height()) == (1366, 768)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.name for p in out.glob("*.png"))  # nothing else left behind
