"""One-call document actions for any view: build off the GUI thread, then preview.

    show_offer(parent, services, offer_id)
    show_invoice(parent, services, deal_id=… | order_id=…)
    show_deal_document(parent, services, doc_id)  (a protocol or a specification)

Errors the user can act on (no such deal, deal not won…) appear in a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.i18n import translate
from app.views import dialogs
from app.views.background import Job, run_with_progress
from app.views.documents import preview

if TYPE_CHECKING:
    from app.bootstrap import Services

OnShown = Callable[[preview.PdfPreviewDialog], None]  # told of the preview once it is open


def preview_built_pdf(parent: QWidget, build: Callable[[], bytes], *, title: str,
                      filename: str, email: str = "", label: str | None = None,
                      on_shown: OnShown | None = None) -> Job:
    """Build a PDF on the thread pool (busy indicator), then open it in the preview."""
    def done(data: bytes) -> None:
        dialog = preview.show_pdf(parent.window(), data, title=title, filename=filename,
                          email_to=email, email_subject=title)
        if on_shown is not None:
            on_shown(dialog)

    return run_with_progress(parent, build, done,
                             lambda message: dialogs.show_error(parent, message),
                             label=label or translate("Documents", "Готовим документ…"),
                             title=translate("Documents", "Документ"))


def show_offer(parent: QWidget, services: Services, offer_id: int, *,
               on_shown: OnShown | None = None) -> Job | None:
    docs = services.documents
    try:
        offer = docs.get_offer(offer_id)
        snapshot = docs.offer_snapshot(offer_id)
    except Exception as exc:  # ServiceError: readable
        dialogs.show_error(parent, str(exc))
        return None
    email = str((snapshot.get("contact") or {}).get("email") or "")
    title = translate("Documents", "Коммерческое предложение № {n}").format(n=offer.number)
    buyer = str((snapshot.get("buyer") or {}).get("name") or "")
    return preview_built_pdf(parent, lambda: docs.offer_pdf(offer_id), title=title,
                    filename=f"{offer.number} {buyer}", email=email, on_shown=on_shown)


def show_invoice(parent: QWidget, services: Services, *, deal_id: int | None = None,
                 order_id: int | None = None,
                 on_shown: OnShown | None = None) -> Job | None:
    docs = services.documents
    try:
        invoice = docs.issue_invoice(deal_id=deal_id, order_id=order_id)
    except Exception as exc:  # ServiceError: readable
        dialogs.show_error(parent, str(exc))
        return None
    email = str((invoice.snapshot.get("buyer") or {}).get("email") or "")
    title = translate("Documents", "Счёт на оплату № {n}").format(n=invoice.number)
    return preview_built_pdf(parent, lambda: docs.invoice_pdf(invoice), title=title,
                    filename=translate("Documents", "Счёт {n} {buyer}").format(
                        n=invoice.number, buyer=(invoice.snapshot.get("buyer") or {}).get(
                            "name") or ""),
                    email=email, on_shown=on_shown)


def show_deal_document(parent: QWidget, services: Services, doc_id: int, *,
                       on_shown: OnShown | None = None) -> Job | None:
    """An issued protocol or specification, rendered from its frozen snapshot."""
    docs = services.documents
    try:
        doc = docs.get_deal_document(doc_id)
        snapshot = docs.deal_document_snapshot(doc_id)
    except Exception as exc:  # ServiceError: readable
        dialogs.show_error(parent, str(exc))
        return None
    title = (translate("Documents", "Протокол переговоров № {n}") if doc.kind == "protocol"
             else translate("Documents", "Спецификация № {n}")).format(n=doc.number)
    email = ""
    if doc.kind == "specification":
        email = str((snapshot.get("buyer") or {}).get("email") or "")
    return preview_built_pdf(parent, lambda: docs.deal_document_pdf(doc_id), title=title,
                             filename=f"{doc.number} {doc.buyer}", email=email,
                             on_shown=on_shown)
