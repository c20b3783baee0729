"""Document layout (issue 15): an amount, a quantity, a № or a unit never breaks inside its
cell — each one comes out of the PDF's text layer on one line, as it is copied."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from sqlalchemy import update

from app.models import DealLine
from app.services.documents.base import fitted_widths
from tests.unit._documents_helpers import make_deal

ON = date(2026, 11, 16)
# by hand: 1 200 000 000,00 less 12,5 % = 1 050 000 000,00; 3 × 1 234 567,89 = 3 703 703,67
HUGE = [("Линия розлива", "1", "1200000000.00", "12.5", "standard"),
        ("Моечная машина", "3", "1234567.89", "0", "standard")]
AMOUNTS = ["1 200 000 000,00", "1 050 000 000,00", "1 234 567,89", "3 703 703,67",
           "1 053 703 703,67"]


def _lines(data: bytes) -> list[str]:
    """Every text line of every page, with the PDF's no-break spaces as spaces."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        text = (page.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ")
        out += [" ".join(line.split()) for line in text.splitlines()]
    return out


def _cut(lines: list[str]) -> list[str]:
    """The lines that end inside an amount: «1 053 703 703,» then «67» on the next line."""
    return [line for line in lines if re.search(r"\d,\d?$", line)]


def _huge_deal(services, won: bool = False) -> int:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, HUGE, won=won)
    with services.uow_factory() as uow:  # units that used to split mid-word
        uow.session.execute(update(DealLine).where(DealLine.position == 0)
                            .values(unit="комплект"))
        uow.session.execute(update(DealLine).where(DealLine.position == 1)
                            .values(unit="канистра"))
        uow.commit()
    return deal_id


@pytest.mark.parametrize("template", ["classic", "modern"])
def test_offer_amounts_and_units_stay_on_one_line(services, template: str) -> None:  # type: ignore[no-untyped-def]
    offer = services.documents.issue_offer(_huge_deal(services), template=template, on=ON)
    lines = _lines(services.documents.offer_pdf(offer.id))
    for amount in AMOUNTS:
        assert any(amount in line for line in lines), (amount, lines)
    assert _cut(lines) == []
    for unit in ("комплект", "канистра"):
        assert any(unit in line.split() for line in lines), (unit, lines)


def test_invoice_amounts_with_a_discount_stay_on_one_line(services) -> None:  # type: ignore[no-untyped-def]
    invoice = services.documents.issue_invoice(deal_id=_huge_deal(services, won=True), on=ON)
    lines = _lines(services.documents.invoice_pdf(invoice))
    for amount in AMOUNTS:
        assert any(amount in line for line in lines), (amount, lines)
    assert _cut(lines) == []
    assert any("канистра" in line.split() for line in lines), lines


def test_the_row_number_of_a_500_line_offer_stays_whole(services) -> None:  # type: ignore[no-untyped-def]
    lines = [(f"Позиция {n}", "1", "10.00", "0", "standard") for n in range(1, 501)]
    offer = services.documents.issue_offer(make_deal(services, lines), on=ON)
    text = _lines(services.documents.offer_pdf(offer.id))
    for n in (9, 99, 100, 250, 492, 500):  # «49/2» was the № 492 wrapped
        assert str(n) in text, n  # the cell's text, a line of its own


def test_widths_give_fixed_columns_their_need_and_the_rest_by_weight() -> None:
    # 100 pt over weights 1:2:1; the first needs 40 (more than its 25), the last 10 (less)
    assert fitted_widths(100, [1, 2, 1], [40, None, 10]) == [40, 35, 25]
    # the wrapping column would keep less than 30 % of the width: refused (a smaller font)
    assert fitted_widths(100, [1, 2, 1], [40, None, 35]) is None
    # no wrapping column: the spare width goes by weight
    assert fitted_widths(100, [1, 1], [10, 20]) == [50, 50]
    assert fitted_widths(100, [1, 1], [60, 50]) is None


