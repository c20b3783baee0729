"""Commercial offers, orders, shipments and payments (receivables)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, Percent, Quantity, UTCDateTime, check_in, utcnow

# новый, подтверждён, в сборке, отгружен частично, отгружен, закрыт, отменён (migration 0010)
ORDER_STATUSES = ("new", "confirmed", "picking", "partly_shipped", "shipped", "closed",
                  "cancelled")
# готовится, отгружен, в пути, доставлен, проблема, отменена (a cancelled shipment gives its
# stock back)
SHIPMENT_STATUSES = ("preparing", "shipped", "in_transit", "delivered", "problem", "cancelled")
# the stock journal's kinds: the balance a product had when the journal started, a shipment
# (out), a cancelled shipment (back in), goods received, a manual correction with a reason
STOCK_MOVEMENT_KINDS = ("opening", "shipment", "shipment_cancel", "receipt", "correction")


class Offer(Base):
    """An issued commercial offer (КП-YYYY-NNNN) with a frozen JSON snapshot."""

    __tablename__ = "offers"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("total >= 0", name="total_non_negative"),
        CheckConstraint("valid_until >= issued_on", name="validity_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="RESTRICT"), index=True)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id", ondelete="SET NULL"))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    template: Mapped[str] = mapped_column(String(50), default="classic")
    intro: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str] = mapped_column(Text)
    total: Mapped[Decimal] = mapped_column(Money)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)



# протокол переговоров (from a deal), спецификация к договору (from an order or an offer)
DEAL_DOCUMENT_KINDS = ("protocol", "specification")


class DealDocument(Base):
    """An issued protocol or specification (ПР-/СП-YYYY-NNNN) with its frozen JSON snapshot,
    as an offer keeps its own: the PDF prints the same whatever changes later."""

    __tablename__ = "deal_documents"
    __table_args__ = (
        UniqueConstraint("kind", "year", "seq"),
        check_in("kind", DEAL_DOCUMENT_KINDS, "kind"),
        CheckConstraint("seq > 0", name="seq_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(30), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="RESTRICT"),
                                                index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"),
                                                 index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    snapshot: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        check_in("status", ORDER_STATUSES, "status"),
        CheckConstraint("amount >= 0", name="amount_non_negative"),
        Index("ix_orders_client_date", "client_id", "ordered_on"),
        # the orders past their agreed ship date with goods to leave (migration 0011)
        Index("ix_orders_status_ship_by", "status", "ship_by"),
        Index("ix_orders_ordered_on", "ordered_on"),  # the Orders tab's period (0012)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    deal_id: Mapped[int | None] = mapped_column(
        ForeignKey("deals.id", ondelete="SET NULL"), index=True
    )
    ordered_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(20), default="new")
    payment_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    delivery_address: Mapped[str] = mapped_column(Text, default="")
    # the global search finds an invoice by its number (migration 0017)
    invoice_number: Mapped[str] = mapped_column(String(30), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the terms agreed at closing (migration 0010): ship date, prepayment share, deferred
    # payment in days (the due date follows from them unless one is set), the contract
    ship_by: Mapped[date | None] = mapped_column(Date)
    prepayment_pct: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0"),
                                                   server_default="0")
    deferred_days: Mapped[int | None] = mapped_column(Integer)
    contract_number: Mapped[str] = mapped_column(String(50), default="", server_default="")
    contract_date: Mapped[date | None] = mapped_column(Date)


class OrderLine(Base):
    """A line of an order, copied from the deal or the accepted КП's snapshot."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("price >= 0", name="price_non_negative"),
        CheckConstraint("discount BETWEEN 0 AND 10000", name="discount_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(20), default="шт")
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    price: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0"))
    vat_kind: Mapped[str] = mapped_column(String(20), default="standard")


class Shipment(Base):
    __tablename__ = "shipments"
    __table_args__ = (
        check_in("status", SHIPMENT_STATUSES, "status"),
        Index("ix_shipments_status_planned", "status", "planned_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    planned_on: Mapped[date] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    waybill_number: Mapped[str] = mapped_column(String(30), default="")  # ТТН / ТОРГ-12
    invoice_number: Mapped[str] = mapped_column(String(30), default="")  # счёт-фактура
    notes: Mapped[str] = mapped_column(Text, default="")
    # migration 0010
    planned_delivery_on: Mapped[date | None] = mapped_column(Date)
    carrier: Mapped[str] = mapped_column(String(100), default="", server_default="")
    tracking_number: Mapped[str] = mapped_column(String(100), default="", server_default="")
    upd_number: Mapped[str] = mapped_column(String(30), default="",
                                            server_default="")  # УПД
    problem_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ShipmentLine(Base):
    """How much of one order line a shipment carries (the sum over an order's shipments
    that are not cancelled never exceeds the line's quantity: checked by the service)."""

    __tablename__ = "shipment_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"),
                                             index=True)
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_lines.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[Decimal] = mapped_column(Quantity)


class StockMovement(Base):
    """One entry of the stock journal; a product's `stock` is the sum of its entries (the
    service keeps `products.stock` equal to it in the same transaction)."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        check_in("kind", STOCK_MOVEMENT_KINDS, "kind"),
        CheckConstraint("quantity != 0", name="quantity_non_zero"),
        Index("ix_stock_movements_product_date", "product_id", "moved_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    moved_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal] = mapped_column(Quantity)  # signed: out is negative
    kind: Mapped[str] = mapped_column(String(20))
    shipment_id: Mapped[int | None] = mapped_column(
        ForeignKey("shipments.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Payment(Base):
    """Money received from a client: against an order, or (order_id NULL) not yet allocated
    — a client's unallocated payments are its credit (an overpayment's remainder is split
    off into one). Allocating part of a payment splits the row (migration 0010)."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_payments_paid_cover", "paid_on", "amount"),  # daily sums read the index (0004)
        Index("ix_payments_client_paid", "client_id", "paid_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="RESTRICT"), index=True
    )
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str] = mapped_column(String(100), default="")
