"""Escaping of user text before it reaches reportlab's Paragraph mini-markup.

Paragraph text is XML-like markup: `<img src=...>` opens local files or URLs, `<b>` changes
fonts, a stray `&` or `<` breaks the parser. Every piece of user data (names, notes,
requisites, line items) goes through `esc()`; documents compose their own markup with
`fmt()`, which escapes every substituted value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from app.services.documents.fonts import printable

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


NBSP = "\u00a0"
# a space a line must not break at: before a sign or a unit word that belongs to the number
# before it («100 %», «10 ₽», «5 руб. 20 коп.»), after an abbreviation that belongs to what
# follows it («№ 12», «г. Москва», «тел.: +7…», «ИНН 7701…»)
_SPACE_BEFORE = re.compile(r" (?=(?:[₽%]|руб\.|коп\.)(?!\w))")
_SPACE_AFTER = re.compile(
    r"(?<!\w)(№|г\.|ул\.|д\.|стр\.|корп\.|оф\.|тел\.:?|ИНН|КПП|ОГРНИП|ОГРН|БИК) (?=\S)")
LIST_SEPARATOR = " ·" + NBSP  # «a · b»: at a line break the «·» starts the next line
UNBREAKABLE_UP_TO = 40  # characters: an inline list item this short never breaks inside


def bind_signs(text: str) -> str:
    """`text` with no-break spaces where a line must not break: «100 %», «10 ₽», «№ 12»,
    «г. Москва», «ИНН 7701234567»."""
    return _SPACE_AFTER.sub(r"\1" + NBSP, _SPACE_BEFORE.sub(NBSP, text))


def unbreakable(text: str) -> str:
    """A short fragment that must stay on one line («тел.: +7 495 123-45-67»): its spaces
    no-break (reportlab breaks lines at spaces only, so a hyphen stays as typed)."""
    return text.replace(" ", NBSP)


def inline_list(items: Iterable[object]) -> str:
    """Items on one line, «a · b · c», wrapping only between items (a short item never
    breaks inside) and never leaving a «·» at the end of a line."""
    parts = []
    for item in items:
        text = bind_signs(clean_text(item).strip())
        if text:
            parts.append(unbreakable(text) if len(text) <= UNBREAKABLE_UP_TO else text)
    return LIST_SEPARATOR.join(parts)


def esc(value: object, *, multiline: bool = True) -> str:
    """User value → Paragraph-safe markup: `&<>` escaped, newlines as `<br/>`."""
    text = _xml_escape(printable(clean_text(value)), {'"': "&quot;"})
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
