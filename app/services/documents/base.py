"""The document base every PDF builds on: page template, letterhead, tables, signatures.

    from app.services.documents.base import DocumentMeta, build_pdf, data_table, Column
    from app.services.documents.markup import esc, fmt
    pdf: bytes = build_pdf(story, DocumentMeta(title="…", number="…", on=date, company=info))

`story` is a list of reportlab flowables; `story_fn(ctx)` variants get a `BuildContext`
(theme, styles, frame width) so modules need not repeat measurements. Every page gets a
footer ("<number> от <date>", the company name, "Страница N из M") and pages after the
first a slim running header; `letterhead(ctx)` gives the own-company block for page one.
No file or URL is opened during a build except the bundled fonts: images come in as bytes.
"""

from __future__ import annotations

import base64
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, Literal

from app.domain.dates import short_date
from app.i18n import current_language, translate
from app.models.clients import DOCUMENT_LANGUAGES
from app.services.documents.fonts import BOLD, FAMILY, printable, register_fonts
from app.services.documents.markup import bind_signs, clean_text, clip, esc, inline_list
from app.services.documents.styles import CLASSIC, Styles, Theme, styles_for
from app.services.requisites import PartyDetails

if TYPE_CHECKING:  # reportlab is imported when a document is built
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Flowable, Image, Paragraph, Table

_BUILD_LOCK = threading.RLock()
MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_L = 18 * MM
MARGIN_R = 14 * MM
MARGIN_T = 14 * MM
MARGIN_B = 18 * MM
IMAGE_FIELDS = ("logo", "facsimile", "stamp")


@dataclass(frozen=True)
class CompanyInfo(PartyDetails):
    """The seller as printed (a plain copy of CompanySettings, JSON-able for snapshots)."""

    signer_name: str = ""
    signer_title: str = ""
    accountant_name: str = ""
    manager_name: str = ""
    manager_phone: str = ""
    manager_email: str = ""
    manager_position: str = ""
    logo: bytes | None = None
    facsimile: bytes | None = None
    stamp: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in IMAGE_FIELDS:
            raw = data[key]
            data[key] = base64.b64encode(raw).decode("ascii") if raw else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CompanyInfo:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in IMAGE_FIELDS:
            raw = values.get(key)
            values[key] = base64.b64decode(raw) if raw else None
        return cls(**values)

    @property
    def display_name(self) -> str:
        return self.name or self.full_name

    def clipped(self, limit: int = 400) -> CompanyInfo:
        """The same with every text cut to `limit` characters (letterheads cannot split)."""
        from dataclasses import replace

        from app.services.documents.markup import clip

        texts: dict[str, Any] = {f.name: clip(getattr(self, f.name), limit)
                                 for f in fields(self) if f.name not in IMAGE_FIELDS}
        return replace(self, **texts)


@dataclass(frozen=True)
class DocumentMeta:
    """What the page template prints around the story."""

    title: str
    number: str = ""
    on: date | None = None
    company: CompanyInfo = field(default_factory=CompanyInfo)
    theme: Theme = CLASSIC
    subject: str = ""
    landscape: bool = False
    deterministic: bool = True  # same input → same bytes (fixed IDs, no clock)
    # the PDF's creation date: this instant, else the document's own date (`on`, at 00:00
    # UTC: a document is made on the day it is dated, and stays the same bytes), else now
    created: datetime | None = None

    @property
    def created_at(self) -> datetime:
        if self.created is not None:
            return self.created.astimezone(UTC)
        if self.on is not None:
            return datetime.combine(self.on, time.min, tzinfo=UTC)
        return datetime.now(UTC)

    @property
    def language_tag(self) -> str:
        """The PDF's /Lang: the language its text is in (BCP 47)."""
        return "ru-RU" if current_language() == "ru" else "en-US"

    @property
    def footer_label(self) -> str:
        if self.number and self.on:
            return translate("Documents", "{number} от {date}").format(
                number=self.number, date=short_date(self.on))
        if self.on:
            return translate("Documents", "{title} · {date}").format(
                title=self.title, date=short_date(self.on))
        return self.number or self.title


