"""Working days in Russia: weekends and public holidays (with transfers) excluded.

The `holidays` package knows Russian public holidays; it is imported on first use.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=32)
def _holidays_for(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("RU", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_for(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days in the half-open interval (start, end]: "days since start" in working days.

    0 when end <= start.
    """
    if end <= start:
        return 0
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        if is_working_day(day):
            count += 1
        day += timedelta(days=1)
    return count


def working_days_in(first: date, last: date) -> int:
    """Working days in the closed interval [first, last]."""
    if last < first:
        return 0
    return working_days_between(first - timedelta(days=1), last)
