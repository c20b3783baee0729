"""Clients: the base, its search, the client card, duplicates, merge, archive and delete.

Search goes through the `fts_clients` FTS5 index (migration 0002) so that Cyrillic case,
е/ё and phone formatting do not matter. The list asks for matching ids first (one cheap
query per keystroke) and for the row data of the visible page only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy import text as sql_text

from app.i18n import translate
from app.models import (
    CLIENT_KINDS,
    CLIENT_STATUSES,
    Activity,
    Base,
    Client,
    ClientTag,
    Complaint,
    Contact,
    Deal,
    Offer,
    Order,
    SatisfactionScore,
    Stage,
)
from app.money import ZERO, format_money, from_kopecks
from app.services import requisites
from app.services.contact_info import normalize_email, normalize_phone
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.uow import UowFactory

# --- plain data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientChoice:
    """A client as a picker shows it (deals, offers, orders pick clients with this)."""

    id: int
    name: str
    inn: str
    segment: str


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    position: str


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


@dataclass(frozen=True)
class ClientDraft:
    """Everything the client card edits; the service validates and normalises it."""

    name: str = ""
    kind: str = "organization"
    full_name: str = ""
    legal_form: str = ""
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    legal_address: str = ""
    postal_address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bank_name: str = ""
    bik: str = ""
    corr_account: str = ""
    settlement_account: str = ""
    industry: str = ""
    region: str = ""
    segment: str = ""
    status: str = "lead"
    loyalty_tier: str = ""
    lead_source: str = ""
    responsible: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactDraft, ...] = ()


CLIENT_TEXT_FIELDS = tuple(
    f.name for f in fields(ClientDraft) if f.name not in ("tags", "contacts")
)


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
class ClientRow:
    """One line of the client list."""

    id: int
    name: str
    inn: str
    status: str
    segment: str
    tags: tuple[str, ...]
    region: str
    industry: str
    responsible: str
    phone: str
    email: str
    last_contact: datetime | None
    next_activity: datetime | None
    revenue_year: Decimal
    archived: bool


SORT_KEYS = ("name", "inn", "status", "segment", "tags", "region", "industry", "responsible",
             "last_contact", "next_activity", "revenue_year", "phone", "email")


@dataclass(frozen=True)
class ClientQuery:
    """What the list shows: search text, filters, archived or not, and the order."""

    text: str = ""
    status: str = ""
    segment: str = ""
    tag: str = ""
    region: str = ""
    industry: str = ""
    no_contact_days: int = 0  # 0 = no such filter
    archived: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class FilterOptions:
    segments: list[str]
    tags: list[str]
    regions: list[str]
    industries: list[str]
    responsibles: list[str]
    lead_sources: list[str]
    loyalty_tiers: list[str]


@dataclass(frozen=True)
class DuplicateMatch:
    id: int
    name: str
    inn: str
    reasons: tuple[str, ...]
    archived: bool


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


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    kind: str  # activity | deal | offer | order | complaint | score
    title: str
    detail: str = ""


@dataclass(frozen=True)
class PurchaseSummary:
    total: Decimal
    orders: int
    average: Decimal
    average_days_between: float | None
    last_purchase: date | None
    first_purchase: date | None


@dataclass(frozen=True)
class OpenDeal:
    id: int
    title: str
    stage: str
    amount: Decimal
    expected_close: date | None
    probability: int


@dataclass(frozen=True)
class ActivityLine:
    when: datetime | None
    kind: str
    subject: str
    done: bool
    outcome: str
    next_step: str
    contact: str


@dataclass(frozen=True)
class MergeResult:
    survivor_id: int
    moved: dict[str, int] = field(default_factory=dict)


# --- text normalisation -------------------------------------------------------------------

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_LEGAL_FORMS = {"ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано", "чоп", "гуп", "муп",
                "фгуп", "тоо", "llc", "ltd", "inc", "гк", "тд", "пк", "нпо", "нпп"}


def fold(value: str) -> str:
    """Lower case with ё folded into е — the form the search index holds."""
    return value.lower().replace("ё", "е")


def digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


MIN_SEARCH_CHARS = 2  # one letter matches half the base and tells nothing
MIN_SEARCH_DIGITS = 4  # nor do 2–3 digits: "916" starts a third of all phone numbers
BROAD_MATCH = 25_000  # matches above which the list walks the name index instead


def fts_match_expression(text_: str, min_chars: int = MIN_SEARCH_CHARS) -> str | None:
    """The FTS5 MATCH expression for what the user typed (every word as a prefix).

    None (no text filter) for nothing, a single character, or fewer than four digits only.
    """
    terms = _WORD_RE.findall(fold(text_).replace("_", " "))
    if sum(len(term) for term in terms) < max(min_chars, 1):
        return None
    if min_chars > 1 and terms and all(term.isdigit() for term in terms) and (
            sum(len(term) for term in terms) < MIN_SEARCH_DIGITS):
        return None
    parts = []
    for term in terms[:12]:
        if term.isdigit() and len(term) >= 5 and term[0] in "78":
            # "8916…" and "7916…" are both how a Russian number starts; the index
            # also holds the 10-digit national number
            parts.append(f'("{term}"* OR "{term[1:]}"*)')
        else:
            parts.append(f'"{term}"*')
    return " AND ".join(parts) if parts else None


def name_key(name: str) -> str:
    """A client name without legal form, quotes and punctuation, for near-duplicate checks."""
    words = [w for w in _WORD_RE.findall(fold(name)) if w not in _LEGAL_FORMS]
    return " ".join(words)


def status_label(status: str) -> str:
    return {
        "lead": translate("Clients", "Лид"),
        "active": translate("Clients", "Активный"),
        "lost": translate("Clients", "Потерян"),
        "churned": translate("Clients", "Ушёл"),
    }.get(status, status)


def kind_label(kind: str) -> str:
    return {
        "organization": translate("Clients", "Организация"),
        "entrepreneur": translate("Clients", "ИП"),
        "person": translate("Clients", "Физическое лицо"),
    }.get(kind, kind)


def order_status_label(status: str) -> str:
    return {
        "new": translate("Clients", "новый"),
        "confirmed": translate("Clients", "подтверждён"),
        "shipped": translate("Clients", "отгружен"),
        "delivered": translate("Clients", "доставлен"),
        "cancelled": translate("Clients", "отменён"),
    }.get(status, status)


def complaint_category_label(category: str) -> str:
    return {
        "quality": translate("Clients", "качество"),
        "service": translate("Clients", "сервис"),
        "price": translate("Clients", "цена"),
        "delivery": translate("Clients", "доставка"),
        "other": translate("Clients", "другое"),
    }.get(category, category)


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip()


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
    if not values["name"]:
        errors["name"] = translate("Clients", "Укажите название клиента")
    elif len(values["name"]) > 300:
        errors["name"] = translate("Clients", "Название длиннее 300 знаков")
    for key in ("inn", "kpp", "ogrn", "bik", "corr_account", "settlement_account"):
        values[key] = re.sub(r"[\s-]", "", values[key]).upper()
    errors.update(requisites.requisites_errors(
        kind=kind, **{key: values[key] for key in (
            "inn", "kpp", "ogrn", "bik", "corr_account", "settlement_account")}))
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
            notes=str(contact.notes or "").strip(), **c))
    if errors:
        raise ValidationError(errors)
    if contacts and sum(c.is_primary for c in contacts) != 1:
        first = next((i for i, c in enumerate(contacts) if c.is_primary), 0)
        contacts = [replace(c, is_primary=(i == first)) for i, c in enumerate(contacts)]
    return ClientDraft(**values, tags=tuple(tags), contacts=tuple(contacts))


# --- the service --------------------------------------------------------------------------


def _day_start_utc(day: date) -> datetime:
    tz = datetime.now().astimezone().tzinfo
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def _naive_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _parse_stored(value: Any) -> datetime | None:
    """A UTCDateTime read through raw SQL (a naive UTC string) as an aware datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


