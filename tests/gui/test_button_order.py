"""The accept and cancel buttons sit the same way round in every dialog: the platform's
(`forms.dialog_buttons`' QDialogButtonBox) — the deal, order and client editors, the
pipeline settings and the product picker built their rows by hand with Отмена first, while
the dialogs with a button box had Сохранить first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import select

from app.models import Client, Deal, Order


def _left_to_right(dialog: QDialog, texts: tuple[str, str]) -> list[str]:
    buttons = [b for b in dialog.findChildren(QPushButton)
               if b.text() in texts and b.isVisible()]
    return [b.text() for b in sorted(buttons, key=lambda b: b.mapTo(dialog, b.rect().topLeft())
                                     .x())]


def test_accept_and_cancel_are_the_same_way_round_everywhere(qtbot, demo_services) -> None:  # type: ignore[no-untyped-def]
    from app.views.activities.editor import ActivityEditor
    from app.views.clients.card import ClientCardDialog
    from app.views.deals.catalog import ProductPicker
    from app.views.deals.editor import DealEditor
    from app.views.deals.stages import StageSettingsDialog
    from app.views.orders.editor import OrderEditor

    with demo_services.uow_factory(read_only=True) as uow:
        deal_id = uow.session.scalar(select(Deal.id).limit(1))
        client_id = uow.session.scalar(select(Client.id).limit(1))
        order_id = uow.session.scalar(select(Order.id).limit(1))
    reference = ActivityEditor(services=demo_services)  # a QDialogButtonBox's order
    qtbot.addWidget(reference)
    reference.show()
    platform = _left_to_right(reference, ("Сохранить", "Отмена"))
    assert len(platform) == 2
    accept_first = platform[0] == "Сохранить"
    for make, pair in (
            (lambda: DealEditor(services=demo_services, deal_id=deal_id),
             ("Сохранить", "Отмена")),
            (lambda: ClientCardDialog(services=demo_services, client_id=client_id),
             ("Сохранить", "Отмена")),
            (lambda: OrderEditor(services=demo_services, order_id=order_id),
             ("Сохранить", "Закрыть")),
            (lambda: StageSettingsDialog(services=demo_services), ("Сохранить", "Отмена")),
            (lambda: ProductPicker(demo_services), ("Добавить в сделку", "Отмена"))):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        order = _left_to_right(dialog, pair)
        assert len(order) == 2, (type(dialog).__name__, order)
        assert (order[0] == pair[0]) == accept_first, (type(dialog).__name__, order, platform)
        dialog.reject()
    reference.reject()
