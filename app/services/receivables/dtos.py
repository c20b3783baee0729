"""What the receivables area takes and returns: payment drafts and rows, aging, statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PaymentDraft:
    """A payment as the user enters it: against an order, or (order_id None) as credit."""

    client_id: int
    amount: Decimal
    paid_on: date
    reference: str = ""  # № платёжного поручения
    order_id: int | None = None  # None: unallocated (the client's credit)


@dataclass(frozen=True)
class PaymentRow:
    id: int
    client_id: int
    order_id: int | None
    order_number: str  # "" for an unallocated payment
    paid_on: date
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class PaymentResult:
    """What a payment action did: the money that went to an order, the money that stayed
    (or became) unallocated — for register_payment the overpayment, for allocate the part of
    the payment not used, for use_credit the client's credit left — and the rows written."""

    allocated: Decimal
    credit: Decimal
    rows: tuple[PaymentRow, ...]


@dataclass(frozen=True)
class AgingRow:
    """A client's (or, with client_id 0, every client's) money owed by days overdue."""

    client_id: int
    client_name: str
    not_due: Decimal
    d1_30: Decimal
    d31_60: Decimal
    d61_90: Decimal
    over_90: Decimal
    total: Decimal
    credit: Decimal  # unallocated payments: shown beside the debt, not netted against it

    @property
    def overdue(self) -> Decimal:
        return self.total - self.not_due


@dataclass(frozen=True)
class Aging:
    as_of: date
    rows: tuple[AgingRow, ...]  # by total, largest first
    totals: AgingRow  # totals.client_id == 0


@dataclass(frozen=True)
class StatementEntry:
    on: date
    document: str  # "Отгрузка (УПД № 12)" / "Оплата (п/п № 345)"
    debit: Decimal  # our side: shipments are debit, payments credit
    credit: Decimal


@dataclass(frozen=True)
class Statement:
    """The figures of an Акт сверки for one client and period (both ends included)."""

    client_id: int
    client_name: str
    start: date
    end: date
    opening: Decimal  # > 0: the client owes us; < 0: we owe the client
    entries: tuple[StatementEntry, ...]
    debit_turnover: Decimal
    credit_turnover: Decimal
    closing: Decimal
