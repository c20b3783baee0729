"""The Заказы tab over real services: an order from the won dialog, a partial shipment and
an overpayment as the list shows them, the filters, the keyboard."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.bootstrap import Services
from app.services.orders import OrderDraft, OrderFilter
from app.views import dialogs
from app.views.deals.move_dialogs import WonAnswer, WonDialog
from app.views.deals.tab import DealsTab
from app.views.orders.editor import OrderEditor
from app.views.orders.model import OrderListModel
from app.views.orders.payment_dialog import PaymentDialog
from app.views.orders.shipment_dialog import ShipmentDialog
from app.views.orders.tab import OrdersTab
from tests.gui._activity_helpers import show_active
from tests.gui._orders_helpers import make_order, make_sale, won_stage

D = Decimal
NBSP = "\u00a0"


def _tab(qtbot, services: Services) -> OrdersTab:  # type: ignore[no-untyped-def]
    tab = OrdersTab(services=services)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.is_loading())
    return tab


def _settle(qtbot, tab: OrdersTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not tab.is_loading())


def _numbers(tab: OrdersTab) -> list[str]:
    return [r.number for r in tab.model.rows()]


def _cell(tab: OrdersTab, row: int, column: int) -> str:
    return str(tab.model.index(row, column).data()).replace(NBSP, " ")


# --- from the won dialog ------------------------------------------------------------------------
def test_the_won_dialog_offers_an_order_ticked(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = WonDialog(None, "Стеллажи", D("212000"), date(2026, 11, 16))
    qtbot.addWidget(dlg)
    assert dlg.create_order_check.isChecked() and dlg.answer().create_order is True
    dlg.create_order_check.setChecked(False)
    assert dlg.answer().create_order is False


def test_winning_with_create_order_makes_the_order_from_the_deals_lines(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    sale = make_sale(services, win=False)
    deals = DealsTab(services=services)
    qtbot.addWidget(deals)
    today = date.today()
    # a discount agreed at closing: 212 000 by the lines, won for 200 000
    monkeypatch.setattr(dialogs, "ask_won_details", lambda *_a: WonAnswer(
        closed_on=today, amount=D("200000"), follow_up=False, create_order=True))
    opened: list[int] = []
    monkeypatch.setattr(OrderEditor, "exec", lambda self: opened.append(self.order_id) or 0)
    assert deals.move_deal(sale.deal_id, won_stage(services))
    order_id = services.orders.order_for_deal(sale.deal_id)
    assert order_id is not None
    assert opened == [order_id]  # the new order opens in its editor
    order = services.orders.order(order_id)
    assert [(ln.name, ln.quantity, ln.price, ln.product_id) for ln in order.lines] == [
        ("Стеллаж 2000×1000", D(10), D("12500"), sale.shelf_id),
        ("Полка усиленная", D(40), D("1800"), sale.board_id),
        ("Монтаж", D(1), D("15000"), None)]
    assert order.amount == D("200000.00")  # the deal's final amount, not the lines' sum
    assert (order.client_id, order.deal_id, order.ordered_on) == (
        sale.client_id, sale.deal_id, today)
    assert order.delivery_address == "г. Тверь, ул. Складская, 5"
    tab = _tab(qtbot, services)
    assert _numbers(tab) == [order.number]
    assert _cell(tab, 0, OrderListModel.AMOUNT) == "200 000,00"


def test_winning_without_create_order_makes_no_order(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    sale = make_sale(services, win=False)
    deals = DealsTab(services=services)
    qtbot.addWidget(deals)
    monkeypatch.setattr(dialogs, "ask_won_details", lambda *_a: WonAnswer(
        closed_on=date.today(), amount=D("212000"), follow_up=False, create_order=False))
    monkeypatch.setattr(OrderEditor, "exec", lambda self: pytest.fail("no order to open"))
    assert deals.move_deal(sale.deal_id, won_stage(services))
    assert services.orders.order_for_deal(sale.deal_id) is None


def test_a_second_order_for_the_deal_is_refused_with_a_message(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    from app.views.orders.editor import create_order_from_deal

    sale, order = make_order(services)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, text, _t=None: shown.append(text))
    monkeypatch.setattr(OrderEditor, "exec", lambda self: pytest.fail("nothing to open"))
    deals = DealsTab(services=services)
    qtbot.addWidget(deals)
    assert create_order_from_deal(deals, services, sale.deal_id) is None
    assert len(shown) == 1 and order.number in shown[0]
    assert len(services.orders.list_orders(OrderFilter()).rows) == 1


# --- a shipment and a payment as the list shows them -------------------------------------------
def test_a_partial_shipment_updates_the_shipped_column(  # type: ignore[no-untyped-def]
        qtbot, services: Services) -> None:
    sale, order = make_order(services)
    tab = _tab(qtbot, services)
    assert _cell(tab, 0, OrderListModel.SHIPPED) == "0 %"
    dialog = ShipmentDialog(services=services, order=order)
    qtbot.addWidget(dialog)
    model = dialog.lines_model
    # a new shipment offers what is left of every line
    assert [(ln.name, ln.left, ln.quantity) for ln in model.rows()] == [
        ("Стеллаж 2000×1000", D(10), D(10)), ("Полка усиленная", D(40), D(40)),
        ("Монтаж", D(1), D(1))]
    for row, typed in ((0, "4"), (1, "20"), (2, "0")):
        assert model.setData(model.index(row, model.QTY), typed)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("shipped"))
    dialog.status_combo.activated.emit(dialog.status_combo.currentIndex())
    dialog.carrier_edit.setText("ПЭК")
    assert dialog.save()
    assert dialog.saved is not None and dialog.saved.shipped_on == date.today()
    with qtbot.waitSignal(tab.filled):
        tab.refresh()
    # 24 of the 51 units ordered have left: 47.06 % → 47 %
    expected = (D(100) * (4 + 20) / (10 + 40 + 1)).quantize(D(1), rounding=ROUND_HALF_UP)
    assert _cell(tab, 0, OrderListModel.SHIPPED) == f"{expected} %" == "47 %"
    assert _cell(tab, 0, OrderListModel.STATUS) == "Отгружен частично"
    assert services.catalog.get(sale.shelf_id).stock == D(0)  # 4 in stock, 4 shipped
    assert services.catalog.get(sale.board_id).stock == D(80)


def test_an_overpayment_fills_the_paid_column_and_becomes_the_clients_credit(  # type: ignore[no-untyped-def]
        qtbot, services: Services) -> None:
    sale, order = make_order(services)
    tab = _tab(qtbot, services)
    assert _cell(tab, 0, OrderListModel.PAID) == "0,00"
    dialog = PaymentDialog(services=services, order=order)
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.text().replace(NBSP, " ") == "212 000,00"  # what is owed
    dialog.amount_edit.setText("215 000,50")
    note = dialog.split_label.text().replace(NBSP, " ")
    assert "212 000,00 ₽" in note and "переплата 3 000,50 ₽" in note
    dialog.reference_edit.setText("345")
    assert dialog.save()
    assert dialog.stored is not None
    assert (dialog.stored.allocated, dialog.stored.credit) == (D("212000.00"), D("3000.50"))
    with qtbot.waitSignal(tab.filled):
        tab.refresh()
    assert _cell(tab, 0, OrderListModel.PAID) == "212 000,00"
    assert services.receivables.credit(sale.client_id) == D("3000.50")
    editor = OrderEditor(services=services, order_id=order.id)
    qtbot.addWidget(editor)
    assert "3 000,50 ₽" in editor.credit_label.text().replace(NBSP, " ")
    assert not editor.use_credit_button.isEnabled()  # nothing left to pay on this order


# --- filters ------------------------------------------------------------------------------------
@pytest.fixture
def three_orders(services: Services) -> dict[str, object]:
    """Ромашка's order 40 days ago, unpaid past its due date; Техноснаб's 5 days ago;
    Семенов's today, cancelled."""
    today = date.today()
    _a_sale, a = make_order(services, "ООО «Ромашка»", on=today - timedelta(days=40))
    services.orders.update_order(a.id, OrderDraft(
        ordered_on=a.ordered_on, delivery_address=a.delivery_address, ship_by=None,
        prepayment_pct=D(0), deferred_days=None, payment_due_on=a.ordered_on + timedelta(days=10),
        contract_number="", contract_date=None, notes=""))
    b_sale, b = make_order(services, "АО «Техноснаб»", on=today - timedelta(days=5))
    _c_sale, c = make_order(services, "ИП Семенов", on=today)
    services.orders.cancel_order(c.id)
    return {"a": a.number, "b": b.number, "c": c.number, "b_client": b_sale.client_id,
            "today": today}


