"""Building a PDF off the GUI thread, with a busy indicator while it runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import translate


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class PdfJob(QRunnable):
    """Runs `build() -> bytes` on the thread pool; results come back through signals.

    Signals (on `self.signals`):
        finished(bytes): the document.
        failed(str): a readable message (known errors) or the bug's description.
    """

    def __init__(self, build: Callable[[], bytes]) -> None:
        super().__init__()
        self._build = build
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        from app.services.errors import ServiceError

        try:
            data = self._build()
        except ServiceError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: report, do not kill the worker thread
            self.signals.failed.emit(translate(
                "Documents", "Не удалось построить документ: {kind}: {exc}").format(
                    kind=type(exc).__name__, exc=exc))
        else:
            self.signals.finished.emit(data)


_running: set[PdfJob] = set()


def run_pdf_job(parent: QWidget | None, build: Callable[[], bytes],
                on_done: Callable[[bytes], None], on_error: Callable[[str], None],
                *, label: str | None = None) -> PdfJob:
    """Start a job with a modal busy indicator; callbacks run on the GUI thread."""
    progress = QProgressDialog(label or translate("Documents", "Готовим документ…"), "", 0, 0,
                               parent)
    progress.setWindowTitle(translate("Documents", "Документ"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    job = PdfJob(build)
    _running.add(job)

    def finish() -> None:
        progress.reset()
        progress.deleteLater()
        _running.discard(job)

    def done(data: object) -> None:
        finish()
        on_done(data)  # type: ignore[arg-type]

    def failed(message: str) -> None:
        finish()
        on_error(message)

    job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job
