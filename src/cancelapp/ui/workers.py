"""The one worker primitive: run a plain function off the GUI thread, hear back through signals.

Picard's run-task contract, with Qt signals::

    task = context.workers.run(store.load_queue_rows, db_path, store_id)
    task.succeeded.connect(self._show_rows)     # result, on the GUI thread
    task.failed.connect(self.banner.show_error)  # the exception, on the GUI thread

Long work takes a `TaskControl` as its first argument (use `run_cancellable`): it reports
progress with `control.progress(done, total, text)` and stops early when `control.cancelled`
is set (`control.raise_if_cancelled()` ends it with `Cancelled`, reported as `cancelled`; so
is any exception raised once the task was cancelled, such as the Shopify client's own
`Cancelled` from a wait given `control.cancel_event`: the stop, not a failure)::

    def sync_orders(control: TaskControl, store_id: int) -> SyncResult: ...
    task = workers.run_cancellable_on(Lane.NETWORK, sync_orders, store_id)
    task.progressed.connect(status_bar.show_progress)  # (done, total, text)
    task.cancel()

Rules: functions get plain data (ids, paths, dataclasses), never widgets or models, and open
their own sqlite3 connection. A QObject among the arguments, bound to the function, or captured
by a lambda is refused with `TypeError` when the task is started: read widget values on the GUI
thread first (a dialog may be deleted before the worker runs). Writes to the database run on
`Lane.DATABASE_WRITE`, a lane of a single thread, so they never contend with each other.

Every signal is delivered on the GUI thread through a queued connection, so connecting right
after `run()` never misses one, and plain lambdas as slots are safe. `WorkerPool(synchronous=True)`
runs each function on the calling thread, in `run()`, for tests: results still arrive through
the event loop (`qtbot.waitSignal(task.finished)`), in the same order as in production.
The pool keeps each `Task` alive until it finishes; call `shutdown()` before dropping the pool.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class Cancelled(Exception):
    """Raised inside a task by `TaskControl.raise_if_cancelled`; reported as `Task.cancelled`."""


class Lane(Enum):
    GENERAL = "general"  # reads, parsing, evaluation
    NETWORK = "network"  # Shopify calls; the client paces itself
    DATABASE_WRITE = "database-write"  # one thread: writes never contend


class TaskControl:
    """Handed to a cancellable function: its cancel flag and its progress line to the GUI."""

    def __init__(self, relay: _Relay, task_id: int, cancel_event: threading.Event) -> None:
        self._relay = relay
        self._task_id = task_id
        self.cancel_event = cancel_event

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def raise_if_cancelled(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """`total` 0 means unknown (a busy indicator); `text` is for the merchant."""
        self._relay.posted.emit(self._task_id, _PROGRESS, (done, total, text))

    def found(self, request_ids: frozenset[int]) -> None:
        """Partial results (requests stored or judged so far), reported as `Task.found`."""
        self._relay.posted.emit(self._task_id, _FOUND, request_ids)


class Task(QObject):
    """One submitted function. Lives on the GUI thread; its signals fire there."""

    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    progressed = Signal(int, int, str)  # done, total (0: unknown), text
    found = Signal(object)  # a frozenset of request ids the task stored or judged so far
    finished = Signal()  # after exactly one of succeeded / failed / cancelled

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the function to stop; it ends as `cancelled` if it had not started or honours it."""
        self.cancel_event.set()


_RESULT, _ERROR, _CANCELLED, _PROGRESS, _FOUND = range(5)


class _Relay(QObject):
    """Carries reports from worker threads to the GUI thread.

    Workers only hold a task's id and cancel flag, never the `Task` itself, so a `Task` is
    created, used and destroyed on the GUI thread alone.
    """

    posted = Signal(int, int, object)  # task id, kind, payload

    def __init__(self, deliver: Callable[[int, int, object], None], parent: QObject) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self.posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, object)
    def _on_posted(self, task_id: int, kind: int, payload: object) -> None:
        self._deliver(task_id, kind, payload)