def test_offer_and_invoice_carry_language_date_title_and_author(services) -> None:  # type: ignore[no-untyped-def]
    """Found: no /Lang, CreationDate 01.01.2000. Now /Lang ru-RU, the document's own date,
    the title «number · client» and the company as author; the same bytes on every build."""
    from datetime import UTC, datetime

    from pypdf import PdfReader

    deal_id = make_deal(services, HUGE[:1], won=True)
    offer = services.documents.issue_offer(deal_id, on=ON)
    invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    for data, title in (
            (services.documents.offer_pdf(offer.id),
             f"Коммерческое предложение № {offer.number} · ООО «Покупатель»"),
            (services.documents.invoice_pdf(invoice),
             f"Счёт на оплату № {invoice.number} · ООО «Покупатель»")):
        reader = PdfReader(io.BytesIO(data))
        assert reader.trailer["/Root"]["/Lang"] == "ru-RU"
        info = reader.metadata
        assert info is not None
        assert info.title == title
        assert info.author == "ООО «Продавец»"
        assert info.creation_date == datetime(2026, 11, 16, tzinfo=UTC)
    assert services.documents.offer_pdf(offer.id) == services.documents.offer_pdf(offer.id)


def test_an_english_interface_still_issues_russian_documents(services) -> None:  # type: ignore[no-untyped-def]
    """Found: with `--lang en` the invoice came out in English («Invoice No. … dated …»). A
    document speaks its own language — Russian — whatever the interface does; the interface
    (another thread, or after the document) keeps English."""
    from app import i18n

    english = {"Счёт на оплату № {n} от {d}": "Invoice No. {n} dated {d}",
               "Всего к оплате:": "Total due:", "Коммерческое предложение": "Commercial offer"}
    i18n.set_backend(lambda _context, text: english.get(text, text), "en")
    try:
        deal_id = make_deal(services, HUGE[:1], won=True)
        offer = services.documents.issue_offer(deal_id, on=ON)
        invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
        invoice_text = " ".join(_lines(services.documents.invoice_pdf(invoice)))
        offer_text = " ".join(_lines(services.documents.offer_pdf(offer.id)))
        assert i18n.translate("Documents", "Всего к оплате:") == "Total due:"  # the UI's
        assert i18n.current_language() == "en"
    finally:
        i18n.set_backend(None, "ru")
    assert f"Счёт на оплату № {invoice.number} от 16 ноября 2026 г." in invoice_text
    assert "Invoice" not in invoice_text and "Total due" not in invoice_text
    assert "Коммерческое предложение" in offer_text and "Commercial offer" not in offer_text
    assert "Основание: Коммерческое предложение" in invoice_text  # written at issue, in Russian


def test_a_document_language_of_its_own_uses_that_catalogue() -> None:
    from app import i18n

    i18n.register_backend("xx", lambda _context, text: f"<{text}>")
    try:
        with i18n.in_language("xx"):
            assert i18n.translate("Documents", "Итого:") == "<Итого:>"
            assert i18n.current_language() == "xx"
        with i18n.in_language("ru"):
            assert i18n.translate("Documents", "Итого:") == "Итого:"
        assert i18n.current_language() == "ru"
    finally:
        i18n._backends.pop("xx", None)


@pytest.mark.parametrize("template", ["classic", "modern"])
def test_signatures_never_stand_alone_on_a_page(services, template: str) -> None:  # type: ignore[no-untyped-def]
    """Found: the signatures alone on page 2, the terms heading apart from its values. For
    every length of the items table that pushes the end of the КП across a page break, the
    page with the signatures also holds the terms."""
    from tests.unit._documents_helpers import pdf_pages

    deal_id = make_deal(services, [(f"Позиция {n}", "1", "10.00", "0", "standard")
                                   for n in range(1, 61)])
    moved = 0
    for count in range(60, 13, -3):
        with services.uow_factory() as uow:
            uow.session.query(DealLine).filter(DealLine.position >= count).delete()
            uow.commit()
        pages = pdf_pages(services.documents.offer_pdf(
            services.documents.issue_offer(deal_id, template=template, on=ON).id))
        [signed] = [p for p in pages if "подпись" in p]
        terms = "Условия оплаты" if template == "classic" else "УСЛОВИЯ ОПЛАТЫ"
        assert terms in signed and "предоплата" in signed, (count, len(pages))
        moved += len(pages) > 1
    assert moved  # some lengths did cross a page
