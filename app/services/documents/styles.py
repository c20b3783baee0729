"""The shared look of every document: colour themes and one paragraph style sheet."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.services.documents.fonts import BOLD, FAMILY, ITALIC, register_fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle


@dataclass(frozen=True)
class Theme:
    """Colours (hex) of one visual template."""

    key: str
    accent: str  # titles, table headers, rules
    accent_light: str  # zebra rows, boxes
    text: str = "#1F2328"
    muted: str = "#6B7280"
    rule: str = "#C9D1DB"
    header_text: str = "#FFFFFF"
    grid: bool = True  # full cell grid (classic) or horizontal rules only (modern)
    side_band: bool = False  # a coloured band down the left edge of every page


CLASSIC = Theme(key="classic", accent="#1F3A5F", accent_light="#EEF2F7")
MODERN = Theme(key="modern", accent="#0F766E", accent_light="#E8F5F3", grid=False,
               side_band=True, rule="#D5DEDC")
REPORT = Theme(key="report", accent="#27476E", accent_light="#EEF2F7", grid=False)
THEMES = {t.key: t for t in (CLASSIC, MODERN)}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_right: ParagraphStyle
    body_center: ParagraphStyle
    small: ParagraphStyle
    small_right: ParagraphStyle
    small_muted: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bold_right: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_right: ParagraphStyle
    header_cell_center: ParagraphStyle
    title: ParagraphStyle
    title_center: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    company_name: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    words: ParagraphStyle


@lru_cache(maxsize=8)
def styles_for(theme: Theme) -> Styles:
    """The paragraph styles of a theme (built once per theme)."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    text = HexColor(theme.text)
    muted = HexColor(theme.muted)
    accent = HexColor(theme.accent)
    base = ParagraphStyle("sd-body", fontName=FAMILY, fontSize=9, leading=12.2,
                          textColor=text, alignment=TA_LEFT, splitLongWords=1,
                          wordWrap=None)

    def derive(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"sd-{theme.key}-{name}", parent=parent, **kw)

    small = derive("small", fontSize=7.5, leading=9.6)
    cell = derive("cell", fontSize=8.2, leading=10.4)
    header_cell = derive("hcell", parent=cell, fontName=BOLD, fontSize=7.6, leading=9.4,
                         textColor=HexColor(theme.header_text) if theme.grid else accent)
    return Styles(
        body=base,
        body_right=derive("body-r", alignment=TA_RIGHT),
        body_center=derive("body-c", alignment=TA_CENTER),
        small=small,
        small_right=derive("small-r", parent=small, alignment=TA_RIGHT),
        small_muted=derive("small-m", parent=small, textColor=muted),
        cell=cell,
        cell_right=derive("cell-r", parent=cell, alignment=TA_RIGHT),
        cell_center=derive("cell-c", parent=cell, alignment=TA_CENTER),
        cell_bold=derive("cell-b", parent=cell, fontName=BOLD),
        cell_bold_right=derive("cell-br", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        header_cell=header_cell,
        header_cell_right=derive("hcell-r", parent=header_cell, alignment=TA_RIGHT),
        header_cell_center=derive("hcell-c", parent=header_cell, alignment=TA_CENTER),
        title=derive("title", fontName=BOLD, fontSize=16, leading=20, textColor=accent,
                     spaceAfter=2),
        title_center=derive("title-c", fontName=BOLD, fontSize=14, leading=18,
                            alignment=TA_CENTER, textColor=text),
        subtitle=derive("subtitle", fontSize=9.5, leading=12.5, textColor=muted),
        h2=derive("h2", fontName=BOLD, fontSize=11.5, leading=14.5, textColor=accent,
                  spaceBefore=10, spaceAfter=5, keepWithNext=1),
        h3=derive("h3", fontName=BOLD, fontSize=9.5, leading=12, textColor=text,
                  spaceBefore=6, spaceAfter=3, keepWithNext=1),
        company_name=derive("company", fontName=BOLD, fontSize=12, leading=15,
                            textColor=accent),
        kpi_value=derive("kpi-v", fontName=BOLD, fontSize=12, leading=15, textColor=accent),
        kpi_label=derive("kpi-l", parent=small, textColor=muted),
        words=derive("words", fontName=ITALIC, fontSize=9, leading=12),
    )
