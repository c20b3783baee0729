"""ReceivablesService: payments, the client's credit, aging and the reconciliation statement.

Each feature is a mixin over the same unit of work: `payments` (register, allocate, use
credit, delete, the lists), `aging` (the buckets by days overdue), `statement` (the акт
сверки's figures).
"""

from __future__ import annotations

from app.services.receivables.aging import AgingReport
from app.services.receivables.payments import Payments
from app.services.receivables.statement import Statements
from app.services.uow import UowFactory


class ReceivablesService(Payments, AgingReport, Statements):
    """Payments against orders or as credit, receivables aging, the Акт сверки's figures."""

    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory
