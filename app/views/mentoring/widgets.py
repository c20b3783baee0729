"""The mentoring pages' progress-bar delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app.views import style
from app.views.mentoring.models import PROGRESS_ROLE


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
