"""The catalog editor and the pipeline settings: messages by the field, settings stored."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from app.models import Client
from app.services.deals import DealInput
from app.views.deals.catalog import CatalogDialog
from app.views.deals.stages import StageSettingsDialog
from app.views.deals.tab import DealsTab


def test_catalog_dialog_shows_errors_and_saves(qtbot, qtmodeltester, services) -> None:  # type: ignore[no-untyped-def]
    dlg = CatalogDialog(services=services)
    qtbot.addWidget(dlg)
    dlg.new_product()
    dlg.sku.setText("SP-1")
    dlg.name.setText("Стеллаж")
    dlg.price.setText("-5")
    dlg.max_discount.setText("150")
    dlg.stock.setText("много")
    assert not dlg.save()
    for key in ("price", "stock"):
        assert dlg.errors.label(key).text(), key
    dlg.stock.setText("3")
    assert not dlg.save()
    assert dlg.errors.label("max_discount").text() and dlg.errors.label("price").text()
    dlg.price.setText("38 900,00")
    dlg.max_discount.setText("10")
    assert dlg.save()
    qtmodeltester.check(dlg.model)
    row = services.catalog.list_products()[0]
    assert (row.price, row.max_discount, row.effective_floor) == (
        Decimal("38900.00"), Decimal("10.00"), Decimal("35010.00"))


def test_stage_settings_store_working_days_reasons_and_order(qtbot, qtmodeltester,
                                                            services) -> None:  # type: ignore[no-untyped-def]
    with services.uow_factory() as uow:
        client = Client(name="ООО «Ромашка»")
        uow.session.add(client)
        uow.flush()
        cid = client.id
        uow.commit()
    services.deals.save_deal(DealInput(client_id=cid, title="x"),
                             now=datetime(2026, 11, 2, 9, tzinfo=UTC))
    dlg = StageSettingsDialog(services=services)
    qtbot.addWidget(dlg)
    qtmodeltester.check(dlg.model)
    model = dlg.model
    assert model.setData(model.index(1, model.STALL), "3")
    assert not model.setData(model.index(1, model.PROBABILITY), "много")
    dlg.view.selectRow(1)
    dlg._move(-1)
    dlg.working_days.setChecked(True)
    dlg.reasons.setPlainText("Цена\nВыбрали конкурента\nСменился директор")
    assert dlg.save()
    stages = services.deals.stages()
    assert (stages[0].name, stages[0].stall_days) == ("Выявление потребностей", 3)
    assert services.deals.stall_in_working_days()
    assert services.deals.lost_reasons() == ["price", "competitor", "Сменился директор"]
    # A stage that holds deals cannot be removed: the user is told, nothing changes.
    again = StageSettingsDialog(services=services)
    qtbot.addWidget(again)
    again.view.selectRow(1)  # "Первичный контакт" now, with the deal in it
    again._on_remove_clicked()
    errors: list[str] = []
    import app.views.dialogs as dialogs

    original = dialogs.show_error
    dialogs.show_error = lambda parent, msg, title=None: errors.append(msg)  # type: ignore[assignment]
    try:
        assert not again.save()
    finally:
        dialogs.show_error = original  # type: ignore[assignment]
    assert errors and "нельзя удалить" in errors[0]
    assert len(services.deals.stages()) == len(stages)
    tab = DealsTab(services=services)
    qtbot.addWidget(tab)
    assert tab.board.columns[0].stage.name == "Выявление потребностей"
    assert tab.board.columns[0].delegate.working_days
