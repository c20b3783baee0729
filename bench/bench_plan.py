"""The План tab on a grown base: a full year's refresh and the tab's first open.

    python bench/bench_plan.py DB [--runs 5]

Works on a scratch copy of DB (opening a base through the app writes its lock and WAL
files). "Today" is the base's own: the last won deal's closing day (the demo dates nothing
after its today), and the year is that day's year — what its user sees. Figures (issue 12):
  * "Plan tab, full year refresh, service": `load_plan_tab_data` for the year, every section
    (what the tab asks the services for), target < 500 ms;
  * "Plan tab, full year refresh, GUI": the tab on a month, the user picks the year and
    visits each page in turn, each time until the tab's own `filled` signal for that page
    (no sleeping); target < 500 ms;
  * "Plan tab first open → skeleton shown" / "→ filled": in a fresh process per sample
    (the first open imports pyqtgraph once), a main window on the base, the user opens the
    План tab: until the tab's frame is painted, and until the first page's figures are
    shown. The note gives the longest stall of the event loop during the first open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402

if TYPE_CHECKING:
    from app.views.plan.tab import PlanTab

TARGET_S = 0.5


def base_today(db: Path) -> date:
    """The day the base was grown on: its last won deal's closing day (or today)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        last = conn.execute("SELECT MAX(last) FROM agg_client_won").fetchone()[0]
    return date.fromisoformat(last) if last else date.today()


def _wait_filled(tab: PlanTab, section: str, trigger: Callable[[], object],
                 timeout_ms: int = 60000) -> None:
    """Run `trigger` and return when the tab reports `section` filled (connected first)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    seen: list[str] = []

    def on_filled(name: str) -> None:
        if name == section:
            seen.append(name)
            loop.quit()

    tab.filled.connect(on_filled)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    try:
        trigger()
        if not seen:  # the progress page fills in place, the others off the GUI thread
            timer.start(timeout_ms)
            loop.exec()
        if not seen:
            raise TimeoutError(f"the Plan tab did not fill {section!r}")
    finally:
        tab.filled.disconnect(on_filled)


def figures(ctx: Context) -> Iterator[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import bootstrap
    from app.gui import apply_style, ensure_app
    from app.views.plan.data import SECTIONS, load_plan_tab_data

    db = ctx.scratch_copy("plan.db")
    today = base_today(db)
    year, month = str(today.year), f"{today.year}-{today.month:02d}"
    services = bootstrap(db)
    try:
        yield Figure("Plan tab, full year refresh, service", timed(
            lambda: load_plan_tab_data(services, year, "product_group", today=today),
            ctx.runs), target_s=TARGET_S,
            note=f"year {year}, every section, as of {today.isoformat()}")

        app = ensure_app()
        apply_style(app)
        from app.views.background import wait_for_all
        from app.views.plan.tab import PlanTab

        tab = PlanTab(services=services, today=today)
        tab.resize(1400, 900)
        tab.show()
        from PySide6.QtCore import QEventLoop, QTimer

        if not tab.is_filled():
            _wait_filled(tab, "progress", lambda: None)

        def full_year_refresh() -> None:
            tab.sections.setCurrentIndex(0)  # shown already: loads nothing
            _wait_filled(tab, "progress", lambda: tab.set_period(month))  # the start
            start = time.perf_counter()
            _wait_filled(tab, "progress", lambda: tab.set_period(year))
            for index, section in enumerate(SECTIONS[1:], start=1):
                _wait_filled(tab, section,
                             lambda i=index: tab.sections.setCurrentIndex(i))
            samples.append(time.perf_counter() - start)

        samples: list[float] = []
        full_year_refresh()  # warm-up: pyqtgraph's first paints, the query plans
        samples.clear()
        for _ in range(ctx.runs):
            full_year_refresh()
        yield Figure("Plan tab, full year refresh, GUI", samples, target_s=TARGET_S,
                     note="month → year on the first page, then each page until filled")
        tab.close()
        wait_for_all()
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    finally:
        services.close()

    skeleton, filled, stalls = [], [], []
    for _ in range(ctx.runs):
        out = subprocess.run([sys.executable, __file__, str(db), "--first-open"],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        skeleton.append(result["skeleton"])
        filled.append(result["filled"])
        stalls.append(result["stall"])
    stall = sorted(stalls)[len(stalls) // 2]
    yield Figure("Plan tab first open → skeleton shown", skeleton,
                 note="a fresh process per sample; the tab's frame painted")
    yield Figure("Plan tab first open → filled", filled,
                 note=f"the first page's figures shown; longest event-loop stall "
                      f"during the open, median {stall * 1000:.0f} ms")


def first_open(db: Path) -> dict[str, float]:
    """One first open of the План tab in a main window (this process's only one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer

    from app.bootstrap import bootstrap
    from app.gui import apply_style, ensure_app
    from app.views.background import wait_for_all
    from app.views.main_window import MainWindow
    from app.views.plan.tab import PlanTab

    app = ensure_app()
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        QCoreApplication.setApplicationName("SalesDeskBench")
        services = bootstrap(db)
        today = base_today(db)
        PlanTab.today = lambda self: today  # type: ignore[method-assign]
        window = MainWindow(services=services)
        window.resize(1400, 900)
        window.show()
        for _ in range(3):  # the Today tab fills itself first
            app.processEvents()
            wait_for_all()
        app.processEvents()
        # the longest gap between ticks of a 5 ms timer: how long the window was frozen
        ticks: list[float] = []
        ticker = QTimer()
        ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
        ticker.start(5)
        start = time.perf_counter()
        ticks.append(start)
        tab = window.show_tab("plan")
        assert isinstance(tab, PlanTab)
        tab.repaint()  # the frame as it is when the click returns to the event loop
        skeleton = time.perf_counter() - start
        loop = QEventLoop()
        tab.filled.connect(lambda _section: loop.quit())
        if not tab.is_filled():
            QTimer.singleShot(60000, loop.quit)
            loop.exec()
        filled = time.perf_counter() - start
        ticker.stop()
        ticks.append(time.perf_counter())
        stall = max(b - a for a, b in pairwise(ticks))
        window.close()
        wait_for_all()
        services.close()
    return {"skeleton": skeleton, "filled": filled, "stall": stall}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first-open", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_open:
        print(json.dumps(first_open(args.db)))
        sys.exit(0)
    run_standalone(figures, runs=args.runs, argv=[str(args.db), "--runs", str(args.runs)])
