"""The unit tier runs without Qt: no QApplication, no PySide6 import.

Asking for a Qt fixture (qapp, qtbot, qtmodeltester, qtlog) fails in any run. A run given
only paths in tests/unit goes without pytest-qt (tests/conftest.py), so nothing but the code
under test could import PySide6. In such a run these hooks fail the first test
module whose import, or the first test whose run, brings PySide6 in, naming it; a test that
really needs Qt belongs in tests/gui. In a run that includes tests/gui, PySide6 is loaded
anyway and there is nothing to check. tests/unit/test_unit_tier.py runs both cases.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

MOVE_IT = "the unit tier runs without Qt: move it to tests/gui, or import Qt lazily in the app"


def _checking(config: pytest.Config) -> bool:
    """True in a unit-only run (pytest-qt kept out) while PySide6 is still not imported."""
    return not config.pluginmanager.has_plugin("pytest-qt") and "PySide6" not in sys.modules


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    checking = isinstance(collector, pytest.Module) and _checking(collector.config)
    report = yield
    if checking and "PySide6" in sys.modules and report.passed:
        report.outcome = "failed"
        report.longrepr = f"collecting {collector.nodeid} imported PySide6 ({MOVE_IT})"
    return report


@pytest.fixture(autouse=True)
def _no_qt_in_unit_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    checking = _checking(request.config)
    yield
    if checking and "PySide6" in sys.modules:
        pytest.fail(f"{request.node.nodeid} imported PySide6 ({MOVE_IT})", pytrace=False)


def _qt_fixture(name: str):  # type: ignore[no-untyped-def]
    @pytest.fixture(name=name)
    def refuse() -> None:
        pytest.fail(f"a unit test asked for {name}: {MOVE_IT}", pytrace=False)

    return refuse


qapp = _qt_fixture("qapp")
qtbot = _qt_fixture("qtbot")
qtmodeltester = _qt_fixture("qtmodeltester")
qtlog = _qt_fixture("qtlog")
