"""Item models of the deal editor: lines (with the concession zone), objections, history,
activities."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.i18n import translate
from app.services.activities import ActivityRow, activity_kind_label
from app.services.catalog import VAT_KINDS
from app.services.deals import (
    LineInput,
    ObjectionInput,
    StageSpan,
    below_floor,
    net_unit_price,
    validate_line,
)
from app.services.pricing import vat_kind_label
from app.views import style
from app.views.deals.common import money_short, parse_decimal
from app.views.formatting import local_time

_Index = QModelIndex | QPersistentModelIndex
_D = Qt.ItemDataRole.DisplayRole
_E = Qt.ItemDataRole.EditRole


@dataclass(frozen=True)
class EditLine:
    """A line as the editor holds it; `floor` is the product's effective floor price."""

    name: str
    quantity: Decimal
    price: Decimal
    discount: Decimal = Decimal(0)
    unit: str = "шт"
    vat_kind: str = "standard"
    product_id: int | None = None
    floor_override_reason: str = ""
    floor: Decimal | None = None

    def to_input(self) -> LineInput:
        return LineInput(name=self.name, quantity=self.quantity, price=self.price,
                         discount=self.discount, unit=self.unit, vat_kind=self.vat_kind,
                         product_id=self.product_id,
                         floor_override_reason=self.floor_override_reason)

    @property
    def below_floor(self) -> bool:
        return below_floor(self.price, self.discount, self.floor)

    @property
    def needs_reason(self) -> bool:
        return self.below_floor and not self.floor_override_reason.strip()


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return text.replace(".", ",")


