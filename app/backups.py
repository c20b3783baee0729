"""Backups and restores of the database file: verified copies, rotation by identity, the swap.

Below the services (no Qt, no domain logic). A backup is made with SQLite's online backup API
into `NAME.part`, checked with `integrity_check`, switched to a single-file journal, fsynced
and renamed into place, with a `NAME.json` beside it (kind, source, counts). A database's
identity is a random number in its header's `user_version` (set when the file is created), so
a backup carries it: rotation only ever deletes backups of the same database, whatever the
file names say.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import APPLICATION_ID, SQLITE_HEADER, inspect_file
from app.db_errors import (
    DatabaseDamagedError,
    DatabaseOpenError,
    DiskFullError,
    NotOurFileError,
    damaged,
    disk_full,
    storage_error,
)
from app.i18n import translate

AUTOMATIC_KINDS = ("auto", "exit")  # rotated daily/weekly
KEPT_FOR_DAYS_KINDS = ("before-migration", "before-restore")  # kept 90 days
KINDS = (*AUTOMATIC_KINDS, "manual", *KEPT_FOR_DAYS_KINDS)
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^.+-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<kind>[a-z-]+)$")


@dataclass(frozen=True)
class BackupPolicy:
    interval_hours: int = 24  # an automatic backup at start at most this often
    daily: int = 7  # every automatic backup of the last 24 h, the newest of each of N days
    weekly: int = 4  # … and of each of the last N weeks
    kept_days: int = 90  # pre-migration and pre-restore copies
    second_folder: Path | None = None  # a copy of each backup also goes here


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    created: datetime  # UTC
    size: int
    database_id: int | None
    source: str | None  # the database file it was taken from
    clients: int | None
    deals: int | None
    verified: bool  # integrity_check passed when it was made


@dataclass(frozen=True)
class RestoreResult:
    safety: BackupInfo | None  # the replaced database, backed up first (if it was sound)
    moved_aside: Path | None  # the replaced file, renamed, when it was damaged or foreign


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def header_ids(path: Path) -> tuple[int, int] | None:
    """(application_id, database_id) read from the file's header; None if it is not SQLite."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return None
    (user_version,) = struct.unpack(">I", head[60:64])
    (app_id,) = struct.unpack(">I", head[68:72])
    return app_id, user_version


def _fsync(path: Path, flags: int = os.O_RDWR) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (its directory entry)."""
    if os.name != "nt":  # directories cannot be opened on Windows; NTFS journals them
        _fsync(folder, os.O_RDONLY)


def _fsync_file(path: Path) -> None:
    _fsync(path)


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


@dataclass(frozen=True)
class _Counts:
    clients: int | None
    deals: int | None


def _stage_copy(source: Path, tmp: Path) -> _Counts:
    """Copy `source` into `tmp` with the backup API, verify and fsync it; raise if unsound.

    The copy is a single file (rollback journal, no -wal beside it) and keeps the source's
    header, its identity included.
    """
    _remove_with_journals(tmp)
    try:
        src = sqlite3.connect(str(source))
        try:
            out = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
                problem = out.execute("PRAGMA integrity_check").fetchone()[0]
                if problem != "ok":
                    raise damaged(source, str(problem))
                tables = {r[0] for r in out.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'")}
                counts = _Counts(
                    clients=out.execute("SELECT count(*) FROM clients").fetchone()[0]
                    if "clients" in tables else None,
                    deals=out.execute("SELECT count(*) FROM deals").fetchone()[0]
                    if "deals" in tables else None)
            finally:
                out.close()
        finally:
            src.close()
        _fsync_file(tmp)
    except BaseException as exc:
        _remove_with_journals(tmp)
        mapped = storage_error(exc, source)
        if isinstance(mapped, DiskFullError):
            mapped = disk_full(tmp.parent)  # the copy's disk is the full one
        if mapped is not None and mapped is not exc:
            raise mapped from exc
        raise
    return counts


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def copy_verified(source: Path, dest: Path, *, kind: str = "manual") -> BackupInfo:
    """A verified backup of `source` at `dest` (atomically: it exists whole or not at all)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    counts = _stage_copy(source, tmp)
    ids = header_ids(tmp)
    created = datetime.now(UTC)
    info = BackupInfo(path=dest, kind=kind, created=created, size=tmp.stat().st_size,
                      database_id=ids[1] if ids else None, source=str(source),
                      clients=counts.clients, deals=counts.deals, verified=True)
    try:
        os.replace(tmp, dest)
        _write_sidecar(info)
        _fsync_dir(dest.parent)
    except OSError as exc:
        _remove_with_journals(tmp)
        raise storage_error(exc, dest) or exc from exc
    return info


