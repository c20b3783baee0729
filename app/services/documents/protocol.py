"""The negotiation protocol (протокол переговоров) of a deal: its snapshot, gathered from the
session when it is issued, and its PDF, rendered from the snapshot only.

The protocol says who met (our side: the people typed, by default the manager from the
company's settings; their side: the client's contacts chosen), what was agreed (the deal's
lines, amount, discount, payment and delivery terms), what is still open (the deal's
unresolved objections) and what happens next (the deal's planned activities, by date), and
has a signature line for each participant of both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import local_date, long_date, short_date
from app.domain.figures import line_total, percent
from app.domain.money import ZERO
from app.i18n import in_language, translate
from app.models import Activity, Client, CompanySettings, Contact, Deal, Objection
from app.services.activities.codes import activity_kind_label
from app.services.documents.addressing import short_name
from app.services.documents.base import (
    DOCUMENT_LANGUAGE,
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    SignatureLine,
    data_table,
    document_language,
    key_value_table,
    letterhead,
)
from app.services.documents.frozen import render_frozen
from app.services.documents.markup import bind_signs, clip, esc, fmt
from app.services.documents.service import BUYER_FIELDS, company_info, deal_lines
from app.services.documents.totals import (
    DocumentTotals,
    money,
    number,
    vat_phrase,
)
from app.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:  # reportlab is imported when a protocol is rendered
    from reportlab.platypus import Flowable

PLACE_LENGTH = 300
PARTICIPANT_LENGTH = 200
MAX_PARTICIPANTS = 20  # a side; the participants' block does not split across pages
SHORT_STEPS = 6  # next steps that go to a page together with the signatures


@dataclass(frozen=True)
class ProtocolContact:
    """A contact of the deal's client the protocol dialog offers as a participant."""

    id: int
    name: str
    position: str
    chosen: bool  # ticked at first: the deal's contact (else the primary one)


@dataclass(frozen=True)
class ProtocolDefaults:
    """What the protocol dialog starts with."""

    deal_id: int
    deal_title: str
    client_name: str
    company_name: str
    place: str  # the place of the deal's latest meeting, "" if none had one
    contacts: tuple[ProtocolContact, ...]
    our_participants: tuple[str, ...]  # «Орлова М. С., менеджер по продажам»


def _deal(s: Session, deal_id: int) -> Deal:
    deal = s.get(Deal, deal_id)
    if deal is None:
        raise NotFoundError(translate("Documents", "Сделка не найдена"))
    return deal


def _client_contacts(s: Session, client_id: int) -> list[Contact]:
    return list(s.scalars(select(Contact).where(Contact.client_id == client_id)
                          .order_by(Contact.is_primary.desc(), Contact.name, Contact.id)))


def _default_contact_ids(deal: Deal, contacts: Sequence[Contact]) -> list[int]:
    if deal.contact_id is not None and any(c.id == deal.contact_id for c in contacts):
        return [deal.contact_id]
    primary = next((c for c in contacts if c.is_primary), None)
    return [primary.id] if primary is not None else []


def _default_our_participants(company: CompanySettings | None,
                              language: str = DOCUMENT_LANGUAGE) -> list[str]:
    if company is None:
        return []
    with in_language(language):
        if company.manager_name.strip():
            return [translate("Documents", "{name}, менеджер по продажам").format(
                name=company.manager_name.strip())]
        if company.signer_name.strip():
            title = company.signer_title.strip() or translate("Documents", "руководитель")
            return [f"{company.signer_name.strip()}, {title}"]
    return []


def protocol_defaults_in(s: Session, deal_id: int) -> ProtocolDefaults:
    deal = _deal(s, deal_id)
    client = s.get(Client, deal.client_id)
    company = s.get(CompanySettings, 1)
    contacts = _client_contacts(s, deal.client_id)
    chosen = set(_default_contact_ids(deal, contacts))
    place = s.scalar(select(Activity.place).where(
        Activity.deal_id == deal.id, Activity.kind.in_(("meeting", "presentation")),
        Activity.place != "").order_by(Activity.due_at.desc(), Activity.id.desc()).limit(1))
    return ProtocolDefaults(
        deal_id=deal.id, deal_title=deal.title, client_name=client.name if client else "",
        company_name=company_info(company).display_name, place=place or "",
        contacts=tuple(ProtocolContact(id=c.id, name=c.name, position=c.position,
                                       chosen=c.id in chosen) for c in contacts),
        our_participants=tuple(_default_our_participants(
            company, document_language(client.document_language if client else None))))


