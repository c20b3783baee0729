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
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from app.domain.dates import short_date
from app.i18n import translate
from app.services.documents.fonts import BOLD, FAMILY, register_fonts
from app.services.documents.markup import clean_text, clip, esc
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
    deterministic: bool = True  # same input → same bytes (fixed IDs, no timestamps)

    @property
    def footer_label(self) -> str:
        if self.number and self.on:
            return translate("Documents", "{number} от {date}").format(
                number=self.number, date=short_date(self.on))
        if self.on:
            return translate("Documents", "{title} · {date}").format(
                title=self.title, date=short_date(self.on))
        return self.number or self.title


@dataclass(frozen=True)
class BuildContext:
    meta: DocumentMeta
    theme: Theme
    styles: Styles
    width: float  # frame width in points

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
    page_w = PAGE_H if meta.landscape else PAGE_W
    return BuildContext(meta=meta, theme=meta.theme, styles=styles_for(meta.theme),
                        width=page_w - MARGIN_L - MARGIN_R)


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


def data_table(ctx: BuildContext, columns: Sequence[Column],
               rows: Sequence[Sequence[object]], *,
               footer_rows: Sequence[Sequence[object]] = (), zebra: bool = True,
               width: float | None = None) -> Table:
    """A table that splits across pages (even inside a huge cell) and repeats its header.

    Cells that are not flowables are treated as user text and escaped.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable, Table, TableStyle

    st = ctx.styles
    theme = ctx.theme
    total_w = width or ctx.width
    weight = sum(c.width for c in columns)
    widths = [total_w * c.width / weight for c in columns]

    def cell_style(col: Column, header: bool = False, bold: bool = False) -> ParagraphStyle:
        if header:
            return {"right": st.header_cell_right, "center": st.header_cell_center}.get(
                col.align, st.header_cell)
        if bold or col.bold:
            return st.cell_bold_right if col.align == "right" else st.cell_bold
        return {"right": st.cell_right, "center": st.cell_center}.get(col.align, st.cell)

    from reportlab.platypus import Paragraph

    def to_cell(value: object, col: Column, *, header: bool = False,
                bold: bool = False) -> Flowable:
        if isinstance(value, Flowable):
            return value
        return Paragraph(esc(value), cell_style(col, header, bold))

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
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
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
    return " · ".join(parts)


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
    contacts = [esc(info.legal_address or info.postal_address)]
    line2 = " · ".join(esc(v) for v in (info.phone, info.email, info.website) if v)
    right = [Paragraph(c, st.small_right) for c in (contacts[0], line2) if c]
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
             facsimile: bytes | None = None, stamp: bytes | None = None) -> Flowable:
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
                extra = 10 * MM if stp is not None else 0
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
    text = clean_text(text).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _canvas_class(meta: DocumentMeta, page_w: float) -> type[Canvas]:
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    theme = meta.theme

    class NumberedCanvas(Canvas):
        """Defers "Страница N из M" until the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

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
        initialFontName=FAMILY,
    )
    frame_h = page_h - MARGIN_T - MARGIN_B
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
