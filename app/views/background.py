"""Slow work (PDF, import, export, big reports) on Qt's thread pool — the one way to do it.

`Job` runs a plain function off the GUI thread and reports through signals, which Qt
delivers on the GUI thread; only the GUI thread touches widgets. `run_with_progress` adds a
modal busy indicator that appears only when the work takes longer than a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import translate


class _JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs `work()` off the GUI thread.

    Signals (on `self.signals`):
        finished(object): what `work()` returned.
        failed(str): a readable message — the text of a known error (ServiceError, OSError)
            or a short description of a bug; the worker thread survives either way.
    """

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = _JobSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        from app.services.errors import ServiceError

        try:
            result = self._work()
        except (ServiceError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: report it instead of killing the worker thread
            self.signals.failed.emit(translate(
                "Background", "Внутренняя ошибка: {kind}: {error}").format(
                kind=type(exc).__name__, error=exc))
        else:
            self.signals.finished.emit(result)


_running: set[Job] = set()


def start(job: Job) -> Job:
    """Start `job`, keeping it alive until it reports."""
    _running.add(job)
    job.signals.finished.connect(lambda _result: _running.discard(job))
    job.signals.failed.connect(lambda _message: _running.discard(job))
    QThreadPool.globalInstance().start(job)
    return job


def run_with_progress(parent: QWidget | None, work: Callable[[], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[str], None], *,
                      label: str, title: str | None = None) -> Job:
    """Start `work` with a modal busy indicator; the callbacks run on the GUI thread."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle(title or "SalesDesk")
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


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until running jobs are done (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