def _write_sidecar(info: BackupInfo) -> None:
    data = {"kind": info.kind, "created": info.created.isoformat(), "source": info.source,
            "database_id": info.database_id, "clients": info.clients, "deals": info.deals,
            "verified": info.verified}
    side = _sidecar(info.path)
    tmp = side.with_name(side.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, side)


def make_backup(db_path: Path, kind: str, *, policy: BackupPolicy | None = None,
                folder: Path | None = None) -> BackupInfo:
    """A verified backup into the backups folder (and the second folder), then rotation."""
    policy = policy or BackupPolicy()
    folder = folder or backup_dir_for(db_path)
    stamp = datetime.now(UTC).strftime(_STAMP)
    info = copy_verified(db_path, folder / f"{db_path.stem}-{stamp}-{kind}.db", kind=kind)
    rotate(db_path, folder, policy)
    if policy.second_folder is not None:
        mirror = policy.second_folder / info.path.name
        copy_verified(info.path, mirror, kind=kind)
        _write_sidecar(BackupInfo(**{**info.__dict__, "path": mirror}))
        rotate(db_path, policy.second_folder, policy)
    return info


def _read_info(path: Path) -> BackupInfo | None:
    """What a backup file is (from its header, its name and its JSON); None if not ours."""
    ids = header_ids(path)
    if ids is None or ids[0] != APPLICATION_ID:
        return None
    match = _NAME.match(path.stem)
    if match:
        created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    else:
        created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    data: dict[str, object] = {}
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    kind = str(data.get("kind") or (match["kind"] if match else "manual"))
    if kind not in KINDS:
        kind = "manual"  # an unknown kind is never rotated away

    def count(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) else None
    source = data.get("source")
    return BackupInfo(path=path, kind=kind, created=created, size=path.stat().st_size,
                      database_id=ids[1], source=str(source) if source else None,
                      clients=count("clients"), deals=count("deals"),
                      verified=data.get("verified") is True)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """This database's backups in `folder`, newest first.

    A backup is this database's when it carries the same identity; when the database itself
    cannot be read (damaged), when it was taken from this very path.
    """
    folder = folder or backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    ids = header_ids(db_path)
    own_id = ids[1] if ids and ids[0] == APPLICATION_ID and ids[1] else None
    found = []
    for path in folder.glob("*.db"):
        info = _read_info(path)
        if info is None:
            continue
        if (own_id is not None and info.database_id == own_id) or \
                (own_id is None and info.source == str(db_path)):
            found.append(info)
    return sorted(found, key=lambda b: b.created, reverse=True)


def _to_delete(backups: list[BackupInfo], policy: BackupPolicy, now: datetime) -> list[BackupInfo]:
    doomed = []
    automatic = sorted((b for b in backups if b.kind in AUTOMATIC_KINDS),
                       key=lambda b: b.created, reverse=True)
    keep = {b.path for b in automatic if now - b.created < timedelta(hours=24)}  # today's all
    days: list[object] = []
    weeks: list[object] = []
    for b in automatic:  # newest first: the first of each day/week is that day's/week's newest
        day = b.created.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < policy.daily:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < policy.weekly:
            weeks.append(week)
            keep.add(b.path)
    doomed += [b for b in automatic if b.path not in keep]
    for kind in KEPT_FOR_DAYS_KINDS:
        of_kind = sorted((b for b in backups if b.kind == kind),
                         key=lambda b: b.created, reverse=True)
        limit = now - timedelta(days=policy.kept_days)
        doomed += [b for b in of_kind[1:] if b.created < limit]  # the newest always stays
    return doomed


