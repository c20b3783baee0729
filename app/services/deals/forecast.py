"""The forecast: this and next month's expected sales against the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Integer, func, select, type_coerce
from sqlalchemy.orm import Session

from app.domain.figures import percent
from app.domain.money import round_money
from app.models import Deal, PlanTarget, Stage, effective_probability, stage_is_open
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
        today = today or date.today()
        this = month_start(today)
        nxt = month_start(today, 1)
        after = month_start(today, 2)
        with self._uow(read_only=True) as uow:
            s = uow.session
            prob = effective_probability()
            kop = type_coerce(Deal.amount, Integer)
            open_ = stage_is_open()
            base = select(func.count(Deal.id), func.coalesce(func.sum(kop), 0),
                          func.coalesce(func.sum(kop * prob), 0)).join(
                Stage, Stage.id == Deal.stage_id).where(open_)
            m1 = s.execute(base.where(Deal.expected_close < nxt)).one()
            overdue = s.scalar(select(func.count(Deal.id)).join(Stage, Stage.id == Deal.stage_id)
                               .where(open_, Deal.expected_close < today))
            m2 = s.execute(base.where(Deal.expected_close >= nxt,
                                      Deal.expected_close < after)).one()
            total = s.execute(base).one()
            won_q = (select(func.coalesce(func.sum(kop), 0)).join(Stage, Stage.id == Deal.stage_id)
                     .where(Stage.is_won.is_(True)))
            won1 = s.scalar(won_q.where(Deal.closed_on >= this, Deal.closed_on < nxt))
            won2 = s.scalar(won_q.where(Deal.closed_on >= nxt, Deal.closed_on < after))
            plan1 = self._plan_for(s, this)
            plan2 = self._plan_for(s, nxt)

        def month(start: date, row: tuple[int, int, int], won: int | None,
                  plan: Decimal | None, overdue_n: int = 0) -> MonthForecast:
            return MonthForecast(
                month=start, deals=int(row[0]), amount=Decimal(int(row[1])) / 100,
                weighted=round_money(Decimal(int(row[2])) / 10000),
                won=Decimal(int(won or 0)) / 100, plan=plan, overdue_deals=overdue_n)

        return Forecast(
            this_month=month(this, m1, won1, plan1, int(overdue or 0)),
            next_month=month(nxt, m2, won2, plan2),
            pipeline_weighted=round_money(Decimal(int(total[2])) / 10000),
            pipeline_amount=Decimal(int(total[1])) / 100,
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

