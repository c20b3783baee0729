"""The pipeline: the kanban board, moving deals between stages, the deal editor's data.

Everything the Сделки tab shows comes from here as frozen dataclasses; the move of a deal is
one transaction (the deal's stage and its StageChange), so the board never shows a stage that
was not stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, and_, func, select, type_coerce
from sqlalchemy.orm import aliased

from app.i18n import translate
from app.models import (
    VAT_KINDS,
    Activity,
    Client,
    Competitor,
    Contact,
    Deal,
    DealLine,
    Objection,
    PlanTarget,
    Product,
    Stage,
    StageChange,
    StandardObjection,
)
from app.money import ZERO, round_money
from app.services.catalog import effective_floor
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.pricing import line_total
from app.services.settings import DEFAULTS as SETTING_DEFAULTS
from app.services.settings import SettingsService
from app.services.uow import UowFactory
from app.services.workdays import working_days_between

HUNDRED = Decimal(100)
CLOSED_LIMIT = 500  # closed deals shown per won/lost column (newest first)


# --- labels ---------------------------------------------------------------------------------
def lost_reason_label(key: str) -> str:
    labels = {
        "price": translate("Deals", "Цена"),
        "competitor": translate("Deals", "Выбрали конкурента"),
        "no_budget": translate("Deals", "Нет бюджета"),
        "no_need": translate("Deals", "Нет потребности"),
        "postponed": translate("Deals", "Отложили"),
        "no_answer": translate("Deals", "Не выходят на связь"),
        "other": translate("Deals", "Другое"),
    }
    return labels.get(key, key)


# --- DTOs -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StageInfo:
    id: int
    name: str
    position: int
    probability: int
    stall_days: int | None
    is_won: bool
    is_lost: bool

    @property
    def is_open(self) -> bool:
        return not (self.is_won or self.is_lost)


@dataclass(frozen=True)
class DealCard:
    id: int
    stage_id: int
    client_id: int
    client_name: str
    segment: str
    title: str
    amount: Decimal
    probability: int
    expected_close: date | None
    closed_on: date | None
    days_in_stage: int
    stall_limit: int | None
    stalled: bool
    next_kind: str | None
    next_subject: str
    next_due: datetime | None
    lost_reason: str
    close_overdue: bool

    @property
    def weighted(self) -> Decimal:
        return round_money(self.amount * self.probability / HUNDRED)

    @property
    def next_overdue(self) -> bool:
        return self.next_due is not None and self.next_due < datetime.now(UTC)


@dataclass(frozen=True)
class ColumnSummary:
    stage_id: int
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class BoardFilter:
    client_id: int | None = None
    segment: str = ""
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    close_from: date | None = None
    close_to: date | None = None
    stalled_only: bool = False
    text: str = ""
    show_closed: bool = False


@dataclass(frozen=True)
class Board:
    stages: list[StageInfo]
    cards: dict[int, list[DealCard]]  # stage id → cards, in display order
    summaries: dict[int, ColumnSummary]
    working_days: bool

    def column(self, stage_id: int) -> list[DealCard]:
        return self.cards.get(stage_id, [])


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
        if not self.plan:
            return None
        return (self.expected * HUNDRED / self.plan).quantize(Decimal(1))


@dataclass(frozen=True)
class Forecast:
    this_month: MonthForecast
    next_month: MonthForecast
    pipeline_weighted: Decimal
    pipeline_amount: Decimal


@dataclass(frozen=True)
class LineInput:
    name: str
    quantity: Decimal
    price: Decimal
    discount: Decimal = ZERO
    unit: str = "шт"
    vat_kind: str = "standard"
    product_id: int | None = None
    floor_override_reason: str = ""

    @property
    def total(self) -> Decimal:
        return line_total(self.quantity, self.price, self.discount)


@dataclass(frozen=True)
class LineRow(LineInput):
    id: int | None = None
    floor: Decimal | None = None  # the product's effective floor (None: no concession zone)


@dataclass(frozen=True)
class ObjectionInput:
    text: str
    answer: str = ""
    resolved: bool = False
    id: int | None = None


@dataclass(frozen=True)
class DealInput:
    client_id: int | None
    title: str
    contact_id: int | None = None
    stage_id: int | None = None  # only for a new deal; moves go through move_deal
    source: str = ""
    expected_close: date | None = None
    probability: int | None = None  # None: the stage's
    manual_amount: Decimal | None = None  # used when the deal has no lines
    notes: str = ""
    negotiation_notes: str = ""
    payment_terms: str = ""
    delivery_terms: str = ""
    lines: tuple[LineInput, ...] = ()
    objections: tuple[ObjectionInput, ...] = ()


@dataclass(frozen=True)
class DealDetail:
    id: int
    client_id: int
    client_name: str
    contact_id: int | None
    title: str
    stage_id: int
    stage_name: str
    stage_probability: int
    amount: Decimal
    probability: int | None
    expected_close: date | None
    closed_on: date | None
    source: str
    notes: str
    negotiation_notes: str
    payment_terms: str
    delivery_terms: str
    lost_reason: str
    lost_comment: str
    competitor_name: str
    created_at: datetime
    stage_entered_at: datetime
    lines: list[LineRow] = field(default_factory=list)
    objections: list[ObjectionInput] = field(default_factory=list)


@dataclass(frozen=True)
class SaveResult:
    deal_id: int
    warnings: list[str]


@dataclass(frozen=True)
class StageSpan:
    stage_id: int
    stage_name: str
    entered_at: datetime
    left_at: datetime | None  # None: the deal is still there
    days: int


@dataclass(frozen=True)
class StageInput:
    name: str
    probability: int
    stall_days: int | None = None
    is_won: bool = False
    is_lost: bool = False
    id: int | None = None


@dataclass(frozen=True)
class Choice:
    """An (id, label) pair for pickers: clients, contacts, competitors."""

    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True)
class StandardObjectionRow:
    id: int
    text: str
    answer: str


# --- pure rules (shared by the editor for live feedback) ----------------------------------
def net_unit_price(price: Decimal, discount: Decimal) -> Decimal:
    return round_money(price * (HUNDRED - discount) / HUNDRED)


def below_floor(price: Decimal, discount: Decimal, floor: Decimal | None) -> bool:
    """True when the discounted unit price goes under the product's floor (concession zone)."""
    return floor is not None and net_unit_price(price, discount) < floor


