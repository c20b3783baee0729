"""The product catalog: prices, the concession zone (floor price / max discount), VAT, stock."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Money, Percent, Quantity, check_in
from app.models.company import VAT_KINDS


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_non_negative"),
        CheckConstraint("floor_price IS NULL OR floor_price >= 0", name="floor_non_negative"),
        CheckConstraint(
            "max_discount IS NULL OR max_discount BETWEEN 0 AND 10000", name="max_discount_range"
        ),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        check_in("vat_kind", VAT_KINDS, "vat_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    group_name: Mapped[str] = mapped_column(String(100), default="", index=True)
    unit: Mapped[str] = mapped_column(String(20), default="шт")
    price: Mapped[Decimal] = mapped_column(Money)
    floor_price: Mapped[Decimal | None] = mapped_column(Money)
    max_discount: Mapped[Decimal | None] = mapped_column(Percent)
    vat_kind: Mapped[str] = mapped_column(String(20), default="standard")
    stock: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("0"))
    min_stock: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("0"))
    description: Mapped[str] = mapped_column(Text, default="")
    # what a КП can show of the product (migration 0015): a photo (PNG or JPEG bytes), the
    # delivery lead time and the warranty as the client reads them («5 рабочих дней»)
    image: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # not in lists
    lead_time: Mapped[str] = mapped_column(String(100), default="", server_default="")
    warranty: Mapped[str] = mapped_column(String(100), default="", server_default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
