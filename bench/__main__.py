"""The benchmark suite: every figure SalesDesk is held to, on a database grown like a user's.

    python -m bench [--size large] [--db PATH] [--only clients,deals] [--runs N]
                    [--json out.json] [--compare old.json] [--no-maintained]

For each size (`--size small,large` shows growth) the database is made once by
`salesdesk demo --preset SIZE --seed 7` (cached in bench/.data/) and then only used through
the app's own paths. The suite never runs ANALYZE, VACUUM or any maintenance of its own.
Each figure is measured twice: on the database as grown ("grown"), and on a copy that went
through the app's own maintenance — opened and closed once by the app, which runs
`PRAGMA optimize` at close ("kept"). The table shows the figure, median, p95, the floor
measured in the same run, the ratio, the target and PASS/MISS; `--json` writes the results
and `--compare` prints the change against an earlier run's JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.core import use_user_environment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / ".data"
# the suite's modules, in the order a user meets them (bench/bench_NAME.py, `figures(ctx)`)
MODULES = ["startup", "day", "clients", "deals", "orders", "money", "plan", "documents",
           "transfer", "memory"]
SEED = 7


def grown_database(size: str) -> Path:
    """The preset's database as `salesdesk demo` grows it (built once, then reused)."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"{size}-seed{SEED}.db"
    if not path.exists():
        partial = path.with_suffix(".building.db")
        for leftover in DATA.glob(partial.name + "*"):
            leftover.unlink()
        print(f"building the {size} database with `salesdesk demo --preset {size}` …",
              flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", "--db", str(partial), "demo",
                        "--preset", size, "--seed", str(SEED)], cwd=ROOT, check=True)
        partial.replace(path)
        for leftover in DATA.glob(partial.name + "*"):  # the writers' lock file
            leftover.unlink()
        print(f"  built in {time.perf_counter() - start:.0f} s, "
              f"{path.stat().st_size / 2**20:.0f} MB", flush=True)
    return path


def kept_database(grown: Path) -> Path:
    """A copy of `grown` that the app opened and closed once, as a user's first session does."""
    path = grown.with_name(grown.stem + "-kept.db")
    if not path.exists() or path.stat().st_mtime < grown.stat().st_mtime:
        shutil.copyfile(grown, path)
        # what the window does to a base at the start and at the end of a session
        code = ("import sys; from pathlib import Path; from app.bootstrap import bootstrap;"
                "s = bootstrap(Path(sys.argv[1])); s.optimize(opening=True); s.optimize();"
                " s.close()")
        subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True)
    return path


def run_module(name: str, db: Path, size: str, runs: int) -> list[dict[str, Any]]:
    """Run one module's figures in a process of its own; its results as JSON dicts."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as work:
        out = Path(work) / "figures.json"
        proc = subprocess.run([sys.executable, "-m", "bench.one", name, str(db), size,
                               str(runs), work, str(out)], cwd=ROOT)
        if proc.returncode != 0 or not out.exists():
            return [{"name": f"{name}: failed (exit {proc.returncode})", "verdict": "FAIL"}]
        results: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
        return results


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"


def _target(fig: dict[str, Any]) -> str:
    parts = []
    if fig.get("target_s") is not None:
        parts.append(f"{fig['stat']} < {_fmt(fig['target_s'], fig.get('unit', 's'))}")
    if fig.get("max_ratio") is not None:
        parts.append(f"≤ {fig['max_ratio']:g}× floor")
    return ", ".join(parts) or "—"


def print_table(results: dict[str, list[dict[str, Any]]],
                compare: dict[str, list[dict[str, Any]]] | None) -> None:
    header = ["figure", "db", "median", "p95", "floor", "ratio", "target", ""]
    if compare:
        header.append("before")
    rows = [header]
    earlier = {(k, f["name"]): f for k, figs in (compare or {}).items() for f in figs}
    for key, figs in results.items():
        for fig in figs:
            unit = fig.get("unit", "s")
            floor = None
            if fig.get("floor"):
                floor = fig["ratio"] and fig[fig["stat"]] / fig["ratio"]
            row = [fig["name"], key, _fmt(fig.get("median"), unit), _fmt(fig.get("p95"), unit),
                   _fmt(floor, unit),
                   f"{fig['ratio']:.2f}×" if fig.get("ratio") else "—",
                   _target(fig) if "stat" in fig else "—", fig.get("verdict", "")]
            if compare:
                old = earlier.get((key, fig["name"]))
                row.append(_fmt(old.get("median"), unit) if old else "—")
            rows.append(row)
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


# A figure counts as flat when the large base (33× the clients and deals of the small one,
# 30× the activities) takes at most this many times as long; anything more is growth the
# table names, so a figure that scales with the rows is seen (issue 12: every figure but
# import and export must be flat or logarithmic in the number of rows).
FLAT_GROWTH = 2.0


def print_growth(results: dict[str, list[dict[str, Any]]]) -> None:
    """Each figure at both sizes side by side (the base as grown), and how much it grew."""
    small = {f["name"]: f for f in results.get("small/grown", [])}
    large = {f["name"]: f for f in results.get("large/grown", [])}
    names = [name for name in large if name in small]
    if not names:
        return
    rows = [["figure", "small", "large", "large / small", ""]]
    for name in names:
        a, b = small[name], large[name]
        unit = b.get("unit", "s")
        growth = (b["median"] / a["median"]) if a.get("median") and b.get("median") else None
        verdict = "" if growth is None else ("flat" if growth <= FLAT_GROWTH else "grows")
        rows.append([name, _fmt(a.get("median"), unit), _fmt(b.get("median"), unit),
                     f"{growth:.2f}×" if growth is not None else "—", verdict])
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    print("\ngrowth (medians, base as grown):")
    for n, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large",
                        help="small, large or both (small,large); default large")
    parser.add_argument("--only", default="", help="modules, comma-separated: "
                        + ", ".join(MODULES))
    parser.add_argument("--runs", type=int, default=0,
                        help="samples per figure (default: 20 small, 10 large)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--compare", type=Path, help="an earlier run's --json to compare with")
    parser.add_argument("--db", type=Path,
                        help="a base grown elsewhere (by `salesdesk demo`) instead of a preset")
    parser.add_argument("--no-maintained", action="store_true",
                        help="skip the second run on the copy the app maintained")
    args = parser.parse_args(argv)
    use_user_environment()
    sizes = [s.strip() for s in args.size.split(",") if s.strip()]
    if args.db:
        sizes = sizes[:1]
    modules = [m.strip() for m in args.only.split(",") if m.strip()] or MODULES
    unknown = [m for m in modules if m not in MODULES]
    if unknown or any(s not in ("small", "large") for s in sizes):
        print(f"unknown module or size: {', '.join(unknown) or args.size}", file=sys.stderr)
        return 2
    results: dict[str, list[dict[str, Any]]] = {}
    for size in sizes:
        grown = args.db if args.db else grown_database(size)
        states = [("grown", grown)]
        if not args.no_maintained:
            states.append(("kept", kept_database(grown)))
        runs = args.runs or (20 if size == "small" else 10)
        for state, db in states:
            key = f"{size}/{state}"
            results[key] = []
            for module in modules:
                print(f"[{key}] {module} …", flush=True)
                results[key].extend(run_module(module, db, size, runs))
    compare = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print()
    print_table(results, compare)
    print_growth(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    missed = [f["name"] for figs in results.values() for f in figs
              if f.get("verdict") in ("MISS", "FAIL")]
    print(f"\n{len(missed)} figure(s) missed their target" if missed else "\nevery target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
