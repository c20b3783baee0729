"""Periods of the plan: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app.domain.dates import month_name
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.workdays import working_days_in


# --------------------------------------------------------------------------- periods
@dataclass(frozen=True)
class Period:
    """A calendar month, quarter or year. `first` and `last` are inclusive days."""

    kind: str  # "month" | "quarter" | "year"
    year: int
    number: int  # month 1..12, quarter 1..4, 0 for a year
    first: date
    last: date

    @property
    def key(self) -> str:
        """The canonical text form, accepted back by `parse_period`."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    @property
    def label(self) -> str:
        """Human label: "ноябрь 2026", "4 квартал 2026", "2026 год"."""
        if self.kind == "month":
            return f"{month_name(self.number)} {self.year}"
        if self.kind == "quarter":
            return translate("Plan", "{q} квартал {y}").format(q=self.number, y=self.year)
        return translate("Plan", "{y} год").format(y=self.year)

    def months(self) -> list[date]:
        """First days of the months in the period, in order."""
        out = []
        d = self.first
        while d <= self.last:
            out.append(d)
            d = add_months(d, 1)
        return out

    def shifted_years(self, years: int) -> Period:
        """The same period `years` years earlier (negative) or later."""
        return parse_period(str(self.year + years) + self.key[4:])

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month."""
    y, m = divmod(day.month - 1 + months, 12)
    return date(day.year + y, m + 1, 1)


def month_period(year: int, month: int) -> Period:
    return Period("month", year, month, date(year, month, 1),
                  date(year, month, calendar.monthrange(year, month)[1]))


_PERIOD_RE = re.compile(r"^\s*(\d{4})(?:\s*-\s*(?:(\d{1,2})|[QqКк](\d)))?\s*$")


def parse_period(value: str | Period) -> Period:
    """Parse "2026-11", "2026-Q4" (or "2026-К4") or "2026".

    Raises ValidationError (field "period") with a readable message for anything else,
    including months and quarters that do not exist ("2026-13", "2026-Q5").
    """
    if isinstance(value, Period):
        return value
    raw = str(value)
    match = _PERIOD_RE.match(raw)
    if not match:
        raise ValidationError.single("period", translate(
            "Plan", "Не понимаю период «{p}»: нужен месяц (2026-11), квартал (2026-Q4) "
            "или год (2026)").format(p=raw))
    year = int(match.group(1))
    if not 1900 <= year <= 2200:
        raise ValidationError.single("period", translate(
            "Plan", "Нет такого периода: год {y} вне диапазона 1900–2200").format(y=year))
    if match.group(2):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValidationError.single("period", translate(
                "Plan", "Нет такого периода: «{p}» — месяц должен быть от 1 до 12").format(p=raw))
        return month_period(year, month)
    if match.group(3):
        q = int(match.group(3))
        if not 1 <= q <= 4:
            raise ValidationError.single("period", translate(
                "Plan", "Нет такого периода: «{p}» — квартал должен быть от 1 до 4").format(p=raw))
        first = date(year, 3 * q - 2, 1)
        last_month = 3 * q
        return Period("quarter", year, q, first,
                      date(year, last_month, calendar.monthrange(year, last_month)[1]))
    return Period("year", year, 0, date(year, 1, 1), date(year, 12, 31))


def prorate_factor(period: Period, month: date, as_of: date) -> tuple[int, int]:
    """(working days of `month` elapsed by `as_of`, working days of `month`)."""
    mp = month_period(month.year, month.month)
    total = working_days_in(mp.first, mp.last)
    if as_of < mp.first:
        return 0, total
    return working_days_in(mp.first, min(as_of, mp.last)), total
