"""FieldErrors (views/forms.py): a refused save puts each message under its field, keeps what
was typed, focuses the first bad field; editing the field takes its message away."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.deals.catalog import CatalogDialog
from app.views.forms import FieldErrors
from app.views.record_model import Column, RecordTableModel


def _retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type over the field's text as the user would (QTest types ASCII only)."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _top_left(widget: QWidget, window: QWidget) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def test_catalog_form_shows_messages_under_the_fields_and_keeps_the_input(
        qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dlg = CatalogDialog(services=services)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.new_product()
    qtbot.keyClicks(dlg.sku, "SP-1")
    qtbot.keyClicks(dlg.name, "Rack")  # QTest types ASCII only
    qtbot.keyClicks(dlg.price, "12 rub")
    _retype(qtbot, dlg.stock, "-3")
    save = next(b for b in dlg.findChildren(QPushButton) if b.text() == "Сохранить")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    price_error, stock_error = dlg.errors.label("price"), dlg.errors.label("stock")
    assert price_error.isVisible() and price_error.text() == "Введите число"
    assert stock_error.isVisible() and "отрицательным" in stock_error.text()
    assert not dlg.errors.label("sku").isVisible()
    assert dlg.errors.shown().keys() == {"price", "stock"}
    # Next to its field: right under it, starting at the same x.
    field, label = _top_left(dlg.price, dlg), _top_left(price_error, dlg)
    assert label.x() == field.x() and field.y() + dlg.price.height() <= label.y()
    assert label.y() - (field.y() + dlg.price.height()) < 8
    assert dlg.price.property("invalid") and dlg.stock.property("invalid")
    assert (dlg.sku.text(), dlg.price.text(), dlg.stock.text()) == ("SP-1", "12 rub", "-3")
    assert dlg.focusWidget() is dlg.price  # the first bad field, in form order
    assert services.catalog.list_products() == []

    _retype(qtbot, dlg.price, "1 200,50")
    assert not price_error.isVisible() and not dlg.price.property("invalid")
    assert stock_error.isVisible()  # only the edited field's message goes
    _retype(qtbot, dlg.stock, "4")
    assert not stock_error.isVisible()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dlg.errors.shown() == {}
    [product] = services.catalog.list_products()
    assert (product.sku, product.price, product.stock) == ("SP-1", Decimal("1200.50"), 4)


@dataclass(frozen=True)
class _Line:
    name: str


def _tabbed_form() -> tuple[QDialog, FieldErrors, dict[str, QWidget]]:
    dlg = QDialog()
    banner = QLabel()
    tabs = QTabWidget()
    first, second = QWidget(), QWidget()
    form = QFormLayout(first)
    errors = FieldErrors(banner=banner)
    title = QLineEdit()
    errors.add_row(form, "Название", "title", title)
    lines_model: RecordTableModel[_Line] = RecordTableModel(
        [Column("Строка", lambda r: r.name, edit=lambda r, v: replace(r, name=str(v)))], dlg)
    lines_model.set_rows([_Line("a"), _Line(""), _Line("c")])
    lines = QTableView()
    lines.setModel(lines_model)
    page = QVBoxLayout(second)
    page.addWidget(lines)
    page.addWidget(errors.attach_rows(
        "lines", lines, describe=lambda n, m: f"строка {n + 1}: {m}"))
    tabs.addTab(first, "Основное")
    tabs.addTab(second, "Строки")
    layout = QVBoxLayout(dlg)
    layout.addWidget(banner)
    layout.addWidget(tabs)
    return dlg, errors, {"title": title, "lines": lines, "tabs": tabs, "banner": banner}


def test_rows_of_a_table_banner_and_unplaced_messages(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg, errors, w = _tabbed_form()
    qtbot.addWidget(dlg)
    dlg.show()
    tabs, lines, banner = w["tabs"], w["lines"], w["banner"]
    assert isinstance(tabs, QTabWidget) and isinstance(lines, QTableView)
    model = lines.model()
    assert isinstance(model, RecordTableModel)
    unplaced = errors.show({"lines.1.name": "пустое имя", "lines": "мало строк",
                            "total": "сумма не сходится"})
    assert unplaced == ["сумма не сходится"]
    assert errors.label("lines").text() == "строка 2: пустое имя\nмало строк"
    assert model.row_errors() == {1: "пустое имя"}
    assert tabs.currentIndex() == 1 and lines.currentIndex().row() == 1  # revealed
    assert banner.isVisible() and "(1)" in banner.text() and "сумма не сходится" in banner.text()

    errors.show({"title": "Укажите название"})  # a new save: the old marks go
    assert model.row_errors() == {} and not errors.label("lines").isVisible()
    assert tabs.currentIndex() == 0 and dlg.focusWidget() is w["title"]
    assert "(1)" in banner.text() and "сумма" not in banner.text()
    qtbot.keyClicks(w["title"], "Delivery")
    assert not errors.label("title").isVisible() and not banner.isVisible()
    errors.clear()
    assert errors.shown() == {} and not banner.isVisible()
