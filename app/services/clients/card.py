"""The client card: read, create, update; archive and delete with what they affect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import (
    Activity,
    Campaign,
    Client,
    ClientTag,
    Competitor,
    Complaint,
    Contact,
    Deal,
    Order,
    SatisfactionScore,
)
from app.models.clients import DOCUMENT_LANGUAGES
from app.services.clients.churn import churn_day
from app.services.clients.drafts import (
    CLIENT_TEXT_FIELDS,
    ClientDraft,
    ContactDraft,
    churn_reason_missing,
    validate_draft,
)
from app.services.clients.matching import fold
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.rows import rowcount
from app.services.settings import SettingsService
from app.services.uow import UowFactory


@dataclass(frozen=True)
class ClientCard:
    id: int
    draft: ClientDraft
    archived: bool
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.draft.name


@dataclass(frozen=True)
class CompetitorChoice:
    """A competitor of the register as the card's churn question offers it."""

    id: int
    name: str


@dataclass(frozen=True)
class DeletionImpact:
    client_name: str
    contacts: int
    activities: int
    complaints: int
    scores: int
    deals: int
    orders: int

    @property
    def blocked(self) -> bool:
        return bool(self.deals or self.orders)


class ClientCards:
    """One client with contacts and tags, saved in one transaction."""

    _uow: UowFactory
    _settings: SettingsService

    # --- the card -------------------------------------------------------------------------
    def get(self, client_id: int) -> ClientCard:
        with self._uow(read_only=True) as uow:
            client = uow.session.get(Client, client_id)
            if client is None:
                raise NotFoundError(translate("Clients", "Клиент №{id} не найден").format(
                    id=client_id))
            return self._card(client)

    @staticmethod
    def _card(client: Client) -> ClientCard:
        contacts = tuple(ContactDraft(
            id=c.id, name=c.name, position=c.position, phone=c.phone, phone2=c.phone2,
            email=c.email, messenger=c.messenger, birthday=c.birthday,
            is_primary=c.is_primary, notes=c.notes, mailing_consent=c.mailing_consent)
            for c in client.contacts)
        draft = ClientDraft(**{name: getattr(client, name) for name in CLIENT_TEXT_FIELDS},
                            tags=tuple(sorted((t.tag for t in client.tags), key=fold)),
                            contacts=contacts, service_every_days=client.service_every_days,
                            campaign_id=client.campaign_id, churn_reason=client.churn_reason,
                            churn_competitor_id=client.churn_competitor_id)
        return ClientCard(id=client.id, draft=draft, archived=client.archived,
                          created_at=client.created_at, updated_at=client.updated_at)

    def new_draft(self) -> ClientDraft:
        """A new client's form: its documents in the language chosen for new clients (the
        first-run wizard's setting «default_document_language»)."""
        language = self._settings.get("default_document_language")
        return ClientDraft(document_language=language if language in DOCUMENT_LANGUAGES
                           else DOCUMENT_LANGUAGES[0])

    def create(self, draft: ClientDraft) -> ClientCard:
        clean = validate_draft(draft)
        missing = churn_reason_missing(None, clean)
        if missing:
            raise ValidationError(missing)
        with self._uow() as uow:
            client = Client()
            self._apply(uow.session, client, clean)
            uow.session.add(client)
            uow.flush()
            card = self._card(client)
            uow.commit()
        return card

    def update(self, client_id: int, draft: ClientDraft) -> ClientCard:
        clean = validate_draft(draft)
        with self._uow() as uow:
            client = uow.session.get(Client, client_id)
            if client is None:
                raise NotFoundError(translate("Clients", "Клиент №{id} не найден").format(
                    id=client_id))
            missing = churn_reason_missing(client.status, clean)
            if missing:
                raise ValidationError(missing)
            self._apply(uow.session, client, clean)
            uow.flush()
            card = self._card(client)
            uow.commit()
        return card

    @staticmethod
    def _apply(session: Session, client: Client, draft: ClientDraft) -> None:
        errors: dict[str, str] = {}
        if draft.campaign_id is not None and session.get(Campaign, draft.campaign_id) is None:
            errors["campaign_id"] = translate("Clients", "Кампания не найдена")
        if (draft.churn_competitor_id is not None
                and session.get(Competitor, draft.churn_competitor_id) is None):
            errors["churn_competitor_id"] = translate("Clients", "Конкурент не найден")
        if errors:
            raise ValidationError(errors)
        old_status = client.status  # None for a new client (not flushed yet)
        for name in CLIENT_TEXT_FIELDS:
            setattr(client, name, getattr(draft, name))
        client.churned_on = churn_day(old_status, client.status, client.churned_on,
                                      date.today())
        client.service_every_days = draft.service_every_days
        client.campaign_id = draft.campaign_id
        client.churn_reason = draft.churn_reason
        client.churn_competitor_id = draft.churn_competitor_id
        wanted = {fold(t): t for t in draft.tags}
        for tag in list(client.tags):
            if fold(tag.tag) not in wanted:
                client.tags.remove(tag)
            else:
                tag.tag = wanted.pop(fold(tag.tag))
        for tag_text in wanted.values():
            client.tags.append(ClientTag(tag=tag_text))
        existing = {c.id: c for c in client.contacts}
        keep: list[Contact] = []
        for cd in draft.contacts:
            contact = existing.pop(cd.id, None) if cd.id is not None else None
            if contact is None:
                contact = Contact()
                client.contacts.append(contact)
            for name in ("name", "position", "phone", "phone2", "email", "messenger",
                         "birthday", "is_primary", "notes", "mailing_consent"):
                setattr(contact, name, getattr(cd, name))
            keep.append(contact)
        for contact in existing.values():
            client.contacts.remove(contact)

    def competitor_choices(self) -> list[CompetitorChoice]:
        """The competitors register by name: to whom a client went."""
        with self._uow(read_only=True) as uow:
            return [CompetitorChoice(r.id, r.name) for r in uow.session.execute(
                select(Competitor.id, Competitor.name).order_by(Competitor.name))]

    # --- archive and delete ---------------------------------------------------------------
    def set_archived(self, client_ids: list[int], archived: bool) -> int:
        with self._uow() as uow:
            n = rowcount(uow.session.execute(update(Client)
                                             .where(Client.id.in_(list(client_ids)))
                                             .values(archived=archived)))
            uow.commit()
        return n

    def deletion_impact(self, client_id: int) -> DeletionImpact:
        with self._uow(read_only=True) as uow:
            s = uow.session
            name = s.scalar(select(Client.name).where(Client.id == client_id))
            if name is None:
                raise NotFoundError(translate("Clients", "Клиент №{id} не найден").format(
                    id=client_id))

            def n(model: type[Contact | Activity | Complaint | SatisfactionScore | Deal
                                   | Order]) -> int:
                return int(s.scalar(select(func.count()).select_from(model)
                                    .where(model.client_id == client_id)) or 0)

            return DeletionImpact(name, n(Contact), n(Activity), n(Complaint),
                                  n(SatisfactionScore), n(Deal), n(Order))

    def delete(self, client_id: int) -> DeletionImpact:
        """Delete a client with contacts, activities and feedback; refused if it has deals
        or orders (those are the company's history — archive such a client instead)."""
        impact = self.deletion_impact(client_id)
        if impact.blocked:
            raise ConflictError(translate(
                "Clients", "У клиента «{name}» есть сделки ({d}) и заказы ({o}); такого клиента "
                           "можно только отправить в архив").format(
                name=impact.client_name, d=impact.deals, o=impact.orders))
        with self._uow() as uow:
            uow.session.execute(delete(Client).where(Client.id == client_id))
            uow.commit()
        return impact
