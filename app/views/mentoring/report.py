"""The trainee progress report from the tab: preview it if the app has a PDF preview,
otherwise save it where the user says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError
from app.views import dialogs


def open_trainee_report(parent: QWidget, services: Services, trainee_id: int) -> None:
    path = dialogs.ask_save_path(parent, translate("Mentoring", "Отчёт по стажёру"),
                                 f"trainee-{trainee_id}.pdf", "PDF (*.pdf)")
    if not path:
        return
    try:
        from app.services.documents.trainee_report import build_trainee_report

        Path(path).write_bytes(build_trainee_report(services, trainee_id))
    except (ServiceError, OSError) as exc:
        dialogs.show_error(parent, str(exc))