def document_title(title: str, snapshot: dict[str, Any]) -> str:
    """A frozen document's PDF title: its own («Счёт на оплату № …») and its client's name,
    as a file list or a mail attachment shows it."""
    buyer = clean_text((snapshot.get("buyer") or {}).get("name", "")).strip()
    return f"{title} · {buyer}" if buyer else title


@dataclass(frozen=True)
class BuildContext:
    meta: DocumentMeta
    theme: Theme
    styles: Styles
    width: float  # frame width in points
    height: float  # frame height in points (the first page's; later ones 6 mm less)

    def p(self, text: object, style: str = "body") -> Paragraph:
        """A Paragraph of escaped user text."""
        from reportlab.platypus import Paragraph

        return Paragraph(esc(text), getattr(self.styles, style))

    def m(self, markup: str, style: str = "body") -> Paragraph:
        """A Paragraph of trusted markup (built with markup.fmt)."""
        from reportlab.platypus import Paragraph

        return Paragraph(markup, getattr(self.styles, style))


def context_for(meta: DocumentMeta) -> BuildContext:
    register_fonts()
    page_w, page_h = (PAGE_H, PAGE_W) if meta.landscape else (PAGE_W, PAGE_H)
    return BuildContext(meta=meta, theme=meta.theme, styles=styles_for(meta.theme),
                        width=page_w - MARGIN_L - MARGIN_R,
                        height=page_h - MARGIN_T - MARGIN_B)


# --- images -----------------------------------------------------------------------------

def image_flowable(data: bytes | None, max_w: float, max_h: float, *,
                   h_align: Literal["LEFT", "CENTER", "RIGHT"] = "LEFT") -> Image | None:
    """A scaled image from bytes, or None if there is none or it is not a readable image."""
    if not data:
        return None
    try:
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
        with PILImage.open(io.BytesIO(data)) as img:
            w, h = img.size
        if w <= 0 or h <= 0:
            return None
    except Exception:
        return None
    from reportlab.platypus import Image

    scale = min(max_w / w, max_h / h)
    flow = Image(io.BytesIO(data), width=w * scale, height=h * scale)
    flow.hAlign = h_align
    return flow


def image_reader(data: bytes | None) -> ImageReader | None:
    if not data:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception:
        return None


# --- tables -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative weight; the table fills the frame width
    align: str = "left"  # left | right | center
    bold: bool = False
    # whether a value may wrap inside its cell: by default only a left-aligned column's
    # (names, descriptions) — an amount, a quantity, a № or a unit never does
    wraps: bool | None = None

    @property
    def may_wrap(self) -> bool:
        return self.align == "left" if self.wraps is None else self.wraps


# the language of the documents a client receives (offers, invoices): the client's own setting,
# Russian by default, whatever the interface speaks; each snapshot records it ("language")
DOCUMENT_LANGUAGE = DOCUMENT_LANGUAGES[0]  # Russian: unless the client's card says otherwise


def document_language(value: object) -> str:
    """The language a client's documents are made in: its card's (clients.document_language)
    when it is one we have, Russian otherwise — never the interface's."""
    return value if isinstance(value, str) and value in DOCUMENT_LANGUAGES else DOCUMENT_LANGUAGE

CELL_PADDING = 4.0  # pt left and right of a table cell's text
_FIT_SLACK = 1.0  # pt beyond the measured width, so rounding never wraps a fitted value
_FONT_SCALES = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6)  # a table too wide tries these in turn
_FLEX_SHARE = 0.3  # the wrapping columns keep at least this share of the table's width


def text_width(text: str, style: ParagraphStyle) -> float:
    """The width in points of one line of `text` set in `style`'s font (no markup)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(clean_text(text), style.fontName, style.fontSize)


def longest_word_width(text: str, style: ParagraphStyle) -> float:
    """The width of `text`'s widest word: how narrow its cell may be without splitting one."""
    words = re.split(r"[ \t\n]+", bind_signs(clean_text(text)))  # a no-break space binds
    return max((text_width(w, style) for w in words if w), default=0.0)


