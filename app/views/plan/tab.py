"""План: plan vs actual for a period with charts, breakdowns, the funnel, losses, lead
sources, the client-base analyses and the plan editor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import month_name, short_date
from app.domain.figures import percent
from app.domain.money import format_count, format_money, parse_money, short_money
from app.i18n import plural, translate
from app.services.deals import lost_reason_label
from app.services.errors import ServiceError
from app.services.market.feedback import ChurnRow
from app.services.plan import (
    DIMENSIONS,
    AbcXyzClient,
    AbcXyzResult,
    BreakdownRow,
    ChurnRiskClient,
    FunnelStage,
    LossRow,
    Period,
    PresentationConversion,
    RfmSegmentSummary,
    SourceRow,
    add_months,
    dimension_label,
    parse_period,
)
from app.services.plan.client_base import (
    BASE_DIMENSIONS,
    BaseDimensionRow,
    base_dimension_label,
)
from app.views import dialogs, style
from app.views.background import Job
from app.views.background import start as start_job
from app.views.empty_state import EmptyHint
from app.views.plan.data import (
    SECTION_FIELDS,
    SECTIONS,
    PlanTabData,
    load_section,
    make_query,
)
from app.views.plan.models import MatrixModel, PlanGridModel, money_or_dash, pct
from app.views.record_model import Column, RecordTableModel
from app.views.style import named

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.services.market.campaigns import Effectiveness
    from app.views.plan.charts import (
        BarSeries,
        CumulativeChart,
        HorizontalBarsChart,
        VerticalBarsChart,
    )

CELL_PAGE = 100  # clients of an ABC×XYZ cell read at a time when the list is not at hand


def _charts() -> ModuleType:
    """The charts module, imported when the pages are built: pyqtgraph costs a fifth of a
    second, which the tab's first frame does not wait for."""
    from app.views.plan import charts

    return charts


def _series(name: str, values: Sequence[Decimal | int | float], color: str) -> BarSeries:
    """One series of a bar chart (`charts.BarSeries`)."""
    series: BarSeries = _charts().BarSeries(name, values, color)
    return series


