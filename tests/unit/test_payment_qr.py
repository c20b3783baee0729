"""The invoice's payment QR code (ГОСТ Р 56042-2014): a real reader (zxing-cpp) decodes the
rendered page (pdfium) to exactly the invoice's requisites, sum and purpose."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from app.models import CompanySettings
from tests.unit._documents_helpers import make_deal

ON = date(2026, 11, 16)


def _decoded(pdf: bytes) -> list[str]:
    """The text of every QR code on the PDF's pages, rendered at 216 dpi."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    try:
        found = []
        for page in document:
            image = page.render(scale=3).to_pil()
            found += [r.text for r in zxingcpp.read_barcodes(image)
                      if r.format == zxingcpp.BarcodeFormat.QRCode]
            page.close()
        return found
    finally:
        document.close()


def _fields(text: str) -> tuple[str, dict[str, str]]:
    header, *pairs = text.split("|")
    return header, dict(pair.split("=", 1) for pair in pairs)


def test_the_invoice_qr_decodes_to_its_requisites_sum_and_purpose(services) -> None:  # type: ignore[no-untyped-def]
    deal_id = make_deal(services, [("Станок", "2", "61000.00", "0", "standard"),
                                   ("Доставка", "1", "1100.00", "0", "reduced10")], won=True)
    invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    [text] = _decoded(services.documents.invoice_pdf(invoice))
    header, fields = _fields(text)
    assert header == "ST00012"  # format 0001, UTF-8
    # the company of make_deal, the invoice's total in kopecks (122 000 + 1 100), its VAT
    assert fields == {
        "Name": "ООО «Продавец»", "PersonalAcc": "40702810938000000001",
        "BankName": "ПАО Банк", "BIC": "044525225", "CorrespAcc": "30101810400000000225",
        "PayeeINN": "7707083893", "KPP": "773601001", "Sum": "12310000",
        "Purpose": "Оплата по счёту № СЧ-2026-0001 от 16.11.2026. "
                   "в т.ч. НДС 22 % — 22 000,00 руб.; в т.ч. НДС 10 % — 100,00 руб.",
    }


def _invoice_pdf(services, line: tuple[str, str, str, str, str], **company: str) -> bytes:  # type: ignore[no-untyped-def]
    """The PDF of a won deal's invoice with one line, the company's fields set to `company`."""
    deal_id = make_deal(services, [line], won=True)
    with services.uow_factory() as uow:
        uow.session.execute(update(CompanySettings).values(**company))
        uow.commit()
    return services.documents.invoice_pdf(services.documents.issue_invoice(deal_id=deal_id,
                                                                           on=ON))


def test_a_separator_in_a_requisite_does_not_break_the_fields(services) -> None:  # type: ignore[no-untyped-def]
    [text] = _decoded(_invoice_pdf(services, ("Услуга", "1", "500.00", "0", "none"),
                                   name="ООО «Альфа|Омега»"))
    _header, fields = _fields(text)
    assert fields["Name"] == "ООО «Альфа Омега»"
    assert fields["Sum"] == "50000"
    assert fields["Purpose"].endswith("НДС не облагается")


@pytest.mark.parametrize("company", [
    {"corr_account": ""},  # a required requisite missing
    {"bank_name": "Б" * 46},  # longer than the standard's 45 characters of BankName
])
def test_no_qr_without_complete_valid_requisites(services, company: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    pdf = _invoice_pdf(services, ("Станок", "1", "100.00", "0", "standard"), **company)
    assert _decoded(pdf) == []
