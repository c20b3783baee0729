"""The clients area, one module per feature (as `app/views/clients/`).

- `search`: the list, its filters and the pickers (`ClientQuery`, `ClientRow`, `ClientChoice`)
- `card`: read, create, update, archive, delete (`ClientCard`, `DeletionImpact`)
- `drafts`: a client as edited and its validation (`ClientDraft`, `ContactDraft`)
- `duplicates`: likely twins and merging (`DuplicateMatch`, `MergeResult`)
- `history`: timeline, open deals, activities, purchases (`TimelineEntry`, `PurchaseSummary`)
- `matching`: folded text, digits, name keys, the FTS5 expression
- `labels`: status, kind, order status and complaint category labels
- `churn`: the churn reasons' labels and which statuses carry one (`churn_reason_label`)
- `importer` / `exporter`: CSV and XLSX (`ClientImportService`, `ClientExportService`)
- `service`: `ClientService`, the features above over one unit of work

Requisites and phone/e-mail rules are shared with the company card and stay in
`app.services.requisites` and `app.services.contact_info`.
"""

from typing import TYPE_CHECKING

from app.lazy import lazy_exports
from app.models import CLIENT_KINDS, CLIENT_STATUSES
from app.models.clients import DOCUMENT_LANGUAGES

if TYPE_CHECKING:
    from app.services.clients.card import ClientCard, CompetitorChoice, DeletionImpact
    from app.services.clients.churn import churn_reason_choices, churn_reason_label
    from app.services.clients.drafts import ClientDraft, ContactDraft, validate_draft
    from app.services.clients.duplicates import DuplicateMatch, MergeResult
    from app.services.clients.history import ActivityLine, OpenDeal, PurchaseSummary, TimelineEntry
    from app.services.clients.labels import (
        complaint_category_label,
        document_language_label,
        kind_label,
        status_label,
    )
    from app.services.clients.matching import fold, fts_match_expression, name_key
    from app.services.clients.search import (
        ClientChoice,
        ClientQuery,
        ClientRow,
        ContactChoice,
        FilterOptions,
    )
    from app.services.clients.service import ClientService

__getattr__ = lazy_exports(__name__, {
    "ClientCard": "card", "CompetitorChoice": "card", "DeletionImpact": "card",
    "churn_reason_choices": "churn", "churn_reason_label": "churn", "ClientDraft": "drafts",
    "ContactDraft": "drafts", "validate_draft": "drafts", "DuplicateMatch": "duplicates",
    "MergeResult": "duplicates", "ActivityLine": "history", "OpenDeal": "history",
    "PurchaseSummary": "history", "TimelineEntry": "history",
    "complaint_category_label": "labels", "document_language_label": "labels",
    "kind_label": "labels", "status_label": "labels",
    "fold": "matching", "fts_match_expression": "matching", "name_key": "matching",
    "ClientChoice": "search", "ClientQuery": "search", "ClientRow": "search",
    "ContactChoice": "search", "FilterOptions": "search", "ClientService": "service"
})
__all__ = [
    "CLIENT_KINDS", "CLIENT_STATUSES", "DOCUMENT_LANGUAGES", "ActivityLine", "ClientCard",
    "ClientChoice",
    "ClientDraft", "ClientQuery", "ClientRow", "ClientService", "CompetitorChoice",
    "ContactChoice", "ContactDraft",
    "DeletionImpact", "DuplicateMatch", "FilterOptions", "MergeResult", "OpenDeal",
    "PurchaseSummary", "TimelineEntry", "churn_reason_choices", "churn_reason_label",
    "complaint_category_label", "document_language_label",
    "fold",
    "fts_match_expression", "kind_label", "name_key", "status_label",
    "validate_draft",
]
