"""The kanban board: deal cards per stage, the filter, the column sums."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeVarTuple

from sqlalchemy import Integer, Row, Select, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

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
    # the "no next step" flag: an open deal with no open activity planned, whether its last
    # activity was done with an explicit "no next step" (`no_next_reason`, shown) or it has
    # none at all
    no_next_step: bool = False
    no_next_reason: str = ""

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


NO_NEXT: tuple[str | None, str | None, datetime | None] = (None, "", None)
_EPOCH = datetime.min.replace(tzinfo=UTC)
_DEAL_UNINDEXED = literal_column("+activities.deal_id", Integer)  # no index on it (below)
_REASON_CHUNK = 500  # deal ids per IN list when the reasons of flagged deals are read


def last_no_next_reason(done: list[tuple[datetime | None, int, str]]) -> str:
    """The reason of the deal's last done activity (by done time, then id): (done_at, id,
    no_next_reason) of each; "" when it gave none or there is none."""
    if not done:
        return ""
    return max(done, key=lambda d: (d[0] or _EPOCH, d[1]))[2]


def local_date(value: datetime) -> date:
    return value.astimezone().date()


def days_in_stage(entered_at: datetime, today: date, *, working: bool,
                  cache: dict[date, int] | None = None) -> int:
    """Days since the deal entered its stage: calendar days, or working days (cached)."""
    entered = local_date(entered_at)
    if not working:
        return max((today - entered).days, 0)
    if cache is None:
        return working_days_between(entered, today)
    days = cache.get(entered)
    if days is None:
        days = cache[entered] = working_days_between(entered, today)
    return days


def stalled(stage: StageInfo, days: int) -> bool:
    """An open deal is stalled when it has been in its stage longer than the stage allows."""
    return stage.is_open and stage.stall_days is not None and days > stage.stall_days


class BoardQueries(StageSettings):
    """The board and single cards, filtered in SQL where the filter allows."""

    @staticmethod
    def _card_columns() -> Select[*tuple[Any, ...]]:
        """The columns a card is made of, one row per deal (joined to its client and stage)."""
        return (
            select(Deal.id, Deal.stage_id, Deal.client_id, Client.name, Client.segment,
                   Deal.title, Deal.amount, effective_probability().label("probability"),
                   Deal.expected_close, Deal.closed_on, Deal.stage_entered_at,
                   Deal.lost_reason)
            .join(Client, Client.id == Deal.client_id)
            .join(Stage, Stage.id == Deal.stage_id)
        )

    @staticmethod
    def _make_card(r: Row[Any], stage: StageInfo, days: int,
                   nxt: tuple[str | None, str | None, datetime | None], today: date,
                   no_next_reason: str = "") -> DealCard:
        flagged = stage.is_open and nxt[2] is None
        return DealCard(
            id=r.id, stage_id=r.stage_id, client_id=r.client_id, client_name=r.name,
            segment=r.segment, title=r.title, amount=r.amount, probability=int(r.probability),
            expected_close=r.expected_close, closed_on=r.closed_on, days_in_stage=days,
            stall_limit=stage.stall_days, stalled=stalled(stage, days), next_kind=nxt[0],
            next_subject=nxt[1] or "", next_due=nxt[2], lost_reason=r.lost_reason,
            close_overdue=(stage.is_open and r.expected_close is not None
                           and r.expected_close < today),
            no_next_step=flagged, no_next_reason=no_next_reason if flagged else "",
        )

    def board(self, flt: BoardFilter = BoardFilter(), *, today: date | None = None) -> Board:
        today = today or date.today()
        stages = self.stages()
        working = self.stall_in_working_days()
        visible = [st for st in stages if st.is_open or flt.show_closed]
        by_id = {st.id: st for st in stages}
        needle = flt.text.strip().casefold()
        cards: dict[int, list[DealCard]] = {st.id: [] for st in visible}
        wd_cache: dict[date, int] = {}

        def shown(r: Row[Any], st: StageInfo,
                  nxt: tuple[str | None, str | None, datetime | None]) -> DealCard | None:
            """The row's card, or None when a filter SQL cannot express leaves it out."""
            if needle and needle not in r.title.casefold() and needle not in r.name.casefold():
                return None
            days = days_in_stage(r.stage_entered_at, today, working=working, cache=wd_cache)
            if flt.stalled_only and not stalled(st, days):
                return None
            return self._make_card(r, st, days, nxt, today)

        with self._uow(read_only=True) as uow:
            s = uow.session
            open_ids = [st.id for st in visible if st.is_open]
            q = self._apply_sql_filter(self._card_columns().where(Deal.stage_id.in_(open_ids)),
                                       flt)
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
            # the row that holds min(due_at). Read from the few open activities by (done,
            # due_at): the unary `+` keeps the planner off (deal_id, done, due_at), which
            # without statistics it would take for a seek per open deal (migration 0013).
            next_by_deal = {
                r[0]: (r[1], r[2], r[3]) for r in s.execute(
                    select(Activity.deal_id, Activity.kind, Activity.subject,
                           func.min(Activity.due_at))
                    .where(Activity.done.is_(False), Activity.due_at.is_not(None),
                           _DEAL_UNINDEXED.in_(select(Deal.id).where(
                               Deal.stage_id.in_(open_ids))))
                    .group_by(Activity.deal_id))
            }
            for r in rows:
                card = shown(r, by_id[r.stage_id], next_by_deal.get(r.id, NO_NEXT))
                if card is not None:
                    cards[r.stage_id].append(card)
            self._add_no_next_reasons(s, cards, open_ids)
            # A closed column shows its newest CLOSED_LIMIT deals: read newest first (by
            # (stage_id, closed_on)) and stop there, not all of history's won or lost deals.
            for st in visible:
                if st.is_open or flt.stalled_only:  # a closed deal is never stalled
                    continue
                q = self._apply_sql_filter(
                    self._card_columns().where(Deal.stage_id == st.id), flt).order_by(
                    Deal.closed_on.desc().nulls_last(), Deal.id.desc())
                if not needle:
                    q = q.limit(CLOSED_LIMIT)
                with closing(s.execute(q.execution_options(yield_per=CLOSED_LIMIT))) as result:
                    for r in result:
                        card = shown(r, st, NO_NEXT)
                        if card is not None:
                            cards[st.id].append(card)
                            if len(cards[st.id]) == CLOSED_LIMIT:
                                break
        ids: list[int] | None = None
        if needle or flt.stalled_only:
            ids = [c.id for col in cards.values() for c in col]
        summaries = self.column_summaries(flt, [st.id for st in visible], ids)
        return Board(stages=visible, cards=cards, summaries=summaries, working_days=working)

    @staticmethod
    def _add_no_next_reasons(s: Session, cards: dict[int, list[DealCard]],
                             open_ids: list[int]) -> None:
        """Give each flagged card of the open columns its last activity's reason: the done
        activities of the flagged deals only, by ix_activities_deal_done_due."""
        flagged = {c.id: (stage_id, i) for stage_id in open_ids for i, c in
                   enumerate(cards.get(stage_id, ())) if c.no_next_step}
        ids = list(flagged)
        done: dict[int, list[tuple[datetime | None, int, str]]] = {}
        for start in range(0, len(ids), _REASON_CHUNK):
            # done is tested here, not in SQL: without statistics a `done = 1` term would
            # drive the read from (done, due_at), every done activity of the base
            for deal_id, done_at, activity_id, reason, is_done in s.execute(
                    select(Activity.deal_id, Activity.done_at, Activity.id,
                           Activity.no_next_reason, Activity.done)
                    .where(Activity.deal_id.in_(ids[start:start + _REASON_CHUNK]))):
                if is_done and deal_id is not None:
                    done.setdefault(deal_id, []).append((done_at, activity_id, reason))
        for deal_id, rows in done.items():
            reason = last_no_next_reason(rows)
            if reason:
                stage_id, i = flagged[deal_id]
                cards[stage_id][i] = replace(cards[stage_id][i], no_next_reason=reason)

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
        """Count, sum and probability-weighted sum per column, grouped in the database.

        After a move the board asks only for the two columns the deal left and entered.
        """
        with self._uow(read_only=True) as uow:
            prob = effective_probability()
            q = (
                select(Deal.stage_id, func.count(Deal.id),
                       func.coalesce(func.sum(type_coerce(Deal.amount, Integer)), 0),
                       func.coalesce(func.sum(type_coerce(Deal.amount, Integer) * prob), 0))
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.stage_id.in_(stage_ids))
                .group_by(Deal.stage_id)
            )
            if flt.segment:  # the only filter on the client: no join (a look-up a deal) else
                q = q.join(Client, Client.id == Deal.client_id)
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
        """One deal's card as the board shows it (after a move or an edit): that deal only."""
        today = today or date.today()
        working = self.stall_in_working_days()
        with self._uow(read_only=True) as uow:
            s = uow.session
            r = s.execute(self._card_columns().add_columns(
                Stage.name.label("stage_name"), Stage.position, Stage.probability.label(
                    "stage_probability"), Stage.stall_days, Stage.is_won, Stage.is_lost)
                .where(Deal.id == deal_id)).one_or_none()
            if r is None:
                raise NotFoundError(translate("Deals", "Сделка не найдена"))
            # All of the deal's activities, the next one picked here: with only deal_id in
            # the WHERE clause no plan can prefer (done, due_at), which reads every
            # undone activity of the base when there are no planner statistics.
            activities = s.execute(
                select(Activity.id, Activity.kind, Activity.subject, Activity.due_at,
                       Activity.done, Activity.done_at, Activity.no_next_reason)
                .where(Activity.deal_id == deal_id)).all()
            planned = [(a.due_at, a.id, a.kind, a.subject) for a in activities
                       if not a.done and a.due_at is not None]
            done = [(a.done_at, a.id, a.no_next_reason) for a in activities if a.done]
        stage = StageInfo(id=r.stage_id, name=r.stage_name, position=r.position,
                          probability=r.stage_probability, stall_days=r.stall_days,
                          is_won=r.is_won, is_lost=r.is_lost)
        days = days_in_stage(r.stage_entered_at, today, working=working)
        # the board lists a next step for open deals only
        shown = NO_NEXT
        if planned and stage.is_open:
            due, _id, kind, subject = min(planned)
            shown = (kind, subject, due)
        return self._make_card(r, stage, days, shown, today, last_no_next_reason(done))
