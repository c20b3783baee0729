"""Starting the window: Qt application, language, single-instance lock, error dialogs."""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

# SQLAlchemy (through app.bootstrap) before PySide6: once PySide6 is loaded, its __feature__
# import hook reads the source of every module imported after it (inspect.getsource, to see
# whether it uses PySide), about 0.2 s for SQLAlchemy's 250 modules — a fifth of the start.
from app.bootstrap import Services, bootstrap

# isort: split
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, ORG_NAME
from app.db import inspect_file, record_scan, scan_due, scan_for_damage
from app.db_errors import (
    DatabaseDamagedError,
    DatabaseOpenError,
    NotOurFileError,
    storage_error,
)
from app.db_lock import DatabaseLock, LockedByOtherProcess
from app.i18n import translate
from app.views import dialogs

OPTIMIZE_EVERY_MS = 3 * 3600 * 1000  # planner statistics refreshed every three hours


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


def apply_style(app: QApplication, theme: str = "system") -> None:
    """The app's style in `theme` (a `style.THEME_CHOICES` value: the system's colour scheme,
    light or dark)."""
    from app.views import style

    style.apply_theme(app, style.theme_for(theme))


log = logging.getLogger("salesdesk")


def default_log_file() -> Path:
    """salesdesk.log in the user's log folder (never beside the database: it may be read-only)."""
    from platformdirs import user_log_path

    return user_log_path("SalesDesk", appauthor=False) / "salesdesk.log"


def install_excepthook(log_file: Path) -> None:
    """Known errors (ServiceError) become a message; bugs are logged and apologised for.

    Qt calls sys.excepthook for exceptions raised in slots, so nothing reaches the user as
    a traceback and the window keeps running. A log file that cannot be written (read-only
    or full disk) leaves the log on stderr only.
    """
    from app.services.errors import ServiceError

    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
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
    from app.views.style import THEME_KEY

    apply_style(app, str(settings.value(THEME_KEY, "system")))
    install_excepthook(default_log_file())
    return _open_window_on(app, settings, db_path, demo=demo)


def _open_window_on(app: QApplication, settings: QSettings, db_path: Path, *,
                    demo: bool) -> int:
    try:
        lock = DatabaseLock(db_path, translate("Startup", "окно SalesDesk")).acquire()
    except LockedByOtherProcess as exc:
        dialogs.show_error(None, str(exc), APP_NAME)
        return 3
    except OSError as exc:
        dialogs.show_error(None, _cannot_open(storage_error(exc, db_path) or exc), APP_NAME)
        return 2
    try:
        services = open_or_recover(db_path, lock)
        if services is None:
            return 2
        moved_to = offer_local_folder(services)
        if moved_to is None:
            return _run_window(app, services, settings, demo=demo)
        services.close()
    finally:
        lock.release()
    return _open_window_on(app, settings, moved_to, demo=demo)


def offer_local_folder(services: Services) -> Path | None:
    """A database in a synced or network folder: warn, and offer to move it to a local one.

    → the new path if the user moved it (the old file is renamed NAME.moved-DATE, kept).
    """
    from app.storage_location import risky_location

    reason = risky_location(services.db_path)
    if reason is None:
        return None
    from app.db import default_db_path

    target = default_db_path()
    text = translate(
        "Startup", "База данных {path} лежит в {reason}. Программы синхронизации и сетевые "
                   "диски не соблюдают блокировки SQLite: файл может повредиться или "
                   "откатиться к старой версии. Резервные копии туда класть можно, а рабочую "
                   "базу лучше держать на своём диске.").format(path=services.db_path,
                                                                 reason=reason)
    if target.exists() or target == services.db_path:
        dialogs.show_error(None, text, APP_NAME)
        return None
    question = text + "\n\n" + translate(
        "Startup", "Перенести базу в {target}? Прежний файл останется на месте под именем "
                   "…moved-ДАТА.").format(target=target)
    if not dialogs.confirm(None, translate("Startup", "Небезопасная папка"), question):
        return None
    from app.backups import move_database

    services.disconnect()
    try:
        move_database(services.db_path, target)
    except DatabaseOpenError as exc:
        dialogs.show_error(None, str(exc), APP_NAME)
        return None
    return target


def _cannot_open(reason: object) -> str:
    return translate("Startup", "Не удаётся открыть базу данных:\n{reason}").format(
        reason=reason)


