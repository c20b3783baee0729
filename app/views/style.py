"""The app's two themes (light and dark), its style sheet and the helpers that give a widget
a role in it; charts, the kanban and the item models take their colours from here.

A theme is a `Palette`. `apply_theme` makes one current: it rebinds this module's colour
names (`style.ACCENT`, `style.DANGER`, …), sets the Qt palette and the application's style
sheet, and tells `changes().changed`. So a colour is read where it is drawn (`style.X` in a
paint or `data()` call), never copied at import, and a widget's colour comes from a rule of
the one style sheet below, chosen by its object name or by a property (`set_tone`,
`set_notice`, `set_props`) — never from a style sheet of its own, which the next theme
could not reach.

The theme follows the system's colour scheme (Qt 6's `QStyleHints.colorScheme`, live) unless
Вид → Оформление chose one (`THEME_KEY` in the window's settings).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QTableView,
    QTextEdit,
    QWidget,
)

_O = TypeVar("_O", bound=QObject)

THEME_KEY = "appearance/theme"
THEME_CHOICES = ("system", "light", "dark")  # the setting's values; "system" by default
PAPER = "#ffffff"  # a page, a logo on its letterhead: white in either theme


def named(widget: _O, name: str) -> _O:
    """`widget` with its object name set to `name`, which the `#name` rules of the style
    sheet (below) and the tests find it by."""
    widget.setObjectName(name)
    return widget


@dataclass(frozen=True)
class Palette:
    """One theme's colours, by role."""

    name: str
    accent: str
    accent_soft: str  # a selection, an info note's background
    accent_faint: str  # a disabled primary button, a secondary bar
    on_accent: str  # text on `accent`
    success: str
    warning: str
    warning_soft: str  # a warning note's or a highlighted day's background
    warning_text: str  # text on `warning_soft`
    warning_border: str
    danger: str
    danger_soft: str  # an invalid cell's or an error note's background
    danger_border: str
    text: str
    muted: str
    faint: str  # a day outside the month, disabled text
    border: str
    border_hover: str
    surface: str  # cards, tables, fields
    surface_alt: str  # every other table row
    sunken: str  # the board's columns, neutral chips
    header: str  # a table's header
    background: str  # the window
    grid: str  # the calendar's half-hour lines
    today: str  # the calendar's today
    selected: str  # a selected kanban card
    stalled: str  # a stalled kanban card
    scroll: str
    scroll_hover: str
    plan_bar: str  # the plan's bars under the fact
    backdrop: str  # behind the pages of a PDF preview
    series: tuple[str, ...]  # chart series, in order
    # chips: (text, background) per tone
    info_chip: tuple[str, str]
    success_chip: tuple[str, str]
    warning_chip: tuple[str, str]
    danger_chip: tuple[str, str]
    neutral_chip: tuple[str, str]

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Palette(
    name="light", accent="#2563eb", accent_soft="#dbeafe", accent_faint="#a5b8e8",
    on_accent="#ffffff", success="#16a34a", warning="#d97706", warning_soft="#fff4dc",
    warning_text="#8a5300", warning_border="#e0b000", danger="#dc2626",
    danger_soft="#fde8e8", danger_border="#fecaca", text="#1f2937", muted="#6b7280",
    faint="#b6bcc8", border="#e5e7eb", border_hover="#c7d2fe", surface="#ffffff",
    surface_alt="#fafbfd", sunken="#eef1f6", header="#f1f4f9", background="#f5f7fb",
    grid="#f1f3f7", today="#fffbea", selected="#f3f7ff", stalled="#fffafa", scroll="#c3cad6",
    scroll_hover="#9aa3b2", plan_bar="#cbd5e1", backdrop="#8a8f98",
    series=("#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#dc2626", "#4b5563"),
    info_chip=("#1d4ed8", "#dbeafe"), success_chip=("#15803d", "#dcfce7"),
    warning_chip=("#92400e", "#fef3c7"), danger_chip=("#b91c1c", "#fee2e2"),
    neutral_chip=("#374151", "#eef1f6"))

