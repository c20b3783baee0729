"""Every window inside a 1366×768 laptop screen: a fresh start, a big dialog, the PDF preview,
a geometry saved on a larger screen, a tiny saved one (issue 17, finding 3).

Qt's platform is chosen once per process, so the laptop screen (tests/offscreen_laptop.json)
runs in a child process; it prints each window's frame and the screen's available area.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = ROOT / "tests" / "offscreen_laptop.json"

SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QByteArray, QSettings, QSize
from app.gui import ensure_app
from app.bootstrap import bootstrap
from app.views.main_window import MainWindow
from app.views.documents.preview import PdfPreviewDialog

folder = Path(sys.argv[1])
app = ensure_app()
services = bootstrap(folder / "laptop.db")
out = {"screen": list(app.primaryScreen().availableGeometry().getRect())}

def frame(w):
    app.processEvents()
    return list(w.frameGeometry().getRect())

settings = QSettings(str(folder / "fresh.ini"), QSettings.Format.IniFormat)
window = MainWindow(services=services, settings=settings)
window.show()
out["fresh"] = frame(window)
# a geometry saved on a 1920×1080 screen, then a tiny one
window.resize(1800, 1000)
window.move(60, 40)
big = window.saveGeometry()
window.close()
for name, saved in (("big", big), ("tiny", None)):
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    if saved is None:
        probe = MainWindow(services=services, settings=settings)
        probe.resize(204, 189)
        saved = probe.saveGeometry()
        probe.deleteLater()
    settings.setValue("main_window/geometry", saved)
    w = MainWindow(services=services, settings=settings)
    w.show()
    out[name] = frame(w)
    out[name + "_size"] = [w.width(), w.height()]
    w.close()
from app.views.unsaved import EditorDialog
dialog = EditorDialog()
dialog.resize(1080, 900)
dialog.show()
out["dialog"] = frame(dialog)
from reportlab.pdfgen.canvas import Canvas
import io
buf = io.BytesIO(); c = Canvas(buf); c.drawString(72, 720, "x"); c.save()
preview = PdfPreviewDialog(buf.getvalue(), title="t", filename="t")
preview.show()
out["preview"] = frame(preview)
services.close()
print(json.dumps(out))
"""


def test_every_window_fits_a_laptop_screen(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP}"
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[key] = str(tmp_path / key.lower())
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = out["screen"]
    assert (sw, sh) == (1366, 768)
    for name in ("fresh", "big", "tiny", "dialog", "preview"):
        x, y, w, h = out[name]
        assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, (name, out[name])
    # the tiny geometry was not restored: the window has its default, usable size
    assert out["tiny_size"][0] >= 900 and out["tiny_size"][1] >= 560
