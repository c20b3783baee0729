"""Small building blocks every dialog form shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.i18n import translate


def dialog_buttons(dialog: QDialog, accept_text: str,
                   on_accept: Callable[[], None] | None = None) -> QDialogButtonBox:
    """The accept (primary, default) and Отмена buttons of a dialog, in the platform's order.

    `on_accept` runs instead of `dialog.accept` — typically a method that validates, shows
    errors next to the fields, and accepts only when all is well.
    """
    buttons = QDialogButtonBox()
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setObjectName("primary")
    accept.setDefault(True)
    buttons.addButton(translate("Forms", "Отмена"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
