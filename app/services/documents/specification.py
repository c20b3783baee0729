"""The specification (спецификация к договору) of an order or of an accepted КП: its snapshot,
gathered from the session when it is issued, and its PDF, rendered from the snapshot only.

An order's specification lists the order's own lines at the VAT rate of the specification's
date; an offer's lists the КП's frozen lines as the client accepted them. An offer counts as
accepted when its deal is won (or has an order) and no newer version replaced it. The
contract («Приложение № N к договору № … от …») is the order's, or for an offer the deal's
latest order's that names one; the annex number counts the orders of that contract that
have a specification (a re-issue for the same order keeps its number).
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.dates import long_date, short_date
from app.i18n import in_language, translate
from app.models import (
    Client,
    CompanySettings,
    Deal,
    DealDocument,
    Offer,
    Order,
    OrderLine,
    Stage,
)
from app.services.documents.base import (
    CELL_PADDING,
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    SignatureLine,
    data_table,
    document_language,
    value_column_width,
)
from app.services.documents.frozen import render_frozen
from app.services.documents.invoice import party_line
from app.services.documents.markup import bind_signs, clip, esc, fmt
from app.services.documents.service import BUYER_FIELDS, company_info
from app.services.documents.totals import (
    DocumentTotals,
    money,
    number,
    rate_label,
    snapshot_line,
    totals_rows,
    vat_phrase,
)
from app.services.documents.words import amount_in_words
from app.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:  # reportlab is imported when a specification is rendered
    from reportlab.platypus import Flowable


def _buyer(client: Client | None) -> dict[str, str]:
    return {k: (getattr(client, k) or "") for k in BUYER_FIELDS} if client else {}


def _contract(s: Session, order: Order | None) -> dict[str, Any]:
    """The contract the specification is an annex to, and the annex's number; {} if none."""
    if order is None or not order.contract_number.strip():
        return {}
    number_text = order.contract_number.strip()
    previous = s.scalars(select(DealDocument.snapshot).where(
        DealDocument.kind == "specification", DealDocument.order_id == order.id)
        .order_by(DealDocument.id.desc()).limit(1)).first()
    annex = int((json.loads(previous).get("contract") or {}).get("annex") or 0) \
        if previous else 0
    if not annex:
        others = s.scalar(
            select(func.count(func.distinct(DealDocument.order_id)))
            .join(Order, Order.id == DealDocument.order_id)
            .where(DealDocument.kind == "specification", Order.id != order.id,
                   Order.client_id == order.client_id,
                   func.trim(Order.contract_number) == number_text)) or 0
        annex = others + 1
    return {"number": number_text, "annex": annex,
            "date": order.contract_date.isoformat() if order.contract_date else None}


def _terms(deal: Deal | None, order: Order | None) -> dict[str, str]:
    """The payment and delivery terms in words (the deal's, with the order's dates)."""
    payment = [deal.payment_terms.strip()] if deal is not None and deal.payment_terms else []
    delivery = [deal.delivery_terms.strip()] if deal is not None and deal.delivery_terms else []
    if order is not None:
        if order.prepayment_pct:
            payment.append(translate("Documents", "предоплата {pct} %").format(
                pct=number(order.prepayment_pct)))
        if order.deferred_days:
            payment.append(translate("Documents", "отсрочка платежа {n} дн.").format(
                n=order.deferred_days))
        if order.payment_due_on is not None:
            payment.append(translate("Documents", "оплата до {d}").format(
                d=short_date(order.payment_due_on)))
        if order.ship_by is not None:
            delivery.append(translate("Documents", "отгрузка до {d}").format(
                d=short_date(order.ship_by)))
        if order.delivery_address.strip():
            delivery.append(translate("Documents", "адрес доставки: {a}").format(
                a=" ".join(order.delivery_address.split())))
    return {"payment": "; ".join(p for p in payment if p),
            "delivery": "; ".join(d for d in delivery if d)}


def gather_order_specification(s: Session, order_id: int, *, on: date
                               ) -> tuple[dict[str, Any], int | None]:
    """The snapshot of an order's specification (without its number) and the order's deal."""
    order = s.get(Order, order_id)
    if order is None:
        raise NotFoundError(translate("Documents", "Заказ не найден"))
    if order.status == "cancelled":
        raise ValidationError.single("order", translate(
            "Documents", "Заказ № {n} отменён: спецификация к нему не составляется").format(
            n=order.number))
    own = s.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                    .order_by(OrderLine.position, OrderLine.id)).all()
    if not own:
        raise ValidationError.single("order", translate(
            "Documents", "В заказе № {n} нет позиций: спецификацию не из чего составить")
            .format(n=order.number))
    company = s.get(CompanySettings, 1)
    deal = s.get(Deal, order.deal_id) if order.deal_id else None
    client = s.get(Client, order.client_id)
    language = document_language(client.document_language if client else None)
    with in_language(language):
        source = translate("Documents", "Заказ № {n} от {d}").format(
            n=order.number, d=short_date(order.ordered_on))
        terms = _terms(deal, order)
    snapshot = {
        "language": language, "subject": source,
        "source": {"kind": "order", "id": order.id, "number": order.number},
        "contract": _contract(s, order),
        "seller": company_info(company).to_json(),
        "buyer": _buyer(client),
        "prices_include_vat": bool(company.prices_include_vat) if company else True,
        "lines": [snapshot_line(ln.name, ln.unit, ln.quantity, ln.price, ln.discount,
                                ln.vat_kind, on) for ln in own],
        "terms": terms,
    }
    return snapshot, order.deal_id


