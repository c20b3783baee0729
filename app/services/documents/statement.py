"""The reconciliation statement (акт сверки взаимных расчётов) in the standard two-sided form.

    pdf: bytes = render_statement(StatementDocument(statement=..., company=..., client=...))

Called through `DocumentService.statement_pdf` (the CLI's `statement`, the client card).
Our side (date, document, debit, credit) is filled from `ReceivablesService`'s figures:
the opening balance, each shipment (debit) and payment (credit), the turnover and the
closing balance; the client's side has the same columns, left for the client's accountant
to fill in. Below: whose favour the closing balance is in, in figures and words, and the
signatures of both parties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reportlab is imported when a statement is rendered
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Table

from app.domain.dates import short_date
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    CompanyInfo,
    DocumentMeta,
    build_pdf,
)
from app.services.documents.markup import clip, esc, fmt
from app.services.documents.styles import CLASSIC
from app.services.documents.totals import money
from app.services.documents.words import amount_in_words
from app.services.receivables import Statement


@dataclass(frozen=True)
class StatementDocument:
    """What the акт prints: the figures, the seller as printed, the client's requisites."""

    statement: Statement
    company: CompanyInfo
    client: dict[str, Any] = field(default_factory=dict)  # documents.service.BUYER_FIELDS


def party_name(party: dict[str, Any] | CompanyInfo) -> str:
    """A party's name as the акт names it: the short name («ООО «Альфа»», which reads well
    after "между" and "в пользу"), else the full legal one."""
    if isinstance(party, CompanyInfo):
        return party.name or party.full_name or translate("Documents", "Наша компания")
    return str(party.get("name") or party.get("full_name") or "")


def render_statement(data: StatementDocument) -> bytes:
    """The акт сверки for one client and period as PDF bytes."""
    st = data.statement
    company = data.company.clipped()
    meta = DocumentMeta(
        title=translate("Documents", "Акт сверки взаимных расчётов"), on=st.end,
        company=company, theme=CLASSIC,
        subject=translate("Documents", "Акт сверки: {name}, {a} — {b}").format(
            name=st.client_name, a=short_date(st.start), b=short_date(st.end)))
    return build_pdf(lambda ctx: _story(ctx, data, company), meta)


def _story(ctx: BuildContext, data: StatementDocument, company: CompanyInfo) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    st = data.statement
    styles = ctx.styles
    ours = clip(party_name(company), 300)
    theirs = clip(party_name(data.client) or st.client_name, 300)
    story: list[Flowable] = [
        Paragraph(esc(translate("Documents", "Акт сверки")), styles.title_center),
        Paragraph(fmt(translate("Documents", "взаимных расчётов за период: {a} — {b}"),
                      a=short_date(st.start), b=short_date(st.end)), styles.body_center),
        Paragraph(fmt(translate("Documents", "между {ours} и {theirs}"), ours=ours,
                      theirs=theirs), styles.body_center),
        Spacer(1, 5 * MM),
    ]
    # as the accounting programs word it, in the nominative: "Директор ООО «А» Петров П. П."
    blank = "_" * 14
    story.append(Paragraph(fmt(translate(
        "Documents", "Мы, нижеподписавшиеся, {title} {ours} {name}, с одной стороны, и "
                     "{blank} {theirs} {blank}, с другой стороны, составили настоящий акт "
                     "сверки в том, что состояние взаимных расчётов по данным учёта "
                     "следующее:"),
        title=company.signer_title or translate("Documents", "Руководитель"), ours=ours,
        name=company.signer_name or blank, theirs=theirs, blank=blank), styles.body))
    story += [Spacer(1, 3 * MM), _ledger(ctx, st, ours, theirs), Spacer(1, 4 * MM)]
    closing: list[Flowable] = [
        Paragraph(fmt(translate("Documents", "По данным {ours}"), ours=ours), styles.body),
        Paragraph(_balance_markup(st, ours, theirs), styles.body),
        Spacer(1, 8 * MM), _signatures(ctx, company, ours, theirs)]
    story.append(KeepTogether(closing))
    return story


def _balance_markup(st: Statement, ours: str, theirs: str) -> str:
    """"на 31.12.2026 задолженность в пользу … 1 234,56 руб. (…)" or "отсутствует"."""
    on = short_date(st.end)
    if st.closing == 0:
        return fmt(translate("Documents", "на {d} задолженность отсутствует."), d=on)
    favour = ours if st.closing > 0 else theirs
    amount = abs(st.closing)
    return fmt(translate("Documents",
                         "на {d} задолженность в пользу <b>{who}</b> {s} руб. ({w})."),
               d=on, who=favour, s=money(amount), w=amount_in_words(amount))


def _cell_styles(ctx: BuildContext) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle,
                                                  ParagraphStyle]:
    """Plain, right-aligned, bold and bold right-aligned cells, a size smaller: eight
    columns on a portrait page."""
    st = ctx.styles

    def smaller(style: ParagraphStyle, name: str) -> ParagraphStyle:
        return style.clone(name, fontSize=7.2, leading=9)

    return (smaller(st.cell, "acts-cell"), smaller(st.cell_right, "acts-cell-r"),
            smaller(st.cell_bold, "acts-cell-b"), smaller(st.cell_bold_right, "acts-cell-br"))