_LAST_CONTACT_SQL = ("(SELECT max(coalesce(a.done_at, a.due_at, a.created_at)) FROM activities a "
                     "WHERE a.client_id = c.id AND a.done = 1)")
_NEXT_ACTIVITY_SQL = ("(SELECT min(a.due_at) FROM activities a "
                      "WHERE a.client_id = c.id AND a.done = 0 AND a.due_at IS NOT NULL)")
_REVENUE_SQL = ("(SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.client_id = c.id "
                "AND o.status != 'cancelled' AND o.ordered_on >= :year_start)")
_TAGS_SQL = ("(SELECT group_concat(t.tag, '\x1f') FROM "
             "(SELECT tag FROM client_tags WHERE client_id = c.id ORDER BY tag) t)")
_SORT_SQL = {
    "name": "c.name", "inn": "c.inn", "status": "c.status", "segment": "c.segment",
    "region": "c.region", "industry": "c.industry", "responsible": "c.responsible",
    "phone": "c.phone", "email": "c.email",
}
# computed columns are sorted through one grouped pass over their table, not a lookup per row
_SORT_JOINS = {
    "last_contact": ("SELECT client_id, max(coalesce(done_at, due_at, created_at)) AS v "
                     "FROM activities WHERE +done = 1 AND client_id IS NOT NULL "
                     "GROUP BY client_id", ("s.v",)),
    "next_activity": ("SELECT client_id, min(due_at) AS v FROM activities WHERE +done = 0 "
                      "AND due_at IS NOT NULL AND client_id IS NOT NULL GROUP BY client_id",
                      ("s.v IS NULL", "s.v")),
    "revenue_year": ("SELECT client_id, sum(amount) AS v FROM orders WHERE status != "
                     "'cancelled' AND ordered_on >= :year_start GROUP BY client_id",
                     ("coalesce(s.v, 0)",)),
    "tags": ("SELECT client_id, group_concat(tag, ', ') AS v FROM (SELECT client_id, tag "
             "FROM client_tags ORDER BY client_id, tag) GROUP BY client_id",
             ("s.v IS NULL", "s.v")),
}


