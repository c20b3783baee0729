"""The «Календарь» tab: planned activities by day, work week or month, drawn on a grid.

`TimeGrid` paints the hours of one or more days with each activity as a block (kind, subject,
client); a block is dragged to another slot (`ActivitiesService.move`), its bottom edge
dragged to change its length, both in 15-minute steps and both in the window's undo history;
a click on an empty slot plans an activity there, a double-click on a block opens it.
`MonthGrid` shows six weeks with each day's count and first activities. `CalendarTab` holds
them with prev/next/today and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.dates import month_name, short_date
from app.i18n import translate
from app.services.activities import ActivityDetail, activity_kind_label
from app.services.overview import local_day_start
from app.views import style
from app.views.activities.bulk_menu import ActivityBulkActions, Target
from app.views.forms import dialog_buttons, form_layout, to_date, to_qdate
from app.views.geometry import FittedDialog
from app.views.shortcuts_help import describe
from app.views.style import named
from app.views.undo import UndoButton, record_activities_change

HOUR_PX = 46  # 8:00–20:00 (12 hours) fit the visible part at 1366×768
FIRST_VISIBLE_HOUR = 8
GUTTER_PX = 52
SNAP_MIN = 15
DEFAULT_BLOCK_MIN = 30  # an activity without a planned length is drawn as half an hour
EDGE_PX = 6  # the bottom strip of a block that resizes it
MODES = ("day", "week", "month")
WORK_DAYS = 5
MONTH_ITEMS = 3  # the first activities listed in a month cell
def kind_colour(kind: str) -> QColor:
    """An activity's colour by its kind, in the current theme."""
    return QColor({"call": style.ACCENT, "meeting": style.SUCCESS, "presentation": style.SERIES[3],
                   "email": style.SERIES[4], "task": style.WARNING,
                   "note": style.MUTED}.get(kind, style.ACCENT))


def mode_label(mode: str) -> str:
    return {"day": translate("Calendar", "День"),
            "week": translate("Calendar", "Рабочая неделя"),
            "month": translate("Calendar", "Месяц")}[mode]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def period_days(mode: str, anchor: date) -> list[date]:
    """The days a mode shows around `anchor`: one, Monday–Friday, or six whole weeks."""
    if mode == "day":
        return [anchor]
    if mode == "week":
        start = week_start(anchor)
        return [start + timedelta(days=i) for i in range(WORK_DAYS)]
    start = week_start(anchor.replace(day=1))
    return [start + timedelta(days=i) for i in range(42)]


def shift_anchor(mode: str, anchor: date, steps: int) -> date:
    """The anchor `steps` periods later (earlier when negative)."""
    if mode == "day":
        return anchor + timedelta(days=steps)
    if mode == "week":
        return anchor + timedelta(weeks=steps)
    month = anchor.month - 1 + steps
    year = anchor.year + month // 12
    return date(year, month % 12 + 1, 1)


