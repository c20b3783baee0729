"""Starting the window: Qt application, language, single-instance lock, error dialogs."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QSettings, QSize, Signal
from PySide6.QtWidgets import QApplication

from app import APP_NAME, ORG_NAME
from app.bootstrap import Services, bootstrap
from app.db import DatabaseOpenError, scan_for_damage
from app.i18n import translate
from app.views import dialogs


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    from app.views.background import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread()  # never destroy Qt objects from a worker thread
    assert isinstance(app, QApplication)
    return app


def apply_style(app: QApplication) -> None:
    from app.views.style import STYLE_SHEET

    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)


log = logging.getLogger("salesdesk")


def install_excepthook(log_file: Path) -> None:
    """Known errors (ServiceError) become a message; bugs are logged and apologised for.

    Qt calls sys.excepthook for exceptions raised in slots, so nothing reaches the user as
    a traceback and the window keeps running.
    """
    from app.services.errors import ServiceError

    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, ServiceError):
            dialogs.show_error(None, str(exc))
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        dialogs.show_error(None, translate(
            "Startup", "Внутренняя ошибка программы: {error}.\nСохранённые данные не "
                       "пострадали. Подробности записаны в журнал {log}.").format(
            error=exc, log=log_file))

    sys.excepthook = hook


def run_gui(*, db_path: Path, language: str | None, demo: bool) -> int:
    app = ensure_app()
    settings = QSettings()
    language = language or str(settings.value("language", "ru"))
    from app.qt_i18n import install_language

    install_language(language)
    apply_style(app)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    install_excepthook(db_path.parent / "salesdesk.log")
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        dialogs.show_error(None, translate(
            "Startup", "База данных {path} уже открыта в другом окне SalesDesk.").format(
            path=db_path), APP_NAME)
        return 3
    try:
        try:
            services = bootstrap(db_path, quick_check=False)
        except DatabaseOpenError as exc:
            dialogs.show_error(None, translate(
                "Startup", "Не удаётся открыть базу данных:\n{reason}").format(reason=exc),
                APP_NAME)
            return 2
        if demo and services.overview.overview().clients == 0:
            from app.services.demo import DemoSizes, generate_demo

            generate_demo(services.uow_factory, DemoSizes(), seed=1)
        from app.views.main_window import MainWindow

        window = MainWindow(services=services, settings=settings)
        window.show()
        scan = DamageScan(db_path, parent=window)
        scan.damaged.connect(lambda problem: dialogs.show_error(window, translate(
            "Startup", "Проверка нашла повреждение базы данных:\n{problem}\n\nСделайте "
                       "резервную копию и восстановите базу из последней исправной копии "
                       "(salesdesk restore).").format(problem=problem)))
        scan.start()
        code = app.exec()
        services.close()
        return int(code)
    finally:
        lock.unlock()


class DamageScan(QObject):
    """SQLite's page scan in a background thread, so a large file does not delay the window.

    Signals:
        damaged(str): the scan found a problem (delivered on the GUI thread).
    """

    damaged = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = db_path
        # not `self.thread`, which would hide QObject.thread()
        self._worker = threading.Thread(target=self._run, name="damage-scan", daemon=True)

    def start(self) -> None:
        self._worker.start()

    def _run(self) -> None:
        problem = scan_for_damage(self._path)
        if problem is not None:
            self.damaged.emit(problem)


def render_screenshots(services: Services, folder: Path, *,
                       size: tuple[int, int] = (1400, 860)) -> list[Path]:
    """Render the main window with each tab current to <folder>/<key>.png."""
    app = ensure_app()
    from app.i18n import current_language
    from app.qt_i18n import install_language

    install_language(current_language())  # into the application too, now that it exists
    apply_style(app)
    from app.views.main_window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / ".screenshots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services=services, settings=settings)
    window.resize(QSize(*size))
    window.show()
    files = []
    for key in window.tab_keys():
        window.show_tab(key)
        app.processEvents()
        path = folder / f"{key}.png"
        window.grab().save(str(path))
        files.append(path)
    window.close()
    (folder / ".screenshots.ini").unlink(missing_ok=True)
    return files