def test_the_filters_narrow_the_list(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                     three_orders: dict[str, object]) -> None:
    a, b, c = three_orders["a"], three_orders["b"], three_orders["c"]
    today = three_orders["today"]
    assert isinstance(today, date)
    tab = _tab(qtbot, services)
    assert _numbers(tab) == [c, b, a]  # newest first
    assert "3 заказа" in tab.status.text()
    flag = tab.model.index(2, OrderListModel.FLAG)
    assert flag.data() == "●" and "Просрочена оплата" in flag.data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(1, OrderListModel.FLAG).data() == ""

    tab.status_filter.setCurrentIndex(tab.status_filter.findData("cancelled"))
    _settle(qtbot, tab)
    assert _numbers(tab) == [c]
    tab.reset_filters()
    _settle(qtbot, tab)
    assert _numbers(tab) == [c, b, a]

    client = three_orders["b_client"]
    assert isinstance(client, int)
    tab.filter_by_client(client)
    _settle(qtbot, tab)
    assert _numbers(tab) == [b]
    tab.reset_filters()

    tab.period_filter.setCurrentIndex(tab.period_filter.findData("custom"))
    assert tab.period_start.isVisible() or not tab.isVisible()
    tab.period_start.setDate(tab.period_start.date().fromString(
        (today - timedelta(days=10)).strftime("%d.%m.%Y"), "dd.MM.yyyy"))
    tab.period_end.setDate(tab.period_end.date().fromString(
        (today - timedelta(days=1)).strftime("%d.%m.%Y"), "dd.MM.yyyy"))
    _settle(qtbot, tab)
    assert _numbers(tab) == [b]  # 5 days ago; not 40 days ago, not today
    tab.reset_filters()

    tab.overdue_only.setChecked(True)
    _settle(qtbot, tab)
    assert _numbers(tab) == [a]
    tab.reset_filters()

    tab.search.setText("техно")
    qtbot.waitUntil(lambda: _numbers(tab) == [b])
    tab.search.setText("нет такого")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.empty.isVisibleTo(tab) and "Нет заказов" in tab.empty.text()


