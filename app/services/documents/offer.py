"""The commercial offer (КП): frozen snapshot from a deal, and its two visual templates."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reportlab is imported when an offer is rendered
    from reportlab.platypus import Flowable, Paragraph, Table

from app.domain.dates import short_date
from app.i18n import in_language, translate
from app.services.documents.addressing import greeting
from app.services.documents.base import (
    CELL_PADDING,
    DOCUMENT_LANGUAGE,
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    DocumentMeta,
    SignatureLine,
    build_pdf,
    company_requisites_line,
    data_table,
    document_title,
    image_flowable,
    letterhead,
    value_column_width,
)
from app.services.documents.markup import clip, clip_values, esc, fmt, inline_list
from app.services.documents.styles import THEMES
from app.services.documents.totals import (
    DocumentTotals,
    compute_totals,
    money,
    number,
    rate_label,
    totals_rows,
    vat_phrase,
)
from app.services.documents.words import amount_in_words

SNAPSHOT_VERSION = 1


def default_intro(template: str, contact_name: str = "",
                  language: str = DOCUMENT_LANGUAGE) -> str:
    """The offer's introduction until the user writes one, in the document's language."""
    with in_language(language):
        return _default_intro(template, contact_name)


def _default_intro(template: str, contact_name: str) -> str:
    opening = greeting(contact_name)
    if template == "modern":
        body = translate(
            "Documents",
            "Спасибо за интерес к нашему предложению. Мы подобрали решение под вашу задачу: "
            "ниже — состав поставки, цены с учётом согласованных скидок и условия работы. "
            "Будем рады ответить на вопросы и подготовить договор.")
    else:
        body = translate(
            "Documents",
            "Благодарим вас за проявленный интерес к нашей компании. Предлагаем рассмотреть "
            "поставку на следующих условиях. Цены указаны с учётом согласованных скидок; "
            "предложение действительно до указанной даты.")
    return f"{opening}\n{body}"


def render_offer(snapshot: dict[str, Any]) -> bytes:
    """The PDF of an issued offer, from its snapshot only (same snapshot → same bytes), in
    the offer's language (its snapshot's "language"; Russian by default), not the
    interface's."""
    with in_language(str(snapshot.get("language") or DOCUMENT_LANGUAGE)):
        return _render_offer(snapshot)


def _render_offer(snapshot: dict[str, Any]) -> bytes:
    template = snapshot.get("template", "classic")
    theme = THEMES.get(template, THEMES["classic"])
    # blocks that cannot split across pages get bounded text; lines and intro stay whole
    seller_info = CompanyInfo.from_json(snapshot.get("seller") or {}).clipped()
    snapshot = {**snapshot, "seller": seller_info.to_json(),
                "buyer": clip_values(snapshot.get("buyer")),
                "contact": clip_values(snapshot.get("contact")),
                "manager": clip_values(snapshot.get("manager"), 150),
                "deal": {**clip_values(snapshot.get("deal"), 2000),
                         "title": clip((snapshot.get("deal") or {}).get("title", ""), 300)}}
    seller = seller_info
    issued = date.fromisoformat(snapshot["issued_on"])
    totals = compute_totals(snapshot.get("lines") or [],
                            prices_include_vat=bool(snapshot.get("prices_include_vat", True)))
    meta = DocumentMeta(
        title=document_title(translate("Documents", "Коммерческое предложение № {n}").format(
            n=snapshot["number"]), snapshot),
        number=snapshot["number"], on=issued, company=seller, theme=theme,
        subject=offer_subject(snapshot),
    )
    if template == "modern":
        return build_pdf(lambda ctx: _modern_story(ctx, snapshot, totals), meta)
    return build_pdf(lambda ctx: _classic_story(ctx, snapshot, totals), meta)


# --- shared parts -----------------------------------------------------------------------

