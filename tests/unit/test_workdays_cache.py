"""Russia's holidays are computed once per installation of `holidays` and read from a small
cache file afterwards (a CLI report no longer imports the package); a damaged or unwritable
cache changes nothing but the time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.services import workdays

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    workdays._holidays_for.cache_clear()
    yield tmp_path / "cache"
    workdays._holidays_for.cache_clear()


def _library(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("RU", years=year).keys())


def test_the_cache_holds_the_librarys_days_and_is_read_next_time(cache_home: Path) -> None:
    assert workdays._holidays_for(2026) == _library(2026)
    files = list((cache_home / "SalesDesk").glob("holidays-RU-*.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert stored["2026"] == sorted(d.isoformat() for d in _library(2026))
    # another process answers from the file without importing the package
    script = ("import sys; from datetime import date; from app.services import workdays;"
              "print(workdays.is_working_day(date(2026, 1, 8)),"
              " workdays.is_working_day(date(2026, 1, 12)), 'holidays' in sys.modules)")
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == ["False", "True", "False"]  # 8 January a holiday, 12 January a Monday


def test_a_damaged_cache_is_recomputed(cache_home: Path) -> None:
    workdays._holidays_for(2026)
    [path] = (cache_home / "SalesDesk").glob("holidays-RU-*.json")
    path.write_text('{"2026": ["not a date"]}', encoding="utf-8")
    workdays._holidays_for.cache_clear()
    assert workdays._holidays_for(2026) == _library(2026)
    path.write_text("[truncated", encoding="utf-8")
    workdays._holidays_for.cache_clear()
    assert workdays._holidays_for(2027) == _library(2027)


def test_an_unwritable_cache_folder_still_answers(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the folder should be", encoding="utf-8")
    assert workdays._holidays_for(2026) == _library(2026)
