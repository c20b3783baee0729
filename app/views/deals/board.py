"""The kanban board: a column per stage, each a QListView over a card model with a painted
delegate, so thousands of deals cost only the cards that are on screen.

Drag & drop carries the deal id between columns; a drop never moves a card by itself — it
asks the tab (`move_requested`), which saves the move and only then updates the columns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import short_date
from app.domain.money import format_money, format_rubles
from app.i18n import translate
from app.services.deals import ColumnSummary, DealCard, StageInfo, lost_reason_label
from app.views import style
from app.views.deals.common import activity_short
from app.views.style import named

_Index = QModelIndex | QPersistentModelIndex

MIME_DEAL = "application/x-salesdesk-deal"
CARD_HEIGHT = 122
CARD_GAP = 8
COLUMN_WIDTH = 268


SORT_KEYS: dict[str, Callable[[DealCard], tuple[Any, ...]]] = {
    # The soonest expected close first (no date last).
    "close": lambda c: (c.expected_close is None, c.expected_close or date.max, c.id),
    "amount": lambda c: (-c.amount, c.id),  # the biggest first
    "days": lambda c: (-c.days_in_stage, c.id),  # the longest waiting first
    "weighted": lambda c: (-c.amount * c.probability, c.id),
}


class DealCardModel(QAbstractListModel):
    """The cards of one stage column.

    Not a RecordTableModel: a one-column list of cards painted by a delegate, with drag and
    drop and a sort order it keeps on insert.

    Signals:
        move_requested(int, int, int): a card was dropped here (deal id, from stage, to stage).
    """

    move_requested = Signal(int, int, int)

    def __init__(self, stage: StageInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._cards: list[DealCard] = []
        self.sort_key = "close"

    def _key(self, card: DealCard) -> tuple[Any, ...]:
        return SORT_KEYS[self.sort_key](card)

    # --- data -------------------------------------------------------------------------------
    def set_cards(self, cards: list[DealCard], sort_key: str | None = None) -> None:
        """Show cards; open stages in `sort_key` order, closed ones as given (newest first)."""
        if sort_key is not None:
            self.sort_key = sort_key
        self.beginResetModel()
        self._cards = sorted(cards, key=self._key) if self.stage.is_open else list(cards)
        self.endResetModel()

    def cards(self) -> list[DealCard]:
        return list(self._cards)

    def card_at(self, row: int) -> DealCard:
        return self._cards[row]

    def row_of(self, deal_id: int) -> int:
        for i, c in enumerate(self._cards):
            if c.id == deal_id:
                return i
        return -1

    def remove_deal(self, deal_id: int) -> DealCard | None:
        row = self.row_of(deal_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return card

    def insert_card(self, card: DealCard) -> int:
        """Insert in display order (open stages: the chosen order; closed: newest first)."""
        if self.stage.is_open:
            keys = [self._key(c) for c in self._cards]
            row = bisect_left(keys, self._key(card))
        else:
            row = 0
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()
        return row

    def replace_card(self, card: DealCard) -> None:
        row = self.row_of(card.id)
        if row >= 0:
            self._cards[row] = card
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._cards)):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.client_name} — {card.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(card)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.client_name}, {card.title}, {format_rubles(card.amount)}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_DEAL]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            card = self._cards[rows[0]]
            mime.setData(MIME_DEAL, QByteArray(f"{card.id}:{card.stage_id}".encode()))
        return mime

    @staticmethod
    def decode(mime: QMimeData) -> tuple[int, int] | None:
        if not mime.hasFormat(MIME_DEAL):
            return None
        try:
            deal, stage = bytes(mime.data(MIME_DEAL).data()).decode().split(":")
            return int(deal), int(stage)
        except ValueError:
            return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        decoded = self.decode(data)
        return decoded is not None and decoded[1] != self.stage.id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        """Ask for the move; the board changes only after the move is stored.

        Returns False so the source view never removes the card on its own.
        """
        decoded = self.decode(data)
        if decoded is None or decoded[1] == self.stage.id:
            return False
        self.move_requested.emit(decoded[0], decoded[1], self.stage.id)
        return False


def _tooltip(card: DealCard) -> str:
    lines = [f"<b>{_esc(card.client_name)}</b>", _esc(card.title),
             translate("Deals", "Сумма: {amount}, вероятность {p} %").format(
                 amount=format_money(card.amount), p=card.probability)]
    if card.expected_close:
        lines.append(translate("Deals", "Ожидаемое закрытие: {day}").format(
            day=short_date(card.expected_close)))
    if card.stalled:
        lines.append(translate("Deals", "Застряла: {days} дн. при норме {limit}").format(
            days=card.days_in_stage, limit=card.stall_limit))
    if card.next_kind is not None and card.next_due is not None:
        lines.append(translate("Deals", "Следующий шаг: {what} — {subject}").format(
            what=activity_short(card.next_kind, card.next_due),
            subject=_esc(card.next_subject)))
    lines.append(translate("Deals", "Двойной щелчок или Enter — открыть, Ctrl+←/→ — "
                                    "сменить этап"))
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DealCardDelegate(QStyledItemDelegate):
    """Paints a card: client, title, amount, expected close, days in stage, next activity."""

    def __init__(self, parent: Any = None, *, working_days: bool = False) -> None:
        super().__init__(parent)
        self.working_days = working_days

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(COLUMN_WIDTH - 24, CARD_HEIGHT + CARD_GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        # The card comes straight from the model: wrapping Python objects in QVariant for
        # every paint is slower and has crashed PySide6 under heavy scrolling.
        model = index.model()
        if not isinstance(model, DealCardModel) or not (0 <= index.row() < model.rowCount()):
            return
        card = model.card_at(index.row())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRect(option.rect).adjusted(2, CARD_GAP // 2, -2, -CARD_GAP // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        rf = QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5)
        bg = QColor(style.STALLED if card.stalled else style.SURFACE)
        if selected:
            bg = QColor(style.SELECTED)
        painter.setBrush(bg)
        border = QColor(style.ACCENT) if selected else QColor(
            style.BORDER_HOVER if hover else style.BORDER)
        painter.setPen(QPen(border, 1.6 if selected else 1))
        painter.drawRoundedRect(rf, 7, 7)
        # The left stripe says the card's state at a glance.
        stripe = None
        if card.stalled:
            stripe = QColor(style.DANGER)
        elif card.stage_id and card.lost_reason:
            stripe = QColor(style.MUTED)
        elif card.closed_on is not None:
            stripe = QColor(style.SUCCESS)
        if stripe is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(stripe)
            painter.drawRoundedRect(QRectF(r.left() + 0.5, r.top() + 6, 3.5, r.height() - 12),
                                    1.5, 1.5)

        base = QFont(option.font)
        x = r.left() + 12
        w = r.width() - 22
        y = r.top() + 8

        # 1. client
        f1 = QFont(base)
        f1.setBold(True)
        painter.setFont(f1)
        fm1 = QFontMetrics(f1)
        painter.setPen(QColor(style.TEXT))
        prob_text = f"{card.probability} %"
        f_small = QFont(base)
        f_small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        fms = QFontMetrics(f_small)
        prob_w = fms.horizontalAdvance(prob_text) + 6
        painter.drawText(QRect(x, y, w - prob_w, fm1.height()), Qt.AlignmentFlag.AlignLeft,
                         fm1.elidedText(card.client_name, Qt.TextElideMode.ElideRight,
                                        w - prob_w))
        painter.setFont(f_small)
        painter.setPen(QColor(style.MUTED))
        painter.drawText(QRect(x, y + 1, w, fm1.height()), Qt.AlignmentFlag.AlignRight,
                         prob_text)
        y += fm1.height() + 1

        # 2. title
        painter.setFont(base)
        fm = QFontMetrics(base)
        painter.setPen(QColor(style.MUTED))
        painter.drawText(QRect(x, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(card.title, Qt.TextElideMode.ElideRight, w))
        y += fm.height() + 5

        # 3. amount and expected close
        fa = QFont(base)
        fa.setBold(True)
        fa.setPointSizeF(base.pointSizeF() + 1.5)
        fma = QFontMetrics(fa)
        painter.setFont(fa)
        painter.setPen(QColor(style.TEXT))
        painter.drawText(QRect(x, y, w, fma.height()), Qt.AlignmentFlag.AlignLeft,
                         format_rubles(card.amount))
        if card.closed_on is not None:
            date_text = short_date(card.closed_on)
            date_color = QColor(style.MUTED)
        elif card.expected_close is not None:
            date_text = translate("Deals", "до {day}").format(
                day=short_date(card.expected_close))
            date_color = QColor(style.DANGER if card.close_overdue else style.MUTED)
        else:
            date_text = translate("Deals", "без срока")
            date_color = QColor(style.MUTED)
        painter.setFont(f_small)
        painter.setPen(date_color)
        painter.drawText(QRect(x, y, w, fma.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date_text)
        y += fma.height() + 6

        # 4. the next step (or a warning that there is none)
        painter.setFont(f_small)
        if card.closed_on is None:
            if card.next_kind is not None and card.next_due is not None:
                text = "● " + activity_short(card.next_kind, card.next_due)
                color = QColor(style.DANGER if card.next_overdue else style.ACCENT)
            else:
                text = "⚠ " + translate("Deals", "Нет следующего шага")
                color = QColor(style.WARNING)
            painter.setPen(color)
            painter.drawText(QRect(x, y, w, fms.height()), Qt.AlignmentFlag.AlignLeft,
                             fms.elidedText(text, Qt.TextElideMode.ElideRight, w))
        y += fms.height() + 5

        # 5. a chip: days in the stage, stalled, or how the deal was closed
        chip_h = fms.height() + 4
        unit = translate("Deals", "раб. дн.") if self.working_days else translate("Deals", "дн.")
        if card.closed_on is not None:
            if card.lost_reason:
                chip_text = lost_reason_label(card.lost_reason)
                chip_fg, chip_bg = map(QColor, style.NEUTRAL_CHIP)
            else:
                chip_text = translate("Deals", "Выиграна")
                chip_fg, chip_bg = map(QColor, style.SUCCESS_CHIP)
        elif card.stalled:
            chip_text = translate("Deals", "Застряла: {n} {unit} (норма {limit})").format(
                n=card.days_in_stage, unit=unit, limit=card.stall_limit)
            chip_fg, chip_bg = map(QColor, style.DANGER_CHIP)
        elif card.days_in_stage == 0:
            chip_text = translate("Deals", "В этапе с сегодня")
            chip_fg, chip_bg = map(QColor, style.SUCCESS_CHIP)
        else:
            chip_text = translate("Deals", "В этапе {n} {unit}").format(
                n=card.days_in_stage, unit=unit)
            chip_fg, chip_bg = map(QColor, style.NEUTRAL_CHIP)
        chip_w = min(fms.horizontalAdvance(chip_text) + 14, w)
        chip = QRectF(x, y, chip_w, chip_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_bg)
        painter.drawRoundedRect(chip, chip_h / 2, chip_h / 2)
        painter.setPen(chip_fg)
        painter.drawText(chip.toRect(), Qt.AlignmentFlag.AlignCenter,
                         fms.elidedText(chip_text, Qt.TextElideMode.ElideRight, chip_w - 8))
        painter.restore()


class StageListView(QListView):
    """A column's list of cards; Ctrl+Left/Right moves the selected deal to the next stage.

    Signals:
        step_requested(int, int): move this deal one stage left (-1) or right (+1).
        open_requested(int): open the deal's editor.
        focus_neighbour_requested(int): Left/Right without Ctrl — go to the next column.
    """

    step_requested = Signal(int, int)
    open_requested = Signal(int)
    focus_neighbour_requested = Signal(int)
    drag_started = Signal()
    drag_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setObjectName("stageCards")  # transparent, thin scroll bar (style.py)
        self._drop_target = False
        self.doubleClicked.connect(self._on_self_double_clicked)

    def current_card(self) -> DealCard | None:
        idx = self.currentIndex()
        if not idx.isValid() or not self.selectionModel().isSelected(idx):
            return None
        return self._card(idx)

    def _card(self, index: QModelIndex) -> DealCard | None:
        model = self.model()
        if isinstance(model, DealCardModel) and 0 <= index.row() < model.rowCount():
            return model.card_at(index.row())
        return None

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """A card is dragged: the board shows its closing drop zones until it is dropped."""
        self.drag_started.emit()
        try:
            super().startDrag(supportedActions)
        finally:
            self.drag_finished.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._set_drop_target(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        super().dropEvent(event)

    def _set_drop_target(self, on: bool) -> None:
        if self._drop_target != on:
            self._drop_target = on
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        empty = model is None or model.rowCount() == 0
        if not (empty or self._drop_target):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._drop_target:
            painter.setPen(QPen(QColor(style.ACCENT), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(37, 99, 235, 18))
            painter.drawRoundedRect(QRectF(self.viewport().rect()).adjusted(2, 2, -2, -2), 8, 8)
        if empty:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(self.viewport().rect().adjusted(0, 24, 0, 0),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             translate("Deals", "Перетащите сюда сделку")
                             if self._drop_target else translate("Deals", "Нет сделок"))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        card = self.current_card()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if ctrl and card is not None:
                self.step_requested.emit(card.id, step)
            elif not ctrl:
                self.focus_neighbour_requested.emit(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and card is not None:
            self.open_requested.emit(card.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        card = self._card(index)
        if card is not None:
            self.open_requested.emit(card.id)


class StageColumn(QFrame):
    """A stage: a header (name, count, sum, weighted sum) over its list of cards."""

    def __init__(self, stage: StageInfo, *, working_days: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("stageColumn")
        self.setAcceptDrops(True)
        self.setMinimumWidth(COLUMN_WIDTH - 20)
        self.setMaximumWidth(COLUMN_WIDTH + 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        header = named(QFrame(), "stageHeader")
        # its top border: the stage's kind (style.py)
        header.setProperty("kind", "won" if stage.is_won else "lost" if stage.is_lost else "")
        hl = QVBoxLayout(header)
        hl.setContentsMargins(10, 8, 10, 8)
        hl.setSpacing(2)
        self.name_label = named(QLabel(stage.name), "stageName")
        self.name_label.setToolTip(stage.name)
        self.name_label.setMinimumWidth(10)
        hl.addWidget(self.name_label)
        sums = QHBoxLayout()
        sums.setSpacing(6)
        self.sum_label = named(QLabel(""), "stageSum")
        self.count_label = named(QLabel("0"), "stageCount")
        self.count_label.setToolTip(translate("Deals", "Сделок в этапе"))
        self.stalled_label = named(QLabel(""), "stageStalled")
        self.stalled_label.setToolTip(translate("Deals", "Застрявших сделок в этапе"))
        self.stalled_label.hide()
        sums.addWidget(self.sum_label, 1)
        sums.addWidget(self.stalled_label)
        sums.addWidget(self.count_label)
        hl.addLayout(sums)
        self.weighted_label = named(QLabel(""), "stageWeighted")
        hl.addWidget(self.weighted_label)
        layout.addWidget(header)
        self.model = DealCardModel(stage, self)
        self.delegate = DealCardDelegate(self, working_days=working_days)
        self.view = StageListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        layout.addWidget(self.view, 1)

    # Drops anywhere on the column (the header too) go to the same model call as the list's.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.model.canDropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1,
                                      QModelIndex()):
            event.acceptProposedAction()
            self.view._set_drop_target(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.view._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.view._set_drop_target(False)
        self.model.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1,
                                QModelIndex())
        event.ignore()  # the move is stored (or refused) by the tab, not by the drag

    def show_summary(self, summary: ColumnSummary) -> None:
        stalled = sum(1 for c in self.model.cards() if c.stalled)
        self.stalled_label.setText(f"⚠ {stalled}")
        self.stalled_label.setVisible(stalled > 0)
        self.count_label.setText(f"{summary.count}")
        self.sum_label.setText(format_rubles(summary.amount))
        self.sum_label.setToolTip(format_money(summary.amount))
        if self.stage.is_open:
            self.weighted_label.setText(translate("Deals", "≈ {sum} с учётом {p} %").format(
                sum=format_rubles(summary.weighted), p=self.stage.probability))
            self.weighted_label.setToolTip(translate(
                "Deals", "Взвешенная сумма: каждая сделка × её вероятность"))
        else:
            self.weighted_label.setText(
                translate("Deals", "выигранные сделки") if self.stage.is_won
                else translate("Deals", "проигранные сделки"))


class ClosingDropZone(QLabel):
    """A target for closing a deal while a card is dragged: «Выиграна» or «Проиграна»,
    always reachable at the bottom of the board even when the closed columns are hidden
    or scrolled away. A drop asks for the move as a drop on the column would."""

    move_requested = Signal(int, int, int)

    def __init__(self, stage: StageInfo, parent: QWidget | None = None) -> None:
        super().__init__(stage.name, parent)
        self.stage = stage
        self.setObjectName("closingDropZone")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAcceptDrops(True)
        self.setProperty("kind", "won" if stage.is_won else "lost")
        self._paint(False)

    def _paint(self, hot: bool) -> None:
        """Filled while a card is over it (style.py's #closingDropZone rules)."""
        style.set_props(self, hot="true" if hot else None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        decoded = DealCardModel.decode(event.mimeData())
        if decoded is not None and decoded[1] != self.stage.id:
            event.acceptProposedAction()
            self._paint(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._paint(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._paint(False)
        decoded = DealCardModel.decode(event.mimeData())
        if decoded is None or decoded[1] == self.stage.id:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        # the source view must not remove the card on its own (as dropMimeData): the board
        # changes once the move is stored
        self.move_requested.emit(decoded[0], decoded[1], self.stage.id)


class PipelineBoard(QScrollArea):
    """The columns side by side, scrolling horizontally when they do not fit.

    Signals:
        move_requested(int, int, int): deal id, from stage, to stage (drag & drop).
        step_requested(int, int): deal id, -1/+1 (keyboard).
        open_requested(int): deal id.
        context_menu_requested(int, QPoint): deal id, global position.
    """

    move_requested = Signal(int, int, int)
    step_requested = Signal(int, int)
    open_requested = Signal(int)
    context_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("board")  # transparent, thin scroll bars (style.py)
        self._inner = QWidget()
        self._inner.setObjectName("boardInner")
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(10)
        self.setWidget(self._inner)
        self.columns: list[StageColumn] = []
        self._working_days = False
        self._autoscroll_step = 0
        self._autoscroll = QTimer(self, interval=30)
        self._autoscroll.timeout.connect(self._on_autoscroll_timeout)
        # the closing drop zones: over the bottom of the board while a card is dragged
        self.drop_zones: list[ClosingDropZone] = []
        self._zones_bar = QWidget(self)
        self._zones_bar.setObjectName("closingZones")
        self._zones_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._zones_row = QHBoxLayout(self._zones_bar)
        self._zones_row.setContentsMargins(8, 6, 8, 6)
        self._zones_row.setSpacing(12)
        self._zones_bar.hide()

    ZONES_HEIGHT = 64

    def set_closing_stages(self, stages: list[StageInfo]) -> None:
        """The won and lost stages the drop zones close a deal into (shown or not as
        columns)."""
        closing = [st for st in stages if not st.is_open]
        if [z.stage for z in self.drop_zones] == closing:
            return
        for zone in self.drop_zones:
            self._zones_row.removeWidget(zone)
            zone.deleteLater()
        self.drop_zones = []
        for st in closing:
            zone = ClosingDropZone(st, self._zones_bar)
            zone.move_requested.connect(self.move_requested, Qt.ConnectionType.QueuedConnection)
            self._zones_row.addWidget(zone, 1)
            self.drop_zones.append(zone)

    def show_drop_zones(self, on: bool) -> None:
        if on and self.drop_zones:
            self._place_zones()
            self._zones_bar.show()
            self._zones_bar.raise_()
        else:
            self._zones_bar.hide()

    def _place_zones(self) -> None:
        area = self.viewport().geometry()
        self._zones_bar.setGeometry(area.x(), area.y() + area.height() - self.ZONES_HEIGHT,
                                    area.width(), self.ZONES_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zones_bar.isVisible():
            self._place_zones()

    def set_stages(self, stages: list[StageInfo], *, working_days: bool) -> None:
        """Rebuild the columns when the stage list (or the day-counting rule) changes."""
        if ([c.stage for c in self.columns] == stages
                and working_days == self._working_days):
            return
        self._working_days = working_days
        for col in self.columns:
            self._row.removeWidget(col)
            col.deleteLater()
        self.columns = []
        for i, st in enumerate(stages):
            col = StageColumn(st, working_days=working_days, parent=self._inner)
            col.model.move_requested.connect(self.move_requested,
                                             Qt.ConnectionType.QueuedConnection)
            col.view.step_requested.connect(self.step_requested)
            col.view.open_requested.connect(self.open_requested)
            col.view.focus_neighbour_requested.connect(
                lambda step, i=i: self.focus_column(i + step))
            col.view.drag_started.connect(lambda: self.show_drop_zones(True))
            col.view.drag_finished.connect(lambda: self.show_drop_zones(False))
            col.view.customContextMenuRequested.connect(
                lambda pos, c=col: self._on_column_context_menu(c, pos))
            self._row.addWidget(col)
            self.columns.append(col)
            col.installEventFilter(self)
            col.view.viewport().installEventFilter(self)

    def column_for(self, stage_id: int) -> StageColumn | None:
        for col in self.columns:
            if col.stage.id == stage_id:
                return col
        return None

    def column_of_deal(self, deal_id: int) -> StageColumn | None:
        for col in self.columns:
            if col.model.row_of(deal_id) >= 0:
                return col
        return None

    def select_deal(self, deal_id: int, *, focus: bool = True) -> bool:
        """Make the deal's card current and scroll the board to it (`focus=False` leaves
        the keyboard where it is, e.g. in the search box while typing)."""
        col = self.column_of_deal(deal_id)
        if col is None:
            return False
        idx = col.model.index(col.model.row_of(deal_id))
        col.view.setCurrentIndex(idx)
        col.view.scrollTo(idx)
        if focus:
            col.view.setFocus()
        self.ensureWidgetVisible(col)
        return True

    def current_deal_id(self) -> int | None:
        """The deal the user is on: the selected card of the focused column, else of any."""
        views = sorted((c.view for c in self.columns), key=lambda v: not v.hasFocus())
        for view in views:
            card = view.current_card()
            if card is not None:
                return card.id
        return None

    def focus_column(self, i: int) -> None:
        if not (0 <= i < len(self.columns)):
            return
        col = self.columns[i]
        if col.model.rowCount() and not col.view.currentIndex().isValid():
            col.view.setCurrentIndex(col.model.index(0))
        col.view.setFocus()
        self.ensureWidgetVisible(col)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # A DragMove comes as a QDragMoveEvent, a QDropEvent with the position.
        if (kind == QEvent.Type.DragMove and isinstance(event, QDropEvent)
                and isinstance(watched, QWidget)):
            pos = watched.mapTo(self.viewport(), event.position().toPoint())
            edge = 70
            if pos.x() > self.viewport().width() - edge:
                self._autoscroll_step = 24
            elif pos.x() < edge:
                self._autoscroll_step = -24
            else:
                self._autoscroll_step = 0
            if self._autoscroll_step and not self._autoscroll.isActive():
                self._autoscroll.start()
        elif kind in (QEvent.Type.Drop, QEvent.Type.DragLeave):
            self._autoscroll_step = 0
        return super().eventFilter(watched, event)

    def _on_autoscroll_timeout(self) -> None:
        bar = self.horizontalScrollBar()
        if self._autoscroll_step == 0:
            self._autoscroll.stop()
            return
        bar.setValue(bar.value() + self._autoscroll_step)

    def _on_column_context_menu(self, col: StageColumn, pos: QPoint) -> None:
        idx = col.view.indexAt(pos)
        if not idx.isValid():
            return
        col.view.setCurrentIndex(idx)
        card = col.model.card_at(idx.row())
        self.context_menu_requested.emit(card.id, col.view.viewport().mapToGlobal(pos))
