"""The manager's day on a grown base: the Today worklist, the calendar's week, completing an
activity with its next step, the next reminder.

    python bench/bench_day.py DB [--runs 10]

Works on a scratch copy of DB (a completion writes). Figures (issue 13):
  * "Today worklist (service)": `WorklistService.worklist()` — every section, capped at 100
    rows with its total; target < 200 ms;
  * "service calls due": the section alone, a range of the trigger-kept agg_service_due
    (migration 0011; before it, a seek per active client: 0.2–0.35 s on the large base);
  * "Today worklist without service calls": every other section (`sections=`), what the tab
    can show first;
  * "calendar work week (in_range)": `ActivitiesService.in_range` over this week's Monday to
    Saturday; target < 100 ms;
  * "complete with a next step": `ActivitiesService.complete` of an open activity with a
    result and a new activity a week later, in one transaction; target median < 30 ms;
  * "next reminder": `ActivitiesService.next_reminder_at()`; target < 5 ms;
  * "Today tab refresh → filled (GUI)": `TodayTab.refresh()` until every section is shown
    (the late ones come from a background job), offscreen; target < 200 ms; its note gives
    the part the GUI thread is held (the quick sections and the figures).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402


def figures(ctx: Context) -> Iterator[Figure]:
    from app.bootstrap import bootstrap
    from app.services.activities import ActivityDraft, Completion, results_for
    from app.services.overview import local_day_start
    from app.services.worklist import SECTIONS

    db = ctx.scratch_copy("day.db")
    services = bootstrap(db)
    worklist, activities = services.worklist, services.activities

    yield Figure("Today worklist (service)", timed(worklist.worklist, ctx.runs),
                 target_s=0.200)
    yield Figure("service calls due", timed(worklist.service_due, ctx.runs),
                 note="agg_service_due (0011), inside the worklist's figure")
    quick = [s for s in SECTIONS if s != "service_due"]
    yield Figure("Today worklist without service calls",
                 timed(lambda: worklist.worklist(sections=quick), ctx.runs),
                 note="what a view can show before the service calls are read")

    today = date.today()
    monday = today - timedelta(days=today.weekday())
    week = (local_day_start(monday), local_day_start(monday + timedelta(days=5)))
    yield Figure("calendar work week (in_range)",
                 timed(lambda: activities.in_range(*week), ctx.runs), target_s=0.100,
                 note=f"{len(activities.in_range(*week))} activities, Mon–Fri")

    yield Figure("next reminder", timed(activities.next_reminder_at, max(ctx.runs, 20)),
                 target_s=0.005)

    now = datetime.now(UTC)
    ahead = activities.in_range(now, now + timedelta(days=30))
    candidates = [a for a in ahead if not a.recurring and a.client_id][:ctx.runs + 1]
    completed: list[float] = []
    for i, a in enumerate(candidates):
        completion = Completion(
            result=results_for(a.kind)[0], outcome="обсудили условия",
            next=ActivityDraft(kind="call", subject="Перезвонить по итогам",
                               client_id=a.client_id, deal_id=a.deal_id,
                               due_at=now + timedelta(days=7), remind_before_min=-1))
        start = time.perf_counter()
        activities.complete(a.id, completion, now=now)
        if i:  # the first one warms the statements up
            completed.append(time.perf_counter() - start)
    if completed:
        yield Figure("complete with a next step", completed, target_s=0.030,
                     note="done with a result and a call a week later, one transaction")
    yield from _today_tab(services)
    services.close()


def _today_tab(services: object) -> Iterator[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from app.bootstrap import Services
    from app.gui import apply_style, ensure_app
    from app.views.background import wait_for_all
    from app.views.today.tab import TodayTab

    assert isinstance(services, Services)
    app = ensure_app()
    apply_style(app)
    tab = TodayTab(services=services)
    tab.resize(1366, 700)
    tab.show()
    filled: list[float] = []
    held: list[float] = []

    def refresh() -> None:
        loop = QEventLoop()
        tab.filled.connect(loop.quit)  # connected before the refresh starts the job
        start = time.perf_counter()
        tab.refresh()
        held.append(time.perf_counter() - start)
        if not tab.is_filled():
            QTimer.singleShot(30000, loop.quit)
            loop.exec()
        tab.repaint()
        filled.append(time.perf_counter() - start)
        tab.filled.disconnect(loop.quit)

    for _ in range(2):  # warm-up: the first fill, the statements' plans
        refresh()
    filled.clear()
    held.clear()
    for _ in range(10):
        refresh()
    held.sort()
    yield Figure("Today tab refresh → filled (GUI)", filled, target_s=0.200,
                 note=f"GUI thread held {held[len(held) // 2] * 1000:.0f} ms (median)")
    tab.close()
    wait_for_all()


if __name__ == "__main__":
    run_standalone(figures, runs=10)