def gather_offer_specification(s: Session, offer_id: int) -> tuple[dict[str, Any], int]:
    """The snapshot of an accepted offer's specification (without its number) and its deal."""
    offer = s.get(Offer, offer_id)
    if offer is None:
        raise NotFoundError(translate("Documents", "КП не найдено"))
    newer = s.scalar(select(Offer.number).where(Offer.supersedes_id == offer.id)
                     .order_by(Offer.id.desc()).limit(1))
    if newer is not None:
        raise ValidationError.single("offer", translate(
            "Documents", "КП № {n} заменено версией № {m}: спецификация — по действующей")
            .format(n=offer.number, m=newer))
    deal = s.get(Deal, offer.deal_id)
    stage = s.get(Stage, deal.stage_id) if deal is not None else None
    orders = s.scalars(select(Order).where(Order.deal_id == offer.deal_id,
                                           Order.status != "cancelled")
                       .order_by(Order.ordered_on.desc(), Order.id.desc())).all()
    if deal is None or not ((stage is not None and stage.is_won) or orders):
        raise ValidationError.single("offer", translate(
            "Documents", "КП № {n} не принято: сделка не выиграна").format(n=offer.number))
    frozen: dict[str, Any] = json.loads(offer.snapshot)
    lines = list(frozen.get("lines") or [])
    if not lines:
        raise ValidationError.single("offer", translate(
            "Documents", "В КП № {n} нет позиций: спецификацию не из чего составить")
            .format(n=offer.number))
    company = s.get(CompanySettings, 1)
    with_contract = next((o for o in orders if o.contract_number.strip()), None)
    language = document_language(frozen.get("language"))  # the КП's own, as accepted
    with in_language(language):
        source = translate("Documents", "Коммерческое предложение № {n} от {d}").format(
            n=offer.number, d=short_date(offer.issued_on))
        terms = _terms(deal, None)
    snapshot = {
        "language": language, "subject": source,
        "source": {"kind": "offer", "id": offer.id, "number": offer.number},
        "contract": _contract(s, with_contract),
        "seller": company_info(company).to_json(),
        "buyer": _buyer(s.get(Client, deal.client_id)),
        "prices_include_vat": bool(frozen.get("prices_include_vat", True)),
        # as the client accepted them: the КП's prices and VAT rates (not its photos)
        "lines": [{k: v for k, v in line.items() if k != "image"} for line in lines],
        "terms": terms,
    }
    return snapshot, deal.id


# --- the PDF ----------------------------------------------------------------------------

def render_specification(snapshot: dict[str, Any]) -> bytes:
    """The PDF of an issued specification, from its snapshot only, in its language."""
    return render_frozen(snapshot, lambda: translate("Documents", "Спецификация № {n}"),
                         _story)


def annex_line(snapshot: dict[str, Any]) -> str:
    """«Приложение № 1 к договору № 15/26 от 01.11.2026»; "" without a contract."""
    contract = snapshot.get("contract") or {}
    if not contract.get("number"):
        return ""
    text = translate("Documents", "Приложение № {a} к договору № {n}").format(
        a=contract.get("annex") or 1, n=contract["number"])
    if contract.get("date"):
        text = translate("Documents", "{text} от {d}").format(
            text=text, d=short_date(date.fromisoformat(contract["date"])))
    return text


def _items(ctx: BuildContext, totals: DocumentTotals) -> Flowable:
    """The lines, as the invoice's table has them, with each line's VAT."""
    has_discount = any(line.discount for line in totals.lines)
    columns = [Column("№", 0.45, "center"),
               Column(translate("Documents", "Товары (работы, услуги)"), 4.2),
               Column(translate("Documents", "Кол-во"), 0.9, "right"),
               Column(translate("Documents", "Ед."), 0.95, "center"),
               Column(translate("Documents", "Цена") if totals.prices_include_vat
                      else translate("Documents", "Цена без НДС"), 1.3, "right")]
    if has_discount:
        columns.append(Column(translate("Documents", "Скидка"), 1.1, "right"))
    columns += [Column(translate("Documents", "НДС"), 1.0, "center"),
                Column(translate("Documents", "Сумма НДС"), 1.2, "right"),
                Column(translate("Documents", "Сумма") if totals.prices_include_vat
                       else translate("Documents", "Сумма без НДС"), 1.4, "right")]
    rows = []
    for i, line in enumerate(totals.lines, start=1):
        row = [str(i), line.name, number(line.quantity), line.unit, money(line.price)]
        if has_discount:
            row.append(f"{number(line.discount)} %" if line.discount else "—")
        row += [rate_label(line.rate), money(line.vat) if line.rate is not None else "—",
                money(line.amount)]
        rows.append(row)
    return data_table(ctx, columns, rows, zebra=False)


