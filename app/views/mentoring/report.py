"""The trainee progress report from the tab: built off the GUI thread, then shown in the
app's PDF preview (print, save, e-mail from there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError
from app.views import dialogs


def build_report(services: Services, trainee_id: int) -> bytes:
    from app.services.documents.trainee_report import build_trainee_report

    return build_trainee_report(services, trainee_id)


def open_trainee_report(parent: QWidget, services: Services, trainee_id: int,
                        trainee_name: str = "") -> None:
    title = translate("Mentoring", "Отчёт о стажёре {name}").format(name=trainee_name).strip()
    try:
        from app.views.documents.preview import safe_filename, show_pdf
        from app.views.documents.worker import run_pdf_job
    except ImportError:  # no preview in this build: save the file where the user says
        _save(parent, services, trainee_id, title)
        return

    def done(data: bytes) -> None:
        show_pdf(parent.window(), data, title=title, filename=safe_filename(title, ""))

    run_pdf_job(parent, lambda: build_report(services, trainee_id), done,
                lambda message: dialogs.show_error(parent, message),
                label=translate("Mentoring", "Готовим отчёт о стажёре…"))


def _save(parent: QWidget, services: Services, trainee_id: int, title: str) -> None:
    path = dialogs.ask_save_path(parent, title, f"{title}.pdf", "PDF (*.pdf)")
    if not path:
        return
    try:
        Path(path).write_bytes(build_report(services, trainee_id))
    except (ServiceError, OSError) as exc:
        dialogs.show_error(parent, str(exc))
