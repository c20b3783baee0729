"""The worklist as one item model: a header row per non-empty section, then its items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.dates import date_time, short_date
from app.domain.money import format_count
from app.i18n import translate
from app.services.activities import activity_kind_label
from app.services.activities.codes import ACTIVITY_KINDS
from app.services.worklist import SECTIONS, WorkItem, Worklist, section_label
from app.views import style

# sections of activities whose rows show only the time (their day is in the heading)
TIME_ONLY_SECTIONS = frozenset({"today", "tomorrow"})

_Index = QModelIndex | QPersistentModelIndex


def _other_kind_labels() -> dict[str, str]:
    return {
        "deal": translate("Today", "Сделка"),
        "client": translate("Today", "Клиент"),
        "birthday": translate("Today", "День рождения"),
        "holiday": translate("Today", "Праздник"),
        "payment": translate("Today", "Оплата"),
        "receivable": translate("Today", "Долг"),
        "order": translate("Today", "Заказ"),
        "product": translate("Today", "Товар"),
        "trainee_task": translate("Today", "Задача стажёра"),
        "complaint": translate("Today", "Рекламация"),
    }


def greeted_label() -> str:
    return translate("Today", "✓ поздравил")


def item_kind_label(item: WorkItem) -> str:
    """The «Тип» of a row: the activity's kind, or what else the row is."""
    if item.kind == "activity":
        return activity_kind_label(item.activity_kind)
    return _other_kind_labels().get(item.kind, item.kind)


def every_kind_label() -> list[str]:
    """Every text the «Тип» column can show (its width fits the widest)."""
    return ([activity_kind_label(k) for k in ACTIVITY_KINDS]
            + list(_other_kind_labels().values()) + [greeted_label()])


def item_when(item: WorkItem) -> str:
    """An activity's local time (with its date outside today and tomorrow); a date else."""
    when = item.when
    if isinstance(when, datetime):
        if item.kind != "activity":
            return short_date(when)
        if item.section in TIME_ONLY_SECTIONS:
            return when.astimezone().strftime("%H:%M")
        return date_time(when)
    return short_date(when)


def item_key(item: WorkItem) -> tuple[str, str, int | None, str]:
    """What names a row across refreshes, an edit of its title too (a holiday has no id:
    its name does)."""
    return item.section, item.kind, item.ident, item.title if item.ident is None else ""


# a section lists its first PREVIEW_ROWS (today's: its first TODAY_ROWS) until opened in full
# by its «more» line, so a long overdue list does not push the day out of sight
PREVIEW_ROWS = 10
TODAY_ROWS = 30


@dataclass(frozen=True)
class WorkRow:
    """One line of the list: a section's heading (`item` None), an item, or the line saying
    that the section has `more` rows than it shows (`expands`: it opens the section in
    full; else the service's cap was reached)."""

    section: str
    item: WorkItem | None = None
    count: int = 0  # a heading's count: the section's full count
    more: int = 0
    expands: bool = False

    @property
    def is_stop(self) -> bool:
        """The cursor may rest here: an item, or a «more» line that opens its section."""
        return self.item is not None or self.expands


def rows_of(worklist: Worklist, expanded: frozenset[str] | set[str] = frozenset()
            ) -> list[WorkRow]:
    """The non-empty sections in their order, each a heading then its rows (the first
    PREVIEW_ROWS, or TODAY_ROWS, unless `expanded`), then a «more» line when it holds more."""
    rows: list[WorkRow] = []
    for section in SECTIONS:
        items = worklist.sections.get(section, [])
        total = max(worklist.totals.get(section, len(items)), len(items))
        if not items:
            continue
        preview = TODAY_ROWS if section == "today" else PREVIEW_ROWS
        shown = items if section in expanded else items[:preview]
        rows.append(WorkRow(section, count=total))
        rows.extend(WorkRow(section, item) for item in shown)
        if total > len(shown):
            rows.append(WorkRow(section, more=total - len(shown),
                                expands=len(shown) < len(items)))
    return rows


