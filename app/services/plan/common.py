"""What the plan's figures mean, kept by every module of the area (the plan report prints
the same figures):

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

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.figures import lost_deal_sql, won_deal_sql
from app.domain.money import from_kopecks, round_money
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.plan.periods import Period

METRICS = ("won_deals", "payments")
DIMENSIONS = ("product_group", "region", "segment")
SPREADS = ("even", "seasonal")
METRIC_SETTING = "plan_actual_metric"

# Won / lost deals, written so SQLite reads them from the covering index
# ix_deals_stage_closed_cover (stage_id, closed_on, …) instead of the wide deals table.
WON_DEALS = won_deal_sql("d")
LOST_DEALS = lost_deal_sql("d")

# The actual's trigger-kept monthly sums (migration 0004) per metric: by month, region and
# segment; by month and product group.
ACTUAL_TABLES = {"won_deals": ("agg_region_month", "agg_group_month"),
                 "payments": ("agg_pay_month", "agg_pay_group_month")}


def _pct(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"),
                                                           rounding=ROUND_HALF_UP)


def _bounds(p: Period) -> dict[str, str]:
    """Date and timestamp bounds: timestamps are stored as naive UTC text, so the period's
    instants are compared as [first 00:00, day after last 00:00) in UTC."""
    return {"a": p.first.isoformat(), "b": p.last.isoformat(),
            "ta": p.first.isoformat(), "tb": (p.last + timedelta(days=1)).isoformat()}


def _months(p: Period) -> dict[str, str]:
    """The period's first and last month as 'YYYY-MM' (the rollups' month keys)."""
    return {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}


def _k(value: int | None) -> Decimal:
    """A SQL integer-kopeck sum (possibly NULL) → Decimal rubles."""
    return from_kopecks(int(value or 0))


def _dim_where(dimension: str | None, value: str | None = None) -> tuple[str, dict[str, str]]:
    """SQL predicate on plan_targets selecting one breakdown (or the totals)."""
    if dimension is None:
        return "product_group = '' AND region = '' AND segment = ''", {}
    if dimension not in DIMENSIONS:
        raise ValidationError.single("dimension", translate(
            "Plan", "Неизвестная разбивка: {d}").format(d=dimension))
    others = [d for d in DIMENSIONS if d != dimension]
    where = f"{others[0]} = '' AND {others[1]} = '' AND {dimension} <> ''"
    params: dict[str, str] = {}
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


def monthly_plan(s: Session, p: Period) -> dict[str, Decimal]:
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


def _fmt(value: Decimal) -> str:
    from app.domain.money import format_money

    return format_money(value)


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
