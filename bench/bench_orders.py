"""The Заказы tab on a grown base: opening it, its filters, one order in the editor.

    python bench/bench_orders.py DB [--runs 10]

Reads only (the base stays as it was grown). Figures (issue 14; the large base has
100,000 orders and 150,000 payments):
  * "Orders tab opens (GUI)": building the tab (toolbar, filters, the table) and showing
    the first page of the list and its count, painted; target < 300 ms;
  * "orders list, first page (service)": `OrdersService.list_orders` with no filter, the
    page the tab reads first (200 rows and the count);
  * "orders list, «просрочено» (service)": the same with `overdue_only` — payment overdue
    or a shipment or delivery late, as of today;
  * "orders list, one client (service)": the first page of the busiest client's orders;
  * "order editor opens (GUI)": the editor of the newest order, every page filled.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402


def figures(ctx: Context) -> Iterator[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import bootstrap
    from app.services.orders import OrderFilter

    services = bootstrap(ctx.db)  # reads only: the base stays as it was grown
    orders = services.orders
    first = orders.list_orders(OrderFilter())  # the dialect, mappers, file cache
    yield Figure("orders list, first page (service)",
                 timed(lambda: orders.list_orders(OrderFilter()), ctx.runs),
                 note=f"{len(first.rows)} rows of {first.total}")
    overdue = OrderFilter(overdue_only=True)
    yield Figure("orders list, «просрочено» (service)",
                 timed(lambda: orders.list_orders(overdue), ctx.runs),
                 note=f"{orders.list_orders(overdue).total} orders late or overdue")
    clients: dict[int, int] = {}
    for row in first.rows:
        clients[row.client_id] = clients.get(row.client_id, 0) + 1
    if clients:
        client_id = max(clients, key=lambda c: clients[c])
        one = OrderFilter(client_id=client_id)
        yield Figure("orders list, one client (service)",
                     timed(lambda: orders.list_orders(one), ctx.runs),
                     note=f"{orders.list_orders(one).total} orders of the client")

    from app.gui import apply_style, ensure_app
    from app.views.background import wait_for_all
    from app.views.orders.tab import OrdersTab

    app = ensure_app()
    apply_style(app)
    opened: list[float] = []
    tab = None
    for _ in range(max(3, ctx.runs // 2)):
        if tab is not None:
            tab.deleteLater()
            app.processEvents()
        start = time.perf_counter()
        tab = OrdersTab(services=services)
        tab.resize(1366, 700)
        tab.show()
        while tab.is_loading():  # a read still on the thread pool: wait, then deliver it
            wait_for_all()
            app.processEvents()
        tab.view.viewport().repaint()
        opened.append(time.perf_counter() - start)
    yield Figure("Orders tab opens (GUI)", opened, target_s=0.3,
                 note="the first page of the list and its count, shown and painted")

    if first.rows:
        from app.views.orders.editor import OrderEditor

        newest = first.rows[0].id
        shown: list[float] = []
        for _ in range(max(3, ctx.runs // 2)):
            start = time.perf_counter()
            editor = OrderEditor(services=services, order_id=newest)
            editor.show()
            editor.repaint()
            shown.append(time.perf_counter() - start)
            editor.close_discarding()
            editor.deleteLater()
            app.processEvents()
        yield Figure("order editor opens (GUI)", shown,
                     note="the newest order, its lines, shipments, payments and credit")
    if tab is not None:
        tab.deleteLater()
        app.processEvents()
    services.close()


if __name__ == "__main__":
    run_standalone(figures, runs=10)
