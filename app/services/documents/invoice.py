"""The invoice for payment (счёт на оплату) in the standard Russian layout."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reportlab is imported when an invoice is rendered
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph, Table

from app.domain.dates import long_date, short_date
from app.i18n import in_language, translate
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
    data_table,
    document_title,
    image_flowable,
    value_column_width,
)
from app.services.documents.markup import clip, clip_values, esc, fmt, unbreakable
from app.services.documents.payment_qr import (
    payment_fields,
    payment_purpose,
    payment_text,
    qr_drawing,
)
from app.services.documents.styles import CLASSIC
from app.services.documents.totals import (
    DocumentTotals,
    compute_totals,
    money,
    number,
    rate_label,
)
from app.services.documents.words import amount_in_words


def party_line(party: dict[str, Any]) -> str:
    parts = [str(party.get("full_name") or party.get("name") or "")]
    if party.get("inn"):
        parts.append(translate("Documents", "ИНН {v}").format(v=party["inn"]))
    if party.get("kpp"):
        parts.append(translate("Documents", "КПП {v}").format(v=party["kpp"]))
    address = party.get("legal_address") or party.get("postal_address")
    if address:
        parts.append(str(address))
    if party.get("phone"):
        parts.append(unbreakable(translate("Documents", "тел.: {v}").format(v=party["phone"])))
    return ", ".join(p for p in parts if p)


def render_invoice(snapshot: dict[str, Any]) -> bytes:
    """The PDF of an issued invoice, from its snapshot, in its language (Russian when the
    snapshot predates the client's own setting)."""
    with in_language(str(snapshot.get("language") or DOCUMENT_LANGUAGE)):
        return _render_invoice(snapshot)


def _render_invoice(snapshot: dict[str, Any]) -> bytes:
    seller = CompanyInfo.from_json(snapshot.get("seller") or {}).clipped()
    snapshot = {**snapshot, "seller": seller.to_json(),
                "buyer": clip_values(snapshot.get("buyer")),
                "basis": clip(snapshot.get("basis", ""), 400)}
    issued = date.fromisoformat(snapshot["issued_on"])
    totals = compute_totals(snapshot.get("lines") or [],
                            prices_include_vat=bool(snapshot.get("prices_include_vat", True)))
    meta = DocumentMeta(
        title=document_title(translate("Documents", "Счёт на оплату № {n}").format(
            n=snapshot["number"]), snapshot),
        number=translate("Documents", "Счёт № {n}").format(n=snapshot["number"]), on=issued,
        company=seller, theme=CLASSIC)
    return build_pdf(lambda ctx: _story(ctx, snapshot, seller, issued, totals), meta)


def _bank_block(ctx: BuildContext, seller: CompanyInfo) -> Table:
    from reportlab.lib.colors import black
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    w = ctx.width

    def p(text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, style or st.cell)

    small = st.small_muted
    data: list[list[Paragraph | list[Paragraph] | str]] = [  # a cell: text, a paragraph or a stack
        [[p(esc(seller.bank_name or "—")), p(esc(translate("Documents", "Банк получателя")),
                                             small)], "",
         p(esc(translate("Documents", "БИК"))), p(esc(seller.bik))],
        ["", "", p(esc(translate("Documents", "Сч. №"))), p(esc(seller.corr_account))],
        [p(fmt(translate("Documents", "ИНН {v}"), v=seller.inn)),
         p(fmt(translate("Documents", "КПП {v}"), v=seller.kpp)),
         p(esc(translate("Documents", "Сч. №"))), p(esc(seller.settlement_account))],
        [[p(esc(seller.full_name or seller.name)),
          p(esc(translate("Documents", "Получатель")), small)], "", "", ""],
    ]
    table = Table(data, colWidths=[w * 0.29, w * 0.29, w * 0.09, w * 0.33])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 1)), ("SPAN", (0, 3), (1, 3)), ("SPAN", (2, 2), (2, 3)),
        ("SPAN", (3, 2), (3, 3)),
        ("GRID", (0, 0), (-1, -1), 0.6, black),
        ("LINEBELOW", (2, 0), (3, 0), 0, black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _story(ctx: BuildContext, snapshot: dict[str, Any], seller: CompanyInfo, issued: date,
           totals: DocumentTotals) -> list[Flowable]:
    from reportlab.lib.colors import black
    from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = ctx.styles
    story: list[Flowable] = []
    logo = image_flowable(seller.logo, 45 * MM, 16 * MM)
    notice = Paragraph(esc(translate(
        "Documents", "Внимание! Оплата данного счёта означает согласие с условиями поставки "
                     "товара. Товар отпускается по факту прихода денег на р/с Поставщика.")),
        st.small_muted)
    if logo is not None:
        head = Table([[logo, notice]], colWidths=[ctx.width * 0.4, ctx.width * 0.6])
        head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(head)
    else:
        story.append(notice)
    story += [Spacer(1, 3 * MM), _bank_block(ctx, seller), Spacer(1, 6 * MM)]
    story.append(Paragraph(fmt(translate("Documents", "Счёт на оплату № {n} от {d}"),
                               n=snapshot["number"], d=long_date(issued)),
                           st.title.clone("inv-title", textColor=black, fontSize=14,
                                          leading=18)))
    story.append(HRFlowable(width="100%", thickness=1.8, color=black, spaceBefore=2,
                            spaceAfter=5 * MM))
    seller_party = {**(snapshot.get("seller") or {}), "logo": None}
    parties = [
        (translate("Documents", "Поставщик (Исполнитель):"), party_line(seller_party)),
        (translate("Documents", "Покупатель (Заказчик):"),
         party_line(snapshot.get("buyer") or {})),
    ]
    if snapshot.get("basis"):
        parties.append((translate("Documents", "Основание:"), str(snapshot["basis"])))
    # the labels never wrap («Поставщик (Исполнитель):» on one line): measured in the font
    label_w = min(ctx.width * 0.35,
                  value_column_width([k for k, _ in parties], st.cell, ctx.width * 0.18))
    table = Table([[Paragraph(esc(k), st.cell), Paragraph(fmt("<b>{v}</b>", v=v), st.cell)]
                   for k, v in parties], colWidths=[label_w, ctx.width - label_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story += [table, Spacer(1, 4 * MM)]
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
                Column(translate("Documents", "Сумма") if totals.prices_include_vat
                       else translate("Documents", "Сумма без НДС"), 1.4, "right")]
    rows = []
    for i, line in enumerate(totals.lines, start=1):
        row = [str(i), line.name, number(line.quantity), line.unit, money(line.price)]
        if has_discount:
            row.append(f"{number(line.discount)} %" if line.discount else "—")
        row += [rate_label(line.rate), money(line.amount)]
        rows.append(row)
    story.append(data_table(ctx, columns, rows, zebra=False))
    story.append(Spacer(1, 2 * MM))
    story.append(KeepTogether(_totals_and_signatures(ctx, snapshot, seller, totals)))
    return story


def _totals_and_signatures(ctx: BuildContext, snapshot: dict[str, Any], seller: CompanyInfo,
                           totals: DocumentTotals) -> list[Flowable]:
    from reportlab.lib.colors import black
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    st = ctx.styles
    rows: list[tuple[str, str]] = []
    if totals.prices_include_vat:
        rows.append((translate("Documents", "Итого:"), money(totals.amount)))
        for rate, vat in totals.vat_by_rate:
            rows.append((translate("Documents", "В том числе НДС {rate}:").format(
                rate=rate_label(rate)), money(vat)))
    else:
        rows.append((translate("Documents", "Итого:"), money(totals.net)))
        for rate, vat in totals.vat_by_rate:
            rows.append((translate("Documents", "НДС {rate}:").format(rate=rate_label(rate)),
                         money(vat)))
    if not totals.vat_by_rate:
        rows.append((translate("Documents", "Без налога (НДС):"), "—"))
    rows.append((translate("Documents", "Всего к оплате:"), money(totals.total)))
    value_w = value_column_width([v for _k, v in rows], st.cell_bold_right, ctx.width * 0.17)
    label_w = min(ctx.width * 0.3, ctx.width - value_w)
    tt = Table([[Paragraph(esc(k), st.cell_bold_right), Paragraph(esc(v), st.cell_bold_right)]
                for k, v in rows], colWidths=[label_w, value_w], hAlign="RIGHT")
    tt.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)]))
    out: list[Flowable] = [_with_payment_qr(ctx, snapshot, seller, totals, tt,
                                            label_w + value_w),
                           Spacer(1, 3 * MM)]
    out.append(Paragraph(fmt(translate("Documents", "Всего наименований {n}, на сумму {s} руб."),
                             n=len(totals.lines), s=money(totals.total)), st.body))
    out.append(Paragraph(fmt("<b>{w}</b>", w=amount_in_words(totals.total)), st.body))
    if snapshot.get("pay_until"):
        out.append(Spacer(1, 2 * MM))
        out.append(Paragraph(fmt(translate("Documents", "Оплатить не позднее {d}"),
                                 d=short_date(date.fromisoformat(snapshot["pay_until"]))),
                             st.body))
    out.append(HRFlowable(width="100%", thickness=1.8, color=black, spaceBefore=4 * MM,
                          spaceAfter=5 * MM))
    sign_rows = [(seller.signer_title or translate("Documents", "Руководитель"),
                  seller.signer_name),
                 (translate("Documents", "Бухгалтер"),
                  seller.accountant_name or seller.signer_name)]
    out.append(SignatureLine.make(ctx, sign_rows, facsimile=seller.facsimile,
                                  stamp=seller.stamp, seal_place=True))
    return out


QR_SIZE = 30 * MM


def _with_payment_qr(ctx: BuildContext, snapshot: dict[str, Any], seller: CompanyInfo,
                     totals: DocumentTotals, totals_table: Table, right: float) -> Flowable:
    """The totals, with the payment QR code (ГОСТ Р 56042-2014) on their left when the
    seller's bank requisites are complete; the totals alone otherwise."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    purpose = payment_purpose(snapshot["number"], date.fromisoformat(snapshot["issued_on"]),
                              totals)
    fields = payment_fields(seller, totals.total, purpose)
    if fields is None or totals.total <= 0:
        return totals_table
    caption = Paragraph(esc(translate(
        "Documents", "Оплата по QR-коду: наведите камеру в приложении банка — реквизиты и "
                     "сумма заполнятся сами")), ctx.styles.small_muted)
    left = ctx.width - right
    qr = Table([[qr_drawing(payment_text(fields), QR_SIZE), caption]],
               colWidths=[QR_SIZE + 2 * MM, max(left - QR_SIZE - 2 * MM, 20 * MM)])
    qr.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    totals_table.hAlign = "RIGHT"
    row = Table([[qr, totals_table]], colWidths=[left, right])
    row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return row
