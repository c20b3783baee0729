"""The Plan tab's full service refresh on a large database (300 000 deals by default).

    python bench/bench_plan.py [--clients 30000 --deals 300000 --runs 5]

Builds the demo database once (cached in bench/.data/, the generation time is printed;
about 5 minutes for the default size, most of it the Plan rollups' triggers),
then times `load_plan_tab_data` — exactly what the tab asks the services for on refresh —
for a month, a quarter and a year, and each service call of a month's refresh separately.
Prints the figures; asserts nothing. Target: well under a second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / ".data"


def _median_ms(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=30000)
    parser.add_argument("--deals", type=int, default=300000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    from app.bootstrap import bootstrap
    from app.services.demo import DemoSizes, generate_demo
    from app.views.plan.data import (
        SECTIONS,
        PlanTabData,
        load_plan_tab_data,
        load_section,
        make_query,
    )

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"plan_{args.clients}_{args.deals}_{args.seed}.db"
    today = date(2026, 11, 16)
    if not path.exists():
        tmp = path.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        services = bootstrap(tmp)
        t0 = time.perf_counter()
        generate_demo(services.uow_factory, DemoSizes(clients=args.clients, deals=args.deals),
                      seed=args.seed, today=today)
        print(f"generated {args.deals} deals / {args.clients} clients in "
              f"{time.perf_counter() - t0:.1f} s")
        services.close()
        tmp.rename(path)
    services = bootstrap(path)
    with services.uow_factory() as uow:
        from sqlalchemy import text

        counts = {t: uow.session.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                  for t in ("deals", "deal_lines", "stage_changes", "payments", "clients")}
    print("database:", path.name, ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    for period in ("2026-11", "2026-Q4", "2026"):
        for dimension in ("product_group", "region"):
            t0 = time.perf_counter()
            load_plan_tab_data(services, period, dimension, today=today)
            cold = (time.perf_counter() - t0) * 1000
            med, worst = _median_ms(
                lambda p=period, d=dimension: load_plan_tab_data(services, p, d, today=today),
                args.runs)
            print(f"full refresh {period:8} {dimension:13}: first {cold:7.1f} ms, "
                  f"median {med:7.1f} ms, max {worst:7.1f} ms")
    services.plan.set_metric("payments")
    for period in ("2026-11", "2026"):
        med, worst = _median_ms(lambda per=period: load_plan_tab_data(
            services, per, "product_group", today=today), args.runs)
        print(f"full refresh {period:8} payments metric: median {med:7.1f} ms, "
              f"max {worst:7.1f} ms")
    services.plan.set_metric("won_deals")

    print("\nper section (what the tab fetches when that page is on screen), median:")
    for period in ("2026-11", "2026-Q4", "2026"):
        figures = []
        for section in SECTIONS:
            def one(sec=section, per=period):  # type: ignore[no-untyped-def]
                data = PlanTabData(make_query(services, per, "product_group", today=today))
                load_section(services, data, sec)
            med, _ = _median_ms(one, args.runs)
            figures.append(f"{section} {med:6.1f} ms")
        print(f"  {period:8} " + ", ".join(figures))

    print("\nparts of a month's refresh (median):")
    p = "2026-11"
    parts = {
        "progress": lambda: services.plan.progress(p, today=today),
        "cumulative": lambda: services.plan.cumulative(p, today=today),
        "monthly (12)": lambda: services.plan.monthly(p),
        "breakdown group": lambda: services.plan.breakdown(p, "product_group", today=today),
        "breakdown region": lambda: services.plan.breakdown(p, "region", today=today),
        "funnel": lambda: services.analytics.funnel(p),
        "losses": lambda: services.analytics.losses(p),
        "sources": lambda: services.analytics.sources(p),
        "abc_xyz": lambda: services.analytics.abc_xyz(p),
        "rfm (all clients)": lambda: services.analytics.rfm(as_of=today),
        "rfm_segments": lambda: services.analytics.rfm_segments(as_of=today),
        "churn_risk": lambda: services.analytics.churn_risk(as_of=today, limit=200),
        "grid (year)": lambda: services.plan.grid("2026", "product_group"),
    }
    for name, fn in parts.items():
        med, _ = _median_ms(fn, args.runs)
        print(f"  {name:17} {med:7.1f} ms")
    services.close()


if __name__ == "__main__":
    main()