def validate_line(line: LineInput, floor: Decimal | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not line.name.strip():
        errors["name"] = translate("Deals", "Укажите наименование")
    if line.quantity <= 0:
        errors["quantity"] = translate("Deals", "Количество должно быть больше нуля")
    if line.price < 0:
        errors["price"] = translate("Deals", "Цена не может быть отрицательной")
    if not (0 <= line.discount <= 100):
        errors["discount"] = translate("Deals", "Скидка должна быть от 0 до 100 %")
    if line.vat_kind not in VAT_KINDS:
        errors["vat_kind"] = translate("Deals", "Неизвестная ставка НДС")
    if (not errors and below_floor(line.price, line.discount, floor)
            and not line.floor_override_reason.strip()):
        errors["discount"] = translate(
            "Deals", "Цена со скидкой {net} ниже минимальной {floor}: укажите причину уступки"
        ).format(net=_fmt(net_unit_price(line.price, line.discount)), floor=_fmt(floor))
    return errors


def deal_amount(lines: Iterable[LineInput], manual: Decimal | None) -> Decimal:
    lines = list(lines)
    if lines:
        return sum((ln.total for ln in lines), ZERO)
    return round_money(manual or ZERO)


def _fmt(value: Decimal | None) -> str:
    from app.money import format_money

    return "" if value is None else format_money(value)


def _local_date(value: datetime) -> date:
    return value.astimezone().date()


def _month_start(day: date, add: int = 0) -> date:
    y, m = divmod(day.month - 1 + add, 12)
    return date(day.year + y, m + 1, 1)


def _stage(s: Stage) -> StageInfo:
    return StageInfo(id=s.id, name=s.name, position=s.position, probability=s.probability,
                     stall_days=s.stall_days, is_won=s.is_won, is_lost=s.is_lost)


class DealsService:
    def __init__(self, *, uow_factory: UowFactory, settings: SettingsService | None = None
                 ) -> None:
        self._uow = uow_factory
        self._settings = settings or SettingsService(uow_factory=uow_factory)

    # --- settings ---------------------------------------------------------------------------
    def stall_in_working_days(self) -> bool:
        return bool(self._settings.get("stall_in_working_days"))

    def set_stall_in_working_days(self, value: bool) -> None:
        self._settings.set("stall_in_working_days", bool(value))

    def lost_reasons(self) -> list[str]:
        value = self._settings.get("lost_reasons")
        if not isinstance(value, list) or not value:
            return list(SETTING_DEFAULTS["lost_reasons"])
        return [str(v) for v in value]

    def set_lost_reasons(self, reasons: list[str]) -> None:
        cleaned: list[str] = []
        for r in reasons:
            r = r.strip()
            if r and r not in cleaned:
                cleaned.append(r)
        if not cleaned:
            raise ValidationError.single(
                "lost_reasons", translate("Deals", "Нужна хотя бы одна причина проигрыша"))
        self._settings.set("lost_reasons", cleaned)

    # --- stages -----------------------------------------------------------------------------
    def stages(self) -> list[StageInfo]:
        with self._uow() as uow:
            rows = list(uow.session.scalars(select(Stage).order_by(Stage.position)))
            if not rows:
                rows = self._create_default_stages(uow)
            return [_stage(s) for s in rows]

    def _create_default_stages(self, uow: Any) -> list[Stage]:
        from app.services.demo import DEFAULT_STAGES

        rows = []
        for pos, (name, prob, stall, won, lost) in enumerate(DEFAULT_STAGES, start=1):
            st = Stage(name=name, position=pos, probability=prob, stall_days=stall,
                       is_won=won, is_lost=lost)
            uow.session.add(st)
            rows.append(st)
        uow.commit()
        return rows

    def save_stages(self, stages: list[StageInput]) -> None:
        """Replace the stage list (order = list order); stages left out are deleted."""
        errors: dict[str, str] = {}
        names: set[str] = set()
        for i, st in enumerate(stages):
            name = st.name.strip()
            if not name:
                errors[f"stages.{i}.name"] = translate("Deals", "Этапу нужно название")
            elif name.casefold() in names:
                errors[f"stages.{i}.name"] = translate("Deals", "Этап «{name}» повторяется"
                                                       ).format(name=name)
            names.add(name.casefold())
            if not (0 <= st.probability <= 100):
                errors[f"stages.{i}.probability"] = translate(
                    "Deals", "Вероятность должна быть от 0 до 100 %")
            if st.stall_days is not None and st.stall_days <= 0:
                errors[f"stages.{i}.stall_days"] = translate(
                    "Deals", "Срок зависания — положительное число дней")
            if st.is_won and st.is_lost:
                errors[f"stages.{i}.is_won"] = translate(
                    "Deals", "Этап не может быть одновременно выигрышем и проигрышем")
        if sum(1 for s in stages if s.is_won) != 1 or sum(1 for s in stages if s.is_lost) != 1:
            errors["stages"] = translate(
                "Deals", "Нужен ровно один этап «выиграна» и ровно один «проиграна»")
        if not any(not s.is_won and not s.is_lost for s in stages):
            errors.setdefault("stages", translate("Deals", "Нужен хотя бы один рабочий этап"))
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            s = uow.session
            existing = {st.id: st for st in s.scalars(select(Stage))}
            keep = {st.id for st in stages if st.id is not None}
            for sid, row in existing.items():
                if sid not in keep:
                    used = s.scalar(select(func.count(Deal.id)).where(Deal.stage_id == sid))
                    if used:
                        raise ConflictError(translate(
                            "Deals", "Этап «{name}» нельзя удалить: в нём {n} сделок"
                        ).format(name=row.name, n=used))
                    s.delete(row)
            uow.flush()
            # Positions and names are UNIQUE: park them first, then write the final values.
            for i, row in enumerate(r for sid, r in existing.items() if sid in keep):
                row.position = -(i + 1)
                row.name = f"~{row.id}~{id(row)}"
            uow.flush()
            for pos, st in enumerate(stages, start=1):
                row = existing[st.id] if st.id is not None else Stage()
                if st.id is None:
                    s.add(row)
                row.name = st.name.strip()
                row.position = pos
                row.probability = st.probability
                row.stall_days = st.stall_days
                row.is_won = st.is_won
                row.is_lost = st.is_lost
            uow.commit()

    # --- the board --------------------------------------------------------------------------
    def board(self, flt: BoardFilter = BoardFilter(), *, today: date | None = None) -> Board:
        today = today or date.today()
        stages = self.stages()
        working = self.stall_in_working_days()
        visible = [st for st in stages if st.is_open or flt.show_closed]
        by_id = {st.id: st for st in stages}
        with self._uow() as uow:
            s = uow.session
            prob = func.coalesce(Deal.probability, Stage.probability)
            stage_ids = [st.id for st in visible]
            q = (
                select(Deal.id, Deal.stage_id, Deal.client_id, Client.name, Client.segment,
                       Deal.title, Deal.amount, prob, Deal.expected_close, Deal.closed_on,
                       Deal.stage_entered_at, Deal.lost_reason)
                .join(Client, Client.id == Deal.client_id)
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.stage_id.in_(stage_ids))
            )
            q = self._apply_sql_filter(q, flt)
            if flt.stalled_only:
                # Cheap superset in SQL (calendar days ≥ working days; a day's margin for the
                # local time zone); the exact test below keeps only the stalled ones.
                q = q.where(Stage.stall_days.is_not(None),
                            func.julianday(today.isoformat())
                            - func.julianday(Deal.stage_entered_at) > Stage.stall_days - 1)
            q = q.order_by(Deal.stage_id, Deal.expected_close.is_(None), Deal.expected_close,
                           Deal.id)
            rows = s.execute(q).all()
            # The next planned activity per open deal: SQLite returns the other columns of
            # the row that holds min(due_at).
            open_ids = [st.id for st in visible if st.is_open]
            next_by_deal = {
                r[0]: (r[1], r[2], r[3]) for r in s.execute(
                    select(Activity.deal_id, Activity.kind, Activity.subject,
                           func.min(Activity.due_at))
                    .where(Activity.done.is_(False), Activity.due_at.is_not(None),
                           Activity.deal_id.in_(select(Deal.id).where(
                               Deal.stage_id.in_(open_ids))))
                    .group_by(Activity.deal_id))
            }
        cards: dict[int, list[DealCard]] = {st.id: [] for st in visible}
        needle = flt.text.strip().casefold()
        wd_cache: dict[date, int] = {}
        closed_count: dict[int, int] = {}
        for r in rows:
            st = by_id[r.stage_id]
            nxt = next_by_deal.get(r.id, (None, "", None))
            if needle and needle not in r.title.casefold() and needle not in r.name.casefold():
                continue
            entered = _local_date(r.stage_entered_at)
            if working:
                days = wd_cache.get(entered)
                if days is None:
                    days = wd_cache[entered] = working_days_between(entered, today)
            else:
                days = max((today - entered).days, 0)
            stalled = st.is_open and st.stall_days is not None and days > st.stall_days
            if flt.stalled_only and not stalled:
                continue
            if not st.is_open:
                closed_count[st.id] = closed_count.get(st.id, 0) + 1
                if closed_count[st.id] > CLOSED_LIMIT:
                    continue
            cards[st.id].append(DealCard(
                id=r.id, stage_id=r.stage_id, client_id=r.client_id, client_name=r.name,
                segment=r.segment, title=r.title, amount=r.amount, probability=int(r[7]),
                expected_close=r.expected_close, closed_on=r.closed_on, days_in_stage=days,
                stall_limit=st.stall_days, stalled=stalled, next_kind=nxt[0],
                next_subject=nxt[1] or "", next_due=nxt[2], lost_reason=r.lost_reason,
                close_overdue=(st.is_open and r.expected_close is not None
                               and r.expected_close < today),
            ))
        for st in visible:
            if not st.is_open:  # closed columns: newest first
                cards[st.id].sort(key=lambda c: (c.closed_on or date.min, c.id), reverse=True)
        ids: list[int] | None = None
        if needle or flt.stalled_only:
            ids = [c.id for col in cards.values() for c in col]
        summaries = self.column_summaries(flt, [st.id for st in visible], ids)
        return Board(stages=visible, cards=cards, summaries=summaries, working_days=working)

    @staticmethod
    def _apply_sql_filter(q: Any, flt: BoardFilter) -> Any:
        if flt.client_id is not None:
            q = q.where(Deal.client_id == flt.client_id)
        if flt.segment:
            q = q.where(Client.segment == flt.segment)
        if flt.amount_min is not None:
            q = q.where(Deal.amount >= flt.amount_min)
        if flt.amount_max is not None:
            q = q.where(Deal.amount <= flt.amount_max)
        if flt.close_from is not None:
            q = q.where(Deal.expected_close >= flt.close_from)
        if flt.close_to is not None:
            q = q.where(Deal.expected_close <= flt.close_to)
        return q

    def column_summaries(self, flt: BoardFilter, stage_ids: list[int],
                   ids: list[int] | None) -> dict[int, ColumnSummary]:
        """Count, sum and probability-weighted sum per column, grouped in the database."""
        with self._uow() as uow:
            prob = func.coalesce(Deal.probability, Stage.probability)
            q = (
                select(Deal.stage_id, func.count(Deal.id),
                       func.coalesce(func.sum(type_coerce(Deal.amount, Integer)), 0),
                       func.coalesce(func.sum(type_coerce(Deal.amount, Integer) * prob), 0))
                .join(Client, Client.id == Deal.client_id)
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.stage_id.in_(stage_ids))
                .group_by(Deal.stage_id)
            )
            q = self._apply_sql_filter(q, flt)
            if ids is not None:
                q = q.where(Deal.id.in_(ids))
            result = {sid: ColumnSummary(sid, 0, ZERO, ZERO) for sid in stage_ids}
            for sid, count, kop, kop_prob in uow.session.execute(q):
                result[sid] = ColumnSummary(
                    stage_id=sid, count=int(count),
                    amount=(Decimal(int(kop)) / 100).quantize(Decimal("0.01")),
                    weighted=round_money(Decimal(int(kop_prob)) / 10000),
                )
            return result

    def card(self, deal_id: int, *, today: date | None = None) -> DealCard:
        """One deal's card as the board shows it (after a move or an edit)."""
        with self._uow() as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            client_id = deal.client_id
        board = self.board(BoardFilter(client_id=client_id, show_closed=True), today=today)
        for col in board.cards.values():
            for c in col:
                if c.id == deal_id:
                    return c
        raise NotFoundError(translate("Deals", "Сделка не найдена"))

    def forecast(self, today: date | None = None) -> Forecast:
        today = today or date.today()
        this = _month_start(today)
        nxt = _month_start(today, 1)
        after = _month_start(today, 2)
        with self._uow() as uow:
            s = uow.session
            prob = func.coalesce(Deal.probability, Stage.probability)
            kop = type_coerce(Deal.amount, Integer)
            open_ = and_(Stage.is_won.is_(False), Stage.is_lost.is_(False))
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

        def month(start: date, row: Any, won: int, plan: Decimal | None,
                   overdue_n: int = 0) -> MonthForecast:
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
    def _plan_for(s: Any, month: date) -> Decimal | None:
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

    # --- moving -----------------------------------------------------------------------------
    def move_deal(self, deal_id: int, to_stage_id: int, *, expected_from: int | None = None,
                  lost_reason: str = "", lost_comment: str = "", competitor: str = "",
                  closed_on: date | None = None, final_amount: Decimal | None = None,
                  now: datetime | None = None) -> None:
        """Move a deal to a stage, recording a StageChange; one transaction.

        Moving to the lost stage needs a reason from the configured list (a competitor's
        name for "competitor", a comment for "other"); moving to the won stage needs the
        closing date and the final amount. `expected_from` guards against a board that is
        out of date: the move is refused if the deal is no longer in that stage.
        """
        now = now or datetime.now(UTC)
        reasons = self.lost_reasons()
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            target = s.get(Stage, to_stage_id)
            if target is None:
                raise NotFoundError(translate("Deals", "Этап не найден"))
            if expected_from is not None and deal.stage_id != expected_from:
                raise ConflictError(translate(
                    "Deals", "Сделка уже перенесена в другой этап — доска обновлена"))
            if deal.stage_id == to_stage_id:
                return
            errors: dict[str, str] = {}
            if target.is_lost:
                if not lost_reason:
                    errors["lost_reason"] = translate("Deals", "Укажите причину проигрыша")
                elif lost_reason not in reasons:
                    errors["lost_reason"] = translate("Deals", "Такой причины нет в списке")
                elif lost_reason == "competitor" and not competitor.strip():
                    errors["competitor"] = translate("Deals", "Укажите конкурента")
                elif lost_reason == "other" and not lost_comment.strip():
                    errors["lost_comment"] = translate("Deals", "Опишите причину в комментарии")
            if target.is_won:
                if closed_on is None:
                    errors["closed_on"] = translate("Deals", "Укажите дату закрытия")
                elif closed_on > _local_date(now) + timedelta(days=1):
                    errors["closed_on"] = translate("Deals", "Дата закрытия в будущем")
                if final_amount is None:
                    errors["final_amount"] = translate("Deals", "Укажите итоговую сумму")
                elif final_amount < 0:
                    errors["final_amount"] = translate(
                        "Deals", "Сумма не может быть отрицательной")
            if errors:
                raise ValidationError(errors)
            s.add(StageChange(deal_id=deal.id, from_stage_id=deal.stage_id,
                              to_stage_id=target.id, changed_at=now))
            deal.stage_id = target.id
            deal.stage_entered_at = now
            if target.is_lost:
                deal.lost_reason = lost_reason
                deal.lost_comment = lost_comment.strip()
                deal.competitor_id = (self._competitor_id(s, competitor)
                                      if lost_reason == "competitor" else None)
                deal.closed_on = closed_on or _local_date(now)
            elif target.is_won:
                deal.closed_on = closed_on
                deal.amount = round_money(final_amount)  # type: ignore[arg-type]
                deal.lost_reason = ""
                deal.lost_comment = ""
                deal.competitor_id = None
            else:
                deal.closed_on = None
                deal.lost_reason = ""
                deal.lost_comment = ""
                deal.competitor_id = None
            uow.commit()

    @staticmethod
    def _competitor_id(s: Any, name: str) -> int:
        name = name.strip()
        found = s.scalar(select(Competitor.id).where(Competitor.name == name))
        if found is not None:
            return int(found)
        comp = Competitor(name=name)
        s.add(comp)
        s.flush()
        return int(comp.id)

    def neighbour_stage(self, stage_id: int, step: int) -> StageInfo | None:
        """The stage left (-1) or right (+1) of a stage in board order, if any."""
        stages = self.stages()
        for i, st in enumerate(stages):
            if st.id == stage_id:
                j = i + step
                return stages[j] if 0 <= j < len(stages) else None
        return None

    # --- the editor -------------------------------------------------------------------------
    def detail(self, deal_id: int) -> DealDetail:
        with self._uow() as uow:
            s = uow.session
            deal = s.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            stage = s.get(Stage, deal.stage_id)
            client = s.get(Client, deal.client_id)
            competitor = s.get(Competitor, deal.competitor_id) if deal.competitor_id else None
            product_ids = {ln.product_id for ln in deal.lines if ln.product_id}
            floors: dict[int, Decimal | None] = {}
            if product_ids:
                for p in s.scalars(select(Product).where(Product.id.in_(product_ids))):
                    floors[p.id] = effective_floor(p.price, p.floor_price, p.max_discount)
            lines = [LineRow(id=ln.id, product_id=ln.product_id, name=ln.name, unit=ln.unit,
                             quantity=ln.quantity, price=ln.price, discount=ln.discount,
                             vat_kind=ln.vat_kind, floor_override_reason=ln.floor_override_reason,
                             floor=floors.get(ln.product_id) if ln.product_id else None)
                     for ln in deal.lines]
            objections = [ObjectionInput(id=o.id, text=o.text, answer=o.answer,
                                         resolved=o.resolved)
                          for o in s.scalars(select(Objection).where(Objection.deal_id == deal_id)
                                             .order_by(Objection.created_at, Objection.id))]
            assert stage is not None and client is not None
            return DealDetail(
                id=deal.id, client_id=deal.client_id, client_name=client.name,
                contact_id=deal.contact_id, title=deal.title, stage_id=deal.stage_id,
                stage_name=stage.name, stage_probability=stage.probability, amount=deal.amount,
                probability=deal.probability, expected_close=deal.expected_close,
                closed_on=deal.closed_on, source=deal.source, notes=deal.notes,
                negotiation_notes=deal.negotiation_notes, payment_terms=deal.payment_terms,
                delivery_terms=deal.delivery_terms, lost_reason=deal.lost_reason,
                lost_comment=deal.lost_comment,
                competitor_name=competitor.name if competitor else "",
                created_at=deal.created_at, stage_entered_at=deal.stage_entered_at,
                lines=lines, objections=objections,
            )

    def floors_for(self, product_ids: Iterable[int]) -> dict[int, Decimal | None]:
        ids = set(product_ids)
        if not ids:
            return {}
        with self._uow() as uow:
            return {p.id: effective_floor(p.price, p.floor_price, p.max_discount)
                    for p in uow.session.scalars(select(Product).where(Product.id.in_(ids)))}

    def warnings_for(self, data: DealInput, *, is_new: bool,
                     today: date | None = None) -> list[str]:
        """Things worth a second look that do not block saving."""
        today = today or date.today()
        warnings = []
        if is_new and data.expected_close is not None and data.expected_close < today:
            warnings.append(translate(
                "Deals", "Ожидаемая дата закрытия {day} уже прошла").format(
                day=data.expected_close.strftime("%d.%m.%Y")))
        return warnings

    def validate(self, data: DealInput) -> dict[str, str]:
        errors: dict[str, str] = {}
        if data.client_id is None:
            errors["client"] = translate("Deals", "Выберите клиента")
        if not data.title.strip():
            errors["title"] = translate("Deals", "Укажите название сделки")
        if data.probability is not None and not (0 <= data.probability <= 100):
            errors["probability"] = translate("Deals", "Вероятность должна быть от 0 до 100 %")
        if data.manual_amount is not None and data.manual_amount < 0:
            errors["amount"] = translate("Deals", "Сумма не может быть отрицательной")
        floors = self.floors_for(ln.product_id for ln in data.lines if ln.product_id)
        for i, line in enumerate(data.lines):
            floor = floors.get(line.product_id) if line.product_id else None
            for key, msg in validate_line(line, floor).items():
                errors[f"lines.{i}.{key}"] = translate("Deals", "Строка {n}: {msg}").format(
                    n=i + 1, msg=msg)
        for i, obj in enumerate(data.objections):
            if not obj.text.strip():
                errors[f"objections.{i}.text"] = translate(
                    "Deals", "Возражение {n}: текст не может быть пустым").format(n=i + 1)
        return errors

    def save_deal(self, data: DealInput, deal_id: int | None = None, *,
                  today: date | None = None, now: datetime | None = None) -> SaveResult:
        """Create or update a deal with its lines and objections in one transaction."""
        now = now or datetime.now(UTC)
        # Prices are stored in kopecks: round them first so the amount matches the lines.
        data = replace(data, lines=tuple(replace(ln, price=round_money(ln.price))
                                         for ln in data.lines))
        errors = self.validate(data)
        if errors:
            raise ValidationError(errors)
        warnings = self.warnings_for(data, is_new=deal_id is None, today=today)
        with self._uow() as uow:
            s = uow.session
            if s.get(Client, data.client_id) is None:
                raise ValidationError.single("client", translate("Deals", "Клиент не найден"))
            if data.contact_id is not None:
                contact = s.get(Contact, data.contact_id)
                if contact is None or contact.client_id != data.client_id:
                    raise ValidationError.single(
                        "contact", translate("Deals", "Контакт не относится к этому клиенту"))
            if deal_id is None:
                stage_id = data.stage_id
                if stage_id is None:
                    stage_id = s.scalar(select(Stage.id).where(
                        Stage.is_won.is_(False), Stage.is_lost.is_(False))
                        .order_by(Stage.position).limit(1))
                    if stage_id is None:
                        self._create_default_stages(uow)
                        stage_id = s.scalar(select(Stage.id).order_by(Stage.position).limit(1))
                deal = Deal(stage_id=stage_id, stage_entered_at=now, created_at=now)
                s.add(deal)
            else:
                found = s.get(Deal, deal_id)
                if found is None:
                    raise NotFoundError(translate("Deals", "Сделка не найдена"))
                deal = found
            deal.client_id = data.client_id  # type: ignore[assignment]
            deal.contact_id = data.contact_id
            deal.title = data.title.strip()
            deal.source = data.source.strip()
            deal.expected_close = data.expected_close
            deal.probability = data.probability
            deal.notes = data.notes
            deal.negotiation_notes = data.negotiation_notes
            deal.payment_terms = data.payment_terms
            deal.delivery_terms = data.delivery_terms
            won = deal_id is not None and bool(s.scalar(
                select(Stage.is_won).where(Stage.id == deal.stage_id)))
            if won:  # the final amount agreed when the deal was won is kept
                if data.manual_amount is not None:
                    deal.amount = round_money(data.manual_amount)
            else:
                deal.amount = deal_amount(data.lines, data.manual_amount)
            deal.updated_at = now
            deal.lines = [
                DealLine(position=i, product_id=ln.product_id, name=ln.name.strip(),
                         unit=ln.unit.strip() or "шт", quantity=ln.quantity,
                         price=round_money(ln.price), discount=ln.discount,
                         vat_kind=ln.vat_kind,
                         floor_override_reason=ln.floor_override_reason.strip())
                for i, ln in enumerate(data.lines)
            ]
            uow.flush()
            if deal_id is None:
                s.add(StageChange(deal_id=deal.id, from_stage_id=None,
                                  to_stage_id=deal.stage_id, changed_at=now))
            self._sync_objections(s, deal.id, data.objections)
            new_id = deal.id
            uow.commit()
        return SaveResult(deal_id=new_id, warnings=warnings)

    @staticmethod
    def _sync_objections(s: Any, deal_id: int, items: tuple[ObjectionInput, ...]) -> None:
        existing = {o.id: o for o in s.scalars(select(Objection)
                                                .where(Objection.deal_id == deal_id))}
        keep = set()
        for item in items:
            row = existing.get(item.id) if item.id is not None else None
            if row is None:
                row = Objection(deal_id=deal_id)
                s.add(row)
            else:
                keep.add(row.id)
            row.text = item.text.strip()
            row.answer = item.answer.strip()
            row.resolved = item.resolved
        for oid, row in existing.items():
            if oid not in keep:
                s.delete(row)

    def delete_deal(self, deal_id: int) -> None:
        with self._uow() as uow:
            deal = uow.session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            uow.session.delete(deal)
            uow.commit()

    def history(self, deal_id: int, *, now: datetime | None = None) -> list[StageSpan]:
        """The deal's path through the stages with the time spent in each."""
        now = now or datetime.now(UTC)
        to_stage = aliased(Stage)
        with self._uow() as uow:
            rows = uow.session.execute(
                select(StageChange.to_stage_id, to_stage.name, StageChange.changed_at,
                       to_stage.is_won, to_stage.is_lost)
                .join(to_stage, to_stage.id == StageChange.to_stage_id)
                .where(StageChange.deal_id == deal_id)
                .order_by(StageChange.changed_at, StageChange.id)
            ).all()
        spans = []
        for i, (sid, name, at, won, lost) in enumerate(rows):
            left = rows[i + 1][2] if i + 1 < len(rows) else None
            end = left or (at if (won or lost) else now)
            spans.append(StageSpan(stage_id=sid, stage_name=name, entered_at=at, left_at=left,
                                   days=max((end - at).days, 0)))
        return spans

    # --- pickers ----------------------------------------------------------------------------
    def client_name(self, client_id: int) -> str:
        with self._uow() as uow:
            client = uow.session.get(Client, client_id)
            return client.name if client else ""

    def clients_with_open_deals(self) -> list[Choice]:
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Client.id, Client.name).join(Deal, Deal.client_id == Client.id)
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Stage.is_won.is_(False), Stage.is_lost.is_(False))
                .group_by(Client.id, Client.name).order_by(Client.name)).all()
        return [Choice(id=r.id, name=r.name) for r in rows]

    def segments(self) -> list[str]:
        with self._uow() as uow:
            return list(uow.session.scalars(
                select(Client.segment).where(Client.segment != "")
                .group_by(Client.segment).order_by(Client.segment)))

    def sources(self) -> list[str]:
        with self._uow() as uow:
            return list(uow.session.scalars(
                select(Deal.source).where(Deal.source != "")
                .group_by(Deal.source).order_by(Deal.source)))

    def competitor_names(self) -> list[str]:
        with self._uow() as uow:
            return list(uow.session.scalars(select(Competitor.name).order_by(Competitor.name)))

    # --- the library of standard objections ----------------------------------------------
    def standard_objections(self) -> list[StandardObjectionRow]:
        with self._uow() as uow:
            return [StandardObjectionRow(o.id, o.text, o.answer) for o in uow.session.scalars(
                select(StandardObjection).order_by(StandardObjection.text))]

    def save_standard_objection(self, text: str, answer: str,
                                objection_id: int | None = None) -> int:
        if not text.strip():
            raise ValidationError.single("text", translate("Deals", "Текст возражения пуст"))
        with self._uow() as uow:
            s = uow.session
            clash = s.scalar(select(StandardObjection.id)
                             .where(StandardObjection.text == text.strip()))
            if clash is not None and clash != objection_id:
                raise ValidationError.single("text", translate(
                    "Deals", "Такое возражение уже есть в библиотеке"))
            row = (s.get(StandardObjection, objection_id) if objection_id is not None
                   else None)
            if row is None:
                row = StandardObjection()
                s.add(row)
            row.text = text.strip()
            row.answer = answer.strip()
            uow.flush()
            new_id = row.id
            uow.commit()
            return new_id

    def delete_standard_objection(self, objection_id: int) -> None:
        with self._uow() as uow:
            row = uow.session.get(StandardObjection, objection_id)
            if row is not None:
                uow.session.delete(row)
                uow.commit()