class LinesModel(QAbstractTableModel):
    """Editable deal lines: product, quantity, unit, price, discount, VAT, total, reason.

    Signals:
        lines_changed(): any edit (the total and the concession warning follow it).
    """

    lines_changed = Signal()
    NAME, QTY, UNIT, PRICE, DISCOUNT, VAT, TOTAL, REASON = range(8)

    def __init__(self, parent: Any = None, *, on: date | None = None) -> None:
        super().__init__(parent)
        self._lines: list[EditLine] = []
        self._on = on or date.today()

    def headers(self) -> tuple[str, ...]:
        return (translate("DealEditor", "Наименование"), translate("DealEditor", "Кол-во"),
                translate("DealEditor", "Ед."), translate("DealEditor", "Цена, ₽"),
                translate("DealEditor", "Скидка, %"), translate("DealEditor", "НДС"),
                translate("DealEditor", "Сумма, ₽"),
                translate("DealEditor", "Причина уступки"))

    def set_lines(self, lines: list[EditLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
        self.lines_changed.emit()

    def lines(self) -> list[EditLine]:
        return list(self._lines)

    def add_line(self, line: EditLine) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()
            self.lines_changed.emit()

    def total(self) -> Decimal:
        return sum((ln.to_input().total for ln in self._lines
                    if ln.quantity > 0 and ln.price >= 0 and 0 <= ln.discount <= 100),
                   Decimal("0.00"))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return self.headers()[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() != self.TOTAL:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        ln = self._lines[index.row()]
        c = index.column()
        errors = validate_line(ln.to_input(), ln.floor)
        if role in (_D, _E):
            if c == self.NAME:
                return ln.name
            if c == self.QTY:
                return _num(ln.quantity)
            if c == self.UNIT:
                return ln.unit
            if c == self.PRICE:
                return money_short(ln.price, kopecks=True).replace("\u00a0₽", "")
            if c == self.DISCOUNT:
                return _num(ln.discount)
            if c == self.VAT:
                return ln.vat_kind if role == _E else vat_kind_label(ln.vat_kind, self._on)
            if c == self.TOTAL:
                if not (ln.quantity > 0 and ln.price >= 0 and 0 <= ln.discount <= 100):
                    return "—"
                return money_short(ln.to_input().total, kopecks=True).replace("\u00a0₽", "")
            if c == self.REASON:
                if role == _D and ln.needs_reason:
                    return translate("DealEditor", "нужна причина…")
                return ln.floor_override_reason
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (self.QTY, self.PRICE,
                                                                self.DISCOUNT, self.TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        key = {self.NAME: "name", self.QTY: "quantity", self.PRICE: "price",
               self.DISCOUNT: "discount"}.get(c)
        bad = key is not None and key in errors and not (key == "discount" and ln.needs_reason)
        if role == Qt.ItemDataRole.ForegroundRole:
            if bad:
                return QColor(style.DANGER)
            if c == self.REASON and ln.needs_reason:
                return QColor(style.DANGER)
        if role == Qt.ItemDataRole.BackgroundRole:
            if bad:
                return QColor("#fde8e8")
            if ln.below_floor and c in (self.PRICE, self.DISCOUNT, self.REASON):
                return QColor("#fde8e8" if ln.needs_reason else "#fff4dc")
        if role == Qt.ItemDataRole.ToolTipRole:
            if key is not None and key in errors:
                return errors[key]
            if ln.floor is not None and c in (self.PRICE, self.DISCOUNT, self.REASON):
                return translate(
                    "DealEditor", "Минимальная цена {floor}, сейчас со скидкой {net}").format(
                    floor=money_short(ln.floor, kopecks=True),
                    net=money_short(net_unit_price(ln.price, ln.discount), kopecks=True))
        return None

    def setData(self, index: _Index, value: Any, role: int = _E) -> bool:
        if not index.isValid() or role != _E:
            return False
        ln = self._lines[index.row()]
        c = index.column()
        text = str(value).strip()
        try:
            if c == self.NAME:
                ln = replace(ln, name=text)
            elif c == self.QTY:
                ln = replace(ln, quantity=parse_decimal(text))
            elif c == self.UNIT:
                ln = replace(ln, unit=text)
            elif c == self.PRICE:
                ln = replace(ln, price=parse_decimal(text))
            elif c == self.DISCOUNT:
                ln = replace(ln, discount=parse_decimal(text) if text else Decimal(0))
            elif c == self.VAT:
                if text not in VAT_KINDS:
                    return False
                ln = replace(ln, vat_kind=text)
            elif c == self.REASON:
                ln = replace(ln, floor_override_reason=text)
            else:
                return False
        except ValueError:
            return False
        self._lines[index.row()] = ln
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 7))
        self.lines_changed.emit()
        return True


class VatDelegate(QStyledItemDelegate):
    """A combo box of VAT kinds for the VAT column."""

    def __init__(self, parent: Any = None, *, on: date | None = None) -> None:
        super().__init__(parent)
        self._on = on or date.today()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in VAT_KINDS:
            combo.addItem(vat_kind_label(kind, self._on), kind)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(_E)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _E)


class ObjectionsModel(QAbstractTableModel):
    TEXT, ANSWER, RESOLVED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ObjectionInput] = []

    def set_items(self, items: list[ObjectionInput]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ObjectionInput]:
        return list(self._items)

    def add(self, item: ObjectionInput) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return (translate("DealEditor", "Возражение"),
                    translate("DealEditor", "Что ответили"),
                    translate("DealEditor", "Снято"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return f
        if index.column() == self.RESOLVED:
            return f | Qt.ItemFlag.ItemIsUserCheckable
        return f | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        c = index.column()
        if role in (_D, _E):
            if c == self.TEXT:
                return item.text
            if c == self.ANSWER:
                return item.answer
            if c == self.RESOLVED and role == _D:
                return translate("DealEditor", "да") if item.resolved else ""
        if role == Qt.ItemDataRole.CheckStateRole and c == self.RESOLVED:
            return Qt.CheckState.Checked if item.resolved else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not item.resolved and c == self.TEXT:
            return QColor(style.WARNING)
        return None

    def setData(self, index: _Index, value: Any, role: int = _E) -> bool:
        if not index.isValid():
            return False
        item = self._items[index.row()]
        c = index.column()
        if c == self.RESOLVED and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            item = replace(item, resolved=bool(checked))
        elif role == _E and c == self.TEXT:
            item = replace(item, text=str(value))
        elif role == _E and c == self.ANSWER:
            item = replace(item, answer=str(value))
        else:
            return False
        self._items[index.row()] = item
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True


class HistoryModel(QAbstractTableModel):
    """The deal's stage path: stage, entered, left, days spent."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._spans: list[StageSpan] = []

    def set_spans(self, spans: list[StageSpan]) -> None:
        self.beginResetModel()
        self._spans = list(spans)
        self.endResetModel()

    def days_at(self, row: int) -> int:
        return self._spans[row].days

    def max_days(self) -> int:
        return max((s.days for s in self._spans), default=0)

    def is_current(self, row: int) -> bool:
        return self._spans[row].left_at is None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return (translate("DealEditor", "Этап"), translate("DealEditor", "Вошла"),
                    translate("DealEditor", "Вышла"),
                    translate("DealEditor", "Дней в этапе"))[section]
        return None

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        sp = self._spans[index.row()]
        if role == _D:
            return (sp.stage_name, local_time(sp.entered_at),
                    local_time(sp.left_at) if sp.left_at else translate("DealEditor", "сейчас"),
                    str(sp.days))[index.column()]
        if role == Qt.ItemDataRole.FontRole and sp.left_at is None:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        return None


class ActivitiesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ActivityRow] = []

    def set_rows(self, rows: list[ActivityRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ActivityRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D:
            return (translate("DealEditor", "Когда"), translate("DealEditor", "Вид"),
                    translate("DealEditor", "Что"), translate("DealEditor", "Статус"))[section]
        return None

    def data(self, index: _Index, role: int = _D) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == _D:
            status = (translate("DealEditor", "сделано") if a.done
                      else translate("DealEditor", "запланировано"))
            return (local_time(a.due_at), activity_kind_label(a.kind), a.subject,
                    status)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and a.done:
            return QColor(style.MUTED)
        return None


class DaysBarDelegate(QStyledItemDelegate):
    """The "days in stage" column as a bar: the stage that took longest is the full width."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: _Index) -> None:
        from PySide6.QtCore import QRectF

        model = index.model()
        if not isinstance(model, HistoryModel):
            super().paint(painter, option, index)
            return
        days = model.days_at(index.row())
        longest = max(model.max_days(), 1)
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        bar_w = (rect.width() - 70) * days / longest
        bar = QRectF(rect.left() + 8, rect.top() + 8, max(bar_w, 3), rect.height() - 16)
        current = model.is_current(index.row())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.ACCENT if current else "#93b4f5"))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(QColor(style.TEXT))
        painter.drawText(rect.adjusted(0, 0, -8, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         translate("DealEditor", "{n} дн.").format(n=days))
        painter.restore()
