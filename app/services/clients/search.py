"""The client list and pickers: matching ids first (FTS5, one cheap query per keystroke),
then the row data of the visible page only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.money import from_kopecks
from app.models import (
    Client,
    ClientTag,
    Contact,
)
from app.services.clients.matching import (
    BROAD_MATCH,
    MIN_SEARCH_CHARS,
    fragment_match_expression,
    fts_match_expression,
)
from app.services.uow import UowFactory


def matches_sql(params: Mapping[str, object]) -> str:
    """The ids of the clients the typed words match: every word at a word's beginning in
    the client index (names, codes, phones, e-mails, people, tags, notes), or — with
    `fragment` — every word anywhere in the name (migration 0019)."""
    sql = "SELECT rowid FROM fts_clients WHERE fts_clients MATCH :match"
    if "fragment" in params:
        sql += (" UNION SELECT rowid FROM fts_client_names"
                " WHERE fts_client_names MATCH :fragment")
    return sql


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


def day_start_utc(day: date) -> datetime:
    tz = datetime.now().astimezone().tzinfo
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def naive_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def parse_stored(value: object) -> datetime | None:
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
    # Russian order (app.domain.collation): the stored sort key, indexed with the archive flag
    "name": "c.sort_name", "inn": "c.inn", "status": "c.status", "segment": "c.segment",
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


class ClientSearch:
    """The list, its filters and the client pickers of other areas."""

    _uow: UowFactory

    # --- the picker API (deals, offers, orders) ----------------------------------------
    def lookup(self, text: str, limit: int = 20) -> list[ClientChoice]:
        """Active (not archived) clients matching what was typed, in name order."""
        ids = self.search_ids(ClientQuery(text=text), limit=max(1, int(limit)))
        if not ids:
            return []
        with self._uow(read_only=True) as uow:
            rows = {r[0]: r for r in uow.session.execute(
                select(Client.id, Client.name, Client.inn, Client.segment)
                .where(Client.id.in_(ids)))}
        return [ClientChoice(*rows[i]) for i in ids if i in rows]

    def contacts_of(self, client_id: int) -> list[ContactChoice]:
        with self._uow(read_only=True) as uow:
            rows = uow.session.execute(
                select(Contact.id, Contact.name, Contact.position)
                .where(Contact.client_id == client_id)
                .order_by(Contact.is_primary.desc(), Contact.name, Contact.id)
            ).all()
        return [ContactChoice(r[0], r[1], r[2]) for r in rows]

    # --- the list -----------------------------------------------------------------------
    def _ids_sql(self, query: ClientQuery, today: date, *, join: str = "",
                 broad: bool = False, narrow: bool = False,
                 min_chars: int = MIN_SEARCH_CHARS) -> tuple[str, dict[str, int | str]]:
        where = ["c.archived = :archived"]
        params: dict[str, int | str] = {"archived": 1 if query.archived else 0,
                                  "year_start": date(today.year, 1, 1).isoformat()}
        match = fts_match_expression(query.text, min_chars)
        source = "clients c"
        if match:
            params["match"] = match
            fragment = fragment_match_expression(query.text)
            if fragment:
                params["fragment"] = fragment
        if match and narrow:
            # A few thousand matches: start from them and fetch each client by its key
            # (CROSS JOIN keeps that order in SQLite), then sort them — not a walk of the
            # whole name index probing the match list (22 → 10 ms for 7,000 of 100,000).
            source = f"({matches_sql(params)}) m CROSS JOIN clients c ON c.id = m.rowid"
        elif match:
            column = "+c.id" if broad else "c.id"
            where.append(f"{column} IN ({matches_sql(params)})")
        for key in ("status", "segment", "region", "industry"):
            value = getattr(query, key)
            if value:
                where.append(f"c.{key} = :{key}")
                params[key] = value
        if query.tag:
            where.append("c.id IN (SELECT client_id FROM client_tags WHERE tag = :tag)")
            params["tag"] = query.tag
        if query.no_contact_days > 0:
            cutoff = day_start_utc(today - timedelta(days=query.no_contact_days))
            where.append(
                # "+a.done": a sequential scan beats the (done, due_at) index here, whose
                # hits would each cost a random read of the row
                "c.id NOT IN (SELECT a.client_id FROM activities a WHERE +a.done = 1 "
                "AND a.client_id IS NOT NULL "
                "AND coalesce(a.done_at, a.due_at, a.created_at) >= :cutoff)")
            params["cutoff"] = naive_utc(cutoff)
        sql = f"SELECT c.id FROM {source} {join} WHERE {' AND '.join(where)}"
        return sql, params

    def search_ids(self, query: ClientQuery, today: date | None = None,
                   limit: int | None = None, *, picker: bool | None = None) -> list[int]:
        """Ids of the clients the list shows, in its order (cheap: one query, ints only).

        With `limit`, the first ones only: a broad match stops after a few rows of the name
        index. A picker (the default with a limit) searches from the first letter; the list's
        first page (`picker=False`) keeps the list's own rule for what starts a search.
        """
        today = today or date.today()
        min_chars = 1 if (limit is not None if picker is None else picker) else MIN_SEARCH_CHARS
        direction = "DESC" if query.descending else "ASC"
        join = ""
        if query.sort in _SORT_JOINS:
            sub, parts = _SORT_JOINS[query.sort]
            join = f"LEFT JOIN ({sub}) s ON s.client_id = c.id"
            sql, params = self._ids_sql(query, today, min_chars=min_chars, join=join)
            # "no value" stays at the end whichever way the column is sorted
            order = ", ".join(part if part.endswith("IS NULL") else f"{part} {direction}"
                              for part in parts)
        else:
            sql, params = self._ids_sql(query, today, min_chars=min_chars)
            order = f"{_SORT_SQL.get(query.sort, 'c.sort_name')} {direction}"
        with self._uow(read_only=True) as uow:
            s = uow.session
            if "match" in params and limit is None:
                # When the words match a large part of the base, walking the name index and
                # probing the match list ("+c.id" keeps SQLite off the primary key) beats
                # fetching every match by id and sorting them; fewer matches are fetched by
                # id. Counting stops at the threshold: a broad prefix is not counted whole.
                words: dict[str, int | str] = {k: params[k] for k in ("match", "fragment")
                                               if k in params}
                hits = s.execute(sql_text(
                    f"SELECT count(*) FROM (SELECT rowid FROM ({matches_sql(words)}) "
                    f"LIMIT :cap)"), {**words, "cap": BROAD_MATCH + 1}).scalar() or 0
                if hits <= BROAD_MATCH:
                    sql, params = self._ids_sql(query, today, narrow=True, join=join,
                                                min_chars=min_chars)
                elif query.sort == "name":
                    sql, params = self._ids_sql(query, today, broad=True,
                                                min_chars=min_chars)
            elif "match" in params and query.sort == "name":
                # a picker's few rows: the name index stops after them, however broad
                sql, params = self._ids_sql(query, today, broad=True, min_chars=min_chars)
            sql += f" ORDER BY {order}, c.id {direction}"
            if limit is not None:
                sql += f" LIMIT {max(int(limit), 0)}"
            # plain ints by the 100,000: the DB-API cursor, without per-row result objects
            raw = s.connection().connection.driver_connection
            if raw is None:  # only a pooled connection that was closed has none
                raise RuntimeError("the database connection has no DB-API connection")
            return [row[0] for row in raw.execute(sql, params).fetchall()]

    def rows(self, ids: list[int], today: date | None = None) -> list[ClientRow]:
        """The list's row data for these ids (a page), in the same order."""
        if not ids:
            return []
        today = today or date.today()
        result: dict[int, ClientRow] = {}
        with self._uow(read_only=True) as uow:
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
                        last_contact=parse_stored(r[11]), next_activity=parse_stored(r[12]),
                        revenue_year=from_kopecks(int(r[13] or 0)), archived=bool(r[14]))
        return [result[i] for i in ids if i in result]

    def list_clients(self, query: ClientQuery = ClientQuery(),
                     today: date | None = None) -> list[ClientRow]:
        return self.rows(self.search_ids(query, today), today)

    def count(self, *, archived: bool = False) -> int:
        with self._uow(read_only=True) as uow:
            return int(uow.session.scalar(
                select(func.count(Client.id)).where(Client.archived.is_(archived))) or 0)

    def filter_options(self, *, full: bool = True) -> FilterOptions:
        """Values in use, for filters and the card's choices. `full=False` reads only the
        indexed columns the list filters by (fast on a big base)."""
        with self._uow(read_only=True) as uow:
            s = uow.session

            def distinct(column: InstrumentedAttribute[str]) -> list[str]:
                return [v for v in s.scalars(select(column).distinct().order_by(column)) if v]

            def maybe(column: InstrumentedAttribute[str]) -> list[str]:
                return distinct(column) if full else []

            return FilterOptions(
                segments=distinct(Client.segment), tags=distinct(ClientTag.tag),
                regions=distinct(Client.region), industries=distinct(Client.industry),
                responsibles=maybe(Client.responsible), lead_sources=maybe(Client.lead_source),
                loyalty_tiers=maybe(Client.loyalty_tier))

    def all_tags(self) -> list[str]:
        return self.filter_options().tags