DARK = Palette(
    name="dark", accent="#3b82f6", accent_soft="#1e3a5f", accent_faint="#2c4a7e",
    on_accent="#ffffff", success="#22c55e", warning="#f59e0b", warning_soft="#3a2a0b",
    warning_text="#fcd34d", warning_border="#a16207", danger="#f87171",
    danger_soft="#3b1618", danger_border="#7f1d1d", text="#e5e7eb", muted="#9ca3af",
    faint="#5b6474", border="#374151", border_hover="#4f6bd8", surface="#1f2937",
    surface_alt="#243042", sunken="#182131", header="#273244", background="#111827",
    grid="#2a3444", today="#27261a", selected="#1e2d4a", stalled="#2a1a1d", scroll="#4b5563",
    scroll_hover="#6b7280", plan_bar="#4b5563", backdrop="#0b0f15",
    series=("#60a5fa", "#4ade80", "#fbbf24", "#c084fc", "#22d3ee", "#f87171", "#9ca3af"),
    info_chip=("#93c5fd", "#1e3a5f"), success_chip=("#86efac", "#123524"),
    warning_chip=("#fcd34d", "#3a2a0b"), danger_chip=("#fca5a5", "#3b1618"),
    neutral_chip=("#d1d5db", "#2b3546"))

THEMES = {p.name: p for p in (LIGHT, DARK)}

# The current theme's colours (rebound by `apply_theme`; read them when drawing).
CURRENT: Palette = LIGHT
ACCENT = LIGHT.accent
ACCENT_SOFT = LIGHT.accent_soft
ACCENT_FAINT = LIGHT.accent_faint
ON_ACCENT = LIGHT.on_accent
SUCCESS = LIGHT.success
WARNING = LIGHT.warning
WARNING_SOFT = LIGHT.warning_soft
WARNING_TEXT = LIGHT.warning_text
WARNING_BORDER = LIGHT.warning_border
DANGER = LIGHT.danger
DANGER_SOFT = LIGHT.danger_soft
DANGER_BORDER = LIGHT.danger_border
TEXT = LIGHT.text
MUTED = LIGHT.muted
FAINT = LIGHT.faint
BORDER = LIGHT.border
BORDER_HOVER = LIGHT.border_hover
SURFACE = LIGHT.surface
SURFACE_ALT = LIGHT.surface_alt
SUNKEN = LIGHT.sunken
HEADER = LIGHT.header
BACKGROUND = LIGHT.background
GRID = LIGHT.grid
TODAY = LIGHT.today
SELECTED = LIGHT.selected
STALLED = LIGHT.stalled
SCROLL = LIGHT.scroll
SCROLL_HOVER = LIGHT.scroll_hover
PLAN_BAR = LIGHT.plan_bar
BACKDROP = LIGHT.backdrop
SERIES = LIGHT.series
INFO_CHIP = LIGHT.info_chip
SUCCESS_CHIP = LIGHT.success_chip
WARNING_CHIP = LIGHT.warning_chip
DANGER_CHIP = LIGHT.danger_chip
NEUTRAL_CHIP = LIGHT.neutral_chip


def _rebind(palette: Palette) -> None:
    names = globals()
    names["CURRENT"] = palette
    for field in fields(palette):
        if field.name != "name":
            names[field.name.upper()] = getattr(palette, field.name)


def _arrow_rules(p: Palette) -> str:
    """The arrows of combo boxes, date and number fields, drawn in the theme (Fusion's,
    under a style sheet, sat in a box with a dark edge; spin boxes had none)."""
    from app.views.icons import svg_file

    found = [svg_file(name, colour) for colour in (p.muted, p.faint)
             for name in ("arrow-down", "arrow-up")] + [svg_file("check", p.on_accent)]
    paths = [f.as_posix() for f in found if f is not None]
    if len(paths) < len(found):
        return ""
    down, up, down_off, up_off, tick = paths
    return f"""
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border;
    width: 18px; border: none; background: transparent; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({up}); width: 16px; height: 16px; }}
QAbstractSpinBox::down-arrow {{ image: url({down}); width: 16px; height: 16px; }}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{ image: url({up_off}); }}
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{
    image: url({down_off}); }}
/* after the spin boxes': a date field with a calendar is one too */
QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 20px; border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow {{
    image: url({down}); width: 20px; height: 20px; }}
QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{ image: url({down_off}); }}
QCheckBox::indicator, QAbstractItemView::indicator {{ width: 14px; height: 14px;
    border: 1px solid {p.muted}; border-radius: 3px; background: {p.surface}; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
    background: {p.accent}; border-color: {p.accent}; image: url({tick}); }}
QCheckBox::indicator:disabled {{ border-color: {p.faint}; }}
QCheckBox::indicator:checked:disabled {{ background: {p.faint}; border-color: {p.faint}; }}
QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {p.muted};
    border-radius: 8px; background: {p.surface}; }}
QRadioButton::indicator:checked {{ border: 4px solid {p.accent}; width: 8px; height: 8px;
    background: {p.on_accent}; }}
"""


