"""The page scan before a command: always on a small file, once a day on a large one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import app.db
from app.bootstrap import bootstrap
from app.db import inspect_file, record_scan, scan_due


def test_a_small_file_is_scanned_at_every_opening(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    bootstrap(db).close()
    ident = inspect_file(db).database_id
    record_scan(db, ident)
    assert scan_due(db, ident)


def test_a_large_file_is_scanned_once_a_day(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.db, "ALWAYS_SCANNED_BELOW", 0)  # every file counts as large
    db = tmp_path / "large.db"
    bootstrap(db).close()
    ident = inspect_file(db).database_id
    assert scan_due(db, ident)  # a new file was created, not scanned: the next opening scans
    scanned: list[Path] = []
    real = app.db.scan_for_damage
    monkeypatch.setattr(app.db, "scan_for_damage", lambda p: scanned.append(p) or real(p))
    bootstrap(db).close()
    bootstrap(db).close()
    assert scanned == [db]  # the second opening within the day skips the scan
    later = datetime.now(UTC) + timedelta(hours=25)
    assert scan_due(db, ident, now=later)
    assert not scan_due(db, ident)
    other = tmp_path / "copy.db"  # another path (or identity) has its own schedule
    other.write_bytes(db.read_bytes())
    assert scan_due(other, ident)
