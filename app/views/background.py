"""Slow work (PDF, import, export, big reports) on Qt's thread pool — the one way to do it.

`Job` runs a plain function off the GUI thread and reports through signals, which Qt
delivers on the GUI thread; only the GUI thread touches widgets. `run_with_progress` adds a
modal busy indicator that appears only when the work takes longer than a moment.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a
threshold is crossed. Left alone, a worker building a PDF would sometimes collect a closed
dialog's reference cycle and run its C++ destructor off the GUI thread, which crashes Qt
(a segfault seen in CI). `GuiThreadGarbageCollector` turns automatic collection off and
collects from a GUI-thread timer instead, generation by generation as the thresholds say —
the scheme pyqtgraph ships as `util.garbage_collector`, written out here because importing
pyqtgraph at start-up costs a third of a second.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
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
        super().__init__()  # auto-deleted by the pool after run(); `start` keeps the wrapper
        self._work: Callable[[], Any] | None = work
        # Parented to the application, so whichever thread drops the last Python reference
        # never deletes the C++ object: `start` deletes it on the GUI thread (deleteLater).
        self.signals = _JobSignals(QCoreApplication.instance())

    def run(self) -> None:
        from app.services.errors import ServiceError

        assert self._work is not None, "a Job runs once"
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


_running: dict[int, Job] = {}
R = TypeVar("R")


def start(job: Job) -> Job:
    """Start `job`, keeping it alive until it reports.

    Once it has reported, the job is released on the GUI thread (queued connections): its
    work function — which often holds a widget — and its signals object are dropped there,
    never by the worker. The release callbacks hold the job's key, not the job: PySide keeps
    connected callables where the garbage collector cannot see them, so a callback holding
    its own job would keep it (and all it references) forever.
    """
    key = id(job)
    _running[key] = job
    job.signals.finished.connect(lambda _result: _release(key),
                                 Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(lambda _message: _release(key),
                               Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job


def _release(key: int) -> None:
    job = _running.pop(key, None)
    if job is not None:
        job._work = None
        job.signals.deleteLater()


def run_with_progress(parent: QWidget | None, work: Callable[[], R],
                      on_done: Callable[[R], None], on_error: Callable[[str], None], *,
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

    def done(result: R) -> None:  # what work() returned (the signal carries an object)
        finish()
        on_done(result)

    def failed(message: str) -> None:
        finish()
        on_error(message)

    job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    return start(job)


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until running jobs are done (tests, closing the window)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class GuiThreadGarbageCollector(QObject):
    """Cyclic garbage collection only on the GUI thread (see the module docstring)."""

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> int:
        """Collect the generations whose allocation counts passed their thresholds."""
        found = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            found += gc.collect(generation)
        return found


_collector: GuiThreadGarbageCollector | None = None


def collect_garbage_on_gui_thread() -> GuiThreadGarbageCollector:
    """Install the collector once; call from the GUI thread after QApplication exists."""
    global _collector
    if _collector is None:
        _collector = GuiThreadGarbageCollector()
    return _collector
