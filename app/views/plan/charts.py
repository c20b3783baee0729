"""pyqtgraph charts of the Plan tab: they take plain series (never query anything), follow
the app's palette, show exact figures in hover tooltips and save themselves as PNG."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import day_month, short_date
from app.domain.money import format_money, short_money
from app.i18n import translate
from app.views import dialogs, style

pg.setConfigOptions(antialias=True)  # the colours: each chart's, from the theme


class MoneyAxis(pg.AxisItem):
    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        if orientation in ("left", "right"):
            self.setWidth(72)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [short_money(v * scale) for v in values]


class CountAxis(pg.AxisItem):
    """Whole numbers only (deal and client counts)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [f"{v:.0f}" if abs(v - round(v)) < 1e-9 else "" for v in values]


LABEL_GAP = 14  # px between two category labels side by side


class LabelAxis(pg.AxisItem):
    """Category labels at integer positions."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []

    def tickValues(self, minVal: float, maxVal: float,
                   size: float) -> list[tuple[float, list[float]]]:
        if not self.labels:
            return []
        step = 1
        if self.orientation in ("bottom", "top"):
            # as many labels as fit side by side with a gap (a month's dates ran together:
            # «03.1205.1207.12…», issue 17, finding 6)
            width = QFontMetrics(self.style.get("tickFont") or QFont()).horizontalAdvance(
                max(self.labels, key=len)) + LABEL_GAP
            fit = max(1, int(size // max(width, 1)))
            step = max(1, math.ceil(len(self.labels) / fit))
        return [(1, [i for i in range(0, len(self.labels), step)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        out = []
        for v in values:
            i = round(v)
            out.append(self.labels[i] if 0 <= i < len(self.labels) else "")
        return out


def _f(value: Decimal | int | float) -> float:
    return float(value)


@dataclass(frozen=True)
class BarSeries:
    name: str
    values: Sequence[Decimal | int | float]
    color: str


class ChartPanel(QWidget):
    """A titled chart with a "save as PNG" button and hover tooltips by category index.

    Signals:
        saved(str): the PNG was written to this path.
    """

    saved = Signal(str)

    def __init__(self, title: str, *, left_axis: pg.AxisItem | None = None,
                 bottom_axis: pg.AxisItem | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("cardNote")
        self.save_button = QPushButton(translate("Charts", "PNG…"))
        self.save_button.setToolTip(translate("Charts", "Сохранить график как PNG"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        axes = {}
        if left_axis is not None:
            axes["left"] = left_axis
        if bottom_axis is not None:
            axes["bottom"] = bottom_axis
        self.plot = pg.PlotWidget(axisItems=axes)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.plot.setMinimumHeight(200)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=False)
        self._apply_theme()
        style.changes().changed.connect(self._apply_theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(head)
        layout.addWidget(self.plot, 1)
        self._tooltips: list[str] = []
        self._horizontal = False
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def sizeHint(self) -> QSize:
        # pyqtgraph's own hint is 640×480; the tab lays several charts out side by side.
        return QSize(420, 300)

    # --- tooltips -----------------------------------------------------------
    def tooltip_at(self, index: int) -> str:
        """The exact figures shown on hover at a category (bar / day) index."""
        return self._tooltips[index] if 0 <= index < len(self._tooltips) else ""

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if not self._tooltips or not vb.sceneBoundingRect().contains(pos):
            return
        point = vb.mapSceneToView(pos)
        index = round(point.y() if self._horizontal else point.x())
        text = self.tooltip_at(index)
        if text:
            QToolTip.showText(self.plot.mapToGlobal(self.plot.mapFromScene(pos)),
                              text, self.plot)

    # --- saving -------------------------------------------------------------
    def save_png(self, path: str) -> None:
        image = self.grab()
        if not image.save(path, "PNG"):
            raise OSError(translate("Charts", "Не удалось записать файл {p}").format(p=path))
        self.saved.emit(path)

    def _on_save_button_clicked(self) -> None:
        name = self.title.text().replace(" ", "_").replace("/", "-") + ".png"
        path = dialogs.ask_save_path(self, translate("Charts", "Сохранить график"), name,
                                     translate("Charts", "Изображения PNG (*.png)"))
        if not path:
            return
        try:
            self.save_png(path)
        except OSError as exc:
            dialogs.show_error(self, str(exc))

    def _reset(self) -> None:
        self.plot.clear()
        legend = self.plot.getPlotItem().legend
        if legend is not None:
            legend.clear()

    legend_offset = (10, 5)

    def _apply_theme(self) -> None:
        """The current theme's background, axes and legend (the series take theirs when
        they are set: the window fills its tabs again after a change of theme)."""
        self.plot.setBackground(style.SURFACE)
        for name in ("left", "bottom"):
            ax = self.plot.getAxis(name)
            ax.setPen(pg.mkPen(style.BORDER))
            ax.setTextPen(pg.mkPen(style.MUTED))
        legend = self.plot.getPlotItem().legend
        if legend is not None:
            legend.setBrush(self._legend_brush())
            legend.setLabelTextColor(style.TEXT)

    @staticmethod
    def _legend_brush() -> QColor:
        colour = QColor(style.SURFACE)
        colour.setAlpha(225)
        return colour

    def _legend(self) -> pg.LegendItem:
        item = self.plot.getPlotItem()
        if item.legend is None:
            item.addLegend(offset=self.legend_offset, labelTextColor=style.TEXT,
                           brush=pg.mkBrush(self._legend_brush()))
        return item.legend


class CumulativeChart(ChartPanel):
    """Cumulative plan vs actual for a period, today marked, the forecast dashed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("bottom")
        super().__init__(translate("Charts", "Накопительно: план и факт"),
                         left_axis=MoneyAxis("left"), bottom_axis=self._axis, parent=parent)

    def set_series(self, days: list[date], plan: list[Decimal], actual: list[Decimal],
                   forecast_days: list[date], forecast: list[Decimal], today: date,
                   metric_label: str) -> None:
        self._reset()
        self.subtitle.setText(metric_label)
        self._axis.labels = [day_month(d) for d in days]
        legend = self._legend()
        xs = list(range(len(days)))
        plan_item = self.plot.plot(xs, [_f(v) for v in plan],
                                   pen=pg.mkPen(style.MUTED, width=2))
        legend.addItem(plan_item, translate("Charts", "План"))
        actual_item = self.plot.plot(xs[: len(actual)], [_f(v) for v in actual],
                                     pen=pg.mkPen(style.SERIES[0], width=3))
        legend.addItem(actual_item, translate("Charts", "Факт"))
        if forecast:
            start = days.index(forecast_days[0])
            fc = self.plot.plot(list(range(start, start + len(forecast))),
                                [_f(v) for v in forecast],
                                pen=pg.mkPen(style.WARNING, width=2,
                                             style=Qt.PenStyle.DashLine))
            legend.addItem(fc, translate("Charts", "Прогноз"))
        if days and days[0] <= today <= days[-1]:
            # the mark's label low on the line, on its own ground: at the top it sat
            # under the legend, faint (issue 17, finding 6)
            line = pg.InfiniteLine(pos=days.index(today), angle=90,
                                   pen=pg.mkPen(style.DANGER, width=2,
                                                style=Qt.PenStyle.DashLine),
                                   label=translate("Charts", "сегодня"),
                                   labelOpts={"position": 0.12, "color": style.DANGER,
                                              "fill": pg.mkBrush(self._legend_brush()),
                                              "anchors": [(0, 1), (0, 1)]})
            self.plot.addItem(line)
        fc_by_day = dict(zip(forecast_days, forecast, strict=True))
        tips = []
        for i, d in enumerate(days):
            parts = [short_date(d),
                     translate("Charts", "План: {v}").format(v=format_money(plan[i]))]
            if i < len(actual):
                parts.append(translate("Charts", "Факт: {v}").format(v=format_money(actual[i])))
            if d in fc_by_day and d != today:
                parts.append(translate("Charts", "Прогноз: {v}").format(
                    v=format_money(fc_by_day[d])))
            tips.append("\n".join(parts))
        self._tooltips = tips
        self.plot.setXRange(0, max(len(days) - 1, 1), padding=0.02)
        top = max([_f(v) for v in (*plan, *actual, *forecast)] or [0])
        self.plot.setYRange(0, top * 1.12 if top > 0 else 1, padding=0)


