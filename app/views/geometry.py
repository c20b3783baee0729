"""Every window inside its screen: one rule for the main window, dialogs and previews.

A dialog asks for the size its content likes (`resize(1080, 700)`); on a 1366×768 laptop,
less the task bar and the title bar, that may not fit. Every dialog derives from
`FittedDialog`, whose size is clamped to the available geometry of its screen (frame
included); Qt places a dialog that fits inside the screen. The main window restores
a saved geometry only if it fits and is of a usable size (`restore_geometry`); otherwise it
takes its default size, fitted the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

# What a title bar and borders take when the window system has not framed the window yet
# (before its first show): the clamp leaves room for them.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    """The available area of the screen the widget is on (a widget not shown yet: of the
    primary screen — asking a window still being built for its screen crashed the suite)."""
    screen = widget.screen() if widget.isVisible() else None
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def _frame_extra(widget: QWidget) -> QSize:
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if extra.width() <= 0 and extra.height() <= 0 and not widget.isVisible():
        return FRAME_ALLOWANCE
    return extra


def fit_to_screen(widget: QWidget) -> None:
    """Shrink `widget` (a top-level window) to its screen's available area and move it so
    its frame lies inside it."""
    area = available_geometry(widget)
    extra = _frame_extra(widget)
    width = min(widget.width(), area.width() - extra.width())
    height = min(widget.height(), area.height() - extra.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, 1), max(height, 1))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


def default_size(widget: QWidget, preferred: QSize) -> QSize:
    """`preferred`, or less: what fits the widget's screen with its frame."""
    area = available_geometry(widget)
    return QSize(min(preferred.width(), area.width() - FRAME_ALLOWANCE.width()),
                 min(preferred.height(), area.height() - FRAME_ALLOWANCE.height()))


def restore_geometry(widget: QWidget, saved: object, *, preferred: QSize,
                     minimum: QSize) -> bool:
    """Restore a saved geometry if it fits the screen the window is on now and is at
    least `minimum`; else give the window its default size. True if restored."""
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved):
        area = available_geometry(widget)
        frame = widget.frameGeometry()
        if (widget.width() >= minimum.width() and widget.height() >= minimum.height()
                and area.contains(frame)):
            return True
    widget.setWindowState(Qt.WindowState.WindowNoState)
    widget.resize(default_size(widget, preferred))
    area = available_geometry(widget)
    widget.move(area.x() + (area.width() - widget.width()) // 2,
                area.y() + max(0, (area.height() - widget.height() - 30) // 2))
    return False


class FittedDialog(QDialog):
    """A dialog whose size fits its screen: every dialog of the app derives from it
    (EditorDialog does). The size asked for with `resize` is clamped to the screen's
    available area less the frame; Qt then places a dialog that fits inside the screen when
    it shows it. (No Python showEvent or application event filter: a Python override of a
    virtual that Qt calls while dialogs come and go crashed the GUI suite.)"""

    def resize(self, *args: Any) -> None:
        size = QSize(*args) if len(args) == 2 else QSize(args[0])
        super().resize(default_size(self, size))
