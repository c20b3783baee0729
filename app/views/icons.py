"""The app's one icon set: resources/icons/*.svg (Material Design Icons, made by
tools/make_icons.py), drawn in the current theme's colours at whatever size and scale the
screen asks for — sharp at 125, 150 and 200 %, and following a change of theme, since the
colour is read when an icon is drawn (`style.X`), not when it is made."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.resources import resource_path
from app.views import style

_PLACEHOLDER = b"#000000"  # the colour the files are drawn in, replaced when drawn


@cache
def _svg(name: str) -> bytes:
    return resource_path("icons", f"{name}.svg").read_bytes()


def coloured_svg(name: str, colour: str) -> bytes:
    """Icon `name` as SVG in `colour`."""
    return _svg(name).replace(_PLACEHOLDER, colour.encode())


def svg_file(name: str, colour: str) -> Path | None:
    """Icon `name` in `colour` as a file, for a style sheet's `image: url(…)` (which takes
    only files); None where the cache folder cannot be written (the sheet then keeps Qt's
    own arrows)."""
    from platformdirs import user_cache_path

    path = user_cache_path("SalesDesk", appauthor=False) / "icons" / (
        f"{name}-{colour.lstrip('#')}.svg")
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(coloured_svg(name, colour))
    except OSError:
        return None
    return path


class ThemedIconEngine(QIconEngine):
    """One SVG icon in a role's colour (`style.TEXT`, `style.MUTED`, …); checked (or the
    current tab) in `on`, disabled in `style.FAINT`."""

    def __init__(self, name: str, colour: str = "TEXT", on: str = "ACCENT") -> None:
        super().__init__()
        self._name = name
        self._colour = colour
        self._on = on
        self._cache: dict[tuple[int, int, str], QPixmap] = {}

    def _colour_for(self, mode: QIcon.Mode, state: QIcon.State) -> str:
        if mode == QIcon.Mode.Disabled:
            return style.FAINT
        role = self._on if state == QIcon.State.On else self._colour
        return str(getattr(style, role))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        """Drawn from the cached pixmap of the painter's scale: an SVG is parsed once per
        size and colour, not on every repaint of a menu or a tab."""
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        """The icon drawn at `size` × `scale` device pixels (a HiDPI screen's), not scaled up."""
        device = QSize(round(size.width() * scale), round(size.height() * scale))
        colour = self._colour_for(mode, state)
        key = (device.width(), device.height(), colour)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = QPixmap(device)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            QSvgRenderer(QByteArray(coloured_svg(self._name, colour))).render(
                painter, QRectF(QRect(QPoint(0, 0), device)))
            painter.end()
            self._cache[key] = pixmap
        result = QPixmap(pixmap)
        result.setDevicePixelRatio(scale)
        return result

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return ThemedIconEngine(self._name, self._colour, self._on)

    def key(self) -> str:
        return "salesdesk-themed-svg"


def icon(name: str, colour: str = "TEXT", on: str = "ACCENT") -> QIcon:
    """Icon `name` (a file of resources/icons) drawn in the theme's `colour` role."""
    return QIcon(ThemedIconEngine(name, colour, on))
