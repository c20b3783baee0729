"""Printable documents (PDF via reportlab platypus): offers, invoices, meeting reports.

Layout of the package (no Qt anywhere here):

- `fonts`: the bundled DejaVu Sans family, registered once (`register_fonts()`).
- `markup`: `esc(value)` / `fmt(template, **values)` — EVERY piece of user text goes
  through them before it becomes Paragraph markup (no `<img>`/`<a>` injection, no crash).
- `styles`: colour `Theme`s (CLASSIC, MODERN, REPORT) and `styles_for(theme)`.
- `base`: the shared page template and building blocks —
  `build_pdf(story_or_fn, DocumentMeta(...)) -> bytes`, `BuildContext` (`ctx.p(text)`,
  `ctx.m(markup)`, `ctx.styles`, `ctx.width`), `letterhead(ctx)`, `data_table(ctx, columns,
  rows)` (splits across pages, repeats the header, huge cells split), `key_value_table`,
  `SignatureLine.make`, `image_flowable`, `CompanyInfo`; dates come from `app.domain.dates`.
- `words.amount_in_words(Decimal)`, `totals` (VAT per line and per rate),
  `numbering.next_number(session, kind, year)`.
- `offer`, `invoice`, `protocol`, `specification`, `reports/…`, `trainee_report`,
  `client_handover`: one module per document, each `render_*(data) -> bytes` over plain
  data (a frozen snapshot, or DTOs gathered by a `gather_*` from the owning area's service).
- `frozen`: the issued protocols and specifications (`deal_documents`, ПР-/СП-YYYY-NNNN),
  `DealDocumentRow`.
- `service.DocumentService`: the one way the CLI and the window get a PDF — it gathers the
  data (its collaborators come by keyword from bootstrap) and calls the `render_*`.
"""

from typing import TYPE_CHECKING

from app.lazy import lazy_exports

if TYPE_CHECKING:
    from app.services.documents.frozen import DealDocumentRow
    from app.services.documents.protocol import ProtocolContact, ProtocolDefaults
    from app.services.documents.service import DocumentService, OfferRow

__getattr__ = lazy_exports(__name__, {
    "DocumentService": "service", "OfferRow": "service", "DealDocumentRow": "frozen",
    "ProtocolContact": "protocol", "ProtocolDefaults": "protocol"})
__all__ = ["DealDocumentRow", "DocumentService", "OfferRow", "ProtocolContact",
           "ProtocolDefaults"]
