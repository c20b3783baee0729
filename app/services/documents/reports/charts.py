"""Vector charts for the reports (reportlab graphics: they stay sharp when printed)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.money import short_money
from app.services.documents.base import BuildContext
from app.services.documents.fonts import FAMILY
from app.services.documents.markup import clean_text

if TYPE_CHECKING:  # reportlab is imported when a chart is drawn
    from reportlab.graphics.shapes import Drawing

PALETTE = ("#27476E", "#E07A1F", "#2A9D8F", "#9AA5B1", "#B42318")


def _legend(drawing: Drawing, items: Sequence[tuple[str, str]], x: float, y: float) -> None:
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib.colors import HexColor

    for name, color in items:
        swatch = Rect(x, y - 1, 8, 8)
        swatch.fillColor, swatch.strokeColor = HexColor(color), None
        drawing.add(swatch)
        label = clean_text(name)
        drawing.add(String(x + 11, y, label, fontName=FAMILY, fontSize=7,
                           fillColor=HexColor("#374151")))
        x += 22 + len(label) * 4.1


def bar_chart(ctx: BuildContext, labels: Sequence[str],
              series: Sequence[tuple[str, Sequence[Decimal]]], *, height: float = 170,
              horizontal: bool = False) -> Drawing:
    """Grouped bars; values in rubles, axis in short form (тыс/млн)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    width = ctx.width
    # initialFontName: the renderer would otherwise start with Helvetica
    drawing = Drawing(width, height, initialFontName=FAMILY)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 120 if horizontal else 48
    chart.x, chart.y = left, 30
    # whole points (reportlab's stubs take int sizes; half a point is invisible)
    chart.width, chart.height = round(width - left - 10), round(height - 52)
    chart.data = [[float(v) for v in values] or [0.0] for _, values in series]
    chart.categoryAxis.categoryNames = [clean_text(x)[:28] for x in labels] or [""]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.strokeColor = HexColor("#9AA5B1")
    if not horizontal and len(labels) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = short_money
    chart.valueAxis.valueMin = 0
    if not any(v for row in chart.data for v in row):
        chart.valueAxis.valueMax = 1000  # an empty chart still gets a readable axis
    chart.valueAxis.strokeColor = HexColor("#9AA5B1")
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = HexColor("#E5E7EB")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        _legend(drawing, [(name, PALETTE[i % len(PALETTE)]) for i, (name, _) in
                          enumerate(series)], left, height - 12)
    return drawing


def line_chart(ctx: BuildContext, x_labels: Sequence[str],
               series: Sequence[tuple[str, Sequence[tuple[int, Decimal]]]], *,
               height: float = 180) -> Drawing:
    """Lines over an index axis (e.g. days of the period) with sparse x labels."""
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    width = ctx.width
    drawing = Drawing(width, height, initialFontName=FAMILY)
    plot = LinePlot()
    plot.x, plot.y = 48, 28
    plot.width, plot.height = round(width - 58), round(height - 50)
    data = [[(float(x), float(y)) for x, y in points] or [(0.0, 0.0)] for _, points in series]
    plot.data = data
    n = max(1, len(x_labels) - 1)
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = n
    step = max(1, n // 8)
    plot.xValueAxis.valueSteps = list(range(0, n + 1, step))
    plot.xValueAxis.labelTextFormat = lambda v: clean_text(
        x_labels[int(v)] if 0 <= int(v) < len(x_labels) else "")
    plot.xValueAxis.labels.fontName = FAMILY
    plot.xValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin = 0
    if not any(y for line in data for _, y in line):
        plot.yValueAxis.valueMax = 1000  # an empty chart still gets a readable axis
    plot.yValueAxis.labelTextFormat = short_money
    plot.yValueAxis.labels.fontName = FAMILY
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = HexColor("#E5E7EB")
    plot.yValueAxis.gridStrokeWidth = 0.4
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.strokeColor = HexColor("#9AA5B1")
    styles = [(PALETTE[3], 1.2, (3, 2)), (PALETTE[0], 2.0, None), (PALETTE[1], 1.6, (4, 3))]
    for i in range(len(series)):
        color, w, dash = styles[i % len(styles)]
        plot.lines[i].strokeColor = HexColor(color)
        plot.lines[i].strokeWidth = w
        if dash:
            plot.lines[i].strokeDashArray = dash
    drawing.add(plot)
    _legend(drawing, [(name, styles[i % len(styles)][0]) for i, (name, _) in
                      enumerate(series)], 48, height - 12)
    return drawing
