"""The `salesdesk` command: help, demo + check, backups, JSON export/import, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_subcommand(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        run(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "check", "backup", "restore", "screenshots", "export", "import"):
        assert command in out


def test_demo_then_check_exits_zero(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    code, out, _ = _run(capsys, "--db", db, "demo", "--clients", "20", "--deals", "30")
    assert code == 0 and "клиентов 20" in out
    code, out, err = _run(capsys, "--db", db, "check")
    assert code == 0, err
    assert "всё в порядке" in out


def test_demo_refuses_a_database_with_clients(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    assert _run(capsys, "--db", db, "demo", "--clients", "5", "--deals", "5")[0] == 0
    code, _, err = _run(capsys, "--db", db, "demo", "--clients", "5", "--deals", "5")
    assert code == 1
    assert err.count("\n") == 1 and "пустую базу" in err


@pytest.mark.parametrize("content,needle", [
    (b"just text, definitely not sqlite" * 20, "не является базой данных SQLite"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "повреждён"),
])
def test_bad_database_file_is_one_line_on_stderr(capsys, tmp_path: Path, content: bytes,  # type: ignore[no-untyped-def]
                                                 needle: str) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    for command in (["check"], ["export", "all", str(tmp_path / "x.json")], ["backup"]):
        code, _out, err = _run(capsys, "--db", db, *command)
        assert code == 1
        assert needle in err and err.count("\n") == 1 and "Traceback" not in err
    assert db.read_bytes() == content


def test_check_missing_database(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(capsys, "--db", tmp_path / "nope.db", "check")
    assert code == 1 and "не найдена" in err


def test_bad_option_value_is_a_usage_error(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        run(["--db", str(tmp_path / "a.db"), "demo", "--clients", "много"])
    assert exc.value.code == 2
    assert "целое число" in capsys.readouterr().err


def test_export_import_all_round_trip(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src, dst = tmp_path / "src.db", tmp_path / "dst.db"
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert _run(capsys, "--db", src, "demo", "--clients", "15", "--deals", "40")[0] == 0
    assert _run(capsys, "--db", src, "export", "all", first)[0] == 0
    assert _run(capsys, "--db", dst, "import", "all", first)[0] == 0
    assert _run(capsys, "--db", dst, "export", "all", second)[0] == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    document = json.loads(first.read_text(encoding="utf-8"))
    amount = document["tables"]["deals"][0]["amount"]
    assert isinstance(amount, str) and "." in amount  # money travels as exact strings
    # a non-empty target is refused, and keeps what it had
    code, _, err = _run(capsys, "--db", dst, "import", "all", first)
    assert code == 1 and "не пуста" in err


def test_import_all_refuses_malformed_file_without_partial_writes(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src, dst = tmp_path / "src.db", tmp_path / "dst.db"
    dump = tmp_path / "dump.json"
    _run(capsys, "--db", src, "demo", "--clients", "5", "--deals", "5")
    _run(capsys, "--db", src, "export", "all", dump)
    document = json.loads(dump.read_text(encoding="utf-8"))
    document["tables"]["deals"][-1]["amount"] = "сто рублей"
    dump.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, _, err = _run(capsys, "--db", dst, "import", "all", dump)
    assert code == 1 and "deals" in err and "ничего не импортировано" in err
    # the file is checked before the target is opened: a bad one does not even create it
    # (an existing database left as it was: tests/unit/test_transfer_bad_files.py)
    assert not dst.exists()

    for bad in ("{not json", json.dumps({"format": "other"}), json.dumps([1, 2])):
        dump.write_text(bad, encoding="utf-8")
        code, _, err = _run(capsys, "--db", dst, "import", "all", dump)
        assert code == 1 and err.count("\n") == 1


def test_backup_and_restore(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "work.db"
    _run(capsys, "--db", db, "demo", "--clients", "7", "--deals", "7")
    code, _out, _ = _run(capsys, "--db", db, "backup", tmp_path / "copy.db")
    assert code == 0 and (tmp_path / "copy.db").exists()
    other = tmp_path / "other.db"
    code, _, err = _run(capsys, "--db", other, "restore", tmp_path / "copy.db")
    assert code == 0, err
    assert _run(capsys, "--db", other, "check")[0] == 0
    code, _, err = _run(capsys, "--db", other, "restore", tmp_path / "missing.db")
    assert code == 1 and "не найден" in err


def test_python_main_and_entry_point_agree(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "main.py"), "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "SalesDesk" in result.stdout


def test_start_up_imports_no_heavy_libraries() -> None:
    """pyqtgraph, reportlab, openpyxl, Faker and Alembic load only when first needed."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from app.cli import build_parser; build_parser();"
        "import app.gui, app.views.main_window, app.views.today, app.bootstrap;"
        "heavy=[m for m in ('pyqtgraph','reportlab','openpyxl','faker','alembic') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == ""
