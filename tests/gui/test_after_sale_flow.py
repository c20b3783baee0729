"""The after-sale end to end, as a manager works it (issue 14's «Done when»): win a deal in
the Сделки tab with «Создать заказ», ship part of it and take a part payment in the order's
dialogs, then the receivables' aging and the Today worklist show what is still owed, late
and short — each figure computed by hand here."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from app.bootstrap import Services
from app.services.catalog import ProductInput
from app.services.orders import OrderDraft
from app.views import dialogs
from app.views.deals.move_dialogs import WonAnswer
from app.views.deals.tab import DealsTab
from app.views.orders.editor import OrderEditor
from app.views.orders.payment_dialog import PaymentDialog
from app.views.orders.shipment_dialog import ShipmentDialog
from tests.gui._orders_helpers import make_sale, won_stage

D = Decimal


def test_win_order_ship_pay_then_receivables_and_today(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    today = date.today()
    won_on = today - timedelta(days=45)
    sale = make_sale(services, win=False)  # 10 shelves × 12 500 (4 in stock), 40 × 1 800, 15 000
    # the shelves are short below 2 in stock
    services.catalog.save(ProductInput(sku=f"S-{sale.client_id}", name="Стеллаж 2000×1000",
                                       price=D("12500"), stock=D("4"), min_stock=D("2")),
                          sale.shelf_id)
    deals = DealsTab(services=services)
    qtbot.addWidget(deals)
    monkeypatch.setattr(dialogs, "ask_won_details", lambda *_a: WonAnswer(
        closed_on=won_on, amount=D("212000"), follow_up=False, create_order=True))
    monkeypatch.setattr(OrderEditor, "exec", lambda self: 0)
    assert deals.move_deal(sale.deal_id, won_stage(services))
    order_id = services.orders.order_for_deal(sale.deal_id)
    assert order_id is not None
    order = services.orders.order(order_id)
    # payment due ten days after the order; the order dated 45 days ago → 35 days overdue
    order = services.orders.update_order(order.id, OrderDraft(
        ordered_on=won_on, delivery_address=order.delivery_address, ship_by=None,
        prepayment_pct=D(0), deferred_days=10, payment_due_on=None, contract_number="",
        contract_date=None, notes=""))
    assert order.payment_due_on == won_on + timedelta(days=10)

    shipment = ShipmentDialog(services=services, order=order)
    qtbot.addWidget(shipment)
    model = shipment.lines_model
    for row, typed in ((0, "4"), (1, "40"), (2, "0")):  # all 4 shelves in stock, every board
        assert model.setData(model.index(row, model.QTY), typed)
    shipment.status_combo.setCurrentIndex(shipment.status_combo.findData("shipped"))
    shipment.status_combo.activated.emit(shipment.status_combo.currentIndex())
    assert shipment.save()

    payment = PaymentDialog(services=services, order=services.orders.order(order.id))
    qtbot.addWidget(payment)
    payment.amount_edit.setText("100 000,00")
    payment.reference_edit.setText("512")
    assert payment.save()

    # receivables: 212 000 − 100 000 = 112 000 owed, 35 days past due → the 31–60 bucket
    aging = services.receivables.aging(today, client_id=sale.client_id)
    assert [(r.client_id, r.not_due, r.d1_30, r.d31_60, r.d61_90, r.over_90, r.total)
            for r in aging.rows] == [(sale.client_id, 0, 0, D("112000.00"), 0, 0,
                                      D("112000.00"))]
    detail = services.orders.order(order.id)
    assert (detail.paid, detail.outstanding, detail.overdue) == (
        D("100000.00"), D("112000.00"), True)
    # shipped: 4 + 40 of 51 units → 86 %; the shelves' stock is gone
    assert detail.shipped_pct == 86 and detail.status == "partly_shipped"
    assert services.catalog.get(sale.shelf_id).stock == D(0)

    # Today: the client under «Просроченная дебиторка», the shelves under «Мало на складе»
    day = services.worklist.worklist(today, sections=("receivables", "low_stock"))
    owed = day.sections["receivables"]
    assert [(i.kind, i.ident) for i in owed] == [("receivable", sale.client_id)]
    assert "112 000,00" in owed[0].detail.replace("\u00a0", " ")
    short = day.sections["low_stock"]
    assert sale.shelf_id in [i.ident for i in short if i.kind == "product"]
