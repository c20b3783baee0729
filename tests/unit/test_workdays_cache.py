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


def test_working_days_between_equals_a_walk_over_the_days() -> None:
    """The running counts give what counting day by day gives: across year ends, leap
    years (2024, 2028), the May and New Year holidays, empty and reversed intervals."""
    import random
    from datetime import timedelta

    def walked(start: date, end: date) -> int:
        count, day = 0, start + timedelta(days=1)
        while day <= end:
            count += workdays.is_working_day(day)
            day += timedelta(days=1)
        return count

    rng = random.Random(13)
    base = date(2023, 12, 25)
    pairs = [(date(2025, 12, 31), date(2026, 1, 12)), (date(2024, 2, 28), date(2024, 3, 1)),
             (date(2026, 5, 1), date(2026, 5, 1)), (date(2026, 5, 11), date(2026, 5, 1)),
             (date(2023, 12, 31), date(2028, 12, 31))]
    pairs += [(base + timedelta(days=rng.randrange(1900)),
               base + timedelta(days=rng.randrange(1900))) for _ in range(300)]
    assert [workdays.working_days_between(a, b) for a, b in pairs] == [
        walked(a, b) for a, b in pairs]
    # 1–11 January 2026 are all days off in Russia (New Year and Christmas); the 12th works
    assert workdays.working_days_between(date(2025, 12, 31), date(2026, 1, 12)) == 1


def test_the_worklists_named_holidays_come_from_the_cache_too(cache_home: Path) -> None:
    """Found: the Today tab's first fill imported `holidays` (0.35 s of about 1 s) for the
    week's named holidays. They are cached beside the days, per language."""
    from app.services.worklist import holiday_occasions

    holiday_occasions.cache_clear()
    try:
        first = holiday_occasions(2026, "ru")
    finally:
        holiday_occasions.cache_clear()
    assert (date(2026, 1, 1), "Новогодние каникулы") in first
    assert (date(2026, 2, 23), "День защитника Отечества") in first
    script = ("import sys; from app.services.worklist import holiday_occasions;"
              "print(repr(holiday_occasions(2026, 'ru'))); print('holidays' in sys.modules)")
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    shown, imported = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                                     check=True, capture_output=True,
                                     text=True).stdout.splitlines()
    assert shown == repr(first) and imported == "False"
