"""The layer rule: views → services → models; no Qt below the views, no SQL in views."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((APP / folder).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in forbidden or name.startswith(forbidden):
                found.append(f"{path.relative_to(APP.parent)} imports {name}")
    return found


def test_views_do_not_touch_the_database() -> None:
    assert _violations("views", ("sqlalchemy", "sqlite3", "app.models", "app.db")) == []


def test_services_and_models_do_not_import_qt() -> None:
    qt = ("PySide6", "pyqtgraph", "app.views", "app.gui", "app.qt_i18n")
    assert _violations("services", qt) == []
    assert _violations("models", (*qt, "app.services")) == []


def test_views_use_item_models_for_lists() -> None:
    offenders = [str(p) for p in (APP / "views").rglob("*.py")
                 if "QTableWidget(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_scanner_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from sqlalchemy import select\nimport PySide6.QtCore\n", encoding="utf-8")
    assert _imports(bad) == {"sqlalchemy", "PySide6.QtCore"}


def _service_constructions(path: Path) -> list[str]:
    where = path.relative_to(APP.parent) if path.is_relative_to(APP.parent) else path.name
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name.endswith("Service"):
                found.append(f"{where}:{node.lineno} builds {name}")
    return found


def test_services_are_built_only_in_bootstrap() -> None:
    """A service that needs another gets it by keyword from `Services`, never builds it."""
    offenders = [hit for path in sorted(APP.rglob("*.py")) if path != APP / "bootstrap.py"
                 for hit in _service_constructions(path)]
    assert offenders == []


def test_construction_scanner_catches_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("x = DealsService(uow_factory=u)\ny = mod.PlanService(uow_factory=u)\n",
                   encoding="utf-8")
    assert len(_service_constructions(bad)) == 2
