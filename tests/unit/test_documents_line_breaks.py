"""Issue 15, findings 6 and 12: where a document's lines may break, and no near-empty pages.

Requisites, phone numbers and «№ 12» stay whole on a line; an inline list never ends a line
with its «·»; the invoice's labels do not wrap; a meeting pack's sections do not leave a page
with a handful of rows.
"""

from __future__ import annotations

import io
from datetime import date

import pytest

from app.services.documents.markup import bind_signs, inline_list
from tests.unit._documents_helpers import make_deal, pdf_pages

NB = "\u00a0"
ON = date(2026, 11, 16)
LINES = [("Стрейч-плёнка", "2", "1500.00", "0", "standard")]
PHONE = "+7 495 123-45-67"


def _lines(data: bytes) -> list[str]:
    """Every text line of every page, no-break spaces read as spaces."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        text = (page.extract_text() or "").replace(NB, " ").replace("\u202f", " ")
        out += [" ".join(line.split()) for line in text.splitlines()]
    return out


def test_signs_and_abbreviations_bind_to_their_neighbour() -> None:
    assert bind_signs("скидка 12 % и 10 ₽, 5 руб. 20 коп.") == (
        f"скидка 12{NB}% и 10{NB}₽, 5{NB}руб. 20{NB}коп.")
    assert bind_signs("счёт № 12, г. Москва, ул. Ленина, д. 5, тел.: +7 495") == (
        f"счёт №{NB}12, г.{NB}Москва, ул.{NB}Ленина, д.{NB}5, тел.:{NB}+7 495")
    assert bind_signs("ИНН 7701234567 КПП 770101001 ОГРН 1037739010891") == (
        f"ИНН{NB}7701234567 КПП{NB}770101001 ОГРН{NB}1037739010891")
    # a word that merely ends like an abbreviation is left alone: «код. 5», «100 руб»
    assert bind_signs("код. 5 и 100 рубль") == "код. 5 и 100 рубль"


def test_an_inline_list_breaks_only_between_items_and_before_its_dot() -> None:
    assert inline_list(["ИНН 7701234567", "", None, PHONE]) == (
        f"ИНН{NB}7701234567 ·{NB}+7{NB}495{NB}123-45-67")
    long_item = "д. 5, " + "очень длинный адрес " * 3
    # an item too long for one line may wrap inside, between its words
    assert " " in inline_list([long_item.strip(), "x"]).split("·")[0]


def _company(services) -> None:  # type: ignore[no-untyped-def]
    services.company.update(ogrn="1037739010891", phone=PHONE, email="sales@example.com",
                            website="example.com", legal_address=(
                                "115280, г. Москва, ул. Ленинская Слобода, д. 19, офис 402"))


@pytest.mark.parametrize("template", ["classic", "modern"])
def test_offer_keeps_requisites_and_phones_whole(services, template: str) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, LINES)
    _company(services)
    offer = services.documents.issue_offer(deal_id, template=template, on=ON)
    lines = _lines(services.documents.offer_pdf(offer.id))
    for whole in ("ОГРН 1037739010891", "ИНН 7707083893", PHONE, "+7 900 000-00-00"):
        assert any(whole in line for line in lines), (whole, lines)
    assert [line for line in lines if line.endswith("·")] == []


def test_invoice_labels_and_phone_stay_on_one_line(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, LINES, won=True)
    _company(services)
    invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    lines = _lines(services.documents.invoice_pdf(invoice))
    assert any(line.startswith("Поставщик (Исполнитель):") for line in lines), lines
    assert any(line.startswith("Покупатель (Заказчик):") for line in lines), lines
    assert any(f"тел.: {PHONE}" in line for line in lines), lines
    assert [line for line in lines if line.endswith("·")] == []


def test_meeting_pack_sections_leave_no_near_empty_page(demo_services) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import DEMO_TODAY

    pages = pdf_pages(demo_services.documents.report_pdf("meeting-pack", "2026-11",
                                                         today=DEMO_TODAY))
    words = [len(page.split()) for page in pages]
    # the running header and footer are ~20 words; a section's tail of 3 rows is ~40 more
    assert len(pages) > 1
    assert min(words[:-1]) > 100, words
