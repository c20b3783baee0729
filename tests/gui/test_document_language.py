"""Issue 15, finding 9: a client's documents in the client's own language (Qt's catalogue
loads the English one, so this lives in the GUI tier)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.unit._documents_helpers import make_deal
from tests.unit.test_documents_layout import HUGE, ON, _lines


def test_a_client_whose_documents_are_in_english_gets_them_so(services) -> None:  # type: ignore[no-untyped-def]
    """Issue 15, finding 9: the document's language is the client's own setting (Russian by
    default), whatever the interface speaks; an unknown one is refused at the card."""
    from sqlalchemy import select

    from app.models import Client
    from app.qt_i18n import install_language
    from app.services.clients import ClientDraft, validate_draft
    from app.services.errors import ValidationError

    install_language("ru")  # the interface: Russian; the catalogues for documents: loaded
    deal_id = make_deal(services, HUGE[:1], won=True)
    with services.uow_factory() as uow:
        client = uow.session.scalars(select(Client)).one()
        client_id = client.id
        assert client.document_language == "ru"  # the default
    card = services.clients.get(client_id)
    services.clients.update(client_id, replace(card.draft, document_language="en"))
    assert services.clients.get(client_id).draft.document_language == "en"
    offer = services.documents.issue_offer(deal_id, on=ON)
    invoice = services.documents.issue_invoice(deal_id=deal_id, on=ON)
    offer_text = " ".join(_lines(services.documents.offer_pdf(offer.id)))
    invoice_text = " ".join(_lines(services.documents.invoice_pdf(invoice)))
    assert "Commercial Offer No." in offer_text and "Коммерческое предложение" not in offer_text
    assert f"Invoice No. {invoice.number} dated November 16, 2026" in invoice_text
    assert services.documents.offer_snapshot(offer.id)["language"] == "en"
    with pytest.raises(ValidationError) as err:
        validate_draft(ClientDraft(name="К", document_language="de"))
    assert "document_language" in err.value.errors
