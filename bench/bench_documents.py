"""Documents on a grown base: one CLI command that makes a document, as a whole process.

    python bench/bench_documents.py DB [--runs 5]

`salesdesk offer DEAL -o FILE.pdf` and `salesdesk report meeting-pack` are timed from spawn
to exit on a scratch copy (an offer is issued, so it writes). The floor is a bare reportlab
script writing a one-page PDF, in the same run. Target (issue 12): a CLI command that makes
one document < 1 s as a whole process.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone  # noqa: E402

FLOOR = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
c = Canvas(sys.argv[1], pagesize=A4)
c.drawString(72, 760, "Commercial offer")
c.showPage(); c.save()
"""


def _spawn(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def figures(ctx: Context) -> Iterator[Figure]:
    db = ctx.scratch_copy("documents.db")
    with sqlite3.connect(db) as conn:  # an open deal with lines, as a manager would pick
        deal_id = conn.execute(
            "SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id"
            " WHERE s.is_won = 0 AND s.is_lost = 0"
            " AND EXISTS (SELECT 1 FROM deal_lines l WHERE l.deal_id = d.id)"
            " ORDER BY d.id LIMIT 1").fetchone()[0]
    out = ctx.work / "doc.pdf"
    _spawn("main.py", "--db", str(db), "offer", str(deal_id), "-o", str(out))  # warm
    floor = [_spawn("-c", FLOOR, str(out)) for _ in range(ctx.runs)]
    offer = [_spawn("main.py", "--db", str(db), "offer", str(deal_id), "-o", str(out))
             for _ in range(ctx.runs)]
    yield Figure("CLI offer (КП) PDF, whole process", offer, floor=floor, target_s=1.0)
    pack = [_spawn("main.py", "--db", str(db), "report", "meeting-pack", "-o", str(out))
            for _ in range(max(3, ctx.runs // 2))]
    yield Figure("CLI meeting pack PDF, whole process", pack, floor=floor, target_s=1.0)


if __name__ == "__main__":
    run_standalone(figures, runs=5)
