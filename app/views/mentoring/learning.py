"""The manager's own learning log (duty 13): what, when, hours, status, takeaways, skill;
hours per quarter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ValidationError
from app.services.mentoring import (
    LEARNING_KINDS,
    LEARNING_STATUSES,
    SKILLS,
    LearningRow,
    QuarterHours,
    learning_kind_label,
    learning_status_label,
    skill_label,
)
from app.views import dialogs, style
from app.views.forms import FieldErrors, form_layout, to_date, to_qdate
from app.views.mentoring.checklist import date_edit
from app.views.mentoring.models import LearningTableModel, QuarterHoursModel, hours_text
from app.views.style import named
from app.views.unsaved import RecordSwitch, UnsavedChanges


class QuarterChart(QWidget):
    """Bars of learning hours for the last quarters (pyqtgraph, imported on first build)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(background=style.SURFACE)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(style.MUTED)
            self.plot.getAxis(axis).setPen(style.BORDER)
        layout.addWidget(self.plot)
        self.quarters: list[QuarterHours] = []

    def set_quarters(self, quarters: list[QuarterHours], last: int = 8) -> None:
        pg = self._pg
        shown = list(reversed(quarters[:last]))  # oldest first
        self.quarters = shown
        self.plot.clear()
        if not shown:
            return
        xs = list(range(len(shown)))
        heights = [float(q.hours) for q in shown]
        self.plot.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.6,
                                          brush=style.ACCENT, pen=style.ACCENT))
        self.plot.getAxis("bottom").setTicks([[(x, q.label) for x, q in zip(xs, shown,
                                                                             strict=True)]])
        self.plot.setXRange(-0.6, len(shown) - 0.4, padding=0)
        self.plot.setYRange(0, max(heights) * 1.15 or 1, padding=0)


