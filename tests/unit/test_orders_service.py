"""Orders service: orders from won deals (lines, the final amount, the КП's lines, one
number series), editing and its refusals, payment terms, statuses, cancel and delete,
the Orders tab's list (filters, paging, late flags at their boundary days), the after-sale."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from app.models import Order, OrderLine, Payment
from app.services.deals import DealInput, LineInput
from app.services.errors import NotFoundError, ValidationError
from app.services.orders import (
    ORDER_STATUS_LABELS,
    OrderDetail,
    OrderDraft,
    OrderFilter,
    OrderLineDraft,
    ShipmentDraft,
)
from tests.unit._orders_helpers import NOW, D, client, deal, pay, product, win, won_deal

ON = date(2026, 11, 16)


def _furniture(services, cid: int, final: str = "45000") -> tuple[int, int, int]:
    """A won deal: 2 столa at 15 000 less 10 % (27 000) and 8 стульев at 2 500 (20 000),
    47 000 in lines, won for `final` (a discount agreed at closing)."""
    table = product(services, "T-1", "Стол", "15000", stock="10")
    chair = product(services, "C-1", "Стул", "2500", stock="20")
    deal_id = won_deal(services, cid, (
        LineInput(name="Стол", quantity=D("2"), price=D("15000"), discount=D("10"),
                  product_id=table),
        LineInput(name="Стул", quantity=D("8"), price=D("2500"), product_id=chair),
    ), final=final)
    return deal_id, table, chair


def _draft(order: OrderDetail, **changes) -> OrderDraft:
    """The order's header as the editor would send it back, with `changes`."""
    base = OrderDraft(ordered_on=order.ordered_on, delivery_address=order.delivery_address,
                      ship_by=order.ship_by, prepayment_pct=order.prepayment_pct,
                      deferred_days=order.deferred_days, payment_due_on=order.payment_due_on,
                      contract_number=order.contract_number,
                      contract_date=order.contract_date, notes=order.notes)
    return replace(base, **changes)


def _line_drafts(order: OrderDetail) -> list[OrderLineDraft]:
    return [OrderLineDraft(product_id=ln.product_id, name=ln.name, unit=ln.unit,
                           quantity=ln.quantity, price=ln.price, discount=ln.discount,
                           vat_kind=ln.vat_kind, id=ln.id) for ln in order.lines]


# --- creating an order from a deal -------------------------------------------------------

def test_order_from_a_won_deal_copies_the_lines_and_takes_the_final_amount(services) -> None:
    cid = client(services)
    deal_id, table, chair = _furniture(services, cid, final="45000")
    order = services.orders.create_from_deal(deal_id, on=ON)
    assert order.number == "З-2026-00001"
    assert order.ordered_on == ON and order.status == "new"
    assert order.status_label == ORDER_STATUS_LABELS["new"] == "Новый"
    assert order.client_id == cid and order.deal_id == deal_id
    assert order.client_name == "ООО «Ромашка»" and order.deal_title == "Поставка мебели"
    assert order.delivery_address == "г. Тверь, ул. Склада, 5"  # the postal address
    # the closing discount of 2 000: the lines stay as agreed, the amount is the deal's
    assert order.amount == D("45000.00") and order.lines_total == D("47000.00")
    assert [(ln.position, ln.name, ln.quantity, ln.price, ln.discount, ln.total, ln.product_id)
            for ln in order.lines] == [
        (0, "Стол", D("2"), D("15000"), D("10"), D("27000.00"), table),
        (1, "Стул", D("8"), D("2500"), D("0"), D("20000.00"), chair)]
    assert [ln.in_stock for ln in order.lines] == [D("10"), D("20")]
    assert order.stock_warnings == ()
    assert order.paid == D("0") and order.outstanding == D("45000.00")
    assert order.payment_due_on is None and order.shipped_pct == 0
    assert services.orders.order_for_deal(deal_id) == order.id


