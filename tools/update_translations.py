"""Refresh the translation sources and compiled catalogues.

    python tools/update_translations.py          # lupdate: collect strings into .ts
    python tools/update_translations.py --release  # also lrelease: .ts → .qm

Source strings are Russian; resources/translations/salesdesk_en.ts holds English.
Edit it with `pyside6-linguist` (or any XML editor), then run with --release.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--release", action="store_true")
    args = parser.parse_args()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    for lang in LANGUAGES:
        ts = TS_DIR / f"salesdesk_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations",
                        "none", "-source-language", "ru_RU", "-target-language", lang,
                        "-ts", str(ts)], cwd=ROOT, check=True)
        if args.release:
            subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
