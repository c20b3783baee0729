"""A trainee's checklist: tasks by section, ticking with date and comment, reordering,
personal items and progress per section."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError, ValidationError
from app.services.mentoring import TaskRow
from app.views import dialogs, style
from app.views.forms import FieldErrors, dialog_buttons, form_layout, line_edit, to_date, to_qdate
from app.views.mentoring.models import SectionProgressModel, TaskTableModel
from app.views.mentoring.widgets import ProgressDelegate
from app.views.style import named
from app.views.unsaved import EditorDialog, UnsavedChanges


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    if value is not None:
        edit.setDate(to_qdate(value))
    return edit


class ChecklistPanel(QWidget):
    """Signals:
        changed: a task was ticked, moved, added or deleted (progress must be reloaded).
    """

    changed = Signal()

    def __init__(self, *, services: Services, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self._trainee_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)

        self.task_model = TaskTableModel(self)
        self.task_model.on_toggle = self._on_task_toggled
        self.task_view = QTableView()
        self.task_view.setModel(self.task_model)
        self.task_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_view.verticalHeader().hide()
        self.task_view.setWordWrap(False)
        self.task_view.verticalHeader().setDefaultSectionSize(27)
        self.task_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.task_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col, width in ((0, 28), (2, 88), (3, 88), (4, 170)):
            self.task_view.setColumnWidth(col, width)
        self.task_view.selectionModel().selectionChanged.connect(
            self._on_task_selection_changed)
        self.task_view.doubleClicked.connect(self._on_task_view_double_clicked)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.task_view, 1)
        add_row = QGridLayout()
        add_row.setHorizontalSpacing(8)
        add_row.setVerticalSpacing(2)
        self._add_errors = FieldErrors()
        self.new_section = QComboBox()
        self.new_section.setEditable(True)
        self.new_section.setMinimumContentsLength(16)
        self.new_section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line_edit(self.new_section).setPlaceholderText(translate("Mentoring", "Раздел"))
        add_row.addWidget(self.new_section, 0, 1)
        add_row.addWidget(self._add_errors.attach("section", self.new_section), 1, 1)
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(translate("Mentoring", "Новый личный пункт стажёра"))
        add_row.addWidget(self.new_title, 0, 2)
        add_row.addWidget(self._add_errors.attach("title", self.new_title), 1, 2)
        self.new_due = date_edit(today())
        self.new_due.setToolTip(translate("Mentoring", "Срок"))
        add_row.addWidget(self.new_due, 0, 3)
        self.add_button = QPushButton(translate("Mentoring", "Добавить пункт"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        add_row.addWidget(self.add_button, 0, 4)
        add_row.setColumnStretch(2, 1)
        left.addLayout(add_row)
        layout.addLayout(left, 1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        side_layout.setSpacing(10)

        progress_box = QGroupBox(translate("Mentoring", "Прогресс по разделам"))
        pl = QVBoxLayout(progress_box)
        self.section_model = SectionProgressModel(self)
        self.section_view = QTableView()
        self.section_view.setModel(self.section_model)
        self.section_view.setItemDelegateForColumn(1, ProgressDelegate(self.section_view))
        self.section_view.verticalHeader().hide()
        self.section_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.section_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.section_view.setWordWrap(False)
        self.section_view.verticalHeader().setDefaultSectionSize(28)
        sh = self.section_view.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        sh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.section_view.setColumnWidth(1, 100)
        self.section_view.setMinimumHeight(240)
        pl.addWidget(self.section_view)
        side_layout.addWidget(progress_box)

        task_box = QGroupBox(translate("Mentoring", "Выбранный пункт"))
        tf = form_layout(task_box)
        self._errors = FieldErrors()
        self.task_title = QLabel(translate("Mentoring", "Выберите пункт в списке"))
        self.task_title.setWordWrap(True)
        tf.addRow(self.task_title)
        self.done_date = date_edit(today())
        self._errors.add_row(tf, translate("Mentoring", "Дата"), "done_on", self.done_date)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(translate("Mentoring", "Комментарий наставника"))
        tf.addRow(translate("Mentoring", "Комментарий"), self.comment_edit)
        buttons = QHBoxLayout()
        self.done_button = named(QPushButton(translate("Mentoring", "Выполнено")), "primary")
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.undo_button = QPushButton(translate("Mentoring", "Снять отметку"))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undo_button)
        tf.addRow(buttons)
        move = QHBoxLayout()
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(translate("Mentoring", "Выше в разделе"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(translate("Mentoring", "Ниже в разделе"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.edit_button = QPushButton(translate("Mentoring", "Изменить…"))
        self.edit_button.setToolTip(translate("Mentoring", "Название, описание и срок пункта"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button = QPushButton(translate("Mentoring", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(40)
            move.addWidget(b)
        move.addStretch(1)
        move.addWidget(self.edit_button)
        move.addWidget(self.delete_button)
        tf.addRow(move)
        side_layout.addWidget(task_box)

        side_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFixedWidth(330)
        layout.addWidget(scroll)
        self._update_buttons()
        self.new_unsaved = UnsavedChanges(  # a personal item typed, not added: asked on quit
            self, values=self.new_title.text, save=self._add_task,
            subject=lambda: translate("Mentoring", "Новый пункт чек-листа"))
        self.new_unsaved.mark_clean()

    # --- API --------------------------------------------------------------------------
    def set_trainee(self, trainee_id: int | None) -> None:
        self._trainee_id = trainee_id
        self.reload()

    def reload(self, keep_task: int | None = None) -> None:
        svc = self._services.mentoring
        if keep_task is None:
            current = self.current_task()
            keep_task = current.id if current else None
        if self._trainee_id is None:
            self.task_model.set_rows([])
            self.section_model.set_rows([])
        else:
            today = self._today()
            self.task_model.set_rows(svc.tasks(self._trainee_id, today))
            self.section_model.set_rows(svc.progress(self._trainee_id, today).sections)
        self.task_view.clearSpans()
        for row in self.task_model.header_rows():
            self.task_view.setSpan(row, 0, 1, TaskTableModel.COLUMNS)
        sections = list(dict.fromkeys(t.section for t in self.task_model.rows()))
        text = self.new_section.currentText()
        self.new_section.clear()
        self.new_section.addItems(sections)
        self.new_section.setCurrentText(text or (sections[-1] if sections else ""))
        line_edit(self.new_section).setCursorPosition(0)
        if keep_task is not None:
            row = self.task_model.find(lambda t: t.id == keep_task)
            if row >= 0:
                self.task_view.selectionModel().select(
                    self.task_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.task_view.scrollTo(self.task_model.index(row, 0))
        self._on_task_selection_changed()

    def current_task(self) -> TaskRow | None:
        rows = self.task_view.selectionModel().selectedRows()
        return self.task_model.row_at(rows[0].row()) if rows else None

    def select_task(self, task_id: int) -> None:
        row = self.task_model.find(lambda t: t.id == task_id)
        if row >= 0:
            self.task_view.selectRow(row)

    # --- slots ------------------------------------------------------------------------
    def _on_task_selection_changed(self, *_: object) -> None:
        task = self.current_task()
        self._errors.clear()
        if task is None:
            self.task_title.setText(translate("Mentoring", "Выберите пункт в списке"))
            self.comment_edit.clear()
        else:
            text = f"<b>{_escape(task.title)}</b>"
            if task.description:
                text += (f"<br><span style='color:{style.MUTED}'>"
                         f"{_escape(task.description)}</span>")
            self.task_title.setText(text)
            self.comment_edit.setText(task.mentor_comment)
            self.done_date.setDate(to_qdate(task.done_on or self._today()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        task = self.current_task()
        for b in (self.done_button, self.up_button, self.down_button, self.delete_button,
                  self.edit_button, self.comment_edit, self.done_date):
            b.setEnabled(task is not None)
        self.undo_button.setEnabled(task is not None and task.done_on is not None)
        self.add_button.setEnabled(self._trainee_id is not None)
        if task is not None:
            self.done_button.setText(translate("Mentoring", "Сохранить отметку")
                                     if task.done_on else translate("Mentoring", "Выполнено"))

    def _on_task_toggled(self, task: TaskRow, checked: bool) -> None:
        done_on = (task.done_on or self._today()) if checked else None
        self._mark(task, done_on, None)

    def _on_done_button_clicked(self) -> None:
        task = self.current_task()
        if task is not None:
            self._mark(task, to_date(self.done_date.date()), self.comment_edit.text())

    def _on_undo_button_clicked(self) -> None:
        task = self.current_task()
        if task is not None:
            self._mark(task, None, self.comment_edit.text())

    def _mark(self, task: TaskRow, done_on: date | None, comment: str | None) -> None:
        try:
            self._services.mentoring.set_task_done(task.id, done_on, comment)
        except ValidationError as exc:
            for message in self._errors.show(exc):
                dialogs.show_error(self, message)
            return
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.reload(keep_task=task.id)
        self.changed.emit()

    def _move(self, step: int) -> None:
        task = self.current_task()
        if task is not None and self._services.mentoring.move_task(task.id, step):
            self.reload(keep_task=task.id)

    def _on_delete_button_clicked(self) -> None:
        task = self.current_task()
        if task is None or not dialogs.confirm(
                self, translate("Mentoring", "Удалить пункт"),
                translate("Mentoring", "Удалить пункт «{title}» из чек-листа стажёра?").format(
                    title=task.title)):
            return
        self._services.mentoring.delete_task(task.id)
        self.reload()
        self.changed.emit()

    def _on_task_view_double_clicked(self, index: QModelIndex) -> None:
        if index.column() != 0 and self.task_model.row_at(index.row()) is not None:
            self._on_edit_button_clicked()

    def _on_edit_button_clicked(self) -> None:
        task = self.current_task()
        if task is None:
            return
        dialog = TaskDialog(services=self._services, task=task, parent=self)
        if dialog.exec() == TaskDialog.DialogCode.Accepted:
            self.reload(keep_task=task.id)
            self.changed.emit()

    def _on_add_button_clicked(self) -> None:
        self._add_task()

    def _add_task(self) -> bool:
        if self._trainee_id is None:
            return False
        try:
            new_id = self._services.mentoring.add_task(
                self._trainee_id, section=self.new_section.currentText(),
                title=self.new_title.text(), due_on=to_date(self.new_due.date()))
        except ValidationError as exc:
            self._add_errors.show(exc)
            return False
        self._add_errors.clear()
        self.new_title.clear()
        self.new_unsaved.mark_clean()
        self.reload(keep_task=new_id)
        self.changed.emit()
        return True


class TaskDialog(EditorDialog):
    """Edit one checklist item of a trainee: title, description, due date; closing with
    unsaved changes asks first."""

    def __init__(self, *, services: Services, task: TaskRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._task = task
        self.setWindowTitle(translate("Mentoring", "Пункт чек-листа"))
        self.setMinimumWidth(480)
        form = form_layout(self)
        self.errors = FieldErrors()
        form.addRow(translate("Mentoring", "Раздел"), QLabel(task.section))
        self.title_edit = QLineEdit(task.title)
        self.errors.add_row(form, translate("Mentoring", "Пункт"), "title", self.title_edit)
        self.description_edit = QPlainTextEdit(task.description)
        self.description_edit.setFixedHeight(80)
        form.addRow(translate("Mentoring", "Описание"), self.description_edit)
        due_row = QWidget()
        dl = QHBoxLayout(due_row)
        dl.setContentsMargins(0, 0, 0, 0)
        self.has_due = QCheckBox(translate("Mentoring", "есть срок"))
        self.has_due.setChecked(task.due_on is not None)
        self.due_edit = date_edit(task.due_on or date.today())
        self.due_edit.setEnabled(task.due_on is not None)
        self.has_due.toggled.connect(self.due_edit.setEnabled)
        dl.addWidget(self.has_due)
        dl.addWidget(self.due_edit, 1)
        form.addRow(translate("Mentoring", "Срок"), due_row)
        form.addRow(dialog_buttons(self, translate("Mentoring", "Сохранить")))
        self.track_changes(values=self.edited_values, save=self.save)

    def edited_values(self) -> tuple[object, ...]:
        return (self.title_edit.text(), self.description_edit.toPlainText(),
                self.has_due.isChecked(), to_date(self.due_edit.date()))

    def accept(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the item and close; a refusal is shown by the field and the form stays."""
        try:
            self._services.mentoring.update_task(
                self._task.id, title=self.title_edit.text(),
                description=self.description_edit.toPlainText(),
                due_on=to_date(self.due_edit.date()) if self.has_due.isChecked() else None)
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        super().accept()
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
