"""The column mapping of an imported table (CSV/XLSX): a combo box per column of the file
choosing the field it fills, beside an example value, and the preview of the file's first
rows. Shared by the client import and the import of a competitor's price list; the file is
read by `app.services.clients.importer` (`read_table`, `count_rows`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.services.clients.importer import SourceTable, count_rows, read_table
from app.views import style
from app.views.record_model import Column, RecordTableModel
from app.views.style import named

PREVIEW_ROWS = 50


def read_preview(path: Path) -> tuple[SourceTable, int]:
    """The first rows to show and how many rows the file has (reading it through)."""
    return read_table(path, limit=PREVIEW_ROWS), count_rows(path)


@dataclass(frozen=True)
class PreviewRow:
    line: int  # the file line (CSV) or sheet row (XLSX) the row starts at
    values: tuple[str, ...]

    def cell(self, column: int) -> str:
        return self.values[column] if column < len(self.values) else ""


def _preview_column(header: str, column: int) -> Column[PreviewRow]:
    return Column(header,
                  lambda r: r.cell(column).replace("\r\n", " ⏎ ").replace("\n", " ⏎ "),
                  tooltip=lambda r: r.cell(column))


class PreviewModel(RecordTableModel[PreviewRow]):
    """The first rows of the file as read, under the file's own headers and line numbers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent, row_header=lambda _i, r: str(r.line))

    def set_table(self, table: SourceTable | None) -> None:
        if table is None:
            self.set_rows([], columns=[])
            return
        self.set_rows([PreviewRow(line, tuple(values)) for line, values in
                       zip(table.lines[:PREVIEW_ROWS], table.rows[:PREVIEW_ROWS], strict=False)],
                      columns=[_preview_column(h, i) for i, h in enumerate(table.headers)])


class ColumnMappingGrid(QScrollArea):
    """Which field each column of the file fills («— не загружать —» for none).

    Signals:
        changed: the user chose another field for a column.
    """

    changed = Signal()

    def __init__(self, fields: Sequence[str], label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = tuple(fields)
        self._label = label
        self.combos: list[QComboBox] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: its combos are
        page = QWidget()
        page.setObjectName("mappingPage")
        self._grid = QGridLayout(page)
        self.setWidget(page)

    def show_table(self, table: SourceTable, mapping: Mapping[int, str]) -> None:
        """A row per column of `table`, each combo on the field `mapping` guessed."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        titles = (translate("ClientImport", "Колонка в файле"),
                  translate("ClientImport", "Поле SalesDesk"),
                  translate("ClientImport", "Пример"))
        for col, title in enumerate(titles):
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600;")
            style.set_tone(label, "muted")
            self._grid.addWidget(label, 0, col)
        for n, header in enumerate(table.headers):
            combo = QComboBox()
            combo.addItem(translate("ClientImport", "— не загружать —"), "")
            for f in self._fields:
                combo.addItem(self._label(f), f)
            combo.setCurrentIndex(max(combo.findData(mapping.get(n, "")), 0))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            sample = next((r[n] for r in table.rows[:20] if n < len(r) and r[n].strip()), "")
            example = QLabel(sample.replace("\n", " ")[:60])
            style.set_tone(example, "muted")
            self._grid.addWidget(QLabel(header or f"#{n + 1}"), n + 1, 0)
            self._grid.addWidget(combo, n + 1, 1)
            self._grid.addWidget(example, n + 1, 2)
            self.combos.append(combo)
        # made after the dialog's buttons, the combos would come after them in Tab's round:
        # they take the grid's place instead, top to bottom (setTabOrder ignores a widget
        # that takes no focus, hence the grid's policy for the while)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        previous: QWidget = self
        for combo in self.combos:
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._grid.setColumnStretch(2, 1)
        self._grid.setRowStretch(len(table.headers) + 1, 1)

    def mapping(self) -> dict[int, str]:
        """Column index → field, for the columns that fill one."""
        return {n: c.currentData() for n, c in enumerate(self.combos) if c.currentData()}

    def set_field(self, column: int, field: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0))


@dataclass
class ImportPanes:
    """What an import dialog is made of, top to bottom: the file row, a note, then the
    column mapping, the file's first rows and the check's report in one splitter."""

    path_edit: QLineEdit
    info_label: QLabel
    mapping_grid: ColumnMappingGrid
    preview_model: PreviewModel
    preview_view: QTableView
    summary_label: QLabel
    report_edit: QPlainTextEdit


def build_import_panes(layout: QVBoxLayout, owner: QWidget, *, fields: Sequence[str],
                       label: Callable[[str], str], file_hint: str, info: str,
                       report_hint: str, on_choose: Callable[[], None],
                       sizes: tuple[int, int, int]) -> ImportPanes:
    """Lay out the panes every import dialog shares (the client import, a competitor's
    price list) into `layout`; the dialog adds its own options and buttons after them."""
    row = QHBoxLayout()
    path_edit = QLineEdit()
    path_edit.setReadOnly(True)
    path_edit.setPlaceholderText(file_hint)
    choose = QPushButton(translate("ClientImport", "Выбрать файл…"))
    choose.clicked.connect(on_choose)
    row.addWidget(path_edit, 1)
    row.addWidget(choose)
    layout.addLayout(row)
    info_label = QLabel(info)
    info_label.setWordWrap(True)
    style.set_tone(info_label, "muted")
    layout.addWidget(info_label)

    splitter = QSplitter(Qt.Orientation.Vertical)

    def pane(title: QLabel, body: QWidget) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(title)
        v.addWidget(body)
        splitter.addWidget(box)

    mapping_grid = ColumnMappingGrid(fields, label)
    pane(named(QLabel(translate("ClientImport", "Сопоставление колонок")), "sectionTitle"),
         mapping_grid)
    preview_model = PreviewModel(owner)
    preview_view = QTableView()
    preview_view.setModel(preview_model)
    preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    preview_view.setWordWrap(False)
    preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    preview_view.horizontalHeader().setDefaultSectionSize(150)
    pane(named(QLabel(translate("ClientImport", "Первые строки файла")), "sectionTitle"),
         preview_view)
    summary_label = named(QLabel(translate("ClientImport", "Отчёт о проверке")),
                          "sectionTitle")
    report_edit = QPlainTextEdit()
    report_edit.setReadOnly(True)
    report_edit.setPlaceholderText(report_hint)
    pane(summary_label, report_edit)
    splitter.setSizes(list(sizes))
    layout.addWidget(splitter, 1)
    return ImportPanes(path_edit, info_label, mapping_grid, preview_model, preview_view,
                       summary_label, report_edit)
