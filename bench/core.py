"""What every benchmark of `python -m bench` shares: the figure it reports and the context
it runs in.

A benchmark module `bench/bench_NAME.py` defines

    def figures(ctx: Context) -> Iterator[Figure]

and yields one `Figure` per measured thing. The suite runs each module in its own process
(so memory and imports do not leak between them), against a database grown by
`salesdesk demo --preset SIZE` and opened only through the app's own paths: nothing here
runs ANALYZE, VACUUM or any maintenance the app does not do by itself.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PYCACHE = Path(__file__).resolve().parent / ".data" / "pycache"


def use_user_environment() -> None:
    """Run this process and every one it starts as on a user's machine: Qt offscreen (the
    bench is headless), and Python's bytecode cache on, as a user's Python has it (pip
    compiles it at install; a checkout writes it at the first start). A caller's
    PYTHONDONTWRITEBYTECODE would make every timed start compile the app from source, which
    no user's second start does; the cache is kept in bench/.data, not in the source tree."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)


@dataclass
class Figure:
    """One measured figure: samples in seconds, and what it is held to.

    `target_s` is met when the statistic `stat` ("median" or "p95") of the samples is under
    it (in the figure's unit: seconds, or megabytes for a memory figure); `max_ratio` when
    that statistic is at most this many times the same statistic of `floor` (the cost of
    the same work done the plainest way, measured in the same run).
    A figure with neither is reported for information (growth, profiles).
    """

    name: str
    samples: list[float]
    floor: list[float] = field(default_factory=list)
    target_s: float | None = None
    max_ratio: float | None = None
    stat: str = "median"
    unit: str = "s"  # "s", or "MB" for memory (then samples are megabytes)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    def value(self, samples: list[float] | None = None) -> float:
        data = self.samples if samples is None else samples
        return statistics.median(data) if self.stat == "median" else percentile(data, 95)

    @property
    def floor_value(self) -> float | None:
        return self.value(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_value
        return self.value() / floor if floor else None

    @property
    def verdict(self) -> str:
        if self.target_s is None and self.max_ratio is None:
            return ""
        ok = True
        if self.target_s is not None:
            ok = ok and self.value() < self.target_s
        if self.max_ratio is not None:
            ratio = self.ratio
            ok = ok and ratio is not None and ratio <= self.max_ratio
        return "PASS" if ok else "MISS"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(median=self.median, p95=self.p95, ratio=self.ratio, verdict=self.verdict)
        return data


def percentile(samples: list[float], pct: float) -> float:
    """The nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil without floats going astray
    return ordered[int(rank) - 1]


def timed(fn: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of `runs` calls of `fn`, after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


@dataclass
class Context:
    """Where a benchmark module runs: the grown database, the size preset, the run count."""

    db: Path  # the database as `salesdesk demo` grew it: read it, never write it
    size: str  # "small" or "large"
    runs: int
    work: Path  # a scratch folder of this module's own

    def scratch_copy(self, name: str = "copy.db") -> Path:
        """A copy of the grown database to write to (moves, imports)."""
        target = self.work / name
        shutil.copyfile(self.db, target)
        return target


def run_standalone(figures: Callable[[Context], Iterable[Figure]], *, runs: int,
                   argv: list[str] | None = None) -> None:
    """`python bench/bench_NAME.py DB [--runs N]`: one module's figures, a JSON line each
    (without the samples), in a scratch folder (under $BENCH_WORK when set)."""
    import argparse
    import json
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=runs)
    args = parser.parse_args(argv)
    use_user_environment()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_WORK")) as work:
        for fig in figures(Context(db=args.db, size="?", runs=args.runs, work=Path(work))):
            print(json.dumps({k: v for k, v in fig.to_json().items()
                              if k not in ("samples", "floor")}, ensure_ascii=False),
                  flush=True)
