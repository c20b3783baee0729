"""Import of a competitor's price list (CSV/XLSX): the file, the column mapping (the client
import's `ColumnMappingGrid`), the day and source of the prices, a check, then the load.

Rows are matched to our catalog by SKU, else by name; unmatched and invalid rows are listed
and nothing is stored while there are any (unmatched ones may be skipped on request). The
reading, the check and the load run on the thread pool.
"""

from __future__ import annotations

from datetime import date
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
from app.services.clients.importer import SourceTable, guess_mapping
from app.services.errors import ServiceError
from app.services.market.competitors import (
    IMPORT_FIELDS,
    PRICE_LIST_SYNONYMS,
    PRICE_SOURCES,
    CompetitorRow,
    PriceImportReport,
    import_field_label,
    price_source_label,
)
from app.views import dialogs, style
from app.views.background import Job, start
from app.views.column_mapping import (
    build_import_panes,
    read_preview,
)
from app.views.forms import form_layout
from app.views.geometry import FittedDialog
from app.views.orders.fields import date_edit, read_date
from app.views.style import named


class PriceImportDialog(FittedDialog):
    """Signals:
        report_ready(object): a PriceImportReport arrived (check or load).
        file_loaded: reading the chosen file ended (shown, or refused with a message).
    """

    report_ready = Signal(object)
    file_loaded = Signal()

    def __init__(self, *, services: Services, competitor: CompetitorRow,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._market = services.market
        self.competitor = competitor
        self._table: SourceTable | None = None
        self._path: Path | None = None
        self._job: Job | None = None
        self.report: PriceImportReport | None = None
        self.imported = False
        self.setWindowTitle(translate("Market", "Импорт прайса: {name}").format(
            name=competitor.name))
        self.resize(940, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        panes = build_import_panes(
            layout, self, fields=IMPORT_FIELDS, label=import_field_label,
            file_hint=translate("Market", "Прайс конкурента: CSV (в том числе из Excel) или XLSX"),
            info=translate("Market", "Первая строка — заголовки. Строки сопоставляются с нашим "
                                     "каталогом по артикулу, а если его нет — по наименованию."),
            report_hint=translate("Market", "Нажмите «Проверить»: отчёт покажет, какие строки "
                                            "найдены в каталоге, а какие — нет и почему."),
            on_choose=self._on_choose_clicked, sizes=(200, 200, 170))
        self.path_edit, self.info_label = panes.path_edit, panes.info_label
        self.mapping_grid, self.preview_model = panes.mapping_grid, panes.preview_model
        self.preview_view, self.summary_label = panes.preview_view, panes.summary_label
        self.report_edit = panes.report_edit
        self.mapping_grid.changed.connect(self._on_mapping_changed)

        options = form_layout()
        self.date_edit = date_edit(today or date.today())
        self.date_edit.setToolTip(translate(
            "Market", "Дата цен для строк, где в файле нет колонки с датой"))
        self.source_combo = QComboBox()
        for key in PRICE_SOURCES:
            self.source_combo.addItem(price_source_label(key), key)
        self.skip_check = QCheckBox(translate(
            "Market", "Пропустить строки, не найденные в каталоге (они будут в отчёте)"))
        self.skip_check.setToolTip(translate(
            "Market", "Без этой отметки при любой ненайденной строке не загрузится ничего"))
        line = QHBoxLayout()
        line.addWidget(self.date_edit)
        line.addSpacing(12)
        line.addWidget(QLabel(translate("Market", "Источник")))
        line.addWidget(self.source_combo)
        line.addStretch(1)
        options.addRow(translate("Market", "Дата цен"), line)
        options.addRow("", self.skip_check)
        layout.addLayout(options)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton(translate("Market", "Проверить"))
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button = named(QPushButton(translate("Market", "Загрузить")), "primary")
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        close = QPushButton(translate("Market", "Закрыть"))
        close.clicked.connect(self.accept)
        for b in (close, self.check_button, self.import_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._set_busy(False)

    # --- the file ---------------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        path = dialogs.ask_open_path(self, translate("Market", "Прайс конкурента"),
                                     translate("Market",
                                               "Таблицы (*.csv *.xlsx *.txt);;Все файлы (*)"))
        if path:
            self.load_file_in_background(Path(path))

    def load_file_in_background(self, path: Path) -> None:
        if self._job is not None:
            return
        self._set_busy(True)
        self.info_label.setText(translate("Market", "Читаем файл…"))
        job = Job(lambda: read_preview(path))
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
        """Read the file here and now (tests; a small file)."""
        try:
            table, rows = read_preview(path)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
            return False
        self._show_table(path, table, rows)
        return True

    def _show_table(self, path: Path, table: SourceTable, rows: int) -> None:
        self._table = table
        self._path = path
        self.path_edit.setText(str(path))
        self.info_label.setText(translate("Market", "{desc} · строк с данными: {n}").format(
            desc=table.description, n=f"{rows:n}"))
        self.preview_model.set_table(table)
        self.mapping_grid.show_table(table, guess_mapping(table.headers, PRICE_LIST_SYNONYMS))
        self.report = None
        self.report_edit.clear()
        self.summary_label.setText(translate("Market", "Отчёт о проверке"))
        style.set_tone(self.summary_label, None)
        self._set_busy(False)

    def mapping(self) -> dict[int, str]:
        return self.mapping_grid.mapping()

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
        path, mapping = self._path, self.mapping()
        fields = set(mapping.values())
        if "price" not in fields or not fields & {"sku", "name"}:
            dialogs.show_error(self, translate(
                "Market", "Укажите колонку с ценой и колонку с артикулом или наименованием."))
            return
        on = read_date(self.date_edit) or date.today()
        source = str(self.source_combo.currentData())
        skip = self.skip_check.isChecked()
        competitor_id = self.competitor.id
        self._set_busy(True)
        self.summary_label.setText(translate("Market", "Проверяем…") if dry_run
                                   else translate("Market", "Загружаем…"))
        job = Job(lambda: self._market.import_prices(
            competitor_id, path, mapping, observed_on=on, source=source,
            skip_unmatched=skip, dry_run=dry_run))
        job.signals.finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._on_job_failed, Qt.ConnectionType.QueuedConnection)
        self._job = start(job)

    def _on_job_failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.summary_label.setText(translate("Market", "Отчёт о проверке"))
        dialogs.show_error(self, message)

    def _on_job_finished(self, report: PriceImportReport) -> None:
        self._job = None
        self.report = report
        self._set_busy(False)
        if report.committed:
            self.imported = True
        self.show_report(report)
        self.report_ready.emit(report)

    def show_report(self, r: PriceImportReport) -> None:
        refused = r.invalid_count or (r.unmatched_count and not self.skip_check.isChecked())
        if r.dry_run:
            head = translate("Market", "Проверка: новых цен {i}, обновится {u}, не найдено "
                                       "в каталоге {m}, с ошибками {x}")
        elif r.committed:
            head = translate("Market", "Готово: загружено {i}, обновлено {u}, пропущено "
                                       "(нет в каталоге) {m}")
        else:
            head = translate("Market", "Ничего не загружено: не найдено в каталоге {m}, "
                                       "с ошибками {x}")
        self.summary_label.setText(head.format(i=r.imported, u=r.updated, m=r.unmatched_count,
                                               x=r.invalid_count))
        style.set_tone(self.summary_label, "danger" if refused and not r.dry_run else (
            "warning" if refused or r.unmatched_count else "success"))
        lines = []
        if refused:
            lines.append(translate(
                "Market", "Пока в файле есть ошибки или ненайденные строки, не загрузится "
                          "ничего. Исправьте файл, добавьте товары в каталог или отметьте "
                          "«Пропустить строки, не найденные в каталоге»."))
        for p in r.invalid:
            lines.append(translate("Market", "Строка {line} ({label}): {msg}").format(
                line=p.line, label=p.label, msg=p.message))
        if r.invalid_count > len(r.invalid):
            lines.append(plural(r.invalid_count - len(r.invalid), translate(
                "Market", "… и ещё %n строка с ошибками|… и ещё %n строки с ошибками"
                          "|… и ещё %n строк с ошибками")))
        for p in r.unmatched:
            lines.append(translate("Market", "Строка {line} ({label}): {msg}").format(
                line=p.line, label=p.label, msg=p.message))
        if r.unmatched_count > len(r.unmatched):
            lines.append(plural(r.unmatched_count - len(r.unmatched), translate(
                "Market", "… и ещё %n ненайденная строка|… и ещё %n ненайденные строки"
                          "|… и ещё %n ненайденных строк")))
        if not lines:
            lines.append(translate("Market", "Ошибок нет: все строки найдены в каталоге."))
        self.report_edit.setPlainText("\n".join(lines))