def test_a_deal_without_lines_gets_one_line_of_its_amount(services) -> None:
    cid = client(services, postal="", legal="г. Москва, ул. Тверская, 1")
    deal_id = won_deal(services, cid, title="Монтаж стеллажей", manual="12345.67",
                       final="12345.67")
    order = services.orders.create_from_deal(deal_id, on=ON)
    assert [(ln.name, ln.unit, ln.quantity, ln.price, ln.total, ln.product_id)
            for ln in order.lines] == [
        ("Монтаж стеллажей", "шт", D("1"), D("12345.67"), D("12345.67"), None)]
    assert order.amount == D("12345.67")
    assert order.delivery_address == "г. Москва, ул. Тверская, 1"  # no postal: the legal one


def test_the_latest_offer_gives_the_lines_when_it_adds_up_to_the_deal(services) -> None:
    cid = client(services)
    lamp = product(services, "L-1", "Лампа", "100")
    lines = (LineInput(name="Лампа", quantity=D("2"), price=D("100"), product_id=lamp),)
    deal_id = deal(services, cid, lines)
    services.documents.issue_offer(deal_id, on=date(2026, 10, 20))  # 2 × 100 = 200
    win(services, deal_id, "200")
    # after the КП the deal's lines were changed (the amount of a won deal stays 200)
    services.deals.save_deal(DealInput(client_id=cid, title="Поставка мебели", lines=(
        LineInput(name="Лампа", quantity=D("3"), price=D("100"), product_id=lamp),)), deal_id,
        now=NOW)
    order = services.orders.create_from_deal(deal_id, on=ON)
    assert [(ln.name, ln.quantity, ln.price, ln.product_id) for ln in order.lines] == [
        ("Лампа", D("2"), D("100"), lamp)]
    assert order.amount == D("200.00")


def test_an_offer_that_does_not_add_up_is_passed_over(services) -> None:
    cid = client(services)
    lines = (LineInput(name="Лампа", quantity=D("2"), price=D("100")),)
    deal_id = deal(services, cid, lines)
    services.documents.issue_offer(deal_id, on=date(2026, 10, 20))  # 200
    services.deals.save_deal(DealInput(client_id=cid, title="Поставка мебели", lines=(
        LineInput(name="Лампа", quantity=D("3"), price=D("100")),)), deal_id, now=NOW)
    win(services, deal_id, "290")  # 300 in lines less 10 at closing; the КП said 200
    order = services.orders.create_from_deal(deal_id, on=ON)
    assert [(ln.quantity, ln.total) for ln in order.lines] == [(D("3"), D("300.00"))]
    assert order.amount == D("290.00")


def test_numbers_are_one_series_never_reused_and_follow_the_prefix(services) -> None:
    cid = client(services)
    deals = [won_deal(services, cid, title=f"Сделка {i}", manual="100", final="100")
             for i in range(4)]
    first = services.orders.create_from_deal(deals[0], on=ON)
    assert first.number == "З-2026-00001"
    services.orders.delete_order(first.id)
    second = services.orders.create_from_deal(deals[1], on=ON)
    assert second.number == "З-2026-00002"  # 00001 is gone for good
    # an order numbered elsewhere (imported, the demo data) moves the series past it
    with services.uow_factory() as uow:
        uow.session.add(Order(number="З-2026-00041", client_id=cid, ordered_on=ON,
                              amount=D("1"), status="new"))
        uow.commit()
    assert services.orders.create_from_deal(deals[2], on=ON).number == "З-2026-00042"
    services.settings.set("order_number_prefix", "ЗК")
    assert services.orders.create_from_deal(deals[3], on=ON).number == "ЗК-2026-00043"


def test_a_new_year_starts_the_series_again(services) -> None:
    cid = client(services)
    a = won_deal(services, cid, title="А", manual="100", final="100")
    b = won_deal(services, cid, title="Б", manual="100", final="100")
    assert services.orders.create_from_deal(a, on=date(2026, 12, 31)).number == "З-2026-00001"
    assert services.orders.create_from_deal(b, on=date(2027, 1, 1)).number == "З-2027-00001"


