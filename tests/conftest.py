"""Shared fixtures of both tiers: a temporary database, a demo database; the run's own settings.

The run does not depend on the caller's environment: Qt's platform (a 1920×1080 offscreen
screen) is set here whatever QT_QPA_PLATFORM says; the user's config, data and cache folders
(XDG_*) and Hypothesis' files point into a folder of the run under the system temp dir, so
nothing is written to the checkout or the user's home. Qt fixtures live in
tests/gui/conftest.py; a run of tests/unit alone keeps pytest-qt (which imports PySide6 while
configuring) out of the process, and tests/unit/conftest.py fails whatever imports PySide6 there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import configuration as hypothesis_configuration
from hypothesis import settings as hypothesis_settings

from app.bootstrap import Services, bootstrap

# A 1920×1080 offscreen screen, so windows are not clamped to the default 800×600; forced,
# because a preset QT_QPA_PLATFORM=offscreen (CI, a developer's shell) would drop the screen.
OFFSCREEN = f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"
os.environ["QT_QPA_PLATFORM"] = OFFSCREEN
os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
for _name in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "QT_ENABLE_HIGHDPI_SCALING",
              "QT_FONT_DPI", "QT_STYLE_OVERRIDE", "QT_QPA_PLATFORMTHEME", "QT_API",
              "PYTEST_QT_API"):
    os.environ.pop(_name, None)  # each would change what the GUI tests measure

DEMO_TODAY = date(2026, 11, 16)  # a fixed Monday, so demo-based tests do not drift
TESTS = Path(__file__).resolve().parent
UNIT = TESTS / "unit"

# Whatever the code under test (or a subprocess it starts) writes to the user's folders —
# QSettings, the default database, caches — lands in a folder of this run under the system temp
# dir, removed at the end (pytest_unconfigure); so do Hypothesis' caches, and there is no
# example database (it would live in the checkout).
_RUN_DIR = Path(tempfile.mkdtemp(prefix="salesdesk-tests-"))
for _name, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                    ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
    (_RUN_DIR / _sub).mkdir()
    os.environ[_name] = str(_RUN_DIR / _sub)
hypothesis_settings.register_profile("salesdesk", database=None)
hypothesis_settings.load_profile("salesdesk")
hypothesis_configuration.set_hypothesis_home_dir(_RUN_DIR / "hypothesis")


def _runs_unit_tests_only(config: pytest.Config) -> bool:
    """Whether every path the run was given lies in tests/unit (no path means all tests)."""
    paths = [arg.split("::")[0] for arg in config.args if not arg.startswith("-")]
    if not paths:
        return False
    root = Path(config.invocation_params.dir)
    return all((root / path).resolve().is_relative_to(UNIT) for path in paths)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """A unit-only run goes without pytest-qt, which imports PySide6 in its pytest_configure."""
    if _runs_unit_tests_only(config):
        config.pluginmanager.set_blocked("pytest-qt")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_RUN_DIR, ignore_errors=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "salesdesk.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    """Services over a fresh, migrated, empty database."""
    svc = bootstrap(db_path)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo import DemoSizes, generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    svc = bootstrap(path)
    generate_demo(svc.uow_factory, DemoSizes(clients=60, deals=150), seed=7, today=DEMO_TODAY)
    svc.close()
    return path


@pytest.fixture
def demo_services(_demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """Services over a private copy of a small demo database (generated once per run)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    svc = bootstrap(path)
    yield svc
    svc.close()