class ClientService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    # --- the picker API (deals, offers, orders) ----------------------------------------
    def lookup(self, text: str, limit: int = 20) -> list[ClientChoice]:
        """Active (not archived) clients matching what was typed, in name order."""
        ids = self.search_ids(ClientQuery(text=text), limit=max(1, int(limit)))
        if not ids:
            return []
        with self._uow() as uow:
            rows = {r[0]: r for r in uow.session.execute(
                select(Client.id, Client.name, Client.inn, Client.segment)
                .where(Client.id.in_(ids)))}
        return [ClientChoice(*rows[i]) for i in ids if i in rows]

    def contacts_of(self, client_id: int) -> list[ContactChoice]:
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Contact.id, Contact.name, Contact.position)
                .where(Contact.client_id == client_id)
                .order_by(Contact.is_primary.desc(), Contact.name, Contact.id)
            ).all()
        return [ContactChoice(r[0], r[1], r[2]) for r in rows]

    # --- the list -----------------------------------------------------------------------
    def _ids_sql(self, query: ClientQuery, today: date, *, join: str = "",
                 broad: bool = False,
                 min_chars: int = MIN_SEARCH_CHARS) -> tuple[str, dict[str, Any]]:
        where = ["c.archived = :archived"]
        params: dict[str, Any] = {"archived": 1 if query.archived else 0,
                                  "year_start": date(today.year, 1, 1).isoformat()}
        match = fts_match_expression(query.text, min_chars)
        if match:
            column = "+c.id" if broad else "c.id"
            where.append(f"{column} IN (SELECT rowid FROM fts_clients "
                         f"WHERE fts_clients MATCH :match)")
            params["match"] = match
        for key in ("status", "segment", "region", "industry"):
            value = getattr(query, key)
            if value:
                where.append(f"c.{key} = :{key}")
                params[key] = value
        if query.tag:
            where.append("c.id IN (SELECT client_id FROM client_tags WHERE tag = :tag)")
            params["tag"] = query.tag
        if query.no_contact_days > 0:
            cutoff = _day_start_utc(today - timedelta(days=query.no_contact_days))
            where.append(
                # "+a.done": a sequential scan beats the (done, due_at) index here, whose
                # hits would each cost a random read of the row
                "c.id NOT IN (SELECT a.client_id FROM activities a WHERE +a.done = 1 "
                "AND a.client_id IS NOT NULL "
                "AND coalesce(a.done_at, a.due_at, a.created_at) >= :cutoff)")
            params["cutoff"] = _naive_utc(cutoff)
        sql = f"SELECT c.id FROM clients c {join} WHERE {' AND '.join(where)}"
        return sql, params

    def search_ids(self, query: ClientQuery, today: date | None = None,
                   limit: int | None = None) -> list[int]:
        """Ids of the clients the list shows, in its order (cheap: one query, ints only)."""
        today = today or date.today()
        # a picker (limit) searches from the first letter: with a limit even a broad match
        # stops after a few rows of the name index
        min_chars = 1 if limit is not None else MIN_SEARCH_CHARS
        direction = "DESC" if query.descending else "ASC"
        if query.sort in _SORT_JOINS:
            sub, parts = _SORT_JOINS[query.sort]
            sql, params = self._ids_sql(query, today, min_chars=min_chars,
                                        join=f"LEFT JOIN ({sub}) s ON s.client_id = c.id")
            # "no value" stays at the end whichever way the column is sorted
            order = ", ".join(part if part.endswith("IS NULL") else f"{part} {direction}"
                              for part in parts)
        else:
            sql, params = self._ids_sql(query, today, min_chars=min_chars)
            order = f"{_SORT_SQL.get(query.sort, 'c.name')} {direction}"
        with self._uow() as uow:
            s = uow.session
            if "match" in params and query.sort == "name":
                # When the words match a large part of the base, walking the name index and
                # probing the match list ("+c.id" keeps SQLite off the primary key) beats
                # fetching every match by id and sorting them; counting first is cheap.
                hits = s.execute(sql_text("SELECT count(*) FROM fts_clients WHERE "
                                          "fts_clients MATCH :match"),
                                 {"match": params["match"]}).scalar() or 0
                if hits > BROAD_MATCH:
                    sql, params = self._ids_sql(query, today, broad=True,
                                                min_chars=min_chars)
            sql += f" ORDER BY {order}, c.id {direction}"
            if limit is not None:
                sql += f" LIMIT {max(int(limit), 0)}"
            # plain ints by the 100,000: the DB-API cursor, without per-row result objects
            raw = s.connection().connection.driver_connection
            return [row[0] for row in raw.execute(sql, params).fetchall()]

    def rows(self, ids: list[int], today: date | None = None) -> list[ClientRow]:
        """The list's row data for these ids (a page), in the same order."""
        if not ids:
            return []
        today = today or date.today()
        result: dict[int, ClientRow] = {}
        with self._uow() as uow:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ", ".join(str(int(i)) for i in chunk)
                rows = uow.session.execute(sql_text(
                    f"SELECT c.id, c.name, c.inn, c.status, c.segment, {_TAGS_SQL}, c.region, "
                    f"c.industry, c.responsible, c.phone, c.email, {_LAST_CONTACT_SQL}, "
                    f"{_NEXT_ACTIVITY_SQL}, {_REVENUE_SQL}, c.archived "
                    f"FROM clients c WHERE c.id IN ({marks})"),
                    {"year_start": date(today.year, 1, 1).isoformat()}).all()
                for r in rows:
                    result[r[0]] = ClientRow(
                        id=r[0], name=r[1], inn=r[2], status=r[3], segment=r[4],
                        tags=tuple(r[5].split("\x1f")) if r[5] else (), region=r[6],
                        industry=r[7], responsible=r[8], phone=r[9], email=r[10],
                        last_contact=_parse_stored(r[11]), next_activity=_parse_stored(r[12]),
                        revenue_year=from_kopecks(int(r[13] or 0)), archived=bool(r[14]))
        return [result[i] for i in ids if i in result]

    def list_clients(self, query: ClientQuery = ClientQuery(),
                     today: date | None = None) -> list[ClientRow]:
        return self.rows(self.search_ids(query, today), today)

    def count(self, *, archived: bool = False) -> int:
        with self._uow() as uow:
            return int(uow.session.scalar(
                select(func.count(Client.id)).where(Client.archived.is_(archived))) or 0)

    def filter_options(self, *, full: bool = True) -> FilterOptions:
        """Values in use, for filters and the card's choices. `full=False` reads only the
        indexed columns the list filters by (fast on a big base)."""
        with self._uow() as uow:
            s = uow.session

            def distinct(column: Any) -> list[str]:
                return [v for v in s.scalars(select(column).distinct().order_by(column)) if v]

            def maybe(column: Any) -> list[str]:
                return distinct(column) if full else []

            return FilterOptions(
                segments=distinct(Client.segment), tags=distinct(ClientTag.tag),
                regions=distinct(Client.region), industries=distinct(Client.industry),
                responsibles=maybe(Client.responsible), lead_sources=maybe(Client.lead_source),
                loyalty_tiers=maybe(Client.loyalty_tier))

    def all_tags(self) -> list[str]:
        return self.filter_options().tags

    # --- the card -------------------------------------------------------------------------
    def get(self, client_id: int) -> ClientCard:
        with self._uow() as uow:
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
            is_primary=c.is_primary, notes=c.notes) for c in client.contacts)
        draft = ClientDraft(**{name: getattr(client, name) for name in CLIENT_TEXT_FIELDS},
                            tags=tuple(sorted((t.tag for t in client.tags), key=fold)),
                            contacts=contacts)
        return ClientCard(id=client.id, draft=draft, archived=client.archived,
                          created_at=client.created_at, updated_at=client.updated_at)

    def create(self, draft: ClientDraft) -> ClientCard:
        clean = validate_draft(draft)
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
            self._apply(uow.session, client, clean)
            uow.flush()
            card = self._card(client)
            uow.commit()
        return card

    @staticmethod
    def _apply(session: Any, client: Client, draft: ClientDraft) -> None:
        for name in CLIENT_TEXT_FIELDS:
            setattr(client, name, getattr(draft, name))
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
                         "birthday", "is_primary", "notes"):
                setattr(contact, name, getattr(cd, name))
            keep.append(contact)
        for contact in existing.values():
            client.contacts.remove(contact)

    # --- duplicates -------------------------------------------------------------------------
    def find_duplicates(self, draft: ClientDraft, *, exclude_id: int | None = None,
                        limit: int = 10) -> list[DuplicateMatch]:
        """Existing clients with the same ИНН, phone or e-mail, or a near-identical name."""
        reasons: dict[int, list[str]] = {}

        def add(ids: Any, reason: str) -> None:
            for cid in ids:
                if cid != exclude_id and reason not in reasons.setdefault(cid, []):
                    reasons[cid].append(reason)

        inn = digits(draft.inn)
        phones = {digits(p)[-10:] for p in
                  [draft.phone, *(c.phone for c in draft.contacts),
                   *(c.phone2 for c in draft.contacts)] if len(digits(p)) >= 10}
        emails = {e.strip().lower() for e in
                  [draft.email, *(c.email for c in draft.contacts)] if e and "@" in e}
        key = name_key(draft.name)
        with self._uow() as uow:
            s = uow.session
            if inn:
                add(s.scalars(select(Client.id).where(Client.inn == inn)),
                    translate("Clients", "тот же ИНН"))
            for phone in sorted(phones):
                add(s.execute(sql_text("SELECT rowid FROM fts_clients WHERE fts_clients MATCH :m"),
                              {"m": f'phones : "{phone}"'}).scalars(),
                    translate("Clients", "тот же телефон"))
            if emails:
                add(s.scalars(select(Client.id).where(func.lower(Client.email).in_(emails))),
                    translate("Clients", "тот же e-mail"))
                add(s.scalars(select(Contact.client_id).where(
                    func.lower(Contact.email).in_(emails))), translate("Clients", "тот же e-mail"))
            if key:
                # a prefix of the longest word finds candidates despite a typo at its end
                longest = max(key.split(), key=len)[:4]
                candidates = s.execute(sql_text(
                    "SELECT c.id, c.name FROM clients c WHERE c.id IN (SELECT rowid FROM "
                    "fts_clients WHERE fts_clients MATCH :m) LIMIT 500"),
                    {"m": f'names : "{longest}"*'}).all()
                similar = [cid for cid, name in candidates
                           if SequenceMatcher(None, key, name_key(name)).ratio() >= 0.85]
                add(similar, translate("Clients", "похожее название"))
            if not reasons:
                return []
            found = s.execute(select(Client.id, Client.name, Client.inn, Client.archived)
                              .where(Client.id.in_(list(reasons)))).all()
        matches = [DuplicateMatch(r[0], r[1], r[2], tuple(reasons[r[0]]), bool(r[3]))
                   for r in found]
        matches.sort(key=lambda m: (-len(m.reasons), m.name))
        return matches[:limit]

    def merge(self, survivor_id: int, duplicate_id: int) -> MergeResult:
        """Move everything linked to `duplicate_id` onto `survivor_id` and delete the duplicate.

        Empty fields of the survivor are filled from the duplicate, tags are united and
        notes appended. One transaction: on any error nothing changes.
        """
        if survivor_id == duplicate_id:
            raise ValidationError.single(
                "duplicate", translate("Clients", "Нельзя объединить клиента с самим собой"))
        moved: dict[str, int] = {}
        with self._uow() as uow:
            s = uow.session
            survivor = s.get(Client, survivor_id)
            other = s.get(Client, duplicate_id)
            if survivor is None or other is None:
                raise NotFoundError(translate("Clients", "Клиент для объединения не найден"))
            for name in CLIENT_TEXT_FIELDS:
                if name in ("notes", "status", "kind"):
                    continue
                if not getattr(survivor, name) and getattr(other, name):
                    setattr(survivor, name, getattr(other, name))
            if other.notes and other.notes not in survivor.notes:
                survivor.notes = (survivor.notes + "\n\n" + other.notes).strip()
            if survivor.campaign_id is None:
                survivor.campaign_id = other.campaign_id
            own_tags = {fold(t.tag) for t in survivor.tags}
            other_tags = [t.tag for t in other.tags if fold(t.tag) not in own_tags]
            had_primary = any(c.is_primary for c in survivor.contacts)
            s.flush()
            s.execute(delete(ClientTag).where(ClientTag.client_id == duplicate_id))
            for tag in other_tags:
                s.add(ClientTag(client_id=survivor_id, tag=tag))
            if had_primary:
                s.execute(update(Contact).where(Contact.client_id == duplicate_id)
                          .values(is_primary=False))
            for table in Base.metadata.sorted_tables:
                if table.name == "client_tags":
                    continue
                for fk in table.foreign_keys:
                    if fk.column.table.name == "clients" and fk.column.name == "id":
                        col = fk.parent
                        res = s.execute(update(table).where(col == duplicate_id)
                                        .values({col.name: survivor_id}))
                        if res.rowcount:
                            moved[table.name] = moved.get(table.name, 0) + res.rowcount
            s.expire_all()
            s.execute(delete(Client).where(Client.id == duplicate_id))
            uow.commit()
        return MergeResult(survivor_id=survivor_id, moved=moved)

    # --- archive and delete ---------------------------------------------------------------
    def set_archived(self, client_ids: list[int], archived: bool) -> int:
        with self._uow() as uow:
            res = uow.session.execute(update(Client).where(Client.id.in_(list(client_ids)))
                                      .values(archived=archived))
            uow.commit()
        return int(res.rowcount or 0)

    def deletion_impact(self, client_id: int) -> DeletionImpact:
        with self._uow() as uow:
            s = uow.session
            name = s.scalar(select(Client.name).where(Client.id == client_id))
            if name is None:
                raise NotFoundError(translate("Clients", "Клиент №{id} не найден").format(
                    id=client_id))

            def n(model: Any) -> int:
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

    # --- timeline and purchases -------------------------------------------------------------
    def timeline(self, client_id: int, limit: int = 500) -> list[TimelineEntry]:
        """Everything that happened with the client, newest first."""
        entries: list[TimelineEntry] = []

        def at(day: date | None) -> datetime:
            return _day_start_utc(day or date(1970, 1, 1))

        with self._uow() as uow:
            s = uow.session
            for a in s.execute(select(
                    Activity.kind, Activity.subject, Activity.due_at, Activity.done,
                    Activity.done_at, Activity.created_at, Activity.outcome)
                    .where(Activity.client_id == client_id)):
                when = a.done_at or a.due_at or a.created_at
                detail = a.outcome if a.done else translate("Clients", "запланировано")
                entries.append(TimelineEntry(when, "activity:" + a.kind, a.subject, detail))
            for d in s.execute(select(Deal.title, Deal.amount, Deal.created_at, Deal.closed_on,
                                      Stage.name, Stage.is_won, Stage.is_lost)
                               .join(Stage, Stage.id == Deal.stage_id)
                               .where(Deal.client_id == client_id)):
                entries.append(TimelineEntry(d.created_at, "deal", translate(
                    "Clients", "Сделка «{t}» на {sum}").format(t=d.title,
                                                            sum=format_money(d.amount)),
                    translate("Clients", "этап: {stage}").format(stage=d.name)))
                if d.closed_on and (d.is_won or d.is_lost):
                    entries.append(TimelineEntry(at(d.closed_on), "deal_closed", translate(
                        "Clients", "Сделка «{t}» закрыта: {stage}").format(
                        t=d.title, stage=d.name), ""))
            for o in s.execute(select(Offer.number, Offer.issued_on, Offer.total, Deal.title)
                               .join(Deal, Deal.id == Offer.deal_id)
                               .where(Deal.client_id == client_id)):
                entries.append(TimelineEntry(at(o.issued_on), "offer", translate(
                    "Clients", "Коммерческое предложение {n} на {sum}").format(
                    n=o.number, sum=format_money(o.total)), o.title))
            for o in s.execute(select(Order.number, Order.ordered_on, Order.amount, Order.status)
                               .where(Order.client_id == client_id)):
                entries.append(TimelineEntry(at(o.ordered_on), "order", translate(
                    "Clients", "Заказ {n} на {sum}").format(n=o.number, sum=format_money(o.amount)),
                    order_status_label(o.status)))
            for c in s.execute(select(Complaint.opened_on, Complaint.category,
                                      Complaint.description, Complaint.status)
                               .where(Complaint.client_id == client_id)):
                entries.append(TimelineEntry(at(c.opened_on), "complaint", translate(
                    "Clients", "Рекламация: {category}").format(
                    category=complaint_category_label(c.category)), c.description))
            for sc in s.execute(select(SatisfactionScore.scored_on, SatisfactionScore.score,
                                       SatisfactionScore.comment)
                                .where(SatisfactionScore.client_id == client_id)):
                entries.append(TimelineEntry(at(sc.scored_on), "score", translate(
                    "Clients", "Оценка удовлетворённости: {n} из 10").format(n=sc.score),
                    sc.comment))
        entries.sort(key=lambda e: e.when, reverse=True)
        return entries[:limit]

    def open_deals(self, client_id: int) -> list[OpenDeal]:
        """The client's deals still in the pipeline (neither won nor lost), by stage order."""
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Deal.id, Deal.title, Stage.name, Deal.amount, Deal.expected_close,
                       func.coalesce(Deal.probability, Stage.probability))
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.client_id == client_id, Stage.is_won.is_(False),
                       Stage.is_lost.is_(False))
                .order_by(Stage.position, Deal.expected_close, Deal.id)).all()
        return [OpenDeal(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0)) for r in rows]

    def activities_of(self, client_id: int, *, done: bool,
                      limit: int = 10) -> list[ActivityLine]:
        """Done activities newest first, or planned ones soonest first."""
        when = func.coalesce(Activity.done_at, Activity.due_at, Activity.created_at)
        with self._uow() as uow:
            rows = uow.session.execute(
                select(Activity.due_at, Activity.done_at, Activity.created_at, Activity.kind,
                       Activity.subject, Activity.done, Activity.outcome, Activity.next_step,
                       func.coalesce(Contact.name, ""))
                .outerjoin(Contact, Contact.id == Activity.contact_id)
                .where(Activity.client_id == client_id, Activity.done.is_(done))
                .order_by(when.desc() if done else when.asc())
                .limit(limit)).all()
        return [ActivityLine(r[1] or r[0] or r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8])
                for r in rows]

    def purchase_summary(self, client_id: int) -> PurchaseSummary:
        with self._uow() as uow:
            total, count, first, last = uow.session.execute(
                select(func.coalesce(func.sum(Order.amount), ZERO), func.count(Order.id),
                       func.min(Order.ordered_on), func.max(Order.ordered_on))
                .where(Order.client_id == client_id, Order.status != "cancelled")
            ).one()
        total = Decimal(total)
        average = (total / count).quantize(Decimal("0.01")) if count else ZERO
        between = None
        if count > 1 and first and last:
            between = round((last - first).days / (count - 1), 1)
        return PurchaseSummary(total=total, orders=count, average=average,
                               average_days_between=between, last_purchase=last,
                               first_purchase=first)