def test_only_a_won_deal_gets_an_order_and_only_one_at_a_time(services) -> None:
    cid = client(services)
    open_deal = deal(services, cid, manual="500")
    with pytest.raises(ValidationError) as err:
        services.orders.create_from_deal(open_deal, on=ON)
    assert err.value.errors == {"deal": "Заказ создаётся по выигранной сделке"}
    with pytest.raises(NotFoundError):
        services.orders.create_from_deal(99999, on=ON)
    win(services, open_deal, "500")
    first = services.orders.create_from_deal(open_deal, on=ON)
    with pytest.raises(ValidationError) as err:
        services.orders.create_from_deal(open_deal, on=ON)
    assert err.value.errors == {"deal": f"По сделке уже есть заказ № {first.number}"}
    services.orders.cancel_order(first.id)
    again = services.orders.create_from_deal(open_deal, on=ON)  # the cancelled one is history
    assert again.number == "З-2026-00002"
    assert services.orders.order_for_deal(open_deal) == again.id
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Order.id))) == 2


# --- editing --------------------------------------------------------------------------------

def test_payment_terms_give_the_due_date(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    saved = services.orders.update_order(order.id, _draft(
        order, deferred_days=30, prepayment_pct=D("30.5"), contract_number=" Д-17 ",
        contract_date=date(2026, 1, 15), ship_by=date(2026, 11, 25)))
    assert saved.payment_due_on == date(2026, 12, 16)  # 16 November + 30 days
    assert saved.prepayment_pct == D("30.5") and saved.deferred_days == 30
    assert saved.contract_number == "Д-17" and saved.contract_date == date(2026, 1, 15)
    assert saved.ship_by == date(2026, 11, 25)
    # a date set wins over the deferral; without both there is none
    saved = services.orders.update_order(order.id, _draft(
        saved, payment_due_on=date(2026, 12, 1)))
    assert saved.payment_due_on == date(2026, 12, 1)
    saved = services.orders.update_order(order.id, _draft(
        saved, deferred_days=None, payment_due_on=None))
    assert saved.payment_due_on is None
    # the due date on the order day itself is allowed
    saved = services.orders.update_order(order.id, _draft(saved, payment_due_on=ON))
    assert saved.payment_due_on == ON


def test_bad_header_values_are_refused_next_to_their_fields(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    cases = [
        ({"payment_due_on": ON - timedelta(days=1)}, "payment_due_on",
         "Срок оплаты раньше даты заказа"),
        ({"prepayment_pct": D("10.555")}, "prepayment_pct",
         "Предоплата — не больше двух знаков после запятой"),
        ({"prepayment_pct": D("100.01")}, "prepayment_pct", "Предоплата должна быть от 0 до 100 %"),
        ({"deferred_days": -1}, "deferred_days", "Отсрочка — целое число дней от 0 до 3650"),
        ({"ship_by": ON - timedelta(days=1)}, "ship_by", "Дата отгрузки раньше даты заказа"),
        ({"contract_number": "Д" * 51}, "contract_number", "Номер договора не длиннее 50 знаков"),
        ({"amount": D("10.001")}, "amount", "Сумма — с точностью до копейки"),
    ]
    for changes, field, message in cases:
        with pytest.raises(ValidationError) as err:
            services.orders.update_order(order.id, _draft(order, **changes))
        assert err.value.errors == {field: message}, changes
    assert services.orders.order(order.id) == order  # nothing was saved


def test_lines_with_too_many_decimals_are_refused_not_rounded(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    lines = _line_drafts(order)
    bad = (replace(lines[0], quantity=D("1.0005")), replace(lines[1], price=D("2500.005"),
                                                           discount=D("5.555")))
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, lines=bad))
    assert err.value.errors == {
        "lines.0.quantity": "Строка 1: Количество — не больше трёх знаков после запятой",
        "lines.1.price": "Строка 2: Цена — с точностью до копейки",
        "lines.1.discount": "Строка 2: Скидка — не больше двух знаков после запятой"}
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, lines=(
            replace(lines[0], quantity=D("0")), replace(lines[1], name=" "))))
    assert err.value.errors == {
        "lines.0.quantity": "Строка 1: Количество должно быть больше нуля",
        "lines.1.name": "Строка 2: Укажите наименование"}
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, lines=()))
    assert err.value.errors == {"lines": "В заказе должна быть хотя бы одна строка"}
    assert services.orders.order(order.id) == order


