"""The competitors page (issue 16): a competitor with a price made through the editor (its
refusals shown by the fields, nothing stored until all is well), the page's register,
comparison and losses, the price-list import through the mapping dialog, and the lost-reason
dialog picking the competitor from the register and asking before a new one is added."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services.market.competitors import CompetitorDraft, CompetitorPriceDraft
from app.views import dialogs
from app.views.deals.move_dialogs import LostReasonDialog
from app.views.market.competitor_editor import CompetitorDialog, PriceDialog
from app.views.market.competitor_import import PriceImportDialog
from app.views.market.competitors import CompetitorsPage
from tests.unit._orders_helpers import product

TODAY = date(2026, 11, 16)


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, text, title=None: shown.append(text))
    return shown


def test_a_competitor_with_a_price_through_the_editor(qtbot, services,  # type: ignore[no-untyped-def]
                                                      errors_shown) -> None:
    box = product(services, "BOX-1", "Коробка 40×30", "100.00")
    editor = CompetitorDialog(services=services, competitor=None, today=TODAY)
    qtbot.addWidget(editor)
    editor.name_edit.setText("ПакСервис")
    editor.inn_edit.setText("7707083894")  # a wrong check digit
    editor.share_edit.setText("12,5")

    price_dialog = PriceDialog(products=editor.products(), line=None, today=TODAY)
    qtbot.addWidget(price_dialog)
    price_dialog.product_combo.setCurrentText("box-1")  # typed: the SKU, any case
    price_dialog.price_edit.setText("-5")
    assert price_dialog.save() is False
    assert "отрицательной" in price_dialog.errors.label("price").text()
    price_dialog.price_edit.setText("93,755")
    assert price_dialog.save() is False
    assert "копейки" in price_dialog.errors.label("price").text()
    price_dialog.price_edit.setText("93,75")
    price_dialog.source_combo.setCurrentIndex(price_dialog.source_combo.findData("tender"))
    assert price_dialog.save() is True
    line = price_dialog.line
    assert line is not None and (line.product_id, line.price, line.observed_on) == (
        box, Decimal("93.75"), TODAY)
    editor.add_price(line)
    assert editor.tabs.tabText(2) == "Цены (1)"

    assert editor.save() is False  # the ИНН: shown by its field, nothing stored
    assert "контрольная сумма" in editor.errors.label("inn").text()
    assert editor.tabs.currentIndex() == 0 and services.market.competitors() == []
    editor.inn_edit.setText("7707083893")
    assert editor.save() is True
    assert editor.result() == QDialog.DialogCode.Accepted and errors_shown == []
    [row] = services.market.competitors()
    assert (row.name, row.inn, row.market_share, row.prices) == (
        "ПакСервис", "7707083893", Decimal("12.50"), 1)
    [price] = services.market.competitor_prices(row.id)
    assert (price.sku, price.price, price.source) == ("BOX-1", Decimal("93.75"), "tender")


def test_the_editor_shows_a_duplicate_name_by_the_field(qtbot, services,  # type: ignore[no-untyped-def]
                                                        errors_shown) -> None:
    services.market.save_competitor(CompetitorDraft(name="ПакСервис"))
    editor = CompetitorDialog(services=services, competitor=None)
    qtbot.addWidget(editor)
    editor.name_edit.setText("паксервис")
    assert editor.save() is False
    assert "уже есть в реестре" in editor.errors.label("name").text()
    editor.share_edit.setText("сто")
    assert editor.save() is False
    assert "число" in editor.errors.label("market_share").text()
    editor.close_discarding()
    assert len(services.market.competitors()) == 1


def test_the_page_shows_the_register_prices_and_losses(qtbot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                       services) -> None:
    page = CompetitorsPage(services)
    qtbot.addWidget(page)
    page.resize(1340, 640)
    page.refresh()
    assert page.list_model.rowCount() == 0 and not page.edit_button.isEnabled()
    assert page.name_label.text() == "Конкурент не выбран"
    box = product(services, "BOX-1", "Коробка", "100.00")
    tape = product(services, "TAPE", "Скотч", "80.00")
    cid = services.market.save_competitor(CompetitorDraft(name="ПакСервис", strengths="Цена"))
    services.market.add_price(cid, CompetitorPriceDraft(box, Decimal("90"), date.today()))
    services.market.add_price(cid, CompetitorPriceDraft(tape, Decimal("88"), date(2020, 1, 1)))
    page.refresh()
    assert page.current() is not None and page.current().id == cid  # type: ignore[union-attr]
    assert page.swot_view.boxes["strengths"].text() == "Цена"
    assert page.swot_view.boxes["threats"].text() == "не указано"
    rows = {r.sku: r for r in page.comparison_model.rows()}
    assert rows["BOX-1"].we_are_dearer and not rows["BOX-1"].stale
    assert rows["TAPE"].stale and not rows["TAPE"].we_are_dearer
    assert "мы дороже: 1" in page.prices_summary.text()
    for model in (page.list_model, page.comparison_model, page.quarters_model):
        qtmodeltester.check(model)
    page.all_check.setChecked(True)
    assert page.comparison_model.headerData(0, Qt.Orientation.Horizontal) == "Конкурент"
    assert page.losses_summary.text() == "Проигранных сделок нет"


def test_own_swot_is_saved_from_the_page(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    page = CompetitorsPage(services)
    qtbot.addWidget(page)
    page.refresh()
    page.own_swot.strengths.setPlainText("Свой склад")
    assert page.own_unsaved.is_modified()
    page.own_save_button.click()
    assert services.market.own_swot().strengths == "Свой склад"
    assert not page.own_unsaved.is_modified()


def test_price_list_import_through_the_mapping_dialog(qtbot, services, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      errors_shown) -> None:
    box = product(services, "BOX-1", "Коробка", "100.00")
    cid = services.market.save_competitor(CompetitorDraft(name="ПакСервис"))
    path = tmp_path / "prices.csv"
    path.write_text("Артикул;Наименование;Цена\nBOX-1;Коробка;95,50\nXX;Нет такого;1\n",
                    encoding="cp1251")
    dialog = PriceImportDialog(services=services, competitor=services.market.competitor(cid),
                               today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.load_file(path)
    assert dialog.mapping() == {0: "sku", 1: "name", 2: "price"}
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000) as blocker:
        dialog.start(dry_run=False)
    report = blocker.args[0]
    assert not report.committed and report.unmatched_count == 1
    assert "Нет такого" in dialog.report_edit.toPlainText()
    assert services.market.competitor_prices(cid) == []
    dialog.skip_check.setChecked(True)
    with qtbot.waitSignal(dialog.report_ready, timeout=10_000):
        dialog.start(dry_run=False)
    assert dialog.imported and errors_shown == []
    [price] = services.market.competitor_prices(cid)
    assert (price.product_id, price.price, price.observed_on) == (box, Decimal("95.50"), TODAY)


# --- the lost-reason dialog -----------------------------------------------------------------

def test_lost_dialog_picks_the_competitor_from_the_register(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text: asked.append(text) or True)
    dlg = LostReasonDialog(None, "Поставка", ["price", "competitor"], ["ПакСервис", "Профупак"])
    qtbot.addWidget(dlg)
    dlg.reason.setCurrentIndex(dlg.reason.findData("competitor"))
    completer = dlg.competitor.completer()
    assert completer is not None
    completer.setCompletionPrefix("упак")  # any part of the name, any case
    assert completer.completionCount() == 1 and completer.currentCompletion() == "Профупак"
    dlg.competitor.setCurrentText("  паксервис ")
    dlg._on_accept()
    assert dlg.result() == QDialog.DialogCode.Accepted and asked == []
    answer = dlg.answer()
    assert (answer.competitor, answer.new_competitor) == ("ПакСервис", False)


def test_lost_dialog_asks_before_a_new_competitor(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    replies = [False, True]
    asked: list[str] = []

    def confirm(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return replies.pop(0)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dlg = LostReasonDialog(None, "Поставка", ["competitor"], ["ПакСервис"])
    qtbot.addWidget(dlg)
    dlg.competitor.setCurrentText("Новый Игрок")
    dlg._on_accept()  # «нет»: the dialog stays for another name
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert asked == ["Конкурента «Новый Игрок» нет в реестре. Добавить его в реестр "
                     "конкурентов?"]
    dlg._on_accept()  # «да»
    assert dlg.result() == QDialog.DialogCode.Accepted
    answer = dlg.answer()
    assert (answer.competitor, answer.new_competitor) == ("Новый Игрок", True)
