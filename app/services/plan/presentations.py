"""Presentations in the funnel: of the deals presented in a period, how many moved on and won."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text

from app.services.plan.common import _bounds, _pct
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory

# The deals with a presentation held in the period and the first such time per deal; the
# terms spell the partial index ix_activities_held_presentations (migration 0009) exactly,
# `+done` so that no plan prefers (done, due_at) on a base without statistics.
_PRESENTED = """
    SELECT a.deal_id AS deal_id, MIN(a.due_at) AS held_at
    FROM activities a
    WHERE a.kind = 'presentation' AND a.result = 'held' AND +a.done = 1
      AND a.due_at >= :ta AND a.due_at < :tb AND a.deal_id IS NOT NULL
    GROUP BY a.deal_id"""

_CONVERSION = f"""
    WITH presented AS ({_PRESENTED}),
    at_time AS (
        SELECT p.deal_id, p.held_at,
               (SELECT sc.to_stage_id FROM stage_changes sc
                WHERE sc.deal_id = p.deal_id AND sc.changed_at <= p.held_at
                ORDER BY sc.changed_at DESC, sc.id DESC LIMIT 1) AS stage_then
        FROM presented p)
    SELECT count(*),
           coalesce(sum(EXISTS (
               SELECT 1 FROM stage_changes sc JOIN stages ns ON ns.id = sc.to_stage_id
               WHERE sc.deal_id = t.deal_id AND sc.changed_at > t.held_at AND ns.is_lost = 0
                 AND ns.position > coalesce(st.position, -1))), 0),
           coalesce(sum(EXISTS (
               SELECT 1 FROM stage_changes sc JOIN stages ns ON ns.id = sc.to_stage_id
               WHERE sc.deal_id = t.deal_id AND sc.changed_at > t.held_at
                 AND ns.is_won = 1)), 0)
    FROM at_time t LEFT JOIN stages st ON st.id = t.stage_then"""


@dataclass(frozen=True)
class PresentationConversion:
    """Presentation → next stage → won for a period.

    presented: deals with a presentation held (result "held") that started in the period,
    each counted once (its first one there); moved_on: of them, those moved afterwards to a
    stage further on than the one they were in at the presentation (won included, lost
    not); won: those moved to the won stage afterwards. Moves are counted whenever they
    came (up to today), so a recent period's figures still grow.
    """

    period: Period
    presented: int
    moved_on: int
    won: int

    @property
    def moved_on_pct(self) -> Decimal | None:
        return _pct(self.moved_on, self.presented)

    @property
    def won_pct(self) -> Decimal | None:
        return _pct(self.won, self.presented)


class PresentationAnalytics:
    """What the presentations held led to."""

    _uow: UowFactory

    def presentation_conversion(self, period: str | Period) -> PresentationConversion:
        p = parse_period(period)
        with self._uow(read_only=True) as uow:
            presented, moved_on, won = uow.session.execute(
                text(_CONVERSION), _bounds(p)).one()
        return PresentationConversion(p, int(presented), int(moved_on), int(won))