def test_edited_lines_keep_the_closing_discount(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid, final="45000")
    order = services.orders.create_from_deal(deal_id, on=ON)
    lines = _line_drafts(order)
    # 10 стульев instead of 8: +5 000 in lines, the 2 000 agreed at closing stays off
    saved = services.orders.update_order(order.id, _draft(order, lines=(
        lines[0], replace(lines[1], quantity=D("10")),
        OrderLineDraft(product_id=None, name="Доставка", unit="усл", quantity=D("1"),
                       price=D("1500")))))
    assert [(ln.name, ln.quantity, ln.total) for ln in saved.lines] == [
        ("Стол", D("2"), D("27000.00")), ("Стул", D("10"), D("20000.00") + D("5000")),
        ("Доставка", D("1"), D("1500.00"))]
    assert saved.lines_total == D("53500.00") and saved.amount == D("51500.00")
    # a line dropped goes; an amount set by hand wins
    saved = services.orders.update_order(order.id, _draft(
        saved, lines=tuple(_line_drafts(saved)[:2]), amount=D("49999.99")))
    assert [ln.name for ln in saved.lines] == ["Стол", "Стул"]
    assert saved.amount == D("49999.99")
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(OrderLine.id))) == 2


def test_lines_never_go_below_what_is_in_shipments(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    table_line, chair_line = order.lines
    # a shipment being prepared holds 5 стульев: the line may not go under 5, nor go
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={chair_line.id: D("5")}, planned_on=ON + timedelta(days=2)))
    lines = _line_drafts(services.orders.order(order.id))
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, lines=(
            lines[0], replace(lines[1], quantity=D("4")))))
    assert err.value.errors == {
        "lines.1.quantity": "Строка 2: в отгрузках уже 5\u00a0шт — меньше нельзя"}
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, lines=(lines[0],)))
    assert err.value.errors == {"lines": "Строку «Стул» нельзя удалить: она есть в отгрузке"}
    # 5 is fine
    saved = services.orders.update_order(order.id, _draft(order, lines=(
        lines[0], replace(lines[1], quantity=D("5")))))
    assert saved.lines[1].quantity == D("5") and saved.lines[1].shipped == D("5")
    # once goods have left the lines are fixed; the header is still edited
    shipment = saved.shipments[0]
    services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={chair_line.id: D("5")}, planned_on=shipment.planned_on, status="shipped",
        shipped_on=ON + timedelta(days=2)))
    shipped = services.orders.order(order.id)
    assert shipped.status == "partly_shipped" and not shipped.lines_editable
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(shipped, lines=(
            replace(lines[0], quantity=D("3")), replace(lines[1], quantity=D("5")))))
    assert err.value.errors == {
        "lines": "Строки меняются, пока заказ новый, подтверждён или в сборке"}
    assert services.orders.update_order(order.id, _draft(
        shipped, notes="Позвонить перед доставкой",
        lines=tuple(_line_drafts(shipped)))).notes == "Позвонить перед доставкой"
    assert table_line.id == shipped.lines[0].id


def test_the_amount_never_goes_below_what_was_paid(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    pay(services, order.id, cid, "600", ON)
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(order, amount=D("599.99")))
    assert err.value.errors == {
        "amount": "По заказу оплачено 600,00\u00a0₽: сумма не может быть меньше"}
    saved = services.orders.update_order(order.id, _draft(order, amount=D("600")))
    assert (saved.amount, saved.paid, saved.outstanding) == (D("600"), D("600"), D("0"))


# --- statuses, cancel, delete ---------------------------------------------------------------

def test_manual_statuses_and_the_ones_that_follow_shipments(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    assert services.orders.set_status(order.id, "confirmed").status == "confirmed"
    assert services.orders.set_status(order.id, "picking").status_label == "В сборке"
    for status, message in (("shipped", "Этот статус ставится по отгрузкам"),
                            ("lost", "Неизвестный статус")):
        with pytest.raises(ValidationError) as err:
            services.orders.set_status(order.id, status)
        assert err.value.errors == {"status": message}
    line = order.lines[0]
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={line.id: D("1")}, planned_on=ON, status="delivered", shipped_on=ON,
        delivered_on=ON + timedelta(days=1)))
    assert services.orders.order(order.id).status == "shipped"
    with pytest.raises(ValidationError) as err:
        services.orders.set_status(order.id, "new")
    assert err.value.errors == {
        "status": "Товар уже отгружается: статус следует за отгрузками"}
    assert services.orders.set_status(order.id, "closed").status == "closed"
    # reopened: what its shipments say
    assert services.orders.set_status(order.id, "confirmed").status == "shipped"


