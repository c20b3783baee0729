"""Backups the user asks for, automatic ones (at start, at exit), restores, and their list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.backups import (
    AUTOMATIC_KINDS,
    BackupInfo,
    BackupPolicy,
    RestoreResult,
    backup_dir_for,
    copy_verified,
    list_backups,
    make_backup,
    restore_file,
)
from app.db import inspect_file
from app.db_errors import DatabaseOpenError
from app.i18n import translate
from app.services.errors import ServiceError, StorageError, ValidationError


def backup_kind_label(kind: str) -> str:
    labels = {
        "auto": translate("Backup", "автоматическая"),
        "exit": translate("Backup", "при выходе"),
        "manual": translate("Backup", "вручную"),
        "before-migration": translate("Backup", "перед обновлением"),
        "before-restore": translate("Backup", "перед восстановлением"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class BackupSettings:
    """What the user sets in the backups window; stored with the database."""

    interval_hours: int = BackupPolicy.interval_hours
    daily: int = BackupPolicy.daily
    weekly: int = BackupPolicy.weekly
    second_folder: str = ""

    def policy(self) -> BackupPolicy:
        return BackupPolicy(interval_hours=self.interval_hours, daily=self.daily,
                            weekly=self.weekly,
                            second_folder=Path(self.second_folder) if self.second_folder
                            else None)


SETTINGS_KEY = "backups"


class BackupService:
    """Works on the file level; safe while the app has the database open (backup API).

    `read_setting`/`write_setting` reach the database's settings (absent on a broken file:
    then the defaults apply). `before_swap` closes every connection before a restore swaps
    the file; `after_swap` re-opens (migrates) it and re-keys the lock.
    """

    def __init__(self, *, db_path: Path,
                 read_setting: Callable[[str], object] | None = None,
                 write_setting: Callable[[str, object], None] | None = None,
                 before_swap: Callable[[], None] | None = None,
                 after_swap: Callable[[], None] | None = None) -> None:
        self._db_path = db_path
        self._read = read_setting
        self._write = write_setting
        self._before_swap = before_swap
        self._after_swap = after_swap

    @property
    def folder(self) -> Path:
        return backup_dir_for(self._db_path)

    def settings(self) -> BackupSettings:
        stored: object = None
        try:
            sound = inspect_file(self._db_path, quick_check=False).exists
        except DatabaseOpenError:
            sound = False  # never open a broken or foreign file just to read a setting
        if self._read is not None and sound:
            try:
                stored = self._read(SETTINGS_KEY)
            except ServiceError:
                stored = None  # a damaged or locked file: the defaults still make backups
        if not isinstance(stored, dict):
            return BackupSettings()
        defaults = BackupSettings()
        def number(key: str, default: int) -> int:
            value = stored.get(key)
            return value if isinstance(value, int) and value > 0 else default
        folder = stored.get("second_folder")
        return BackupSettings(interval_hours=number("interval_hours", defaults.interval_hours),
                              daily=number("daily", defaults.daily),
                              weekly=number("weekly", defaults.weekly),
                              second_folder=folder if isinstance(folder, str) else "")

    def save_settings(self, settings: BackupSettings) -> None:
        errors = {}
        for key, low, high in (("interval_hours", 1, 24 * 30), ("daily", 1, 366),
                               ("weekly", 0, 520)):
            value = getattr(settings, key)
            if not low <= value <= high:
                errors[key] = translate("Backup", "от {low} до {high}").format(low=low,
                                                                                high=high)
        if settings.second_folder:
            folder = Path(settings.second_folder).expanduser()
            if not folder.is_dir():
                errors["second_folder"] = translate("Backup", "папка не найдена")
            elif folder.resolve() == self.folder.resolve():
                errors["second_folder"] = translate(
                    "Backup", "это и есть папка резервных копий; выберите другой диск")
        if errors:
            raise ValidationError(errors)
        if self._write is None:
            raise ServiceError(translate("Backup", "настройки сохраняются в базе данных, "
                                                   "а она не открыта"))
        self._write(SETTINGS_KEY, {"interval_hours": settings.interval_hours,
                                   "daily": settings.daily, "weekly": settings.weekly,
                                   "second_folder": settings.second_folder})

    def create(self, kind: str = "manual", dest: Path | None = None) -> BackupInfo:
        """A verified backup: into the backups folder (rotated), or to `dest` (file or folder)."""
        try:
            if dest is None:
                return make_backup(self._db_path, kind, policy=self.settings().policy())
            if dest.is_dir():
                dest = dest / f"{self._db_path.stem}-backup.db"
            return copy_verified(self._db_path, dest, kind=kind)
        except DatabaseOpenError as exc:
            raise StorageError(str(exc)) from exc

    def auto_backup_due(self, now: datetime | None = None) -> bool:
        """No automatic backup within the interval (the newest of any kind counts)."""
        now = now or datetime.now(UTC)
        newest = next(iter(self.list()), None)
        interval = timedelta(hours=self.settings().interval_hours)
        return newest is None or now - newest.created >= interval

    def backup_if_due(self) -> BackupInfo | None:
        return self.create("auto") if self.auto_backup_due() else None

    def backup_at_exit(self) -> BackupInfo:
        return self.create("exit")

    def list(self) -> list[BackupInfo]:
        return list_backups(self._db_path)

    def delete(self, path: Path) -> None:
        """Delete one of this database's backups (and its description); nothing else."""
        if path not in {b.path for b in self.list()}:
            raise ServiceError(translate("Backup", "{path}: это не резервная копия этой "
                                                   "базы").format(path=path))
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)

    def newest_verified(self) -> BackupInfo | None:
        return next((b for b in self.list() if b.verified), None)

    def restore(self, source: Path, *, sound: bool | None = None) -> RestoreResult:
        """Replace the database with `source` after backing up (or moving aside) the current one.

        The caller holds the database lock. In the running window, every connection is closed
        first (`before_swap`) and the file re-opened after (`after_swap`).
        """
        try:
            state = inspect_file(source)
        except DatabaseOpenError as exc:
            raise ServiceError(str(exc)) from exc
        if not state.exists:
            raise ServiceError(translate("Backup", "{path}: файл не найден").format(
                path=source))
        if source.resolve() == self._db_path.resolve():
            raise ServiceError(translate("Backup", "{path}: это и есть открытая база").format(
                path=source))
        policy = self.settings().policy()
        if self._before_swap is not None:
            self._before_swap()
        try:
            result = restore_file(self._db_path, source, policy=policy, sound=sound)
        except DatabaseOpenError as exc:
            raise StorageError(str(exc)) from exc
        finally:
            if self._after_swap is not None:
                self._after_swap()
        return result


__all__ = ["AUTOMATIC_KINDS", "BackupInfo", "BackupService", "BackupSettings",
           "RestoreResult", "backup_kind_label"]
