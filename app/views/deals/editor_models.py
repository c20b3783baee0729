"""Item models of the deal editor: lines (with the concession zone), objections, history,
activities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.dates import date_time
from app.domain.money import format_money
from app.i18n import translate
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
from app.views.deals.common import parse_decimal
from app.views.record_model import Column, RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
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




def _valid_amounts(ln: EditLine) -> bool:
    return ln.quantity > 0 and ln.price >= 0 and 0 <= ln.discount <= 100


def _bad(ln: EditLine, key: str | None) -> bool:
    """The line's `key` field breaks a rule (a missing concession reason is the reason
    column's problem, not the discount's)."""
    if key is None:
        return False
    errors = validate_line(ln.to_input(), ln.floor)
    return key in errors and not (key == "discount" and ln.needs_reason)


def _line_column(header: str, text: Callable[[EditLine], str], key: str | None = None, *,
                 numeric: bool = False, zone: bool = False,
                 edit: Callable[[EditLine, Any], EditLine] | None = None) -> Column[EditLine]:
    """A lines column: red where `key` breaks a rule; `zone` columns show the concession
    zone (price, discount, reason) and the floor price in their tooltip."""

    def color(ln: EditLine) -> str | None:
        return style.DANGER if _bad(ln, key) else None

    def background(ln: EditLine) -> str | None:
        if _bad(ln, key):
            return style.DANGER_SOFT
        if zone and ln.below_floor:
            return style.DANGER_SOFT if ln.needs_reason else style.WARNING_SOFT  # below the floor
        return None

    def tooltip(ln: EditLine) -> str | None:
        errors = validate_line(ln.to_input(), ln.floor)
        if key is not None and key in errors:
            return errors[key]
        if zone and ln.floor is not None:
            return translate(
                "DealEditor", "Минимальная цена {floor}, сейчас со скидкой {net}").format(
                floor=format_money(ln.floor),
                net=format_money(net_unit_price(ln.price, ln.discount)))
        return None

    return Column(header, text, numeric=numeric, color=color, background=background,
                  tooltip=tooltip, edit=edit)


def _decimal(value: Any) -> Decimal:
    return parse_decimal(str(value).strip())


def _vat_kind(ln: EditLine, value: Any) -> EditLine:
    kind = str(value).strip()
    if kind not in VAT_KINDS:
        raise ValueError(kind)
    return replace(ln, vat_kind=kind)


def _reason_column() -> Column[EditLine]:
    base = _line_column(
        translate("DealEditor", "Причина уступки"),
        lambda ln: (translate("DealEditor", "нужна причина…") if ln.needs_reason
                    else ln.floor_override_reason),
        zone=True,
        edit=lambda ln, v: replace(ln, floor_override_reason=str(v).strip()))
    return replace(base, color=lambda ln: style.DANGER if ln.needs_reason else None,
                   edit_value=lambda ln: ln.floor_override_reason)


def _money(value: Decimal) -> str:
    return format_money(value, currency=False)


class LinesModel(RecordTableModel[EditLine]):
    """Editable deal lines: product, quantity, unit, price, discount, VAT, total, reason.

    Signals:
        lines_changed(): any change of the lines (the total and the concession warning
            follow it).
    """

    lines_changed = Signal()
    NAME, QTY, UNIT, PRICE, DISCOUNT, VAT, TOTAL, REASON = range(8)

    def __init__(self, parent: Any = None, *, on: date | None = None) -> None:
        on = on or date.today()
        super().__init__([
            _line_column(translate("DealEditor", "Наименование"), lambda ln: ln.name, "name",
                         edit=lambda ln, v: replace(ln, name=str(v).strip())),
            _line_column(translate("DealEditor", "Кол-во"), lambda ln: _num(ln.quantity),
                         "quantity", numeric=True,
                         edit=lambda ln, v: replace(ln, quantity=_decimal(v))),
            _line_column(translate("DealEditor", "Ед."), lambda ln: ln.unit,
                         edit=lambda ln, v: replace(ln, unit=str(v).strip())),
            _line_column(translate("DealEditor", "Цена, ₽"), lambda ln: _money(ln.price),
                         "price", numeric=True, zone=True,
                         edit=lambda ln, v: replace(ln, price=_decimal(v))),
            _line_column(translate("DealEditor", "Скидка, %"), lambda ln: _num(ln.discount),
                         "discount", numeric=True, zone=True,
                         edit=lambda ln, v: replace(
                             ln, discount=_decimal(v) if str(v).strip() else Decimal(0))),
            replace(_line_column(translate("DealEditor", "НДС"),
                                 lambda ln: vat_kind_label(ln.vat_kind, on), edit=_vat_kind),
                    edit_value=lambda ln: ln.vat_kind),
            Column(translate("DealEditor", "Сумма, ₽"),
                   lambda ln: _money(ln.to_input().total) if _valid_amounts(ln) else "—",
                   numeric=True),
            _reason_column(),
        ], parent)
        for signal in (self.modelReset, self.rowsInserted, self.rowsRemoved,
                       self.dataChanged):
            signal.connect(self._on_rows_changed)

    def _on_rows_changed(self, *_args: Any) -> None:
        self.lines_changed.emit()

    def total(self) -> Decimal:
        return sum((ln.to_input().total for ln in self._rows if _valid_amounts(ln)),
                   Decimal("0.00"))


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


class ObjectionsModel(RecordTableModel[ObjectionInput]):
    """The deal's objections: text and answer editable, "снято" a check box."""

    TEXT, ANSWER, RESOLVED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("DealEditor", "Возражение"), lambda o: o.text,
                   color=lambda o: None if o.resolved else style.WARNING,
                   edit=lambda o, v: replace(o, text=str(v))),
            Column(translate("DealEditor", "Что ответили"), lambda o: o.answer,
                   edit=lambda o, v: replace(o, answer=str(v))),
            Column(translate("DealEditor", "Снято"),
                   lambda o: translate("DealEditor", "да") if o.resolved else "",
                   checked=lambda o: o.resolved,
                   set_checked=lambda o, on: replace(o, resolved=on)),
        ], parent)


