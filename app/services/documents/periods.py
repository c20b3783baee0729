"""Report periods as typed on the command line: 2026-11, 2026-Q4, 2026."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.i18n import translate
from app.services.errors import ValidationError

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str  # month | quarter | year
    code: str

    @property
    def label(self) -> str:
        if self.kind == "month":
            name = translate("Months", MONTHS[self.start.month - 1])
            return f"{name.capitalize()} {self.start.year}"
        if self.kind == "quarter":
            q = (self.start.month - 1) // 3 + 1
            return translate("Documents", "{q} квартал {y}").format(q=q, y=self.start.year)
        return translate("Documents", "{y} год").format(y=self.start.year)

    @property
    def months(self) -> list[date]:
        out, d = [], self.start
        while d <= self.end:
            out.append(d)
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return out


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_period(text: str) -> Period:
    value = (text or "").strip().upper()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return Period(date(year, month, 1), _month_end(year, month), "month", value)
    elif m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, q = int(m[1]), int(m[2])
        return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter", value)
    elif m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return Period(date(year, 1, 1), date(year, 12, 31), "year", value)
    raise ValidationError.single("period", translate(
        "Documents", "Период задаётся как 2026-11, 2026-Q4 или 2026, получено {t!r}").format(
            t=text))


def month_period(on: date) -> Period:
    return Period(date(on.year, on.month, 1), _month_end(on.year, on.month), "month",
                  f"{on.year}-{on.month:02d}")
