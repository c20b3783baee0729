"""The SQLite file: opening it safely, the per-connection PRAGMAs, migrations and backups.

Everything here is below the services: no Qt, no domain logic. `open_database` is the one
entry point the CLI, the GUI and the tests use; it refuses files that are not ours, are
corrupt, come from a newer SalesDesk or cannot be written, and leaves them untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from app.db_errors import (
    DatabaseOpenError,
    NotOurFileError,
    damaged,
    read_only,
    storage_error,
)
from app.i18n import translate
from app.migrations import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from app.db_lock import DatabaseLock

APPLICATION_ID = 0x53444B31  # "SDK1": marks a SQLite file as a SalesDesk database
SQLITE_HEADER = b"SQLite format 3\x00"
READ_ONLY_OPTION = "salesdesk_read_only"  # an execution option: this transaction only reads

__all__ = ["DatabaseOpenError"]


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("SalesDesk", appauthor=False, ensure_exists=True)


def default_db_path() -> Path:
    return default_data_dir() / "salesdesk.db"


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions are unreliable),
    # which also makes DDL transactional so a failed migration rolls back.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    """Writers take SQLite's write lock at BEGIN, so `busy_timeout` makes them wait their turn.

    A deferred BEGIN that reads and then writes cannot wait: SQLite refuses the upgrade at
    once ("database is locked") when another connection wrote meanwhile. Only transactions
    that are known to read only (the READ_ONLY_OPTION) start deferred.
    """
    read_only_txn = conn.get_execution_options().get(READ_ONLY_OPTION, False)
    conn.exec_driver_sql("BEGIN" if read_only_txn else "BEGIN IMMEDIATE")


def create_db_engine(path: Path | str) -> Engine:
    """An engine whose every connection (new or recycled) carries the safety PRAGMAs."""
    url = make_url(f"sqlite:///{Path(path)}")
    engine = create_engine(url, pool_pre_ping=False)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine

def scratch_engine() -> Engine:
    """A private in-memory database (one connection) with the same PRAGMAs and BEGIN rule,
    for work that must pass through the schema without touching a file (an old export is
    upgraded through it)."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


@dataclass(frozen=True)
class FileState:
    """What a look at the file (read-only) found."""

    exists: bool
    revision: str | None
    empty_tables: frozenset[str] = field(default_factory=frozenset)  # of those asked about
    database_id: int = 0  # the identity in the header's user_version (0: not yet given)