def style_sheet(p: Palette) -> str:
    """The application's style sheet in theme `p`."""
    return _arrow_rules(p) + f"""
QMainWindow, QDialog {{ background: {p.background}; }}
QTabWidget::pane {{ border: 1px solid {p.border}; background: {p.background}; top: -1px; }}
QTabBar::tab {{ padding: 8px 18px; color: {p.muted}; background: transparent;
               border: none; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {p.text}; border-bottom: 2px solid {p.accent}; font-weight: 600; }}
QTabBar::tab:hover {{ color: {p.text}; }}
QFrame#card {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
QLabel#cardTitle {{ color: {p.muted}; font-size: 12px; }}
QLabel#cardValue {{ color: {p.text}; font-size: 22px; font-weight: 600; }}
QLabel#cardNote {{ color: {p.muted}; font-size: 11px; }}
QLabel#sectionTitle {{ color: {p.text}; font-size: 15px; font-weight: 600; }}
QLabel#fieldError {{ color: {p.danger}; font-size: 11px; }}
QLabel#emptyHint {{ color: {p.muted}; padding: 12px; }}
{_tone_rules(p)}
QLabel[notice="warning"] {{ background: {p.warning_soft}; color: {p.warning_text};
    border-radius: 6px; padding: 6px 10px; }}
QLabel[notice="danger"] {{ background: {p.danger_soft}; color: {p.danger};
    border: 1px solid {p.danger_border}; border-radius: 6px; padding: 6px 10px; }}
QLabel[notice="info"] {{ background: {p.accent_soft}; color: {p.text};
    border-radius: 6px; padding: 6px 10px; }}
QLabel[notice="box"] {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; border-radius: 8px; padding: 8px 12px; }}
QLabel[chip="info"], QLabel[chip="success"], QLabel[chip="warning"], QLabel[chip="danger"],
QLabel[chip="neutral"] {{ border-radius: 8px; padding: 2px 10px; font-weight: 600; }}
QLabel[chip="info"] {{ color: {p.info_chip[0]}; background: {p.info_chip[1]}; }}
QLabel[chip="success"] {{ color: {p.success_chip[0]}; background: {p.success_chip[1]}; }}
QLabel[chip="warning"] {{ color: {p.warning_chip[0]}; background: {p.warning_chip[1]}; }}
QLabel[chip="danger"] {{ color: {p.danger_chip[0]}; background: {p.danger_chip[1]}; }}
QLabel[chip="neutral"] {{ color: {p.neutral_chip[0]}; background: {p.neutral_chip[1]}; }}
QLabel[paper="true"] {{ border: 1px solid {p.border}; background: {PAPER}; }}
QWidget#cardPage, QWidget#mappingPage {{ background: {p.background}; }}
QTableView, QListView, QTreeView {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; border-radius: 6px; gridline-color: {p.border};
    selection-background-color: {p.accent_soft}; selection-color: {p.text};
    alternate-background-color: {p.surface_alt}; }}
QHeaderView::section {{ background: {p.header}; color: {p.muted}; border: none;
                       border-bottom: 1px solid {p.border}; padding: 6px; font-weight: 600; }}
QTableCornerButton::section {{ background: {p.header}; border: none; }}
QPushButton, QToolButton {{ padding: 6px 14px; border: 1px solid {p.border}; border-radius: 6px;
              background: {p.surface}; color: {p.text}; }}
QToolButton {{ padding: 5px 8px; }}
QToolButton#menuButton {{ padding: 6px 22px 6px 12px; }}
QToolButton#menuButton::menu-indicator {{ subcontrol-position: right center; right: 6px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {p.accent}; }}
QPushButton#primary {{ background: {p.accent}; color: {p.on_accent}; border-color: {p.accent}; }}
QPushButton#primary:disabled {{ background: {p.accent_faint}; border-color: {p.accent_faint}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {p.faint}; }}
QPushButton:checked, QToolButton:checked {{ background: {p.accent_soft};
    border-color: {p.accent}; }}
QLineEdit, QComboBox, QDateEdit, QTimeEdit, QDateTimeEdit, QSpinBox, QDoubleSpinBox,
QPlainTextEdit, QTextEdit {{ padding: 4px 6px; border: 1px solid {p.border}; border-radius: 5px;
    background: {p.surface}; color: {p.text}; selection-background-color: {p.accent};
    selection-color: {p.on_accent}; }}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QTimeEdit:focus, QSpinBox:focus,
QDoubleSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {p.accent}; }}
QLineEdit:disabled, QComboBox:disabled, QDateEdit:disabled, QSpinBox:disabled,
QDoubleSpinBox:disabled {{ color: {p.faint}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"],
QTimeEdit[invalid="true"], QSpinBox[invalid="true"], QDoubleSpinBox[invalid="true"],
QPlainTextEdit[invalid="true"], QTextEdit[invalid="true"], QTableView[invalid="true"],
QListView[invalid="true"] {{ border: 1px solid {p.danger}; }}
QLineEdit#searchField {{ padding: 7px 10px; border-radius: 8px; }}
QStatusBar {{ color: {p.muted}; }}
QMenuBar {{ background: {p.background}; color: {p.text}; }}
QMenuBar::item:selected {{ background: {p.accent_soft}; }}
QMenu {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
QMenu::item {{ padding: 5px 24px 5px 12px; }}
QMenu::item:selected {{ background: {p.accent_soft}; color: {p.text}; }}
QMenu::item:disabled {{ color: {p.faint}; }}
QMenu::separator {{ height: 1px; background: {p.border}; margin: 4px 8px; }}
QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
QGroupBox {{ color: {p.text}; }}
QProgressBar {{ border: 1px solid {p.border}; border-radius: 4px; background: {p.surface};
    color: {p.text}; text-align: center; }}
QProgressBar::chunk {{ background: {p.accent}; border-radius: 3px; }}
QProgressBar[tone="success"]::chunk {{ background: {p.success}; }}
QProgressBar[tone="warning"]::chunk {{ background: {p.warning}; }}
QProgressBar[tone="danger"]::chunk {{ background: {p.danger}; }}
/* a combo box's popup: Fusion's menu-style popup under a style sheet draws the current
   item as an empty white box (issue 17, finding 5) */
QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text};
    border: 1px solid {p.border}; outline: 0; selection-background-color: {p.accent_soft};
    selection-color: {p.text}; }}
QComboBox {{ combobox-popup: 0; }}  /* a list popup, whose items the rules below draw */
QComboBox QAbstractItemView::item {{ min-height: 22px; padding: 0 6px; border: none; }}
QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
    background: {p.accent_soft}; color: {p.text}; }}
QCalendarWidget QWidget {{ alternate-background-color: {p.surface_alt}; }}
QCalendarWidget QAbstractItemView {{ background: {p.surface}; color: {p.text};
    selection-background-color: {p.accent}; selection-color: {p.on_accent}; }}
QProgressBar#slimProgress {{ background: {p.border}; border: none; border-radius: 5px; }}
QProgressBar#slimProgress::chunk {{ background: {p.accent}; border-radius: 5px; }}
QProgressBar#slimProgress[tone="success"]::chunk {{ background: {p.success}; }}
QLabel#traineeStatus {{ color: {p.muted}; border: 1px solid {p.muted}; border-radius: 9px;
    padding: 1px 8px; font-size: 11px; }}
QLabel#traineeStatus[kind="onboarding"] {{ color: {p.accent}; border-color: {p.accent}; }}
QLabel#traineeStatus[kind="finished"] {{ color: {p.success}; border-color: {p.success}; }}
/* the kanban (app/views/deals/board.py) */
QListView#stageCards, QScrollArea#board {{ background: transparent; border: none; }}
QListView#stageCards::item {{ border: none; }}
QWidget#boardInner {{ background: transparent; }}
QListView#stageCards QScrollBar:vertical, QScrollArea#board QScrollBar:vertical {{
    width: 8px; background: transparent; margin: 0; }}
QScrollArea#board QScrollBar:horizontal {{ height: 10px; background: transparent; margin: 0; }}
QListView#stageCards QScrollBar::handle:vertical, QScrollArea#board QScrollBar::handle:vertical {{
    background: {p.scroll}; border-radius: 4px; min-height: 32px; }}
QScrollArea#board QScrollBar::handle:horizontal {{ background: {p.scroll}; border-radius: 4px;
    min-width: 32px; margin: 2px 0; }}
QListView#stageCards QScrollBar::handle:hover, QScrollArea#board QScrollBar::handle:hover {{
    background: {p.scroll_hover}; }}
QListView#stageCards QScrollBar::add-line, QListView#stageCards QScrollBar::sub-line,
QScrollArea#board QScrollBar::add-line, QScrollArea#board QScrollBar::sub-line {{
    width: 0; height: 0; }}
QListView#stageCards QScrollBar::add-page, QListView#stageCards QScrollBar::sub-page,
QScrollArea#board QScrollBar::add-page, QScrollArea#board QScrollBar::sub-page {{
    background: transparent; }}
QFrame#stageColumn {{ background: {p.sunken}; border-radius: 10px; }}
QFrame#stageHeader {{ background: {p.surface}; border-radius: 8px;
    border-top: 3px solid {p.accent}; }}
QFrame#stageHeader[kind="won"] {{ border-top-color: {p.success}; }}
QFrame#stageHeader[kind="lost"] {{ border-top-color: {p.muted}; }}
QLabel#stageName {{ color: {p.text}; font-weight: 600; }}
QLabel#stageCount {{ color: {p.muted}; background: {p.sunken}; border-radius: 8px;
    padding: 0px 7px; font-size: 11px; font-weight: 600; }}
QLabel#stageStalled {{ color: {p.danger}; background: {p.danger_soft}; border-radius: 8px;
    padding: 0px 7px; font-size: 11px; font-weight: 600; }}
QLabel#stageSum {{ color: {p.text}; font-size: 13px; font-weight: 600; }}
QLabel#stageWeighted {{ color: {p.muted}; font-size: 11px; }}
QWidget#closingZones {{ background: {p.background}; border-top: 1px solid {p.border}; }}
QLabel#closingDropZone {{ color: {p.success}; background: {p.surface};
    border: 2px dashed {p.success}; border-radius: 8px; font-size: 14px; font-weight: 600; }}
QLabel#closingDropZone[kind="lost"] {{ color: {p.danger}; border-color: {p.danger}; }}
QLabel#closingDropZone[hot="true"] {{ color: {p.on_accent}; background: {p.success}; }}
QLabel#closingDropZone[kind="lost"][hot="true"] {{ background: {p.danger}; }}
/* the reminders' banner (app/views/activities/reminders.py) */
QFrame#reminderBanner {{ background: {p.warning_soft}; border: 1px solid {p.warning_border};
    border-radius: 6px; }}
QFrame#reminderBanner QLabel {{ color: {p.text}; }}
QFrame#reminderBanner QLabel[tone="danger"] {{ color: {p.danger}; }}
"""


