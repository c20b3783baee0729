"""Accompanied meetings: real client meetings the trainee attended, with the mentor's
feedback."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError, ValidationError
from app.services.mentoring import MeetingRow
from app.views import dialogs
from app.views.forms import FieldErrors, form_layout
from app.views.mentoring.models import MeetingChoiceModel, MeetingTableModel
from app.views.style import named
from app.views.unsaved import RecordSwitch, UnsavedChanges


class MeetingsPanel(QWidget):
    """The trainee's accompanied meetings: the feedback of the selected one (picking another
    meeting with the feedback edited asks first) and a form to add one."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._trainee_id: int | None = None
        self._meeting_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)

        left = QVBoxLayout()
        self.model = MeetingTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((116, 96, 170, 170)):
            self.view.setColumnWidth(col, width)
        left.addWidget(self.view, 1)
        edit_row = QHBoxLayout()
        self.feedback_edit = QPlainTextEdit()
        self.feedback_edit.setPlaceholderText(
            translate("Mentoring", "Отзыв наставника о выбранной встрече"))
        self.feedback_edit.setFixedHeight(70)
        edit_row.addWidget(self.feedback_edit, 1)
        buttons = QVBoxLayout()
        self.save_button = QPushButton(translate("Mentoring", "Сохранить отзыв"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button = QPushButton(translate("Mentoring", "Убрать"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        edit_row.addLayout(buttons)
        left.addLayout(edit_row)
        layout.addLayout(left, 1)

        add_box = QGroupBox(translate("Mentoring", "Добавить встречу"))
        add_box.setFixedWidth(340)
        box_layout = QVBoxLayout(add_box)
        form = form_layout()
        box_layout.addLayout(form)
        hint = QLabel(translate("Mentoring", "Встречи и презентации из дел с начала стажировки. "
                                             "Отметьте те, на которые стажёр ездил с вами."))
        hint.setObjectName("cardNote")
        hint.setWordWrap(True)
        box_layout.addWidget(hint)
        box_layout.addStretch(1)
        self._errors = FieldErrors()
        self.choice_model = MeetingChoiceModel(self)
        self.choice_combo = QComboBox()
        self.choice_combo.setModel(self.choice_model)
        self.choice_combo.setMinimumContentsLength(20)
        self.choice_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._errors.add_row(form, translate("Mentoring", "Встреча"), "activity",
                             self.choice_combo)
        self.new_feedback = QPlainTextEdit()
        self.new_feedback.setPlaceholderText(
            translate("Mentoring", "Что получилось, что улучшить"))
        self.new_feedback.setFixedHeight(90)
        form.addRow(translate("Mentoring", "Отзыв"), self.new_feedback)
        self.add_button = named(QPushButton(translate("Mentoring", "Добавить")), "primary")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        form.addRow(self.add_button)
        layout.addWidget(add_box)
        self.unsaved = UnsavedChanges(
            self, values=self.feedback_edit.toPlainText, save=self._store_feedback,
            subject=lambda: translate("Mentoring", "Отзыв о встрече"))
        self.unsaved.mark_clean()
        self.new_unsaved = UnsavedChanges(  # asked about when the app quits
            self, values=self.new_feedback.toPlainText, save=self._add_meeting,
            subject=lambda: translate("Mentoring", "Новая встреча со стажёром"))
        self.new_unsaved.mark_clean()
        self.switch = RecordSwitch(
            self.view, [self.unsaved],
            key_at=lambda row: m.id if (m := self.model.row_at(row)) else None,
            shown=lambda: self._meeting_id, load=self._show_meeting)
        self._update_buttons()

    def set_trainee(self, trainee_id: int | None) -> None:
        """Another trainee (whoever calls has settled the feedback being edited)."""
        self._trainee_id = trainee_id
        self._meeting_id = None
        self.reload()
        self._show_meeting(None)

    def reload(self) -> None:
        """The lists again; the selected meeting stays, and so does feedback being written."""
        svc = self._services.mentoring
        with self.switch.quietly():
            if self._trainee_id is None:
                self.model.set_rows([])
                self.choice_model.set_rows([])
            else:
                self.model.set_rows(svc.meetings(self._trainee_id))
                self.choice_model.set_rows(svc.meeting_choices(self._trainee_id))
        self.choice_combo.setCurrentIndex(0 if self.choice_model.rowCount() else -1)
        self.switch.after_reload()
        if self.switch.selected() is None and not self.unsaved.is_modified():
            self._show_meeting(None)  # the meeting is gone (or none was selected)

    def current(self) -> MeetingRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self._meeting_id is not None
        for w in (self.save_button, self.remove_button, self.feedback_edit):
            w.setEnabled(has)
        self.add_button.setEnabled(self._trainee_id is not None)

    def _show_meeting(self, meeting_id: object) -> None:
        meeting = self.model.row_at(self.model.find(lambda m: m.id == meeting_id))
        self._meeting_id = meeting.id if meeting else None
        self.feedback_edit.setPlainText(meeting.feedback if meeting else "")
        self.unsaved.mark_clean()
        self._update_buttons()

    def _on_add_button_clicked(self) -> None:
        self._add_meeting()

    def _add_meeting(self) -> bool:
        if self._trainee_id is None:
            return False
        choice = self.choice_model.row_at(self.choice_combo.currentIndex())
        try:
            self._services.mentoring.add_meeting(
                self._trainee_id, choice.activity_id if choice else None,
                self.new_feedback.toPlainText())
        except ValidationError as exc:
            self._errors.show(exc)
            return False
        self._errors.clear()
        self.new_feedback.clear()
        self.new_unsaved.mark_clean()
        self.reload()
        return True

    def _on_save_button_clicked(self) -> None:
        self._store_feedback()

    def _store_feedback(self) -> bool:
        if self._meeting_id is None:
            return True
        try:
            self._services.mentoring.set_meeting_feedback(self._meeting_id,
                                                          self.feedback_edit.toPlainText())
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.unsaved.mark_clean()
        self.reload()
        return True

    def _on_remove_button_clicked(self) -> None:
        meeting = self.model.row_at(self.model.find(lambda m: m.id == self._meeting_id))
        if meeting is not None and dialogs.confirm(
                self, translate("Mentoring", "Убрать встречу"),
                translate("Mentoring", "Убрать встречу «{subject}» из списка стажёра? "
                                       "Само дело останется.").format(subject=meeting.subject)):
            self._services.mentoring.delete_meeting(meeting.id)
            self.unsaved.mark_clean()  # its feedback goes with it
            self.reload()