def test_an_empty_base_says_where_orders_come_from(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services)
    assert tab.model.rowCount() == 0
    assert "выигранной сделки" in tab.empty.text()
    assert not tab.more_button.isVisibleTo(tab)


def test_ctrl_f_searches_and_enter_opens_the_order(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                   monkeypatch) -> None:
    _sale, order = make_order(services)
    tab = show_active(qtbot, OrdersTab(services=services))
    _settle(qtbot, tab)
    opened: list[int] = []
    monkeypatch.setattr(tab, "open_order", opened.append)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened == [order.id]


def test_the_editor_closing_refreshes_the_list(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                               monkeypatch) -> None:
    _sale, order = make_order(services)
    tab = _tab(qtbot, services)

    def exec_and_cancel(editor: OrderEditor) -> int:
        assert editor.cancel_order()
        editor.close_discarding()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    monkeypatch.setattr(OrderEditor, "exec", exec_and_cancel)
    with qtbot.waitSignal(tab.filled):
        tab.open_order(order.id)
    assert _cell(tab, 0, OrderListModel.STATUS) == "Отменён"


def test_other_tabs_open_an_order_through_the_main_window(  # type: ignore[no-untyped-def]
        main_window, monkeypatch) -> None:
    services = main_window.services
    newest = services.orders.list_orders(OrderFilter(), limit=1).rows[0]
    opened: list[int] = []
    monkeypatch.setattr(OrderEditor, "exec", lambda self: opened.append(self.order_id) or 0)
    main_window.open_item("order", newest.id)
    assert main_window.tab_keys()[main_window.tabs.currentIndex()] == "orders"
    assert opened == [newest.id]


def test_the_deal_editor_shows_the_after_sale_and_creates_the_order(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    from app.views.deals.editor import DealEditor

    sale = make_sale(services)
    opened: list[int] = []
    monkeypatch.setattr(OrderEditor, "exec", lambda self: opened.append(self.order_id) or 0)
    editor = DealEditor(services=services, deal_id=sale.deal_id)
    qtbot.addWidget(editor)
    assert editor.after_sale.isVisibleTo(editor)
    assert editor.after_sale_label.text() == "Заказ по сделке не создан"
    assert editor.after_sale_button.text() == "Создать заказ"
    editor.after_sale_button.click()
    order_id = services.orders.order_for_deal(sale.deal_id)
    assert order_id is not None and opened == [order_id]
    number = services.orders.order(order_id).number
    text = editor.after_sale_label.text().replace(NBSP, " ")
    assert f"заказ № {number}" in text and "отгружено 0 %" in text
    assert "оплачено 0,00 ₽ из 212 000,00 ₽" in text
    assert editor.after_sale_button.text() == "Открыть заказ"
    editor.after_sale_button.click()
    assert opened == [order_id, order_id]
    open_deal = make_sale(services, "АО «Открытая»", win=False)
    other = DealEditor(services=services, deal_id=open_deal.deal_id)
    qtbot.addWidget(other)
    assert not other.after_sale.isVisibleTo(other)  # not won: no after-sale yet


def test_a_late_shipment_is_flagged_in_the_list(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from app.services.orders import ShipmentDraft
    from app.views import style

    _sale, order = make_order(services, on=date.today() - timedelta(days=10))
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={order.lines[0].id: D(2)}, planned_on=date.today() - timedelta(days=2)))
    tab = _tab(qtbot, services)
    flag = tab.model.index(0, OrderListModel.FLAG)
    assert flag.data() == "●"
    assert flag.data(Qt.ItemDataRole.ForegroundRole).name() == style.WARNING
    assert "Опаздывает отгрузка" in flag.data(Qt.ItemDataRole.ToolTipRole)
    assert "Просрочена оплата" not in flag.data(Qt.ItemDataRole.ToolTipRole)
    tab.overdue_only.setChecked(True)  # «просрочено» takes late shipments in too
    _settle(qtbot, tab)
    assert _numbers(tab) == [order.number]
