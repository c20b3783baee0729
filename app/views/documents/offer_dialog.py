"""The "Создать КП" question: template, validity, subject line and introduction (editable),
with a warning when a VAT rate changes while the offer is valid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.documents.service import SUBJECT_LENGTH
from app.views import style
from app.views.forms import dialog_buttons, form_layout
from app.views.unsaved import EditorDialog


@dataclass(frozen=True)
class OfferAnswer:
    template: str
    intro: str
    validity_days: int | None = None  # None: the company's default
    subject: str | None = None  # None: the deal's name (DocumentsService.default_subject)


class OfferOptionsDialog(EditorDialog):
    """Template, validity and introduction of a new offer; Esc or closing after editing the
    text asks whether to create the offer with it (Сохранить) or drop it."""

    def __init__(self, templates: list[tuple[str, str]], current: str,
                 intro_for: Callable[[str], str], validity_days: int = 14,
                 parent: QWidget | None = None, *, subject: str = "",
                 vat_notice_for: Callable[[int], str] | None = None,
                 glyph_notice_for: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OfferDialog", "Новое коммерческое предложение"))
        self._intro_for = intro_for
        self.template = QComboBox()
        for key, label in templates:
            self.template.addItem(label, key)
        self.template.setCurrentIndex(max(0, self.template.findData(current)))
        self.intro = QPlainTextEdit(intro_for(self.template.currentData()))
        self._edited = False
        self.intro.textChanged.connect(self._on_intro_text_changed)
        self.template.currentIndexChanged.connect(self._on_template_current_index_changed)
        self.validity = QSpinBox()
        self.validity.setRange(1, 365)
        self.validity.setValue(max(1, min(365, validity_days)))
        self.validity.setSuffix(translate("OfferDialog", " дн."))
        self.subject = QLineEdit(subject)
        self.subject.setMaxLength(SUBJECT_LENGTH)
        self.subject.setPlaceholderText(translate("OfferDialog", "Предмет предложения"))
        # a VAT rate that changes while the offer is valid: said here and printed in the КП
        self._vat_notice_for = vat_notice_for
        self.vat_notice = QLabel()
        self.vat_notice.setWordWrap(True)
        style.set_tone(self.vat_notice, "warning")
        self.validity.valueChanged.connect(self._on_validity_value_changed)
        # characters the document's font cannot print (in the deal or typed here): said here,
        # printed as «?» (app.services.documents.fonts.printable)
        self._glyph_notice_for = glyph_notice_for
        self.glyph_notice = QLabel()
        self.glyph_notice.setObjectName("glyphNotice")
        self.glyph_notice.setWordWrap(True)
        style.set_tone(self.glyph_notice, "warning")
        self.subject.textChanged.connect(self._on_subject_text_changed)
        form = form_layout()
        form.addRow(translate("OfferDialog", "Шаблон"), self.template)
        form.addRow(translate("OfferDialog", "Действует"), self.validity)
        form.addRow("", self.vat_notice)
        form.addRow(translate("OfferDialog", "Тема"), self.subject)
        form.addRow(translate("OfferDialog", "Вступление"), self.intro)
        form.addRow("", self.glyph_notice)
        self._show_vat_notice()
        self._show_glyph_notice()
        buttons = dialog_buttons(self, translate("OfferDialog", "Создать"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(600, 380)
        self.track_changes(values=self.answer, save=self._create)

    def _on_validity_value_changed(self, _days: int) -> None:
        self._show_vat_notice()

    def _show_vat_notice(self) -> None:
        notice = self._vat_notice_for(self.validity.value()) if self._vat_notice_for else ""
        self.vat_notice.setText(notice)
        self.vat_notice.setVisible(bool(notice))

    def _on_subject_text_changed(self, _text: str) -> None:
        self._show_glyph_notice()

    def _show_glyph_notice(self) -> None:
        typed = self.subject.text() + "\n" + self.intro.toPlainText()
        notice = self._glyph_notice_for(typed) if self._glyph_notice_for else ""
        self.glyph_notice.setText(notice)
        self.glyph_notice.setVisible(bool(notice))

    def _on_intro_text_changed(self) -> None:
        self._edited = True
        self._show_glyph_notice()

    def _on_template_current_index_changed(self, _index: int) -> None:
        if not self._edited:  # keep the user's own text; otherwise follow the template
            self.intro.blockSignals(True)
            self.intro.setPlainText(self._intro_for(self.template.currentData()))
            self.intro.blockSignals(False)

    def _create(self) -> bool:
        self.accept()  # the offer is made from answer() by whoever asked
        return True

    def answer(self) -> OfferAnswer:
        return OfferAnswer(template=self.template.currentData(),
                           intro=self.intro.toPlainText().strip(),
                           validity_days=self.validity.value(),
                           subject=self.subject.text().strip())


def ask_offer_options(parent: QWidget | None, templates: list[tuple[str, str]], current: str,
                      intro_for: Callable[[str], str], validity_days: int = 14, *,
                      subject: str = "",
                      vat_notice_for: Callable[[int], str] | None = None,
                      glyph_notice_for: Callable[[str], str] | None = None) -> OfferAnswer | None:
    dialog = OfferOptionsDialog(templates, current, intro_for, validity_days, parent,
                                subject=subject, vat_notice_for=vat_notice_for,
                                glyph_notice_for=glyph_notice_for)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()
