"""Qt fixtures of the GUI tier: the GUI-thread garbage collector, isolated QSettings, the window."""

from __future__ import annotations

import pytest

from app.bootstrap import Services
from app.views import dialogs

REAL_ASK_SAVE_CHANGES = dialogs.ask_save_changes  # before any test replaces it


@pytest.fixture(autouse=True, scope="session")
def _gc_on_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the app: cyclic garbage is collected on the GUI thread only (views/background)."""
    from app.views.background import collect_garbage_on_gui_thread

    return collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True, scope="session")
def _app_style(qapp):  # type: ignore[no-untyped-def]
    """As in the app (gui.apply_style): Fusion with the views' keyboard rules (Tab leaves a
    text box and a table), without the theme's style sheet unless a test applies it."""
    from app.views.style import install_style

    install_style(qapp)


@pytest.fixture(autouse=True)
def _collect_between_tests(_gc_on_gui_thread):  # type: ignore[no-untyped-def]
    """After each test: its jobs finished, its widgets deleted, its cyclic garbage collected.

    pytest-qt closes the widgets a test registered and calls deleteLater(), which only a running
    event loop carries out; between tests there is none, so without the explicit DeferredDelete
    every window of every test stayed alive (thousands of widgets after a few tests, each with
    its timers) and each test ran slower than the one before.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.views.background import wait_for_all

    yield
    assert wait_for_all(), "a background job of the test is still running"
    QCoreApplication.processEvents()  # the jobs' queued results and releases
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _gc_on_gui_thread.collect()


@pytest.fixture(autouse=True)
def _empty_undo_history() -> None:
    """Each test starts with an empty Правка → Отменить: a command left by another test
    would call services that test has closed."""
    from app.views import undo

    if undo._history is not None:
        undo._history.stack.clear()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test starts with empty QSettings of its own, never the user's real settings.

    Per test, so a remembered tab or window size never carries over to the next test (or the
    next repetition of the same test).
    """
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    QCoreApplication.setOrganizationName("SalesDeskTests")
    QCoreApplication.setApplicationName("SalesDeskTests")


@pytest.fixture(autouse=True)
def _unasked_save_question(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """An editor left with unsaved edits must not block the run on a real question box.

    Without this, a test that leaves a changed editor open would hang at teardown, when
    pytest-qt closes the editor and the real «Сохранить изменения?» box waits for a click.
    A test that expects the question replaces `dialogs.ask_save_changes` itself; reaching
    this stand-in fails the test (and answers "discard", so nothing hangs). The real box is
    `REAL_ASK_SAVE_CHANGES`.
    """
    asked: list[str] = []

    def unexpected(parent, subject=""):  # type: ignore[no-untyped-def]
        asked.append(subject)
        return "discard"

    monkeypatch.setattr(dialogs, "ask_save_changes", unexpected)
    yield asked  # type: ignore[misc]
    assert asked == [], f"an editor asked «Сохранить изменения?» unexpectedly: {asked}"


@pytest.fixture
def main_window(qtbot, demo_services: Services):  # type: ignore[no-untyped-def]
    """The main window over the demo database, shown offscreen."""
    from PySide6.QtCore import QSettings

    from app.gui import apply_style, ensure_app
    from app.views.main_window import MainWindow

    apply_style(ensure_app(), "light")  # not the system's: the suite's own
    window = MainWindow(services=demo_services, settings=QSettings())
    qtbot.addWidget(window)
    window.show()
    return window
