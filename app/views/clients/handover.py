"""The client hand-over summary from the card: built off the GUI thread, shown in the preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.i18n import translate
from app.services.errors import ServiceError
from app.views import dialogs


def build_handover(services: Services, client_id: int) -> bytes:
    from app.services.documents.client_handover import build_client_handover

    return build_client_handover(services, client_id)


def show_handover(parent: QWidget, services: Services, client_id: int,
                  client_name: str = "") -> None:
    title = translate("Clients", "Передача клиента {name}").format(name=client_name).strip()
    try:
        from app.views.documents.preview import safe_filename, show_pdf
        from app.views.documents.worker import run_pdf_job
    except ImportError:  # no preview in this build: save the file where the user says
        _save(parent, services, client_id, title)
        return

    def done(data: bytes) -> None:
        show_pdf(parent.window(), data, title=title, filename=safe_filename(title, ""))

    run_pdf_job(parent, lambda: build_handover(services, client_id), done,
                lambda message: dialogs.show_error(parent, message),
                label=translate("Clients", "Готовим сводку по клиенту…"))


def _save(parent: QWidget, services: Services, client_id: int, title: str) -> None:
    path = dialogs.ask_save_path(parent, title, f"{title}.pdf", "PDF (*.pdf)")
    if not path:
        return
    try:
        Path(path).write_bytes(build_handover(services, client_id))
    except (ServiceError, OSError) as exc:
        dialogs.show_error(parent, str(exc))
