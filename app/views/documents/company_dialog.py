"""The dialog for the own company's requisites, letterhead images and document defaults."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.company import (
    IMAGE_KINDS,
    OFFER_TEMPLATES,
    CompanyProfile,
    offer_template_label,
)
from app.services.errors import ValidationError
from app.services.pricing import vat_kind_label
from app.services.requisites import BANK_FIELDS, TAX_ID_FIELDS
from app.views import dialogs
from app.views.forms import FieldErrors, dialog_buttons, form_layout, image_preview
from app.views.unsaved import EditorDialog

if TYPE_CHECKING:
    from app.bootstrap import Services

VAT_KIND_ORDER = ("standard", "reduced10", "zero", "usn5", "usn7", "none")


def field_labels() -> dict[str, str]:
    """The company fields' labels (this dialog's and the first-run wizard's)."""
    # translate() spelled out each time: pyside6-lupdate only finds literal calls
    return {
        "name": translate("CompanyDialog", "Краткое название"),
        "full_name": translate("CompanyDialog", "Полное наименование"),
        "inn": translate("CompanyDialog", "ИНН"),
        "kpp": translate("CompanyDialog", "КПП"),
        "ogrn": translate("CompanyDialog", "ОГРН / ОГРНИП"),
        "legal_address": translate("CompanyDialog", "Юридический адрес"),
        "postal_address": translate("CompanyDialog", "Почтовый адрес"),
        "phone": translate("CompanyDialog", "Телефон"),
        "email": translate("CompanyDialog", "Эл. почта"),
        "website": translate("CompanyDialog", "Сайт"),
        "bank_name": translate("CompanyDialog", "Банк"),
        "bik": translate("CompanyDialog", "БИК"),
        "corr_account": translate("CompanyDialog", "Корр. счёт"),
        "settlement_account": translate("CompanyDialog", "Расчётный счёт"),
        "signer_name": translate("CompanyDialog", "Руководитель (ФИО)"),
        "signer_title": translate("CompanyDialog", "Должность руководителя"),
        "accountant_name": translate("CompanyDialog", "Главный бухгалтер"),
        "manager_name": translate("CompanyDialog", "Менеджер (ФИО)"),
        "manager_phone": translate("CompanyDialog", "Телефон менеджера"),
        "manager_email": translate("CompanyDialog", "Почта менеджера"),
        "manager_position": translate("CompanyDialog", "Должность менеджера"),
        "logo": translate("CompanyDialog", "Логотип"),
        "facsimile": translate("CompanyDialog", "Факсимиле подписи"),
        "stamp": translate("CompanyDialog", "Печать"),
    }


def _pages() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (
        (translate("CompanyDialog", "Компания"),
         ("name", "full_name", *TAX_ID_FIELDS, "legal_address", "postal_address",
          "phone", "email", "website")),
        (translate("CompanyDialog", "Банк"),
         BANK_FIELDS),
        (translate("CompanyDialog", "Подписи"),
         ("signer_name", "signer_title", "accountant_name", "manager_name",
          "manager_position", "manager_phone", "manager_email")),
    )
MULTILINE = ("legal_address", "postal_address")


