"""The trainee progress report (PDF): checklist state by section, a vector chart of the
skill assessments, accompanied meetings and the mentor's conclusion.

    data = gather_trainee_report(mentoring, trainee_id, company=..., today=...)
    pdf: bytes = render_trainee_report(data)

Called through `DocumentService.trainee_report_pdf` by the Наставничество tab ("Отчёт PDF")
and by `salesdesk report trainee ID -o F.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reportlab is imported when a report is built
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable, Table

from app.domain.dates import day_month, short_date
from app.i18n import translate
from app.services.documents.base import (
    MM,
    BuildContext,
    Column,
    CompanyInfo,
    DocumentMeta,
    SignatureLine,
    build_pdf,
    data_table,
    key_value_table,
)
from app.services.documents.fonts import BOLD, FAMILY
from app.services.documents.markup import esc, fmt, inline_list
from app.services.documents.styles import REPORT
from app.services.mentoring import (
    SKILLS,
    AssessmentRow,
    MeetingRow,
    MentoringService,
    TaskRow,
    TraineeProgress,
    TraineeRow,
    skill_label,
    trainee_status_label,
)

# Vector chart colours: one per skill (print-friendly, distinguishable in grey too).
SKILL_COLOURS = ("#2563EB", "#16A34A", "#D97706", "#9333EA", "#0891B2", "#DC2626")
DONE_MARK = "✓"


@dataclass(frozen=True)
class TraineeReportData:
    """Everything the report prints, gathered through the mentoring service."""

    trainee: TraineeRow
    tasks: list[TaskRow]
    progress: TraineeProgress
    meetings: list[MeetingRow]
    assessments: list[AssessmentRow]
    series: dict[str, list[tuple[date, int]]]
    company: CompanyInfo
    today: date


def gather_trainee_report(mentoring: MentoringService, trainee_id: int, *,
                          company: CompanyInfo, today: date) -> TraineeReportData:
    """What the report prints, through the mentoring service (NotFoundError: no trainee)."""
    svc = mentoring
    trainee = svc.trainee(trainee_id, today)
    return TraineeReportData(
        trainee=trainee, tasks=svc.tasks(trainee_id, today),
        progress=svc.progress(trainee_id, today), meetings=svc.meetings(trainee_id),
        assessments=svc.assessments(trainee_id), series=svc.skill_series(trainee_id),
        company=company, today=today)


def render_trainee_report(data: TraineeReportData) -> bytes:
    """The trainee's progress report as PDF bytes."""
    meta = DocumentMeta(
        title=translate("Documents", "Отчёт о стажёре"), on=data.today, company=data.company,
        theme=REPORT, subject=translate("Documents", "Адаптация стажёра: {name}").format(
            name=data.trainee.name))
    return build_pdf(lambda ctx: story(ctx, data), meta)


# --- the story ----------------------------------------------------------------------------

def story(ctx: BuildContext, data: TraineeReportData) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, Spacer

    st = ctx.styles
    t = data.trainee
    out: list[Flowable] = [
        ctx.m(esc(translate("Documents", "Отчёт о прохождении адаптации")), "subtitle"),
        ctx.p(t.name, "title"),
        Spacer(1, 2 * MM),
        key_value_table(ctx, [
            (translate("Documents", "Должность"), t.position),
            (translate("Documents", "Начало стажировки"), short_date(t.start_date)),
            (translate("Documents", "Статус"), trainee_status_label(t.status)),
            (translate("Documents", "Контакты"), inline_list((t.phone, t.email))),
            (translate("Documents", "Наставник"), data.company.manager_name),
            (translate("Documents", "Дата отчёта"), short_date(data.today)),
        ], label_width=0.25),
        Spacer(1, 4 * MM),
        _kpis(ctx, data),
    ]

    out.append(ctx.m(esc(translate("Documents", "Чек-лист адаптации")), "h2"))
    if not data.tasks:
        out.append(ctx.p(translate("Documents", "Чек-лист стажёру не назначен."),
                         "small_muted"))
    else:
        out.append(_sections_table(ctx, data))
        out.append(Spacer(1, 4 * MM))
        out.append(_tasks_table(ctx, data))

    out.append(CondPageBreak(90 * MM))
    out.append(ctx.m(esc(translate("Documents", "Оценка навыков")), "h2"))
    if not data.assessments:
        out.append(ctx.p(translate("Documents", "Оценок пока нет."), "small_muted"))
    else:
        out.append(skill_chart(ctx, data.series))
        out.append(Spacer(1, 3 * MM))
        out.append(_skills_table(ctx, data))

    out.append(ctx.m(esc(translate("Documents", "Сопровождение на встречах")), "h2"))
    if not data.meetings:
        out.append(ctx.p(translate("Documents", "Совместных встреч с клиентами пока не было."),
                         "small_muted"))
    else:
        out.append(data_table(ctx, [
            Column(translate("Documents", "Дата"), 1.3),
            Column(translate("Documents", "Клиент"), 2.4),
            Column(translate("Documents", "Тема"), 2.4),
            Column(translate("Documents", "Отзыв наставника"), 4.2),
        ], [(short_date(m.due_at), m.client_name or "—", m.subject, m.feedback or "—")
            for m in data.meetings]))

    out.append(CondPageBreak(50 * MM))
    out.append(ctx.m(esc(translate("Documents", "Заключение наставника")), "h2"))
    conclusion = t.conclusion.strip()
    out.append(ctx.p(conclusion or translate("Documents", "Заключение ещё не написано."),
                     "body" if conclusion else "small_muted"))
    out.append(Spacer(1, 8 * MM))
    out.append(SignatureLine.make(ctx, [(translate("Documents", "Наставник"),
                                         data.company.manager_name or "")]))
    _ = st
    return [_embedded_font(f) for f in out]