def offer_subject(snapshot: dict[str, Any]) -> str:
    """A frozen КП's subject line: its own, or (offers issued before it had one) the deal's
    name, as they printed."""
    if "subject" in snapshot:
        return str(snapshot["subject"])
    return str((snapshot.get("deal") or {}).get("title", ""))


def _vat_notice(ctx: BuildContext, snapshot: dict[str, Any]) -> list[Flowable]:
    """The offer's word on a VAT rate changing while it is valid (vat_change_notice)."""
    from reportlab.platypus import Paragraph, Spacer

    notice = str(snapshot.get("vat_notice") or "")
    if not notice:
        return []
    return [Spacer(1, 2 * MM), Paragraph(esc(notice), ctx.styles.small_muted)]


def _buyer_lines(snapshot: dict[str, Any]) -> list[str]:
    buyer = snapshot.get("buyer") or {}
    lines = [str(buyer.get("full_name") or buyer.get("name") or "")]
    req = []
    if buyer.get("inn"):
        req.append(translate("Documents", "ИНН {v}").format(v=buyer["inn"]))
    if buyer.get("kpp"):
        req.append(translate("Documents", "КПП {v}").format(v=buyer["kpp"]))
    if req:
        lines.append(inline_list(req))
    if buyer.get("legal_address"):
        lines.append(str(buyer["legal_address"]))
    return [line for line in lines if line]


def _contact_lines(snapshot: dict[str, Any]) -> list[str]:
    contact = snapshot.get("contact") or {}
    if not contact.get("name"):
        return []
    head = str(contact["name"])
    if contact.get("position"):
        head += f", {contact['position']}"
    lines = [head]
    lines += [str(contact[k]) for k in ("phone", "email") if contact.get(k)]  # a line each
    return lines


def _line_details(raw: dict[str, Any]) -> str:
    """The product's description, lead time and warranty under a line's name (markup), as
    the snapshot froze them from the catalog; "" for a line without them."""
    parts = []
    if raw.get("description"):
        parts.append(esc(raw["description"]))
    terms = inline_list([
        translate("Documents", "Срок поставки: {v}").format(v=raw["lead_time"])
        if raw.get("lead_time") else "",
        translate("Documents", "Гарантия: {v}").format(v=raw["warranty"])
        if raw.get("warranty") else ""])
    if terms:
        parts.append(esc(terms))
    return "<br/>".join(parts)


def _line_photo(raw: dict[str, Any]) -> bytes | None:
    try:
        return base64.b64decode(raw["image"], validate=True) if raw.get("image") else None
    except (binascii.Error, TypeError, ValueError):
        return None  # a damaged snapshot prints without the photo, never fails


def _items_table(ctx: BuildContext, totals: DocumentTotals,
                 raw_lines: list[dict[str, Any]]) -> Table:
    from reportlab.platypus import Paragraph

    raw_lines = raw_lines if len(raw_lines) == len(totals.lines) else [{}] * len(totals.lines)
    photos = [_line_photo(raw) for raw in raw_lines]
    price_title = (translate("Documents", "Цена с НДС, ₽") if totals.prices_include_vat
                   else translate("Documents", "Цена без НДС, ₽"))
    sum_title = (translate("Documents", "Сумма с НДС, ₽") if totals.prices_include_vat
                 else translate("Documents", "Сумма без НДС, ₽"))
    columns = [
        Column("№", 0.45, "center"),
        *([Column(translate("Documents", "Фото"), 1.1, "center", wraps=True)]
          if any(photos) else []),
        Column(translate("Documents", "Наименование"), 3.95),
        Column(translate("Documents", "Кол-во"), 0.95, "right"),
        Column(translate("Documents", "Ед."), 0.8, "center"),
        Column(price_title, 1.35, "right"),
        Column(translate("Documents", "Скидка"), 1.05, "right"),
        Column(translate("Documents", "НДС"), 1.0, "center"),
        Column(sum_title, 1.45, "right"),
    ]
    rows = []
    for i, (line, raw, photo) in enumerate(zip(totals.lines, raw_lines, photos, strict=True),
                                           start=1):
        details = _line_details(raw)
        name: object = (Paragraph(esc(line.name) + f'<br/><font size="7" color="'
                                  f'{ctx.theme.muted}">{details}</font>', ctx.styles.cell)
                        if details else line.name)
        row: list[object] = [str(i)]
        if any(photos):
            row.append(image_flowable(photo, 12 * MM, 9 * MM, h_align="CENTER") or "")
        row += [name, number(line.quantity), line.unit, money(line.price),
                f"{number(line.discount)} %" if line.discount else "—", rate_label(line.rate),
                money(line.amount)]
        rows.append(row)
    if not rows:
        rows.append(["", translate("Documents", "Позиции не указаны"), "", "", "", "", "", ""])
    return data_table(ctx, columns, rows)


