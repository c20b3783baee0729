"""Small widgets of the clients area: pills (status, tags), a tags editor with completion."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QStringListModel, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.views import style
from app.views.clients.model import STATUS_TONES

_Index = QModelIndex | QPersistentModelIndex


class PillDelegate(QStyledItemDelegate):
    """Paints a cell's list of (text, fg, bg) as rounded chips.

    `pills(index)` is asked in Python directly: reading a custom role through
    QModelIndex.data() for every painted cell returns None most of the time, and PySide
    (6.12, Python 3.11) loses a reference to None on that path until the interpreter aborts.
    """

    def __init__(self, pills: Callable[[_Index], list[tuple[str, str, str]] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pills = pills

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        pills = self._pills(index)
        if not pills:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        # the view is our parent; QStyleOptionViewItem.widget is avoided on purpose (reading it
        # from Python has crashed PySide with a refcount error)
        view = self.parent()
        qstyle = view.style() if isinstance(view, QWidget) else QApplication.style()
        qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter,
                           view if isinstance(view, QWidget) else None)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = opt.font
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect = opt.rect.adjusted(6, 0, -4, 0)
        x = rect.left()
        h = metrics.height() + 4
        y = rect.top() + (rect.height() - h) / 2
        for text, fg, bg in pills:
            w = metrics.horizontalAdvance(text) + 14
            if x + w > rect.right():
                if x + 14 < rect.right():
                    painter.setPen(QColor(style.MUTED))
                    painter.drawText(QRectF(x, y, 20, h), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            pill = QRectF(x, y, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(pill, h / 2, h / 2)
            painter.setPen(QColor(fg))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += w + 4
        painter.restore()


class StatusPill(QLabel):
    """A status chip for the card header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_status(self, code: str, text: str) -> None:
        self.setText(text)
        style.set_chip(self, STATUS_TONES.get(code, "neutral"))


class TagsEdit(QLineEdit):
    """Comma-separated tags; the word being typed completes from the tags already in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._on_completer_activated)
        self.textEdited.connect(self._on_text_edited)

    def set_known_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def completer_popup(self) -> QAbstractItemView | None:
        return self._completer.popup()

    def tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.text().split(",") if t.strip())

    def set_tags(self, tags: tuple[str, ...] | list[str]) -> None:
        self.setText(", ".join(tags))

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _on_text_edited(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self._hide_completions()
            return
        self._completer.setCompletionPrefix(word)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._hide_completions()

    def _hide_completions(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _on_completer_activated(self, chosen: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition():]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        self.setText(f"{head}{chosen}, {after.lstrip(', ')}".rstrip())
        self.setCursorPosition(len(head) + len(chosen) + 2)