def _embedded_font(flowable: Flowable) -> Flowable:
    """Tables default to (unembedded) Helvetica for their plain-string cells; use ours."""
    from reportlab.platypus import Table, TableStyle

    if isinstance(flowable, Table):
        flowable.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY)]))
    return flowable


def _kpis(ctx: BuildContext, data: TraineeReportData) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = ctx.styles
    overall = data.progress.overall
    latest = _latest_scores(data.assessments)
    avg = (sum(latest.values()) / len(latest)) if latest else None
    cells = [
        (f"{overall.percent} %", translate("Documents", "чек-листа выполнено")),
        (f"{overall.done} / {overall.total}", translate("Documents", "пунктов готово")),
        (str(overall.overdue), translate("Documents", "пунктов просрочено")),
        (str(len(data.meetings)), translate("Documents", "встреч с наставником")),
        (f"{avg:.1f}".replace(".", ",") if avg is not None else "—",
         translate("Documents", "средняя оценка навыков")),
    ]
    row = [[Paragraph(esc(v), st.kpi_value), Paragraph(esc(label), st.kpi_label)]
           for v, label in cells]
    table = Table([row], colWidths=[ctx.width / len(cells)] * len(cells), hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(ctx.theme.accent_light)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, HexColor("#FFFFFF")),
    ]
    if overall.overdue:
        commands.append(("TEXTCOLOR", (2, 0), (2, 0), HexColor("#DC2626")))
    table.setStyle(TableStyle(commands))
    return table


