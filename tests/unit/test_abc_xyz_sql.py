"""ABC/XYZ classified in SQL (issue 12) against an independent computation in Python.

The reference works from the generated purchases themselves (not the rollup tables) in exact
rational arithmetic: revenue per client in the period, the ranking by revenue (ties by id),
the monthly sums over the XYZ window with empty months as zero, and the CV rounded half up
to tenths of a per cent. Edge cases: ties at the A/B boundary, a client with one month, zero
variance, a CV exactly at the X threshold; both paths of the result (the clients come with
a small result, a large one reads them per cell on demand).
"""

from __future__ import annotations

import random
from datetime import date
from fractions import Fraction
from math import isqrt

import pytest
from sqlalchemy import delete

from app.models import Client, Deal, Stage
from app.services.plan import abc_xyz as abc_module

D = Fraction
# client name → [(year, month, amount in rubles)] of the designed clients
DESIGNED: dict[str, list[tuple[int, int, int]]] = {
    "steady": [(2026, m, 4000) for m in range(1, 13)],  # zero variance → X
    "once": [(2026, 7, 9000)],  # one month of twelve: CV √11 → Z
    "ten": [(2026, m, 900 if m % 2 else 1100) for m in range(1, 13)],  # CV exactly 10 % → X
    "quarter": [(2026, m, 750 if m % 2 else 1250) for m in range(1, 13)],  # exactly 25 % → Y
}


def _random_clients(seed: int, n: int) -> dict[str, list[tuple[int, int, int]]]:
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        months = rng.sample([(y, m) for y in (2025, 2026) for m in range(1, 13)],
                            rng.randint(1, 20))
        out[f"r{i:03d}"] = [(y, m, rng.choice([500, 1000, 2500]) * rng.randint(1, 40))
                            for y, m in months]
    return out


def _store(services, purchases: dict[str, list[tuple[int, int, int]]]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        won = Stage(name="Won", position=1, probability=100, is_won=True)
        s.add(won)
        clients = {name: Client(name=name) for name in purchases}
        s.add_all(clients.values())
        s.flush()
        for name, items in purchases.items():
            for y, m, rubles in items:
                # two deals in some months: the month's sum is what counts
                halves = [rubles] if rubles % 2 else [rubles // 2, rubles // 2]
                for k, amount in enumerate(halves):
                    s.add(Deal(client_id=clients[name].id, stage_id=won.id, title="x",
                               amount=amount, closed_on=date(y, m, 3 + 10 * k)))
        uow.commit()
        return {name: c.id for name, c in clients.items()}


def _half_up_tenths(var: Fraction, mean: Fraction) -> int:
    """round_half_up(1000 × √var / mean) for mean > 0, exactly: the largest t with
    (t − ½)² × mean² ≤ 10⁶ × var."""
    target = var * 1_000_000 / (mean * mean)  # (1000 · cv)²
    t = isqrt(int(target))  # close; then step to the exact boundary
    while (Fraction(2 * t + 1, 2)) ** 2 <= target:
        t += 1
    while t > 0 and (Fraction(2 * t - 1, 2)) ** 2 > target:
        t -= 1
    return t


def _reference(purchases: dict[str, list[tuple[int, int, int]]], ids: dict[str, int],
               year: int, a: Fraction, b: Fraction, x_max: Fraction,
               y_max: Fraction) -> dict[str, tuple[str, str, int | None]]:
    """name → (ABC, XYZ, CV tenths) for a year period with a 12-month window."""
    revenue = {name: sum(r for y, _m, r in items if y == year) for name, items in purchases.items()}
    buyers = sorted((name for name, r in revenue.items() if r > 0),
                    key=lambda name: (-revenue[name], ids[name]))
    total = sum(revenue[name] for name in buyers)
    out = {}
    before = 0
    for name in buyers:
        share = Fraction(before * 100, total)
        abc = "A" if share < a else "B" if share < a + b else "C"
        before += revenue[name]
        monthly = [sum(r for y, m, r in purchases[name] if (y, m) == (year, month))
                   for month in range(1, 13)]
        mean = Fraction(sum(monthly), 12)
        var = Fraction(sum(v * v for v in monthly), 12) - mean * mean
        tenths = _half_up_tenths(var, mean) if mean else None
        xyz = ("Z" if tenths is None else "X" if tenths <= x_max * 10
               else "Y" if tenths <= y_max * 10 else "Z")
        out[name] = (abc, xyz, tenths)
    return out


def _check(res, expected: dict[str, tuple[str, str, int | None]]) -> None:  # type: ignore[no-untyped-def]
    got = {c.name: (c.abc, c.xyz, None if c.cv is None else int(c.cv * 10))
           for c in res.clients}
    assert got == expected
    assert res.client_count == len(expected)
    for cell in res.cells:
        names = [c.name for c in res.clients_in(cell.abc, cell.xyz)]
        assert sorted(names) == sorted(n for n, v in expected.items()
                                       if v[:2] == (cell.abc, cell.xyz))
        assert cell.count == len(names)
        assert cell.revenue == sum((c.revenue for c in res.clients_in(cell.abc, cell.xyz)), 0)


@pytest.mark.parametrize("whole_result", [10_000, 5])
@pytest.mark.parametrize(("a", "b", "x_max", "y_max"), [
    (80, 15, 10, 25), (D(145, 2), 20, D(25, 2), 30)])
def test_sql_classification_matches_python(services, monkeypatch, whole_result, a, b,  # type: ignore[no-untyped-def]
                                           x_max, y_max):
    # 5: every list is read on demand from SQL, cell by cell
    monkeypatch.setattr(abc_module, "WHOLE_RESULT", whole_result)
    purchases = {**DESIGNED, **_random_clients(12, 150)}
    ids = _store(services, purchases)
    dec = [abc_module.Decimal(v.numerator) / v.denominator if isinstance(v, Fraction)
           else v for v in (a, b, x_max, y_max)]
    res = services.analytics.abc_xyz("2026", a_share=dec[0], b_share=dec[1], x_max=dec[2],
                                     y_max=dec[3])
    expected = _reference(purchases, ids, 2026, D(a), D(b), D(x_max), D(y_max))
    assert expected["steady"][1:] == ("X", 0) and expected["once"][1] == "Z"
    assert expected["ten"][1:] == ("X", 100) and expected["quarter"][1:] == ("Y", 250)
    _check(res, expected)
    assert [c.name for c in res.top(7)] == [c.name for c in res.clients[:7]]


def test_ties_at_the_a_b_boundary(services):  # type: ignore[no-untyped-def]
    # 40 + 40 = 80 % exactly before the third client: it is not below 80 → B; equal
    # revenues rank by id (the order they were created in); 85 and 90 % → B; 95 % → C.
    purchases = {"t1": [(2026, 3, 4000)], "t2": [(2026, 5, 4000)], "t3": [(2026, 1, 500)],
                 "t4": [(2026, 2, 500)], "t5": [(2026, 4, 500)], "t6": [(2026, 6, 500)]}
    ids = _store(services, purchases)
    res = services.analytics.abc_xyz("2026")
    assert [c.name for c in res.clients] == ["t1", "t2", "t3", "t4", "t5", "t6"]
    assert [c.abc for c in res.clients] == ["A", "A", "B", "B", "B", "C"]
    _check(res, _reference(purchases, ids, 2026, D(80), D(15), D(10), D(25)))
