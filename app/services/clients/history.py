"""A client's history: the timeline, notes, open deals, activities, purchases in figures."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.dates import short_date
from app.domain.money import ZERO, format_money
from app.i18n import translate
from app.models import (
    ACTIVITY_KINDS,
    Activity,
    Client,
    Complaint,
    Contact,
    Deal,
    Offer,
    Order,
    Payment,
    SatisfactionScore,
    Shipment,
    Stage,
    StageChange,
    effective_probability,
)
from app.services.activities.codes import next_step_text, result_label
from app.services.clients.labels import complaint_category_label
from app.services.clients.search import day_start_utc
from app.services.errors import NotFoundError, ValidationError
from app.services.orders.codes import order_status_label, shipment_status_label
from app.services.uow import UowFactory

TIMELINE_GROUPS = ("activity", "deal", "offer", "order", "payment", "complaint", "score")
# the kinds of entry other than an activity's ("activity:<kind>"), see TimelineEntry
TIMELINE_KINDS = ("deal", "stage", "deal_closed", "offer", "order", "shipment", "payment",
                  "complaint", "score")
NOTE_SUBJECT_LENGTH = 120  # a note's first line names it in the lists


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a client's history.

    `kind`: "activity:<kind>" (call, meeting, …, note), "deal" (opened), "stage" (moved to
    another stage), "deal_closed", "offer", "order", "shipment", "payment", "complaint",
    "score"; `group` files them for the filter (every activity; every deal event; an
    order's shipments with the orders). An activity's
    entry carries its result code, result text and next step (`next_step`: the next
    activity, the reason there is none, or the old free text).
    """

    when: datetime
    kind: str
    title: str
    detail: str = ""
    ident: int | None = None  # the activity's, deal's, offer's, order's … id
    deal_id: int | None = None
    done: bool = True  # False: a planned activity
    result: str = ""
    outcome: str = ""
    next_step: str = ""

    @property
    def group(self) -> str:
        """The filter's group: "activity" for every activity, "deal" for every deal event."""
        if self.kind.startswith("activity:"):
            return "activity"
        if self.kind in ("stage", "deal_closed"):
            return "deal"
        if self.kind == "shipment":
            return "order"
        return self.kind


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
    outcome: str  # the result's label and text
    next_step: str
    contact: str


def _outcome(result: str, text: str) -> str:
    """`Дозвонился: договорились о встрече` — the result's label and its text."""
    label = result_label(result) if result else ""
    if label and text:
        return translate("Clients", "{result}: {text}").format(result=label, text=text)
    return label or text


