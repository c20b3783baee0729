"""Shared fixtures: offscreen Qt, a temporary database, a demo database."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# A 1920×1080 offscreen screen, so windows are not clamped to the default 800×600.
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"
)
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from app.bootstrap import Services, bootstrap

DEMO_TODAY = date(2026, 11, 16)  # a fixed Monday, so demo-based tests do not drift


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salesdesk.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    """Services over a fresh, migrated, empty database."""
    svc = bootstrap(db_path)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo import DemoSizes, generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    svc = bootstrap(path)
    generate_demo(svc.uow_factory, DemoSizes(clients=60, deals=150), seed=7, today=DEMO_TODAY)
    svc.close()
    return path


@pytest.fixture
def demo_services(_demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """Services over a private copy of a small demo database (generated once per run)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    svc = bootstrap(path)
    yield svc
    svc.close()


@pytest.fixture(autouse=True, scope="session")
def _gc_on_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the app: cyclic garbage is collected on the GUI thread only (views/background)."""
    from app.views.background import collect_garbage_on_gui_thread

    return collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True)
def _collect_between_tests(_gc_on_gui_thread):  # type: ignore[no-untyped-def]
    yield
    _gc_on_gui_thread.collect()


@pytest.fixture(autouse=True, scope="session")
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep QSettings written by the code under test out of the user's real settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
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
