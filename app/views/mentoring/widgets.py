"""Small pieces shared by the mentoring pages: field error labels and a progress-bar
delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ValidationError
from app.views import style
from app.views.mentoring.models import PROGRESS_ROLE


class FieldErrors:
    """Maps service field names to the widget and the red label shown under it."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> QLabel:
        """Add `widget` to `form` with an (initially hidden) error label below it."""
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        error = self.attach(field, widget)
        lay.addWidget(error)
        form.addRow(label, box)
        return error

    def attach(self, field: str, widget: QWidget, error: QLabel | None = None) -> QLabel:
        error = error or QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self._fields[field] = (widget, error)
        return error

    def label(self, field: str) -> QLabel:
        return self._fields[field][1]

    def clear(self) -> None:
        for widget, error in self._fields.values():
            error.clear()
            error.hide()
            _set_invalid(widget, False)

    def show(self, exc: ValidationError) -> list[str]:
        """Show each message next to its field; returns the messages with no field here."""
        self.clear()
        unplaced = []
        for field, message in exc.errors.items():
            if field in self._fields:
                widget, error = self._fields[field]
                error.setText(message)
                error.show()
                _set_invalid(widget, True)
            else:
                unplaced.append(message)
        return unplaced


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ProgressDelegate(QStyledItemDelegate):
    """Paints PROGRESS_ROLE (0–100) as a slim rounded bar with the percentage beside it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget: Any = option.widget
        widget.style().drawControl(widget.style().ControlElement.CE_ItemViewItem, option,
                                   painter, widget)
        rect: QRect = option.rect.adjusted(8, 0, -8, 0)
        text_w = 44
        bar = QRect(rect.left(), rect.center().y() - 4, max(10, rect.width() - text_w), 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.BORDER))
        painter.drawRoundedRect(bar, 4, 4)
        if value > 0:
            filled = QRect(bar.left(), bar.top(), max(8, bar.width() * int(value) // 100),
                           bar.height())
            painter.setBrush(QColor(style.SUCCESS if value >= 100 else style.ACCENT))
            painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(QColor(style.TEXT))
        painter.drawText(QRect(bar.right() + 6, rect.top(), text_w - 6, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                         f"{value} %")
        painter.restore()
