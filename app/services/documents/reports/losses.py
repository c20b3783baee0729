"""The losses-and-complaints report (issue 16, duty 15): lost deals by reason, stage and
competitor; churned clients by reason and competitor; complaints by category and status;
the NPS by month with its detractors — for the meeting on «why we lose».

The figures come from `MarketService.losses_report_data(period)` (a `LossesReportData`);
`render_losses_report(data, company)` only lays them out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import month_year, short_date
from app.domain.figures import percent, percent_text
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    data_table,
)
from app.services.documents.reports import (
    _h,
    _kpis,
    _none,
    _rub,
    render_sections,
)
from app.services.documents.reports.charts import bar_chart
from app.services.documents.totals import money
from app.services.market.feedback import LossesReportData, nps_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

DETRACTORS = 20  # the detractors the report lists


def _share(part: int, whole: int) -> Decimal:
    return percent(part, whole) or Decimal(0)


def render_losses_report(data: LossesReportData, company: CompanyInfo) -> bytes:
    """The losses-and-complaints report as PDF bytes."""
    return render_sections(translate("LossesReport", "Потери и рекламации"), data.period,
                           data.as_of, company, [
                               lambda ctx: _summary(ctx, data) + _lost_deals(ctx, data),
                               lambda ctx: _churn(ctx, data),
                               lambda ctx: _complaints(ctx, data),
                               lambda ctx: _nps(ctx, data)])


def _summary(ctx: BuildContext, data: LossesReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    return [_kpis(ctx, [
        (translate("LossesReport", "Проиграно сделок: {n}").format(n=data.losses.total_count),
         _rub(data.losses.total_amount)),
        (translate("LossesReport", "Ушло клиентов"), str(data.churn.total)),
        (translate("LossesReport", "Рекламаций (просрочено {n})").format(
            n=data.complaints_overdue), str(data.complaints_total)),
        (translate("LossesReport", "NPS, ответов: {n}").format(n=data.nps.responses),
         nps_text(data.nps.nps)),
    ]), Spacer(1, 3 * MM)]


def _lost_deals(ctx: BuildContext, data: LossesReportData) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from app.services.deals.lost_reasons import lost_reason_label

    losses = data.losses
    out: list[Flowable] = [_h(ctx, translate("LossesReport", "Проигранные сделки"))]
    if not losses.total_count:
        return [*out, _none(ctx, translate("LossesReport",
                                           "За период проигранных сделок нет"))]
    out.append(ctx.p(translate("LossesReport", "По причинам"), "h3"))
    out.append(data_table(ctx, [
        Column(translate("LossesReport", "Причина"), 3),
        Column(translate("LossesReport", "Сделок"), 1, "right"),
        Column(translate("LossesReport", "Сумма"), 1.5, "right"),
        Column(translate("LossesReport", "Доля"), 1, "right")],
        [[lost_reason_label(r.key) if r.key else translate("LossesReport", "Не указана"),
          str(r.count), money(r.amount), percent_text(r.share)] for r in losses.by_reason],
        footer_rows=[[translate("LossesReport", "Итого"), str(losses.total_count),
                      money(losses.total_amount), ""]]))
    if data.lost_by_stage:
        stages = data.lost_by_stage
        out.append(Spacer(1, 3 * MM))
        out.append(KeepTogether([
            ctx.p(translate("LossesReport", "На каких этапах теряем"), "h3"),
            ctx.p(translate("LossesReport", "Сделки, ушедшие с этапа в проигранные (входы "
                                            "в этап за период)"), "small_muted"),
            data_table(ctx, [Column(translate("LossesReport", "Этап"), 3),
                             Column(translate("LossesReport", "Потеряно сделок"), 1.2,
                                    "right")],
                       [[s.stage, str(s.count)] for s in stages], width=ctx.width * 0.6)]))
    out.append(Spacer(1, 3 * MM))
    out.append(ctx.p(translate("LossesReport", "Кому проигрываем"), "h3"))
    if losses.by_competitor:
        out.append(data_table(ctx, [
            Column(translate("LossesReport", "Конкурент"), 3),
            Column(translate("LossesReport", "Сделок"), 1, "right"),
            Column(translate("LossesReport", "Сумма"), 1.5, "right"),
            Column(translate("LossesReport", "Доля"), 1, "right")],
            [[r.key, str(r.count), money(r.amount), percent_text(r.share)]
             for r in losses.by_competitor]))
    else:
        out.append(_none(ctx, translate("LossesReport", "Конкуренты в проигранных сделках "
                                                        "не указаны")))
    return out


def _churn(ctx: BuildContext, data: LossesReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    churn = data.churn
    out: list[Flowable] = [_h(ctx, translate("LossesReport", "Ушедшие клиенты")),
                           ctx.p(translate(
                               "LossesReport", "Клиенты, получившие статус «Потерян» или "
                                               "«Ушёл» в периоде"),
                               "small_muted")]
    if not churn.total:
        return [*out, _none(ctx, translate("LossesReport", "За период клиенты не уходили"))]
    out.append(data_table(ctx, [
        Column(translate("LossesReport", "Причина ухода"), 3),
        Column(translate("LossesReport", "Клиентов"), 1, "right"),
        Column(translate("LossesReport", "Доля"), 1, "right")],
        [[r.label, str(r.count), percent_text(r.share)] for r in churn.by_reason],
        footer_rows=[[translate("LossesReport", "Итого"), str(churn.total), ""]],
        width=ctx.width * 0.75))
    if churn.by_competitor:
        out.append(Spacer(1, 3 * MM))
        out.append(data_table(ctx, [
            Column(translate("LossesReport", "Ушли к конкуренту"), 3),
            Column(translate("LossesReport", "Клиентов"), 1, "right"),
            Column(translate("LossesReport", "Доля"), 1, "right")],
            [[r.label, str(r.count), percent_text(r.share)] for r in churn.by_competitor],
            width=ctx.width * 0.75))
    return out


def _complaints(ctx: BuildContext, data: LossesReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    out: list[Flowable] = [_h(ctx, translate("LossesReport", "Рекламации"))]
    if not data.complaints_total:
        return [*out, _none(ctx, translate("LossesReport", "За период рекламаций не было"))]
    cost = sum((r.cost for r in data.complaints_by_category), Decimal("0.00"))
    out.append(data_table(ctx, [
        Column(translate("LossesReport", "Категория"), 3),
        Column(translate("LossesReport", "Рекламаций"), 1, "right"),
        Column(translate("LossesReport", "Стоимость решения"), 1.6, "right")],
        [[r.label, str(r.count), money(r.cost)] for r in data.complaints_by_category],
        footer_rows=[[translate("LossesReport", "Итого"), str(data.complaints_total),
                      money(cost)]]))
    out.append(Spacer(1, 3 * MM))
    out.append(data_table(ctx, [
        Column(translate("LossesReport", "Статус"), 3),
        Column(translate("LossesReport", "Рекламаций"), 1, "right")],
        [[r.label, str(r.count)] for r in data.complaints_by_status], width=ctx.width * 0.6))
    if data.complaints_overdue:
        out.append(ctx.p(translate(
            "LossesReport", "Просрочено на {d}: {n}").format(
            d=short_date(min(data.as_of, data.period.last)), n=data.complaints_overdue),
            "small_muted"))
    out.append(Spacer(1, 3 * MM))
    rows = data.complaints_by_category
    out.append(bar_chart(ctx, [r.label for r in rows], [
        (translate("LossesReport", "Стоимость решения"), [r.cost for r in rows])],
        horizontal=True, height=max(110, 26 * len(rows) + 50)))
    return out


def _nps(ctx: BuildContext, data: LossesReportData) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    s = data.nps
    out: list[Flowable] = [_h(ctx, translate("LossesReport", "Удовлетворённость (NPS)"))]
    if not s.responses and not s.csat_responses:
        return [*out, _none(ctx, translate("LossesReport", "За период оценок нет"))]
    out.append(data_table(ctx, [
        Column(translate("LossesReport", "Группа"), 3),
        Column(translate("LossesReport", "Ответов"), 1, "right"),
        Column(translate("LossesReport", "Доля"), 1, "right")],
        [[translate("LossesReport", "Промоутеры (9–10)"), str(s.promoters),
          percent_text(s.promoters_pct)],
         [translate("LossesReport", "Нейтральные (7–8)"), str(s.passives),
          percent_text(s.passives_pct)],
         [translate("LossesReport", "Критики (0–6)"), str(s.detractors),
          percent_text(s.detractors_pct)]],
        footer_rows=[[translate("LossesReport", "NPS = промоутеры − критики"),
                      str(s.responses), nps_text(s.nps)]], width=ctx.width * 0.75))
    if s.csat_average is not None:
        out.append(ctx.p(translate("LossesReport", "CSAT: средняя {v} из 5, ответов {n}")
                         .format(v=f"{s.csat_average}".replace(".", ","), n=s.csat_responses),
                         "small_muted"))
    trend = data.nps_trend
    if len(trend) > 1:
        out += [Spacer(1, 3 * MM), KeepTogether([
            ctx.p(translate("LossesReport", "NPS по месяцам"), "h3"),
            data_table(ctx, [Column(translate("LossesReport", "Месяц"), 2),
                             Column(translate("LossesReport", "Ответов"), 1, "right"),
                             Column(translate("LossesReport", "Промоутеры"), 1, "right"),
                             Column(translate("LossesReport", "Критики"), 1, "right"),
                             Column("NPS", 1, "right")],
                       [[month_year(m.month), str(m.responses), str(m.promoters),
                         str(m.detractors), nps_text(m.nps)] for m in trend],
                       width=ctx.width * 0.75)])]
        if sum(1 for m in trend if m.responses) > 1:
            out.append(Spacer(1, 2 * MM))
            out.append(ctx.p(translate("LossesReport", "Доля промоутеров и критиков, %"),
                             "small_muted"))
            out.append(bar_chart(ctx, [month_year(m.month) for m in trend], [
                (translate("LossesReport", "Промоутеры"),
                 [_share(m.promoters, m.responses) for m in trend]),
                (translate("LossesReport", "Критики"),
                 [_share(m.detractors, m.responses) for m in trend])], height=150))
    out.append(Spacer(1, 3 * MM))
    out.append(ctx.p(translate("LossesReport", "Критики и их последняя рекламация"), "h3"))
    if s.detractor_list:
        out.append(data_table(ctx, [
            Column(translate("LossesReport", "Клиент"), 2.2),
            Column(translate("LossesReport", "Оценка"), 0.8, "right"),
            Column(translate("LossesReport", "Дата"), 1, "center"),
            Column(translate("LossesReport", "Комментарий"), 2.2),
            Column(translate("LossesReport", "Последняя рекламация"), 3)],
            [[d.client_name, str(d.score), short_date(d.scored_on), d.comment or "—",
              d.last_complaint.summary() if d.last_complaint is not None
              else translate("LossesReport", "не было")]
             for d in s.detractor_list[:DETRACTORS]]))
    else:
        out.append(_none(ctx, translate("LossesReport", "Критиков за период нет")))
    return out


__all__ = ["render_losses_report"]