def test_cancel_and_delete_are_refused_with_payments(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    pay(services, order.id, cid, "250.50", ON)
    with pytest.raises(ValidationError) as err:
        services.orders.cancel_order(order.id)
    assert err.value.errors == {"payments": "По заказу есть оплаты на 250,50\u00a0₽: отменить "
                                            "его нельзя, сначала удалите или перенесите оплаты"}
    with pytest.raises(ValidationError) as err:
        services.orders.delete_order(order.id)
    assert err.value.errors == {
        "payments": "По заказу есть оплаты на 250,50\u00a0₽: удалить его нельзя"}
    assert services.orders.order(order.id).status == "new"


def test_cancel_is_refused_after_goods_left_and_takes_prepared_shipments_along(
        services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    table_line, chair_line = order.lines
    prepared = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={table_line.id: D("1")}, planned_on=ON))
    left = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={chair_line.id: D("2")}, planned_on=ON, status="shipped", shipped_on=ON))
    with pytest.raises(ValidationError) as err:
        services.orders.cancel_order(order.id)
    assert err.value.errors == {
        "shipments": "Товар по заказу уже отгружен: сначала отмените отгрузки"}
    services.orders.cancel_shipment(left.id)
    cancelled = services.orders.cancel_order(order.id)
    assert cancelled.status == "cancelled"
    assert {sh.id: sh.status for sh in cancelled.shipments} == {
        prepared.id: "cancelled", left.id: "cancelled"}
    assert cancelled.stock_warnings == () and not cancelled.late_shipment
    with pytest.raises(ValidationError) as err:
        services.orders.update_order(order.id, _draft(cancelled))
    assert err.value.errors == {"status": "Заказ отменён: изменить его нельзя"}
    # a cancelled order's shipments are history: it cannot be deleted
    with pytest.raises(ValidationError) as err:
        services.orders.delete_order(order.id)
    assert err.value.errors == {
        "shipments": "По заказу есть отгрузки: удалить его нельзя, отмените заказ"}


def test_delete_removes_an_order_and_its_lines(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    services.orders.delete_order(order.id)
    with pytest.raises(NotFoundError):
        services.orders.order(order.id)
    with services.uow_factory(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(OrderLine.id))) == 0
    assert services.orders.order_for_deal(deal_id) is None
    with pytest.raises(NotFoundError):
        services.orders.delete_order(order.id)


