"""The client card: requisites, contacts, classification, timeline and purchases."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import short_date
from app.domain.money import format_money
from app.i18n import translate
from app.services.activities import MAX_RHYTHM_DAYS, ActivityDetail, activity_kind_label
from app.services.clients import (
    CLIENT_KINDS,
    CLIENT_STATUSES,
    DOCUMENT_LANGUAGES,
    ClientDraft,
    ContactDraft,
    TimelineEntry,
    churn_reason_choices,
    document_language_label,
    kind_label,
    status_label,
    validate_draft,
)
from app.services.clients.churn import carries_churn_reason
from app.services.clients.drafts import churn_reason_missing
from app.services.clients.history import TIMELINE_GROUPS
from app.services.errors import ServiceError, ValidationError
from app.views import dialogs, style
from app.views.activities.bulk_menu import ActivityBulkActions, Target
from app.views.activities.call_log import CallLogDialog
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor
from app.views.activities.links import links_html, open_link
from app.views.activities.list_model import ActivityListModel, fit_activity_columns
from app.views.clients.widgets import StatusPill, TagsEdit
from app.views.forms import DateEdit, FieldErrors, error_label, in_platform_order, to_date, to_qdate
from app.views.record_model import Column, RecordTableModel
from app.views.style import named
from app.views.undo import history, record_archive
from app.views.unsaved import EditorDialog, Settled

_W = TypeVar("_W", bound=QWidget)

LEGAL_FORMS = ["ООО", "АО", "ПАО", "НАО", "ИП", "ЗАО", "ОАО", "ГУП", "МУП", "АНО", "НКО"]


class _Form:
    """Fields laid out two per row, each with its error label (from `errors`) underneath."""

    def __init__(self, grid: QGridLayout, errors: FieldErrors) -> None:
        self.grid = grid
        self.row = 0
        self.col = 0
        self._errors = errors
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}  # each field's title and its error label
        self.error_labels: dict[str, QLabel] = {}

    def add(self, key: str, title: str, widget: _W, *, span: bool = False) -> _W:
        if span and self.col:
            self.row += 3
            self.col = 0
        label = QLabel(title)
        label.setStyleSheet("font-size: 12px;")
        style.set_tone(label, "muted")
        label.setBuddy(widget)
        colspan = 2 if span else 1
        self.grid.addWidget(label, self.row, self.col, 1, colspan)
        self.grid.addWidget(widget, self.row + 1, self.col, 1, colspan)
        error = self._errors.attach(key, widget)
        self.grid.addWidget(error, self.row + 2, self.col, 1, colspan)
        self.widgets[key] = widget
        self.labels[key] = label
        self.error_labels[key] = error
        if span or self.col == 1:
            self.row += 3
            self.col = 0
        else:
            self.col = 1
        return widget

    def set_shown(self, key: str, shown: bool) -> None:
        """Show or hide a field with its title (its error label only while it has one)."""
        self.labels[key].setVisible(shown)
        self.widgets[key].setVisible(shown)
        if not shown:
            self.error_labels[key].hide()

    def section(self, title: str) -> None:
        if self.col:
            self.row += 3
            self.col = 0
        label = named(QLabel(title), "sectionTitle")
        label.setStyleSheet("margin-top: 8px;")
        self.grid.addWidget(label, self.row, 0, 1, 2)
        self.row += 1


class ContactsModel(RecordTableModel[ContactDraft]):
    """The card's contact persons (edited in memory, saved with the client)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("ClientCard", "Имя"), lambda c: c.name),
            Column(translate("ClientCard", "Должность"), lambda c: c.position),
            Column(translate("ClientCard", "Телефон"),
                   lambda c: ", ".join(p for p in (c.phone, c.phone2) if p)),
            Column(translate("ClientCard", "E-mail"), lambda c: c.email),
            Column(translate("ClientCard", "День рождения"), lambda c: short_date(c.birthday)),
            Column(translate("ClientCard", "Рассылка"),
                   lambda c: "✓" if c.mailing_consent else "",
                   tooltip=lambda c: translate("ClientCard", "Дал согласие на рассылку")
                   if c.mailing_consent else translate("ClientCard", "Согласия на рассылку нет"),
                   align=Qt.AlignmentFlag.AlignCenter),
            Column(translate("ClientCard", "Основной"), lambda c: "★" if c.is_primary else "",
                   color=lambda _c: style.WARNING, align=Qt.AlignmentFlag.AlignCenter),
        ], parent)

    def upsert(self, row: int | None, contact: ContactDraft) -> int:
        """Add (`row` None) or replace a contact; a new primary contact demotes the others."""
        if contact.is_primary:
            for i, c in enumerate(self._rows):
                if c.is_primary and i != row:
                    self._rows[i] = replace(c, is_primary=False)
                    self._row_changed(i)
        if row is None:
            return self.append_row(contact)
        self.replace_row(row, contact)
        return row


def _timeline_kind(kind: str) -> str:
    if kind.startswith("activity:"):
        return activity_kind_label(kind.removeprefix("activity:"))
    labels = {
        "deal": translate("ClientCard", "Сделка"),
        "stage": translate("ClientCard", "Этап"),
        "deal_closed": translate("ClientCard", "Сделка"),
        "payment": translate("ClientCard", "Оплата"),
        "offer": translate("ClientCard", "КП"),
        "order": translate("ClientCard", "Заказ"),
        "shipment": translate("ClientCard", "Отгрузка"),
        "complaint": translate("ClientCard", "Рекламация"),
        "score": translate("ClientCard", "Оценка"),
    }
    return labels.get(kind, kind)


_TIMELINE_TONES = {"deal": "accent", "stage": "accent", "deal_closed": "success",
                   "offer": "accent", "order": "success", "shipment": "success",
                   "payment": "success", "complaint": "danger", "score": "warning"}