def snap_minutes(minutes: float) -> int:
    """Minutes of the day rounded down to the 15-minute step, within the day."""
    snapped = int(minutes // SNAP_MIN) * SNAP_MIN
    return max(0, min(snapped, 24 * 60 - SNAP_MIN))


def local_start(day: date, minutes: int) -> datetime:
    """The aware local instant `minutes` after the start of `day`."""
    return datetime.combine(day, time(minutes // 60, minutes % 60)).astimezone()


@dataclass(frozen=True)
class Block:
    """An activity's place on the time grid."""

    activity: ActivityDetail
    day_index: int
    start_min: int
    length_min: int
    lane: int
    lanes: int


def lay_out(activities: list[ActivityDetail], days: list[date]) -> list[Block]:
    """Blocks of the activities due on `days`; overlapping ones side by side in lanes."""
    index = {d: i for i, d in enumerate(days)}
    per_day: dict[int, list[tuple[int, int, ActivityDetail]]] = {}
    for a in activities:
        if a.due_at is None:
            continue
        local = a.due_at.astimezone()
        day_index = index.get(local.date())
        if day_index is None:
            continue
        start = local.hour * 60 + local.minute
        length = max(SNAP_MIN, min(a.duration_min or DEFAULT_BLOCK_MIN, 24 * 60 - start))
        per_day.setdefault(day_index, []).append((start, length, a))
    blocks: list[Block] = []
    for day_index, items in per_day.items():
        items.sort(key=lambda t: (t[0], -t[1], t[2].id))
        clusters: list[list[tuple[int, int, int, ActivityDetail]]] = []  # start, end, lane
        cluster_end = -1
        for start, length, a in items:
            if start >= cluster_end or not clusters:
                clusters.append([])
            cluster = clusters[-1]
            taken = {lane for _, end, lane, _ in cluster if end > start}
            lane = next(i for i in range(len(cluster) + 1) if i not in taken)
            cluster.append((start, start + length, lane, a))
            cluster_end = max(cluster_end, start + length)
        for cluster in clusters:
            lanes = max(c[2] for c in cluster) + 1
            blocks.extend(Block(a, day_index, s, e - s, lane, lanes) for s, e, lane, a in cluster)
    return blocks


class TimeGrid(QWidget):
    """The hours of some days with their activities as blocks (day and week views).

    Signals:
        move_requested(int, object, object): an activity dragged (id, new start, new length
            in minutes or None to keep it).
        create_requested(object): a click on an empty slot (its aware start).
        open_requested(int): a double-click on an activity.
        menu_requested(int, QPoint): the context menu of an activity (id, global point).
    """

    move_requested = Signal(int, object, object)
    create_requested = Signal(object)
    open_requested = Signal(int)
    menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.blocks: list[Block] = []
        self.today = date.today()
        self.setMinimumHeight(24 * HOUR_PX)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._drag: tuple[Block, str, QPoint] | None = None  # block, "move"/"resize", press
        self._preview: tuple[int, int, int] | None = None  # day index, start, length
        self._press_empty: QPoint | None = None

    def sizeHint(self) -> QSize:
        return QSize(800, 24 * HOUR_PX)

    def set_content(self, days: list[date], activities: list[ActivityDetail],
                    today: date) -> None:
        self.days = days
        self.today = today
        self.blocks = lay_out(activities, days)
        self._drag = None
        self._preview = None
        self.update()

    # --- geometry -------------------------------------------------------------------
    def column_width(self) -> float:
        return (self.width() - GUTTER_PX) / max(1, len(self.days))

    def y_of(self, minutes: float) -> int:
        return round(minutes * HOUR_PX / 60)

    def block_rect(self, block: Block) -> QRect:
        width = self.column_width()
        lane_width = (width - 6) / block.lanes
        x = GUTTER_PX + block.day_index * width + 2 + block.lane * lane_width
        top = self.y_of(block.start_min)
        height = max(14, self.y_of(block.length_min) - 1)
        return QRect(round(x), top, round(lane_width) - 2, height)

    def slot_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(day index, minutes of the day snapped to 15) under `pos`, None off the days."""
        if pos.x() < GUTTER_PX or not self.days:
            return None
        day_index = int((pos.x() - GUTTER_PX) // self.column_width())
        if not 0 <= day_index < len(self.days):
            return None
        return day_index, snap_minutes(pos.y() * 60 / HOUR_PX)

    def slot_point(self, day: date, minutes: int) -> QPoint:
        """The middle of the 15-minute slot of `day` starting at `minutes` (tests, keys)."""
        width = self.column_width()
        x = GUTTER_PX + self.days.index(day) * width + width / 2
        return QPoint(round(x), self.y_of(minutes + SNAP_MIN / 2))

    def block_at(self, pos: QPoint) -> Block | None:
        for block in reversed(self.blocks):
            if self.block_rect(block).contains(pos):
                return block
        return None

    def block_of(self, activity_id: int) -> Block:
        return next(b for b in self.blocks if b.activity.id == activity_id)

    # --- mouse ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        block = self.block_at(pos)
        if block is None:
            self._press_empty = pos
            return
        rect = self.block_rect(block)
        mode = "resize" if pos.y() >= rect.bottom() - EDGE_PX else "move"
        self._drag = (block, mode, pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is None:
            block = self.block_at(pos)
            near_edge = block is not None and pos.y() >= self.block_rect(block).bottom() - EDGE_PX
            self.setCursor(Qt.CursorShape.SizeVerCursor if near_edge
                           else Qt.CursorShape.ArrowCursor)
            return
        self._preview = self._dropped(pos)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            block, mode, pressed = self._drag
            dropped = self._dropped(pos)
            self._drag = None
            self._preview = None
            self.update()
            if dropped is None or (pos - pressed).manhattanLength() < 3:
                return
            day_index, start, length = dropped
            if mode == "resize":
                if length != block.length_min:
                    self.move_requested.emit(block.activity.id, block.activity.due_at, length)
                return
            if (day_index, start) != (block.day_index, block.start_min):
                self.move_requested.emit(block.activity.id,
                                         local_start(self.days[day_index], start), None)
            return
        pressed_empty, self._press_empty = self._press_empty, None
        if pressed_empty is not None and (pos - pressed_empty).manhattanLength() < 4:
            slot = self.slot_at(pos)
            if slot is not None:
                self.create_requested.emit(local_start(self.days[slot[0]], slot[1]))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        if block is not None:
            self._drag = None
            self.open_requested.emit(block.activity.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        block = self.block_at(event.pos())
        if block is not None:
            self._drag = None
            self.menu_requested.emit(block.activity.id, event.globalPos())

    def _dropped(self, pos: QPoint) -> tuple[int, int, int] | None:
        """Where the dragged block would land: (day index, start, length) in minutes."""
        assert self._drag is not None
        block, mode, pressed = self._drag
        if mode == "resize":
            end = snap_minutes(pos.y() * 60 / HOUR_PX + SNAP_MIN / 2)
            length = max(SNAP_MIN, end - block.start_min)
            return block.day_index, block.start_min, min(length, 24 * 60 - block.start_min)
        # the block keeps where it was grabbed: its top moves with the pointer
        grab_offset = pressed.y() - self.block_rect(block).top()
        slot = self.slot_at(QPoint(pos.x(), pos.y() - grab_offset + 1))
        if slot is None:
            return None
        start = min(slot[1], 24 * 60 - SNAP_MIN)
        return slot[0], start, block.length_min

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(style.SURFACE))
        width = self.column_width()
        for i, day in enumerate(self.days):
            if day == self.today:
                p.fillRect(QRectF(GUTTER_PX + i * width, 0, width, self.height()),
                           QColor(style.TODAY))
        muted = QColor(style.MUTED)
        line = QColor(style.BORDER)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        p.setFont(small)
        for hour in range(24):
            y = self.y_of(hour * 60)
            p.setPen(QPen(line))
            p.drawLine(GUTTER_PX, y, self.width(), y)
            p.setPen(QPen(QColor(style.GRID), 1, Qt.PenStyle.DashLine))
            p.drawLine(GUTTER_PX, y + HOUR_PX // 2, self.width(), y + HOUR_PX // 2)
            p.setPen(muted)
            p.drawText(QRect(0, y + 2, GUTTER_PX - 8, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"{hour}:00")
        p.setPen(QPen(line))
        for i in range(len(self.days) + 1):
            x = round(GUTTER_PX + i * width)
            p.drawLine(x, 0, x, self.height())
        if self.today in self.days:  # the current time as a red line
            now = datetime.now().astimezone()
            x = round(GUTTER_PX + self.days.index(self.today) * width)
            y = self.y_of(now.hour * 60 + now.minute)
            p.setPen(QPen(QColor(style.DANGER), 2))
            p.drawLine(x, y, round(x + width), y)
        dragged = self._drag[0].activity.id if self._drag and self._preview else None
        for block in self.blocks:
            self._paint_block(p, block, self.block_rect(block),
                              faded=block.activity.id == dragged)
        if self._drag is not None and self._preview is not None:
            day_index, start, length = self._preview
            ghost = Block(self._drag[0].activity, day_index, start, length, 0, 1)
            self._paint_block(p, ghost, self.block_rect(ghost), faded=False)
        p.end()

    def _paint_block(self, p: QPainter, block: Block, rect: QRect, *, faded: bool) -> None:
        a = block.activity
        colour = kind_colour(a.kind)
        fill = QColor(colour)
        fill.setAlpha(60 if faded else 40)
        p.setPen(QPen(colour, 1))
        p.setBrush(fill)
        p.drawRoundedRect(rect, 4, 4)
        p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour)
        p.setPen(QColor(style.TEXT))
        text = rect.adjusted(6, 1, -3, -1)
        metrics = QFontMetrics(p.font())
        local = a.due_at.astimezone() if a.due_at else None
        head = f"{local:%H:%M} {activity_kind_label(a.kind)}" if local else \
            activity_kind_label(a.kind)
        lines = [head, a.subject]
        if a.client_name:
            lines.append(a.client_name)
        shown = max(1, text.height() // metrics.height())
        if shown == 1:
            lines = [f"{head} · {a.subject}"]
        y = text.top()
        for index, line_text in enumerate(lines[:shown]):
            font = QFont(p.font())
            font.setBold(index == 0)
            p.setFont(font)
            p.drawText(QRect(text.left(), y, text.width(), metrics.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       metrics.elidedText(line_text, Qt.TextElideMode.ElideRight, text.width()))
            y += metrics.height()
        font = QFont(p.font())
        font.setBold(False)
        p.setFont(font)


class DayHeader(QWidget):
    """The names of the time grid's days above it (today in the accent colour)."""

    def __init__(self, grid: TimeGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self.days: list[date] = []
        self.today = date.today()
        self.setFixedHeight(28)

    def set_days(self, days: list[date], today: date) -> None:
        self.days, self.today = days, today
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        width = self._grid.column_width()  # the grid below is narrower by its scroll bar
        left = self._grid.mapTo(self.window(), QPoint(0, 0)).x() - self.mapTo(
            self.window(), QPoint(0, 0)).x()
        for i, day in enumerate(self.days):
            rect = QRect(round(left + GUTTER_PX + i * width), 0, round(width), self.height())
            font = QFont(self.font())
            font.setBold(day == self.today)
            p.setFont(font)
            p.setPen(QColor(style.ACCENT if day == self.today else style.TEXT))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                       f"{weekday_short(day)}, {short_date(day)}")
        p.end()


def weekday_short(day: date) -> str:
    return (translate("Calendar", "пн"), translate("Calendar", "вт"),
            translate("Calendar", "ср"), translate("Calendar", "чт"),
            translate("Calendar", "пт"), translate("Calendar", "сб"),
            translate("Calendar", "вс"))[day.weekday()]


class MonthGrid(QWidget):
    """Six weeks of a month: each day's number, its count and its first activities.

    Signals:
        day_chosen(object): a click on a day (its date).
    """

    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.month = date.today().replace(day=1)
        self.today = date.today()
        self.by_day: dict[date, list[ActivityDetail]] = {}

    def set_content(self, days: list[date], month: date, activities: list[ActivityDetail],
                    today: date) -> None:
        self.days, self.month, self.today = days, month, today
        self.by_day = {}
        for a in activities:
            if a.due_at is not None:
                self.by_day.setdefault(a.due_at.astimezone().date(), []).append(a)
        self.update()

    def cell_rect(self, index: int) -> QRect:
        top = 24
        width = self.width() / 7
        height = (self.height() - top) / 6
        return QRect(round(index % 7 * width), round(top + index // 7 * height),
                     round(width), round(height))

    def day_at(self, pos: QPoint) -> date | None:
        for i, day in enumerate(self.days):
            if self.cell_rect(i).contains(pos):
                return day
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_chosen.emit(day)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(style.SURFACE))
        metrics = QFontMetrics(self.font())
        for i in range(7):
            p.setPen(QColor(style.MUTED))
            head = self.cell_rect(i)
            p.drawText(QRect(head.left(), 0, head.width(), 24), Qt.AlignmentFlag.AlignCenter,
                       weekday_short(self.days[i]) if self.days else "")
        for i, day in enumerate(self.days):
            rect = self.cell_rect(i)
            if day == self.today:
                p.fillRect(rect, QColor(style.TODAY))
            p.setPen(QPen(QColor(style.BORDER)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
            inner = rect.adjusted(6, 3, -6, -3)
            font = QFont(self.font())
            font.setBold(day == self.today)
            p.setFont(font)
            in_month = day.month == self.month.month
            p.setPen(QColor(style.ACCENT if day == self.today
                            else style.TEXT if in_month else style.FAINT))
            p.drawText(QRect(inner.left(), inner.top(), inner.width(), metrics.height()),
                       Qt.AlignmentFlag.AlignLeft, str(day.day))
            items = self.by_day.get(day, [])
            font.setBold(False)
            p.setFont(font)
            if items:
                p.setPen(QColor(style.MUTED))
                p.drawText(QRect(inner.left(), inner.top(), inner.width(), metrics.height()),
                           Qt.AlignmentFlag.AlignRight,
                           translate("Calendar", "Дел: {n}").format(n=len(items)))
            y = inner.top() + metrics.height() + 2
            room = max(0, (inner.bottom() - y) // metrics.height())
            for a in items[:min(MONTH_ITEMS, room)]:
                assert a.due_at is not None
                p.setPen(kind_colour(a.kind))
                line_text = f"{a.due_at.astimezone():%H:%M} {a.subject}"
                p.drawText(QRect(inner.left(), y, inner.width(), metrics.height()),
                           Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
                               line_text, Qt.TextElideMode.ElideRight, inner.width()))
                y += metrics.height()
        p.end()


class CalendarTab(QWidget):
    """The «Календарь» tab: day / work week / month of the open activities.

    Signals:
        activities_changed(): an activity was planned, moved or edited here.
    """

    activities_changed = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.mode = "week"
        self.anchor = self.today()
        self.activities: list[ActivityDetail] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(translate("Calendar", "Назад (PgUp)"))
        self.today_button = QPushButton(translate("Calendar", "Сегодня"))
        self.today_button.setToolTip(translate("Calendar", "К сегодняшнему дню (T)"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(translate("Calendar", "Вперёд (PgDn)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        for button in (self.prev_button, self.today_button, self.next_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        self.heading = named(QLabel(), "sectionTitle")
        top.addSpacing(12)
        top.addWidget(self.heading)
        top.addStretch(1)
        self.mode_buttons = QButtonGroup(self)
        for mode in MODES:
            button = QPushButton(mode_label(mode))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName(f"calendarMode_{mode}")
            self.mode_buttons.addButton(button)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            top.addWidget(button)
        top.addSpacing(12)
        self.new_button = QPushButton(translate("Calendar", "+ Дело"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(translate("Calendar", "Новое дело (Ctrl+N)"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(lambda: self.new_activity())
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.pages = QStackedWidget()
        week_page = QWidget()
        week_layout = QVBoxLayout(week_page)
        week_layout.setContentsMargins(0, 0, 0, 0)
        week_layout.setSpacing(0)
        self.grid = TimeGrid()
        self.header = DayHeader(self.grid)
        week_layout.addWidget(self.header)
        self.hours_scroll = QScrollArea()
        self.hours_scroll.setWidgetResizable(True)
        self.hours_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.hours_scroll.setWidget(self.grid)
        self.hours_scroll.setMinimumHeight(6 * HOUR_PX)
        week_layout.addWidget(self.hours_scroll, 1)
        self.pages.addWidget(week_page)
        self.month_grid = MonthGrid()
        self.pages.addWidget(self.month_grid)
        layout.addWidget(self.pages, 1)
        status = QHBoxLayout()
        self.status = QLabel()
        style.set_tone(self.status, "muted")
        status.addWidget(self.status, 1)
        self.undo_button = UndoButton()  # Правка → Отменить, within reach
        status.addWidget(self.undo_button)
        layout.addLayout(status)
        # the activity whose menu is open: what the bulk actions act on
        self.menu_activity: ActivityDetail | None = None
        self.bulk = ActivityBulkActions(services=services, parent=self,
                                        selected=self._menu_targets, today=self.today)
        self.bulk.changed.connect(self._on_bulk_changed)
        self.bulk.message.connect(self.status.setText)
        self.grid.menu_requested.connect(self._on_grid_menu_requested)
        self.grid.move_requested.connect(self._on_grid_move_requested)
        self.grid.create_requested.connect(self._on_grid_create_requested)
        self.grid.open_requested.connect(self.open_activity)
        self.month_grid.day_chosen.connect(self._on_month_grid_day_chosen)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        describe(QShortcut(QKeySequence.StandardKey.New, self), translate(
            "Calendar", "Новое дело")).activated.connect(lambda: self.new_activity())
        self._scrolled = False
        self.refresh()

    def today(self) -> date:
        """The current day (tests replace it)."""
        return date.today()

    # --- period ---------------------------------------------------------------------
    def days(self) -> list[date]:
        return period_days(self.mode, self.anchor)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.refresh()

    def step(self, steps: int) -> None:
        self.anchor = shift_anchor(self.mode, self.anchor, steps)
        self.refresh()

    def go_today(self) -> None:
        self.anchor = self.today()
        self.refresh()

    def refresh(self) -> None:
        days = self.days()
        today = self.today()
        self.activities = self._services.activities.in_range(
            local_day_start(days[0]), local_day_start(days[-1] + timedelta(days=1)))
        for button in self.mode_buttons.buttons():
            button.setChecked(button.objectName() == f"calendarMode_{self.mode}")
        self.heading.setText(self._period_title(days))
        if self.mode == "month":
            self.month_grid.set_content(days, self.anchor.replace(day=1), self.activities, today)
            self.pages.setCurrentWidget(self.month_grid)
        else:
            self.header.set_days(days, today)
            self.grid.set_content(days, self.activities, today)
            self.pages.setCurrentIndex(0)
            if not self._scrolled:  # the working hours in sight, once
                self._scrolled = True
                self.hours_scroll.verticalScrollBar().setValue(FIRST_VISIBLE_HOUR * HOUR_PX)

    def _period_title(self, days: list[date]) -> str:
        if self.mode == "month":
            return f"{month_name(self.anchor.month)} {self.anchor.year}"
        if self.mode == "day":
            return f"{weekday_short(days[0])}, {short_date(days[0])}"
        return f"{short_date(days[0])} — {short_date(days[-1])}"

    # --- actions --------------------------------------------------------------------
    def new_activity(self, due_at: datetime | None = None) -> int | None:
        """An activity planned from here (at `due_at`, a clicked slot); → its id."""
        from app.views.activities.editor import ActivityEditor

        editor = ActivityEditor(services=self._services, due_at=due_at, parent=self)
        if not editor.exec():
            return None
        self.refresh()
        self.activities_changed.emit()
        return editor.saved_id

    def open_activity(self, activity_id: int) -> None:
        from app.views.activities.editor import ActivityEditor

        editor = ActivityEditor(services=self._services, activity_id=activity_id, parent=self)
        if editor.exec():
            self.refresh()
            self.activities_changed.emit()

    def _on_grid_move_requested(self, activity_id: int, due_at: datetime,
                                duration_min: int | None) -> None:
        from app.services.errors import ServiceError
        from app.views import dialogs

        activities = self._services.activities
        try:
            change = activities.move(activity_id, due_at, duration_min)
        except ServiceError as exc:
            dialogs.show_error(self, str(exc))
        else:  # Правка → Отменить puts it back
            record_activities_change(activities, change,
                                     "move" if duration_min is None else "resize")
        self.refresh()
        self.activities_changed.emit()

    def _menu_targets(self) -> list[Target]:
        a = self.menu_activity
        return [] if a is None else [Target(a.id, a.client_id, a.deal_id, a.done)]

    def activity_menu(self, activity_id: int) -> QMenu:
        """An activity's menu: open, complete, reschedule, done, another deal, the window's
        undo and redo."""
        from app.views.activities.complete import CompletionDialog

        self.menu_activity = next((a for a in self.activities if a.id == activity_id), None)
        menu = QMenu(self)
        if self.menu_activity is None:
            return menu
        menu.addAction(translate("Calendar", "Открыть"),
                       lambda: self.open_activity(activity_id))
        if not self.menu_activity.done:
            def complete() -> None:
                if CompletionDialog(services=self._services, activity_id=activity_id,
                                    parent=self).exec():
                    self._on_bulk_changed()
            menu.addAction(translate("Calendar", "Завершить…"), complete)
        menu.addSeparator()
        self.bulk.add_to_menu(menu)
        return menu

    def _on_grid_menu_requested(self, activity_id: int, at: QPoint) -> None:
        self.activity_menu(activity_id).exec(at)

    def _on_bulk_changed(self) -> None:
        self.refresh()
        self.activities_changed.emit()

    def _on_grid_create_requested(self, due_at: datetime) -> None:
        self.new_activity(due_at)

    def _on_month_grid_day_chosen(self, day: date) -> None:
        self.anchor = day
        self.set_mode("day")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        day_step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if self.mode == "month":
            day_step.update({Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7})
        if key in day_step:
            self.anchor += timedelta(days=day_step[Qt.Key(key)])
            self.refresh()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.hours_scroll.verticalScrollBar()
            bar.setValue(bar.value() + (HOUR_PX if key == Qt.Key.Key_Down else -HOUR_PX))
        elif key == Qt.Key.Key_PageUp:
            self.step(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step(1)
        elif key == Qt.Key.Key_T and not event.modifiers():
            self.go_today()
        else:
            super().keyPressEvent(event)


# --- calendar files (.ics), from the Файл menu -------------------------------------------
EXPORT_MONTHS = 3  # the export's default period: today and the next three months


def default_export_period(today: date) -> tuple[date, date]:
    """Today … the same day three months on (clamped to the month's end)."""
    import calendar as month_days

    month = today.month - 1 + EXPORT_MONTHS
    year, month = today.year + month // 12, month % 12 + 1
    return today, date(year, month, min(today.day, month_days.monthrange(year, month)[1]))


class ExportPeriodDialog(FittedDialog):
    """The days to export: «С» and «По» (both included)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Calendar", "Экспорт календаря"))
        self.setMinimumWidth(340)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "Calendar", "Открытые дела этих дней (включительно) будут выгружены в файл .ics")))
        form = form_layout()
        start, end = default_export_period(today)
        self.start_edit = QDateEdit(to_qdate(start))
        self.end_edit = QDateEdit(to_qdate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        form.addRow(translate("Calendar", "С"), self.start_edit)
        form.addRow(translate("Calendar", "По"), self.end_edit)
        layout.addLayout(form)
        self.error = QLabel()
        style.set_tone(self.error, "danger")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, translate("Calendar", "Далее"), self._accept))

    def period(self) -> tuple[date, date]:
        return to_date(self.start_edit.date()), to_date(self.end_edit.date())

    def _accept(self) -> None:
        start, end = self.period()
        if end < start:
            self.error.setText(translate("Calendar", "Конец периода раньше его начала"))
            self.error.show()
            return
        self.accept()


def ask_export_period(parent: QWidget | None, today: date) -> tuple[date, date] | None:
    """The period of an export (None when cancelled); tests replace it."""
    dialog = ExportPeriodDialog(today, parent)
    return dialog.period() if dialog.exec() else None


def export_calendar(parent: QWidget, services: Services, *, today: date | None = None) -> None:
    """Файл → Экспорт календаря: the period, the file, then the export off the GUI thread."""
    from pathlib import Path

    from app.views import background, dialogs

    period = ask_export_period(parent, today or date.today())
    if period is None:
        return
    path = dialogs.ask_save_path(parent, translate("Calendar", "Экспорт календаря"),
                                 "salesdesk.ics",
                                 translate("Calendar", "Календарь (*.ics)"))
    if not path:
        return
    start, end = period

    def done(count: int) -> None:
        dialogs.show_info(parent, translate("Calendar", "Выгружено дел: {n}\n{path}").format(
            n=count, path=path))

    def failed(message: str) -> None:
        dialogs.show_error(parent, message)

    background.run_with_progress(
        parent, lambda: services.calendar.export_ics(Path(path), start=start, end=end),
        done, failed, label=translate("Calendar", "Выгружаю календарь…"))


def import_result_text(created: int, skipped: int) -> str:
    return translate("Calendar", "Импортировано: {created}, пропущено: {skipped}").format(
        created=created, skipped=skipped)


def import_calendar(parent: QWidget, services: Services,
                    on_imported: Callable[[], None]) -> None:
    """Файл → Импорт календаря: a file, imported off the GUI thread, then the counts."""
    from pathlib import Path

    from app.services.calendar_ics import IcsImport
    from app.views import background, dialogs

    path = dialogs.ask_open_path(parent, translate("Calendar", "Импорт календаря"),
                                 translate("Calendar", "Календарь (*.ics);;Все файлы (*)"))
    if not path:
        return

    def done(result: IcsImport) -> None:
        on_imported()
        dialogs.show_info(parent, import_result_text(result.created, result.skipped))

    def failed(message: str) -> None:
        dialogs.show_error(parent, message)

    background.run_with_progress(parent, lambda: services.calendar.import_ics(Path(path)),
                                 done, failed,
                                 label=translate("Calendar", "Загружаю календарь…"))
