"""Analyses of the pipeline and the client base: funnel, losses, lead sources, ABC/XYZ,
RFM and churn risk. Every aggregation runs in SQLite (GROUP BY, window functions);
sums come back as integer kopecks and are converted exactly with `from_kopecks`.

"Purchases" of a client are its won deals (amount, closing date). Periods are the plan's
("2026-11", "2026-Q4", "2026"; see `app.services.plan.parse_period`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from sqlalchemy import text

from app.i18n import translate
from app.money import ZERO, from_kopecks, round_money
from app.services.errors import ValidationError
from app.services.plan import LOST_DEALS, WON_DEALS, Period, add_months, parse_period
from app.services.uow import UowFactory

ABC_CLASSES = ("A", "B", "C")
XYZ_CLASSES = ("X", "Y", "Z")


def _k(value: Any) -> Decimal:
    return from_kopecks(int(value or 0))


def _pct(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"),
                                                           rounding=ROUND_HALF_UP)


def _bounds(p: Period) -> dict[str, str]:
    """Date and timestamp bounds: timestamps are stored as naive UTC text, so the period's
    instants are compared as [first 00:00, day after last 00:00) in UTC."""
    return {"a": p.first.isoformat(), "b": p.last.isoformat(),
            "ta": p.first.isoformat(), "tb": (p.last + timedelta(days=1)).isoformat()}


def _months(p: Period) -> dict[str, str]:
    """The period's first and last month as 'YYYY-MM' (the rollups' month keys)."""
    return {"ma": p.first.isoformat()[:7], "mb": p.last.isoformat()[:7]}


# --------------------------------------------------------------------------- DTOs
@dataclass(frozen=True)
class FunnelStage:
    """One stage of the funnel for a period.

    entered: moves into the stage during the period (a deal that comes back to a stage
    counts again); moved_on: those whose next move was to a further (not lost) stage;
    conversion = moved_on / entered × 100;
    avg_days: average days a deal that entered in the period spent in the stage before
    leaving it (None when none has left yet); lost_here: of the entries, those whose next
    move was to a lost stage (where deals drop out). Entries are counted in the month they
    happen, whenever the next move came.
    """

    stage_id: int
    name: str
    position: int
    is_won: bool
    entered: int
    moved_on: int
    conversion: Decimal | None
    avg_days: Decimal | None
    lost_here: int


@dataclass(frozen=True)
class LossRow:
    """Lost deals of a period by one key (reason code or competitor)."""

    key: str  # lost reason code ('' = not given) or competitor name
    count: int
    amount: Decimal
    share: Decimal | None  # of all lost deals' count, %


@dataclass(frozen=True)
class Losses:
    period: Period
    total_count: int
    total_amount: Decimal
    by_reason: list[LossRow]  # most frequent first
    by_competitor: list[LossRow]  # competitor named on the deal; most amount first


@dataclass(frozen=True)
class SourceRow:
    """A lead source / channel in a period.

    leads: new clients with this lead source created in the period; deals: deals with this
    source created in the period; won / revenue: deals with this source won in the period;
    conversion = won / (won + lost closed in the period) × 100; cost: the cost of campaigns
    of this channel prorated to the days they ran inside the period; cost_per_lead =
    cost / leads.
    """

    source: str
    leads: int
    deals: int
    won: int
    closed: int
    revenue: Decimal
    conversion: Decimal | None
    cost: Decimal
    cost_per_lead: Decimal | None


@dataclass(frozen=True)
class AbcXyzClient:
    client_id: int
    name: str
    region: str
    segment: str
    revenue: Decimal
    share: Decimal  # of the period's revenue, %
    cumulative_share: Decimal  # including this client, %
    abc: str
    months_with_purchases: int
    mean_monthly: Decimal
    cv: Decimal | None  # coefficient of variation of monthly purchases, %
    xyz: str


@dataclass(frozen=True)
class AbcXyzCell:
    abc: str
    xyz: str
    count: int
    revenue: Decimal


@dataclass(frozen=True)
class AbcXyzResult:
    """ABC by revenue in the period and XYZ by the variability of monthly purchases over the
    `xyz_months` months ending with the period (months without purchases count as zero).

    A client is A while the revenue of the clients before it (in descending order) is below
    `a_share` % of the total, B below a_share + b_share %, C after. X: CV ≤ x_max %, Y: CV ≤
    y_max %, Z above. `cells` has all nine combinations (zeros included), A×X first.
    """

    period: Period
    a_share: Decimal
    b_share: Decimal
    x_max: Decimal
    y_max: Decimal
    xyz_months: int
    total_revenue: Decimal
    cells: list[AbcXyzCell]
    # per client, by revenue (largest first): (id, name, region, segment, revenue kopecks,
    # cumulative kopecks, ABC, months with purchases, mean monthly kopecks, CV in tenths
    # of a per cent or None, XYZ). A year has tens of thousands of clients: they become
    # AbcXyzClient objects only when asked for (`clients`, `clients_in`, `top`).
    rows: tuple[tuple[Any, ...], ...] = field(repr=False)

    def cell(self, abc: str, xyz: str) -> AbcXyzCell:
        return next(c for c in self.cells if c.abc == abc and c.xyz == xyz)

    @cached_property
    def clients(self) -> list[AbcXyzClient]:
        """Every client, largest revenue first."""
        return [self._client(r) for r in self.rows]

    def clients_in(self, abc: str, xyz: str) -> list[AbcXyzClient]:
        """The client list of one matrix cell, largest revenue first."""
        return [self._client(r) for r in self.rows if r[6] == abc and r[10] == xyz]

    def top(self, n: int) -> list[AbcXyzClient]:
        """The `n` clients with the largest revenue."""
        return [self._client(r) for r in self.rows[:n]]

    def _client(self, r: tuple[Any, ...]) -> AbcXyzClient:
        cid, name, region, segment, revenue, cum, abc, months, mean, cv_tenths, xyz = r
        total = int(self.total_revenue * 100)
        return AbcXyzClient(
            cid, name, region, segment, from_kopecks(revenue),
            _percent_tenths(revenue, total), _percent_tenths(cum, total), abc, months,
            round_money(Decimal(str(mean)) / 100),
            None if cv_tenths is None else Decimal(cv_tenths).scaleb(-1), xyz)


RFM_SEGMENTS = ("champions", "loyal", "potential", "new", "promising", "need_attention",
                "cant_lose", "at_risk", "lost")


def rfm_segment(r: int, f: int) -> str:
    """The classic R×F segment map (scores 1..5, 5 best)."""
    if r >= 4 and f >= 4:
        return "champions" if r == 5 else "loyal"
    if r == 3 and f >= 4:
        return "loyal"
    if r >= 4 and f >= 2:
        return "potential"
    if r == 5:
        return "new"
    if r == 4:
        return "promising"
    if r == 3:
        return "need_attention"
    if f == 5:
        return "cant_lose"
    if f >= 3:
        return "at_risk"
    return "lost"


def rfm_segment_label(key: str) -> str:
    return {
        "champions": translate("Analytics", "Чемпионы"),
        "loyal": translate("Analytics", "Лояльные"),
        "potential": translate("Analytics", "Потенциально лояльные"),
        "new": translate("Analytics", "Новые"),
        "promising": translate("Analytics", "Перспективные"),
        "need_attention": translate("Analytics", "Требуют внимания"),
        "cant_lose": translate("Analytics", "Нельзя потерять"),
        "at_risk": translate("Analytics", "В зоне риска"),
        "lost": translate("Analytics", "Потерянные"),
    }.get(key, key)


@dataclass(frozen=True)
class RfmClient:
    """Recency in days since the last purchase, frequency = won deals, monetary = their sum;
    r/f/m are quintile scores 1..5 (5 = most recent / most frequent / largest)."""

    client_id: int
    name: str
    last_purchase: date
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    segment: str


@dataclass(frozen=True)
class RfmSegmentSummary:
    segment: str
    label: str
    count: int
    monetary: Decimal


@dataclass(frozen=True)
class RfmResult:
    as_of: date
    clients: list[RfmClient]  # by monetary, largest first
    segments: list[RfmSegmentSummary]  # in RFM_SEGMENTS order, empty ones included


@dataclass(frozen=True)
class ChurnRiskClient:
    """A client whose silence is longer than k × its usual interval between purchases.

    usual_interval_days = (last − first purchase) / (purchases − 1); revenue_at_stake =
    the client's revenue in the 365 days up to and including its last purchase (a year of
    its business, which is what leaving would cost).
    """

    client_id: int
    name: str
    status: str
    purchases: int
    first_purchase: date
    last_purchase: date
    usual_interval_days: Decimal
    days_since_last: int
    overdue_ratio: Decimal  # days_since_last / usual interval
    revenue: Decimal
    revenue_at_stake: Decimal


# --------------------------------------------------------------------------- service
class AnalyticsService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    # --- funnel -----------------------------------------------------------------
    def funnel(self, period: str | Period) -> list[FunnelStage]:
        """The funnel for a period over the stages in order (lost stages left out; see
        `FunnelStage`)."""
        p = parse_period(period)
        with self._uow() as uow:
            s = uow.session
            stages = s.execute(text(
                "SELECT id, name, position, is_won FROM stages WHERE is_lost = 0"
                " ORDER BY position")).all()
            # Entries by month, stage and the stage moved to next, from the trigger-kept
            # rollup (migration 0004): a year is at most a few hundred rows.
            rows = s.execute(text("""
                SELECT st.id, SUM(f.entries),
                       SUM(CASE WHEN ns.is_lost = 0 AND ns.position > st.position
                                THEN f.entries ELSE 0 END),
                       SUM(f.dur_sum) * 1.0 / NULLIF(SUM(f.dur_n), 0) / 86400.0,
                       SUM(CASE WHEN ns.is_lost = 1 THEN f.entries ELSE 0 END)
                FROM stages st
                CROSS JOIN agg_funnel_month f ON f.stage_id = st.id
                     AND f.month BETWEEN :ma AND :mb
                LEFT JOIN stages ns ON ns.id = f.next_stage_id
                WHERE st.is_lost = 0
                GROUP BY st.id"""), _bounds(p) | _months(p)).all()
        by_stage = {r[0]: r for r in rows}
        out = []
        for sid, name, position, is_won in stages:
            r = by_stage.get(sid)
            entered = int(r[1]) if r else 0
            moved = int(r[2]) if r and not is_won else 0
            avg = (Decimal(str(r[3])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
                   if r and r[3] is not None and not is_won else None)
            out.append(FunnelStage(sid, name, position, bool(is_won), entered, moved,
                                   None if is_won else _pct(moved, entered), avg,
                                   int(r[4]) if r else 0))
        return out

    # --- losses -----------------------------------------------------------------
    def losses(self, period: str | Period) -> Losses:
        """Deals lost in the period (by closing date) by reason and by competitor."""
        p = parse_period(period)
        with self._uow() as uow:
            # one index-only pass (ix_deals_stage_closed_cover) by reason and competitor; the
            # totals, reasons and competitors are sums of its few rows
            rows = uow.session.execute(text(f"""
                SELECT d.lost_reason, cp.id, cp.name, COUNT(*), SUM(d.amount)
                FROM deals d LEFT JOIN competitors cp ON cp.id = d.competitor_id
                WHERE {LOST_DEALS} AND d.closed_on BETWEEN :a AND :b
                GROUP BY d.lost_reason, cp.id"""), _bounds(p)).all()
        reasons: dict[str, list[int]] = {}
        competitors: dict[int, list[Any]] = {}
        for reason, cp_id, cp_name, n, kopecks in rows:
            r = reasons.setdefault(reason, [0, 0])
            r[0] += int(n)
            r[1] += int(kopecks)
            if cp_id is not None:
                c = competitors.setdefault(cp_id, [cp_name, 0, 0])
                c[1] += int(n)
                c[2] += int(kopecks)
        total = sum(n for n, _ in reasons.values())
        by_reason = sorted(reasons.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        by_competitor = sorted(competitors.values(), key=lambda c: (-c[2], -c[1], c[0]))
        return Losses(
            p, total, from_kopecks(sum(k for _, k in reasons.values())),
            [LossRow(reason, n, from_kopecks(k), _pct(n, total))
             for reason, (n, k) in by_reason],
            [LossRow(name, n, from_kopecks(k), _pct(n, total)) for name, n, k in by_competitor])

    # --- lead sources -----------------------------------------------------------
    def sources(self, period: str | Period) -> list[SourceRow]:
        """Lead sources / channels in the period, most revenue first (see `SourceRow`)."""
        p = parse_period(period)
        b = _bounds(p)
        with self._uow() as uow:
            s = uow.session
            # deals opened and closed per month and source: the trigger-kept rollup (0004)
            deals = s.execute(text(
                "SELECT source, SUM(opened), SUM(won), SUM(closed), SUM(revenue)"
                " FROM agg_source_month WHERE month BETWEEN :ma AND :mb GROUP BY source"),
                b | _months(p)).all()
            leads = dict(s.execute(text(
                "SELECT lead_source, COUNT(*) FROM clients"
                " WHERE created_at >= :ta AND created_at < :tb GROUP BY lead_source"), b).all())
            costs = dict(s.execute(text("""
                SELECT channel, SUM(cost * (julianday(MIN(COALESCE(ended_on, :b), :b))
                                            - julianday(MAX(started_on, :a)) + 1)
                                     / (julianday(COALESCE(ended_on, :b))
                                        - julianday(started_on) + 1))
                FROM campaigns
                WHERE started_on <= :b AND COALESCE(ended_on, :b) >= :a
                GROUP BY channel"""), b).all())
        by_source = {src: [int(opened), int(won), int(closed), _k(revenue)]
                     for src, opened, won, closed, revenue in deals
                     if opened or closed}
        out = []
        for src in sorted(set(by_source) | set(leads) | set(costs)):
            new_deals, won, n_closed, revenue = by_source.get(src, [0, 0, 0, ZERO])
            n_leads = int(leads.get(src, 0))
            cost = from_kopecks(round(costs.get(src) or 0))
            out.append(SourceRow(src, n_leads, new_deals, won, n_closed, revenue,
                                 _pct(won, n_closed), cost,
                                 round_money(cost / n_leads) if n_leads and cost else None))
        out.sort(key=lambda r: (-r.revenue, -r.leads, r.source))
        return out

    # --- ABC / XYZ --------------------------------------------------------------
    def abc_xyz(self, period: str | Period, *, a_share: Decimal | int = 80,
                b_share: Decimal | int = 15, x_max: Decimal | int = 10,
                y_max: Decimal | int = 25, xyz_months: int = 12) -> AbcXyzResult:
        """ABC × XYZ of the clients who bought in the period (see `AbcXyzResult`).

        The default split is 80/15/5 % of revenue; XYZ thresholds are in % of the
        coefficient of variation (population standard deviation / mean).
        """
        p = parse_period(period)
        a_s, b_s, x_m, y_m = (Decimal(str(v)) for v in (a_share, b_share, x_max, y_max))
        errors = {}
        if not (0 < a_s < 100 and b_s >= 0 and a_s + b_s <= 100):
            errors["a_share"] = translate(
                "Analytics", "Доли ABC: A больше 0, A + B не больше 100 %")
        if not (0 < x_m < y_m):
            errors["x_max"] = translate(
                "Analytics", "Пороги XYZ: 0 < X < Y (в % коэффициента вариации)")
        if not 2 <= int(xyz_months) <= 60:
            errors["xyz_months"] = translate("Analytics", "Для XYZ нужно от 2 до 60 месяцев")
        if errors:
            raise ValidationError(errors)
        last_month = date(p.last.year, p.last.month, 1)
        xyz_first = add_months(last_month, -(xyz_months - 1))
        params = {"pa": p.first.isoformat()[:7], "pb": p.last.isoformat()[:7],
                  "xa": xyz_first.isoformat()[:7], "n": xyz_months}
        with self._uow() as uow:
            # The clients who bought in the period, then from agg_client_month's running
            # totals (migration 0004) the sums over the period and over the XYZ window, each
            # the difference of two rows: the last month up to the period's end and the
            # last one before the period / window starts.
            rows = uow.session.execute(text("""
                WITH buyers AS (
                    SELECT DISTINCT client_id FROM agg_client_month
                    WHERE month BETWEEN :pa AND :pb AND amount <> 0),
                ends AS MATERIALIZED (  -- three key look-ups per buyer, once each
                    SELECT b.client_id,
                           (SELECT MAX(m.month) FROM agg_client_month m
                            WHERE m.client_id = b.client_id AND m.month <= :pb) AS m_end,
                           (SELECT MAX(m.month) FROM agg_client_month m
                            WHERE m.client_id = b.client_id AND m.month < :pa) AS m_before,
                           (SELECT MAX(m.month) FROM agg_client_month m
                            WHERE m.client_id = b.client_id AND m.month < :xa) AS x_before
                    FROM buyers b),
                sums AS (
                    SELECT e.client_id,
                           t.cum_amount - COALESCE(pb.cum_amount, 0) AS revenue,
                           t.cum_months - COALESCE(xb.cum_months, 0) AS months,
                           (t.cum_amount - COALESCE(xb.cum_amount, 0)) * 1.0 AS x_sum,
                           t.cum_sq - COALESCE(xb.cum_sq, 0) AS x_sq
                    FROM ends e
                    CROSS JOIN agg_client_month t
                         ON t.client_id = e.client_id AND t.month = e.m_end
                    LEFT JOIN agg_client_month pb
                         ON pb.client_id = e.client_id AND pb.month = e.m_before
                    LEFT JOIN agg_client_month xb
                         ON xb.client_id = e.client_id AND xb.month = e.x_before),
                per AS (
                    SELECT client_id, revenue, months, x_sum / :n AS mean,
                           x_sq / :n - (x_sum / :n) * (x_sum / :n) AS variance
                    FROM sums WHERE revenue > 0),
                ranked AS (
                    SELECT per.*,
                           SUM(revenue) OVER (ORDER BY revenue DESC, client_id
                                              ROWS UNBOUNDED PRECEDING) AS cum,
                           SUM(revenue) OVER () AS total
                    FROM per)
                SELECT r.client_id, c.name, c.region, c.segment, r.revenue, r.cum, r.total,
                       r.months, r.mean, r.variance
                FROM ranked r JOIN clients c ON c.id = r.client_id
                ORDER BY r.revenue DESC, r.client_id"""), params).all()
        total_k = int(rows[0][6]) if rows else 0
        a_limit, b_limit = a_s * total_k, (a_s + b_s) * total_k  # in % × total, kopecks
        x_limit, y_limit = x_m * 10, y_m * 10  # in tenths of a per cent
        counts = {(a, x): [0, 0] for a in ABC_CLASSES for x in XYZ_CLASSES}
        out = []
        for cid, name, region, segment, revenue, cum, _total, months, mean, variance in rows:
            revenue, cum = int(revenue), int(cum)
            before = (cum - revenue) * 100  # revenue of the bigger clients, % × total
            abc = "A" if before < a_limit else "B" if before < b_limit else "C"
            tenths = _cv_tenths(mean, variance)
            xyz = ("Z" if tenths is None else "X" if tenths <= x_limit
                   else "Y" if tenths <= y_limit else "Z")
            out.append((int(cid), name, region, segment, revenue, cum, abc, int(months),
                        mean, tenths, xyz))
            counts[(abc, xyz)][0] += 1
            counts[(abc, xyz)][1] += revenue
        cells = [AbcXyzCell(a, x, counts[(a, x)][0], from_kopecks(counts[(a, x)][1]))
                 for a in ABC_CLASSES for x in XYZ_CLASSES]
        return AbcXyzResult(p, a_s, b_s, x_m, y_m, xyz_months, from_kopecks(total_k), cells,
                            tuple(out))

    # --- RFM --------------------------------------------------------------------
    def rfm(self, *, as_of: date | None = None, since: date | None = None) -> RfmResult:
        """RFM quintiles of the clients with won deals closed on or before `as_of` (and on
        or after `since`, if given), with the named segment of each (see `rfm_segment`).
        A score is the quintile of the client's rank from worst to best:
        1 + (rank − 1) × 5 // number of clients, where equal values share the lowest rank
        (so all clients with one purchase get the same F)."""
        as_of = as_of or date.today()
        with self._uow() as uow, _client_won(uow.session, as_of, since) as table:
            rows = uow.session.execute(text(f"""
                SELECT a.client_id, c.name, a.last, a.n, a.money,
                       1 + (RANK() OVER (ORDER BY a.last_day) - 1) * 5 / COUNT(*) OVER () AS r,
                       1 + (RANK() OVER (ORDER BY a.n) - 1) * 5 / COUNT(*) OVER () AS f,
                       1 + (RANK() OVER (ORDER BY a.money) - 1) * 5 / COUNT(*) OVER () AS m
                FROM {table} a JOIN clients c ON c.id = a.client_id
                ORDER BY a.money DESC, a.client_id""")).all()
        clients = []
        seg_count: dict[str, list[Any]] = {k: [0, ZERO] for k in RFM_SEGMENTS}
        for cid, name, last, freq, money, r, f, m in rows:
            last_d = date.fromisoformat(str(last))
            seg = rfm_segment(int(r), int(f))
            item = RfmClient(int(cid), name, last_d, (as_of - last_d).days, int(freq),
                             _k(money), int(r), int(f), int(m), seg)
            clients.append(item)
            seg_count[seg][0] += 1
            seg_count[seg][1] += item.monetary
        return RfmResult(as_of, clients, [
            RfmSegmentSummary(k, rfm_segment_label(k), seg_count[k][0], seg_count[k][1])
            for k in RFM_SEGMENTS])

    def rfm_segments(self, *, as_of: date | None = None,
                     since: date | None = None) -> list[RfmSegmentSummary]:
        """Only the segment counts and sums of `rfm()` (the same scores), computed in SQL."""
        as_of = as_of or date.today()
        with self._uow() as uow, _client_won(uow.session, as_of, since) as table:
            return self._rfm_segments(uow.session, table)

    @staticmethod
    def _rfm_segments(s: Any, table: str) -> list[RfmSegmentSummary]:
        """Segment counts and sums over a per-client won-deals table (see `_client_won`)."""
        # The same quintiles as rfm()'s RANK() windows without sorting every client: a
        # client's rank − 1 is the number of clients with a smaller value, read off the
        # cumulative counts of the (last day, purchases) groups — an index-only pass over
        # agg_client_won (ix agg_client_won_rfm).
        rows = s.execute(text(f"""
            WITH g AS (
                SELECT last_day, n, COUNT(*) AS cnt, SUM(money) AS money FROM {table}
                GROUP BY last_day, n),
            total AS (SELECT SUM(cnt) AS clients FROM g),
            by_last AS (
                SELECT last_day, SUM(SUM(cnt)) OVER (ORDER BY last_day) - SUM(cnt) AS below
                FROM g GROUP BY last_day),
            by_n AS (
                SELECT n, SUM(SUM(cnt)) OVER (ORDER BY n) - SUM(cnt) AS below
                FROM g GROUP BY n)
            SELECT 1 + l.below * 5 / total.clients AS r, 1 + f.below * 5 / total.clients AS f,
                   SUM(g.cnt), SUM(g.money)
            FROM g JOIN by_last l ON l.last_day = g.last_day JOIN by_n f ON f.n = g.n, total
            GROUP BY r, f""")).all()
        totals: dict[str, list[Any]] = {k: [0, ZERO] for k in RFM_SEGMENTS}
        for r, f, count, money in rows:  # at most 25 (R, F) pairs
            seg = rfm_segment(int(r), int(f))
            totals[seg][0] += int(count)
            totals[seg][1] += _k(money)
        return [RfmSegmentSummary(k, rfm_segment_label(k), totals[k][0], totals[k][1])
                for k in RFM_SEGMENTS]

    # --- churn risk ------------------------------------------------------------
    def churn_risk(self, *, as_of: date | None = None, k: Decimal | int | str = 2,
                   min_purchases: int = 2, limit: int | None = None) -> list[ChurnRiskClient]:
        """Clients (not archived, not already lost or churned) with at least `min_purchases`
        won deals on different days whose days since the last purchase exceed k × their
        usual interval; sorted by revenue at stake, largest first (see `ChurnRiskClient`)."""
        as_of = as_of or date.today()
        k_d = _churn_k(k, min_purchases)
        with self._uow() as uow, _client_won(uow.session, as_of) as table:
            return self._churn_risk(uow.session, table, as_of, k_d, min_purchases, limit)

    def client_base(self, *, as_of: date | None = None, k: Decimal | int | str = 2,
                    min_purchases: int = 2, limit: int | None = None,
                    ) -> tuple[list[RfmSegmentSummary], list[ChurnRiskClient]]:
        """`rfm_segments(as_of=…)` and `churn_risk(as_of=…, k=…, …)` together, over one
        per-client aggregate of the won deals (see `_client_won`)."""
        as_of = as_of or date.today()
        k_d = _churn_k(k, min_purchases)
        with self._uow() as uow, _client_won(uow.session, as_of) as table:
            return (self._rfm_segments(uow.session, table),
                    self._churn_risk(uow.session, table, as_of, k_d, min_purchases, limit))

    @staticmethod
    def _churn_risk(s: Any, table: str, as_of: date, k_d: Decimal, min_purchases: int,
                    limit: int | None) -> list[ChurnRiskClient]:
        """Churn risk over a per-client won-deals table (see `_client_won`); the interval
        test is on day numbers: since > k × (last − first) / (n − 1)."""
        as_of_day = (as_of - EPOCH).days
        rows = s.execute(text(f"""
            WITH risk AS (
                SELECT w.client_id, c.name, c.status, w.n, w.first, w.last, w.money,
                       w.year_money, (w.last_day - w.first_day) * 1.0 / (w.n - 1) AS interval,
                       :as_of_day - w.last_day AS since
                FROM {table} w CROSS JOIN clients c ON c.id = w.client_id
                WHERE w.days >= :min_n
                  AND (:as_of_day - w.last_day) * (w.n - 1) > :k * (w.last_day - w.first_day)
                  AND c.archived = 0 AND c.status NOT IN ('lost', 'churned'))
            SELECT r.client_id, r.name, r.status, r.n, r.first, r.last, r.interval,
                   r.since, r.money, r.year_money AS at_stake
            FROM risk r
            ORDER BY at_stake DESC, r.client_id
            """ + ("LIMIT :limit" if limit else "")),
            {"as_of_day": as_of_day, "k": float(k_d), "min_n": min_purchases,
             "limit": limit}).all()
        out = []
        for cid, name, status, n, first, last, interval, since, money, at_stake in rows:
            iv = Decimal(str(interval)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            out.append(ChurnRiskClient(
                int(cid), name, status, int(n), date.fromisoformat(str(first)),
                date.fromisoformat(str(last)), iv, int(since),
                (Decimal(int(since)) / Decimal(str(interval))).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_UP),
                _k(money), _k(at_stake)))
        return out


EPOCH = date(1970, 1, 1)


def _cv_tenths(mean: float | None, variance: float | None) -> int | None:
    """The coefficient of variation sd / mean in tenths of a per cent, rounded half up as
    Decimal(str(sd)) / Decimal(str(mean)) × 100 would be; float arithmetic except within a
    hair of a rounding boundary, where the Decimal computation decides."""
    if not mean or variance is None:
        return None
    sd = max(variance, 0.0) ** 0.5
    scaled = sd / mean * 1000
    if abs(scaled - math.floor(scaled) - 0.5) > 1e-6:
        return math.floor(scaled + 0.5)
    exact = Decimal(str(sd)) / Decimal(str(mean)) * 1000
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _percent_tenths(part: int, whole: int) -> Decimal:
    """part / whole in %, rounded half up to 0.1 (non-negative integers, whole > 0)."""
    return Decimal((2000 * part + whole) // (2 * whole)).scaleb(-1)


CLIENT_WON_SQL = f"""
    SELECT client_id, COUNT(*) AS n, COUNT(DISTINCT closed_on) AS days,
           MIN(closed_on) AS first, MAX(closed_on) AS last,
           unixepoch(MIN(closed_on)) / 86400 AS first_day,
           unixepoch(MAX(closed_on)) / 86400 AS last_day, SUM(amount) AS money,
           SUM(CASE WHEN closed_on > date(latest, '-365 days') THEN amount END) AS year_money
    FROM (SELECT d.client_id, d.closed_on, d.amount,
                 MAX(d.closed_on) OVER (PARTITION BY d.client_id) AS latest
          FROM deals d WHERE {WON_DEALS} AND d.closed_on BETWEEN :since AND :as_of)
    GROUP BY client_id"""


@contextmanager
def _client_won(s: Any, as_of: date, since: date | None = None) -> Iterator[str]:
    """The name of a table of the won deals per client closed in [since, as_of] (columns
    client_id, n, days, first, last, first_day, last_day, money, year_money: the sum of the
    365 days up to the last closing).

    That is the trigger-kept `agg_client_won` (migration 0004) when no won deal closed
    after `as_of` and there is no `since` — "as of today", the usual case; otherwise a
    temporary table built from the deals and dropped on exit."""
    if since is None:
        latest = s.execute(text("SELECT MAX(last) FROM agg_client_won")).scalar()
        if latest is None or str(latest) <= as_of.isoformat():
            yield "agg_client_won"
            return
    s.execute(text("DROP TABLE IF EXISTS temp.plan_client_won"))
    s.execute(text(f"CREATE TEMP TABLE plan_client_won AS {CLIENT_WON_SQL}"),
              {"as_of": as_of.isoformat(),
               "since": (since or date(1900, 1, 1)).isoformat()})
    try:
        yield "temp.plan_client_won"
    finally:
        s.execute(text("DROP TABLE IF EXISTS temp.plan_client_won"))


def _churn_k(k: Decimal | int | str, min_purchases: int) -> Decimal:
    """The validated churn factor k (ValidationError on a bad k or min_purchases)."""
    try:
        k_d = Decimal(str(k).replace(",", "."))
    except Exception:
        k_d = Decimal(-1)
    if not k_d.is_finite() or k_d <= 0 or k_d > 100:
        raise ValidationError.single("k", translate(
            "Analytics", "Коэффициент k должен быть больше 0 и не больше 100"))
    if min_purchases < 2:
        raise ValidationError.single("min_purchases", translate(
            "Analytics", "Для интервала между покупками нужно хотя бы две покупки"))
    return k_d