def scaled_style(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    """`style` with its font size and leading scaled (the same style at 1.0)."""
    if scale == 1.0:
        return style
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}@{scale:g}", parent=style,
                          fontSize=style.fontSize * scale, leading=style.leading * scale)


def fitted_widths(total: float, weights: Sequence[float],
                  needed: Sequence[float | None]) -> list[float] | None:
    """Column widths filling `total`: a column with a `needed` width gets at least it, the
    others (None) share what is left by weight. None when the wrapping columns would keep
    less than their share (_FLEX_SHARE) of `total` — or any width at all, with none."""
    weight = sum(weights)
    widths = [total * w / weight for w in weights]
    fixed = [max(widths[i], n) for i, n in enumerate(needed) if n is not None]
    flex = [i for i, n in enumerate(needed) if n is None]
    left = total - sum(fixed)
    if flex:
        if left < total * _FLEX_SHARE:
            return None
    elif left < -0.01:
        return None
    flex_weight = sum(weights[i] for i in flex)
    out = []
    fixed_iter = iter(fixed)
    for i, n in enumerate(needed):
        if n is None:
            out.append(left * weights[i] / flex_weight)
        else:
            out.append(next(fixed_iter))
    if not flex and left > 0:  # no column wraps: the spare width goes by weight
        out = [w + left * weights[i] / weight for i, w in enumerate(out)]
    return out


def value_column_width(values: Sequence[str], style: ParagraphStyle, least: float) -> float:
    """The width of a column of one-line values (amounts beside their labels): `least`, or
    as much as the widest value set in `style` needs with the cell padding (CELL_PADDING)."""
    widest = max((text_width(v, style) for v in values), default=0.0)
    return max(least, widest + 2 * CELL_PADDING + _FIT_SLACK)


def data_table(ctx: BuildContext, columns: Sequence[Column],
               rows: Sequence[Sequence[object]], *,
               footer_rows: Sequence[Sequence[object]] = (), zebra: bool = True,
               width: float | None = None) -> Table:
    """A table that splits across pages (even inside a huge cell) and repeats its header.

    A value of a column that does not wrap (`Column.may_wrap`) stays on one line: its column
    is at least as wide as its widest value (measured in the font), the wrapping columns
    share the rest, and a table that cannot fit so is set in a smaller font. Headers wrap
    between words only. Cells that are not flowables are treated as user text and escaped.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable, Table, TableStyle

    st = ctx.styles
    theme = ctx.theme
    total_w = width or ctx.width

    def cell_style(col: Column, header: bool = False, bold: bool = False,
                   scale: float = 1.0) -> ParagraphStyle:
        if header:
            style = {"right": st.header_cell_right, "center": st.header_cell_center}.get(
                col.align, st.header_cell)
        elif bold or col.bold:
            style = st.cell_bold_right if col.align == "right" else st.cell_bold
        else:
            style = {"right": st.cell_right, "center": st.cell_center}.get(col.align, st.cell)
        return scaled_style(style, scale)

    def needed(i: int, col: Column, scale: float) -> float | None:
        """The width column `i` needs at `scale` (None: it wraps, the header aside)."""
        head = longest_word_width(col.title, cell_style(col, header=True, scale=scale))
        if col.may_wrap:
            return None
        widest = head
        for group, bold in ((rows, False), (footer_rows, True)):
            style = cell_style(col, bold=bold, scale=scale)
            for row in group:
                if i < len(row) and not isinstance(row[i], Flowable):
                    for line in clean_text(row[i]).split("\n"):
                        widest = max(widest, text_width(line, style))
        return widest + 2 * CELL_PADDING + _FIT_SLACK

    scale, widths = 1.0, None
    for scale in _FONT_SCALES:
        widths = fitted_widths(total_w, [c.width for c in columns],
                               [needed(i, c, scale) for i, c in enumerate(columns)])
        if widths is not None:
            break
    if widths is None:  # even the smallest font does not fit: wrap as the weights say
        weight = sum(c.width for c in columns)
        widths = [total_w * c.width / weight for c in columns]

    from reportlab.platypus import Paragraph

    def to_cell(value: object, col: Column, *, header: bool = False,
                bold: bool = False) -> Flowable:
        if isinstance(value, Flowable):
            return value
        return Paragraph(esc(bind_signs(clean_text(value))), cell_style(col, header, bold, scale))

    data = [[to_cell(c.title, c, header=True) for c in columns]]
    for row in rows:
        data.append([to_cell(v, c) for v, c in zip(row, columns, strict=False)])
    for row in footer_rows:
        data.append([to_cell(v, c, bold=True) for v, c in zip(row, columns, strict=False)])

    accent = HexColor(theme.accent)
    rule = HexColor(theme.rule)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ]
    body_end = len(rows)
    if theme.grid:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), accent),
            ("GRID", (0, 0), (-1, -1), 0.4, rule),
            ("BOX", (0, 0), (-1, -1), 0.6, accent),
        ]
    else:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 1.1, accent),
            ("LINEBELOW", (0, 1), (-1, body_end), 0.35, rule),
        ]
    if zebra:
        for i in range(1, body_end + 1):
            if i % 2 == 0:
                commands.append(("BACKGROUND", (0, i), (-1, i), HexColor(theme.accent_light)))
    if footer_rows:
        commands.append(("LINEABOVE", (0, body_end + 1), (-1, body_end + 1), 0.8, accent))
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def key_value_table(ctx: BuildContext, pairs: Sequence[tuple[str, object]], *,
                    label_width: float = 0.3, width: float | None = None) -> Flowable:
    """Label → value rows without a grid (requisites, terms)."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    total = width or ctx.width
    data = [[Paragraph(esc(k), ctx.styles.small_muted), Paragraph(esc(v), ctx.styles.cell)]
            for k, v in pairs if clean_text(v).strip()]
    if not data:
        from reportlab.platypus import Spacer

        return Spacer(1, 0)
    table = Table(data, colWidths=[total * label_width, total * (1 - label_width)],
                  splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]))
    return table


