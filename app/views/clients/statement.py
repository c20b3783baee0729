"""«Акт сверки…» from the client card: the period asked, the PDF built off the GUI thread and
shown in the preview (save, print, open, e-mail there, as every document)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDateEdit, QVBoxLayout, QWidget

from app.domain.dates import short_date
from app.i18n import translate
from app.views.background import Job
from app.views.forms import FieldErrors, dialog_buttons, form_layout, to_date, to_qdate
from app.views.geometry import FittedDialog

if TYPE_CHECKING:
    from app.bootstrap import Services


def default_statement_period(today: date) -> tuple[date, date]:
    """From the start of the year to today (the usual reconciliation at a year's end)."""
    return date(today.year, 1, 1), today


class StatementPeriodDialog(FittedDialog):
    """The period of the statement; an end before the start is refused under the field."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClientStatement", "Акт сверки: период"))
        start, end = default_statement_period(today)
        self.start_edit = QDateEdit(to_qdate(start))
        self.end_edit = QDateEdit(to_qdate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.errors = FieldErrors()
        form = form_layout()
        self.errors.add_row(form, translate("ClientStatement", "С"), "start", self.start_edit)
        self.errors.add_row(form, translate("ClientStatement", "По"), "end", self.end_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, translate("ClientStatement", "Сформировать"),
                                        self._accept))

    def period(self) -> tuple[date, date]:
        return to_date(self.start_edit.date()), to_date(self.end_edit.date())

    def _accept(self) -> None:
        start, end = self.period()
        if end < start:
            self.errors.show({"end": translate("ClientStatement",
                                               "Конец периода раньше его начала")})
            return
        self.accept()


def ask_statement_period(parent: QWidget | None, today: date) -> tuple[date, date] | None:
    """The period picked (None when cancelled); tests replace it."""
    dialog = StatementPeriodDialog(today, parent)
    return dialog.period() if dialog.exec() else None


def show_statement(parent: QWidget, services: Services, client_id: int, client_name: str,
                   *, email: str = "", today: date | None = None) -> Job | None:
    """Ask the period, build the акт сверки and open it in the preview."""
    from app.views.documents.actions import preview_built_pdf
    from app.views.documents.preview import safe_filename

    period = ask_statement_period(parent, today or date.today())
    if period is None:
        return None
    start, end = period
    title = translate("ClientStatement", "Акт сверки {name} {start}–{end}").format(
        name=client_name, start=short_date(start), end=short_date(end)).strip()
    docs = services.documents
    return preview_built_pdf(parent, lambda: docs.statement_pdf(client_id, start, end),
                             title=title, filename=safe_filename(title, ""), email=email,
                             label=translate("ClientStatement", "Готовим акт сверки…"))
