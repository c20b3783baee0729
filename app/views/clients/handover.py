"""The client hand-over summary from the card: built off the GUI thread, shown in the preview."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.bootstrap import Services
from app.i18n import translate


def show_handover(parent: QWidget, services: Services, client_id: int,
                  client_name: str = "") -> None:
    from app.views.documents.actions import preview_built_pdf
    from app.views.documents.preview import safe_filename

    title = translate("Clients", "Передача клиента {name}").format(name=client_name).strip()
    docs = services.documents
    preview_built_pdf(parent, lambda: docs.client_handover_pdf(client_id), title=title,
                      filename=safe_filename(title, ""),
                      label=translate("Clients", "Готовим сводку по клиенту…"))
