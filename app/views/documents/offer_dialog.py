"""The "Создать КП" question: which template, and the introduction text (editable)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.views.forms import dialog_buttons
from app.views.unsaved import EditorDialog


@dataclass(frozen=True)
class OfferAnswer:
    template: str
    intro: str
    validity_days: int | None = None  # None: the company's default


class OfferOptionsDialog(EditorDialog):
    """Template, validity and introduction of a new offer; Esc or closing after editing the
    text asks whether to create the offer with it (Сохранить) or drop it."""

    def __init__(self, templates: list[tuple[str, str]], current: str,
                 intro_for: Callable[[str], str], validity_days: int = 14,
                 parent: QWidget | None = None) -> None:
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
        form = QFormLayout()
        form.addRow(translate("OfferDialog", "Шаблон"), self.template)
        form.addRow(translate("OfferDialog", "Действует"), self.validity)
        form.addRow(translate("OfferDialog", "Вступление"), self.intro)
        buttons = dialog_buttons(self, translate("OfferDialog", "Создать"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.track_changes(values=self.answer, save=self._create)

    def _on_intro_text_changed(self) -> None:
        self._edited = True

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
                           validity_days=self.validity.value())


def ask_offer_options(parent: QWidget | None, templates: list[tuple[str, str]], current: str,
                      intro_for: Callable[[str], str],
                      validity_days: int = 14) -> OfferAnswer | None:
    dialog = OfferOptionsDialog(templates, current, intro_for, validity_days, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()
