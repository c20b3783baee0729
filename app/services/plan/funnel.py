"""Pipeline analyses of a period: the funnel by stage, losses by reason, lead sources."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.money import ZERO, from_kopecks, round_money
from app.models import Campaign, CampaignCost
from app.models.market import cost_day
from app.services.plan.common import LOST_DEALS, _bounds, _k, _months, _pct
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory


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
    conversion = won / (won + lost closed in the period) × 100; cost: the cost lines of
    this channel's campaigns dated in the period (an undated line on its campaign's start,
    `models.market.cost_day`); cost_per_lead = cost / leads.
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


def read_funnel(s: Session, p: Period) -> list[FunnelStage]:
    """`PipelineAnalytics.funnel` inside an open unit of work (the losses report reads it)."""
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


def read_losses(s: Session, p: Period) -> Losses:
    """`PipelineAnalytics.losses` inside an open unit of work (the losses report reads it)."""
    # one index-only pass (ix_deals_stage_closed_cover) by reason and competitor; the
    # totals, reasons and competitors are sums of its few rows
    rows = s.execute(text(f"""
        SELECT d.lost_reason, cp.id, cp.name, COUNT(*), SUM(d.amount)
        FROM deals d LEFT JOIN competitors cp ON cp.id = d.competitor_id
        WHERE {LOST_DEALS} AND d.closed_on BETWEEN :a AND :b
        GROUP BY d.lost_reason, cp.id"""), _bounds(p)).all()
    reasons: dict[str, list[int]] = {}  # reason → [deals, kopecks]
    competitors: dict[int, list[int]] = {}  # competitor id → [deals, kopecks]
    names: dict[int, str] = {}
    for reason, cp_id, cp_name, n, kopecks in rows:
        r = reasons.setdefault(reason, [0, 0])
        r[0] += int(n)
        r[1] += int(kopecks)
        if cp_id is not None:
            names.setdefault(cp_id, cp_name)
            c = competitors.setdefault(cp_id, [0, 0])
            c[0] += int(n)
            c[1] += int(kopecks)
    total = sum(n for n, _ in reasons.values())
    by_reason = sorted(reasons.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    by_competitor = sorted(((names[cp_id], n, k) for cp_id, (n, k) in competitors.items()),
                           key=lambda c: (-c[2], -c[1], c[0]))
    return Losses(
        p, total, from_kopecks(sum(k for _, k in reasons.values())),
        [LossRow(reason, n, from_kopecks(k), _pct(n, total))
         for reason, (n, k) in by_reason],
        [LossRow(name, n, from_kopecks(k), _pct(n, total)) for name, n, k in by_competitor])


class PipelineAnalytics:
    """Funnel, losses and sources, from the trigger-kept monthly rollups."""

    _uow: UowFactory

    # --- funnel -----------------------------------------------------------------
    def funnel(self, period: str | Period) -> list[FunnelStage]:
        """The funnel for a period over the stages in order (lost stages left out; see
        `FunnelStage`)."""
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return read_funnel(uow.session, p)

    # --- losses -----------------------------------------------------------------
    def losses(self, period: str | Period) -> Losses:
        """Deals lost in the period (by closing date) by reason and by competitor."""
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            return read_losses(uow.session, p)

    # --- lead sources -----------------------------------------------------------
    def sources(self, period: str | Period) -> list[SourceRow]:
        """Lead sources / channels in the period, most revenue first (see `SourceRow`)."""
        p = parse_period(period)
        b = _bounds(p)
        with self._uow(read_only=True) as uow:
            s = uow.session
            # deals opened and closed per month and source: the trigger-kept rollup (0004)
            deals = s.execute(text(
                "SELECT source, SUM(opened), SUM(won), SUM(closed), SUM(revenue)"
                " FROM agg_source_month WHERE month BETWEEN :ma AND :mb GROUP BY source"),
                b | _months(p)).all()
            leads: dict[str, int] = dict(s.execute(text(
                "SELECT lead_source, COUNT(*) FROM clients"
                " WHERE created_at >= :ta AND created_at < :tb GROUP BY lead_source"), b).all())
            # cost lines dated in the period (models.market.cost_day), per channel
            costs: dict[str, Decimal] = {
                channel: amount for channel, amount in s.execute(
                    select(Campaign.channel, func.sum(CampaignCost.amount))
                    .join(Campaign, Campaign.id == CampaignCost.campaign_id)
                    .where(cost_day().between(p.first, p.last))
                    .group_by(Campaign.channel))}
        by_source = {src: (int(opened), int(won), int(closed), _k(revenue))
                     for src, opened, won, closed, revenue in deals
                     if opened or closed}
        out = []
        for src in sorted(set(by_source) | set(leads) | set(costs)):
            new_deals, won, n_closed, revenue = by_source.get(src, (0, 0, 0, ZERO))
            n_leads = int(leads.get(src, 0))
            cost = costs.get(src) or ZERO
            out.append(SourceRow(src, n_leads, new_deals, won, n_closed, revenue,
                                 _pct(won, n_closed), cost,
                                 round_money(cost / n_leads) if n_leads and cost else None))
        out.sort(key=lambda r: (-r.revenue, -r.leads, r.source))
        return out
