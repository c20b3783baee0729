"""The user's own company (letterhead, requisites, VAT defaults) and key-value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, check_in, utcnow

VAT_KINDS = ("standard", "reduced10", "zero", "usn5", "usn7", "none")
"""standard: 20 % before 2026, 22 % from 1 January 2026; the others are fixed."""


class CompanySettings(Base):
    """One row (id = 1): the seller on every document."""

    __tablename__ = "company_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("offer_validity_days BETWEEN 1 AND 365", name="validity_range"),
        check_in("default_vat_kind", VAT_KINDS, "default_vat_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(300), default="")
    full_name: Mapped[str] = mapped_column(String(500), default="")
    inn: Mapped[str] = mapped_column(String(12), default="")
    kpp: Mapped[str] = mapped_column(String(9), default="")
    ogrn: Mapped[str] = mapped_column(String(15), default="")
    legal_address: Mapped[str] = mapped_column(Text, default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str] = mapped_column(String(300), default="")
    bik: Mapped[str] = mapped_column(String(9), default="")
    corr_account: Mapped[str] = mapped_column(String(20), default="")
    settlement_account: Mapped[str] = mapped_column(String(20), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    accountant_name: Mapped[str] = mapped_column(String(200), default="")
    manager_name: Mapped[str] = mapped_column(String(200), default="")
    manager_phone: Mapped[str] = mapped_column(String(50), default="")
    manager_email: Mapped[str] = mapped_column(String(200), default="")
    manager_position: Mapped[str] = mapped_column(String(200), default="",
                                                  server_default="")  # migration 0015
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    facsimile: Mapped[bytes | None] = mapped_column(LargeBinary)
    stamp: Mapped[bytes | None] = mapped_column(LargeBinary)
    default_vat_kind: Mapped[str] = mapped_column(String(20), default="standard")
    prices_include_vat: Mapped[bool] = mapped_column(Boolean, default=True)
    offer_validity_days: Mapped[int] = mapped_column(Integer, default=14)
    offer_template: Mapped[str] = mapped_column(String(50), default="classic")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Setting(Base):
    """Data-level settings that travel with the database (JSON text values)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class DocumentSequence(Base):
    """Last number issued per document kind and year; numbers are never reused."""

    __tablename__ = "document_sequences"
    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_non_negative"),)

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