# --- letterhead and signatures ----------------------------------------------------------

def company_requisites_line(info: CompanyInfo) -> str:
    parts = []
    if info.inn:
        parts.append(translate("Documents", "ИНН {v}").format(v=info.inn))
    if info.kpp:
        parts.append(translate("Documents", "КПП {v}").format(v=info.kpp))
    if info.ogrn:
        if len(info.ogrn) <= 13:
            parts.append(translate("Documents", "ОГРН {v}").format(v=info.ogrn))
        else:
            parts.append(translate("Documents", "ОГРНИП {v}").format(v=info.ogrn))
    return inline_list(parts)


def letterhead(ctx: BuildContext) -> list[Flowable]:
    """The own company's block for the top of page one: logo, name, requisites, contacts."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    info = ctx.meta.company
    st = ctx.styles
    logo = image_flowable(info.logo, 48 * MM, 20 * MM)
    name = info.full_name or info.name or translate("Documents", "Наша компания")
    left: list[Flowable] = [Paragraph(esc(info.name or name), st.company_name)]
    if info.full_name and info.name and info.full_name != info.name:
        left.append(Paragraph(esc(info.full_name), st.small_muted))
    req = company_requisites_line(info)
    if req:
        left.append(Paragraph(esc(req), st.small_muted))
    # the address, then one line each for the phone, e-mail and site: a narrow column
    contacts = (info.legal_address or info.postal_address, info.phone, info.email,
                info.website)
    right = [Paragraph(esc(bind_signs(clean_text(c))), st.small_right) for c in contacts if c]
    if logo is not None:
        data = [[logo, left, right]]
        rest = ctx.width - 52 * MM
        widths = [52 * MM, rest * 0.56, rest * 0.44]
    else:
        data = [[left, right]]
        widths = [ctx.width * 0.58, ctx.width * 0.42]
    table = Table(data, colWidths=widths, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table, Spacer(1, 3 * MM),
            HRFlowable(width="100%", thickness=1.4, color=HexColor(ctx.theme.accent),
                       spaceAfter=6 * MM)]


class SignatureLine:
    """Factory for a signature row: title, a line (with facsimile), the name, a stamp."""

    @staticmethod
    def make(ctx: BuildContext, rows: Sequence[tuple[str, str]], *,
             facsimile: bytes | None = None, stamp: bytes | None = None,
             seal_place: bool = False) -> Flowable:
        """`seal_place`: «М.П.» (the place of the seal) under the rows when there is no
        stamp image — the invoice's, as the 1С form has it."""
        from reportlab.platypus import Flowable, Paragraph

        styles = ctx.styles
        width = ctx.width
        fac = image_reader(facsimile)
        stp = image_reader(stamp)
        row_h = 13 * MM

        class _Signatures(Flowable):
            def __init__(self) -> None:
                super().__init__()
                self.titles = [Paragraph(esc(clip(t, 150)), styles.cell) for t, _ in rows]
                self.names = [Paragraph(esc(clip(n, 150)), styles.cell) for _, n in rows]

            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                self._heights = []
                for t, n in zip(self.titles, self.names, strict=True):
                    _, th = t.wrap(width * 0.34, 10_000)
                    _, nh = n.wrap(width * 0.34, 10_000)
                    self._heights.append(max(row_h, th + 3 * MM, nh + 3 * MM))
                extra = 10 * MM if stp is not None else (6 * MM if seal_place else 0)
                self.height = sum(self._heights) + extra
                return width, self.height

            def draw(self) -> None:
                c = self.canv
                y = self.height
                for i, (t, n) in enumerate(zip(self.titles, self.names, strict=True)):
                    h = self._heights[i]
                    y -= h
                    base = y + 3 * MM
                    t.wrap(width * 0.34, 10_000)
                    t.drawOn(c, 0, base)
                    c.setLineWidth(0.6)
                    c.line(width * 0.36, base, width * 0.6, base)
                    c.setFont(FAMILY, 6)
                    c.drawCentredString(width * 0.48, base - 7, translate("Documents", "подпись"))
                    n.wrap(width * 0.34, 10_000)
                    n.drawOn(c, width * 0.63, base)
                    if fac is not None and i == 0:
                        iw, ih = fac.getSize()
                        s = min(36 * MM / iw, 14 * MM / ih)
                        c.drawImage(fac, width * 0.4, base - 3 * MM, iw * s, ih * s, mask="auto")
                if stp is None and seal_place:
                    c.setFont(FAMILY, 8)
                    c.drawString(width * 0.2, 1 * MM, translate("Documents", "М.П."))
                if stp is not None:
                    iw, ih = stp.getSize()
                    s = min(38 * MM / iw, 38 * MM / ih)
                    c.drawImage(stp, width * 0.3, 0, iw * s, ih * s, mask="auto")

        return _Signatures()


