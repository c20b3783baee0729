"""Slow client work (import, export) on the thread pool; results come back as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import translate
from app.services.errors import ServiceError


class _JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs `work()` off the GUI thread.

    Signals (on `self.signals`):
        finished(object): what `work()` returned.
        failed(str): a readable message (known errors) or the bug's description.
    """

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = _JobSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._work()
        except (ServiceError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: report it instead of killing the worker thread
            self.signals.failed.emit(translate("Clients", "Внутренняя ошибка: {k}: {e}")
                                     .format(k=type(exc).__name__, e=exc))
        else:
            self.signals.finished.emit(result)


_running: set[Job] = set()


def start(job: Job) -> Job:
    _running.add(job)
    job.signals.finished.connect(lambda _r: _running.discard(job))
    job.signals.failed.connect(lambda _m: _running.discard(job))
    QThreadPool.globalInstance().start(job)
    return job


def run_with_progress(parent: QWidget | None, work: Callable[[], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[str], None], *,
                      label: str) -> Job:
    """Start `work` with a modal busy indicator; the callbacks run on the GUI thread."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle(translate("Clients", "Клиенты"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    job = Job(work)

    def finish() -> None:
        progress.reset()
        progress.deleteLater()

    job.signals.finished.connect(lambda result: (finish(), on_done(result)),
                                 Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(lambda message: (finish(), on_error(message)),
                               Qt.ConnectionType.QueuedConnection)
    return start(job)
