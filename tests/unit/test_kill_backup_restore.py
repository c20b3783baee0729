"""SIGKILL during backups and restores: no backup is ever half a file, the database is always
one whole state, and the next process takes the dead one's lock over.

A child holds the writers' lock and loops: a backup, a restore of backup A, a backup, a
restore of backup B… printing after each. It is killed after a delay drawn from a seeded RNG.
After each kill: every `*.db` in the backups folder passes integrity_check and is ours; the
database passes integrity_check and holds exactly state A or state B (never a mix, never
damage); the parent can take the lock and make a backup.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from app.backups import APPLICATION_ID, backup_dir_for, header_ids
from app.bootstrap import Services, bootstrap
from app.db import inspect_file
from app.db_lock import DatabaseLock
from app.models import Client

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10

_CHILD = """
import sys
from pathlib import Path
from app.bootstrap import Services
from app.db_lock import DatabaseLock
db, a, b = map(Path, sys.argv[1:4])
services = Services(db_path=db, lock=DatabaseLock(db, "kill test").acquire())
print("ready", flush=True)
while True:
    for source in (a, b):
        services.backup.create("manual")
        print("backup", flush=True)
        services.backup.restore(source)
        print("restored", flush=True)
"""


def _state(path: Path) -> str:
    """A digest of the clients (the part of the data the two states differ in)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT id, name FROM clients ORDER BY id").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _grow(services: Services, prefix: str, count: int) -> None:
    with services.uow_factory() as uow:
        uow.session.add_all(Client(name=f"{prefix} {i}", notes="x" * 400) for i in range(count))
        uow.commit()


def test_kills_during_backup_and_restore_leave_whole_files(tmp_path: Path) -> None:
    db = tmp_path / "salesdesk.db"
    services = bootstrap(db)
    _grow(services, "А", 1500)  # about 1 MB: a backup takes long enough to be hit mid-way
    a = services.backup.create("manual", tmp_path / "a.db").path
    _grow(services, "Б", 1500)
    b = services.backup.create("manual", tmp_path / "b.db").path
    services.close()
    states = {_state(a), _state(b), _state(db)}
    rng = random.Random(20261202)
    hits = {"backup": 0, "restored": 0}
    checked: set[Path] = set()
    for trial in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(a), str(b)],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if \
            child.stderr else ""
        # a kill after 0–3 finished steps, somewhere inside the next one
        for _ in range(rng.randrange(0, 4)):
            line = child.stdout.readline().strip()
            assert line in hits, line
            hits[line] += 1
        timer = threading.Timer(rng.uniform(0.0, 0.25), child.kill)
        timer.start()
        child.wait(60)
        timer.cancel()
        child.stdout.close()
        assert child.stderr is not None
        child.stderr.close()
        # the dead child's lock is taken over; the database is one whole state
        with DatabaseLock(db, "after the kill"):
            assert inspect_file(db, quick_check=True).exists, f"trial {trial}"
            assert _integrity(db) == "ok"
            assert _state(db) in states, f"trial {trial}: a mixed state"
            for backup in set(backup_dir_for(db).glob("*.db")) - checked:
                checked.add(backup)
                ids = header_ids(backup)
                assert ids is not None and ids[0] == APPLICATION_ID, backup
                assert _integrity(backup) == "ok", backup
    assert hits["backup"] and hits["restored"]  # both operations ran (and were cut) in the loop
    after = bootstrap(db)
    after.backup.create("manual")  # the next backup works (stale .part files or not)
    after.close()