class WorklistModel(QAbstractTableModel):
    """Columns Когда · Тип · Что · Подробности; heading rows span the row and cannot be
    selected (the view skips them with the arrow keys)."""

    COLUMNS = 4
    WHEN, KIND, TITLE, DETAIL = range(COLUMNS)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[WorkRow] = []
        self._worklist: Worklist | None = None
        self.expanded: set[str] = set()
        self._titles = [translate("Today", "Когда"), translate("Today", "Тип"),
                        translate("Today", "Что"), translate("Today", "Подробности")]
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        self._brushes: dict[str, QBrush] = {}  # by colour: the brushes of every theme

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush

    # -- contents ----------------------------------------------------------------------
    def set_worklist(self, worklist: Worklist) -> None:
        self._worklist = worklist
        self.beginResetModel()
        self._rows = rows_of(worklist, self.expanded)
        self.endResetModel()

    def toggle_section(self, section: str) -> None:
        """Show a section in full, or again only its first rows."""
        self.expanded.symmetric_difference_update({section})
        if self._worklist is not None:
            self.set_worklist(self._worklist)

    def work_row(self, row: int) -> WorkRow:
        return self._rows[row]

    def item(self, row: int) -> WorkItem | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def item_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.item is not None]

    def heading_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.item is None]

    def section_items(self, section: str) -> list[WorkItem]:
        return [r.item for r in self._rows if r.item is not None and r.section == section]

    def row_of(self, key: tuple[str, str, int | None, str]) -> int | None:
        for i, r in enumerate(self._rows):
            if r.item is not None and item_key(r.item) == key:
                return i
        return None

    def nearest_stop_row(self, row: int, step: int) -> int | None:
        """The first row the cursor may rest on (`WorkRow.is_stop`) from `row` on in the
        direction `step` (±1), or None."""
        while 0 <= row < len(self._rows):
            if self._rows[row].is_stop:
                return row
            row += step
        return None

    # -- QAbstractItemModel ------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self._rows[index.row()].is_stop:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if row.item is None:
            return self._heading_data(row, index.column(), role)
        return self._item_data(row.item, index.column(), role)

    def _heading_data(self, row: WorkRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            if row.expands:
                return translate("Today", "Ещё {n} — Enter, чтобы показать все").format(
                    n=format_count(row.more))
            if row.more:
                return translate("Today", "Ещё {n} — список ограничен первыми строками").format(
                    n=format_count(row.more))
            return f"{section_label(row.section)} · {format_count(row.count)}"
        if row.more:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._brush(style.ACCENT if row.expands else style.MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(style.BORDER)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brush(style.DANGER if row.section == "overdue" else style.TEXT)
        return None

    def _item_data(self, item: WorkItem, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return item_when(item)
            if column == self.KIND:
                return greeted_label() if item.done else item_kind_label(item)
            if column == self.TITLE:
                return item.title
            return item.detail
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done:
                return self._brush(style.SUCCESS if column == self.KIND else style.MUTED)
            if item.overdue and column == self.WHEN:
                return self._brush(style.DANGER)
            if column == self.KIND:
                return self._brush(style.MUTED)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.related:
                return translate("Today", "Поздравить: {names}").format(
                    names=", ".join(name for _id, name in item.related))
            if item.overdue and column == self.WHEN:
                return translate("Today", "Просрочено")
            return item.detail or None
        return None


# -- where «Перенести» moves things -----------------------------------------------------
def next_monday(today: date) -> date:
    """The Monday after `today` (a week on when today is a Monday)."""
    return today + timedelta(days=7 - today.weekday())


def reschedule_days(today: date) -> list[tuple[str, date]]:
    """The reschedule menu's fixed choices: «Завтра», «Следующий понедельник», «Через
    неделю» (each keeps the activity's time of day)."""
    return [(translate("Today", "На завтра"), today + timedelta(days=1)),
            (translate("Today", "На следующий понедельник"), next_monday(today)),
            (translate("Today", "Через неделю"), today + timedelta(days=7))]


__all__ = ["PREVIEW_ROWS", "TODAY_ROWS", "WorkRow", "WorklistModel", "every_kind_label",
           "greeted_label", "item_key", "item_kind_label", "item_when", "next_monday",
           "reschedule_days", "rows_of"]
