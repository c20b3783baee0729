"""Issue 11's findings about the file, the disk and the second process, each reproduced.

Restore under a live window, rotation by identity and per kind, write transactions that
wait, read-only folders, damage found in use, empty and foreign files, disk full (a real
ENOSPC from an LD_PRELOAD shim, tests/shims/disk_full.c), the lock through a hard link.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.backups import (
    BackupPolicy,
    backup_dir_for,
    header_ids,
    list_backups,
    make_backup,
    rotate,
)
from app.bootstrap import Services, bootstrap
from app.db import APPLICATION_ID, inspect_file
from app.db_errors import DatabaseOpenError, NotOurFileError
from app.db_lock import DatabaseLock, LockedByOtherProcess
from app.models import Client
from app.services.errors import DamagedDatabaseError, StorageError

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def _add_client(services: Services, name: str) -> None:
    with services.uow_factory() as uow:
        uow.session.add(Client(name=name))
        uow.commit()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM clients ORDER BY id")]
    finally:
        conn.close()


def _cli(*args: object, env: dict[str, str] | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})},
                          check=False)


# --- 1. restore while the window has the database open --------------------------------------
def test_restore_in_the_running_app_swaps_the_file_and_later_edits_land_in_it(
        services: Services) -> None:
    services.lock = DatabaseLock(services.db_path, "окно").acquire()  # as the window holds it
    _add_client(services, "До копии")
    backup = services.backup.create("manual")
    _add_client(services, "После копии")
    result = services.backup.restore(backup.path)
    assert result.safety is not None and result.safety.path.exists()
    assert _names(result.safety.path) == ["До копии", "После копии"]
    # the window's next edit goes into the restored file, which stays sound
    _add_client(services, "После восстановления")
    services.disconnect()
    assert _names(services.db_path) == ["До копии", "После восстановления"]
    assert inspect_file(services.db_path, quick_check=True).exists


def test_cli_restore_is_refused_while_the_window_holds_the_database(tmp_path: Path) -> None:
    db = tmp_path / "work.db"
    services = bootstrap(db)
    _add_client(services, "Клиент")
    backup = services.backup.create("manual")
    services.close()
    before = db.read_bytes()
    with DatabaseLock(db, "окно SalesDesk"):
        run = _cli("--db", db, "restore", backup.path)
    assert run.returncode == 1
    assert f"окно SalesDesk, процесс {os.getpid()}" in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert db.read_bytes() == before


# --- 2 and 3. rotation by identity and per kind --------------------------------------------
def test_rotation_never_counts_another_database_s_backups(tmp_path: Path) -> None:
    main = bootstrap(tmp_path / "salesdesk.db")
    archive = bootstrap(tmp_path / "salesdesk-archive.db")
    _add_client(main, "Основная")
    _add_client(archive, "Архив")
    assert header_ids(main.db_path) != header_ids(archive.db_path)  # two identities
    folder = backup_dir_for(main.db_path)
    folder.mkdir()
    now = datetime.now(UTC)
    own = _fake_backup(folder, main.db_path, now - timedelta(days=30), "auto")  # a month old
    for days in range(20):  # the archive's automatic backups, one a day
        _fake_backup(folder, archive.db_path, now - timedelta(days=days + 2), "auto")
    make_backup(archive.db_path, "auto", policy=BackupPolicy(daily=2, weekly=0))
    assert own.exists()  # by the archive's rules it would go; it is not the archive's
    assert [b.path for b in list_backups(main.db_path)] == [own]
    assert len(list_backups(archive.db_path)) == 2  # two days: today (the new one), then one
    main.close()
    archive.close()


def test_cli_restore_names_a_safety_copy_that_exists(tmp_path: Path) -> None:
    db = tmp_path / "salesdesk.db"
    services = bootstrap(db)
    _add_client(services, "Клиент")
    backup = services.backup.create("manual")
    services.close()
    run = _cli("--db", db, "restore", backup.path)
    assert run.returncode == 0, run.stderr
    safety = Path(run.stdout.split("Прежняя база сохранена в ")[1].strip())
    assert safety.exists() and _names(safety) == ["Клиент"]


def test_manual_backups_never_push_out_the_pre_migration_one(services: Services) -> None:
    pre = services.backup.create("before-migration")
    manual = [services.backup.create("manual") for _ in range(11)]
    kept = {b.path for b in services.backup.list()}
    assert pre.path in kept and {m.path for m in manual} <= kept


def _fake_backup(folder: Path, source: Path, created: datetime, kind: str) -> Path:
    path = folder / f"{source.stem}-{created:%Y%m%d-%H%M%S-%f}-{kind}.db"
    shutil.copyfile(source, path)
    return path


def test_automatic_backups_keep_a_day_then_the_newest_of_each_day_and_week(
        services: Services) -> None:
    folder = backup_dir_for(services.db_path)
    folder.mkdir()
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    made = {}
    for hours in range(0, 24 * 40, 10):  # every 10 hours for 40 days, newest first
        created = now - timedelta(hours=hours)
        made[created] = _fake_backup(folder, services.db_path, created, "auto")
    old_pre = _fake_backup(folder, services.db_path, now - timedelta(days=120), "before-migration")
    newer_pre = _fake_backup(folder, services.db_path, now - timedelta(days=100),
                             "before-migration")
    recent_pre = _fake_backup(folder, services.db_path, now - timedelta(days=10),
                              "before-restore")
    rotate(services.db_path, folder, BackupPolicy(daily=7, weekly=4), now=now)
    # expected, worked out here: the newest of each of the 7 newest days, of the 4 newest weeks
    by_day: dict[object, datetime] = {}
    by_week: dict[object, datetime] = {}
    for created in sorted(made, reverse=True):
        by_day.setdefault(created.date(), created)
        by_week.setdefault(created.date().isocalendar()[:2], created)
    days = sorted(by_day, reverse=True)[:7]
    weeks = sorted(by_week, reverse=True)[:4]
    expected = {made[by_day[d]] for d in days} | {made[by_week[w]] for w in weeks} | {
        path for created, path in made.items() if now - created < timedelta(hours=24)}
    assert len(expected) == 7 + 1 + 2  # 7 days, 1 more week, 2 more from the last 24 h
    left = {p for p in folder.glob("*-auto.db")}
    assert left == expected
    assert not old_pre.exists()  # older than 90 days and not the newest of its kind
    assert newer_pre.exists()  # older than 90 days, but the newest pre-migration copy
    assert recent_pre.exists()


def test_stale_part_files_are_removed_and_a_fresh_one_is_kept(services: Services) -> None:
    folder = backup_dir_for(services.db_path)
    folder.mkdir()
    stale, fresh = folder / "x-1.db.part", folder / "x-2.db.part"
    for part in (stale, fresh):
        part.write_bytes(b"\0" * 4096)
    two_hours_ago = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(stale, (two_hours_ago, two_hours_ago))
    services.backup.create("manual")
    assert not stale.exists() and fresh.exists()


# --- 4. write transactions wait for each other ----------------------------------------------
def test_a_writer_waits_for_a_lock_held_by_another_connection(services: Services) -> None:
    """A held write lock: the unit of work (read, then write) waits instead of failing."""
    _add_client(services, "Первый")
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(services.db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (key, value) VALUES ('other', '1')")
        holding.set()
        release.wait(10)
        conn.execute("COMMIT")
        conn.close()

    other = threading.Thread(target=hold)
    other.start()
    assert holding.wait(10)
    threading.Timer(1.0, release.set).start()  # the other writer finishes in a second
    with services.uow_factory() as uow:
        first = uow.session.query(Client).count()  # a read first, then the write
        uow.session.add(Client(name=f"После {first}"))
        uow.commit()
    other.join()
    assert _names(services.db_path) == ["Первый", "После 1"]
    assert services.settings.get("other") == 1


def test_a_writing_unit_of_work_holds_the_lock_from_its_start(services: Services) -> None:
    with services.uow_factory() as uow:
        uow.session.query(Client).count()
        conn = sqlite3.connect(services.db_path, timeout=0.05, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            conn.execute("BEGIN IMMEDIATE")
        conn.close()
    with services.uow_factory(read_only=True) as uow:  # a reader takes no write lock
        uow.session.query(Client).count()
        conn = sqlite3.connect(services.db_path, timeout=0.05, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        conn.close()
        with pytest.raises(RuntimeError):
            uow.commit()


_WRITER = """
import sys
from app.bootstrap import Services
from app.models import Client
services = Services(db_path=__import__('pathlib').Path(sys.argv[1]))
for i in range(int(sys.argv[3])):
    with services.uow_factory() as uow:
        n = uow.session.query(Client).count()
        uow.session.add(Client(name=f"{sys.argv[2]}-{i}-{n}"))
        uow.commit()
