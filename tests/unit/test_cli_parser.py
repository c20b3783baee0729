"""The CLI builds only its own command's parser (issue 12), and that parser reads the same.

`COMMAND_OWNERS` names the module of each command; a run registers that module alone, so a
command does not import every other command's services before it starts.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import COMMAND_MODULES, COMMAND_OWNERS, build_parser, command_in


def _registered(module: str) -> list[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).register(sub)
    return list(sub.choices)


def test_every_command_is_owned_by_the_module_that_registers_it() -> None:
    owned = {command: module for module in COMMAND_MODULES for command in _registered(module)}
    assert owned == COMMAND_OWNERS


@pytest.mark.parametrize(("argv", "command"), [
    ([], ""), (["--db", "x.db"], ""), (["--demo", "--lang", "en"], ""),
    (["--db", "import", "check"], "check"),  # a file named like a command is a value
    (["--db=x.db", "import", "clients", "f.csv"], "import"),
    (["import", "-h"], "import"), (["-h"], None), (["--help", "import"], None),
    (["improt", "clients"], None), (["--", "check"], "check"), (["--version"], ""),
])
def test_the_command_is_found_among_the_options(argv: list[str], command: str | None) -> None:
    assert command_in(argv) == command


@pytest.mark.parametrize("argv", [
    ["--db", "base.db", "import", "clients", "f.csv", "--skip-invalid"],
    ["import", "all", "dump.json", "--db", "other.db"],
    ["--db", "base.db", "export", "clients", "out.xlsx", "--search", "ромашка"],
    ["clients", "--status", "active", "--format", "json", "--limit", "5"],
    ["--lang", "en", "check"], ["pipeline"], [], ["--db", "x.db"],
])
def test_the_command_s_own_parser_reads_like_the_whole_one(argv: list[str]) -> None:
    def namespace(parser: argparse.ArgumentParser) -> dict[str, object]:
        return {k: v for k, v in vars(parser.parse_args(argv)).items() if k != "handler"}

    own = build_parser(command_in(argv))
    assert namespace(own) == namespace(build_parser())


def test_a_command_s_parser_imports_no_services() -> None:
    code = ("import sys; from app.cli import build_parser, command_in;"
            "argv = ['--db', 'x.db', 'import', 'clients', 'f.csv'];"
            "build_parser(command_in(argv)).parse_args(argv);"
            "print(','.join(m for m in ('sqlalchemy', 'app.services', 'app.models') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == ""
