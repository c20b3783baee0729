"""Issued protocols and specifications: numbered once per kind and year (ПР-/СП-YYYY-NNNN,
through `numbering.next_number`) and frozen as a JSON snapshot in `deal_documents`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import DealDocument
from app.services.documents.numbering import deal_document_number, next_number
from app.services.documents.totals import compute_totals
from app.services.errors import NotFoundError

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from app.services.documents.base import BuildContext, CompanyInfo
    from app.services.documents.totals import DocumentTotals

SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class DealDocumentRow:
    """An issued protocol or specification, as lists show it."""

    id: int
    kind: str  # "protocol" | "specification"
    number: str
    issued_on: date
    deal_id: int | None
    order_id: int | None
    subject: str  # the deal's name (a protocol), «Заказ № …» / «КП № …» (a specification)
    buyer: str  # the client's name as frozen
    total: Decimal  # the frozen lines' total with VAT


def issue_deal_document(s: Session, kind: str, on: date, snapshot: dict[str, Any], *,
                        deal_id: int | None, order_id: int | None) -> DealDocument:
    """Number a document of `kind` dated `on` and store its snapshot (inside the caller's
    transaction); the number and the kind go into the snapshot too."""
    used = s.scalar(select(func.max(DealDocument.seq)).where(
        DealDocument.kind == kind, DealDocument.year == on.year)) or 0
    seq = next_number(s, kind, on.year, at_least=used)
    number = deal_document_number(kind, on.year, seq)
    frozen = {**snapshot, "version": SNAPSHOT_VERSION, "kind": kind, "number": number,
              "issued_on": on.isoformat()}
    doc = DealDocument(kind=kind, number=number, year=on.year, seq=seq, deal_id=deal_id,
                       order_id=order_id, issued_on=on,
                       snapshot=json.dumps(frozen, ensure_ascii=False, sort_keys=True))
    s.add(doc)
    s.flush()
    return doc


def stored_document(s: Session, doc_id: int) -> DealDocument:
    doc = s.get(DealDocument, doc_id)
    if doc is None:
        raise NotFoundError(translate("Documents", "Документ не найден"))
    return doc


def document_row(doc: DealDocument) -> DealDocumentRow:
    snapshot: dict[str, Any] = json.loads(doc.snapshot)
    totals = compute_totals(snapshot.get("lines") or [],
                            prices_include_vat=bool(snapshot.get("prices_include_vat", True)))
    return DealDocumentRow(
        id=doc.id, kind=doc.kind, number=doc.number, issued_on=doc.issued_on,
        deal_id=doc.deal_id, order_id=doc.order_id, subject=str(snapshot.get("subject") or ""),
        buyer=str((snapshot.get("buyer") or {}).get("name") or ""), total=totals.total)


FrozenStory = Callable[["BuildContext", dict[str, Any], "CompanyInfo", date, "DocumentTotals"],
                       list["Flowable"]]


def render_frozen(snapshot: dict[str, Any], title: Callable[[], str],
                  story: FrozenStory) -> bytes:
    """The PDF of an issued protocol or specification, from its snapshot only, in the
    snapshot's language: `title()` gives the «… № {n}» template (translated inside that
    language), `story` the body over the seller, the issue date and the totals."""
    from app.i18n import in_language
    from app.services.documents.base import (
        DOCUMENT_LANGUAGE,
        CompanyInfo,
        DocumentMeta,
        build_pdf,
        document_title,
    )
    from app.services.documents.markup import clip_values
    from app.services.documents.styles import CLASSIC

    with in_language(str(snapshot.get("language") or DOCUMENT_LANGUAGE)):
        seller = CompanyInfo.from_json(snapshot.get("seller") or {}).clipped()
        snapshot = {**snapshot, "buyer": clip_values(snapshot.get("buyer"))}
        issued = date.fromisoformat(snapshot["issued_on"])
        totals = compute_totals(snapshot.get("lines") or [], prices_include_vat=bool(
            snapshot.get("prices_include_vat", True)))
        meta = DocumentMeta(
            title=document_title(title().format(n=snapshot["number"]), snapshot),
            number=snapshot["number"], on=issued, company=seller, theme=CLASSIC,
            subject=str(snapshot.get("subject") or ""))
        return build_pdf(lambda ctx: story(ctx, snapshot, seller, issued, totals), meta)
