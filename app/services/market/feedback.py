"""The voice of the client: complaints (рекламации) with corrective tasks, NPS/CSAT scores,
churn reasons, and the losses-and-complaints report's figures (issue 16, duties 3 and 15).

Rules kept here (one place each):
- A complaint is overdue while it is open or in work and its due date lies before today
  (`overdue_complaint_sql`, `is_overdue`); a resolved or rejected one never is.
- `resolved_on` is the day the complaint was saved as resolved (kept while it stays
  resolved, cleared when it is reopened or rejected). A resolved or rejected complaint needs
  its resolution (what was done, or why it was rejected).
- The order, shipment or deal of a complaint or a score must be the client's own; a shipment
  named with an order must be of that order.
- Corrective tasks are activities with `complaint_id` (made through the activities service);
  adding the first one to a new complaint puts it «В работе».
- NPS: promoters score 9–10, passives 7–8, detractors 0–6; NPS = (promoters − detractors)
  × 100 / responses, rounded half-up to 0.1 (from the counts, not from rounded shares). Every
  NPS response of the period counts (a client answering twice counts twice); CSAT (1–5) is
  averaged apart. A segment is the client's `segment`.
- Churn is counted on the day the client became lost or churned (`clients.churned_on`,
  set by the card; migration 0018 gave clients marked before it the day their card was
  last changed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.dates import short_date
from app.domain.figures import percent, too_precise
from app.domain.money import from_kopecks
from app.i18n import translate
from app.models import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_STATUSES,
    SCORE_KINDS,
    Activity,
    Client,
    Complaint,
    Deal,
    Order,
    SatisfactionScore,
    Shipment,
)
from app.models.clients import CHURN_REASONS
from app.services.clients.churn import CHURN_STATUSES, churn_reason_label
from app.services.errors import NotFoundError, ValidationError
from app.services.plan.funnel import Losses, read_funnel, read_losses
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from app.services.activities import ActivitiesService

CLOSED_STATUSES = ("resolved", "rejected")
ACTIVE_STATUSES = ("open", "in_progress")
SCORE_RANGES = {"nps": (0, 10), "csat": (1, 5)}
PROMOTER_MIN = 9  # NPS 9–10
PASSIVE_MIN = 7  # NPS 7–8; 0–6 are detractors
NPS_GROUPS = ("promoter", "passive", "detractor")


# --- labels -----------------------------------------------------------------------------

def complaint_category_label(code: str) -> str:
    """«Качество» for "quality": a complaint's category as the lists and the report show it."""
    return {
        "quality": translate("Feedback", "Качество"),
        "service": translate("Feedback", "Сервис"),
        "price": translate("Feedback", "Цена"),
        "delivery": translate("Feedback", "Доставка"),
        "documents": translate("Feedback", "Документы"),
        "other": translate("Feedback", "Другое"),
    }.get(code, code)


def complaint_status_label(code: str) -> str:
    return {
        "open": translate("Feedback", "Новая"),
        "in_progress": translate("Feedback", "В работе"),
        "resolved": translate("Feedback", "Решена"),
        "rejected": translate("Feedback", "Отклонена"),
    }.get(code, code)


def score_kind_label(kind: str) -> str:
    return {"nps": translate("Feedback", "NPS (0–10)"),
            "csat": translate("Feedback", "CSAT (1–5)")}.get(kind, kind)


def nps_group_label(group: str) -> str:
    return {"promoter": translate("Feedback", "Промоутеры"),
            "passive": translate("Feedback", "Нейтральные"),
            "detractor": translate("Feedback", "Критики")}.get(group, group)


def churn_label(code: str) -> str:
    """A churn reason as the breakdowns show it: the client card's label (Helper B's
    `clients.churn.churn_reason_label`), capitalised; «Причина не указана» for ''."""
    if not code:
        return translate("Feedback", "Причина не указана")
    label = churn_reason_label(code)
    return label[:1].upper() + label[1:]


# --- rules ------------------------------------------------------------------------------

def overdue_complaint_sql(alias: str = "c") -> str:
    """SQL for «the complaint is overdue on :today» (see the module's rules)."""
    return (f"{alias}.status IN ('open', 'in_progress') AND {alias}.due_on IS NOT NULL"
            f" AND {alias}.due_on < :today")


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """The Python twin of `overdue_complaint_sql`."""
    return status in ACTIVE_STATUSES and due_on is not None and due_on < today


def nps_group(score: int) -> str:
    """"promoter" (9–10), "passive" (7–8) or "detractor" (0–6)."""
    if score >= PROMOTER_MIN:
        return "promoter"
    if score >= PASSIVE_MIN:
        return "passive"
    return "detractor"


