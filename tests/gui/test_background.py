"""Background jobs never make a worker thread destroy GUI objects."""

from __future__ import annotations

import gc
import threading
import weakref

from app.views import background
from app.views.background import Job, collect_garbage_on_gui_thread, start


class _Cycle:
    """A reference cycle that records the thread its finaliser ran on."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def _allocate_past_gen0_threshold() -> list[list[int]]:
    """Far past gen-0's threshold: automatic collection would run in the allocating thread.

    Kept alive (returned), so gen 0 stays over its threshold until someone collects.
    """
    return [[i] for i in range(50_000)]


def _garbage_cycle(seen: list[str]) -> weakref.ref[_Cycle]:
    """A cycle that is garbage at once; the weak reference tells whether it was freed."""
    return weakref.ref(_Cycle(seen))


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = collect_garbage_on_gui_thread()
    assert not gc.isenabled()
    seen: list[str] = []
    cycle = _garbage_cycle(seen)
    job = Job(_allocate_past_gen0_threshold)
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as finished:
        start(job)
        # Block the GUI thread (no event loop, so the collector's timer cannot fire) until the
        # worker is done: whatever collection happened meanwhile happened in the worker.
        assert background.wait_for_all(10_000)
        assert cycle() is not None and seen == []  # the worker did not collect it
        assert collector.collect() > 0  # the worker's allocations put gen 0 over its threshold
        assert cycle() is None
        assert seen == [threading.main_thread().name]
    assert len(finished.args[0]) == 50_000


def test_the_collector_frees_what_automatic_collection_no_longer_does() -> None:
    collector = collect_garbage_on_gui_thread()
    seen: list[str] = []
    cycle = _garbage_cycle(seen)
    junk = _allocate_past_gen0_threshold()
    assert cycle() is not None  # automatic collection is off, on the GUI thread too
    assert collector.collect() > 0
    del junk
    assert cycle() is None and seen == [threading.main_thread().name]


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
