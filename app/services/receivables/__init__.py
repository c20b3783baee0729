"""The receivables area: payments, the client's credit, aging, the reconciliation statement."""

from app.services.receivables.service import ReceivablesService

__all__ = ["ReceivablesService"]
