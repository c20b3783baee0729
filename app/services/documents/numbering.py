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
