"""The Сделки tab with at least 2 000 open deals: service, build, repaint, scroll, move.

    python bench/bench_deals.py [--open 2000 --runs 5]

Builds a demo database (cached in bench/.data/) and tops it up with open deals spread over
the working stages until there are `--open` of them. Then times, offscreen:
  * `deals.board()` (the query plus the card DTOs) and `deals.forecast()`,
  * building the tab, a full reload (filters changed),
  * painting the whole board (`grab()`), scrolling every column to the end and back,
  * moving a card (store + column update) and a text-search filter.
Prints the figures; asserts nothing. Target: each user action well under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / ".data"
PAGES = 1000


def _median_ms(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def _build(path: Path, open_target: int) -> None:
    from sqlalchemy import func, insert, select

    from app.bootstrap import bootstrap
    from app.models import Activity, Client, Deal, Stage, StageChange
    from app.services.demo import DemoSizes, generate_demo

    svc = bootstrap(path)
    generate_demo(svc.uow_factory, DemoSizes(clients=1500, deals=1500), seed=11)
    rng = random.Random(5)
    with svc.uow_factory() as uow:
        s = uow.session
        stages = list(s.scalars(select(Stage).where(Stage.is_won.is_(False),
                                                    Stage.is_lost.is_(False))))
        open_now = s.scalar(select(func.count(Deal.id)).where(
            Deal.stage_id.in_([st.id for st in stages])))
        clients = list(s.scalars(select(Client.id)))
        first = (s.scalar(select(func.max(Deal.id))) or 0) + 1
        deals, changes, acts = [], [], []
        now = datetime.now(UTC)
        for i in range(max(open_target - open_now, 0)):
            did = first + i
            st = rng.choice(stages)
            entered = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 8))
            deals.append({"id": did, "client_id": rng.choice(clients), "stage_id": st.id,
                          "title": f"Поставка №{did}",
                          "amount": Decimal(rng.randint(1000, 5_000_000)) / 100 * 100,
                          "expected_close": date.today() + timedelta(days=rng.randint(-5, 90)),
                          "stage_entered_at": entered, "created_at": entered,
                          "updated_at": entered})
            changes.append({"deal_id": did, "from_stage_id": None, "to_stage_id": st.id,
                            "changed_at": entered})
            if rng.random() < 0.8:
                acts.append({"kind": "call", "subject": "Созвониться", "client_id":
                             deals[-1]["client_id"], "deal_id": did, "done": False,
                             "due_at": now + timedelta(days=rng.randint(-3, 10))})
        if deals:
            s.execute(insert(Deal), deals)
            s.execute(insert(StageChange), changes)
            s.execute(insert(Activity), acts)
        uow.commit()
    svc.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--open", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"deals-{args.open}.db"
    if not path.exists():
        t0 = time.perf_counter()
        _build(path, args.open)
        print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")

    from PySide6.QtCore import QModelIndex, Qt

    from app.bootstrap import bootstrap
    from app.gui import apply_style, ensure_app
    from app.services.deals import BoardFilter
    from app.views import dialogs

    svc = bootstrap(path)
    app = ensure_app()
    apply_style(app)
    board = svc.deals.board()
    n_open = sum(len(c) for c in board.cards.values())
    print(f"open deals on the board: {n_open}, columns: {len(board.stages)}")

    med, worst = _median_ms(lambda: svc.deals.board(), args.runs)
    print(f"deals.board():                {med:7.1f} ms (max {worst:.1f})")
    med, worst = _median_ms(lambda: svc.deals.board(BoardFilter(show_closed=True)), args.runs)
    print(f"deals.board(show_closed):     {med:7.1f} ms (max {worst:.1f})")
    med, worst = _median_ms(lambda: svc.deals.forecast(), args.runs)
    print(f"deals.forecast():             {med:7.1f} ms (max {worst:.1f})")

    from app.views.deals.tab import DealsTab

    t0 = time.perf_counter()
    tab = DealsTab(services=svc)
    tab.resize(1400, 860)
    tab.show()
    app.processEvents()
    print(f"build + show the tab:         {(time.perf_counter() - t0) * 1000:7.1f} ms")
    med, worst = _median_ms(lambda: tab._reload(), args.runs)
    print(f"full reload (filters):        {med:7.1f} ms (max {worst:.1f})")
    med, worst = _median_ms(lambda: tab.board.grab(), args.runs)
    print(f"paint the whole board:        {med:7.1f} ms (max {worst:.1f})")

    def scroll_all() -> None:
        for col in tab.board.columns:
            bar = col.view.verticalScrollBar()
            for value in list(range(0, bar.maximum() + 1, max(bar.pageStep(), 1)))[:PAGES]:
                bar.setValue(value)
                col.view.viewport().repaint()
            bar.setValue(0)

    pages = sum(min(col.view.verticalScrollBar().maximum() // max(
        col.view.verticalScrollBar().pageStep(), 1) + 1, PAGES) for col in tab.board.columns)
    t0 = time.perf_counter()
    scroll_all()
    total = (time.perf_counter() - t0) * 1000
    print(f"scroll every column page by page: {total:7.1f} ms for {pages} pages "
          f"({total / max(pages, 1):.2f} ms per page)")

    dialogs.show_error = lambda *a, **k: None  # type: ignore[assignment]
    moves = []
    for i in range(args.runs):
        src = tab.board.columns[i % 3]
        dst = tab.board.columns[(i % 3) + 1]
        mime = src.model.mimeData([src.model.index(0)])
        t0 = time.perf_counter()
        dst.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
        app.processEvents()  # the move is queued after the drop
        moves.append((time.perf_counter() - t0) * 1000)
    print(f"drop a card (store + update): {statistics.median(moves):7.1f} ms "
          f"(max {max(moves):.1f})")

    def search() -> None:
        tab.search.setText("№1")
        tab._on_filters_changed()
        tab.search.setText("")
        tab._on_filters_changed()

    med, worst = _median_ms(search, args.runs)
    print(f"search and clear (2 reloads): {med:7.1f} ms (max {worst:.1f})")
    tab.close()
    svc.close()


if __name__ == "__main__":
    main()
