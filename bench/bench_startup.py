"""Start-up time: `salesdesk` → main window shown, against the floor of a bare PySide6 window
with SQLAlchemy imported. Target: within 1.3× of the floor.

    python bench/bench_startup.py [--clients 20000 --deals 40000 --runs 7]

Builds a large demo database once (cached in bench/.data/), then times fresh processes, each
ended with os._exit at the measured moment (teardown is not start-up).
Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / ".data"

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

APP = """
import os
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
QTimer.singleShot(0, lambda: os._exit(0))  # first thing the event loop does: window shown
from app.gui import run_gui
sys.exit(run_gui(db_path=Path(sys.argv[1]), language="ru", demo=False))
"""


READY = """
import os
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
def poll():
    from app.views.main_window import MainWindow
    for w in app.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.current_tab_ready():
            app.processEvents()  # let the filled tab paint once
            os._exit(0)
timer = QTimer(); timer.timeout.connect(poll); timer.start(5)
from app.gui import run_gui
sys.exit(run_gui(db_path=Path(sys.argv[1]), language="ru", demo=False))
"""


def _time(code: str, *args: str, runs: int) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20000)
    parser.add_argument("--deals", type=int, default=40000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    db = DATA / f"startup-{args.clients}-{args.deals}.db"
    if not db.exists():
        print(f"building {db.name} …", flush=True)
        subprocess.run([sys.executable, "main.py", "--db", str(db), "demo", "--clients",
                        str(args.clients), "--deals", str(args.deals)], cwd=ROOT, check=True)
    _time(FLOOR, runs=1)  # warm the file cache
    floor = _time(FLOOR, runs=args.runs)
    app = _time(APP, str(db), runs=args.runs)
    ready = _time(READY, str(db), runs=args.runs)
    f, a, r = statistics.median(floor), statistics.median(app), statistics.median(ready)
    print(f"floor (PySide6 window + sqlalchemy.orm): median {f:.3f} s  "
          f"(min {min(floor):.3f})")
    print(f"SalesDesk start → window shown ({args.clients} clients, {args.deals} deals): "
          f"median {a:.3f} s  (min {min(app):.3f})")
    print(f"ratio: {a / f:.2f}× (target ≤ 1.30×)")
    print(f"… and its first tab (Сегодня) filled with data: median {r:.3f} s "
          f"(min {min(ready):.3f}), {r / f:.2f}× the floor")


if __name__ == "__main__":
    main()
