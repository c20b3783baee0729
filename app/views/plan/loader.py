"""Fetching a Plan tab section on the thread pool; the result comes back as a signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.i18n import translate
from app.services.errors import ServiceError
from app.views.plan.data import PlanTabData, load_section


class _SectionSignals(QObject):
    finished = Signal(object, str, object)  # the tab's data it was started for, section, result
    failed = Signal(object, str, str)  # data, section, readable message


class SectionJob(QRunnable):
    """Loads one section into a fresh `PlanTabData` for the same query, off the GUI thread.

    Signals (on `self.signals`):
        finished(object, str, object): (the data it was started for, section, loaded data).
        failed(object, str, str): (the data it was started for, section, message).
    """

    def __init__(self, services: Any, data: PlanTabData, section: str) -> None:
        super().__init__()
        self._services = services
        self._data = data
        self._section = section
        self.signals = _SectionSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        result = PlanTabData(self._data.query)
        try:
            load_section(self._services, result, self._section)
        except ServiceError as exc:
            self.signals.failed.emit(self._data, self._section, str(exc))
        except Exception as exc:  # a bug: say so instead of killing the worker thread
            self.signals.failed.emit(self._data, self._section, translate(
                "PlanTab", "Внутренняя ошибка: {k}: {e}").format(k=type(exc).__name__, e=exc))
        else:
            self.signals.finished.emit(self._data, self._section, result)


_running: set[SectionJob] = set()


def start(job: SectionJob) -> None:
    """Keep the job alive until it reports, then let it go."""
    _running.add(job)
    job.signals.finished.connect(lambda *_a: _running.discard(job))
    job.signals.failed.connect(lambda *_a: _running.discard(job))
    QThreadPool.globalInstance().start(job)


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until the running section jobs are done (tests, closing)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
