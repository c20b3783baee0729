"""Файл → Резервные копии…, a damaged database at start, and the window's environment errors."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from app import gui
from app.bootstrap import Services, bootstrap
from app.db_lock import DatabaseLock
from app.models import Client
from app.views import dialogs
from app.views.backups import BackupsDialog, data_size


def _add_client(services: Services, name: str) -> None:
    with services.uow_factory() as uow:
        uow.session.add(Client(name=name))
        uow.commit()


def _names(services: Services) -> list[str]:
    with services.uow_factory(read_only=True) as uow:
        return [c.name for c in uow.session.query(Client).order_by(Client.id)]


@pytest.fixture
def captured(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: shown.append(text))
    return shown


@pytest.fixture
def locked_services(services: Services):  # type: ignore[no-untyped-def]
    services.lock = DatabaseLock(services.db_path, "окно").acquire()  # as the window holds it
    return services


def test_create_now_adds_a_verified_backup_to_the_list(qtbot, locked_services) -> None:  # type: ignore[no-untyped-def]
    _add_client(locked_services, "Клиент")
    dialog = BackupsDialog(locked_services)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    row = dialog.model.row(0)
    assert row.kind == "manual" and row.verified and row.clients == 1 and row.path.exists()
    assert "проверена" in dialog.status.text()


def test_restore_in_the_running_window(qtbot, locked_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _add_client(locked_services, "До копии")
    locked_services.backup.create("manual")
    _add_client(locked_services, "После копии")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    dialog = BackupsDialog(locked_services)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=10000)
    assert "клиентов: 1" in asked[0]
    assert _names(locked_services) == ["До копии"]
    kinds = sorted(b.kind for b in locked_services.backup.list())
    assert kinds == ["before-restore", "manual"]
    _add_client(locked_services, "Новый")  # the window keeps working on the restored file
    assert _names(locked_services) == ["До копии", "Новый"]


def test_declined_restore_changes_nothing(qtbot, locked_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _add_client(locked_services, "До копии")
    locked_services.backup.create("manual")
    _add_client(locked_services, "После копии")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: False)
    dialog = BackupsDialog(locked_services)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    assert dialog.restored is None
    assert _names(locked_services) == ["До копии", "После копии"]


def test_settings_are_checked_next_to_the_field_and_saved(qtbot, services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    dialog.second_folder.setText(str(tmp_path / "нет такой"))
    dialog.daily.setValue(3)
    dialog._on_save_settings_clicked()
    assert dialog.errors.shown() == {"second_folder": "папка не найдена"}
    assert services.backup.settings().daily == 7  # nothing saved
    external = tmp_path / "external"
    external.mkdir()
    dialog.second_folder.setText(str(external))
    dialog._on_save_settings_clicked()
    assert dialog.errors.shown() == {}
    saved = services.backup.settings()
    assert (saved.daily, saved.second_folder) == (3, str(external))
    made = services.backup.create("manual")
    assert (external / made.path.name).exists()  # the second copy goes to the other folder


def test_delete_asks_and_removes_only_that_backup(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = services.backup.create("manual")
    second = services.backup.create("manual")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: True)
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)  # newest first
    dialog.delete_button.click()
    assert not second.path.exists() and first.path.exists()
    assert dialog.model.rowCount() == 1


def test_sizes_read_like_a_file_manager() -> None:
    assert data_size(512) == "512\u00a0байт"
    assert data_size(1536) == "1,5\u00a0КБ"
    assert data_size(1441792) == "1,4\u00a0МБ"
    assert data_size(300 * 1024**3) == "300\u00a0ГБ"


# --- a damaged database at start --------------------------------------------------------------
def _damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.write(b"\0" * 100)  # the header: no longer an SQLite file


def test_damaged_file_at_start_is_offered_its_newest_backup(qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "salesdesk.db"
    services = bootstrap(db)
    _add_client(services, "Из копии")
    services.backup.create("auto")
    services.close()
    _damage(db)
    damaged = db.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    with DatabaseLock(db, "окно") as lock:
        opened = gui.open_or_recover(db, lock)
        assert opened is not None
        assert _names(opened) == ["Из копии"]
        opened.disconnect()
    assert "клиентов: 1" in asked[0] and "будут потеряны" in asked[0]
    aside = next(tmp_path.glob("salesdesk.db.corrupt-*"))
    assert aside.read_bytes() == damaged  # moved aside, never overwritten


def test_damaged_file_without_backups_is_left_alone(qapp, tmp_path, captured) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "salesdesk.db"
    bootstrap(db).close()
    _damage(db)
    damaged = db.read_bytes()
    assert gui.run_gui(db_path=db, language="ru", demo=False) == 2
    assert "Резервных копий этой базы нет" in captured[0]
    assert "Внутренняя ошибка" not in captured[0]
    assert db.read_bytes() == damaged


def test_a_full_disk_is_not_reported_as_another_window(qapp, tmp_path, captured,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    import app.db_lock

    def full(self, holder, database):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(app.db_lock._LockFile, "acquire", full)
    assert gui.run_gui(db_path=tmp_path / "x.db", language="ru", demo=False) == 2
    assert "нет места" in captured[0] and "другом" not in captured[0]


def test_an_unwritable_log_file_does_not_stop_the_window(qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import logging
    import sys

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(logging, "FileHandler", refuse)
    before = list(gui.log.handlers)
    gui.install_excepthook(tmp_path / "ro" / "salesdesk.log")
    added = [h for h in gui.log.handlers if h not in before]
    try:
        assert len(added) == 1 and isinstance(added[0], logging.StreamHandler)
    finally:
        for handler in added:
            gui.log.removeHandler(handler)


def test_a_database_in_a_synced_folder_is_offered_a_local_home(qapp, tmp_path,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    import app.db
    import app.storage_location

    synced = tmp_path / "Dropbox" / "salesdesk.db"
    synced.parent.mkdir()
    services = bootstrap(synced)
    _add_client(services, "В облаке")
    services.close()
    local = tmp_path / "local" / "salesdesk.db"
    monkeypatch.setattr(app.db, "default_db_path", lambda: local)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    with DatabaseLock(synced, "окно") as lock:
        opened = bootstrap(synced, lock=lock)
        moved_to = gui.offer_local_folder(opened)
        opened.close()
    assert "Dropbox" in asked[0] and str(local) in asked[0]
    assert moved_to == local
    assert _names(bootstrap(local)) == ["В облаке"]
    assert not synced.exists() and next(synced.parent.glob("salesdesk.db.moved-*")).exists()
    assert app.storage_location.risky_location(local) is None


def test_declining_the_move_keeps_the_database_where_it_is(qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.db

    synced = tmp_path / "OneDrive" / "salesdesk.db"
    synced.parent.mkdir()
    monkeypatch.setattr(app.db, "default_db_path", lambda: tmp_path / "local.db")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: False)
    services = bootstrap(synced)
    assert gui.offer_local_folder(services) is None
    services.close()
    assert synced.exists() and not (tmp_path / "local.db").exists()


# --- the window's page scan -----------------------------------------------------------------
def _damage_a_page(path: Path) -> None:
    """Garbage over a b-tree page in the middle: the header still says SQLite."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'clients'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xa5" * page)


def test_the_window_scan_reports_damage_and_runs_daily_on_a_large_file(
        qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app import db as app_db

    good = tmp_path / "good.db"
    bootstrap(good).close()
    scanned: list[Path] = []
    real_scan = gui.scan_for_damage
    monkeypatch.setattr(gui, "scan_for_damage", lambda p: scanned.append(p) or real_scan(p))
    monkeypatch.setattr(app_db, "ALWAYS_SCANNED_BELOW", 0)  # every file counts as large
    for _ in range(2):
        scan = gui.DamageScan(good)
        scan.start()
        scan._worker.join(30)
    assert scanned == [good]  # the second start of the day skips it

    bad = tmp_path / "bad.db"
    services = bootstrap(bad)
    _add_client(services, "Клиент")
    services.close()
    _damage_a_page(bad)
    scan = gui.DamageScan(bad)
    with qtbot.waitSignal(scan.damaged, timeout=30000) as reported:
        scan.start()
    assert reported.args and reported.args[0]
    scan._worker.join(30)
    assert scanned == [good, bad]
    scan = gui.DamageScan(bad)  # a damaged file is not recorded as scanned: it scans again
    with qtbot.waitSignal(scan.damaged, timeout=30000):
        scan.start()
