"""Commercial offers: numbering, frozen snapshots, VAT golden figures, templates, CLI."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.money import format_money
from app.models import Client, DealLine, Offer
from app.services.errors import NotFoundError, ValidationError
from tests.unit._documents_helpers import assert_fonts_embedded, flat, make_deal, pdf_text

ON = date(2026, 11, 16)
MIXED = [
    ("Станок", "3", "1000.00", "10", "standard"),   # 2 700,00 incl. 22 %
    ("Книга", "2", "555.55", "0", "reduced10"),     # 1 111,10 incl. 10 %
    ("Консультация", "1", "500.00", "0", "none"),   # 500,00 without VAT
]


def test_offer_vat_included_golden(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, MIXED)
    offer = services.documents.issue_offer(deal_id, on=ON)
    assert offer.number == "КП-2026-0001"
    assert offer.valid_until == date(2026, 11, 30)  # default validity: 14 days
    # by hand: 2700 × 22/122 = 486.885… → 486.89; 1111.10 × 10/110 = 101.0090… → 101.01
    vat22, vat10 = Decimal("486.89"), Decimal("101.01")
    total = Decimal("2700.00") + Decimal("1111.10") + Decimal("500.00")
    assert offer.total == total == Decimal("4311.10")
    pdf = services.documents.offer_pdf(offer.id)
    assert_fonts_embedded(pdf)
    text = flat(pdf_text(pdf))
    assert "Коммерческое предложение № КП-2026-0001" in text
    assert "в т.ч. НДС 22 %: 486,89" in text
    assert "в т.ч. НДС 10 %: 101,01" in text
    assert "Всего к оплате: 4 311,10" in text
    assert "Сумма без НДС: 3 723,20" in text  # 4311.10 − 486.89 − 101.01
    assert "Четыре тысячи триста одиннадцать рублей 10 копеек" in text
    assert "Всего наименований 3, на сумму 4 311,10 руб." in text
    assert "2 700,00" in text and "1 111,10" in text and "Без НДС" in text
    assert "ООО «Покупатель»" in text and "Иванов Иван" in text
    assert "100 % предоплата" in text and "до 30.11.2026" in text
    assert total - vat22 - vat10 == Decimal("3723.20")


def test_offer_vat_on_top_rounds_half_up(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Мелочь", "1", "0.75", "0", "standard"),
                                   ("Крупа", "4", "1250.00", "0", "reduced10")],
                        include_vat=False)
    offer = services.documents.issue_offer(deal_id, on=ON, template="modern")
    # 0.75 × 22 % = 0.165 → 0.17 (half-up; half-even would give 0.16); 5000 × 10 % = 500
    assert offer.total == Decimal("0.75") + Decimal("0.17") + Decimal("5000") + Decimal("500")
    text = flat(pdf_text(services.documents.offer_pdf(offer.id)))
    assert "Итого без НДС: 5 000,75" in text
    assert "НДС 22 %: 0,17" in text and "НДС 10 %: 500,00" in text
    assert "5 500,92" in text
    assert "Пять тысяч пятьсот рублей 92 копейки" in text


def test_offer_dated_2025_uses_20_percent(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "1", "1200.00", "0", "standard")])
    offer = services.documents.issue_offer(deal_id, on=date(2025, 12, 31))
    assert offer.number == "КП-2025-0001"
    text = flat(pdf_text(services.documents.offer_pdf(offer.id)))
    assert "в т.ч. НДС 20 %: 200,00" in text  # 1200 × 20/120


def test_snapshot_is_frozen(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, MIXED)
    offer = services.documents.issue_offer(deal_id, on=ON)
    before = services.documents.offer_pdf(offer.id)
    with services.uow_factory() as uow:
        for line in uow.session.query(DealLine).all():
            line.price = Decimal("1.00")
        uow.session.query(Client).one().name = "Другое имя"
        uow.commit()
    services.company.update(name="Новое название")
    assert services.documents.offer_pdf(offer.id) == before
    newer = services.documents.new_offer_version(offer.id, on=ON)
    assert newer.number == "КП-2026-0002" and newer.supersedes_id == offer.id
    assert services.documents.get_offer(offer.id).superseded_by == "КП-2026-0002"
    text = flat(pdf_text(services.documents.offer_pdf(newer.id)))
    assert "Другое имя" in text and "Новое название" in text


def test_numbers_are_never_reused(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, MIXED)
    first = services.documents.issue_offer(deal_id, on=ON)
    second = services.documents.issue_offer(deal_id, on=ON)
    with services.uow_factory() as uow:
        uow.session.delete(uow.session.get(Offer, second.id))
        uow.commit()
    third = services.documents.issue_offer(deal_id, on=ON)
    assert [first.number, third.number] == ["КП-2026-0001", "КП-2026-0003"]
    assert services.documents.issue_offer(deal_id, on=date(2027, 1, 9)).number == "КП-2027-0001"


def test_template_choice_is_remembered_and_checked(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, MIXED)
    services.documents.issue_offer(deal_id, on=ON, template="modern")
    assert services.company.get().offer_template == "modern"
    assert services.documents.issue_offer(deal_id, on=ON).template == "modern"
    with pytest.raises(ValidationError):
        services.documents.issue_offer(deal_id, on=ON, template="fancy")
    with pytest.raises(NotFoundError):
        services.documents.issue_offer(999, on=ON)


def test_cli_offer(services, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import run

    deal_id = make_deal(services, MIXED)
    out = tmp_path / "kp.pdf"
    db = str(services.db_path)
    assert run(["--db", db, "offer", str(deal_id), "-o", str(out), "--template", "modern"]) == 0
    assert "КП-" in flat(pdf_text(out.read_bytes()))
    assert run(["--db", db, "offer", "9999", "-o", str(out)]) == 1
    assert "не найдена" in capsys.readouterr().err
    assert run(["--db", db, "offer", str(deal_id), "-o", str(out), "--template", "x"]) != 0


def test_demo_offers_render(demo_services) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    with demo_services.uow_factory() as uow:
        ids = list(uow.session.scalars(select(Offer.id).order_by(Offer.id).limit(3)))
        revised = uow.session.scalar(select(Offer.id).where(Offer.supersedes_id.is_not(None)))
    assert ids, "the demo issues offers"
    for offer_id in ids:
        offer = demo_services.documents.get_offer(offer_id)
        text = flat(pdf_text(demo_services.documents.offer_pdf(offer_id)))
        assert offer.number in text
        assert flat(format_money(offer.total, currency=False)) in text
    if revised:
        assert demo_services.documents.get_offer(revised).supersedes_id


def test_document_vat_is_the_sum_of_rounded_lines(services) -> None:  # type: ignore[no-untyped-def]
    lines = [(f"Мелочь {i}", "1", "0.05", "0", "standard") for i in range(10)]
    deal_id = make_deal(services, lines)
    offer = services.documents.issue_offer(deal_id, on=ON)
    # per line: 0.05 × 22/122 = 0.0090… → 0.01, ten lines → 0.10
    # (rounding the document once would give 0.50 × 22/122 = 0.0901… → 0.09)
    text = flat(pdf_text(services.documents.offer_pdf(offer.id)))
    assert "в т.ч. НДС 22 %: 0,10" in text
    assert "Ноль рублей 50 копеек" in text


def test_huge_line_name_in_offer(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Описание " * 1200, "1", "10.00", "0", "standard")])
    offer = services.documents.issue_offer(deal_id, on=ON)
    assert services.documents.offer_pdf(offer.id).startswith(b"%PDF")


def test_a_deal_without_lines_is_offered_and_invoiced_alike(services) -> None:  # type: ignore[no-untyped-def]
    """Found: a deal of 150 000,00 entered by hand got a КП of «0,00», «НДС не облагается»,
    and an invoice of 150 000,00 with VAT. Both now bill one line of the deal's amount."""
    from sqlalchemy import update

    from app.models import Deal

    deal_id = make_deal(services, [], won=True)
    with services.uow_factory() as uow:
        uow.session.execute(update(Deal).where(Deal.id == deal_id)
                            .values(amount=Decimal("150000.00")))
        uow.commit()
    offer = services.documents.issue_offer(deal_id, on=ON)
    invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    assert offer.total == invoice.total == Decimal("150000.00")
    offer_text = flat(pdf_text(services.documents.offer_pdf(offer.id)))
    invoice_text = flat(pdf_text(services.documents.invoice_pdf(invoice)))
    # by hand: 150 000 × 22 / 122 = 27 049,180… → 27 049,18
    assert "в т.ч. НДС 22 %: 27 049,18" in offer_text
    assert "В том числе НДС 22 %: 27 049,18" in invoice_text
    for text in (offer_text, invoice_text):
        assert "Всего к оплате: 150 000,00" in text
        assert "Сто пятьдесят тысяч рублей 00 копеек" in text
        assert "Поставка оборудования" in text  # the line is named by the deal
    assert "Ноль рублей" not in offer_text and "не облагается" not in offer_text


def test_the_offer_subject_is_its_own_and_checked(services) -> None:  # type: ignore[no-untyped-def]
    """Found: the internal deal name was the КП's subject. It is the offer's own line, the
    deal's name by default, kept by a new version, and refused when too long."""
    deal_id = make_deal(services, MIXED)
    assert services.documents.default_subject(deal_id) == "Поставка оборудования"
    offer = services.documents.issue_offer(deal_id, on=ON, subject="Оснащение цеха")
    assert offer.subject == "Оснащение цеха"
    text = flat(pdf_text(services.documents.offer_pdf(offer.id)))
    assert "Оснащение цеха" in text and "Поставка оборудования" not in text
    assert services.documents.new_offer_version(offer.id, on=ON).subject == "Оснащение цеха"
    assert services.documents.issue_offer(deal_id, on=ON).subject == "Поставка оборудования"
    with pytest.raises(ValidationError) as refused:
        services.documents.issue_offer(deal_id, on=ON, subject="я" * 201)
    assert refused.value.errors["subject"] == "Тема КП — не длиннее 200 знаков"