@dataclass(frozen=True)
class Seed:
    """A data step after the migrations: `fill(session)` runs while `table` is empty.

    The rows a working database always has (the default stages, say) come from here, not
    from a read that finds them missing; the services define them (`app.services.seeds`).
    """

    table: str
    fill: Callable[[Session], None]


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def inspect_file(path: Path, *, quick_check: bool = True,
                 empty_check: Sequence[str] = ()) -> FileState:
    """Check a database file without changing it; raise DatabaseOpenError if it is unusable.

    A missing file is reported as not existing; any file that exists must be a SalesDesk
    database — an empty (0-byte) file or an SQLite file of another program, even one without
    tables, is refused, never taken over.
    `quick_check=False` skips SQLite's page-level scan (it grows with the file); the GUI
    runs that scan in the background after the window is shown (`scan_for_damage`).
    Of the tables in `empty_check`, those that exist and have no row are reported.
    """
    if not path.exists():
        return FileState(exists=False, revision=None)
    if path.is_dir():
        raise NotOurFileError(translate("Database", "{path} — это папка, а не файл базы "
                                                    "данных").format(path=path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise storage_error(exc, path) or exc from exc
    if not header:
        raise NotOurFileError(translate(
            "Database", "{path}: файл пуст (0 байт) — это не база данных SalesDesk. Укажите "
                        "другой файл или удалите этот.").format(path=path))
    if header != SQLITE_HEADER:
        raise NotOurFileError(translate(
            "Database", "{path} не является базой данных SQLite").format(path=path))
    try:
        conn = _ro_connect(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            database_id = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] if quick_check else "ok"
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            empty = frozenset(
                name for name in empty_check if name in tables
                and conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise storage_error(exc, path) or damaged(path, str(exc)) from exc
    if ok != "ok":
        raise damaged(path, str(ok))
    ours = app_id == APPLICATION_ID or (app_id == 0 and revision in KNOWN_REVISIONS)
    if not ours:
        if app_id:
            raise NotOurFileError(translate(
                "Database", "{path} — база данных другой программы, не SalesDesk").format(
                path=path))
        raise NotOurFileError(translate(
            "Database", "{path} — файл SQLite без данных SalesDesk (другой программы или "
                        "пустой); SalesDesk его не изменяет").format(path=path))
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NotOurFileError(translate(
            "Database", "{path} создана более новой версией SalesDesk (схема {revision}); "
                        "обновите программу").format(path=path, revision=revision))
    return FileState(exists=True, revision=revision, empty_tables=empty,
                     database_id=database_id)


def check_writable(path: Path) -> None:
    """Refuse a file, folder or disk SalesDesk cannot write to, before touching anything."""
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise storage_error(exc, folder) or DatabaseOpenError(translate(
                "Database", "{path}: не удаётся создать папку ({reason})").format(
                path=folder, reason=exc.strerror)) from exc
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise read_only(path)
    if hasattr(os, "statvfs"):  # a read-only mount: root passes os.access checks there
        try:
            flags = os.statvfs(folder).f_flag
        except OSError:
            return
        if flags & os.ST_RDONLY:
            raise read_only(path)


def new_database_id() -> int:
    """A random identity for a new database (a positive 31-bit number: `user_version`)."""
    return secrets.randbelow(2**31 - 1) + 1


def stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


class MigrationError(Exception):
    """A migration left the data inconsistent; it was rolled back."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply Alembic migrations in one transaction (Alembic is imported only now: it is slow).

    Foreign keys are off while batch migrations copy tables, and `foreign_key_check`
    must come back empty before the transaction commits.
    """
    from alembic import command

    from app.migrations import alembic_config

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # a checked-out connection always has its DBAPI connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"migration broke {len(broken)} foreign key(s)")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def scan_for_damage(path: Path) -> str | None:
    """SQLite's quick_check on a read-only connection: None if fine, else the first problem."""
    try:
        conn = _ro_connect(path)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == "ok" else str(result)


SCAN_INTERVAL = timedelta(hours=24)
ALWAYS_SCANNED_BELOW = 64 * 1024 * 1024  # bytes: a smaller file is scanned at every opening


def _scans_file() -> Path:
    return default_data_dir() / "scans.json"


def _scan_key(path: Path, database_id: int) -> str:
    return f"{database_id}:{path.resolve()}"


def scan_due(path: Path, database_id: int, now: datetime | None = None) -> bool:
    """Whether opening `path` should run the page scan first (`quick_check`).

    A small file always; a large one when this file (path and identity) has not passed a
    scan in the last SCAN_INTERVAL — the scan of a 1 GB file takes seconds, which a CLI
    command should not pay every time. `salesdesk check` always runs the full check, and the
    window scans in the background at every start.
    """
    try:
        if path.stat().st_size < ALWAYS_SCANNED_BELOW:
            return True
        data = json.loads(_scans_file().read_text(encoding="utf-8"))
        last = datetime.fromisoformat(data[_scan_key(path, database_id)])
    except (OSError, ValueError, KeyError, TypeError):
        return True
    return (now or datetime.now(UTC)) - last >= SCAN_INTERVAL


def record_scan(path: Path, database_id: int) -> None:
    """Remember that `path` passed a scan now (best effort: a read-only home just rescans)."""
    record = _scans_file()
    try:
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        data[_scan_key(path, database_id)] = datetime.now(UTC).isoformat()
        tmp = record.with_name(record.name + ".part")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, record)
    except OSError:
        pass


def prepare_database(
    path: Path | str, *, create: bool = True, backup: bool = True, quick_check: bool = True,
    seeds: Sequence[Seed] = (), lock: DatabaseLock | None = None,
    program: str = "salesdesk",
) -> Path:
    """Check (and create or migrate) a SalesDesk database file; return its path.

    A new database is built beside the target under a temporary name and linked into place
    whole, so a crash never leaves an empty or half-made file. A pending migration runs
    after an automatic backup; a failed migration rolls back and leaves the file at its
    previous revision. Then each seed whose table is empty is filled, in one transaction.
    Every such write happens under the database lock: `lock` if the caller holds it, else a
    lock taken for this step as `program`. When nothing is pending no engine is built here,
    so start-up pays for SQLAlchemy's dialect only when the first query runs.
    """
    path = Path(path).expanduser()
    check_writable(path)
    empty_check = [s.table for s in seeds]
    state = inspect_file(path, quick_check=False, empty_check=empty_check)
    if quick_check and state.exists and scan_due(path, state.database_id):
        problem = scan_for_damage(path)
        if problem is not None:
            raise damaged(path, problem)
        record_scan(path, state.database_id)
    if not state.exists and not create:
        raise DatabaseOpenError(translate("Database", "{path}: база данных не найдена").format(
            path=path))
    if state.exists and state.revision == HEAD_REVISION and state.database_id \
            and not any(s.table in state.empty_tables for s in seeds):
        return path
    with _writer_lock(path, lock, program) as held:
        state = inspect_file(path, quick_check=False, empty_check=empty_check)  # under the lock
        if not state.exists:
            _create_database(path, seeds)
            held.follow_file()
            return path
        try:
            _bring_up_to_date(path, state, seeds, backup=backup)
        except (sqlite3.Error, OSError) as exc:
            mapped = storage_error(exc, path)
            if mapped is None:
                raise
            raise mapped from exc
    return path


@contextlib.contextmanager
def _writer_lock(path: Path, lock: DatabaseLock | None, program: str) -> Iterator[DatabaseLock]:
    if lock is not None:
        yield lock
        return
    from app.db_lock import DatabaseLock

    try:
        own = DatabaseLock(path, program).acquire()
    except OSError as exc:
        raise storage_error(exc, path) or exc from exc
    try:
        yield own
    finally:
        own.release()


def _bring_up_to_date(path: Path, state: FileState, seeds: Sequence[Seed], *,
                      backup: bool) -> None:
    engine = create_db_engine(path)
    try:
        if state.revision != HEAD_REVISION:
            if backup:
                from app.backups import make_backup

                make_backup(path, "before-migration")
            upgrade(engine)
            pending = list(seeds)  # the tables may have just been created
        else:
            pending = [s for s in seeds if s.table in state.empty_tables]
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            if not state.database_id:
                conn.exec_driver_sql(f"PRAGMA user_version={new_database_id()}")
        if pending:
            fill_empty_tables(engine, pending)
    finally:
        engine.dispose()


def _create_database(path: Path, seeds: Sequence[Seed]) -> None:
    """Build a new database under a temporary name, then link it into place (no clobber)."""
    tmp = path.with_name(f".{path.name}.new.part")
    from app.backups import _remove_with_journals

    _remove_with_journals(tmp)  # a leftover of a crash during an earlier creation
    try:
        engine = create_db_engine(tmp)
        try:
            upgrade(engine)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version={new_database_id()}")
            if seeds:
                fill_empty_tables(engine, seeds)
        finally:
            engine.dispose()  # the last connection to close folds the WAL in and removes it
        try:
            os.link(tmp, path)  # fails if a file appeared at the path meanwhile
        except FileExistsError:
            raise NotOurFileError(translate(
                "Database", "{path}: файл появился, пока создавалась база; он не тронут").format(
                path=path)) from None
        except OSError:  # a file system without hard links (FAT, some network shares)
            if path.exists():
                raise
            os.replace(tmp, path)
        from app.backups import _fsync_dir

        _fsync_dir(path.parent)
    except (sqlite3.Error, OSError) as exc:
        mapped = storage_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
    finally:
        _remove_with_journals(tmp)


def fill_empty_tables(engine: Engine, seeds: Sequence[Seed]) -> None:
    """Run each seed whose table is (still) empty, all in one transaction."""
    with Session(engine) as session, session.begin():
        for seed in seeds:
            if session.connection().exec_driver_sql(
                    f'SELECT 1 FROM "{seed.table}" LIMIT 1').first() is None:
                seed.fill(session)


def open_database(
    path: Path | str, *, create: bool = True, backup: bool = True, quick_check: bool = True
) -> Engine:
    """`prepare_database`, then an engine on the file."""
    return create_db_engine(
        prepare_database(path, create=create, backup=backup, quick_check=quick_check))

# ANALYZE reads at most about this many rows of each index: statistics good enough for the
# planner at a few milliseconds per table, whatever the size of the base (SQLite's advice).
ANALYSIS_LIMIT = 1000


def optimize(engine: Engine, *, opening: bool = False) -> bool:
    """Let SQLite refresh its planner statistics where they are missing or stale.

    `PRAGMA optimize` as SQLite recommends for long-lived connections: with `opening`
    (`=0x10002`) when a session starts, so a base that never had statistics gets them, and
    plain when a session ends or every few hours of it. The hot queries do not depend on
    these statistics (tests/unit/test_query_plans.py checks their plans without any); they
    only help the rest. A read-only or locked file is left as it is: False.
    """
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None  # a live pooled connection
            raw.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            if not opening:
                raw.execute("PRAGMA optimize")
            elif sqlite3.sqlite_version_info >= (3, 46):
                raw.execute("PRAGMA optimize=0x10002")
            elif raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                             ).fetchone() is None:
                # before 3.46 optimize looks only at tables this connection has queried;
                # a base that never had statistics gets them as 0x10002 would give them
                raw.execute("ANALYZE")
    except (sqlite3.Error, DBAPIError):
        return False
    return True


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]
    revision: str | None


def check_integrity(engine: Engine) -> IntegrityReport:
    problems: list[str] = []
    with engine.connect() as conn:
        for (row,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if row != "ok":
                problems.append(f"integrity_check: {row}")
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(
                f"foreign_key_check: таблица {row[0]}, строка {row[1]} ссылается на "
                f"отсутствующую запись в {row[2]}"
            )
        app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
        if app_id != APPLICATION_ID:
            problems.append(f"application_id = {app_id}, ожидалось {APPLICATION_ID}")
    revision = stored_revision(engine)
    if revision != HEAD_REVISION:
        problems.append(f"версия схемы {revision}, ожидалась {HEAD_REVISION}")
    return IntegrityReport(ok=not problems, problems=problems, revision=revision)
