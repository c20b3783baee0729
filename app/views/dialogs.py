"""Every question the app asks the user lives here, so tests can replace these functions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from app.i18n import translate

if TYPE_CHECKING:  # the dialogs themselves are imported when first asked (start-up time)
    from PySide6.QtPrintSupport import QPrinter

    from app.services.clients import DuplicateMatch
    from app.services.documents import ProtocolDefaults
    from app.views.deals.move_dialogs import LostAnswer, WonAnswer
    from app.views.documents.offer_dialog import OfferAnswer
    from app.views.documents.protocol_dialog import ProtocolAnswer
    from app.views.documents.report_dialog import ReportAnswer


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


SaveAnswer = Literal["save", "discard", "cancel"]


def ask_save_changes(parent: QWidget | None, subject: str = "") -> SaveAnswer:
    """«Сохранить изменения?» with Сохранить / Не сохранять / Отмена (Esc is Отмена).

    → "save", "discard" or "cancel"; `subject` (the editor's title) heads the box.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(subject or translate("Dialogs", "SalesDesk"))
    box.setText(translate("Dialogs", "Сохранить изменения?"))
    box.setInformativeText(translate("Dialogs", "Если не сохранить, введённое будет потеряно."))
    save = QPushButton(translate("Dialogs", "Сохранить"))
    save.setObjectName("primary")  # before it is added: adding polishes it (the style sheet)
    box.addButton(save, QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Dialogs", "Не сохранять"),
                            QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(translate("Dialogs", "Отмена"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    return "discard" if clicked is discard else "cancel"


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or translate("Dialogs", "Ошибка"), text)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or translate("Dialogs", "SalesDesk"), text)


LAST_FOLDER_KEY = "dialogs/last_folder"


def start_folder() -> Path:
    """Where a file dialog opens: the folder the user last saved to or opened from (if it
    is still there), else the user's Documents folder — never the program's own folder."""
    last = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
    if last and Path(last).is_dir():
        return Path(last)
    from platformdirs import user_documents_path

    return user_documents_path()


def _remember(path: str) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """A path to save to; a bare `suggested` name is offered in `start_folder()`."""
    if Path(suggested).parent == Path():
        suggested = str(start_folder() / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if path:
        _remember(path)
    return path or None


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        _remember(path)
    return path or None


def ask_open_paths(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Several files to open (e.g. a presentation's materials); [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if paths:
        _remember(paths[0])
    return list(paths)


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if path:
        QSettings().setValue(LAST_FOLDER_KEY, path)
    return path or None


# --- deals (the questions themselves live in app/views/deals/move_dialogs.py) -------------
def ask_lost_reason(parent: QWidget | None, deal_title: str, reasons: list[str],
                    competitors: list[str]) -> LostAnswer | None:
    """→ LostAnswer(reason, comment, competitor) or None when the user cancels."""
    from app.views.deals.move_dialogs import ask_lost_reason as ask

    return ask(parent, deal_title, reasons, competitors)


def ask_won_details(parent: QWidget | None, deal_title: str, amount: Decimal,
                    today: date) -> WonAnswer | None:
    """→ WonAnswer(closed_on, amount, follow_up) or None when the user cancels."""
    from app.views.deals.move_dialogs import ask_won_details as ask

    return ask(parent, deal_title, amount, today)


# --- documents (the questions themselves live in app/views/documents/) --------------------
def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """Show QPrintDialog for the printer; True if the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_offer_options(parent: QWidget | None, templates: list[tuple[str, str]], current: str,
                      intro_for: Callable[[str], str], validity_days: int = 14, *,
                      subject: str = "",
                      vat_notice_for: Callable[[int], str] | None = None,
                      glyph_notice_for: Callable[[str], str] | None = None) -> OfferAnswer | None:
    """→ OfferAnswer(template, intro, validity_days, subject) or None; intro_for(template)
    gives the default text, vat_notice_for(days) the VAT-change warning of that validity,
    glyph_notice_for(typed text) the warning about characters the PDF cannot print."""
    from app.views.documents.offer_dialog import ask_offer_options as ask

    return ask(parent, templates, current, intro_for, validity_days, subject=subject,
               vat_notice_for=vat_notice_for, glyph_notice_for=glyph_notice_for)


def ask_protocol_options(parent: QWidget | None,
                         defaults: ProtocolDefaults) -> ProtocolAnswer | None:
    """→ ProtocolAnswer(on, place, contact_ids, our_participants) or None; `defaults` (from
    DocumentService.protocol_defaults) fills the form."""
    from app.views.documents.protocol_dialog import ask_protocol_options as ask

    return ask(parent, defaults)


# --- clients (the question itself lives in app/views/clients/duplicates.py) -----------------
def ask_client_duplicates(parent: QWidget | None, matches: list[DuplicateMatch]) -> str | None:
    """→ "create" (save anyway), a client id as text (open it instead) or None (go back)."""
    from app.views.clients.duplicates import ask_duplicates

    return ask_duplicates(parent, matches)


def ask_report_options(parent: QWidget | None, today: date,
                       kind: str | None = None) -> ReportAnswer | None:
    """→ ReportAnswer(kind, period) or None when the user cancels (`kind` preselected)."""
    from app.views.documents.report_dialog import ask_report_options as ask

    return ask(parent, today, kind)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user (None when cancelled or left empty)."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = value.strip()
    return value if ok and value else None


def ask_date(parent: QWidget | None, title: str, initial: date) -> date | None:
    """A day picked on a calendar (None when cancelled); `initial` is shown first."""
    from PySide6.QtWidgets import QCalendarWidget, QDialog, QVBoxLayout

    from app.views.forms import dialog_buttons, to_date, to_qdate

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    calendar = QCalendarWidget()
    calendar.setGridVisible(True)
    calendar.setSelectedDate(to_qdate(initial))
    calendar.activated.connect(lambda _day: dialog.accept())  # a double-click or Enter on a day
    layout.addWidget(calendar)
    layout.addWidget(dialog_buttons(dialog, translate("Dialogs", "Выбрать")))
    if not dialog.exec():
        return None
    return to_date(calendar.selectedDate())
