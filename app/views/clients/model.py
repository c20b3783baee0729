"""The client list's item model: all matching ids up front, row data fetched page by page.

With 100,000 clients a keystroke only costs the id query; the rows the view actually paints
are fetched 100 at a time and cached until the next reload.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from app.domain.dates import date_time, short_date
from app.domain.money import format_money
from app.i18n import translate
from app.services.clients import ClientRow, status_label
from app.views import style

_Index = QModelIndex | QPersistentModelIndex
PAGE = 100

STATUS_TONES = {"lead": "info", "active": "success", "lost": "danger", "churned": "warning"}

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PILLS_ROLE = Qt.ItemDataRole.UserRole + 2  # list of (text, fg, bg) for the pill delegate


def _columns() -> list[tuple[str, str]]:
    """(sort key, title) of every column, in the default order."""
    return [
        ("name", translate("Clients", "Клиент")),
        ("inn", translate("Clients", "ИНН")),
        ("status", translate("Clients", "Статус")),
        ("segment", translate("Clients", "Сегмент")),
        ("tags", translate("Clients", "Метки")),
        ("region", translate("Clients", "Регион")),
        ("industry", translate("Clients", "Отрасль")),
        ("responsible", translate("Clients", "Ответственный")),
        ("last_contact", translate("Clients", "Последний контакт")),
        ("next_activity", translate("Clients", "Следующее дело")),
        ("revenue_year", translate("Clients", "Выручка за год")),
        ("phone", translate("Clients", "Телефон")),
        ("email", translate("Clients", "E-mail")),
    ]


COLUMN_KEYS = [key for key, _ in _columns()]
HIDDEN_BY_DEFAULT = ("inn", "responsible", "phone", "email")
UNSORTABLE: tuple[str, ...] = ()


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, ROW_ID_ROLE, PILLS_ROLE,
})


def _short_day(moment: datetime | None) -> str:
    return "" if moment is None else short_date(moment)


class ClientTableModel(QAbstractTableModel):
    """Rows are client ids; their data comes from `fetch(ids)` a page at a time.

    Not a RecordTableModel: it holds ids, not rows, and fetches the rows lazily.

    Signals:
        sort_requested(str, bool): the view asked for another order (key, descending).
    """

    sort_requested = Signal(str, bool)

    def __init__(self, fetch: Callable[[list[int]], list[ClientRow]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._cache: dict[int, ClientRow] = {}
        self._titles = [title for _, title in _columns()]
        self._today = date.today()

    # --- feeding -------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._today = date.today()
        self.endResetModel()

    def append_ids(self, ids: list[int]) -> None:
        """More rows after the last (the rest of a list shown by its first page first)."""
        if not ids:
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(ids) - 1)
        self._ids.extend(ids)
        self.endInsertRows()

    def refresh_rows(self, ids: list[int]) -> None:
        """Re-read some rows (after an edit) without a reset."""
        wanted = set(ids)
        for i in wanted:
            self._cache.pop(i, None)
        for row, cid in enumerate(self._ids):
            if cid in wanted:
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, self.columnCount() - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, client_id: int) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def client_at(self, row: int) -> ClientRow | None:
        if not 0 <= row < len(self._ids):
            return None
        cid = self._ids[row]
        found = self._cache.get(cid)
        if found is None:
            start = (row // PAGE) * PAGE
            page = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
            for r in self._fetch(page):
                self._cache[r.id] = r
            found = self._cache.get(cid)
        return found

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMN_KEYS[section] == "revenue_year":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMN_KEYS) and COLUMN_KEYS[column] not in UNSORTABLE:
            self.sort_requested.emit(COLUMN_KEYS[column],
                                     order == Qt.SortOrder.DescendingOrder)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # a view asks a dozen roles per painted cell: answer the unused ones at once
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ROW_ID_ROLE:
            return self._ids[index.row()]
        r = self.client_at(index.row())
        if r is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == PILLS_ROLE:
            return self.pills(index)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "next_activity" and r.next_activity is not None \
                    and r.next_activity < datetime.now(UTC):
                return QColor(style.DANGER)
            if key == "last_contact" and (
                    r.last_contact is None
                    or (self._today - r.last_contact.astimezone().date()).days > 60):
                return QColor(style.MUTED)
            if r.archived:
                return QColor(style.MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole and key == "name":
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "revenue_year":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "name":
                parts = [r.name]
                if r.inn:
                    parts.append(translate("Clients", "ИНН {inn}").format(inn=r.inn))
                if r.phone:
                    parts.append(r.phone)
                if r.email:
                    parts.append(r.email)
                return "\n".join(parts)
            if key == "next_activity" and r.next_activity is not None \
                    and r.next_activity < datetime.now(UTC):
                return translate("Clients", "Дело просрочено")
            if key == "last_contact" and r.last_contact is None:
                return translate("Clients", "Выполненных дел с клиентом ещё не было")
        return None

    def pills(self, index: _Index) -> list[tuple[str, str, str]] | None:
        """Chips (text, foreground, background) for the status and tags cells, else None."""
        key = COLUMN_KEYS[index.column()] if 0 <= index.column() < len(COLUMN_KEYS) else ""
        if key not in ("status", "tags"):
            return None
        r = self.client_at(index.row())
        if r is None:
            return None
        if key == "status":
            fg, bg = style.chip_colours(STATUS_TONES.get(r.status))
            return [(status_label(r.status), fg, bg)]
        fg, bg = style.chip_colours("neutral")
        return [(t, fg, bg) for t in r.tags]

    @staticmethod
    def _text(r: ClientRow, key: str) -> str:
        if key == "status":
            return status_label(r.status)
        if key == "tags":
            return ", ".join(r.tags)
        if key == "last_contact":
            return _short_day(r.last_contact) or "—"
        if key == "next_activity":
            return date_time(r.next_activity) \
                if r.next_activity else ""
        if key == "revenue_year":
            return format_money(r.revenue_year) if r.revenue_year else "—"
        return str(getattr(r, key, "") or "")
