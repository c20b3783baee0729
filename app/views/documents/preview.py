"""The in-app PDF preview: view, print, save, open in the system viewer, send by e-mail."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, QUrlQuery
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QVBoxLayout, QWidget

from app.i18n import translate
from app.views import dialogs
from app.views.documents.pdf_pages import PdfDocument, PdfPagesView, ZoomMode, render_to_printer
from app.views.geometry import FittedDialog, default_size

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_filename(name: str, suffix: str = ".pdf") -> str:
    stem = _UNSAFE.sub("_", name).strip(" .") or "document"
    return stem[:120] + suffix


def open_external(path: Path) -> bool:
    """Open a file with its default application (tests replace this)."""
    return open_url(QUrl.fromLocalFile(str(path)))


def open_url(url: QUrl) -> bool:
    """Hand a URL to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)


_private_dir: Path | None = None


def _temp_dir() -> Path:
    """This process's own folder for files handed to other programs (a viewer, a mail
    client): made by `mkdtemp` (mode 0700, a fresh name), so no other local user can plant a
    file or a link where the preview writes."""
    global _private_dir
    if _private_dir is None or not _private_dir.is_dir():
        _private_dir = Path(tempfile.mkdtemp(prefix="salesdesk-documents-"))
    return _private_dir


class PdfPreviewDialog(FittedDialog):
    """Shows PDF bytes; the toolbar prints, saves, opens externally and drafts an e-mail."""

    def __init__(self, pdf: bytes, *, title: str, filename: str, email_to: str = "",
                 email_subject: str = "", email_body: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.filename = safe_filename(filename.removesuffix(".pdf"))
        self._email_to = email_to
        self._email_subject = email_subject or title
        self._email_body = email_body
        self.document = PdfDocument(pdf)
        self.view = PdfPagesView(self.document, self)

        bar = QToolBar(self)
        self.print_action = QAction(translate("Preview", "Печать…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_document)
        self.save_action = QAction(translate("Preview", "Сохранить как…"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_action.triggered.connect(self.save_as)
        self.open_action = QAction(translate("Preview", "Открыть в программе просмотра"), self)
        self.open_action.triggered.connect(self.open_in_viewer)
        self.email_action = QAction(translate("Preview", "Отправить по почте"), self)
        self.email_action.triggered.connect(self.send_by_email)
        for action in (self.print_action, self.save_action, self.open_action,
                       self.email_action):
            bar.addAction(action)
        bar.addSeparator()
        self.fit_action = QAction(translate("Preview", "По ширине"), self)
        self.fit_action.setCheckable(True)
        self.fit_action.setChecked(True)
        self.fit_action.toggled.connect(self._on_fit_action_toggled)
        bar.addAction(self.fit_action)
        self.pages_label = QLabel(translate("Preview", "Страниц: {n}").format(
            n=self.document.page_count()))
        bar.addWidget(self.pages_label)
        for action in (self.print_action, self.save_action, self.open_action,
                       self.email_action, self.fit_action):
            # a toolbar's buttons take no focus: without this Tab never reached them, and
            # «Открыть», «Отправить», «По ширине» have no key of their own
            button = bar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.resize(default_size(self, QSize(860, 980)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        super().closeEvent(event)

    def _on_fit_action_toggled(self, checked: bool) -> None:
        self.view.set_zoom_mode(ZoomMode.FIT_WIDTH if checked else ZoomMode.FIT_PAGE)

    # --- actions ------------------------------------------------------------------------

    def print_document(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if not dialogs.ask_print(self, printer):
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return render_to_printer(self.document, printer)
        finally:
            QApplication.restoreOverrideCursor()

    def save_as(self) -> Path | None:
        path = dialogs.ask_save_path(self, translate("Preview", "Сохранить PDF"), self.filename,
                                     translate("Preview", "Документы PDF (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            dialogs.show_error(self, translate("Preview", "Файл не сохранён: {e}").format(
                e=exc.strerror or exc))
            return None
        return target

    def _write_temp(self, name: str, data: bytes) -> Path | None:
        try:
            path = _temp_dir() / name
            path.write_bytes(data)
            return path
        except OSError as exc:
            dialogs.show_error(self, str(exc))
            return None

    def open_in_viewer(self) -> Path | None:
        path = self._write_temp(self.filename, self.pdf)
        if path is not None and not open_external(path):
            dialogs.show_error(self, translate(
                "Preview", "Не найдена программа для просмотра PDF. Файл: {p}").format(p=path))
        return path

    def send_by_email(self) -> Path | None:
        from app.services.documents.email_draft import eml_draft

        body = self._email_body or translate(
            "Preview", "Добрый день!\n\nНаправляем документ во вложении.\n")
        data = eml_draft(self.pdf, filename=self.filename, subject=self._email_subject,
                         body=body, to=self._email_to)
        path = self._write_temp(safe_filename(self.filename.removesuffix(".pdf"), ".eml"), data)
        if path is None or open_external(path):
            return path
        # no program for .eml: a mailto: link cannot attach, so the PDF waits beside it
        pdf_path = self._write_temp(self.filename, self.pdf)
        query = QUrlQuery()
        query.addQueryItem("subject", self._email_subject)
        query.addQueryItem("body", body + translate(
            "Preview", "\n(вложите файл {p})").format(p=pdf_path))
        url = QUrl(f"mailto:{self._email_to}")
        url.setQuery(query)
        if not open_url(url):
            dialogs.show_error(self, translate(
                "Preview", "Не найдена почтовая программа. Черновик письма сохранён: {p}")
                .format(p=path))
        else:
            dialogs.show_info(self, translate(
                "Preview", "Почтовая программа не умеет открывать черновики с вложением: "
                           "приложите к письму файл {p}").format(p=pdf_path))
        return path


def show_pdf(parent: QWidget | None, pdf: bytes, *, title: str, filename: str,
             email_to: str = "", email_subject: str = "") -> PdfPreviewDialog:
    """Open the preview non-modally (it stays open beside the main window)."""
    dialog = PdfPreviewDialog(pdf, title=title, filename=filename, email_to=email_to,
                              email_subject=email_subject, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
