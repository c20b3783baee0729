"""Benchmark of document generation: offers (incl. a 200-line one), invoices and reports.

    python bench/bench_documents.py [--clients 300] [--deals 600] [--repeat 3]

Builds a demo database in a temporary folder, then times each document (median of
--repeat runs) and prints its size and page count. Target: every document well under the
2 s a manager would wait in front of the preview (they run off the GUI thread anyway).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import bootstrap


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    times, data = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), data


def pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--deals", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from sqlalchemy import select

    from app.models import Deal, DealLine, Order, Stage
    from app.services.demo import DemoSizes, generate_demo

    today = date(2026, 11, 16)
    with tempfile.TemporaryDirectory() as tmp:
        services = bootstrap(Path(tmp) / "bench.db")
        start = time.perf_counter()
        generate_demo(services.uow_factory, DemoSizes(clients=args.clients, deals=args.deals),
                      seed=3, today=today)
        print(f"demo {args.clients} clients / {args.deals} deals: "
              f"{time.perf_counter() - start:.2f} s")
        with services.uow_factory() as uow:
            s = uow.session
            deal = s.scalars(select(Deal).join(Stage).where(Stage.is_won.is_(False))).first()
            for i in range(200):
                s.add(DealLine(deal_id=deal.id, position=100 + i, name=f"Позиция каталога {i}",
                               quantity=Decimal(i % 7 + 1), price=Decimal("1234.56"),
                               discount=Decimal(i % 4), vat_kind="standard"))
            uow.commit()
            big_deal = deal.id
            order_id = s.scalar(select(Order.id).limit(1))
        docs = services.documents
        t0 = time.perf_counter()
        offer = docs.issue_offer(big_deal, on=today)
        print(f"issue offer (snapshot of 200+ lines): {(time.perf_counter() - t0) * 1000:.0f} ms")
        jobs: list[tuple[str, Callable[[], bytes]]] = [
            ("offer, 200+ lines, classic", lambda: docs.offer_pdf(offer.id)),
            ("invoice of an order",
             lambda: docs.invoice_pdf(docs.issue_invoice(order_id=order_id))),
        ]
        for kind, period in (("plan", "2026-11"), ("plan", "2026"), ("pipeline", "2026-Q4"),
                             ("clients", "2026"), ("meeting-pack", "2026-11")):
            jobs.append((f"report {kind} {period}",
                         lambda k=kind, p=period: docs.report_pdf(k, p, today=today)))
        for name, fn in jobs:
            seconds, data = timed(fn, args.repeat)
            print(f"{name:32s} {seconds * 1000:7.0f} ms  {len(data) / 1024:7.1f} KiB  "
                  f"{pages(data):3d} pages")
        services.close()


if __name__ == "__main__":
    main()
