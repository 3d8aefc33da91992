"""Opening a store: its cached queue first, then its connection, each in a worker.

A session starts with the store's own cancellation window as the last sync kept it, so what
it judges before its first sync (an order completed, offline) uses that window too.

Only one store is open at a time. Switching retires the open session: its runner stops
waiting at once, and its connection is closed with the context, once no worker can still be
using it. A result that arrives for a store no longer open is dropped (a late session is
retired the same way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cancelapp.store.database import Database
from cancelapp.store.stores import StoreRecord, list_stores
from cancelapp.ui.queue_cache import load_cached_queue
from cancelapp.ui.queue_index import QueueIndex, Sorting

if TYPE_CHECKING:
    from cancelapp.app import AppContext
    from cancelapp.store.sync_state import SyncState
    from cancelapp.ui.queue_refresh import StoreSession


def read_stores(database: Database) -> list[StoreRecord]:
    with database.reading() as conn:
        return list_stores(conn)


def open_cached_queue(
    database: Database, store_id: int, sorting: Sorting
) -> tuple[QueueIndex, SyncState]:
    """The whole queue, indexed and in its first order, built off the GUI thread."""
    cached = load_cached_queue(database, store_id)
    index = QueueIndex(cached.rows)
    index.prepare(sorting)
    return index, cached.sync_state


def open_store_session(context: AppContext, store: StoreRecord) -> StoreSession | None:
    """The store's session (None without credentials), with its window from the cache."""
    from cancelapp.ui.edit_window import stored_shop_edit_window

    session = context.open_session(store)
    if session is not None:
        session.shop_edit_window = stored_shop_edit_window(context.database, store.id)
    return session


class StoreSessions(QObject):
    stores_read = Signal(object)  # list[StoreRecord]
    cache_opened = Signal(object, object, object)  # StoreRecord, QueueIndex, SyncState
    session_opened = Signal(object, object)  # StoreRecord, StoreSession (None: no credentials)
    problem = Signal(object)  # an error, for the banner

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: StoreRecord | None = None
        self.session: StoreSession | None = None

    def read_stores(self) -> None:
        task = self.context.workers.run(read_stores, self.context.database)
        task.succeeded.connect(self.stores_read)
        task.failed.connect(self.problem)

    def open(self, store: StoreRecord, sorting: Sorting) -> None:
        """Open `store`'s cached queue (`cache_opened`); `open_session()` then opens its session."""
        self.retire()
        self.store = store
        task = self.context.workers.run(open_cached_queue, self.context.database, store.id, sorting)
        task.succeeded.connect(lambda loaded: self._cache_opened(store, *loaded))
        task.failed.connect(self.problem)

    def _cache_opened(self, store: StoreRecord, index: QueueIndex, state: SyncState) -> None:
        if store is self.store:
            self.cache_opened.emit(store, index, state)

    def open_session(self, store: StoreRecord) -> None:
        """Client and runner for the open store, read from the keychain in a worker."""
        task = self.context.workers.run(open_store_session, self.context, store)
        task.succeeded.connect(lambda session: self._session_opened(store, session))
        task.failed.connect(self.problem)

    def _session_opened(self, store: StoreRecord, session: StoreSession | None) -> None:
        if store is not self.store:
            if session is not None:
                self.context.retired.append(session)
            return
        self.session = session
        self.session_opened.emit(store, session)

    def retire(self) -> None:
        """Stop the session's waits now; close its connection once the workers are done."""
        if self.session is not None:
            self.session.runner.stop()
            self.context.retired.append(self.session)
            self.session = None
