"""An e-mail draft (.eml) with a PDF attached, for the system mail client to open."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate


def eml_draft(pdf: bytes, *, filename: str, subject: str, body: str, to: str = "",
              sender: str = "") -> bytes:
    """RFC 5322 message bytes; `X-Unsent: 1` makes Outlook/Thunderbird open it as a draft."""
    msg = EmailMessage()
    msg["Subject"] = subject
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    msg.set_content(body)
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return msg.as_bytes(policy=SMTP)
