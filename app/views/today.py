"""Сегодня: the day's overview — figures at a glance and the daily agenda.

The agenda gathers what needs attention today from every area: overdue and today's
activities, stalled deals, payments due, contacts' birthdays and overdue trainee tasks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import date_time, short_date
from app.domain.money import format_count, format_money
from app.i18n import translate
from app.services.activities import activity_kind_label
from app.services.deals import BoardFilter, DealCard
from app.services.mentoring import OverdueTask
from app.services.overview import AgendaItem, Birthday, Receivable
from app.views import style
from app.views.record_model import Column, RecordTableModel
from app.views.style import named

SECTION_ROWS = 100  # a day's list longer than this is read from its own tab, not from here
# Columns are sized to the contents of the first rows: dates, counts and sums are as wide in
# row 100 as in row 20, and the names stretch (measuring every row cost 110 ms at start).
MEASURED_ROWS = 20


class AgendaModel(RecordTableModel[AgendaItem]):
    """Overdue and today's activities, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(translate("Today", "Срок"), lambda a: date_time(a.due_at),
                   color=lambda a: style.DANGER if a.overdue else None,
                   tooltip=lambda a: translate("Today", "Просрочено") if a.overdue else ""),
            Column(translate("Today", "Тип"), lambda a: activity_kind_label(a.kind)),
            Column(translate("Today", "Дело"), lambda a: a.subject),
            Column(translate("Today", "Клиент"), lambda a: a.client_name),
        ], parent)

    def set_items(self, items: list[AgendaItem]) -> None:
        self.set_rows(items)


