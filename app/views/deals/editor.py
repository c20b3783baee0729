"""The deal editor: client and terms, lines from the catalog with the concession zone,
objections, negotiation notes, stage history and the deal's activities.

Other areas add their own sections (the documents area adds "Документы / Создать КП"):
either call `editor.add_section(title, widget)` on an editor they hold, or register a
factory once with `DealEditor.register_section(factory)`; each factory gets the editor
(`editor.deal_id`, `editor.services`, the `deal_saved` signal) and returns
`(title, widget)` or None.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
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
from app.services.activities import ActivityDetail
from app.services.deals import (
    DealDetail,
    DealInput,
    ObjectionInput,
    lost_reason_label,
)
from app.services.errors import ServiceError, ValidationError
from app.views import dialogs, style
from app.views.activities.call_log import CallLogDialog
from app.views.activities.complete import CompletionDialog
from app.views.activities.editor import ActivityEditor
from app.views.activities.list_model import ActivityListModel, fit_activity_columns
from app.views.clients.picker import ClientPicker, fill_contacts
from app.views.deals.common import parse_decimal
from app.views.deals.editor_models import (
    DaysBarDelegate,
    EditLine,
    HistoryModel,
    LinesModel,
    ObjectionsModel,
    VatDelegate,
)
from app.views.empty_state import EmptyHint
from app.views.forms import (
    DateEdit,
    FieldErrors,
    editor_head,
    error_banner,
    form_layout,
    in_platform_order,
    to_date,
    to_qdate,
)
from app.views.style import named
from app.views.unsaved import EditorDialog, RecordSwitch

SectionFactory = Callable[["DealEditor"], "tuple[str, QWidget] | None"]
NO_DATE = QDate(2000, 1, 1)


def _table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    return view


class DealEditor(EditorDialog):
    """Create or edit one deal; closing it with unsaved changes asks first.

    Signals:
        deal_saved(int): the deal was stored (its id).
    """

    deal_saved = Signal(int)
    _section_factories: list[SectionFactory] = []

    @classmethod
    def register_section(cls, factory: SectionFactory) -> None:
        """Add a section to every editor opened from now on (e.g. documents)."""
        if factory not in cls._section_factories:
            cls._section_factories.append(factory)

    def __init__(self, *, services: Services, deal_id: int | None = None,
                 client_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._deals = services.deals
        self.deal_id = deal_id
        self._won = False
        self._stage_probability = next((s.probability for s in self._deals.stages()
                                        if s.is_open), 10)
        self.setWindowTitle(translate("DealEditor", "Новая сделка") if deal_id is None
                            else translate("DealEditor", "Сделка"))
        self.resize(1060, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        head = editor_head()
        self.heading, self.stage_badge, self.amount_label = head.heading, head.badge, head.amount
        layout.addLayout(head.row)
        self.error_banner = error_banner()
        layout.addWidget(self.error_banner)
        self.errors = FieldErrors(banner=self.error_banner)
        self.sections = QTabWidget()
        layout.addWidget(self.sections, 1)
        self.sections.addTab(self._build_main(), translate("DealEditor", "Основное"))
        self.sections.addTab(self._build_lines(), translate("DealEditor", "Позиции"))
        self.sections.addTab(self._build_objections(), translate("DealEditor", "Возражения"))
        self.sections.addTab(self._build_terms(), translate("DealEditor", "Переговоры и условия"))
        self.sections.addTab(self._build_history(), translate("DealEditor", "История этапов"))
        self.sections.addTab(self._build_activities(), translate("DealEditor", "Дела"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(translate("DealEditor", "Отмена"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = named(QPushButton(translate("DealEditor", "Сохранить")), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._buttons = in_platform_order(self.save_button, self.cancel_button)
        for button in self._buttons:
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._load(client_id)
        for factory in self._section_factories:
            made = factory(self)
            if made is not None:
                self.add_section(*made)
        self.track_changes(values=self.edited_values, save=self.save)

    # --- extension point ----------------------------------------------------------------------
    def add_section(self, title: str, widget: QWidget) -> int:
        """Add a tab to the editor (documents, offers…); returns its index."""
        index = self.sections.addTab(widget, title)
        # made after the buttons, the page would come after them in Tab's round: they go last
        last: QWidget | None = None
        w: QWidget | None = widget.nextInFocusChain()
        while w is not None and w is not widget:
            if widget.isAncestorOf(w) and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = w
            w = w.nextInFocusChain()
        if last is not None:
            for button in self._buttons:
                QWidget.setTabOrder(last, button)
                last = button
        return index

    # --- building -----------------------------------------------------------------------------
    def _build_main(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setHorizontalSpacing(24)
        left = form_layout()
        right = form_layout()
        self.client_edit = ClientPicker(services=self.services)
        self.client_edit.client_chosen.connect(self._on_client_edit_client_chosen)
        self.contact_combo = QComboBox()
        self.title_edit = QLineEdit()
        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.source_combo.addItems(["", *self._deals.sources()])
        self.close_edit = DateEdit()
        self.close_edit.setCalendarPopup(True)
        self.close_edit.setDisplayFormat("dd.MM.yyyy")
        self.close_edit.setMinimumDate(NO_DATE)
        self.close_edit.setSpecialValueText(translate("DealEditor", "не указана"))
        self.probability_spin = QSpinBox()
        self.probability_spin.setRange(-1, 100)
        self.probability_spin.setSuffix(" %")
        self.manual_amount = QLineEdit()
        self.manual_amount.setPlaceholderText("0,00")
        self.notes_edit = QPlainTextEdit()
        self.errors.add_row(left, translate("DealEditor", "Клиент *"), "client",
                            self.client_edit)
        self.errors.add_row(left, translate("DealEditor", "Контактное лицо"), "contact",
                            self.contact_combo)
        self.errors.add_row(left, translate("DealEditor", "Название *"), "title",
                            self.title_edit)
        left.addRow(translate("DealEditor", "Источник"), self.source_combo)
        # the campaign that brought the deal: a new deal starts with its client's
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem("—", None)
        for campaign in self.services.market.campaign_choices():
            self.campaign_combo.addItem(campaign.name, campaign.id)
        self.campaign_combo.setToolTip(translate(
            "DealEditor", "Кампания, которая привела сделку (выставка, рассылка…); новая "
                          "сделка получает кампанию клиента"))
        self.errors.add_row(left, translate("DealEditor", "Кампания"), "campaign",
                            self.campaign_combo)
        # A new deal may start in any working stage (a warm lead goes straight to the
        # presentation); later the stage changes only by moving the card.
        self.stage_combo = QComboBox()
        for st in self._deals.stages():
            if st.is_open:
                self.stage_combo.addItem(st.name, st.id)
        self.stage_combo.currentIndexChanged.connect(self._on_stage_combo_changed)
        self._stage_row_label = QLabel(translate("DealEditor", "Начальный этап"))
        left.addRow(self._stage_row_label, self.stage_combo)
        self.errors.add_row(right, translate("DealEditor", "Ожидаемое закрытие"),
                            "expected_close", self.close_edit)
        self.errors.add_row(right, translate("DealEditor", "Вероятность"), "probability",
                            self.probability_spin)
        self.errors.add_row(right, translate("DealEditor", "Сумма, ₽"), "amount",
                            self.manual_amount)
        self.amount_hint = named(QLabel(), "cardNote")
        self.amount_hint.setWordWrap(True)
        right.addRow("", self.amount_hint)
        self.closed_info = named(QLabel(), "cardNote")
        self.closed_info.setWordWrap(True)
        right.addRow("", self.closed_info)
        self.after_sale = QWidget()  # a won deal past "won": ordered → shipped → paid
        after = QHBoxLayout(self.after_sale)
        after.setContentsMargins(0, 0, 0, 0)
        self.after_sale_label = QLabel()
        self.after_sale_label.setWordWrap(True)
        self.after_sale_label.setTextFormat(Qt.TextFormat.RichText)
        self.after_sale_button = QPushButton()
        self.after_sale_button.clicked.connect(self._on_after_sale_button_clicked)
        after.addWidget(self.after_sale_label, 1)
        after.addWidget(self.after_sale_button)
        self.after_sale_row = QLabel(translate("DealEditor", "После продажи"))
        self.after_sale.hide()
        self.after_sale_row.hide()
        right.addRow(self.after_sale_row, self.after_sale)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        style.set_notice(self.summary, "box")
        self.summary.hide()
        right.addRow("", self.summary)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(QLabel(translate("DealEditor", "Заметки")), 1, 0, 1, 2)
        grid.addWidget(self.notes_edit, 2, 0, 1, 2)
        grid.setRowStretch(2, 1)
        self.manual_amount.textEdited.connect(lambda _t: self._update_amount())
        return page

    def _build_lines(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        self.add_product_button = QPushButton(translate("DealEditor", "+ Из каталога…"))
        self.add_product_button.clicked.connect(self._on_add_product_clicked)
        self.add_free_line_button = QPushButton(translate("DealEditor", "+ Своя строка"))
        self.add_free_line_button.clicked.connect(self._on_add_free_line_clicked)
        self.remove_line_button = QPushButton(translate("DealEditor", "Удалить строку"))
        self.remove_line_button.clicked.connect(self._on_remove_line_clicked)
        # a removed line comes back (Ctrl+Z in the lines, or the button) until the deal is saved
        self.restore_line_button = QPushButton(translate("DealEditor", "Вернуть строку"))
        self.restore_line_button.setToolTip(translate(
            "DealEditor", "Вернуть последнюю удалённую строку (Ctrl+Z)"))
        self.restore_line_button.clicked.connect(self.restore_line)
        self.restore_line_button.setEnabled(False)
        self._removed_lines: list[tuple[int, EditLine]] = []
        bar.addWidget(self.add_product_button)
        bar.addWidget(self.add_free_line_button)
        bar.addWidget(self.remove_line_button)
        bar.addWidget(self.restore_line_button)
        bar.addStretch(1)
        v.addLayout(bar)
        self.lines_model = LinesModel(self)
        self.lines_view = _table(self.lines_model)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.lines_view)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.restore_line)
        self.lines_hint = EmptyHint(self.lines_view, translate(
            "DealEditor", "Позиций нет: «+ Из каталога…» или «+ Своя строка» — сумма сделки "
                          "посчитается по ним (или укажите её на вкладке «Основное»)."))
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.lines_view.setItemDelegateForColumn(LinesModel.VAT, VatDelegate(self.lines_view))
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LinesModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LinesModel.QTY, 70), (LinesModel.UNIT, 60), (LinesModel.PRICE, 110),
                           (LinesModel.DISCOUNT, 92), (LinesModel.VAT, 90),
                           (LinesModel.TOTAL, 120), (LinesModel.REASON, 190)):
            self.lines_view.setColumnWidth(col, width)
        v.addWidget(self.lines_view, 1)
        v.addWidget(self.errors.attach_rows("lines", self.lines_view))
        self.concession_label = QLabel()
        self.concession_label.setWordWrap(True)
        style.set_notice(self.concession_label, "warning")
        self.concession_label.hide()
        v.addWidget(self.concession_label)
        self.lines_total = QLabel()
        self.lines_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines_total.setStyleSheet("font-size: 14px; font-weight: 600;")
        v.addWidget(self.lines_total)
        self.lines_model.lines_changed.connect(self._on_lines_model_lines_changed)
        return page

    def _build_objections(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        self.library_button = QPushButton(translate("DealEditor", "+ Из библиотеки"))
        self.library_button.clicked.connect(self._on_library_button_clicked)
        add = QPushButton(translate("DealEditor", "+ Новое возражение"))
        add.clicked.connect(lambda: self._add_objection(ObjectionInput(
            text=translate("DealEditor", "Возражение"))))
        remove = QPushButton(translate("DealEditor", "Удалить"))
        remove.clicked.connect(self._on_remove_objection_clicked)
        edit_library = QPushButton(translate("DealEditor", "Библиотека возражений…"))
        edit_library.clicked.connect(self._on_edit_library_clicked)
        for b in (self.library_button, add, remove):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(edit_library)
        v.addLayout(bar)
        self.objections_model = ObjectionsModel(self)
        self.objections_view = _table(self.objections_model)
        self.objections_view.setWordWrap(True)
        self.objections_hint = EmptyHint(self.objections_view, translate(
            "DealEditor", "Возражений пока нет. Запишите, что мешает клиенту решиться: "
                          "«+ Новое возражение» или «+ Из библиотеки» с готовым ответом."))
        h = self.objections_view.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        v.addWidget(self.objections_view, 1)
        v.addWidget(self.errors.attach_rows("objections", self.objections_view))
        return page

    def _build_terms(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        form.setContentsMargins(12, 12, 12, 12)
        self.negotiation_edit = QPlainTextEdit()
        self.negotiation_edit.setPlaceholderText(translate(
            "DealEditor", "Кто принимает решение, что важно клиенту, о чём договорились"))
        self.payment_edit = QPlainTextEdit()
        self.payment_edit.setPlaceholderText(translate(
            "DealEditor", "Например: 50 % предоплата, 50 % в течение 10 дней после поставки"))
        self.delivery_edit = QPlainTextEdit()
        self.delivery_edit.setPlaceholderText(translate(
            "DealEditor", "Например: доставка до склада покупателя за 10 рабочих дней"))
        self.payment_edit.setFixedHeight(70)
        self.delivery_edit.setFixedHeight(70)
        form.addRow(translate("DealEditor", "Заметки о переговорах"), self.negotiation_edit)
        form.addRow(translate("DealEditor", "Условия оплаты (в КП)"), self.payment_edit)
        form.addRow(translate("DealEditor", "Условия поставки (в КП)"), self.delivery_edit)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        self.history_model = HistoryModel(self)
        self.history_view = _table(self.history_model)
        h = self.history_view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history_view.setItemDelegateForColumn(3, DaysBarDelegate(self.history_view))
        v.addWidget(self.history_view, 1)
        return page

    def _build_activities(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        self.plan_button = QPushButton(translate("DealEditor", "+ Новое дело…"))
        self.plan_button.setToolTip(translate("DealEditor",
                                              "Звонок, встреча, презентация, письмо или задача"))
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.log_call_button = QPushButton(translate("DealEditor", "Записать звонок…"))
        self.log_call_button.clicked.connect(self._on_log_call_clicked)
        self.complete_button = QPushButton(translate("DealEditor", "Завершить…"))
        self.complete_button.setToolTip(translate(
            "DealEditor", "Результат и следующий шаг выбранного дела"))
        self.complete_button.clicked.connect(self._on_complete_clicked)
        self.edit_activity_button = QPushButton(translate("DealEditor", "Изменить…"))
        self.edit_activity_button.clicked.connect(self._on_edit_activity_clicked)
        for b in (self.plan_button, self.log_call_button, self.complete_button,
                  self.edit_activity_button):
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.activities_model = ActivityListModel(self)
        self.activities_view = _table(self.activities_model)
        self.activities_hint = EmptyHint(self.activities_view, translate(
            "DealEditor", "По сделке нет дел: запланируйте звонок, встречу или задачу — "
                          "сделка без следующего шага видна на вкладке «Сегодня»."))
        fit_activity_columns(self.activities_view)
        self.activities_view.doubleClicked.connect(self._on_activities_view_double_clicked)
        self.activities_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_activity_buttons())
        v.addWidget(self.activities_view, 1)
        return page

    # --- loading ------------------------------------------------------------------------------
    def _load(self, client_id: int | None) -> None:
        if self.deal_id is None:
            self.heading.setText(translate("DealEditor", "Новая сделка"))
            self._on_stage_combo_changed()
            self.close_edit.setDate(NO_DATE)
            self.probability_spin.setValue(-1)
            if client_id is not None:
                self._set_client(client_id, self._deals.client_name(client_id))
                self._set_campaign(self._deals.client_campaign(client_id))
            self._set_probability_text()
            self._update_amount()
            self._update_activity_buttons()
            return
        d = self._deals.detail(self.deal_id)
        self.stage_combo.hide()
        self._stage_row_label.hide()
        self.heading.setText(d.title)
        self.setWindowTitle(translate("DealEditor", "Сделка: {title}").format(title=d.title))
        self._stage_probability = d.stage_probability
        self._won = any(s.id == d.stage_id and s.is_won for s in self._deals.stages())
        self.stage_badge.setText(d.stage_name)
        self._set_client(d.client_id, d.client_name, contact_id=d.contact_id)
        self.title_edit.setText(d.title)
        self.source_combo.setCurrentText(d.source)
        self._set_campaign(d.campaign_id)
        if d.expected_close:
            self.close_edit.setDate(to_qdate(d.expected_close))
        else:
            self.close_edit.setDate(NO_DATE)
        self.probability_spin.setValue(-1 if d.probability is None else d.probability)
        self._set_probability_text()
        if not d.lines or self._won:
            self.manual_amount.setText(format_money(d.amount, currency=False))
        self.notes_edit.setPlainText(d.notes)
        self.negotiation_edit.setPlainText(d.negotiation_notes)
        self.payment_edit.setPlainText(d.payment_terms)
        self.delivery_edit.setPlainText(d.delivery_terms)
        self.lines_model.set_rows([EditLine(
            name=ln.name, quantity=ln.quantity, price=ln.price, discount=ln.discount,
            unit=ln.unit, vat_kind=ln.vat_kind, product_id=ln.product_id,
            floor_override_reason=ln.floor_override_reason, floor=ln.floor) for ln in d.lines])
        self.objections_model.set_rows(d.objections)
        self.history_model.set_rows(self._deals.history(self.deal_id))
        self._reload_activities()
        if d.closed_on is not None:
            text = translate("DealEditor", "Закрыта {day}").format(
                day=short_date(d.closed_on))
            if d.lost_reason:
                text += " · " + lost_reason_label(d.lost_reason)
                if d.competitor_name:
                    text += f" ({d.competitor_name})"
                if d.lost_comment:
                    text += f": {d.lost_comment}"
            self.closed_info.setText(text)
        self._update_amount()
        self._update_activity_buttons()
        self._show_summary(d)
        self._show_after_sale()

    def _show_summary(self, d: DealDetail) -> None:
        """Where the deal stands: days in the stage, the next step, open objections."""
        from html import escape

        from app.views.deals.common import activity_short

        card = self._deals.card(d.id)
        unit = translate("DealEditor", "раб. дн.") if self._deals.stall_in_working_days() \
            else translate("DealEditor", "дн.")
        if card.closed_on is not None:
            stage_line = escape(d.stage_name)
        elif card.stalled:
            stage_line = translate(
                "DealEditor", "<span style='color:{c}'>Застряла в этапе: {n} {u} при норме "
                              "{limit}</span>").format(c=style.DANGER, n=card.days_in_stage,
                                                       u=unit, limit=card.stall_limit)
        else:
            stage_line = translate("DealEditor", "В этапе {n} {u}").format(
                n=card.days_in_stage, u=unit) + (
                translate("DealEditor", " из {limit}").format(limit=card.stall_limit)
                if card.stall_limit else "")
        if card.closed_on is not None:
            next_line = ""
        elif card.next_kind is not None and card.next_due is not None:
            next_line = translate("DealEditor", "Следующий шаг: {what} — {subject}").format(
                what=escape(activity_short(card.next_kind, card.next_due)),
                subject=escape(card.next_subject))
        else:
            next_line = translate(
                "DealEditor", "<span style='color:{c}'>⚠ Нет следующего шага — запланируйте "
                              "звонок или встречу</span>").format(c=style.WARNING)
        open_objections = sum(1 for o in d.objections if not o.resolved)
        parts = [stage_line, next_line,
                 translate("DealEditor", "Возражений не снято: {n}").format(n=open_objections)
                 if open_objections else "",
                 translate("DealEditor", "Сделка открыта {day}").format(
                     day=short_date(d.created_at))]
        self.summary.setText("<br>".join(p for p in parts if p))
        self.summary.show()

    def _show_after_sale(self) -> None:
        """A won deal's way on: ordered → shipped → paid (services.orders.deal_after_sale)."""
        after = (self.services.orders.deal_after_sale(self.deal_id)
                 if self._won and self.deal_id is not None else None)
        self.after_sale.setVisible(after is not None)
        self.after_sale_row.setVisible(after is not None)
        if after is None:
            return
        if not after.ordered:
            self.after_sale_label.setText(translate("DealEditor", "Заказ по сделке не создан"))
            self.after_sale_button.setText(translate("DealEditor", "Создать заказ"))
            return
        done, todo = f"color:{style.SUCCESS}", f"color:{style.MUTED}"
        steps = [
            (True, translate("DealEditor", "заказ № {n}").format(n=after.order_number)),
            (after.shipped_pct >= 100, translate("DealEditor", "отгружено {p} %{d}").format(
                p=after.shipped_pct, d=translate("DealEditor", ", доставлено")
                if after.delivered else "")),
            (after.paid >= after.amount, translate("DealEditor", "оплачено {paid} из {sum}")
             .format(paid=format_money(after.paid), sum=format_money(after.amount))),
        ]
        text = " → ".join(f"<span style='{done if ok else todo}'>{step}</span>"
                          for ok, step in steps)
        if after.complete:
            text += "<br><b>" + translate("DealEditor", "Сделка завершена: оплачена и "
                                                        "доставлена") + "</b>"
        self.after_sale_label.setText(text)
        self.after_sale_button.setText(translate("DealEditor", "Открыть заказ"))

    def _on_after_sale_button_clicked(self) -> None:
        from app.views.orders.editor import OrderEditor, create_order_from_deal

        if self.deal_id is None:
            return
        order_id = self.services.orders.order_for_deal(self.deal_id)
        if order_id is None:
            create_order_from_deal(self, self.services, self.deal_id)
        else:
            OrderEditor(services=self.services, order_id=order_id, parent=self).exec()
        self._show_after_sale()

    def _on_stage_combo_changed(self) -> None:
        if self.deal_id is not None:
            return
        stage = next((s for s in self._deals.stages()
                      if s.id == self.stage_combo.currentData()), None)
        if stage is not None:
            self.stage_badge.setText(stage.name)
            self._stage_probability = stage.probability
            self._set_probability_text()

    def _set_probability_text(self) -> None:
        self.probability_spin.setSpecialValueText(translate(
            "DealEditor", "как у этапа ({p} %)").format(p=self._stage_probability))

    # --- client ------------------------------------------------------------------------------
    @property
    def _client_id(self) -> int | None:
        return self.client_edit.client_id()

    def _on_client_edit_client_chosen(self, client_id: int) -> None:
        fill_contacts(self.contact_combo, self.services, client_id)
        if self.deal_id is None:
            self._set_campaign(self._deals.client_campaign(client_id))

    def _set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_combo.setCurrentIndex(max(self.campaign_combo.findData(campaign_id), 0))

    def choose_client(self, client_id: int) -> None:
        """Pick a client programmatically (tests, "new deal for this client")."""
        self._set_client(client_id, self._deals.client_name(client_id))
        if self.deal_id is None:
            self._set_campaign(self._deals.client_campaign(client_id))

    def _set_client(self, client_id: int, name: str, *, contact_id: int | None = None) -> None:
        self.client_edit.blockSignals(True)
        self.client_edit.set_client(client_id, name)
        self.client_edit.blockSignals(False)
        fill_contacts(self.contact_combo, self.services, client_id, contact_id)

    # --- lines --------------------------------------------------------------------------------
    def _on_add_product_clicked(self) -> None:
        from app.views.deals.catalog import ProductPicker

        product = ProductPicker.pick(self.services, self)
        if product is not None:
            self.add_product_line(product.id)

    def add_product_line(self, product_id: int, quantity: Decimal = Decimal(1)) -> int:
        p = self.services.catalog.get(product_id)
        row = self.lines_model.append_row(EditLine(
            name=p.name, quantity=quantity, price=p.price, unit=p.unit, vat_kind=p.vat_kind,
            product_id=p.id, floor=p.effective_floor))
        self.sections.setCurrentIndex(1)
        self.lines_view.setCurrentIndex(self.lines_model.index(row, LinesModel.QTY))
        return row

    def _on_add_free_line_clicked(self) -> None:
        self.lines_model.append_row(EditLine(
            name=translate("DealEditor", "Новая позиция"), quantity=Decimal(1),
            price=Decimal(0)))

    def _on_remove_line_clicked(self) -> None:
        row = self.lines_view.currentIndex().row()
        line = self.lines_model.row_at(row)
        if line is None:
            return
        self.lines_model.remove_row(row)
        self._removed_lines.append((row, line))
        self.restore_line_button.setEnabled(True)

    def restore_line(self) -> bool:
        """Put the last removed line back where it was (undo of «Удалить строку»)."""
        if not self._removed_lines:
            return False
        row, line = self._removed_lines.pop()
        at = self.lines_model.insert_row(row, line)
        self.lines_view.selectRow(at)
        self.restore_line_button.setEnabled(bool(self._removed_lines))
        return True

    def _on_lines_model_lines_changed(self) -> None:
        lines = self.lines_model.rows()
        problems = []
        for i, ln in enumerate(lines, start=1):
            if ln.below_floor:
                state = (translate("DealEditor", "причина: «{r}»").format(
                    r=ln.floor_override_reason) if not ln.needs_reason
                    else translate("DealEditor", "укажите причину уступки"))
                problems.append(translate(
                    "DealEditor", "строка {n} «{name}» — {net} за ед. при минимуме {floor}, "
                                  "{state}").format(
                    n=i, name=ln.name, net=format_money(ln.price * (100 - ln.discount) / 100),
                    floor=format_money(ln.floor), state=state))
        if problems:
            self.concession_label.setText(
                translate("DealEditor", "Зона уступок: ") + "; ".join(problems))
            self.concession_label.show()
        else:
            self.concession_label.hide()
        self.lines_total.setText(translate("DealEditor", "Итого по позициям: {sum}").format(
            sum=format_money(self.lines_model.total())))
        self._update_amount()

    def _update_amount(self) -> None:
        has_lines = self.lines_model.rowCount() > 0 and not self._won
        self.manual_amount.setEnabled(not has_lines)
        if self._won:
            self.amount_hint.setText(translate(
                "DealEditor", "Итоговая сумма выигранной сделки: позиции её не меняют."))
            try:
                total = parse_decimal(self.manual_amount.text() or "0")
            except ValueError:
                total = Decimal(0)
        elif has_lines:
            total = self.lines_model.total()
            self.manual_amount.setText(format_money(total, currency=False))
            self.amount_hint.setText(translate("DealEditor",
                                               "Сумма считается по позициям сделки."))
        else:
            self.amount_hint.setText(translate(
                "DealEditor", "Нет позиций — сумма вводится вручную."))
            try:
                total = parse_decimal(self.manual_amount.text() or "0")
            except ValueError:
                total = Decimal(0)
        self.amount_label.setText(format_money(total))

    # --- objections ---------------------------------------------------------------------------
    def _add_objection(self, item: ObjectionInput) -> None:
        row = self.objections_model.append_row(item)
        self.objections_view.setCurrentIndex(self.objections_model.index(row, 0))

    def _on_remove_objection_clicked(self) -> None:
        self.objections_model.remove_row(self.objections_view.currentIndex().row())

    def _objection_adder(self, item: ObjectionInput) -> Callable[[], None]:
        """A library menu item's slot: add `item` to the deal's objections."""
        return lambda: self._add_objection(item)

    def _on_library_button_clicked(self) -> None:
        menu = QMenu(self)
        library = self._deals.standard_objections()
        if not library:
            menu.addAction(translate("DealEditor", "Библиотека пуста")).setEnabled(False)
        for item in library:
            menu.addAction(item.text, self._objection_adder(
                ObjectionInput(text=item.text, answer=item.answer)))
        menu.exec(self.library_button.mapToGlobal(self.library_button.rect().bottomLeft()))

    def _on_edit_library_clicked(self) -> None:
        ObjectionLibraryDialog(services=self.services, parent=self).exec()

    # --- activities ---------------------------------------------------------------------------
    def _reload_activities(self) -> None:
        if self.deal_id is not None:
            self.activities_model.set_rows(self.services.activities.for_deal(self.deal_id))
        self._update_activity_buttons()

    def _update_activity_buttons(self) -> None:
        if self.deal_id is None:
            self.plan_button.setToolTip(translate(
                "DealEditor", "Сделка будет сохранена перед планированием"))
        current = self.current_activity()
        self.complete_button.setEnabled(current is not None and not current.done)
        self.edit_activity_button.setEnabled(current is not None)

    def current_activity(self) -> ActivityDetail | None:
        return self.activities_model.row_at(self.activities_view.currentIndex().row())

    def _saved_deal(self) -> int | None:
        """The deal's id, saving a new deal first (activities need it stored)."""
        if self.deal_id is None and not self.save(close=False):
            return None
        return self.deal_id

    def _after_activity_change(self) -> None:
        assert self.deal_id is not None
        self._reload_activities()
        self.deal_saved.emit(self.deal_id)  # the board card shows the next step

    def _on_plan_clicked(self) -> None:
        deal_id = self._saved_deal()
        if deal_id is None:
            return
        editor = ActivityEditor(services=self.services, deal_id=deal_id,
                                contact_id=self.contact_combo.currentData(), parent=self)
        if editor.exec():
            self._after_activity_change()

    def _on_log_call_clicked(self) -> None:
        deal_id = self._saved_deal()
        if deal_id is None or self._client_id is None:
            return
        dialog = CallLogDialog(services=self.services, client_id=self._client_id,
                               contact_id=self.contact_combo.currentData(), deal_id=deal_id,
                               parent=self)
        if dialog.exec():
            self._after_activity_change()

    def _on_complete_clicked(self) -> None:
        current = self.current_activity()
        if current is None or current.done:
            return
        if CompletionDialog(services=self.services, activity_id=current.id,
                            parent=self).exec():
            self._after_activity_change()

    def _on_edit_activity_clicked(self) -> None:
        current = self.current_activity()
        if current is None:
            return
        if ActivityEditor(services=self.services, activity_id=current.id, parent=self).exec():
            self._after_activity_change()

    def _on_activities_view_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_activity_clicked()

    # --- saving -------------------------------------------------------------------------------
    def edited_values(self) -> tuple[object, ...]:
        """Everything the user can change here, as typed (unlike `deal_input`, never refused)."""
        return (
            self._client_id, self.client_edit.text(), self.contact_combo.currentData(),
            self.title_edit.text(), self.source_combo.currentText(),
            self.campaign_combo.currentData(), self.stage_combo.currentData(),
            self.close_edit.date().toJulianDay(),
            self.probability_spin.value(), self.manual_amount.text(),
            self.notes_edit.toPlainText(), self.negotiation_edit.toPlainText(),
            self.payment_edit.toPlainText(), self.delivery_edit.toPlainText(),
            tuple(self.lines_model.rows()), tuple(self.objections_model.rows()),
        )

    def deal_input(self) -> DealInput:
        close = self.close_edit.date()
        expected = None if close == NO_DATE else to_date(close)
        manual: Decimal | None = None
        if ((self.lines_model.rowCount() == 0 or self._won)
                and self.manual_amount.text().strip()):
            manual = parse_decimal(self.manual_amount.text())
        prob = self.probability_spin.value()
        return DealInput(
            client_id=self._client_id, contact_id=self.contact_combo.currentData(),
            stage_id=self.stage_combo.currentData() if self.deal_id is None else None,
            title=self.title_edit.text(), source=self.source_combo.currentText(),
            campaign_id=self.campaign_combo.currentData(), expected_close=expected,
            probability=None if prob < 0 else prob,
            manual_amount=manual, notes=self.notes_edit.toPlainText(),
            negotiation_notes=self.negotiation_edit.toPlainText(),
            payment_terms=self.payment_edit.toPlainText(),
            delivery_terms=self.delivery_edit.toPlainText(),
            lines=tuple(ln.to_input() for ln in self.lines_model.rows()),
            objections=tuple(self.objections_model.rows()),
        )

    def save(self, *, close: bool = True) -> bool:
        """Validate and store; True on success. Nothing typed is lost on a refusal."""
        try:
            data = self.deal_input()
        except ValueError:
            self.errors.show({"amount": translate(
                "DealEditor", "Сумма — это число, например 125 000,50")})
            return False
        warnings = self._deals.warnings_for(data, is_new=self.deal_id is None)
        errors = self._deals.validate(data)
        if errors:
            self.errors.show(errors)
            return False
        if warnings and not dialogs.confirm(
                self, translate("DealEditor", "Проверьте сделку"),
                "\n".join(warnings) + "\n\n" + translate("DealEditor", "Сохранить всё равно?")):
            return False
        try:
            result = self._deals.save_deal(data, self.deal_id)
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except ServiceError as exc:
            self.errors.show({"": str(exc)})
            return False
        self.errors.clear()
        self.deal_id = result.deal_id
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        self.deal_saved.emit(result.deal_id)
        if close:
            self.accept()
        else:
            self.heading.setText(data.title)
            self.history_model.set_rows(self._deals.history(result.deal_id))
        return True

    def _on_save_clicked(self) -> None:
        self.save(close=True)