class VerticalBarsChart(ChartPanel):
    """Grouped vertical bars by category (e.g. plan and actual per month)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("bottom")
        super().__init__(title, left_axis=MoneyAxis("left"), bottom_axis=self._axis,
                         parent=parent)

    def set_series(self, labels: list[str], series: list[BarSeries], tooltips: list[str],
                   subtitle: str = "") -> None:
        self._reset()
        self.subtitle.setText(subtitle)
        self._axis.labels = labels
        legend = self._legend()
        n = max(len(series), 1)
        width = 0.8 / n
        top = 0.0
        for k, s in enumerate(series):
            xs = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
            heights = [_f(v) for v in s.values]
            top = max([top, *heights])
            item = pg.BarGraphItem(x=xs, height=heights, width=width * 0.9,
                                   brush=pg.mkBrush(s.color), pen=pg.mkPen(None))
            self.plot.addItem(item)
            legend.addItem(item, s.name)
        self._tooltips = tooltips
        self.plot.setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)
        self.plot.setYRange(0, top * 1.1 if top > 0 else 1, padding=0)


class HorizontalBarsChart(ChartPanel):
    """Grouped horizontal bars by category, first category on top, optional text at the end
    of each category's bars (e.g. a conversion or a deviation)."""

    legend_offset = (-10, -10)  # bottom right, away from the first (longest) bars

    def __init__(self, title: str, *, money_axis: bool = True,
                 parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("left")
        bottom = MoneyAxis("bottom") if money_axis else CountAxis("bottom")
        super().__init__(title, left_axis=self._axis, bottom_axis=bottom, parent=parent)
        self._horizontal = True

    def set_series(self, labels: list[str], series: list[BarSeries], tooltips: list[str],
                   *, notes: list[str] | None = None, bar_colors: list[str] | None = None,
                   subtitle: str = "") -> None:
        """`bar_colors` overrides the last series' colour bar by bar (e.g. red when behind)."""
        self._reset()
        self.subtitle.setText(subtitle)
        count = len(labels)
        # Category i is drawn at y = count − 1 − i so the first one is on top; the axis and
        # the tooltips work on the same flipped positions.
        self._axis.labels = list(reversed(labels))
        metrics = self.plot.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in labels), default=20)
        self._axis.setWidth(min(widest + 18, 240))
        self._tooltips = list(reversed(tooltips))
        n = max(len(series), 1)
        height = 0.8 / n
        right = 0.0
        for k, s in enumerate(series):
            ys = [count - 1 - i + 0.4 - height * (k + 0.5) for i in range(count)]
            widths = [_f(v) for v in s.values]
            right = max([right, *widths])
            if bar_colors is not None and k == len(series) - 1:
                brushes = [pg.mkBrush(c) for c in bar_colors]
                item = pg.BarGraphItem(x0=[0] * count, y=ys, width=widths,
                                       height=height * 0.9, brushes=brushes,
                                       pen=pg.mkPen(None))
            else:
                item = pg.BarGraphItem(x0=[0] * count, y=ys, width=widths,
                                       height=height * 0.9, brush=pg.mkBrush(s.color),
                                       pen=pg.mkPen(None))
            self.plot.addItem(item)
            if len(series) > 1 and not (bar_colors is not None and k == len(series) - 1):
                self._legend().addItem(item, s.name)
        if notes:
            font = QFont()
            font.setPointSize(8)
            for i, note in enumerate(notes):
                end = max((_f(s.values[i]) for s in series), default=0.0)
                t = pg.TextItem(note, color=QColor(style.TEXT), anchor=(0, 0.5))
                t.setFont(font)
                t.setPos(end, count - 1 - i)
                self.plot.addItem(t)
        self.plot.setYRange(-0.6, max(count - 0.4, 0.6), padding=0)
        self.plot.setXRange(0, right * (1.35 if notes else 1.08) if right > 0 else 1,
                            padding=0)
