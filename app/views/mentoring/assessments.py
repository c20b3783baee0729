"""Skill assessments: ratings 1–5 with comments and a line per skill over time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import day_month, short_date
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.mentoring import SKILLS, skill_label
from app.views import dialogs, style
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, form_layout, to_date
from app.views.mentoring.checklist import date_edit
from app.views.mentoring.models import AssessmentTableModel
from app.views.style import named
from app.views.unsaved import UnsavedChanges


class SkillChart(QWidget):
    """A pyqtgraph plot with one line per skill; takes data through `set_series`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # heavy: only when the chart is first built

        self._pg = pg
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Ticks are set to the assessment dates (dd.mm): pyqtgraph's date axis is English.
        self.plot = pg.PlotWidget(background=style.SURFACE)
        self.plot.setYRange(0.5, 5.5, padding=0)
        self.plot.setLimits(yMin=0, yMax=6)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 6)]])
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(style.MUTED)
            self.plot.getAxis(axis).setPen(style.BORDER)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.legend = self.plot.addLegend(offset=(10, 5), colCount=3,
                                          labelTextColor=style.TEXT)
        layout.addWidget(self.plot)
        self.series: dict[str, list[tuple[date, int]]] = {}

    def set_series(self, series: dict[str, list[tuple[date, int]]]) -> None:
        pg = self._pg
        self.series = series
        self.plot.clear()
        self.legend.clear()
        xs_all: list[float] = []
        for k, skill in enumerate(SKILLS):
            points = series.get(skill, [])
            if not points:
                continue
            # Small vertical offsets keep equal ratings of different skills apart.
            xs = [datetime.combine(d, time(12)).timestamp() for d, _ in points]
            ys = [score + (k - 2.5) * 0.04 for _, score in points]
            xs_all.extend(xs)
            color = style.SERIES[k % len(style.SERIES)]
            self.plot.plot(xs, ys, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=7,
                           symbolBrush=color, symbolPen=color, name=skill_label(skill))
        if xs_all:
            pad = max(86400.0 * 2, (max(xs_all) - min(xs_all)) * 0.05)
            self.plot.setXRange(min(xs_all) - pad, max(xs_all) + pad, padding=0)
            days = sorted({d for points in series.values() for d, _ in points})
            step = max(1, len(days) // 10)  # at most ~10 labels
            self.plot.getAxis("bottom").setTicks([[
                (datetime.combine(d, time(12)).timestamp(), day_month(d))
                for d in days[::step]]])
        self.plot.setYRange(0.5, 5.5, padding=0)


class AssessmentsPanel(QWidget):
    """Signals: none; the panel reloads itself after each change.

    A rating or comment entered but not added is asked about when the app quits.
    """

    def __init__(self, *, services: Services, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self._trainee_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = SkillChart()
        self.chart.setMinimumHeight(200)
        splitter.addWidget(self.chart)

        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(12)
        self.model = AssessmentTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.hint = EmptyHint(self.view, translate(
            "Assessments", "Оценок навыков ещё нет: после встречи или звонка со стажёром — "
                           "«Добавить оценку»; здесь появится их история."))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((90, 190, 64)):
            self.view.setColumnWidth(col, width)
        bl.addWidget(self.view, 1)

        box = QGroupBox(translate("Mentoring", "Новая оценка"))
        box.setFixedWidth(380)
        form = form_layout(box)
        self._errors = FieldErrors()
        self.date_edit = date_edit(today())
        self._errors.add_row(form, translate("Mentoring", "Дата"), "assessed_on",
                             self.date_edit)
        self.skill_combo = QComboBox()
        for skill in SKILLS:
            self.skill_combo.addItem(skill_label(skill), skill)
        self._errors.add_row(form, translate("Mentoring", "Навык"), "skill", self.skill_combo)
        self.score_spin = QSpinBox()
        self.score_spin.setRange(0, 5)
        self.score_spin.setSpecialValueText(translate("Mentoring", "— выберите 1–5"))
        self._errors.add_row(form, translate("Mentoring", "Оценка"), "score", self.score_spin)
        self.comment_edit = QLineEdit()
        form.addRow(translate("Mentoring", "Комментарий"), self.comment_edit)
        buttons = QHBoxLayout()
        self.add_button = named(QPushButton(translate("Mentoring", "Добавить оценку")),
                                "primary")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button = QPushButton(translate("Mentoring", "Удалить выбранную"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        form.addRow(buttons)
        bl.addWidget(box)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.unsaved = UnsavedChanges(
            self, values=lambda: (self.score_spin.value(), self.comment_edit.text()),
            save=self._add_assessment, subject=lambda: translate("Mentoring", "Новая оценка"))
        self.unsaved.mark_clean()

    def set_trainee(self, trainee_id: int | None) -> None:
        self._trainee_id = trainee_id
        self.reload()

    def reload(self) -> None:
        svc = self._services.mentoring
        if self._trainee_id is None:
            self.model.set_rows([])
            self.chart.set_series({})
        else:
            self.model.set_rows(svc.assessments(self._trainee_id))
            self.chart.set_series(svc.skill_series(self._trainee_id))
        self.add_button.setEnabled(self._trainee_id is not None)

    def _on_add_button_clicked(self) -> None:
        self._add_assessment()

    def _add_assessment(self) -> bool:
        if self._trainee_id is None:
            return False
        try:
            self._services.mentoring.add_assessment(
                self._trainee_id, assessed_on=to_date(self.date_edit.date()),
                skill=self.skill_combo.currentData(), score=self.score_spin.value(),
                comment=self.comment_edit.text())
        except ValidationError as exc:
            for message in self._errors.show(exc):
                dialogs.show_error(self, message)
            return False
        self._errors.clear()
        self.comment_edit.clear()
        self.score_spin.setValue(0)
        # Next skill, so rating all six on one day is quick.
        self.skill_combo.setCurrentIndex((self.skill_combo.currentIndex() + 1) % len(SKILLS))
        self.unsaved.mark_clean()
        self.reload()
        return True

    def _on_delete_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is not None and dialogs.confirm(
                self, translate("Mentoring", "Удалить оценку"),
                translate("Mentoring", "Удалить оценку «{skill}» от {day}?").format(
                    skill=skill_label(row.skill), day=short_date(row.assessed_on))):
            self._services.mentoring.delete_assessment(row.id)
            self.reload()
