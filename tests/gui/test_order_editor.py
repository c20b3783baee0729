"""The order editor and its shipment and payment dialogs over real services: messages next
to the fields, «Сохранить изменения?», stored actions and their confirmations."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from app.bootstrap import Services
from app.services.orders import ShipmentDraft
from app.views import dialogs
from app.views.forms import to_qdate
from app.views.orders.editor import OrderEditor
from app.views.orders.fields import read_date
from app.views.orders.model import OrderLinesModel
from app.views.orders.payment_dialog import PaymentDialog
from app.views.orders.shipment_dialog import ShipmentDialog
from tests.gui._activity_helpers import ModalDriver, show_active
from tests.gui._orders_helpers import make_order

D = Decimal
NBSP = "\u00a0"
SCREEN_W, SCREEN_H = 1366, 768


def _editor(qtbot, services: Services, order_id: int) -> OrderEditor:  # type: ignore[no-untyped-def]
    editor = OrderEditor(services=services, order_id=order_id)
    qtbot.addWidget(editor)
    return editor


def _fits(widget: QWidget) -> bool:
    size = widget.size()
    return size.width() <= SCREEN_W and size.height() <= SCREEN_H - 40  # a task bar


def test_a_due_date_before_the_order_date_is_refused_next_to_the_field(  # type: ignore[no-untyped-def]
        qtbot, services: Services) -> None:
    _sale, order = make_order(services, on=date(2026, 11, 2))
    editor = _editor(qtbot, services, order.id)
    editor.due_edit.setDate(to_qdate(date(2026, 11, 1)))
    assert not editor.save(close=False)
    shown = editor.errors.shown()
    assert shown["payment_due_on"] == "Срок оплаты раньше даты заказа"
    assert editor.due_edit.property("invalid") is True
    assert editor.pages.currentIndex() == 0  # the field's page is shown
    assert services.orders.order(order.id).payment_due_on is None  # nothing saved
    editor.due_edit.setDate(to_qdate(date(2026, 11, 20)))
    assert "payment_due_on" not in editor.errors.shown()  # the message goes with the edit
    assert editor.save(close=False)
    assert services.orders.order(order.id).payment_due_on == date(2026, 11, 20)


def test_a_deferral_gives_the_due_date_and_follows_the_order_date(  # type: ignore[no-untyped-def]
        qtbot, services: Services) -> None:
    _sale, order = make_order(services, on=date(2026, 11, 2))
    editor = _editor(qtbot, services, order.id)
    editor.deferred_spin.setValue(14)
    assert "16.11.2026" in editor.due_hint.text()  # 2 + 14 days
    assert editor.save(close=False)
    assert services.orders.order(order.id).payment_due_on == date(2026, 11, 16)
    assert read_date(editor.due_edit) is None  # shown as «по отсрочке», not pinned
    editor.ordered_on_edit.setDate(to_qdate(date(2026, 11, 5)))
    assert editor.save(close=False)
    assert services.orders.order(order.id).payment_due_on == date(2026, 11, 19)


def test_bad_prepayment_is_refused_not_rounded(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _sale, order = make_order(services)
    editor = _editor(qtbot, services, order.id)
    editor.prepayment_edit.setText("треть")
    assert not editor.save(close=False)
    assert "число" in editor.errors.shown()["prepayment_pct"]
    editor.prepayment_edit.setText("33,333")
    assert not editor.save(close=False)
    assert "двух знаков" in editor.errors.shown()["prepayment_pct"]
    assert services.orders.order(order.id).prepayment_pct == D(0)
    editor.prepayment_edit.setText("30")
    assert editor.save(close=False)
    assert services.orders.order(order.id).prepayment_pct == D(30)


def test_closing_with_unsaved_edits_asks_first(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                               monkeypatch) -> None:
    _sale, order = make_order(services)
    editor = show_active(qtbot, OrderEditor(services=services, order_id=order.id))
    asked: list[str] = []
    answers = iter(["cancel", "discard"])

    def ask(_parent, subject=""):  # type: ignore[no-untyped-def]
        asked.append(subject)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    editor.reject()  # nothing typed yet: closes without asking
    assert asked == [] and not editor.isVisible()
    editor = show_active(qtbot, OrderEditor(services=services, order_id=order.id))
    editor.notes_edit.setPlainText("Пропуск на склад заказать заранее")
    editor.reject()
    assert asked == [f"Заказ № {order.number} от {order.ordered_on.strftime('%d.%m.%Y')}"]
    assert editor.isVisible()  # Отмена: the edits stay
    assert editor.notes_edit.toPlainText() == "Пропуск на склад заказать заранее"
    editor.reject()
    assert len(asked) == 2 and not editor.isVisible()
    assert services.orders.order(order.id).notes == ""  # discarded


def test_the_save_answer_stores_the_edits(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                          monkeypatch) -> None:
    _sale, order = make_order(services)
    editor = show_active(qtbot, OrderEditor(services=services, order_id=order.id))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: "save")
    editor.contract_number_edit.setText("15/2026")
    with qtbot.waitSignal(editor.order_changed):
        editor.reject()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert services.orders.order(order.id).contract_number == "15/2026"


def test_lines_show_the_stock_and_edits_are_stored(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    sale, order = make_order(services)
    editor = _editor(qtbot, services, order.id)
    model = editor.lines_model
    shelf = model.index(0, OrderLinesModel.STOCK)
    assert shelf.data().replace(NBSP, " ") == "4 шт"
    assert shelf.data(0x3) is not None  # a tooltip: 10 to ship, 4 in stock
    assert "«Стеллаж 2000×1000»" in editor.stock_label.text()
    assert model.index(2, OrderLinesModel.STOCK).data() == ""  # no product, no stock
    assert model.setData(model.index(0, OrderLinesModel.QTY), "4")
    assert not model.setData(model.index(0, OrderLinesModel.QTY), "много")  # kept
    assert editor.save(close=False)
    stored = services.orders.order(order.id)
    assert [ln.quantity for ln in stored.lines] == [D(4), D(40), D(1)]
    assert stored.stock_warnings == ()  # 4 ordered, 4 in stock
    assert not editor.stock_label.isVisibleTo(editor)
    assert model.setData(model.index(1, OrderLinesModel.QTY), "1,0005")
    assert not editor.save(close=False)  # four decimals refused, not rounded
    assert "lines" in editor.errors.shown()
    assert model.row_errors() and 1 in model.row_errors()
    assert services.orders.order(order.id).lines[1].quantity == D(40)
    assert sale.shelf_id == stored.lines[0].product_id


# --- shipments --------------------------------------------------------------------------------
def test_a_shipment_over_what_is_left_is_refused(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _sale, order = make_order(services)
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={order.lines[0].id: D(6)}, planned_on=date.today()))
    fresh = services.orders.order(order.id)
    dialog = ShipmentDialog(services=services, order=fresh)
    qtbot.addWidget(dialog)
    model = dialog.lines_model
    assert model.rows()[0].left == D(4)  # 10 ordered, 6 in a shipment being prepared
    assert model.setData(model.index(0, model.QTY), "5")
    assert model.index(0, model.QTY).data(0x3) is not None  # the reason as a tooltip
    assert not dialog.save()
    assert "осталось отгрузить 4" in dialog.errors.shown()["lines"].replace(NBSP, " ")
    assert len(services.orders.order(order.id).shipments) == 1  # nothing stored
    for row in range(model.rowCount()):
        model.setData(model.index(row, model.QTY), "0")
    assert not dialog.save()
    assert "хотя бы" in dialog.errors.shown()["lines"]


def test_a_delivery_before_the_shipment_is_refused_next_to_the_field(  # type: ignore[no-untyped-def]
        qtbot, services: Services) -> None:
    _sale, order = make_order(services)
    dialog = ShipmentDialog(services=services, order=order, today=date(2026, 11, 16))
    qtbot.addWidget(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("delivered"))
    dialog.status_combo.activated.emit(dialog.status_combo.currentIndex())
    assert read_date(dialog.shipped_edit) == date(2026, 11, 16)  # filled in for the status
    dialog.delivered_edit.setDate(QDate(2026, 11, 14))
    assert not dialog.save()
    assert dialog.errors.shown()["delivered_on"] == "Доставка раньше отгрузки"
    assert services.orders.order(order.id).shipments == ()
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("problem"))
    dialog.delivered_edit.setDate(QDate(2026, 11, 18))
    assert not dialog.save()
    assert dialog.errors.shown()["problem_note"] == "Опишите проблему"


def test_cancelling_a_shipment_asks_and_gives_the_stock_back(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    sale, order = make_order(services)
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={order.lines[0].id: D(3)}, planned_on=date.today(), status="shipped",
        shipped_on=date.today()))
    assert services.catalog.get(sale.shelf_id).stock == D(1)
    editor = _editor(qtbot, services, order.id)
    editor.shipments_view.selectRow(0)
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: next(answers))
    assert not editor.cancel_shipment()
    assert services.catalog.get(sale.shelf_id).stock == D(1)
    with qtbot.waitSignal(editor.order_changed):
        assert editor.cancel_shipment()
    assert services.catalog.get(sale.shelf_id).stock == D(4)
    assert editor.shipments_model.row(0).status == "cancelled"


# --- payments ---------------------------------------------------------------------------------
def test_a_payment_from_the_editor_shows_the_credit(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    sale, order = make_order(services)
    editor = show_active(qtbot, OrderEditor(services=services, order_id=order.id))
    driver = ModalDriver()

    def pay(dialog: PaymentDialog) -> None:
        dialog.amount_edit.setText("0")
        assert not dialog.save()
        assert dialog.errors.shown()["amount"] == "Сумма должна быть больше нуля"
        dialog.amount_edit.setText("100,555")
        assert not dialog.save()
        assert dialog.errors.shown()["amount"] == "Сумма с точностью до копейки"
        dialog.amount_edit.setText("250000")
        dialog.paid_on_edit.setDate(to_qdate(date.today() - timedelta(days=1)))
        assert dialog.save()

    driver.on_next(PaymentDialog, pay)
    assert editor.add_payment()
    driver.check()
    # 212 000 owed: 38 000 over it is the client's credit
    assert services.receivables.credit(sale.client_id) == D("38000.00")
    note = editor.payment_note.text().replace(NBSP, " ")
    assert "212 000,00 ₽" in note and "38 000,00 ₽" in note
    assert editor.payments_model.rowCount() == 1
    assert editor.payments_model.row(0).amount == D("212000.00")
    assert "0,00 ₽" in editor.progress_label.text().replace(NBSP, " ")


def test_credit_is_used_against_the_next_order(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                               monkeypatch) -> None:
    from app.services.receivables import PaymentDraft

    sale, order = make_order(services)
    services.receivables.register_payment(PaymentDraft(
        client_id=sale.client_id, amount=D("5000"), paid_on=date.today()))  # an advance
    editor = _editor(qtbot, services, order.id)
    assert editor.use_credit_button.isEnabled()
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    assert editor.use_credit()
    assert services.receivables.credit(sale.client_id) == D(0)
    assert services.orders.order(order.id).paid == D("5000.00")
    assert not editor.use_credit_button.isEnabled()


def test_deleting_an_order_asks_and_is_refused_with_payments(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    from app.services.receivables import PaymentDraft

    sale, order = make_order(services)
    services.receivables.register_payment(PaymentDraft(
        client_id=sale.client_id, amount=D("1000"), paid_on=date.today(), order_id=order.id))
    editor = _editor(qtbot, services, order.id)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, text, _t=None: errors.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)
    assert not editor.delete_order()
    assert errors == []
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    assert not editor.delete_order()
    assert len(errors) == 1 and errors[0].startswith("Заказ не удалён.")
    assert services.orders.order(order.id).number == order.number  # still there


def test_every_window_fits_the_small_screen(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _sale, order = make_order(services)
    editor = show_active(qtbot, OrderEditor(services=services, order_id=order.id))
    assert _fits(editor)
    for cls in (ShipmentDialog, PaymentDialog):
        dialog = cls(services=services, order=editor.detail)
        qtbot.addWidget(dialog)
        dialog.show()
        assert _fits(dialog) and dialog.minimumSizeHint().height() <= SCREEN_H - 40


# --- the status and the documents ---------------------------------------------------------------
def test_the_status_menu_sets_a_status(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    _sale, order = make_order(services)
    editor = _editor(qtbot, services, order.id)
    menu = editor.status_menu()
    actions = {a.text(): a for a in menu.actions()}
    assert set(actions) == {"Новый", "Подтверждён", "В сборке", "Закрыт"}
    assert not actions["Новый"].isEnabled()  # the status it has
    with qtbot.waitSignal(editor.order_changed):
        actions["Подтверждён"].trigger()
    assert services.orders.order(order.id).status == "confirmed"
    assert editor.status_badge.text() == "Подтверждён"


def _pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range()
                         for i in range(len(document)))
    finally:
        document.close()


def test_the_invoice_carries_the_terms_and_the_statement_opens(  # type: ignore[no-untyped-def]
        qtbot, services: Services, monkeypatch) -> None:
    from app.views.background import wait_for_all

    _sale, order = make_order(services, on=date(2026, 11, 2))
    editor = _editor(qtbot, services, order.id)
    editor.deferred_spin.setValue(14)
    editor.contract_number_edit.setText("15/2026")
    editor.contract_date_edit.setDate(QDate(2026, 10, 1))
    assert editor.save(close=False)
    note = editor.documents_note.text()
    assert "Оплатить не позднее 16.11.2026" in note and "Договор № 15/2026 от 01.10.2026" in note
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr("app.views.documents.preview.show_pdf",
                        lambda _parent, data, **kw: shown.append((kw["title"], data)))
    editor.open_invoice()
    assert wait_for_all()
    qtbot.waitUntil(lambda: len(shown) == 1)
    number = services.orders.order(order.id).invoice_number
    assert number and editor.invoice_button.text() == f"Счёт № {number}"
    text = _pdf_text(shown[0][1])
    assert "16.11.2026" in text and "15/2026" in text
    editor.open_statement(today=date(2026, 12, 1))
    assert wait_for_all()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[1][0].startswith("Акт сверки") and shown[1][1].startswith(b"%PDF")


def test_the_dialogs_ask_before_typed_values_are_lost(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                      monkeypatch) -> None:
    _sale, order = make_order(services)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_changes",
                        lambda _p, subject="": asked.append(subject) or "cancel")
    for dialog in (ShipmentDialog(services=services, order=order),
                   PaymentDialog(services=services, order=order)):
        show_active(qtbot, dialog)
        dialog.reject()  # untouched: closes
        assert not dialog.isVisible()
    shipment = show_active(qtbot, ShipmentDialog(services=services, order=order))
    shipment.carrier_edit.setText("ПЭК")
    shipment.reject()
    payment = show_active(qtbot, PaymentDialog(services=services, order=order))
    payment.reference_edit.setText("345")
    payment.reject()
    assert len(asked) == 2 and shipment.isVisible() and payment.isVisible()
    shipment.close_discarding()
    payment.close_discarding()
    assert services.orders.order(order.id).shipments == ()
    assert services.orders.order(order.id).payments == ()