def _person(text: str) -> dict[str, str]:
    """«Орлова Мария Сергеевна, менеджер» → name and position (split at the first comma)."""
    name, _, position = text.partition(",")
    return {"name": " ".join(name.split()), "position": " ".join(position.split())}


def _clean_our_participants(lines: Sequence[str]) -> list[dict[str, str]]:
    people = [" ".join(line.split()) for line in lines]
    people = [p for p in people if p]
    if len(people) > MAX_PARTICIPANTS:
        raise ValidationError.single("our_participants", translate(
            "Documents", "Участников с нашей стороны — не больше {n}").format(
            n=MAX_PARTICIPANTS))
    if any(len(p) > PARTICIPANT_LENGTH for p in people):
        raise ValidationError.single("our_participants", translate(
            "Documents", "Участник — не длиннее {n} знаков").format(n=PARTICIPANT_LENGTH))
    return [_person(p) for p in people]


def gather_protocol(s: Session, deal_id: int, *, on: date, place: str = "",
                    contact_ids: Sequence[int] | None = None,
                    our_participants: Sequence[str] | None = None) -> dict[str, Any]:
    """The snapshot of a protocol of the meeting on `on` (without its number): the deal and
    its client as they are now. `contact_ids` None: the deal's contact (else the primary
    one); `our_participants` None: the manager from the company's settings."""
    deal = _deal(s, deal_id)
    place = " ".join(place.split())
    if len(place) > PLACE_LENGTH:
        raise ValidationError.single("place", translate(
            "Documents", "Место встречи — не длиннее {n} знаков").format(n=PLACE_LENGTH))
    company = s.get(CompanySettings, 1)
    client = s.get(Client, deal.client_id)
    contacts = {c.id: c for c in _client_contacts(s, deal.client_id)}
    ids = (_default_contact_ids(deal, list(contacts.values())) if contact_ids is None
           else list(dict.fromkeys(contact_ids)))
    strangers = [i for i in ids if i not in contacts]
    if strangers:
        raise ValidationError.single("participants", translate(
            "Documents", "Контакт № {id} — не контакт клиента сделки").format(id=strangers[0]))
    if len(ids) > MAX_PARTICIPANTS:
        raise ValidationError.single("participants", translate(
            "Documents", "Участников со стороны клиента — не больше {n}").format(
            n=MAX_PARTICIPANTS))
    language = document_language(client.document_language if client else None)
    ours = _clean_our_participants(
        _default_our_participants(company, language) if our_participants is None
        else our_participants)
    objections = s.scalars(select(Objection).where(Objection.deal_id == deal.id,
                                                   Objection.resolved.is_(False))
                           .order_by(Objection.created_at, Objection.id)).all()
    planned = s.scalars(select(Activity).where(Activity.deal_id == deal.id,
                                               Activity.done.is_(False))
                        .order_by(Activity.due_at.is_(None), Activity.due_at,
                                  Activity.id)).all()
    with in_language(language):  # what the protocol prints, in the client's language
        lines = deal_lines(deal, on, company.default_vat_kind if company else "standard")
        steps = [{"on": local_date(a.due_at).isoformat() if a.due_at else None,
                  "kind": activity_kind_label(a.kind), "subject": a.subject}
                 for a in planned]
    return {
        "language": language,
        "subject": deal.title,
        "place": place,
        "seller": company_info(company).to_json(),
        "buyer": {k: (getattr(client, k) or "") for k in BUYER_FIELDS} if client else {},
        "our_participants": ours,
        "their_participants": [{"name": contacts[i].name, "position": contacts[i].position}
                               for i in ids],
        "deal": {"id": deal.id, "title": deal.title, "payment_terms": deal.payment_terms,
                 "delivery_terms": deal.delivery_terms},
        "prices_include_vat": bool(company.prices_include_vat) if company else True,
        "lines": lines,
        "open_questions": [{"text": o.text, "answer": o.answer} for o in objections],
        "next_steps": steps,
    }


# --- the PDF ----------------------------------------------------------------------------

def render_protocol(snapshot: dict[str, Any]) -> bytes:
    """The PDF of an issued protocol, from its snapshot only, in its language."""
    return render_frozen(snapshot, lambda: translate("Documents", "Протокол переговоров № {n}"),
                         _story)