class ClientHistory:
    """What has happened with a client and what is planned."""

    _uow: UowFactory

    # --- timeline, notes and purchases ------------------------------------------------------
    def timeline(self, client_id: int, limit: int = 500, *,
                 kinds: Collection[str] = ()) -> list[TimelineEntry]:
        """Everything that happened with the client, newest first (at most `limit`).

        `kinds` filters: an entry is kept when its kind or its group ("activity", "deal",
        "offer", "order", "payment", "complaint", "score") is listed; empty keeps all.
        """
        entries: list[TimelineEntry] = []
        wanted = set(kinds)

        def want(*names: str) -> bool:
            return not wanted or bool(wanted & set(names))

        def at(day: date | None) -> datetime:
            return day_start_utc(day or date(1970, 1, 1))

        with self._uow(read_only=True) as uow:
            s = uow.session
            if want("activity", *(f"activity:{k}" for k in ACTIVITY_KINDS)):
                entries += self._activity_entries(s, client_id, limit, wanted)
            if want("deal"):
                for d in s.execute(select(Deal.id, Deal.title, Deal.amount, Deal.created_at,
                                          Deal.closed_on, Stage.name, Stage.is_won,
                                          Stage.is_lost)
                                   .join(Stage, Stage.id == Deal.stage_id)
                                   .where(Deal.client_id == client_id)):
                    entries.append(TimelineEntry(d.created_at, "deal", translate(
                        "Clients", "Сделка «{t}» на {sum}").format(t=d.title,
                                                                sum=format_money(d.amount)),
                        translate("Clients", "этап: {stage}").format(stage=d.name),
                        ident=d.id, deal_id=d.id))
                    if d.closed_on and (d.is_won or d.is_lost):
                        entries.append(TimelineEntry(at(d.closed_on), "deal_closed", translate(
                            "Clients", "Сделка «{t}» закрыта: {stage}").format(
                            t=d.title, stage=d.name), "", ident=d.id, deal_id=d.id))
            if want("deal", "stage"):
                entries += self._stage_entries(s, client_id)
            if want("offer"):
                for o in s.execute(select(Offer.id, Offer.number, Offer.issued_on, Offer.total,
                                          Deal.title, Deal.id.label("deal_id"))
                                   .join(Deal, Deal.id == Offer.deal_id)
                                   .where(Deal.client_id == client_id)):
                    entries.append(TimelineEntry(at(o.issued_on), "offer", translate(
                        "Clients", "Коммерческое предложение {n} на {sum}").format(
                        n=o.number, sum=format_money(o.total)), o.title, ident=o.id,
                        deal_id=o.deal_id))
            if want("order"):
                for r in s.execute(select(Order.id, Order.number, Order.ordered_on,
                                          Order.amount, Order.status, Order.deal_id)
                                   .where(Order.client_id == client_id)):
                    entries.append(TimelineEntry(at(r.ordered_on), "order", translate(
                        "Clients", "Заказ {n} на {sum}").format(
                        n=r.number, sum=format_money(r.amount)),
                        order_status_label(r.status), ident=r.id, deal_id=r.deal_id))
            if want("order", "shipment"):
                entries += self._shipment_entries(s, client_id)
            if want("payment"):
                for p in s.execute(select(Payment.id, Payment.paid_on, Payment.amount,
                                          Payment.reference, Order.number, Order.deal_id)
                                   .outerjoin(Order, Order.id == Payment.order_id)
                                   .where(Payment.client_id == client_id)):
                    title = (translate("Clients", "Оплата {sum} по заказу {n}")
                             if p.number is not None else
                             translate("Clients", "Оплата {sum} без заказа (аванс)"))
                    entries.append(TimelineEntry(at(p.paid_on), "payment", title.format(
                        sum=format_money(p.amount), n=p.number), p.reference, ident=p.id,
                        deal_id=p.deal_id))
            if want("complaint"):
                for c in s.execute(select(Complaint.id, Complaint.opened_on, Complaint.category,
                                          Complaint.description, Complaint.status)
                                   .where(Complaint.client_id == client_id)):
                    entries.append(TimelineEntry(at(c.opened_on), "complaint", translate(
                        "Clients", "Рекламация: {category}").format(
                        category=complaint_category_label(c.category)), c.description,
                        ident=c.id))
            if want("score"):
                for sc in s.execute(select(SatisfactionScore.id, SatisfactionScore.scored_on,
                                           SatisfactionScore.score, SatisfactionScore.comment)
                                    .where(SatisfactionScore.client_id == client_id)):
                    entries.append(TimelineEntry(at(sc.scored_on), "score", translate(
                        "Clients", "Оценка удовлетворённости: {n} из 10").format(n=sc.score),
                        sc.comment, ident=sc.id))
        if wanted:
            entries = [e for e in entries if e.kind in wanted or e.group in wanted]
        entries.sort(key=lambda e: (e.when, e.ident or 0), reverse=True)
        return entries[:limit]

    @staticmethod
    def _shipment_entries(s: Session, client_id: int) -> list[TimelineEntry]:
        """The client's shipments: on the day they left (else the day planned), with their
        status, documents and carrier."""
        entries = []
        for sh in s.execute(select(Shipment.id, Shipment.status, Shipment.planned_on,
                                   Shipment.shipped_on, Shipment.delivered_on,
                                   Shipment.upd_number, Shipment.waybill_number,
                                   Shipment.carrier, Order.number, Order.deal_id)
                            .join(Order, Order.id == Shipment.order_id)
                            .where(Order.client_id == client_id)):
            details = [shipment_status_label(sh.status)]
            if sh.delivered_on is not None:
                details.append(translate("Clients", "доставлена {d}").format(
                    d=short_date(sh.delivered_on)))
            if sh.upd_number:
                details.append(translate("Clients", "УПД № {n}").format(n=sh.upd_number))
            if sh.waybill_number:
                details.append(translate("Clients", "ТН № {n}").format(n=sh.waybill_number))
            if sh.carrier:
                details.append(sh.carrier)
            entries.append(TimelineEntry(
                day_start_utc(sh.shipped_on or sh.planned_on), "shipment",
                translate("Clients", "Отгрузка по заказу {n}").format(n=sh.number),
                ", ".join(details), ident=sh.id, deal_id=sh.deal_id))
        return entries

    @staticmethod
    def _activity_entries(s: Session, client_id: int, limit: int,
                          wanted: set[str]) -> list[TimelineEntry]:
        """The client's activities, newest first: done ones with result and next step,
        planned ones with their time."""
        nxt = aliased(Activity)
        when = func.coalesce(Activity.done_at, Activity.due_at, Activity.created_at)
        q = (select(Activity.id, Activity.kind, Activity.subject, Activity.due_at,
                    Activity.done, Activity.done_at, Activity.created_at, Activity.result,
                    Activity.outcome, Activity.notes, Activity.no_next_reason,
                    Activity.next_step, Activity.deal_id, nxt.subject.label("next_subject"),
                    nxt.due_at.label("next_due"))
             .outerjoin(nxt, nxt.id == Activity.next_activity_id)
             .where(Activity.client_id == client_id)
             .order_by(when.desc(), Activity.id.desc()).limit(limit))
        kinds = {k.removeprefix("activity:") for k in wanted if k.startswith("activity:")}
        if kinds and "activity" not in wanted:
            q = q.where(Activity.kind.in_(kinds))
        entries = []
        for a in s.execute(q):
            if a.done:
                next_step = next_step_text(a.next_subject, a.next_due, a.no_next_reason,
                                           a.next_step)
                outcome = _outcome(a.result, a.outcome)
                if a.kind == "note":
                    detail = a.notes
                else:
                    detail = " · ".join(p for p in (outcome, next_step) if p)
            else:
                next_step = ""
                detail = translate("Clients", "запланировано")
            entries.append(TimelineEntry(
                a.done_at or a.due_at or a.created_at, "activity:" + a.kind, a.subject, detail,
                ident=a.id, deal_id=a.deal_id, done=a.done, result=a.result, outcome=a.outcome,
                next_step=next_step))
        return entries

    @staticmethod
    def _stage_entries(s: Session, client_id: int) -> list[TimelineEntry]:
        """Each move of the client's deals from one stage to another (not the first entry)."""
        src, dst = aliased(Stage), aliased(Stage)
        rows = s.execute(
            select(StageChange.id, StageChange.changed_at, StageChange.deal_id, Deal.title,
                   src.name.label("from_name"), dst.name.label("to_name"))
            .join(Deal, Deal.id == StageChange.deal_id)
            .join(src, src.id == StageChange.from_stage_id)
            .join(dst, dst.id == StageChange.to_stage_id)
            .where(Deal.client_id == client_id))
        return [TimelineEntry(r.changed_at, "stage", translate(
            "Clients", "Сделка «{t}»: {a} → {b}").format(t=r.title, a=r.from_name, b=r.to_name),
            "", ident=r.id, deal_id=r.deal_id) for r in rows]

    def add_note(self, client_id: int, text: str, *, now: datetime | None = None) -> int:
        """A note in the client's history: a done activity of kind "note", named by its
        first line."""
        text = text.strip()
        if not text:
            raise ValidationError.single("text", translate("Clients", "Напишите заметку"))
        now = now or datetime.now(UTC)
        with self._uow() as uow:
            if uow.session.get(Client, client_id) is None:
                raise NotFoundError(translate("Clients", "Клиент не найден"))
            note = Activity(kind="note", subject=text.splitlines()[0][:NOTE_SUBJECT_LENGTH],
                            notes=text, client_id=client_id, done=True, done_at=now,
                            result="done", created_at=now)
            uow.session.add(note)
            uow.flush()
            new_id = note.id
            uow.commit()
            return new_id

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
        nxt = aliased(Activity)
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Activity.due_at, Activity.done_at, Activity.created_at, Activity.kind,
                       Activity.subject, Activity.done, Activity.result, Activity.outcome,
                       Activity.next_step, Activity.no_next_reason,
                       func.coalesce(Contact.name, ""), nxt.subject, nxt.due_at)
                .outerjoin(Contact, Contact.id == Activity.contact_id)
                .outerjoin(nxt, nxt.id == Activity.next_activity_id)
                .where(Activity.client_id == client_id, Activity.done.is_(done))
                .order_by(when.desc() if done else when.asc())
                .limit(limit)).all()
        return [ActivityLine(r[1] or r[0] or r[2], r[3], r[4], bool(r[5]), _outcome(r[6], r[7]),
                             next_step_text(r[11], r[12], r[9], r[8]), r[10])
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
