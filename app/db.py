"""The SQLite file: opening it safely, the per-connection PRAGMAs, migrations and backups.

Everything here is below the services: no Qt, no domain logic. `open_database` is the one
entry point the CLI, the GUI and the tests use; it refuses files that are not ours, are
corrupt, come from a newer SalesDesk or cannot be written, and leaves them untouched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from app.migrations import HEAD_REVISION, KNOWN_REVISIONS

APPLICATION_ID = 0x53444B31  # "SDK1": marks a SQLite file as a SalesDesk database
SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS_KEPT = 10


class DatabaseOpenError(Exception):
    """A database file that SalesDesk must not or cannot open; the message is for the user."""


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("SalesDesk", appauthor=False, ensure_exists=True)


def default_db_path() -> Path:
    return default_data_dir() / "salesdesk.db"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


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
    conn.exec_driver_sql("BEGIN")


def create_db_engine(path: Path | str) -> Engine:
    """An engine whose every connection (new or recycled) carries the safety PRAGMAs."""
    url = make_url(f"sqlite:///{Path(path)}")
    engine = create_engine(url, pool_pre_ping=False)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


@dataclass(frozen=True)
class FileState:
    """What a look at the file (read-only) found."""

    exists: bool
    revision: str | None
    empty_tables: frozenset[str] = field(default_factory=frozenset)  # of those asked about


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

    `quick_check=False` skips SQLite's page-level scan (it grows with the file); the GUI
    runs that scan in the background after the window is shown (`scan_for_damage`).
    Of the tables in `empty_check`, those that exist and have no row are reported.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=False, revision=None)
    if path.is_dir():
        raise DatabaseOpenError(f"{path} — это папка, а не файл базы данных")
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(f"{path} не является базой данных SQLite")
    try:
        conn = _ro_connect(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
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
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(f"{path}: файл базы данных повреждён ({exc})") from exc
    if ok != "ok":
        raise DatabaseOpenError(f"{path}: файл базы данных повреждён ({ok})")
    if app_id != APPLICATION_ID and tables:
        raise DatabaseOpenError(f"{path} — база данных другой программы, не SalesDesk")
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseOpenError(
            f"{path} создана более новой версией SalesDesk (схема {revision}); обновите программу"
        )
    return FileState(exists=bool(tables), revision=revision, empty_tables=empty)


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(f"{path}: файл доступен только для чтения")
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise DatabaseOpenError(f"{folder}: не удаётся создать папку ({exc.strerror})") from exc
    if not os.access(folder, os.W_OK):
        raise DatabaseOpenError(f"{folder}: папка доступна только для чтения")


def sqlite_backup(source: Path, dest: Path) -> None:
    """Copy a live database consistently with SQLite's online backup API (never a file copy)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(str(source))
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    os.replace(tmp, dest)


def make_backup(db_path: Path, reason: str, *, keep: int = BACKUPS_KEPT) -> Path:
    """Rotating automatic backup next to the database; returns the new file."""
    folder = backup_dir_for(db_path)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    sqlite_backup(db_path, dest)
    backups = sorted(folder.glob(f"{db_path.stem}-*.db"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return dest


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


def prepare_database(
    path: Path | str, *, create: bool = True, backup: bool = True, quick_check: bool = True,
    seeds: Sequence[Seed] = (),
) -> Path:
    """Check (and create or migrate) a SalesDesk database file; return its path.

    A pending migration runs after an automatic backup; a failed migration rolls back and
    leaves the file at its previous revision. Then each seed whose table is empty is filled
    (a new database, or an older one that never got those rows), in one transaction. When
    nothing is pending no engine is built here, so start-up pays for SQLAlchemy's dialect
    only when the first query runs.
    """
    path = Path(path).expanduser()
    state = inspect_file(path, quick_check=quick_check, empty_check=[s.table for s in seeds])
    if not state.exists and not create:
        raise DatabaseOpenError(f"{path}: база данных не найдена")
    _check_writable(path)
    if state.revision != HEAD_REVISION:
        engine = create_db_engine(path)
        try:
            if state.exists and backup:
                make_backup(path, "before-migration")
            upgrade(engine)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        finally:
            engine.dispose()
        pending = list(seeds)  # the tables may have just been created
    else:
        pending = [s for s in seeds if s.table in state.empty_tables]
    if pending:
        fill_empty_tables(path, pending)
    return path


def fill_empty_tables(path: Path, seeds: Sequence[Seed]) -> None:
    """Run each seed whose table is (still) empty, all in one transaction."""
    engine = create_db_engine(path)
    try:
        with Session(engine) as session, session.begin():
            for seed in seeds:
                if session.connection().exec_driver_sql(
                        f'SELECT 1 FROM "{seed.table}" LIMIT 1').first() is None:
                    seed.fill(session)
    finally:
        engine.dispose()


def open_database(
    path: Path | str, *, create: bool = True, backup: bool = True, quick_check: bool = True
) -> Engine:
    """`prepare_database`, then an engine on the file."""
    return create_db_engine(
        prepare_database(path, create=create, backup=backup, quick_check=quick_check))


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
