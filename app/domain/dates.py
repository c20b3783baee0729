"""How dates look: one short form (16.11.2026), one long form (16 ноября 2026 г.), month names.

Stored instants are UTC (`UTCDateTime`); they are shown in the user's local time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from app.i18n import translate


def local_date(value: date | datetime) -> date:
    """The calendar day of `value`: a datetime (a stored UTC instant) in local time."""
    if isinstance(value, datetime):
        return value.astimezone().date()
    return value


def short_date(value: date | datetime | None, empty: str = "") -> str:
    """`16.11.2026` — tables, cards, documents; `empty` for no date."""
    if value is None:
        return empty
    return local_date(value).strftime("%d.%m.%Y")


def long_date(value: date | datetime) -> str:
    """`16 ноября 2026 г.` — the date written out, as documents head it."""
    day = local_date(value)
    return translate("Documents", "{d} {m} {y} г.").format(
        d=day.day, m=month_genitive(day.month), y=day.year)


def date_time(value: datetime | None, empty: str = "") -> str:
    """`16.11.2026 10:00` in local time."""
    if value is None:
        return empty
    return value.astimezone().strftime("%d.%m.%Y %H:%M")


def day_month(value: date) -> str:
    """`16.11` — chart axes and compact lists, where the year is evident."""
    return value.strftime("%d.%m")


def month_year(value: date) -> str:
    """`11.2026` — a month as a chart label or a report column."""
    return value.strftime("%m.%Y")


def month_name(number: int) -> str:
    """`ноябрь` for 11: the month on its own (plan grids, period pickers)."""
    names = [
        translate("Plan", "январь"), translate("Plan", "февраль"), translate("Plan", "март"),
        translate("Plan", "апрель"), translate("Plan", "май"), translate("Plan", "июнь"),
        translate("Plan", "июль"), translate("Plan", "август"), translate("Plan", "сентябрь"),
        translate("Plan", "октябрь"), translate("Plan", "ноябрь"), translate("Plan", "декабрь"),
    ]
    return names[number - 1]


def month_genitive(number: int) -> str:
    """`ноября` for 11: the month as it stands in a date written out in words."""
    names = [
        translate("Documents", "января"), translate("Documents", "февраля"),
        translate("Documents", "марта"), translate("Documents", "апреля"),
        translate("Documents", "мая"), translate("Documents", "июня"),
        translate("Documents", "июля"), translate("Documents", "августа"),
        translate("Documents", "сентября"), translate("Documents", "октября"),
        translate("Documents", "ноября"), translate("Documents", "декабря"),
    ]
    return names[number - 1]
