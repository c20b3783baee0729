"""Build SalesDesk as one folder that runs without Python or pip, then try the built program.

    pip install -e ".[build]" && python tools/build_app.py [--no-check]

PyInstaller (one folder, `dist/salesdesk/`) bundles Python, Qt, the fonts, the
translations and the migrations; the same program is the window (no arguments) and the
`salesdesk` command (any command). Build on each system for that system: on Windows the
result is `dist\\salesdesk\\salesdesk.exe`. Afterwards the built program is checked as a
user would use it, offscreen: it creates a demo base, renders the screenshots of every tab,
and makes a КП and an invoice as PDF (`--no-check` skips this). The archive next to the
folder (`dist/salesdesk-<version>-<system>.zip` or `.tar.gz`) is what a user downloads.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
NAME = "salesdesk"

# Modules and data found only at run time (imported by name, or read from package files):
# the lazily imported tabs and services, Faker's and num2words' locales, the holiday
# calendars, python-stdnum's registries, petrovich's rules, phone metadata, pdfium.
# (pyqtgraph, openpyxl and alembic come with PyInstaller's own hooks; reportlab's barcodes are
# imported by name.)
COLLECT_ALL = ["app", "faker", "num2words", "holidays", "stdnum", "pytrovich", "phonenumbers",
               "pypdfium2", "pypdfium2_raw", "email_validator", "icalendar", "reportlab"]
DATA = [("resources", "resources"), ("app/migrations", "app/migrations")]


def build() -> Path:
    import PyInstaller.__main__

    # the analysis imports every module of the app: no window system is needed for it
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sep = os.pathsep
    args = [str(ROOT / "main.py"), "--name", NAME, "--noconfirm", "--onedir", "--clean",
            "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
            "--specpath", str(ROOT / "build"), "--log-level", "WARN"]
    for src, dest in DATA:
        args += ["--add-data", f"{ROOT / src}{sep}{dest}"]
    for package in COLLECT_ALL:
        args += ["--collect-all", package]
    # tests, tools and the developer's libraries stay out
    for module in ("pytest", "hypothesis", "mypy", "ruff", "tkinter", "IPython"):
        args += ["--exclude-module", module]
    PyInstaller.__main__.run(args)
    return DIST / NAME


def archive(folder: Path) -> Path:
    from app import __version__

    system = platform.system().lower()
    base = DIST / f"{NAME}-{__version__}-{system}"
    kind = "zip" if system == "windows" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=folder.parent,
                                    base_dir=folder.name))


def check(folder: Path) -> None:
    """Run the built program as a user would: a demo base, the screenshots, a КП, an invoice."""
    exe = folder / (NAME + (".exe" if platform.system() == "Windows" else ""))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PATH"] = os.defpath  # no Python of the developer's on the way
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        shots = Path(tmp) / "shots"

        def run(*argv: str) -> str:
            start = time.perf_counter()
            done = subprocess.run([str(exe), "--db", str(db), *argv], env=env, cwd=tmp,
                                  capture_output=True, text=True, timeout=600)
            took = time.perf_counter() - start
            if done.returncode != 0:
                raise SystemExit(f"the built program failed: {' '.join(argv)}\n"
                                 f"{done.stdout}\n{done.stderr}")
            print(f"  ok ({took:.1f} s): salesdesk {' '.join(argv)}")
            return done.stdout

        run("demo")
        run("screenshots", str(shots), "--width", "1366", "--height", "768")
        pngs = sorted(p.name for p in shots.glob("*.png"))
        if len(pngs) < 8:
            raise SystemExit(f"the built program rendered only {pngs}")
        deal = _won_deal(db)
        offer, invoice = Path(tmp) / "kp.pdf", Path(tmp) / "invoice.pdf"
        run("offer", str(deal), "-o", str(offer))
        run("invoice", str(deal), "-o", str(invoice))
        for pdf in (offer, invoice):
            if not pdf.read_bytes().startswith(b"%PDF"):
                raise SystemExit(f"{pdf.name} is not a PDF")
        print(f"  the built program works: {len(pngs)} screenshots, a КП and an invoice")


def _won_deal(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id"
                           " WHERE s.is_won = 1 ORDER BY d.id DESC LIMIT 1").fetchone()
    if row is None:
        raise SystemExit("the demo base has no won deal")
    return int(row[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-check", action="store_true",
                        help="do not run the built program afterwards")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    folder = build()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
    print(f"built {folder} in {time.perf_counter() - start:.0f} s ({size:.0f} MB)")
    if not args.no_check:
        check(folder)
    print(f"archive: {archive(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
