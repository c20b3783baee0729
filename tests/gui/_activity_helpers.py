"""Helpers of the activity dialog tests: hand-made data, driving a modal dialog like a user."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QRadioButton, QWidget

from app.bootstrap import Services
from app.services.clients import ClientDraft, ContactDraft
from app.services.deals import DealInput

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)


def make_client(services: Services, name: str = "ООО «Ромашка»") -> tuple[int, int, int]:
    """A client with two contacts (the first primary); → (client, first, second contact)."""
    card = services.clients.create(ClientDraft(name=name, phone="+7 495 123-45-67",
                                               email="info@romashka.example", contacts=(
        ContactDraft(name="Анна Петрова", position="Закупки", phone="+7 916 111-22-33",
                     email="anna@romashka.example", is_primary=True),
        ContactDraft(name="Борис Сидоров", position="Директор", phone="+7 916 444-55-66"))))
    contacts = {c.name: c.id for c in services.clients.contacts_of(card.id)}
    return card.id, contacts["Анна Петрова"], contacts["Борис Сидоров"]


def make_deal(services: Services, client_id: int, contact_id: int | None = None,
              title: str = "Поставка весов") -> int:
    return services.deals.save_deal(DealInput(
        client_id=client_id, contact_id=contact_id, title=title,
        manual_amount=Decimal("150000"))).deal_id


def show_active(qtbot, widget: W) -> W:  # type: ignore[no-untyped-def]
    """Show `widget` as the active window (keys and shortcuts go there), closed after the test."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def window_over(qtbot, services: Services):  # type: ignore[no-untyped-def]
    """The main window over `services`, active, its shortcuts bound (Правка → Отменить is
    Ctrl+Z from any tab)."""
    from PySide6.QtCore import QSettings

    from app.views.main_window import MainWindow

    window = show_active(qtbot, MainWindow(services=services, settings=QSettings()))
    qtbot.waitUntil(lambda: not window.undo_action.shortcut().isEmpty())
    return window


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A click on a button; a radio button or check box is clicked on its indicator (the
    middle of a wide one is beside its text)."""
    if isinstance(widget, QRadioButton | QCheckBox):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


class ModalDriver:
    """Acts on the next modal dialog of a class once its `exec()` is running.

    `action(dialog)` must close the dialog (save, cancel); if it raises, the dialog is closed
    without saving so the test does not hang, and `check()` raises the error afterwards.
    """

    def __init__(self) -> None:
        self.seen: list[QDialog] = []
        self.error: BaseException | None = None

    def on_next(self, cls: type[D], action: Callable[[D], None]) -> None:
        def attempt() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, cls) or not dialog.isVisible():
                QTimer.singleShot(0, attempt)
                return
            if not dialog.isActiveWindow():  # keys and shortcuts go to the active window
                dialog.activateWindow()
                QTimer.singleShot(0, attempt)
                return
            self.seen.append(dialog)
            try:
                action(dialog)
            except BaseException as exc:
                self.error = exc
                close = getattr(dialog, "close_discarding", None)
                close() if close is not None else dialog.reject()
        QTimer.singleShot(0, attempt)

    def check(self) -> None:
        if self.error is not None:
            raise self.error