def test_delete_is_refused_once_an_invoice_was_issued(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    invoice = services.documents.issue_invoice(order_id=order.id, on=ON)
    with pytest.raises(ValidationError) as err:
        services.orders.delete_order(order.id)
    assert err.value.errors == {"invoice": f"По заказу выставлен счёт {invoice.number}: "
                                           "удалить его нельзя, отмените заказ"}


# --- the list -------------------------------------------------------------------------------

def _orders_for_list(services) -> dict[str, int]:
    """Five orders of two clients on known dates, in known states."""
    romashka = client(services, "ООО «Ромашка»")
    vasilek = client(services, "АО «Василёк»")
    made: dict[str, int] = {}
    for key, cid, on in (("r1", romashka, date(2026, 9, 10)), ("r2", romashka, date(2026, 10, 1)),
                         ("v1", vasilek, date(2026, 10, 15)), ("v2", vasilek, date(2026, 11, 1)),
                         ("r3", romashka, date(2026, 11, 10))):
        deal_id = won_deal(services, cid, title=key, manual="1000", final="1000")
        made[key] = services.orders.create_from_deal(deal_id, on=on).id
    made["romashka"], made["vasilek"] = romashka, vasilek
    return made


def _numbers(page) -> list[str]:
    return [row.number for row in page.rows]


def test_list_filters_and_pages(services) -> None:
    ids = _orders_for_list(services)
    today = date(2026, 11, 16)
    # r1 due 1 Oct and unpaid: overdue; r2 paid in full; v2 cancelled
    r1 = services.orders.order(ids["r1"])
    services.orders.update_order(ids["r1"], _draft(r1, payment_due_on=date(2026, 10, 1)))
    r2 = services.orders.order(ids["r2"])
    services.orders.update_order(ids["r2"], _draft(r2, payment_due_on=date(2026, 10, 5)))
    pay(services, ids["r2"], ids["romashka"], "1000", date(2026, 10, 2))
    services.orders.cancel_order(ids["v2"])
    everything = services.orders.list_orders(OrderFilter(), today=today)
    # newest first; the numbers follow the creation order
    assert _numbers(everything) == ["З-2026-00005", "З-2026-00004", "З-2026-00003",
                                    "З-2026-00002", "З-2026-00001"]
    assert everything.total == 5
    by_id = {row.id: row for row in everything.rows}
    assert (by_id[ids["r2"]].paid, by_id[ids["r2"]].overdue) == (D("1000"), False)
    assert by_id[ids["r1"]].overdue and by_id[ids["r1"]].payment_due_on == date(2026, 10, 1)
    assert by_id[ids["v2"]].status_label == "Отменён"
    assert by_id[ids["v1"]].client_name == "АО «Василёк»"

    def numbers(**kw) -> list[str]:
        return _numbers(services.orders.list_orders(OrderFilter(**kw), today=today))

    assert numbers(status="cancelled") == ["З-2026-00004"]
    assert numbers(client_id=ids["vasilek"]) == ["З-2026-00004", "З-2026-00003"]
    assert numbers(start=date(2026, 10, 1), end=date(2026, 11, 1)) == [
        "З-2026-00004", "З-2026-00003", "З-2026-00002"]  # both ends included
    assert numbers(overdue_only=True) == ["З-2026-00001"]
    assert numbers(text="васил") == ["З-2026-00004", "З-2026-00003"]  # the client's name
    assert numbers(text="з-2026-00002") == ["З-2026-00002"]  # the number, any case
    assert numbers(text="0000") == _numbers(everything)
    assert numbers(client_id=ids["romashka"], start=date(2026, 10, 1)) == [
        "З-2026-00005", "З-2026-00002"]
    with pytest.raises(ValidationError):
        services.orders.list_orders(OrderFilter(status="lost"), today=today)
    # pages of two: the count is the whole selection's
    pages = [services.orders.list_orders(OrderFilter(), today=today, limit=2, offset=k)
             for k in (0, 2, 4)]
    assert [_numbers(p) for p in pages] == [["З-2026-00005", "З-2026-00004"],
                                            ["З-2026-00003", "З-2026-00002"],
                                            ["З-2026-00001"]]
    assert {p.total for p in pages} == {5}


def test_late_flags_turn_on_the_day_after_the_planned_date(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    due = date(2026, 11, 20)
    order = services.orders.update_order(order.id, _draft(
        order, payment_due_on=due, ship_by=date(2026, 11, 18)))
    table_line, chair_line = order.lines
    planned = date(2026, 11, 19)
    shipment = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("8")}, planned_on=planned,
        planned_delivery_on=date(2026, 11, 21)))

    def flags(today: date) -> tuple[bool, bool, bool]:
        detail = services.orders.order(order.id, today=today)
        row = services.orders.list_orders(OrderFilter(), today=today).rows[0]
        listed = _numbers(services.orders.list_orders(OrderFilter(overdue_only=True),
                                                      today=today))
        found = (detail.late_shipment, detail.late_delivery, detail.overdue)
        assert (row.late_shipment, row.late_delivery, row.overdue) == found, today
        assert listed == ([order.number] if any(found) else []), today
        return found

    assert flags(date(2026, 11, 18)) == (False, False, False)  # the ship-by day itself
    assert flags(date(2026, 11, 19)) == (True, False, False)  # ship-by passed
    # shipped on the planned day: nothing late to leave; delivery due the 21st
    services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("8")}, planned_on=planned,
        planned_delivery_on=date(2026, 11, 21), status="in_transit", shipped_on=planned))
    assert flags(date(2026, 11, 20)) == (False, False, False)  # the due day itself
    assert flags(date(2026, 11, 21)) == (False, False, True)  # the day after the due date
    assert flags(date(2026, 11, 22)) == (False, True, True)  # delivery late too
    row = services.orders.order(order.id, today=date(2026, 11, 22)).shipments[0]
    assert row.late_delivery and not row.late_shipment
    pay(services, order.id, cid, "45000", date(2026, 11, 21))
    assert flags(date(2026, 11, 22)) == (False, True, False)  # paid: not overdue
    services.orders.update_shipment(shipment.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("8")}, planned_on=planned,
        planned_delivery_on=date(2026, 11, 21), status="delivered", shipped_on=planned,
        delivered_on=date(2026, 11, 22)))
    assert flags(date(2026, 11, 23)) == (False, False, False)


