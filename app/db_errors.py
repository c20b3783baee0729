"""What can go wrong with the database file, in words the user can act on.

Every refusal is a `DatabaseOpenError` whose message is for the user; the subclasses let the
window choose what to offer (restore for a damaged file, nothing but a message for a
read-only folder). `storage_error` is the one place that turns SQLite's and the operating
system's error codes into those messages; the CLI, the window and the unit of work use it,
so "disk full" or "read-only" never reaches the user as an internal error or as "corrupt".
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from app.i18n import translate


class DatabaseOpenError(Exception):
    """A database file that SalesDesk must not or cannot use; the message is for the user."""


class NotOurFileError(DatabaseOpenError):
    """Not a SalesDesk database (empty, not SQLite, another program's, a folder)."""


class DatabaseDamagedError(DatabaseOpenError):
    """A SalesDesk database whose pages or header are damaged: restore from a backup."""


class DatabaseLockedError(DatabaseOpenError):
    """Another process holds the database (the SalesDesk lock or SQLite's own)."""


class StorageEnvironmentError(DatabaseOpenError):
    """The disk or the folder refuses: read-only, full, no permission, an I/O error."""


class DiskFullError(StorageEnvironmentError):
    """No space left (or a quota) on the disk that holds the file."""


class ReadOnlyError(StorageEnvironmentError):
    """The file, its folder or the whole disk cannot be written."""


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(translate(
        "Database", "{path}: на диске нет места. Освободите место и повторите — "
                    "сохранённые данные не пострадали.").format(path=path))


def read_only(path: Path) -> ReadOnlyError:
    return ReadOnlyError(translate(
        "Database", "{path}: нет прав на запись (файл, папка или диск только для чтения). "
                    "Перенесите базу в папку, где можно сохранять, или измените права.").format(
        path=path))


def damaged(path: Path, detail: str) -> DatabaseDamagedError:
    return DatabaseDamagedError(translate(
        "Database", "{path}: файл базы данных повреждён ({detail}). Восстановите его из "
                    "резервной копии: Файл → Резервные копии… или salesdesk restore.").format(
        path=path, detail=detail))


def locked(path: Path) -> DatabaseLockedError:
    return DatabaseLockedError(translate(
        "Database", "{path}: база данных занята другой программой дольше 5 секунд. "
                    "Повторите, когда она закончит.").format(path=path))


def storage_error(exc: BaseException, path: Path) -> DatabaseOpenError | None:
    """The user's message for an error from SQLite or the file system; None for a bug.

    `exc` may be SQLAlchemy's wrapper (its `.orig` is the driver's error).
    """
    if isinstance(exc, DatabaseOpenError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        name = getattr(orig, "sqlite_errorname", "") or ""
        text = str(orig).lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return locked(path)
        if name == "SQLITE_FULL" or "disk is full" in text:
            return disk_full(path)
        if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) \
                or "readonly" in text:
            return read_only(path)
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
            return StorageEnvironmentError(translate(
                "Database", "{path}: не удаётся открыть файл базы данных (нет доступа к "
                            "файлу или папке)").format(path=path))
        if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" \
                or "malformed" in text or "not a database" in text:
            return damaged(path, str(orig))
        if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
            return StorageEnvironmentError(translate(
                "Database", "{path}: ошибка чтения или записи диска. Проверьте диск и "
                            "повторите — последнее изменение не сохранено.").format(path=path))
        return None
    if isinstance(orig, OSError):
        where = Path(orig.filename) if orig.filename else path
        if orig.errno in _DISK_FULL:
            return disk_full(where)
        if orig.errno in _READ_ONLY:
            return read_only(where)
        if orig.errno == errno.EIO:
            return StorageEnvironmentError(translate(
                "Database", "{path}: ошибка чтения или записи диска ({reason})").format(
                path=where, reason=orig.strerror))
    return None
