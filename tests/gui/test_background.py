"""Background jobs never make a worker thread destroy GUI objects."""

from __future__ import annotations

import gc
import threading

from app.views import background
from app.views.background import Job, collect_garbage_on_gui_thread, start


class _Cycle:
    """A reference cycle that records the thread its finaliser ran on."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = collect_garbage_on_gui_thread()
    assert not gc.isenabled()
    seen: list[str] = []
    _Cycle(seen)  # garbage now, reachable only through its own cycle
    done: list[object] = []

    def allocate() -> int:  # far past gen-0's threshold: automatic GC would run right here
        junk = [[i] for i in range(50_000)]
        return len(junk)

    job = start(Job(allocate))
    job.signals.finished.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert seen == []  # the worker did not collect it
    collector.collect()
    gc.collect()
    assert seen == [threading.main_thread().name]


def test_finished_job_is_released_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    released: list[str] = []

    class Holder:
        def __del__(self) -> None:
            released.append(threading.current_thread().name)

    def work_holding(obj: Holder):  # type: ignore[no-untyped-def]
        return lambda: type(obj).__name__  # the work keeps a (widget-like) object alive

    job = Job(work_holding(Holder()))
    finished: list[object] = []
    job.signals.finished.connect(finished.append)
    start(job)
    del job
    qtbot.waitUntil(lambda: bool(finished) and not background._running, timeout=10_000)
    assert finished == ["Holder"]
    assert released == [threading.main_thread().name]