def _is_current(span: StageSpan) -> bool:
    return span.left_at is None


class HistoryModel(RecordTableModel[StageSpan]):
    """The deal's stage path: stage, entered, left, days spent (the current stage bold)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(translate("DealEditor", "Этап"), lambda sp: sp.stage_name, bold=_is_current),
            Column(translate("DealEditor", "Вошла"), lambda sp: date_time(sp.entered_at),
                   bold=_is_current),
            Column(translate("DealEditor", "Вышла"),
                   lambda sp: date_time(sp.left_at) if sp.left_at
                   else translate("DealEditor", "сейчас"), bold=_is_current),
            Column(translate("DealEditor", "Дней в этапе"), lambda sp: str(sp.days),
                   bold=_is_current),
        ], parent)


class DaysBarDelegate(QStyledItemDelegate):
    """The "days in stage" column as a bar: the stage that took longest is the full width."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: _Index) -> None:
        from PySide6.QtCore import QRectF

        model = index.model()
        if not isinstance(model, HistoryModel):
            super().paint(painter, option, index)
            return
        span = model.row(index.row())
        days = span.days
        longest = max(max((s.days for s in model.rows()), default=0), 1)
        rect = option.rect
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        bar_w = (rect.width() - 70) * days / longest
        bar = QRectF(rect.left() + 8, rect.top() + 8, max(bar_w, 3), rect.height() - 16)
        current = span.left_at is None
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.ACCENT if current else style.ACCENT_FAINT))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(QColor(style.TEXT))
        painter.drawText(rect.adjusted(0, 0, -8, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         translate("DealEditor", "{n} дн.").format(n=days))
        painter.restore()
