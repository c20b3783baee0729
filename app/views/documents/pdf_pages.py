"""PDF pages on screen and on paper: PDFium (pypdfium2) renders, Qt paints.

Qt's own QtPdf ships only as PySide6-Pdf 6.12.0, which pins the binding to a release that
corrupts reference counts (see docs/ARCHITECTURE.md, "Qt binding"); PDFium is the engine
QtPdf wraps anyway, so the pages look the same. PDFium is not thread-safe: render on the
GUI thread only (every caller here is a widget).
"""

from __future__ import annotations

from collections import OrderedDict
from enum import Enum

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QScrollArea, QWidget

from app.views import style

MAX_PRINT_DPI = 600  # a 1200-dpi A4 page would be a 550 MB image; 600 dpi is print quality
_PAGE_GAP = 12  # px between pages and around them, as a PDF viewer shows them
_CACHED_PAGES = 8  # rendered page images kept for scrolling back and forth


class PdfDocument:
    """A PDF's pages: count, sizes in points, and pages as QImages.

    PDFium's handle is opened on demand and released by `close()` (a closed preview frees
    its memory at once); a later render opens it again.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: pdfium.PdfDocument | None = None
        pdf = self._open()
        # pypdfium2 is untyped: take its (width, height) in points as floats here, once
        self._sizes: list[tuple[float, float]] = []
        for i in range(len(pdf)):
            width_pt, height_pt = pdf[i].get_size()
            self._sizes.append((float(width_pt), float(height_pt)))

    def _open(self) -> pdfium.PdfDocument:
        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(self._data)
        return self._pdf

    def page_count(self) -> int:
        return len(self._sizes)

    def page_size_pt(self, page: int) -> tuple[float, float]:
        return self._sizes[page]

    def render(self, page: int, width_px: int) -> QImage:
        """Page `page` as an RGB image `width_px` wide (height keeps the aspect ratio)."""
        width_pt = self._sizes[page][0]
        bitmap = self._open()[page].render(scale=max(width_px, 1) / width_pt,
                                           rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888)
        return image.copy()  # detach from PDFium's buffer, which dies with the bitmap

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def render_to_printer(document: PdfDocument, printer: QPrinter) -> int:
    """Render every page at the printer's resolution (capped at MAX_PRINT_DPI) and paint it
    into the printable area, keeping the aspect ratio; → pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.page_count()):
            if page:
                printer.newPage()
            width_pt, height_pt = document.page_size_pt(page)
            size = QSize(max(1, round(width_pt * dpi / 72)), max(1, round(height_pt * dpi / 72)))
            image = document.render(page, size.width())
            fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect((target.width() - fitted.width()) // 2,
                                    (target.height() - fitted.height()) // 2,
                                    fitted.width(), fitted.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed


class ZoomMode(Enum):
    FIT_WIDTH = "fit_width"  # pages as wide as the window
    FIT_PAGE = "fit_page"  # a whole page in the window's height


class _Pages(QWidget):
    """The pages one under another; renders only what a paint event exposes."""

    def __init__(self, document: PdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._page_width = 1
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()

    def page_rect(self, page: int) -> QRect:
        top = _PAGE_GAP
        for i in range(page):
            top += self._page_height(i) + _PAGE_GAP
        left = max(_PAGE_GAP, (self.width() - self._page_width) // 2)
        return QRect(left, top, self._page_width, self._page_height(page))

    def _page_height(self, page: int) -> int:
        width_pt, height_pt = self._document.page_size_pt(page)
        return round(self._page_width * height_pt / width_pt)

    def lay_out(self, page_width: int, view_width: int) -> None:
        self._page_width = max(page_width, 1)
        count = self._document.page_count()
        height = _PAGE_GAP + sum(self._page_height(i) + _PAGE_GAP for i in range(count))
        self.setFixedSize(max(view_width, self._page_width + 2 * _PAGE_GAP), height)
        self.update()

    def _image(self, page: int) -> QImage:
        ratio = self.devicePixelRatioF()
        key = (page, round(self._page_width * ratio))
        image = self._cache.get(key)
        if image is None:
            image = self._document.render(page, key[1])
            image.setDevicePixelRatio(ratio)
            self._cache[key] = image
            while len(self._cache) > _CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(style.BACKDROP))
        for page in range(self._document.page_count()):
            rect = self.page_rect(page)
            if rect.top() > event.rect().bottom():
                break
            if rect.intersects(event.rect()):
                painter.drawImage(rect, self._image(page))
        painter.end()


class PdfPagesView(QScrollArea):
    """A scrolling view of a document's pages, fitted to the width or to one page."""

    def __init__(self, document: PdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._mode = ZoomMode.FIT_WIDTH
        self.pages = _Pages(document, self)
        self.setWidget(self.pages)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def zoom_mode(self) -> ZoomMode:
        return self._mode

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._mode = mode
        self._lay_out()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        if not self._document.page_count():
            return
        viewport = self.viewport().size()
        room = viewport.width() - 2 * _PAGE_GAP
        if self._mode is ZoomMode.FIT_PAGE:
            width_pt, height_pt = self._document.page_size_pt(0)
            room = min(room, round((viewport.height() - 2 * _PAGE_GAP) * width_pt / height_pt))
        self.pages.lay_out(max(room, 50), viewport.width())
