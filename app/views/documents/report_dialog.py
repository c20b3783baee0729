"""Meeting reports from the window: choose the report and the period, then preview it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.views import dialogs
from app.views.forms import dialog_buttons, form_layout
from app.views.geometry import FittedDialog

if TYPE_CHECKING:
    from app.bootstrap import Services
    from app.views.background import Job


@dataclass(frozen=True)
class ReportAnswer:
    kind: str
    period: str


def report_kinds() -> list[tuple[str, str]]:
    return [("meeting-pack", translate("ReportDialog", "Материалы к совещанию (план, воронка, "
                                                       "долги)")),
            ("plan", translate("ReportDialog", "Выполнение плана")),
            ("pipeline", translate("ReportDialog", "Воронка продаж")),
            ("clients", translate("ReportDialog", "Клиентская база")),
            ("market", translate("ReportDialog", "Рынок и конкуренты")),
            ("losses", translate("ReportDialog", "Потери и рекламации")),
            ("campaigns", translate("ReportDialog", "Кампании и каналы"))]


def period_choices(today: date) -> list[tuple[str, str]]:
    """Current and previous month, current and previous quarter, this and last year."""
    from app.services.plan import parse_period

    q = (today.month - 1) // 3 + 1
    prev_month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    prev_q = (today.year, q - 1) if q > 1 else (today.year - 1, 4)
    keys = [f"{today.year}-{today.month:02d}", f"{prev_month[0]}-{prev_month[1]:02d}",
            f"{today.year}-Q{q}", f"{prev_q[0]}-Q{prev_q[1]}", str(today.year),
            str(today.year - 1)]
    return [(k, parse_period(k).label.capitalize()) for k in keys]


class ReportOptionsDialog(FittedDialog):
    def __init__(self, today: date, parent: QWidget | None = None, *,
                 kind: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportDialog", "Отчёт для совещания"))
        self.kind = QComboBox()
        for key, label in report_kinds():
            self.kind.addItem(label, key)
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.period = QComboBox()
        for key, label in period_choices(today):
            self.period.addItem(label, key)
        form = form_layout()
        form.addRow(translate("ReportDialog", "Отчёт"), self.kind)
        form.addRow(translate("ReportDialog", "Период"), self.period)
        hint = QLabel(translate("ReportDialog", "Отчёт откроется в окне просмотра: оттуда его "
                                                "можно напечатать, сохранить или отправить."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        buttons = dialog_buttons(self, translate("ReportDialog", "Сформировать"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def answer(self) -> ReportAnswer:
        return ReportAnswer(kind=self.kind.currentData(), period=self.period.currentData())


def ask_report_options(parent: QWidget | None, today: date,
                       kind: str | None = None) -> ReportAnswer | None:
    dialog = ReportOptionsDialog(today, parent, kind=kind)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


def open_report(parent: QWidget, services: Services, *, today: date | None = None,
                kind: str | None = None) -> Job | None:
    """Ask which report (`kind` preselected), build it on the thread pool, show it in the
    preview."""
    from app.views.documents.actions import preview_built_pdf

    today = today or date.today()
    answer = dialogs.ask_report_options(parent, today, kind)
    if answer is None:
        return None
    labels = dict(report_kinds())
    periods = dict(period_choices(today))
    title = f"{labels[answer.kind].split(' (')[0]} · {periods.get(answer.period, answer.period)}"
    docs = services.documents

    return preview_built_pdf(
        parent, lambda: docs.report_pdf(answer.kind, answer.period, today=today),
        title=title, filename=f"{answer.kind}-{answer.period}")
