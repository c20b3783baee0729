"""Клиенты: the searchable, filterable client list with the actions on it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.money import format_count
from app.i18n import translate
from app.services.clients import (
    CLIENT_STATUSES,
    ClientQuery,
    fts_match_expression,
    status_label,
)
from app.services.errors import ServiceError
from app.views import dialogs, style
from app.views.clients.model import COLUMN_KEYS, HIDDEN_BY_DEFAULT, ClientTableModel
from app.views.clients.widgets import PillDelegate
from app.views.icons import icon
from app.views.undo import record_archive

SEARCH_DELAY_MS = 120
FIRST_PAGE = 100  # rows a text search shows before the rest of its list is read


class ClientsTab(QWidget):
    """The client base.

    Signals:
        clients_changed: clients were created, edited, merged, archived or deleted.
        export_finished(str, int): an export ended (file, clients written; -1 on failure).
    """

    tab_key = "clients"
    clients_changed = Signal()
    export_finished = Signal(str, int)

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = QSettings()
        self._sort = ("name", False)
        self._total = 0
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._rest_timer = QTimer(self, singleShot=True, interval=0)
        self._rest_timer.timeout.connect(self._load_rest)
        self._pending: ClientQuery | None = None  # a list shown by its first page only
        self._pending_keep: set[int] = set()
        self._header_save_timer = QTimer(self, singleShot=True, interval=500)
        self._header_save_timer.timeout.connect(self._save_header)
        self._ready = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)

        # --- toolbar: search, actions --------------------------------------------------
        top = QHBoxLayout()
        top.setSpacing(8)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(translate(
            "Clients", "Поиск: название, ИНН, телефон, e-mail, контактное лицо, примечание…"))
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setStyleSheet("QLineEdit#searchField { padding: 7px 10px; "
                                       "font-size: 14px; }")
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        top.addWidget(self.search_edit, 1)
        self.new_button = QPushButton(translate("Clients", "+ Новый клиент"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.create_client)
        self.import_button = QPushButton(icon("import"), translate("Clients", "Импорт…"))
        self.import_button.clicked.connect(self.import_clients)
        self.export_button = QPushButton(icon("export"), translate("Clients", "Экспорт…"))
        self.export_button.clicked.connect(self.export_clients)
        self.more_button = QToolButton()
        self.more_button.setText(translate("Clients", "Ещё"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setObjectName("menuButton")
        for w in (self.import_button, self.export_button, self.more_button, self.new_button):
            top.addWidget(w)
        layout.addLayout(top)

        # --- filters ----------------------------------------------------------------------
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.status_combo = self._combo(translate("Clients", "Все статусы"))
        for code in CLIENT_STATUSES:
            self.status_combo.addItem(status_label(code), code)
        self.segment_combo = self._combo(translate("Clients", "Все сегменты"))
        self.tag_combo = self._combo(translate("Clients", "Все метки"))
        self.region_combo = self._combo(translate("Clients", "Все регионы"))
        self.industry_combo = self._combo(translate("Clients", "Все отрасли"))
        for combo in (self.status_combo, self.segment_combo, self.tag_combo,
                      self.region_combo, self.industry_combo):
            filters.addWidget(combo)
        self.no_contact_combo = QComboBox()
        self.no_contact_combo.addItem(translate("Clients", "Контакт: любой"), 0)
        for days in (14, 30, 60, 90, 180, 365):
            self.no_contact_combo.addItem(
                translate("Clients", "Без контакта ≥ {n} дн.").format(n=days), days)
        self.no_contact_combo.setToolTip(translate(
            "Clients", "Клиенты, с которыми не было выполненных дел столько дней или дольше"))
        self.no_contact_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.no_contact_combo.setMinimumContentsLength(12)
        self.no_contact_combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters.addWidget(self.no_contact_combo)
        self.archive_button = QPushButton(icon("archive"), translate("Clients", "Архив"))
        self.archive_button.setCheckable(True)
        self.archive_button.toggled.connect(lambda _v: self.reload())
        filters.addWidget(self.archive_button)
        self.reset_button = QPushButton(icon("reset"), translate("Clients", "Сбросить"))
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.reset_filters)
        filters.addWidget(self.reset_button)
        self.saved_button = QToolButton()
        self.saved_button.setText(translate("Clients", "Мои фильтры"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_button.setObjectName("menuButton")
        self.saved_menu = QMenu(self)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        filters.addWidget(self.saved_button)
        filters.addStretch(1)
        self.count_label = QLabel()
        style.set_tone(self.count_label, "muted")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        # --- the table and the empty state ------------------------------------------------
        self.model = ClientTableModel(self._services.clients.rows, self)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.view = QTableView()
        self.view.setModel(self.model)
        # chips only where there are chips: other cells keep Qt's own (C++) painting
        self._pill_delegate = PillDelegate(self.model.pills, self.view)
        for key in ("status", "tags"):
            self.view.setItemDelegateForColumn(COLUMN_KEYS.index(key), self._pill_delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(32)
        # fixed row heights: no per-row size queries over 100,000 rows on a reset
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda index: self.open_client(self.model.id_at(
            index.row())))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        widths = {"name": 250, "inn": 110, "status": 100, "segment": 95, "tags": 130,
                  "region": 160, "industry": 150, "responsible": 130, "last_contact": 155,
                  "next_activity": 150, "revenue_year": 140, "phone": 150, "email": 200}
        for n, key in enumerate(COLUMN_KEYS):
            header.resizeSection(n, widths.get(key, 120))
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._restore_header()
        header.sectionMoved.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._header_save_timer.start())

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 15px;")
        style.set_tone(self.empty_label, "muted")
        empty = QFrame()
        empty.setObjectName("card")
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        self.empty_action = QPushButton()
        self.empty_action.setObjectName("primary")
        self.empty_action.clicked.connect(self._on_empty_action_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_action)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        layout.addWidget(self.stack, 1)

        self._build_actions()
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.create_client)
        for enter_key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(enter_key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self.open_client(self.current_id()))
        self._ready = True
        self.refresh()

    # --- building helpers ----------------------------------------------------------------
    def _combo(self, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, "")
        # a fixed width from the text length: long values (regions) must not squeeze the row
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(lambda _i: self.reload())
        return combo

    def _build_actions(self) -> None:
        self.open_action = QAction(translate("Clients", "Открыть карточку"), self)
        self.open_action.triggered.connect(lambda: self.open_client(self.current_id()))
        self.plan_action = QAction(translate("Clients", "Запланировать дело…"), self)
        self.plan_action.triggered.connect(lambda: self.plan_activity(self.current_id()))
        self.call_action = QAction(translate("Clients", "Записать звонок…"), self)
        self.call_action.triggered.connect(lambda: self.log_call(self.current_id()))
        self.archive_action = QAction(translate("Clients", "В архив"), self)
        self.archive_action.triggered.connect(self.archive_selected)
        self.merge_action = QAction(translate("Clients", "Объединить двух клиентов…"), self)
        self.merge_action.triggered.connect(self.merge_selected)
        self.delete_action = QAction(translate("Clients", "Удалить навсегда…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)
        menu = QMenu(self)
        for action in (self.open_action, self.plan_action, self.call_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.archive_action, self.merge_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        # the whole list as filtered, not the selection: contacts who agreed to a mailing
        self.mailing_action = QAction(translate("Clients", "Рассылка по фильтру списка…"), self)
        self.mailing_action.setToolTip(translate(
            "Clients", "Контакты клиентов списка с e-mail и согласием на рассылку — в CSV или "
                       "vCard"))
        self.mailing_action.triggered.connect(self.export_mailing)
        menu.addSeparator()
        menu.addAction(self.mailing_action)
        self.more_button.setMenu(menu)
        self._actions_menu = menu

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the filter choices and the list (the tab was shown or data changed)."""
        options = self._services.clients.filter_options(full=False)
        for combo, values in ((self.segment_combo, options.segments),
                              (self.tag_combo, options.tags),
                              (self.region_combo, options.regions),
                              (self.industry_combo, options.industries)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(v, v)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._total = self._services.clients.count()
        self.reload()

    def query(self) -> ClientQuery:
        return ClientQuery(
            text=self.search_edit.text(), status=self.status_combo.currentData() or "",
            segment=self.segment_combo.currentData() or "",
            tag=self.tag_combo.currentData() or "",
            region=self.region_combo.currentData() or "",
            industry=self.industry_combo.currentData() or "",
            no_contact_days=self.no_contact_days(),
            archived=self.archive_button.isChecked(),
            sort=self._sort[0], descending=self._sort[1])

    def no_contact_days(self) -> int:
        return int(self.no_contact_combo.currentData() or 0)

    def set_no_contact_days(self, days: int) -> None:
        index = self.no_contact_combo.findData(days)
        if index < 0 and days > 0:  # a value saved by hand or by an older version
            self.no_contact_combo.addItem(translate(
                "Clients", "Без контакта ≥ {n} дн.").format(n=days), days)
            index = self.no_contact_combo.count() - 1
        self.no_contact_combo.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        """Show the list for the current search and filters.

        A text search sorted by name shows its first page at once and the rest (and the
        count) on the next turn of the event loop: a broad prefix («in», «ооо») matches most
        of the base, and the whole ordered list of 100,000 ids costs more than the page the
        user sees. The next keystroke cancels a rest not yet loaded.
        """
        if not self._ready:
            return
        self._search_timer.stop()
        self._rest_timer.stop()
        keep = set(self.selected_ids()) | self._pending_keep
        query = self.query()
        first_page = bool(query.text.strip()) and query.sort == "name"
        if first_page:
            ids = self._services.clients.search_ids(query, limit=FIRST_PAGE, picker=False)
        else:
            ids = self._services.clients.search_ids(query)
        self.archive_action.setText(translate("Clients", "Вернуть из архива")
                                    if self.archive_button.isChecked()
                                    else translate("Clients", "В архив"))
        self.model.set_ids(ids)
        self._restore_selection(keep)
        if first_page and len(ids) == FIRST_PAGE:
            self._pending = query
            self._pending_keep = keep
            self._rest_timer.start()
        else:
            self._pending, self._pending_keep = None, set()
            self._update_count(len(ids))

    def _load_rest(self) -> None:
        """The rest of a list shown by its first page (see `reload`)."""
        query, keep = self._pending, self._pending_keep
        self._pending, self._pending_keep = None, set()
        if query is None:
            return
        if query != self.query():  # the search changed meanwhile: that reload follows
            self.reload()
            return
        ids = self._services.clients.search_ids(query)
        shown = self.model.ids()
        if ids[:len(shown)] == shown:
            self.model.append_ids(ids[len(shown):])
        else:  # the base changed between the two reads
            self.model.set_ids(ids)
        self._restore_selection(keep)
        self._update_count(len(ids))

    def settle(self) -> None:
        """Load what the list still owes (before looking a client up in it)."""
        if self._pending is not None:
            self._rest_timer.stop()
            self._load_rest()

    def _restore_selection(self, ids: set[int]) -> None:
        if not ids:
            return
        selection = self.view.selectionModel()
        for cid in ids:
            row = self.model.row_of(cid)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def _update_count(self, shown: int) -> None:
        filtered = self.search_edit.text().strip() or self.query() != ClientQuery(
            sort=self._sort[0], descending=self._sort[1])
        typed = self.search_edit.text().strip()
        if typed and fts_match_expression(typed) is None:
            self.count_label.setText(translate("Clients", "Для поиска — хотя бы 2 символа"))
            self.stack.setCurrentIndex(0 if shown else 1)
            return
        if self.archive_button.isChecked():
            text = translate("Clients", "В архиве: {n}").format(n=format_count(shown))
        elif filtered:
            text = translate("Clients", "Найдено: {n} из {total}").format(
                n=format_count(shown), total=format_count(self._total))
        else:
            text = translate("Clients", "Клиентов: {n}").format(n=format_count(shown))
        self.count_label.setText(text)
        if shown:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        if self._total == 0 and not self.archive_button.isChecked():
            self.empty_label.setText(translate(
                "Clients", "Клиентов пока нет.\nДобавьте первого клиента или загрузите список "
                           "из Excel (CSV или XLSX)."))
            self.empty_action.setText(translate("Clients", "+ Новый клиент"))
        else:
            self.empty_label.setText(translate(
                "Clients", "Никого не нашлось.\nПроверьте написание или сбросьте фильтры."))
            self.empty_action.setText(translate("Clients", "Сбросить поиск и фильтры"))

    def _on_empty_action_clicked(self) -> None:
        if self._total == 0 and not self.archive_button.isChecked():
            self.create_client()
        else:
            self.reset_filters()

    def reset_filters(self) -> None:
        for w in (self.search_edit, self.status_combo, self.segment_combo, self.tag_combo,
                  self.region_combo, self.industry_combo, self.no_contact_combo,
                  self.archive_button):
            w.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.status_combo, self.segment_combo, self.tag_combo,
                      self.region_combo, self.industry_combo):
            combo.setCurrentIndex(0)
        self.no_contact_combo.setCurrentIndex(0)
        self.archive_button.setChecked(False)
        for w in (self.search_edit, self.status_combo, self.segment_combo, self.tag_combo,
                  self.region_combo, self.industry_combo, self.no_contact_combo,
                  self.archive_button):
            w.blockSignals(False)
        self.reload()

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_model_sort_requested(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- selection ----------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if index.isValid():
            return self.model.id_at(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def current_client_id(self) -> int | None:
        """The client the user is on (the quick-add shortcut pre-fills it)."""
        return self.current_id()

    def select_client(self, client_id: int) -> bool:
        self.settle()
        row = self.model.row_of(client_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    # --- actions ------------------------------------------------------------------------
    def _card_dialog(self, client_id: int | None) -> Any:
        from app.views.clients.card import ClientCardDialog

        dialog = ClientCardDialog(services=self._services, client_id=client_id, parent=self)
        dialog.open_client_requested.connect(self._on_card_open_client_requested)
        return dialog

    def create_client(self) -> None:
        dialog = self._card_dialog(None)
        if dialog.exec() and dialog.saved_id is not None:
            self._after_change(select=dialog.saved_id)

    def open_client(self, client_id: int | None) -> None:
        if client_id is None:
            return
        dialog = self._card_dialog(client_id)
        if dialog.exec() or dialog.changed:
            self._after_change(select=client_id)

    def plan_activity(self, client_id: int | None) -> None:
        """The activity editor for the client (its primary contact pre-filled)."""
        from app.views.activities.editor import ActivityEditor

        if client_id is not None and ActivityEditor(services=self._services,
                                                    client_id=client_id, parent=self).exec():
            self._after_change(select=client_id)  # the list's next activity

    def log_call(self, client_id: int | None) -> None:
        """«Записать звонок» for the client."""
        from app.views.activities.call_log import CallLogDialog

        if client_id is not None and CallLogDialog(services=self._services,
                                                   client_id=client_id, parent=self).exec():
            self._after_change(select=client_id)  # the list's last contact

    def _on_card_open_client_requested(self, client_id: int) -> None:
        QTimer.singleShot(0, lambda: self.open_client(client_id))

    def _after_change(self, select: int | None = None) -> None:
        self.refresh()
        if select is not None:
            self.select_client(select)
        self.clients_changed.emit()

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        archived = self.archive_button.isChecked()
        clients = self._services.clients
        clients.set_archived(ids, not archived)
        record_archive(clients, ids, archived=not archived)
        self._after_change()
        window = self.window()
        if hasattr(window, "statusBar"):
            message = translate("Clients", "Возвращено из архива: {n}") if archived else \
                translate("Clients", "Отправлено в архив: {n}")
            window.statusBar().showMessage(message.format(n=len(ids)), 6000)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            if ids:
                dialogs.show_info(self, translate("Clients", "Удалять можно по одному клиенту."))
            return
        try:
            impact = self._services.clients.deletion_impact(ids[0])
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        if impact.blocked:
            dialogs.show_error(self, translate(
                "Clients", "У клиента «{name}» есть сделки ({d}) и заказы ({o}) — это история "
                           "продаж, её нельзя удалить.\nОтправьте клиента в архив: он исчезнет "
                           "из списка, но история сохранится.").format(
                name=impact.client_name, d=impact.deals, o=impact.orders))
            return
        text = translate(
            "Clients", "Удалить клиента «{name}» навсегда?\n\nВместе с ним будут удалены: "
                       "контактные лица — {c}, дела — {a}, рекламации — {p}, оценки — {s}.\n"
                       "Отменить удаление будет нельзя. Если клиент просто больше не нужен в "
                       "списке, отправьте его в архив.").format(
            name=impact.client_name, c=impact.contacts, a=impact.activities,
            p=impact.complaints, s=impact.scores)
        if not dialogs.confirm(self, translate("Clients", "Удаление клиента"), text):
            return
        try:
            self._services.clients.delete(ids[0])
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._after_change()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        current = self.current_id()
        if len(ids) != 2:
            dialogs.show_info(self, translate(
                "Clients", "Выделите в списке ровно двух клиентов (с Ctrl): того, кого "
                           "оставить, — последним щелчком."))
            return
        survivor = current if current in ids else ids[0]
        other = ids[1] if ids[0] == survivor else ids[0]
        keep = self._services.clients.get(survivor)
        gone = self._services.clients.get(other)
        text = translate(
            "Clients", "Оставить «{keep}» и перенести в него всё из «{gone}»: контакты, сделки, "
                       "заказы, дела, рекламации, оценки и метки?\n\nПустые реквизиты "
                       "заполнятся из второй карточки, затем «{gone}» будет удалён.").format(
            keep=keep.name, gone=gone.name)
        if not dialogs.confirm(self, translate("Clients", "Объединение клиентов"), text):
            return
        try:
            self._services.clients.merge(survivor, other)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return
        self._after_change(select=survivor)

    def export_clients(self) -> None:
        from pathlib import Path

        from app.views.background import run_with_progress

        path = dialogs.ask_save_path(
            self, translate("Clients", "Экспорт клиентов"), "clients.xlsx",
            translate("Clients", "Книга Excel (*.xlsx);;CSV для Excel (*.csv)"))
        if not path:
            return
        exporter = self._services.client_export
        query = self.query()

        def done(count: int) -> None:
            self.export_finished.emit(path, count)
            dialogs.show_info(self, translate(
                "Clients", "Выгружено клиентов: {n}\n{path}").format(n=count, path=path))

        def failed(message: str) -> None:
            self.export_finished.emit(path, -1)
            dialogs.show_error(self, message)

        run_with_progress(self, lambda: exporter.export(Path(path), query), done, failed,
                          label=translate("Clients", "Выгружаем клиентов…"))

    def export_mailing(self) -> None:
        """The mailing export over the clients the list's search and filters find."""
        from app.views.market.campaigns import MailingExportDialog

        ids = self._services.clients.search_ids(self.query())
        MailingExportDialog(services=self._services, parent=self, client_ids=ids).exec()

    def import_clients(self) -> None:
        from app.views.clients.import_dialog import ImportDialog

        dialog = ImportDialog(services=self._services, parent=self)
        dialog.exec()
        if dialog.imported:
            self._after_change()

    # --- saved filters -------------------------------------------------------------------------
    _FILTER_FIELDS = ("text", "status", "segment", "tag", "region", "industry",
                      "no_contact_days", "archived")

    def saved_filters(self) -> dict[str, dict[str, Any]]:
        raw = self._settings.value("clients/saved_filters", "{}")
        try:
            data = json.loads(str(raw))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def save_current_filter(self, name: str | None = None) -> str | None:
        name = name or dialogs.ask_text(self, translate("Clients", "Сохранить фильтр"),
                                        translate("Clients", "Название фильтра:"))
        if not name:
            return None
        q = self.query()
        data = self.saved_filters()
        data[name] = {f: getattr(q, f) for f in self._FILTER_FIELDS}
        self._settings.setValue("clients/saved_filters", json.dumps(data, ensure_ascii=False))
        return name

    def apply_saved_filter(self, name: str) -> bool:
        saved = self.saved_filters().get(name)
        if not isinstance(saved, dict):
            return False
        widgets = (self.search_edit, self.status_combo, self.segment_combo, self.tag_combo,
                   self.region_combo, self.industry_combo, self.no_contact_combo,
                   self.archive_button)
        for w in widgets:
            w.blockSignals(True)
        self.search_edit.setText(str(saved.get("text", "")))
        for combo, key in ((self.status_combo, "status"), (self.segment_combo, "segment"),
                           (self.tag_combo, "tag"), (self.region_combo, "region"),
                           (self.industry_combo, "industry")):
            combo.setCurrentIndex(max(combo.findData(saved.get(key, "")), 0))
        self.set_no_contact_days(int(saved.get("no_contact_days", 0) or 0))
        self.archive_button.setChecked(bool(saved.get("archived", False)))
        for w in widgets:
            w.blockSignals(False)
        self.reload()
        return True

    def delete_saved_filter(self, name: str) -> None:
        data = self.saved_filters()
        data.pop(name, None)
        self._settings.setValue("clients/saved_filters", json.dumps(data, ensure_ascii=False))

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        saved = self.saved_filters()
        for name in sorted(saved, key=str.casefold):
            menu.addAction(name).triggered.connect(
                lambda _=False, n=name: self.apply_saved_filter(n))
        if saved:
            menu.addSeparator()
        menu.addAction(translate("Clients", "Сохранить текущий фильтр…")).triggered.connect(
            lambda: self.save_current_filter())
        if saved:
            remove = menu.addMenu(translate("Clients", "Удалить"))
            for name in sorted(saved, key=str.casefold):
                remove.addAction(name).triggered.connect(
                    lambda _=False, n=name: self.delete_saved_filter(n))

    # --- context menus, header state -------------------------------------------------------
    def _on_view_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.view.selectRow(index.row())
        self.archive_action.setText(translate("Clients", "Вернуть из архива")
                                    if self.archive_button.isChecked()
                                    else translate("Clients", "В архив"))
        self._actions_menu.exec(self.view.viewport().mapToGlobal(pos))

    def _on_header_context_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for n, key in enumerate(COLUMN_KEYS):
            if key == "name":
                continue
            action = menu.addAction(self.model.headerData(n, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(n))
            action.toggled.connect(lambda on, col=n: self._set_column_visible(col, on))
        menu.exec(header.mapToGlobal(pos))

    def _set_column_visible(self, column: int, visible: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not visible)
        self._save_header()

    def _restore_header(self) -> None:
        header = self.view.horizontalHeader()
        state = self._settings.value("clients/header")
        if state is None or not header.restoreState(state):
            for n, key in enumerate(COLUMN_KEYS):
                header.setSectionHidden(n, key in HIDDEN_BY_DEFAULT)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def _save_header(self) -> None:
        self._settings.setValue("clients/header", self.view.horizontalHeader().saveState())
