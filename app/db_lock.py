"""One lock per database file, taken by every SalesDesk process that writes to it.

The window holds it for its lifetime; every writing command (`demo`, `import`, `restore`)
for its run; opening a file that needs a migration or its first rows, for that step.

The lock follows the file, not the path: it is two kernel locks (`flock` on POSIX,
`msvcrt.locking` on Windows) on small lock files, so a crashed holder's lock is released by
the operating system and simply taken over:

* `NAME.lock` beside the database (the resolved path): covers a file that does not exist yet
  and a file that a restore has just swapped in;
* `locks/DEV-INODE.lock` in the user's data folder: covers the same file reached through a
  hard link, a bind mount or any other path.

Each lock file holds who has it (process, program, host, since when) as JSON, so a refusal
can say which process to close.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from app.db_errors import DatabaseLockedError
from app.i18n import translate

_LOCK_OFFSET = 1 << 20  # Windows locks are mandatory: lock a byte past the holder's JSON


@dataclass(frozen=True)
class LockHolder:
    pid: int
    program: str
    host: str
    since: str  # local time, ISO 8601 to the second

    def describe(self) -> str:
        since = self.since.replace("T", " ")
        return translate("Database", "{program}, процесс {pid} на {host}, с {since}").format(
            program=self.program, pid=self.pid, host=self.host, since=since)


class LockedByOtherProcess(DatabaseLockedError):
    """Another live process holds the lock; `holder` says which (None if unreadable)."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else translate("Database", "другая программа")
        super().__init__(translate(
            "Database", "База данных {path} открыта в другом процессе SalesDesk ({who}). "
                        "Закройте его и повторите.").format(path=path, who=who))


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_bytes().split(b"\0", 1)[0] or b"null")
        return LockHolder(pid=int(data["pid"]), program=str(data["program"]),
                          host=str(data["host"]), since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class _LockFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self, holder: LockHolder, database: Path) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            if not _try_lock(fh):
                raise LockedByOtherProcess(database, _read_holder(self.path))
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(holder.__dict__, ensure_ascii=False).encode())
            fh.flush()
        except BaseException:
            fh.close()
            raise
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.truncate(0)
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None


def _identity_lock_path(database: Path) -> Path | None:
    try:
        st = database.stat()
    except FileNotFoundError:
        return None
    from app.db import default_data_dir

    return default_data_dir() / "locks" / f"{st.st_dev}-{st.st_ino}.lock"


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """The writers' lock on one database file. Use as a context manager or call `release()`.

    `follow_file()` re-keys the identity half after the file was created or swapped.
    """

    def __init__(self, database: Path, program: str) -> None:
        self.database = database
        self.holder = LockHolder(pid=os.getpid(), program=program, host=socket.gethostname(),
                                 since=datetime.now().isoformat(timespec="seconds"))
        self._path_lock = _LockFile(lock_path_for(database))
        self._identity_lock: _LockFile | None = None

    def acquire(self) -> Self:
        self._path_lock.acquire(self.holder, self.database)
        try:
            self.follow_file()
        except BaseException:
            self._path_lock.release()
            raise
        return self

    def follow_file(self) -> None:
        """Hold the identity lock of the file now at the path (after a create or a swap)."""
        target = _identity_lock_path(self.database)
        current = self._identity_lock.path if self._identity_lock else None
        if target == current:
            return
        if self._identity_lock is not None:
            self._identity_lock.release()
            self._identity_lock = None
        if target is not None:
            lock = _LockFile(target)
            lock.acquire(self.holder, self.database)
            self._identity_lock = lock

    def release(self) -> None:
        try:
            if self._identity_lock is not None:
                self._identity_lock.release()
                self._identity_lock = None
        finally:
            self._path_lock.release()

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

