"""What `synchronous=FULL` promises: a commit the app reported survives a power cut.

The model. After a power loss a file holds exactly what it held at its last fsync or
fdatasync; a file never synced does not exist; an unlinked file is gone. An LD_PRELOAD shim
(tests/powerloss/shim.c, compiled here with gcc) wraps fsync and fdatasync in the writer
process: before the real call it copies the file's whole current content (the path from
/proc/self/fd/N) into a shadow folder, atomically (a temporary file, then a rename). The
system SQLite behind Python's sqlite3 is a shared library (libsqlite3.so.0), so its calls
go through the shim; the test counts them and fails if the WAL was synced fewer times than
commits were reported (the shim not reached, or a commit that returned unsynced). The
crash test's writer (tests/crash_writer.py) runs under the shim, killed at random moments;
the "after power loss" folder is the shadow copies (the database starts as its initial,
durable copy; the -shm, never synced, is absent). It is opened with the app's
`inspect_file`/`open_database` and must pass the crash test's checks: integrity and foreign
keys, amounts, rollups, and every commit reported before the kill present. The next writer
starts on that folder, as the machine would after the power came back.

The limits. A real disk may also keep some unsynced writes, in any order and torn
mid-page; the model keeps none, so it proves that every reported commit was synced first,
not that SQLite recovers from every mix of half-written pages (SQLite's own tests cover
those). Directory entries are taken as durable at once (SQLite syncs the folder when it
creates the WAL; losing a new file's name is not modelled), and the drive is trusted to
honour a sync (a disk cache that lies is out of reach of any program). The copy is taken
just before the real call, so a sync the kill interrupted counts as done (the disk may well
have had it by then). Only calls made
through the dynamic linker are seen: a statically linked SQLite would pass vacuously,
which the sync count rules out. A missing gcc fails the test with what to install.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crash_writer import Campaign, build_shim, make_template

TRIALS = 15
SEED = 20261203

# A writer without the app: commits five rows one by one with the given `synchronous`,
# says so, then waits to be killed.
PLAIN_WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=" + sys.argv[2])
for n in range(5):
    conn.execute("INSERT INTO t VALUES (?)", (n,))
print("committed", flush=True)
sys.stdin.read()
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The prepared database the trials start from (built once per run, shared)."""
    folder = tmp_path_factory.getbasetemp() / "crash-template"
    folder.mkdir(exist_ok=True)
    return make_template(folder / "template.db")


def test_power_loss_at_random_moments_keeps_every_reported_commit(
        template: Path, tmp_path: Path) -> None:
    with Campaign(tmp_path / "campaign", template, seed=SEED, power_loss=True) as campaign:
        for _ in range(TRIALS):
            campaign.trial()
    print(campaign.summary())
    assert not campaign.failures, "\n\n".join(campaign.failures)
    assert campaign.trials == TRIALS
    assert campaign.commits >= TRIALS // 2, campaign.summary()
    # the shim saw SQLite's syncs of the WAL: at least one per reported commit
    assert campaign.sync_calls >= campaign.commits > 0, campaign.summary()


@pytest.mark.parametrize(("synchronous", "survivors"), [("FULL", 5), ("NORMAL", 0)])
def test_the_model_drops_what_was_never_synced(tmp_path: Path, synchronous: str,
                                               survivors: int) -> None:
    """The harness has teeth: in WAL mode `synchronous=NORMAL` does not sync a commit, so
    after the modelled power cut those commits are gone; with FULL they are all there."""
    shim = build_shim(tmp_path)
    live, shadow = tmp_path / "live", tmp_path / "shadow"
    live.mkdir()
    shadow.mkdir()
    db = live / "plain.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (n INTEGER)")
    conn.close()  # the last connection: checkpointed, the WAL removed
    shutil.copyfile(db, shadow / db.name)  # the initial durable copy
    log = tmp_path / "sync.log"
    env = {**os.environ, "LD_PRELOAD": str(shim), "POWERLOSS_WATCH": str(live.resolve()),
           "POWERLOSS_SHADOW": str(shadow.resolve()), "POWERLOSS_LOG": str(log)}
    with subprocess.Popen([sys.executable, "-c", PLAIN_WRITER, str(db), synchronous],
                          env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "committed\n"
        proc.kill()
    after = tmp_path / "after"
    shutil.copytree(shadow, after)
    conn = sqlite3.connect(after / db.name)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (survivors,)
    finally:
        conn.close()
    wal_syncs = [line for line in log.read_text().splitlines()
                 if line.endswith(f"{db.resolve()}-wal")] if log.exists() else []
    assert (len(wal_syncs) >= 5) == (synchronous == "FULL"), wal_syncs
