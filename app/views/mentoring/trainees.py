"""The trainees page: the list of trainees, one trainee's card with checklist, accompanied
meetings, skill assessments and the mentor's conclusion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import short_date
from app.i18n import translate
from app.services.errors import ServiceError, ValidationError
from app.services.mentoring import TRAINEE_STATUSES, TraineeRow, trainee_status_label
from app.views import dialogs, style
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, dialog_buttons, form_layout, to_date
from app.views.mentoring.assessments import AssessmentsPanel
from app.views.mentoring.checklist import ChecklistPanel, date_edit
from app.views.mentoring.meetings import MeetingsPanel
from app.views.mentoring.models import TemplateListModel, TraineeListModel
from app.views.mentoring.widgets import ProgressDelegate
from app.views.style import named
from app.views.unsaved import EditorDialog, RecordSwitch, UnsavedChanges


class TraineeDialog(EditorDialog):
    """Create or edit a trainee; saving goes through the service, errors stay by the field;
    closing with unsaved changes asks first."""

    def __init__(self, *, services: Services, trainee: TraineeRow | None,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._trainee = trainee
        self.saved_id: int | None = None
        self.setWindowTitle(translate("Mentoring", "Стажёр") if trainee is None
                            else trainee.name)
        self.setMinimumWidth(460)
        form = form_layout(self)
        self.errors = FieldErrors()
        self.name_edit = QLineEdit(trainee.name if trainee else "")
        self.errors.add_row(form, translate("Mentoring", "Имя"), "name", self.name_edit)
        self.start_edit = date_edit(trainee.start_date if trainee else today)
        self.errors.add_row(form, translate("Mentoring", "Начало стажировки"), "start_date",
                            self.start_edit)
        self.position_edit = QLineEdit(trainee.position if trainee else
                                       translate("Mentoring", "Менеджер по продажам"))
        form.addRow(translate("Mentoring", "Должность"), self.position_edit)
        self.phone_edit = QLineEdit(trainee.phone if trainee else "")
        form.addRow(translate("Mentoring", "Телефон"), self.phone_edit)
        self.email_edit = QLineEdit(trainee.email if trainee else "")
        self.errors.add_row(form, translate("Mentoring", "Почта"), "email", self.email_edit)
        self.status_combo = QComboBox()
        for status in TRAINEE_STATUSES:
            self.status_combo.addItem(trainee_status_label(status), status)
        if trainee:
            self.status_combo.setCurrentIndex(TRAINEE_STATUSES.index(trainee.status))
        self.errors.add_row(form, translate("Mentoring", "Статус"), "status",
                            self.status_combo)
        self.notes_edit = QPlainTextEdit(trainee.notes if trainee else "")
        self.notes_edit.setFixedHeight(90)
        form.addRow(translate("Mentoring", "Заметки наставника"), self.notes_edit)
        form.addRow(dialog_buttons(self, translate("Mentoring", "Сохранить")))
        self.track_changes(values=self.edited_values, save=self.save)

    def edited_values(self) -> tuple[object, ...]:
        return (self.name_edit.text(), to_date(self.start_edit.date()), self.position_edit.text(),
                self.phone_edit.text(), self.email_edit.text(), self.status_combo.currentData(),
                self.notes_edit.toPlainText())

    def accept(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the trainee and close; a refusal is shown by the fields and the form stays."""
        try:
            self.saved_id = self._services.mentoring.save_trainee(
                self._trainee.id if self._trainee else None,
                name=self.name_edit.text(), start_date=to_date(self.start_edit.date()),
                position=self.position_edit.text(), phone=self.phone_edit.text(),
                email=self.email_edit.text(), notes=self.notes_edit.toPlainText(),
                status=self.status_combo.currentData())
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        super().accept()
        return True


