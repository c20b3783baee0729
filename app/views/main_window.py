"""The main window: tabs (built lazily), menus, status bar, remembered geometry."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedLayout,
    QStyle,
    QSystemTrayIcon,
    QTabWidget,
    QWidget,
)

from app import __version__
from app.bootstrap import Services
from app.i18n import translate
from app.views import dialogs
from app.views.tabs import TABS, Refreshable, TabSpec

if TYPE_CHECKING:  # the tabs are imported when first shown (start-up time)
    from app.views.activities.reminders import ReminderBanner, ReminderScheduler
    from app.views.clients import ClientsTab
    from app.views.deals.tab import DealsTab
    from app.views.mentoring import MentoringTab
    from app.views.orders.tab import OrdersTab
    from app.views.shortcuts_help import ShortcutRow


class LazyTab(QWidget):
    """Holds a tab's place and builds the real widget the first time it is needed.

    The content sits in a scroll area: on a small laptop screen a tab narrower than its
    toolbars scrolls sideways instead of forcing the window wider than the screen.
    """

    def __init__(self, spec: TabSpec, factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._factory = factory
        self._content: QWidget | None = None
        self._layout = QStackedLayout(self)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._layout.addWidget(self._scroll)

    @property
    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            self._scroll.setWidget(self._content)
        return self._content

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def refresh(self) -> None:
        if self._content is not None:
            # every tab class has refresh() (app/views/tabs.py); QWidget does not say so
            cast(Refreshable, self._content).refresh()


class MainWindow(QMainWindow):
    """Signals:
        data_changed: a change made in one place that other tabs should show (activities
            too: the reminder scheduler re-arms on it).
    """

    data_changed = Signal()

    def __init__(self, *, services: Services, settings: QSettings | None = None) -> None:
        super().__init__()
        self.services = services
        self._settings = settings or QSettings()
        self.setWindowTitle(translate("MainWindow", "SalesDesk — {name}").format(
            name=services.db_path.name))
        from app.views.icons import icon

        self.setWindowIcon(icon("app", "ACCENT"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._lazy: list[LazyTab] = []
        for spec in TABS:
            lazy = LazyTab(spec, self._factory_for(spec))
            self._lazy.append(lazy)
            # each tab's icon is named by its key; the current one in the accent colour
            self.tabs.addTab(lazy, icon(spec.key, "MUTED"), spec.title())
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._pending_shortcuts: list[tuple[QAction, QKeySequence]] = []
        self.reminders: ReminderScheduler | None = None  # start_reminders(), after the window
        self.reminder_banner: ReminderBanner | None = None
        self.tray: QSystemTrayIcon | None = None
        self._quitting = False  # Выход (menu, tray): close for real, not into the tray
        self._build_menus()
        self._db_label = QLabel(translate("MainWindow", "База данных: {path}").format(
            path=services.db_path))
        self.statusBar().addPermanentWidget(self._db_label)
        self._restore_state()
        from PySide6.QtGui import QGuiApplication

        from app.views import style

        # the theme: the system's, live, unless Вид → Оформление chose one
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)
        style.changes().changed.connect(self._on_theme_changed)
        # Shortcuts and the first tab come right after the window appears, not before it.
        QTimer.singleShot(0, self._install_shortcuts)
        QTimer.singleShot(0, lambda: self._on_tabs_current_changed(self.tabs.currentIndex()))

    def _factory_for(self, spec: TabSpec) -> Callable[[], QWidget]:
        def build() -> QWidget:
            module = importlib.import_module(spec.module)
            cls = getattr(module, spec.class_name)
            widget: QWidget = cls(services=self.services)
            if hasattr(widget, "open_requested"):
                widget.open_requested.connect(self.open_item)
            if hasattr(widget, "activities_changed"):
                widget.activities_changed.connect(self.data_changed)
            return widget
        return build

    def open_item(self, kind: str, ident: int) -> None:
        """Show a deal, a client, an order or a trainee in its own tab (requests from other
        tabs)."""
        if kind == "deal":
            cast("DealsTab", self.show_tab("deals")).open_deal(ident)
        elif kind == "client":
            cast("ClientsTab", self.show_tab("clients")).open_client(ident)
        elif kind == "order":
            cast("OrdersTab", self.show_tab("orders")).open_order(ident)
        elif kind == "trainee":
            tab = cast("MentoringTab", self.show_tab("mentoring"))
            tab.pages.setCurrentWidget(tab.trainees)
            tab.trainees.select_trainee(ident)

    def open_global_search(self) -> QWidget:
        """Ctrl+K: the box over the whole base; Enter shows the hit where it lives."""
        from app.views.global_search import GlobalSearchDialog

        dialog = GlobalSearchDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self._open_search_hit)
        dialog.open()
        return dialog

    def _open_search_hit(self, target: str, ident: int) -> None:
        if target == "product":
            from app.views.deals.catalog import CatalogDialog

            catalog = CatalogDialog(services=self.services, parent=self)
            catalog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            catalog.show_product(ident)
            catalog.open()
        else:
            self.open_item(target, ident)

    # --- tabs -----------------------------------------------------------------
    def tab_keys(self) -> list[str]:
        return [lazy.spec.key for lazy in self._lazy]

    def show_tab(self, key: str) -> QWidget:
        """Switch to a tab by key and return its (built) content widget."""
        for index, lazy in enumerate(self._lazy):
            if lazy.spec.key == key:
                self.tabs.setCurrentIndex(index)
                return lazy.content
        raise KeyError(key)

    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._lazy):
            lazy = self._lazy[index]
            if lazy.is_built:
                lazy.refresh()
            else:
                _ = lazy.content
            if self.reminders is not None:  # an edit made in the tab left may move a reminder
                self.data_changed.emit()

    def _on_undo_failed(self, message: str) -> None:
        dialogs.show_error(self, translate("MainWindow", "Не удалось отменить или повторить:"
                                                         "\n{reason}").format(reason=message))
        self.refresh_all()

    def _on_undo_changed(self) -> None:
        self.refresh_all()
        self.data_changed.emit()

    def current_tab_ready(self) -> bool:
        index = self.tabs.currentIndex()
        return 0 <= index < len(self._lazy) and self._lazy[index].is_built

    def refresh_all(self) -> None:
        for lazy in self._lazy:
            lazy.refresh()

    # --- menus ----------------------------------------------------------------
    def _shortcut(self, action: QAction, keys: QKeySequence) -> None:
        """Shortcuts are bound right after the window appears: the first binding makes
        PySide6 build its large key enums (~30 ms), which need not delay the window."""
        self._pending_shortcuts.append((action, keys))

    def _install_shortcuts(self) -> None:
        for action, keys in self._pending_shortcuts:
            action.setShortcut(keys)
        self._pending_shortcuts.clear()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&Файл"))
        from app.views.icons import icon

        backup = QAction(icon("backup"), translate("MainWindow", "Создать резервную копию"),
                         self)
        self._shortcut(backup, QKeySequence("Ctrl+Shift+B"))
        backup.triggered.connect(self._on_backup_triggered)
        file_menu.addAction(backup)
        backups = QAction(icon("backups"), translate("MainWindow", "Резервные копии…"), self)
        backups.setObjectName("backupsAction")
        backups.triggered.connect(self._on_backups_triggered)
        file_menu.addAction(backups)
        reports = QAction(icon("report"), translate("MainWindow", "Отчёт для совещания…"),
                          self)
        reports.setObjectName("meetingReportAction")
        self._shortcut(reports, QKeySequence("Ctrl+Shift+P"))
        reports.triggered.connect(self._on_meeting_report_triggered)
        file_menu.addAction(reports)
        file_menu.addSeparator()
        for text, name, slot, glyph in (
                (translate("MainWindow", "Экспорт календаря (.ics)…"), "exportCalendarAction",
                 self._on_export_calendar_triggered, "calendar-export"),
                (translate("MainWindow", "Импорт календаря (.ics)…"), "importCalendarAction",
                 self._on_import_calendar_triggered, "calendar-import")):
            ics = QAction(icon(glyph), text, self)
            ics.setObjectName(name)
            ics.triggered.connect(slot)
            file_menu.addAction(ics)
        file_menu.addSeparator()
        quit_action = QAction(icon("quit"), translate("MainWindow", "Выход"), self)
        self._shortcut(quit_action, QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)

        self.edit_menu = bar.addMenu(translate("MainWindow", "&Правка"))
        from app.views.undo import history

        undo_history = history()
        undo_history.belong_to(self._on_undo_failed, self._on_undo_changed)
        self.undo_action = undo_history.stack.createUndoAction(
            self, translate("MainWindow", "Отменить"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setIcon(icon("undo"))
        self._shortcut(self.undo_action, QKeySequence(QKeySequence.StandardKey.Undo))
        self.edit_menu.addAction(self.undo_action)
        self.redo_action = undo_history.stack.createRedoAction(
            self, translate("MainWindow", "Повторить"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setIcon(icon("redo"))
        self._shortcut(self.redo_action, QKeySequence("Ctrl+Shift+Z"))
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        find = QAction(icon("search"), translate("MainWindow", "Найти везде…"), self)
        find.setObjectName("globalSearchAction")
        self._shortcut(find, QKeySequence("Ctrl+K"))
        find.triggered.connect(self.open_global_search)
        self.edit_menu.addAction(find)
        refresh = QAction(icon("refresh"), translate("MainWindow", "Обновить"), self)
        self._shortcut(refresh, QKeySequence("F5"))
        refresh.triggered.connect(self.refresh_all)
        self.edit_menu.addAction(refresh)
        quick_add = QAction(icon("activity"), translate("MainWindow", "Новое дело…"), self)
        quick_add.setObjectName("quickAddActivityAction")
        self._shortcut(quick_add, QKeySequence("Ctrl+Shift+A"))
        quick_add.triggered.connect(self.quick_add_activity)
        self.edit_menu.addAction(quick_add)
        self.edit_menu.addSeparator()
        company = QAction(icon("company"), translate("MainWindow", "Реквизиты компании…"), self)
        company.setObjectName("companySettingsAction")
        company.triggered.connect(self._on_company_settings_triggered)
        self.edit_menu.addAction(company)
        rhythm = QAction(icon("rhythm"), translate("MainWindow", "Ритм работы с клиентами…"),
                         self)
        rhythm.setObjectName("rhythmSettingsAction")
        rhythm.triggered.connect(self._on_rhythm_settings_triggered)
        self.edit_menu.addAction(rhythm)

        view_menu = bar.addMenu(translate("MainWindow", "&Вид"))
        for index, lazy in enumerate(self._lazy):
            action = QAction(lazy.spec.title(), self)
            if index < 9:
                self._shortcut(action, QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.tray_option = QAction(translate("MainWindow", "Сворачивать в трей"), self)
        self.tray_option.setObjectName("trayOptionAction")
        self.tray_option.setCheckable(True)
        self.tray_option.setChecked(
            bool(self._settings.value("tray/enabled", False, type=bool)))
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.tray_option.setChecked(False)
            self.tray_option.setEnabled(False)
            self.tray_option.setToolTip(translate(
                "MainWindow", "Системный трей недоступен в этом окружении"))
            view_menu.setToolTipsVisible(True)
        self.tray_option.toggled.connect(self._on_tray_option_toggled)
        view_menu.addAction(self.tray_option)
        self._build_theme_menu(view_menu)
        lang_menu = view_menu.addMenu(translate("MainWindow", "Язык интерфейса"))
        for code, label in (("ru", "Русский"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(self._settings.value("language", "ru") == code)
            action.triggered.connect(lambda _=False, c=code: self._on_language_chosen(c))
            lang_menu.addAction(action)

        help_menu = bar.addMenu(translate("MainWindow", "&Справка"))
        keys = QAction(icon("keyboard"), translate("MainWindow", "Горячие клавиши…"), self)
        keys.setObjectName("shortcutsHelpAction")
        self._shortcut(keys, QKeySequence(QKeySequence.StandardKey.HelpContents))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        wizard = QAction(icon("wizard"), translate("MainWindow", "Мастер первого запуска…"),
                         self)
        wizard.setObjectName("firstRunAction")
        wizard.triggered.connect(self.open_first_run)
        help_menu.addAction(wizard)
        about = QAction(icon("about"), translate("MainWindow", "О программе"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def offer_first_run(self) -> QWidget | None:
        """At start: the first-run wizard on a base that has not been through it."""
        from app.views.first_run import wants_first_run

        return self.open_first_run() if wants_first_run(self.services) else None

    def open_first_run(self) -> QWidget:
        from app.views.first_run import FirstRunWizard

        wizard = FirstRunWizard(services=self.services, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished_with.connect(self._on_first_run_finished)
        wizard.open()
        return wizard

    def _on_first_run_finished(self, choice: str) -> None:
        if choice == "import":
            cast("ClientsTab", self.show_tab("clients")).import_clients()
        elif choice == "demo":
            from app.services.demo import DemoSizes, generate_demo
            from app.views.background import run_with_progress

            def done(_summary: object) -> None:
                self.refresh_all()
                self.data_changed.emit()

            run_with_progress(self, lambda: generate_demo(self.services.uow_factory,
                                                          DemoSizes(), seed=1),
                              done, lambda message: dialogs.show_error(self, message),
                              label=translate("MainWindow", "Заполняем демонстрационные "
                                                            "данные…"))
        else:
            self.show_tab("clients")

    def shortcut_rows(self) -> list[ShortcutRow]:
        """Every shortcut: the menus' first, then each tab's (each tab built to list them)."""
        from app.views.shortcuts_help import menu_rows, widget_rows

        rows = menu_rows([a.menu() for a in self.menuBar().actions()  # type: ignore[misc]
                          if a.menu() is not None])
        for lazy in self._lazy:
            rows += widget_rows(lazy.spec.title(), lazy.content)
        return rows

    def show_shortcuts(self) -> QWidget:
        """F1: the list of shortcuts, generated from the actions themselves."""
        from app.views.shortcuts_help import ShortcutsDialog

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dialog = ShortcutsDialog(self.shortcut_rows(), self)
        finally:
            QApplication.restoreOverrideCursor()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def quick_add_activity(self) -> int | None:
        """Ctrl+Shift+A: the activity editor with the current tab's deal or client pre-filled
        (a tab says which through `current_deal_id()` / `current_client_id()`)."""
        from app.views.activities.editor import ActivityEditor

        index = self.tabs.currentIndex()
        lazy = self._lazy[index] if 0 <= index < len(self._lazy) else None
        tab = lazy.content if lazy is not None and lazy.is_built else None
        deal_id = client_id = None
        if tab is not None and hasattr(tab, "current_deal_id"):
            deal_id = tab.current_deal_id()
        if tab is not None and hasattr(tab, "current_client_id"):
            client_id = tab.current_client_id()
        editor = ActivityEditor(services=self.services, deal_id=deal_id, client_id=client_id,
                                parent=self)
        if not editor.exec():
            return None
        if lazy is not None:
            lazy.refresh()
        self.data_changed.emit()
        return editor.saved_id

    # --- reminders and the tray ---------------------------------------------------
    def start_reminders(self, now: Callable[[], datetime] | None = None) -> ReminderScheduler:
        """The reminder scheduler, its banner and the tray icon — started once the window is
        shown and its first tab filled (app.gui), so they never delay the start."""
        from app.views.activities.reminders import (
            ReminderBanner,
            ReminderScheduler,
            notify_tray,
            utc_now,
        )

        if self.reminders is not None:
            return self.reminders
        scheduler = ReminderScheduler(services=self.services, now=now or utc_now, parent=self)
        banner = ReminderBanner(services=self.services, scheduler=scheduler, parent=self)
        banner.activities_changed.connect(self.data_changed)
        banner.activities_changed.connect(self.refresh_all)
        scheduler.reminders_due.connect(banner.show_reminders)
        scheduler.reminders_due.connect(lambda due: notify_tray(self.tray, due))
        scheduler.missed_found.connect(lambda due: banner.show_reminders(due, missed=True))
        scheduler.missed_found.connect(lambda due: notify_tray(self.tray, due, missed=True))
        self.data_changed.connect(scheduler.changed)
        self.reminders, self.reminder_banner = scheduler, banner
        self._sync_tray()
        QTimer.singleShot(0, scheduler.start)  # its `ready` can be waited on from here
        return scheduler

    def _sync_tray(self) -> None:
        """The tray icon, where the desktop has a tray: reminders are shown there, and with
        «Сворачивать в трей» on the closed window waits there."""
        from PySide6.QtWidgets import QMenu

        if QSystemTrayIcon.isSystemTrayAvailable() and self.tray is None:
            icon = self.windowIcon()
            if icon.isNull():
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
            self.tray = QSystemTrayIcon(icon, self)
            menu = QMenu(self)
            menu.addAction(translate("MainWindow", "Открыть"), self.show_from_tray)
            menu.addAction(translate("MainWindow", "Выход"), self.quit)
            self.tray.setContextMenu(menu)
            self.tray.setToolTip("SalesDesk")
            self.tray.activated.connect(self._on_tray_activated)
            self.tray.show()

    def _on_tray_option_toggled(self, on: bool) -> None:
        self._settings.setValue("tray/enabled", on)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_from_tray()

    def show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Выход: the window closes for real, whatever the tray option says."""
        self._quitting = True
        if not self.close():
            self._quitting = False

    def _to_tray_on_close(self) -> bool | None:
        """Whether closing the window hides it in the tray: asked once, then remembered
        (None: the user cancelled the question)."""
        from app.views.activities import reminders

        if self._quitting or self.tray is None or not self.tray_option.isChecked():
            return False
        answer = self._settings.value("tray/on_close", "")
        if answer not in ("tray", "quit"):
            answer = reminders.ask_tray_or_quit(self)
            if answer is None:
                return None
            self._settings.setValue("tray/on_close", answer)
        return answer == "tray"

    # --- calendar files -------------------------------------------------------------
    def _on_export_calendar_triggered(self) -> None:
        from app.views.activities.calendar import export_calendar

        export_calendar(self, self.services)

    def _on_import_calendar_triggered(self) -> None:
        from app.views.activities.calendar import import_calendar

        def imported() -> None:
            self.refresh_all()
            self.data_changed.emit()

        import_calendar(self, self.services, imported)

    def _on_meeting_report_triggered(self) -> None:
        from app.views.documents.report_dialog import open_report

        open_report(self, self.services)

    def _on_company_settings_triggered(self) -> None:
        from app.views.documents.company_dialog import open_company_dialog

        open_company_dialog(self, self.services)

    def _on_rhythm_settings_triggered(self) -> None:
        from app.views.activities.rhythm import open_rhythm_dialog

        if open_rhythm_dialog(self, self.services):
            self.refresh_all()  # «Пора позвонить» on Сегодня follows the new rhythm

    def _on_backup_triggered(self) -> None:
        from app.backups import BackupInfo
        from app.views import background

        def done(info: BackupInfo) -> None:
            self.statusBar().showMessage(translate(
                "MainWindow", "Резервная копия сохранена: {path}").format(path=info.path), 8000)

        def failed(message: str) -> None:
            dialogs.show_error(self, translate(
                "MainWindow", "Резервная копия не создана: {e}").format(e=message))

        background.run_with_progress(self, lambda: self.services.backup.create("manual"),
                                     done, failed,
                                     label=translate("MainWindow", "Создаю резервную копию…"))

    def _on_backups_triggered(self) -> None:
        from app.views.backups import open_backups

        open_backups(self, self.services)

    def _build_theme_menu(self, view_menu: QMenu) -> None:
        from PySide6.QtGui import QActionGroup

        from app.views.style import THEME_CHOICES

        menu = view_menu.addMenu(translate("MainWindow", "Оформление"))
        menu.setObjectName("themeMenu")
        group = QActionGroup(self)
        chosen = self.theme_choice()
        labels = {"system": translate("MainWindow", "Как в системе"),
                  "light": translate("MainWindow", "Светлое"),
                  "dark": translate("MainWindow", "Тёмное")}
        self.theme_actions: dict[str, QAction] = {}
        for choice in THEME_CHOICES:
            action = QAction(labels[choice], self)
            action.setObjectName(f"theme_{choice}")
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            action.triggered.connect(lambda _=False, c=choice: self.choose_theme(c))
            group.addAction(action)
            menu.addAction(action)
            self.theme_actions[choice] = action

    def theme_choice(self) -> str:
        """Вид → Оформление: system (the default), light or dark."""
        from app.views.style import THEME_CHOICES, THEME_KEY

        value = str(self._settings.value(THEME_KEY, "system"))
        return value if value in THEME_CHOICES else "system"

    def choose_theme(self, choice: str) -> None:
        """Show the window in `choice` now, and keep it for the next start."""
        from app.views import style

        self._settings.setValue(style.THEME_KEY, choice)
        self.theme_actions[choice].setChecked(True)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        style.apply_theme(app, style.theme_for(choice))

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme_choice() == "system":
            self.choose_theme("system")

    def _on_theme_changed(self, _name: str) -> None:
        # what a tab drew with the old colours (charts, chips it keeps) is drawn again
        self.refresh_all()

    def _on_language_chosen(self, code: str) -> None:
        self._settings.setValue("language", code)
        dialogs.show_info(self, translate(
            "MainWindow", "Язык интерфейса сменится при следующем запуске программы."))

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            translate("MainWindow", "О программе"),
            translate(
                "MainWindow",
                "<h3>SalesDesk {version}</h3><p>Рабочий день менеджера по продажам в одном "
                "окне: клиенты, сделки, план, документы и наставничество — без интернета.</p>"
                "<p>База данных: {path}</p>",
            ).format(version=__version__, path=self.services.db_path),
        )

    # --- state ----------------------------------------------------------------
    def _restore_state(self) -> None:
        from app.views.geometry import restore_geometry

        restore_geometry(self, self._settings.value("main_window/geometry"),
                         preferred=QSize(1280, 800), minimum=QSize(900, 560))
        key = self._settings.value("main_window/tab", "today")
        keys = self.tab_keys()
        if key in keys:
            self.tabs.setCurrentIndex(keys.index(key))

    def save_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        index = self.tabs.currentIndex()
        if 0 <= index < len(self._lazy):
            self._settings.setValue("main_window/tab", self._lazy[index].spec.key)
        self._settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        """Inside the screen with its frame (a saved geometry is checked before the frame
        exists; `views/geometry.py`)."""
        if not (self.isMaximized() or self.isFullScreen()):
            from app.views.geometry import fit_to_screen

            fit_to_screen(self)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        from app.views.unsaved import settle_open_editors

        to_tray = self._to_tray_on_close()
        if to_tray is None or to_tray:  # Отмена, or the window waits in the tray
            event.ignore()
            if to_tray:
                self.hide()
            return
        if not settle_open_editors():  # Отмена in an editor's question: the app stays
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)