def _totals_block(ctx: BuildContext, totals: DocumentTotals, *, boxed: bool) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    rows = totals_rows(totals)
    if boxed:  # the grand total gets its own panel below
        rows = rows[:-1]
    data = []
    for i, (label, value) in enumerate(rows):
        last = i == len(rows) - 1 and not boxed  # the grand total (boxed: shown below)
        data.append([Paragraph(esc(label), st.cell_bold_right if last else st.cell_right),
                     Paragraph(esc(value), st.cell_bold_right if last else st.cell_right)])
    value_w = value_column_width([v for _label, v in rows], st.cell_bold_right,
                                 ctx.width * 0.17)
    table = Table(data, colWidths=[min(ctx.width * 0.28, ctx.width - value_w), value_w],
                  hAlign="RIGHT")
    commands: list[tuple[Any, ...]] = [
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if not boxed:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(ctx.theme.accent))]
    table.setStyle(TableStyle(commands))
    return table


def _words(ctx: BuildContext, totals: DocumentTotals) -> list[Flowable]:
    count = len(totals.lines)
    return [
        ctx.m(fmt(translate("Documents", "Всего наименований {n}, на сумму {sum} руб."),
                  n=count, sum=money(totals.total)), "body"),
        ctx.m(fmt("<b>{words}</b>", words=amount_in_words(totals.total)), "body"),
        ctx.p(vat_phrase(totals), "small_muted"),
    ]


def _terms(ctx: BuildContext, snapshot: dict[str, Any]) -> list[tuple[str, str]]:
    deal = snapshot.get("deal") or {}
    terms = [
        (translate("Documents", "Условия оплаты"), str(deal.get("payment_terms") or "")
         or translate("Documents", "по согласованию")),
        (translate("Documents", "Условия поставки"), str(deal.get("delivery_terms") or "")
         or translate("Documents", "по согласованию")),
        (translate("Documents", "Срок действия"),
         translate("Documents", "до {date}").format(
             date=short_date(date.fromisoformat(snapshot["valid_until"])))),
    ]
    return terms


def _signatures(ctx: BuildContext, snapshot: dict[str, Any]) -> list[Flowable]:
    from reportlab.platypus import Spacer

    seller = CompanyInfo.from_json(snapshot.get("seller") or {})
    manager = snapshot.get("manager") or {}
    rows = []
    if seller.signer_name:
        rows.append((seller.signer_title or translate("Documents", "Руководитель"),
                     seller.signer_name))
    if manager.get("name"):
        rows.append((str(manager.get("position") or "")
                     or translate("Documents", "Менеджер по продажам"), str(manager["name"])))
    if not rows:
        return []
    out: list[Flowable] = [Spacer(1, 6 * MM), SignatureLine.make(
        ctx, rows, facsimile=seller.facsimile if seller.signer_name else None,
        stamp=seller.stamp)]
    reach = inline_list(manager.get(k) for k in ("phone", "email"))
    if manager.get("name") and reach:
        out.append(ctx.m(fmt(translate("Documents", "Ваш менеджер: {name}, {reach}"),
                             name=inline_list([manager["name"], manager.get("position")]),
                             reach=reach), "small_muted"))
    bank = bank_line(seller)
    if bank and snapshot.get("template") == "classic":  # the modern one has its seller card
        out.append(ctx.m(fmt(translate("Documents", "Банковские реквизиты: {v}"), v=bank),
                         "small_muted"))
    return out