def _side_name(party: dict[str, Any] | CompanyInfo) -> str:
    if isinstance(party, CompanyInfo):
        return party.display_name or translate("Documents", "Наша компания")
    return str(party.get("name") or party.get("full_name") or translate("Documents", "Клиент"))


def _person_line(person: dict[str, Any]) -> str:
    name, position = str(person.get("name") or ""), str(person.get("position") or "")
    return f"{name}, {position}" if name and position else name or position


def _participants(ctx: BuildContext, snapshot: dict[str, Any],
                  seller: CompanyInfo) -> Flowable:
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    cells = []
    for label, party, people in (
            (translate("Documents", "Со стороны {side}"), seller,
             snapshot.get("our_participants") or []),
            (translate("Documents", "Со стороны {side}"), snapshot.get("buyer") or {},
             snapshot.get("their_participants") or [])):
        cell = [Paragraph(fmt("<b>{t}</b>", t=clip(label.format(side=_side_name(party)), 200)),
                          st.cell)]
        cell += [Paragraph(esc(f"{i}. {clip(_person_line(p), PARTICIPANT_LENGTH)}"), st.cell)
                 for i, p in enumerate(people[:MAX_PARTICIPANTS], start=1)] or [
            Paragraph("—", st.cell)]
        cells.append(cell)
    half = ctx.width / 2
    table = Table([cells], colWidths=[half, half], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, -1), 12)]))
    return table


def _discount(totals: DocumentTotals) -> str:
    """«5 % — 1 234,00 руб.» (the lines' discount against their price), «без скидки»."""
    gross = sum((line_total(ln.quantity, ln.price) for ln in totals.lines), ZERO)
    given = gross - totals.amount
    if given <= 0:
        return translate("Documents", "без скидки")
    share = percent(given, gross, places=2) or Decimal(0)
    return translate("Documents", "{pct} % — {sum} руб.").format(pct=number(share),
                                                               sum=money(given))


def _terms(ctx: BuildContext, snapshot: dict[str, Any],
           totals: DocumentTotals) -> list[Flowable]:
    deal = snapshot.get("deal") or {}
    agreed = translate("Documents", "по согласованию")
    pairs: list[tuple[str, object]] = [
        (translate("Documents", "Предмет"), clip(snapshot.get("subject") or "", 300) or "—"),
        (translate("Documents", "Сумма"), bind_signs(translate(
            "Documents", "{sum} руб. ({vat})").format(sum=money(totals.total),
                                                      vat=vat_phrase(totals)))),
        (translate("Documents", "Скидка"), bind_signs(_discount(totals))),
        (translate("Documents", "Условия оплаты"), str(deal.get("payment_terms") or "") or agreed),
        (translate("Documents", "Условия поставки"),
         str(deal.get("delivery_terms") or "") or agreed),
    ]
    from reportlab.platypus import Spacer

    out: list[Flowable] = [key_value_table(ctx, pairs, label_width=0.24)]
    if totals.lines:
        out += [Spacer(1, 3 * MM), _lines_table(ctx, totals)]
    return out


def _lines_table(ctx: BuildContext, totals: DocumentTotals) -> Flowable:
    """The agreed lines, as the invoice's table has them (no VAT column: the sum says it)."""
    has_discount = any(line.discount for line in totals.lines)
    columns = [Column("№", 0.45, "center"),
               Column(translate("Documents", "Наименование"), 4.2),
               Column(translate("Documents", "Кол-во"), 0.9, "right"),
               Column(translate("Documents", "Ед."), 0.95, "center"),
               Column(translate("Documents", "Цена") if totals.prices_include_vat
                      else translate("Documents", "Цена без НДС"), 1.3, "right")]
    if has_discount:
        columns.append(Column(translate("Documents", "Скидка"), 1.1, "right"))
    columns.append(Column(translate("Documents", "Сумма") if totals.prices_include_vat
                          else translate("Documents", "Сумма без НДС"), 1.4, "right"))
    rows = []
    for i, line in enumerate(totals.lines, start=1):
        row = [str(i), line.name, number(line.quantity), line.unit, money(line.price)]
        if has_discount:
            row.append(f"{number(line.discount)} %" if line.discount else "—")
        row.append(money(line.amount))
        rows.append(row)
    footer = [["", translate("Documents", "Итого"), "", "", ""]
              + ([""] if has_discount else []) + [money(totals.amount)]]
    return data_table(ctx, columns, rows, footer_rows=footer, zebra=False)


