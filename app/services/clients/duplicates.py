"""Duplicates: likely twins of a draft (ИНН, phone, e-mail, similar name) and merging two."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from sqlalchemy import delete, func, select, update
from sqlalchemy import text as sql_text

from app.i18n import translate
from app.models import (
    Base,
    Client,
    ClientTag,
    Contact,
)
from app.services.clients.drafts import CLIENT_TEXT_FIELDS, ClientDraft
from app.services.clients.matching import digits, email_key, fold, name_key, phone_key
from app.services.errors import NotFoundError, ValidationError
from app.services.rows import rowcount
from app.services.uow import UowFactory


@dataclass(frozen=True)
class DuplicateMatch:
    id: int
    name: str
    inn: str
    reasons: tuple[str, ...]
    archived: bool


@dataclass(frozen=True)
class MergeResult:
    survivor_id: int
    moved: dict[str, int] = field(default_factory=dict)


class ClientDuplicates:
    """Finds and merges duplicate clients."""

    _uow: UowFactory

    # --- duplicates -------------------------------------------------------------------------
    def find_duplicates(self, draft: ClientDraft, *, exclude_id: int | None = None,
                        limit: int = 10) -> list[DuplicateMatch]:
        """Existing clients with the same ИНН, phone or e-mail, or a near-identical name."""
        reasons: dict[int, list[str]] = {}

        def add(ids: Iterable[int], reason: str) -> None:
            for cid in ids:
                if cid != exclude_id and reason not in reasons.setdefault(cid, []):
                    reasons[cid].append(reason)

        inn = digits(draft.inn)
        phones = {phone_key(p) for p in
                  [draft.phone, *(c.phone for c in draft.contacts),
                   *(c.phone2 for c in draft.contacts)]} - {""}
        emails = {email_key(e) for e in
                  [draft.email, *(c.email for c in draft.contacts)]} - {""}
        key = name_key(draft.name)
        with self._uow(read_only=True) as uow:
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
            if survivor.service_every_days is None:
                survivor.service_every_days = other.service_every_days
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
                        n = rowcount(s.execute(update(table).where(col == duplicate_id)
                                               .values({col.name: survivor_id})))
                        if n:
                            moved[table.name] = moved.get(table.name, 0) + n
            s.expire_all()
            s.execute(delete(Client).where(Client.id == duplicate_id))
            uow.commit()
        return MergeResult(survivor_id=survivor_id, moved=moved)
