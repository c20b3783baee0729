"""The client base over time: RFM segments and churn risk from each client's won deals; the
base by region, segment or industry (revenue, clients, growth)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.money import ZERO
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.plan.common import WON_DEALS, _k, _pct
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory

EPOCH = date(1970, 1, 1)
# the client's columns the base can be cut by (issue 16 added the industry)
BASE_DIMENSIONS = ("industry", "region", "segment")
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


def base_dimension_label(dimension: str) -> str:
    return {
        "industry": translate("Analytics", "Отрасль"),
        "region": translate("Analytics", "Регион"),
        "segment": translate("Analytics", "Сегмент"),
    }.get(dimension, dimension)


@dataclass(frozen=True)
class BaseDimensionRow:
    """One value of a dimension (an industry, a region, a segment; '' = not filled in).

    clients: active clients (status "active", not archived) with this value now; buyers:
    clients with a won deal closed in the period; revenue: those deals' sum; previous: the
    same period a year earlier; growth = (revenue − previous) / previous × 100 (None without
    a previous revenue); share: of the period's revenue of every value, %.
    """

    key: str
    clients: int
    buyers: int
    revenue: Decimal
    previous: Decimal
    growth: Decimal | None
    share: Decimal | None


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


class ClientBaseAnalytics:
    """RFM, its segment summary and churn risk, as of a day."""

    _uow: UowFactory

    # --- RFM --------------------------------------------------------------------
    def rfm(self, *, as_of: date | None = None, since: date | None = None) -> RfmResult:
        """RFM quintiles of the clients with won deals closed on or before `as_of` (and on
        or after `since`, if given), with the named segment of each (see `rfm_segment`).
        A score is the quintile of the client's rank from worst to best:
        1 + (rank − 1) × 5 // number of clients, where equal values share the lowest rank
        (so all clients with one purchase get the same F)."""
        as_of = as_of or date.today()
        with self._uow(read_only=True) as uow, _client_won(uow.session, as_of, since) as table:
            rows = uow.session.execute(text(f"""
                SELECT a.client_id, c.name, a.last, a.n, a.money,
                       1 + (RANK() OVER (ORDER BY a.last_day) - 1) * 5 / COUNT(*) OVER () AS r,
                       1 + (RANK() OVER (ORDER BY a.n) - 1) * 5 / COUNT(*) OVER () AS f,
                       1 + (RANK() OVER (ORDER BY a.money) - 1) * 5 / COUNT(*) OVER () AS m
                FROM {table} a JOIN clients c ON c.id = a.client_id
                ORDER BY a.money DESC, a.client_id""")).all()
        clients = []
        seg_count = {k: 0 for k in RFM_SEGMENTS}
        seg_money = {k: ZERO for k in RFM_SEGMENTS}
        for cid, name, last, freq, money, r, f, m in rows:
            last_d = date.fromisoformat(str(last))
            seg = rfm_segment(int(r), int(f))
            item = RfmClient(int(cid), name, last_d, (as_of - last_d).days, int(freq),
                             _k(money), int(r), int(f), int(m), seg)
            clients.append(item)
            seg_count[seg] += 1
            seg_money[seg] += item.monetary
        return RfmResult(as_of, clients, [
            RfmSegmentSummary(k, rfm_segment_label(k), seg_count[k], seg_money[k])
            for k in RFM_SEGMENTS])

    def rfm_segments(self, *, as_of: date | None = None,
                     since: date | None = None) -> list[RfmSegmentSummary]:
        """Only the segment counts and sums of `rfm()` (the same scores), computed in SQL."""
        as_of = as_of or date.today()
        with self._uow(read_only=True) as uow, _client_won(uow.session, as_of, since) as table:
            return self._rfm_segments(uow.session, table)

    @staticmethod
    def _rfm_segments(s: Session, table: str) -> list[RfmSegmentSummary]:
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
        counts = {k: 0 for k in RFM_SEGMENTS}
        sums = {k: ZERO for k in RFM_SEGMENTS}
        for r, f, count, money in rows:  # at most 25 (R, F) pairs
            seg = rfm_segment(int(r), int(f))
            counts[seg] += int(count)
            sums[seg] += _k(money)
        return [RfmSegmentSummary(k, rfm_segment_label(k), counts[k], sums[k])
                for k in RFM_SEGMENTS]

    # --- by industry, region or segment ---------------------------------------
    def base_by(self, period: str | Period, dimension: str = "industry"
                ) -> list[BaseDimensionRow]:
        """The base cut by `dimension` (see `BaseDimensionRow`): the most revenue first,
        then the most clients; a value with neither clients nor revenue is left out."""
        if dimension not in BASE_DIMENSIONS:
            raise ValidationError.single("dimension", translate(
                "Analytics", "Неизвестный разрез: {d}").format(d=dimension))
        p = parse_period(period)
        before = p.shifted_years(-1)
        with self._uow(read_only=True) as uow:
            s = uow.session
            clients: dict[str, int] = dict(s.execute(text(
                f"SELECT c.{dimension}, COUNT(*) FROM clients c"
                " WHERE c.status = 'active' AND c.archived = 0"
                f" GROUP BY c.{dimension}")).all())
            # each period's won deals straight from the covering index, one range each (an
            # OR of the two ranges read every deal row: 1.1 → 0.4 s on a ten-year base)
            won = s.execute(text(f"""
                SELECT c.{dimension},
                       COUNT(DISTINCT CASE WHEN w.in_period THEN w.client_id END),
                       SUM(CASE WHEN w.in_period THEN w.amount ELSE 0 END),
                       SUM(CASE WHEN w.in_period THEN 0 ELSE w.amount END)
                FROM (SELECT d.client_id, d.amount, 1 AS in_period FROM deals d
                      WHERE {WON_DEALS} AND d.closed_on BETWEEN :a AND :b
                      UNION ALL
                      SELECT d.client_id, d.amount, 0 FROM deals d
                      WHERE {WON_DEALS} AND d.closed_on BETWEEN :pa AND :pb) w
                JOIN clients c ON c.id = w.client_id
                GROUP BY c.{dimension}"""),
                {"a": p.first.isoformat(), "b": p.last.isoformat(),
                 "pa": before.first.isoformat(), "pb": before.last.isoformat()}).all()
        figures = {key: (int(buyers), _k(revenue), _k(previous))
                   for key, buyers, revenue, previous in won}
        total = sum((f[1] for f in figures.values()), ZERO)
        rows = []
        for key in set(clients) | set(figures):
            buyers, revenue, previous = figures.get(key, (0, ZERO, ZERO))
            n = int(clients.get(key, 0))
            if not n and not revenue and not previous:
                continue
            rows.append(BaseDimensionRow(
                key or "", n, buyers, revenue, previous,
                _pct(revenue - previous, previous) if previous else None,
                _pct(revenue, total) if total else None))
        rows.sort(key=lambda r: (-r.revenue, -r.clients, r.key))
        return rows

    # --- churn risk ------------------------------------------------------------
    def churn_risk(self, *, as_of: date | None = None, k: Decimal | int | str = 2,
                   min_purchases: int = 2, limit: int | None = None) -> list[ChurnRiskClient]:
        """Clients (not archived, not already lost or churned) with at least `min_purchases`
        won deals on different days whose days since the last purchase exceed k × their
        usual interval; sorted by revenue at stake, largest first (see `ChurnRiskClient`)."""
        as_of = as_of or date.today()
        k_d = _churn_k(k, min_purchases)
        with self._uow(read_only=True) as uow, _client_won(uow.session, as_of) as table:
            return self._churn_risk(uow.session, table, as_of, k_d, min_purchases, limit)

    def client_base(self, *, as_of: date | None = None, k: Decimal | int | str = 2,
                    min_purchases: int = 2, limit: int | None = None,
                    ) -> tuple[list[RfmSegmentSummary], list[ChurnRiskClient]]:
        """`rfm_segments(as_of=…)` and `churn_risk(as_of=…, k=…, …)` together, over one
        per-client aggregate of the won deals (see `_client_won`)."""
        as_of = as_of or date.today()
        k_d = _churn_k(k, min_purchases)
        with self._uow(read_only=True) as uow, _client_won(uow.session, as_of) as table:
            return (self._rfm_segments(uow.session, table),
                    self._churn_risk(uow.session, table, as_of, k_d, min_purchases, limit))

    @staticmethod
    def _churn_risk(s: Session, table: str, as_of: date, k_d: Decimal, min_purchases: int,
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
def _client_won(s: Session, as_of: date, since: date | None = None) -> Iterator[str]:
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
