"""Plan against actual: progress, forecast, cumulative series, monthly bars, breakdowns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.figures import effective_probability_sql, open_stage_sql
from app.domain.money import ZERO, from_kopecks, round_money
from app.i18n import translate
from app.models import Setting
from app.services.errors import ValidationError
from app.services.plan.common import (
    ACTUAL_TABLES,
    DIMENSIONS,
    METRIC_SETTING,
    METRICS,
    WON_DEALS,
    _dim_where,
    _fmt,
    _k,
    _pct,
    dimension_label,
    empty_value_label,
    metric_label,
    monthly_plan,
)
from app.services.plan.periods import Period, add_months, month_period, parse_period, prorate_factor
from app.services.uow import UowFactory
from app.services.workdays import is_working_day, working_days_in


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


class PlanFigures:
    """Actual sales from the trigger-kept monthly sums, compared with the plan."""

    _uow: UowFactory

    # --- the metric -----------------------------------------------------------
    def metric(self) -> str:
        """The current actual metric: "won_deals" (default) or "payments"."""
        import json

        with self._uow(read_only=True) as uow:
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
        with self._uow(read_only=True) as uow:
            return bool(uow.session.execute(text("SELECT EXISTS(SELECT 1 FROM payments)"))
                        .scalar())

    def _metric(self, metric: str | None) -> str:
        metric = metric or self.metric()
        if metric not in METRICS:
            raise ValidationError.single("metric", translate(
                "Plan", "Неизвестный показатель факта: {m}").format(m=metric))
        return metric

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

    def _actual_by(self, s: Session, p: Period, metric: str, group_by: str,
                   dimension: str | None = None, value: str | None = None) -> dict[str, Decimal]:
        """Actual grouped by a day expression (e.g. "substr(day, 1, 7)") or, with a dimension
        and no value, by that dimension's values; with a value, only that part."""
        params: dict[str, str] = {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}
        if dimension == "product_group":
            return self._actual_by_group(s, p, metric, group_by, value)
        if value is not None:
            params["dim_value"] = value
        sql = self._actual_sql(metric, group_by, dimension, value is not None)
        return {str(k): _k(v) for k, v in s.execute(text(sql), params)}

    def _actual_by_month(self, s: Session, p: Period, metric: str, dimension: str | None = None,
                         value: str | None = None) -> dict[str, Decimal]:
        if dimension is not None and value is None:
            raise ValueError("by month needs a dimension value")
        return self._actual_by(s, p, metric, "substr(day, 1, 7)", dimension, value)

    def _actual_by_group(self, s: Session, p: Period, metric: str, group_by: str,
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
        params: dict[str, str] = {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}
        sql = f"""
            SELECT {"month" if per_key else "g"} AS bucket, SUM(amount)
            FROM {ACTUAL_TABLES[metric][1]}
            WHERE month BETWEEN :ma AND :mb {"AND g = :g" if value is not None else ""}
            GROUP BY bucket"""
        if value is not None:
            params["g"] = value
        return {str(k): _k(v) for k, v in s.execute(text(sql), params)}

    def _actual_total(self, s: Session, p: Period, metric: str) -> Decimal:
        res = self._actual_by(s, p, metric, "'all'")
        return res.get("all", ZERO)

    def plan_total(self, period: str | Period) -> Decimal:
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return sum(monthly_plan(uow.session, p).values(), ZERO)

    def actual_total(self, period: str | Period, metric: str | None = None) -> Decimal:
        p = parse_period(period)
        metric = self._metric(metric)
        with self._uow(read_only=True) as uow:
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
        with self._uow(read_only=True) as uow:
            s = uow.session
            monthly = monthly_plan(s, p)
            actual = self._actual_total(s, p, metric)
            count, amount, weighted = s.execute(text(
                "SELECT COUNT(*), COALESCE(SUM(d.amount), 0),"
                f" COALESCE(SUM(d.amount * {effective_probability_sql('d', 'st')}), 0)"
                " FROM deals d JOIN stages st ON st.id = d.stage_id"
                f" WHERE {open_stage_sql('st')}"
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
        with self._uow(read_only=True) as uow:
            s = uow.session
            monthly = monthly_plan(s, p)
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
    def _daily_cumulative(s: Session, p: Period, metric: str) -> dict[str, Decimal]:
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
        with self._uow(read_only=True) as uow:
            s = uow.session
            plan = monthly_plan(s, span)
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
        with self._uow(read_only=True) as uow:
            s = uow.session
            monthly = monthly_plan(s, p)
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