def _totals(ctx: BuildContext, totals: DocumentTotals) -> Flowable:
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    rows = totals_rows(totals)
    value_w = value_column_width([v for _k, v in rows], st.cell_bold_right, ctx.width * 0.17)
    label_w = min(ctx.width * 0.3, ctx.width - value_w)
    last = len(rows) - 1
    table = Table([[Paragraph(esc(k), st.cell_bold_right if i == last else st.cell_right),
                    Paragraph(esc(v), st.cell_bold_right if i == last else st.cell_right)]
                   for i, (k, v) in enumerate(rows)], colWidths=[label_w, value_w],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                               ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)]))
    return table


def _signatures(ctx: BuildContext, snapshot: dict[str, Any],
                seller: CompanyInfo) -> list[Flowable]:
    from reportlab.platypus import Paragraph, Spacer

    st = ctx.styles
    buyer = snapshot.get("buyer") or {}
    out: list[Flowable] = []
    for label, name, rows, facsimile, stamp in (
            (translate("Documents", "Поставщик"), seller.full_name or seller.name,
             [(seller.signer_title or translate("Documents", "Руководитель"),
               seller.signer_name)], seller.facsimile if seller.signer_name else None,
             seller.stamp),
            (translate("Documents", "Покупатель"),
             str(buyer.get("full_name") or buyer.get("name") or ""),
             [(translate("Documents", "Руководитель"), "")], None, None)):
        out.append(Paragraph(fmt("<b>{l}:</b> {n}", l=label, n=clip(name, 300)), st.body))
        out.append(SignatureLine.make(ctx, rows, facsimile=facsimile, stamp=stamp,
                                      seal_place=True))
        out.append(Spacer(1, 4 * MM))
    return out


def _story(ctx: BuildContext, snapshot: dict[str, Any], seller: CompanyInfo, issued: date,
           totals: DocumentTotals) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = ctx.styles
    story: list[Flowable] = []
    annex = annex_line(snapshot)
    if annex:
        story.append(Paragraph(esc(bind_signs(annex)), st.small_right))
        story.append(Spacer(1, 6 * MM))
    story.append(Paragraph(fmt(translate("Documents", "Спецификация № {n}"),
                               n=snapshot["number"]), st.title_center))
    story.append(Paragraph(fmt(translate("Documents", "от {d}"), d=long_date(issued)),
                           st.body_center))
    story.append(Spacer(1, 6 * MM))
    seller_party = {**(snapshot.get("seller") or {}), "logo": None}
    parties = [(translate("Documents", "Поставщик:"), party_line(seller_party)),
               (translate("Documents", "Покупатель:"), party_line(snapshot.get("buyer") or {}))]
    if snapshot.get("subject"):
        parties.append((translate("Documents", "Основание:"), str(snapshot["subject"])))
    label_w = min(ctx.width * 0.35,
                  value_column_width([k for k, _ in parties], st.cell, ctx.width * 0.18))
    table = Table([[Paragraph(esc(k), st.cell), Paragraph(fmt("<b>{v}</b>", v=clip(v, 600)),
                                                          st.cell)]
                   for k, v in parties], colWidths=[label_w, ctx.width - label_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story += [table, Spacer(1, 4 * MM)]
    story.append(ctx.p(translate("Documents", "Стороны согласовали поставку следующих "
                                              "товаров (работ, услуг):"), "body"))
    story.append(Spacer(1, 2 * MM))
    story.append(_items(ctx, totals))
    story.append(Spacer(1, 2 * MM))
    ending: list[Flowable] = [
        _totals(ctx, totals), Spacer(1, 3 * MM),
        ctx.m(fmt(translate("Documents", "Всего наименований {n}, на сумму {s} руб."),
                  n=len(totals.lines), s=money(totals.total)), "body"),
        ctx.m(fmt("<b>{w}</b>", w=amount_in_words(totals.total)), "body"),
        ctx.p(vat_phrase(totals), "small_muted"), Spacer(1, 4 * MM)]
    terms = snapshot.get("terms") or {}
    agreed = translate("Documents", "по договору")
    for label, value in ((translate("Documents", "Условия оплаты"), terms.get("payment")),
                         (translate("Documents", "Условия поставки"), terms.get("delivery"))):
        ending.append(ctx.m(fmt("<b>{l}:</b> {v}", l=label, v=value or agreed), "body"))
    ending.append(Spacer(1, 6 * MM))
    # the totals, the terms and both parties' signatures keep to one page
    story.append(KeepTogether(ending + _signatures(ctx, snapshot, seller)))
    return story
