"""The main window: tabs (built lazily), menus, status bar, remembered geometry."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedLayout,
    QTabWidget,
    QWidget,
)

from app import __version__
from app.bootstrap import Services
from app.i18n import translate
from app.views import dialogs
from app.views.tabs import TABS, Refreshable, TabSpec

if TYPE_CHECKING:  # the tabs are imported when first shown (start-up time)
    from app.views.clients import ClientsTab
    from app.views.deals.tab import DealsTab
    from app.views.mentoring import MentoringTab


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
        data_changed: a change made in one place that other tabs should show.
    """

    data_changed = Signal()

    def __init__(self, *, services: Services, settings: QSettings | None = None) -> None:
        super().__init__()
        self.services = services
        self._settings = settings or QSettings()
        self.setWindowTitle(translate("MainWindow", "SalesDesk — {name}").format(
            name=services.db_path.name))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._lazy: list[LazyTab] = []
        for spec in TABS:
            lazy = LazyTab(spec, self._factory_for(spec))
            self._lazy.append(lazy)
            self.tabs.addTab(lazy, spec.title())
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._pending_shortcuts: list[tuple[QAction, QKeySequence]] = []
        self._build_menus()
        self._db_label = QLabel(translate("MainWindow", "База данных: {path}").format(
            path=services.db_path))
        self.statusBar().addPermanentWidget(self._db_label)
        self._restore_state()
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
            return widget
        return build

    def open_item(self, kind: str, ident: int) -> None:
        """Show a deal, a client or a trainee in its own tab (requests from other tabs)."""
        if kind == "deal":
            cast("DealsTab", self.show_tab("deals")).open_deal(ident)
        elif kind == "client":
            cast("ClientsTab", self.show_tab("clients")).open_client(ident)
        elif kind == "trainee":
            tab = cast("MentoringTab", self.show_tab("mentoring"))
            tab.pages.setCurrentWidget(tab.trainees)
            tab.trainees.select_trainee(ident)

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
        backup = QAction(translate("MainWindow", "Создать резервную копию"), self)
        self._shortcut(backup, QKeySequence("Ctrl+Shift+B"))
        backup.triggered.connect(self._on_backup_triggered)
        file_menu.addAction(backup)
        backups = QAction(translate("MainWindow", "Резервные копии…"), self)
        backups.setObjectName("backupsAction")
        backups.triggered.connect(self._on_backups_triggered)
        file_menu.addAction(backups)
        reports = QAction(translate("MainWindow", "Отчёт для совещания…"), self)
        reports.setObjectName("meetingReportAction")
        self._shortcut(reports, QKeySequence("Ctrl+Shift+P"))
        reports.triggered.connect(self._on_meeting_report_triggered)
        file_menu.addAction(reports)
        file_menu.addSeparator()
        quit_action = QAction(translate("MainWindow", "Выход"), self)
        self._shortcut(quit_action, QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.edit_menu = bar.addMenu(translate("MainWindow", "&Правка"))
        refresh = QAction(translate("MainWindow", "Обновить"), self)
        self._shortcut(refresh, QKeySequence("F5"))
        refresh.triggered.connect(self.refresh_all)
        self.edit_menu.addAction(refresh)
        quick_add = QAction(translate("MainWindow", "Новое дело…"), self)
        quick_add.setObjectName("quickAddActivityAction")
        self._shortcut(quick_add, QKeySequence("Ctrl+Shift+A"))
        quick_add.triggered.connect(self.quick_add_activity)
        self.edit_menu.addAction(quick_add)
        self.edit_menu.addSeparator()
        company = QAction(translate("MainWindow", "Реквизиты компании…"), self)
        company.setObjectName("companySettingsAction")
        company.triggered.connect(self._on_company_settings_triggered)
        self.edit_menu.addAction(company)

        view_menu = bar.addMenu(translate("MainWindow", "&Вид"))
        for index, lazy in enumerate(self._lazy):
            action = QAction(lazy.spec.title(), self)
            if index < 9:
                self._shortcut(action, QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu(translate("MainWindow", "Язык интерфейса"))
        for code, label in (("ru", "Русский"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(self._settings.value("language", "ru") == code)
            action.triggered.connect(lambda _=False, c=code: self._on_language_chosen(c))
            lang_menu.addAction(action)

        help_menu = bar.addMenu(translate("MainWindow", "&Справка"))
        about = QAction(translate("MainWindow", "О программе"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

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
        return editor.saved_id

    def _on_meeting_report_triggered(self) -> None:
        from app.views.documents.report_dialog import open_report

        open_report(self, self.services)

    def _on_company_settings_triggered(self) -> None:
        from app.views.documents.company_dialog import open_company_dialog

        open_company_dialog(self, self.services)

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
        geometry = self._settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        from app.views.unsaved import settle_open_editors

        if not settle_open_editors():  # Отмена in an editor's question: the app stays
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)


