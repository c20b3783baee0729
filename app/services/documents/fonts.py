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


REPLACEMENT = "?"  # what a character the family cannot print is printed as
_coverage: frozenset[int] | None = None


def _covered() -> frozenset[int]:
    """The code points every face of the family has a glyph for, in the Basic Multilingual
    Plane only: reportlab's text layer cuts a character above U+FFFF (😀 copies as U+1F60)."""
    global _coverage
    if _coverage is None:
        register_fonts()
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = [pdfmetrics.getFont(name) for name in _FILES]
        faces = [set(f.face.charToGlyph) for f in fonts if isinstance(f, TTFont)]
        _coverage = frozenset(c for c in set.intersection(*faces) if c <= 0xFFFF)
    return _coverage


def unprintable(text: str) -> str:
    """The distinct characters of `text` the documents' font has no glyph for (Chinese,
    emoji, Arabic in the bold face…), in the order they first appear; "" when none."""
    if text.isascii():
        return ""
    covered = _covered()
    return "".join(dict.fromkeys(ch for ch in text if ch >= " " and ord(ch) not in covered))


def printable(text: str) -> str:
    """`text` with every character the font cannot print replaced by REPLACEMENT: a visible
    «?» on paper and in the copied text, never an empty box or U+0000."""
    missing = unprintable(text)
    if not missing:
        return text
    return "".join(REPLACEMENT if ch in missing else ch for ch in text)