def nps_value(promoters: int, detractors: int, responses: int) -> Decimal | None:
    """NPS from the counts, half-up to 0.1; None without responses."""
    return percent(promoters - detractors, responses)


def nps_text(value: Decimal | None) -> str:
    """«+25,0», «−12,5», «0,0»; «—» without responses (the page and the report)."""
    if value is None:
        return "—"
    text = f"{abs(value)}".replace(".", ",")
    return ("+" if value > 0 else "−" if value < 0 else "") + text


def _today() -> date:
    return date.today()


# --- DTOs -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ComplaintDraft:
    """What the complaint editor sends. `resolution_cost` is rubles (≤ 2 decimals, ≥ 0)."""

    client_id: int | None
    category: str
    description: str
    opened_on: date
    status: str = "open"
    deal_id: int | None = None
    order_id: int | None = None
    shipment_id: int | None = None
    responsible: str = ""
    due_on: date | None = None
    resolution: str = ""
    resolution_cost: Decimal | None = None


@dataclass(frozen=True)
class ComplaintFilter:
    """`status`: a code of COMPLAINT_STATUSES, "active" (new or in work) or "" (all)."""

    status: str = ""
    overdue: bool = False
    client_id: int | None = None


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    client_id: int
    client_name: str
    opened_on: date
    category: str
    description: str
    status: str
    responsible: str
    due_on: date | None
    resolved_on: date | None
    resolution_cost: Decimal | None
    subject: str  # the order, shipment or deal it is about ('' = none)
    tasks_open: int
    tasks_done: int
    overdue: bool

    @property
    def category_label(self) -> str:
        return complaint_category_label(self.category)

    @property
    def status_label(self) -> str:
        return complaint_status_label(self.status)


@dataclass(frozen=True)
class CorrectiveTask:
    """A corrective task of a complaint: an activity tracked to done."""

    id: int
    kind: str
    subject: str
    due_at: datetime | None
    done: bool
    done_at: datetime | None
    result: str
    outcome: str


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    client_id: int
    client_name: str
    category: str
    description: str
    opened_on: date
    status: str
    deal_id: int | None
    order_id: int | None
    shipment_id: int | None
    responsible: str
    due_on: date | None
    resolution: str
    resolution_cost: Decimal | None
    resolved_on: date | None
    tasks: tuple[CorrectiveTask, ...]
    overdue: bool

    def draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            client_id=self.client_id, category=self.category, description=self.description,
            opened_on=self.opened_on, status=self.status, deal_id=self.deal_id,
            order_id=self.order_id, shipment_id=self.shipment_id, responsible=self.responsible,
            due_on=self.due_on, resolution=self.resolution,
            resolution_cost=self.resolution_cost)


@dataclass(frozen=True)
class LinkChoice:
    id: int
    label: str
    order_id: int | None = None  # a shipment's order


@dataclass(frozen=True)
class ClientLinks:
    """What a complaint or a score of the client may be about: its deals, orders, shipments."""

    deals: tuple[LinkChoice, ...]
    orders: tuple[LinkChoice, ...]
    shipments: tuple[LinkChoice, ...]


@dataclass(frozen=True)
class ScoreDraft:
    client_id: int | None
    kind: str
    score: int | None
    scored_on: date
    comment: str = ""
    deal_id: int | None = None
    order_id: int | None = None
    channel: str = ""


@dataclass(frozen=True)
class ScoreRow:
    id: int
    client_id: int
    client_name: str
    segment: str
    kind: str
    score: int
    scored_on: date
    comment: str
    deal_id: int | None
    order_id: int | None


@dataclass(frozen=True)
class LastComplaint:
    id: int
    opened_on: date
    category: str
    status: str
    description: str

    def summary(self) -> str:
        """«12.11.2026 · Качество · Решена: Брак в партии»."""
        return translate("Feedback", "{d} · {c} · {s}: {text}").format(
            d=short_date(self.opened_on), c=complaint_category_label(self.category),
            s=complaint_status_label(self.status), text=self.description)


@dataclass(frozen=True)
class Detractor:
    """An NPS response of 0–6 in the period, with the client's latest complaint opened on or
    before the period's last day (None: the client never complained)."""

    score_id: int
    client_id: int
    client_name: str
    segment: str
    score: int
    scored_on: date
    comment: str
    last_complaint: LastComplaint | None


@dataclass(frozen=True)
class NpsSummary:
    period: Period
    segment: str  # '' = every segment
    responses: int
    promoters: int
    passives: int
    detractors: int
    nps: Decimal | None
    promoters_pct: Decimal | None
    passives_pct: Decimal | None
    detractors_pct: Decimal | None
    csat_responses: int
    csat_average: Decimal | None  # to 0.01
    detractor_list: tuple[Detractor, ...]  # lowest score first, then newest


