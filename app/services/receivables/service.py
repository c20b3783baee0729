"""ReceivablesService: payments, the client's credit, aging and the reconciliation statement."""

from __future__ import annotations

from app.services.uow import UowFactory


class ReceivablesService:
    """Payments against orders or as credit, receivables aging, the Акт сверки's figures."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory
