"""The client list on a grown base: search keystroke by keystroke, opening the tab.

    python bench/bench_clients.py DB [--runs 10]

A keystroke is what the list does for one more typed character: the ids in the list's
order and the first visible page of rows (service), and in the GUI the tab's reload with
the model reset and a repaint. The floor is the raw FTS query of the same words (the
rowids of the matches), timed in the same run. Targets (issue 12): p95 < 50 ms a keystroke
and ≤ 2× the raw FTS query's p95; the Clients tab opens in < 300 ms.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402

# What a user types, keystroke by keystroke (one character does not search yet), over the
# demo's names: company names, contact persons, ё typed as е, phone digits, an ИНН, an
# e-mail, two words, and the broad prefixes that match most of the base.
TYPED = ["те", "тех", "техн", "техно",
         "ив", "ива", "иван", "иванов",
         "се", "сем", "семе", "семен", "семено", "семенов",
         "91", "916", "9161", "91612",
         "77", "770", "7707",
         "info12", "info123@",
         "ооо тех", "ооо техноснаб",
         "in", "inf", "info", "оо", "ооо"]
# Fragments inside a name (issue 17, finding 1: «торг» finds «Агроторг»)
FRAGMENTS = ["орг", "торг", "снаб", "холд", "холдинг", "нжин", "инжиниринг", "трейд плюс"]

# The Ctrl+K box (issue 17): the same keystrokes, then deal titles and document numbers
TYPED_GLOBAL = [*TYPED, "по", "пос", "пост", "поставка", "стел", "стеллаж", "кп-", "кп-2026",
                "кп-2026-00", "з-20", "з-2026-001", "сч-2026", "меш", "щщщщ"]


def figures(ctx: Context) -> Iterator[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import bootstrap
    from app.services.clients import ClientQuery
    from app.services.clients.matching import fragment_match_expression, fts_match_expression

    services = bootstrap(ctx.db)  # reads only: the base stays as it was grown
    clients = services.clients
    clients.rows(clients.search_ids(ClientQuery())[:100])  # the dialect, mappers, file cache

    service: list[float] = []
    for typed in TYPED:  # what the tab asks for a keystroke: the first page (ClientsTab)
        def keystroke(text: str = typed) -> None:
            clients.rows(clients.search_ids(ClientQuery(text=text), limit=100, picker=False))
        service += timed(keystroke, max(1, ctx.runs // 3))

    raw = sqlite3.connect(f"file:{ctx.db}?mode=ro", uri=True)
    floor: list[float] = []
    for typed in TYPED:
        match = fts_match_expression(typed)
        if match is None:
            continue
        floor += timed(lambda m=match: raw.execute(
            "SELECT rowid FROM fts_clients WHERE fts_clients MATCH ?", (m,)).fetchall(),
            max(1, ctx.runs // 3))
    raw.close()
    yield Figure("client search, one keystroke (service)", service, floor=floor,
                 target_s=0.05, max_ratio=2.0, stat="p95")

    fragments: list[float] = []
    for typed in FRAGMENTS:
        def fragment_keystroke(text: str = typed) -> None:
            clients.rows(clients.search_ids(ClientQuery(text=text), limit=100, picker=False))
        fragments += timed(fragment_keystroke, max(1, ctx.runs // 3))
    raw = sqlite3.connect(f"file:{ctx.db}?mode=ro", uri=True)
    fragment_floor: list[float] = []
    for typed in FRAGMENTS:
        fragment = fragment_match_expression(typed)
        assert fragment is not None
        fragment_floor += timed(lambda f=fragment: raw.execute(
            "SELECT rowid FROM fts_client_names WHERE fts_client_names MATCH ?",
            (f,)).fetchall(), max(1, ctx.runs // 3))
    raw.close()
    yield Figure("client search, a fragment inside a name (service)", fragments,
                 floor=fragment_floor, target_s=0.05, stat="p95")

    everywhere: list[float] = []
    for typed in TYPED_GLOBAL:
        everywhere += timed(lambda t=typed: services.search.search(t), max(1, ctx.runs // 3))
    yield Figure("global search (Ctrl+K), one keystroke (service)", everywhere,
                 target_s=0.05, stat="p95")

    from app.gui import apply_style, ensure_app
    from app.views.clients.tab import ClientsTab

    app = ensure_app()
    apply_style(app)
    opened: list[float] = []
    tab = None
    for _ in range(max(3, ctx.runs // 2)):
        if tab is not None:
            tab.deleteLater()
            app.processEvents()
        start = time.perf_counter()
        tab = ClientsTab(services=services)
        tab.resize(1280, 700)
        tab.show()
        tab.view.viewport().repaint()
        opened.append(time.perf_counter() - start)
    yield Figure("Clients tab opens (GUI)", opened, target_s=0.3)

    assert tab is not None
    gui: list[float] = []
    whole: list[float] = []
    for _ in range(max(1, ctx.runs // 3)):
        for typed in TYPED:
            tab.search_edit.blockSignals(True)
            tab.search_edit.setText(typed)
            tab.search_edit.blockSignals(False)
            start = time.perf_counter()
            tab.reload()
            tab.view.viewport().repaint()  # what the user sees after the keystroke
            gui.append(time.perf_counter() - start)
            tab.settle()  # the rest of the list and its count
            whole.append(time.perf_counter() - start)
    yield Figure("client search, one keystroke (GUI)", gui, target_s=0.05, stat="p95")
    yield Figure("client search, whole list and count after it (GUI)", whole, stat="p95")
    services.close()


if __name__ == "__main__":
    run_standalone(figures, runs=10)