def _open_questions(ctx: BuildContext, snapshot: dict[str, Any]) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Paragraph

    st = ctx.styles
    questions = snapshot.get("open_questions") or []
    if not questions:
        return [ctx.p(translate("Documents", "Открытых вопросов нет."), "body")]
    out: list[Flowable] = []
    for i, q in enumerate(questions, start=1):
        item: list[Flowable] = [Paragraph(fmt("{i}. {t}", i=i, t=q.get("text") or ""),
                                          st.body)]
        if q.get("answer"):
            item.append(Paragraph(fmt(translate("Documents", "Наш ответ: {a}"), a=q["answer"]),
                                  st.small_muted))
        out.append(KeepTogether(item))
    return out


def _next_steps(ctx: BuildContext, snapshot: dict[str, Any]) -> list[Flowable]:
    steps = snapshot.get("next_steps") or []
    if not steps:
        return [ctx.p(translate("Documents", "Следующие шаги не запланированы."), "body")]
    columns = [Column("№", 0.45, "center"),
               Column(translate("Documents", "Срок"), 1.2, "center"),
               Column(translate("Documents", "Что сделать"), 6.0)]
    rows = [[str(i), short_date(date.fromisoformat(s["on"])) if s.get("on")
             else translate("Documents", "без срока"),
             translate("Documents", "{kind}: {subject}").format(kind=s.get("kind") or "",
                                                                 subject=s.get("subject") or "")]
            for i, s in enumerate(steps, start=1)]
    return [data_table(ctx, columns, rows, zebra=False)]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _signature_rows(people: list[dict[str, Any]]) -> list[tuple[str, str]]:
    rows = [(_capitalized(str(p.get("position") or ""))
             or translate("Documents", "Представитель"),
             short_name(str(p.get("name") or ""))) for p in people[:MAX_PARTICIPANTS]]
    return rows or [(translate("Documents", "Представитель"), "")]


def _signatures(ctx: BuildContext, snapshot: dict[str, Any],
                seller: CompanyInfo) -> list[Flowable]:
    from reportlab.platypus import Paragraph, Spacer

    st = ctx.styles
    out: list[Flowable] = [Paragraph(esc(translate("Documents", "Подписи сторон")), st.h3)]
    for party, people in ((seller, snapshot.get("our_participants") or []),
                          (snapshot.get("buyer") or {},
                           snapshot.get("their_participants") or [])):
        out.append(Paragraph(fmt(translate("Documents", "<b>От {side}:</b>"),
                                 side=clip(_side_name(party), 200)), st.body))
        out.append(SignatureLine.make(ctx, _signature_rows(people)))
        out.append(Spacer(1, 3 * MM))
    return out


def _story(ctx: BuildContext, snapshot: dict[str, Any], seller: CompanyInfo, issued: date,
           totals: DocumentTotals) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    st = ctx.styles
    story: list[Flowable] = letterhead(ctx)
    story.append(Paragraph(fmt(translate("Documents", "Протокол переговоров № {n}"),
                               n=snapshot["number"]), st.title_center))
    story.append(Paragraph(fmt(translate("Documents", "по сделке «{t}»"),
                               t=clip(snapshot.get("subject") or "", 300)), st.body_center))
    story.append(Spacer(1, 5 * MM))
    story.append(key_value_table(ctx, [
        (translate("Documents", "Дата встречи"), long_date(issued)),
        (translate("Documents", "Место"), snapshot.get("place") or "—"),
    ], label_width=0.24))
    story.append(Spacer(1, 3 * MM))

    def section(title: str, body: list[Flowable]) -> list[Flowable]:
        # the heading style keeps with what follows: never alone at the foot of a page
        return [Spacer(1, 3 * MM), Paragraph(esc(title), st.h3), *body]

    story += section(translate("Documents", "Участники"),
                     [_participants(ctx, snapshot, seller)])
    story += section(translate("Documents", "Согласованные условия"),
                     _terms(ctx, snapshot, totals))
    story += section(translate("Documents", "Открытые вопросы"),
                     _open_questions(ctx, snapshot))
    steps = section(translate("Documents", "Следующие шаги"), _next_steps(ctx, snapshot))
    signatures = [Spacer(1, 6 * MM), *_signatures(ctx, snapshot, seller)]
    if len(snapshot.get("next_steps") or []) <= SHORT_STEPS:
        # a short list of steps goes to a page with the signatures: they never stand alone
        story.append(KeepTogether(steps + signatures))
    else:
        story += [*steps, KeepTogether(signatures)]
    return story
