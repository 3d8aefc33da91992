"""Keeping one store's queue current: sync on a timer, retry sooner while offline, merge rows.

Turns online again without a restart: after a failure the next try comes 15 s, 30 s, 1 min, …
later (never later than the merchant's interval), and the first success flips the status back.
Requests the sync reports while it runs (a first connect finds them batch by batch) are shown
at once, one load at a time; they still count as new when the sync ends.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cancelapp.ui.queue.queue_cache import load_rows
from cancelapp.ui.queue.queue_index import needs_decision, unread_after_decision
from cancelapp.ui.queue.queue_model import QueueModel
from cancelapp.ui.workers import Lane, Task, WorkerPool

if TYPE_CHECKING:  # the network side loads when a store opens, after the first rows show
    from cancelapp.session.refresh import RefreshResult, StoreSession
    from cancelapp.store.queue import QueueRow


class QueueSync(QObject):
    started = Signal()
    progressed = Signal(int, int, str)
    online_changed = Signal(bool)
    finished = Signal(object)  # RefreshResult, after its rows are in the model
    failed = Signal(object)  # the error, when it is not just "offline"
    new_requests = Signal(int)  # how many of the new requests need a decision
    new_messages = Signal(int)  # how many decided requests the customer wrote to again
    arrived = Signal(object)  # frozenset of the new requests' ids

    def __init__(
        self,
        model: QueueModel,
        workers: WorkerPool,
        parent: QObject | None = None,
        *,
        interval: timedelta = timedelta(minutes=5),
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.workers = workers
        self.interval = interval
        self.session: StoreSession | None = None
        self.failures = 0
        self.task: Task | None = None
        self._awaited: set[int] = set()  # stored outside a sync, announced by the next one
        self._early: set[int] = set()  # shown while the sync ran: new when it ends
        self._early_unread: set[int] = set()  # written to again, shown while the sync ran
        self._found: set[int] = set()  # reported by the running sync, not loaded yet
        self._loading_found = False
        self._more = False  # the last sync left a backfill: the next one is it
        self._backfill = False  # the running sync is that backfill
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)

    @property
    def running(self) -> bool:
        return self.task is not None

    @property
    def backfilling(self) -> bool:
        """The running sync reads the recent orders a first connect left: the first read of
        the store goes on."""
        return self.task is not None and self._backfill

    def set_session(self, session: StoreSession | None) -> None:
        self.stop()
        self._awaited.clear()
        self._early.clear()
        self._early_unread.clear()
        self._found.clear()
        self._more = False
        self.session = session
        self.failures = 0

    def await_new(self, request_ids: frozenset[int]) -> None:
        """Requests stored outside a sync (typed in, imported) are new to the sync that next
        judges them, although their rows may show before: notified and held like any other."""
        self._awaited |= request_ids

    def stop(self) -> None:
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def sync_now(self) -> bool:
        """Start a sync unless one runs or no store is open; True when one started."""
        if self.session is None or self.task is not None:
            return False
        from cancelapp.session.refresh import refresh_store

        self._timer.stop()
        session = self.session
        task = self.workers.run_cancellable_on(Lane.NETWORK, refresh_store, session)
        self.task = task
        self._backfill = self._more
        task.progressed.connect(self.progressed)
        task.found.connect(lambda ids: self._show_found(task, session, ids))
        task.succeeded.connect(lambda result: self._synced(task, session, result))
        task.failed.connect(lambda error: self._failed(task, error))
        task.cancelled.connect(lambda: self._forget(task))
        self.started.emit()
        return True

    def _show_found(self, task: Task, session: StoreSession, request_ids: frozenset[int]) -> None:
        """Rows for requests the running sync stored or judged, loaded one batch at a time."""
        if self.task is not task:
            return
        self._found |= request_ids
        if self._loading_found:
            return
        ids, self._found = frozenset(self._found), set()
        self._loading_found = True
        rows_task = self.workers.run(load_rows, session.database, session.store_id, ids)

        def loaded(rows: list[QueueRow]) -> None:
            self._loading_found = False
            if self.task is not task or self.session is not session:
                return  # the sync ended: its own load shows the rows as they are now
            index = self.model.index_
            new = (r.request_id for r in rows if index.position_of(r.request_id) is None)
            self._early.update(new)
            self._early_unread.update(r.request_id for r in rows if self._newly_unread(r))
            self.model.apply(rows)
            if self._found:
                self._show_found(task, session, frozenset())

        def failed(_error: object) -> None:
            self._loading_found = False  # the sync's own load at its end shows them

        rows_task.succeeded.connect(loaded)
        rows_task.failed.connect(failed)

    def _forget(self, task: Task) -> None:
        if self.task is task:
            self.task = None

    def _synced(self, task: Task, session: StoreSession, result: RefreshResult) -> None:
        if self.task is not task or self.session is not session:
            return
        self.failures = 0
        self.online_changed.emit(True)
        ids = result.request_ids
        if not ids:
            self._done(task, result)
            return
        rows_task = self.workers.run(load_rows, session.database, session.store_id, ids)
        rows_task.succeeded.connect(lambda rows: self._merge(task, session, result, rows))
        rows_task.failed.connect(lambda error: self._failed(task, error))

    def _merge(
        self, task: Task, session: StoreSession, result: RefreshResult, rows: list[QueueRow]
    ) -> None:
        if self.session is not session:
            return
        index = self.model.index_
        awaited = self._awaited
        early = self._early
        early_unread, self._early_unread = self._early_unread, set()
        written_to = sum(
            1
            for row in rows
            if self._newly_unread(row)
            or (row.request_id in early_unread and unread_after_decision(row))
        )
        new = frozenset(
            row.request_id
            for row in rows
            if index.position_of(row.request_id) is None
            or row.request_id in awaited
            or row.request_id in early
        )
        early.clear()
        present = {row.request_id for row in rows}
        awaited -= present
        self.model.apply(rows, removed_ids=result.request_ids - present)
        waiting = sum(1 for row in rows if row.request_id in new and needs_decision(row))
        if waiting:
            self.new_requests.emit(waiting)
        if written_to:
            self.new_messages.emit(written_to)
        if new:
            self.arrived.emit(new)
        self._done(task, result)

    def _newly_unread(self, row: QueueRow) -> bool:
        """A decided request the customer wrote to again since the row the queue shows."""
        if not unread_after_decision(row):
            return False
        position = self.model.index_.position_of(row.request_id)
        shown = None if position is None else self.model.index_.rows[position]
        return shown is None or shown.unread_since != row.unread_since

    def _done(self, task: Task, result: RefreshResult) -> None:
        self._forget(task)
        self._found.clear()
        # A first sync shows the requests, then leaves the recent orders to a backfill.
        self._more = result.more
        self._timer.start(0 if result.more else int(self.interval.total_seconds() * 1000))
        self.finished.emit(result)

    def unreachable(self) -> None:
        """Something else found Shopify out of reach (an action): offline now, not only once
        the next sync fails, minutes later; a sync soon finds out when it answers again."""
        from cancelapp.sync import next_sync_in

        self.online_changed.emit(False)
        if self.task is None:
            self.failures = max(self.failures, 1)
            self._timer.start(
                int(next_sync_in(self.failures, self.interval).total_seconds() * 1000)
            )

    def reachable(self) -> None:
        """Something else read from Shopify (a decision's order, the order shown): online now,
        not only once the next sync succeeds."""
        self.failures = 0
        self.online_changed.emit(True)

    def _failed(self, task: Task, error: object) -> None:
        from cancelapp.shopify.errors import NetworkDown, ShopifyDown, ShopifyError, Throttled
        from cancelapp.sync import next_sync_in

        if self.task is not task:
            return
        self._forget(task)
        self.failures += 1
        self._timer.start(int(next_sync_in(self.failures, self.interval).total_seconds() * 1000))
        if isinstance(error, (NetworkDown, ShopifyDown, Throttled)):
            self.online_changed.emit(False)
        else:
            if isinstance(error, ShopifyError):
                self.online_changed.emit(True)
            self.failed.emit(error)
