"""Сегодня: the day's overview — the base, the pipeline, the month's wins and the agenda."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.i18n import translate
from app.services.overview import AgendaItem
from app.views import style
from app.views.formatting import local_time, money

_Index = QModelIndex | QPersistentModelIndex


def activity_kind_label(kind: str) -> str:
    labels = {
        "call": translate("Activity", "Звонок"),
        "meeting": translate("Activity", "Встреча"),
        "email": translate("Activity", "Письмо"),
        "presentation": translate("Activity", "Презентация"),
        "task": translate("Activity", "Задача"),
        "note": translate("Activity", "Заметка"),
    }
    return labels.get(kind, kind)


class AgendaModel(QAbstractTableModel):
    """Overdue and today's activities, oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []

    def set_items(self, items: list[AgendaItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("Today", "Срок"),
                translate("Today", "Тип"),
                translate("Today", "Дело"),
                translate("Today", "Клиент"),
            )[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(item.due_at),
                activity_kind_label(item.kind),
                item.subject,
                item.client_name,
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and index.column() == 0:
            return QColor(style.DANGER)
        if role == Qt.ItemDataRole.ToolTipRole and item.overdue:
            return translate("Today", "Просрочено")
        return None


class _FigureCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self._title = QLabel(title, objectName="cardTitle")
        self.value = QLabel("—", objectName="cardValue")
        self.note = QLabel("", objectName="cardNote")
        for w in (self._title, self.value, self.note):
            layout.addWidget(w)

    def show_figure(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class TodayTab(QWidget):
    """The first tab: figures at a glance and the day's agenda."""

    tab_key = "today"

    @staticmethod
    def title() -> str:
        return translate("Today", "Сегодня")

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        self._heading = QLabel(objectName="sectionTitle")
        layout.addWidget(self._heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.clients_card = _FigureCard(translate("Today", "Клиенты"))
        self.deals_card = _FigureCard(translate("Today", "Открытые сделки"))
        self.won_card = _FigureCard(translate("Today", "Выиграно в этом месяце"))
        self.agenda_card = _FigureCard(translate("Today", "Дела на сегодня"))
        for col, card in enumerate(
            (self.clients_card, self.deals_card, self.won_card, self.agenda_card)
        ):
            grid.addWidget(card, 0, col)
        layout.addLayout(grid)
        agenda_title = QLabel(translate("Today", "Просроченные и сегодняшние дела"),
                              objectName="sectionTitle")
        layout.addWidget(agenda_title)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = QTableView()
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.agenda_view.verticalHeader().hide()
        header = self.agenda_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.agenda_view, 1)
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        ov = self._services.overview.overview(today)
        self._heading.setText(
            translate("Today", "Сегодня, {date}").format(date=today.strftime("%d.%m.%Y"))
        )
        self.clients_card.show_figure(
            f"{ov.clients:n}", translate("Today", "из них лидов: {n}").format(n=ov.leads)
        )
        self.deals_card.show_figure(
            f"{ov.open_deals:n}", translate("Today", "на сумму {sum}").format(
                sum=money(ov.open_deals_amount))
        )
        self.won_card.show_figure(
            money(ov.won_this_month_amount),
            translate("Today", "сделок: {n}").format(n=ov.won_this_month),
        )
        self.agenda_card.show_figure(
            f"{ov.activities_today:n}",
            translate("Today", "просрочено: {n}").format(n=ov.activities_overdue),
        )
        self.agenda_model.set_items(ov.agenda)
