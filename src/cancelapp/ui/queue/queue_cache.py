"""Reading the queue from the local cache: what the window shows before any network.

Kept apart from `session.refresh` (sync, intake, actions) so the window can show the first rows
without loading the network side first. `QueueOpening` shows the first page of the opening
view as soon as it is read (a millisecond), and the whole queue when a worker has read and
indexed it (half a second at 50,000 requests on a small machine).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from cancelapp.store.database import Database
from cancelapp.store.queue import QueueRow, load_queue, load_queue_head
from cancelapp.store.sync_state import SyncState, get_sync_state
from cancelapp.ui.queue.queue_index import QueueFilter, QueueIndex, Sorting
from cancelapp.ui.queue.queue_model import QueueModel
from cancelapp.ui.workers import WorkerPool

# A screenful and some: what the opening view shows before the whole queue is read.
FIRST_PAGE_ROWS = 100
Later = Callable[[Callable[[], None]], None]


def next_turn(step: Callable[[], None]) -> None:
    QTimer.singleShot(0, step)


@dataclass(frozen=True)
class CachedQueue:
    rows: list[QueueRow]
    sync_state: SyncState


def load_cached_queue(database: Database, store_id: int) -> CachedQueue:
    """The whole queue from the cache."""
    with database.reading() as conn:
        return CachedQueue(load_queue(conn, store_id), get_sync_state(conn, store_id))


def load_cached_head(
    database: Database, store_id: int, limit: int = FIRST_PAGE_ROWS
) -> CachedQueue:
    """The requests of the opening view's first page ("Needs decision", newest first)."""
    with database.reading() as conn:
        return CachedQueue(load_queue_head(conn, store_id, limit), get_sync_state(conn, store_id))


def load_rows(database: Database, store_id: int, request_ids: frozenset[int]) -> list[QueueRow]:
    """Fresh rows for requests a sync or an action changed."""
    with database.reading() as conn:
        return load_queue(conn, store_id, request_ids)


def index_cached_head(database: Database, store_id: int) -> tuple[QueueIndex, SyncState]:
    cached = load_cached_head(database, store_id)
    return QueueIndex(cached.rows), cached.sync_state


def index_cached_queue(
    database: Database, store_id: int, sorting: Sorting
) -> tuple[QueueIndex, SyncState]:
    """The whole queue, indexed and in its first order (slow: in a worker)."""
    cached = load_cached_queue(database, store_id)
    index = QueueIndex(cached.rows)
    index.prepare(sorting)
    return index, cached.sync_state


class QueueOpening(QObject):
    """Opens a store's cached queue into `model`: the first page, then the whole queue.

    `first_rows(SyncState)` once rows are in the model (the whole queue if the merchant's
    view is not the opening one, which the first page is read for); `completed(SyncState)`
    once every row is; `failed(error)` if the cache cannot be read. `abandon()` when the
    window switches store: nothing reaches the model after that. `after_first_rows(step)`
    runs `step` (reading the rest) once the first rows are shown; a window passes one that
    waits for them to be painted (`first_paint.when_painted`).
    """

    first_rows = Signal(object)
    completed = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        workers: WorkerPool,
        database: Database,
        store_id: int,
        model: QueueModel,
        parent: QObject | None = None,
        *,
        after_first_rows: Later = next_turn,
    ) -> None:
        super().__init__(parent)
        self._after_first_rows = after_first_rows
        self._workers = workers
        self._database = database
        self._store_id = store_id
        self._model = model
        self._abandoned = False
        self._first_shown = False

    def start(self) -> None:
        if self._model.query == QueueFilter() and self._model.sorting == Sorting():
            task = self._workers.run(index_cached_head, self._database, self._store_id)
            task.succeeded.connect(self._head_loaded)
            task.failed.connect(self._failed)
        else:
            self._load_all()

    def abandon(self) -> None:
        self._abandoned = True

    def _head_loaded(self, loaded: tuple[QueueIndex, SyncState]) -> None:
        if self._abandoned:
            return
        index, sync_state = loaded
        self._model.load(index)
        self._first_shown = True
        self.first_rows.emit(sync_state)
        # After the first rows are painted: the worker would hold the GIL while they are.
        self._after_first_rows(self._load_all)

    def _load_all(self) -> None:
        if self._abandoned:
            return
        task = self._workers.run(
            index_cached_queue, self._database, self._store_id, self._model.sorting
        )
        task.succeeded.connect(self._all_loaded)
        task.failed.connect(self._failed)

    def _all_loaded(self, loaded: tuple[QueueIndex, SyncState]) -> None:
        if self._abandoned:
            return
        index, sync_state = loaded
        if self._first_shown:
            self._model.complete(index)
        else:
            self._model.load(index)
            self._first_shown = True
            self.first_rows.emit(sync_state)
        self.completed.emit(sync_state)

    def _failed(self, error: object) -> None:
        if not self._abandoned:
            self.failed.emit(error)
