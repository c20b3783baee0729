"""Meeting reports: plan, pipeline, client base and the meeting pack (one PDF of them all).

As every document: the figures are gathered first into plain data (`gather_report`, from
the plan, analytics and deals services and `queries` for lists), then `render_report(data)`
lays them out. Each section is a function `(ctx, data) -> flowables`, so the meeting pack
puts them one after another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.dates import day_month, month_year, short_date
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    DocumentMeta,
    build_pdf,
    data_table,
)
from app.services.documents.markup import esc
from app.services.documents.reports import queries
from app.services.documents.reports.charts import bar_chart, line_chart
from app.services.documents.styles import REPORT
from app.services.documents.totals import money
from app.services.errors import ValidationError
from app.services.plan.periods import Period, parse_period
from app.services.uow import UowFactory

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Paragraph, Table

    from app.services.deals import Board, DealsService
    from app.services.plan import (
        AbcXyzResult,
        AnalyticsService,
        Breakdown,
        ChurnRiskClient,
        CumulativeSeries,
        Losses,
        MonthFigures,
        PlanProgress,
        PlanService,
    )
    from app.services.receivables import Aging

KINDS = ("plan", "pipeline", "clients", "meeting-pack")
SECTIONS = {"plan": ("plan", "stalled"), "pipeline": ("pipeline", "stalled"),
            "clients": ("clients",), "meeting-pack": ("plan", "pipeline", "stalled",
                                                      "receivables")}
ZERO = Decimal("0.00")


def _titles() -> dict[str, str]:
    return {"plan": translate("Reports", "Выполнение плана продаж"),
            "pipeline": translate("Reports", "Воронка продаж"),
            "clients": translate("Reports", "Клиентская база"),
            "meeting-pack": translate("Reports", "Материалы к совещанию")}


# --- the data ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanFigures:
    progress: PlanProgress
    cumulative: CumulativeSeries | None  # a month: the cumulative chart
    months: list[MonthFigures]  # a quarter or a year: monthly bars
    breakdowns: list[Breakdown]  # by product group, region, segment
    won: list[queries.DealLineItem]


@dataclass(frozen=True)
class PipelineFigures:
    stages: list[queries.StageSum]
    lost: list[queries.DealLineItem]
    losses: Losses


@dataclass(frozen=True)
class ReceivablesFigures:
    items: list[queries.Receivable]
    outstanding: Decimal
    overdue: Decimal
    orders: int
    aging: Aging | None = None  # by client and days overdue (the receivables area's buckets)


@dataclass(frozen=True)
class ClientFigures:
    by_status: list[queries.CountRow]
    by_segment: list[queries.CountRow]
    abc: AbcXyzResult
    churn: list[ChurnRiskClient]


@dataclass(frozen=True)
class ReportData:
    """Everything one report prints; the sections its kind has are filled."""

    kind: str
    period: Period
    today: date
    company: CompanyInfo
    plan: PlanFigures | None = None
    stalled: Board | None = None
    pipeline: PipelineFigures | None = None
    receivables: ReceivablesFigures | None = None
    clients: ClientFigures | None = None


def report_period(period: str | None, today: date) -> Period:
    """The period a report is for: the one asked, or the current month."""
    return parse_period(period or f"{today.year}-{today.month:02d}")


def gather_report(kind: str, period: str | None, *, today: date, company: CompanyInfo,
                  uow_factory: UowFactory, plan: PlanService, analytics: AnalyticsService,
                  deals: DealsService) -> ReportData:
    """The figures of a report for a period (ValidationError for an unknown kind/period)."""
    from app.services.deals import BoardFilter

    if kind not in KINDS:
        raise ValidationError.single("kind", translate(
            "Reports", "Неизвестный отчёт: {k}").format(k=kind))
    p = report_period(period, today)
    sections = SECTIONS[kind]
    plan_figures: PlanFigures | None = None
    stalled: Board | None = None
    pipeline: PipelineFigures | None = None
    receivables: ReceivablesFigures | None = None
    clients: ClientFigures | None = None
    with uow_factory(read_only=True) as u:
        s = u.session
        if "plan" in sections:
            plan_figures = PlanFigures(
                progress=plan.progress(p, today=today),
                cumulative=plan.cumulative(p, today=today) if p.kind == "month" else None,
                months=[] if p.kind == "month" else plan.monthly(p, months=len(p.months())),
                breakdowns=[plan.breakdown(p, d, today=today)
                            for d in ("product_group", "region", "segment")],
                won=queries.won_deals(s, p, limit=10))
        if "stalled" in sections:
            stalled = deals.board(BoardFilter(stalled_only=True), today=today)
        if "pipeline" in sections:
            pipeline = PipelineFigures(
                stages=queries.open_stage_sums(s), lost=queries.lost_deals(s, p),
                losses=analytics.losses(p))
        if "receivables" in sections:
            outstanding, overdue, orders = queries.receivables_total(s, today)
            receivables = ReceivablesFigures(
                items=queries.receivables(s, today), outstanding=outstanding,
                overdue=overdue, orders=orders, aging=queries.receivables_aging(s, today))
        if "clients" in sections:
            clients = ClientFigures(
                by_status=queries.clients_by(s, "status", p),
                by_segment=queries.clients_by(s, "segment", p), abc=analytics.abc_xyz(p),
                churn=analytics.churn_risk(as_of=min(today, p.last), limit=25))
    return ReportData(kind=kind, period=p, today=today, company=company, plan=plan_figures,
                      stalled=stalled, pipeline=pipeline, receivables=receivables,
                      clients=clients)


SECTION_ROOM = 0.6  # the share of a page a report section needs left to start on it


def render_report(data: ReportData) -> bytes:
    """The report as PDF bytes."""
    title = _titles()[data.kind]

    def plan_without_stalled(ctx: BuildContext, data: ReportData) -> list[Flowable]:
        return _plan_section(ctx, data, stalled=False)  # the pipeline lists them

    by_kind: dict[str, list[Callable[[BuildContext, ReportData], list[Flowable]]]] = {
        "plan": [_plan_section], "pipeline": [_pipeline_section],
        "clients": [_clients_section],
        "meeting-pack": [plan_without_stalled, _pipeline_section, _receivables_section]}
    def bound(section: Callable[[BuildContext, ReportData], list[Flowable]]) -> Section:
        return lambda ctx: section(ctx, data)

    return render_sections(title, data.period, data.today, data.company,
                           [bound(section) for section in by_kind[data.kind]])


Section = Callable[[BuildContext], list["Flowable"]]


def render_sections(title: str, period: Period, on: date, company: CompanyInfo,
                    sections: Sequence[Section]) -> bytes:
    """A report as PDF bytes: its cover, then each section, every one after the first on a
    new page unless most of this one is still free (every report is made this way)."""
    meta = DocumentMeta(title=f"{title} · {period.label}", on=on, company=company,
                        theme=REPORT, subject=title)

    def story(ctx: BuildContext) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak

        out = _cover(ctx, title, period, on)
        for i, section in enumerate(sections):
            if i:  # no page of 3 rows
                out.append(CondPageBreak(ctx.height * SECTION_ROOM))
            out += section(ctx)
        return out

    return build_pdf(story, meta)


# --- building blocks --------------------------------------------------------------------

def _cover(ctx: BuildContext, title: str, p: Period, today: date) -> list[Flowable]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import HRFlowable, Spacer

    st = ctx.styles
    return [
        ctx.p(ctx.meta.company.display_name, "small_muted"),
        ctx.p(title, "title"),
        ctx.p(translate("Reports", "{period} · данные на {date}").format(
            period=p.label.capitalize(), date=short_date(today)), "subtitle"),
        Spacer(1, 2 * MM),
        HRFlowable(width="100%", thickness=1.4, color=HexColor(ctx.theme.accent),
                   spaceAfter=4 * MM),
    ] if st else []


def _h(ctx: BuildContext, text: str) -> Paragraph:
    return ctx.p(text, "h2")


def _kpis(ctx: BuildContext, items: list[tuple[str, str]]) -> Table:
    from reportlab.lib.colors import HexColor, white
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    cells = [[Paragraph(esc(value), st.kpi_value), Paragraph(esc(label), st.kpi_label)]
             for label, value in items]
    gap = 3 * MM
    n = len(items)
    w = (ctx.width - gap * (n - 1)) / n
    row: list[list[Paragraph] | str] = []  # the cards, with empty gap cells between
    widths: list[float] = []
    for i, cell in enumerate(cells):
        if i:
            row.append("")
            widths.append(gap)
        row.append(cell)
        widths.append(w)
    table = Table([row], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 6),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 7)]
    for i in range(0, len(row), 2):
        commands += [("BACKGROUND", (i, 0), (i, 0), HexColor(ctx.theme.accent_light)),
                     ("LINEABOVE", (i, 0), (i, 0), 2, HexColor(ctx.theme.accent))]
    for i in range(1, len(row), 2):
        commands.append(("BACKGROUND", (i, 0), (i, 0), white))
    table.setStyle(TableStyle(commands))
    return table


def _rub(value: Decimal | None) -> str:
    """A KPI amount: whole rubles (the tables below carry the kopecks)."""
    if value is None:
        return "—"
    return money(value.quantize(Decimal(1))).rsplit(",", 1)[0] + "\u00a0₽"


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.1'))} %".replace(".", ",")


def _none(ctx: BuildContext, text: str) -> Paragraph:
    return ctx.p(text, "small_muted")


# --- plan -------------------------------------------------------------------------------

def _plan_section(ctx: BuildContext, data: ReportData, *, stalled: bool = True) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from app.services.plan.common import dimension_label

    assert data.plan is not None
    progress = data.plan.progress
    out: list[Flowable] = [_h(ctx, translate("Reports", "План и факт")),
                      ctx.p(progress.metric_label, "small_muted"), Spacer(1, 2 * MM)]
    out.append(_kpis(ctx, [
        (translate("Reports", "План"), _rub(progress.plan)),
        (translate("Reports", "Факт"), _rub(progress.actual)),
        (translate("Reports", "Выполнение"), _pct(progress.percent)),
        (translate("Reports", "Прогноз по текущему темпу"), _rub(progress.forecast)),
    ]))
    out.append(Spacer(1, 2 * MM))
    details = [
        (translate("Reports", "План на сегодня"), money(progress.plan_to_date)),
        (translate("Reports", "Осталось выполнить"), money(progress.left)),
        (translate("Reports", "Нужно в рабочий день"),
         money(progress.daily_rate_needed) if progress.daily_rate_needed is not None else "—"),
        (translate("Reports", "Рабочих дней прошло / всего"),
         f"{progress.working_days_elapsed} / {progress.working_days_total}"),
        (translate("Reports", "Прогноз, % плана"), _pct(progress.forecast_percent)),
        (translate("Reports", "Открытые сделки периода (взвешенно)"),
         f"{progress.pipeline_count} · {money(progress.pipeline_weighted)}"),
    ]
    out.append(data_table(ctx, [Column(translate("Reports", "Показатель"), 3),
                                Column(translate("Reports", "Значение"), 2, "right")],
                          details, zebra=True))
    # chart: cumulative within a month, monthly bars for a quarter or a year
    if data.plan.cumulative is not None:
        series = data.plan.cumulative
        labels = [day_month(d) for d in series.days]
        index = {d: i for i, d in enumerate(series.days)}
        lines = [
            (translate("Reports", "План нарастающим итогом"), list(enumerate(series.plan))),
            (translate("Reports", "Факт"), list(enumerate(series.actual))),
        ]
        if series.forecast:
            lines.append((translate("Reports", "Прогноз"),
                          [(index[d], v) for d, v in zip(series.forecast_days, series.forecast,
                                                         strict=False) if d in index]))
        chart = line_chart(ctx, labels, lines)
    else:
        months = data.plan.months
        chart = bar_chart(ctx, [month_year(m.month) for m in months], [
            (translate("Reports", "План"), [m.plan for m in months]),
            (translate("Reports", "Факт"), [m.actual for m in months])])
    out += [Spacer(1, 3 * MM), KeepTogether([ctx.p(translate("Reports", "Динамика"), "h3"),
                                             chart])]
    for bd in data.plan.breakdowns:
        dimension = bd.dimension
        rows = [[r.label, money(r.plan), money(r.plan_to_date), money(r.actual),
                 money(r.deviation), _pct(r.percent)] for r in bd.rows]
        block: list[Flowable] = [ctx.p(translate("Reports", "По разрезу: {d}").format(
            d=dimension_label(dimension)), "h3")]
        if rows and not any(r.plan or r.plan_to_date for r in bd.rows):
            # no plan set for this breakdown: its sales only, not a column of zeros and «—»
            block.append(data_table(ctx, [
                Column(dimension_label(dimension), 4.0),
                Column(translate("Reports", "Факт"), 1.3, "right")],
                [[r.label, money(r.actual)] for r in bd.rows]))
            block.append(ctx.p(translate(
                "Reports", "План по разрезу «{d}» не задан — показаны продажи за период").format(
                d=dimension_label(dimension)), "small_muted"))
        elif rows:
            block.append(data_table(ctx, [
                Column(dimension_label(dimension), 2.6), Column(translate("Reports", "План"),
                                                                1.3, "right"),
                Column(translate("Reports", "План на дату"), 1.3, "right"),
                Column(translate("Reports", "Факт"), 1.3, "right"),
                Column(translate("Reports", "Отклонение"), 1.3, "right"),
                Column("%", 0.8, "right")], rows))
            if bd.warning:
                block.append(ctx.p(bd.warning, "small_muted"))
        else:
            block.append(_none(ctx, translate("Reports", "Нет данных")))
        out += block
    won = data.plan.won
    out.append(_h(ctx, translate("Reports", "Крупнейшие выигранные сделки")))
    if won:
        out.append(data_table(ctx, [
            Column(translate("Reports", "Сделка"), 3), Column(translate("Reports", "Клиент"), 2.4),
            Column(translate("Reports", "Закрыта"), 1, "center"),
            Column(translate("Reports", "Сумма"), 1.4, "right")],
            [[d.title, d.client, short_date(d.closed_on), money(d.amount)] for d in won]))
    else:
        out.append(_none(ctx, translate("Reports", "За период выигранных сделок нет")))
    if stalled and data.stalled is not None:
        out += _stalled(ctx, data.stalled)
    return out


def _stalled(ctx: BuildContext, board: Board) -> list[Flowable]:
    names = {s.id: s.name for s in board.stages}
    cards = sorted((c for cs in board.cards.values() for c in cs if c.stalled),
                   key=lambda c: (-c.days_in_stage, -c.amount))
    unit = (translate("Reports", "раб. дней") if board.working_days
            else translate("Reports", "дней"))
    out: list[Flowable] = [_h(ctx, translate("Reports", "Зависшие сделки"))]
    if not cards:
        return [*out, _none(ctx, translate("Reports", "Зависших сделок нет"))]
    out.append(ctx.p(translate("Reports", "Сделок: {n}, на сумму {s}").format(
        n=len(cards), s=money(sum((c.amount for c in cards), ZERO))), "small_muted"))
    out.append(data_table(ctx, [
        Column(translate("Reports", "Сделка"), 3), Column(translate("Reports", "Клиент"), 2.3),
        Column(translate("Reports", "Этап"), 1.5),
        Column(translate("Reports", "В этапе, {u}").format(u=unit), 1.1, "right"),
        Column(translate("Reports", "Сумма"), 1.4, "right")],
        [[c.title, c.client_name, names.get(c.stage_id, ""),
          f"{c.days_in_stage} / {c.stall_limit or '—'}", money(c.amount)] for c in cards[:40]]))
    return out


# --- pipeline ---------------------------------------------------------------------------

def _pipeline_section(ctx: BuildContext, data: ReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    from app.services.deals.lost_reasons import lost_reason_label

    assert data.pipeline is not None
    p = data.period
    stages, lost, losses = data.pipeline.stages, data.pipeline.lost, data.pipeline.losses
    total = sum((s.amount for s in stages), ZERO)
    weighted = sum((s.weighted for s in stages), ZERO)
    count = sum(s.count for s in stages)
    out: list[Flowable] = [_h(ctx, translate("Reports", "Открытые сделки по этапам"))]
    out.append(_kpis(ctx, [
        (translate("Reports", "Открытых сделок"), str(count)),
        (translate("Reports", "Сумма воронки"), _rub(total)),
        (translate("Reports", "Взвешенный прогноз"), _rub(weighted)),
        (translate("Reports", "Проиграно за период, сделок: {n}").format(n=losses.total_count),
         _rub(losses.total_amount)),
    ]))
    out.append(Spacer(1, 3 * MM))
    out.append(data_table(ctx, [
        Column(translate("Reports", "Этап"), 2.6), Column(translate("Reports", "Сделок"), 0.9,
                                                          "right"),
        Column(translate("Reports", "Сумма"), 1.5, "right"),
        Column(translate("Reports", "Вероятность"), 1.1, "right"),
        Column(translate("Reports", "Взвешенно"), 1.5, "right")],
        [[s.name, str(s.count), money(s.amount), f"{s.probability} %", money(s.weighted)]
         for s in stages],
        footer_rows=[[translate("Reports", "Итого"), str(count), money(total), "",
                      money(weighted)]]))
    if stages:
        top_down = stages[::-1]  # the chart draws its first category at the bottom
        out += [Spacer(1, 3 * MM), bar_chart(ctx, [s.name for s in top_down], [
            (translate("Reports", "Сумма"), [s.amount for s in top_down]),
            (translate("Reports", "Взвешенно"), [s.weighted for s in top_down])],
            horizontal=True, height=max(120, 34 * len(stages) + 40))]
    if data.stalled is not None:
        out += _stalled(ctx, data.stalled)
    out.append(_h(ctx, translate("Reports", "Проигранные сделки: {p}").format(p=p.label)))
    if losses.by_reason:
        out.append(data_table(ctx, [
            Column(translate("Reports", "Причина"), 3),
            Column(translate("Reports", "Сделок"), 1, "right"),
            Column(translate("Reports", "Сумма"), 1.5, "right"),
            Column(translate("Reports", "Доля"), 1, "right")],
            [[lost_reason_label(r.key) if r.key else translate("Reports", "Не указана"),
              str(r.count), money(r.amount), _pct(r.share)] for r in losses.by_reason]))
        out.append(Spacer(1, 3 * MM))
        out.append(data_table(ctx, [
            Column(translate("Reports", "Сделка"), 2.6),
            Column(translate("Reports", "Клиент"), 2),
            Column(translate("Reports", "Дата"), 1, "center"),
            Column(translate("Reports", "Причина"), 1.6),
            Column(translate("Reports", "Сумма"), 1.3, "right")],
            [[d.title + (f"\n{d.comment}" if d.comment else ""), d.client, short_date(d.closed_on),
              lost_reason_label(d.reason) if d.reason else "—", money(d.amount)]
             for d in lost]))
    else:
        out.append(_none(ctx, translate("Reports", "За период проигранных сделок нет")))
    return out


# --- receivables ------------------------------------------------------------------------

def _receivables_section(ctx: BuildContext, data: ReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    assert data.receivables is not None
    r = data.receivables
    items, outstanding, overdue, orders = r.items, r.outstanding, r.overdue, r.orders
    out: list[Flowable] = [_h(ctx, translate("Reports", "Дебиторская задолженность"))]
    out.append(_kpis(ctx, [
        (translate("Reports", "Неоплаченных заказов"), str(orders)),
        (translate("Reports", "Долг всего"), _rub(outstanding)),
        (translate("Reports", "Из него просрочено"), _rub(overdue)),
    ]))
    out.append(Spacer(1, 3 * MM))
    if not items:
        return [*out, _none(ctx, translate("Reports", "Неоплаченных заказов нет"))]
    if r.aging is not None and r.aging.rows:
        out += _aging_table(ctx, r.aging)
    out.append(_h(ctx, translate("Reports", "Неоплаченные заказы")))
    out.append(data_table(ctx, [
        Column(translate("Reports", "Заказ"), 1.4), Column(translate("Reports", "Клиент"), 2.6),
        Column(translate("Reports", "Срок оплаты"), 1.1, "center"),
        Column(translate("Reports", "Просрочка, дн."), 1, "right"),
        Column(translate("Reports", "Сумма"), 1.3, "right"),
        Column(translate("Reports", "Долг"), 1.3, "right")],
        [[r.order_number, r.client, short_date(r.due_on), str(r.days_overdue or "—"),
          money(r.amount), money(r.outstanding)] for r in items]))
    return out


AGING_CLIENTS = 15  # the largest debtors the meeting pack lists


def _aging_table(ctx: BuildContext, aging: Aging) -> list[Flowable]:
    """The debt by days overdue (each bucket's sum, share and debtors), then the largest
    debtors with their overdue part and credit."""
    from app.domain.figures import percent
    from app.services.receivables import BUCKETS, bucket_labels

    labels = bucket_labels()
    t = aging.totals
    debtors = [row for row in aging.rows if row.total > 0]
    buckets = [[labels[b], money(getattr(t, b)), _pct(percent(getattr(t, b), t.total, places=1)),
                str(sum(1 for row in debtors if getattr(row, b) > 0))] for b in BUCKETS]
    out: list[Flowable] = [
        _h(ctx, translate("Reports", "По срокам просрочки")),
        data_table(ctx, [Column(translate("Reports", "Просрочка"), 2.4),
                         Column(translate("Reports", "Долг"), 1.6, "right"),
                         Column(translate("Reports", "Доля"), 1, "right"),
                         Column(translate("Reports", "Клиентов"), 1, "right")],
                   buckets, footer_rows=[[translate("Reports", "Итого"), money(t.total),
                                          _pct(percent(t.total, t.total, places=1)),
                                          str(len(debtors))]],
                   width=ctx.width * 0.7)]
    if t.credit:
        out.append(ctx.p(translate(
            "Reports", "Авансы клиентов (не разнесённые оплаты): {v}").format(
            v=money(t.credit)), "small_muted"))
    out.append(_h(ctx, translate("Reports", "Крупнейшие должники")))
    out.append(data_table(ctx, [
        Column(translate("Reports", "Клиент"), 3),
        Column(translate("Reports", "Долг"), 1.3, "right"),
        Column(translate("Reports", "Просрочено"), 1.3, "right"),
        Column(labels["over_90"], 1.3, "right"),
        Column(translate("Reports", "Аванс"), 1.1, "right")],
        [[row.client_name, money(row.total), money(row.overdue) if row.overdue else "—",
          money(row.over_90) if row.over_90 else "—", money(row.credit) if row.credit else "—"]
         for row in debtors[:AGING_CLIENTS]]))
    return out


# --- clients ----------------------------------------------------------------------------

def _status_label(key: str) -> str:
    return {"lead": translate("Reports", "Лиды"), "active": translate("Reports", "Активные"),
            "lost": translate("Reports", "Потерянные"),
            "churned": translate("Reports", "Ушедшие")}.get(key, key)


def _clients_section(ctx: BuildContext, data: ReportData) -> list[Flowable]:
    from reportlab.platypus import Spacer

    assert data.clients is not None
    p = data.period
    c = data.clients
    by_status, by_segment, abc, churn = c.by_status, c.by_segment, c.abc, c.churn
    total = sum(r.count for r in by_status)
    counts = {r.key: r.count for r in by_status}
    out: list[Flowable] = [_h(ctx, translate("Reports", "Состав базы"))]
    out.append(_kpis(ctx, [
        (translate("Reports", "Клиентов в базе"), str(total)),
        (translate("Reports", "Активные"), str(counts.get("active", 0))),
        (translate("Reports", "Лиды"), str(counts.get("lead", 0))),
        (translate("Reports", "Под риском ухода"), str(len(churn))),
    ]))
    out.append(Spacer(1, 3 * MM))
    half = (ctx.width - 6 * MM) / 2
    from reportlab.platypus import Table, TableStyle

    status_table = data_table(ctx, [
        Column(translate("Reports", "Статус"), 2), Column(translate("Reports", "Клиентов"), 1,
                                                          "right"),
        Column(translate("Reports", "Выручка"), 1.6, "right")],
        [[_status_label(r.key), str(r.count), money(r.amount)] for r in by_status], width=half)
    segment_table = data_table(ctx, [
        Column(translate("Reports", "Сегмент"), 2), Column(translate("Reports", "Клиентов"), 1,
                                                           "right"),
        Column(translate("Reports", "Выручка"), 1.6, "right")],
        [[r.key or translate("Reports", "Не указан"), str(r.count), money(r.amount)]
         for r in by_segment], width=half)
    pair = Table([[status_table, "", segment_table]], colWidths=[half, 6 * MM, half])
    pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out.append(pair)
    out.append(_h(ctx, translate("Reports", "ABC-анализ по выручке: {p}").format(p=p.label)))
    groups = []
    for cls in ("A", "B", "C"):
        cells = [c for c in abc.cells if c.abc == cls]
        n = sum(c.count for c in cells)
        revenue = sum((c.revenue for c in cells), ZERO)
        share = (revenue * 100 / abc.total_revenue) if abc.total_revenue else None
        groups.append([cls, str(n), money(revenue), _pct(share)])
    out.append(data_table(ctx, [
        Column(translate("Reports", "Группа"), 1, "center"),
        Column(translate("Reports", "Клиентов"), 1, "right"),
        Column(translate("Reports", "Выручка"), 1.6, "right"),
        Column(translate("Reports", "Доля выручки"), 1.2, "right")], groups))
    out.append(_h(ctx, translate("Reports", "Крупнейшие клиенты")))
    if abc.client_count:
        out.append(data_table(ctx, [
            Column("№", 0.4, "center"), Column(translate("Reports", "Клиент"), 3),
            Column(translate("Reports", "Сегмент"), 1.4),
            Column(translate("Reports", "Выручка"), 1.4, "right"),
            Column(translate("Reports", "Доля"), 0.8, "right"),
            Column("ABC/XYZ", 0.9, "center")],
            [[str(i), c.name, c.segment, money(c.revenue), _pct(c.share), f"{c.abc}{c.xyz}"]
             for i, c in enumerate(abc.top(15), start=1)]))
    else:
        out.append(_none(ctx, translate("Reports", "За период продаж не было")))
    out.append(_h(ctx, translate("Reports", "Риск ухода")))
    if churn:
        out.append(ctx.p(translate(
            "Reports", "Клиенты, которые молчат дольше двух своих обычных интервалов между "
                       "покупками; по выручке под угрозой."), "small_muted"))
        out.append(data_table(ctx, [
            Column(translate("Reports", "Клиент"), 3),
            Column(translate("Reports", "Последняя покупка"), 1.3, "center"),
            Column(translate("Reports", "Обычный интервал, дн."), 1.2, "right"),
            Column(translate("Reports", "Молчит, дн."), 1, "right"),
            Column(translate("Reports", "Выручка под угрозой"), 1.5, "right")],
            [[c.name, short_date(c.last_purchase), str(c.usual_interval_days.quantize(Decimal(1))),
              str(c.days_since_last), money(c.revenue_at_stake)] for c in churn]))
    else:
        out.append(_none(ctx, translate("Reports", "Клиентов под риском ухода нет")))
    return out