def _timeline_group(group: str) -> str:
    """`Все дела`, `Сделки`…: the history filter's groups (TIMELINE_GROUPS)."""
    labels = {
        "activity": translate("ClientCard", "Все дела"),
        "deal": translate("ClientCard", "Сделки и этапы"),
        "offer": translate("ClientCard", "КП"),
        "order": translate("ClientCard", "Заказы"),
        "payment": translate("ClientCard", "Оплаты"),
        "complaint": translate("ClientCard", "Рекламации"),
        "score": translate("ClientCard", "Оценки"),
    }
    return labels.get(group, group)


class TimelineModel(RecordTableModel[TimelineEntry]):
    """The client's history: activities, deals, offers, orders, complaints, scores."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("ClientCard", "Дата"),
                   lambda e: short_date(e.when)),
            Column(translate("ClientCard", "Тип"), lambda e: _timeline_kind(e.kind),
                   color=lambda e: style.tone_colour(_TIMELINE_TONES.get(e.kind, "muted"))),
            Column(translate("ClientCard", "Событие"), lambda e: e.title),
            Column(translate("ClientCard", "Подробности"), lambda e: e.detail.replace("\n", " "),
                   tooltip=lambda e: e.detail),
        ], parent)


def _list_table(model: QAbstractItemModel) -> QTableView:
    """A read-only table of the card (contacts, history, activities): whole rows, one at a time."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def _links_label() -> QLabel:
    """A label of tel:/mailto: links, handed to the system when clicked."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.linkActivated.connect(open_link)
    return label


class NoteEdit(QPlainTextEdit):
    """A note field: Ctrl+Enter submits it, Enter starts a new line.

    Signals:
        submitted(): Ctrl+Enter was pressed.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ContactDialog(EditorDialog):
    """One contact person; checked with the same rules as the card before it closes.

    The card takes the contact on `accepted` (not after `exec()` returns), so a contact kept
    while the app quits is in the card before the card itself is asked.
    """

    def __init__(self, contact: ContactDraft | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClientCard", "Контактное лицо"))
        self.setMinimumWidth(560)
        self.contact = contact or ContactDraft()
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.errors = FieldErrors()
        self.form = _Form(grid, self.errors)
        c = self.contact
        self.name_edit = self.form.add("name", translate("ClientCard", "ФИО *"),
                                       QLineEdit(c.name), span=True)
        self.position_edit = self.form.add("position", translate("ClientCard", "Должность"),
                                           QLineEdit(c.position))
        self.messenger_edit = self.form.add(
            "messenger", translate("ClientCard", "Мессенджер"), QLineEdit(c.messenger))
        self.phone_edit = self.form.add("phone", translate("ClientCard", "Телефон"),
                                        QLineEdit(c.phone))
        self.phone2_edit = self.form.add("phone2", translate("ClientCard", "Второй телефон"),
                                         QLineEdit(c.phone2))
        self.email_edit = self.form.add("email", translate("ClientCard", "E-mail"),
                                        QLineEdit(c.email))
        birthday = DateEdit()
        birthday.setCalendarPopup(True)
        birthday.setDisplayFormat("dd.MM.yyyy")
        birthday.setMinimumDate(QDate(1900, 1, 1))
        birthday.setSpecialValueText(translate("ClientCard", "не указан"))
        birthday.setDate(to_qdate(c.birthday) if c.birthday else birthday.minimumDate())
        self.birthday_edit = self.form.add("birthday", translate("ClientCard", "День рождения"),
                                           birthday)
        self.primary_check = QCheckBox(translate("ClientCard", "Основное контактное лицо"))
        self.primary_check.setChecked(c.is_primary)
        grid.addWidget(self.primary_check, self.form.row + 3, 0, 1, 1)
        self.consent_check = QCheckBox(translate("ClientCard", "Согласие на рассылку"))
        self.consent_check.setToolTip(translate(
            "ClientCard", "Контакт согласился получать рассылки: только такие контакты "
                          "попадают в выгрузку рассылки"))
        self.consent_check.setChecked(c.mailing_consent)
        grid.addWidget(self.consent_check, self.form.row + 3, 1, 1, 1)
        self.form.row += 4
        self.form.col = 0
        self.notes_edit = self.form.add("notes", translate("ClientCard", "Заметки"),
                                        QPlainTextEdit(c.notes), span=True)
        self.notes_edit.setFixedHeight(70)
        self.phone_edit.setPlaceholderText("+7 916 123-45-67")
        self.email_edit.setPlaceholderText("name@company.ru")
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(translate("ClientCard", "Отмена"))
        cancel.clicked.connect(self.reject)
        ok = QPushButton(translate("ClientCard", "Готово"))
        ok.setObjectName("primary")
        ok.setDefault(True)
        ok.clicked.connect(self._on_ok_clicked)
        for button in in_platform_order(ok, cancel):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.track_changes(values=self.value, save=self.save)

    def value(self) -> ContactDraft:
        bd = self.birthday_edit.date()
        birthday = None if bd == self.birthday_edit.minimumDate() else to_date(bd)
        return ContactDraft(
            id=self.contact.id, name=self.name_edit.text(), position=self.position_edit.text(),
            phone=self.phone_edit.text(), phone2=self.phone2_edit.text(),
            email=self.email_edit.text(), messenger=self.messenger_edit.text(),
            birthday=birthday, is_primary=self.primary_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
            mailing_consent=self.consent_check.isChecked())

    def _on_ok_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Check the contact and close with it (the card saves it with the client)."""
        try:
            clean = validate_draft(ClientDraft(name="-", contacts=(self.value(),)))
        except ValidationError as exc:
            # The card's rules name the fields `contacts.0.<field>`.
            self.errors.show({key.rsplit(".", 1)[-1]: message
                              for key, message in exc.errors.items()})
            return False
        self.contact = replace(clean.contacts[0], is_primary=self.primary_check.isChecked())
        self.accept()
        return True


class _Figure(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(named(QLabel(title), "cardTitle"))
        self.value = named(QLabel("—"), "cardValue")
        layout.addWidget(self.value)


class ClientCardDialog(EditorDialog):
    """Create or edit one client; closing it with unsaved changes asks first.

    Signals:
        open_client_requested(int): the user chose to open an existing duplicate instead.
    """

    open_client_requested = Signal(int)

    def __init__(self, *, services: Services, client_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.client_id = client_id
        self.saved_id: int | None = None
        self.changed = False
        self._card = services.clients.get(client_id) if client_id is not None else None
        self._archived = bool(self._card and self._card.archived)
        self.setWindowTitle(translate("ClientCard", "Новый клиент") if client_id is None
                            else translate("ClientCard", "Карточка клиента"))
        self.resize(900, 720)
        options = services.clients.filter_options()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        # --- header ------------------------------------------------------------------------
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle_label = QLabel()
        style.set_tone(self.subtitle_label, "muted")
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        # the client's payments not yet allocated to an order (shown when there are any)
        self.credit_label = QLabel()
        self.credit_label.setObjectName("clientCredit")
        self.credit_label.setStyleSheet("font-weight: 600;")
        style.set_tone(self.credit_label, "success")
        self.credit_label.hide()
        titles.addWidget(self.credit_label)
        self.links_label = _links_label()
        titles.addWidget(self.links_label)
        head.addLayout(titles, 1)
        self.new_activity_button = QPushButton(translate("ClientCard", "+ Дело…"))
        self.new_activity_button.setToolTip(translate(
            "ClientCard", "Запланировать звонок, встречу, презентацию, письмо или задачу"))
        self.new_activity_button.clicked.connect(lambda: self.new_activity())
        self.log_call_button = QPushButton(translate("ClientCard", "Записать звонок…"))
        self.log_call_button.clicked.connect(lambda: self.log_call())
        for b in (self.new_activity_button, self.log_call_button):
            b.setAutoDefault(False)
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        self.status_pill = StatusPill()
        head.addWidget(self.status_pill, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        style.set_notice(self.banner, "danger")
        outer.addWidget(self.banner)
        self.errors = FieldErrors(banner=self.banner)

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        # --- requisites ----------------------------------------------------------------------
        req = self._scroll_page(translate("ClientCard", "Реквизиты"))
        grid = QGridLayout(req)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        f = self.form = _Form(grid, self.errors)
        self.kind_combo = QComboBox()
        for k in CLIENT_KINDS:
            self.kind_combo.addItem(kind_label(k), k)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        f.add("kind", translate("ClientCard", "Вид"), self.kind_combo)
        self.legal_form_combo = self._editable_combo(LEGAL_FORMS)
        f.add("legal_form", translate("ClientCard", "Организационно-правовая форма"),
              self.legal_form_combo)
        self.name_edit = f.add("name", translate("ClientCard", "Краткое название *"),
                               QLineEdit(), span=True)
        self.name_edit.setPlaceholderText(translate("ClientCard", "ООО «Ромашка»"))
        self.name_edit.textChanged.connect(self._update_header)
        self.full_name_edit = f.add("full_name", translate("ClientCard", "Полное наименование"),
                                    QLineEdit(), span=True)
        self.inn_edit = f.add("inn", translate("ClientCard", "ИНН"), QLineEdit())
        self.kpp_edit = f.add("kpp", translate("ClientCard", "КПП"), QLineEdit())
        self.ogrn_edit = f.add("ogrn", translate("ClientCard", "ОГРН"), QLineEdit())
        self.website_edit = f.add("website", translate("ClientCard", "Сайт"), QLineEdit())
        self.phone_edit = f.add("phone", translate("ClientCard", "Телефон"), QLineEdit())
        self.phone_edit.setPlaceholderText("+7 495 123-45-67")
        self.email_edit = f.add("email", translate("ClientCard", "E-mail"), QLineEdit())
        self.email_edit.setPlaceholderText("info@company.ru")
        self.legal_address_edit = f.add("legal_address",
                                        translate("ClientCard", "Юридический адрес"),
                                        QPlainTextEdit(), span=True)
        self.postal_address_edit = f.add("postal_address",
                                         translate("ClientCard", "Почтовый адрес"),
                                         QPlainTextEdit(), span=True)
        for address_edit in (self.legal_address_edit, self.postal_address_edit):
            address_edit.setFixedHeight(52)
        f.section(translate("ClientCard", "Банковские реквизиты"))
        self.bank_name_edit = f.add("bank_name", translate("ClientCard", "Банк"), QLineEdit(),
                                    span=True)
        self.bik_edit = f.add("bik", translate("ClientCard", "БИК"), QLineEdit())
        self.corr_account_edit = f.add("corr_account", translate("ClientCard", "Корр. счёт"),
                                       QLineEdit())
        self.settlement_account_edit = f.add(
            "settlement_account", translate("ClientCard", "Расчётный счёт"), QLineEdit())
        for edit, mask in ((self.inn_edit, 12), (self.kpp_edit, 9), (self.ogrn_edit, 15),
                           (self.bik_edit, 9), (self.corr_account_edit, 20),
                           (self.settlement_account_edit, 20)):
            edit.setMaxLength(mask + 6)
        grid.setRowStretch(f.row + 1, 1)

        # --- contacts -----------------------------------------------------------------------
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contacts_model = ContactsModel(self)
        self.contacts_view = _list_table(self.contacts_model)
        self.contacts_view.verticalHeader().setDefaultSectionSize(30)
        self.contacts_view.setWordWrap(True)
        ch = self.contacts_view.horizontalHeader()
        ch.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.contacts_view.doubleClicked.connect(lambda i: self.edit_contact(i.row()))
        layout.addWidget(self.contacts_view, 1)
        self.contacts_error = self.errors.attach_rows(
            "contacts", self.contacts_view, describe=self._contact_problem)
        layout.addWidget(self.contacts_error)
        self.contact_links_label = _links_label()
        layout.addWidget(self.contact_links_label)
        self.contacts_view.selectionModel().selectionChanged.connect(
            self._on_contacts_selection_changed)
        row = QHBoxLayout()
        add = QPushButton(translate("ClientCard", "+ Добавить"))
        add.clicked.connect(lambda: self.edit_contact(None))
        change = QPushButton(translate("ClientCard", "Изменить…"))
        change.clicked.connect(lambda: self.edit_contact(self._contact_row()))
        remove = QPushButton(translate("ClientCard", "Удалить"))
        remove.clicked.connect(self._on_remove_contact_clicked)
        for b in (add, change, remove):
            row.addWidget(b)
        row.addStretch(1)
        self.contact_activity_button = QPushButton(translate("ClientCard", "+ Дело с контактом…"))
        self.contact_activity_button.clicked.connect(self._on_contact_activity_clicked)
        self.contact_call_button = QPushButton(translate("ClientCard", "Записать звонок…"))
        self.contact_call_button.clicked.connect(self._on_contact_call_clicked)
        row.addWidget(self.contact_activity_button)
        row.addWidget(self.contact_call_button)
        layout.addLayout(row)
        self.tabs.addTab(page, translate("ClientCard", "Контакты"))

        # --- classification --------------------------------------------------------------------
        cls = self._scroll_page(translate("ClientCard", "Классификация"))
        self._class_tab = self.tabs.count() - 1
        grid = QGridLayout(cls)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        c = self.class_form = _Form(grid, self.errors)
        self.status_combo = QComboBox()
        for code in CLIENT_STATUSES:
            self.status_combo.addItem(status_label(code), code)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        c.add("status", translate("ClientCard", "Статус"), self.status_combo)
        # a lost or churned client: why, and to whom (asked when the status is set)
        self.churn_reason_combo = QComboBox()
        self.churn_reason_combo.addItem(translate("ClientCard", "— почему клиент ушёл? —"), "")
        for code, label in churn_reason_choices():
            self.churn_reason_combo.addItem(label, code)
        self.churn_reason_combo.currentIndexChanged.connect(self._update_churn_fields)
        self.churn_competitor_combo = QComboBox()
        self.churn_competitor_combo.addItem("—", None)
        for competitor in services.clients.competitor_choices():
            self.churn_competitor_combo.addItem(competitor.name, competitor.id)
        self.churn_competitor_combo.setToolTip(translate(
            "ClientCard", "Из реестра конкурентов (вкладка «Рынок»)"))
        self.segment_combo = c.add("segment", translate("ClientCard", "Сегмент"),
                                   self._editable_combo(options.segments))
        self.document_language_combo = QComboBox()
        for code in DOCUMENT_LANGUAGES:
            self.document_language_combo.addItem(document_language_label(code), code)
        self.document_language_combo.setToolTip(translate(
            "ClientCard", "На каком языке выпускаются КП, счета и протоколы этого клиента — "
                          "независимо от языка программы"))
        c.add("document_language", translate("ClientCard", "Язык документов"),
              self.document_language_combo)
        c.add("churn_reason", translate("ClientCard", "Причина ухода *"),
              self.churn_reason_combo)
        c.add("churn_competitor_id", translate("ClientCard", "К какому конкуренту"),
              self.churn_competitor_combo)
        self.tags_edit = TagsEdit()
        self.tags_edit.set_known_tags(options.tags)
        self.tags_edit.setPlaceholderText(translate("ClientCard", "через запятую: VIP, сеть"))
        c.add("tags", translate("ClientCard", "Метки"), self.tags_edit, span=True)
        self.industry_combo = c.add("industry", translate("ClientCard", "Отрасль"),
                                    self._editable_combo(options.industries))
        self.region_combo = c.add("region", translate("ClientCard", "Регион"),
                                  self._editable_combo(options.regions))
        self.lead_source_combo = c.add("lead_source", translate("ClientCard", "Источник (канал)"),
                                       self._editable_combo(options.lead_sources))
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem("—", None)
        for campaign in services.market.campaign_choices():
            self.campaign_combo.addItem(campaign.name, campaign.id)
        self.campaign_combo.setToolTip(translate(
            "ClientCard", "Кампания, которая привела клиента (выставка, рассылка…): его новые "
                          "сделки получат её же"))
        c.add("campaign_id", translate("ClientCard", "Кампания"), self.campaign_combo)
        self.loyalty_tier_combo = c.add("loyalty_tier",
                                        translate("ClientCard", "Уровень лояльности"),
                                        self._editable_combo(options.loyalty_tiers))
        self.responsible_combo = c.add("responsible", translate("ClientCard", "Ответственный"),
                                       self._editable_combo(options.responsibles))
        self.service_every_spin = c.add("service_every_days",
                                        translate("ClientCard", "Сервисный звонок"),
                                        QSpinBox())
        # 0 shows as «по ритму сегмента»: the client has no rhythm of its own
        self.service_every_spin.setRange(0, MAX_RHYTHM_DAYS)
        self.service_every_spin.setSpecialValueText(translate("ClientCard",
                                                              "по ритму сегмента"))
        self.service_every_spin.setPrefix(translate("ClientCard", "раз в "))
        self.service_every_spin.setSuffix(translate("ClientCard", " дн."))
        self.service_every_spin.setToolTip(translate(
            "ClientCard", "Как часто звонить клиенту без повода; без своего ритма — как "
                          "задано для его сегмента (Правка → Ритм работы с клиентами…)"))
        self.notes_edit = c.add("notes", translate("ClientCard", "Примечание"),
                                QPlainTextEdit(), span=True)
        self.notes_edit.setMinimumHeight(120)
        grid.setRowStretch(c.row + 1, 1)

        # --- timeline, activities and purchases (existing clients only) -----------------------
        history = QWidget()
        hl = QVBoxLayout(history)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("ClientCard", "Показать:")))
        self.timeline_filter = QComboBox()
        self.timeline_filter.currentIndexChanged.connect(self._show_timeline)
        bar.addWidget(self.timeline_filter)
        bar.addStretch(1)
        hl.addLayout(bar)
        self.timeline_model = TimelineModel(self)
        self._timeline: list[TimelineEntry] = []
        timeline = _list_table(self.timeline_model)
        timeline.doubleClicked.connect(self._on_timeline_double_clicked)
        timeline.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        timeline.customContextMenuRequested.connect(
            lambda pos: self._show_activity_menu(timeline, pos))
        th = timeline.horizontalHeader()
        th.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline_view = timeline
        hl.addWidget(timeline, 1)
        self.note_edit = NoteEdit()
        self.note_edit.setPlaceholderText(translate(
            "ClientCard", "Заметка о клиенте — Ctrl+Enter, чтобы добавить в историю"))
        self.note_edit.setFixedHeight(56)
        self.note_edit.submitted.connect(self.add_note)
        hl.addWidget(self.note_edit)
        self.note_error = error_label()
        hl.addWidget(self.note_error)
        self.history_page = history
        self.tabs.addTab(history, translate("ClientCard", "История"))
        self.activities_page = self._build_activities()
        self.tabs.addTab(self.activities_page, translate("ClientCard", "Дела"))
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(12)
        self.figures = {
            "total": _Figure(translate("ClientCard", "Выручка за всё время")),
            "orders": _Figure(translate("ClientCard", "Заказов")),
            "average": _Figure(translate("ClientCard", "Средний заказ")),
            "between": _Figure(translate("ClientCard", "Между заказами, в среднем")),
            "last": _Figure(translate("ClientCard", "Последняя покупка")),
            "first": _Figure(translate("ClientCard", "Первая покупка")),
        }
        for n, fig in enumerate(self.figures.values()):
            grid.addWidget(fig, n // 3, n % 3)
        grid.setRowStretch(2, 1)
        self.purchases_page = page
        self.tabs.addTab(page, translate("ClientCard", "Покупки"))

        # --- buttons -----------------------------------------------------------------------------
        buttons = QHBoxLayout()
        self.handover_button = QPushButton(translate("ClientCard", "Сводка для передачи (PDF)"))
        self.handover_button.setToolTip(translate(
            "ClientCard", "Реквизиты, контакты, открытые сделки и последние дела — для коллеги, "
                          "которому вы передаёте клиента"))
        self.handover_button.clicked.connect(self._on_handover_clicked)
        self.archive_button = QPushButton(
            translate("ClientCard", "Вернуть из архива") if self._archived
            else translate("ClientCard", "В архив"))
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.statement_button = QPushButton(translate("ClientCard", "Акт сверки…"))
        self.statement_button.setToolTip(translate(
            "ClientCard", "Акт сверки взаиморасчётов с клиентом за период (PDF)"))
        self.statement_button.clicked.connect(self._on_statement_clicked)
        buttons.addWidget(self.statement_button)
        buttons.addWidget(self.handover_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        cancel = QPushButton(translate("ClientCard", "Отмена"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(translate("ClientCard", "Сохранить"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in in_platform_order(self.save_button, cancel):
            buttons.addWidget(button)
        outer.addLayout(buttons)

        self._fields: dict[str, QWidget] = {**self.form.widgets, **self.class_form.widgets}
        if self._card is not None:
            self._load(self._card.draft)
            self.reload_history()
            self._load_summary()
            self._load_credit()
        else:
            self._load(services.clients.new_draft())
            for page in (self.history_page, self.activities_page, self.purchases_page):
                self.tabs.setTabEnabled(self.tabs.indexOf(page), False)
            self.archive_button.hide()
            self.statement_button.hide()
            self.handover_button.hide()
            self.new_activity_button.hide()
            self.log_call_button.hide()
        self._update_contact_actions()
        self.handover_button.setVisible(self._card is not None and _handover_available())
        self._update_header()
        self.name_edit.setFocus()
        self.track_changes(values=self.draft, save=self.save)

    def _build_activities(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        new = QPushButton(translate("ClientCard", "+ Новое дело…"))
        new.clicked.connect(lambda: self.new_activity())
        call = QPushButton(translate("ClientCard", "Записать звонок…"))
        call.clicked.connect(lambda: self.log_call())
        self.complete_activity_button = QPushButton(translate("ClientCard", "Завершить…"))
        self.complete_activity_button.clicked.connect(self._on_complete_activity_clicked)
        self.edit_activity_button = QPushButton(translate("ClientCard", "Изменить…"))
        self.edit_activity_button.clicked.connect(self._on_edit_activity_clicked)
        # reschedule, done, another deal for the selected ones, and the undo of the last
        self.activity_actions_button = QPushButton(translate("ClientCard", "С выбранными"))
        self.activity_actions_menu = QMenu(self.activity_actions_button)
        self.activity_actions_menu.aboutToShow.connect(self._fill_activity_actions_menu)
        self.activity_actions_button.setMenu(self.activity_actions_menu)
        for b in (new, call, self.complete_activity_button, self.edit_activity_button,
                  self.activity_actions_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.activities_model = ActivityListModel(self, show_deal=True)
        view = _list_table(self.activities_model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_activity_columns(view)
        view.doubleClicked.connect(lambda _i: self._on_edit_activity_clicked())
        view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_activity_buttons())
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos: self._show_activity_menu(view, pos))
        self.activities_view = view
        v.addWidget(view, 1)
        self.activity_status = QLabel()
        style.set_tone(self.activity_status, "muted")
        v.addWidget(self.activity_status)
        self.activity_bulk = ActivityBulkActions(
            services=self._services, parent=self, selected=self.selected_activity_targets)
        self.activity_bulk.changed.connect(lambda: self._after_activity(True))
        self.activity_bulk.message.connect(self.activity_status.setText)
        # the window's Правка menu is out of reach behind this dialog: its keys here, on the
        # same history (app.views.undo), and the list re-read after each undo or redo
        for keys, slot in ((QKeySequence(QKeySequence.StandardKey.Undo), self.activity_bulk.undo),
                           (QKeySequence("Ctrl+Shift+Z"), self.activity_bulk.redo)):
            shortcut = QShortcut(keys, page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        undo_history = history()
        undo_history.changed.connect(self._on_undo_history_changed)
        undo_history.failed.connect(self._on_undo_history_failed)
        return page

    def _on_undo_history_changed(self) -> None:
        self._after_activity(True)

    def _on_undo_history_failed(self, message: str) -> None:
        self.activity_status.setText(message)
        self._after_activity(True)

    def selected_activity_targets(self) -> list[Target]:
        """The activities selected in the list in front: the Дела list, or the activity
        rows of the История timeline."""
        if self.tabs.currentWidget() is self.history_page:
            by_id = {a.id: a for a in self.activities_model.rows()}
            rows = sorted({i.row() for i in self.timeline_view.selectionModel().selectedRows()})
            found = [by_id.get(e.ident) for r in rows
                     if (e := self.timeline_model.row_at(r)) is not None
                     and e.group == "activity" and e.ident is not None]
        else:
            rows = sorted({i.row() for i in self.activities_view.selectionModel().selectedRows()})
            found = [self.activities_model.row_at(r) for r in rows]
        return [Target(a.id, a.client_id, a.deal_id, a.done) for a in found if a is not None]

    def _fill_activity_actions_menu(self) -> None:
        self.activity_actions_menu.clear()
        self.activity_bulk.add_to_menu(self.activity_actions_menu)
        if self.activity_actions_menu.isEmpty():
            self.activity_actions_menu.addAction(
                translate("ClientCard", "Выберите дела в списке")).setEnabled(False)

    def activity_menu(self) -> QMenu:
        """The selected activities' menu (built afresh each time)."""
        menu = QMenu(self)
        self.activity_bulk.add_to_menu(menu)
        return menu

    def _show_activity_menu(self, view: QTableView, pos: QPoint) -> None:
        menu = self.activity_menu()
        if not menu.isEmpty():
            menu.exec(view.viewport().mapToGlobal(pos))

    # --- timeline and activities --------------------------------------------------------------
    def reload_history(self) -> None:
        """Re-read the timeline and the activities (after an activity or a note was stored)."""
        if self.client_id is None:
            return
        self._timeline = self._services.clients.timeline(self.client_id)
        groups = {e.group for e in self._timeline}
        activity_kinds = sorted({e.kind for e in self._timeline if e.group == "activity"},
                                key=_timeline_kind)
        chosen = self.timeline_filter.currentData()
        self.timeline_filter.blockSignals(True)
        self.timeline_filter.clear()
        self.timeline_filter.addItem(translate("ClientCard", "всё"), "")
        for group in TIMELINE_GROUPS:
            if group not in groups:
                continue
            self.timeline_filter.addItem(_timeline_group(group), group)
            if group == "activity":  # and each kind of activity on its own
                for kind in activity_kinds:
                    self.timeline_filter.addItem("   " + _timeline_kind(kind), kind)
        self.timeline_filter.setCurrentIndex(max(self.timeline_filter.findData(chosen), 0))
        self.timeline_filter.blockSignals(False)
        self._show_timeline()
        self.activities_model.set_rows(self._services.activities.for_client(self.client_id))
        self._update_activity_buttons()

    def _show_timeline(self, *_: object) -> None:
        wanted = self.timeline_filter.currentData() or ""
        self.timeline_model.set_rows([e for e in self._timeline if not wanted
                                      or wanted in (e.kind, e.group)])

    def _on_timeline_double_clicked(self, index: QModelIndex) -> None:
        entry = self.timeline_model.row_at(index.row())
        if entry is not None and entry.group == "activity" and entry.ident is not None:
            self._after_activity(bool(ActivityEditor(
                services=self._services, activity_id=entry.ident, parent=self).exec()))

    def add_note(self) -> bool:
        """Ctrl+Enter in the note field: the note goes into the client's history."""
        text = self.note_edit.toPlainText().strip()
        if self.client_id is None or not text:
            return False
        try:
            self._services.clients.add_note(self.client_id, text)
        except ServiceError as exc:
            self.note_error.setText(str(exc))
            self.note_error.show()
            return False
        self.note_error.hide()
        self.note_edit.clear()
        self.changed = True
        self.reload_history()
        return True

    def current_activity(self) -> ActivityDetail | None:
        return self.activities_model.row_at(self.activities_view.currentIndex().row())

    def _update_activity_buttons(self) -> None:
        current = self.current_activity()
        self.complete_activity_button.setEnabled(current is not None and not current.done)
        self.edit_activity_button.setEnabled(current is not None)

    def _after_activity(self, stored: bool) -> bool:
        if stored:
            self.changed = True
            self.reload_history()
        return stored

    def new_activity(self, contact_id: int | None = None) -> bool:
        """The activity editor for this client (and `contact_id`); True when one was stored."""
        if self.client_id is None:
            return False
        editor = ActivityEditor(services=self._services, client_id=self.client_id,
                                contact_id=contact_id, parent=self)
        return self._after_activity(bool(editor.exec()))

    def log_call(self, contact_id: int | None = None) -> bool:
        if self.client_id is None:
            return False
        dialog = CallLogDialog(services=self._services, client_id=self.client_id,
                               contact_id=contact_id, parent=self)
        return self._after_activity(bool(dialog.exec()))

    def _on_complete_activity_clicked(self) -> None:
        current = self.current_activity()
        if current is not None and not current.done:
            self._after_activity(bool(CompletionDialog(
                services=self._services, activity_id=current.id, parent=self).exec()))

    def _on_edit_activity_clicked(self) -> None:
        current = self.current_activity()
        if current is not None:
            self._after_activity(bool(ActivityEditor(
                services=self._services, activity_id=current.id, parent=self).exec()))

    # --- building helpers -------------------------------------------------------------------
    def _scroll_page(self, title: str) -> QWidget:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: its fields are
        inner = QWidget()
        inner.setObjectName("cardPage")
        area.setWidget(inner)
        self.tabs.addTab(area, title)
        return inner

    @staticmethod
    def _editable_combo(values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(["", *list(values)])
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    # --- loading and reading the form -----------------------------------------------------
    def _load(self, d: ClientDraft) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(d.kind), 0))
        self.status_combo.blockSignals(True)  # loading is not the user marking the client
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(d.status), 0))
        self.status_combo.blockSignals(False)
        self.campaign_combo.setCurrentIndex(max(self.campaign_combo.findData(d.campaign_id), 0))
        self.churn_reason_combo.setCurrentIndex(
            max(self.churn_reason_combo.findData(d.churn_reason), 0))
        self.churn_competitor_combo.setCurrentIndex(
            max(self.churn_competitor_combo.findData(d.churn_competitor_id), 0))
        self._update_churn_fields()
        self.document_language_combo.setCurrentIndex(
            max(self.document_language_combo.findData(d.document_language), 0))
        for key, widget in self._fields.items():
            value = getattr(d, key, None)
            if isinstance(widget, QLineEdit) and not isinstance(widget, TagsEdit):
                widget.setText(value or "")
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QComboBox) and widget.isEditable():
                widget.setCurrentText(value or "")
        self.tags_edit.set_tags(d.tags)
        self.service_every_spin.setValue(d.service_every_days or 0)
        self.contacts_model.set_rows(d.contacts)
        self._on_kind_combo_changed()

    def draft(self) -> ClientDraft:
        values: dict[str, Any] = {}
        for key, widget in self._fields.items():
            if isinstance(widget, TagsEdit):
                continue
            if isinstance(widget, QLineEdit):
                values[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentData() if not widget.isEditable() \
                    else widget.currentText()
        return ClientDraft(**values, tags=self.tags_edit.tags(),
                           contacts=tuple(self.contacts_model.rows()),
                           service_every_days=self.service_every_spin.value() or None)

    def _load_summary(self) -> None:
        assert self._card is not None
        s = self._services.clients.purchase_summary(self._card.id)
        self.figures["total"].value.setText(format_money(s.total))
        self.figures["orders"].value.setText(f"{s.orders:n}")
        self.figures["average"].value.setText(format_money(s.average) if s.orders else "—")
        self.figures["between"].value.setText(
            translate("ClientCard", "{n} дн.").format(n=f"{s.average_days_between:n}")
            if s.average_days_between is not None else "—")
        self.figures["last"].value.setText(short_date(s.last_purchase) or "—")
        self.figures["first"].value.setText(short_date(s.first_purchase) or "—")

    def _load_credit(self) -> None:
        """«Аванс: 1 000,00 ₽» under the name when the client has paid ahead (a payment not
        allocated to an order); nothing otherwise."""
        assert self._card is not None
        credit = self._services.receivables.credit(self._card.id)
        self.credit_label.setText(translate("ClientCard", "Аванс: {amount}").format(
            amount=format_money(credit)))
        self.credit_label.setToolTip(translate(
            "ClientCard", "Оплаты клиента, ещё не отнесённые к заказу"))
        self.credit_label.setVisible(credit != 0)

    def _on_statement_clicked(self) -> None:
        if self._card is None:
            return
        from app.views.clients.statement import show_statement

        show_statement(self, self._services, self._card.id, self.name_edit.text().strip(),
                       email=self.email_edit.text().strip())

    def _update_header(self) -> None:
        name = self.name_edit.text().strip()
        self.title_label.setText(name or translate("ClientCard", "Новый клиент"))
        parts = [kind_label(self.kind_combo.currentData())]
        if self._card is not None:
            parts.append(translate("ClientCard", "№ {id}").format(id=self._card.id))
            if self._archived:
                parts.append(translate("ClientCard", "в архиве"))
        if self.inn_edit.text().strip():
            parts.append(translate("ClientCard", "ИНН {inn}").format(inn=self.inn_edit.text()))
        self.subtitle_label.setText(" · ".join(parts))
        self.links_label.setText(links_html([self.phone_edit.text().strip()],
                                            [self.email_edit.text().strip()]))
        code = self.status_combo.currentData()
        self.status_pill.show_status(code, status_label(code))

    def _on_status_combo_changed(self, *_: Any) -> None:
        self._update_header()
        self._update_churn_fields()
        if (carries_churn_reason(self.status_combo.currentData())
                and not self.churn_reason_combo.currentData()):
            # the card asks why the client left: the reason is the next thing to fill in
            self.tabs.setCurrentIndex(self._class_tab)
            self.churn_reason_combo.setFocus()

    def _update_churn_fields(self, *_: Any) -> None:
        """The reason only for a lost or churned client, the competitor only «к конкуренту»;
        another status forgets both (as the service does)."""
        churned = carries_churn_reason(self.status_combo.currentData())
        if not churned:
            self.churn_reason_combo.setCurrentIndex(0)
        to_rival = churned and self.churn_reason_combo.currentData() == "competitor"
        if not to_rival:
            self.churn_competitor_combo.setCurrentIndex(0)
        self.class_form.set_shown("churn_reason", churned)
        self.class_form.set_shown("churn_competitor_id", to_rival)
        if self.churn_reason_combo.currentData():
            self.errors.clear_field("churn_reason")

    def _on_kind_combo_changed(self, *_: Any) -> None:
        kind = self.kind_combo.currentData()
        self.kpp_edit.setEnabled(kind == "organization")
        self.ogrn_edit.setPlaceholderText(
            translate("ClientCard", "13 цифр") if kind == "organization"
            else translate("ClientCard", "ОГРНИП, 15 цифр"))
        self.inn_edit.setPlaceholderText(
            translate("ClientCard", "10 цифр") if kind == "organization"
            else translate("ClientCard", "12 цифр"))
        self._update_header()

    # --- contacts -----------------------------------------------------------------------------
    def _contact_row(self) -> int | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def edit_contact(self, row: int | None) -> None:
        current = self.contacts_model.row(row) if row is not None else ContactDraft(
            is_primary=not self.contacts_model.rowCount())
        dialog = ContactDialog(current, self)
        dialog.accepted.connect(lambda: self.contacts_model.upsert(row, dialog.contact))
        dialog.exec()

    def _selected_contact(self) -> ContactDraft | None:
        row = self._contact_row()
        return self.contacts_model.row_at(row) if row is not None else None

    def _on_contacts_selection_changed(self, *_: object) -> None:
        self._update_contact_actions()

    def _update_contact_actions(self) -> None:
        contact = self._selected_contact()
        self.contact_links_label.setText(links_html(
            [p for p in (contact.phone, contact.phone2) if p], [contact.email])
            if contact is not None else "")
        stored = contact is not None and contact.id is not None and self.client_id is not None
        for b in (self.contact_activity_button, self.contact_call_button):
            b.setEnabled(stored)
            b.setToolTip("" if stored else translate(
                "ClientCard", "Выберите сохранённый контакт (новый — после сохранения карточки)"))

    def _on_contact_activity_clicked(self) -> None:
        contact = self._selected_contact()
        if contact is not None and contact.id is not None:
            self.new_activity(contact.id)

    def _on_contact_call_clicked(self) -> None:
        contact = self._selected_contact()
        if contact is not None and contact.id is not None:
            self.log_call(contact.id)

    def _on_remove_contact_clicked(self) -> None:
        row = self._contact_row()
        if row is None:
            return
        name = self.contacts_model.row(row).name
        if dialogs.confirm(self, translate("ClientCard", "Контактное лицо"), translate(
                "ClientCard", "Удалить контактное лицо «{name}»? Изменение сохранится вместе "
                              "с карточкой.").format(name=name)):
            self.contacts_model.remove_row(row)

    # --- saving ------------------------------------------------------------------------------
    def _contact_problem(self, row: int, message: str) -> str:
        contact = self.contacts_model.row_at(row)
        name = (contact.name if contact is not None else "") or translate(
            "ClientCard", "без имени")
        return f"{name}: {message}"

    def save(self) -> bool:
        draft = self.draft()
        try:
            clean = validate_draft(draft)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        missing = churn_reason_missing(self._card.draft.status if self._card else None, clean)
        if missing:
            self.errors.show(missing)
            return False
        self.errors.clear()
        if self._needs_duplicate_check(draft):
            matches = self._services.clients.find_duplicates(draft, exclude_id=self.client_id)
            if matches:
                answer = dialogs.ask_client_duplicates(self, matches)
                if answer is None:
                    return False
                if answer != "create":  # the user chose the existing client instead
                    self.close_discarding()
                    self.open_client_requested.emit(int(answer))
                    return False
        try:
            if self.client_id is None:
                card = self._services.clients.create(draft)
            else:
                card = self._services.clients.update(self.client_id, draft)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.saved_id = card.id
        self.changed = True
        self.accept()
        return True

    def _needs_duplicate_check(self, draft: ClientDraft) -> bool:
        if self._card is None:
            return True
        old = self._card.draft
        return any(getattr(old, k) != getattr(draft, k) for k in ("name", "inn", "phone",
                                                                  "email"))

    def _on_archive_clicked(self) -> None:
        assert self.client_id is not None
        outcome = self.unsaved.settle() if self.unsaved is not None else Settled.UNCHANGED
        if not outcome.goes_on:
            return
        self._services.clients.set_archived([self.client_id], not self._archived)
        record_archive(self._services.clients, [self.client_id], archived=not self._archived)
        self.changed = True
        if outcome is not Settled.SAVED:  # a save has closed the card already
            self.accept()

    def _on_handover_clicked(self) -> None:
        assert self.client_id is not None
        open_handover(self, self._services, self.client_id, self.name_edit.text())


def _handover_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("app.services.documents.client_handover") is not None
    except ModuleNotFoundError:
        return False


def open_handover(parent: QWidget, services: Services, client_id: int,
                  client_name: str = "") -> None:
    """Render the hand-over summary and show it in the PDF preview."""
    from app.views.clients.handover import show_handover

    show_handover(parent, services, client_id, client_name)


__all__ = ["ClientCardDialog", "ContactDialog"]