def rotate(db_path: Path, folder: Path, policy: BackupPolicy,
           now: datetime | None = None) -> list[Path]:
    """Delete this database's automatic backups beyond the policy, and stale `.part` files."""
    removed = remove_stale_parts(folder)
    for b in _to_delete(list_backups(db_path, folder), policy, now or datetime.now(UTC)):
        b.path.unlink(missing_ok=True)
        _sidecar(b.path).unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def remove_stale_parts(folder: Path, *, older_than: timedelta = timedelta(hours=1)) -> list[Path]:
    """Remove `.part` files an interrupted backup left (none is written for an hour)."""
    limit = datetime.now(UTC) - older_than
    removed = []
    for part in folder.glob("*.part"):
        with contextlib.suppress(OSError):
            if datetime.fromtimestamp(part.stat().st_mtime, UTC) < limit:
                part.unlink()
                removed.append(part)
    return removed


def newest_verified(db_path: Path) -> BackupInfo | None:
    return next((b for b in list_backups(db_path) if b.verified), None)


def move_aside(db_path: Path) -> Path:
    """Rename a damaged or foreign file (and its journals) to NAME.corrupt-STAMP; never delete."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.corrupt-{stamp}-{n}")
    for suffix in ("-wal", "-shm", "-journal"):
        journal = Path(str(db_path) + suffix)
        if journal.exists():
            os.replace(journal, Path(str(target) + suffix))
    os.replace(db_path, target)
    _fsync_dir(db_path.parent)
    return target


def _checkpoint_and_close(db_path: Path) -> None:
    """Fold the WAL into the file and remove it, so a swapped-in file never meets old frames."""
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            from app.db_errors import locked

            raise locked(db_path)
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def restore_file(db_path: Path, source: Path, *, policy: BackupPolicy | None = None,
                 sound: bool | None = None) -> RestoreResult:
    """Put a verified copy of `source` in place of `db_path`.

    The caller holds the database lock and has closed every connection to the file. The
    current file is first backed up ("before-restore") when it is sound, or renamed aside
    when it is damaged or not a SalesDesk database; then the copy is renamed over it, so a
    crash at any moment leaves either the old file or the restored one.
    `sound` is what the caller already knows of the current file (None: find out).
    """
    tmp = db_path.with_name(f".{db_path.name}.restore.part")
    _stage_copy(source, tmp)
    try:
        safety = moved = None
        if db_path.exists():
            if sound is None:
                sound = _is_sound(db_path)
            if sound:
                safety = make_backup(db_path, "before-restore", policy=policy)
                _checkpoint_and_close(db_path)
            else:
                moved = move_aside(db_path)
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except BaseException as exc:
        _remove_with_journals(tmp)
        mapped = storage_error(exc, db_path)
        if mapped is not None and mapped is not exc:
            raise mapped from exc
        raise
    return RestoreResult(safety=safety, moved_aside=moved)


def _is_sound(path: Path) -> bool:
    try:
        inspect_file(path, quick_check=True)
    except (DatabaseDamagedError, NotOurFileError):
        return False
    except DatabaseOpenError:
        return True  # sound but unusable for another reason (newer schema): back it up
    return True



def move_database(source: Path, target: Path) -> Path:
    """Move the live database to `target` (which must not exist) as a verified copy.

    The source is checkpointed, copied, and then renamed aside to NAME.moved-STAMP, never
    deleted; the caller holds the source's lock. Returns the renamed source.
    """
    if target.exists():
        raise NotOurFileError(translate("Database", "{path}: там уже есть файл; база не "
                                                    "перенесена").format(path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    _checkpoint_and_close(source)
    tmp = target.with_name(f".{target.name}.new.part")
    _stage_copy(source, tmp)
    try:
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = source.with_name(f"{source.name}.moved-{stamp}")
        os.replace(source, aside)
        _fsync_dir(source.parent)
    except OSError as exc:
        _remove_with_journals(tmp)
        raise storage_error(exc, target) or exc from exc
    return aside
