"""The «Протокол переговоров» question: the meeting's date and place, the client's contacts
who took part (check boxes) and our participants (one a line)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.documents import ProtocolDefaults
from app.services.documents.protocol import PLACE_LENGTH
from app.views.forms import dialog_buttons, form_layout, to_date, to_qdate
from app.views.unsaved import EditorDialog


@dataclass(frozen=True)
class ProtocolAnswer:
    on: date
    place: str
    contact_ids: tuple[int, ...]
    our_participants: tuple[str, ...]


class ProtocolDialog(EditorDialog):
    """Date, place and participants of a new negotiation protocol; closing after editing
    asks whether to issue it with what is typed (Сохранить) or drop it."""

    def __init__(self, defaults: ProtocolDefaults, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProtocolDialog", "Протокол переговоров"))
        self.date_edit = QDateEdit(to_qdate(today or date.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.place_edit = QLineEdit(defaults.place)
        self.place_edit.setMaxLength(PLACE_LENGTH)
        self.place_edit.setPlaceholderText(translate("ProtocolDialog", "Где прошла встреча"))
        self.contact_boxes: list[tuple[int, QCheckBox]] = []
        contacts = QWidget()
        column = QVBoxLayout(contacts)
        column.setContentsMargins(0, 0, 0, 0)
        for contact in defaults.contacts:
            text = f"{contact.name}, {contact.position}" if contact.position else contact.name
            box = QCheckBox(text)
            box.setChecked(contact.chosen)
            self.contact_boxes.append((contact.id, box))
            column.addWidget(box)
        if not defaults.contacts:
            hint = QLabel(translate("ProtocolDialog", "У клиента нет контактов"))
            hint.setObjectName("hint")
            column.addWidget(hint)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(contacts)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: its boxes are
        scroll.setMinimumHeight(90)
        scroll.setMaximumHeight(180)
        self.ours_edit = QPlainTextEdit("\n".join(defaults.our_participants))
        self.ours_edit.setPlaceholderText(translate(
            "ProtocolDialog", "По одному в строке: ФИО, должность"))
        self.ours_edit.setMaximumHeight(110)
        form = form_layout()
        form.addRow(translate("ProtocolDialog", "Сделка"), QLabel(defaults.deal_title))
        form.addRow(translate("ProtocolDialog", "Дата встречи"), self.date_edit)
        form.addRow(translate("ProtocolDialog", "Место"), self.place_edit)
        form.addRow(translate("ProtocolDialog", "От клиента"), scroll)
        form.addRow(translate("ProtocolDialog", "С нашей стороны"), self.ours_edit)
        note = QLabel(translate(
            "ProtocolDialog", "Условия, открытые вопросы (нерешённые возражения) и следующие "
                              "шаги (запланированные дела) берутся из сделки. Выпущенный "
                              "протокол не меняется."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = dialog_buttons(self, translate("ProtocolDialog", "Выпустить"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 460)
        self.track_changes(values=self.answer, save=self._issue)

    def _issue(self) -> bool:
        self.accept()  # the protocol is issued from answer() by whoever asked
        return True

    def answer(self) -> ProtocolAnswer:
        ours = (" ".join(line.split()) for line in self.ours_edit.toPlainText().splitlines())
        return ProtocolAnswer(
            on=to_date(self.date_edit.date()), place=self.place_edit.text().strip(),
            contact_ids=tuple(cid for cid, box in self.contact_boxes if box.isChecked()),
            our_participants=tuple(line for line in ours if line))


def ask_protocol_options(parent: QWidget | None, defaults: ProtocolDefaults, *,
                         today: date | None = None) -> ProtocolAnswer | None:
    dialog = ProtocolDialog(defaults, today=today, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()
