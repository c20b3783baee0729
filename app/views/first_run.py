"""The first run: own company's requisites (checked), bank, logo, VAT and the documents'
language, then how to begin — import the clients now, start with demo data, or start empty.

Shown once on a new base (no company name yet, not finished before), re-opened from
Справка → Мастер первого запуска. Three pages in a stack with Назад/Далее: a page's fields
are checked (`validate_profile`, the company dialog's rule) before the next one is shown,
each message under its field. Nothing is written until «Готово»; closing the wizard keeps
the base as it was and asks again next time.
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.clients import DOCUMENT_LANGUAGES, document_language_label
from app.services.company import CompanyProfile, validate_profile
from app.services.errors import ValidationError
from app.services.pricing import vat_kind_label
from app.services.requisites import BANK_FIELDS
from app.views import dialogs
from app.views.documents.company_dialog import VAT_KIND_ORDER, field_labels
from app.views.forms import FieldErrors, form_layout, image_preview
from app.views.geometry import FittedDialog
from app.views.style import named

if TYPE_CHECKING:
    from app.bootstrap import Services

# the fields of the two requisites pages
COMPANY_FIELDS = ("name", "inn", "kpp", "ogrn", "legal_address", "phone", "email",
                  "manager_name")
# the fields each page checks before the next is shown
PAGE_FIELDS: tuple[tuple[str, ...], ...] = (COMPANY_FIELDS, (*BANK_FIELDS, "logo"), ())
DONE_KEY = "first_run_done"  # the setting that says the wizard was finished
START_CHOICES = ("import", "demo", "empty")


def services_have_clients(services: Services) -> bool:
    return services.overview.overview().clients > 0


def wants_first_run(services: Services) -> bool:
    """A base that has not been through the wizard and has no company name yet."""
    return not services.settings.get(DONE_KEY) and not services.company.get().name.strip()


class FirstRunWizard(FittedDialog):
    """`finished_with(choice)` says how the user chose to begin (one of START_CHOICES)."""

    finished_with = Signal(str)

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(translate("FirstRun", "Добро пожаловать в SalesDesk"))
        self._services = services
        self._profile: CompanyProfile = services.company.get()
        self._logo: bytes | None = self._profile.logo
        self.errors = FieldErrors()
        self.editors: dict[str, QLineEdit] = {}
        labels = field_labels()

        self.stack = QStackedWidget()
        self.stack.addWidget(self._requisites_page(
            translate("FirstRun", "Ваша компания"),
            translate("FirstRun", "Эти реквизиты появятся в КП, счетах и протоколах. ИНН, КПП "
                                  "и ОГРН проверяются; остальное можно дополнить позже в "
                                  "Правка → Реквизиты компании."), COMPANY_FIELDS, labels))
        bank = self._requisites_page(
            translate("FirstRun", "Банк и документы"),
            translate("FirstRun", "Банк для счетов, ставка НДС по умолчанию, язык документов "
                                  "и логотип в шапке КП."), BANK_FIELDS, labels)
        form = bank.findChild(QFormLayout)
        assert form is not None
        self.vat_kind = QComboBox()
        for kind in VAT_KIND_ORDER:
            self.vat_kind.addItem(vat_kind_label(kind), kind)
        self.vat_kind.setCurrentIndex(max(0, self.vat_kind.findData(
            self._profile.default_vat_kind)))
        form.addRow(translate("FirstRun", "НДС по умолчанию"), self.vat_kind)
        self.prices_include_vat = QCheckBox(translate("FirstRun", "Цены включают НДС"))
        self.prices_include_vat.setChecked(self._profile.prices_include_vat)
        form.addRow("", self.prices_include_vat)
        self.language = QComboBox()
        for code in DOCUMENT_LANGUAGES:
            self.language.addItem(document_language_label(code), code)
        stored = services.settings.get("default_document_language")
        self.language.setCurrentIndex(max(0, self.language.findData(stored)))
        self.language.setToolTip(translate(
            "FirstRun", "Язык КП и счетов новых клиентов; у каждого клиента его можно "
                        "изменить в карточке"))
        form.addRow(translate("FirstRun", "Язык документов"), self.language)
        form.addRow(labels["logo"], self._logo_row())
        self.stack.addWidget(bank)
        self.stack.addWidget(self._start_page())

        self.back_button = QPushButton(translate("FirstRun", "Назад"))
        self.next_button = named(QPushButton(translate("FirstRun", "Далее")), "primary")
        self.next_button.setDefault(True)
        self.skip_button = QPushButton(translate("FirstRun", "Позже"))
        self.skip_button.setToolTip(translate(
            "FirstRun", "Закрыть мастер, ничего не сохраняя; он откроется при следующем "
                        "запуске или из меню Справка"))
        self.back_button.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self.next_page)
        self.skip_button.clicked.connect(self.reject)
        self.step = named(QLabel(), "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.step)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.resize(620, 500)
        self.go(0)

    # --- pages --------------------------------------------------------------------------------
    def _requisites_page(self, title: str, note: str, names: tuple[str, ...],
                         labels: dict[str, str]) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(named(QLabel(title), "sectionTitle"))
        hint = named(QLabel(note), "hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        form = form_layout()
        for name in names:
            editor = QLineEdit(str(getattr(self._profile, name)))
            editor.setObjectName(f"firstRun_{name}")
            self.editors[name] = editor
            self.errors.add_row(form, labels[name], name, editor)
        lay.addLayout(form)
        lay.addStretch(1)
        return page

    def _logo_row(self) -> QWidget:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = image_preview()
        choose = QPushButton(translate("FirstRun", "Выбрать…"))
        choose.clicked.connect(self.choose_logo)
        clear = QPushButton(translate("FirstRun", "Убрать"))
        clear.clicked.connect(lambda: self.set_logo(None))
        h.addWidget(self.logo_preview)
        h.addWidget(choose)
        h.addWidget(clear)
        h.addStretch(1)
        self.errors.attach("logo", self.logo_preview)
        self.set_logo(self._logo)
        return row

    def _start_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(named(QLabel(translate("FirstRun", "С чего начнём?")), "sectionTitle"))
        self.start_group = QButtonGroup(page)
        self._radios: dict[str, QRadioButton] = {}
        texts = {
            "import": (translate("FirstRun", "Загрузить моих клиентов из Excel или CSV"),
                       translate("FirstRun", "Откроется импорт клиентов: столбцы файла "
                                             "сопоставляются с полями карточки.")),
            "demo": (translate("FirstRun", "Начать с демонстрационных данных"),
                     translate("FirstRun", "300 вымышленных клиентов, сделки, заказы и план — "
                                           "чтобы посмотреть программу в деле. Подходит "
                                           "только для пустой базы.")),
            "empty": (translate("FirstRun", "Начать с пустой базы"),
                      translate("FirstRun", "Клиентов и сделки можно добавить в любой момент "
                                            "(Ctrl+N на вкладке).")),
        }
        for key in START_CHOICES:
            title, note = texts[key]
            radio = QRadioButton(title)
            radio.setObjectName(f"firstRunStart_{key}")
            self._radios[key] = radio
            self.start_group.addButton(radio)
            lay.addWidget(radio)
            hint = named(QLabel(note), "hint")
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 8)
            lay.addWidget(hint)
        self.start_radio("import").setChecked(True)
        if services_have_clients(self._services):
            self.start_radio("demo").setEnabled(False)
            self.start_radio("demo").setToolTip(translate(
                "FirstRun", "В базе уже есть клиенты: демонстрационные данные не добавляются"))
        lay.addStretch(1)
        return page

    def start_radio(self, key: str) -> QRadioButton:
        return self._radios[key]

    # --- navigation ---------------------------------------------------------------------------
    def go(self, index: int) -> None:
        index = max(0, min(self.stack.count() - 1, index))
        self.stack.setCurrentIndex(index)
        last = index == self.stack.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(translate("FirstRun", "Готово") if last
                                 else translate("FirstRun", "Далее"))
        self.step.setText(translate("FirstRun", "Шаг {n} из {total}").format(
            n=index + 1, total=self.stack.count()))
        first = next((e for name, e in self.editors.items()
                      if name in PAGE_FIELDS[index]), None)
        if first is not None:
            first.setFocus()

    def next_page(self) -> bool:
        """Check the page's fields, then show the next page (or finish on the last)."""
        index = self.stack.currentIndex()
        names = PAGE_FIELDS[index]
        problems = {k: v for k, v in validate_profile(self.profile()).items() if k in names}
        if problems:
            self.errors.show(ValidationError(problems))
            return False
        if index < self.stack.count() - 1:
            self.go(index + 1)
            return True
        return self.finish()

    def choice(self) -> str:
        return next(k for k in START_CHOICES if self.start_radio(k).isChecked())

    def profile(self) -> CompanyProfile:
        values: dict[str, Any] = {f.name: self.editors[f.name].text()
                                  for f in fields(CompanyProfile) if f.name in self.editors}
        values["logo"] = self._logo
        values["default_vat_kind"] = self.vat_kind.currentData()
        values["prices_include_vat"] = self.prices_include_vat.isChecked()
        return replace(self._profile, **values)

    def finish(self) -> bool:
        try:
            self._profile = self._services.company.save(self.profile())
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            for index, names in enumerate(PAGE_FIELDS):
                if any(n in exc.errors for n in names):
                    self.go(index)
                    break
            if unplaced:
                dialogs.show_error(self, "\n".join(unplaced))
            return False
        self._services.settings.set_many({
            DONE_KEY: True, "default_document_language": self.language.currentData()})
        choice = self.choice()
        self.accept()
        self.finished_with.emit(choice)
        return True

    # --- the logo -----------------------------------------------------------------------------
    def choose_logo(self) -> None:
        path = dialogs.ask_open_path(self, translate("FirstRun", "Логотип"),
                                     translate("FirstRun", "Изображения (*.png *.jpg *.jpeg)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.set_logo(data)

    def set_logo(self, data: bytes | None) -> None:
        self._logo = data
        self.errors.clear_field("logo")
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(pixmap.scaled(
                116, 44, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(translate("FirstRun", "нет"))