services.close()
print("done")
"""


def test_two_processes_saving_at_once_both_succeed(services: Services) -> None:
    path = services.db_path
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), tag, "60"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for tag in ("A", "B")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-500:] for o in outs]
    names = _names(path)
    assert len(names) == 120
    assert {n.split("-")[0] for n in names} == {"A", "B"}


def test_import_waits_for_a_lock_held_for_two_seconds(services: Services,
                                                     tmp_path: Path) -> None:
    """Found: a write lock held for 2 s made `import clients` die with exit 70.

    The lock is held for 4 s from before the command starts, so the import (which starts in
    about a second) meets it and must wait."""
    source = tmp_path / "clients.csv"
    source.write_text("Название;Телефон\n" + "".join(
        f"ООО «Ждущий {i}»;+7 495 100-00-{i:02d}\n" for i in range(20)), encoding="utf-8")
    services.close()
    holding = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(services.db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
        holding.set()
        threading.Event().wait(4.0)  # a long save elsewhere (under the 5 s busy timeout)
        conn.execute("COMMIT")
        conn.close()

    other = threading.Thread(target=hold)
    other.start()
    assert holding.wait(10)
    run = _cli("--db", services.db_path, "import", "clients", source)
    other.join()
    assert run.returncode == 0, run.stderr
    assert len(_names(services.db_path)) == 20


# --- 5. read-only folder ---------------------------------------------------------------------
def test_read_only_folder_is_reported_as_read_only_not_corrupt(tmp_path: Path,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ro" / "salesdesk.db"
    db.parent.mkdir()
    bootstrap(db).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) in (
        db, db.parent) and mode == os.W_OK else real_access(p, mode, **kw))  # root passes chmod
    with pytest.raises(DatabaseOpenError, match="нет прав на запись") as caught:
        bootstrap(db)
    assert "повреждён" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 0555 folder; the "
                                              "monkeypatched twin above runs instead")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    db = tmp_path / "ro" / "salesdesk.db"
    db.parent.mkdir()
    bootstrap(db).close()
    db.parent.chmod(0o555)
    try:
        run = _cli("--db", db, "clients")
    finally:
        db.parent.chmod(0o755)
    assert run.returncode == 1 and "нет прав на запись" in run.stderr


# --- 6. damage found while in use ------------------------------------------------------------
def _damage_clients_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='clients'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 64)


def test_damage_found_in_use_is_a_message_not_an_internal_error(services: Services) -> None:
    for i in range(50):
        _add_client(services, f"Клиент {i}")
    services.disconnect()
    _damage_clients_table(services.db_path)
    from app.services.clients import ClientQuery

    with pytest.raises(DamagedDatabaseError) as caught:
        services.clients.list_clients(ClientQuery())
    message = str(caught.value)
    assert "повреждён" in message and "Резервные копии" in message
    assert "SELECT" not in message and "[SQL" not in message


# --- 7. zero-byte and empty foreign files ----------------------------------------------------
@pytest.mark.parametrize("command", [["check"], ["demo", "--clients", "3", "--deals", "3"],
                                     ["clients"], ["backup"]])
@pytest.mark.parametrize("kind", ["zero-byte", "empty-foreign", "empty-sqlite"])
def test_empty_and_foreign_files_are_refused_untouched(tmp_path: Path, command: list[str],
                                                       kind: str) -> None:
    db = tmp_path / "x.db"
    if kind == "zero-byte":
        db.write_bytes(b"")
    else:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA application_id=1234" if kind == "empty-foreign" else
                     "PRAGMA user_version=0")
        conn.execute("VACUUM")  # write the header page: an SQLite file without tables
        conn.close()
    before = db.read_bytes()
    run = _cli("--db", db, *command)
    assert run.returncode == 1, run.stdout
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "SalesDesk" in run.stderr
    assert db.read_bytes() == before
    assert not Path(str(db) + "-wal").exists()


def test_a_crash_while_creating_leaves_no_half_made_database(tmp_path: Path,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.db

    db = tmp_path / "new.db"

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("сбой посреди создания")

    monkeypatch.setattr(app.db, "fill_empty_tables", broken)
    with pytest.raises(RuntimeError):
        bootstrap(db)
    assert not db.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "new.db.lock"] == []
    monkeypatch.undo()
    bootstrap(db).close()
    assert inspect_file(db).exists


# --- 8. disk full ----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def disk_full_shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("gcc") is None:
        pytest.fail("gcc is needed to build tests/shims/disk_full.c (a disk that fills up)")
    out = tmp_path_factory.mktemp("shim") / "disk_full.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(out),
                    str(ROOT / "tests" / "shims" / "disk_full.c"), "-ldl"], check=True)
    return out


def _full(shim: Path, folder: Path, log: Path, after: int = 0) -> dict[str, str]:
    return {"LD_PRELOAD": str(shim), "DISK_FULL_DIR": str(folder),
            "DISK_FULL_AFTER": str(after), "DISK_FULL_LOG": str(log)}


def _export(db: Path, tmp_path: Path, name: str) -> bytes:
    out = tmp_path / name
    run = _cli("--db", db, "export", "all", out)
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


def test_disk_full_during_backup_and_writes(tmp_path: Path, disk_full_shim: Path) -> None:
    db = tmp_path / "work.db"
    assert _cli("--db", db, "demo", "--clients", "30", "--deals", "30").returncode == 0
    before = _export(db, tmp_path, "before.json")
    log = tmp_path / "shim.log"
    run = _cli("--db", db, "backup", env=_full(disk_full_shim, backup_dir_for(db), log, 8192))
    assert run.returncode == 1 and "нет места" in run.stderr, run.stderr
    assert "внутренняя ошибка" not in run.stderr.lower()
    assert log.read_text().count("ENOSPC") >= 1  # the shim was reached
    assert list(backup_dir_for(db).glob("*")) == []  # no .part left behind
    run = _cli("--db", db, "move-deal", "1", "2", env=_full(disk_full_shim, tmp_path, log))
    assert run.returncode == 1 and "нет места" in run.stderr, run.stderr
    assert _export(db, tmp_path, "after.json") == before
    assert inspect_file(db, quick_check=True).exists


def test_disk_full_for_a_new_database_leaves_nothing(tmp_path: Path, disk_full_shim: Path) -> None:
    db = tmp_path / "new.db"
    log = tmp_path / "shim.log"
    run = _cli("--db", db, "demo", env=_full(disk_full_shim, tmp_path, log, 50_000))
    assert run.returncode == 1 and "нет места" in run.stderr, run.stderr
    assert not db.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db.lock", "shim.log"]


# --- 9. restore when the current file is not SQLite at all ------------------------------------
def test_restore_over_a_file_that_is_not_sqlite_moves_it_aside(tmp_path: Path) -> None:
    db = tmp_path / "salesdesk.db"
    services = bootstrap(db)
    _add_client(services, "Из копии")
    backup = services.backup.create("manual")
    services.close()
    db.write_bytes(b"\x00" * 5000)  # the header and the rest overwritten
    run = _cli("--db", db, "restore", backup.path)
    assert run.returncode == 0, run.stderr
    aside = next(tmp_path.glob("salesdesk.db.corrupt-*"))
    assert aside.read_bytes() == b"\x00" * 5000  # never thrown away
    assert _names(db) == ["Из копии"]


# --- 12. the lock follows the file -----------------------------------------------------------
def test_a_hard_link_to_an_open_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a" / "salesdesk.db"
    db.parent.mkdir()
    bootstrap(db).close()
    link = tmp_path / "b" / "same.db"
    link.parent.mkdir()
    os.link(db, link)
    with DatabaseLock(db, "окно SalesDesk"):
        with pytest.raises(LockedByOtherProcess) as caught:
            DatabaseLock(link, "salesdesk demo").acquire()
        assert caught.value.holder is not None and caught.value.holder.pid == os.getpid()
        run = _cli("--db", link, "demo")
        assert run.returncode == 1 and "открыта в другом процессе" in run.stderr
    with DatabaseLock(link, "salesdesk demo"):  # released: the other path may take it now
        pass


def test_a_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "salesdesk.db"
    bootstrap(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pathlib; from app.db_lock import DatabaseLock;"
         "lock = DatabaseLock(pathlib.Path(sys.argv[1]), 'x').acquire(); print('held', flush=True);"
         "sys.stdin.read()", str(db)], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(LockedByOtherProcess):
        DatabaseLock(db, "me").acquire()
    holder.kill()
    holder.wait(10)
    with DatabaseLock(db, "me"):
        pass


def test_lock_file_that_cannot_be_written_is_a_disk_message(tmp_path: Path,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.db_lock

    def full(self, holder, database):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(app.db_lock._LockFile, "acquire", full)
    from app.cli import run

    assert run(["--db", str(tmp_path / "x.db"), "demo"]) == 1


def test_backup_identity_and_counts_are_recorded(services: Services) -> None:
    for i in range(3):
        _add_client(services, f"К{i}")
    info = services.backup.create("manual")
    ids = header_ids(info.path)
    assert ids is not None and ids[0] == APPLICATION_ID and ids[1] == header_ids(
        services.db_path)[1] != 0  # type: ignore[index]
    listed = services.backup.list()[0]
    assert (listed.clients, listed.deals, listed.verified, listed.kind) == (3, 0, True, "manual")
    assert not Path(str(info.path) + "-wal").exists()  # a single self-contained file
    with pytest.raises(NotOurFileError):
        inspect_file(info.path.with_suffix(".json"))
    assert inspect_file(info.path).exists


def test_storage_error_in_a_unit_of_work_is_readable(services: Services,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    def full(self):  # type: ignore[no-untyped-def]
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Session, "commit", full)
    with pytest.raises(StorageError, match="нет места"):
        _add_client(services, "Не поместится")


# --- cloud-synced and network folders ---------------------------------------------------------
@pytest.mark.parametrize(("path", "service"), [
    ("/home/anna/Dropbox/salesdesk.db", "Dropbox"),
    ("/home/anna/OneDrive - ООО Ромашка/CRM/salesdesk.db", "OneDrive"),
    ("/home/anna/Яндекс.Диск/salesdesk.db", "Яндекс.Диск"),
    ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/s.db", "iCloud"),
    ("/home/anna/Google Drive/s.db", "Google Drive"),
    ("/home/anna/Documents/salesdesk.db", None),
    ("/home/anna/dropboxes-old/salesdesk.db", None),
])
def test_synced_folders_are_recognised(path: str, service: str | None) -> None:
    from app.storage_location import synced_service

    assert synced_service(Path(path)) == service


def test_network_mounts_are_recognised_by_the_longest_mount_point() -> None:
    from app.storage_location import network_fs_type

    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "//srv/share /mnt/office cifs rw 0 0\n"
              "/dev/sdb1 /mnt/office/local ext4 rw 0 0\n"
              "srv:/export /home/anna/nfs\\040dir nfs4 rw 0 0\n")
    assert network_fs_type(Path("/mnt/office/crm/s.db"), mounts) == "cifs"
    assert network_fs_type(Path("/mnt/office/local/s.db"), mounts) is None
    assert network_fs_type(Path("/home/anna/nfs dir/s.db"), mounts) == "nfs4"
    assert network_fs_type(Path("/mnt/officeX/s.db"), mounts) is None
    assert network_fs_type(Path("/home/anna/s.db"), mounts) is None


def test_moving_the_live_database_keeps_the_old_file(services: Services, tmp_path: Path) -> None:
    from app.backups import move_database

    _add_client(services, "Переезжает")
    services.disconnect()
    target = tmp_path / "local" / "salesdesk.db"
    aside = move_database(services.db_path, target)
    assert _names(target) == ["Переезжает"] and _names(aside) == ["Переезжает"]
    assert not services.db_path.exists()
    assert header_ids(target) == header_ids(aside)  # the same database, moved
    with pytest.raises(NotOurFileError, match="уже есть файл"):
        move_database(aside, target)
