"""ABC/XYZ: clients by share of revenue (ABC) and by steadiness of monthly purchases (XYZ)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, partial
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.money import from_kopecks, round_money
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.plan.periods import Period, add_months, parse_period
from app.services.uow import UowFactory

ABC_CLASSES = ("A", "B", "C")
XYZ_CLASSES = ("X", "Y", "Z")


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


# One client of the matrix as `AbcXyzResult.pages` keeps it (see there).
AbcXyzRow = tuple[int, str, str, str, int, int, str, int, float, int | None, str]


# A result of at most this many clients comes with all of them (`AbcXyzResult.pages`); a
# larger one reads a cell's clients when asked for (`AbcXyzResult.clients_in`): a year of a
# large base has 80,000 buyers, and the tab shows one cell's first page at a time.
WHOLE_RESULT = 1000
CELL_PAGE = 100  # clients of a cell the tab shows at a time

# The rows of a period's clients: (revenue, cumulative, total, months, mean, variance) in
# kopecks per client from agg_client_month's running totals (migration 0004); `_SQL_TAIL`
# picks what a caller reads from the classified rows.
_ROWS_SQL = """
    WITH ends AS MATERIALIZED (  -- the buyers, with the month rows that bound their sums
        SELECT b.client_id, MAX(b.month) AS m_end,
               (SELECT MAX(m.month) FROM agg_client_month m
                WHERE m.client_id = b.client_id AND m.month < :pa) AS m_before{x_before}
        FROM agg_client_month b WHERE b.month BETWEEN :pa AND :pb GROUP BY b.client_id),
    sums AS (
        SELECT e.client_id,
               t.cum_amount - COALESCE(pb.cum_amount, 0) AS revenue,
               t.cum_months - COALESCE({xb}.cum_months, 0) AS months,
               (t.cum_amount - COALESCE({xb}.cum_amount, 0)) * 1.0 AS x_sum,
               t.cum_sq - COALESCE({xb}.cum_sq, 0) AS x_sq
        FROM ends e
        CROSS JOIN agg_client_month t
             ON t.client_id = e.client_id AND t.month = e.m_end
        LEFT JOIN agg_client_month pb
             ON pb.client_id = e.client_id AND pb.month = e.m_before{x_join}),
    per AS (
        SELECT client_id, revenue, months, x_sum / :n AS mean,
               x_sq / :n - (x_sum / :n) * (x_sum / :n) AS variance
        FROM sums WHERE revenue > 0),
    ranked AS (
        SELECT per.*,
               SUM(revenue) OVER (ORDER BY revenue DESC, client_id
                                  ROWS UNBOUNDED PRECEDING) AS cum,
               SUM(revenue) OVER () AS total
        FROM per),
    classified AS MATERIALIZED (
        SELECT ranked.*,
               CASE WHEN (cum - revenue) * 100.0 < total * :a_lo THEN 'A'
                    WHEN (cum - revenue) * 100.0 < total * :a_hi
                         THEN plan_abc_class(cum - revenue, total)
                    WHEN (cum - revenue) * 100.0 < total * :b_lo THEN 'B'
                    WHEN (cum - revenue) * 100.0 < total * :b_hi
                         THEN plan_abc_class(cum - revenue, total)
                    ELSE 'C' END AS abc,
               CASE WHEN mean IS NULL OR mean = 0 THEN 'Z'
                    WHEN mean < 0 THEN plan_xyz_class(mean, variance)
                    WHEN variance * 1000000.0 < :x_lo * mean * mean THEN 'X'
                    WHEN variance * 1000000.0 <= :x_hi * mean * mean
                         THEN plan_xyz_class(mean, variance)
                    WHEN variance * 1000000.0 < :y_lo * mean * mean THEN 'Y'
                    WHEN variance * 1000000.0 <= :y_hi * mean * mean
                         THEN plan_xyz_class(mean, variance)
                    ELSE 'Z' END AS xyz
        FROM ranked)
    """
_X_BEFORE = """,
               (SELECT MAX(m.month) FROM agg_client_month m
                WHERE m.client_id = b.client_id AND m.month < :xa) AS x_before"""
_X_JOIN = """
        LEFT JOIN agg_client_month xb
             ON xb.client_id = e.client_id AND xb.month = e.x_before"""
# classified rows as AbcXyzRow wants them (with the client's name, region and segment), of
# one cell or of all (None), largest revenue first
_LIST_TAIL = """
    SELECT r.client_id, c.name, c.region, c.segment, r.revenue, r.cum, r.abc, r.months,
           r.mean, r.variance, r.xyz
    FROM classified r JOIN clients c ON c.id = r.client_id
    WHERE (:abc IS NULL OR r.abc = :abc) AND (:xyz IS NULL OR r.xyz = :xyz)
    ORDER BY r.cum LIMIT :limit OFFSET :offset"""


@dataclass(frozen=True)
class _AbcXyzQuery:
    """A validated ABC/XYZ request: the SQL parameters and the exact class rules."""

    period: Period
    a_share: Decimal
    b_share: Decimal
    x_max: Decimal
    y_max: Decimal
    xyz_months: int

    @property
    def params(self) -> dict[str, object]:
        last_month = date(self.period.last.year, self.period.last.month, 1)
        xyz_first = add_months(last_month, -(self.xyz_months - 1))
        ab = self.a_share + self.b_share
        # Floats decide every client that is clearly on one side of a class boundary; the
        # few within a hair of one are decided by the exact rules (`abc_class`,
        # `xyz_class`), which SQLite calls only for them.
        x_half, y_half = (float(math.floor(v * 10)) + 0.5 for v in (self.x_max, self.y_max))
        x_m, y_m = max(1e-5, 1e-9 * x_half), max(1e-5, 1e-9 * y_half)
        return {"pa": self.period.first.isoformat()[:7], "pb": self.period.last.isoformat()[:7],
                "xa": xyz_first.isoformat()[:7], "n": self.xyz_months,
                "a_lo": float(self.a_share) - 1e-7, "a_hi": float(self.a_share) + 1e-7,
                "b_lo": float(ab) - 1e-7, "b_hi": float(ab) + 1e-7,
                "x_lo": (x_half - x_m) ** 2, "x_hi": (x_half + x_m) ** 2,
                "y_lo": (y_half - y_m) ** 2, "y_hi": (y_half + y_m) ** 2}

    def sql(self, tail: str) -> str:
        same = self.params["xa"] == self.params["pa"]  # a year with a 12-month window
        return _ROWS_SQL.format(x_before="" if same else _X_BEFORE,
                                x_join="" if same else _X_JOIN,
                                xb="pb" if same else "xb") + tail

    def abc_class(self, before: int, total: int) -> str:
        """A while the revenue of the bigger clients is below a_share % of the total, B below
        a_share + b_share %, C after (integer kopecks: exact)."""
        scaled = Decimal(int(before)) * 100
        if scaled < self.a_share * int(total):
            return "A"
        return "B" if scaled < (self.a_share + self.b_share) * int(total) else "C"

    def xyz_class(self, mean: float | None, variance: float | None) -> str:
        tenths = _cv_tenths(mean, variance)
        if tenths is None:
            return "Z"
        return "X" if tenths <= self.x_max * 10 else "Y" if tenths <= self.y_max * 10 else "Z"

    def execute(self, s: Session, tail: str, params: dict[str, object] | None = None,
                ) -> list[tuple[Any, ...]]:
        raw = s.connection().connection.driver_connection
        if raw is None:  # only a pooled connection that was closed has none
            raise RuntimeError("the database connection has no DB-API connection")
        raw.create_function("plan_abc_class", 2, self.abc_class, deterministic=True)
        raw.create_function("plan_xyz_class", 2, self.xyz_class, deterministic=True)
        result = s.execute(text(self.sql(tail)), {**self.params, **(params or {})})
        return [tuple(r) for r in result]


def _row(r: tuple[Any, ...]) -> AbcXyzRow:
    """A classified SQL row (`_LIST_TAIL`) as kept by AbcXyzResult."""
    cid, name, region, segment, revenue, cum, abc, months, mean, variance, xyz = r
    return (int(cid), name, region, segment, int(revenue), int(cum), abc, int(months), mean,
            _cv_tenths(mean, variance), xyz)


# Fetches classified rows: (abc or None, xyz or None, offset, limit or None) → rows.
RowFetch = Callable[[str | None, str | None, int, int | None], list[AbcXyzRow]]


@dataclass(frozen=True)
class AbcXyzResult:
    """ABC by revenue in the period and XYZ by the variability of monthly purchases over the
    `xyz_months` months ending with the period (months without purchases count as zero).

    A client is A while the revenue of the clients before it (in descending order) is below
    `a_share` % of the total, B below a_share + b_share %, C after. X: CV ≤ x_max %, Y: CV ≤
    y_max %, Z above. `cells` has all nine combinations (zeros included), A×X first.

    The classification and the cell totals come from SQLite. A year of a large base has tens
    of thousands of clients: they come with the result (`pages`, per cell) only when there
    are at most `WHOLE_RESULT`; otherwise `clients`, `clients_in` and `top` read them through
    `fetch`, each in a read-only unit of work of its own — call them off the GUI thread
    (`has_clients` tells whether a cell's list is at hand).
    """

    period: Period
    a_share: Decimal
    b_share: Decimal
    x_max: Decimal
    y_max: Decimal
    xyz_months: int
    total_revenue: Decimal
    cells: list[AbcXyzCell]
    client_count: int
    # per cell, its clients by revenue (largest first), or nothing: (id, name, region, segment,
    # revenue kopecks, cumulative kopecks, ABC, months with purchases, mean monthly kopecks,
    # CV in tenths of a per cent or None, XYZ)
    pages: dict[tuple[str, str], tuple[AbcXyzRow, ...]] = field(repr=False)
    fetch: RowFetch | None = field(default=None, repr=False, compare=False)

    def cell(self, abc: str, xyz: str) -> AbcXyzCell:
        return next(c for c in self.cells if c.abc == abc and c.xyz == xyz)

    @property
    def complete(self) -> bool:
        """Whether `pages` holds every client."""
        return all(len(self.pages.get((c.abc, c.xyz), ())) == c.count for c in self.cells)

    def has_clients(self, abc: str, xyz: str) -> bool:
        """Whether the cell's client list is at hand (no database read)."""
        return len(self.pages.get((abc, xyz), ())) == self.cell(abc, xyz).count

    def _merged(self) -> list[AbcXyzRow]:
        """The pages' rows in the order of the whole list (cumulative revenue)."""
        return sorted((r for page in self.pages.values() for r in page), key=lambda r: r[5])

    def _fetch(self, abc: str | None, xyz: str | None, offset: int,
               limit: int | None) -> list[AbcXyzRow]:
        if self.fetch is None:
            raise RuntimeError("this ABC/XYZ result cannot read more clients")
        return self.fetch(abc, xyz, offset, limit)

    @cached_property
    def clients(self) -> list[AbcXyzClient]:
        """Every client, largest revenue first."""
        rows = self._merged() if self.complete else self._fetch(None, None, 0, None)
        return [self._client(r) for r in rows]

    def clients_in(self, abc: str, xyz: str, offset: int = 0,
                   limit: int | None = None) -> list[AbcXyzClient]:
        """The client list of one matrix cell (or `limit` of them from `offset`), largest
        revenue first."""
        page = self.pages.get((abc, xyz), ())
        count = self.cell(abc, xyz).count
        end = count if limit is None else min(offset + limit, count)
        if end <= len(page):
            rows = list(page[offset:end])
        else:
            rows = self._fetch(abc, xyz, offset, None if limit is None else end - offset)
        return [self._client(r) for r in rows]

    def top(self, n: int) -> list[AbcXyzClient]:
        """The `n` clients with the largest revenue."""
        if self.complete:
            rows = self._merged()[:n]
        else:
            rows = self._fetch(None, None, 0, n)
        return [self._client(r) for r in rows]

    def _client(self, r: AbcXyzRow) -> AbcXyzClient:
        cid, name, region, segment, revenue, cum, abc, months, mean, cv_tenths, xyz = r
        total = int(self.total_revenue * 100)
        return AbcXyzClient(
            cid, name, region, segment, from_kopecks(revenue),
            _percent_tenths(revenue, total), _percent_tenths(cum, total), abc, months,
            round_money(Decimal(str(mean)) / 100),
            None if cv_tenths is None else Decimal(cv_tenths).scaleb(-1), xyz)


def _cv_tenths(mean: float | None, variance: float | None) -> int | None:
    """The coefficient of variation sd / mean in tenths of a per cent, rounded half up as
    Decimal(str(sd)) / Decimal(str(mean)) × 100 would be; float arithmetic except within a
    hair of a rounding boundary, where the Decimal computation decides."""
    if not mean or variance is None:
        return None
    sd: float = max(variance, 0.0) ** 0.5  # a non-negative base: a real root
    scaled = sd / mean * 1000
    if abs(scaled - math.floor(scaled) - 0.5) > 1e-6:
        return math.floor(scaled + 0.5)
    exact = Decimal(str(sd)) / Decimal(str(mean)) * 1000
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _percent_tenths(part: int, whole: int) -> Decimal:
    """part / whole in %, rounded half up to 0.1 (non-negative integers, whole > 0)."""
    return Decimal((2000 * part + whole) // (2 * whole)).scaleb(-1)


class AbcXyzAnalytics:
    """The ABC/XYZ matrix of a period."""

    _uow: UowFactory

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
        q = _AbcXyzQuery(p, a_s, b_s, x_m, y_m, int(xyz_months))
        # The nine cells' counts and sums in one pass over the period's buyers (their rows
        # never leave SQLite); the clients themselves only when there are few of them.
        with self._uow(read_only=True) as uow:
            totals = q.execute(uow.session, "SELECT abc, xyz, COUNT(*), SUM(revenue)"
                                            " FROM classified GROUP BY abc, xyz")
            count = sum(int(r[2]) for r in totals)
            rows = q.execute(uow.session, _LIST_TAIL,
                             {"abc": None, "xyz": None, "limit": -1, "offset": 0},
                             ) if 0 < count <= WHOLE_RESULT else []
        counts = {(str(a), str(x)): (int(n), int(k)) for a, x, n, k in totals}
        cells = [AbcXyzCell(a, x, counts.get((a, x), (0, 0))[0],
                            from_kopecks(counts.get((a, x), (0, 0))[1]))
                 for a in ABC_CLASSES for x in XYZ_CLASSES]
        grouped: dict[tuple[str, str], list[AbcXyzRow]] = {}
        for r in rows:
            item = _row(r)
            grouped.setdefault((item[6], item[10]), []).append(item)
        return AbcXyzResult(
            p, a_s, b_s, x_m, y_m, int(xyz_months),
            from_kopecks(sum(k for _n, k in counts.values())), cells,
            sum(n for n, _k in counts.values()),
            {key: tuple(page) for key, page in grouped.items()},
            partial(self._abc_xyz_rows, q))

    def _abc_xyz_rows(self, q: _AbcXyzQuery, abc: str | None, xyz: str | None, offset: int,
                      limit: int | None) -> list[AbcXyzRow]:
        """Classified clients of one cell (or of all, for None), largest revenue first."""
        with self._uow(read_only=True) as uow:
            rows = q.execute(uow.session, _LIST_TAIL, {
                "abc": abc, "xyz": xyz, "limit": -1 if limit is None else int(limit),
                "offset": int(offset)})
        return [_row(r) for r in rows]
