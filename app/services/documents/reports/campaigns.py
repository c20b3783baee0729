"""The campaign report (issue 16): each campaign's funnel (leads → deals → won), its cost,
revenue and ROI, and the totals per channel — for the sales meeting.

The figures come from `MarketService.campaigns_report_data(period)` (a
`CampaignsReportData`, rules in app/services/market/campaigns.py);
`render_campaigns_report(data, company)` only lays them out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import short_date
from app.domain.figures import percent_text
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    data_table,
)
from app.services.documents.markup import fmt
from app.services.documents.reports import _h, _kpis, _none, _rub, render_sections
from app.services.documents.reports.charts import bar_chart
from app.services.documents.totals import money
from app.services.market.campaigns import CampaignRow, CampaignsReportData, Effectiveness

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CHART_CAMPAIGNS = 8  # the chart compares the largest few by revenue and cost


def _money(value: Decimal | None) -> str:
    return "—" if value is None else money(value)


def _days(value: Decimal | None) -> str:
    return "—" if value is None else str(value).replace(".", ",")


def _run(row: CampaignRow | None) -> str:
    if row is None:
        return ""
    if row.ended_on is None:
        return translate("CampaignsReport", "с {start}").format(start=short_date(row.started_on))
    return f"{short_date(row.started_on)} – {short_date(row.ended_on)}"


def render_campaigns_report(data: CampaignsReportData, company: CompanyInfo) -> bytes:
    """The campaign report as PDF bytes."""
    def body(ctx: BuildContext) -> list[Flowable]:
        out = _summary(ctx, data)
        if not data.campaigns:
            out.append(_none(ctx, translate(
                "CampaignsReport", "За период не было кампаний и ничего не пришло от них")))
            return out
        return out + _funnels(ctx, data) + _channels(ctx, data) + _chart(ctx, data)

    return render_sections(translate("CampaignsReport", "Кампании и каналы"), data.period,
                           data.today, company, [body])


def _summary(ctx: BuildContext, data: CampaignsReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    t = data.total
    return [_kpis(ctx, [
        (translate("CampaignsReport", "Затраты"), _rub(t.cost)),
        (translate("CampaignsReport", "Выручка"), _rub(t.revenue)),
        (translate("CampaignsReport", "ROI"), percent_text(t.roi)),
        (translate("CampaignsReport", "Лидов · сделок · выиграно"),
         f"{t.leads} · {t.deals} · {t.won}"),
    ]), Spacer(1, 2 * MM), ctx.p(translate(
        "CampaignsReport", "Лиды — новые клиенты кампании за период; сделки — открытые за "
                           "период; выиграно и выручка — по дате закрытия; затраты — статьи "
                           "с датой в периоде (без даты — на дату начала кампании)."),
        "small_muted")]


def _funnels(ctx: BuildContext, data: CampaignsReportData) -> list[Flowable]:
    out: list[Flowable] = [_h(ctx, translate("CampaignsReport", "Воронка каждой кампании"))]
    rows: list[list[object]] = []
    for e in data.campaigns:
        detail = data.details.get(e.campaign_id) if e.campaign_id is not None else None
        # the channel and the dates under the name: the figures keep their room
        name = ctx.m(fmt('{name}<br/><font size="7" color="#667085">{channel} · {run}</font>',
                         name=e.name, channel=e.channel, run=_run(detail)), "cell")
        rows.append([name, str(e.leads), str(e.deals), str(e.won), money(e.cost),
                     money(e.revenue), percent_text(e.roi)])
    t = data.total
    out.append(data_table(ctx, [
        Column(translate("CampaignsReport", "Кампания · канал · период"), 3.6),
        *_funnel_columns()], rows,
        footer_rows=[[translate("CampaignsReport", "Итого"), str(t.leads),
                      str(t.deals), str(t.won), money(t.cost), money(t.revenue),
                      percent_text(t.roi)]]))
    out.append(ctx.p(translate("CampaignsReport", "Стоимость результата"), "h3"))
    out.append(_costs_table(ctx, translate("CampaignsReport", "Кампания"), data.campaigns))
    return out


def _funnel_columns() -> list[Column]:
    return [Column(translate("CampaignsReport", "Лиды"), 0.7, "right"),
            Column(translate("CampaignsReport", "Сделки"), 0.8, "right"),
            Column(translate("CampaignsReport", "Выиграно"), 0.9, "right"),
            Column(translate("CampaignsReport", "Затраты"), 1.4, "right"),
            Column(translate("CampaignsReport", "Выручка"), 1.4, "right"),
            Column("ROI", 0.9, "right")]


def _costs_table(ctx: BuildContext, first: str, rows: list[Effectiveness]) -> Flowable:
    return data_table(ctx, [
        Column(first, 3),
        Column(translate("CampaignsReport", "Цена лида"), 1.4, "right"),
        Column(translate("CampaignsReport", "Цена выигранной сделки"), 1.5, "right"),
        Column(translate("CampaignsReport", "Дней от лида до первой сделки"), 1.5, "right")],
        [[e.name, _money(e.cost_per_lead), _money(e.cost_per_won), _days(e.lead_to_deal_days)]
         for e in rows])


def _channels(ctx: BuildContext, data: CampaignsReportData) -> list[Flowable]:
    channel = translate("CampaignsReport", "Канал")
    rows = [[e.name, str(e.leads), str(e.deals), str(e.won), money(e.cost), money(e.revenue),
             percent_text(e.roi)] for e in data.channels]
    return [_h(ctx, translate("CampaignsReport", "По каналам")),
            data_table(ctx, [Column(channel, 3), *_funnel_columns()], rows),
            ctx.p(translate("CampaignsReport", "Стоимость результата по каналам"), "h3"),
            _costs_table(ctx, channel, data.channels)]


def _chart(ctx: BuildContext, data: CampaignsReportData) -> list[Flowable]:
    from reportlab.platypus import KeepTogether

    shown: list[Effectiveness] = [e for e in data.campaigns if e.cost or e.revenue][
        :CHART_CAMPAIGNS]
    if not shown:
        return []
    top_down = shown[::-1]  # the chart draws its first category at the bottom
    chart = bar_chart(ctx, [e.name for e in top_down], [
        (translate("CampaignsReport", "Затраты"), [e.cost for e in top_down]),
        (translate("CampaignsReport", "Выручка"), [e.revenue for e in top_down])],
        horizontal=True, height=max(120, 34 * len(shown) + 40))
    return [KeepTogether([ctx.p(translate("CampaignsReport", "Затраты и выручка"), "h3"),
                          chart])]


__all__ = ["render_campaigns_report"]
