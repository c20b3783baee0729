"""The trainee progress report from the tab: built off the GUI thread, then shown in the
app's PDF preview (print, save, e-mail from there)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.i18n import translate


def open_trainee_report(parent: QWidget, services: Services, trainee_id: int,
                        trainee_name: str = "") -> None:
    from app.views.documents.actions import preview_built_pdf
    from app.views.documents.preview import safe_filename

    title = translate("Mentoring", "Отчёт о стажёре {name}").format(name=trainee_name).strip()
    docs = services.documents
    preview_built_pdf(parent, lambda: docs.trainee_report_pdf(trainee_id), title=title,
                      filename=safe_filename(title, ""),
                      label=translate("Mentoring", "Готовим отчёт о стажёре…"))
