"""Escaping of user text before it reaches reportlab's Paragraph mini-markup.

Paragraph text is XML-like markup: `<img src=...>` opens local files or URLs, `<b>` changes
fonts, a stray `&` or `<` breaks the parser. Every piece of user data (names, notes,
requisites, line items) goes through `esc()`; documents compose their own markup with
`fmt()`, which escapes every substituted value.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

# C0/C1 controls (except tab and newline), lone surrogates and non-characters: reportlab's
# parser and the PDF text layer cannot carry them and they mean nothing on paper.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def clean_text(value: object) -> str:
    """User value → plain printable text (no markup meaning yet)."""
    if value is None:
        return ""
    text = _NEWLINES.sub("\n", str(value))
    text = _UNPRINTABLE.sub("", text.replace("\t", "    "))
    return text


# a space before a sign that belongs to the word before it (₽, %) or after «№»
_BOUND_SPACE = re.compile(r" (?=[₽%])|(?<=№) (?=\S)")


def bind_signs(text: str) -> str:
    """`text` with no-break spaces where a line must not break: «100 %», «10 ₽», «№ 12»."""
    return _BOUND_SPACE.sub("\u00a0", text)


def esc(value: object, *, multiline: bool = True) -> str:
    """User value → Paragraph-safe markup: `&<>` escaped, newlines as `<br/>`."""
    text = _xml_escape(clean_text(value), {'"': "&quot;"})
    if multiline:
        return text.replace("\n", "<br/>")
    return text.replace("\n", " ")


def fmt(template: str, **values: object) -> str:
    """Fill a trusted markup template with escaped user values: fmt("<b>{n}</b>", n=name)."""
    return template.format(**{key: esc(value) for key, value in values.items()})


def clip(value: object, limit: int = 400) -> str:
    """Plain text cut to `limit` characters (with "…"): for blocks that cannot split
    across pages (letterheads, signature rows, side-by-side cards)."""
    text = clean_text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip_values(data: object, limit: int = 400) -> dict[str, Any]:
    """A dict with every string value clipped (party requisites, contacts): a snapshot's
    JSON object, {} for anything else."""
    if not isinstance(data, dict):
        return {}
    return {k: clip(v, limit) if isinstance(v, str) else v for k, v in data.items()}
