"""The order editor: the terms of the sale, the lines with the stock, the shipments, the
payments and the documents of one order.

The terms and the lines are a form (Сохранить; «Сохранить изменения?» before they are lost);
a shipment, a payment, a status change, cancelling and deleting are stored at once, each by
its own service call, and leave what is typed in the form as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from app.services.documents import DealDocumentRow
from app.services.errors import ServiceError
from app.services.orders import OrderDetail, OrderDraft, ShipmentRow
from app.services.orders.codes import MANUAL_ORDER_STATUSES, ORDER_STATUS_LABELS
from app.services.orders.rules import MAX_DEFERRED_DAYS, due_date
from app.views import dialogs, style
from app.views.activities.editor import stored_or_shown
from app.views.deals.common import parse_decimal
from app.views.empty_state import EmptyHint
from app.views.forms import FieldErrors, editor_head, error_banner, form_layout, in_platform_order
from app.views.orders.fields import date_edit, late_texts, read_date, set_date
from app.views.orders.model import (
    EditOrderLine,
    OrderLinesModel,
    PaymentListModel,
    ShipmentListModel,
)
from app.views.style import named
from app.views.unsaved import EditorDialog

# the statuses the «Статус» menu sets: those set by hand while nothing has left, and closing;
# partly_shipped / shipped follow the shipments, cancelling has its own button (it asks)
MENU_STATUSES = (*MANUAL_ORDER_STATUSES, "closed")


def _table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    return view


def _page() -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(8)
    return page, layout


def _note() -> QLabel:
    label = named(QLabel(), "cardNote")
    label.setWordWrap(True)
    return label


def _warning_box() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    style.set_notice(label, "warning")
    label.hide()
    return label


class OrderEditor(EditorDialog):
    """One order: its terms and lines (a form), shipments, payments and documents.

    Signals:
        order_changed(int): something of the order was stored (its id) — the list reloads.
        preview_opened(object): the PdfPreviewDialog of a specification that was opened.
    """

    order_changed = Signal(int)
    preview_opened = Signal(object)

    def __init__(self, *, services: Services, order_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._orders = services.orders
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self._loaded_lines: tuple[EditOrderLine, ...] = ()
        self._credit = Decimal(0)  # the client's unallocated payments, read with the order
        self._specification: DealDocumentRow | None = None  # the latest, read with the order
        self.setWindowTitle(translate("OrderEditor", "Заказ"))
        self.resize(1080, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_head())
        self.error_banner = error_banner()
        layout.addWidget(self.error_banner)
        self.errors = FieldErrors(banner=self.error_banner)
        self.pages = QTabWidget()
        self.pages.addTab(self._build_terms(), translate("OrderEditor", "Условия"))
        self.pages.addTab(self._build_lines(), translate("OrderEditor", "Позиции"))
        self.pages.addTab(self._build_shipments(), translate("OrderEditor", "Отгрузки"))
        self.pages.addTab(self._build_payments(), translate("OrderEditor", "Оплаты"))
        self.pages.addTab(self._build_documents(), translate("OrderEditor", "Документы"))
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._build_buttons())
        self.reload()
        self.track_changes(values=self.edited_values, save=self.save)
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    # --- building -----------------------------------------------------------------------------
    def _build_head(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(4)
        head = editor_head()
        self.heading, self.status_badge, self.amount_label = (head.heading, head.badge,
                                                              head.amount)
        box.addLayout(head.row)
        self.subtitle = _note()
        box.addWidget(self.subtitle)
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.progress_label)
        self.late_label = QLabel()
        self.late_label.setWordWrap(True)
        self.late_label.setStyleSheet("font-weight: 600;")
        style.set_tone(self.late_label, "danger")
        self.late_label.hide()
        box.addWidget(self.late_label)
        return box

    def _build_terms(self) -> QWidget:
        page, v = _page()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        left, right = form_layout(), form_layout()
        self.ordered_on_edit = date_edit()
        self.ship_by_edit = date_edit(optional=True)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setFixedHeight(64)
        self.address_edit.setPlaceholderText(translate(
            "OrderEditor", "Куда везти: индекс, город, улица, склад"))
        self.contract_number_edit = QLineEdit()
        self.contract_number_edit.setPlaceholderText(translate("OrderEditor", "например, 15/2026"))
        self.contract_date_edit = date_edit(optional=True)
        self.errors.add_row(left, translate("OrderEditor", "Дата заказа *"), "ordered_on",
                            self.ordered_on_edit)
        self.errors.add_row(left, translate("OrderEditor", "Отгрузить до"), "ship_by",
                            self.ship_by_edit)
        self.errors.add_row(left, translate("OrderEditor", "Адрес доставки"),
                            "delivery_address", self.address_edit)
        self.errors.add_row(left, translate("OrderEditor", "Договор №"), "contract_number",
                            self.contract_number_edit)
        self.errors.add_row(left, translate("OrderEditor", "Договор от"), "contract_date",
                            self.contract_date_edit)
        self.prepayment_edit = QLineEdit()
        self.prepayment_edit.setPlaceholderText("0")
        self.deferred_spin = QSpinBox()
        self.deferred_spin.setRange(-1, MAX_DEFERRED_DAYS)
        self.deferred_spin.setSpecialValueText(translate("OrderEditor", "без отсрочки"))
        self.deferred_spin.setSuffix(translate("OrderEditor", " дн."))
        self.due_edit = date_edit(optional=True)
        self.errors.add_row(right, translate("OrderEditor", "Предоплата, %"), "prepayment_pct",
                            self.prepayment_edit)
        self.errors.add_row(right, translate("OrderEditor", "Отсрочка оплаты"), "deferred_days",
                            self.deferred_spin)
        self.errors.add_row(right, translate("OrderEditor", "Оплатить до"), "payment_due_on",
                            self.due_edit)
        self.due_hint = _note()
        right.addRow("", self.due_hint)
        for edit in (self.ordered_on_edit, self.due_edit):
            edit.dateChanged.connect(lambda _d: self._show_due())
        self.deferred_spin.valueChanged.connect(lambda _v: self._show_due())
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        v.addLayout(grid)
        v.addWidget(QLabel(translate("OrderEditor", "Заметки")))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(translate("OrderEditor", "Что важно по заказу"))
        v.addWidget(self.notes_edit, 1)
        v.addWidget(self.errors.attach("notes", self.notes_edit))
        return page

    def _show_due(self) -> None:
        """The due date the terms give now: the date set, else the deferral after the order
        date (the rule is the service's), and where it is printed."""
        deferred = self.deferred_spin.value()
        self.due_edit.setSpecialValueText(
            translate("OrderEditor", "по отсрочке") if deferred >= 0
            else translate("OrderEditor", "не указана"))
        ordered_on = read_date(self.ordered_on_edit) or date.today()
        due = due_date(ordered_on, None if deferred < 0 else deferred, read_date(self.due_edit))
        text = (translate("OrderEditor", "Срок оплаты: {d}.").format(d=short_date(due))
                if due is not None else translate("OrderEditor", "Срок оплаты не задан."))
        self.due_hint.setText(text + " " + translate(
            "OrderEditor", "Он печатается в счёте («Оплатить не позднее»); без даты "
                           "считается по отсрочке от даты заказа. Договор — в строке "
                           "«Основание» счёта."))

    def _build_lines(self) -> QWidget:
        page, v = _page()
        bar = QHBoxLayout()
        self.add_product_button = QPushButton(translate("OrderEditor", "+ Из каталога…"))
        self.add_product_button.clicked.connect(self._on_add_product_clicked)
        self.add_free_line_button = QPushButton(translate("OrderEditor", "+ Своя строка"))
        self.add_free_line_button.clicked.connect(self._on_add_free_line_clicked)
        self.remove_line_button = QPushButton(translate("OrderEditor", "Удалить строку"))
        self.remove_line_button.clicked.connect(self._on_remove_line_clicked)
        for b in (self.add_product_button, self.add_free_line_button, self.remove_line_button):
            bar.addWidget(b)
        self.lines_locked = _note()
        self.lines_locked.setText(translate(
            "OrderEditor", "Позиции меняются, пока заказ новый, подтверждён или в сборке"))
        self.lines_locked.hide()
        bar.addStretch(1)
        bar.addWidget(self.lines_locked)
        v.addLayout(bar)
        self.lines_model = OrderLinesModel(self)
        self.lines_view = _table(self.lines_model)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OrderLinesModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OrderLinesModel.QTY, 80), (OrderLinesModel.UNIT, 56),
                              (OrderLinesModel.PRICE, 110), (OrderLinesModel.DISCOUNT, 84),
                              (OrderLinesModel.TOTAL, 120), (OrderLinesModel.SHIPPED, 100),
                              (OrderLinesModel.STOCK, 100)):
            self.lines_view.setColumnWidth(column, width)
        v.addWidget(self.lines_view, 1)
        v.addWidget(self.errors.attach_rows("lines", self.lines_view))
        self.stock_label = _warning_box()
        v.addWidget(self.stock_label)
        self.lines_total = QLabel()
        self.lines_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines_total.setStyleSheet("font-size: 14px; font-weight: 600;")
        v.addWidget(self.lines_total)
        for signal in (self.lines_model.modelReset, self.lines_model.rowsInserted,
                       self.lines_model.rowsRemoved, self.lines_model.dataChanged):
            signal.connect(self._on_lines_changed)
        return page

    def _build_shipments(self) -> QWidget:
        page, v = _page()
        bar = QHBoxLayout()
        self.add_shipment_button = named(QPushButton(translate("OrderEditor", "+ Отгрузка…")),
                                         "primary")
        self.add_shipment_button.clicked.connect(self.add_shipment)
        self.edit_shipment_button = QPushButton(translate("OrderEditor", "Изменить…"))
        self.edit_shipment_button.clicked.connect(self.edit_shipment)
        self.cancel_shipment_button = QPushButton(translate("OrderEditor", "Отменить отгрузку"))
        self.cancel_shipment_button.setToolTip(translate(
            "OrderEditor", "Товар отменённой отгрузки возвращается на склад"))
        self.cancel_shipment_button.clicked.connect(self.cancel_shipment)
        for b in (self.add_shipment_button, self.edit_shipment_button,
                  self.cancel_shipment_button):
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.shipments_model = ShipmentListModel(self)
        self.shipments_view = _table(self.shipments_model)
        self.shipments_hint = EmptyHint(self.shipments_view, translate(
            "OrderEditor", "Отгрузок ещё не было: «+ Отгрузка…» — частично или всё сразу."))
        self.shipments_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.shipments_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.shipments_view.activated.connect(self._on_shipments_view_activated)
        self.shipments_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons())
        v.addWidget(self.shipments_view, 1)
        self.shipments_note = _note()
        v.addWidget(self.shipments_note)
        return page

    def _build_payments(self) -> QWidget:
        page, v = _page()
        self.payments_summary = QLabel()
        self.payments_summary.setTextFormat(Qt.TextFormat.RichText)
        self.payments_summary.setWordWrap(True)
        v.addWidget(self.payments_summary)
        credit_row = QHBoxLayout()
        self.credit_label = _note()
        credit_row.addWidget(self.credit_label, 1)
        self.use_credit_button = QPushButton(translate("OrderEditor", "Зачесть аванс"))
        self.use_credit_button.setToolTip(translate(
            "OrderEditor", "Зачесть неразнесённые оплаты клиента (его аванс) в этот заказ"))
        self.use_credit_button.clicked.connect(self.use_credit)
        credit_row.addWidget(self.use_credit_button)
        v.addLayout(credit_row)
        self.payment_note = QLabel()
        self.payment_note.setWordWrap(True)
        style.set_notice(self.payment_note, "info")
        self.payment_note.hide()
        v.addWidget(self.payment_note)
        bar = QHBoxLayout()
        self.add_payment_button = named(QPushButton(translate("OrderEditor", "+ Оплата…")),
                                        "primary")
        self.add_payment_button.clicked.connect(self.add_payment)
        self.delete_payment_button = QPushButton(translate("OrderEditor", "Удалить оплату"))
        self.delete_payment_button.clicked.connect(self.delete_payment)
        bar.addWidget(self.add_payment_button)
        bar.addWidget(self.delete_payment_button)
        bar.addStretch(1)
        v.addLayout(bar)
        self.payments_model = PaymentListModel(self)
        self.payments_view = _table(self.payments_model)
        self.payments_hint = EmptyHint(self.payments_view, translate(
            "OrderEditor", "Оплат ещё не было: «+ Оплата…», когда деньги придут."))
        self.payments_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.payments_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.payments_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons())
        v.addWidget(self.payments_view, 1)
        return page

    def _build_documents(self) -> QWidget:
        page, v = _page()
        row = QHBoxLayout()
        self.invoice_button = named(QPushButton(translate("OrderEditor", "Счёт на оплату")),
                                    "primary")
        self.invoice_button.clicked.connect(self.open_invoice)
        row.addWidget(self.invoice_button)
        self.statement_button = QPushButton(translate("OrderEditor", "Акт сверки с клиентом"))
        self.statement_button.setToolTip(translate(
            "OrderEditor", "Акт сверки взаиморасчётов с начала года заказа по сегодня"))
        self.statement_button.clicked.connect(self.open_statement)
        row.addWidget(self.statement_button)
        self.specification_button = named(
            QPushButton(translate("OrderEditor", "Спецификация")), "specificationButton")
        self.specification_button.clicked.connect(self.open_specification)
        row.addWidget(self.specification_button)
        self.new_specification_button = QPushButton(translate("OrderEditor",
                                                              "Новая спецификация"))
        self.new_specification_button.setToolTip(translate(
            "OrderEditor", "Выпустить спецификацию заново по текущим позициям заказа, с новым "
                           "номером"))
        self.new_specification_button.clicked.connect(self.issue_specification)
        row.addWidget(self.new_specification_button)
        row.addStretch(1)
        v.addLayout(row)
        self.documents_note = _note()
        v.addWidget(self.documents_note)
        v.addStretch(1)
        return page

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_button = QPushButton(translate("OrderEditor", "Статус…"))
        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.cancel_order_button = QPushButton(translate("OrderEditor", "Отменить заказ"))
        self.cancel_order_button.clicked.connect(self.cancel_order)
        self.delete_button = QPushButton(translate("OrderEditor", "Удалить заказ"))
        self.delete_button.clicked.connect(self.delete_order)
        for b in (self.status_button, self.cancel_order_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        self.close_button = QPushButton(translate("OrderEditor", "Закрыть"))
        self.close_button.clicked.connect(self.reject)
        self.save_button = named(QPushButton(translate("OrderEditor", "Сохранить")), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        for button in in_platform_order(self.save_button, self.close_button):
            row.addWidget(button)
        return row

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the order again; the form is refilled only when it holds no edits."""
        try:
            detail = self._orders.order(self.order_id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.show_detail(detail)

    def show_detail(self, d: OrderDetail) -> None:
        keep_form = self.unsaved is not None and self.unsaved.is_modified()
        self.detail = d
        title = translate("OrderEditor", "Заказ № {n} от {d}").format(
            n=d.number, d=short_date(d.ordered_on))
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.status_badge.setText(d.status_label)
        self.amount_label.setText(format_money(d.amount))
        parts = [translate("OrderEditor", "Клиент: {c}").format(c=d.client_name)]
        if d.deal_title:
            parts.append(translate("OrderEditor", "сделка «{t}»").format(t=d.deal_title))
        self.subtitle.setText(" · ".join(parts))
        self.progress_label.setText(self._progress_text(d))
        late = late_texts(overdue=d.overdue, late_shipment=d.late_shipment,
                          late_delivery=d.late_delivery)
        self.late_label.setText("⚠ " + "; ".join(late) if late else "")
        self.late_label.setVisible(bool(late))
        if not keep_form:
            self._fill_form(d)
        self.shipments_model.set_rows(d.shipments)
        self._show_shipment_note(d)
        self.payments_model.set_rows(d.payments)
        self._show_payments(d)
        self._show_documents(d)
        self._update_buttons()

    def _progress_text(self, d: OrderDetail) -> str:
        """Ordered → shipped → paid, as the deal's after-sale line says it."""
        color = style.SUCCESS if d.paid >= d.amount else style.TEXT
        return translate(
            "OrderEditor", "Отгружено <b>{shipped} %</b> · оплачено <b style='color:{c}'>"
                           "{paid}</b> из {amount} · осталось {left}").format(
            shipped=d.shipped_pct, c=color, paid=format_money(d.paid),
            amount=format_money(d.amount), left=format_money(max(d.outstanding, Decimal(0))))

    def _fill_form(self, d: OrderDetail) -> None:
        self.errors.clear()
        set_date(self.ordered_on_edit, d.ordered_on)
        set_date(self.ship_by_edit, d.ship_by)
        self.address_edit.setPlainText(d.delivery_address)
        self.contract_number_edit.setText(d.contract_number)
        set_date(self.contract_date_edit, d.contract_date)
        self.prepayment_edit.setText(format_money(d.prepayment_pct, currency=False)
                                     .replace(",00", ""))
        self.deferred_spin.setValue(-1 if d.deferred_days is None else d.deferred_days)
        # a due date that only follows from the deferral stays «по отсрочке», so that a new
        # order date or deferral moves it
        follows = d.deferred_days is not None and d.payment_due_on == due_date(
            d.ordered_on, d.deferred_days, None)
        set_date(self.due_edit, None if follows else d.payment_due_on)
        self._show_due()
        self.notes_edit.setPlainText(d.notes)
        self._loaded_lines = tuple(EditOrderLine.from_row(ln) for ln in d.lines)
        self.lines_model.set_rows(self._loaded_lines)
        self.stock_label.setText("\n".join(d.stock_warnings))
        self.stock_label.setVisible(bool(d.stock_warnings))
        if self.unsaved is not None:
            self.unsaved.mark_clean()

    def _show_shipment_note(self, d: OrderDetail) -> None:
        live = [s for s in d.shipments if s.status != "cancelled"]
        if not d.shipments:
            text = translate("OrderEditor", "Отгрузок ещё не было. Заказ можно отгружать "
                                            "частями: в отгрузке — строки и их количество.")
        else:
            text = translate("OrderEditor", "Отгружено {pct} % по количеству позиций; "
                                            "отгрузок: {n}").format(pct=d.shipped_pct,
                                                                   n=len(live))
            if d.ship_by is not None:
                text += " · " + translate("OrderEditor", "отгрузить до {d}").format(
                    d=short_date(d.ship_by))
        self.shipments_note.setText(text)

    def _show_payments(self, d: OrderDetail) -> None:
        due = ""
        if d.payment_due_on is not None:
            due = translate("OrderEditor", " · оплатить до {d}").format(
                d=short_date(d.payment_due_on))
            if d.overdue:
                due = f"<span style='color:{style.DANGER}'>{due} "\
                      f"{translate('OrderEditor', '(просрочено)')}</span>"
        self.payments_summary.setText(translate(
            "OrderEditor", "Оплачено <b>{paid}</b> из {amount} · осталось <b>{left}</b>{due}"
        ).format(paid=format_money(d.paid), amount=format_money(d.amount),
                 left=format_money(max(d.outstanding, Decimal(0))), due=due))
        credit = self._client_credit(d)
        self.credit_label.setText(
            translate("OrderEditor", "Аванс клиента (оплаты, ещё не зачтённые в заказы): "
                                     "{sum}").format(sum=format_money(credit))
            if credit > 0 else translate("OrderEditor", "У клиента нет аванса. Переплата "
                                                        "по заказу станет его авансом."))
        self._credit = credit

    def _client_credit(self, d: OrderDetail) -> Decimal:
        try:
            return self.services.receivables.credit(d.client_id)
        except ServiceError:
            return Decimal(0)

    def _show_documents(self, d: OrderDetail) -> None:
        self.invoice_button.setText(
            translate("OrderEditor", "Счёт № {n}").format(n=d.invoice_number)
            if d.invoice_number else translate("OrderEditor", "Счёт на оплату"))
        parts = [translate("OrderEditor", "Счёт выставляется на сумму заказа ({sum}), "
                                          "один раз: потом открывается тот же.").format(
            sum=format_money(d.amount))]
        if d.payment_due_on is not None:
            parts.append(translate("OrderEditor", "В счёте: «Оплатить не позднее {d}».")
                         .format(d=short_date(d.payment_due_on)))
        if d.contract_number:
            basis = translate("OrderEditor", "Договор № {n}").format(n=d.contract_number)
            if d.contract_date is not None:
                basis += " " + translate("OrderEditor", "от {d}").format(
                    d=short_date(d.contract_date))
            parts.append(translate("OrderEditor", "Основание: {b}.").format(b=basis))
        self._specification = self._latest_specification()
        spec = self._specification
        self.specification_button.setText(
            translate("OrderEditor", "Спецификация № {n}").format(n=spec.number) if spec
            else translate("OrderEditor", "Спецификация"))
        self.specification_button.setToolTip(
            translate("OrderEditor", "Открыть выпущенную спецификацию") if spec
            else translate("OrderEditor", "Спецификация к договору по позициям заказа"))
        self.new_specification_button.setVisible(spec is not None)
        self.documents_note.setText("\n".join(parts))

    def _latest_specification(self) -> DealDocumentRow | None:
        try:
            specs = self.services.documents.list_deal_documents(order_id=self.order_id,
                                                                kind="specification")
        except ServiceError:
            return None
        return specs[0] if specs else None

    def _update_buttons(self) -> None:
        d = self.detail
        active = d is not None and d.status not in ("cancelled", "closed")
        left_to_ship = d is not None and any(ln.shipped < ln.quantity for ln in d.lines)
        self.add_shipment_button.setEnabled(active and left_to_ship)
        shipment = self.current_shipment()
        self.edit_shipment_button.setEnabled(shipment is not None
                                             and shipment.status != "cancelled")
        self.cancel_shipment_button.setEnabled(shipment is not None
                                               and shipment.status != "cancelled")
        self.add_payment_button.setEnabled(d is not None and d.status != "cancelled")
        self.use_credit_button.setEnabled(
            d is not None and d.status != "cancelled" and d.outstanding > 0
            and self._credit > 0)
        self.delete_payment_button.setEnabled(self.current_payment_id() is not None)
        self.cancel_order_button.setEnabled(d is not None and d.status != "cancelled")
        self.status_button.setEnabled(d is not None and d.status != "cancelled")
        self.invoice_button.setEnabled(d is not None and d.status != "cancelled")
        issuable = d is not None and d.status != "cancelled" and bool(d.lines)
        self.specification_button.setEnabled(self._specification is not None or issuable)
        self.new_specification_button.setEnabled(issuable)
        self.save_button.setEnabled(d is not None and d.status != "cancelled")
        lines_editable = d is not None and d.lines_editable
        self.lines_locked.setVisible(not lines_editable)
        for w in (self.add_product_button, self.add_free_line_button,
                  self.remove_line_button):
            w.setEnabled(lines_editable)
        self.lines_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers if lines_editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)

    # --- the lines ----------------------------------------------------------------------------
    def _on_lines_changed(self, *_args: object) -> None:
        total = self.lines_model.total()
        text = translate("OrderEditor", "Итого по позициям: {sum}").format(
            sum=format_money(total))
        if self.detail is not None and total != self.detail.amount:
            text += "  ·  " + translate(
                "OrderEditor", "сумма заказа (итог сделки): {sum}").format(
                sum=format_money(self.detail.amount))
        self.lines_total.setText(text)

    def _on_add_product_clicked(self) -> None:
        from app.views.deals.catalog import ProductPicker

        product = ProductPicker.pick(self.services, self)
        if product is not None:
            self.add_product_line(product.id)

    def add_product_line(self, product_id: int, quantity: Decimal = Decimal(1)) -> int:
        """A line for a catalog product, its stock shown beside it."""
        p = self.services.catalog.get(product_id)
        row = self.lines_model.append_row(EditOrderLine(
            name=p.name, unit=p.unit, quantity=quantity, price=p.price, vat_kind=p.vat_kind,
            product_id=p.id, in_stock=p.stock))
        self.pages.setCurrentIndex(1)
        self.lines_view.setCurrentIndex(self.lines_model.index(row, OrderLinesModel.QTY))
        return row

    def _on_add_free_line_clicked(self) -> None:
        row = self.lines_model.append_row(EditOrderLine(
            name=translate("OrderEditor", "Новая позиция"), unit=translate("OrderEditor", "шт"),
            quantity=Decimal(1), price=Decimal(0)))
        self.lines_view.setCurrentIndex(self.lines_model.index(row, OrderLinesModel.NAME))

    def _on_remove_line_clicked(self) -> None:
        self.lines_model.remove_row(self.lines_view.currentIndex().row())

    # --- saving the form ----------------------------------------------------------------------
    def edited_values(self) -> tuple[object, ...]:
        """Everything the form lets the user change, as typed."""
        return (
            self.ordered_on_edit.date().toJulianDay(), self.ship_by_edit.date().toJulianDay(),
            self.address_edit.toPlainText(), self.contract_number_edit.text(),
            self.contract_date_edit.date().toJulianDay(), self.prepayment_edit.text(),
            self.deferred_spin.value(), self.due_edit.date().toJulianDay(),
            self.notes_edit.toPlainText(), tuple(self.lines_model.rows()),
        )

    def order_draft(self) -> OrderDraft:
        """The form as the service takes it; ValueError names a field that is not a number."""
        text = self.prepayment_edit.text().strip()
        prepayment = parse_decimal(text) if text else Decimal(0)
        deferred = self.deferred_spin.value()
        rows = tuple(self.lines_model.rows())
        ordered_on = read_date(self.ordered_on_edit)
        assert ordered_on is not None  # a required field never shows «не указана»
        return OrderDraft(
            ordered_on=ordered_on, delivery_address=self.address_edit.toPlainText().strip(),
            ship_by=read_date(self.ship_by_edit), prepayment_pct=prepayment,
            deferred_days=None if deferred < 0 else deferred,
            payment_due_on=read_date(self.due_edit),
            contract_number=self.contract_number_edit.text().strip(),
            contract_date=read_date(self.contract_date_edit),
            notes=self.notes_edit.toPlainText().strip(),
            lines=None if rows == self._loaded_lines
            else tuple(ln.to_draft() for ln in rows))

    def save(self, *, close: bool = True) -> bool:
        """Store the terms and the lines; a refusal is shown next to the fields."""
        try:
            draft = self.order_draft()
        except ValueError:
            self.errors.show({"prepayment_pct": translate(
                "OrderEditor", "Процент — это число, например 30")})
            return False
        ok, detail = stored_or_shown(
            self.errors, lambda: self._orders.update_order(self.order_id, draft))
        if not ok or detail is None:
            return False
        self.errors.clear()
        if self.unsaved is not None:
            self.unsaved.mark_clean()  # so that show_detail refills the form
        self.show_detail(detail)
        self.order_changed.emit(self.order_id)
        if close:
            self.accept()
        return True

    def _on_save_clicked(self) -> None:
        self.save(close=True)

    # --- actions stored at once ---------------------------------------------------------------
    def _stored(self, action: Callable[[], object], *, refused: str) -> bool:
        """Run a service call that stores something, then show the order as stored."""
        try:
            action()
        except ServiceError as exc:
            dialogs.show_error(self, f"{refused}\n{exc}")
            self.reload()
            return False
        self.reload()
        self.order_changed.emit(self.order_id)
        return True

    def _on_status_button_clicked(self) -> None:
        menu = self.status_menu()
        menu.exec(self.status_button.mapToGlobal(self.status_button.rect().topLeft()))

    def status_menu(self) -> QMenu:
        labels = ORDER_STATUS_LABELS()
        menu = QMenu(self)
        current = self.detail.status if self.detail is not None else ""
        for code in MENU_STATUSES:
            action = menu.addAction(labels.get(code, code), self._status_setter(code))
            action.setEnabled(code != current)
        return menu

    def _status_setter(self, status: str) -> Callable[[], None]:
        """A status menu item's slot."""
        def apply() -> None:
            self.set_status(status)
        return apply

    def set_status(self, status: str) -> bool:
        return self._stored(lambda: self._orders.set_status(self.order_id, status),
                            refused=translate("OrderEditor", "Статус не изменён."))

    def cancel_order(self) -> bool:
        if self.detail is None or not dialogs.confirm(
                self, translate("OrderEditor", "Отменить заказ"),
                translate("OrderEditor", "Отменить заказ № {n}? Отменённый заказ не "
                                         "отгружается и не ждёт оплаты.").format(
                    n=self.detail.number)):
            return False
        return self._stored(lambda: self._orders.cancel_order(self.order_id),
                            refused=translate("OrderEditor", "Заказ не отменён."))

    def delete_order(self) -> bool:
        if self.detail is None or not dialogs.confirm(
                self, translate("OrderEditor", "Удалить заказ"),
                translate("OrderEditor", "Удалить заказ № {n} совсем? Это нельзя "
                                         "отменить.").format(n=self.detail.number)):
            return False
        try:
            self._orders.delete_order(self.order_id)
        except ServiceError as exc:
            dialogs.show_error(self, translate("OrderEditor", "Заказ не удалён.") + f"\n{exc}")
            return False
        self.order_changed.emit(self.order_id)
        self.close_discarding()
        return True

    # --- shipments ----------------------------------------------------------------------------
    def current_shipment(self) -> ShipmentRow | None:
        return self.shipments_model.row_at(self.shipments_view.currentIndex().row())

    def add_shipment(self) -> bool:
        return self._open_shipment(None)

    def edit_shipment(self) -> bool:
        shipment = self.current_shipment()
        return shipment is not None and self._open_shipment(shipment)

    def _on_shipments_view_activated(self, _index: QModelIndex) -> None:
        self.edit_shipment()

    def _open_shipment(self, shipment: ShipmentRow | None) -> bool:
        from app.views.orders.shipment_dialog import ShipmentDialog

        if self.detail is None:
            return False
        dialog = ShipmentDialog(services=self.services, order=self.detail, shipment=shipment,
                                parent=self)
        if not dialog.exec():
            return False
        self.reload()
        self.order_changed.emit(self.order_id)
        return True

    def cancel_shipment(self) -> bool:
        shipment = self.current_shipment()
        if shipment is None or not dialogs.confirm(
                self, translate("OrderEditor", "Отменить отгрузку"),
                translate("OrderEditor", "Отменить отгрузку от {d}? Её товар вернётся на "
                                         "склад.").format(d=short_date(shipment.planned_on))):
            return False
        return self._stored(lambda: self._orders.cancel_shipment(shipment.id),
                            refused=translate("OrderEditor", "Отгрузка не отменена."))

    # --- payments -----------------------------------------------------------------------------
    def current_payment_id(self) -> int | None:
        row = self.payments_model.row_at(self.payments_view.currentIndex().row())
        return row.id if row is not None else None

    def add_payment(self) -> bool:
        from app.views.orders.payment_dialog import PaymentDialog

        if self.detail is None:
            return False
        dialog = PaymentDialog(services=self.services, order=self.detail, parent=self)
        if not dialog.exec():
            return False
        result = dialog.stored
        if result is not None:
            text = translate("OrderEditor", "Оплата записана: в заказ {alloc}").format(
                alloc=format_money(result.allocated))
            if result.credit > 0:
                text += translate("OrderEditor", ", переплата {credit} — аванс клиента").format(
                    credit=format_money(result.credit))
            self.payment_note.setText(text)
            self.payment_note.show()
        self.reload()
        self.order_changed.emit(self.order_id)
        return True

    def use_credit(self) -> bool:
        d = self.detail
        if d is None or not dialogs.confirm(
                self, translate("OrderEditor", "Зачесть аванс"),
                translate("OrderEditor", "Зачесть аванс клиента ({credit}) в оплату заказа "
                                         "№ {n}? Зачтётся не больше, чем осталось оплатить "
                                         "({left}).").format(
                    credit=format_money(self._credit), n=d.number,
                    left=format_money(d.outstanding))):
            return False
        receivables = self.services.receivables
        return self._stored(lambda: receivables.use_credit(d.client_id, self.order_id),
                            refused=translate("OrderEditor", "Аванс не зачтён."))

    def delete_payment(self) -> bool:
        payment_id = self.current_payment_id()
        row = self.payments_model.row_at(self.payments_view.currentIndex().row())
        if payment_id is None or row is None or not dialogs.confirm(
                self, translate("OrderEditor", "Удалить оплату"),
                translate("OrderEditor", "Удалить оплату {sum} от {d}?").format(
                    sum=format_money(row.amount), d=short_date(row.paid_on))):
            return False
        receivables = self.services.receivables
        return self._stored(lambda: receivables.delete_payment(payment_id),
                            refused=translate("OrderEditor", "Оплата не удалена."))

    # --- documents ----------------------------------------------------------------------------
    def open_invoice(self) -> None:
        from app.views.documents.actions import show_invoice

        if show_invoice(self, self.services, order_id=self.order_id) is not None:
            self.reload()  # the button now names the invoice
            self.order_changed.emit(self.order_id)

    def open_specification(self) -> None:
        """The order's latest specification; the first is issued on the first click."""
        from app.views.documents.actions import show_deal_document

        if self._specification is None:
            self.issue_specification()
            return
        show_deal_document(self, self.services, self._specification.id,
                           on_shown=self.preview_opened.emit)

    def issue_specification(self) -> None:
        """A new specification of the order's stored lines (what is typed is saved first)."""
        from app.views.documents.actions import show_deal_document

        if self.unsaved is not None and self.unsaved.is_modified() and not self.save(
                close=False):
            return
        try:
            doc = self.services.documents.issue_specification(order_id=self.order_id)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self.reload()  # the button now names the specification
        show_deal_document(self, self.services, doc.id, on_shown=self.preview_opened.emit)

    def open_statement(self, *, today: date | None = None) -> None:
        from app.views.documents.actions import preview_built_pdf

        d = self.detail
        if d is None:
            return
        end = today or date.today()
        start = date(min(d.ordered_on.year, end.year), 1, 1)
        docs = self.services.documents
        title = translate("OrderEditor", "Акт сверки: {c}, {a} — {b}").format(
            c=d.client_name, a=short_date(start), b=short_date(end))
        preview_built_pdf(self, lambda: docs.statement_pdf(d.client_id, start, end),
                          title=title, filename=translate("OrderEditor", "Акт сверки {c}")
                          .format(c=d.client_name))


def create_order_from_deal(parent: QWidget, services: Services, deal_id: int, *,
                           on: date | None = None) -> int | None:
    """Make the order of a won deal (its lines, its final amount) and open it in the editor;
    the order's id, or None when the service refused (the user is told why)."""
    try:
        detail = services.orders.create_from_deal(deal_id, on=on)
    except ServiceError as exc:
        dialogs.show_error(parent, translate(
            "OrderEditor", "Заказ по сделке не создан:\n{reason}").format(reason=exc))
        return None
    OrderEditor(services=services, order_id=detail.id, parent=parent).exec()
    return detail.id