class LearningPage(QWidget):
    """The learning log and the form of one record; leaving an edited record (for another, a
    new one, or by quitting) asks first."""

    def __init__(self, *, services: Services, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self._editing_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)

        left = QVBoxLayout()
        self.model = LearningTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        h = self.view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 100), (2, 90), (3, 90), (4, 60), (5, 110), (6, 150)):
            self.view.setColumnWidth(col, width)
        left.addWidget(self.view, 3)
        quarters_title = named(QLabel(translate("Mentoring", "Часы обучения по кварталам")),
                               "sectionTitle")
        left.addWidget(quarters_title)
        self.quarter_model = QuarterHoursModel(self)
        self.quarter_view = QTableView()
        self.quarter_view.setModel(self.quarter_model)
        self.quarter_view.verticalHeader().hide()
        self.quarter_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        qh = self.quarter_view.horizontalHeader()
        qh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        quarters = QHBoxLayout()
        quarters.addWidget(self.quarter_view, 2)
        self.quarter_chart = QuarterChart()
        quarters.addWidget(self.quarter_chart, 3)
        quarter_box = QWidget()
        quarter_box.setLayout(quarters)
        quarters.setContentsMargins(0, 0, 0, 0)
        quarter_box.setFixedHeight(210)
        left.addWidget(quarter_box)
        layout.addLayout(left, 1)

        box = QGroupBox(translate("Mentoring", "Запись"))
        box.setFixedWidth(400)
        form = form_layout(box)
        self.errors = FieldErrors()
        self.kind_combo = QComboBox()
        for kind in LEARNING_KINDS:
            self.kind_combo.addItem(learning_kind_label(kind), kind)
        self.errors.add_row(form, translate("Mentoring", "Вид"), "kind", self.kind_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(translate("Mentoring", "Книга, курс, конференция…"))
        self.errors.add_row(form, translate("Mentoring", "Что"), "title", self.title_edit)
        self.start_edit = date_edit(today())
        self.errors.add_row(form, translate("Mentoring", "Начало"), "started_on",
                            self.start_edit)
        finish_row = QWidget()
        fr = QHBoxLayout(finish_row)
        fr.setContentsMargins(0, 0, 0, 0)
        self.finished_check = QCheckBox(translate("Mentoring", "окончено"))
        self.finish_edit = date_edit(today())
        self.finish_edit.setEnabled(False)
        self.finished_check.toggled.connect(self.finish_edit.setEnabled)
        fr.addWidget(self.finished_check)
        fr.addWidget(self.finish_edit, 1)
        self.errors.add_row(form, translate("Mentoring", "Окончание"), "finished_on",
                            finish_row)
        self.hours_edit = QLineEdit("0")
        self.errors.add_row(form, translate("Mentoring", "Часы"), "hours", self.hours_edit)
        self.status_combo = QComboBox()
        for status in LEARNING_STATUSES:
            self.status_combo.addItem(learning_status_label(status), status)
        self.errors.add_row(form, translate("Mentoring", "Статус"), "status", self.status_combo)
        self.skill_combo = QComboBox()
        self.skill_combo.setEditable(True)
        self.skill_combo.addItem("")
        for skill in SKILLS:
            self.skill_combo.addItem(skill_label(skill))
        form.addRow(translate("Mentoring", "Навык"), self.skill_combo)
        self.takeaways_edit = QPlainTextEdit()
        self.takeaways_edit.setPlaceholderText(
            translate("Mentoring", "Главные выводы и что применить в работе"))
        form.addRow(translate("Mentoring", "Выводы"), self.takeaways_edit)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(translate("Mentoring", "Новая"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button = QPushButton(translate("Mentoring", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.save_button = named(QPushButton(translate("Mentoring", "Сохранить")), "primary")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        layout.addWidget(box)
        self.unsaved = UnsavedChanges(
            self, values=self.edited_values, save=self.save,
            subject=lambda: translate("Mentoring", "Запись журнала обучения"))
        self.switch = RecordSwitch(
            self.view, [self.unsaved],
            key_at=lambda row: r.id if (r := self.model.row_at(row)) else None,
            shown=lambda: self._editing_id,
            load=lambda key: self._fill(self.model.row_at(self.model.find(
                lambda r: r.id == key))))
        self._fill(None)

    def edited_values(self) -> tuple[object, ...]:
        return (self.kind_combo.currentData(), self.title_edit.text(),
                to_date(self.start_edit.date()), self.finished_check.isChecked(),
                to_date(self.finish_edit.date()), self.hours_edit.text(),
                self.status_combo.currentData(), self.skill_combo.currentText(),
                self.takeaways_edit.toPlainText())

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self._editing_id
        with self.switch.quietly():
            self.model.set_rows(self._services.mentoring.learning_records())
        quarters = self._services.mentoring.learning_hours_by_quarter()
        self.quarter_model.set_rows(quarters)
        self.quarter_chart.set_quarters(quarters)
        self.switch.after_reload(keep)  # a record being edited stays as it is
        if self.switch.selected() is None and not self.unsaved.is_modified():
            self._fill(None)

    def current(self) -> LearningRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _fill(self, row: LearningRow | None) -> None:
        self.errors.clear()
        self._editing_id = row.id if row else None
        self.kind_combo.setCurrentIndex(LEARNING_KINDS.index(row.kind) if row else 0)
        self.title_edit.setText(row.title if row else "")
        self.start_edit.setDate(to_qdate(row.started_on if row else self._today()))
        self.finished_check.setChecked(bool(row and row.finished_on))
        self.finish_edit.setDate(to_qdate(row.finished_on if row and row.finished_on
                                          else self._today()))
        self.hours_edit.setText(hours_text(row.hours) if row else "0")
        self.status_combo.setCurrentIndex(LEARNING_STATUSES.index(row.status) if row else 0)
        self.skill_combo.setCurrentText(row.skill if row else "")
        self.takeaways_edit.setPlainText(row.takeaways if row else "")
        self.delete_button.setEnabled(row is not None)
        self.unsaved.mark_clean()

    def _on_new_button_clicked(self) -> None:
        if not self.unsaved.settle().goes_on:
            return
        self.switch.select(None)
        self._fill(None)
        self.title_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the record in the form; a refusal is shown by the fields and the form stays."""
        try:
            saved = self._services.mentoring.save_learning(
                self._editing_id, kind=self.kind_combo.currentData(),
                title=self.title_edit.text(), started_on=to_date(self.start_edit.date()),
                finished_on=(to_date(self.finish_edit.date())
                             if self.finished_check.isChecked() else None),
                hours=self.hours_edit.text(), status=self.status_combo.currentData(),
                takeaways=self.takeaways_edit.toPlainText(),
                skill=self.skill_combo.currentText())
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        self.unsaved.mark_clean()
        self.refresh(select_id=saved)
        return True

    def _on_delete_button_clicked(self) -> None:
        row = self.current()
        if row is not None and dialogs.confirm(
                self, translate("Mentoring", "Удалить запись"),
                translate("Mentoring", "Удалить «{title}» из журнала обучения?").format(
                    title=row.title)):
            self._services.mentoring.delete_learning(row.id)
            self._editing_id = None
            self.unsaved.mark_clean()  # its edits go with it
            self.refresh()