@dataclass(frozen=True)
class NpsMonth:
    month: date  # its first day
    responses: int
    promoters: int
    detractors: int
    nps: Decimal | None


@dataclass(frozen=True)
class ChurnRow:
    key: str  # reason code ('' = not given) or competitor name
    label: str
    count: int
    share: Decimal | None  # of all churned clients counted, %


@dataclass(frozen=True)
class ChurnBreakdown:
    """Clients now lost or churned whose churn falls in the period (see the module's rules)."""

    period: Period
    total: int
    by_reason: tuple[ChurnRow, ...]  # most first
    by_competitor: tuple[ChurnRow, ...]  # the competitor named on the client; most first


@dataclass(frozen=True)
class CountRow:
    key: str
    label: str
    count: int
    cost: Decimal  # the resolution cost of these complaints


@dataclass(frozen=True)
class StageLoss:
    """Deals that left a stage for a lost one (the funnel's `lost_here`)."""

    stage: str
    count: int


@dataclass(frozen=True)
class LossesReportData:
    """The losses-and-complaints report: lost deals (the Plan tab's losses and funnel),
    churned clients, complaints of the period (by opening date) and the NPS by month."""

    period: Period
    as_of: date  # the day the figures were read (overdue complaints are as of it)
    losses: Losses
    lost_by_stage: tuple[StageLoss, ...]
    churn: ChurnBreakdown
    complaints_total: int
    complaints_overdue: int  # of the period's, overdue at the period's end or today
    complaints_by_category: tuple[CountRow, ...]
    complaints_by_status: tuple[CountRow, ...]
    nps: NpsSummary
    nps_trend: tuple[NpsMonth, ...]


@dataclass(frozen=True)
class ScoreProposal:
    """A completed post-sale follow-up proposes recording the client's score."""

    activity_id: int
    client_id: int
    client_name: str
    deal_id: int | None
    deal_title: str
    order_id: int | None  # the deal's latest order, if any


# --- helpers ----------------------------------------------------------------------------

def _not_found() -> NotFoundError:
    return NotFoundError(translate("Feedback", "Рекламация не найдена"))


def _check_links(s: Session, client_id: int, deal_id: int | None, order_id: int | None,
                 shipment_id: int | None, errors: dict[str, str]) -> None:
    """The deal, order and shipment must exist and be the client's (see the module)."""
    if deal_id is not None:
        deal = s.get(Deal, deal_id)
        if deal is None:
            errors["deal_id"] = translate("Feedback", "Сделка не найдена")
        elif deal.client_id != client_id:
            errors["deal_id"] = translate("Feedback", "Это сделка другого клиента")
    if order_id is not None:
        order = s.get(Order, order_id)
        if order is None:
            errors["order_id"] = translate("Feedback", "Заказ не найден")
        elif order.client_id != client_id:
            errors["order_id"] = translate("Feedback", "Это заказ другого клиента")
    if shipment_id is not None:
        shipment = s.get(Shipment, shipment_id)
        owner = s.get(Order, shipment.order_id) if shipment is not None else None
        if shipment is None or owner is None:
            errors["shipment_id"] = translate("Feedback", "Отгрузка не найдена")
        elif owner.client_id != client_id:
            errors["shipment_id"] = translate("Feedback", "Это отгрузка другого клиента")
        elif order_id is not None and shipment.order_id != order_id:
            errors["shipment_id"] = translate("Feedback", "Эта отгрузка другого заказа")


def _check_client(s: Session, client_id: int | None, errors: dict[str, str]) -> bool:
    if client_id is None:
        errors["client_id"] = translate("Feedback", "Выберите клиента")
        return False
    if s.get(Client, client_id) is None:
        errors["client_id"] = translate("Feedback", "Клиент не найден")
        return False
    return True


def _cost_error(value: Decimal | None) -> str | None:
    if value is None:
        return None
    value = Decimal(value)
    if not value.is_finite():
        return translate("Feedback", "Стоимость — это число, например 1 500,00")
    if value < 0:
        return translate("Feedback", "Стоимость не может быть отрицательной")
    if too_precise(value, 2):
        return translate("Feedback", "Не больше двух знаков после запятой (копейки)")
    if value > Decimal("1e12"):
        return translate("Feedback", "Слишком большая сумма")
    return None


