"""A client's history: the timeline, open deals, activities, purchases in figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.money import ZERO, format_money
from app.i18n import translate
from app.models import (
    Activity,
    Complaint,
    Contact,
    Deal,
    Offer,
    Order,
    SatisfactionScore,
    Stage,
    effective_probability,
)
from app.services.clients.labels import complaint_category_label, order_status_label
from app.services.clients.search import day_start_utc
from app.services.uow import UowFactory


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    kind: str  # activity | deal | offer | order | complaint | score
    title: str
    detail: str = ""


@dataclass(frozen=True)
class PurchaseSummary:
    total: Decimal
    orders: int
    average: Decimal
    average_days_between: float | None
    last_purchase: date | None
    first_purchase: date | None


@dataclass(frozen=True)
class OpenDeal:
    id: int
    title: str
    stage: str
    amount: Decimal
    expected_close: date | None
    probability: int


@dataclass(frozen=True)
class ActivityLine:
    when: datetime | None
    kind: str
    subject: str
    done: bool
    outcome: str
    next_step: str
    contact: str


class ClientHistory:
    """What has happened with a client and what is planned."""

    _uow: UowFactory

    # --- timeline and purchases -------------------------------------------------------------
    def timeline(self, client_id: int, limit: int = 500) -> list[TimelineEntry]:
        """Everything that happened with the client, newest first."""
        entries: list[TimelineEntry] = []

        def at(day: date | None) -> datetime:
            return day_start_utc(day or date(1970, 1, 1))

        with self._uow(read_only=True) as uow:
            s = uow.session
            for a in s.execute(select(
                    Activity.kind, Activity.subject, Activity.due_at, Activity.done,
                    Activity.done_at, Activity.created_at, Activity.outcome)
                    .where(Activity.client_id == client_id)):
                when = a.done_at or a.due_at or a.created_at
                detail = a.outcome if a.done else translate("Clients", "запланировано")
                entries.append(TimelineEntry(when, "activity:" + a.kind, a.subject, detail))
            for d in s.execute(select(Deal.title, Deal.amount, Deal.created_at, Deal.closed_on,
                                      Stage.name, Stage.is_won, Stage.is_lost)
                               .join(Stage, Stage.id == Deal.stage_id)
                               .where(Deal.client_id == client_id)):
                entries.append(TimelineEntry(d.created_at, "deal", translate(
                    "Clients", "Сделка «{t}» на {sum}").format(t=d.title,
                                                            sum=format_money(d.amount)),
                    translate("Clients", "этап: {stage}").format(stage=d.name)))
                if d.closed_on and (d.is_won or d.is_lost):
                    entries.append(TimelineEntry(at(d.closed_on), "deal_closed", translate(
                        "Clients", "Сделка «{t}» закрыта: {stage}").format(
                        t=d.title, stage=d.name), ""))
            for o in s.execute(select(Offer.number, Offer.issued_on, Offer.total, Deal.title)
                               .join(Deal, Deal.id == Offer.deal_id)
                               .where(Deal.client_id == client_id)):
                entries.append(TimelineEntry(at(o.issued_on), "offer", translate(
                    "Clients", "Коммерческое предложение {n} на {sum}").format(
                    n=o.number, sum=format_money(o.total)), o.title))
            for o in s.execute(select(Order.number, Order.ordered_on, Order.amount, Order.status)
                               .where(Order.client_id == client_id)):
                entries.append(TimelineEntry(at(o.ordered_on), "order", translate(
                    "Clients", "Заказ {n} на {sum}").format(n=o.number, sum=format_money(o.amount)),
                    order_status_label(o.status)))
            for c in s.execute(select(Complaint.opened_on, Complaint.category,
                                      Complaint.description, Complaint.status)
                               .where(Complaint.client_id == client_id)):
                entries.append(TimelineEntry(at(c.opened_on), "complaint", translate(
                    "Clients", "Рекламация: {category}").format(
                    category=complaint_category_label(c.category)), c.description))
            for sc in s.execute(select(SatisfactionScore.scored_on, SatisfactionScore.score,
                                       SatisfactionScore.comment)
                                .where(SatisfactionScore.client_id == client_id)):
                entries.append(TimelineEntry(at(sc.scored_on), "score", translate(
                    "Clients", "Оценка удовлетворённости: {n} из 10").format(n=sc.score),
                    sc.comment))
        entries.sort(key=lambda e: e.when, reverse=True)
        return entries[:limit]

    def open_deals(self, client_id: int) -> list[OpenDeal]:
        """The client's deals still in the pipeline (neither won nor lost), by stage order."""
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Deal.id, Deal.title, Stage.name, Deal.amount, Deal.expected_close,
                       effective_probability())
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.client_id == client_id, Stage.is_won.is_(False),
                       Stage.is_lost.is_(False))
                .order_by(Stage.position, Deal.expected_close, Deal.id)).all()
        return [OpenDeal(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0)) for r in rows]

    def activities_of(self, client_id: int, *, done: bool,
                      limit: int = 10) -> list[ActivityLine]:
        """Done activities newest first, or planned ones soonest first."""
        when = func.coalesce(Activity.done_at, Activity.due_at, Activity.created_at)
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Activity.due_at, Activity.done_at, Activity.created_at, Activity.kind,
                       Activity.subject, Activity.done, Activity.outcome, Activity.next_step,
                       func.coalesce(Contact.name, ""))
                .outerjoin(Contact, Contact.id == Activity.contact_id)
                .where(Activity.client_id == client_id, Activity.done.is_(done))
                .order_by(when.desc() if done else when.asc())
                .limit(limit)).all()
        return [ActivityLine(r[1] or r[0] or r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8])
                for r in rows]

    def purchase_summary(self, client_id: int) -> PurchaseSummary:
        with self._uow(read_only=True) as uow:
            total, count, first, last = uow.session.execute(
                select(func.coalesce(func.sum(Order.amount), ZERO), func.count(Order.id),
                       func.min(Order.ordered_on), func.max(Order.ordered_on))
                .where(Order.client_id == client_id, Order.status != "cancelled")
            ).one()
        total = Decimal(total)
        average = (total / count).quantize(Decimal("0.01")) if count else ZERO
        between = None
        if count > 1 and first and last:
            between = round((last - first).days / (count - 1), 1)
        return PurchaseSummary(total=total, orders=count, average=average,
                               average_days_between=between, last_purchase=last,
                               first_purchase=first)
