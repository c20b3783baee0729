"""Invoices (счёт на оплату): layout contents, VAT and words, numbering, CLI."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.models import Client, Order, OrderLine
from app.services.errors import NotFoundError, ValidationError
from tests.unit._documents_helpers import assert_fonts_embedded, flat, make_deal, pdf_text

ON = date(2026, 11, 16)


def test_invoice_for_won_deal(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "2", "61000.00", "0", "standard"),
                                   ("Доставка", "1", "1100.00", "0", "reduced10")], won=True)
    inv = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    assert inv.number == "СЧ-2026-0001"
    # by hand: 122 000 × 22/122 = 22 000; 1 100 × 10/110 = 100
    assert inv.total == Decimal("123100.00")
    pdf = services.documents.invoice_pdf(inv)
    assert_fonts_embedded(pdf)
    text = flat(pdf_text(pdf))
    assert "Счёт на оплату № СЧ-2026-0001 от 16 ноября 2026 г." in text
    assert "044525225" in text and "30101810400000000225" in text
    assert "40702810938000000001" in text and "ИНН 7707083893" in text
    assert "ООО «Покупатель»" in text and "7728168971" in text
    assert "В том числе НДС 22 %: 22 000,00" in text
    assert "В том числе НДС 10 %: 100,00" in text
    assert "Всего к оплате: 123 100,00" in text
    assert "Всего наименований 2, на сумму 123 100,00 руб." in text
    assert "Сто двадцать три тысячи сто рублей 00 копеек" in text
    assert "Петров П. П." in text and "Сидорова С. С." in text
    again = services.documents.issue_invoice(deal_id=deal_id, on=date(2026, 12, 1))
    assert again.number == inv.number and again.issued_on == ON


def test_invoice_refuses_open_deal_and_unknown_ids(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "100.00", "0", "standard")])
    with pytest.raises(ValidationError):
        services.documents.issue_invoice(deal_id=deal_id)
    with pytest.raises(NotFoundError):
        services.documents.issue_invoice(order_id=404)
    with pytest.raises(ValidationError):
        services.documents.issue_invoice()


def test_invoice_for_order_without_lines(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "100.00", "0", "standard")])
    with services.uow_factory() as uow:
        order = Order(number="З-1", client_id=1, deal_id=deal_id, ordered_on=ON,
                      amount=Decimal("5000.00"), payment_due_on=date(2026, 11, 26))
        uow.session.add(order)
        uow.commit()
        order_id = order.id
    inv = services.documents.issue_invoice(order_id=order_id, on=ON)
    text = flat(pdf_text(services.documents.invoice_pdf(inv)))
    assert "Оплата по заказу № З-1" in text
    assert "В том числе НДС 22 %: 901,64" in text  # 5000 × 22/122 = 901.639…
    assert "Оплатить не позднее 26.11.2026" in text
    with services.uow_factory() as uow:
        assert uow.session.get(Order, order_id).invoice_number == inv.number


def test_cli_invoice(services, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import run

    deal_id = make_deal(services, [("Станок", "1", "100.00", "0", "standard")], won=True)
    out = tmp_path / "inv.pdf"
    db = str(services.db_path)
    assert run(["--db", db, "invoice", str(deal_id), "-o", str(out)]) == 0
    assert "Счёт на оплату" in flat(pdf_text(out.read_bytes()))
    assert run(["--db", db, "invoice", "abc", "-o", str(out)]) == 1
    assert run(["--db", db, "invoice", "77", "--order", "-o", str(out)]) == 1
    assert "Заказ не найден" in capsys.readouterr().err


def test_deal_with_an_order_invoices_the_order(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "100.00", "0", "standard")])
    with services.uow_factory() as uow:
        order = Order(number="З-7", client_id=1, deal_id=deal_id, ordered_on=ON,
                      amount=Decimal("100.00"), invoice_number="СЧ-00077")
        uow.session.add(order)
        uow.session.flush()
        uow.session.add(OrderLine(order_id=order.id, name="Станок", quantity=Decimal(1),
                                  price=Decimal("100.00")))
        uow.commit()
    inv = services.documents.issue_invoice(deal_id=deal_id)  # not won, but ordered
    assert (inv.number, inv.issued_on) == ("СЧ-00077", ON)
    text = flat(pdf_text(services.documents.invoice_pdf(inv)))
    assert "Станок" in text and "Заказ № З-7 от 16.11.2026" in text  # lines add up → shown


def _order_with_lines(services, deal_id: int, number: str, amount: str,  # type: ignore[no-untyped-def]
                      **terms: object) -> int:
    """An order of the deal's client with lines 2 × 61 000 + 1 × 1 100 (123 100 in all)."""
    with services.uow_factory() as uow:
        order = Order(number=number, client_id=1, deal_id=deal_id, ordered_on=ON,
                      amount=Decimal(amount), **terms)
        uow.session.add(order)
        uow.session.flush()
        uow.session.add_all([
            OrderLine(order_id=order.id, position=0, name="Станок", quantity=Decimal(2),
                      price=Decimal("61000.00")),
            OrderLine(order_id=order.id, position=1, name="Доставка", quantity=Decimal(1),
                      price=Decimal("1100.00"), vat_kind="reduced10")])
        uow.commit()
        return order.id


