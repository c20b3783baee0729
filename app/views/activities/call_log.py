"""«Записать звонок»: a call that already happened, logged in two keystrokes (the outcome's
digit, then Enter), with an optional contact, duration and note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.activities import CALL_RESULTS
from app.views.activities.complete import ResultChoice
from app.views.activities.editor import stored_or_shown
from app.views.clients.picker import fill_contacts
from app.views.forms import FieldErrors, dialog_buttons, error_banner, form_layout
from app.views.style import named
from app.views.unsaved import EditorDialog


class CallLogDialog(EditorDialog):
    """Log a call made (or taken) a moment ago for a client, optionally for a deal.

    Signals:
        call_logged(int): the call was stored (its activity id).
    """

    call_logged = Signal(int)

    def __init__(self, *, services: Services, client_id: int, contact_id: int | None = None,
                 deal_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.client_id = client_id
        self.deal_id = deal_id
        self.saved_id: int | None = None
        self.setWindowTitle(translate("CallLog", "Записать звонок"))
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        name = services.deals.client_name(client_id)
        outer.addWidget(named(QLabel(translate("CallLog", "Звонок: {client}").format(
            client=name)), "sectionTitle"))
        outer.addWidget(named(QLabel(translate(
            "CallLog", "Цифра — результат, Enter — записать")), "cardNote"))
        self.banner = error_banner()
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)
        form = form_layout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.results = ResultChoice(CALL_RESULTS, shortcuts_on=self)
        self.results.chosen.connect(lambda _c: self.errors.clear_field("result"))
        self.errors.add_row(form, translate("CallLog", "Результат *"), "result", self.results)
        self.contact_combo = QComboBox()
        fill_contacts(self.contact_combo, services, client_id, contact_id)
        self.errors.add_row(form, translate("CallLog", "С кем"), "contact_id",
                            self.contact_combo)
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSuffix(translate("CallLog", " мин"))
        self.duration_spin.setSpecialValueText(translate("CallLog", "не указана"))
        self.errors.add_row(form, translate("CallLog", "Длительность"), "duration_min",
                            self.duration_spin)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(translate("CallLog", "О чём говорили"))
        self.errors.add_row(form, translate("CallLog", "Заметка"), "notes", self.note_edit)
        outer.addLayout(form)
        outer.addWidget(dialog_buttons(self, translate("CallLog", "Записать"),
                                       self._on_log_clicked))
        self.track_changes(values=self.values, save=self.save)
        self.results.setFocus()

    def values(self) -> tuple[object, ...]:
        return (self.results.value(), self.contact_combo.currentData(),
                self.duration_spin.value(), self.note_edit.text())

    def save(self) -> bool:
        """Store the call; a refusal is shown next to its field and the dialog stays."""
        result = self.results.value()
        if not result:
            self.errors.show({"result": translate(
                "CallLog", "Выберите результат (цифры 1–{n})").format(n=len(CALL_RESULTS))})
            return False
        ok, self.saved_id = stored_or_shown(self.errors, lambda: self._services.activities.log_call(
            client_id=self.client_id, result=result,
            duration_min=self.duration_spin.value() or None, notes=self.note_edit.text(),
            contact_id=self.contact_combo.currentData(), deal_id=self.deal_id))
        if not ok or self.saved_id is None:
            return False
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.call_logged.emit(self.saved_id)
        self.accept()
        return True

    def _on_log_clicked(self) -> None:
        self.save()


__all__ = ["CallLogDialog"]
