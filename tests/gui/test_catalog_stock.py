"""The catalog's stock (issue 14): an existing product's stock changes only through
«Корректировка…» with a reason (one journal entry), and «Мало на складе» lists the products
at or below their threshold."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog

from app.services.catalog import ProductInput
from app.views.deals.catalog import CatalogDialog, StockCorrectionDialog

D = Decimal


@pytest.fixture
def catalog(qtbot, services):  # type: ignore[no-untyped-def]
    glue = services.catalog.save(ProductInput(sku="G", name="Клей", price=D("10"),
                                              stock=D("12"), min_stock=D("5")))
    tape = services.catalog.save(ProductInput(sku="T", name="Лента", price=D("20"),
                                              stock=D("3"), min_stock=D("5")))
    dialog = CatalogDialog(services=services)
    qtbot.addWidget(dialog)
    return dialog, glue, tape


def test_a_correction_needs_a_reason_and_is_a_journal_entry(qtbot, services, catalog,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    dialog, glue, _tape = catalog
    dialog.switch.select(glue)
    dialog._load_product(glue)
    assert dialog.stock.isReadOnly() and dialog.correct_button.isEnabled()
    answers: list[StockCorrectionDialog] = []

    def fill(self: StockCorrectionDialog) -> int:
        answers.append(self)
        self.delta.setText("−2,5")
        assert self.save() is False  # no reason yet
        assert "причину" in self.errors.label("reason").text()
        self.reason.setText("Инвентаризация")
        assert self.save() is True
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StockCorrectionDialog, "exec", fill)
    assert dialog.correct_stock()
    assert answers and answers[0].new_stock == D("9.5")
    assert services.catalog.get(glue).stock == D("9.5")
    journal = services.orders.stock_journal(glue)
    newest = journal[0]
    assert (newest.kind, newest.quantity, newest.reason) == (
        "correction", D("-2.5"), "Инвентаризация")
    assert dialog.stock.text() == "9,5"
    # saving the card (a new price) leaves the stock as stored, with no second entry
    dialog.price.setText("11")
    assert dialog.save()
    assert services.catalog.get(glue).stock == D("9.5")
    assert len(services.orders.stock_journal(glue)) == len(journal)


def test_low_stock_filter_lists_what_is_short(qtbot, services, catalog) -> None:  # type: ignore[no-untyped-def]
    dialog, glue, tape = catalog
    assert {p.id for p in dialog.model.rows()} == {glue, tape}
    dialog.low_only.setChecked(True)
    assert [p.id for p in dialog.model.rows()] == [tape]  # 3 at a threshold of 5


def test_the_card_edits_what_a_kp_shows_and_keeps_the_description(qtbot, services,  # type: ignore[no-untyped-def]
                                                                   monkeypatch) -> None:
    """Issue 15: description, lead time, warranty and photo in the product card. Found on the
    way: the card had no description, and a save from it emptied the catalog's."""
    import io

    from PIL import Image

    from app.views import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text, title=None: shown.append(text))
    glue = services.catalog.save(ProductInput(sku="G", name="Клей", price=D("10"),
                                              description="Для картона"))
    dialog = CatalogDialog(services=services)
    qtbot.addWidget(dialog)
    dialog.switch.select(glue)
    assert dialog.description.toPlainText() == "Для картона"
    assert not dialog.photo_clear.isEnabled()  # no photo yet
    dialog.lead_time.setText("2 дня")  # (QTest types ASCII only)
    dialog.warranty.setText("6 месяцев")
    assert dialog.save()
    p = services.catalog.get(glue)
    assert (p.description, p.lead_time, p.warranty) == ("Для картона", "2 дня", "6 месяцев")
    png = io.BytesIO()
    Image.new("RGB", (90, 60), (10, 120, 10)).save(png, format="PNG")
    assert dialog.set_photo(png.getvalue())
    assert dialog.photo.pixmap() is not None and not dialog.photo.pixmap().isNull()
    assert dialog.photo_clear.isEnabled() and services.catalog.image(glue) is not None
    assert not dialog.set_photo(b"garbage")  # refused, said; the photo stays
    assert shown or dialog.errors.label("image").text()
    assert services.catalog.image(glue) is not None
    dialog.new_product()
    assert not dialog.photo_button.isEnabled()  # a new product gets a photo once saved
