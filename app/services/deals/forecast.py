"""The forecast: this and next month's expected sales against the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, Integer, and_, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from app.domain.figures import percent
from app.domain.money import round_money
from app.models import Deal, PlanTarget, Stage, effective_probability
from app.services.uow import UowFactory


@dataclass(frozen=True)
class MonthForecast:
    month: date  # first day
    deals: int
    amount: Decimal
    weighted: Decimal
    won: Decimal
    plan: Decimal | None
    overdue_deals: int = 0

    @property
    def expected(self) -> Decimal:
        return self.won + self.weighted

    @property
    def plan_share(self) -> Decimal | None:
        return percent(self.expected, self.plan, places=0)


@dataclass(frozen=True)
class Forecast:
    this_month: MonthForecast
    next_month: MonthForecast
    pipeline_weighted: Decimal
    pipeline_amount: Decimal


def month_start(day: date, add: int = 0) -> date:
    y, m = divmod(day.month - 1 + add, 12)
    return date(day.year + y, m + 1, 1)


class Forecasting:
    """Weighted open deals by expected close month, won deals, the month's plan."""

    _uow: UowFactory

    def forecast(self, today: date | None = None) -> Forecast:
        """This and next month's figures and the whole open pipeline.

        Reads only the open deals and the won deals of the two months, through indexes on
        (stage_id, …): the stage ids come first, so no plan ranges over every deal's
        expected close date (all of history) before it finds the open ones.
        """
        today = today or date.today()
        this = month_start(today)
        nxt = month_start(today, 1)
        after = month_start(today, 2)
        with self._uow(read_only=True) as uow:
            s = uow.session
            stages = s.execute(select(Stage.id, Stage.is_won, Stage.is_lost)).all()
            open_ids = [sid for sid, won, lost in stages if not (won or lost)]
            won_ids = [sid for sid, won, _lost in stages if won]
            kop = type_coerce(Deal.amount, Integer)
            weighted = kop * effective_probability()
            close = Deal.expected_close
            in_m1 = close < nxt
            in_m2 = and_(close >= nxt, close < after)

            def when(cond: ColumnElement[bool], value: ColumnElement[int]
                     ) -> ColumnElement[int]:
                return func.coalesce(func.sum(case((cond, value), else_=0)), 0)

            one = literal(1)
            pipeline = s.execute(
                select(when(in_m1, one), when(in_m1, kop), when(in_m1, weighted),
                       when(close < today, one),
                       when(in_m2, one), when(in_m2, kop), when(in_m2, weighted),
                       func.count(Deal.id), func.coalesce(func.sum(kop), 0),
                       func.coalesce(func.sum(weighted), 0))
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.stage_id.in_(open_ids))).one()
            won1, won2 = s.execute(
                select(when(Deal.closed_on < nxt, kop), when(Deal.closed_on >= nxt, kop))
                .where(Deal.stage_id.in_(won_ids), Deal.closed_on >= this,
                       Deal.closed_on < after)).one()
            plan1 = self._plan_for(s, this)
            plan2 = self._plan_for(s, nxt)

        def month(start: date, row: tuple[int, int, int], won: int | None,
                  plan: Decimal | None, overdue_n: int = 0) -> MonthForecast:
            return MonthForecast(
                month=start, deals=int(row[0]), amount=Decimal(int(row[1])) / 100,
                weighted=round_money(Decimal(int(row[2])) / 10000),
                won=Decimal(int(won or 0)) / 100, plan=plan, overdue_deals=overdue_n)

        m1 = (pipeline[0], pipeline[1], pipeline[2])
        m2 = (pipeline[4], pipeline[5], pipeline[6])
        return Forecast(
            this_month=month(this, m1, won1, plan1, int(pipeline[3])),
            next_month=month(nxt, m2, won2, plan2),
            pipeline_weighted=round_money(Decimal(int(pipeline[9])) / 10000),
            pipeline_amount=Decimal(int(pipeline[8])) / 100,
        )

    @staticmethod
    def _plan_for(s: Session, month: date) -> Decimal | None:
        """The month's plan: the overall target, or the sum of its product-group targets."""
        overall = s.scalar(select(PlanTarget.amount).where(
            PlanTarget.period_start == month, PlanTarget.product_group == "",
            PlanTarget.region == "", PlanTarget.segment == ""))
        if overall is not None:
            return overall
        kop = s.scalar(select(func.sum(type_coerce(PlanTarget.amount, Integer))).where(
            PlanTarget.period_start == month, PlanTarget.product_group != "",
            PlanTarget.region == "", PlanTarget.segment == ""))
        return None if kop is None else Decimal(int(kop)) / 100