def test_a_shipment_is_late_the_day_after_its_planned_date(services) -> None:
    cid = client(services)
    order = services.orders.create_from_deal(
        won_deal(services, cid, manual="1000", final="1000"), on=ON)
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={order.lines[0].id: D("1")}, planned_on=date(2026, 11, 17)))
    on_the_day = services.orders.order(order.id, today=date(2026, 11, 17))
    after = services.orders.order(order.id, today=date(2026, 11, 18))
    assert not on_the_day.shipments[0].late_shipment and not on_the_day.late_shipment
    assert after.shipments[0].late_shipment and after.late_shipment
    row = services.orders.list_orders(OrderFilter(), today=date(2026, 11, 18)).rows[0]
    assert row.late_shipment and not row.late_delivery


# --- the deal's after-sale --------------------------------------------------------------------

def test_deal_after_sale_goes_ordered_shipped_paid(services) -> None:
    cid = client(services)
    assert services.orders.deal_after_sale(deal(services, cid, manual="10")) is None
    assert services.orders.deal_after_sale(99999) is None
    deal_id, _, _ = _furniture(services, cid)
    before = services.orders.deal_after_sale(deal_id)
    assert before is not None
    assert (before.ordered, before.order_id, before.amount, before.complete) == (
        False, None, D("45000"), False)
    order = services.orders.create_from_deal(deal_id, on=ON)
    table_line, chair_line = order.lines
    first = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("3")}, planned_on=ON, status="delivered",
        shipped_on=ON, delivered_on=ON))
    sale = services.orders.deal_after_sale(deal_id)
    assert sale is not None
    # 5 of 10 pieces have left
    assert (sale.ordered, sale.order_number, sale.shipped_pct, sale.delivered) == (
        True, "З-2026-00001", 50, False)
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={chair_line.id: D("5")}, planned_on=ON, status="in_transit", shipped_on=ON))
    sale = services.orders.deal_after_sale(deal_id)
    assert sale is not None and (sale.shipped_pct, sale.delivered) == (100, False)
    assert first.status == "delivered"
    second = services.orders.order(order.id).shipments[1]
    services.orders.update_shipment(second.id, ShipmentDraft(
        lines={chair_line.id: D("5")}, planned_on=ON, status="delivered", shipped_on=ON,
        delivered_on=ON + timedelta(days=1)))
    pay(services, order.id, cid, "44000", ON)
    sale = services.orders.deal_after_sale(deal_id)
    assert sale is not None
    assert (sale.delivered, sale.paid, sale.complete) == (True, D("44000"), False)
    pay(services, order.id, cid, "1000", ON)
    sale = services.orders.deal_after_sale(deal_id)
    assert sale is not None and sale.complete and sale.paid == D("45000")


