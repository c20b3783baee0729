"""The kanban board: deal cards per stage, the filter, the column sums."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TypeVarTuple

from sqlalchemy import Integer, Select, func, select, type_coerce

from app.domain.figures import weighted_amount
from app.domain.money import ZERO, round_money
from app.i18n import translate
from app.models import Activity, Client, Deal, Stage, effective_probability
from app.services.deals.stages import StageInfo, StageSettings
from app.services.errors import NotFoundError
from app.services.workdays import working_days_between

Ts = TypeVarTuple("Ts")

CLOSED_LIMIT = 500  # closed deals shown per won/lost column (newest first)


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
        return weighted_amount(self.amount, self.probability)

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


def local_date(value: datetime) -> date:
    return value.astimezone().date()


class BoardQueries(StageSettings):
    """The board and single cards, filtered in SQL where the filter allows."""

    def board(self, flt: BoardFilter = BoardFilter(), *, today: date | None = None) -> Board:
        today = today or date.today()
        stages = self.stages()
        working = self.stall_in_working_days()
        visible = [st for st in stages if st.is_open or flt.show_closed]
        by_id = {st.id: st for st in stages}
        with self._uow(read_only=True) as uow:
            s = uow.session
            prob = effective_probability()
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
            entered = local_date(r.stage_entered_at)
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
    def _apply_sql_filter(q: Select[*Ts], flt: BoardFilter) -> Select[*Ts]:
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
        with self._uow(read_only=True) as uow:
            prob = effective_probability()
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
        with self._uow(read_only=True) as uow:
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

