"""The Today tab's figures: the day's overview of the base, the pipeline and the agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, select

from app.models import Activity, Client, Deal, Stage
from app.money import ZERO
from app.services.uow import UowFactory


@dataclass(frozen=True)
class AgendaItem:
    activity_id: int
    kind: str
    subject: str
    client_name: str
    due_at: datetime
    overdue: bool


@dataclass(frozen=True)
class Overview:
    clients: int
    leads: int
    open_deals: int
    open_deals_amount: Decimal
    won_this_month: int
    won_this_month_amount: Decimal
    activities_today: int
    activities_overdue: int
    agenda: list[AgendaItem]


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = datetime.now().astimezone().tzinfo
    start = datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)
    return start, start + timedelta(days=1)


class OverviewService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def overview(self, today: date | None = None, agenda_limit: int = 50) -> Overview:
        today = today or date.today()
        day_start, day_end = _local_day_bounds(today)
        month_start = today.replace(day=1)
        with self._uow() as uow:
            s = uow.session
            clients, leads = s.execute(
                select(
                    func.count(Client.id),
                    func.count(Client.id).filter(Client.status == "lead"),
                ).where(Client.archived.is_(False))
            ).one()
            open_q = (
                select(func.count(Deal.id), func.coalesce(func.sum(Deal.amount), ZERO))
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Stage.is_won.is_(False), Stage.is_lost.is_(False))
            )
            open_count, open_amount = s.execute(open_q).one()
            won_q = (
                select(func.count(Deal.id), func.coalesce(func.sum(Deal.amount), ZERO))
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Stage.is_won.is_(True), Deal.closed_on >= month_start,
                       Deal.closed_on <= today)
            )
            won_count, won_amount = s.execute(won_q).one()
            pending = Activity.done.is_(False)
            today_count = s.scalar(
                select(func.count(Activity.id)).where(
                    pending, Activity.due_at >= day_start, Activity.due_at < day_end
                )
            )
            overdue_count = s.scalar(
                select(func.count(Activity.id)).where(pending, Activity.due_at < day_start)
            )
            rows = s.execute(
                select(Activity.id, Activity.kind, Activity.subject,
                       func.coalesce(Client.name, ""), Activity.due_at)
                .outerjoin(Client, Client.id == Activity.client_id)
                .where(and_(pending, Activity.due_at < day_end))
                .order_by(Activity.due_at)
                .limit(agenda_limit)
            ).all()
        agenda = [
            AgendaItem(r[0], r[1], r[2], r[3], r[4], r[4] < day_start) for r in rows
        ]
        return Overview(
            clients=clients,
            leads=leads,
            open_deals=open_count,
            open_deals_amount=Decimal(open_amount),
            won_this_month=won_count,
            won_this_month_amount=Decimal(won_amount),
            activities_today=today_count or 0,
            activities_overdue=overdue_count or 0,
            agenda=agenda,
        )
