"""Every file of tests/data/bad_files/db/ against every command that opens a database.

Each must end with one line on stderr naming the problem (cases.json), exit code 1, no
traceback, within bounded time and memory, and leave the bad file byte for byte as it was
(no -wal beside it). Restoring *from* a bad file is refused and leaves the user's database
as it was (its `export all`). The GUI's start on each: tests/gui/test_backups_window.py and
test_startup.py cover the dialog; here `bootstrap` (what the window calls) refuses each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.cli import run
from app.db_errors import DatabaseOpenError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "bad_files" / "db"
CASES: dict[str, str] = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
COMMANDS = [["check"], ["clients"], ["pipeline"], ["demo", "--clients", "3", "--deals", "3"],
            ["backup"], ["export", "all", "{tmp}/out.json"]]


def test_the_corpus_and_its_cases_agree() -> None:
    assert sorted(CASES) == sorted(p.name for p in CORPUS.glob("*.db"))


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copyfile(CORPUS / name, target)
    return target


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_command_refuses_the_file_and_leaves_it_untouched(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _copy(name, tmp_path)
    before = db.read_bytes()
    for command in COMMANDS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in command]
        code = run(["--db", str(db), *args])
        err = capsys.readouterr().err
        assert code == 1, (name, command, err)
        assert err.count("\n") == 1 and err.startswith("salesdesk: "), (name, command, err)
        assert CASES[name] in err, (name, command, err)
        assert "Traceback" not in err and "внутренняя ошибка" not in err
        assert db.read_bytes() == before, (name, command)
        assert not Path(f"{db}-wal").exists() and not Path(f"{db}-journal").exists()
    with pytest.raises(DatabaseOpenError, match=CASES[name].replace("(", r"\(").replace(
            ")", r"\)")):
        bootstrap(db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("name", sorted(CASES))
def test_restoring_from_a_bad_file_keeps_the_database(name: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    work = tmp_path / "work.db"
    assert run(["--db", str(work), "demo", "--clients", "5", "--deals", "5"]) == 0
    assert run(["--db", str(work), "export", "all", str(tmp_path / "before.json")]) == 0
    capsys.readouterr()
    source = _copy(name, tmp_path)
    source_bytes = source.read_bytes()
    assert run(["--db", str(work), "restore", str(source)]) == 1
    err = capsys.readouterr().err
    assert CASES[name] in err and err.count("\n") == 1, err
    assert run(["--db", str(work), "export", "all", str(tmp_path / "after.json")]) == 0

    def data(path: Path) -> object:
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc.pop("exported_at", None)
        return doc

    assert data(tmp_path / "after.json") == data(tmp_path / "before.json")
    assert source.read_bytes() == source_bytes


_MEASURED = """
import atexit, os, runpy, sys

def report():  # the peak resident size of this process alone (VmHWM starts afresh at exec)
    with open("/proc/self/status") as fh:
        peak = next(line for line in fh if line.startswith("VmHWM"))
    with open(os.environ["PEAK_FILE"], "w") as out:
        out.write(peak.split()[1])

atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def test_refusals_are_quick_and_small(tmp_path: Path) -> None:
    """A fresh process on each file: under 10 s and 250 MB of memory (its own peak RSS)."""
    peak_file = tmp_path / "peak"
    for name in sorted(CASES):
        db = _copy(name, tmp_path)
        started = time.monotonic()
        run_ = subprocess.run([sys.executable, "-c", _MEASURED, str(ROOT / "main.py"),
                               "--db", str(db), "check"], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "PEAK_FILE": str(peak_file)},
                              check=False)
        elapsed = time.monotonic() - started
        assert run_.returncode == 1 and CASES[name] in run_.stderr, (name, run_.stderr)
        assert elapsed < 10, (name, elapsed)
        peak_kb = int(peak_file.read_text())
        assert peak_kb < 250 * 1024, (name, peak_kb)
