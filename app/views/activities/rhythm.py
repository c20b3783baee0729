"""«Ритм работы с клиентами»: how often each segment gets a service call, the rhythm of the
other segments and the follow-up call after a sale (Правка → Ритм работы с клиентами…)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.activities import MAX_RHYTHM_DAYS, RhythmSettings, SegmentRhythm
from app.services.errors import ValidationError
from app.views import dialogs, style
from app.views.forms import FieldErrors, dialog_buttons, form_layout
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.unsaved import EditorDialog

if TYPE_CHECKING:
    from app.bootstrap import Services


def _days_of(text: object) -> int | None:
    """A typed number of days ('' for none); anything else is refused by the cell."""
    value = str(text).strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(value)
    return int(value)


class SegmentRhythmModel(RecordTableModel[SegmentRhythm]):
    """The segments with their service-call rhythm; an empty cell: the others' rhythm."""

    SEGMENT, CLIENTS, DAYS = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("Rhythm", "Сегмент"), lambda r: r.segment),
            Column(translate("Rhythm", "Активных клиентов"), lambda r: f"{r.clients:n}",
                   numeric=True),
            Column(translate("Rhythm", "Звонить раз в, дн."),
                   lambda r: str(r.days) if r.days is not None
                   else translate("Rhythm", "как остальным"),
                   numeric=True,
                   color=lambda r: style.MUTED if r.days is None else None,
                   edit_value=lambda r: "" if r.days is None else str(r.days),
                   edit=lambda r, v: replace(r, days=_days_of(v))),
        ], parent)


class RhythmDialog(EditorDialog):
    """Edit RhythmSettings through ActivitiesService; a refusal shows under its field, the
    dialog stays open; closing with unsaved changes asks first."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmDialog")
        self.setWindowTitle(translate("Rhythm", "Ритм работы с клиентами"))
        self._activities = services.activities
        self._settings = self._activities.rhythm_settings()
        self.errors = FieldErrors()
        v = QVBoxLayout(self)
        intro = QLabel(translate(
            "Rhythm", "Клиент, которому не звонили дольше его ритма, появляется на вкладке "
                      "«Сегодня» в разделе «Пора позвонить». Свой ритм отдельного клиента "
                      "задаётся в его карточке (Классификация → Сервисный звонок)."))
        intro.setWordWrap(True)
        style.set_tone(intro, "muted")
        v.addWidget(intro)

        v.addWidget(named(QLabel(translate("Rhythm", "Сервисные звонки по сегментам")),
                          "sectionTitle"))
        self.model = SegmentRhythmModel(self)
        self.model.set_rows(self._settings.segments)
        self.view = QTableView()
        self.view.setObjectName("rhythmSegments")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SegmentRhythmModel.SEGMENT, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(180)
        v.addWidget(self.view, 1)
        v.addWidget(self.errors.attach_rows("segments", self.view, describe=self._row_problem))
        hint = QLabel(translate("Rhythm", "Дважды щёлкните число, чтобы изменить; пустое поле — "
                                          "как остальным сегментам."))
        hint.setStyleSheet("font-size: 12px;")
        style.set_tone(hint, "muted")
        v.addWidget(hint)
        bar = QHBoxLayout()
        self.new_segment = QLineEdit()
        self.new_segment.setObjectName("rhythmNewSegment")
        self.new_segment.setPlaceholderText(translate("Rhythm", "Новый сегмент"))
        self.new_segment.returnPressed.connect(self.add_segment)
        add = QPushButton(translate("Rhythm", "+ Добавить"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_segment)
        self.reset_button = QPushButton(translate("Rhythm", "Как остальным"))
        self.reset_button.setToolTip(translate(
            "Rhythm", "Убрать свой ритм выбранного сегмента: ему звонят, как остальным"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_selected)
        bar.addWidget(self.new_segment, 1)
        bar.addWidget(add)
        bar.addWidget(self.reset_button)
        v.addLayout(bar)

        form = form_layout()
        self.default_days = self._days_spin("rhythmDefaultDays", self._settings.default_days)
        self.errors.add_row(form, translate("Rhythm", "Остальным сегментам — раз в"),
                            "default_days", self.default_days)
        self.follow_up_days = self._days_spin("rhythmFollowUpDays",
                                              self._settings.follow_up_days)
        self.follow_up_days.setPrefix(translate("Rhythm", "через "))
        self.follow_up_days.setToolTip(translate(
            "Rhythm", "Выигрыш сделки предлагает звонок клиенту через столько дней: "
                      "доволен ли он покупкой"))
        self.errors.add_row(form, translate("Rhythm", "Звонок после продажи"),
                            "follow_up_days", self.follow_up_days)
        v.addLayout(form)
        self.buttons = dialog_buttons(self, translate("Rhythm", "Сохранить"),
                                      self._on_save_clicked)
        v.addWidget(self.buttons)
        self.resize(600, 560)
        self.track_changes(values=self.value, save=self.save)

    @staticmethod
    def _days_spin(name: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(1, MAX_RHYTHM_DAYS)
        spin.setSuffix(translate("Rhythm", " дн."))
        spin.setValue(value)
        return spin

    def _row_problem(self, n: int, message: str) -> str:
        rows = self.model.rows()
        name = rows[n].segment if 0 <= n < len(rows) and rows[n].segment else str(n + 1)
        return translate("Rhythm", "{segment}: {message}").format(segment=name, message=message)

    def value(self) -> RhythmSettings:
        """What the dialog shows now (not yet validated)."""
        return RhythmSettings(tuple(self.model.rows()), self.default_days.value(),
                              self.follow_up_days.value())

    def add_segment(self) -> None:
        """Add the typed segment (or select it when it is listed) with the others' rhythm
        as a starting point, and start editing its days."""
        name = " ".join(self.new_segment.text().split())
        if not name:
            self.new_segment.setFocus()
            return
        row = self.model.find(lambda r: r.segment.casefold() == name.casefold())
        if row < 0:
            row = self.model.append_row(SegmentRhythm(name, self.default_days.value()))
        self.new_segment.clear()
        self.view.selectRow(row)
        index = self.model.index(row, SegmentRhythmModel.DAYS)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def reset_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            n = rows[0].row()
            self.model.replace_row(n, replace(self.model.row(n), days=None))

    def _on_save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        try:
            self._settings = self._activities.save_rhythm_settings(self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                dialogs.show_error(self, "\n".join(unplaced))
            return False
        self.accept()
        return True


def open_rhythm_dialog(parent: QWidget | None, services: Services) -> bool:
    """Show the dialog modally; True if the user saved."""
    dialog = RhythmDialog(services=services, parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
