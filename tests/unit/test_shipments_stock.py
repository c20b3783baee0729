"""Shipments and stock: partial shipments and the order's status, over-shipping refused,
the stock journal (shipping out, a cancellation giving stock back, receipts, corrections
with a reason), the journal's balance against products.stock, low stock, bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from app.models import Product, Shipment, ShipmentLine, StockMovement
from app.services.catalog import ProductInput
from app.services.deals import LineInput
from app.services.errors import NotFoundError, ValidationError
from app.services.orders import STOCK_KIND_LABELS, OrderDetail, ShipmentDraft
from tests.unit._orders_helpers import D, client, pay, product, stock_of, won_deal

ON = date(2026, 11, 16)
DAY2 = ON + timedelta(days=2)


def _order(services, *, table_stock: str = "10", chair_stock: str = "20") -> OrderDetail:
    """An order of 2 столa (10 in stock) and 8 стульев (20 in stock)."""
    cid = client(services)
    table = product(services, "T-1", "Стол", "15000", stock=table_stock)
    chair = product(services, "C-1", "Стул", "2500", stock=chair_stock)
    deal_id = won_deal(services, cid, (
        LineInput(name="Стол", quantity=D("2"), price=D("15000"), product_id=table),
        LineInput(name="Стул", quantity=D("8"), price=D("2500"), product_id=chair),
    ), final="50000")
    return services.orders.create_from_deal(deal_id, on=ON)


def _ship(services, order: OrderDetail, quantities: tuple[str, str], *,
          status: str = "shipped", on: date = DAY2, **kw):
    table_line, chair_line = order.lines
    lines = {line.id: D(q) for line, q in zip((table_line, chair_line), quantities, strict=True)
             if q != "0"}
    return services.orders.add_shipment(order.id, ShipmentDraft(
        lines=lines, planned_on=on, status=status,
        shipped_on=on if status in ("shipped", "in_transit", "delivered") else None, **kw))


def _movements(services) -> int:
    with services.uow_factory(read_only=True) as uow:
        return uow.session.scalar(select(func.count(StockMovement.id))) or 0


# --- shipments ------------------------------------------------------------------------------

def test_partial_shipments_move_the_order_to_partly_shipped_then_shipped(services) -> None:
    order = _order(services)
    table, chair = (ln.product_id for ln in order.lines)
    first = _ship(services, order, ("1", "8"), carrier="ПЭК", tracking_number="12-345",
                  upd_number="УПД-7", planned_delivery_on=DAY2 + timedelta(days=1))
    assert first.status == "shipped" and first.status_label == "Отгружена" and first.left
    assert [(ln.name, ln.quantity) for ln in first.lines] == [("Стол", D("1")),
                                                              ("Стул", D("8"))]
    assert (first.carrier, first.tracking_number, first.upd_number) == (
        "ПЭК", "12-345", "УПД-7")
    after_first = services.orders.order(order.id, today=DAY2)
    assert after_first.status == "partly_shipped"
    assert after_first.shipped_pct == 90  # 9 of 10 pieces
    assert [(ln.shipped, ln.dispatched) for ln in after_first.lines] == [
        (D("1"), D("1")), (D("8"), D("8"))]
    assert stock_of(services, table) == (D("9"), D("9"))
    assert stock_of(services, chair) == (D("12"), D("12"))
    _ship(services, order, ("1", "0"), on=DAY2 + timedelta(days=3))
    done = services.orders.order(order.id, today=DAY2)
    assert done.status == "shipped" and done.status_label == "Отгружен"
    assert done.shipped_pct == 100
    assert stock_of(services, table) == (D("8"), D("8"))


def test_shipping_more_than_ordered_is_refused_and_nothing_is_saved(services) -> None:
    order = _order(services)
    table_line, chair_line = order.lines
    _ship(services, order, ("0", "5"), status="preparing")
    before = _movements(services)
    with pytest.raises(ValidationError) as err:
        _ship(services, order, ("3", "4"))
    assert err.value.errors == {
        f"lines.{table_line.id}": "Отгружается больше, чем заказано: «Стол» — заказано "
                                  "2\u00a0шт, в других отгрузках 0\u00a0шт, в этой 3\u00a0шт",
        f"lines.{chair_line.id}": "Отгружается больше, чем заказано: «Стул» — заказано "
                                  "8\u00a0шт, в других отгрузках 5\u00a0шт, в этой 4\u00a0шт"}
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Shipment.id))) == 1
        assert uow.session.scalar(select(func.count(ShipmentLine.id))) == 1
    assert _movements(services) == before
    assert stock_of(services, table_line.product_id)[0] == D("10")
    # exactly what is left is fine
    _ship(services, order, ("2", "3"))


def test_a_shipment_refers_only_to_its_orders_lines(services) -> None:
    order = _order(services)
    with pytest.raises(ValidationError) as err:
        services.orders.add_shipment(order.id, ShipmentDraft(lines={99999: D("1")},
                                                             planned_on=ON))
    assert err.value.errors == {"lines.99999": "Этой строки нет в заказе"}
    with pytest.raises(NotFoundError):
        services.orders.add_shipment(99999, ShipmentDraft(lines={1: D("1")}, planned_on=ON))


def test_bad_shipment_dates_and_statuses_are_refused(services) -> None:
    order = _order(services)
    line = order.lines[0].id
    cases = [
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, status="delivered", shipped_on=DAY2,
                       delivered_on=DAY2 - timedelta(days=1)),
         {"delivered_on": "Доставка раньше отгрузки"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, status="shipped"),
         {"shipped_on": "Укажите дату отгрузки"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, status="delivered", shipped_on=ON),
         {"delivered_on": "Укажите дату доставки"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, status="problem"),
         {"problem_note": "Опишите проблему"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, status="cancelled"),
         {"status": "Неизвестный статус отгрузки"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON,
                       planned_delivery_on=ON - timedelta(days=1)),
         {"planned_delivery_on": "Плановая доставка раньше плановой отгрузки"}),
        (ShipmentDraft(lines={}, planned_on=ON), {"lines": "Выберите, что отгружается"}),
        (ShipmentDraft(lines={line: D("0.0005")}, planned_on=ON),
         {f"lines.{line}": "Количество — не больше трёх знаков после запятой"}),
        (ShipmentDraft(lines={line: D("-1")}, planned_on=ON),
         {f"lines.{line}": "Количество должно быть больше нуля"}),
        (ShipmentDraft(lines={line: D("1")}, planned_on=ON, upd_number="У" * 31),
         {"upd_number": "Не длиннее 30 знаков"}),
    ]
    for draft, errors in cases:
        with pytest.raises(ValidationError) as err:
            services.orders.add_shipment(order.id, draft)
        assert err.value.errors == errors, draft
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Shipment.id))) == 0
    # delivered the day it left is fine
    row = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={line: D("1")}, planned_on=ON, status="delivered", shipped_on=ON,
        delivered_on=ON))
    assert row.status_label == "Доставлена" and not row.late_delivery


def test_a_cancelled_order_takes_no_shipment(services) -> None:
    order = _order(services)
    services.orders.cancel_order(order.id)
    with pytest.raises(ValidationError) as err:
        _ship(services, order, ("1", "0"))
    assert err.value.errors == {"order": "Заказ отменён: отгрузка невозможна"}


def test_a_shipment_that_left_keeps_its_lines_but_its_dates_and_documents_change(
        services) -> None:
    order = _order(services)
    table_line, chair_line = order.lines
    shipment = _ship(services, order, ("1", "2"))
    with pytest.raises(ValidationError) as err:
        services.orders.update_shipment(shipment.id, ShipmentDraft(
            lines={table_line.id: D("2"), chair_line.id: D("2")}, planned_on=DAY2,
            status="shipped", shipped_on=DAY2))
    assert err.value.errors == {"lines": "Отгрузка уже ушла со склада: её строки не меняются "
                                         "— отмените её и создайте новую"}
    moved = _movements(services)
    row = services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("1"), chair_line.id: D("2")}, planned_on=DAY2,
        status="delivered", shipped_on=DAY2, delivered_on=DAY2 + timedelta(days=2),
        waybill_number="ТН-5", invoice_number="СФ-5"))
    assert (row.status, row.delivered_on, row.waybill_number, row.invoice_number) == (
        "delivered", DAY2 + timedelta(days=2), "ТН-5", "СФ-5")
    assert _movements(services) == moved  # the stock left once
    assert stock_of(services, table_line.product_id) == (D("9"), D("9"))


def test_a_prepared_shipment_changes_its_lines_and_leaves_when_shipped(services) -> None:
    order = _order(services)
    table_line, chair_line = order.lines
    shipment = _ship(services, order, ("1", "0"), status="preparing")
    assert not shipment.left and _movements(services) == 0  # nothing left the warehouse
    assert services.orders.order(order.id).status == "new"
    services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("4")}, planned_on=DAY2))
    row = services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("4")}, planned_on=DAY2,
        status="shipped", shipped_on=DAY2 + timedelta(days=1)))
    assert row.left
    assert stock_of(services, table_line.product_id) == (D("8"), D("8"))
    assert stock_of(services, chair_line.product_id) == (D("16"), D("16"))
    journal = services.orders.stock_journal(chair_line.product_id)
    assert [(m.kind, m.quantity, m.balance, m.moved_on, m.order_number) for m in journal] == [
        ("shipment", D("-4"), D("16"), DAY2 + timedelta(days=1), order.number),
        ("opening", D("20"), D("20"), DAY2 + timedelta(days=1), "")]
    # set back to preparing: the stock comes back
    services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("4")}, planned_on=DAY2))
    assert stock_of(services, chair_line.product_id) == (D("20"), D("20"))
    assert services.orders.order(order.id).status == "picking"


# --- stock ----------------------------------------------------------------------------------

def test_cancelling_a_shipment_gives_its_stock_back_through_the_journal(services) -> None:
    order = _order(services)
    table_line, chair_line = order.lines
    shipment = _ship(services, order, ("2", "5"))
    assert services.orders.order(order.id).status == "partly_shipped"
    cancelled = services.orders.cancel_shipment(shipment.id)
    assert cancelled.status == "cancelled" and not cancelled.left
    journal = services.orders.stock_journal(chair_line.product_id)
    # newest first: the cancellation, the shipment, the opening balance
    assert [(m.kind, m.quantity, m.balance, m.shipment_id) for m in journal] == [
        ("shipment_cancel", D("5"), D("20"), shipment.id),
        ("shipment", D("-5"), D("15"), shipment.id),
        ("opening", D("20"), D("20"), None)]
    assert journal[0].kind_label == STOCK_KIND_LABELS["shipment_cancel"] == "Отмена отгрузки"
    for product_id, expected in ((table_line.product_id, D("10")),
                                 (chair_line.product_id, D("20"))):
        assert stock_of(services, product_id) == (expected, expected)
    detail = services.orders.order(order.id)
    assert detail.status == "confirmed" and detail.shipped_pct == 0
    assert [ln.shipped for ln in detail.lines] == [D("0"), D("0")]
    # a second cancel changes nothing; the cancelled shipment no longer counts
    services.orders.cancel_shipment(shipment.id)
    assert stock_of(services, chair_line.product_id) == (D("20"), D("20"))
    _ship(services, order, ("2", "8"))
    assert services.orders.order(order.id).status == "shipped"
    with pytest.raises(ValidationError) as err:
        services.orders.update_shipment(shipment.id, ShipmentDraft(
            lines={table_line.id: D("1")}, planned_on=DAY2))
    assert err.value.errors == {"status": "Отгрузка отменена: изменить её нельзя"}


def test_ordering_more_than_in_stock_warns_and_is_allowed(services) -> None:
    order = _order(services, table_stock="1", chair_stock="8")
    assert order.stock_warnings == ("«Стол»: заказано 2\u00a0шт, на складе 1\u00a0шт",)
    # shipping takes the stock below zero (the warehouse knew better); the list shows it
    _ship(services, order, ("2", "0"))
    table = order.lines[0].product_id
    assert stock_of(services, table) == (D("-1"), D("-1"))
    assert [row.name for row in services.orders.low_stock()] == ["Стол"]
    detail = services.orders.order(order.id)
    assert detail.stock_warnings == ()  # the table has all left; 8 стульев are in stock
    assert detail.lines[0].in_stock == D("-1")


def test_low_stock_lists_products_at_or_below_their_threshold(services) -> None:
    at = product(services, "A", "Клей", "10", stock="5", min_stock="5")
    product(services, "B", "Лента", "10", stock="6", min_stock="5")
    under = product(services, "C", "Скоба", "10", stock="1.5", min_stock="10", unit="кг")
    product(services, "D", "Папка", "10", stock="0", min_stock="0")  # no threshold
    product(services, "E", "Архив", "10", stock="0", min_stock="3", archived=True)
    rows = services.orders.low_stock()
    # the largest shortage first
    assert [(r.product_id, r.sku, r.name, r.unit, r.stock, r.min_stock) for r in rows] == [
        (under, "C", "Скоба", "кг", D("1.5"), D("10")), (at, "A", "Клей", "шт", D("5"), D("5"))]
    services.orders.receive_stock(at, D("0.001"), on=ON)
    assert [r.name for r in services.orders.low_stock()] == ["Скоба"]


def test_corrections_need_a_reason_and_exact_quantities(services) -> None:
    glue = product(services, "G", "Клей", "10", stock="7")
    for delta, reason, errors in (
            (D("-2"), "  ", {"reason": "Укажите причину корректировки"}),
            (D("0"), "Пересчёт", {"delta": "Укажите, на сколько изменить остаток"}),
            (D("1.0005"), "Пересчёт",
             {"delta": "Количество — не больше трёх знаков после запятой"})):
        with pytest.raises(ValidationError) as err:
            services.orders.correct_stock(glue, delta, reason, on=ON)
        assert err.value.errors == errors
    with pytest.raises(ValidationError) as err:
        services.orders.correct_stock(glue, D("-7.001"), "Списание", on=ON)
    assert err.value.errors == {
        "delta": "Остаток не может стать отрицательным: на складе 7\u00a0шт"}
    assert _movements(services) == 0 and stock_of(services, glue) == (D("7"), D("0"))
    assert services.orders.correct_stock(glue, D("-2.25"), " Пересчёт склада ", on=ON) == (
        D("4.75"))
    assert services.orders.receive_stock(glue, D("10"), on=ON + timedelta(days=1),
                                         reason="Поставка № 8") == D("14.75")
    journal = services.orders.stock_journal(glue)
    assert [(m.kind, m.quantity, m.reason, m.balance) for m in journal] == [
        ("receipt", D("10"), "Поставка № 8", D("14.75")),
        ("correction", D("-2.25"), "Пересчёт склада", D("4.75")),
        ("opening", D("7"), "", D("7"))]
    assert stock_of(services, glue) == (D("14.75"), D("14.75"))
    for bad in (D("0"), D("-1"), D("0.0001")):
        with pytest.raises(ValidationError) as err:
            services.orders.receive_stock(glue, bad, on=ON)
        assert list(err.value.errors) == ["quantity"]
    with pytest.raises(NotFoundError):
        services.orders.correct_stock(99999, D("1"), "Пересчёт", on=ON)


def test_a_stock_set_in_the_catalog_is_taken_into_the_journal(services) -> None:
    glue = product(services, "G", "Клей", "10", stock="7")
    services.orders.receive_stock(glue, D("3"), on=ON)
    # the catalog's product form sets the number itself
    services.catalog.save(ProductInput(sku="G", name="Клей", price=D("10"), stock=D("12")),
                          glue)
    services.orders.receive_stock(glue, D("1"), on=ON + timedelta(days=1))
    journal = services.orders.stock_journal(glue)
    # the catalog writes its change as a correction in the journal itself (the product's
    # first stock as its opening entry), each dated the day it was entered
    assert sorted((m.kind, m.quantity, m.reason) for m in journal) == [
        ("correction", D("2"), "Остаток изменён в карточке товара"),
        ("opening", D("7"), ""),
        ("receipt", D("1"), ""),
        ("receipt", D("3"), "")]
    assert stock_of(services, glue) == (D("13"), D("13"))
    # a stock written around the journal (as an import or an old version did) is still
    # taken in as a correction before the next movement
    with services.uow_factory() as uow:
        uow.session.execute(text("UPDATE products SET stock = 15000 WHERE id = :id"),
                            {"id": glue})
        uow.commit()
    services.orders.receive_stock(glue, D("1"), on=ON + timedelta(days=2))
    journal = services.orders.stock_journal(glue)
    assert ("correction", D("2"), "Остаток, изменённый вне журнала") in [
        (m.kind, m.quantity, m.reason) for m in journal]
    assert stock_of(services, glue) == (D("16"), D("16"))


def test_the_journal_and_the_stock_agree_after_every_kind_of_change(services) -> None:
    order = _order(services)
    table_line, chair_line = order.lines
    a = _ship(services, order, ("1", "3"))
    b = _ship(services, order, ("1", "0"), status="in_transit")
    services.orders.cancel_shipment(a.id)
    services.orders.correct_stock(chair_line.product_id, D("-1"), "Брак", on=DAY2)
    services.orders.receive_stock(table_line.product_id, D("5"), on=DAY2)
    c = _ship(services, order, ("1", "8"), status="delivered", delivered_on=DAY2)
    # by hand: стол 10 − 1 − 1 + 1 + 5 − 1 = 13; стул 20 − 3 + 3 − 1 − 8 = 11
    assert stock_of(services, table_line.product_id) == (D("13"), D("13"))
    assert stock_of(services, chair_line.product_id) == (D("11"), D("11"))
    with services.uow_factory(read_only=True) as uow:
        rows = uow.session.execute(select(Product.id, Product.stock)).all()
        for product_id, stock in rows:
            total = uow.session.scalar(select(func.sum(StockMovement.quantity))
                                       .where(StockMovement.product_id == product_id))
            assert stock == total
    detail = services.orders.order(order.id)
    assert detail.status == "shipped" and {sh.id for sh in detail.shipments} == {
        a.id, b.id, c.id}


def test_payments_and_shipments_on_the_order_card(services) -> None:
    order = _order(services)
    pay(services, order.id, order.client_id, "20000", ON)
    pay(services, order.id, order.client_id, "5000.50", DAY2)
    detail = services.orders.order(order.id)
    assert [(p.paid_on, p.amount, p.reference) for p in detail.payments] == [
        (ON, D("20000"), "п/п 1"), (DAY2, D("5000.50"), "п/п 1")]
    assert (detail.paid, detail.outstanding) == (D("25000.50"), D("24999.50"))


def test_the_catalog_refuses_more_decimals_than_stored(services) -> None:
    from app.services.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        services.catalog.save(ProductInput(
            sku="P", name="Плёнка", price=D("10.005"), floor_price=D("9.001"),
            max_discount=D("5.555"), stock=D("1.0005"), min_stock=D("0.0001")))
    assert set(err.value.errors) == {"price", "floor_price", "max_discount", "stock",
                                     "min_stock"}
    with services.uow_factory() as uow:
        assert uow.session.scalar(select(func.count()).select_from(text("products"))) == 0
