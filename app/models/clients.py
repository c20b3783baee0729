"""Clients (organisations and people), their contact persons and tags."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.domain.collation import sort_key
from app.models.base import Base, UTCDateTime, check_in, utcnow

CLIENT_KINDS = ("organization", "entrepreneur", "person")
CLIENT_STATUSES = ("lead", "active", "lost", "churned")
# why a client was lost or churned (clients.churn_reason, migration 0016; '' = not given)
CHURN_REASONS = ("competitor", "price", "quality", "service", "no_need", "closed", "other")


# the languages a client's documents can be in (clients.document_language), Russian first:
# the default, and what a Russian счёт is always in
DOCUMENT_LANGUAGES = ("ru", "en")


def _sort_default(context: DefaultExecutionContext) -> str:
    row = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return sort_key(str(row.get("name") or ""))


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        check_in("kind", CLIENT_KINDS, "kind"),
        check_in("status", CLIENT_STATUSES, "status"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        Index("ix_clients_status_archived", "status", "archived"),
        Index("ix_clients_inn", "inn"),
        Index("ix_clients_name", "name"),
        # the client list: active clients in Russian name order straight from the index
        # (covering; migration 0020 — `sort_name` is the name's sort key)
        Index("ix_clients_archived_sort", "archived", "sort_name", "name"),
        # leads per source in a period (migration 0004)
        Index("ix_clients_created_lead", "created_at", "lead_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="organization")
    name: Mapped[str] = mapped_column(String(300))
    # the name as it sorts (app.domain.collation.sort_key): written with every insert (the
    # default reads the row's name, Core inserts too) and whenever the ORM sets a name
    sort_name: Mapped[str] = mapped_column(String(300), default=_sort_default,
                                           server_default="")
    full_name: Mapped[str] = mapped_column(String(500), default="")
    legal_form: Mapped[str] = mapped_column(String(50), default="")
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
    industry: Mapped[str] = mapped_column(String(100), default="", index=True)
    region: Mapped[str] = mapped_column(String(100), default="", index=True)
    segment: Mapped[str] = mapped_column(String(100), default="", index=True)
    status: Mapped[str] = mapped_column(String(20), default="lead")
    loyalty_tier: Mapped[str] = mapped_column(String(50), default="")
    lead_source: Mapped[str] = mapped_column(String(100), default="")
    # the language of the documents this client receives (КП, счёт, протокол), not the
    # interface's (migration 0015; one of DOCUMENT_LANGUAGES)
    document_language: Mapped[str] = mapped_column(String(5), default="ru", server_default="ru")
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    # why the client was lost or churned, and to whom (migration 0016; the service checks
    # the code against CHURN_REASONS)
    churn_reason: Mapped[str] = mapped_column(String(20), default="", server_default="")
    churn_competitor_id: Mapped[int | None] = mapped_column(
        ForeignKey("competitors.id", ondelete="SET NULL"))
    # the day the client became lost or churned (migration 0018; the card sets and clears it)
    churned_on: Mapped[date | None] = mapped_column(Date, index=True)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # a service call every N days for this client (migration 0008); None: its segment's rhythm
    service_every_days: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Contact.id",
    )
    tags: Mapped[list[ClientTag]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ClientTag.tag"
    )

    @validates("name")
    def _keep_sort_name(self, _key: str, name: str) -> str:
        self.sort_name = sort_key(name or "")
        return name


class ClientTag(Base):
    __tablename__ = "client_tags"
    __table_args__ = (
        UniqueConstraint("client_id", "tag"),
        CheckConstraint("length(trim(tag)) > 0", name="tag_not_blank"),
        Index("ix_client_tags_tag", "tag"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(100))


class Contact(Base):
    """A person at a client."""

    __tablename__ = "contacts"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    phone2: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    messenger: Mapped[str] = mapped_column(String(200), default="")
    birthday: Mapped[date | None] = mapped_column(Date)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    # «согласие на рассылку»: only these contacts go into a mailing list (migration 0016)
    mailing_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    notes: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="contacts")
