"""Document numbers per kind and year from DocumentSequence: issued once, never reused."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import DocumentSequence


def next_number(session: Session, kind: str, year: int, *, at_least: int = 0) -> int:
    """Increment and return the sequence (inside the caller's transaction).

    `at_least` is the highest number already used elsewhere (e.g. imported offers), so a
    sequence that lags behind the data still never hands out a used number.
    """
    row = session.get(DocumentSequence, (kind, year))
    if row is None:
        row = DocumentSequence(kind=kind, year=year, last_number=0)
        session.add(row)
    row.last_number = max(row.last_number or 0, at_least) + 1
    session.flush()
    return row.last_number


def invoice_number(year: int, seq: int) -> str:
    """«СЧ-2026-0001»: the one series of invoice numbers (a deal's, an order's, the demo's)."""
    return f"СЧ-{year}-{seq:04d}"


# the series of the frozen documents of a deal or an order (deal_documents): a prefix each
DEAL_DOCUMENT_PREFIXES = {"protocol": "ПР", "specification": "СП"}


def deal_document_number(kind: str, year: int, seq: int) -> str:
    """«ПР-2026-0001» (a protocol), «СП-2026-0001» (a specification)."""
    return f"{DEAL_DOCUMENT_PREFIXES[kind]}-{year}-{seq:04d}"
