"""Every question the app asks the user lives here, so tests can replace these functions."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.i18n import translate


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or translate("Dialogs", "Ошибка"), text)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or translate("Dialogs", "SalesDesk"), text)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


# --- deals (the questions themselves live in app/views/deals/move_dialogs.py) -------------
def ask_lost_reason(parent: QWidget | None, deal_title: str, reasons: list[str],
                    competitors: list[str]):  # type: ignore[no-untyped-def]
    """→ LostAnswer(reason, comment, competitor) or None when the user cancels."""
    from app.views.deals.move_dialogs import ask_lost_reason as ask

    return ask(parent, deal_title, reasons, competitors)


def ask_won_details(parent: QWidget | None, deal_title: str, amount, today):  # type: ignore[no-untyped-def]
    """→ WonAnswer(closed_on, amount) or None when the user cancels."""
    from app.views.deals.move_dialogs import ask_won_details as ask

    return ask(parent, deal_title, amount, today)


def ask_deal_activity(parent: QWidget | None, deal_title: str):  # type: ignore[no-untyped-def]
    """→ ActivityAnswer(kind, subject, due_at, place) or None when the user cancels."""
    from app.views.deals.move_dialogs import ask_activity as ask

    return ask(parent, deal_title)


# --- documents (the questions themselves live in app/views/documents/) --------------------
def ask_print(parent: QWidget | None, printer) -> bool:  # type: ignore[no-untyped-def]
    """Show QPrintDialog for the printer; True if the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_offer_options(parent: QWidget | None, templates: list[tuple[str, str]], current: str,
                      intro_for, validity_days: int = 14):  # type: ignore[no-untyped-def]
    """→ OfferAnswer(template, intro, validity_days) or None; intro_for(template) gives the
    default text."""
    from app.views.documents.offer_dialog import ask_offer_options as ask

    return ask(parent, templates, current, intro_for, validity_days)


# --- clients (the question itself lives in app/views/clients/duplicates.py) -----------------
def ask_client_duplicates(parent: QWidget | None, matches):  # type: ignore[no-untyped-def]
    """→ "create" (save anyway), a client id as text (open it instead) or None (go back)."""
    from app.views.clients.duplicates import ask_duplicates

    return ask_duplicates(parent, matches)


def ask_report_options(parent: QWidget | None, today):  # type: ignore[no-untyped-def]
    """→ ReportAnswer(kind, period) or None when the user cancels."""
    from app.views.documents.report_dialog import ask_report_options as ask

    return ask(parent, today)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user (None when cancelled or left empty)."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = value.strip()
    return value if ok and value else None