def bank_line(seller: CompanyInfo) -> str:
    """«р/с 40702… в ПАО Банк, БИК 044525225, к/с 30101…», or "" without an account."""
    if not seller.settlement_account:
        return ""
    parts = [translate("Documents", "р/с {v}").format(v=seller.settlement_account)
             + (translate("Documents", " в {bank}").format(bank=seller.bank_name)
                if seller.bank_name else "")]
    if seller.bik:
        parts.append(translate("Documents", "БИК {v}").format(v=seller.bik))
    if seller.corr_account:
        parts.append(translate("Documents", "к/с {v}").format(v=seller.corr_account))
    return ", ".join(parts)


# --- classic ----------------------------------------------------------------------------

def _classic_story(ctx: BuildContext, snapshot: dict[str, Any],
                   totals: DocumentTotals) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = ctx.styles
    story: list[Flowable] = letterhead(ctx)
    story.append(Paragraph(fmt(translate("Documents", "Коммерческое предложение № {n}"),
                               n=snapshot["number"]), st.title_center))
    story.append(Paragraph(fmt(translate("Documents", "от {d} · действительно до {v}"),
                               d=short_date(date.fromisoformat(snapshot["issued_on"])),
                               v=short_date(date.fromisoformat(snapshot["valid_until"]))),
                           st.body_center))
    story.append(Spacer(1, 6 * MM))
    to_lines = _buyer_lines(snapshot)
    contact = _contact_lines(snapshot)
    left = [Paragraph(esc(translate("Documents", "Кому")), st.small_muted)]
    left += [Paragraph(fmt("<b>{t}</b>", t=line) if i == 0 else esc(line), st.cell)
             for i, line in enumerate(to_lines)]
    right = [Paragraph(esc(translate("Documents", "Контактное лицо")), st.small_muted)]
    right += [Paragraph(esc(line), st.cell) for line in contact] or [
        Paragraph("—", st.cell)]
    box = Table([[left, right]], colWidths=[ctx.width * 0.58, ctx.width * 0.42])
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (0, -1), 14)]))
    story += [box, Spacer(1, 5 * MM)]
    subject = clip(offer_subject(snapshot), 300)
    if subject:
        story.append(Paragraph(fmt(translate("Documents", "<b>Предмет предложения:</b> {t}"),
                                   t=subject), st.body))
        story.append(Spacer(1, 2 * MM))
    if snapshot.get("intro"):
        story.append(Paragraph(esc(snapshot["intro"]), st.body))
        story.append(Spacer(1, 4 * MM))
    story.append(_items_table(ctx, totals, snapshot.get("lines") or []))
    story.append(Spacer(1, 2 * MM))
    story.append(KeepTogether([_totals_block(ctx, totals, boxed=False), Spacer(1, 3 * MM),
                               *_words(ctx, totals), *_vat_notice(ctx, snapshot)]))
    story.append(Spacer(1, 5 * MM))
    # the terms and the signatures go to a page together: neither heading nor signatures
    # ever stand alone at a page's end or start
    ending: list[Flowable] = [Paragraph(esc(translate("Documents", "Условия")), st.h3)]
    for label, value in _terms(ctx, snapshot):
        ending.append(Paragraph(fmt("<b>{l}:</b> {v}", l=label, v=value), st.body))
    story.append(KeepTogether(ending + _signatures(ctx, snapshot)))
    return story


# --- modern -----------------------------------------------------------------------------

def _card_content(ctx: BuildContext, title: str, lines: list[str]) -> list[Paragraph]:
    from reportlab.platypus import Paragraph

    st = ctx.styles
    lines = [clip(line, 200) for line in lines]  # side-by-side cards cannot split
    content = [Paragraph(esc(title.upper()), st.small_muted)]
    content += [Paragraph(fmt("<b>{t}</b>", t=line) if i == 0 else esc(line), st.cell)
                for i, line in enumerate(lines)] or [Paragraph("—", st.cell)]
    return content