class ObjectionLibraryDialog(EditorDialog):
    """The library of standard objections and answers (editable); leaving an edited one, for
    another or by closing, asks first."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = services.deals
        self.setWindowTitle(translate("DealEditor", "Библиотека возражений"))
        self.resize(760, 460)
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        self.list_view = QListView()
        self.list_model = QStringListModel(self)
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        row.addWidget(self.list_view, 1)
        form_box = QFrame()
        form = form_layout(form_box)
        self.text_edit = QLineEdit()
        self.answer_edit = QPlainTextEdit()
        self.errors = FieldErrors()
        self.errors.add_row(form, translate("DealEditor", "Возражение"), "text", self.text_edit)
        self.errors.add_row(form, translate("DealEditor", "Ответ"), "answer", self.answer_edit)
        row.addWidget(form_box, 2)
        v.addLayout(row, 1)
        buttons = QHBoxLayout()
        new = QPushButton(translate("DealEditor", "Новое"))
        new.clicked.connect(self._on_new_clicked)
        save = named(QPushButton(translate("DealEditor", "Сохранить")), "primary")
        save.clicked.connect(self._on_save_clicked)
        delete = QPushButton(translate("DealEditor", "Удалить"))
        delete.clicked.connect(self._on_delete_clicked)
        close = QPushButton(translate("DealEditor", "Закрыть"))
        close.clicked.connect(self.reject)
        for b in (new, save, delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        v.addLayout(buttons)
        self._items = self._deals.standard_objections()
        self._current: int | None = None
        self._reload()
        unsaved = self.track_changes(values=self.edited_values, save=self.save)
        self.switch = RecordSwitch(
            self.list_view, [unsaved], key_at=self._key_at, shown=lambda: self._current,
            load=self._show_item)

    def edited_values(self) -> tuple[str, str]:
        return self.text_edit.text(), self.answer_edit.toPlainText()

    def _key_at(self, row: int) -> int | None:
        return self._items[row].id if 0 <= row < len(self._items) else None

    def _reload(self) -> None:
        self._items = self._deals.standard_objections()
        self.list_model.setStringList([i.text for i in self._items])

    def _show_item(self, objection_id: object) -> None:
        item = next((i for i in self._items if i.id == objection_id), None)
        self._current = item.id if item is not None else None
        self.errors.clear()
        self.text_edit.setText(item.text if item is not None else "")
        self.answer_edit.setPlainText(item.answer if item is not None else "")
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def _on_new_clicked(self) -> None:
        if self.unsaved is not None and not self.unsaved.settle().goes_on:
            return
        self.switch.select(None)
        self._show_item(None)
        self.text_edit.setFocus()

    def _on_save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Store the objection being edited; a refusal is shown and the form stays."""
        try:
            self._current = self._deals.save_standard_objection(
                self.text_edit.text(), self.answer_edit.toPlainText(), self._current)
        except ValidationError as exc:
            for message in self.errors.show(exc):
                dialogs.show_error(self, message)
            return False
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()
        with self.switch.quietly():
            self._reload()
        self.switch.select(self._current)
        return True

    def _on_delete_clicked(self) -> None:
        if self._current is not None:
            self._deals.delete_standard_objection(self._current)
            with self.switch.quietly():
                self._reload()
            self.switch.select(None)
            self._show_item(None)


def _documents_section(editor: DealEditor) -> tuple[str, QWidget]:
    from app.views.documents.deal_documents import deal_editor_section

    return deal_editor_section(editor)


DealEditor.register_section(_documents_section)
