"""Файл → Резервные копии…: the list of this database's backups, making one, restoring one.

A restore in the running window closes every connection, backs the current file up, swaps
the chosen copy in atomically and re-opens it (BackupService.restore); the tabs then reload.
The automatic-backup settings (interval, how many daily and weekly copies, a second folder)
are edited here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import date_time
from app.domain.money import format_count
from app.i18n import translate
from app.services.backup import BackupInfo, BackupSettings, RestoreResult, backup_kind_label
from app.services.errors import ValidationError
from app.views import background, dialogs, style
from app.views.forms import FieldErrors, form_layout
from app.views.geometry import FittedDialog
from app.views.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from app.bootstrap import Services


def data_size(size: int) -> str:
    """«1,4 МБ»: a file's size in the units a user reads."""
    units = (translate("Backups", "байт"), translate("Backups", "КБ"),
             translate("Backups", "МБ"), translate("Backups", "ГБ"))
    value = float(size)
    step = 0
    while value >= 1024 and step < len(units) - 1:
        value /= 1024
        step += 1
    unit = units[step]
    text = f"{value:.0f}" if unit == units[0] or value >= 100 else f"{value:.1f}"
    return f"{text.replace('.', ',')}\u00a0{unit}"


def _count(value: int | None) -> str:
    return "—" if value is None else format_count(value)


def _columns() -> list[Column[BackupInfo]]:
    yes, no = translate("Backups", "да"), translate("Backups", "нет")
    return [
        Column(translate("Backups", "Дата"), lambda b: date_time(b.created)),
        Column(translate("Backups", "Вид"), lambda b: backup_kind_label(b.kind)),
        Column(translate("Backups", "Размер"), lambda b: data_size(b.size), numeric=True),
        Column(translate("Backups", "Клиентов"), lambda b: _count(b.clients), numeric=True),
        Column(translate("Backups", "Сделок"), lambda b: _count(b.deals), numeric=True),
        Column(translate("Backups", "Проверена"), lambda b: yes if b.verified else no,
               color=lambda b: None if b.verified else style.WARNING),
        Column(translate("Backups", "Файл"), lambda b: b.path.name,
               tooltip=lambda b: str(b.path)),
    ]


