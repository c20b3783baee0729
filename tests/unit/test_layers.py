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
