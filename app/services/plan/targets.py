"""Plan targets: the month grid by breakdown, edits, copy from last year, scale, spread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.money import ZERO, from_kopecks, round_money, to_kopecks
from app.i18n import translate
from app.models import PlanTarget
from app.services.errors import ValidationError
from app.services.plan.common import (
    DIMENSIONS,
    SPREADS,
    _check_amount,
    _dim_where,
    _k,
    monthly_plan,
)
from app.services.plan.periods import Period, add_months, parse_period
from app.services.plan.progress import MonthFigures, PlanFigures
from app.services.uow import UowFactory


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


class PlanTargets(PlanFigures):
    """Setting the plan; every change of a period is one transaction."""

    _uow: UowFactory

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
        with self._uow(read_only=True) as uow:
            s = uow.session
            params = {"a": p.first, "b": p.last}
            totals: dict[str, int] = dict(s.execute(text(
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
            effective = monthly_plan(s, p)
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
    def _known_values(s: Session, dimension: str) -> list[str]:
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
        with self._uow(read_only=True) as uow:
            return sorted(self._known_values(uow.session, dimension))

    def copy_from_last_year(self, period: str | Period, percent: Decimal | int | str = 0) -> int:
        """Copy every target of the same months a year earlier, +percent %, overwriting.

        Returns the number of targets written.
        """
        p = parse_period(period)
        factor = self._factor(percent)
        prev = p.shifted_years(-1)
        with self._uow(read_only=True) as uow:
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
            with self._uow(read_only=True) as uow:
                by_month = self._actual_by_month(uow.session, prev, self._metric(metric),
                                                 dimension, value or None)
            last_year = [by_month.get(add_months(m, -12).isoformat()[:7], ZERO) for m in months]
            if sum(last_year) > 0:
                weights = last_year
        parts = _split(total, weights)
        self.set_targets([TargetChange(m, a, dimension, value) for m, a in zip(months, parts,
                                                                                strict=True)])
        return [MonthFigures(m, a, ly) for m, a, ly in zip(months, parts, last_year, strict=True)]


def _split(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `weights` to kopecks; the parts add up exactly
    (the rounding remainder goes to the last part)."""
    weight_sum = sum(weights, Decimal(0))
    kop = to_kopecks(total)
    parts = [int((Decimal(kop) * w / weight_sum).to_integral_value(rounding=ROUND_HALF_UP))
             for w in weights[:-1]]
    parts.append(kop - sum(parts))
    return [from_kopecks(x) for x in parts]
