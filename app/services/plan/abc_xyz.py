"""ABC/XYZ: clients by share of revenue (ABC) and by steadiness of monthly purchases (XYZ)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from sqlalchemy import text

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


# One client of the matrix as `AbcXyzResult.rows` keeps it (see there).
AbcXyzRow = tuple[int, str, str, str, int, int, str, int, float, int | None, str]


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
    rows: tuple[AbcXyzRow, ...] = field(repr=False)

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
        last_month = date(p.last.year, p.last.month, 1)
        xyz_first = add_months(last_month, -(xyz_months - 1))
        params = {"pa": p.first.isoformat()[:7], "pb": p.last.isoformat()[:7],
                  "xa": xyz_first.isoformat()[:7], "n": xyz_months}
        with self._uow(read_only=True) as uow:
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
        out: list[AbcXyzRow] = []
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
