"""The client picker of other areas: a line edit that completes client names and ИНН as typed.

Deals, activities and whatever else needs "which client" use this one widget over
`ClientsService.lookup` (the list's search from the first letter).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from app.bootstrap import Services
from app.i18n import translate
from app.services.clients import ClientChoice


def choice_text(choice: ClientChoice) -> str:
    """`ООО «Ромашка» — ИНН 7701234567`: a client as the completion list shows it."""
    if choice.inn:
        return f"{choice.name} — {translate('ClientPicker', 'ИНН')} {choice.inn}"
    return choice.name


def fill_contacts(combo: QComboBox, services: Services, client_id: int | None,
                  contact_id: int | None = None) -> None:
    """The client's contact persons in `combo` after «— не выбрано —»: `contact_id` chosen,
    else the primary one (the first listed)."""
    combo.clear()
    combo.addItem(translate("ClientPicker", "— не выбрано —"), None)
    if client_id is None:
        return
    for c in services.clients.contacts_of(client_id):
        combo.addItem(f"{c.name}, {c.position}" if c.position else c.name, c.id)
    if contact_id is not None:
        combo.setCurrentIndex(max(combo.findData(contact_id), 0))
    elif combo.count() > 1:
        combo.setCurrentIndex(1)


class ClientPicker(QLineEdit):
    """Type a name or ИНН, pick a client from the completion list.

    Typing forgets the chosen client until another one is picked (`client_id()` is None
    meanwhile), so a half-typed name is never taken for a client.

    Signals:
        client_chosen(int): a client was picked (from the list or by `set_client`).
        client_cleared(): the text was edited, no client is chosen now.
    """

    client_chosen = Signal(int)
    client_cleared = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._client_id: int | None = None
        self._choices: list[ClientChoice] = []
        self.setPlaceholderText(translate("ClientPicker", "Начните вводить название или ИНН"))
        self.choices_model = QStringListModel(self)
        self._completer = QCompleter(self.choices_model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.activated.connect(self._on_completer_activated)
        self.setCompleter(self._completer)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.lookup)
        self.textEdited.connect(self._on_text_edited)

    def client_id(self) -> int | None:
        return self._client_id

    def set_client(self, client_id: int | None, name: str | None = None) -> None:
        """Show `client_id` as chosen (its name is read when not given); None clears."""
        if client_id is None:
            self._client_id = None
            self.clear()
            self.client_cleared.emit()
            return
        if name is None:
            name = self._services.deals.client_name(client_id)
        self._client_id = client_id
        self.setText(name)
        # QCompleter writes its own text (name and ИНН) into the edit after `activated`.
        QTimer.singleShot(0, self, lambda: self.setText(name)
                          if self._client_id == client_id else None)
        self.client_chosen.emit(client_id)

    def lookup(self) -> list[str]:
        """Fill the completion list from what is typed (and show it); returns its lines."""
        text = self.text().strip()
        self._choices = self._services.clients.lookup(text, 20) if text else []
        lines = [choice_text(c) for c in self._choices]
        self.choices_model.setStringList(lines)
        if self._choices and self.isVisible():
            self._completer.complete()
        return lines

    def choose(self, line: str) -> bool:
        """Pick the client shown as `line` in the completion list."""
        for c in self._choices:
            if choice_text(c) == line:
                self.set_client(c.id, c.name)
                return True
        return False

    def _on_completer_activated(self, line: str) -> None:
        self.choose(line)

    def _on_text_edited(self, _text: str) -> None:
        if self._client_id is not None:
            self._client_id = None
            self.client_cleared.emit()
        self._timer.start()
