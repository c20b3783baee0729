"""The sales plan: targets per month (optionally by product group, region or segment),
actual sales against them, progress, forecast and the series the charts and reports draw.

Conventions the whole module keeps (the plan report prints the same figures):

* A period is a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"); see
  `parse_period`. Quarters and years are the sums of their months.
* A `PlanTarget` row with '' in product_group, region and segment is the month's total.
  A row with exactly one of them set is that breakdown's part. The month's plan is its
  total row if there is one, otherwise the sum of the first breakdown that has rows
  (product group, then region, then segment). When the parts of a breakdown do not add
  up to the total, `breakdown()` reports the gap instead of hiding it.
* Actual is either won deals' amounts by `closed_on` ("won_deals") or payments received by
  `paid_on` ("payments"): the data-level setting "plan_actual_metric".
* "Working days" are Russian working days (`app.services.workdays`). Today counts as an
  elapsed day for the run-rate; the days left for the daily rate needed are those after
  today.
* Every sum is computed by SQLite (GROUP BY / window functions) in integer kopecks and
  converted exactly with `from_kopecks`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import text

from app.i18n import translate
from app.models import PlanTarget, Setting
from app.money import ZERO, from_kopecks, round_money, to_kopecks
from app.services.errors import ValidationError
from app.services.uow import UowFactory
from app.services.workdays import is_working_day, working_days_in

METRICS = ("won_deals", "payments")
DIMENSIONS = ("product_group", "region", "segment")
SPREADS = ("even", "seasonal")
METRIC_SETTING = "plan_actual_metric"

# Won / lost deals, written so SQLite reads them from the covering index
# ix_deals_stage_closed_cover (stage_id, closed_on, …) instead of the wide deals table.
WON_DEALS = "d.stage_id IN (SELECT id FROM stages WHERE is_won = 1)"
LOST_DEALS = "d.stage_id IN (SELECT id FROM stages WHERE is_lost = 1)"

# The actual's trigger-kept monthly sums (migration 0004) per metric: by month, region and
# segment; by month and product group.
ACTUAL_TABLES = {"won_deals": ("agg_region_month", "agg_group_month"),
                 "payments": ("agg_pay_month", "agg_pay_group_month")}


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


def month_name(number: int) -> str:
    names = [
        translate("Plan", "январь"), translate("Plan", "февраль"), translate("Plan", "март"),
        translate("Plan", "апрель"), translate("Plan", "май"), translate("Plan", "июнь"),
        translate("Plan", "июль"), translate("Plan", "август"), translate("Plan", "сентябрь"),
        translate("Plan", "октябрь"), translate("Plan", "ноябрь"), translate("Plan", "декабрь"),
    ]
    return names[number - 1]


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


def metric_label(metric: str) -> str:
    """What "actual" means, for every chart title and report."""
    if metric == "payments":
        return translate("Plan", "Факт: поступившие оплаты (по дате оплаты)")
    return translate("Plan", "Факт: выигранные сделки (по дате закрытия)")


def dimension_label(dimension: str) -> str:
    return {
        "product_group": translate("Plan", "Товарная группа"),
        "region": translate("Plan", "Регион"),
        "segment": translate("Plan", "Сегмент"),
    }[dimension]


def empty_value_label(dimension: str) -> str:
    """How '' reads in a breakdown: a deal line without a product group, a client without
    a region or segment."""
    if dimension == "product_group":
        return translate("Plan", "Без группы")
    return translate("Plan", "Не указан")


# --------------------------------------------------------------------------- DTOs
@dataclass(frozen=True)
class PlanProgress:
    """Plan vs actual for a period, as of a day.

    percent = actual / plan × 100 (None when the plan is zero); left = max(plan − actual, 0);
    daily_rate_needed = left / working days after `as_of` (None when none are left or the
    period is over); forecast = actual / elapsed working days × all working days of the
    period (None before the period starts); plan_to_date prorates each month's plan by the
    working days elapsed in it. The pipeline figures are open deals whose expected close
    falls in the period, weighted by the deal's probability (or its stage's).
    """

    period: Period
    metric: str
    metric_label: str
    as_of: date
    plan: Decimal
    plan_to_date: Decimal
    actual: Decimal
    percent: Decimal | None
    left: Decimal
    working_days_total: int
    working_days_elapsed: int
    working_days_left: int
    daily_rate_needed: Decimal | None
    forecast: Decimal | None
    forecast_percent: Decimal | None
    pipeline_count: int
    pipeline_amount: Decimal
    pipeline_weighted: Decimal


@dataclass(frozen=True)
class CumulativeSeries:
    """Day-by-day cumulative plan and actual for a period, with the run-rate forecast.

    `actual` stops at `as_of` (shorter than `days` while the period runs); `forecast`
    starts at `as_of` from the actual to date and runs to the last day (empty when the
    period is over or has not started).
    """

    period: Period
    metric_label: str
    as_of: date
    days: list[date]
    plan: list[Decimal]
    actual: list[Decimal]
    forecast_days: list[date]
    forecast: list[Decimal]


@dataclass(frozen=True)
class MonthFigures:
    month: date  # first day of the month
    plan: Decimal
    actual: Decimal


@dataclass(frozen=True)
class BreakdownRow:
    """One product group / region / segment: deviation = actual − plan_to_date."""

    value: str  # '' = not specified
    label: str
    plan: Decimal
    plan_to_date: Decimal
    actual: Decimal
    deviation: Decimal
    percent: Decimal | None  # actual / plan × 100


@dataclass(frozen=True)
class Breakdown:
    """Plan vs actual by one dimension, worst deviation first.

    `gap` = period plan − sum of the parts' plans (over the months where the dimension has
    parts); non-zero means the breakdown does not add up to the total and `warning` says so.
    """

    period: Period
    dimension: str
    metric_label: str
    rows: list[BreakdownRow]
    plan_total: Decimal
    parts_total: Decimal
    gap: Decimal
    warning: str


@dataclass(frozen=True)
class PlanGridRow:
    month: date
    total: Decimal | None  # the explicit total row, None when not set
    cells: dict[str, Decimal | None]  # breakdown value → amount (None: not set)
    parts_sum: Decimal
    effective_total: Decimal  # the month's plan as the rest of the module counts it
    gap: Decimal  # total − parts_sum when both exist, else 0


@dataclass(frozen=True)
class PlanGrid:
    """Targets of a period's months × one breakdown's values (for the editor)."""

    period: Period
    dimension: str | None
    columns: list[str]
    rows: list[PlanGridRow]


@dataclass(frozen=True)
class TargetChange:
    """One cell to write: month × (dimension, value) → amount; None deletes the target."""

    month: date
    amount: Decimal | None
    dimension: str | None = None
    value: str = ""


# --------------------------------------------------------------------------- service
def _pct(part: Decimal, whole: Decimal) -> Decimal | None:
    if whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _k(value: Any) -> Decimal:
    """A SQL integer-kopeck sum (possibly NULL) → Decimal rubles."""
    return from_kopecks(int(value or 0))


def _dim_where(dimension: str | None, value: str | None = None) -> tuple[str, dict[str, Any]]:
    """SQL predicate on plan_targets selecting one breakdown (or the totals)."""
    if dimension is None:
        return "product_group = '' AND region = '' AND segment = ''", {}
    if dimension not in DIMENSIONS:
        raise ValidationError.single("dimension", translate(
            "Plan", "Неизвестная разбивка: {d}").format(d=dimension))
    others = [d for d in DIMENSIONS if d != dimension]
    where = f"{others[0]} = '' AND {others[1]} = '' AND {dimension} <> ''"
    params: dict[str, Any] = {}
    if value is not None:
        where += f" AND {dimension} = :dim_value"
        params["dim_value"] = value
    return where, params


def _check_amount(amount: Decimal | int | str | None, field: str = "amount") -> Decimal:
    if amount is None or isinstance(amount, float):
        raise ValidationError.single(field, translate("Plan", "Укажите сумму плана"))
    try:
        value = round_money(amount)
    except Exception:
        raise ValidationError.single(field, translate(
            "Plan", "Сумма плана должна быть числом")) from None
    if value < 0:
        raise ValidationError.single(field, translate(
            "Plan", "План не может быть отрицательным: {a}").format(a=value))
    if value > Decimal("1e13"):
        raise ValidationError.single(field, translate("Plan", "Слишком большая сумма плана"))
    return value


def prorate_factor(period: Period, month: date, as_of: date) -> tuple[int, int]:
    """(working days of `month` elapsed by `as_of`, working days of `month`)."""
    mp = month_period(month.year, month.month)
    total = working_days_in(mp.first, mp.last)
    if as_of < mp.first:
        return 0, total
    return working_days_in(mp.first, min(as_of, mp.last)), total


class PlanService:
    """Plan targets, actual, progress and chart series. Dates default to today."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    # --- the metric -----------------------------------------------------------
    def metric(self) -> str:
        """The current actual metric: "won_deals" (default) or "payments"."""
        import json

        with self._uow() as uow:
            row = uow.session.get(Setting, METRIC_SETTING)
            value = json.loads(row.value) if row is not None else "won_deals"
        return value if value in METRICS else "won_deals"

    def set_metric(self, metric: str) -> None:
        import json

        if metric not in METRICS:
            raise ValidationError.single("metric", translate(
                "Plan", "Неизвестный показатель факта: {m}").format(m=metric))
        with self._uow() as uow:
            row = uow.session.get(Setting, METRIC_SETTING)
            value = json.dumps(metric)
            if row is None:
                uow.session.add(Setting(key=METRIC_SETTING, value=value))
            else:
                row.value = value
            uow.commit()

    def payments_exist(self) -> bool:
        with self._uow() as uow:
            return bool(uow.session.execute(text("SELECT EXISTS(SELECT 1 FROM payments)"))
                        .scalar())

    def _metric(self, metric: str | None) -> str:
        metric = metric or self.metric()
        if metric not in METRICS:
            raise ValidationError.single("metric", translate(
                "Plan", "Неизвестный показатель факта: {m}").format(m=metric))
        return metric

    # --- targets --------------------------------------------------------------
    def set_target(self, month: date | str, amount: Decimal | int | str | None, *,
                   dimension: str | None = None, value: str = "") -> None:
        """Set (or with amount None, remove) one month's target."""
        self.set_targets([TargetChange(self._month(month), None if amount is None
                                       else _check_amount(amount), dimension, value)])

    def set_targets(self, changes: list[TargetChange]) -> None:
        """Write several cells in one transaction (validated first: all or nothing)."""
        errors: dict[str, str] = {}
        for ch in changes:
            if ch.amount is not None:
                try:
                    _check_amount(ch.amount)
                except ValidationError as exc:
                    errors.setdefault("amount", exc.errors["amount"])
            if ch.dimension is not None and ch.dimension not in DIMENSIONS:
                errors["dimension"] = translate("Plan", "Неизвестная разбивка: {d}").format(
                    d=ch.dimension)
            if ch.dimension is not None and not ch.value.strip():
                errors["value"] = translate("Plan", "Не указано значение разбивки")
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            for ch in changes:
                keys = {d: "" for d in DIMENSIONS}
                if ch.dimension is not None:
                    keys[ch.dimension] = ch.value.strip()
                month = self._month(ch.month)
                existing = s.query(PlanTarget).filter_by(period_start=month, **keys).one_or_none()
                if ch.amount is None:
                    if existing is not None:
                        s.delete(existing)
                elif existing is None:
                    s.add(PlanTarget(period_start=month, amount=round_money(ch.amount), **keys))
                else:
                    existing.amount = round_money(ch.amount)
                s.flush()
            uow.commit()

    @staticmethod
    def _month(month: date | str) -> date:
        if isinstance(month, date):
            return month.replace(day=1)
        period = parse_period(month)
        if period.kind != "month":
            raise ValidationError.single("period", translate(
                "Plan", "Нужен месяц, а не «{p}»").format(p=month))
        return period.first

    def grid(self, period: str | Period, dimension: str | None = None) -> PlanGrid:
        """The targets of the period's months: total column and one breakdown's columns.

        Columns are the dimension's known values (product groups of the catalog, regions
        and segments of clients) plus any value that already has a target.
        """
        p = parse_period(period)
        months = p.months()
        columns: list[str] = []
        with self._uow() as uow:
            s = uow.session
            params = {"a": p.first, "b": p.last}
            totals = dict(s.execute(text(
                "SELECT period_start, amount FROM plan_targets WHERE period_start BETWEEN :a AND"
                " :b AND product_group = '' AND region = '' AND segment = ''"), params).all())
            cells: dict[tuple[str, str], int] = {}
            if dimension is not None:
                where, extra = _dim_where(dimension)
                for m, v, amount in s.execute(text(
                        f"SELECT period_start, {dimension}, amount FROM plan_targets "
                        f"WHERE period_start BETWEEN :a AND :b AND {where}"), params | extra):
                    cells[(str(m), v)] = amount
                columns = sorted(set(self._known_values(s, dimension))
                                 | {v for _, v in cells})
            effective = self._monthly_plan(s, p)
        rows = []
        for m in months:
            key = m.isoformat()
            total = totals.get(key)
            row_cells = {c: (_k(cells[(key, c)]) if (key, c) in cells else None)
                         for c in columns}
            parts = sum((v for v in row_cells.values() if v is not None), ZERO)
            has_parts = any(v is not None for v in row_cells.values())
            total_d = _k(total) if total is not None else None
            gap = (total_d - parts) if (total_d is not None and has_parts) else ZERO
            rows.append(PlanGridRow(m, total_d, row_cells, parts, effective.get(key, ZERO), gap))
        return PlanGrid(p, dimension, columns, rows)

    @staticmethod
    def _known_values(s: Any, dimension: str) -> list[str]:
        if dimension == "product_group":
            sql = "SELECT DISTINCT group_name FROM products WHERE group_name <> ''"
        else:
            sql = f"SELECT DISTINCT {dimension} FROM clients WHERE {dimension} <> ''"
        return [r[0] for r in s.execute(text(sql))]

    def dimension_values(self, dimension: str) -> list[str]:
        """The known values of a breakdown (for the editor's columns and filters)."""
        if dimension not in DIMENSIONS:
            raise ValidationError.single("dimension", translate(
                "Plan", "Неизвестная разбивка: {d}").format(d=dimension))
        with self._uow() as uow:
            return sorted(self._known_values(uow.session, dimension))

    def copy_from_last_year(self, period: str | Period, percent: Decimal | int | str = 0) -> int:
        """Copy every target of the same months a year earlier, +percent %, overwriting.

        Returns the number of targets written.
        """
        p = parse_period(period)
        factor = self._factor(percent)
        prev = p.shifted_years(-1)
        with self._uow() as uow:
            s = uow.session
            rows = s.query(PlanTarget).filter(PlanTarget.period_start.between(
                prev.first, prev.last)).all()
            changes = []
            for r in rows:
                dim = next((d for d in DIMENSIONS if getattr(r, d)), None)
                if sum(1 for d in DIMENSIONS if getattr(r, d)) > 1:
                    continue  # combined breakdowns are not edited here
                changes.append(TargetChange(
                    date(r.period_start.year + 1, r.period_start.month, 1),
                    round_money(r.amount * factor), dim, getattr(r, dim) if dim else ""))
        self.set_targets(changes)
        return len(changes)

    def scale(self, period: str | Period, percent: Decimal | int | str) -> int:
        """"+N %": multiply every target of the period's months by (1 + N/100)."""
        p = parse_period(period)
        factor = self._factor(percent)
        with self._uow() as uow:
            s = uow.session
            rows = s.query(PlanTarget).filter(
                PlanTarget.period_start.between(p.first, p.last)).all()
            for r in rows:
                r.amount = round_money(r.amount * factor)
            uow.commit()
            return len(rows)

    @staticmethod
    def _factor(percent: Decimal | int | str) -> Decimal:
        try:
            pct = Decimal(str(percent).replace(",", ".").strip())
        except Exception:
            raise ValidationError.single("percent", translate(
                "Plan", "Процент должен быть числом: «{p}»").format(p=percent)) from None
        if not pct.is_finite() or pct <= -100 or pct > 1000:
            raise ValidationError.single("percent", translate(
                "Plan", "Процент должен быть больше −100 и не больше 1000"))
        return (Decimal(100) + pct) / 100

    def set_period_total(self, period: str | Period, amount: Decimal | int | str, *,
                         spread: str = "even", dimension: str | None = None,
                         value: str = "", metric: str | None = None) -> list[MonthFigures]:
        """Set a quarter's or year's plan and spread it over its months.

        spread "even": equal parts (kopeck remainder on the last month); "seasonal": in
        proportion to last year's actual in the same months for the same breakdown (falls
        back to even when last year had no sales). The month amounts always add up to
        `amount` exactly. Returns the months written (plan = amount, actual = last year's
        actual used as weight).
        """
        p = parse_period(period)
        total = _check_amount(amount)
        if spread not in SPREADS:
            raise ValidationError.single("spread", translate(
                "Plan", "Неизвестный способ распределения: {s}").format(s=spread))
        months = p.months()
        weights = [Decimal(1)] * len(months)
        last_year = [ZERO] * len(months)
        if spread == "seasonal":
            prev = p.shifted_years(-1)
            with self._uow() as uow:
                by_month = self._actual_by_month(uow.session, prev, self._metric(metric),
                                                 dimension, value or None)
            last_year = [by_month.get(add_months(m, -12).isoformat()[:7], ZERO) for m in months]
            if sum(last_year) > 0:
                weights = last_year
        parts = _split(total, weights)
        self.set_targets([TargetChange(m, a, dimension, value) for m, a in zip(months, parts,
                                                                                strict=True)])
        return [MonthFigures(m, a, ly) for m, a, ly in zip(months, parts, last_year, strict=True)]

    # --- plan and actual figures ------------------------------------------------
    @staticmethod
    def _monthly_plan(s: Any, p: Period) -> dict[str, Decimal]:
        """Month ('YYYY-MM-01') → the month's plan (see the module docstring)."""
        rows = s.execute(text(
            "SELECT period_start,"
            " COALESCE(SUM(CASE WHEN product_group = '' AND region = '' AND segment = ''"
            "   THEN amount END),"
            "  SUM(CASE WHEN product_group <> '' AND region = '' AND segment = '' THEN amount END),"
            "  SUM(CASE WHEN product_group = '' AND region <> '' AND segment = '' THEN amount END),"
            "  SUM(CASE WHEN product_group = '' AND region = '' AND segment <> '' THEN amount END),"
            "  0)"
            " FROM plan_targets WHERE period_start BETWEEN :a AND :b GROUP BY period_start"),
            {"a": p.first, "b": p.last}).all()
        return {str(m): _k(v) for m, v in rows}

    @staticmethod
    def _actual_sql(metric: str, group_by: str, dimension: str | None = None,
                    value_filter: bool = False) -> str:
        """SQL returning (key, kopecks) of the actual in months :ma..:mb, from the
        trigger-kept monthly sums by region and segment (migration 0004): grouped by month
        (`group_by` "substr(day, 1, 7)"), as one 'all' row ("'all'"), or ("" with a client
        dimension) by that dimension's values; with `value_filter`, only :dim_value's part."""
        if group_by not in ("'all'", "substr(day, 1, 7)", ""):
            raise ValueError(f"the actual is kept by month, not by {group_by!r}")
        key = "month" if group_by == "substr(day, 1, 7)" else group_by or "'all'"
        where = "month BETWEEN :ma AND :mb"
        if dimension in ("region", "segment"):
            if value_filter:
                where += f" AND {dimension} = :dim_value"
            else:
                key = dimension
        return f"SELECT {key} AS k, SUM(amount) FROM {ACTUAL_TABLES[metric][0]} WHERE {where}" \
               " GROUP BY k"

    def _actual_by(self, s: Any, p: Period, metric: str, group_by: str,
                   dimension: str | None = None, value: str | None = None) -> dict[str, Decimal]:
        """Actual grouped by a day expression (e.g. "substr(day, 1, 7)") or, with a dimension
        and no value, by that dimension's values; with a value, only that part."""
        params: dict[str, Any] = {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}
        if dimension == "product_group":
            return self._actual_by_group(s, p, metric, group_by, value)
        if value is not None:
            params["dim_value"] = value
        sql = self._actual_sql(metric, group_by, dimension, value is not None)
        return {str(k): _k(v) for k, v in s.execute(text(sql), params)}

    def _actual_by_month(self, s: Any, p: Period, metric: str, dimension: str | None = None,
                         value: str | None = None) -> dict[str, Decimal]:
        if dimension is not None and value is None:
            raise ValueError("by month needs a dimension value")
        return self._actual_by(s, p, metric, "substr(day, 1, 7)", dimension, value)

    def _actual_by_group(self, s: Any, p: Period, metric: str, group_by: str,
                         value: str | None) -> dict[str, Decimal]:
        """Actual by product group (the trigger-kept monthly sums, migration 0004).

        Won deals: each line's total counts to its group; whatever part of a deal's amount
        its lines do not explain (a deal without lines) counts as '' (no group). Payments
        are split over the paid order's deal lines in proportion to the line totals; the
        remainder (rounding, orders without lines) counts as ''.
        """
        per_key = group_by != "group"  # grouped by month, filtered to one group
        if per_key and group_by != "substr(day, 1, 7)":
            raise ValueError(f"the actual by group is kept by month, not by {group_by!r}")
        params: dict[str, Any] = {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}
        sql = f"""
            SELECT {"month" if per_key else "g"} AS bucket, SUM(amount)
            FROM {ACTUAL_TABLES[metric][1]}
            WHERE month BETWEEN :ma AND :mb {"AND g = :g" if value is not None else ""}
            GROUP BY bucket"""
        if value is not None:
            params["g"] = value
        return {str(k): _k(v) for k, v in s.execute(text(sql), params)}

    def _actual_total(self, s: Any, p: Period, metric: str) -> Decimal:
        res = self._actual_by(s, p, metric, "'all'")
        return res.get("all", ZERO)

    def plan_total(self, period: str | Period) -> Decimal:
        p = parse_period(period)
        with self._uow() as uow:
            return sum(self._monthly_plan(uow.session, p).values(), ZERO)

    def actual_total(self, period: str | Period, metric: str | None = None) -> Decimal:
        p = parse_period(period)
        metric = self._metric(metric)
        with self._uow() as uow:
            return self._actual_total(uow.session, p, metric)

    def _plan_to_date(self, p: Period, monthly: dict[str, Decimal], as_of: date) -> Decimal:
        total = ZERO
        for m in p.months():
            done, days = prorate_factor(p, m, as_of)
            amount = monthly.get(m.isoformat(), ZERO)
            total += amount if days == 0 or done == days else amount * done / days
        return round_money(total)

    def progress(self, period: str | Period, *, today: date | None = None,
                 metric: str | None = None) -> PlanProgress:
        """Plan, actual, percent, what is left, the daily rate needed, the run-rate forecast
        and the weighted pipeline for a period, as of `today` (see `PlanProgress`)."""
        p = parse_period(period)
        metric = self._metric(metric)
        as_of = today or date.today()
        with self._uow() as uow:
            s = uow.session
            monthly = self._monthly_plan(s, p)
            actual = self._actual_total(s, p, metric)
            count, amount, weighted = s.execute(text(
                "SELECT COUNT(*), COALESCE(SUM(d.amount), 0),"
                " COALESCE(SUM(d.amount * COALESCE(d.probability, st.probability)), 0)"
                " FROM deals d JOIN stages st ON st.id = d.stage_id"
                " WHERE st.is_won = 0 AND st.is_lost = 0"
                " AND d.expected_close BETWEEN :a AND :b"),
                {"a": p.first, "b": p.last}).one()
        plan = sum(monthly.values(), ZERO)
        total_days = working_days_in(p.first, p.last)
        elapsed = working_days_in(p.first, min(as_of, p.last)) if as_of >= p.first else 0
        left_days = total_days - elapsed
        left = max(plan - actual, ZERO)
        rate = round_money(left / left_days) if left_days > 0 and as_of <= p.last else None
        if as_of > p.last:
            forecast: Decimal | None = actual
        elif elapsed > 0:
            forecast = round_money(actual * total_days / elapsed)
        else:
            forecast = None
        return PlanProgress(
            period=p, metric=metric, metric_label=metric_label(metric), as_of=as_of,
            plan=plan, plan_to_date=self._plan_to_date(p, monthly, as_of), actual=actual,
            percent=_pct(actual, plan), left=left, working_days_total=total_days,
            working_days_elapsed=elapsed, working_days_left=left_days if as_of <= p.last else 0,
            daily_rate_needed=rate, forecast=forecast,
            forecast_percent=_pct(forecast, plan) if forecast is not None else None,
            pipeline_count=int(count), pipeline_amount=_k(amount),
            pipeline_weighted=from_kopecks((int(weighted) + 50) // 100),
        )

    def cumulative(self, period: str | Period, *, today: date | None = None,
                   metric: str | None = None) -> CumulativeSeries:
        """Cumulative plan (each month's plan spread over its working days) and actual per day,
        with the run-rate forecast from today to the period's end."""
        p = parse_period(period)
        metric = self._metric(metric)
        as_of = today or date.today()
        with self._uow() as uow:
            s = uow.session
            monthly = self._monthly_plan(s, p)
            daily_cum = self._daily_cumulative(s, p, metric)
        days, plan_c, actual_c = [], [], []
        plan_running = ZERO
        actual_running = ZERO
        month_days: dict[str, tuple[int, Decimal]] = {}
        for m in p.months():
            mp = month_period(m.year, m.month)
            month_days[m.isoformat()[:7]] = (working_days_in(mp.first, mp.last),
                                             monthly.get(m.isoformat(), ZERO))
        d = p.first
        while d <= p.last:
            wd, amount = month_days[d.isoformat()[:7]]
            if wd and is_working_day(d):
                plan_running += amount / wd
            elif not wd and d.day == 1:
                plan_running += amount
            days.append(d)
            plan_c.append(round_money(plan_running))
            if d <= as_of:
                actual_running = daily_cum.get(d.isoformat(), actual_running)
                actual_c.append(actual_running)
            d += timedelta(days=1)
        forecast_days: list[date] = []
        forecast: list[Decimal] = []
        if p.first <= as_of < p.last:
            elapsed = working_days_in(p.first, as_of)
            if elapsed > 0:
                per_day = actual_running / elapsed
                running = actual_running
                d = as_of
                forecast_days.append(d)
                forecast.append(round_money(running))
                while d < p.last:
                    d += timedelta(days=1)
                    if is_working_day(d):
                        running += per_day
                    forecast_days.append(d)
                    forecast.append(round_money(running))
        return CumulativeSeries(p, metric_label(metric), as_of, days, plan_c, actual_c,
                                forecast_days, forecast)

    @staticmethod
    def _daily_cumulative(s: Any, p: Period, metric: str) -> dict[str, Decimal]:
        """Day → running total of the actual from the period's first day (window SUM)."""
        if metric == "won_deals":
            sql = ("SELECT d.closed_on, SUM(SUM(d.amount)) OVER (ORDER BY d.closed_on)"
                   f" FROM deals d WHERE {WON_DEALS} AND d.closed_on BETWEEN :a AND :b"
                   " GROUP BY d.closed_on")
        else:
            sql = ("SELECT p.paid_on, SUM(SUM(p.amount)) OVER (ORDER BY p.paid_on)"
                   " FROM payments p WHERE p.paid_on BETWEEN :a AND :b GROUP BY p.paid_on")
        return {str(k): _k(v) for k, v in s.execute(text(sql), {"a": p.first, "b": p.last})}

    def monthly(self, period: str | Period, *, months: int = 12,
                metric: str | None = None) -> list[MonthFigures]:
        """Plan and actual for the `months` months ending with the period's last month."""
        p = parse_period(period)
        metric = self._metric(metric)
        last = date(p.last.year, p.last.month, 1)
        first = add_months(last, -(months - 1))
        span = Period("range", first.year, 0, first, p.last)
        with self._uow() as uow:
            s = uow.session
            plan = self._monthly_plan(s, span)
            actual = self._actual_by_month(s, span, metric)
        out = []
        for i in range(months):
            m = add_months(first, i)
            out.append(MonthFigures(m, plan.get(m.isoformat(), ZERO),
                                    actual.get(m.isoformat()[:7], ZERO)))
        return out

    def breakdown(self, period: str | Period, dimension: str, *, today: date | None = None,
                  metric: str | None = None) -> Breakdown:
        """Plan vs actual by product group, region or segment, worst deviation first.

        Deviation compares the actual with the plan prorated to `today` (the whole plan
        once the period is over). Values with sales but no plan (and the reverse) are listed.
        """
        p = parse_period(period)
        metric = self._metric(metric)
        if dimension not in DIMENSIONS:
            raise ValidationError.single("dimension", translate(
                "Plan", "Неизвестная разбивка: {d}").format(d=dimension))
        as_of = today or date.today()
        where, _ = _dim_where(dimension)
        with self._uow() as uow:
            s = uow.session
            monthly = self._monthly_plan(s, p)
            part_rows = s.execute(text(
                f"SELECT period_start, {dimension}, amount FROM plan_targets"
                f" WHERE period_start BETWEEN :a AND :b AND {where}"),
                {"a": p.first, "b": p.last}).all()
            if dimension == "product_group":
                actual = self._actual_by_group(s, p, metric, "group", None)
            else:
                actual = self._actual_by(s, p, metric, "", dimension)
        factors = {m.isoformat(): prorate_factor(p, m, as_of) for m in p.months()}
        plan_by: dict[str, Decimal] = {}
        to_date_by: dict[str, Decimal] = {}
        months_with_parts: set[str] = set()
        for m, v, kop in part_rows:
            amount = _k(kop)
            done, days = factors[str(m)]
            plan_by[v] = plan_by.get(v, ZERO) + amount
            to_date_by[v] = to_date_by.get(v, ZERO) + (
                amount if days == 0 or done == days else amount * done / days)
            months_with_parts.add(str(m))
        parts_total = sum(plan_by.values(), ZERO)
        plan_total = sum(monthly.values(), ZERO)
        covered = sum((monthly.get(m, ZERO) for m in months_with_parts), ZERO)
        gap = covered - parts_total if months_with_parts else ZERO
        rows = []
        for v in sorted(set(plan_by) | {k for k, a in actual.items() if a != 0}):
            plan_v = plan_by.get(v, ZERO)
            to_date = round_money(to_date_by.get(v, ZERO))
            act = actual.get(v, ZERO)
            rows.append(BreakdownRow(v, v or empty_value_label(dimension), plan_v, to_date, act,
                                     act - to_date, _pct(act, plan_v)))
        rows.sort(key=lambda r: (r.deviation, r.label))
        warning = ""
        if gap != 0:
            warning = translate(
                "Plan", "Разбивка «{d}» не сходится с общим планом: сумма частей {parts}, "
                "общий план {total}, расхождение {gap}").format(
                d=dimension_label(dimension), parts=_fmt(parts_total), total=_fmt(covered),
                gap=_fmt(gap))
        return Breakdown(p, dimension, metric_label(metric), rows, plan_total, parts_total, gap,
                         warning)


def _fmt(value: Decimal) -> str:
    from app.money import format_money

    return format_money(value)


def _split(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `weights` to kopecks; the parts add up exactly
    (the rounding remainder goes to the last part)."""
    weight_sum = sum(weights, Decimal(0))
    kop = to_kopecks(total)
    parts = [int((Decimal(kop) * w / weight_sum).to_integral_value(rounding=ROUND_HALF_UP))
             for w in weights[:-1]]
    parts.append(kop - sum(parts))
    return [from_kopecks(x) for x in parts]
