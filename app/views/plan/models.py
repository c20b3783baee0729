"""Item models of the Plan tab that are not lists of rows: the editable plan grid and the
ABC×XYZ matrix (the tab's lists are RecordTableModels); the tab's number formats."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.domain.dates import month_name
from app.domain.money import format_money, parse_money
from app.i18n import plural, translate
from app.services.errors import ServiceError
from app.services.plan import (
    ABC_CLASSES,
    XYZ_CLASSES,
    AbcXyzResult,
    PlanGrid,
    TargetChange,
)
from app.views import style

_Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} %".replace(".", ",")


def money_or_dash(value: Decimal | None) -> str:
    return "—" if value is None else format_money(value)


class PlanGridModel(QAbstractTableModel):
    """Months × (total, breakdown values, sum of parts, gap); the amounts are editable.

    Not a RecordTableModel: a pivot whose columns come from the data, with a totals row,
    and each edit is saved at once through `save`.

    Signals:
        edit_failed(str): a typed value was refused (not a number, negative…).
        targets_changed(): a cell was saved.
    """

    edit_failed = Signal(str)
    targets_changed = Signal()

    def __init__(self, save: Callable[[list[TargetChange]], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._save = save
        self._grid: PlanGrid | None = None

    def set_grid(self, grid: PlanGrid) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    @property
    def grid(self) -> PlanGrid | None:
        return self._grid

    def _columns(self) -> list[str]:
        return self._grid.columns if self._grid else []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.rows) + 1  # + the period's total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        extra = 2 if self._grid.dimension else 0
        return 1 + len(self._columns()) + extra

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if section < len(self._grid.rows):
                m = self._grid.rows[section].month
                return f"{month_name(m.month).capitalize()} {m.year}"
            return translate("PlanTab", "Итого")
        cols = self._columns()
        if section == 0:
            return translate("PlanTab", "Общий план")
        if section <= len(cols):
            return cols[section - 1]
        if section == len(cols) + 1:
            return translate("PlanTab", "Сумма частей")
        return translate("PlanTab", "Расхождение")

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (self._grid is not None and index.isValid() and index.row() < len(self._grid.rows)
                and index.column() <= len(self._columns())):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _value(self, row: int, column: int) -> Decimal | None:
        assert self._grid is not None
        cols = self._columns()
        rows = self._grid.rows
        if row == len(rows):  # the period's total
            if column == 0:
                return sum((r.effective_total for r in rows), Decimal(0))
            if column <= len(cols):
                return sum((r.cells[cols[column - 1]] or Decimal(0) for r in rows), Decimal(0))
            if column == len(cols) + 1:
                return sum((r.parts_sum for r in rows), Decimal(0))
            return sum((r.gap for r in rows), Decimal(0))
        r = rows[row]
        if column == 0:
            return r.total
        if column <= len(cols):
            return r.cells[cols[column - 1]]
        if column == len(cols) + 1:
            return r.parts_sum
        return r.gap

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._grid is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row > len(self._grid.rows) or column >= self.columnCount():
            return None
        value = self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                if column == 0 and row < len(self._grid.rows):
                    effective = self._grid.rows[row].effective_total
                    return f"({format_money(effective)})" if effective else ""
                return ""
            return format_money(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else f"{value}".replace(".", ",")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.columnCount() - 1 and self._grid.dimension and value:
                return QColor(style.DANGER)
            if value is None or row == len(self._grid.rows):
                return QColor(style.MUTED) if value is None else None
        if role == Qt.ItemDataRole.FontRole and row == len(self._grid.rows):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and value is None:
            return translate("PlanTab", "Общий план месяца не задан: в скобках — сумма "
                                        "разбивки, по которой считается план")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or self._grid is None or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = str(value).strip()
        try:
            amount = None if text == "" else parse_money(text)
        except ValueError:
            self.edit_failed.emit(translate("PlanTab", "Сумма плана должна быть числом: «{t}»")
                                  .format(t=text))
            return False
        month = self._grid.rows[index.row()].month
        column = index.column()
        if column == 0:
            change = TargetChange(month, amount)
        else:
            assert self._grid.dimension is not None
            change = TargetChange(month, amount, self._grid.dimension,
                                  self._columns()[column - 1])
        try:
            self._save([change])
        except ServiceError as exc:
            self.edit_failed.emit(str(exc))
            return False
        self.targets_changed.emit()
        return True


class MatrixModel(QAbstractTableModel):
    """The ABC×XYZ matrix: client counts and revenue per cell.

    Not a RecordTableModel: a fixed 3×3 grid over one result, not a list of rows.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._result: AbcXyzResult | None = None

    def set_result(self, result: AbcXyzResult) -> None:
        self.beginResetModel()
        self._result = result
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ABC_CLASSES)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(XYZ_CLASSES)

    def cell_at(self, index: _Index) -> tuple[str, str]:
        return ABC_CLASSES[index.row()], XYZ_CLASSES[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return {
                "X": translate("PlanTab", "X — стабильные"),
                "Y": translate("PlanTab", "Y — колеблющиеся"),
                "Z": translate("PlanTab", "Z — нерегулярные"),
            }[XYZ_CLASSES[section]]
        return {
            "A": translate("PlanTab", "A — основная выручка"),
            "B": translate("PlanTab", "B — средние"),
            "C": translate("PlanTab", "C — малые"),
        }[ABC_CLASSES[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._result is None or not index.isValid():
            return None
        abc, xyz = self.cell_at(index)
        cell = self._result.cell(abc, xyz)
        if role == Qt.ItemDataRole.DisplayRole:
            return plural(cell.count, translate(
                "PlanTab", "%n клиент\n{sum}|%n клиента\n{sum}|%n клиентов\n{sum}")).format(
                sum=format_money(cell.revenue))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            total = self._result.total_revenue
            share = float(cell.revenue / total) if total else 0.0
            color = QColor(style.ACCENT)
            color.setAlphaF(0.08 + 0.6 * share)
            return color
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("PlanTab", "Щёлкните, чтобы увидеть список клиентов")
        return None
