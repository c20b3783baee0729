"""The actions every list of activities offers on its selection: reschedule (tomorrow, next
Monday, in a week, a picked day), mark done, «Перенести в другую сделку» (a deal of the
client), each recorded in the window's undo history (Правка → Отменить / Повторить) — for
the client card's lists and the calendar; the Today tab words its own menu and takes the
deal picker from here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from app.i18n import translate
from app.services.activities import BulkChange
from app.services.deals import BoardFilter
from app.services.errors import ServiceError
from app.views import dialogs
from app.views.undo import history, record_activities_change

if TYPE_CHECKING:
    from app.bootstrap import Services


@dataclass(frozen=True)
class Target:
    """A selected activity as the actions need it."""

    id: int
    client_id: int | None
    deal_id: int | None
    done: bool = False


def reschedule_choices(today: date) -> list[tuple[str, date]]:
    """«На завтра», «На следующий понедельник», «Через неделю» (the Today tab's own)."""
    from app.views.today.model import reschedule_days

    return reschedule_days(today)


def ask_deal(parent: QWidget | None, title: str,
             deals: Sequence[tuple[int, str]]) -> int | None:
    """One of `deals` (id, label) picked from a list; None when cancelled (tests replace it)."""
    labels = [label for _ident, label in deals]
    label, ok = QInputDialog.getItem(parent, title, translate("BulkActions", "Сделка:"),
                                     labels, 0, False)
    if not ok or label not in labels:
        return None
    return deals[labels.index(label)][0]


def client_deals(services: Services, client_id: int) -> list[tuple[int, str]]:
    """The client's open deals as the board shows them: (id, «title · stage»)."""
    board = services.deals.board(BoardFilter(client_id=client_id))
    return [(card.id, f"{card.title} · {stage.name}")
            for stage in board.stages for card in board.column(stage.id)]


def pick_other_deal(parent: QWidget | None, services: Services,
                    targets: Sequence[Target]) -> int | str | None:
    """The deal to move `targets` to, picked among their client's deals (not the one they
    all have already). A message (str) instead when there is nothing to pick: several
    clients, no client, or no other deal."""
    clients = {t.client_id for t in targets}
    if len(clients) != 1 or None in clients:
        return translate("BulkActions", "Выберите дела одного клиента")
    client_id = next(iter(clients))
    assert client_id is not None
    current = {t.deal_id for t in targets}
    deals = [(i, label) for i, label in client_deals(services, client_id)
             if not (len(current) == 1 and i in current)]
    if not deals:
        return translate("BulkActions", "У клиента нет других открытых сделок")
    return ask_deal(parent, translate("BulkActions", "Перенести в другую сделку"), deals)


class ActivityBulkActions(QObject):
    """The actions on a list's selected activities, each recorded in the window's history.

    `selected()` gives the list's selected activities; `today()` the day the reschedule
    choices count from. Each action is one transaction of the activities service, and so
    is its undo and its redo (`app.views.undo.record_activities_change`).

    Signals:
        changed(): activities were changed or put back (the list reads them again).
        message(str): what was done, or why not (for a status line).
    """

    changed = Signal()
    message = Signal(str)

    def __init__(self, *, services: Services, parent: QWidget,
                 selected: Callable[[], Sequence[Target]],
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._selected = selected
        self._today = today

    # -- the actions -------------------------------------------------------------------
    def _open_ids(self) -> list[int]:
        return [t.id for t in self._selected() if not t.done]

    def _apply(self, act: Callable[[], BulkChange], action: str) -> bool:
        try:
            change = act()
        except ServiceError as exc:
            self.message.emit(str(exc))
            return False
        record_activities_change(self._services.activities, change, action)
        self.message.emit(change.description)
        self.changed.emit()
        return bool(change.activity_ids)

    def reschedule_to(self, day: date) -> bool:
        """Move the selected open activities to `day`, each at its own time of day."""
        ids = self._open_ids()
        return bool(ids) and self._apply(
            lambda: self._services.activities.reschedule_to_day(ids, day), "reschedule")

    def reschedule_to_picked_day(self) -> bool:
        day = dialogs.ask_date(self._parent, translate("BulkActions", "Перенести на дату"),
                               reschedule_choices(self._today())[0][1])
        return day is not None and self.reschedule_to(day)

    def mark_done(self) -> bool:
        """Done without a next step (the completion dialog is for one activity)."""
        ids = self._open_ids()
        return bool(ids) and self._apply(
            lambda: self._services.activities.mark_done_many(ids), "done")

    def move_to_deal(self) -> bool:
        targets = list(self._selected())
        if not targets:
            return False
        picked = pick_other_deal(self._parent, self._services, targets)
        if isinstance(picked, str):
            self.message.emit(picked)
            return False
        if picked is None:
            return False
        deal_id = picked
        ids = [t.id for t in targets]
        return self._apply(lambda: self._services.activities.reassign(ids, deal_id),
                           "reassign")

    def undo(self) -> bool:
        """The window's last action undone (Правка → Отменить); False with none."""
        stack = history().stack
        if not stack.canUndo():
            return False
        stack.undo()
        return True

    def redo(self) -> bool:
        """The window's last undone action done again (Правка → Повторить)."""
        stack = history().stack
        if not stack.canRedo():
            return False
        stack.redo()
        return True

    # -- the menu ----------------------------------------------------------------------
    def add_to_menu(self, menu: QMenu) -> None:
        """Перенести ▸, Отметить выполненными, Перенести в другую сделку…, and the
        window's Отменить / Повторить (a dialog's list has no Правка menu in reach)."""
        targets = list(self._selected())
        open_ids = [t.id for t in targets if not t.done]
        if open_ids:
            move = menu.addMenu(translate("BulkActions", "Перенести"))
            for label, day in reschedule_choices(self._today()):
                move.addAction(label, partial(self.reschedule_to, day))
            move.addAction(translate("BulkActions", "Выбрать дату…"),
                           self.reschedule_to_picked_day)
            menu.addAction(translate("BulkActions", "Отметить выполненными: {n}").format(
                n=len(open_ids)), self.mark_done)
        if targets:
            menu.addAction(translate("BulkActions", "Перенести в другую сделку…"),
                           self.move_to_deal)
        stack = history().stack
        if stack.canUndo() or stack.canRedo():
            menu.addSeparator()
        if stack.canUndo():
            undo = menu.addAction(translate("BulkActions", "Отменить: {what}").format(
                what=stack.undoText()), self.undo)
            undo.setShortcut(QKeySequence.StandardKey.Undo)
        if stack.canRedo():
            redo = menu.addAction(translate("BulkActions", "Повторить: {what}").format(
                what=stack.redoText()), self.redo)
            redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