class BackupsDialog(FittedDialog):
    """The backups window. Signals: none; `restored` is set after a successful restore."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(translate("Backups", "Резервные копии"))
        self._services = services
        self.restored: RestoreResult | None = None
        layout = QVBoxLayout(self)
        where = QLabel(translate("Backups", "База: {db}\nПапка копий: {folder}").format(
            db=services.db_path, folder=services.backup.folder))
        where.setWordWrap(True)
        layout.addWidget(where)

        self.model: RecordTableModel[BackupInfo] = RecordTableModel(_columns(), self)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self._on_restore_clicked())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.create_button = QPushButton(translate("Backups", "Создать сейчас"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self._on_create_clicked)
        self.restore_button = QPushButton(translate("Backups", "Восстановить…"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.restore_file_button = QPushButton(translate("Backups", "Из файла…"))
        self.restore_file_button.setToolTip(translate(
            "Backups", "Восстановить из копии, сохранённой в другом месте"))
        self.restore_file_button.clicked.connect(self._on_restore_file_clicked)
        self.delete_button = QPushButton(translate("Backups", "Удалить"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        folder = QPushButton(translate("Backups", "Открыть папку"))
        folder.clicked.connect(self._on_open_folder_clicked)
        close = QPushButton(translate("Backups", "Закрыть"))
        close.clicked.connect(self.reject)
        for button in (self.create_button, self.restore_button, self.restore_file_button,
                       self.delete_button, folder):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        layout.addWidget(self._settings_box())
        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.resize(880, 540)
        self.reload()

    # --- settings ---------------------------------------------------------------------------
    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(translate("Backups", "Автоматические копии"))
        form = form_layout(box)
        self.errors = FieldErrors()
        current = self._services.backup.settings()
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 30)
        self.interval.setSuffix(translate("Backups", " ч"))
        self.interval.setValue(current.interval_hours)
        self.daily = QSpinBox()
        self.daily.setRange(1, 366)
        self.daily.setValue(current.daily)
        self.weekly = QSpinBox()
        self.weekly.setRange(0, 520)
        self.weekly.setValue(current.weekly)
        for spin in (self.interval, self.daily, self.weekly):
            spin.setMaximumWidth(110)
        self.second_folder = QLineEdit(current.second_folder)
        self.second_folder.setPlaceholderText(translate(
            "Backups", "например, папка на внешнем диске (необязательно)"))
        pick = QPushButton(translate("Backups", "Выбрать…"))
        pick.clicked.connect(self._on_pick_folder_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.second_folder, 1)
        row.addWidget(pick)
        folder_row = QWidget()
        folder_row.setLayout(row)
        self.errors.add_row(form, translate("Backups", "При запуске, не чаще чем раз в"),
                            "interval_hours", self.interval)
        self.errors.add_row(form, translate("Backups", "Хранить ежедневных копий"), "daily",
                            self.daily)
        self.errors.add_row(form, translate("Backups", "Хранить еженедельных копий"), "weekly",
                            self.weekly)
        self.errors.add_row(form, translate("Backups", "Вторая папка"), "second_folder",
                            folder_row)
        note = QLabel(translate("Backups", "Копии «перед обновлением» и «перед "
                                           "восстановлением» хранятся 90 дней, сделанные "
                                           "вручную — пока вы их не удалите."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        form.addRow(note)
        save = QPushButton(translate("Backups", "Сохранить настройки"))
        save.clicked.connect(self._on_save_settings_clicked)
        form.addRow("", save)
        return box

    def settings(self) -> BackupSettings:
        return BackupSettings(interval_hours=self.interval.value(), daily=self.daily.value(),
                              weekly=self.weekly.value(),
                              second_folder=self.second_folder.text().strip())

    def _on_save_settings_clicked(self) -> None:
        self.errors.clear()
        try:
            self._services.backup.save_settings(self.settings())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        self.status.setText(translate("Backups", "Настройки сохранены."))

    def _on_pick_folder_clicked(self) -> None:
        folder = dialogs.ask_folder(self, translate("Backups", "Вторая папка для копий"))
        if folder:
            self.second_folder.setText(folder)

    # --- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.set_rows(self._services.backup.list())
        if self.model.rowCount():
            self.table.selectRow(0)
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.delete_button.setEnabled(self.model.rowCount() > 0)

    def _on_delete_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None or not dialogs.confirm(
                self, translate("Backups", "Удаление копии"),
                translate("Backups", "Удалить копию от {when} ({kind})? Её нельзя будет "
                                     "вернуть.").format(when=date_time(chosen.created),
                                                         kind=backup_kind_label(chosen.kind))):
            return
        self._services.backup.delete(chosen.path)
        self.reload()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _on_create_clicked(self) -> None:
        self.create_button.setEnabled(False)

        def done(info: BackupInfo) -> None:
            self.create_button.setEnabled(True)
            self.reload()
            self.status.setText(translate("Backups", "Копия создана и проверена: {path}").format(
                path=info.path))

        def failed(message: str) -> None:
            self.create_button.setEnabled(True)
            self.status.setText(message)
            dialogs.show_error(self, message)

        background.run_with_progress(self, lambda: self._services.backup.create("manual"),
                                     done, failed,
                                     label=translate("Backups", "Создаю резервную копию…"))

    def _on_restore_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._restore(chosen.path, translate(
                "Backups", "Восстановить базу из копии от {when} (клиентов: {clients}, "
                           "сделок: {deals})?").format(when=date_time(chosen.created),
                                                       clients=_count(chosen.clients),
                                                       deals=_count(chosen.deals)))

    def _on_restore_file_clicked(self) -> None:
        path = dialogs.ask_open_path(self, translate("Backups", "Копия базы SalesDesk"),
                                     translate("Backups", "База SalesDesk (*.db);;Все файлы (*)"))
        if path:
            self._restore(Path(path), translate(
                "Backups", "Восстановить базу из файла {path}?").format(path=path))

    def _restore(self, source: Path, question: str) -> None:
        question += "\n\n" + translate(
            "Backups", "Всё, что изменено после этой копии, пропадёт из базы; нынешнее "
                       "состояние сначала сохраняется как копия «перед восстановлением».")
        if not dialogs.confirm(self, translate("Backups", "Восстановление"), question):
            return
        background.wait_for_all()  # no job may hold a connection while the file is swapped

        def done(result: RestoreResult) -> None:
            self.restored = result
            self.reload()
            self.status.setText(translate("Backups", "База восстановлена из {src}.").format(
                src=source))
            parent = self.parent()
            refresh = getattr(parent, "refresh_all", None)
            if callable(refresh):
                refresh()

        def failed(message: str) -> None:
            self.status.setText(message)
            dialogs.show_error(self, message)

        background.run_with_progress(self, lambda: self._services.backup.restore(source),
                                     done, failed,
                                     label=translate("Backups", "Восстанавливаю базу…"))

    def _on_open_folder_clicked(self) -> None:
        folder = self._services.backup.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_backups(parent: QWidget | None, services: Services) -> BackupsDialog:
    dialog = BackupsDialog(services, parent)
    dialog.exec()
    return dialog
