"""Write the app's icon set, resources/icons/*.svg, from the Material Design Icons font.

The icons are glyphs of «Material Design Icons» 6.9.96 by Pictogrammers (icons: Apache
License 2.0; resources/icons/LICENSE), taken from the font that the qtawesome package ships
and turned into SVG paths with fontTools. The app itself needs neither package: it draws
the committed SVG files (app/views/icons.py). To add an icon, add its name below (look it up
at pictogrammers.com) and run, once:

    pip install qtawesome fonttools && python tools/make_icons.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"

# name in the app → MDI name
ICONS = {
    "today": "calendar-today",
    "calendar": "calendar-month-outline",
    "clients": "account-group-outline",
    "deals": "view-column-outline",
    "orders": "package-variant-closed",
    "plan": "chart-line",
    "market": "storefront-outline",
    "mentoring": "school-outline",
    "add": "plus",
    "import": "tray-arrow-down",
    "export": "tray-arrow-up",
    "search": "magnify",
    "undo": "undo",
    "redo": "redo",
    "refresh": "refresh",
    "backup": "content-save-outline",
    "backups": "history",
    "report": "file-chart-outline",
    "calendar-export": "calendar-export",
    "calendar-import": "calendar-import",
    "quit": "exit-to-app",
    "company": "domain",
    "rhythm": "metronome",
    "keyboard": "keyboard-outline",
    "wizard": "auto-fix",
    "about": "information-outline",
    "activity": "calendar-plus",
    "catalog": "book-open-variant",
    "pipeline": "tune-variant",
    "more": "dots-horizontal",
    "filter": "filter-variant",
    "reset": "filter-remove-outline",
    "archive": "archive-outline",
    "delete": "trash-can-outline",
    "edit": "pencil-outline",
    "pdf": "file-pdf-box",
    "print": "printer-outline",
    "image": "image-outline",
    "previous": "chevron-left",
    "next": "chevron-right",
    "app": "briefcase-variant-outline",
    # the arrows of combo boxes, date and number fields (style.py's sheet)
    "arrow-down": "menu-down",
    "arrow-up": "menu-up",
    "check": "check-bold",  # a ticked check box
}


def main() -> int:
    import qtawesome  # the font's file and its character map
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.ttLib import TTFont

    fonts = Path(qtawesome.__file__).parent / "fonts"
    font = TTFont(str(next(fonts.glob("materialdesignicons6-webfont-*.ttf"))))
    charmap = json.loads(next(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
                         .read_text(encoding="utf-8"))
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    em = font["head"].unitsPerEm
    ascent = font["hhea"].ascent
    OUT.mkdir(parents=True, exist_ok=True)
    for name, mdi in ICONS.items():
        code = int(charmap[mdi], 16)
        pen = SVGPathPen(glyphs)
        glyphs[cmap[code]].draw(pen)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {em} {em}">'
               f'<path fill="#000000" transform="matrix(1 0 0 -1 0 {ascent})" '
               f'd="{pen.getCommands()}"/></svg>\n')
        (OUT / f"{name}.svg").write_text(svg, encoding="utf-8")
    print(f"{len(ICONS)} icons in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