# --- the page template ------------------------------------------------------------------

def _decorate(meta: DocumentMeta, theme: Theme, page_w: float, page_h: float,
              first: bool) -> Callable[[Canvas, BaseDocTemplate], None]:
    from reportlab.lib.colors import HexColor

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if theme.side_band:
            canvas.setFillColor(HexColor(theme.accent))
            canvas.rect(0, 0, 5 * MM, page_h, stroke=0, fill=1)
        muted = HexColor(theme.muted)
        canvas.setStrokeColor(HexColor(theme.rule))
        canvas.setLineWidth(0.5)
        if not first:
            y = page_h - MARGIN_T + 2 * MM
            canvas.setFont(FAMILY, 7.5)
            canvas.setFillColor(muted)
            canvas.drawString(MARGIN_L, y, _clip(meta.company.display_name, 70))
            canvas.drawRightString(page_w - MARGIN_R, y, _clip(meta.title, 70))
            canvas.line(MARGIN_L, y - 2 * MM, page_w - MARGIN_R, y - 2 * MM)
        y = MARGIN_B - 8 * MM
        canvas.line(MARGIN_L, y + 4 * MM, page_w - MARGIN_R, y + 4 * MM)
        canvas.setFont(FAMILY, 7.5)
        canvas.setFillColor(muted)
        left = _clip(meta.footer_label, 70)
        canvas.drawString(MARGIN_L, y, left)
        name = _clip(meta.company.display_name, 50)
        if name:  # centred when it fits between the label and "Страница N из M"
            from reportlab.pdfbase.pdfmetrics import stringWidth

            left_end = MARGIN_L + stringWidth(left, FAMILY, 7.5) + 12
            half = stringWidth(name, FAMILY, 7.5) / 2
            right_start = page_w - MARGIN_R - stringWidth("Страница 000 из 000", FAMILY, 7.5)
            centre = max(page_w / 2, left_end + half)
            if centre + half + 12 < right_start:
                canvas.drawCentredString(centre, y, name)
        canvas.restoreState()

    return draw


