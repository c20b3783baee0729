"""Crash and power-loss trials in bulk: the suite's tests (tests/unit/test_crash_safety.py,
tests/unit/test_power_loss.py) with many more kills.

    python bench/bench_crash.py [--kills 200 --power-loss 60 --seed 1 --keep DIR]

A writer making a user's service calls (tests/crash_writer.py) is killed with SIGKILL at
random moments drawn from the seed, `--kills` times on one file; then `--power-loss` times
under the LD_PRELOAD shim, each checked on what a power cut at the kill would have left.
After every kill: integrity_check, foreign_key_check, amounts equal to lines, rollups and the
client search index equal to their recomputation, every reported commit present. Prints
trials, failures (each with what was found), lost commits and the time; exits 1 on any
failure. Works in a temporary folder (removed unless --keep); needs gcc for the shim.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="SIGKILL trials")
    parser.add_argument("--power-loss", type=int, default=60, help="power-loss trials")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = parser.parse_args()

    from tests.crash_writer import Campaign, make_template

    folder = args.keep or Path(tempfile.mkdtemp(prefix="salesdesk-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    failed = False
    try:
        t0 = time.perf_counter()
        template = make_template(folder / "template.db")
        print(f"template: {time.perf_counter() - t0:.1f} s", flush=True)
        for name, trials, power_loss in (("SIGKILL", args.kills, False),
                                         ("power loss", args.power_loss, True)):
            if not trials:
                continue
            t0 = time.perf_counter()
            with Campaign(folder / name.replace(" ", "-"), template, seed=args.seed,
                          power_loss=power_loss) as campaign:
                for n in range(trials):
                    campaign.trial()
                    if (n + 1) % 25 == 0:
                        print(f"  {name}: {campaign.summary()}", flush=True)
            print(f"{name}: {campaign.summary()}; {time.perf_counter() - t0:.0f} s")
            for failure in campaign.failures:
                print(f"  FAILED {failure}")
            failed = failed or bool(campaign.failures)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
