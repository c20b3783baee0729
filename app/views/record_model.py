"""A table model over a list of frozen dataclasses, described by columns.

Every table over a list of service DTOs (or of rows a dialog edits in memory) is one of
these: a `Column` per column says what the cell shows, how it looks, and — optionally — how
an edit or a tick makes a new row (`dataclasses.replace`). What the columns do not describe
(a progress-bar role) a subclass answers in `extra()`. Rows a form refused are marked with
`set_row_errors`. Models that are not a list of rows keep their own classes: the paged client
list, the kanban cards, the plan grid, the ABC×XYZ matrix and the grouped checklist.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.views import style

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header and what each cell shows; every other field is optional.

    `color`, `background` (colour names) and `tooltip` may return None for "nothing".
    `edit(row, value)` makes the column editable: it returns the changed row, or raises
    ValueError to refuse the value (the cell keeps the old one); the editor starts from
    `edit_value(row)` (default: the cell's text). `checked` puts a check box in the cell;
    with `set_checked(row, on)` the user can tick it.
    """

    header: str
    text: Callable[[T], str]
    numeric: bool = False  # right-aligned
    color: Callable[[T], str | None] | None = None
    tooltip: Callable[[T], str | None] | None = None
    background: Callable[[T], str | None] | None = None
    bold: Callable[[T], bool] | None = None
    align: Qt.AlignmentFlag | None = None  # instead of `numeric`'s right alignment
    edit: Callable[[T, Any], T] | None = None
    edit_value: Callable[[T], Any] | None = None
    checked: Callable[[T], bool] | None = None
    set_checked: Callable[[T, bool], T] | None = None


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of type T under `columns`; `row_header(i, row)` gives the rows numbers or names.

    Single edits (`append_row`, `remove_row`, a cell edit…) signal only the rows they touch;
    `set_rows` resets the model.
    """

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None, *,
                 row_header: Callable[[int, T], str] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._row_header = row_header
        self._row_errors: dict[int, str] = {}

    # --- the rows ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T], *, columns: Sequence[Column[T]] | None = None) -> None:
        """Show `rows` (and, if given, new `columns`); forgets the row errors."""
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = list(columns)
        self._row_errors = {}
        self.endResetModel()

    def row(self, index: int) -> T:
        return self._rows[index]

    def row_at(self, index: int) -> T | None:
        """The row at `index`, or None outside the list (e.g. -1 from an empty combo box)."""
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[T]:
        return list(self._rows)

    def find(self, predicate: Callable[[T], bool]) -> int:
        """Index of the first row matching `predicate`, or -1."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    def append_row(self, row: T) -> int:
        return self.insert_row(len(self._rows), row)

    def insert_row(self, index: int, row: T) -> int:
        """Insert before `index` (clamped to the list); returns where the row went."""
        index = max(0, min(index, len(self._rows)))
        self.beginInsertRows(QModelIndex(), index, index)
        self._rows.insert(index, row)
        self._row_errors = {i + (i >= index): m for i, m in self._row_errors.items()}
        self.endInsertRows()
        return index

    def remove_row(self, index: int) -> None:
        """Remove the row at `index`; nothing happens outside the list."""
        if not 0 <= index < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), index, index)
        del self._rows[index]
        self._row_errors = {i - (i > index): m for i, m in self._row_errors.items()
                            if i != index}
        self.endRemoveRows()

    def replace_row(self, index: int, row: T) -> None:
        self._rows[index] = row
        self._row_errors.pop(index, None)
        self._row_changed(index)

    def move_row(self, index: int, step: int) -> int:
        """Move a row `step` places up (<0) or down; returns its new index."""
        target = index + step
        if not (0 <= index < len(self._rows) and 0 <= target < len(self._rows)) or not step:
            return index
        # Qt's destination is the row the moved one goes *before*, counted before the move.
        self.beginMoveRows(QModelIndex(), index, index, QModelIndex(),
                           target + 1 if step > 0 else target)
        self._rows.insert(target, self._rows.pop(index))
        order = list(range(len(self._rows)))
        order.insert(target, order.pop(index))  # order[new index] == old index
        self._row_errors = {new: self._row_errors[old] for new, old in enumerate(order)
                            if old in self._row_errors}
        self.endMoveRows()
        return target

    # --- errors -----------------------------------------------------------------------------
    def set_row_errors(self, errors: Mapping[int, str]) -> None:
        """Mark rows a save refused (red, the message as the tooltip); {} clears them.

        A row's mark goes when the row is edited.
        """
        changed = set(self._row_errors) | set(errors)
        self._row_errors = {i: m for i, m in errors.items() if 0 <= i < len(self._rows)}
        for i in sorted(changed):
            if 0 <= i < len(self._rows):
                self._row_changed(i)

    def row_errors(self) -> dict[int, str]:
        return dict(self._row_errors)

    def _row_changed(self, index: int) -> None:
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self._columns) - 1))

    # --- what the columns do not describe ---------------------------------------------------
    def extra(self, row: T, column: int, role: int) -> Any:
        """Roles the columns do not describe; none by default."""
        return None

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _Role.DisplayRole) -> Any:
        if role != _Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        if self._row_header is not None and 0 <= section < len(self._rows):
            return self._row_header(section, self._rows[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self._columns[index.column()]
        if column.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.set_checked is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        error = self._row_errors.get(index.row())
        if error is not None and role in (_Role.BackgroundRole, _Role.ToolTipRole):
            return QColor(style.DANGER_SOFT) if role == _Role.BackgroundRole else error
        value = self._column_data(column, row, role)
        return self.extra(row, index.column(), role) if value is None else value

    @staticmethod
    def _column_data(column: Column[T], row: T, role: int) -> Any:
        if role == _Role.DisplayRole:
            return column.text(row)
        if role == _Role.EditRole:
            if column.edit_value is not None:
                return column.edit_value(row)
            return column.text(row) if column.edit is not None else None
        if role == _Role.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QColor(color) if color else None
        if role == _Role.BackgroundRole and column.background is not None:
            color = column.background(row)
            return QColor(color) if color else None
        if role == _Role.TextAlignmentRole:
            if column.align is not None:
                return int(column.align)
            return int(RIGHT) if column.numeric else None
        if role == _Role.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == _Role.FontRole and column.bold is not None:
            return _bold_font() if column.bold(row) else None
        if role == _Role.CheckStateRole and column.checked is not None:
            return Qt.CheckState.Checked if column.checked(row) else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        try:
            if role == _Role.EditRole and column.edit is not None:
                changed = column.edit(row, value)
            elif role == _Role.CheckStateRole and column.set_checked is not None:
                changed = column.set_checked(row, _is_checked(value))
            else:
                return False
        except ValueError:
            return False
        self.replace_row(index.row(), changed)
        return True


def _is_checked(value: Any) -> bool:
    """A check-state value as a view or a test sends it (enum, its int, or a bool)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value

