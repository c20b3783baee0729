"""Memory: the window's peak resident size after every tab has been visited.

    python bench/bench_memory.py DB [--runs 2]

A fresh process opens the main window on a scratch copy, shows each tab in turn, lets it
fill (and its background jobs finish), and reports its peak RSS (getrusage). Target
(issue 12): < 300 MB.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.core import Context, Figure, run_standalone  # noqa: E402

VISIT = """
import resource
import sys
import time
from pathlib import Path
from PySide6.QtCore import QSettings
from app.bootstrap import bootstrap
from app.gui import apply_style, ensure_app
from app.views import background
from app.views.main_window import MainWindow
app = ensure_app()
apply_style(app)
services = bootstrap(Path(sys.argv[1]))
window = MainWindow(services=services, settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
for key in window.tab_keys():
    window.show_tab(key)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        app.processEvents()
        if window.current_tab_ready() and background.wait_for_all(10):
            break
    app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def figures(ctx: Context) -> Iterator[Figure]:
    db = ctx.scratch_copy("memory.db")
    peaks = []
    for _ in range(max(1, min(ctx.runs, 2))):
        proc = subprocess.run([sys.executable, "-c", VISIT, str(db),
                               str(ctx.work / "settings.ini")], cwd=ROOT, check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        peaks.append(float(proc.stdout.strip().splitlines()[-1]))
    yield Figure("peak RSS, every tab visited", peaks, target_s=300, unit="MB")


if __name__ == "__main__":
    run_standalone(figures, runs=2)