class CompanyDialog(EditorDialog):
    """Edit CompanySettings through CompanyService; errors appear under their fields; closing
    with unsaved changes asks first."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CompanyDialog", "Реквизиты компании"))
        self.setObjectName("companyDialog")
        self._services = services
        self._profile: CompanyProfile = services.company.get()
        self._images: dict[str, bytes | None] = {k: getattr(self._profile, k)
                                                 for k in IMAGE_KINDS}
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors = FieldErrors()
        self.image_previews: dict[str, QLabel] = {}
        labels = field_labels()

        self.tabs = QTabWidget(self)
        for title, names in _pages():
            page = QWidget()
            form = form_layout(page)
            for name in names:
                value = getattr(self._profile, name)
                if name in MULTILINE:
                    text_box = QPlainTextEdit(value)
                    text_box.setFixedHeight(54)
                    editor: QLineEdit | QPlainTextEdit = text_box
                else:
                    editor = QLineEdit(value)
                editor.setObjectName(f"company_{name}")
                self.editors[name] = editor
                self.errors.add_row(form, labels[name], name, editor)
            self.tabs.addTab(page, title)

        images = QWidget()
        form = form_layout(images)
        for kind in IMAGE_KINDS:
            self.errors.add_row(form, labels[kind], kind, self._image_row(kind))
        self.tabs.addTab(images, translate("CompanyDialog", "Изображения"))

        docs = QWidget()
        form = form_layout(docs)
        self.vat_kind = QComboBox()
        for kind in VAT_KIND_ORDER:
            self.vat_kind.addItem(vat_kind_label(kind), kind)
        self.vat_kind.setCurrentIndex(max(0, self.vat_kind.findData(
            self._profile.default_vat_kind)))
        self.prices_include_vat = QCheckBox(translate("CompanyDialog", "Цены включают НДС"))
        self.prices_include_vat.setChecked(self._profile.prices_include_vat)
        self.validity = QSpinBox()
        self.validity.setRange(1, 365)
        self.validity.setSuffix(translate("CompanyDialog", " дн."))
        self.validity.setValue(self._profile.offer_validity_days)
        self.template = QComboBox()
        for key in OFFER_TEMPLATES:
            self.template.addItem(offer_template_label(key), key)
        self.template.setCurrentIndex(max(0, self.template.findData(
            self._profile.offer_template)))
        self.errors.add_row(form, translate("CompanyDialog", "Ставка НДС по умолчанию"),
                            "default_vat_kind", self.vat_kind)
        form.addRow("", self.prices_include_vat)
        self.errors.add_row(form, translate("CompanyDialog", "Срок действия КП"),
                            "offer_validity_days", self.validity)
        self.errors.add_row(form, translate("CompanyDialog", "Шаблон КП"), "offer_template",
                            self.template)
        self.order_prefix = QLineEdit(services.orders.number_prefix())
        self.order_prefix.setMaxLength(10)
        self.order_prefix.setToolTip(translate(
            "CompanyDialog", "Номера новых заказов: префикс-год-номер, например ЗК-2026-00001; "
                             "выданные номера не меняются и не повторяются"))
        self.errors.add_row(form, translate("CompanyDialog", "Префикс номера заказа"),
                            "order_number_prefix", self.order_prefix)
        self.tabs.addTab(docs, translate("CompanyDialog", "Документы"))

        self.buttons = dialog_buttons(self, translate("CompanyDialog", "Сохранить"),
                                      self._on_save_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self.track_changes(values=lambda: (self.profile(), self.order_prefix.text()),
                           save=self.save)

    def _image_row(self, kind: str) -> QWidget:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        preview = image_preview()
        self.image_previews[kind] = preview
        choose = QPushButton(translate("CompanyDialog", "Выбрать…"))
        choose.clicked.connect(lambda _=False, k=kind: self.choose_image(k))
        clear = QPushButton(translate("CompanyDialog", "Убрать"))
        clear.clicked.connect(lambda _=False, k=kind: self.set_image(k, None))
        h.addWidget(preview)
        h.addWidget(choose)
        h.addWidget(clear)
        h.addStretch(1)
        self._show_image(kind)
        return row

    def _show_image(self, kind: str) -> None:
        label = self.image_previews[kind]
        data = self._images.get(kind)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            label.setPixmap(pixmap.scaled(116, 44, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
        else:
            label.clear()
            label.setText(translate("CompanyDialog", "нет"))

    def choose_image(self, kind: str) -> None:
        path = dialogs.ask_open_path(self, translate("CompanyDialog", "Изображение"),
                                     translate("CompanyDialog", "Изображения (*.png *.jpg *.jpeg)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.set_image(kind, data)

    def set_image(self, kind: str, data: bytes | None) -> None:
        self._images[kind] = data
        self._show_image(kind)
        self.errors.clear_field(kind)

    def profile(self) -> CompanyProfile:
        """What the dialog currently shows, as a profile (not yet validated)."""
        values: dict[str, Any] = {}
        for f in fields(CompanyProfile):
            editor = self.editors.get(f.name)
            if isinstance(editor, QPlainTextEdit):
                values[f.name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                values[f.name] = editor.text()
        values.update(self._images)
        values["default_vat_kind"] = self.vat_kind.currentData()
        values["prices_include_vat"] = self.prices_include_vat.isChecked()
        values["offer_validity_days"] = self.validity.value()
        values["offer_template"] = self.template.currentData()
        return replace(self._profile, **values)

    def _on_save_clicked(self) -> None:
        self.save()  # a refusal is shown in the dialog, which stays open

    def save(self) -> bool:
        prefix = self.order_prefix.text()
        try:  # both checked before either is written
            self._services.orders.check_number_prefix(prefix)
            self._profile = self._services.company.save(self.profile())
            self._services.orders.set_number_prefix(prefix)
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                dialogs.show_error(self, "\n".join(unplaced))
            return False
        self.accept()
        return True


def open_company_dialog(parent: QWidget | None, services: Services) -> bool:
    """Show the dialog modally; True if the user saved."""
    dialog = CompanyDialog(services=services, parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
