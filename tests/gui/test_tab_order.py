"""Tab walks each dialog's fields in a sensible order (issue 17, «Keyboard»): from the first
field, Tab reaches every field of the page in view, and the rows of each form one after
another, top to bottom."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QCheckBox)


def _walk(dialog: QDialog, start: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from `start`, once round."""
    start.setFocus()
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        if current is None or current in seen:
            break
        seen.append(current)
        dialog.focusNextChild()
        QApplication.processEvents()
    return seen


def _owner(widget: QWidget, fields: list[QWidget]) -> QWidget | None:
    """The field a focused widget belongs to (an editable combo's line edit, a spin box's)."""
    w: QWidget | None = widget
    while w is not None:
        if w in fields:
            return w
        w = w.parentWidget()
    return None


def _check(dialog: QDialog) -> None:
    forms = [f for f in dialog.findChildren(QFormLayout)
             if f.parentWidget() is not None and f.parentWidget().isVisible()]
    rows: list[list[QWidget]] = []
    for form in forms:
        fields = []
        for r in range(form.rowCount()):
            item = form.itemAt(r, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            inner = [widget] if isinstance(widget, FIELDS) else [
                w for w in widget.findChildren(QWidget) if isinstance(w, FIELDS)][:1]
            fields += [w for w in inner if w.isVisible() and w.isEnabled()
                       and not (isinstance(w, QLineEdit) and w.isReadOnly())]
        if fields:
            rows.append(fields)
    for grid in dialog.findChildren(QGridLayout):  # forms laid out as label/field grids
        if grid.parentWidget() is None or not grid.parentWidget().isVisible():
            continue
        for column in range(grid.columnCount()):
            fields = []
            for r in range(grid.rowCount()):
                item = grid.itemAtPosition(r, column)
                widget = item.widget() if item is not None else None
                if widget is None:
                    continue
                inner = [widget] if isinstance(widget, FIELDS) else [
                    w for w in widget.findChildren(QWidget) if isinstance(w, FIELDS)][:1]
                fields += [w for w in inner if w.isVisible() and w.isEnabled()
                           and not (isinstance(w, QLineEdit) and w.isReadOnly())
                           and not any(w in f for f in rows)]
            if len(fields) > 1:
                rows.append(fields)
    assert rows, "the dialog has no form in view"
    every = [w for form_fields in rows for w in form_fields]
    visited = []
    for w in _walk(dialog, every[0]):
        owner = _owner(w, every)
        if owner is not None and owner not in visited:
            visited.append(owner)
    missing = [w.objectName() or type(w).__name__ for w in every if w not in visited]
    assert not missing, f"Tab never reaches {missing}"
    for fields in rows:  # each form's rows in order, top to bottom
        order = [visited.index(w) for w in fields]
        assert order == sorted(order), [f.objectName() or type(f).__name__ for f in fields]


def _activity_editor(services):  # type: ignore[no-untyped-def]
    from app.views.activities.editor import ActivityEditor

    return ActivityEditor(services=services)


def _company(services):  # type: ignore[no-untyped-def]
    from app.views.documents.company_dialog import CompanyDialog

    return CompanyDialog(services=services)


def _first_run(services):  # type: ignore[no-untyped-def]
    from app.views.first_run import FirstRunWizard

    return FirstRunWizard(services=services)


def _deal(services):  # type: ignore[no-untyped-def]
    from app.views.deals.editor import DealEditor

    return DealEditor(services=services)


def _client(services):  # type: ignore[no-untyped-def]
    from app.views.clients.card import ClientCardDialog

    return ClientCardDialog(services=services, client_id=None)


def _campaign(services):  # type: ignore[no-untyped-def]
    from app.views.market.campaigns import CampaignEditor

    return CampaignEditor(services=services)


def _competitor(services):  # type: ignore[no-untyped-def]
    from app.views.market.competitor_editor import CompetitorDialog

    return CompetitorDialog(services=services, competitor=None)


DIALOGS: dict[str, Callable] = {  # type: ignore[type-arg]
    "activity": _activity_editor, "company": _company, "first_run": _first_run,
    "deal": _deal, "client": _client, "campaign": _campaign, "competitor": _competitor,
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_tab_walks_every_field_in_order(qtbot, demo_services, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = DIALOGS[name](demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _check(dialog)
    dialog.reject()


def test_the_walk_catches_a_field_out_of_order(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a dialog whose Tab jumps from the first field to the third fails."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    a, b, c = QLineEdit(), QLineEdit(), QLineEdit()
    for n, w in enumerate((a, b, c)):
        w.setObjectName(f"field{n}")
        form.addRow(str(n), w)
    dialog.show()
    qtbot.waitExposed(dialog)
    _check(dialog)  # the natural order passes
    QWidget.setTabOrder(a, c)
    QWidget.setTabOrder(c, b)
    with pytest.raises(AssertionError):
        _check(dialog)
