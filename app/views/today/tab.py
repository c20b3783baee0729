"""Сегодня: the manager's day as one keyboard-driven worklist, with figures at a glance.

The list (`services.worklist`) holds a section per kind of work — overdue, today by time,
tomorrow, the next 7 days, stalled deals, service calls due, post-sale follow-ups, payments,
overdue complaints, birthdays, holidays, trainees' overdue tasks — each under a heading with
its count. Every row opens with Enter or a double-click; Space does it (the completion
dialog, «поздравил»), Ctrl+D moves it to tomorrow, the context menu has the rest; a bulk
change is recorded in the window's undo history (Правка → Отменить / Повторить).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import date_time, short_date
from app.domain.money import format_count, format_money
from app.i18n import translate
from app.services.activities import BulkChange
from app.services.errors import ServiceError
from app.services.worklist import SECTIONS, WorkItem, Worklist
from app.views import dialogs, style
from app.views.activities.links import mailto_url, open_link, tel_url
from app.views.background import Job
from app.views.background import start as start_job
from app.views.shortcuts_help import describe
from app.views.style import named
from app.views.today.model import WorklistModel, every_kind_label, item_key, reschedule_days
from app.views.undo import UndoButton, record_activities_change

COLUMN_PADDING = 24  # px beside a column's widest text
ROW_PADDING = 8  # px added to each row's text height
TITLE_SHARE = 0.38  # the «Что» column's share of the width left by time and kind

_Key = tuple[str, str, int | None, str]
# read off the GUI thread while it reads the rest: the service calls visit every active
# client, the holidays' calendar package loads for a third of a second the first time, and
# the others walk thousands of deals, orders and contacts of a grown base (bench_day.py)
LATE_SECTIONS = ("stalled", "service_due", "receivables", "late_shipments", "birthdays",
                 "holidays")
QUICK_SECTIONS = tuple(s for s in SECTIONS if s not in LATE_SECTIONS)


class _FigureCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        self._title = named(QLabel(title), "cardTitle")
        self.value = named(QLabel("—"), "cardValue")
        self.note = named(QLabel(""), "cardNote")
        for w in (self._title, self.value, self.note):
            layout.addWidget(w)

    def show_figure(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class _RowDelegate(QStyledItemDelegate):
    """Rows a little taller than the text, so a long list stays easy to read."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + ROW_PADDING)
        return size


