"""Backups the user asks for, restores, and the list of automatic ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.db import (
    DatabaseOpenError,
    backup_dir_for,
    inspect_file,
    make_backup,
    sqlite_backup,
)
from app.i18n import translate
from app.services.errors import ServiceError


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int


class BackupService:
    """Works on the file level; safe while the app has the database open (backup API)."""

    def __init__(self, *, db_path: Path) -> None:
        self._db_path = db_path

    def create(self, reason: str = "manual", dest: Path | None = None) -> Path:
        if dest is None:
            return make_backup(self._db_path, reason)
        if dest.is_dir():
            dest = dest / f"{self._db_path.stem}-backup.db"
        sqlite_backup(self._db_path, dest)
        return dest

    def list(self) -> list[BackupFile]:
        folder = backup_dir_for(self._db_path)
        if not folder.exists():
            return []
        return [BackupFile(p, p.stat().st_size)
                for p in sorted(folder.glob(f"{self._db_path.stem}-*.db"), reverse=True)]

    def restore(self, source: Path) -> Path | None:
        """Replace the database with `source` after backing up the current one.

        Returns the safety backup of the replaced database (None if there was none).
        The app must not have the database open while this runs.
        """
        try:
            state = inspect_file(source)
        except DatabaseOpenError as exc:
            raise ServiceError(str(exc)) from exc
        if not state.exists:
            raise ServiceError(translate("Backup", "{path}: файл пуст или не найден").format(
                path=source))
        safety = None
        if self._db_path.exists():
            safety = make_backup(self._db_path, "before-restore")
        sqlite_backup(source, self._db_path)
        return safety