# --- demo data ------------------------------------------------------------------------------
def freshen_demo_pipeline(session: Any, today: date, seed: int = 1) -> None:
    """Make the demo board look like a living pipeline.

    The generic demo leaves open deals in their stage for months; a real manager's board has
    most deals moving within the stage's limit and a few stalled ones. Each open deal's
    history (stage changes, creation) is shifted forward so it stays consistent. Uses its own
    random generator so the rest of the demo data is unchanged.
    """
    import random

    rng = random.Random(seed * 7919 + 13)
    rows = session.execute(
        select(Deal.id, Deal.stage_entered_at, Stage.stall_days)
        .join(Stage, Stage.id == Deal.stage_id)
        .where(Stage.is_won.is_(False), Stage.is_lost.is_(False))
        .order_by(Deal.id)).all()
    now_local = datetime.combine(today, datetime.min.time()).astimezone()
    for deal_id, entered, stall in rows:
        limit = stall or 10
        if rng.random() < 0.22:
            days = rng.randint(limit + 1, limit * 3)
        else:
            days = rng.randint(0, limit)
        target = (now_local - timedelta(days=days, hours=-rng.randint(9, 17))).astimezone(UTC)
        delta = target - entered  # earlier or later: the whole history moves together
        if not delta:
            continue
        for change in session.scalars(select(StageChange).where(StageChange.deal_id == deal_id)):
            change.changed_at = change.changed_at + delta
        deal = session.get(Deal, deal_id)
        deal.stage_entered_at = target
        deal.created_at = deal.created_at + delta
        deal.updated_at = target
    # Objections heard in deals that got as far as a presentation, some already answered.
    library = list(session.scalars(select(StandardObjection).order_by(StandardObjection.id)))
    later = [r[0] for r in session.execute(
        select(Deal.id).join(Stage, Stage.id == Deal.stage_id)
        .where(Stage.is_won.is_(False), Stage.is_lost.is_(False), Stage.position >= 3)
        .order_by(Deal.id))]
    for deal_id in later:
        if not library or rng.random() > 0.6:
            continue
        for item in rng.sample(library, rng.randint(1, min(2, len(library)))):
            resolved = rng.random() < 0.5
            session.add(Objection(deal_id=deal_id, text=item.text,
                                  answer=item.answer if resolved or rng.random() < 0.5 else "",
                                  resolved=resolved,
                                  created_at=now_local.astimezone(UTC)
                                  - timedelta(days=rng.randint(1, 20))))
        deal = session.get(Deal, deal_id)
        if not deal.negotiation_notes:
            deal.negotiation_notes = rng.choice([
                "Решение принимает директор по логистике; важны сроки поставки.",
                "Просят отсрочку платежа 30 дней; сравнивают с двумя поставщиками.",
                "Бюджет утверждён на квартал, ждут КП с монтажом.",
            ])
