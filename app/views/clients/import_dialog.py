"""Import of clients from CSV/XLSX: choose the file, check the column mapping, preview, load.

The preview holds the first rows only; the check and the load read the file again as they
go (memory does not grow with the file). Both run on the thread pool; the report (per row)
comes back to the GUI thread through a signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import plural, translate
from app.services.clients.importer import (
    IMPORT_FIELDS,
    ImportReport,
    SourceTable,
    field_label,
    guess_mapping,
)
from app.services.errors import ServiceError
from app.views import dialogs, style
from app.views.background import Job, start
from app.views.column_mapping import build_import_panes
from app.views.column_mapping import read_preview as _read_preview
from app.views.geometry import FittedDialog


class ImportDialog(FittedDialog):
    """Signals:
        report_ready(object): an ImportReport arrived (check or load).
        file_loaded: reading the chosen file ended (shown, or refused with a message).
    """

    report_ready = Signal(object)
    file_loaded = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._importer = services.client_import
        self._table: SourceTable | None = None  # the first PREVIEW_ROWS rows
        self._path: Path | None = None
        self._job: Job | None = None
        self.report: ImportReport | None = None
        self.imported = False
        self.setWindowTitle(translate("ClientImport", "Импорт клиентов из CSV или Excel"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)

        panes = build_import_panes(
            layout, self, fields=IMPORT_FIELDS, label=field_label,
            file_hint=translate("ClientImport",
                                "Файл CSV (в том числе сохранённый из Excel) или XLSX"),
            info=translate("ClientImport", "Первая строка файла — заголовки колонок. "
                                           "Колонки сопоставляются с полями по названию; "
                                           "проверьте и поправьте сопоставление ниже."),
            report_hint=translate("ClientImport", "Нажмите «Проверить», чтобы увидеть, какие "
                                                  "строки загрузятся, а какие — нет и почему."),
            on_choose=self._on_choose_clicked, sizes=(220, 220, 180))
        self.path_edit, self.info_label = panes.path_edit, panes.info_label
        self.mapping_grid, self.preview_model = panes.mapping_grid, panes.preview_model
        self.preview_view, self.summary_label = panes.preview_view, panes.summary_label
        self.report_edit = panes.report_edit
        self.mapping_grid.changed.connect(self._on_mapping_changed)

        options = QHBoxLayout()
        self.skip_invalid_check = QCheckBox(translate(
            "ClientImport", "Загрузить верные строки, а ошибочные пропустить"))
        self.skip_invalid_check.setToolTip(translate(
            "ClientImport", "Без этой отметки при любой ошибке в файле не загрузится ничего"))
        self.duplicates_combo = QComboBox()
        self.duplicates_combo.addItem(translate(
            "ClientImport", "Клиентов с ИНН, который уже есть в базе, — пропускать"), False)
        self.duplicates_combo.addItem(translate(
            "ClientImport", "Клиентов с ИНН, который уже есть в базе, — обновлять"), True)
        # a row like a client of the base by name, phone or e-mail, not by ИНН (finding 10)
        self.near_combo = QComboBox()
        self.near_combo.setObjectName("nearDuplicatesCombo")
        for key, label in (("skip", translate("ClientImport", "Похожих на клиентов базы "
                                                              "и строки выше — пропускать")),
                           ("update", translate("ClientImport", "Похожих — обновлять "
                                                                "найденного клиента")),
                           ("import", translate("ClientImport", "Похожих — загружать как "
                                                                "новых"))):
            self.near_combo.addItem(label, key)
        self.near_combo.setToolTip(translate(
            "ClientImport", "Похожий — с тем же названием (без формы собственности и кавычек), "
                            "телефоном или e-mail, что у клиента в базе или в строке файла "
                            "выше, но без его ИНН; «обновлять» дополняет этого клиента или "
                            "клиента из той строки; «Проверить» покажет, на кого похожа "
                            "каждая строка"))
        # a prospect list from an exhibition belongs to it: one campaign for every row
        self.campaign_combo = QComboBox()
        self.campaign_combo.addItem("—", None)
        for campaign in services.market.campaign_choices():
            self.campaign_combo.addItem(campaign.name, campaign.id)
        self.campaign_combo.setToolTip(translate(
            "ClientImport", "Все загруженные клиенты войдут в эту кампанию (например, список "
                            "с выставки); у обновляемых клиентов кампания ставится, только "
                            "если её не было"))
        options.addWidget(self.skip_invalid_check)
        options.addStretch(1)
        options.addWidget(QLabel(translate("ClientImport", "Кампания:")))
        options.addWidget(self.campaign_combo)
        layout.addLayout(options)
        doubles = QHBoxLayout()  # a second row: one row was wider than a laptop's screen
        doubles.addWidget(self.duplicates_combo)
        doubles.addWidget(self.near_combo)
        doubles.addStretch(1)
        layout.addLayout(doubles)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton(translate("ClientImport", "Проверить"))
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button = QPushButton(translate("ClientImport", "Загрузить"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        close = QPushButton(translate("ClientImport", "Закрыть"))
        close.clicked.connect(self.accept)
        for b in (close, self.check_button, self.import_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._set_busy(False)

    # --- file and mapping --------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        path = dialogs.ask_open_path(self, translate("ClientImport", "Файл с клиентами"),
                                     translate("ClientImport",
                                               "Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)"))
        if path:
            self.load_file_in_background(Path(path))

    def load_file_in_background(self, path: Path) -> None:
        """Read the file on the thread pool (a big XLSX takes a while), then show it."""
        if self._job is not None:
            return
        self._set_busy(True)
        self.info_label.setText(translate("ClientImport", "Читаем файл…"))
        job = Job(lambda: _read_preview(path))
        job.signals.finished.connect(lambda preview: self._on_file_read(path, *preview),
                                     Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._on_file_failed, Qt.ConnectionType.QueuedConnection)
        self._job = start(job)

    def _on_file_read(self, path: Path, table: SourceTable, rows: int) -> None:
        self._job = None
        self._show_table(path, table, rows)
        self.file_loaded.emit()

    def _on_file_failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.info_label.setText("")
        dialogs.show_error(self, message)
        self.file_loaded.emit()

    def load_file(self, path: Path) -> bool:
        try:
            table, rows = _read_preview(path)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self._show_table(path, table, rows)
        return True

    def _show_table(self, path: Path, table: SourceTable, rows: int) -> None:
        self._table = table
        self._path = path
        self.path_edit.setText(str(path))
        self.info_label.setText(translate(
            "ClientImport", "{desc} · строк с данными: {n}").format(
            desc=table.description, n=f"{rows:n}"))
        self.preview_model.set_table(table)
        self._build_mapping(table, guess_mapping(table.headers))
        self.report = None
        self.report_edit.clear()
        self.summary_label.setText(translate("ClientImport", "Отчёт о проверке"))
        self._set_busy(False)

    def _build_mapping(self, table: SourceTable, mapping: dict[int, str]) -> None:
        self.mapping_grid.show_table(table, mapping)

    def mapping(self) -> dict[int, str]:
        return self.mapping_grid.mapping()

    def set_field(self, column: int, field: str) -> None:
        self.mapping_grid.set_field(column, field)

    def _on_mapping_changed(self) -> None:
        self.report = None
        self._set_busy(False)

    # --- running ----------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        ready = self._table is not None and not busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def start(self, *, dry_run: bool) -> None:
        if self._table is None or self._path is None or self._job is not None:
            return
        path = self._path
        mapping = self.mapping()
        if "name" not in mapping.values():
            dialogs.show_error(self, translate(
                "ClientImport", "Укажите, в какой колонке файла название клиента."))
            return
        skip = self.skip_invalid_check.isChecked()
        update = bool(self.duplicates_combo.currentData())
        near = str(self.near_combo.currentData())
        campaign = self.campaign_combo.currentData()
        self._set_busy(True)
        self.summary_label.setText(translate("ClientImport", "Проверяем…") if dry_run
                                   else translate("ClientImport", "Загружаем…"))
        job = Job(lambda: self._importer.import_file(
            path, mapping, skip_invalid=skip, update_duplicates=update, near_duplicates=near,
            dry_run=dry_run, campaign_id=campaign))
        job.signals.finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._on_job_failed, Qt.ConnectionType.QueuedConnection)
        self._job = start(job)

    def _on_job_failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.summary_label.setText(translate("ClientImport", "Отчёт о проверке"))
        dialogs.show_error(self, message)

    def _on_job_finished(self, report: ImportReport) -> None:
        self._job = None
        self.report = report
        self._set_busy(False)
        if report.committed:
            self.imported = True
        self.show_report(report)
        self.report_ready.emit(report)

    def show_report(self, r: ImportReport) -> None:
        if r.dry_run:
            head = translate("ClientImport", "Проверка: загрузится {i}, обновится {u}, "
                                             "пропущено {s}, с ошибками {x}")
        elif r.committed:
            head = translate("ClientImport", "Готово: загружено {i}, обновлено {u}, "
                                             "пропущено {s}, отклонено {x}")
        else:
            head = translate("ClientImport", "Ничего не загружено: строк с ошибками — {x}")
        self.summary_label.setText(head.format(i=r.imported, u=r.updated, s=r.skipped,
                                               x=r.rejected))
        style.set_tone(self.summary_label, "danger" if (
            r.rejected and not r.committed and not r.dry_run) else (
            "warning" if r.rejected or r.skipped else "success"))
        lines = []
        if r.dry_run and r.rejected and not self.skip_invalid_check.isChecked():
            lines.append(translate(
                "ClientImport", "В строгом режиме из-за ошибок не загрузится ничего. Исправьте "
                                "файл или отметьте «Загрузить верные строки, а ошибочные "
                                "пропустить» — тогда загрузятся верные строки."))
        if r.rejected and not r.committed and not r.dry_run:
            lines.append(translate(
                "ClientImport", "Исправьте ошибки в файле или отметьте «Загрузить верные "
                                "строки, а ошибочные пропустить»."))
        for p in r.problems:
            lines.append(translate("ClientImport", "Строка {line} ({name}): {msg}").format(
                line=p.line, name=p.name or "—", msg=p.message))
        if r.rejected > len(r.problems):
            lines.append(plural(r.rejected - len(r.problems), translate(
                "ClientImport", "… и ещё %n строка с ошибками|… и ещё %n строки с ошибками"
                                "|… и ещё %n строк с ошибками")))
        if r.near_duplicates:
            like_base = r.near_duplicates - r.near_in_file
            if like_base:
                lines.append(plural(like_base, translate(
                    "ClientImport", "%n строка похожа на клиента базы и пропущена|%n строки "
                                    "похожи на клиентов базы и пропущены|%n строк похожи на "
                                    "клиентов базы и пропущены")))
            if r.near_in_file:
                lines.append(plural(r.near_in_file, translate(
                    "ClientImport", "%n строка похожа на строку выше в том же файле и "
                                    "пропущена|%n строки похожи на строки выше в том же файле "
                                    "и пропущены|%n строк похожи на строки выше в том же файле "
                                    "и пропущены")))
            lines.append(translate(
                "ClientImport", "Если это не дубли, выберите «Похожих — загружать как новых» "
                                "или «обновлять найденного клиента»."))
        for p in r.skipped_rows:
            lines.append(translate("ClientImport", "Строка {line} ({name}): {msg}").format(
                line=p.line, name=p.name or "—", msg=p.message))
        if r.skipped > len(r.skipped_rows):
            lines.append(plural(r.skipped - len(r.skipped_rows), translate(
                "ClientImport", "… и ещё %n пропущенная строка|… и ещё %n пропущенные строки"
                                "|… и ещё %n пропущенных строк")))
        if not lines:
            lines.append(translate("ClientImport", "Ошибок нет."))
        self.report_edit.setPlainText("\n".join(lines))
