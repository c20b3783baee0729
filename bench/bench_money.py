"""Receivables on a grown base: the aging of every client, a client's акт сверки for a year.

    python bench/bench_money.py DB [--runs 10]

Works on a scratch copy of DB (opening a base through the app writes its lock and WAL
files). Figures (issue 14), inside a running process (the first call is not timed):
  * "receivables aging, all clients": `ReceivablesService.aging()` as of today — every
    client's debt by days overdue with its credit, the totals row; target < 200 ms;
  * "receivables aging as of 6 months ago": the same as of an earlier day, when the
    payments up to it are summed per order (reported, no target);
  * "client statement, a year": `ReceivablesService.statement` for the client with the
    most shipments and payments in the last year (reported);
  * "client statement for a year to PDF": `DocumentService.statement_pdf` for that client
    and year; target < 300 ms.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402


def busiest_client(db: Path, start: date, end: date) -> tuple[int, int]:
    """The client with the most shipments and payments between the days, and that count."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT client_id, COUNT(*) FROM ("
            " SELECT o.client_id FROM shipments s JOIN orders o ON o.id = s.order_id"
            "  WHERE COALESCE(s.shipped_on, s.planned_on) BETWEEN :a AND :b"
            " UNION ALL SELECT client_id FROM payments WHERE paid_on BETWEEN :a AND :b)"
            " GROUP BY client_id ORDER BY COUNT(*) DESC, client_id LIMIT 1",
            {"a": start.isoformat(), "b": end.isoformat()}).fetchone()
    return (int(row[0]), int(row[1])) if row else (1, 0)


def figures(ctx: Context) -> Iterator[Figure]:
    from app.bootstrap import bootstrap

    db = ctx.scratch_copy("money.db")
    services = bootstrap(db)
    receivables, documents = services.receivables, services.documents
    today = date.today()
    aging = receivables.aging(today)
    yield Figure("receivables aging, all clients", timed(receivables.aging, ctx.runs),
                 target_s=0.200,
                 note=f"{len(aging.rows)} clients owing or with credit, as of {today}")
    earlier = today - timedelta(days=182)
    yield Figure("receivables aging as of 6 months ago",
                 timed(lambda: receivables.aging(earlier), max(3, ctx.runs // 2)),
                 note="the payments up to that day summed per order")

    start, end = today - timedelta(days=365), today
    client_id, moves = busiest_client(db, start, end)
    yield Figure("client statement, a year",
                 timed(lambda: receivables.statement(client_id, start, end), ctx.runs),
                 note=f"client {client_id}: {moves} shipments and payments in the year")
    entries = len(receivables.statement(client_id, start, end).entries)
    yield Figure("client statement for a year to PDF",
                 timed(lambda: documents.statement_pdf(client_id, start, end), ctx.runs),
                 target_s=0.300, note=f"the акт сверки with {entries} entries, in process")
    services.close()


if __name__ == "__main__":
    run_standalone(figures, runs=10)
