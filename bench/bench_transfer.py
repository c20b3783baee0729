"""Client import and export on a grown base: a CSV of 10,000 rows, 200,000 rows, the whole list.

    python bench/bench_transfer.py DB [--runs 5]

Works on scratch copies of DB (an import writes). Figures (issue 12):
  * "import 10,000 rows, CLI process": `salesdesk --db COPY import clients FILE.csv
    --skip-invalid` as a whole process, a fresh copy each run, the file made by
    bench/import_file.py (Excel's Russian CSV, a share of bad and repeated rows); < 5 s;
  * "import 10,000 rows, in process": `ClientImportService.import_file` alone (no start-up);
  * "import 200,000 rows, peak RSS": the same command on a 200,000-row file (the narrow
    columns, under the import's 50 MB limit), its peak resident size; < 300 MB;
  * "export clients CSV": `ClientExportService.export` of the whole list; floor: plain
    sqlite3 reading the same columns and csv.writer writing them; ≤ 1.5× the floor;
  * "export clients XLSX": the same to XLSX; floor: openpyxl's write-only workbook writing
    the same cells from the same query; ≤ 1.2× the floor.
The first CLI run on a copy is not timed: it pays the once-a-day page scan of a large file
(`db.scan_due`), which is not the import's cost. The master copy is opened once by the app,
so a base of an older revision is migrated before the runs, not in each.
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone, timed  # noqa: E402
from bench.import_file import write_csv  # noqa: E402

SMALL_ROWS = 10_000
LARGE_ROWS = 200_000

# The export's columns, read the plainest way: the client, its tags, its primary contact.
_CLIENT_COLUMNS = ("name", "full_name", "kind", "legal_form", "inn", "kpp", "ogrn",
                   "legal_address", "postal_address", "phone", "email", "website",
                   "bank_name", "bik", "corr_account", "settlement_account", "industry",
                   "region", "segment", "status", "loyalty_tier", "lead_source", "responsible")
_HEADER = (*_CLIENT_COLUMNS, "tags", "notes", "contact_name", "contact_position",
           "contact_phone", "contact_email")
FLOOR_SQL = f"""
SELECT {", ".join("c." + k for k in _CLIENT_COLUMNS)},
       (SELECT group_concat(tag, ', ') FROM
            (SELECT t.tag FROM client_tags t WHERE t.client_id = c.id ORDER BY t.tag)),
       c.notes, p.name, p.position, p.phone, p.email
FROM clients c
LEFT JOIN contacts p ON p.id = (SELECT q.id FROM contacts q WHERE q.client_id = c.id
                                ORDER BY q.is_primary DESC, q.id LIMIT 1)
WHERE c.archived = 0
ORDER BY c.name
"""


def _cli(db: Path, csv_path: Path) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", "clients",
            str(csv_path), "--skip-invalid"]


def _run_import(master: Path, run_db: Path, csv_path: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, first line of output) of one import process on a fresh copy."""
    for leftover in run_db.parent.glob(run_db.name + "*"):
        leftover.unlink()
    shutil.copyfile(master, run_db)
    start = time.perf_counter()
    proc = subprocess.Popen(_cli(run_db, csv_path), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: some rows were rejected (the file has bad rows)
        raise RuntimeError(f"import exited {proc.returncode}: {out}")
    return elapsed, usage.ru_maxrss / 1024, out.splitlines()[0] if out else ""


def _plain_rows(db: Path) -> Iterator[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        yield from conn.execute(FLOOR_SQL)
    finally:
        conn.close()


def _plain_csv(db: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(_HEADER)
        writer.writerows(_plain_rows(db))


def _plain_xlsx(db: Path, out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Клиенты")
    ws.append(list(_HEADER))
    for row in _plain_rows(db):
        ws.append([v or None for v in row])
    wb.save(out)


def figures(ctx: Context) -> Iterator[Figure]:
    from app.bootstrap import bootstrap

    master = ctx.scratch_copy("transfer-master.db")
    bootstrap(master).close()  # a base of an older revision migrates here, once
    run_db = ctx.work / "transfer-run.db"
    small = write_csv(ctx.work / "import-10k.csv", SMALL_ROWS)
    runs = max(3, min(ctx.runs, 5))

    _run_import(master, run_db, small)  # the once-a-day page scan of this path
    cli, peaks, said = [], [], ""
    for _ in range(runs):
        seconds, peak, said = _run_import(master, run_db, small)
        cli.append(seconds)
        peaks.append(peak)
    yield Figure("import 10,000 rows, CLI process", cli, target_s=5,
                 note=f"{said}; peak RSS {max(peaks):.0f} MB")

    in_process = []
    for _ in range(runs):
        for leftover in run_db.parent.glob(run_db.name + "*"):
            leftover.unlink()
        shutil.copyfile(master, run_db)
        services = bootstrap(run_db)
        start = time.perf_counter()
        services.client_import.import_file(small, skip_invalid=True)
        in_process.append(time.perf_counter() - start)
        services.close()
    yield Figure("import 10,000 rows, in process", in_process)

    large = write_csv(ctx.work / "import-200k.csv", LARGE_ROWS, narrow=True)
    seconds, peak, said = _run_import(master, run_db, large)
    yield Figure("import 200,000 rows, peak RSS", [peak], target_s=300, unit="MB",
                 note=f"{said}; {seconds:.1f} s, {large.stat().st_size / 2**20:.0f} MB file")
    for leftover in run_db.parent.glob(run_db.name + "*"):
        leftover.unlink()

    services = bootstrap(master)
    count = 0

    def export(suffix: str) -> None:
        nonlocal count
        count = services.client_export.export(ctx.work / f"export{suffix}")

    csv_runs = timed(lambda: export(".csv"), runs)
    csv_floor = timed(lambda: _plain_csv(master, ctx.work / "plain.csv"), runs)
    yield Figure("export clients CSV", csv_runs, floor=csv_floor, max_ratio=1.5,
                 note=f"{count} clients; floor: plain sqlite3 + csv.writer, same columns")
    xlsx_runs = timed(lambda: export(".xlsx"), 3, warmup=0)
    xlsx_floor = timed(lambda: _plain_xlsx(master, ctx.work / "plain.xlsx"), 3, warmup=0)
    yield Figure("export clients XLSX", xlsx_runs, floor=xlsx_floor, max_ratio=1.2,
                 note=f"{count} clients; floor: openpyxl write-only, the same cells")
    services.close()


if __name__ == "__main__":
    run_standalone(figures, runs=5)
