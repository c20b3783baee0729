"""Shared helpers of the documents tests: text extraction and a minimal deal in a fresh DB."""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal

from sqlalchemy import delete

from app.models import Client, CompanySettings, Contact, Deal, DealLine, Stage


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text without line breaks and with ordinary spaces (pypdf keeps nbsp)."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def make_deal(services, lines, *, include_vat: bool = True, client_name: str = "ООО «Покупатель»",
              won: bool = False) -> int:
    """A company, a client with a contact, a stage and a deal with the given lines.

    lines: (name, quantity, price, discount, vat_kind) tuples of strings.
    """
    with services.uow_factory() as uow:
        uow.session.execute(delete(Stage))  # this test builds its own pipeline
        s = uow.session
        s.add(CompanySettings(id=1, name="ООО «Продавец»", inn="7707083893", kpp="773601001",
                              signer_name="Петров П. П.", signer_title="Директор",
                              accountant_name="Сидорова С. С.", bank_name="ПАО Банк",
                              bik="044525225", corr_account="30101810400000000225",
                              settlement_account="40702810938000000001",
                              manager_name="Орлова М. С.",
                              prices_include_vat=include_vat))
        stage = Stage(name="Выиграна" if won else "Переговоры", position=1, probability=50,
                      is_won=won)
        client = Client(name=client_name, inn="7728168971", kpp="772801001",
                        legal_address="г. Москва, ул. Тверская, д. 1")
        s.add_all([stage, client])
        s.flush()
        contact = Contact(client_id=client.id, name="Иванов Иван", position="Закупщик",
                          phone="+7 900 000-00-00", email="ivanov@example.com")
        s.add(contact)
        s.flush()
        deal = Deal(client_id=client.id, contact_id=contact.id, stage_id=stage.id,
                    title="Поставка оборудования", payment_terms="100 % предоплата",
                    delivery_terms="Самовывоз")
        s.add(deal)
        s.flush()
        for i, (name, qty, price, disc, kind) in enumerate(lines):
            s.add(DealLine(deal_id=deal.id, position=i, name=name, unit="шт",
                           quantity=Decimal(qty), price=Decimal(price),
                           discount=Decimal(disc), vat_kind=kind))
        uow.commit()
        return deal.id


def _fonts(resources) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The font dictionaries of a resource dictionary and of the forms (XObjects) it draws."""
    resources = resources.get_object() if resources is not None else {}
    for ref in (resources.get("/Font") or {}).values():
        yield ref.get_object()
    for ref in (resources.get("/XObject") or {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"))


def assert_fonts_embedded(data: bytes) -> list[str]:
    """Every font the PDF draws with is embedded as a TrueType file (/FontFile2): nothing
    relies on the viewer's fonts (a standard-14 Helvetica has no descriptor at all).

    Returns the fonts' base names.
    """
    from pypdf import PdfReader

    names = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in _fonts(page.get("/Resources")):
            name = str(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:  # a composite (Type 0) font
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            assert descriptor is not None, f"{name} is not embedded"
            assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
            names.append(name)
    assert names, "the PDF draws no text"
    return names