def _ledger(ctx: BuildContext, st: Statement, ours: str, theirs: str) -> Table:
    """The two-sided table: date, document, debit, credit for us and (empty) for them."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell, right, bold, bold_right = _cell_styles(ctx)
    styles = ctx.styles
    head, head_c = styles.header_cell, styles.header_cell_center

    def side(on: str, document: str, debit: Decimal | None, credit: Decimal | None,
             strong: bool = False) -> list[Paragraph | str]:
        text, amount = (bold, bold_right) if strong else (cell, right)
        return [Paragraph(esc(on), text), Paragraph(esc(document), text),
                Paragraph(money(debit) if debit else "", amount),
                Paragraph(money(credit) if credit else "", amount)]

    def summary(label: str, debit: Decimal | None,
                credit: Decimal | None) -> list[Paragraph | str]:
        return [*side(label, "", debit, credit, strong=True), *side(label, "", None, None, True)]

    def balance(value: Decimal) -> tuple[Decimal | None, Decimal | None]:
        return (value, None) if value > 0 else (None, -value) if value < 0 else (None, None)

    titles = [translate("Documents", "Дата"), translate("Documents", "Документ"),
              translate("Documents", "Дебет"), translate("Documents", "Кредит")]
    data: list[list[Paragraph | str]] = [
        [Paragraph(fmt(translate("Documents", "По данным {p}, руб."), p=ours), head_c), "", "",
         "", Paragraph(fmt(translate("Documents", "По данным {p}, руб."), p=theirs), head_c),
         "", "", ""],
        [*(Paragraph(esc(t), head) for t in titles)] * 2,
        summary(translate("Documents", "Сальдо начальное"), *balance(st.opening)),
    ]
    for entry in st.entries:
        document = entry.document.replace("№ ", "№\u00a0")  # a number stays with its sign
        data.append([*side(short_date(entry.on), document, entry.debit, entry.credit),
                     *side("", "", None, None)])
    data.append(summary(translate("Documents", "Обороты за период"), st.debit_turnover,
                        st.credit_turnover))
    data.append(summary(translate("Documents", "Сальдо конечное"), *balance(st.closing)))
    w = ctx.width / 2
    widths = [w * 0.2, w * 0.31, w * 0.245, w * 0.245] * 2
    table = Table(data, colWidths=widths, repeatRows=2, splitInRow=1)
    accent, rule = HexColor(ctx.theme.accent), HexColor(ctx.theme.rule)
    last = len(data) - 1
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (3, 0)), ("SPAN", (4, 0), (7, 0)),
        ("BACKGROUND", (0, 0), (-1, 1), accent),
        ("GRID", (0, 0), (-1, -1), 0.4, rule), ("BOX", (0, 0), (-1, -1), 0.7, accent),
        ("LINEAFTER", (3, 0), (3, -1), 1.2, accent),  # the two sides
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for row in (2, last - 1, last):  # the balances and the turnover: label over date+document
        commands += [("SPAN", (0, row), (1, row)), ("SPAN", (4, row), (5, row)),
                     ("BACKGROUND", (0, row), (-1, row), HexColor(ctx.theme.accent_light))]
    table.setStyle(TableStyle(commands))
    return table


def _signatures(ctx: BuildContext, company: CompanyInfo, ours: str, theirs: str) -> Table:
    """Both parties side by side: whose, the signer's title, a line with the name, М.П."""
    from reportlab.lib.colors import black
    from reportlab.platypus import Paragraph, Table, TableStyle

    styles = ctx.styles
    title = company.signer_title or translate("Documents", "Руководитель")
    name = company.signer_name

    def block(who: str, position: str, signer: str) -> list[list[Paragraph | str]]:
        return [[Paragraph(fmt(translate("Documents", "От {p}"), p=clip(who, 150)),
                           styles.cell_bold), ""],
                [Paragraph(esc(clip(position, 150)), styles.cell), ""],
                ["", Paragraph(fmt("({n})", n=clip(signer, 80)) if signer else "",
                               styles.small)],
                [Paragraph(esc(translate("Documents", "М.П.")), styles.small_muted), ""]]

    left = block(ours, title, name)
    right = block(theirs, translate("Documents", "Руководитель"), "")
    gap = 8 * MM
    half = (ctx.width - gap) / 2
    rows = [[*a, "", *b] for a, b in zip(left, right, strict=True)]
    table = Table(rows, colWidths=[half * 0.5, half * 0.5, gap, half * 0.5, half * 0.5],
                  rowHeights=[None, None, 12 * MM, None])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)), ("SPAN", (3, 0), (4, 0)),
        ("SPAN", (0, 1), (1, 1)), ("SPAN", (3, 1), (4, 1)),
        ("LINEBELOW", (0, 2), (0, 2), 0.6, black), ("LINEBELOW", (3, 2), (3, 2), 0.6, black),
        ("VALIGN", (0, 2), (-1, 2), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table
