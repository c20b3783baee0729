"""Qt fixtures of the GUI tier: the GUI-thread garbage collector, isolated QSettings, the window."""

from __future__ import annotations

import pytest

from app.bootstrap import Services


@pytest.fixture(autouse=True, scope="session")
def _gc_on_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the app: cyclic garbage is collected on the GUI thread only (views/background)."""
    from app.views.background import collect_garbage_on_gui_thread

    return collect_garbage_on_gui_thread()


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


@pytest.fixture
def main_window(qtbot, demo_services: Services):  # type: ignore[no-untyped-def]
    """The main window over the demo database, shown offscreen."""
    from PySide6.QtCore import QSettings

    from app.gui import apply_style, ensure_app
    from app.views.main_window import MainWindow

    apply_style(ensure_app())
    window = MainWindow(services=demo_services, settings=QSettings())
    qtbot.addWidget(window)
    window.show()
    return window
