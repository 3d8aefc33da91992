"""The order sync: Shopify to the local cache, page by page, resumable, cancellable.

Runs in a worker thread (the UI wraps it in its pool and turns the progress callback into
signals). Each page is saved in one transaction together with the cursor that follows it,
so a crash or kill leaves the cache consistent and the next `run()` continues from there.

Cost: list pages read orders lean (about 5 points an order, 179 a page, sized with headroom
under Shopify's cap; a page refused as too expensive is read again smaller, `page_fit.py`);
only the orders with a request are read with more, many to a request: on a first connect
with what a verdict needs (through bulk operations when Shopify runs them, `bulk_read.py`,
else about 27 points each), in full otherwise (about 38). A full run
reads only what the requests name (`search_plan.py` names the steps) and leaves a backfill
run for the next `run()`: the recent window lean, then the requests' orders in full;
`SyncResult.more` says one is waiting. `found` hears of requests as each batch is stored,
so the queue can show them before the run ends.

Intake hooks: `hooks` are called as `hook(conn, store_id, orders)` inside each page's
transaction, after the orders are saved, with the page's `FetchedOrder`s (lean ones carry
`detail == LEAN`: list fields only; orders read by the details step come too). A hook
turns orders into requests using `conn` only; if it raises, the page is rolled back and the
sync stops with that error. The request sources
proper run in the details step when `intake` settings are given (`intake.py`).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.phrase import Phrase
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import Cancelled, ShopifyError
from cancelapp.shopify.page_fit import PageFit, largest_page
from cancelapp.sources.matching import no_such_order
from cancelapp.store.database import Database
from cancelapp.store.orders import (
    FULL,
    JUDGEABLE,
    LEAN,
    VERDICT,
    FetchedOrder,
    request_orders_to_read,
    upsert_orders,
)
from cancelapp.store.requests import (
    settle_cancelled_orders,
    settle_refunded_withdrawals,
    unmatch_vanished_orders,
)
from cancelapp.store.stores import REMOVED
from cancelapp.store.sync_state import (
    SyncRun,
    finish_run,
    get_sync_state,
    record_sync_error,
    save_run,
)
from cancelapp.sync import documents
from cancelapp.sync.bulk_cancels import BulkCancels
from cancelapp.sync.bulk_read import (
    BulkStarted,
    abandon_bulk_read,
    finish_bulk_read,
    start_bulk_read,
)
from cancelapp.sync.details import read_orders
from cancelapp.sync.intake import (
    Found,
    IntakeOutcome,
    IntakeSettings,
    edit_orders_waiting,
    run_intake,
    take_in_edits,
)
from cancelapp.sync.pages import orders_page
from cancelapp.sync.probe import changes_start
from cancelapp.sync.progress import EtaEstimator, SyncProgress
from cancelapp.sync.search_plan import (
    BACKFILL,
    BULK_PHASE,
    CHANGES_PHASE,
    DETAILS_PHASE,
    IN_FULL_PHASE,
    INCREMENTAL,
    PROBE_PHASE,
    RECENT_PHASE,
    REQUESTS_PHASE,
    SyncSettings,
    changes_query,
    next_phase,
    phase_query,
    probe_query,
)
from cancelapp.sync.search_plan import (
    FULL as FULL_RUN,
)

__all__ = ["OrderHook", "OrderSync", "SyncResult"]

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
    orders_read_in_full: int = 0  # by the details step (with what a verdict needs, or in full)
    new_messages: int = 0  # request messages the intake step stored
    notices: tuple[Phrase, ...] = ()  # intake: sources not read, requests left unmatched
    more: bool = False  # a backfill run waits: sync again soon rather than on the timer
    bulk_orders: int = 0  # orders read through bulk operations (a first connect)
    bulk_wait: float = 0.0  # seconds waited for them after the sources were read
    bulk_operations: int = 0  # how many Shopify ran (the search cut into parts)


@dataclass
class _Tally:
    pages: int = 0
    orders: int = 0
    request_ids: set[int] = field(default_factory=set)
    read_in_full: int = 0
    new_messages: int = 0
    notices: list[Phrase] = field(default_factory=list)
    bulk_orders: int = 0
    bulk_wait: float = 0.0
    bulk_operations: int = 0

    def take(self, outcome: IntakeOutcome) -> None:
        """Count what an intake step stored."""
        self.request_ids.update(outcome.request_ids)
        self.new_messages += outcome.new_messages
        self.notices.extend(outcome.notices)


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
        intake: IntakeSettings | None = None,
        bulk_cancels: BulkCancels | None = None,
    ) -> None:
        self._db = db
        self._client = client
        self._store_id = store_id
        self._settings = settings or SyncSettings()
        self._hooks = tuple(hooks)
        self._clock = clock
        self._intake = intake
        # the store's cancels of bulk operations this sync stops: its session waits for them
        self._bulk_cancels = bulk_cancels or BulkCancels()
        budget = self._settings.page_cost_budget
        self._list_document = documents.load("order_list")
        self._probe_document = documents.load("order_probe")
        # one size per document for the sync's life: a page Shopify refused stays smaller
        self._list_page = PageFit(largest_page(self._list_document, budget))
        self._probe_page = PageFit(largest_page(self._probe_document, budget))

    def run(
        self,
        *,
        full: bool = False,
        cancel: threading.Event | None = None,
        progress: ProgressCallback | None = None,
        then_backfill: bool = True,
        found: Found | None = None,
    ) -> SyncResult:
        """Resume an unfinished run, else start one: full when asked or never done before.

        An unfinished full run is resumed even when `full` is asked; an unfinished
        incremental one or a backfill is then dropped (the full run reads everything it
        would have), as is any run started more than a day ago. A completed full run goes
        on with its backfill unless `then_backfill` is False (the app's first connect: the
        requests show first, and `SyncResult.more` asks for the next run soon).

        Raises `ShopifyError` (its `merchant_message` is also saved as the store's last
        error, and the run stays resumable) or `StoreError`.
        """
        cancel = cancel or threading.Event()
        sent_before = self._client.stats.requests
        with self._db.reading() as conn:
            state = get_sync_state(conn, self._store_id)
        run = state.run
        if run is not None and self._clock() - run.started_at > MAX_RUN_AGE:
            # Its cursor may no longer be honoured: start over from the watermark (a
            # backfill over the recent window as it is now).
            run = self._backfill_run() if run.kind == BACKFILL else None
        if run is None or (full and run.kind != FULL_RUN):
            run = self._new_run(full or state.last_full_sync_at is None, state.watermark)
        elif run.kind == FULL_RUN and run.phase != DETAILS_PHASE:
            # left by a version that listed the tagged orders first: the details step reads
            # what the requests name
            run = SyncRun(FULL_RUN, DETAILS_PHASE, "", None, run.started_at)
        tally = _Tally()
        ran = run
        try:
            completed = self._run(run, state.watermark, tally, cancel, progress, found)
            if completed and run.kind == FULL_RUN and then_backfill:
                with self._db.reading() as conn:
                    after = get_sync_state(conn, self._store_id)
                assert after.run is not None  # the backfill the full run left
                ran = after.run
                completed = self._run(ran, after.watermark, tally, cancel, progress, found)
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
            tally.read_in_full,
            tally.new_messages,
            tuple(tally.notices),
            completed and ran.kind == FULL_RUN,
            tally.bulk_orders,
            tally.bulk_wait,
            tally.bulk_operations,
        )

    def _backfill_run(self) -> SyncRun:
        now = self._clock()
        query = phase_query(RECENT_PHASE, self._settings, started_at=now)
        return SyncRun(BACKFILL, RECENT_PHASE, query, None, now)

    def _new_run(self, full: bool, watermark: datetime | None) -> SyncRun:
        now = self._clock()
        if full or watermark is None:
            return SyncRun(FULL_RUN, DETAILS_PHASE, "", None, now)
        return SyncRun(INCREMENTAL, PROBE_PHASE, probe_query(watermark, self._settings), None, now)

    def _run(
        self,
        run: SyncRun,
        watermark: datetime | None,
        tally: _Tally,
        cancel: threading.Event,
        progress: ProgressCallback | None,
        found: Found | None,
    ) -> bool:
        eta = EtaEstimator(until=run.started_at)
        while run.phase != DETAILS_PHASE:
            if cancel.is_set():
                return False
            if run.phase == PROBE_PHASE:
                since = self._probe(run, cancel)
                if since is None:  # nothing changed: one request for the orders
                    run = SyncRun(run.kind, DETAILS_PHASE, "", None, run.started_at)
                else:
                    query = changes_query(since)
                    run = SyncRun(run.kind, CHANGES_PHASE, query, None, run.started_at)
            else:
                read = self._read_phase(run, watermark, tally, cancel, progress, eta)
                if read is None:
                    return False
                run, watermark = read
                phase = next_phase(run.kind, run.phase)
                assert phase is not None  # the details phase comes last
                query = phase_query(phase, self._settings, started_at=run.started_at)
                run = SyncRun(run.kind, phase, query, None, run.started_at)
                eta.restart()
            with self._db.transaction() as conn:
                save_run(conn, self._store_id, run, None)
        if cancel.is_set() or not self._details(run, tally, cancel, progress, found):
            return False
        with self._db.transaction() as conn:
            tally.request_ids.update(
                settle_cancelled_orders(conn, self._store_id, now=self._clock())
            )
            tally.request_ids.update(
                settle_refunded_withdrawals(conn, self._store_id, now=self._clock())
            )
            finish_run(
                conn,
                self._store_id,
                watermark=run.started_at if run.kind == FULL_RUN else watermark,
                finished_at=self._clock(),
                full_sync_started_at=run.started_at if run.kind == FULL_RUN else None,
            )
            if run.kind == FULL_RUN:
                save_run(conn, self._store_id, self._backfill_run(), None)
        return True

    def _probe(self, run: SyncRun, cancel: threading.Event) -> datetime | None:
        variables = {"query": run.query}
        data = self._probe_page.query(self._client, self._probe_document, variables, cancel=cancel)
        nodes, has_next, _ = orders_page(data)
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
        """Page through the phase (lean) from its saved cursor; None when cancelled between
        pages."""
        document, fit = self._list_document, self._list_page
        has_next = True
        while has_next:
            if cancel.is_set():
                return None
            variables: dict[str, Any] = {"query": run.query}
            if run.cursor is not None:
                variables["after"] = run.cursor
            nodes, has_next, cursor = orders_page(
                fit.query(self._client, document, variables, cancel=cancel)
            )
            fetched_at = self._clock()
            orders = [FetchedOrder.from_node(n, fetched_at, LEAN) for n in nodes]
            if run.kind == INCREMENTAL and orders:
                newest_seen = max(o.order.updated_at for o in orders)
                watermark = max(watermark or newest_seen, newest_seen)
            run = SyncRun(run.kind, run.phase, run.query, cursor, run.started_at)
            with self._db.transaction() as conn:
                self._save_page(conn, orders, tally)
                save_run(conn, self._store_id, run, watermark if run.kind == INCREMENTAL else None)
            if progress is not None:
                progress(self._progress(run, tally, eta, orders))
        return run, watermark

    def _details(
        self,
        run: SyncRun,
        tally: _Tally,
        cancel: threading.Event,
        progress: ProgressCallback | None,
        found: Found | None,
    ) -> bool:
        """Poll the request sources, then read the orders of undecided requests: a full run
        (the first connect) with what a verdict needs, those the cache lacks at that level or
        has not confirmed in this run, through bulk operations started before the sources
        when Shopify runs them (`bulk_read.py`), the rest by id; any other run in full, those
        the cache lacks in full (the backfill after a first connect reads them all)."""
        bulk = None
        if run.kind == FULL_RUN and self._intake is not None and self._settings.bulk:
            bulk = start_bulk_read(
                self._db,
                self._client,
                self._store_id,
                self._intake,
                clock=self._clock,
                cancel=cancel,
                part_orders=self._settings.bulk_part_orders,
            )
        done = False
        try:
            done = self._read_details(run, tally, cancel, progress, found, bulk)
        finally:
            if bulk is not None:  # stopped while Shopify works, or no file was wanted
                abandon_bulk_read(self._client, bulk, self._bulk_cancels)
        return done

    def _read_details(
        self,
        run: SyncRun,
        tally: _Tally,
        cancel: threading.Event,
        progress: ProgressCallback | None,
        found: Found | None,
        bulk: BulkStarted | None,
    ) -> bool:
        first = run.kind == FULL_RUN
        detail = VERDICT if first else FULL
        reading = IN_FULL_PHASE if run.kind == BACKFILL else DETAILS_PHASE
        finding: set[int] = set()

        def found_by_sources(request_ids: frozenset[int]) -> None:
            finding.update(request_ids)
            if found is not None:
                found(request_ids)
            if progress is not None:
                phase = SyncProgress(REQUESTS_PHASE, tally.pages, tally.orders, len(finding), None)
                progress(phase)

        if self._intake is not None:
            outcome = run_intake(
                self._db,
                self._client,
                self._store_id,
                self._intake,
                clock=self._clock,
                cancel=cancel,
                detail=detail,
                found=found_by_sources,
                awaiting=bulk is not None,
                edits_in_bulk=bulk is not None and bulk.with_edits,
            )
            tally.take(outcome)
        with self._db.reading() as conn:
            gids = request_orders_to_read(
                conn,
                self._store_id,
                confirmed_before=run.started_at if first else None,
                enough=JUDGEABLE if first else (FULL,),
            )
        # Shopify's own new requests, made from the bulk file (else by id) once it is in
        edits = edit_orders_waiting(self._db, self._store_id) if bulk and bulk.with_edits else []
        started = time.monotonic()
        to_read = len(set(gids) | set(edits))  # by the bulk operation and by id
        asked = list(gids)

        batch_requests: set[int] = set()

        def saved(conn: sqlite3.Connection, fetched: list[FetchedOrder]) -> None:
            self._save_page(conn, fetched, tally, pages=0)
            tally.read_in_full += len(fetched)
            batch_requests.clear()
            batch_requests.update(_request_ids(conn, self._store_id, fetched))

        def committed() -> None:
            if found is not None and batch_requests:
                found(frozenset(batch_requests))
            if progress is not None:
                done = tally.read_in_full
                left = (time.monotonic() - started) / max(done, 1) * (to_read - done)
                progress(
                    SyncProgress(
                        reading,
                        tally.pages,
                        tally.orders,
                        len(tally.request_ids),
                        timedelta(seconds=max(left, 0)),
                        done,
                        to_read,
                    )
                )

        from_file: dict[str, dict[str, Any]] = {}
        if bulk is not None and (gids or edits):

            def preparing(started: BulkStarted) -> None:
                if progress is not None:  # how many of ours, and how far Shopify is
                    requests, prepared = len(tally.request_ids), started.prepared
                    pages, orders = tally.pages, tally.orders
                    progress(
                        SyncProgress(BULK_PHASE, pages, orders, requests, None, prepared, to_read)
                    )

            preparing(bulk)
            bulk_outcome = finish_bulk_read(
                self._db,
                self._client,
                self._store_id,
                bulk,
                gids,
                edits=edits,
                cancel=cancel,
                seen=preparing,
                saved=saved,
                committed=committed,
                interval=self._settings.bulk_poll,
            )
            tally.bulk_orders += len(bulk_outcome.saved)
            tally.bulk_wait += bulk_outcome.waited
            tally.bulk_operations += len(bulk.parts)
            gids = [g for g in gids if g not in bulk_outcome.saved]
            from_file = bulk_outcome.edit_orders
        if edits:
            lacking = self._take_in_edits(from_file, run, tally, cancel, found)
            gids += [g for g in lacking if g not in gids]
            asked += [g for g in lacking if g not in asked]
        read = read_orders(
            self._db,
            self._client,
            self._store_id,
            gids,
            detail,
            clock=self._clock,
            cancel=cancel,
            saved=saved,
            committed=committed,
        )
        if not read or cancel.is_set():  # the sources may have stopped half-way
            return False
        self._unmatch_vanished(asked, tally, found)
        return True

    def _take_in_edits(
        self,
        from_file: dict[str, dict[str, Any]],
        run: SyncRun,
        tally: _Tally,
        cancel: threading.Event,
        found: Found | None,
    ) -> list[str]:
        """Store Shopify's own requests left for the bulk file (`take_in_edits`); the orders
        of theirs the cache still lacks, to read by id."""
        outcome = take_in_edits(
            self._db, self._client, self._store_id, from_file, clock=self._clock, cancel=cancel
        )
        tally.take(outcome)
        if found is not None and outcome.request_ids:
            found(outcome.request_ids)
        with self._db.reading() as conn:
            return request_orders_to_read(
                conn, self._store_id, confirmed_before=run.started_at, enough=JUDGEABLE
            )

    def _unmatch_vanished(self, asked: list[str], tally: _Tally, found: Found | None) -> None:
        """A request stored for an order being read (a trusted channel named it while a bulk
        operation ran) whose order Shopify no longer has ends as it would have without the
        bulk operation: unmatched, saying so, for the merchant to find its order or close it."""
        if not asked:
            return
        with self._db.transaction() as conn:
            if _removed(conn, self._store_id):
                raise Cancelled
            unmatched = unmatch_vanished_orders(
                conn, self._store_id, asked, no_such_order, now=self._clock()
            )
        if not unmatched:
            return
        ids = frozenset(request_id for request_id, _reason in unmatched)
        tally.request_ids.update(ids)
        tally.notices.extend(reason for _request_id, reason in unmatched)
        if found is not None:
            found(ids)

    def _save_page(
        self,
        conn: sqlite3.Connection,
        orders: list[FetchedOrder],
        tally: _Tally,
        *,
        pages: int = 1,
    ) -> None:
        if _removed(conn, self._store_id):  # removed while this run was reading: write nothing
            raise Cancelled
        upsert_orders(conn, self._store_id, orders)
        for hook in self._hooks:
            hook(conn, self._store_id, orders)
        tally.pages += pages
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


def _removed(conn: sqlite3.Connection, store_id: int) -> bool:
    row = conn.execute("SELECT auth_kind FROM stores WHERE id = ?", (store_id,)).fetchone()
    return row is None or row[0] == REMOVED


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
