"""A client as edited (`ClientDraft` with its `ContactDraft`s) and its validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date

from app.i18n import translate
from app.models import (
    CLIENT_KINDS,
    CLIENT_STATUSES,
)
from app.models.clients import CHURN_REASONS, DOCUMENT_LANGUAGES
from app.services import requisites
from app.services.activities.rhythm import rhythm_days_error
from app.services.clients.churn import carries_churn_reason
from app.services.clients.matching import fold
from app.services.contact_info import normalize_email, normalize_phone
from app.services.errors import ValidationError


@dataclass(frozen=True)
class ContactDraft:
    name: str = ""
    position: str = ""
    phone: str = ""
    phone2: str = ""
    email: str = ""
    messenger: str = ""
    birthday: date | None = None
    is_primary: bool = False
    notes: str = ""
    id: int | None = None  # None for a new contact
    mailing_consent: bool = False  # «согласие на рассылку»: only these get a mailing


@dataclass(frozen=True)
class ClientDraft(requisites.PartyDetails):
    """Everything the client card edits; the service validates and normalises it."""

    kind: str = "organization"
    legal_form: str = ""
    industry: str = ""
    region: str = ""
    segment: str = ""
    status: str = "lead"
    loyalty_tier: str = ""
    lead_source: str = ""
    responsible: str = ""
    document_language: str = DOCUMENT_LANGUAGES[0]  # its КП, счета, протоколы (not the UI's)
    notes: str = ""
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactDraft, ...] = ()
    # a service call every N days for this client; None: its segment's rhythm (settings)
    service_every_days: int | None = None
    campaign_id: int | None = None  # the campaign that brought the client
    # why a lost or churned client left (CHURN_REASONS, '' = not given) and to whom
    churn_reason: str = ""
    churn_competitor_id: int | None = None


# the fields beside the plain texts: kept, merged and imported by their own rules
OWN_RULE_FIELDS = ("tags", "contacts", "service_every_days", "campaign_id", "churn_reason",
                   "churn_competitor_id")
CLIENT_TEXT_FIELDS = tuple(f.name for f in fields(ClientDraft) if f.name not in OWN_RULE_FIELDS)


def _clean(value: object) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is the same
    set of characters as the regular expression `\\s`: Py_UNICODE_ISSPACE)."""
    return " ".join(str(value or "").split())


_REQUISITE_SEPARATORS = re.compile(r"[\s-]")


# --- validation ---------------------------------------------------------------------------


