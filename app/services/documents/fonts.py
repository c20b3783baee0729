"""The bundled Cyrillic font family (DejaVu Sans), registered with reportlab once per process."""

from __future__ import annotations

import threading

FAMILY = "SDSans"
BOLD = "SDSans-Bold"
ITALIC = "SDSans-Italic"
BOLD_ITALIC = "SDSans-BoldItalic"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = threading.Event()


def register_fonts() -> str:
    """Register the family (idempotent, thread-safe) and return its base name."""
    if _registered.is_set():
        return FAMILY
    with _lock:
        if _registered.is_set():
            return FAMILY
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from app.resources import resource_path

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        addMapping(FAMILY, 0, 0, FAMILY)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        # plain-string table cells (even empty ones) would otherwise pull in an unembedded
        # Helvetica; every SalesDesk document uses the bundled family
        from reportlab.platypus.tables import CellStyle

        CellStyle.fontname = FAMILY
        _registered.set()
    return FAMILY