def _bar(ctx: BuildContext, percent: int, width: float) -> Drawing:
    """A small vector progress bar for a table cell."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import HexColor

    height = 6.0
    d = Drawing(width, height + 2, initialFontName=FAMILY)
    track = Rect(0, 1, width, height, rx=3, ry=3)
    track.fillColor, track.strokeColor = HexColor("#E5E7EB"), None
    d.add(track)
    if percent > 0:
        done = Rect(0, 1, max(height, width * percent / 100), height, rx=3, ry=3)
        done.fillColor = HexColor("#16A34A" if percent >= 100 else ctx.theme.accent)
        done.strokeColor = None
        d.add(done)
    return d


def _sections_table(ctx: BuildContext, data: TraineeReportData) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, TableStyle

    cols = [Column(translate("Documents", "Раздел"), 4.2),
            Column(translate("Documents", "Прогресс"), 2.6),
            Column(translate("Documents", "Готово"), 1.1, "center"),
            Column(translate("Documents", "Просрочено"), 1.3, "center")]
    bar_w = ctx.width * 2.6 / sum(c.width for c in cols) - 10
    rows: list[tuple[Flowable | str, ...]] = [
        (p.section, _bar(ctx, p.percent, bar_w), f"{p.done}/{p.total} · {p.percent} %",
         str(p.overdue) if p.overdue else "—") for p in data.progress.sections]
    o = data.progress.overall
    st = ctx.styles
    rows.append((Paragraph(fmt("<b>{v}</b>", v=translate("Documents", "Итого")), st.cell),
                 _bar(ctx, o.percent, bar_w),
                 Paragraph(fmt("<b>{v}</b>", v=f"{o.done}/{o.total} · {o.percent} %"),
                           st.cell_center),
                 Paragraph(fmt("<b>{v}</b>", v=str(o.overdue) if o.overdue else "—"),
                           st.cell_center)))
    table = data_table(ctx, cols, rows, zebra=False)
    table.setStyle(TableStyle([("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.9,
                                HexColor(ctx.theme.accent))]))
    return table


def _tasks_table(ctx: BuildContext, data: TraineeReportData) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, TableStyle

    st = ctx.styles
    cols = [Column("", 0.45, "center"),
            Column(translate("Documents", "Пункт"), 5.0),
            Column(translate("Documents", "Срок"), 1.35, "center"),
            Column(translate("Documents", "Выполнено"), 1.35, "center"),
            Column(translate("Documents", "Комментарий наставника"), 3.2)]
    rows: list[list[Flowable | str]] = []
    section_rows: list[int] = []
    overdue_rows: list[int] = []
    section = None
    for task in data.tasks:
        if task.section != section:
            section = task.section
            section_rows.append(len(rows) + 1)
            rows.append([Paragraph(fmt("<b>{s}</b>", s=section), st.cell), "", "", "", ""])
        title = fmt("{t}", t=task.title)
        if task.description:
            title += fmt('<br/><font size="7" color="{c}">{d}</font>', c=ctx.theme.muted,
                         d=task.description)
        mark: Flowable | str = DONE_MARK if task.done_on else ""
        due: Flowable | str = short_date(task.due_on)
        if task.overdue:
            overdue_rows.append(len(rows) + 1)
            # Paragraph cells carry their own colour: the mark and the due date in red
            red = '<font color="#DC2626"><b>{t}</b></font>'
            mark = Paragraph(fmt(red, t=esc("!")), st.cell_center)
            due = Paragraph(fmt(red, t=esc(due)), st.cell_center)
        rows.append([mark, Paragraph(title, st.cell), due,
                     short_date(task.done_on), task.mentor_comment])
    table = data_table(ctx, cols, rows, zebra=False)
    commands: list[tuple[Any, ...]] = []
    for r in section_rows:
        commands += [("SPAN", (0, r), (-1, r)),
                     ("BACKGROUND", (0, r), (-1, r), HexColor(ctx.theme.accent_light))]
    for r in overdue_rows:
        commands += [("BACKGROUND", (0, r), (-1, r), HexColor("#FEF2F2")),
                     ("TEXTCOLOR", (0, r), (-1, r), HexColor("#DC2626"))]
    table.setStyle(TableStyle(commands))
    return table


def _latest_scores(assessments: list[AssessmentRow]) -> dict[str, int]:
    latest: dict[str, tuple[date, int]] = {}
    for a in assessments:
        if a.skill not in latest or a.assessed_on > latest[a.skill][0]:
            latest[a.skill] = (a.assessed_on, a.score)
    return {k: v[1] for k, v in latest.items()}


def _skills_table(ctx: BuildContext, data: TraineeReportData) -> Table:
    comments: dict[str, str] = {}
    for a in sorted(data.assessments, key=lambda a: a.assessed_on):
        if a.comment:
            comments[a.skill] = a.comment
    rows = []
    for skill in SKILLS:
        points = data.series.get(skill, [])
        if not points:
            continue
        first, last = points[0][1], points[-1][1]
        delta = last - first
        rows.append((skill_label(skill), str(first), str(last),
                     f"+{delta}" if delta > 0 else str(delta) if delta else "0",
                     short_date(points[-1][0]), comments.get(skill, "")))
    return data_table(ctx, [
        Column(translate("Documents", "Навык"), 2.6),
        Column(translate("Documents", "Первая"), 0.9, "center"),
        Column(translate("Documents", "Последняя"), 1.45, "center"),
        Column(translate("Documents", "Рост"), 0.8, "center"),
        Column(translate("Documents", "Дата"), 1.2, "center"),
        Column(translate("Documents", "Комментарий"), 3.1),
    ], rows)


def skill_chart(ctx: BuildContext, series: dict[str, list[tuple[date, int]]]) -> Drawing:
    """A vector line chart (reportlab graphics): one line per skill, scores 1–5 over time."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib.colors import HexColor

    width, height = ctx.width, 62 * MM
    # initialFontName: otherwise the renderer references (unembedded) Helvetica.
    drawing = Drawing(width, height, initialFontName=FAMILY)
    present = [s for s in SKILLS if series.get(s)]
    days = sorted({d for s in present for d, _ in series[s]})
    if len(days) == 1:  # one assessment: a line per skill would be points on one another
        return _one_assessment_chart(ctx, drawing, present, series)
    origin = days[0]
    plot = LinePlot()
    plot.x, plot.y = 26, 52
    plot.width, plot.height = round(width - 36), round(height - 62)  # stubs: int points
    plot.data = []
    for k, skill in enumerate(present):
        # A small vertical offset keeps equal scores of different skills visible.
        shift = (SKILLS.index(skill) - 2.5) * 0.03
        plot.data.append([((d - origin).days, score + shift) for d, score in series[skill]])
        line = plot.lines[k]
        line.strokeColor = HexColor(SKILL_COLOURS[SKILLS.index(skill) % len(SKILL_COLOURS)])
        line.strokeWidth = 1.6
        line.symbol = makeMarker("FilledCircle")  # type: ignore[no-untyped-call]  # stub lacks it
        line.symbol.size = 4
        line.symbol.fillColor = line.strokeColor
        line.symbol.strokeColor = line.strokeColor
    span = max(1, (days[-1] - origin).days)
    pad = max(1, round(span * 0.04))
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = -pad, span + pad
    x_axis.valueSteps = [(d - origin).days for d in days]
    x_axis.labelTextFormat = lambda v: day_month(
        origin.fromordinal(origin.toordinal() + round(v)))
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = 0.5, 5.5, 1
    y_axis.valueSteps = [1, 2, 3, 4, 5]
    y_axis.labelTextFormat = "%d"
    for axis in (x_axis, y_axis):
        axis.labels.fontName = FAMILY
        axis.labels.fontSize = 7
        axis.labels.fillColor = HexColor(ctx.theme.muted)
        axis.strokeColor = HexColor(ctx.theme.rule)
    y_axis.visibleGrid = True
    y_axis.gridStrokeColor = HexColor("#E5E7EB")
    y_axis.gridStrokeWidth = 0.4
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = 26, 26
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.dx, legend.dy = 7, 7
    legend.deltax = round((width - 36) / 3.2)
    legend.deltay = 12
    legend.fontName = FAMILY
    legend.fontSize = 7
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [
        (HexColor(SKILL_COLOURS[SKILLS.index(s) % len(SKILL_COLOURS)]), skill_label(s))
        for s in present]
    drawing.add(legend)
    drawing.add(String(0, height - 6, translate("Documents", "балл"), fontName=BOLD,
                       fontSize=7, fillColor=HexColor(ctx.theme.muted)))
    return drawing


