"""Opening a store, step by step in the order `session/opening.py` gives: its cached queue
first (`QueueOpening`), then its rules and the keychain, then its connection in a worker, then
the first sync. This flow sets off the steps it owns (the queue, the session) and asks the
window for the others (`step_due`).

A session starts with the store's own cancellation window as the last sync kept it, so what
it judges before its first sync (an order completed, offline) uses that window too.

Only one store is open at a time. Switching retires the open session: its runner stops
waiting at once, and its connection is closed with the context, once no worker can still be
using it. A result that arrives for a store no longer open is dropped (a late session is
retired the same way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cancelapp.domain.phrase import Phrase
from cancelapp.session.opening import Step, StoreStart
from cancelapp.store.database import Database
from cancelapp.store.stores import StoreRecord, list_stores
from cancelapp.ui.queue.queue_cache import Later, QueueOpening, next_turn
from cancelapp.ui.queue.queue_model import QueueModel

if TYPE_CHECKING:
    from cancelapp.context import AppContext
    from cancelapp.session.refresh import StoreSession


def read_stores(database: Database) -> list[StoreRecord]:
    with database.reading() as conn:
        return list_stores(conn)


class StoreSessions(QObject):
    stores_read = Signal(object)  # list[StoreRecord]
    cache_opened = Signal(object, object)  # StoreRecord, SyncState: the first rows are shown
    cache_completed = Signal(object, object)  # StoreRecord, SyncState: every row is in
    session_opened = Signal(object, object)  # StoreRecord, StoreSession (None: no credentials)
    step_due = Signal(object, object)  # StoreRecord, Step: the window's part of the start
    problem = Signal(object)  # an error, for the banner

    def __init__(
        self,
        context: AppContext,
        words: Callable[[Phrase], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.words = words  # the window's formatter: order notes in the merchant's language
        self.store: StoreRecord | None = None
        self.session: StoreSession | None = None
        self._opening: QueueOpening | None = None
        self._start = StoreStart(online=False)

    def read_stores(self) -> None:
        task = self.context.workers.run(read_stores, self.context.database)
        task.succeeded.connect(self.stores_read)
        task.failed.connect(self.problem)

    def open(
        self,
        store: StoreRecord,
        model: QueueModel,
        after_first_rows: Later = next_turn,
        *,
        online: bool = True,
    ) -> None:
        """Start `store`: its cached queue into `model`, its first page (`cache_opened`), then
        every row (`cache_completed`); the rest follows as each step is `reached` (`online`
        False: a smoke run, no keychain, session or sync). The store open before is
        abandoned: nothing of its queue reaches the model any more."""
        self.retire()
        self._start = StoreStart(online=online)
        if self._opening is not None:
            self._opening.abandon()
            self._opening.deleteLater()
        self.store = store
        opening = QueueOpening(
            self.context.workers,
            self.context.database,
            store.id,
            model,
            self,
            after_first_rows=after_first_rows,
        )
        opening.first_rows.connect(lambda state: self.cache_opened.emit(store, state))
        opening.completed.connect(lambda state: self._all_rows(store, state))
        opening.failed.connect(self.problem)
        self._opening = opening
        opening.start()

    def reached(self, store: StoreRecord, step: Step) -> None:
        """`step` of `store`'s start happened: set off what is due now, in order."""
        if store is not self.store:
            return
        for due in self._start.reached(step):
            if due is Step.SESSION:
                self.open_session(store)
            else:
                self.step_due.emit(store, due)

    def _all_rows(self, store: StoreRecord, state: object) -> None:
        self.cache_completed.emit(store, state)
        self.reached(store, Step.ALL_ROWS)

    def open_session(self, store: StoreRecord) -> None:
        """Client and runner for the open store, read from the keychain in a worker."""
        settings = self.context.settings  # the store's withdrawal terms, before its rules load
        self.context.policies.set_withdrawal_terms(store.id, settings.withdrawal_for(store.domain))
        opener = self.context.session_opener(store, words=self.words)  # plain values
        task = self.context.workers.run(opener)
        task.succeeded.connect(lambda session: self._session_opened(store, session))
        task.failed.connect(self.problem)

    def _session_opened(self, store: StoreRecord, session: StoreSession | None) -> None:
        if store is not self.store:
            if session is not None:
                self.context.retired.append(session)
            return
        self.session = session
        self.session_opened.emit(store, session)
        if session is not None:  # without credentials nothing syncs: connect again
            self.reached(store, Step.SESSION)

    def close(self) -> None:
        """No store open any more (it was removed): its session retires, its queue is dropped."""
        self.retire()
        if self._opening is not None:
            self._opening.abandon()
            self._opening.deleteLater()
            self._opening = None
        self.store = None

    def retire(self) -> None:
        """Stop the session's waits now; close its connection once the workers are done."""
        if self.session is not None:
            self.session.runner.stop()
            self.context.retired.append(self.session)
            self.session = None
