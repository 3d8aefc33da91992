"""The worker pool: results, errors, progress and cancellation arrive on the GUI thread."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from cancelapp.ui.workers import Lane, TaskControl, WorkerPool


@pytest.fixture(params=[False, True], ids=["threaded", "synchronous"])
def pool(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[WorkerPool]:
    workers = WorkerPool(synchronous=request.param)
    yield workers
    assert workers.shutdown()


def _thread_name() -> str:
    return threading.current_thread().name


def test_result_arrives_on_gui_thread(pool: WorkerPool, qtbot: QtBot) -> None:
    gui_thread = QThread.currentThread()
    seen: list[bool] = []
    task = pool.run(_thread_name)
    task.succeeded.connect(lambda _r: seen.append(QThread.currentThread() is gui_thread))
    with qtbot.waitSignal(task.succeeded) as blocker:
        pass
    ran_on = blocker.args[0]
    assert (ran_on == threading.main_thread().name) is pool.synchronous
    assert seen == [True]


def test_error_is_reported_not_raised(pool: WorkerPool, qtbot: QtBot) -> None:
    def boom() -> None:
        raise ValueError("no such order")

    task = pool.run(boom)
    with qtbot.waitSignal(task.failed) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    assert str(blocker.args[0]) == "no such order"


def test_progress_then_result_in_order(pool: WorkerPool, qtbot: QtBot) -> None:
    def count(control: TaskControl, n: int) -> int:
        for i in range(n):
            control.progress(i + 1, n, "counting")
        return n

    events: list[object] = []
    task = pool.run_cancellable_on(Lane.NETWORK, count, 3)
    task.progressed.connect(lambda done, total, text: events.append((done, total, text)))
    task.succeeded.connect(events.append)
    with qtbot.waitSignal(task.finished):
        pass
    assert events == [(1, 3, "counting"), (2, 3, "counting"), (3, 3, "counting"), 3]


def test_cancel_stops_a_running_task(qtbot: QtBot) -> None:
    pool = WorkerPool()
    started = threading.Event()

    def wait_for_cancel(control: TaskControl) -> str:
        started.set()
        control.cancel_event.wait(10)
        control.raise_if_cancelled()
        return "ran to the end"

    task = pool.run_cancellable(wait_for_cancel)
    results: list[object] = []
    task.succeeded.connect(results.append)
    assert started.wait(10)
    with qtbot.waitSignal(task.cancelled):
        task.cancel()
    assert results == []
    assert pool.shutdown()


def test_database_write_lane_runs_one_at_a_time(qtbot: QtBot) -> None:
    pool = WorkerPool()
    inside = 0
    most = 0
    lock = threading.Lock()

    def write() -> None:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        for _ in range(20_000):
            pass
        with lock:
            inside -= 1

    finished: list[None] = []
    for _ in range(6):
        pool.run_on(Lane.DATABASE_WRITE, write).finished.connect(lambda: finished.append(None))
    qtbot.waitUntil(lambda: len(finished) == 6, timeout=10_000)
    assert most == 1
    assert pool.active_count == 0
    assert pool.shutdown()


@dataclass
class Holder:
    pool: WorkerPool


def _takes(value: object) -> object:
    return value


def test_a_worker_is_never_handed_a_qobject(qtbot: QtBot) -> None:
    """Widgets are read on the GUI thread; a worker that gets one may find it deleted."""
    pool = WorkerPool()
    widget = QObject()
    text = "Already packed"
    holder = Holder(pool)
    refused: list[object] = [
        lambda: pool.run(_takes, widget),  # an argument
        lambda: pool.run_on(Lane.NETWORK, _takes, value=widget),  # a keyword argument
        lambda: pool.run(widget.objectName),  # a method of one
        lambda: pool.run(functools.partial(_takes, widget)),
        lambda: pool.run(lambda: _takes(widget.objectName())),  # captured by a lambda
        lambda: pool.run_cancellable(lambda _control: widget.objectName()),
        lambda: pool.run(_takes, holder),  # a value holding one (the app's context)
        lambda: pool.run(lambda: _takes(holder)),
    ]
    for start in refused:
        with pytest.raises(TypeError, match="plain data"):
            start()  # type: ignore[operator]
    assert pool.active_count == 0
    with qtbot.waitSignal(pool.run(lambda: _takes(text)).succeeded) as done:
        pass
    assert done.args == [text]
    assert pool.shutdown()