class _FigureCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self._title = named(QLabel(title), "cardTitle")
        self.value = named(QLabel("—"), "cardValue")
        self.note = named(QLabel(""), "cardNote")
        for w in (self._title, self.value, self.note):
            layout.addWidget(w)

    def show_figure(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


T = TypeVar("T")


class _Section(QWidget, Generic[T]):
    """A titled table with a count in the title and a line shown when it is empty."""

    def __init__(self, title: str, model: RecordTableModel[T], empty_text: str,
                 stretch_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_text = title
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = named(QLabel(title), "sectionTitle")
        layout.addWidget(self.title)
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.empty = named(QLabel(empty_text), "cardNote")
        layout.addWidget(self.empty)

    def set_rows(self, rows: Sequence[T], total: int | None = None) -> None:
        """Show the first SECTION_ROWS of `rows`; the title counts them all (or `total`)."""
        self.model.set_rows(rows[:SECTION_ROWS])
        count = len(rows) if total is None else total
        self.title.setText(f"{self._title_text} · {count}" if count else self._title_text)
        self.view.setVisible(count > 0)
        self.empty.setVisible(count == 0)


class TodayTab(QWidget):
    """The first tab: figures at a glance and the day's agenda from every area.

    Signals:
        open_requested(str, int): open a "deal" or a "client" (by id), or show a "trainee"
            — a double-click or Enter on an agenda row; the main window routes it.
    """

    tab_key = "today"
    open_requested = Signal(str, int)

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        self._heading = named(QLabel(), "sectionTitle")
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

        body = QHBoxLayout()
        body.setSpacing(16)
        self.agenda_model = AgendaModel(self)
        self.agenda = _Section(translate("Today", "Просроченные и сегодняшние дела"),
                               self.agenda_model,
                               translate("Today", "На сегодня дел нет."), 2)
        self.agenda_view = self.agenda.view
        body.addWidget(self.agenda, 3)

        side = QVBoxLayout()
        side.setSpacing(12)
        self.stalled = _Section(translate("Today", "Зависшие сделки"), RecordTableModel[DealCard]([
            Column(translate("Today", "Сделка"), lambda c: c.title),
            Column(translate("Today", "Клиент"), lambda c: c.client_name),
            Column(translate("Today", "Дней"), lambda c: str(c.days_in_stage),
                   color=lambda c: style.DANGER, numeric=True),
            Column(translate("Today", "Сумма"), lambda c: format_money(c.amount), numeric=True),
        ]), translate("Today", "Зависших сделок нет."), 0)
        self.receivables = _Section(translate("Today", "Ожидаемые оплаты"),
                                    RecordTableModel[Receivable]([
            Column(translate("Today", "Срок"), lambda r: short_date(r.due_on),
                   color=lambda r: style.DANGER if r.overdue_days else None),
            Column(translate("Today", "Заказ"), lambda r: r.number),
            Column(translate("Today", "Клиент"), lambda r: r.client_name),
            Column(translate("Today", "Долг"), lambda r: format_money(r.outstanding), numeric=True),
        ]), translate("Today", "Оплат на этой неделе не ожидается."), 2)
        self.birthdays = _Section(translate("Today", "Дни рождения на неделе"),
                                  RecordTableModel[Birthday]([
            Column(translate("Today", "Дата"), lambda b: short_date(b.day)),
            Column(translate("Today", "Контакт"), lambda b: b.contact_name),
            Column(translate("Today", "Клиент"), lambda b: b.client_name),
        ]), translate("Today", "Дней рождения на этой неделе нет."), 2)
        self.trainee_tasks = _Section(translate("Today", "Просроченные задачи стажёров"),
                                      RecordTableModel[OverdueTask]([
            Column(translate("Today", "Срок"), lambda t: short_date(t.due_on),
                   color=lambda t: style.DANGER),
            Column(translate("Today", "Стажёр"), lambda t: t.trainee_name),
            Column(translate("Today", "Задача"), lambda t: t.title),
        ]), translate("Today", "У стажёров нет просроченных задач."), 2)
        for section in (self.stalled, self.receivables, self.birthdays, self.trainee_tasks):
            side.addWidget(section, 1)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        self._opens_on_activation(
            self.agenda,
            lambda a: ("deal", a.deal_id) if a.deal_id else ("client", a.client_id))
        self._opens_on_activation(self.stalled, lambda c: ("deal", c.id))
        self._opens_on_activation(self.receivables, lambda r: ("client", r.client_id))
        self._opens_on_activation(self.birthdays, lambda b: ("client", b.client_id))
        self._opens_on_activation(self.trainee_tasks, lambda t: ("trainee", t.trainee_id))
        self.refresh()

    def _opens_on_activation(self, section: _Section[T],
                             target: Callable[[T], tuple[str, int | None]]) -> None:
        """A double-click or Enter on a row of `section` opens what `target(row)` names."""
        section.view.activated.connect(
            lambda index: self._open(*target(section.model.row(index.row()))))
        section.view.setToolTip(translate("Today", "Двойной щелчок или Enter — открыть"))

    def _open(self, kind: str, ident: int | None) -> None:
        if ident:
            self.open_requested.emit(kind, ident)

    def refresh(self) -> None:
        today = date.today()
        svc = self._services
        ov = svc.overview.overview(today)
        self._heading.setText(
            translate("Today", "Сегодня, {date}").format(date=short_date(today))
        )
        self.clients_card.show_figure(
            format_count(ov.clients),
            translate("Today", "из них лидов: {n}").format(n=format_count(ov.leads))
        )
        self.deals_card.show_figure(
            format_count(ov.open_deals), translate("Today", "на сумму {sum}").format(
                sum=format_money(ov.open_deals_amount))
        )
        self.won_card.show_figure(
            format_money(ov.won_this_month_amount),
            translate("Today", "сделок: {n}").format(n=ov.won_this_month),
        )
        self.agenda_card.show_figure(
            format_count(ov.activities_today),
            translate("Today", "просрочено: {n}").format(n=ov.activities_overdue),
        )
        self.agenda.set_rows(ov.agenda, ov.activities_today + ov.activities_overdue)
        board = svc.deals.board(BoardFilter(stalled_only=True), today=today)
        stalled = sorted((c for cards in board.cards.values() for c in cards),
                         key=lambda c: c.days_in_stage, reverse=True)
        self.stalled.set_rows(stalled)
        due = svc.overview.receivables_due(today, limit=SECTION_ROWS)
        self.receivables.set_rows(due.rows, due.total)
        self.birthdays.set_rows(svc.overview.birthdays(today))
        self.trainee_tasks.set_rows(svc.mentoring.overdue_tasks(today))