class TraineeCard(QFrame):
    """The header above a trainee's pages: who, since when, contact, overall progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.name_label = named(QLabel(), "cardValue")
        top.addWidget(self.name_label)
        self.status_label = named(QLabel(), "traineeStatus")
        top.addWidget(self.status_label)
        top.addStretch(1)
        self.action_row = QHBoxLayout()
        top.addLayout(self.action_row)
        layout.addLayout(top)
        self.details_label = named(QLabel(), "cardNote")
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setWordWrap(True)
        layout.addWidget(self.details_label)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        layout.addWidget(self.notes_label)
        progress_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(10)
        self.progress_bar.setObjectName("slimProgress")
        progress_row.addWidget(self.progress_bar, 1)
        self.progress_label = named(QLabel(), "cardNote")
        self.progress_label.setMinimumWidth(330)
        progress_row.addWidget(self.progress_label)
        layout.addLayout(progress_row)

    def show_trainee(self, row: TraineeRow | None) -> None:
        if row is None:
            self.name_label.setText(translate("Mentoring", "Стажёр не выбран"))
            self.status_label.clear()
            self.details_label.setText(
                translate("Mentoring", "Добавьте стажёра кнопкой «Новый стажёр»"))
            self.notes_label.clear()
            self.progress_bar.setValue(0)
            self.progress_label.clear()
            return
        self.name_label.setText(row.name)
        self.status_label.setText(trainee_status_label(row.status))
        style.set_props(self.status_label, kind=row.status)  # its colour (style.py)
        parts = [row.position,
                 translate("Mentoring", "с {start}").format(start=short_date(row.start_date)),
                 row.phone, row.email]
        self.details_label.setText("  ·  ".join(p for p in parts if p))
        self.notes_label.setText(row.notes)
        self.notes_label.setVisible(bool(row.notes))
        self.progress_bar.setValue(row.percent)
        style.set_tone(self.progress_bar, "success" if row.percent >= 100 else None)
        text = translate("Mentoring", "Выполнено {done} из {total} ({pct} %)").format(
            done=row.tasks_done, total=row.tasks_total, pct=row.percent)
        if row.tasks_overdue:
            text += translate("Mentoring", " · <span style='color:{c}'>просрочено {n}"
                                           "</span>").format(c=style.DANGER,
                                                             n=row.tasks_overdue)
        self.progress_label.setText(text)


class TraineesPage(QWidget):
    """Signals:
        report_requested(int): the user asked for a trainee's PDF report.
    """

    report_requested = Signal(int)

    def __init__(self, *, services: Services, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        layout.addWidget(splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        self.list_model = TraineeListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_hint = EmptyHint(self.list_view, translate(
            "Trainees", "Стажёров пока нет. «Новый стажёр» — добавить; шаблон адаптации "
                        "назначается в его карточке."))
        self.list_view.setItemDelegateForColumn(2, ProgressDelegate(self.list_view))
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().setDefaultSectionSize(30)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.list_view.setColumnWidth(2, 84)
        self.list_view.doubleClicked.connect(lambda _: self._on_edit_button_clicked())
        ll.addWidget(self.list_view, 1)
        buttons = QGridLayout()  # two rows keep the list narrow on small screens
        self.new_button = named(QPushButton(translate("Mentoring", "Новый стажёр")), "primary")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button = QPushButton(translate("Mentoring", "Изменить"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button = QPushButton(translate("Mentoring", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons.addWidget(self.new_button, 0, 0, 1, 2)
        buttons.addWidget(self.edit_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        ll.addLayout(buttons)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        rl.setSpacing(8)
        self.card = TraineeCard()
        self.template_model = TemplateListModel(self)
        self.template_combo = QComboBox()
        self.template_combo.setModel(self.template_model)
        # takes the row's free width (the template's name was cut at a fixed 12 letters)
        # without widening the card's minimum, which would squeeze the trainee list
        self.template_combo.setMinimumContentsLength(16)
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Expanding,
                                          QSizePolicy.Policy.Fixed)
        self.assign_button = QPushButton(translate("Mentoring", "Назначить шаблон"))
        self.assign_button.setToolTip(translate(
            "Mentoring", "Пункты шаблона станут задачами стажёра со сроками от даты начала"))
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.report_button = QPushButton(translate("Mentoring", "Отчёт PDF"))
        self.report_button.clicked.connect(self._on_report_button_clicked)
        for w in (self.template_combo, self.assign_button, self.report_button):
            self.card.action_row.addWidget(w)
        rl.addWidget(self.card)

        self.pages = QTabWidget()
        self.checklist = ChecklistPanel(services=services, today=today)
        self.checklist.changed.connect(self._on_checklist_changed)
        self.meetings = MeetingsPanel(services=services)
        self.assessments = AssessmentsPanel(services=services, today=today)
        conclusion = QWidget()
        cl = QVBoxLayout(conclusion)
        cl.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(translate("Mentoring", "Заключение наставника: итоги адаптации, сильные "
                                             "стороны, зоны роста, рекомендации. Попадает в "
                                             "отчёт PDF."))
        hint.setObjectName("cardNote")
        hint.setWordWrap(True)
        cl.addWidget(hint)
        self.conclusion_edit = QPlainTextEdit()
        cl.addWidget(self.conclusion_edit, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.conclusion_button = named(
            QPushButton(translate("Mentoring", "Сохранить заключение")), "primary")
        self.conclusion_button.clicked.connect(self._on_conclusion_button_clicked)
        row.addWidget(self.conclusion_button)
        cl.addLayout(row)
        self.pages.addTab(self.checklist, translate("Mentoring", "Чек-лист"))
        self.pages.addTab(self.meetings, translate("Mentoring", "Встречи с наставником"))
        self.pages.addTab(self.assessments, translate("Mentoring", "Оценка навыков"))
        self.pages.addTab(conclusion, translate("Mentoring", "Заключение"))
        rl.addWidget(self.pages, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 1000])  # room for a trainee's full name beside the status
        self._current_id: int | None = None
        self.unsaved = UnsavedChanges(
            self, values=self.conclusion_edit.toPlainText, save=self._store_conclusion,
            subject=lambda: translate("Mentoring", "Заключение наставника"))
        self.unsaved.mark_clean()
        # Another trainee: the selected meeting's feedback and the conclusion are asked about;
        # the new-entry forms (checklist item, meeting, assessment) keep what was typed.
        self.switch = RecordSwitch(
            self.list_view, [self.meetings.unsaved, self.unsaved],
            key_at=lambda row: r.id if (r := self.list_model.row_at(row)) else None,
            shown=lambda: self._current_id, load=self._show_trainee)

    # --- API --------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self._current_id
        self.template_model.set_rows(self._services.mentoring.templates())
        if self.template_combo.currentIndex() < 0 and self.template_model.rowCount():
            self.template_combo.setCurrentIndex(0)
        with self.switch.quietly():
            self.list_model.set_rows(self._services.mentoring.trainees(self._today()))
        row = self.list_model.find(lambda r: r.id == keep) if keep is not None else -1
        if row < 0 and self.list_model.rowCount():
            row = 0
        trainee = self.list_model.row_at(row)
        self.switch.select(trainee.id if trainee else None)
        self._show(trainee)

    def select_row(self, row: int) -> None:
        """Select a trainee as the user would (unsaved edits are asked about first)."""
        self.list_view.selectionModel().select(
            self.list_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def current(self) -> TraineeRow | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.row_at(rows[0].row()) if rows else None

    def select_trainee(self, trainee_id: int) -> None:
        row = self.list_model.find(lambda r: r.id == trainee_id)
        if row >= 0:
            self.select_row(row)

    # --- internals --------------------------------------------------------------------
    def _show_trainee(self, trainee_id: object) -> None:
        self._show(self.list_model.row_at(self.list_model.find(lambda r: r.id == trainee_id)))

    def _show(self, trainee: TraineeRow | None) -> None:
        """Show a trainee; the same one again (a refresh) keeps a conclusion being written."""
        changed = (trainee.id if trainee else None) != self._current_id
        self._current_id = trainee.id if trainee else None
        self.card.show_trainee(trainee)
        for w in (self.edit_button, self.delete_button, self.assign_button, self.report_button,
                  self.template_combo, self.conclusion_button, self.conclusion_edit):
            w.setEnabled(trainee is not None)
        if changed or not self.unsaved.is_modified():
            self.conclusion_edit.setPlainText(trainee.conclusion if trainee else "")
            self.unsaved.mark_clean()
        if changed:
            self.checklist.set_trainee(self._current_id)
            self.meetings.set_trainee(self._current_id)
            self.assessments.set_trainee(self._current_id)
        else:
            self.checklist.reload()
            self.meetings.reload()
            self.assessments.reload()

    def _reload_list_keep(self) -> None:
        keep = self._current_id
        with self.switch.quietly():
            self.list_model.set_rows(self._services.mentoring.trainees(self._today()))
        row = self.list_model.find(lambda r: r.id == keep)
        if row >= 0:
            self.switch.select(keep)
            self.card.show_trainee(self.list_model.row_at(row))

    def _on_checklist_changed(self) -> None:
        self._reload_list_keep()

    def _on_new_button_clicked(self) -> None:
        self._open_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        trainee = self.current()
        if trainee is not None:
            self._open_dialog(trainee)

    def _open_dialog(self, trainee: TraineeRow | None) -> None:
        dialog = TraineeDialog(services=self._services, trainee=trainee, today=self._today(),
                               parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.refresh()
            self.select_trainee(dialog.saved_id)

    def _on_delete_button_clicked(self) -> None:
        trainee = self.current()
        if trainee is None or not dialogs.confirm(
                self, translate("Mentoring", "Удалить стажёра"),
                translate("Mentoring", "Удалить стажёра «{name}» вместе с чек-листом, "
                                       "оценками и встречами?").format(name=trainee.name)):
            return
        self._services.mentoring.delete_trainee(trainee.id)
        self._current_id = None
        self.refresh()

    def _on_assign_button_clicked(self) -> None:
        trainee = self.current()
        template = self.template_model.row_at(self.template_combo.currentIndex())
        if trainee is None or template is None:
            return
        try:
            added = self._services.mentoring.assign_template(trainee.id, template.id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        if added == 0:
            dialogs.show_info(self, translate(
                "Mentoring", "Все пункты шаблона «{name}» у стажёра уже есть").format(
                name=template.name))
        self.template_model.set_rows(self._services.mentoring.templates())
        self._reload_list_keep()
        self.checklist.reload()

    def _on_conclusion_button_clicked(self) -> None:
        self._store_conclusion()

    def _store_conclusion(self) -> bool:
        if self._current_id is None:
            return True
        try:
            self._services.mentoring.set_conclusion(self._current_id,
                                                    self.conclusion_edit.toPlainText())
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.unsaved.mark_clean()
        self._reload_list_keep()
        return True

    def _on_report_button_clicked(self) -> None:
        if self._current_id is not None:
            self.report_requested.emit(self._current_id)
