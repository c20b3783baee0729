"""The activity editor: one dialog for a call, meeting, e-mail, presentation, task or note,
opened from the client card, a contact, the deal editor, the board, Today and Ctrl+Shift+A."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDateTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.activities import (
    DEFAULT_REMIND_BEFORE,
    MEETING_KINDS,
    ActivityDraft,
    activity_kind_label,
    priority_label,
    repeat_unit_label,
)
from app.services.activities.codes import ACTIVITY_KINDS, ACTIVITY_PRIORITIES, REPEAT_UNITS
from app.services.deals import BoardFilter
from app.services.errors import ServiceError, ValidationError
from app.views import dialogs, style
from app.views.clients.picker import ClientPicker, fill_contacts
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog

T = TypeVar("T")
NO_REMINDER = -1
REMINDER_CHOICES = (NO_REMINDER, 0, 5, 10, 15, 30, 60, 24 * 60)  # minutes before the start
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"


def reminder_label(minutes: int) -> str:
    """`за 15 мин` — a reminder offset as the editor's list offers it."""
    if minutes == NO_REMINDER:
        return translate("ActivityEditor", "без напоминания")
    if minutes == 0:
        return translate("ActivityEditor", "в момент начала")
    if minutes == 24 * 60:
        return translate("ActivityEditor", "за 1 день")
    if minutes % 60 == 0:
        return translate("ActivityEditor", "за {n} ч").format(n=minutes // 60)
    return translate("ActivityEditor", "за {n} мин").format(n=minutes)


def next_half_hour(now: datetime | None = None) -> datetime:
    """The next round half-hour after `now` in local time (10:07 → 10:30, 10:30 → 11:00)."""
    local = (now or datetime.now()).astimezone()
    base = local.replace(minute=0, second=0, microsecond=0)
    step = timedelta(minutes=30)
    while base <= local:
        base += step
    return base


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware instant for a QDateTimeEdit, in local time."""
    local = value.astimezone()
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def aware_datetime(edit: QDateTimeEdit) -> datetime:
    """A QDateTimeEdit's local wall time as an aware instant."""
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


def datetime_edit() -> QDateTimeEdit:
    """A date-and-time field with the calendar popup, in the app's format."""
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


def stored_or_shown(errors: FieldErrors, store: Callable[[], T]) -> tuple[bool, T | None]:
    """Run a service call that stores what a dialog shows → (True, its result); a refusal is
    shown next to its fields (or in the banner) and gives (False, None)."""
    try:
        return True, store()
    except ValidationError as exc:
        errors.show(exc)
    except ServiceError as exc:
        errors.show({"": str(exc)})
    return False, None


@dataclass(frozen=True)
class MaterialRow:
    path: str
    exists: bool


class MaterialsModel(RecordTableModel[MaterialRow]):
    """A presentation's files; a file no longer on disk is drawn grey, «файл не найден»."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("ActivityEditor", "Файл"), lambda m: Path(m.path).name,
                   tooltip=lambda m: m.path,
                   color=lambda m: None if m.exists else style.MUTED),
            Column(translate("ActivityEditor", "Папка"), lambda m: str(Path(m.path).parent),
                   color=lambda m: style.MUTED),
            Column(translate("ActivityEditor", "Состояние"),
                   lambda m: "" if m.exists else translate("ActivityEditor", "файл не найден"),
                   color=lambda m: style.DANGER),
        ], parent)


class ActivityEditor(EditorDialog):
    """Create or edit one activity; closing it with unsaved changes asks first.

    Signals:
        activity_saved(int): the activity was stored (its id).
    """

    activity_saved = Signal(int)

    def __init__(self, *, services: Services, activity_id: int | None = None,
                 kind: str = "call", client_id: int | None = None,
                 contact_id: int | None = None, deal_id: int | None = None,
                 due_at: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.activity_id = activity_id
        self.saved_id: int | None = None
        self.deleted = False  # «Удалить дело» closed the dialog
        self._remind_touched = False
        self._purpose = ""  # kept as loaded: the editor does not change what an activity is for
        self.setWindowTitle(translate("ActivityEditor", "Новое дело") if activity_id is None
                            else translate("ActivityEditor", "Дело"))
        self.setMinimumWidth(940)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        self.heading = named(QLabel(self.windowTitle()), "sectionTitle")
        outer.addWidget(self.heading)
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        form = form_layout()  # who and what
        when = form_layout()  # when, how long, where, reminders
        for f in (form, when):
            f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when_form = when
        self.kind_combo = QComboBox()
        for k in ACTIVITY_KINDS:
            self.kind_combo.addItem(activity_kind_label(k), k)
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(translate(
            "ActivityEditor", "Например: обсудить условия оплаты"))
        self.client_picker = ClientPicker(services=services)
        self.client_picker.client_chosen.connect(self._on_client_picker_client_chosen)
        self.client_picker.client_cleared.connect(self._on_client_picker_client_cleared)
        self.contact_combo = QComboBox()
        self.deal_combo = QComboBox()
        self.due_edit = datetime_edit()
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(translate("ActivityEditor", " мин"))
        self.duration_spin.setSpecialValueText(translate("ActivityEditor", "не указана"))
        self.place_edit = QLineEdit()
        self.priority_combo = QComboBox()
        for p in ACTIVITY_PRIORITIES:
            self.priority_combo.addItem(priority_label(p), p)
        self.remind_combo = QComboBox()
        for minutes in REMINDER_CHOICES:
            self.remind_combo.addItem(reminder_label(minutes), minutes)
        self.remind_combo.activated.connect(self._on_remind_combo_activated)
        repeat = QWidget()
        rl = QHBoxLayout(repeat)
        rl.setContentsMargins(0, 0, 0, 0)
        self.repeat_check = QCheckBox(translate("ActivityEditor", "каждые"))
        self.repeat_spin = QSpinBox()
        self.repeat_spin.setRange(0, 999)
        self.repeat_spin.setValue(1)
        self.repeat_unit_combo = QComboBox()
        for unit in REPEAT_UNITS:
            if unit:
                self.repeat_unit_combo.addItem(repeat_unit_label(unit), unit)
        rl.addWidget(self.repeat_check)
        rl.addWidget(self.repeat_spin)
        rl.addWidget(self.repeat_unit_combo)
        rl.addStretch(1)
        self._repeat_unit_error = QLabel()
        rl.addWidget(self._repeat_unit_error)
        self.repeat_check.toggled.connect(self._sync_repeat)
        self.repeat_box = repeat
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(80)

        self.errors.add_row(form, translate("ActivityEditor", "Вид"), "kind", self.kind_combo)
        self.errors.add_row(form, translate("ActivityEditor", "Что сделать *"), "subject",
                            self.subject_edit)
        self.errors.add_row(form, translate("ActivityEditor", "Клиент"), "client_id",
                            self.client_picker)
        self.errors.add_row(form, translate("ActivityEditor", "Контактное лицо"), "contact_id",
                            self.contact_combo)
        self.errors.add_row(form, translate("ActivityEditor", "Сделка"), "deal_id",
                            self.deal_combo)
        self.errors.add_row(when, translate("ActivityEditor", "Дата и время *"), "due_at",
                            self.due_edit)
        self.errors.add_row(when, translate("ActivityEditor", "Длительность"), "duration_min",
                            self.duration_spin)
        self.errors.add_row(when, translate("ActivityEditor", "Место"), "place",
                            self.place_edit)
        self.errors.add_row(when, translate("ActivityEditor", "Приоритет"), "priority",
                            self.priority_combo)
        self.errors.add_row(when, translate("ActivityEditor", "Напоминание"),
                            "remind_before_min", self.remind_combo)
        self.errors.add_row(when, translate("ActivityEditor", "Повторять"), "repeat_every",
                            self.repeat_box)
        self.errors.attach("repeat_unit", self.repeat_unit_combo, self._repeat_unit_error)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(form, 1)
        columns.addLayout(when, 1)
        outer.addLayout(columns)
        notes = form_layout()
        notes.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(notes, translate("ActivityEditor", "Описание"), "notes",
                            self.notes_edit)
        outer.addLayout(notes)

        self.materials_box = QWidget()
        ml = QVBoxLayout(self.materials_box)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(QLabel(translate("ActivityEditor", "Материалы презентации")))
        self.materials_model = MaterialsModel(self)
        self.materials_view = QTableView()
        self.materials_view.setModel(self.materials_model)
        self.materials_view.verticalHeader().hide()
        self.materials_view.setShowGrid(False)
        self.materials_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materials_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials_view.setFixedHeight(100)
        mh = self.materials_view.horizontalHeader()
        mh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        mh.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.materials_view.setColumnWidth(2, 140)
        self.materials_view.setWordWrap(False)
        self.materials_view.doubleClicked.connect(lambda i: self.open_material(i.row()))
        ml.addWidget(self.materials_view)
        ml.addWidget(self.errors.attach_rows("materials", self.materials_view))
        mb = QHBoxLayout()
        add = QPushButton(translate("ActivityEditor", "+ Добавить файлы…"))
        self.add_material_button = add
        add.clicked.connect(self._on_add_materials_clicked)
        self.open_material_button = QPushButton(translate("ActivityEditor", "Открыть"))
        self.open_material_button.clicked.connect(
            lambda: self.open_material(self.materials_view.currentIndex().row()))
        remove = QPushButton(translate("ActivityEditor", "Убрать"))
        remove.clicked.connect(self._on_remove_material_clicked)
        for b in (add, self.open_material_button, remove):
            mb.addWidget(b)
        mb.addStretch(1)
        ml.addLayout(mb)
        outer.addWidget(self.materials_box)
        outer.addStretch(1)
        bottom = QHBoxLayout()
        self.delete_button = QPushButton(translate("ActivityEditor", "Удалить дело"))
        self.delete_button.setObjectName("deleteActivityButton")
        self.delete_button.setToolTip(translate(
            "ActivityEditor", "Удалить это дело; Правка → Отменить (Ctrl+Z) вернёт его"))
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(activity_id is not None)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(dialog_buttons(self, translate("ActivityEditor", "Сохранить"),
                                        self._on_save_clicked))
        outer.addLayout(bottom)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self._load(kind, client_id, contact_id, deal_id, due_at)
        self.track_changes(values=self.values, save=self.save)
        self.subject_edit.setFocus()

    # --- loading ------------------------------------------------------------------------------
    def _load(self, kind: str, client_id: int | None, contact_id: int | None,
              deal_id: int | None, due_at: datetime | None) -> None:
        if self.activity_id is not None:
            d = self._services.activities.get(self.activity_id)
            self._set_kind(d.kind)
            self.subject_edit.setText(d.subject)
            self._purpose = d.purpose
            self.heading.setText(f"{activity_kind_label(d.kind)}: {d.subject}")
            self._choose_client(d.client_id, d.client_name, contact_id=d.contact_id,
                                deal_id=d.deal_id, deal_title=d.deal_title)
            self.due_edit.setDateTime(to_qdatetime(d.due_at or next_half_hour()))
            self.duration_spin.setValue(d.duration_min or 0)
            self.place_edit.setText(d.place)
            self.notes_edit.setPlainText(d.notes)
            self.priority_combo.setCurrentIndex(max(self.priority_combo.findData(d.priority), 0))
            self._set_reminder(NO_REMINDER if d.remind_before_min is None
                               else d.remind_before_min)
            self._remind_touched = True
            if d.repeat_every and d.repeat_unit:
                self.repeat_check.setChecked(True)
                self.repeat_spin.setValue(d.repeat_every)
                self.repeat_unit_combo.setCurrentIndex(
                    max(self.repeat_unit_combo.findData(d.repeat_unit), 0))
            self.materials_model.set_rows([MaterialRow(m.path, m.exists) for m in d.materials])
        else:
            self._set_kind(kind)
            if deal_id is not None and client_id is None:
                client_id = self._services.deals.detail(deal_id).client_id
            if client_id is not None:
                self._choose_client(client_id, None, contact_id=contact_id, deal_id=deal_id)
            else:
                self._fill_client_lists(None)
            self.due_edit.setDateTime(to_qdatetime(due_at or next_half_hour()))
            self.duration_spin.setValue(60 if kind in MEETING_KINDS else 0)
            self.priority_combo.setCurrentIndex(max(self.priority_combo.findData("normal"), 0))
            self._set_reminder(DEFAULT_REMIND_BEFORE.get(kind, NO_REMINDER))
        self._sync_repeat()
        self._on_kind_changed()

    def _set_kind(self, kind: str) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.kind_combo.blockSignals(False)

    def _set_reminder(self, minutes: int) -> None:
        i = self.remind_combo.findData(minutes)
        if i < 0:  # an offset set elsewhere (an import) stays choosable
            self.remind_combo.addItem(reminder_label(minutes), minutes)
            i = self.remind_combo.count() - 1
        self.remind_combo.setCurrentIndex(i)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    # --- the client, its contacts and deals ---------------------------------------------------
    def _choose_client(self, client_id: int | None, name: str | None, *,
                       contact_id: int | None = None, deal_id: int | None = None,
                       deal_title: str = "") -> None:
        self.client_picker.blockSignals(True)
        self.client_picker.set_client(client_id, name)
        self.client_picker.blockSignals(False)
        self._fill_client_lists(client_id, contact_id=contact_id, deal_id=deal_id,
                                deal_title=deal_title)

    def _fill_client_lists(self, client_id: int | None, *, contact_id: int | None = None,
                           deal_id: int | None = None, deal_title: str = "") -> None:
        fill_contacts(self.contact_combo, self._services, client_id, contact_id)
        self.deal_combo.clear()
        self.deal_combo.addItem(translate("ActivityEditor", "— без сделки —"), None)
        if client_id is None:
            return
        board = self._services.deals.board(BoardFilter(client_id=client_id))
        for stage in board.stages:
            for card in board.column(stage.id):
                self.deal_combo.addItem(f"{card.title} · {stage.name}", card.id)
        if deal_id is not None and self.deal_combo.findData(deal_id) < 0:
            # a closed deal is not on the board, but the activity stays with it
            title = deal_title or self._services.deals.detail(deal_id).title
            self.deal_combo.addItem(title, deal_id)
        if deal_id is not None:
            self.deal_combo.setCurrentIndex(max(self.deal_combo.findData(deal_id), 0))

    def choose_client(self, client_id: int) -> None:
        """Pick a client programmatically (tests, a context without a picker)."""
        self.client_picker.set_client(client_id)

    def _on_client_picker_client_chosen(self, client_id: int) -> None:
        self.errors.clear_field("client_id")
        self._fill_client_lists(client_id)

    def _on_client_picker_client_cleared(self) -> None:
        self._fill_client_lists(None)

    # --- what applies to which kind -----------------------------------------------------------
    def _on_kind_changed(self, *_: object) -> None:
        kind = self.kind()
        meeting = kind in MEETING_KINDS
        timed = kind != "note"
        for field, visible in (("duration_min", meeting), ("place", meeting),
                               ("due_at", timed), ("remind_before_min", timed),
                               ("repeat_every", timed)):
            # the form's row holds the field wrapped with its message (FieldErrors.wrap)
            box = self.errors.widget(field).parentWidget()
            if box is not None:
                self.when_form.setRowVisible(box, visible)
        self.materials_box.setVisible(kind == "presentation")
        if meeting and self.duration_spin.value() == 0:
            self.duration_spin.setValue(60)
        if not self._remind_touched:
            self._set_reminder(DEFAULT_REMIND_BEFORE.get(kind, NO_REMINDER))
        self.adjustSize()

    def _on_remind_combo_activated(self, _index: int) -> None:
        self._remind_touched = True

    def _sync_repeat(self, *_: object) -> None:
        on = self.repeat_check.isChecked()
        self.repeat_spin.setEnabled(on)
        self.repeat_unit_combo.setEnabled(on)

    # --- materials ----------------------------------------------------------------------------
    def add_materials(self, paths: list[str]) -> None:
        known = {m.path for m in self.materials_model.rows()}
        for path in paths:
            if path and path not in known:
                self.materials_model.append_row(MaterialRow(path, Path(path).is_file()))
                known.add(path)

    def _on_add_materials_clicked(self) -> None:
        self.add_materials(dialogs.ask_open_paths(
            self, translate("ActivityEditor", "Материалы презентации"),
            translate("ActivityEditor", "Все файлы (*)")))

    def open_material(self, row: int) -> bool:
        """Open a material with the system's viewer; a missing file is explained instead."""
        material = self.materials_model.row_at(row)
        if material is None:
            return False
        if not Path(material.path).is_file():
            dialogs.show_error(self, translate(
                "ActivityEditor", "Файл не найден: {path}").format(path=material.path))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(material.path))

    def _on_remove_material_clicked(self) -> None:
        row = self.materials_view.currentIndex().row()
        if self.materials_model.row_at(row) is not None:
            self.materials_model.remove_row(row)

    # --- saving -------------------------------------------------------------------------------
    def values(self) -> tuple[object, ...]:
        """Everything the user can change here, as shown (never refused)."""
        return (self.kind(), self.subject_edit.text(), self.client_picker.client_id(),
                self.client_picker.text(), self.contact_combo.currentData(),
                self.deal_combo.currentData(), self.due_edit.dateTime().toSecsSinceEpoch(),
                self.duration_spin.value(), self.place_edit.text(),
                self.priority_combo.currentData(), self.remind_combo.currentData(),
                self.repeat_check.isChecked(), self.repeat_spin.value(),
                self.repeat_unit_combo.currentData(), self.notes_edit.toPlainText(),
                tuple(m.path for m in self.materials_model.rows()))

    def draft(self) -> ActivityDraft:
        kind = self.kind()
        meeting = kind in MEETING_KINDS
        timed = kind != "note"
        repeat = timed and self.repeat_check.isChecked()
        return ActivityDraft(
            kind=kind, subject=self.subject_edit.text(),
            client_id=self.client_picker.client_id(),
            contact_id=self.contact_combo.currentData(),
            deal_id=self.deal_combo.currentData(),
            due_at=aware_datetime(self.due_edit) if timed else None,
            duration_min=(self.duration_spin.value() or None) if meeting else None,
            place=self.place_edit.text() if meeting else "",
            notes=self.notes_edit.toPlainText(),
            priority=str(self.priority_combo.currentData()), purpose=self._purpose,
            remind_before_min=int(self.remind_combo.currentData()) if timed else NO_REMINDER,
            repeat_every=self.repeat_spin.value() if repeat else None,
            repeat_unit=str(self.repeat_unit_combo.currentData()) if repeat else "",
            materials=tuple(m.path for m in self.materials_model.rows())
            if kind == "presentation" else ())

    def _local_errors(self) -> dict[str, str]:
        """What the service cannot tell apart: a typed client name nobody picked."""
        if self.client_picker.client_id() is None and self.client_picker.text().strip():
            return {"client_id": translate(
                "ActivityEditor", "Выберите клиента из списка (начните вводить название)")}
        return {}

    def save(self) -> bool:
        """Validate and store; True on success. Nothing typed is lost on a refusal."""
        local = self._local_errors()
        if local:
            self.errors.show(local)
            return False
        draft = self.draft()
        activities = self._services.activities
        ident = self.activity_id

        def store() -> int:
            if ident is None:
                return activities.create(draft)
            activities.update(ident, draft)
            return ident

        ok, saved = stored_or_shown(self.errors, store)
        if not ok or saved is None:
            return False
        self.errors.clear()
        self.saved_id = saved
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.activity_saved.emit(saved)
        self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save()

    def delete(self) -> bool:
        """Delete the activity (edits in the form go with it); Правка → Отменить puts it
        back. The dialog closes accepted, so the list it was opened from reads again."""
        if self.activity_id is None:
            return False
        activities = self._services.activities
        try:
            gone = activities.delete(self.activity_id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        from app.views.undo import history

        done = [gone]

        def redo() -> None:
            done[0] = activities.delete(done[0].id)

        history().record(translate("ActivityEditor", "удаление дела «{s}»").format(
            s=gone.subject), undo=lambda: activities.restore(done[0]), redo=redo)
        self.deleted = True
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.accept()
        return True


__all__ = ["ActivityEditor", "MaterialsModel", "aware_datetime", "datetime_edit",
           "next_half_hour", "reminder_label", "stored_or_shown",
           "to_qdatetime"]