def _placeholder() -> QWidget:
    label = named(QLabel(translate("PlanTab", "Загрузка…")), "cardNote")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _card(title: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(2)
    layout.addWidget(named(QLabel(title), "cardTitle"))
    value = named(QLabel("—"), "cardValue")
    note = named(QLabel(""), "cardNote")
    note.setWordWrap(True)
    layout.addWidget(value)
    layout.addWidget(note)
    return frame, value, note


def _table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # the first (label) column takes what is left, so the figures are never cut off
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _deviation_color(row: BreakdownRow) -> str:
    return style.DANGER if row.deviation < 0 else style.SUCCESS


PERIOD_KINDS = ("month", "quarter", "year")


class PlanTab(QWidget):
    """The Plan tab. `today` can be fixed (tests, screenshots of old demo data).

    The first open shows the frame at once (toolbar, page tabs) while the first page's
    figures are fetched off the GUI thread; the pages themselves are built in the next turn
    of the event loop, and filled when the figures arrive.

    Signals:
        filled(str): a section ("progress", "funnel", "sources", "base") shows the figures
            of the current period, breakdown and metric.
    """

    tab_key = "plan"
    filled = Signal(str)

    def __init__(self, *, services: Services, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today_fixed = today
        today = self.today()
        self._period: Period = parse_period(f"{today.year}-{today.month:02d}")
        self._dimension = "product_group"
        self.data: PlanTabData | None = None
        self._pending: set[str] = set()
        self._built = False
        self._build_step = 0  # the next of `_build_pages`' steps
        self._cell: tuple[str, str] | None = None  # the ABC×XYZ cell whose list is shown
        self._cell_loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(self._build_toolbar())
        self.error_label = named(QLabel(""), "fieldError")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.sections = QTabWidget()
        for title in self._section_titles():
            self.sections.addTab(_placeholder(), title)
        self.sections.currentChanged.connect(self._on_sections_current_changed)
        layout.addWidget(self.sections, 1)
        self.refresh()  # the figures are fetched in the background while the frame shows
        QTimer.singleShot(0, self, self._build_pages)  # not after the tab is gone

    @staticmethod
    def _section_titles() -> list[str]:
        return [translate("PlanTab", "Выполнение плана"), translate("PlanTab", "Воронка и потери"),
                translate("PlanTab", "Источники и каналы"),
                translate("PlanTab", "Клиентская база"), translate("PlanTab", "Редактор плана")]

    def _build_pages(self, *, at_once: bool = False) -> None:
        """Replace the placeholders by the pages, one per turn of the event loop (the charts'
        import first) so the window never waits for all of them; then show what has
        arrived. `at_once` builds the rest in place."""
        builders = [_charts, lambda: _scroll(self._build_progress()),
                    lambda: _scroll(self._build_funnel()),
                    lambda: _scroll(self._build_sources()),
                    lambda: _scroll(self._build_base()), self._build_editor]
        while not self._built:
            step = self._build_step
            self._build_step += 1
            made = builders[step]()
            if isinstance(made, QWidget):
                self._put_page(step - 1, made)
            if self._build_step == len(builders):
                self._built = True
                self._pages_built()
            elif not at_once:
                QTimer.singleShot(0, self, self._build_pages)  # not after the tab is gone
                return

    def _put_page(self, index: int, page: QWidget) -> None:
        current = self.sections.currentIndex()
        self.sections.blockSignals(True)
        old = self.sections.widget(index)
        self.sections.removeTab(index)
        self.sections.insertTab(index, page, self._section_titles()[index])
        if old is not None:
            old.deleteLater()
        self.sections.setCurrentIndex(current)
        self.sections.blockSignals(False)

    def _pages_built(self) -> None:
        self._reload_editor()
        if self.data is not None:
            for section in SECTIONS:
                if section in self.data.loaded:
                    self._show_section(section)
        self._ensure_section_loaded()

    def is_filled(self) -> bool:
        """Whether the section on screen shows the current figures (the editor always)."""
        section = self._current_section()
        return self._built and (section is None or (
            self.data is not None and section in self.data.loaded
            and section not in self._pending))

    def today(self) -> date:
        return self._today_fixed or date.today()

    # ------------------------------------------------------------------ toolbar
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.kind_combo = QComboBox()
        for key, label in zip(PERIOD_KINDS, (translate("PlanTab", "Месяц"),
                                             translate("PlanTab", "Квартал"),
                                             translate("PlanTab", "Год")), strict=True):
            self.kind_combo.addItem(label, key)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(translate("PlanTab", "Предыдущий период"))
        self.prev_button.clicked.connect(lambda: self.step_period(-1))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(translate("PlanTab", "Следующий период"))
        self.next_button.clicked.connect(lambda: self.step_period(1))
        self.period_edit = QLineEdit()
        self.period_edit.setMaximumWidth(110)
        self.period_edit.setPlaceholderText("2026-11")
        self.period_edit.setToolTip(translate(
            "PlanTab", "Период: месяц 2026-11, квартал 2026-Q4 или год 2026"))
        self.period_edit.returnPressed.connect(
            lambda: self.set_period(self.period_edit.text()))
        self.period_label = named(QLabel(), "sectionTitle")
        self.loading_label = named(QLabel(translate("PlanTab", "Загрузка…")), "cardNote")
        self.loading_label.hide()
        bar.addWidget(QLabel(translate("PlanTab", "Период:")))
        for w in (self.kind_combo, self.prev_button, self.period_edit, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.period_label)
        bar.addSpacing(8)
        bar.addWidget(self.loading_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(translate("PlanTab", "Разбивка:")))
        self.dimension_combo = QComboBox()
        for d in DIMENSIONS:
            self.dimension_combo.addItem(dimension_label(d), d)
        self.dimension_combo.currentIndexChanged.connect(self._on_dimension_combo_changed)
        bar.addWidget(self.dimension_combo)
        bar.addWidget(QLabel(translate("PlanTab", "Факт:")))
        self.metric_combo = QComboBox()
        self.metric_combo.addItem(translate("PlanTab", "выигранные сделки"), "won_deals")
        self.metric_combo.addItem(translate("PlanTab", "оплаты"), "payments")
        self.metric_combo.setToolTip(translate(
            "PlanTab", "Что считать фактом: сумму выигранных сделок по дате закрытия или "
                       "поступившие оплаты по дате оплаты"))
        self.metric_combo.currentIndexChanged.connect(self._on_metric_combo_changed)
        bar.addWidget(self.metric_combo)
        return bar

    def set_period(self, text: str | Period) -> bool:
        """Show another period; a period that does not exist shows the error and keeps the
        current one."""
        try:
            period = parse_period(text)
        except ServiceError as exc:
            self._show_error(str(exc))
            return False
        self._period = period
        self.refresh()
        return True

    def step_period(self, step: int) -> None:
        p = self._period
        if p.kind == "month":
            m = add_months(p.first, step)
            self.set_period(f"{m.year}-{m.month:02d}")
        elif p.kind == "quarter":
            m = add_months(p.first, 3 * step)
            self.set_period(f"{m.year}-Q{(m.month - 1) // 3 + 1}")
        else:
            self.set_period(str(p.year + step))

    def set_dimension(self, dimension: str) -> None:
        self.dimension_combo.setCurrentIndex(self.dimension_combo.findData(dimension))

    def set_metric(self, metric: str) -> None:
        self.metric_combo.setCurrentIndex(self.metric_combo.findData(metric))

    def _on_kind_combo_changed(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if kind == self._period.kind:
            return
        today = self.today()
        anchor = today if self._period.contains(today) else self._period.first
        text = {"month": f"{anchor.year}-{anchor.month:02d}",
                "quarter": f"{anchor.year}-Q{(anchor.month - 1) // 3 + 1}",
                "year": str(anchor.year)}[kind]
        self.set_period(text)

    def _on_dimension_combo_changed(self, _index: int) -> None:
        self._dimension = self.dimension_combo.currentData()
        self.refresh()

    def _on_metric_combo_changed(self, _index: int) -> None:
        metric = self.metric_combo.currentData()
        if metric != self._services.plan.metric():
            self._services.plan.set_metric(metric)
        self.refresh()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # ------------------------------------------------------------------ sections
    def _build_progress(self) -> QWidget:
        page = QWidget()
        page.setStyleSheet("QLabel#cardValue { font-size: 17px; }")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        cards = QHBoxLayout()
        cards.setSpacing(8)
        self.cards: dict[str, tuple[QLabel, QLabel]] = {}
        for key, title in (
            ("plan", translate("PlanTab", "План")),
            ("actual", translate("PlanTab", "Факт")),
            ("percent", translate("PlanTab", "Выполнено")),
            ("left", translate("PlanTab", "Осталось")),
            ("rate", translate("PlanTab", "Нужно в рабочий день")),
            ("forecast", translate("PlanTab", "Прогноз по темпу")),
            ("pipeline", translate("PlanTab", "Воронка на период")),
        ):
            frame, value, note = _card(title)
            self.cards[key] = (value, note)
            cards.addWidget(frame, 1)
        layout.addLayout(cards)
        self.metric_note = named(QLabel(""), "cardNote")
        layout.addWidget(self.metric_note)
        grid = QGridLayout()
        grid.setSpacing(10)
        charts = _charts()
        self.cumulative_chart: CumulativeChart = charts.CumulativeChart()
        self.monthly_chart: VerticalBarsChart = charts.VerticalBarsChart(
            translate("PlanTab", "План и факт за 12 месяцев"))
        self.breakdown_chart: HorizontalBarsChart = charts.HorizontalBarsChart(
            translate("PlanTab", "Отклонение по разбивке"))
        for chart in (self.cumulative_chart, self.monthly_chart, self.breakdown_chart):
            chart.setMinimumHeight(270)
        grid.addWidget(self.cumulative_chart, 0, 0)
        grid.addWidget(self.monthly_chart, 0, 1)
        grid.addWidget(self.breakdown_chart, 1, 0)
        side = QVBoxLayout()
        self.breakdown_title = _title("")
        side.addWidget(self.breakdown_title)
        self.gap_label = named(QLabel(""), "fieldError")
        self.gap_label.setWordWrap(True)
        side.addWidget(self.gap_label)
        self.breakdown_model: RecordTableModel[BreakdownRow] = RecordTableModel([
            Column(translate("PlanTab", "Значение"), lambda r: r.label),
            Column(translate("PlanTab", "План"), lambda r: format_money(r.plan), True),
            Column(translate("PlanTab", "На сегодня"), lambda r: format_money(r.plan_to_date),
                   True),
            Column(translate("PlanTab", "Факт"), lambda r: format_money(r.actual), True),
            Column(translate("PlanTab", "Отклонение"), lambda r: format_money(r.deviation), True,
                   _deviation_color),
            Column(translate("PlanTab", "% плана"), lambda r: pct(r.percent), True),
        ], self)
        self.breakdown_view = _table(self.breakdown_model)
        side.addWidget(self.breakdown_view, 1)
        grid.addLayout(side, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout.addLayout(grid, 1)
        return page

    def _build_funnel(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(10)
        charts = _charts()
        self.funnel_chart: HorizontalBarsChart = charts.HorizontalBarsChart(
            translate("PlanTab", "Воронка: сделки, вошедшие в этап"), money_axis=False)
        self.funnel_model: RecordTableModel[FunnelStage] = RecordTableModel([
            Column(translate("PlanTab", "Этап"), lambda s: s.name),
            Column(translate("PlanTab", "Вошло"), lambda s: str(s.entered), True),
            Column(translate("PlanTab", "Перешло дальше"), lambda s: str(s.moved_on), True),
            Column(translate("PlanTab", "Конверсия"), lambda s: pct(s.conversion), True),
            Column(translate("PlanTab", "Дней в этапе"),
                   lambda s: "—" if s.avg_days is None else f"{s.avg_days}".replace(".", ","),
                   True),
            Column(translate("PlanTab", "Проиграно"), lambda s: str(s.lost_here), True,
                   lambda s: style.DANGER if s.lost_here else None),
        ], self)
        self.funnel_view = _table(self.funnel_model)
        self.lost_count_chart: HorizontalBarsChart = charts.HorizontalBarsChart(
            translate("PlanTab", "Причины проигрыша: количество"), money_axis=False)
        self.lost_amount_chart: HorizontalBarsChart = charts.HorizontalBarsChart(
            translate("PlanTab", "Причины проигрыша: сумма"))
        self.competitor_model: RecordTableModel[LossRow] = RecordTableModel([
            Column(translate("PlanTab", "Конкурент"), lambda r: r.key),
            Column(translate("PlanTab", "Сделок"), lambda r: str(r.count), True),
            Column(translate("PlanTab", "Сумма"), lambda r: format_money(r.amount), True),
        ], self)
        self.competitor_view = _table(self.competitor_model)
        for chart in (self.funnel_chart, self.lost_count_chart, self.lost_amount_chart):
            chart.setMinimumHeight(280)
        grid.addLayout(self._build_presentations(), 0, 0, 1, 2)
        grid.addWidget(self.funnel_chart, 1, 0)
        box = QVBoxLayout()
        box.addWidget(_title(translate("PlanTab", "Этапы воронки")))
        box.addWidget(self.funnel_view, 1)
        grid.addLayout(box, 1, 1)
        grid.addWidget(self.lost_count_chart, 2, 0)
        grid.addWidget(self.lost_amount_chart, 2, 1)
        box = QVBoxLayout()
        self.competitor_title = _title(translate("PlanTab", "Проиграно конкурентам"))
        box.addWidget(self.competitor_title)
        box.addWidget(self.competitor_view, 1)
        grid.addLayout(box, 3, 0, 1, 2)
        return page

    def _build_presentations(self) -> QVBoxLayout:
        """Presentation → next stage → won: three cards in a row with arrows between."""
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(_title(translate("PlanTab", "Презентация → следующий этап → выиграна")))
        row = QHBoxLayout()
        row.setSpacing(6)
        self.presentation_cards: dict[str, tuple[QLabel, QLabel]] = {}
        for i, (key, title) in enumerate((
                ("presented", translate("PlanTab", "Сделки с проведённой презентацией")),
                ("moved_on", translate("PlanTab", "Перешли в следующий этап")),
                ("won", translate("PlanTab", "Выиграны")))):
            if i:
                arrow = named(QLabel("→"), "cardValue")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                row.addWidget(arrow)
            frame, value, note = _card(title)
            frame.setStyleSheet("QLabel#cardValue { font-size: 17px; }")
            self.presentation_cards[key] = (value, note)
            row.addWidget(frame, 1)
        box.addLayout(row)
        return box

    def _build_sources(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sources_chart: HorizontalBarsChart = _charts().HorizontalBarsChart(
            translate("PlanTab", "Выручка по источникам лидов"))
        self.sources_chart.setMinimumHeight(300)
        layout.addWidget(self.sources_chart, 1)
        layout.addWidget(_title(translate("PlanTab", "Источники и каналы за период")))
        self.sources_model: RecordTableModel[SourceRow] = RecordTableModel([
            Column(translate("PlanTab", "Источник / канал"), lambda r: r.source or "—"),
            Column(translate("PlanTab", "Лиды"), lambda r: str(r.leads), True),
            Column(translate("PlanTab", "Новые сделки"), lambda r: str(r.deals), True),
            Column(translate("PlanTab", "Выиграно"), lambda r: str(r.won), True),
            Column(translate("PlanTab", "Выручка"), lambda r: format_money(r.revenue), True),
            Column(translate("PlanTab", "Конверсия"), lambda r: pct(r.conversion), True),
            Column(translate("PlanTab", "Затраты на кампании"), lambda r: format_money(r.cost),
                   True),
            Column(translate("PlanTab", "Цена лида"), lambda r: money_or_dash(r.cost_per_lead),
                   True),
        ], self)
        self.sources_view = _table(self.sources_model)
        self.sources_view.setMinimumHeight(220)
        layout.addWidget(self.sources_view, 1)
        from app.views.market.campaigns import figure_columns

        layout.addWidget(_title(translate("PlanTab", "Кампании за период")))
        self.campaigns_model: RecordTableModel[Effectiveness] = RecordTableModel([
            Column(translate("PlanTab", "Кампания"), lambda e: e.name),
            Column(translate("PlanTab", "Канал"), lambda e: e.channel),
            *figure_columns()], self)
        self.campaigns_view = _table(self.campaigns_model)
        self.campaigns_view.setMinimumHeight(180)
        EmptyHint(self.campaigns_view, translate(
            "PlanTab", "В периоде не было кампаний. Кампании, их затраты и эффективность — "
                       "на вкладке «Рынок» → «Кампании»."))
        layout.addWidget(self.campaigns_view, 1)
        return page

    def _build_base(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(10)
        box = QVBoxLayout()
        self.abc_title = _title(translate("PlanTab", "ABC × XYZ"))
        box.addWidget(self.abc_title)
        settings = QHBoxLayout()
        self.a_share_spin = QSpinBox()
        self.a_share_spin.setRange(1, 98)
        self.a_share_spin.setValue(80)
        self.a_share_spin.setSuffix(" %")
        self.b_share_spin = QSpinBox()
        self.b_share_spin.setRange(1, 98)
        self.b_share_spin.setValue(15)
        self.b_share_spin.setSuffix(" %")
        self.churn_k_spin = QSpinBox()
        self.churn_k_spin.setRange(1, 20)
        self.churn_k_spin.setValue(2)
        self.churn_k_spin.setToolTip(translate(
            "PlanTab", "Риск оттока: клиент молчит дольше k обычных интервалов между покупками"))
        for label, spin in ((translate("PlanTab", "Доля A"), self.a_share_spin),
                            (translate("PlanTab", "доля B"), self.b_share_spin),
                            (translate("PlanTab", "отток: k ="), self.churn_k_spin)):
            settings.addWidget(QLabel(label))
            settings.addWidget(spin)
            spin.editingFinished.connect(self.refresh)
        settings.addStretch(1)
        box.addLayout(settings)
        self.abc_note = named(QLabel(""), "cardNote")
        self.abc_note.setWordWrap(True)
        box.addWidget(self.abc_note)
        self.matrix_model = MatrixModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.setMinimumHeight(200)
        self.matrix_view.clicked.connect(self._on_matrix_view_clicked)
        box.addWidget(self.matrix_view, 1)
        grid.addLayout(box, 0, 0)
        box = QVBoxLayout()
        self.cell_title = _title(translate("PlanTab", "Клиенты ячейки"))
        box.addWidget(self.cell_title)
        self.cell_model: RecordTableModel[AbcXyzClient] = RecordTableModel([
            Column(translate("PlanTab", "Клиент"), lambda c: c.name),
            Column(translate("PlanTab", "Выручка"), lambda c: format_money(c.revenue), True),
            Column(translate("PlanTab", "Доля"), lambda c: pct(c.share), True),
            Column(translate("PlanTab", "Мес. с покупками"),
                   lambda c: str(c.months_with_purchases), True),
            Column(translate("PlanTab", "Вариация"), lambda c: pct(c.cv), True),
        ], self)
        self.cell_view = _table(self.cell_model)
        box.addWidget(self.cell_view, 1)
        self.more_button = QPushButton(translate("PlanTab", "Показать ещё"))
        self.more_button.setToolTip(translate(
            "PlanTab", "Следующие клиенты ячейки по выручке"))
        self.more_button.clicked.connect(self._on_more_button_clicked)
        self.more_button.hide()
        box.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(box, 0, 1)
        self.rfm_chart: HorizontalBarsChart = _charts().HorizontalBarsChart(
            translate("PlanTab", "RFM-сегменты: клиентов"), money_axis=False)
        self.rfm_chart.setMinimumHeight(300)
        grid.addWidget(self.rfm_chart, 1, 0)
        box = QVBoxLayout()
        self.churn_title = _title(translate("PlanTab", "Риск оттока"))
        box.addWidget(self.churn_title)
        self.churn_model: RecordTableModel[ChurnRiskClient] = RecordTableModel([
            Column(translate("PlanTab", "Клиент"), lambda c: c.name),
            Column(translate("PlanTab", "Посл. покупка"), lambda c: short_date(c.last_purchase)),
            Column(translate("PlanTab", "Интервал, дн."),
                   lambda c: f"{c.usual_interval_days}".replace(".", ","), True),
            Column(translate("PlanTab", "Молчит, дн."), lambda c: str(c.days_since_last), True,
                   lambda c: style.DANGER),
            Column(translate("PlanTab", "Под угрозой"),
                   lambda c: format_money(c.revenue_at_stake), True),
        ], self)
        self.churn_view = _table(self.churn_model)
        box.addWidget(self.churn_view, 1)
        grid.addLayout(box, 1, 1)
        grid.addLayout(self._build_base_by(), 2, 0)
        grid.addLayout(self._build_churn_reasons(), 2, 1)
        self.rfm_model: RecordTableModel[RfmSegmentSummary] = RecordTableModel([
            Column(translate("PlanTab", "Сегмент"), lambda s: s.label),
            Column(translate("PlanTab", "Клиентов"), lambda s: str(s.count), True),
            Column(translate("PlanTab", "Выручка"), lambda s: format_money(s.monetary), True),
        ], self)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _build_base_by(self) -> QVBoxLayout:
        """The base by industry, region or segment: clients, revenue and its growth."""
        box = QVBoxLayout()
        head = QHBoxLayout()
        self.base_by_title = _title(translate("PlanTab", "Клиентская база по разрезу"))
        head.addWidget(self.base_by_title)
        head.addStretch(1)
        self.base_dimension_combo = QComboBox()
        for d in BASE_DIMENSIONS:
            self.base_dimension_combo.addItem(base_dimension_label(d), d)
        self.base_dimension_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.base_dimension_combo)
        box.addLayout(head)
        self.base_by_model: RecordTableModel[BaseDimensionRow] = RecordTableModel([
            Column(translate("PlanTab", "Значение"),
                   lambda r: r.key or translate("PlanTab", "не указано")),
            Column(translate("PlanTab", "Клиентов"), lambda r: str(r.clients), True,
                   tooltip=lambda r: translate("PlanTab", "Активных клиентов сейчас")),
            Column(translate("PlanTab", "Покупали"), lambda r: str(r.buyers), True,
                   tooltip=lambda r: translate("PlanTab", "Клиентов с выигранной сделкой "
                                                          "за период")),
            Column(translate("PlanTab", "Выручка"), lambda r: format_money(r.revenue), True),
            Column(translate("PlanTab", "Год назад"), lambda r: format_money(r.previous), True),
            Column(translate("PlanTab", "Рост"), lambda r: _growth(r.growth), True,
                   lambda r: _growth_color(r.growth)),
            Column(translate("PlanTab", "Доля"), lambda r: pct(r.share), True),
        ], self)
        self.base_by_view = _table(self.base_by_model)
        self.base_by_view.setMinimumHeight(200)
        box.addWidget(self.base_by_view, 1)
        EmptyHint(self.base_by_view, translate(
            "PlanTab", "Нет активных клиентов и выручки за период"))
        return box

    def _build_churn_reasons(self) -> QVBoxLayout:
        """The clients lost in the period by reason and by competitor."""
        box = QVBoxLayout()
        self.churn_reasons_title = _title(translate("PlanTab", "Ушедшие клиенты"))
        box.addWidget(self.churn_reasons_title)
        tables = QHBoxLayout()

        def churn_model(header: str) -> RecordTableModel[ChurnRow]:
            return RecordTableModel([
                Column(header, lambda r: r.label),
                Column(translate("PlanTab", "Клиентов"), lambda r: str(r.count), True),
                Column(translate("PlanTab", "Доля"), lambda r: pct(r.share), True),
            ], self)

        self.churn_reason_model = churn_model(translate("PlanTab", "Причина"))
        self.churn_reason_view = _table(self.churn_reason_model)
        EmptyHint(self.churn_reason_view, translate("PlanTab", "За период клиенты не уходили"))
        self.churn_competitor_model = churn_model(translate("PlanTab", "К конкуренту"))
        self.churn_competitor_view = _table(self.churn_competitor_model)
        EmptyHint(self.churn_competitor_view, translate(
            "PlanTab", "Конкуренты у ушедших клиентов не указаны"))
        for view in (self.churn_reason_view, self.churn_competitor_view):
            view.setMinimumHeight(200)
            tables.addWidget(view, 1)
        box.addLayout(tables, 1)
        self.churn_reasons_note = named(QLabel(translate(
            "PlanTab", "Клиенты, получившие статус «Потерян» или «Ушёл» в периоде; причину и "
                       "конкурента указывают в карточке клиента.")),
            "cardNote")
        self.churn_reasons_note.setWordWrap(True)
        box.addWidget(self.churn_reasons_note)
        return box

    def _build_editor(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        head = QHBoxLayout()
        self.editor_title = _title("")
        head.addWidget(self.editor_title)
        head.addStretch(1)
        self.percent_spin = QSpinBox()
        self.percent_spin.setRange(-99, 1000)
        self.percent_spin.setSuffix(" %")
        self.percent_spin.setValue(10)
        self.copy_button = QPushButton(translate("PlanTab", "Скопировать с прошлого года +N %"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.scale_button = QPushButton(translate("PlanTab", "Изменить план года на N %"))
        self.scale_button.clicked.connect(self._on_scale_button_clicked)
        head.addWidget(QLabel("N ="))
        head.addWidget(self.percent_spin)
        head.addWidget(self.copy_button)
        head.addWidget(self.scale_button)
        layout.addLayout(head)
        spread = QHBoxLayout()
        spread.addWidget(QLabel(translate("PlanTab", "Задать план на")))
        self.spread_period_combo = QComboBox()
        spread.addWidget(self.spread_period_combo)
        self.spread_target_combo = QComboBox()
        spread.addWidget(self.spread_target_combo)
        self.spread_amount_edit = QLineEdit()
        self.spread_amount_edit.setPlaceholderText(translate("PlanTab", "сумма, ₽"))
        self.spread_amount_edit.setMaximumWidth(160)
        spread.addWidget(self.spread_amount_edit)
        self.spread_mode_combo = QComboBox()
        self.spread_mode_combo.addItem(translate("PlanTab", "поровну по месяцам"), "even")
        self.spread_mode_combo.addItem(translate("PlanTab", "по сезонности прошлого года"),
                                       "seasonal")
        spread.addWidget(self.spread_mode_combo)
        self.spread_button = named(QPushButton(translate("PlanTab", "Распределить")), "primary")
        self.spread_button.clicked.connect(self._on_spread_button_clicked)
        spread.addWidget(self.spread_button)
        spread.addStretch(1)
        layout.addLayout(spread)
        self.editor_message = named(QLabel(""), "cardNote")
        self.editor_message.setWordWrap(True)
        layout.addWidget(self.editor_message)
        self.grid_model = PlanGridModel(self._services.plan.set_targets, self)
        self.grid_model.edit_failed.connect(self._on_grid_model_edit_failed)
        self.grid_model.targets_changed.connect(self._on_grid_model_targets_changed)
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setAlternatingRowColors(True)
        self.grid_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.grid_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.grid_view, 1)
        hint = QLabel(translate(
            "PlanTab", "Дважды щёлкните ячейку, чтобы ввести план месяца; пустое значение "
                       "удаляет цель. «Общий план» — цель на месяц целиком; если он не задан, "
                       "план месяца — сумма разбивки (в скобках). Расхождение — общий план "
                       "минус сумма частей."))
        hint.setObjectName("cardNote")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return page

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        """Reload everything for the current period, breakdown and metric."""
        self._show_error("")
        p = self._period
        self.period_edit.setText(p.key)
        self.period_label.setText(p.label.capitalize())
        for combo, value in ((self.kind_combo, p.kind), (self.dimension_combo, self._dimension),
                             (self.metric_combo, self._services.plan.metric())):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        # Payments as the actual only make sense once payments are recorded.
        has_payments = self._services.plan.payments_exist()
        # a QComboBox's own model is a QStandardItemModel; model() returns the base class
        metrics = cast(QStandardItemModel, self.metric_combo.model())
        metrics.item(1).setEnabled(
            has_payments or self._services.plan.metric() == "payments")
        self._pending.clear()
        self._update_loading_label()
        # the client base's settings (their defaults until the pages are built)
        churn_k, a_share, b_share = ((self.churn_k_spin.value(), self.a_share_spin.value(),
                                      self.b_share_spin.value()) if self._built else (2, 80, 15))
        base_dimension = (str(self.base_dimension_combo.currentData()) if self._built
                          else "industry")
        self.data = PlanTabData(make_query(
            self._services, p, self._dimension, today=self.today(), churn_k=churn_k,
            a_share=a_share, b_share=b_share, base_dimension=base_dimension))
        # Only the section on screen is fetched now; the others when they are shown.
        self._ensure_section_loaded()
        if self._built:
            self._reload_editor()

    def _current_section(self) -> str | None:
        index = self.sections.currentIndex()
        return SECTIONS[index] if 0 <= index < len(SECTIONS) else None

    def _ensure_section_loaded(self, *, wait: bool = False) -> None:
        """Show the section on screen, fetching it first if needed.

        The progress page (small, fast queries) is fetched at once — except at the first
        open, when the pages are not built yet; the funnel, sources and client-base pages,
        which read every buyer or every stage change, are fetched on the thread pool with
        "Загрузка…" shown meanwhile (`wait=True` fetches in place).
        """
        section = self._current_section()
        if self.data is None or section is None or section in self.data.loaded:
            return
        if (section == "progress" and self._built) or wait:
            try:
                load_section(self._services, self.data, section)
            except ServiceError as exc:
                self._show_error(str(exc))
                return
            self._show_section(section)
            return
        if section in self._pending:
            return
        self._pending.add(section)
        self._update_loading_label()
        data, services = self.data, self._services

        def load() -> PlanTabData:  # into a fresh holder for the same query, off the GUI thread
            result = PlanTabData(data.query)
            load_section(services, result, section)
            return result

        job = Job(load)
        job.signals.finished.connect(lambda result: self._on_job_finished(data, section, result),
                                     Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(lambda message: self._on_job_failed(data, section, message),
                                   Qt.ConnectionType.QueuedConnection)
        start_job(job)

    def _show_section(self, section: str) -> None:
        if not self._built:  # shown when the pages are built
            return
        {"progress": self._show_progress, "funnel": self._show_funnel,
         "sources": self._show_sources, "base": self._show_base}[section]()
        self.filled.emit(section)

    def _update_loading_label(self) -> None:
        self.loading_label.setVisible(bool(self._pending))

    def is_loading(self) -> bool:
        return bool(self._pending)

    def _on_job_finished(self, data: PlanTabData, section: str, result: PlanTabData) -> None:
        if data is not self.data:  # a newer refresh replaced what the job was for
            return
        self._pending.discard(section)
        self._update_loading_label()
        for name in SECTION_FIELDS[section]:
            setattr(self.data, name, getattr(result, name))
        self.data.loaded.add(section)
        self._show_section(section)

    def _on_job_failed(self, data: PlanTabData, section: str, message: str) -> None:
        if data is not self.data:
            return
        self._pending.discard(section)
        self._update_loading_label()
        self._show_error(message)

    def load_all_sections(self) -> None:
        """Fetch and show every section in place (screenshots, reports, tests)."""
        self._build_pages(at_once=True)
        current = self.sections.currentIndex()
        for index in range(len(SECTIONS)):
            self.sections.blockSignals(True)
            self.sections.setCurrentIndex(index)
            self.sections.blockSignals(False)
            self._ensure_section_loaded(wait=True)
        self.sections.setCurrentIndex(current)

    def _on_sections_current_changed(self, _index: int) -> None:
        self._ensure_section_loaded()

    def _show_progress(self) -> None:
        assert self.data is not None and self.data.progress is not None
        assert self.data.cumulative is not None and self.data.monthly is not None
        assert self.data.breakdown is not None
        pr = self.data.progress
        c = self.cards

        def put(key: str, value: str, note: str = "", tone: str | None = None) -> None:
            label, note_label = c[key]
            label.setText(value)
            style.set_tone(label, tone)
            note_label.setText(note)

        put("plan", format_money(pr.plan), translate("PlanTab", "на сегодня по плану {v}").format(
            v=format_money(pr.plan_to_date)))
        behind = pr.actual < pr.plan_to_date
        put("actual", format_money(pr.actual), translate("PlanTab", "{sign}{v} к плану на сегодня")
            .format(sign="+" if not behind else "", v=format_money(pr.actual - pr.plan_to_date)),
            "danger" if behind else "success")
        put("percent", pct(pr.percent), translate(
            "PlanTab", "рабочих дней: прошло {e} из {t}").format(
            e=pr.working_days_elapsed, t=pr.working_days_total))
        put("left", format_money(pr.left), translate(
            "PlanTab", "осталось рабочих дней: {n}").format(n=pr.working_days_left))
        if pr.daily_rate_needed is None:
            put("rate", "—", translate("PlanTab", "период завершён") if pr.as_of > pr.period.last
                else translate("PlanTab", "рабочих дней не осталось"))
        else:
            put("rate", format_money(pr.daily_rate_needed),
                translate("PlanTab", "в день до конца периода"))
        if pr.forecast is None:
            put("forecast", "—", translate("PlanTab", "период ещё не начался"))
        else:
            good = pr.forecast >= pr.plan
            put("forecast", format_money(pr.forecast),
                translate("PlanTab", "{p} плана").format(p=pct(pr.forecast_percent)),
                "success" if good else "danger")
        put("pipeline", format_money(pr.pipeline_weighted), translate(
            "PlanTab", "взвешенно; {n} сделок на {sum}").format(
            n=pr.pipeline_count, sum=format_money(pr.pipeline_amount)))
        self.metric_note.setText(pr.metric_label + " · " + translate(
            "PlanTab", "данные на {d}").format(d=short_date(pr.as_of)))
        cu = self.data.cumulative
        self.cumulative_chart.set_series(cu.days, cu.plan, cu.actual, cu.forecast_days,
                                         cu.forecast, cu.as_of, cu.metric_label)
        months = self.data.monthly
        labels = [f"{month_name(m.month.month)[:3]} {m.month.strftime('%y')}" for m in months]
        tips = [translate("PlanTab", "{m}\nПлан: {p}\nФакт: {a}\nВыполнено: {pct}").format(
            m=f"{month_name(m.month.month).capitalize()} {m.month.year}", p=format_money(m.plan),
            a=format_money(m.actual), pct=pct(percent(m.actual, m.plan))) for m in months]
        self.monthly_chart.set_series(labels, [
            _series(translate("PlanTab", "План"), [m.plan for m in months], style.PLAN_BAR),
            _series(translate("PlanTab", "Факт"), [m.actual for m in months],
                      style.SERIES[0]),
        ], tips, subtitle=pr.metric_label)
        b = self.data.breakdown
        self.breakdown_model.set_rows(b.rows)
        self.breakdown_title.setText(translate("PlanTab", "{d}: план и факт, худшие сверху")
                                     .format(d=dimension_label(b.dimension)))
        self.gap_label.setText(b.warning)
        self.gap_label.setVisible(bool(b.warning))
        self.breakdown_chart.title.setText(translate(
            "PlanTab", "{d}: факт против плана на сегодня").format(
            d=dimension_label(b.dimension)))
        rows = b.rows
        self.breakdown_chart.set_series(
            [r.label for r in rows],
            [_series(translate("PlanTab", "План на сегодня"), [r.plan_to_date for r in rows],
                       style.PLAN_BAR),
             _series(translate("PlanTab", "Факт"), [r.actual for r in rows], style.SUCCESS)],
            [translate("PlanTab", "{v}\nПлан: {p}\nПлан на сегодня: {t}\nФакт: {a}\n"
                                  "Отклонение: {d}").format(
                v=r.label, p=format_money(r.plan), t=format_money(r.plan_to_date),
                a=format_money(r.actual), d=format_money(r.deviation)) for r in rows],
            notes=[_signed_short(r.deviation) for r in rows],
            bar_colors=[_deviation_color(r) for r in rows],
            subtitle=translate("PlanTab", "серый — план на сегодня; факт зелёный, если план "
                                          "выполняется, красный — если отстаёт"))

    def _show_presentations(self, figures: PresentationConversion) -> None:
        cards = self.presentation_cards
        cards["presented"][0].setText(format_count(figures.presented))
        cards["presented"][1].setText(translate(
            "PlanTab", "презентация с итогом «Состоялась» в периоде"))
        for key, count, share in (("moved_on", figures.moved_on, figures.moved_on_pct),
                                  ("won", figures.won, figures.won_pct)):
            cards[key][0].setText(format_count(count))
            cards[key][1].setText(translate("PlanTab", "{p} от сделок с презентацией").format(
                p=pct(share)) if figures.presented else translate(
                "PlanTab", "презентаций в периоде не было"))

    def _show_funnel(self) -> None:
        assert self.data is not None and self.data.funnel is not None
        assert self.data.losses is not None and self.data.presentations is not None
        self._show_presentations(self.data.presentations)
        stages = self.data.funnel
        self.funnel_model.set_rows(stages)
        notes = []
        for s in stages:
            if s.is_won:
                notes.append(translate("PlanTab", "выиграно"))
            else:
                notes.append(translate("PlanTab", "→ {c} · {d} дн.").format(
                    c=pct(s.conversion),
                    d="—" if s.avg_days is None else f"{s.avg_days}".replace(".", ",")))
        self.funnel_chart.set_series(
            [s.name for s in stages],
            [_series(translate("PlanTab", "Вошло в этап"), [s.entered for s in stages],
                       style.SERIES[0])],
            [translate("PlanTab", "{s}\nВошло: {e}\nПерешло дальше: {m}\nКонверсия: {c}\n"
                                  "Проиграно на этапе: {l}").format(
                s=s.name, e=s.entered, m=s.moved_on, c=pct(s.conversion), l=s.lost_here)
             for s in stages],
            notes=notes,
            bar_colors=[style.SUCCESS if s.is_won else style.SERIES[0] for s in stages],
            subtitle=translate("PlanTab", "конверсия в следующий этап и среднее время в этапе"))
        losses = self.data.losses
        reasons = losses.by_reason
        labels = [lost_reason_label(r.key) if r.key else translate("PlanTab", "Не указана")
                  for r in reasons]
        tips = [translate("PlanTab", "{r}\nСделок: {n} ({s})\nСумма: {a}").format(
            r=label, n=r.count, s=pct(r.share), a=format_money(r.amount))
            for label, r in zip(labels, reasons, strict=True)]
        summary = plural(losses.total_count, translate(
            "PlanTab", "проиграна %n сделка на {sum}|проиграно %n сделки на {sum}"
                       "|проиграно %n сделок на {sum}")).format(
            sum=format_money(losses.total_amount))
        self.lost_count_chart.set_series(
            labels, [_series(translate("PlanTab", "Сделок"), [r.count for r in reasons],
                               style.DANGER)], tips,
            notes=[str(r.count) for r in reasons], subtitle=summary)
        by_amount = sorted(zip(labels, reasons, tips, strict=True),
                           key=lambda t: -t[1].amount)
        self.lost_amount_chart.set_series(
            [t[0] for t in by_amount],
            [_series(translate("PlanTab", "Сумма"), [t[1].amount for t in by_amount],
                       style.WARNING)], [t[2] for t in by_amount],
            notes=[short_money(t[1].amount) for t in by_amount], subtitle=summary)
        self.competitor_model.set_rows(losses.by_competitor)
        self.competitor_title.setText(translate(
            "PlanTab", "Проиграно конкурентам: {n} сделок на {sum}").format(
            n=sum(r.count for r in losses.by_competitor),
            sum=format_money(sum((r.amount for r in losses.by_competitor), Decimal(0)))))

    def _show_sources(self) -> None:
        assert self.data is not None and self.data.sources is not None
        rows = self.data.sources
        self.sources_model.set_rows(rows)
        if self.data.campaigns is not None:
            self.campaigns_model.set_rows(self.data.campaigns.campaigns)
        self.sources_chart.set_series(
            [r.source or "—" for r in rows],
            [_series(translate("PlanTab", "Выручка"), [r.revenue for r in rows],
                       style.SERIES[1])],
            [translate("PlanTab", "{s}\nЛиды: {l}\nВыиграно: {w} из {c} закрытых\n"
                                  "Выручка: {r}\nКонверсия: {p}\nЦена лида: {cpl}").format(
                s=r.source or "—", l=r.leads, w=r.won, c=r.closed, r=format_money(r.revenue),
                p=pct(r.conversion), cpl=money_or_dash(r.cost_per_lead)) for r in rows],
            notes=[translate("PlanTab", "{r} · конв. {p}").format(r=short_money(r.revenue),
                                                                  p=pct(r.conversion))
                   for r in rows],
            subtitle=translate("PlanTab", "выигранные сделки за период по источнику сделки"))

    def _show_base(self) -> None:
        assert self.data is not None and self.data.abc_xyz is not None
        res = self.data.abc_xyz
        self.matrix_model.set_result(res)
        self.abc_title.setText(plural(res.client_count, translate(
            "PlanTab", "ABC × XYZ: %n клиент с покупками за период"
                       "|ABC × XYZ: %n клиента с покупками за период"
                       "|ABC × XYZ: %n клиентов с покупками за период")))
        self.abc_note.setText(translate(
            "PlanTab", "ABC по выручке за период ({a}/{b}/{c} %), XYZ по коэффициенту "
                       "вариации помесячных покупок за {m} мес. (X ≤ {x} %, Y ≤ {y} %). "
                       "Щёлкните ячейку — ниже появится список клиентов.").format(
            a=res.a_share, b=res.b_share, c=100 - res.a_share - res.b_share, m=res.xyz_months,
            x=res.x_max, y=res.y_max))
        first = ("A", "X" if res.cell("A", "X").count else
                 next((c.xyz for c in res.cells if c.abc == "A" and c.count), "X"))
        if res.has_clients(*first):
            self.show_cell(*first)
        else:  # a large base: a cell's list is read when the cell is opened
            self._cell = None
            self.cell_model.set_rows([])
            self.cell_title.setText(translate("PlanTab", "Клиенты ячейки"))
            self.more_button.hide()
        segs = self.data.rfm_segments
        assert segs is not None and self.data.churn is not None
        self.rfm_model.set_rows(segs)
        self.rfm_chart.set_series(
            [s.label for s in segs],
            [_series(translate("PlanTab", "Клиентов"), [s.count for s in segs],
                       style.SERIES[3])],
            [translate("PlanTab", "{s}\nКлиентов: {n}\nВыручка за всё время: {m}").format(
                s=s.label, n=s.count, m=format_money(s.monetary)) for s in segs],
            notes=[f"{s.count} · {short_money(s.monetary)}" for s in segs],
            subtitle=translate("PlanTab", "давность, частота и сумма покупок на {d}").format(
                d=short_date(self.data.query.as_of)))
        self.base_by_model.set_rows(self.data.base_by or [])
        self.base_by_title.setText(translate(
            "PlanTab", "Клиентская база — разрез: {d}").format(
            d=base_dimension_label(self.data.query.base_dimension).lower()))
        self.base_by_view.setToolTip(translate(
            "PlanTab", "Выручка за {p} и за тот же период годом раньше ({y})").format(
            p=self.data.query.period.label, y=self.data.query.period.shifted_years(-1).label))
        churned = self.data.churn_reasons
        self.churn_reason_model.set_rows(list(churned.by_reason) if churned else [])
        self.churn_competitor_model.set_rows(list(churned.by_competitor) if churned else [])
        self.churn_reasons_title.setText(plural(churned.total if churned else 0, translate(
            "PlanTab", "Ушёл за период %n клиент|Ушли за период %n клиента"
                       "|Ушли за период %n клиентов")))
        self.churn_model.set_rows(self.data.churn)
        self.churn_title.setText(translate(
            "PlanTab", "Риск оттока: {n} клиентов молчат дольше {k} обычных интервалов").format(
            n=len(self.data.churn), k=self.churn_k_spin.value()))

    def show_cell(self, abc: str, xyz: str) -> None:
        """Show the client list of one ABC×XYZ cell: at once when the result holds it (a
        small base), otherwise its first CELL_PAGE clients read off the GUI thread."""
        if self.data is None or self.data.abc_xyz is None:
            return
        res = self.data.abc_xyz
        self._cell = (abc, xyz)
        if res.has_clients(abc, xyz):
            self._cell_loading = False
            self._set_cell_clients(res, res.clients_in(abc, xyz))
        else:
            self.cell_model.set_rows([])
            self._load_cell_page(res, 0)

    def is_cell_loading(self) -> bool:
        return self._cell_loading

    def _load_cell_page(self, res: AbcXyzResult, offset: int) -> None:
        cell = self._cell
        assert cell is not None
        self._cell_loading = True
        self.more_button.hide()
        self.cell_title.setText(translate("PlanTab", "Клиенты ячейки {a}{x}: {n} · загрузка…")
                                .format(a=cell[0], x=cell[1],
                                        n=format_count(res.cell(*cell).count)))
        job = Job(lambda: res.clients_in(cell[0], cell[1], offset, CELL_PAGE))
        job.signals.finished.connect(
            lambda clients: self._on_cell_job_finished(res, cell, offset, clients),
            Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(lambda message: self._on_cell_job_failed(res, cell, message),
                                   Qt.ConnectionType.QueuedConnection)
        start_job(job)

    def _on_cell_job_finished(self, res: AbcXyzResult, cell: tuple[str, str], offset: int,
                              clients: list[AbcXyzClient]) -> None:
        if self.data is None or self.data.abc_xyz is not res or self._cell != cell:
            return  # another cell or a newer refresh
        self._cell_loading = False
        self._set_cell_clients(res, self.cell_model.rows()[:offset] + clients)

    def _on_cell_job_failed(self, res: AbcXyzResult, cell: tuple[str, str],
                            message: str) -> None:
        if self.data is None or self.data.abc_xyz is not res or self._cell != cell:
            return
        self._cell_loading = False
        self._show_error(message)

    def _set_cell_clients(self, res: AbcXyzResult, clients: list[AbcXyzClient]) -> None:
        assert self._cell is not None
        abc, xyz = self._cell
        count = res.cell(abc, xyz).count
        self.cell_model.set_rows(clients)
        if len(clients) < count:
            self.cell_title.setText(translate(
                "PlanTab", "Клиенты ячейки {a}{x}: {n}, показаны крупнейшие {k}").format(
                a=abc, x=xyz, n=format_count(count), k=format_count(len(clients))))
        else:
            self.cell_title.setText(translate("PlanTab", "Клиенты ячейки {a}{x}: {n}").format(
                a=abc, x=xyz, n=len(clients)))
        self.more_button.setVisible(len(clients) < count)

    def _on_more_button_clicked(self) -> None:
        if self.data is not None and self.data.abc_xyz is not None and self._cell is not None:
            self._load_cell_page(self.data.abc_xyz, self.cell_model.rowCount())

    def _on_matrix_view_clicked(self, index: QModelIndex) -> None:
        self.show_cell(*self.matrix_model.cell_at(index))

    # ------------------------------------------------------------------ editor
    def _editor_year(self) -> Period:
        return parse_period(str(self._period.year))

    def _reload_editor(self) -> None:
        year = self._editor_year()
        grid = self._services.plan.grid(year, self._dimension)
        self.grid_model.set_grid(grid)
        self.editor_title.setText(translate("PlanTab", "План на {y} год: месяцы × {d}").format(
            y=year.year, d=dimension_label(self._dimension).lower()))
        current_spread = self.spread_period_combo.currentData()
        self.spread_period_combo.clear()
        for q in range(1, 5):
            self.spread_period_combo.addItem(translate("PlanTab", "{q} квартал {y}").format(
                q=q, y=year.year), f"{year.year}-Q{q}")
        self.spread_period_combo.addItem(translate("PlanTab", "{y} год").format(y=year.year),
                                         str(year.year))
        index = self.spread_period_combo.findData(current_spread)
        self.spread_period_combo.setCurrentIndex(max(index, 0))
        self.spread_target_combo.clear()
        self.spread_target_combo.addItem(translate("PlanTab", "общий план"), None)
        for value in grid.columns:
            self.spread_target_combo.addItem(value, value)

    def _after_edit(self, message: str) -> None:
        style.set_tone(self.editor_message, "muted")
        self.editor_message.setText(message)
        selected = self.sections.currentIndex()
        self.refresh()
        self.sections.setCurrentIndex(selected)

    def _editor_error(self, text: str) -> None:
        style.set_tone(self.editor_message, "danger")
        self.editor_message.setText(text)

    def _on_grid_model_edit_failed(self, text: str) -> None:
        self._editor_error(text)

    def _on_grid_model_targets_changed(self) -> None:
        self._after_edit(translate("PlanTab", "План сохранён."))

    def _on_copy_button_clicked(self) -> None:
        year = self._editor_year()
        n = self.percent_spin.value()
        if not dialogs.confirm(self, translate("PlanTab", "Скопировать план"), translate(
                "PlanTab", "Заменить план {y} года планом {p} года {sign}{n} %?").format(
                y=year.year, p=year.year - 1, sign="+" if n >= 0 else "", n=n)):
            return
        try:
            count = self._services.plan.copy_from_last_year(year, n)
        except ServiceError as exc:
            self._editor_error(str(exc))
            return
        if count == 0:
            self._editor_error(translate("PlanTab", "В {y} году плана нет — копировать нечего.")
                               .format(y=year.year - 1))
            return
        self._after_edit(translate("PlanTab", "Скопировано целей: {n}.").format(n=count))

    def _on_scale_button_clicked(self) -> None:
        year = self._editor_year()
        n = self.percent_spin.value()
        try:
            count = self._services.plan.scale(year, n)
        except ServiceError as exc:
            self._editor_error(str(exc))
            return
        self._after_edit(translate("PlanTab", "Изменено целей: {c} ({sign}{n} %).").format(
            c=count, sign="+" if n >= 0 else "", n=n))

    def _on_spread_button_clicked(self) -> None:
        text = self.spread_amount_edit.text().strip()
        try:
            amount = parse_money(text)
        except ValueError:
            self._editor_error(translate("PlanTab", "Сумма плана должна быть числом: «{t}»")
                               .format(t=text))
            return
        value = self.spread_target_combo.currentData()
        try:
            months = self._services.plan.set_period_total(
                self.spread_period_combo.currentData(), amount,
                spread=self.spread_mode_combo.currentData(),
                dimension=None if value is None else self._dimension, value=value or "")
        except ServiceError as exc:
            self._editor_error(str(exc))
            return
        self._after_edit(translate("PlanTab", "Распределено: {parts}.").format(
            parts="; ".join(f"{month_name(m.month.month)} — {format_money(m.plan)}"
                            for m in months)))


def _growth(value: Decimal | None) -> str:
    """«+160,0 %», «−100,0 %», «—» without last year's revenue."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + pct(abs(value))


def _growth_color(value: Decimal | None) -> str | None:
    if value is None or not value:
        return None
    return style.SUCCESS if value > 0 else style.DANGER


def _signed_short(value: Decimal) -> str:
    return ("+" if value > 0 else "") + short_money(value)
