"""Ctrl+K: one box over clients, contact persons, deals, КП, invoices, orders and products.

The hits come grouped by kind (a header row per kind); ↑/↓ move between hits while the
cursor stays in the box, Enter opens the hit (`open_requested(target, id)`: the main window
shows the client, the deal, the order or the product), Esc closes. The service answers a
keystroke in milliseconds (bench), so typing searches after a short pause on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app.i18n import translate
from app.services.errors import ServiceError
from app.views import style
from app.views.geometry import FittedDialog

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.services.global_search import SearchHit

PAUSE_MS = 120  # typing pauses this long before the box searches


class HitModel(QAbstractListModel):
    """Header rows (a kind's title) and hit rows, in the service's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, SearchHit | None]] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        from app.services.global_search import kind_label

        self.beginResetModel()
        self._rows = []
        for hit in hits:
            if not self._rows or (self._rows[-1][1] or hit).kind != hit.kind:
                self._rows.append((kind_label(hit.kind), None))
            self._rows.append(("", hit))
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def hit_rows(self) -> list[int]:
        return [i for i, (_h, hit) in enumerate(self._rows) if hit is not None]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.hit(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        header, hit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if hit is None:
                return header
            return f"{hit.title}  —  {hit.detail}" if hit.detail else hit.title
        if role == Qt.ItemDataRole.FontRole and hit is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and hit is None:
            return QColor(style.MUTED)
        return None


class GlobalSearchDialog(FittedDialog):
    open_requested = Signal(str, int)  # target kind ("client", "deal", "order", "product"), id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(translate("GlobalSearch", "Поиск по всей базе"))
        self.box = QLineEdit()
        self.box.setObjectName("globalSearchBox")
        self.box.setPlaceholderText(translate(
            "GlobalSearch", "Клиент, контакт, телефон, e-mail, сделка, номер КП, счёта или "
                            "заказа, товар…"))
        self.box.setClearButtonEnabled(True)
        self.model = HitModel(self)
        self.list = QListView()
        self.list.setObjectName("globalSearchHits")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the box
        self.list.setStyleSheet("QListView::item { padding: 4px 6px; }")
        self.hint = QLabel(translate("GlobalSearch", "↑ ↓ — выбрать, Enter — открыть, "
                                                     "Esc — закрыть"))
        self.hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.resize(720, 480)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._on_box_text_changed)
        self.box.returnPressed.connect(self.open_current)
        self.list.activated.connect(lambda index: self.open_row(index.row()))
        self.list.clicked.connect(lambda index: self.open_row(index.row()))
        # ↑/↓ in the box move between hits (shortcuts of the box, not a Python event filter)
        for key, step in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, -1)):
            QShortcut(QKeySequence(key), self.box, lambda s=step: self.step_hit(s),
                      context=Qt.ShortcutContext.WidgetShortcut)

    def _on_box_text_changed(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        """Search for the box's text at once (the pause timer calls it; tests may too)."""
        self._timer.stop()
        text = self.box.text()
        try:
            hits = self.services.search.search(text)
        except ServiceError as exc:
            self.hint.setText(str(exc))
            return
        self.model.set_hits(hits)
        rows = self.model.hit_rows()
        if rows:
            self.list.setCurrentIndex(self.model.index(rows[0]))
            self.hint.setText(translate("GlobalSearch", "↑ ↓ — выбрать, Enter — открыть, "
                                                        "Esc — закрыть"))
        elif len(" ".join(text.split())) >= 2:
            self.hint.setText(translate("GlobalSearch", "Ничего не найдено"))

    def step_hit(self, step: int) -> None:
        """The next (step 1) or previous (−1) hit, skipping the kind headers."""
        rows = self.model.hit_rows()
        if not rows:
            return
        current = self.list.currentIndex().row()
        pos = rows.index(current) if current in rows else -1
        pos = max(0, min(len(rows) - 1, pos + step))
        self.list.setCurrentIndex(self.model.index(rows[pos]))

    def open_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause ran out: search what is typed
            self.search_now()
        self.open_row(self.list.currentIndex().row())

    def open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is None:
            return
        self.accept()
        self.open_requested.emit(hit.target, hit.target_id)