def _one_assessment_chart(ctx: BuildContext, drawing: Drawing, present: list[str],
                          series: dict[str, list[tuple[date, int]]]) -> Drawing:
    """The skills of a single assessment as bars, one row per skill, scores 1–5."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import String
    from reportlab.lib.colors import HexColor

    width, height = drawing.width, drawing.height
    day = series[present[0]][-1][0]
    rows = list(reversed(present))  # the chart draws its first category at the bottom
    chart = HorizontalBarChart()
    label_w = 30 * MM  # the skills' names, left of the bars
    chart.x, chart.y = round(label_w), 16
    chart.width, chart.height = round(width - label_w - 12), round(height - 34)
    chart.data = [[series[s][-1][1] for s in rows]]
    chart.categoryAxis.categoryNames = [skill_label(s) for s in rows]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 5, 1
    chart.valueAxis.labelTextFormat = "%d"
    chart.barSpacing = 2
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FAMILY
        axis.labels.fontSize = 7
        axis.labels.fillColor = HexColor(ctx.theme.muted)
        axis.strokeColor = HexColor(ctx.theme.rule)
    for k, skill in enumerate(rows):
        chart.bars[(0, k)].fillColor = HexColor(
            SKILL_COLOURS[SKILLS.index(skill) % len(SKILL_COLOURS)])
        chart.bars[(0, k)].strokeColor = None
    drawing.add(chart)
    drawing.add(String(label_w, height - 10, translate("Documents", "Оценка на {d}").format(
        d=short_date(day)), fontName=FAMILY, fontSize=8, fillColor=HexColor(ctx.theme.muted)))
    return drawing