class WorklistView(QTreeView):
    """The worklist's view: the arrow keys, Page Up/Down, Home and End skip the section
    headings; Space and Ctrl+D ask for the row's action (Enter activates, as in any view).

    Signals:
        done_requested: Space on the selected rows.
        tomorrow_requested: Ctrl+D on the selected rows.
        section_jump_requested(int): Ctrl+Down (1) or Ctrl+Up (-1): the next or the
            previous section.
        menu_requested(QPoint): the context menu, to open at this global position.
    """

    done_requested = Signal()
    tomorrow_requested = Signal()
    section_jump_requested = Signal(int)
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_RowDelegate(self))
        palette = self.palette()  # the selection as the tables show it (style.STYLE_SHEET)
        palette.setColor(QPalette.ColorRole.Highlight, QColor(style.ACCENT_SOFT))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(style.TEXT))
        self.setPalette(palette)

    _UPWARDS = (QAbstractItemView.CursorAction.MoveUp,
                QAbstractItemView.CursorAction.MovePrevious,
                QAbstractItemView.CursorAction.MovePageUp,
                QAbstractItemView.CursorAction.MoveEnd)
    _ONE_STEP = (QAbstractItemView.CursorAction.MoveUp, QAbstractItemView.CursorAction.MoveDown,
                 QAbstractItemView.CursorAction.MovePrevious,
                 QAbstractItemView.CursorAction.MoveNext)

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        index = super().moveCursor(cursorAction, modifiers)
        model = self.model()
        if not index.isValid() or not isinstance(model, WorklistModel):
            return index
        step = -1 if cursorAction in self._UPWARDS else 1
        row = model.nearest_stop_row(index.row(), step)
        if row is None:
            if cursorAction in self._ONE_STEP:
                return current  # past the first or the last item: stay
            row = model.nearest_stop_row(index.row(), -step)
        return model.index(row, index.column()) if row is not None else current

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The right button opens the menu where it was clicked; the menu key or Shift+F10
        below the current row."""
        mouse = event.reason() == QContextMenuEvent.Reason.Mouse
        event.accept()
        self.menu_requested.emit(event.globalPos() if mouse else self.below_current_row())

    def below_current_row(self) -> QPoint:
        """The global point under the current row's left end (where a menu for it opens)."""
        rect = self.visualRect(self.currentIndex())
        return self.viewport().mapToGlobal(rect.bottomLeft() if rect.isValid()
                                           else QPoint(0, 0))

    def fit_title_column(self) -> None:
        """«Что» takes TITLE_SHARE of the width the time and kind leave, «Подробности» the
        rest."""
        header = self.header()
        rest = (self.viewport().width() - header.sectionSize(WorklistModel.WHEN)
                - header.sectionSize(WorklistModel.KIND))
        if rest > 0:
            header.resizeSection(WorklistModel.TITLE, int(rest * TITLE_SHARE))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_title_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.done_requested.emit()
            return
        if event.key() == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
            event.accept()
            self.tomorrow_requested.emit()
            return
        if (event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and mods == Qt.KeyboardModifier.ControlModifier):
            event.accept()
            self.section_jump_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class TodayTab(QWidget):
    """The first tab: figures at a glance and the day's worklist from every area.

    The worklist's quick sections are read with the figures when the tab is built or
    refreshed (the start-up bench times that); the service calls due, which visit every
    active client, and the holidays, whose calendar package takes a third of a second to
    load, come from a background job a moment later (`is_filled`, `filled`).

    Signals:
        open_requested(str, int): open a "deal" or a "client" (by id), or show a "trainee"
            — Enter or a double-click on a row; the main window routes it.
        filled: the late sections were read and are shown.
    """

    tab_key = "today"
    open_requested = Signal(str, int)
    filled = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = self.today()
        self._quick: Worklist | None = None  # the quick sections, read on the GUI thread
        self._late: Worklist | None = None  # LATE_SECTIONS, read by a job
        self._late_reads = 0  # the late job last started (a newer one outdates the others)
        self._late_pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self._heading = named(QLabel(), "sectionTitle")
        top.addWidget(self._heading)
        top.addStretch(1)
        self.new_button = QPushButton(translate("Today", "+ Дело"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(translate("Today", "Новое дело (Ctrl+N)"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_activity)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.clients_card = _FigureCard(translate("Today", "Клиенты"))
        self.deals_card = _FigureCard(translate("Today", "Открытые сделки"))
        self.won_card = _FigureCard(translate("Today", "Выиграно в этом месяце"))
        self.agenda_card = _FigureCard(translate("Today", "Дела на сегодня"))
        for card in (self.clients_card, self.deals_card, self.won_card, self.agenda_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)
        # every non-empty section with its count, a link to it: the day at a glance
        self.sections_line = QLabel()
        self.sections_line.setWordWrap(True)
        self.sections_line.setTextFormat(Qt.TextFormat.RichText)
        self.sections_line.linkActivated.connect(self._on_sections_line_link_activated)
        layout.addWidget(self.sections_line)

        self.model = WorklistModel(self)
        self.view = WorklistView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setAlternatingRowColors(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setToolTip(translate(
            "Today", "Enter — открыть, Пробел — готово, Ctrl+D — на завтра"))
        header = self.view.header()
        header.setStretchLastSection(True)
        # the time and kind columns as wide as their widest possible text (no row measured)
        metrics = self.view.fontMetrics()
        widths = {WorklistModel.WHEN: metrics.horizontalAdvance(
                      date_time(datetime(2026, 12, 28, 20, 0).astimezone())),
                  WorklistModel.KIND: max(metrics.horizontalAdvance(t)
                                          for t in every_kind_label())}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width + COLUMN_PADDING)
        header.setSectionResizeMode(WorklistModel.TITLE, QHeaderView.ResizeMode.Interactive)
        self.view.activated.connect(self._on_view_activated)
        self.view.done_requested.connect(self.done_selected)
        self.view.tomorrow_requested.connect(self.reschedule_selected_to_tomorrow)
        self.view.section_jump_requested.connect(self.jump_section)
        self.view.menu_requested.connect(self._on_view_menu_requested)
        layout.addWidget(self.view, 1)
        self.empty = named(QLabel(translate("Today", "Нет дел на сегодня")), "sectionTitle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

        status = QHBoxLayout()
        self.status = named(QLabel(""), "cardNote")
        status.addWidget(self.status)
        self.undo_button = UndoButton()  # Правка → Отменить, within reach
        status.addWidget(self.undo_button)
        status.addStretch(1)
        status.addWidget(named(QLabel(translate(
            "Today", "Enter — открыть · Пробел — готово · Ctrl+D — на завтра · "
                     "Ctrl+Z — отменить · Ctrl+↑↓ — разделы · правая кнопка — ещё")),
            "cardNote"))
        layout.addLayout(status)

        describe(QShortcut(QKeySequence.StandardKey.New, self), translate(
            "Today", "Новое дело")).activated.connect(self.new_activity)
        self.setFocusProxy(self.view)
        self.refresh()

    # -- filling -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the figures and the worklist, keeping the selected rows selected."""
        self._refill(self._selected_keys(), [])

    def today(self) -> date:
        """The local date the worklist is for (tests put the tab on another day)."""
        return date.today()

    def is_filled(self) -> bool:
        """Whether every section is read, the late ones (LATE_SECTIONS) too."""
        return not self._late_pending

    def _refill(self, keep: Sequence[_Key], following: Sequence[_Key],
                near_row: int | None = None) -> None:
        """Read the quick sections and the figures now, show them with the late sections as
        last read (of the same day), and read the late ones again off the GUI thread."""
        today = self._today = self.today()
        svc = self._services
        if self._late is not None and self._late.today != today:
            self._late = None
        # first, so the job reads while this thread does; it reports through the event loop
        self._read_late_sections(today)
        self._quick = svc.worklist.worklist(today, sections=QUICK_SECTIONS)
        ov = svc.overview.overview(today, agenda_limit=0)
        self._show_figures(self._quick, ov.clients, ov.leads, ov.open_deals,
                           format_money(ov.open_deals_amount),
                           format_money(ov.won_this_month_amount), ov.won_this_month)
        self._show_worklist()
        self._restore_selection(keep, following, near_row)

    def _show_worklist(self) -> None:
        quick, late = self._quick, self._late
        if quick is None:
            return
        merged = quick if late is None else Worklist(
            quick.today,
            {s: (late if s in LATE_SECTIONS else quick).sections[s] for s in quick.sections},
            {s: (late if s in LATE_SECTIONS else quick).totals[s] for s in quick.totals})
        self.model.set_worklist(merged)
        for row in self.model.heading_rows():  # the «more» lines span the row too
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self._show_sections_line()
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setText(translate("Today", "Нет дел на сегодня") if self.is_filled()
                           or late is not None else translate("Today", "Загрузка…"))
        self.empty.setVisible(not has_rows)
        self.view.fit_title_column()

    def _read_late_sections(self, today: date) -> None:
        worklist = self._services.worklist
        self._late_reads += 1
        self._late_pending = True
        read = self._late_reads  # the callbacks hold its number, never the job (see start_job)
        job = Job(lambda: worklist.worklist(today, sections=LATE_SECTIONS))
        job.signals.finished.connect(lambda late: self._on_late_job_finished(read, late),
                                     Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(lambda message: self._on_late_job_failed(read, message),
                                   Qt.ConnectionType.QueuedConnection)
        start_job(job)

    def _on_late_job_finished(self, read: int, late: Worklist) -> None:
        if read != self._late_reads:  # a newer read replaced it
            return
        self._late_pending = False
        self._late = late
        current = self.model.item(self.view.currentIndex().row())
        keep = self._selected_keys()
        self._show_worklist()
        if current is not None and item_key(current) in keep:  # the current row first
            keep.remove(item_key(current))
            keep.insert(0, item_key(current))
        self._restore_selection(keep, [], self.view.currentIndex().row())
        self.filled.emit()

    def _on_late_job_failed(self, read: int, message: str) -> None:
        if read != self._late_reads:
            return
        self._late_pending = False
        self._say(message)
        self._show_worklist()
        self.filled.emit()

    def _show_figures(self, worklist: Worklist, clients: int, leads: int, open_deals: int,
                      open_amount: str, won_amount: str, won: int) -> None:
        self._heading.setText(
            translate("Today", "Сегодня, {date}").format(date=short_date(self._today)))
        self.clients_card.show_figure(format_count(clients), translate(
            "Today", "из них лидов: {n}").format(n=format_count(leads)))
        self.deals_card.show_figure(format_count(open_deals), translate(
            "Today", "на сумму {sum}").format(sum=open_amount))
        self.won_card.show_figure(won_amount, translate("Today", "сделок: {n}").format(n=won))
        self.agenda_card.show_figure(
            format_count(worklist.totals.get("today", 0)),
            translate("Today", "просрочено: {n}").format(
                n=format_count(worklist.totals.get("overdue", 0))))

    def _show_sections_line(self) -> None:
        links = []
        for row in self.model.heading_rows():
            line = self.model.work_row(row)
            if line.item is None and not line.more:
                text = escape(str(self.model.data(self.model.index(row, 0)))).replace(
                    " ", "&nbsp;")  # a section's name and count on one line
                color = style.DANGER if line.section == "overdue" else style.ACCENT
                links.append(f'<a href="{line.section}" style="color:{color}; '
                             f'text-decoration:none">{text}</a>')
        if not self.is_filled():
            links.append('<span style="color:{c}">{t}</span>'.format(c=style.MUTED, t=escape(
                translate("Today", "Остальные разделы: загрузка…"))))
        self.sections_line.setText("&nbsp;&nbsp;|&nbsp;&nbsp;".join(links))
        self.sections_line.setVisible(bool(links))

    def _on_sections_line_link_activated(self, section: str) -> None:
        self.show_section(section)

    def show_section(self, section: str) -> None:
        """Scroll to a section's heading and select its first row."""
        heading = next((r for r in self.model.heading_rows()
                        if self.model.work_row(r).section == section
                        and not self.model.work_row(r).more), None)
        if heading is None:
            return
        self.select_row(heading)
        self.view.scrollTo(self.model.index(heading, 0),
                           QAbstractItemView.ScrollHint.PositionAtTop)
        self.view.setFocus()

    def jump_section(self, step: int) -> None:
        """Ctrl+Down / Ctrl+Up: the first row of the next or the previous section."""
        sections = [self.model.work_row(r).section for r in self.model.heading_rows()
                    if not self.model.work_row(r).more]
        current = self.model.item(self.view.currentIndex().row())
        if not sections:
            return
        at = sections.index(current.section) if current and current.section in sections else 0
        self.show_section(sections[max(0, min(len(sections) - 1, at + step))])

    # -- selection ---------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        return sorted(r for r in rows if self.model.item(r) is not None)

    def selected_items(self) -> list[WorkItem]:
        """The selected rows' items (headings are never selected), top to bottom."""
        return [item for r in self._selected_rows()
                if (item := self.model.item(r)) is not None]

    def _selected_keys(self) -> list[_Key]:
        return [item_key(item) for item in self.selected_items()]

    def select_row(self, row: int) -> None:
        """Make `row` the current and only selected row (a heading: the next item)."""
        found = self.model.nearest_stop_row(row, 1)
        if found is None:
            found = self.model.nearest_stop_row(row, -1)
        if found is None:
            return
        index = self.model.index(found, 0)
        flags = (self.view.selectionModel().SelectionFlag.ClearAndSelect
                 | self.view.selectionModel().SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _restore_selection(self, keep: Sequence[_Key], following: Sequence[_Key],
                           near_row: int | None) -> None:
        rows = [r for r in (self.model.row_of(k) for k in keep) if r is not None]
        if not rows:
            rows = [r for r in (self.model.row_of(k) for k in following) if r is not None][:1]
        if not rows:
            if near_row is None and self.model.item_rows():
                near_row = self.model.item_rows()[0]
            if near_row is not None:
                self.select_row(min(near_row, self.model.rowCount() - 1))
            return
        self.select_row(rows[0])
        selection = self.view.selectionModel()
        for r in rows[1:]:
            selection.select(self.model.index(r, 0),
                             selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def _run(self, action: Callable[[], bool], *, stay: bool = False) -> bool:
        """Run an action on the selected rows; when it changed something, reload and put the
        selection on the row that followed them (`stay`: on them while they are listed)."""
        rows = self._selected_rows()
        items = self.selected_items()
        acted = {item_key(i) for i in items}
        last = rows[-1] if rows else -1
        following = [item_key(item) for r in self.model.item_rows() if r > last
                     and (item := self.model.item(r)) is not None and item_key(item) not in acted]
        try:
            changed = action()
        except ServiceError as exc:
            self._say(str(exc))
            return False
        if changed:
            self._refill([item_key(i) for i in items] if stay else [], following,
                         near_row=rows[0] if rows else None)
        return changed

    # -- what a row does ---------------------------------------------------------------
    def _on_view_activated(self, index: QModelIndex) -> None:
        row = index.row()
        item = self.model.item(row)
        if item is not None:
            self.open_item(item)
            return
        line = self.model.work_row(row)
        if line.expands or (line.count and line.section in self.model.expanded):
            self.toggle_section(line.section, row)

    def toggle_section(self, section: str, row: int | None = None) -> None:
        """Show all of a section's rows, or again its first ones; the cursor stays at `row`
        (on a «more» line: the first row it brought)."""
        self.model.toggle_section(section)
        for heading in self.model.heading_rows():
            self.view.setFirstColumnSpanned(heading, QModelIndex(), True)
        if row is not None:
            self.select_row(min(row, self.model.rowCount() - 1))

    def open_item(self, item: WorkItem) -> None:
        """An activity opens in its editor; the rest in their own tab (a holiday: its menu,
        where its key clients are)."""
        if item.kind == "activity" and item.ident is not None:
            from app.views.activities.editor import ActivityEditor

            ident = item.ident
            self._run(lambda: bool(ActivityEditor(
                services=self._services, activity_id=ident, parent=self).exec()), stay=True)
        elif item.kind == "deal" and item.ident is not None:
            self.open_requested.emit("deal", item.ident)
        elif item.kind in ("order", "payment") and item.ident is not None:
            self.open_requested.emit("order", item.ident)  # a late shipment, a payment due
        elif item.kind == "product":
            self.open_catalog()
        elif item.kind == "complaint" and item.ident is not None:
            self.open_complaint(item.ident)
        elif item.kind == "holiday":  # its key clients to open are in the row's menu
            self._on_view_menu_requested(self.view.below_current_row())
        elif item.kind == "trainee_task":
            trainee = next((t.trainee_id for t in self._services.mentoring.overdue_tasks(
                self._today) if t.task_id == item.ident), None)
            if trainee is not None:
                self.open_requested.emit("trainee", trainee)
        elif item.client_id is not None:  # a client due a call or owing, a birthday
            self.open_requested.emit("client", item.client_id)

    def open_complaint(self, complaint_id: int) -> bool:
        """An overdue complaint: its editor (status, resolution, corrective tasks)."""
        from app.views.market.feedback import ComplaintEditor

        def edit() -> bool:
            editor = ComplaintEditor(services=self._services, complaint_id=complaint_id,
                                     today=self._today, parent=self)
            editor.exec()
            return editor.saved_id is not None  # saved, or a task added or marked done

        return self._run(edit, stay=True)

    def open_catalog(self) -> bool:
        """A low-stock row: the catalog, where stock and thresholds are kept."""
        from app.views.deals.catalog import CatalogDialog

        return self._run(lambda: bool(CatalogDialog(services=self._services,
                                                    parent=self).exec()), stay=True)

    def done_selected(self) -> bool:
        """Space: one activity → the completion dialog; several → done without a next step
        (undoable); a birthday → «поздравил»; a client due a call → the call log; a deal
        without a next step → plan one."""
        items = self.selected_items()
        activities = [i.ident for i in items if i.kind == "activity" and i.ident is not None]
        if len(activities) > 1:
            return self._run(lambda: self._bulk(
                self._services.activities.mark_done_many(activities), "done"))
        if len(items) != 1:
            return False
        item = items[0]
        if item.kind == "activity" and item.ident is not None:
            from app.views.activities.complete import CompletionDialog

            ident = item.ident
            return self._run(lambda: bool(CompletionDialog(
                services=self._services, activity_id=ident, parent=self).exec()))
        if item.kind == "birthday":
            return self.mark_greeted(item)
        if item.kind == "client" and item.client_id is not None:
            return self.log_call(item)
        if item.kind == "deal":
            return self.plan_for(item)
        return False

    def mark_greeted(self, item: WorkItem) -> bool:
        """«Поздравил»: a greeting recorded for the birthday's contact (once)."""
        contact_id = item.contact_id if item.contact_id is not None else item.ident
        if item.done or contact_id is None:
            return False

        def greet() -> bool:
            self._services.worklist.mark_greeted(contact_id, today=self._today)
            self._say(translate("Today", "Поздравление записано: {name}").format(
                name=item.title))
            return True
        return self._run(greet)

    def log_call(self, item: WorkItem) -> bool:
        from app.views.activities.call_log import CallLogDialog

        client_id = item.client_id
        if client_id is None:
            return False
        return self._run(lambda: bool(CallLogDialog(
            services=self._services, client_id=client_id, contact_id=item.contact_id,
            deal_id=item.deal_id, parent=self).exec()))

    def plan_for(self, item: WorkItem) -> bool:
        """The activity editor for the row's deal or client."""
        from app.views.activities.editor import ActivityEditor

        return self._run(lambda: bool(ActivityEditor(
            services=self._services, client_id=item.client_id, deal_id=item.deal_id,
            contact_id=item.contact_id, parent=self).exec()))

    def new_activity(self) -> bool:
        """«+ Дело» / Ctrl+N: the activity editor, empty."""
        from app.views.activities.editor import ActivityEditor

        editor = ActivityEditor(services=self._services, parent=self)
        if not editor.exec():
            return False
        saved = editor.saved_id
        self._refill([], [])
        if saved is not None:
            row = next((r for r in self.model.item_rows()
                        if (i := self.model.item(r)) is not None and i.kind == "activity"
                        and i.ident == saved), None)
            if row is not None:
                self.select_row(row)
        return True

    # -- rescheduling ------------------------------------------------------------------
    def _selected_activity_ids(self) -> list[int]:
        return [i.ident for i in self.selected_items()
                if i.kind == "activity" and i.ident is not None]

    def reschedule_selected(self, day: date) -> bool:
        """Move the selected activities to `day`, each at its own time of day (undoable)."""
        ids = self._selected_activity_ids()
        if not ids:
            return False
        return self._run(lambda: self._bulk(
            self._services.activities.reschedule_to_day(ids, day), "reschedule"))

    def reschedule_selected_to_tomorrow(self) -> bool:
        return self.reschedule_selected(reschedule_days(self._today)[0][1])

    def reschedule_selected_to_picked_day(self) -> bool:
        day = dialogs.ask_date(self, translate("Today", "Перенести на дату"),
                               reschedule_days(self._today)[0][1])
        return day is not None and self.reschedule_selected(day)

    def move_selected_to_deal(self) -> bool:
        """«Перенести в другую сделку…»: the selected activities to a deal of their client
        (picked from the client's open deals; undoable)."""
        from app.views.activities.bulk_menu import Target, pick_other_deal

        targets = [Target(i.ident, i.client_id, i.deal_id) for i in self.selected_items()
                   if i.kind == "activity" and i.ident is not None]
        if not targets:
            return False
        picked = pick_other_deal(self, self._services, targets)
        if isinstance(picked, str):
            self._say(picked)
            return False
        if picked is None:
            return False
        deal_id, ids = picked, [t.id for t in targets]
        return self._run(lambda: self._bulk(self._services.activities.reassign(ids, deal_id),
                                            "reassign"), stay=True)

    def _bulk(self, change: BulkChange, action: str) -> bool:
        """A bulk change just stored: said, and recorded in Правка → Отменить / Повторить."""
        record_activities_change(self._services.activities, change, action)
        self._say(change.description)
        return bool(change.activity_ids)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- the context menu --------------------------------------------------------------
    def _on_view_menu_requested(self, at: QPoint) -> None:
        menu = self.context_menu()
        if not menu.isEmpty():
            menu.exec(at)

    def context_menu(self) -> QMenu:
        """The actions on the selected rows (built afresh for each right-click)."""
        menu = QMenu(self)
        items = self.selected_items()
        if not items:
            return menu
        one = items[0] if len(items) == 1 else None
        if one is not None and one.kind != "holiday":
            menu.addAction(translate("Today", "Открыть"), lambda: self.open_item(one))
        self._add_done_action(menu, items)
        if self._selected_activity_ids():
            move = menu.addMenu(translate("Today", "Перенести"))
            for i, (label, day) in enumerate(reschedule_days(self._today)):
                action = move.addAction(label, partial(self.reschedule_selected, day))
                if i == 0:
                    action.setShortcut(QKeySequence("Ctrl+D"))
            move.addAction(translate("Today", "Выбрать дату…"),
                           self.reschedule_selected_to_picked_day)
            menu.addAction(translate("Today", "Перенести в другую сделку…"),
                           self.move_selected_to_deal)
        if one is not None:
            self._add_contact_actions(menu, one)
        return menu

    def _add_done_action(self, menu: QMenu, items: list[WorkItem]) -> None:
        activities = self._selected_activity_ids()
        if len(activities) > 1:
            label = translate("Today", "Отметить выполненными: {n}").format(n=len(activities))
        elif len(items) != 1:
            return
        else:
            labels = {"activity": translate("Today", "Завершить…"),
                      "birthday": translate("Today", "Поздравил"),
                      "client": translate("Today", "Записать звонок…"),
                      "deal": translate("Today", "Запланировать дело…")}
            if items[0].kind not in labels or (items[0].kind == "birthday" and items[0].done):
                return
            label = labels[items[0].kind]
        action = menu.addAction(label, self.done_selected)
        action.setShortcut(QKeySequence(Qt.Key.Key_Space))

    def _add_contact_actions(self, menu: QMenu, item: WorkItem) -> None:
        menu.addSeparator()
        if item.phone:
            phone = item.phone
            menu.addAction(translate("Today", "Позвонить: {phone}").format(phone=phone),
                           lambda: open_link(tel_url(phone)))
        if item.email:
            email = item.email
            menu.addAction(translate("Today", "Написать: {email}").format(email=email),
                           lambda: open_link(mailto_url(email)))
        if item.client_id is not None and item.kind != "client":
            client_id = item.client_id
            menu.addAction(translate("Today", "Открыть клиента"),
                           lambda: self.open_requested.emit("client", client_id))
        if item.deal_id is not None and item.kind != "deal":
            deal_id = item.deal_id
            menu.addAction(translate("Today", "Открыть сделку"),
                           lambda: self.open_requested.emit("deal", deal_id))
        if item.related:
            greet = menu.addMenu(translate("Today", "Поздравить ключевых клиентов"))
            for client_id, name in item.related:
                greet.addAction(name, partial(self.open_requested.emit, "client", client_id))
        if item.client_id is not None and item.kind in ("activity", "birthday", "payment"):
            menu.addAction(translate("Today", "Новое дело для клиента…"),
                           lambda: self.plan_for(item))


__all__ = ["TodayTab", "WorklistView"]