def validate_draft(draft: ClientDraft) -> ClientDraft:
    """Normalise a draft; ValidationError with field → message for anything wrong.

    Contact fields are keyed `contacts.<n>.<field>` (n from 0).
    """
    errors: dict[str, str] = {}
    values = {name: _clean(getattr(draft, name)) for name in CLIENT_TEXT_FIELDS}
    for multiline in ("legal_address", "postal_address", "notes"):
        values[multiline] = str(getattr(draft, multiline) or "").strip()
    kind = values["kind"] or "organization"
    values["kind"] = kind
    if kind not in CLIENT_KINDS:
        errors["kind"] = translate("Clients", "Неизвестный вид клиента")
    if values["status"] not in CLIENT_STATUSES:
        errors["status"] = translate("Clients", "Неизвестный статус")
    values["document_language"] = values["document_language"] or DOCUMENT_LANGUAGES[0]
    if values["document_language"] not in DOCUMENT_LANGUAGES:
        errors["document_language"] = translate("Clients", "Неизвестный язык документов")
    if not values["name"]:
        errors["name"] = translate("Clients", "Укажите название клиента")
    elif len(values["name"]) > 300:
        errors["name"] = translate("Clients", "Название длиннее 300 знаков")
    for key in requisites.CHECKED_FIELDS:
        values[key] = _REQUISITE_SEPARATORS.sub("", values[key]).upper()
    errors.update(requisites.requisites_errors(
        kind=kind, **{key: values[key] for key in requisites.CHECKED_FIELDS}))
    try:
        values["phone"] = normalize_phone(values["phone"])
    except ValueError:
        errors["phone"] = translate("Clients", "Не похоже на номер телефона")
    try:
        values["email"] = normalize_email(values["email"])
    except ValueError:
        errors["email"] = translate("Clients", "Неверный адрес электронной почты")
    for key, limit in (("industry", 100), ("region", 100), ("segment", 100),
                       ("loyalty_tier", 50), ("lead_source", 100), ("responsible", 200),
                       ("legal_form", 50), ("website", 200), ("bank_name", 300),
                       ("full_name", 500)):
        if len(values[key]) > limit:
            errors[key] = translate("Clients", "Не длиннее {n} знаков").format(n=limit)
    tags: list[str] = []
    seen: set[str] = set()
    for tag in draft.tags:
        tag = _clean(tag)
        if not tag or fold(tag) in seen:
            continue
        if len(tag) > 100:
            errors["tags"] = translate("Clients", "Метка длиннее 100 знаков")
            continue
        seen.add(fold(tag))
        tags.append(tag)
    contacts: list[ContactDraft] = []
    for n, contact in enumerate(draft.contacts):
        c = {name: _clean(getattr(contact, name))
             for name in ("name", "position", "phone", "phone2", "email", "messenger")}
        prefix = f"contacts.{n}."
        if not c["name"]:
            errors[prefix + "name"] = translate("Clients", "Укажите имя контактного лица")
        for key in ("phone", "phone2"):
            try:
                c[key] = normalize_phone(c[key])
            except ValueError:
                errors[prefix + key] = translate("Clients", "Не похоже на номер телефона")
        try:
            c["email"] = normalize_email(c["email"])
        except ValueError:
            errors[prefix + "email"] = translate("Clients", "Неверный адрес электронной почты")
        if contact.birthday is not None and contact.birthday > date.today():
            errors[prefix + "birthday"] = translate("Clients", "День рождения в будущем")
        contacts.append(ContactDraft(
            id=contact.id, birthday=contact.birthday, is_primary=bool(contact.is_primary),
            notes=str(contact.notes or "").strip(),
            mailing_consent=bool(contact.mailing_consent), **c))
    if draft.service_every_days is not None:
        problem = rhythm_days_error(draft.service_every_days)
        if problem:
            errors["service_every_days"] = problem
    # a reason only for a lost or churned client, a competitor only with «к конкуренту»
    churn_reason = _clean(draft.churn_reason)
    churn_competitor_id = draft.churn_competitor_id
    if not carries_churn_reason(values["status"]):
        churn_reason, churn_competitor_id = "", None
    elif churn_reason and churn_reason not in CHURN_REASONS:
        errors["churn_reason"] = translate("Clients", "Неизвестная причина ухода")
    if churn_reason != "competitor":
        churn_competitor_id = None
    if errors:
        raise ValidationError(errors)
    if contacts and sum(c.is_primary for c in contacts) != 1:
        first = next((i for i, c in enumerate(contacts) if c.is_primary), 0)
        contacts = [replace(c, is_primary=(i == first)) for i, c in enumerate(contacts)]
    return ClientDraft(**values, tags=tuple(tags), contacts=tuple(contacts),
                       service_every_days=draft.service_every_days,
                       campaign_id=draft.campaign_id, churn_reason=churn_reason,
                       churn_competitor_id=churn_competitor_id)


def churn_reason_missing(old_status: str | None, draft: ClientDraft) -> dict[str, str]:
    """The card asks why when a client becomes lost or churned (`old_status` None: a new
    client): {"churn_reason": message} when no reason is given, else {}. A client already
    lost keeps being saved without one (clients marked before reasons were asked)."""
    if (carries_churn_reason(draft.status) and not draft.churn_reason
            and not (old_status is not None and carries_churn_reason(old_status))):
        return {"churn_reason": translate("Clients", "Укажите причину ухода клиента")}
    return {}
