"""Run one benchmark module's figures (in a process of its own) and write them as JSON.

    python -m bench.one MODULE DB SIZE RUNS WORKDIR OUT.json
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from bench.core import Context


def main(argv: list[str]) -> int:
    name, db, size, runs, work, out = argv
    module = importlib.import_module(f"bench.bench_{name}")
    ctx = Context(db=Path(db), size=size, runs=int(runs), work=Path(work))
    figures = []
    for figure in module.figures(ctx):
        figures.append(figure.to_json())
        print(f"  {figure.name}: median {figure.median * 1000:.1f} ms"
              if figure.unit == "s" else f"  {figure.name}: {figure.median:.0f} {figure.unit}",
              flush=True)
    Path(out).write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