def _clip(text: str, limit: int) -> str:
    text = printable(clean_text(text).replace("\n", " "))  # drawn on the canvas: no boxes
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _stamp(canvas: Canvas, when: datetime) -> None:
    """Date the PDF (/CreationDate, /ModDate) `when`, not by the clock: reportlab's own
    choice is now, or 2000-01-01 in its invariant mode (fixed IDs) that keeps builds equal."""
    import calendar

    stamp = canvas._doc._timeStamp  # type: ignore[attr-defined]  # reportlab internals
    stamp.t = calendar.timegm(when.utctimetuple())
    stamp.lt = when.utctimetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"


def _canvas_class(meta: DocumentMeta, page_w: float) -> type[Canvas]:
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    theme = meta.theme

    class NumberedCanvas(Canvas):
        """Defers "Страница N из M" until the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []
            _stamp(self, meta.created_at)

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # Canvas internals, not in stubs

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self.setFont(FAMILY, 7.5)
                self.setFillColor(HexColor(theme.muted))
                self.drawRightString(
                    page_w - MARGIN_R, MARGIN_B - 8 * MM,
                    translate("Documents", "Страница {n} из {m}").format(
                        n=self._pageNumber,  # type: ignore[attr-defined]  # as above
                        m=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(story: Sequence[Flowable] | Callable[[BuildContext], Sequence[Flowable]],
              meta: DocumentMeta) -> bytes:
    """Lay out a story on the shared page template and return the PDF bytes."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    ctx = context_for(meta)
    flowables = list(story(ctx) if callable(story) else story)
    page_w, page_h = (PAGE_H, PAGE_W) if meta.landscape else (PAGE_W, PAGE_H)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=(page_w, page_h), leftMargin=MARGIN_L, rightMargin=MARGIN_R,
        topMargin=MARGIN_T, bottomMargin=MARGIN_B, title=clean_text(meta.title),
        author=clean_text(meta.company.display_name), subject=clean_text(meta.subject),
        creator="SalesDesk", invariant=1 if meta.deterministic else 0,
        initialFontName=FAMILY, lang=meta.language_tag,
    )
    frame_h = ctx.height
    first = Frame(MARGIN_L, MARGIN_B, ctx.width, frame_h, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN_L, MARGIN_B, ctx.width, frame_h - 6 * MM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="First", frames=[first], autoNextPageTemplate="Later",
                     onPage=_decorate(meta, ctx.theme, page_w, page_h, True)),
        PageTemplate(id="Later", frames=[later],
                     onPage=_decorate(meta, ctx.theme, page_w, page_h, False)),
    ])
    with _BUILD_LOCK:  # reportlab keeps module-level state; one build at a time
        doc.build(flowables, canvasmaker=_canvas_class(meta, page_w))
    return buffer.getvalue()


__all__ = [
    "BOLD",
    "MM",
    "BuildContext",
    "Column",
    "CompanyInfo",
    "DocumentMeta",
    "SignatureLine",
    "build_pdf",
    "context_for",
    "data_table",
    "image_flowable",
    "key_value_table",
    "letterhead",
]
