"""Working days in Russia: weekends and public holidays (with transfers) excluded.

The `holidays` package knows Russian public holidays. Importing it and building a year
costs about 0.2–0.35 s — a fifth of a CLI report's whole run, a third of the Today tab's
first fill — so a year's dates (and the worklist's named holidays, `cached`) are kept in a
small file in the user's cache folder, keyed by the installed package (a new version, with
a new decree's transfers, computes afresh); a cache that cannot be read or written is
simply not used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _cache_file() -> Path | None:
    """The cache of this installation of `holidays`: named by its package file's size and
    time, which an upgrade changes (found without importing the package; importlib.metadata
    alone costs a CLI run 50 ms)."""
    from importlib.util import find_spec

    from platformdirs import user_cache_path

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    try:
        stamp = os.stat(spec.origin)
    except OSError:
        return None
    return user_cache_path("SalesDesk", appauthor=False) / (
        f"holidays-RU-{stamp.st_size}-{stamp.st_mtime_ns}.json")


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def cached(key: str, compute: Callable[[], Any], parse: Callable[[Any], T]) -> T:
    """The value stored under `key` in this installation's cache file, made by `parse` from
    the JSON kept there; else `compute()` (JSON-ready: it imports `holidays`), stored and
    parsed. A value `parse` refuses (ValueError, TypeError, KeyError) is computed again."""
    path = _cache_file()
    stored = _read_cache(path) if path is not None else {}
    if key in stored:
        try:
            return parse(stored[key])
        except (KeyError, TypeError, ValueError):
            pass
    value = compute()
    if path is not None:
        stored[key] = value
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(path.name + ".part")
            part.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
            part.replace(path)
        except OSError:
            pass  # a read-only or full disk: computed again next time
    return parse(value)


@lru_cache(maxsize=32)
def _holidays_for(year: int) -> frozenset[date]:
    def compute() -> list[str]:
        import holidays

        return sorted(d.isoformat() for d in holidays.country_holidays("RU", years=year))

    return cached(str(year), compute,
                  lambda days: frozenset(date.fromisoformat(d) for d in days))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_for(day.year)


@lru_cache(maxsize=64)
def _running_count(year: int) -> tuple[int, ...]:
    """[0, working days of 1 January, … of 1–2 January, …, of the whole year]: a year's
    running count, so an interval is two look-ups instead of a walk over its days (the
    board asks it for every stalled deal; the Today tab's stalled section)."""
    first = date(year, 1, 1)
    length = (date(year + 1, 1, 1) - first).days
    counts = [0]
    for offset in range(length):
        counts.append(counts[-1] + is_working_day(first + timedelta(days=offset)))
    return tuple(counts)


def _working_up_to(day: date) -> int:
    """Working days from 1 January of its year up to `day`, inclusive."""
    return _running_count(day.year)[day.timetuple().tm_yday]


def working_days_between(start: date, end: date) -> int:
    """Working days in the half-open interval (start, end]: "days since start" in working days.

    0 when end <= start.
    """
    if end <= start:
        return 0
    whole_years = sum(_running_count(year)[-1] for year in range(start.year, end.year))
    return whole_years + _working_up_to(end) - _working_up_to(start)


def working_days_in(first: date, last: date) -> int:
    """Working days in the closed interval [first, last]."""
    if last < first:
        return 0
    return working_days_between(first - timedelta(days=1), last)
