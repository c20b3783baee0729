"""Start-up: `salesdesk` → main window shown → its first tab (Сегодня) filled.

    python bench/bench_startup.py DB [--runs 7]

Each sample is a fresh process, ended with os._exit at the measured moment (teardown is
not start-up). The floor is a bare PySide6 window with SQLAlchemy's ORM imported, timed the
same way in the same run. Targets (issue 12): window shown ≤ 1.3× the floor; first tab
filled ≤ 300 ms after the window is shown.
"""

from __future__ import annotations

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
import os
import sqlalchemy.orm
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: os._exit(0))
app.exec()
"""

# The window is shown when the event loop first runs; then the first tab is polled until it
# is built and has painted once. Prints the seconds from shown to filled.
APP = """
import os
import sys
import time
from pathlib import Path
from app.gui import run_gui  # first, as `salesdesk` imports it (app.cli → app.gui)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
MODE = sys.argv[2]
shown = []
def first_tick():
    shown.append(time.perf_counter())
    if MODE == "shown":
        os._exit(0)
def poll():
    from app.views.main_window import MainWindow
    if not shown:
        return
    for w in app.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.current_tab_ready():
            w.repaint()
            print(time.perf_counter() - shown[0], flush=True)
            os._exit(0)
QTimer.singleShot(0, first_tick)
timer = QTimer(); timer.timeout.connect(poll); timer.start(2)
sys.exit(run_gui(db_path=Path(sys.argv[1]), language="ru", demo=False))
"""


def _spawn(code: str, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return time.perf_counter() - start, proc.stdout.strip()


def figures(ctx: Context) -> Iterator[Figure]:
    db = ctx.scratch_copy("startup.db")  # the window writes (backups, statistics)
    _spawn(FLOOR)
    _spawn(APP, str(db), "shown")  # warm the file cache and the first backup of the day
    floor, shown, filled = [], [], []
    for _ in range(ctx.runs):
        floor.append(_spawn(FLOOR)[0])
        shown.append(_spawn(APP, str(db), "shown")[0])
        filled.append(float(_spawn(APP, str(db), "filled")[1]))
    yield Figure("start → window shown", shown, floor=floor, max_ratio=1.3)
    yield Figure("window shown → first tab (Сегодня) filled", filled, target_s=0.3)


if __name__ == "__main__":
    run_standalone(figures, runs=7)
