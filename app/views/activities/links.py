"""Phones and e-mails as `tel:` and `mailto:` links, opened by the system (a softphone, a
paired phone, the mail program) through QDesktopServices."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_NOT_DIALLED = re.compile(r"[^\d+]")


def tel_url(phone: str) -> str:
    """`tel:+79161234567` for «+7 916 123-45-67» (RFC 3966: no visual separators)."""
    return "tel:" + _NOT_DIALLED.sub("", phone)


def mailto_url(email: str) -> str:
    return "mailto:" + email.strip()


def links_html(phones: Iterable[str] = (), emails: Iterable[str] = ()) -> str:
    """The phones and e-mails as links for a rich-text QLabel, separated by « · »."""
    parts = [f'<a href="{escape(tel_url(p))}">{escape(p)}</a>' for p in phones if p.strip()]
    parts += [f'<a href="{escape(mailto_url(e))}">{escape(e)}</a>' for e in emails if e.strip()]
    return " · ".join(parts)


def open_link(url: str) -> bool:
    """Hand a `tel:`/`mailto:` link to the system (the label's `linkActivated` slot)."""
    return QDesktopServices.openUrl(QUrl(url))


__all__ = ["links_html", "mailto_url", "open_link", "tel_url"]
