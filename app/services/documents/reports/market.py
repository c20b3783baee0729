"""The market report (issue 16): the deals lost to each competitor by quarter and by stage,
our prices against theirs, and the competitors' SWOT beside ours — for the sales meeting.

The figures come from `MarketService.market_report_data(period)` (a `MarketReportData`);
`render_market_report(data, company)` only lays them out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import short_date
from app.domain.figures import percent_text
from app.domain.money import format_rubles
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    data_table,
)
from app.services.documents.markup import esc, fmt
from app.services.documents.reports import (
    _h,
    _kpis,
    _none,
    _rub,
    render_sections,
)
from app.services.documents.reports.charts import PALETTE, bar_chart
from app.services.documents.totals import money
from app.services.market.competitors import (
    CompetitorRow,
    MarketReportData,
    Swot,
    price_level_label,
    price_source_label,
    share_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CHART_COMPETITORS = 5  # the chart of losses by quarter shows the largest few
DANGER = "#B42318"
WARNING = "#B54708"


def render_market_report(data: MarketReportData, company: CompanyInfo) -> bytes:
    """The market report as PDF bytes."""
    return render_sections(translate("MarketReport", "Рынок и конкуренты"), data.period,
                           data.as_of, company, [
                               lambda ctx: _summary(ctx, data) + _losses(ctx, data),
                               lambda ctx: _prices(ctx, data),
                               lambda ctx: _swots(ctx, data)])


def _summary(ctx: BuildContext, data: MarketReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    lost = sum(x.count for x in data.losses)
    amount = sum((x.amount for x in data.losses), Decimal("0.00"))
    dearer = sum(1 for r in data.comparison if r.we_are_dearer)
    return [_kpis(ctx, [
        (translate("MarketReport", "Конкурентов в реестре"), str(len(data.competitors))),
        (translate("MarketReport", "Сделок проиграно конкурентам"), str(lost)),
        (translate("MarketReport", "На сумму"), _rub(amount)),
        (translate("MarketReport", "Товаров, где мы дороже"),
         f"{dearer} / {len(data.comparison)}"),
    ]), Spacer(1, 2 * MM)]


def _losses(ctx: BuildContext, data: MarketReportData) -> list[Flowable]:
    out: list[Flowable] = [_h(ctx, translate("MarketReport", "Проигрыши конкурентам: {p}")
                              .format(p=data.period.label))]
    if not data.losses:
        out.append(_none(ctx, translate(
            "MarketReport", "За период ни одна сделка не проиграна конкуренту")))
        return out
    labels = data.quarter_labels
    # the name keeps more than the wrapping share (base._FLEX_SHARE) of the width by weight
    columns = [Column(translate("MarketReport", "Конкурент"), 3.5)]
    columns += [Column(label, 1.1, "right") for label in labels]
    columns += [Column(translate("MarketReport", "Сделок"), 0.7, "right"),
                Column(translate("MarketReport", "Сумма"), 1.4, "right", bold=True)]
    rows: list[list[object]] = []
    for x in data.losses:
        cells: list[object] = [x.competitor_name]
        cells += [_count_amount(q.count, q.amount) for q in x.quarters]
        cells += [str(x.count), format_rubles(x.amount)]
        rows.append(cells)
    totals: list[object] = [translate("MarketReport", "Итого")]
    for i in range(len(labels)):
        n = sum(x.quarters[i].count for x in data.losses)
        s = sum((x.quarters[i].amount for x in data.losses), Decimal("0.00"))
        totals.append(_count_amount(n, s))
    totals += [str(sum(x.count for x in data.losses)),
               format_rubles(sum((x.amount for x in data.losses), Decimal("0.00")))]
    out.append(ctx.p(translate("MarketReport", "По кварталам: сумма в рублях (сделок)"),
                     "small_muted"))
    out.append(data_table(ctx, columns, rows, footer_rows=[totals]))
    if len(labels) > 1:
        top = data.losses[:CHART_COMPETITORS]
        out.append(bar_chart(ctx, labels, [(x.competitor_name, [q.amount for q in x.quarters])
                                           for x in top], height=160))
    out.append(ctx.p(translate("MarketReport", "На каком этапе проигрываем"), "h3"))
    stage_rows: list[list[object]] = []
    for x in data.losses:
        for st in x.stages:
            stage_rows.append([x.competitor_name, st.stage_name, str(st.count), money(st.amount)])
    out.append(data_table(ctx, [
        Column(translate("MarketReport", "Конкурент"), 2.4),
        Column(translate("MarketReport", "Этап перед проигрышем"), 2.4),
        Column(translate("MarketReport", "Сделок"), 0.8, "right"),
        Column(translate("MarketReport", "Сумма"), 1.4, "right")], stage_rows))
    return out


def _count_amount(count: int, amount: Decimal) -> str:
    """A quarter's cell: «470 339 (2)», whole rubles (four quarters share the width)."""
    if not count:
        return "—"
    whole = format_rubles(amount).removesuffix("\u00a0₽")
    return f"{whole} ({count})"


