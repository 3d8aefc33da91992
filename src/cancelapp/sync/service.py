"""The order sync: Shopify to the local cache, page by page, resumable, cancellable.

Runs in a worker thread (the UI wraps it in its pool and turns the progress callback into
signals). Each page is saved in one transaction together with the cursor that follows it,
so a crash or kill leaves the cache consistent and the next `run()` continues from there.

Intake hooks: `hooks` are called as `hook(conn, store_id, orders)` inside each page's
transaction, after the orders are saved, with the page's `FetchedOrder`s. A hook turns
orders into requests (for example tagged orders, via `store.requests.add_request`) using
`conn` only; if it raises, the page is rolled back and the sync stops with that error.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.cost import requested_cost
from cancelapp.shopify.errors import Cancelled, MalformedResponse, ShopifyError
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store.database import Database
from cancelapp.store.orders import FetchedOrder, upsert_orders
from cancelapp.store.sync_state import (
    SyncRun,
    finish_run,
    get_sync_state,
    record_sync_error,
    save_run,
)
from cancelapp.sync.plan import (
    CHANGES_PHASE,
    FULL,
    INCREMENTAL,
    PROBE_PHASE,
    REQUESTS_PHASE,
    SyncSettings,
    changes_query,
    next_phase,
    phase_query,
    probe_query,
)
from cancelapp.sync.probe import LEAN_VARIABLES, changes_start
from cancelapp.sync.progress import EtaEstimator, SyncProgress

OrderHook = Callable[[sqlite3.Connection, int, Sequence[FetchedOrder]], None]
ProgressCallback = Callable[[SyncProgress], None]
Clock = Callable[[], datetime]
MAX_RUN_AGE = timedelta(days=1)  # an unfinished run older than this is started afresh


@dataclass(frozen=True)
class SyncResult:
    kind: str  # "full" or "incremental"
    completed: bool  # False when cancelled; the next run resumes
    pages: int = 0
    orders: int = 0
    request_ids: frozenset[int] = field(default_factory=frozenset)  # rows to refresh in the UI
    shopify_requests: int = 0  # HTTP requests sent, retries included


@dataclass
class _Tally:
    pages: int = 0
    orders: int = 0
    request_ids: set[int] = field(default_factory=set)


class OrderSync:
    """`OrderSync(db, client, store_id).run(cancel=event, progress=callback)` in a worker."""

    def __init__(
        self,
        db: Database,
        client: ShopifyClient,
        store_id: int,
        *,
        settings: SyncSettings | None = None,
        hooks: Sequence[OrderHook] = (),
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._client = client
        self._store_id = store_id
        self._settings = settings or SyncSettings()
        self._hooks = tuple(hooks)
        self._clock = clock
        self._document = documents.load("orders")
        self._page_size = largest_page(self._document, self._settings.max_query_cost)
        # Estimates of lists cut to nothing differ (ours 16 points an order, the demo shop's
        # 18), so the probe keeps a quarter of the cap in hand.
        self._probe_size = largest_page(
            self._document, self._settings.max_query_cost * 3 // 4, LEAN_VARIABLES
        )

    def run(
        self,
        *,
        full: bool = False,
        cancel: threading.Event | None = None,
        progress: ProgressCallback | None = None,
    ) -> SyncResult:
        """Resume an unfinished run, else start one: full when asked or never done before.

        An unfinished full run is resumed even when `full` is asked; an unfinished
        incremental one is then dropped (the full run reads everything it would have), as is
        any run started more than a day ago.

        Raises `ShopifyError` (its `merchant_message` is also saved as the store's last
        error, and the run stays resumable) or `StoreError`.
        """
        cancel = cancel or threading.Event()
        sent_before = self._client.stats.requests
        with self._db.reading() as conn:
            state = get_sync_state(conn, self._store_id)
        run = state.run
        if run is not None and self._clock() - run.started_at > MAX_RUN_AGE:
            run = None  # its cursor may no longer be honoured; start over from the watermark
        if run is None or (full and run.kind != FULL):
            run = self._new_run(full or state.last_full_sync_at is None, state.watermark)
        tally = _Tally()
        try:
            completed = self._run(run, state.watermark, tally, cancel, progress)
        except ShopifyError as error:
            if isinstance(error, Cancelled):
                completed = False
            else:
                with self._db.transaction() as conn:
                    record_sync_error(
                        conn, self._store_id, error.merchant_message, at=self._clock()
                    )
                raise
        return SyncResult(
            run.kind,
            completed,
            tally.pages,
            tally.orders,
            frozenset(tally.request_ids),
            self._client.stats.requests - sent_before,
        )

    def _new_run(self, full: bool, watermark: datetime | None) -> SyncRun:
        now = self._clock()
        if full or watermark is None:
            query = phase_query(REQUESTS_PHASE, self._settings, started_at=now)
            return SyncRun(FULL, REQUESTS_PHASE, query, None, now)
        return SyncRun(INCREMENTAL, PROBE_PHASE, probe_query(watermark, self._settings), None, now)

    def _run(
        self,
        run: SyncRun,
        watermark: datetime | None,
        tally: _Tally,
        cancel: threading.Event,
        progress: ProgressCallback | None,
    ) -> bool:
        eta = EtaEstimator(until=run.started_at)
        while True:
            if cancel.is_set():
                return False
            if run.phase == PROBE_PHASE:
                since = self._probe(run, cancel)
                if since is None:
                    break  # nothing changed: one request, and done
                run = SyncRun(run.kind, CHANGES_PHASE, changes_query(since), None, run.started_at)
            else:
                read = self._read_phase(run, watermark, tally, cancel, progress, eta)
                if read is None:
                    return False
                run, watermark = read
                phase = next_phase(run.kind, run.phase)
                if phase is None:
                    break
                query = phase_query(phase, self._settings, started_at=run.started_at)
                run = SyncRun(run.kind, phase, query, None, run.started_at)
                eta.restart()
            with self._db.transaction() as conn:
                save_run(conn, self._store_id, run, None)
        with self._db.transaction() as conn:
            finish_run(
                conn,
                self._store_id,
                watermark=run.started_at if run.kind == FULL else watermark,
                finished_at=self._clock(),
                full_sync_started_at=run.started_at if run.kind == FULL else None,
            )
        return True

    def _probe(self, run: SyncRun, cancel: threading.Event) -> datetime | None:
        variables = {"first": self._probe_size, "query": run.query, **LEAN_VARIABLES}
        nodes, has_next, _ = _page(self._client.query(self._document, variables, cancel=cancel))
        with self._db.reading() as conn:
            return changes_start(conn, self._store_id, nodes, has_next)

    def _read_phase(
        self,
        run: SyncRun,
        watermark: datetime | None,
        tally: _Tally,
        cancel: threading.Event,
        progress: ProgressCallback | None,
        eta: EtaEstimator,
    ) -> tuple[SyncRun, datetime | None] | None:
        """Page through the phase from its saved cursor; None when cancelled between pages."""
        has_next = True
        while has_next:
            if cancel.is_set():
                return None
            variables: dict[str, Any] = {"first": self._page_size, "query": run.query}
            if run.cursor is not None:
                variables["after"] = run.cursor
            data = self._client.query(self._document, variables, cancel=cancel)
            nodes, has_next, cursor = _page(data)
            fetched_at = self._clock()
            orders = [FetchedOrder(order_from_node(n), n, fetched_at) for n in nodes]
            if run.kind == INCREMENTAL and orders:
                newest_seen = max(o.order.updated_at for o in orders)
                watermark = max(watermark or newest_seen, newest_seen)
            run = SyncRun(run.kind, run.phase, run.query, cursor, run.started_at)
            with self._db.transaction() as conn:
                self._save_page(
                    conn, orders, run, watermark if run.kind == INCREMENTAL else None, tally
                )
            if progress is not None:
                progress(self._progress(run, tally, eta, orders))
        return run, watermark

    def _save_page(
        self,
        conn: sqlite3.Connection,
        orders: list[FetchedOrder],
        run: SyncRun,
        watermark: datetime | None,
        tally: _Tally,
    ) -> None:
        upsert_orders(conn, self._store_id, orders)
        for hook in self._hooks:
            hook(conn, self._store_id, orders)
        save_run(conn, self._store_id, run, watermark)
        tally.pages += 1
        tally.orders += len(orders)
        tally.request_ids.update(_request_ids(conn, self._store_id, orders))

    def _progress(
        self, run: SyncRun, tally: _Tally, eta: EtaEstimator, orders: list[FetchedOrder]
    ) -> SyncProgress:
        remaining = None
        if orders:
            oldest = min(o.order.updated_at for o in orders)
            remaining = eta.after_page(oldest, max(o.order.updated_at for o in orders))
        return SyncProgress(run.phase, tally.pages, tally.orders, len(tally.request_ids), remaining)


def largest_page(document: str, max_cost: int, variables: Mapping[str, Any] | None = None) -> int:
    """The most orders per page whose requested cost stays within Shopify's per-query cap."""
    low, high = 1, 250
    while low < high:
        middle = (low + high + 1) // 2
        if requested_cost(document, {**(variables or {}), "first": middle}) <= max_cost:
            low = middle
        else:
            high = middle - 1
    return low


def _page(data: dict[str, Any]) -> tuple[list[dict[str, Any]], bool, str | None]:
    connection = data.get("orders")
    if not isinstance(connection, dict):
        raise MalformedResponse("orders: no connection in the answer")
    nodes = connection.get("nodes")
    info = connection.get("pageInfo")
    if not isinstance(nodes, list) or not isinstance(info, dict):
        raise MalformedResponse("orders: connection without nodes or pageInfo")
    has_next = bool(info.get("hasNextPage"))
    cursor = info.get("endCursor")
    if has_next and not isinstance(cursor, str):
        raise MalformedResponse("orders: next page without an endCursor")
    return nodes, has_next, cursor if isinstance(cursor, str) else None


def _request_ids(
    conn: sqlite3.Connection, store_id: int, orders: Sequence[FetchedOrder]
) -> list[int]:
    gids = [o.order.id for o in orders]
    if not gids:
        return []
    marks = ",".join("?" * len(gids))
    rows = conn.execute(
        f"SELECT id FROM requests WHERE store_id = ? AND order_gid IN ({marks})",  # noqa: S608
        (store_id, *gids),
    ).fetchall()
    return [row[0] for row in rows]