def test_an_order_invoice_bills_the_order_lines_with_its_terms(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Другое", "1", "5.00", "0", "standard")], won=True)
    order_id = _order_with_lines(services, deal_id, "З-2026-00001", "123100.00",
                                 payment_due_on=date(2026, 11, 30), contract_number="15/26",
                                 contract_date=date(2026, 1, 10))
    inv = services.documents.issue_invoice(order_id=order_id, on=ON)
    assert inv.total == Decimal("123100.00")
    text = flat(pdf_text(services.documents.invoice_pdf(inv)))
    assert "Станок" in text and "Доставка" in text and "Другое" not in text  # not the deal's
    assert ("Основание: Договор № 15/26 от 10.01.2026; заказ № З-2026-00001 от 16.11.2026"
            in text)
    assert "Оплатить не позднее 30.11.2026" in text
    assert "Всего к оплате: 123 100,00" in text


def test_an_order_sold_below_its_lines_is_billed_for_its_amount(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "100.00", "0", "standard")], won=True)
    order_id = _order_with_lines(services, deal_id, "З-2026-00002", "120000.00",
                                 contract_number="7")  # a discount agreed at closing
    inv = services.documents.issue_invoice(order_id=order_id, on=ON)
    assert inv.total == Decimal("120000.00")  # never more than the order
    text = flat(pdf_text(services.documents.invoice_pdf(inv)))
    assert "Оплата по заказу № З-2026-00002" in text and "Станок" not in text
    assert "Основание: Договор № 7; заказ № З-2026-00002 от 16.11.2026" in text
    assert "Оплатить не позднее 21.11.2026" in text  # no due date agreed: the default 5 days


def test_invoice_speaks_like_the_1c_form(services) -> None:  # type: ignore[no-untyped-def]
    """Found: no «Оплатить не позднее»; «Основание: Сделка «…»» (the CRM's wording); «Цена» and
    «Сумма» not saying «без НДС» when prices exclude VAT; no «М.П.»."""
    deal_id = make_deal(services, [("Станок", "1", "1000.00", "0", "standard")], won=True,
                        include_vat=False)
    offer = services.documents.issue_offer(deal_id, on=date(2026, 11, 10))
    inv = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    text = flat(pdf_text(services.documents.invoice_pdf(inv)))
    assert "Оплатить не позднее 21.11.2026" in text  # 16.11 + the default 5 days
    assert f"Основание: Коммерческое предложение № {offer.number} от 10.11.2026" in text
    assert "Сделка «" not in text
    assert "Цена без НДС" in text and "Сумма без НДС" in text
    assert "М.П." in text


def test_a_deal_invoice_without_an_offer_has_no_basis_and_the_days_are_a_setting(services) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("invoice_payment_days", 10)
    deal_id = make_deal(services, [("Станок", "1", "1000.00", "0", "standard")], won=True)
    text = flat(pdf_text(services.documents.invoice_pdf(
        services.documents.issue_invoice(deal_id=deal_id, on=ON))))
    assert "Основание" not in text
    assert "Оплатить не позднее 26.11.2026" in text
    assert "Цена без НДС" not in text  # prices include VAT: the 1С headers as they are


def test_the_demo_numbers_its_orders_invoices_in_the_documents_series(demo_services) -> None:  # type: ignore[no-untyped-def]
    """Found: СЧ-00130 for orders beside СЧ-2026-0001 for deals. One series, per year, and an
    invoice issued later continues it."""
    import re

    from sqlalchemy import func, select

    with demo_services.uow_factory(read_only=True) as uow:
        numbers = list(uow.session.scalars(select(Order.invoice_number)
                                           .where(Order.invoice_number != "")))
        last_2026 = uow.session.scalar(select(func.count()).select_from(Order).where(
            Order.invoice_number.like("СЧ-2026-%")))
    assert numbers and all(re.fullmatch(r"СЧ-\d{4}-\d{4,}", n) for n in numbers), numbers[:5]
    assert len(set(numbers)) == len(numbers)
    with demo_services.uow_factory() as uow:  # a new order, not invoiced yet
        client_id = uow.session.scalar(select(Client.id).limit(1))
        order = Order(number="З-НОВЫЙ", client_id=client_id, ordered_on=date(2026, 11, 16),
                      amount=Decimal("100.00"))
        uow.session.add(order)
        uow.commit()
        order_id = order.id
    inv = demo_services.documents.issue_invoice(order_id=order_id, on=date(2026, 11, 16))
    assert inv.number == f"СЧ-2026-{last_2026 + 1:04d}"
