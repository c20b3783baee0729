"""Заказы: every order after the sale — amount, paid, shipped, due date and what is late —
with filters by status, client, period, «просрочено» and text; Enter opens the order.

An order is made from a won deal («Создать заказ» in the won dialog or in the deal editor),
so the tab has no «new» of its own. The list comes a page at a time
(`services.orders.list_orders`): the first look is read in place, every later read (a
filter, a refresh, the next page) off the GUI thread; `filled` says a read is shown.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.money import format_count
from app.i18n import plural, translate
from app.services.errors import ServiceError
from app.services.orders import OrderFilter, OrderPage, OrderRow
from app.services.orders.codes import ORDER_STATUS_LABELS
from app.services.plan import add_months, month_period, parse_period
from app.views.background import Job
from app.views.background import start as start_job
from app.views.clients.picker import ClientPicker
from app.views.icons import icon
from app.views.orders.fields import date_edit, read_date
from app.views.orders.model import OrderListModel
from app.views.style import named

PAGE = 200  # rows a read brings; «Показать ещё» brings the next page


def period_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    """The ordered_on period a filter key stands for (inclusive; None: open)."""
    if key == "this_month":
        p = month_period(today.year, today.month)
    elif key == "last_month":
        prev = add_months(today, -1)
        p = month_period(prev.year, prev.month)
    elif key == "quarter":
        p = parse_period(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
    elif key == "year":
        p = parse_period(str(today.year))
    elif key == "last_year":
        p = parse_period(str(today.year - 1))
    elif key == "30d":
        return today - timedelta(days=29), today
    else:
        return None, None
    return p.first, p.last


class OrdersTab(QWidget):
    """The order list with its filters; the editor opens on Enter or a double-click.

    Signals:
        open_requested(str, int): show a "client" (the main window routes it).
        order_changed(int): an order was changed from here (its id).
        filled: a read of the list is on screen.
    """

    tab_key = "orders"
    open_requested = Signal(str, int)
    order_changed = Signal(int)
    filled = Signal()

    @staticmethod
    def title() -> str:
        return translate("MainWindow", "Заказы")

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._reads = 0  # the read last started; an older one's result is dropped
        self._loading = False
        self._total = 0
        self._select_after: int | None = None
        self._client_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(self._build_toolbar())
        layout.addLayout(self._build_filters())
        self.model = OrderListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OrderListModel.CLIENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OrderListModel.FLAG, 28), (OrderListModel.NUMBER, 130),
                              (OrderListModel.DATE, 96), (OrderListModel.STATUS, 150),
                              (OrderListModel.AMOUNT, 130), (OrderListModel.PAID, 130),
                              (OrderListModel.SHIPPED, 96), (OrderListModel.DUE, 110)):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._on_view_activated)  # Enter, a double-click
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        layout.addWidget(self.view, 1)
        self.empty = named(QLabel(), "cardNote")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        bottom = QHBoxLayout()
        self.status = named(QLabel(), "cardNote")
        bottom.addWidget(self.status, 1)
        self.more_button = QPushButton(translate("Orders", "Показать ещё"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)
        self._text_timer = QTimer(self, singleShot=True, interval=250)
        self._text_timer.timeout.connect(self.reload)
        find_action = QAction(self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_action.triggered.connect(self.focus_search)
        self.addAction(find_action)
        self._read_first_page()

    # --- building -----------------------------------------------------------------------------
    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(named(QLabel(translate("Orders", "Заказы")), "sectionTitle"))
        row.addSpacing(12)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Orders", "Номер заказа или клиент  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda _t: self._text_timer.start())
        row.addWidget(self.search, 1)
        hint = named(QLabel(translate(
            "Orders", "Новый заказ — из выигранной сделки")), "cardNote")
        hint.setToolTip(translate(
            "Orders", "Отметьте «Создать заказ» в окне «Сделка выиграна» или нажмите "
                      "«Создать заказ» в карточке выигранной сделки"))
        row.addWidget(hint)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.status_filter = QComboBox()
        self.status_filter.addItem(translate("Orders", "Все статусы"), None)
        for code, label in ORDER_STATUS_LABELS().items():
            self.status_filter.addItem(label, code)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.client_filter = ClientPicker(services=self._services)
        self.client_filter.setPlaceholderText(translate("Orders", "Все клиенты"))
        self.client_filter.setClearButtonEnabled(True)
        self.client_filter.setMinimumWidth(200)
        self.client_filter.client_chosen.connect(self._on_client_filter_client_chosen)
        self.client_filter.client_cleared.connect(self._on_client_filter_client_cleared)
        self.period_filter = QComboBox()
        for key, label in (
            ("", translate("Orders", "За всё время")),
            ("this_month", translate("Orders", "Этот месяц")),
            ("last_month", translate("Orders", "Прошлый месяц")),
            ("quarter", translate("Orders", "Этот квартал")),
            ("30d", translate("Orders", "Последние 30 дней")),
            ("year", translate("Orders", "Этот год")),
            ("last_year", translate("Orders", "Прошлый год")),
            ("custom", translate("Orders", "Свой период…")),
        ):
            self.period_filter.addItem(label, key)
        self.period_filter.currentIndexChanged.connect(self._on_period_filter_changed)
        today = date.today()
        self.period_start = date_edit(today.replace(day=1))
        self.period_end = date_edit(today)
        self.period_dash = QLabel("—")
        for w in (self.period_start, self.period_end):
            w.dateChanged.connect(lambda _d: self.reload())
        self.overdue_only = QCheckBox(translate("Orders", "Просрочено"))
        self.overdue_only.setToolTip(translate(
            "Orders", "Только заказы с просроченной оплатой, отгрузкой или доставкой"))
        self.overdue_only.toggled.connect(lambda _c: self.reload())
        self.reset_button = QPushButton(icon("reset"), translate("Orders", "Сбросить"))
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.reset_filters)
        widgets: tuple[QWidget, ...] = (
            self.status_filter, self.client_filter, self.period_filter, self.period_start,
            self.period_dash, self.period_end, self.overdue_only)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        self._show_custom_period(False)
        return row

    def _show_custom_period(self, shown: bool) -> None:
        for w in (self.period_start, self.period_dash, self.period_end):
            w.setVisible(shown)

    # --- filters ------------------------------------------------------------------------------
    def current_filter(self, today: date | None = None) -> OrderFilter:
        key = str(self.period_filter.currentData() or "")
        if key == "custom":
            start, end = read_date(self.period_start), read_date(self.period_end)
        else:
            start, end = period_bounds(key, today or date.today())
        return OrderFilter(status=self.status_filter.currentData(), client_id=self._client_id,
                           start=start, end=end, overdue_only=self.overdue_only.isChecked(),
                           text=self.search.text().strip())

    def is_filtered(self) -> bool:
        return self.current_filter() != OrderFilter()

    def _on_period_filter_changed(self, _index: int) -> None:
        self._show_custom_period(self.period_filter.currentData() == "custom")
        self.reload()

    def _on_client_filter_client_chosen(self, client_id: int) -> None:
        self._client_id = client_id
        self.reload()

    def _on_client_filter_client_cleared(self) -> None:
        if self._client_id is not None:
            self._client_id = None
            self.reload()

    def filter_by_client(self, client_id: int | None) -> None:
        """Show only this client's orders (None: every client's)."""
        self.client_filter.blockSignals(True)
        self.client_filter.set_client(client_id)
        self.client_filter.blockSignals(False)
        self._client_id = client_id
        self.reload()

    def reset_filters(self) -> None:
        widgets = (self.search, self.status_filter, self.period_filter, self.overdue_only,
                   self.client_filter)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.period_filter.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.client_filter.set_client(None)
        self._client_id = None
        for w in widgets:
            w.blockSignals(False)
        self._show_custom_period(False)
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (another tab may have changed orders); the selection stays."""
        self.reload(select=self.current_order_id())

    def reload(self, *, select: int | None = None) -> None:
        """Read the first page for the filters, off the GUI thread; `select` an order then."""
        self._text_timer.stop()
        self._select_after = select
        self._read(self.current_filter(), 0)

    def _read_first_page(self) -> None:
        """The tab's first look, read in place like the Today tab's quick sections (one
        indexed query, `bench_orders`): the tab is never shown empty while it loads. Later
        reads, whose filters may be slow, go to the thread pool."""
        try:
            page = self._services.orders.list_orders(self.current_filter(), limit=PAGE)
        except ServiceError as exc:
            self._on_read_failed(self._reads, str(exc))
            return
        self._show_page(page, 0)

    def load_more(self) -> None:
        """The next page of the same filters, appended."""
        if self._loading or self.model.rowCount() >= self._total:
            return
        self._read(self.current_filter(), self.model.rowCount())

    def _read(self, flt: OrderFilter, offset: int) -> None:
        orders = self._services.orders
        self._reads += 1
        read = self._reads  # the callbacks hold its number, never the job (see start_job)
        self._loading = True
        if offset == 0 and self.model.rowCount() == 0:
            self.status.setText(translate("Orders", "Загрузка…"))
        job = Job(lambda: orders.list_orders(flt, limit=PAGE, offset=offset))
        job.signals.finished.connect(lambda page: self._on_read_done(read, offset, page),
                                     Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(lambda message: self._on_read_failed(read, message),
                                   Qt.ConnectionType.QueuedConnection)
        start_job(job)

    def is_loading(self) -> bool:
        return self._loading

    def _on_read_done(self, read: int, offset: int, page: OrderPage) -> None:
        if read != self._reads:  # a newer read replaced it
            return
        self._show_page(page, offset)

    def _show_page(self, page: OrderPage, offset: int) -> None:
        self._loading = False
        self._total = page.total
        if offset == 0:
            keep = self._select_after if self._select_after is not None \
                else self.current_order_id()
            self.model.set_rows(page.rows)
            self._select(keep)
        else:
            self.model.extend(page.rows)
        self._show_state()
        self.filled.emit()

    def _on_read_failed(self, read: int, message: str) -> None:
        if read != self._reads:
            return
        self._loading = False
        self.status.setText(translate("Orders", "Список заказов не прочитан: {e}").format(
            e=message))
        self.filled.emit()

    def _show_state(self) -> None:
        shown = self.model.rowCount()
        has_rows = shown > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows:
            self.empty.setText(
                translate("Orders", "Нет заказов по этим условиям") if self.is_filtered()
                else translate(
                    "Orders", "Заказов пока нет. Заказ создаётся из выигранной сделки: "
                              "отметьте «Создать заказ» в окне «Сделка выиграна» или "
                              "нажмите «Создать заказ» в карточке сделки."))
        total = plural(self._total, translate("Orders", "%n заказ|%n заказа|%n заказов"))
        total = total.replace(str(self._total), format_count(self._total), 1)
        late = sum(1 for r in self.model.rows() if r.overdue or r.late_shipment
                   or r.late_delivery)
        text = (translate("Orders", "Показано {shown} из {total}").format(
            shown=format_count(shown), total=total) if shown < self._total else total)
        if late:
            text += " · " + translate("Orders", "с опозданием среди показанных: {n}").format(
                n=format_count(late))
        self.status.setText(text)
        self.more_button.setVisible(shown < self._total)

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        if value >= bar.maximum() - 2 and self.model.rowCount() < self._total:
            self.load_more()

    # --- selection and opening ----------------------------------------------------------------
    def current_order(self) -> OrderRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def current_order_id(self) -> int | None:
        row = self.current_order()
        return row.id if row is not None else None

    def current_client_id(self) -> int | None:
        """The selected order's client (the quick-add shortcut pre-fills it)."""
        row = self.current_order()
        return row.client_id if row is not None else None

    def _select(self, order_id: int | None) -> None:
        row = self.model.row_of(order_id) if order_id is not None else -1
        if row < 0:
            return
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))

    def _on_view_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_order(row.id)

    def open_order(self, order_id: int) -> None:
        """The order editor; what it changes shows in the list when it closes."""
        from app.views.orders.editor import OrderEditor

        editor = OrderEditor(services=self._services, order_id=order_id, parent=self)
        editor.order_changed.connect(self._on_editor_order_changed)
        editor.exec()

    def _on_editor_order_changed(self, order_id: int) -> None:
        self.reload(select=order_id)
        self.order_changed.emit(order_id)

    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.context_menu_for(self.view.indexAt(pos).row())
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def context_menu_for(self, row_index: int) -> QMenu | None:
        row = self.model.row_at(row_index)
        if row is None:
            return None
        menu = QMenu(self)
        menu.addAction(translate("Orders", "Открыть заказ…"), lambda: self.open_order(row.id))
        menu.addAction(translate("Orders", "Открыть клиента"),
                       lambda: self.open_requested.emit("client", row.client_id))
        menu.addAction(translate("Orders", "Заказы этого клиента"),
                       lambda: self._filter_client_of(row))
        menu.addSeparator()
        menu.addAction(translate("Orders", "Счёт на оплату"), lambda: self._invoice(row.id))
        return menu

    def _filter_client_of(self, row: OrderRow) -> None:
        self.client_filter.blockSignals(True)
        self.client_filter.set_client(row.client_id, row.client_name)
        self.client_filter.blockSignals(False)
        self._client_id = row.client_id
        self.reload(select=row.id)

    def _invoice(self, order_id: int) -> None:
        from app.views.documents.actions import show_invoice

        if show_invoice(self, self._services, order_id=order_id) is None:
            return
        self.reload(select=order_id)
