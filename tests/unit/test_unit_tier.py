"""The unit tier runs without Qt, and the guard in tests/unit/conftest.py catches a test that
brings PySide6 in (each case a `python -m pytest tests/unit…` of its own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARGET = "tests/unit/test_money_types.py::test_rounding_is_half_up_to_kopecks"

# -p plugins for the inner run: one reports whether Qt was loaded at the end, the others
# import PySide6 while a module is collected or while a test runs, as a careless test would.
PROBES = {
    "report": (
        "import sys\n"
        "def pytest_sessionfinish(session):\n"
        "    print('PySide6 loaded:', 'PySide6' in sys.modules,\n"
        "          'pytest-qt active:', session.config.pluginmanager.has_plugin('pytest-qt'))\n"
    ),
    "collect": (
        "def pytest_pycollect_makeitem(collector, name, obj):\n"
        "    import PySide6.QtCore\n"
    ),
    "call": (
        "import pytest\n"
        "@pytest.hookimpl(wrapper=True)\n"
        "def pytest_runtest_call(item):\n"
        "    import PySide6.QtCore\n"
        "    return (yield)\n"
    ),
}


def _run_unit_tier(tmp_path: Path, probe: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / f"salesdesk_probe_{probe}.py").write_text(PROBES[probe], encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args, "-q", "-p", f"salesdesk_probe_{probe}",
         "-p", "no:cacheprovider", "-p", "no:randomly", "--basetemp", str(tmp_path / "run")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_unit_modules_collect_without_qt(tmp_path: Path) -> None:
    result = _run_unit_tier(tmp_path, "report", "tests/unit", "--collect-only")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PySide6 loaded: False pytest-qt active: False" in result.stdout


@pytest.mark.parametrize(("probe", "message"), [
    ("collect", "collecting tests/unit/test_money_types.py imported PySide6"),
    ("call", f"{TARGET} imported PySide6"),
])
def test_guard_fails_whatever_imports_qt(tmp_path: Path, probe: str, message: str) -> None:
    result = _run_unit_tier(tmp_path, probe, TARGET)
    assert result.returncode != 0, result.stdout + result.stderr
    assert message in result.stdout
    assert "move it to tests/gui" in result.stdout