def test_shipped_percent_is_100_only_when_everything_left(services) -> None:
    cid = client(services)
    bolt = product(services, "B-1", "Болт", "1", stock="10000")
    deal_id = won_deal(services, cid, (LineInput(name="Болт", quantity=D("1000"),
                                                 price=D("1"), product_id=bolt),),
                       final="1000")
    order = services.orders.create_from_deal(deal_id, on=ON)
    services.orders.add_shipment(order.id, ShipmentDraft(
        lines={order.lines[0].id: D("999")}, planned_on=ON, status="shipped", shipped_on=ON))
    # 99.9 % rounds to 100 half-up, but a thing still to leave keeps it at 99
    assert services.orders.order(order.id).shipped_pct == 99
    assert services.orders.list_orders(OrderFilter(), today=ON).rows[0].shipped_pct == 99


def test_the_list_reads_payments_lines_and_shipments_through_indexes(services) -> None:
    """On a base without planner statistics (as a user's is), the page's sums and flags are
    index searches per order and the "просрочено" set is built from small index ranges;
    only `orders` itself is walked (it has no index on the order date yet)."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(services.engine, "before_cursor_execute", capture)
    try:
        for flt in (OrderFilter(), OrderFilter(overdue_only=True), OrderFilter(text="ромашка"),
                    OrderFilter(client_id=1, status="new")):
            services.orders.list_orders(flt, today=ON)
    finally:
        event.remove(services.engine, "before_cursor_execute", capture)
    raw = services.engine.raw_connection()
    try:
        plans = [str(row[-1]) for sql, params in statements
                 for row in raw.cursor().execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    finally:
        raw.close()
    scanned = {detail.split()[1] for detail in plans if detail.startswith("SCAN ")}
    assert scanned <= {"o", "o2", "page", "fts_clients"}, plans
    for needed in ("SEARCH p USING INDEX ix_payments_order_id (order_id=?)",
                   "SEARCH l USING INDEX ix_order_lines_order_id (order_id=?)",
                   "SEARCH sh USING INDEX ix_shipments_order_id (order_id=?)",
                   "SEARCH sl USING INDEX ix_shipment_lines_shipment_id (shipment_id=?)",
                   "SEARCH a USING COVERING INDEX agg_order_due_on (due_on<?)",
                   "SEARCH sh USING INDEX ix_shipments_status_planned (status=? AND planned_on<?)",
                   "SEARCH o2 USING COVERING INDEX ix_orders_client_date (client_id=?)"):
        assert needed in plans, needed


def test_the_client_history_shows_the_order_its_shipments_and_payments(services) -> None:
    cid = client(services)
    deal_id, _, _ = _furniture(services, cid)
    order = services.orders.create_from_deal(deal_id, on=ON)
    table_line, chair_line = order.lines
    shipment = services.orders.add_shipment(order.id, ShipmentDraft(
        lines={table_line.id: D("2"), chair_line.id: D("8")}, planned_on=ON + timedelta(days=1),
        status="delivered", shipped_on=ON + timedelta(days=2),
        delivered_on=ON + timedelta(days=3), upd_number="17", carrier="ПЭК"))
    paid = pay(services, order.id, cid, "45000", ON + timedelta(days=4))
    with services.uow_factory() as uow:  # money paid without an order: the client's credit
        uow.session.add(Payment(order_id=None, client_id=cid, paid_on=ON + timedelta(days=5),
                                amount=D("500"), reference="п/п 9"))
        uow.commit()
    services.orders.set_status(order.id, "closed")
    entries = services.clients.timeline(cid, kinds=("order", "payment"))
    assert [(e.kind, e.title, e.detail) for e in entries] == [
        ("payment", "Оплата 500,00\u00a0₽ без заказа (аванс)", "п/п 9"),
        ("payment", "Оплата 45\u00a0000,00\u00a0₽ по заказу З-2026-00001", "п/п 1"),
        ("shipment", "Отгрузка по заказу З-2026-00001",
         "Доставлена, доставлена 19.11.2026, УПД № 17, ПЭК"),
        ("order", "Заказ З-2026-00001 на 45\u00a0000,00\u00a0₽", "Закрыт")]
    assert entries[1].ident == paid and entries[2].ident == shipment.id
    assert {e.deal_id for e in entries[1:]} == {deal_id}
    assert entries[2].group == "order"  # the filter's «Заказы» brings the shipments along
    summary = services.clients.purchase_summary(cid)
    assert (summary.total, summary.orders, summary.last_purchase) == (D("45000"), 1, ON)
