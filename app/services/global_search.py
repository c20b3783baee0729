"""One box over everything (Ctrl+K): clients, contact persons, deals, КП, invoices, orders
and products, a few hits of each kind per keystroke.

Every kind is one indexed or bounded query, so a keystroke stays cheap on a ten-year base
(`bench/bench_clients.py` measures it):
- clients and contacts go through the client search indexes (`fts_clients`, FTS5 — the one
  engine-specific seam, `app.services.clients.matching`): clients on their names, ИНН and
  codes by a word's beginning, then on a fragment of the name (`fts_client_names`);
  contact persons on the people, phones and e-mails columns, then the matching
  persons of those few clients are picked in Python;
- deals by any fragment of their title (every typed word of three characters or more)
  through the trigram index `fts_deals` (migration 0017, the deal search's one
  engine-specific seam), newest first;
- КП, invoice and order numbers by their beginning as typed (upper-cased: «кп-2026» finds
  «КП-2026-0012»), a range on each number's index, when the text looks like a number
  (letters, then a dash or a digit);
- products (a catalogue of hundreds) on SKU and name, folded in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.money import format_money
from app.i18n import translate
from app.models import Client, Contact, Deal, Offer, Order, Product, Stage
from app.services.clients.matching import (
    MIN_SEARCH_CHARS,
    digits,
    fold,
    fragment_match_expression,
    fts_match_expression,
)
from app.services.uow import UowFactory

PER_KIND = 5  # hits of each kind the box shows
TRIGRAM = 3  # the shortest fragment the deal title index (trigram) finds
# the kinds in the order the box groups them
KINDS = ("client", "contact", "deal", "offer", "invoice", "order", "product")


def kind_label(kind: str) -> str:
    return {
        "client": translate("GlobalSearch", "Клиенты"),
        "contact": translate("GlobalSearch", "Контактные лица"),
        "deal": translate("GlobalSearch", "Сделки"),
        "offer": translate("GlobalSearch", "Коммерческие предложения"),
        "invoice": translate("GlobalSearch", "Счета"),
        "order": translate("GlobalSearch", "Заказы"),
        "product": translate("GlobalSearch", "Товары"),
    }.get(kind, kind)


@dataclass(frozen=True)
class SearchHit:
    """One line of the box. `target` and `target_id` say what Enter opens: a client, a deal,
    an order or a product (a contact opens its client, a КП its deal, an invoice its order
    or deal)."""

    kind: str
    title: str
    detail: str
    target: str
    target_id: int


def _looks_like_number(text: str) -> bool:
    """«КП-», «з-2026», «СЧ-2026-00»: letters, then a dash or a digit (how every document
    number of the app starts)."""
    letters = next((i for i, ch in enumerate(text) if not ch.isalpha()), len(text))
    return 0 < letters < len(text) and (text[letters] == "-" or text[letters].isdigit())


def _starts(column: InstrumentedAttribute[str], prefix: str) -> tuple[ColumnElement[bool], ...]:
    """`column` starts with `prefix`, as a range on its index (LIKE would not use it)."""
    return column >= prefix, column < prefix + "\U0010ffff"


class GlobalSearchService:
    def __init__(self, *, uow_factory: UowFactory) -> None:
        self._uow = uow_factory

    def search(self, text: str, *, per_kind: int = PER_KIND) -> list[SearchHit]:
        """The hits for what the user typed, grouped by kind in `KINDS` order."""
        text = " ".join(text.split())
        if len(text) < MIN_SEARCH_CHARS:
            return []
        hits: list[SearchHit] = []
        with self._uow(read_only=True) as uow:
            s = uow.session
            match = fts_match_expression(text)
            if match is not None:
                hits += self._clients(s, match, fragment_match_expression(text), per_kind)
                hits += self._contacts(s, text, match, per_kind)
            hits += self._deals(s, text, per_kind)
            number = text.upper().replace(" ", "")
            if _looks_like_number(number):
                hits += self._offers(s, number, per_kind)
                hits += self._invoices(s, number, per_kind)
                hits += self._orders(s, number, per_kind)
            hits += self._products(s, text, per_kind)
        return hits

    @staticmethod
    def _clients(s: Session, match: str, fragment: str | None, n: int) -> list[SearchHit]:
        # names and codes by their words' beginnings first, then names by a fragment
        ids = [int(r) for r in s.execute(sql_text(
            "SELECT rowid FROM fts_clients WHERE fts_clients MATCH :m LIMIT :n"),
            {"m": f"{{names codes}} : ({match})", "n": n}).scalars()]
        if fragment is not None and len(ids) < n:
            for r in s.execute(sql_text(
                    "SELECT rowid FROM fts_client_names WHERE fts_client_names MATCH :f"
                    " LIMIT :n"), {"f": fragment, "n": n * 2}).scalars():
                if int(r) not in ids and len(ids) < n:
                    ids.append(int(r))
        if not ids:
            return []
        rows = {r.id: r for r in s.execute(
            select(Client.id, Client.name, Client.inn, Client.archived)
            .where(Client.id.in_(ids)))}
        out = []
        for cid in ids:
            r = rows.get(cid)
            if r is None:
                continue
            detail = translate("GlobalSearch", "ИНН {inn}").format(inn=r.inn) if r.inn else ""
            if r.archived:
                detail = " · ".join(x for x in (detail, translate("GlobalSearch", "в архиве"))
                                    if x)
            out.append(SearchHit("client", r.name, detail, "client", cid))
        return out

    @staticmethod
    def _contacts(s: Session, text: str, match: str, n: int) -> list[SearchHit]:
        client_ids = [int(r) for r in s.execute(sql_text(
            "SELECT rowid FROM fts_clients WHERE fts_clients MATCH :m LIMIT :n"),
            {"m": f"{{people phones emails}} : ({match})", "n": n * 4}).scalars()]
        if not client_ids:
            return []
        terms = fold(text).split()
        out = []
        for r in s.execute(select(Contact.id, Contact.client_id, Contact.name, Contact.position,
                                  Contact.phone, Contact.phone2, Contact.email,
                                  Client.name.label("client"))
                           .join(Client, Client.id == Contact.client_id)
                           .where(Contact.client_id.in_(client_ids))
                           .order_by(Contact.name, Contact.id)):
            words = fold(f"{r.name} {r.position} {r.email}")
            phones = f"{digits(r.phone)} {digits(r.phone2)}"

            def found(term: str, words: str = words, phones: str = phones) -> bool:
                if not term.isdigit():
                    return term in words
                # "8916…" and "7916…" both start a Russian number (as the index holds it)
                return term in phones or (len(term) >= 5 and term[0] in "78"
                                          and term[1:] in phones)

            if all(found(t) for t in terms):
                detail = " · ".join(x for x in (r.client, r.phone or r.email) if x)
                out.append(SearchHit("contact", r.name, detail, "client", int(r.client_id)))
                if len(out) >= n:
                    break
        return out

    @staticmethod
    def _deals(s: Session, text: str, n: int) -> list[SearchHit]:
        # every word a fragment of the title (trigram index: three characters or more)
        words = [w for w in fold(text).split() if len(w) >= TRIGRAM]
        if not words:
            return []
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        ids = [int(r) for r in s.execute(sql_text(
            "SELECT rowid FROM fts_deals WHERE fts_deals MATCH :m ORDER BY rowid DESC LIMIT :n"),
            {"m": match, "n": n}).scalars()]
        if not ids:
            return []
        rows = {r.id: r for r in s.execute(
            select(Deal.id, Deal.title, Deal.amount, Client.name.label("client"),
                   Stage.name.label("stage"))
            .join(Client, Client.id == Deal.client_id).join(Stage, Stage.id == Deal.stage_id)
            .where(Deal.id.in_(ids)))}
        return [SearchHit("deal", r.title,
                          " · ".join((r.client, r.stage, format_money(r.amount))), "deal",
                          int(r.id)) for r in (rows[i] for i in ids if i in rows)]

    @staticmethod
    def _offers(s: Session, number: str, n: int) -> list[SearchHit]:
        rows = s.execute(
            select(Offer.number, Offer.deal_id, Offer.total, Client.name.label("client"))
            .join(Deal, Deal.id == Offer.deal_id).join(Client, Client.id == Deal.client_id)
            .where(*_starts(Offer.number, number))
            .order_by(Offer.number.desc()).limit(n))
        return [SearchHit("offer", r.number, " · ".join((r.client, format_money(r.total))),
                          "deal", int(r.deal_id)) for r in rows]

    @staticmethod
    def _invoices(s: Session, number: str, n: int) -> list[SearchHit]:
        rows = s.execute(
            select(Order.id, Order.invoice_number, Order.number, Client.name.label("client"))
            .join(Client, Client.id == Order.client_id)
            .where(*_starts(Order.invoice_number, number))
            .order_by(Order.invoice_number.desc()).limit(n))
        return [SearchHit("invoice", r.invoice_number,
                          " · ".join((r.client, translate("GlobalSearch", "заказ {n}")
                                      .format(n=r.number))), "order", int(r.id)) for r in rows]

    @staticmethod
    def _orders(s: Session, number: str, n: int) -> list[SearchHit]:
        rows = s.execute(
            select(Order.id, Order.number, Order.amount, Client.name.label("client"))
            .join(Client, Client.id == Order.client_id)
            .where(*_starts(Order.number, number))
            .order_by(Order.number.desc()).limit(n))
        return [SearchHit("order", r.number, " · ".join((r.client, format_money(r.amount))),
                          "order", int(r.id)) for r in rows]

    @staticmethod
    def _products(s: Session, text: str, n: int) -> list[SearchHit]:
        terms = fold(text).split()
        out = []
        for r in s.execute(select(Product.id, Product.sku, Product.name, Product.price)
                           .where(Product.archived.is_(False))
                           .order_by(Product.name, Product.id)):
            words = fold(f"{r.sku} {r.name}")
            if all(t in words for t in terms):
                out.append(SearchHit("product", r.name,
                                     " · ".join((r.sku, format_money(r.price))), "product",
                                     int(r.id)))
                if len(out) >= n:
                    break
        return out
