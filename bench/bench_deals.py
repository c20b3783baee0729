"""The Сделки tab on a grown base: opening the board, one card move, the forecast.

    python bench/bench_deals.py DB [--runs 10]

Works on a scratch copy of DB (a move writes). Figures (issue 12):
  * "board open (GUI)": building the tab (filters, board, column headers, forecast, status),
    showing it and painting it; target < 300 ms;
  * "one card move (GUI)": a card dropped on the next open column, from the drop to the
    moved card, the two column headers and the forecast shown; target median < 30 ms
    (the p95 is in the table too);
  * "forecast()": the service's forecast strip figures alone;
  * "card move, service": `DealsService.move_deal` alone; its floor is the same writes
    (the deal's stage and a stage change) in plain sqlite3.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402


def figures(ctx: Context) -> Iterator[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt

    from app.bootstrap import bootstrap
    from app.gui import apply_style, ensure_app
    from app.views import dialogs
    from app.views.deals.tab import DealsTab

    db = ctx.scratch_copy("deals.db")
    services = bootstrap(db)
    deals = services.deals
    open_stages = [st.id for st in deals.stages() if st.is_open]

    yield Figure("forecast()", timed(deals.forecast, ctx.runs), target_s=None)

    # Service moves: the first open deals step back and forth between two open stages.
    board = deals.board()
    first, second = open_stages[0], open_stages[1]
    movers = [c.id for c in board.column(first)[:ctx.runs]]
    service: list[float] = []
    for i, deal_id in enumerate(movers + movers):
        to = second if i < len(movers) else first
        start = time.perf_counter()
        deals.move_deal(deal_id, to)
        service.append(time.perf_counter() - start)

    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("PRAGMA journal_mode=WAL")
    floor: list[float] = []
    for i, deal_id in enumerate(movers + movers):
        to, frm = (second, first) if i < len(movers) else (first, second)
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE deals SET stage_id = ?, stage_entered_at = ?, updated_at = ? "
                    "WHERE id = ?", (to, now, now, deal_id))
        raw.execute("INSERT INTO stage_changes (deal_id, from_stage_id, to_stage_id, "
                    "changed_at) VALUES (?, ?, ?, ?)", (deal_id, frm, to, now))
        raw.execute("COMMIT")
        floor.append(time.perf_counter() - start)
    raw.close()
    yield Figure("card move, service", service, floor=floor,
                 note="floor: the same UPDATE and INSERT in plain sqlite3")

    app = ensure_app()
    apply_style(app)
    opened: list[float] = []
    tab: DealsTab | None = None
    for _ in range(max(3, ctx.runs // 2)):
        if tab is not None:
            tab.close()
            tab.deleteLater()
            app.processEvents()
        start = time.perf_counter()
        tab = DealsTab(services=services)
        tab.resize(1400, 860)
        tab.show()
        tab.repaint()
        opened.append(time.perf_counter() - start)
    yield Figure("board open (GUI)", opened, target_s=0.3)

    assert tab is not None
    dialogs.show_error = lambda *a, **k: None  # type: ignore[assignment]  # a refusal: no box
    app.processEvents()
    moved: list[float] = []
    columns = [c for c in tab.board.columns if c.stage.is_open]
    for i in range(2 * ctx.runs):
        # forward through the open columns, then back, so every move is a real one
        k = i % (len(columns) - 1)
        src, dst = (columns[k], columns[k + 1]) if (i // (len(columns) - 1)) % 2 == 0 \
            else (columns[k + 1], columns[k])
        if src.model.rowCount() == 0:
            continue
        mime = src.model.mimeData([src.model.index(0)])
        start = time.perf_counter()
        dst.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
        app.processEvents()  # the move is queued after the drop; the repaint follows
        moved.append(time.perf_counter() - start)
    yield Figure("one card move (GUI)", moved, target_s=0.03, stat="median",
                 note="target on the median (issue 12: < 30 ms); p95 reported")
    tab.close()
    tab.deleteLater()
    app.processEvents()
    services.close()


if __name__ == "__main__":
    run_standalone(figures, runs=10)