TONED_LABELS = ("QLabel", "QLabel#cardValue", "QLabel#sectionTitle")  # ids with a colour


def _tone_rules(p: Palette) -> str:
    """`QLabel[tone=…]` for each tone, also over the ids whose rules set a colour (an id
    outweighs a property)."""
    tones = {"muted": p.muted, "danger": p.danger, "warning": p.warning,
             "success": p.success, "accent": p.accent}
    return "\n".join(", ".join(f'{label}[tone="{tone}"]' for label in TONED_LABELS)
                     + " { color: " + colour + "; }"
                     for tone, colour in tones.items())


def qt_palette(p: Palette) -> QPalette:
    """The Qt palette of theme `p`, for what the style sheet does not draw (check boxes,
    scroll bars, message boxes, a calendar popup)."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.background, QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.surface, QPalette.ColorRole.AlternateBase: p.surface_alt,
        QPalette.ColorRole.ToolTipBase: p.surface, QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.PlaceholderText: p.muted, QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.Button: p.surface, QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.BrightText: p.danger, QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.on_accent, QPalette.ColorRole.Link: p.accent,
        QPalette.ColorRole.LinkVisited: p.series[3], QPalette.ColorRole.Light: p.surface_alt,
        QPalette.ColorRole.Midlight: p.header, QPalette.ColorRole.Mid: p.muted,
        QPalette.ColorRole.Dark: p.scroll_hover, QPalette.ColorRole.Shadow: p.backdrop,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.faint))
    return pal


class _Changes(QObject):
    """Tells that the theme changed (after `apply_theme`): what draws with a colour it
    keeps (a chart's background) re-reads it."""

    changed = Signal(str)  # the new theme's name


_changes: _Changes | None = None


def changes() -> _Changes:
    global _changes
    if _changes is None:
        _changes = _Changes()
    return _changes


def system_theme() -> str:
    """The system's colour scheme as a theme name: dark or (also when unknown) light."""
    from PySide6.QtCore import Qt  # here: its enums take 60 ms to build, not at import

    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def theme_for(choice: str) -> Palette:
    """The theme a setting's value (`THEME_CHOICES`) means now."""
    return THEMES.get(choice) or THEMES[system_theme()]


class AppStyle(QProxyStyle):
    """Fusion, with the keyboard rules of every view, given to each widget as Qt polishes
    it: Tab goes on from a text box (instead of typing a tab character) and out of a table
    (instead of moving cell to cell for ever; the arrows move in it)."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def polish(self, target: Any) -> Any:  # QWidget, QPalette or QApplication overloads
        if isinstance(target, QPlainTextEdit | QTextEdit):
            target.setTabChangesFocus(True)
        elif isinstance(target, QTableView):
            target.setTabKeyNavigation(False)
        return super().polish(target)


def install_style(app: QApplication) -> None:
    """The app's style, once (a new style re-lays out every widget)."""
    if not isinstance(app.property("salesdeskStyle"), bool):
        app.setStyle(AppStyle())
        app.setProperty("salesdeskStyle", True)


def apply_theme(app: QApplication, palette: Palette) -> None:
    """Make `palette` the current theme: colour names, Qt palette, style sheet, repaint."""
    changed = palette is not CURRENT
    _rebind(palette)
    install_style(app)
    app.setPalette(qt_palette(palette))
    app.setStyleSheet(style_sheet(palette))
    if changed:
        changes().changed.emit(palette.name)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property its rules select on changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_props(widget: QWidget, **props: str | None) -> None:
    """Set the properties the style sheet's rules select on (`kind`, `hot`, …); None
    clears one."""
    for key, value in props.items():
        widget.setProperty(key, value or "")
    repolish(widget)


def set_tone(widget: QWidget, tone: str | None) -> None:
    """A label's (or a progress bar's) colour by role: muted, danger, warning, success,
    accent; None: the usual text colour."""
    set_props(widget, tone=tone)


def set_notice(widget: QWidget, kind: str | None) -> None:
    """A label drawn as a note on a tinted background: warning, danger or info."""
    set_props(widget, notice=kind)


def set_chip(widget: QWidget, tone: str | None) -> None:
    """A pill's colours by tone: info, success, warning, danger, neutral."""
    set_props(widget, chip=tone)


def chip_colours(tone: str | None) -> tuple[str, str]:
    """A chip's (text, background) in a tone (for chips a delegate paints); neutral by
    default."""
    return {"info": INFO_CHIP, "success": SUCCESS_CHIP, "warning": WARNING_CHIP,
            "danger": DANGER_CHIP}.get(tone or "", NEUTRAL_CHIP)


def tone_colour(tone: str | None) -> str:
    """The text colour of a tone (for text drawn by a paint or a model)."""
    return {"muted": MUTED, "danger": DANGER, "warning": WARNING, "success": SUCCESS,
            "accent": ACCENT}.get(tone or "", TEXT)