class _Runnable(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        task_id: int,
        name: str,
        cancel_event: threading.Event,
        call: Callable[[], object],
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._task_id = task_id
        self._name = name
        self._cancel_event = cancel_event
        self._call = call

    def run(self) -> None:
        post = self._relay.posted.emit
        if self._cancel_event.is_set():
            post(self._task_id, _CANCELLED, None)
            return
        try:
            result = self._call()
        except Cancelled:
            post(self._task_id, _CANCELLED, None)
        except Exception as exc:
            if self._cancel_event.is_set():  # what stopping raised (a wait for Shopify cut
                log.debug("task %s stopped: %r", self._name, exc)  # short): the stop itself
                post(self._task_id, _CANCELLED, None)
                return
            log.warning("task %s failed", self._name, exc_info=True)
            post(self._task_id, _ERROR, exc)
        else:
            post(self._task_id, _RESULT, result)


class WorkerPool(QObject):
    """Thread pools by lane, and the tasks still running (kept alive until they finish)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
        max_threads: int = 4,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pools: dict[Lane, QThreadPool] = {}
        for lane in Lane:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1 if lane is Lane.DATABASE_WRITE else max_threads)
            self._pools[lane] = pool
        self._relay = _Relay(self._deliver, self)
        self._active: dict[int, Task] = {}
        self._ids = itertools.count(1)

    def run(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Task:
        """Run `fn(*args, **kwargs)` on the general lane."""
        return self.run_on(Lane.GENERAL, fn, *args, **kwargs)

    def run_on(self, lane: Lane, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Task:
        """Run `fn(*args, **kwargs)` on `lane` (e.g. `Lane.DATABASE_WRITE` for writes)."""
        refuse_qobjects(fn, args, kwargs)
        task, task_id = self._new_task(getattr(fn, "__name__", type(fn).__name__))
        return self._launch(task, task_id, lane, lambda: fn(*args, **kwargs))

    def run_cancellable(
        self,
        fn: Callable[Concatenate[TaskControl, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Task:
        """Run `fn(control, *args, **kwargs)` on the general lane."""
        return self.run_cancellable_on(Lane.GENERAL, fn, *args, **kwargs)

    def run_cancellable_on(
        self,
        lane: Lane,
        fn: Callable[Concatenate[TaskControl, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Task:
        """Run `fn(control, *args, **kwargs)` on `lane`."""
        refuse_qobjects(fn, args, kwargs)
        task, task_id = self._new_task(getattr(fn, "__name__", type(fn).__name__))
        control = TaskControl(self._relay, task_id, task.cancel_event)
        return self._launch(task, task_id, lane, lambda: fn(control, *args, **kwargs))

    def _new_task(self, name: str) -> tuple[Task, int]:
        task_id = next(self._ids)
        task = Task(name)
        self._active[task_id] = task
        return task, task_id

    def _launch(self, task: Task, task_id: int, lane: Lane, call: Callable[[], object]) -> Task:
        runnable = _Runnable(self._relay, task_id, task.name, task.cancel_event, call)
        if self.synchronous:
            runnable.run()
        else:
            self._pools[lane].start(runnable)
        return task

    def _deliver(self, task_id: int, kind: int, payload: object) -> None:
        task = self._active.get(task_id)
        if task is None or task.done:
            return
        if kind == _PROGRESS:
            done, total, text = cast(tuple[int, int, str], payload)
            task.progressed.emit(done, total, text)
            return
        if kind == _FOUND:
            task.found.emit(payload)
            return
        del self._active[task_id]
        task.done = True
        if kind == _RESULT:
            task.succeeded.emit(payload)
        elif kind == _ERROR:
            task.failed.emit(payload)
        else:
            task.cancelled.emit()
        task.finished.emit()

    @property
    def active_count(self) -> int:
        return len(self._active)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel every task and wait for the threads; False if some were still busy.

        Reports still on their way are dropped: their receivers may be gone already."""
        for task in self._active.values():
            task.cancel()
        done = all(pool.waitForDone(timeout_ms) for pool in self._pools.values())
        self._active.clear()
        return done


def refuse_qobjects(
    fn: Callable[..., object], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Raise TypeError when a worker would reach a QObject: in its arguments, as the object
    of a bound method, in a `functools.partial`, or captured by a lambda or inner function."""
    for name, value in _reachable(fn, args, kwargs):
        if isinstance(value, QObject) or _holds_qobjects(value):
            raise TypeError(
                f"{getattr(fn, '__qualname__', fn)!s} would get {type(value).__name__} "
                f"({name}) on a worker thread: read its values on the GUI thread and pass "
                "plain data"
            )


def _holds_qobjects(value: object) -> bool:
    """A dataclass holding Qt objects (the app's context: its worker pool, translators)."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return False
    return any(isinstance(getattr(value, f.name, None), QObject) for f in dataclasses.fields(value))


def _reachable(
    fn: object, args: tuple[Any, ...], kwargs: dict[str, Any], depth: int = 0
) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = [(f"argument {i + 1}", a) for i, a in enumerate(args)]
    found += [(f"argument {k}", v) for k, v in kwargs.items()]
    if depth > 2:
        return found
    if isinstance(fn, functools.partial):
        return found + _reachable(fn.func, fn.args, fn.keywords, depth + 1)
    bound = getattr(fn, "__self__", None)
    if bound is not None:
        found.append(("the object of the method", bound))
    code = getattr(fn, "__code__", None)
    for name, cell in zip(
        getattr(code, "co_freevars", ()), getattr(fn, "__closure__", None) or (), strict=False
    ):
        try:
            value = cell.cell_contents
        except ValueError:  # not assigned yet
            continue
        found.append((f"captured {name!r}", value))
        if callable(value) and not isinstance(value, QObject | type):
            found += _reachable(value, (), {}, depth + 1)
    return found