def _check_complaint(s: Session, d: ComplaintDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if _check_client(s, d.client_id, errors):
        assert d.client_id is not None
        _check_links(s, d.client_id, d.deal_id, d.order_id, d.shipment_id, errors)
    if d.category not in COMPLAINT_CATEGORIES:
        errors["category"] = translate("Feedback", "Выберите категорию рекламации")
    if d.status not in COMPLAINT_STATUSES:
        errors["status"] = translate("Feedback", "Неизвестный статус рекламации")
    if not d.description.strip():
        errors["description"] = translate("Feedback", "Опишите, на что жалуется клиент")
    if d.due_on is not None and d.due_on < d.opened_on:
        errors["due_on"] = translate(
            "Feedback", "Срок не может быть раньше даты рекламации ({d})").format(
            d=short_date(d.opened_on))
    if d.status in CLOSED_STATUSES and not d.resolution.strip():
        errors["resolution"] = (
            translate("Feedback", "Опишите, как решили рекламацию") if d.status == "resolved"
            else translate("Feedback", "Укажите, почему рекламация отклонена"))
    message = _cost_error(d.resolution_cost)
    if message:
        errors["resolution_cost"] = message
    return errors


def _write(c: Complaint, d: ComplaintDraft, today: date) -> None:
    assert d.client_id is not None
    was_resolved = c.status == "resolved" and c.resolved_on is not None
    c.client_id, c.category, c.description = d.client_id, d.category, d.description.strip()
    c.opened_on, c.status = d.opened_on, d.status
    c.deal_id, c.order_id, c.shipment_id = d.deal_id, d.order_id, d.shipment_id
    c.responsible, c.due_on = d.responsible.strip(), d.due_on
    c.resolution = d.resolution.strip()
    c.resolution_cost = None if d.resolution_cost is None else Decimal(d.resolution_cost)
    if d.status == "resolved":
        if not was_resolved:
            c.resolved_on = max(today, d.opened_on)
    else:
        c.resolved_on = None


def _tasks(s: Session, complaint_id: int) -> tuple[CorrectiveTask, ...]:
    rows = s.scalars(select(Activity).where(Activity.complaint_id == complaint_id)
                     .order_by(Activity.done, Activity.due_at, Activity.id)).all()
    return tuple(CorrectiveTask(a.id, a.kind, a.subject, a.due_at, a.done, a.done_at,
                                a.result, a.outcome) for a in rows)


def _subject(order: str | None, shipment_on: object, deal: str | None) -> str:
    if shipment_on is not None:
        day = shipment_on if isinstance(shipment_on, date) else date.fromisoformat(
            str(shipment_on))
        return translate("Feedback", "Отгрузка {d} по заказу {n}").format(
            d=short_date(day), n=order or "")
    if order:
        return translate("Feedback", "Заказ {n}").format(n=order)
    return deal or ""


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _day_or_none(value: object) -> date | None:
    return None if value is None else _day(value)


# --- the feature ------------------------------------------------------------------------

class Feedback:
    """Complaints with corrective tasks, satisfaction scores, churn reasons, the losses report."""

    _uow: UowFactory
    _activities: Callable[[], ActivitiesService]

    # --- complaints ---------------------------------------------------------------------
    def list_complaints(self, flt: ComplaintFilter | None = None, *,
                        today: date | None = None, limit: int | None = None
                        ) -> list[ComplaintRow]:
        """Complaints, overdue ones first, then by opening date (newest first)."""
        flt = flt or ComplaintFilter()
        today = today or _today()
        where = ["1 = 1"]
        params: dict[str, object] = {"today": today.isoformat()}
        if flt.status == "active":
            where.append("c.status IN ('open', 'in_progress')")
        elif flt.status:
            if flt.status not in COMPLAINT_STATUSES:
                raise ValidationError.single("status", translate(
                    "Feedback", "Неизвестный статус рекламации"))
            where.append("c.status = :status")
            params["status"] = flt.status
        if flt.overdue:
            where.append(overdue_complaint_sql("c"))
        if flt.client_id is not None:
            where.append("c.client_id = :client")
            params["client"] = flt.client_id
        sql = f"""
            SELECT c.id, c.client_id, cl.name, c.opened_on, c.category, c.description,
                   c.status, c.responsible, c.due_on, c.resolved_on, c.resolution_cost,
                   o.number, sh.planned_on, so.number, d.title,
                   (SELECT COUNT(*) FROM activities a WHERE a.complaint_id = c.id
                    AND a.done = 0),
                   (SELECT COUNT(*) FROM activities a WHERE a.complaint_id = c.id
                    AND a.done = 1),
                   CASE WHEN {overdue_complaint_sql("c")} THEN 1 ELSE 0 END AS late
            FROM complaints c JOIN clients cl ON cl.id = c.client_id
            LEFT JOIN orders o ON o.id = c.order_id
            LEFT JOIN shipments sh ON sh.id = c.shipment_id
            LEFT JOIN orders so ON so.id = sh.order_id
            LEFT JOIN deals d ON d.id = c.deal_id
            WHERE {" AND ".join(where)}
            ORDER BY late DESC, c.opened_on DESC, c.id DESC""" + (
            " LIMIT :limit" if limit else "")
        if limit:
            params["limit"] = limit
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(text(sql), params).all()
        return [ComplaintRow(
            id=r[0], client_id=r[1], client_name=r[2], opened_on=_day(r[3]), category=r[4],
            description=r[5], status=r[6], responsible=r[7], due_on=_day_or_none(r[8]),
            resolved_on=_day_or_none(r[9]),
            resolution_cost=None if r[10] is None else from_kopecks(int(r[10])),
            subject=_subject(r[13] or r[11], r[12], r[14]), tasks_open=int(r[15]),
            tasks_done=int(r[16]), overdue=bool(r[17])) for r in rows]

    def overdue_complaints(self, today: date | None = None, *,
                           limit: int = 100) -> tuple[list[ComplaintRow], int]:
        """The overdue complaints (the longest overdue first) and how many there are."""
        today = today or _today()
        rows = self.list_complaints(ComplaintFilter(overdue=True), today=today)
        rows.sort(key=lambda r: (r.due_on or today, r.id))
        return rows[:limit], len(rows)

    def get_complaint(self, complaint_id: int, *, today: date | None = None) -> ComplaintDetail:
        today = today or _today()
        with self._uow(read_only=True) as uow:
            s = uow.session
            c = s.get(Complaint, complaint_id)
            if c is None:
                raise _not_found()
            client = s.get(Client, c.client_id)
            return ComplaintDetail(
                id=c.id, client_id=c.client_id, client_name=client.name if client else "",
                category=c.category, description=c.description, opened_on=c.opened_on,
                status=c.status, deal_id=c.deal_id, order_id=c.order_id,
                shipment_id=c.shipment_id, responsible=c.responsible, due_on=c.due_on,
                resolution=c.resolution, resolution_cost=c.resolution_cost,
                resolved_on=c.resolved_on, tasks=_tasks(s, c.id),
                overdue=is_overdue(c.status, c.due_on, today))

    def save_complaint(self, draft: ComplaintDraft, complaint_id: int | None = None, *,
                       today: date | None = None) -> int:
        """Create (no id) or update a complaint; every refusal at once, nothing saved."""
        today = today or _today()
        with self._uow() as uow:
            s = uow.session
            errors = _check_complaint(s, draft)
            c = Complaint() if complaint_id is None else s.get(Complaint, complaint_id)
            if c is None:
                raise _not_found()
            if errors:
                raise ValidationError(errors)
            _write(c, draft, today)
            if complaint_id is None:
                s.add(c)
            uow.flush()
            ident = c.id
            uow.commit()
            return ident

    def delete_complaint(self, complaint_id: int) -> None:
        """Delete a complaint; its corrective tasks stay as the client's activities."""
        with self._uow() as uow:
            c = uow.session.get(Complaint, complaint_id)
            if c is None:
                raise _not_found()
            uow.session.delete(c)
            uow.commit()

    def client_links(self, client_id: int) -> ClientLinks:
        """The client's deals, orders and shipments, newest first, for the editors' choices."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            deals = s.execute(select(Deal.id, Deal.title).where(Deal.client_id == client_id)
                              .order_by(Deal.created_at.desc(), Deal.id.desc())).all()
            orders = s.execute(select(Order.id, Order.number, Order.ordered_on)
                               .where(Order.client_id == client_id)
                               .order_by(Order.ordered_on.desc(), Order.id.desc())).all()
            shipments = s.execute(
                select(Shipment.id, Shipment.planned_on, Shipment.order_id, Order.number)
                .join(Order, Order.id == Shipment.order_id)
                .where(Order.client_id == client_id)
                .order_by(Shipment.planned_on.desc(), Shipment.id.desc())).all()
        return ClientLinks(
            tuple(LinkChoice(i, t) for i, t in deals),
            tuple(LinkChoice(i, translate("Feedback", "{n} от {d}").format(
                n=n, d=short_date(d))) for i, n, d in orders),
            tuple(LinkChoice(i, _subject(n, d, None), order_id=o)
                  for i, d, o, n in shipments))

    # --- corrective tasks ---------------------------------------------------------------
    def add_corrective_task(self, complaint_id: int, subject: str, due_at: datetime | None,
                            *, kind: str = "task", notes: str = "",
                            now: datetime | None = None) -> int:
        """A corrective task: an open activity of the complaint's client (and deal) with
        `complaint_id`; a new complaint goes «В работе». Its id."""
        from app.services.activities import ActivityDraft

        with self._uow(read_only=True) as uow:
            c = uow.session.get(Complaint, complaint_id)
            if c is None:
                raise _not_found()
            client_id, deal_id, status = c.client_id, c.deal_id, c.status
        if status in CLOSED_STATUSES:
            raise ValidationError.single("complaint_id", translate(
                "Feedback", "Рекламация закрыта: откройте её снова, чтобы добавить задачу"))
        new_id = self._activities().create(ActivityDraft(
            kind=kind, subject=subject, client_id=client_id, deal_id=deal_id, due_at=due_at,
            notes=notes, priority="high", complaint_id=complaint_id), now=now)
        if status == "open":
            with self._uow() as uow:
                c = uow.session.get(Complaint, complaint_id)
                if c is not None and c.status == "open":
                    c.status = "in_progress"
                uow.commit()
        return new_id

    def complete_corrective_task(self, activity_id: int, outcome: str = "", *,
                                 now: datetime | None = None) -> None:
        """Mark a corrective task done (result «Выполнено», no next step: the complaint
        itself says what comes next)."""
        from app.services.activities import Completion, results_for

        activities = self._activities()
        task = activities.get(activity_id)
        if task.complaint_id is None:
            raise ValidationError.single("activity_id", translate(
                "Feedback", "Это дело не задача по рекламации"))
        results = results_for(task.kind)
        activities.complete(activity_id, Completion(
            result="done" if "done" in results else results[0], outcome=outcome,
            no_next_reason=translate("Feedback", "Задача по рекламации выполнена")), now=now)

    def corrective_tasks(self, complaint_id: int) -> tuple[CorrectiveTask, ...]:
        with self._uow(read_only=True) as uow:
            return _tasks(uow.session, complaint_id)

    # --- satisfaction -------------------------------------------------------------------
    def record_score(self, draft: ScoreDraft) -> int:
        """Save an NPS (0–10) or CSAT (1–5) score; every refusal at once, nothing saved."""
        errors: dict[str, str] = {}
        if draft.kind not in SCORE_KINDS:
            errors["kind"] = translate("Feedback", "Выберите вид оценки: NPS или CSAT")
        score = draft.score
        if score is None or isinstance(score, bool) or not isinstance(score, int):
            errors["score"] = translate("Feedback", "Укажите оценку")
        elif draft.kind in SCORE_RANGES:
            low, high = SCORE_RANGES[draft.kind]
            if not low <= score <= high:
                errors["score"] = (
                    translate("Feedback", "NPS — от 0 до 10, а не {n}") if draft.kind == "nps"
                    else translate("Feedback", "CSAT — от 1 до 5, а не {n}")).format(n=score)
        with self._uow() as uow:
            s = uow.session
            if _check_client(s, draft.client_id, errors):
                assert draft.client_id is not None
                _check_links(s, draft.client_id, draft.deal_id, draft.order_id, None, errors)
            if errors:
                raise ValidationError(errors)
            assert draft.client_id is not None and score is not None
            row = SatisfactionScore(
                client_id=draft.client_id, kind=draft.kind, score=score,
                scored_on=draft.scored_on, comment=draft.comment.strip(),
                deal_id=draft.deal_id, order_id=draft.order_id, channel=draft.channel.strip())
            s.add(row)
            uow.flush()
            ident = row.id
            uow.commit()
            return ident

    def delete_score(self, score_id: int) -> None:
        with self._uow() as uow:
            row = uow.session.get(SatisfactionScore, score_id)
            if row is None:
                raise NotFoundError(translate("Feedback", "Оценка не найдена"))
            uow.session.delete(row)
            uow.commit()

    def list_scores(self, period: str | Period | None = None, *, segment: str = "",
                    client_id: int | None = None) -> list[ScoreRow]:
        """Scores (both kinds), newest first."""
        q = (select(SatisfactionScore, Client.name, Client.segment)
             .join(Client, Client.id == SatisfactionScore.client_id))
        if period is not None:
            p = parse_period(period)
            q = q.where(SatisfactionScore.scored_on.between(p.first, p.last))
        if segment:
            q = q.where(Client.segment == segment)
        if client_id is not None:
            q = q.where(SatisfactionScore.client_id == client_id)
        q = q.order_by(SatisfactionScore.scored_on.desc(), SatisfactionScore.id.desc())
        with self._uow(read_only=True) as uow:
            return [ScoreRow(r.id, r.client_id, name, seg, r.kind, r.score, r.scored_on,
                             r.comment, r.deal_id, r.order_id)
                    for r, name, seg in uow.session.execute(q)]

    def score_segments(self) -> list[str]:
        """The clients' segments (not empty), by name: the NPS page's choice."""
        with self._uow(read_only=True) as uow:
            return list(uow.session.scalars(
                select(Client.segment).where(Client.segment != "").distinct()
                .order_by(Client.segment)))

    def nps(self, period: str | Period, *, segment: str = "") -> NpsSummary:
        """NPS of the period (and segment) with its groups and the detractors (see rules)."""
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return _nps(uow.session, p, segment)

    def nps_trend(self, period: str | Period, *, segment: str = "") -> list[NpsMonth]:
        """NPS month by month over the period (months without responses included)."""
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return _nps_trend(uow.session, p, segment)

    def score_proposal(self, activity_id: int) -> ScoreProposal | None:
        """Whether completing this activity should propose recording a score: a post-sale
        follow-up (purpose "follow_up", made when a deal is won) of a client. None else."""
        with self._uow(read_only=True) as uow:
            s = uow.session
            a = s.get(Activity, activity_id)
            if a is None or a.purpose != "follow_up" or a.client_id is None:
                return None
            client = s.get(Client, a.client_id)
            deal = s.get(Deal, a.deal_id) if a.deal_id is not None else None
            order_id = s.scalar(select(Order.id).where(Order.deal_id == a.deal_id)
                                .order_by(Order.ordered_on.desc(), Order.id.desc())
                                .limit(1)) if a.deal_id is not None else None
            return ScoreProposal(activity_id, a.client_id, client.name if client else "",
                                 a.deal_id, deal.title if deal else "", order_id)

    # --- churn --------------------------------------------------------------------------
    def churn_breakdown(self, period: str | Period) -> ChurnBreakdown:
        """Clients lost or churned in the period, by reason and by competitor (see rules)."""
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return _churn(uow.session, p)

    # --- the report ---------------------------------------------------------------------
    def losses_report_data(self, period: str | Period, *,
                           today: date | None = None) -> LossesReportData:
        """Everything the losses-and-complaints report prints for the period."""
        p = parse_period(period)
        today = today or _today()
        as_of = min(today, p.last)  # a complaint overdue at the period's end, or now
        with self._uow(read_only=True) as uow:
            s = uow.session
            losses = read_losses(s, p)
            stages = tuple(StageLoss(f.name, f.lost_here) for f in read_funnel(s, p)
                           if f.lost_here)
            churn = _churn(s, p)
            rows = s.execute(text(
                "SELECT c.category, c.status, COUNT(*), COALESCE(SUM(c.resolution_cost), 0),"
                f" SUM(CASE WHEN {overdue_complaint_sql('c')} THEN 1 ELSE 0 END)"
                " FROM complaints c WHERE c.opened_on BETWEEN :a AND :b"
                " GROUP BY c.category, c.status"),
                {"a": p.first.isoformat(), "b": p.last.isoformat(),
                 "today": as_of.isoformat()}).all()
            nps = _nps(s, p, "")
            trend = _nps_trend(s, p, "")
        by_cat: dict[str, list[int]] = {}
        by_status: dict[str, list[int]] = {}
        overdue = 0
        for category, status, n, kopecks, late in rows:
            for table, key in ((by_cat, category), (by_status, status)):
                entry = table.setdefault(key, [0, 0])
                entry[0] += int(n)
                entry[1] += int(kopecks)
            overdue += int(late or 0)
        return LossesReportData(
            period=p, as_of=today, losses=losses, lost_by_stage=stages, churn=churn,
            complaints_total=sum(n for n, _ in by_cat.values()), complaints_overdue=overdue,
            complaints_by_category=tuple(
                CountRow(k, complaint_category_label(k), by_cat[k][0], from_kopecks(by_cat[k][1]))
                for k in COMPLAINT_CATEGORIES if k in by_cat),
            complaints_by_status=tuple(
                CountRow(k, complaint_status_label(k), by_status[k][0],
                         from_kopecks(by_status[k][1]))
                for k in COMPLAINT_STATUSES if k in by_status),
            nps=nps, nps_trend=tuple(trend))


# --- queries shared by the methods and the report ---------------------------------------

def _nps_counts(scores: list[int]) -> tuple[int, int, int]:
    """(promoters, passives, detractors) among NPS scores."""
    promoters = sum(1 for score in scores if nps_group(score) == "promoter")
    detractors = sum(1 for score in scores if nps_group(score) == "detractor")
    return promoters, len(scores) - promoters - detractors, detractors


def _nps(s: Session, p: Period, segment: str) -> NpsSummary:
    base = (select(SatisfactionScore, Client.name, Client.segment)
            .join(Client, Client.id == SatisfactionScore.client_id)
            .where(SatisfactionScore.scored_on.between(p.first, p.last)))
    if segment:
        base = base.where(Client.segment == segment)
    rows = s.execute(base).all()
    nps_rows = [r for r in rows if r[0].kind == "nps"]
    csat = [r[0].score for r in rows if r[0].kind == "csat"]
    promoters, passives, detractors = _nps_counts([r[0].score for r in nps_rows])
    n = len(nps_rows)
    found = [r for r in nps_rows if nps_group(r[0].score) == "detractor"]
    found.sort(key=lambda r: (r[0].score, -r[0].scored_on.toordinal(), -r[0].id))
    last: dict[int, LastComplaint] = {}
    client_ids = sorted({r[0].client_id for r in found})
    if client_ids:
        latest = (select(Complaint).where(Complaint.client_id.in_(client_ids),
                                          Complaint.opened_on <= p.last)
                  .order_by(Complaint.client_id, Complaint.opened_on.desc(),
                            Complaint.id.desc()))
        for c in s.scalars(latest):
            last.setdefault(c.client_id, LastComplaint(c.id, c.opened_on, c.category,
                                                       c.status, c.description))
    average = (Decimal(sum(csat)) / len(csat)).quantize(Decimal("0.01"),
                                                         rounding=ROUND_HALF_UP) if csat else None
    return NpsSummary(
        period=p, segment=segment, responses=n, promoters=promoters, passives=passives,
        detractors=detractors, nps=nps_value(promoters, detractors, n),
        promoters_pct=percent(promoters, n), passives_pct=percent(passives, n),
        detractors_pct=percent(detractors, n), csat_responses=len(csat), csat_average=average,
        detractor_list=tuple(Detractor(
            r[0].id, r[0].client_id, r[1], r[2], r[0].score, r[0].scored_on, r[0].comment,
            last.get(r[0].client_id)) for r in found))


def _nps_trend(s: Session, p: Period, segment: str) -> list[NpsMonth]:
    q = (select(func.strftime("%Y-%m", SatisfactionScore.scored_on), SatisfactionScore.score)
         .join(Client, Client.id == SatisfactionScore.client_id)
         .where(SatisfactionScore.kind == "nps",
                SatisfactionScore.scored_on.between(p.first, p.last)))
    if segment:
        q = q.where(Client.segment == segment)
    by_month: dict[str, list[int]] = {}
    for month, score in s.execute(q):
        by_month.setdefault(str(month), []).append(int(score))
    out = []
    for first in p.months():
        scores = by_month.get(first.isoformat()[:7], [])
        promoters, _passives, detractors = _nps_counts(scores)
        out.append(NpsMonth(first, len(scores), promoters, detractors,
                            nps_value(promoters, detractors, len(scores))))
    return out


def _churn(s: Session, p: Period) -> ChurnBreakdown:
    rows = s.execute(text(
        "SELECT c.churn_reason, cp.name, COUNT(*) FROM clients c"
        " LEFT JOIN competitors cp ON cp.id = c.churn_competitor_id"
        f" WHERE c.status IN ({', '.join(repr(s) for s in CHURN_STATUSES)})"
        " AND c.churned_on BETWEEN :a AND :b"
        " GROUP BY c.churn_reason, cp.name"), {"a": p.first, "b": p.last}).all()
    reasons: dict[str, int] = {}
    competitors: dict[str, int] = {}
    for reason, competitor, n in rows:
        key = reason if reason in CHURN_REASONS else ""
        reasons[key] = reasons.get(key, 0) + int(n)
        if competitor is not None:
            competitors[competitor] = competitors.get(competitor, 0) + int(n)
    total = sum(reasons.values())
    return ChurnBreakdown(
        period=p, total=total,
        by_reason=tuple(ChurnRow(k, churn_label(k), n, percent(n, total))
                        for k, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_competitor=tuple(ChurnRow(k, k, n, percent(n, total))
                            for k, n in sorted(competitors.items(),
                                               key=lambda kv: (-kv[1], kv[0]))))


__all__ = [
    "ACTIVE_STATUSES", "CLOSED_STATUSES", "COMPLAINT_CATEGORIES", "COMPLAINT_STATUSES",
    "NPS_GROUPS", "SCORE_RANGES", "ChurnBreakdown", "ChurnRow", "ClientLinks",
    "ComplaintDetail", "ComplaintDraft", "ComplaintFilter", "ComplaintRow", "CorrectiveTask",
    "CountRow", "Detractor", "Feedback", "LastComplaint", "LinkChoice", "LossesReportData",
    "NpsMonth", "NpsSummary", "ScoreDraft", "ScoreProposal", "ScoreRow", "StageLoss",
    "churn_label", "complaint_category_label", "complaint_status_label", "is_overdue",
    "nps_group", "nps_group_label", "nps_text", "nps_value", "overdue_complaint_sql",
    "score_kind_label",
]