def open_or_recover(db_path: Path, lock: DatabaseLock) -> Services | None:
    """Open the database; a damaged one is offered its newest verified backup (or None).

    The damaged file is never overwritten: the restore renames it to NAME.corrupt-DATE.
    """
    try:
        return bootstrap(db_path, quick_check=False, lock=lock)
    except (DatabaseDamagedError, NotOurFileError) as exc:
        problem: DatabaseOpenError = exc
    except DatabaseOpenError as exc:
        dialogs.show_error(None, _cannot_open(exc), APP_NAME)
        return None
    services = Services(db_path=db_path, lock=lock)  # no engine: the file may not open
    newest = services.backup.newest_verified()
    if newest is None:
        dialogs.show_error(None, _cannot_open(problem) + "\n\n" + translate(
            "Startup", "Резервных копий этой базы нет. Файл не изменён."), APP_NAME)
        return None
    from app.domain.dates import date_time

    question = translate(
        "Startup", "{problem}\n\nВосстановить базу из резервной копии от {when} "
                   "(клиентов: {clients}, сделок: {deals})? Изменения, сделанные после неё, "
                   "будут потеряны. Нынешний файл не удаляется: он будет переименован в "
                   "{name}.corrupt-….").format(
        problem=problem, when=date_time(newest.created), clients=newest.clients or 0,
        deals=newest.deals or 0, name=db_path.name)
    if not dialogs.confirm(None, translate("Startup", "База данных повреждена"), question):
        return None
    try:
        services.backup.restore(newest.path, sound=False)
    except Exception as exc:
        from app.services.errors import ServiceError

        if not isinstance(exc, ServiceError):
            raise
        dialogs.show_error(None, _cannot_open(exc), APP_NAME)
        return None
    return services


def _run_window(app: QApplication, services: Services, settings: QSettings, *,
                demo: bool) -> int:
    if demo and services.overview.overview().clients == 0:
        from app.services.demo import DemoSizes, generate_demo

        generate_demo(services.uow_factory, DemoSizes(), seed=1)
    from app.views.main_window import MainWindow

    window = MainWindow(services=services, settings=settings)
    window.show()
    # The background work waits until the first tab has been filled (the window queued
    # that first), so the page scan, the backup and the statistics never delay its figures.
    QTimer.singleShot(0, lambda: _start_maintenance(window, services))
    QTimer.singleShot(0, window.start_reminders)  # missed reminders, then the next one
    QTimer.singleShot(0, window.offer_first_run)  # a new base: the first-run wizard
    code = app.exec()
    from app.views import background

    background.wait_for_all()
    if services.changed:
        backup_at_exit(services)
    services.optimize()
    services.close()
    return int(code)


def _start_maintenance(window: QWidget, services: Services) -> None:
    """The session's background work: page scan, automatic backup, planner statistics."""
    from app.views import background

    scan = DamageScan(services.db_path, parent=window)
    scan.damaged.connect(lambda problem: dialogs.show_error(window, translate(
        "Startup", "Проверка нашла повреждение базы данных:\n{problem}\n\nНе вносите "
                   "изменений: откройте Файл → Резервные копии… и восстановите последнюю "
                   "исправную копию — программа сделает это сама, не закрываясь.").format(
        problem=problem)))
    scan.start()
    auto = background.start(background.Job(services.backup.backup_if_due))
    auto.signals.failed.connect(lambda message: log.warning("automatic backup: %s", message))
    # Planner statistics, as SQLite advises for a long session: at its start, every few
    # hours of it and at its end (app.db.optimize; the CLI's short commands leave them).
    background.start(background.Job(lambda: services.optimize(opening=True)))
    maintenance = QTimer(window)
    maintenance.setInterval(OPTIMIZE_EVERY_MS)
    maintenance.timeout.connect(lambda: background.start(background.Job(services.optimize)))
    maintenance.start()


def backup_at_exit(services: Services) -> None:
    """The exit backup, under a small notice (the window is already closed; no event loop)."""
    from PySide6.QtWidgets import QProgressDialog

    from app.services.errors import ServiceError

    notice = QProgressDialog(translate("Startup", "Резервная копия базы перед выходом…"), "",
                             0, 0)
    notice.setWindowTitle(APP_NAME)
    notice.setCancelButton(None)
    notice.show()
    QApplication.processEvents()
    try:
        services.backup.backup_at_exit()
    except ServiceError as exc:
        log.warning("backup at exit: %s", exc)
    finally:
        notice.close()
        notice.deleteLater()


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
        # the same schedule as the CLI's: a small file at every start, a large one daily
        try:
            database_id = inspect_file(self._path, quick_check=False).database_id
        except DatabaseOpenError:
            database_id = 0
        if not scan_due(self._path, database_id):
            return
        problem = scan_for_damage(self._path)
        if problem is not None:
            self.damaged.emit(problem)
        else:
            record_scan(self._path, database_id)


def render_screenshots(services: Services, folder: Path, *,
                       size: tuple[int, int] = (1400, 860),
                       theme: str = "light") -> list[Path]:
    """Render the main window with each tab current to <folder>/<key>.png, in `theme`."""
    app = ensure_app()
    from app.i18n import current_language
    from app.qt_i18n import install_language

    install_language(current_language())  # into the application too, now that it exists
    apply_style(app, theme)
    from app.views.main_window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / ".screenshots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services=services, settings=settings)
    window.resize(QSize(*size))
    window.show()
    files = []
    from app.views.background import wait_for_all

    for key in window.tab_keys():
        tab = window.show_tab(key)
        app.processEvents()
        # a tab filled by background jobs (`is_filled`) is shown filled
        filled = getattr(tab, "is_filled", lambda: True)
        deadline = time.monotonic() + 60
        while not filled() and time.monotonic() < deadline:
            wait_for_all(100)
            app.processEvents()
        wait_for_all()
        app.processEvents()
        path = folder / f"{key}.png"
        window.grab().save(str(path))
        files.append(path)
    window.close()
    (folder / ".screenshots.ini").unlink(missing_ok=True)
    return files