def _cards(ctx: BuildContext, left: tuple[str, list[str]],
           right: tuple[str, list[str]]) -> Table:
    """Two tinted cards of equal height side by side."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    gap = 4 * MM
    half = (ctx.width - gap) / 2
    table = Table([[_card_content(ctx, *left), "", _card_content(ctx, *right)]],
                  colWidths=[half, gap, half])
    light, accent = HexColor(ctx.theme.accent_light), HexColor(ctx.theme.accent)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, 0), light), ("BACKGROUND", (2, 0), (2, 0), light),
        ("LINEBEFORE", (0, 0), (0, 0), 2.2, accent), ("LINEBEFORE", (2, 0), (2, 0), 2.2, accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return table


def _modern_story(ctx: BuildContext, snapshot: dict[str, Any],
                  totals: DocumentTotals) -> list[Flowable]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = ctx.styles
    seller = CompanyInfo.from_json(snapshot.get("seller") or {})
    story: list[Flowable] = letterhead(ctx)
    issued = short_date(date.fromisoformat(snapshot["issued_on"]))
    valid = short_date(date.fromisoformat(snapshot["valid_until"]))
    story.append(Paragraph(esc(translate("Documents", "Коммерческое предложение")), st.title))
    story.append(Paragraph(fmt(translate("Documents", "№ {n} от {d} · действует до {v}"),
                               n=snapshot["number"], d=issued, v=valid), st.subtitle))
    story.append(Spacer(1, 5 * MM))
    seller_lines = [seller.full_name or seller.name, company_requisites_line(seller),
                    seller.phone, seller.email]
    buyer_lines = _buyer_lines(snapshot) + _contact_lines(snapshot)
    cards = _cards(ctx, (translate("Documents", "Поставщик"), [x for x in seller_lines if x]),
                   (translate("Documents", "Покупатель"), buyer_lines))
    story += [cards, Spacer(1, 6 * MM)]
    subject = clip(offer_subject(snapshot), 300)
    if subject:
        story.append(Paragraph(esc(subject), st.h2))
    if snapshot.get("intro"):
        story.append(Paragraph(esc(snapshot["intro"]), st.body))
        story.append(Spacer(1, 5 * MM))
    story.append(_items_table(ctx, totals, snapshot.get("lines") or []))
    story.append(Spacer(1, 3 * MM))
    grand = f"{money(totals.total)}\u00a0₽"
    grand_w = value_column_width([grand], st.kpi_value, ctx.width * 0.25)
    total_box = Table(
        [[Paragraph(esc(translate("Documents", "ИТОГО К ОПЛАТЕ")), st.small_muted),
          Paragraph(fmt("<b>{v}</b>", v=grand), st.kpi_value)]],
        colWidths=[min(ctx.width * 0.25, ctx.width - grand_w), grand_w], hAlign="RIGHT")
    total_box.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(ctx.theme.accent_light)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    story.append(KeepTogether([_totals_block(ctx, totals, boxed=True), Spacer(1, 2 * MM),
                               total_box, Spacer(1, 3 * MM), *_words(ctx, totals),
                               *_vat_notice(ctx, snapshot)]))
    story.append(Spacer(1, 6 * MM))
    terms = _terms(ctx, snapshot)
    third = ctx.width / 3
    term_cells = [[Paragraph(esc(label.upper()), st.small_muted) for label, _ in terms],
                  [Paragraph(esc(value), st.cell) for _, value in terms]]
    term_table = Table(term_cells, colWidths=[third] * 3, splitInRow=1)
    term_table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.1, HexColor(ctx.theme.accent)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
    ]))
    story.append(KeepTogether([term_table, *_signatures(ctx, snapshot)]))  # as classic
    return story