def _prices(ctx: BuildContext, data: MarketReportData) -> list[Flowable]:
    from reportlab.platypus import Paragraph

    out: list[Flowable] = [_h(ctx, translate("MarketReport", "Наши цены и цены конкурентов"))]
    if not data.comparison:
        out.append(_none(ctx, translate("MarketReport", "Цены конкурентов не записаны")))
        return out
    out.append(ctx.p(translate(
        "MarketReport", "Последняя известная цена конкурента на {d}; разница — их цена "
                        "против нашей. Красным — где мы дороже; «устарела» — цене больше 90 "
                        "дней.").format(d=short_date(data.as_of)), "small_muted"))
    st = ctx.styles
    rows: list[list[object]] = []
    for r in data.comparison:
        diff = percent_text(r.difference_pct)
        if r.difference_pct is not None and r.difference_pct > 0:
            diff = "+" + diff
        diff_cell = Paragraph(fmt(f'<font color="{DANGER}"><b>{{v}}</b></font>', v=diff)
                              if r.we_are_dearer else esc(diff), st.cell_right)
        source = price_source_label(r.source)
        source_cell = Paragraph(
            fmt(f'{{s}}<br/><font color="{WARNING}"><b>{{w}}</b></font>', s=source,
                w=translate("MarketReport", "устарела")) if r.stale else esc(source), st.cell)
        rows.append([r.competitor_name, r.product_name, r.sku, money(r.our_price),
                     money(r.their_price), diff_cell, short_date(r.observed_on), source_cell])
    out.append(data_table(ctx, [
        Column(translate("MarketReport", "Конкурент"), 1.5),
        Column(translate("MarketReport", "Товар"), 2.1),
        Column(translate("MarketReport", "Артикул"), 1.1, wraps=False),
        Column(translate("MarketReport", "Наша цена"), 1.1, "right"),
        Column(translate("MarketReport", "Их цена"), 1.1, "right"),
        Column(translate("MarketReport", "Разница"), 0.9, "right", wraps=False),
        Column(translate("MarketReport", "Дата"), 0.9, "center"),
        Column(translate("MarketReport", "Источник"), 1.4)], rows))
    return out


def _swots(ctx: BuildContext, data: MarketReportData) -> list[Flowable]:
    from reportlab.platypus import KeepTogether

    out: list[Flowable] = [_h(ctx, translate("MarketReport", "SWOT: мы и конкуренты"))]
    out.append(KeepTogether([ctx.p(translate("MarketReport", "Наша компания"), "h3"),
                             _swot_grid(ctx, data.own_swot)]))
    if not data.competitors:
        out.append(_none(ctx, translate("MarketReport", "Реестр конкурентов пуст")))
    for c in data.competitors:
        out.append(KeepTogether([ctx.p(c.name, "h3"), ctx.p(_card_line(c), "small_muted"),
                                 _swot_grid(ctx, c.swot)]))
    return out


def _card_line(c: CompetitorRow) -> str:
    parts = []
    if c.inn:
        parts.append(translate("MarketReport", "ИНН {v}").format(v=c.inn))
    if c.website:
        parts.append(c.website)
    if c.segments:
        parts.append(translate("MarketReport", "сегменты: {v}").format(v=", ".join(c.segments)))
    if c.market_share is not None:
        parts.append(translate("MarketReport", "доля рынка {v}").format(
            v=share_text(c.market_share)))
    if c.price_level:
        parts.append(translate("MarketReport", "цены: {v}").format(
            v=price_level_label(c.price_level).lower()))
    return " · ".join(parts) or translate("MarketReport", "Карточка не заполнена")


def _swot_grid(ctx: BuildContext, swot: Swot) -> Flowable:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    empty = translate("MarketReport", "не указано")

    def box(title: str, text: str, color: str) -> list[Paragraph]:
        return [Paragraph(fmt(f'<font color="{color}"><b>{{t}}</b></font>', t=title), st.cell),
                Paragraph(esc(text) if text else fmt('<font color="#6B7280">{e}</font>',
                                                     e=empty), st.cell)]

    half = ctx.width / 2
    table = Table([
        [box(translate("MarketReport", "Сильные стороны"), swot.strengths, PALETTE[2]),
         box(translate("MarketReport", "Слабые стороны"), swot.weaknesses, DANGER)],
        [box(translate("MarketReport", "Возможности"), swot.opportunities, PALETTE[0]),
         box(translate("MarketReport", "Угрозы"), swot.threats, PALETTE[1])],
    ], colWidths=[half, half])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.6, HexColor(ctx.theme.rule)),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor("#FFFFFF")),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    return table
