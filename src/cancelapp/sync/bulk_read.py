"""A first connect's orders through one bulk operation, off the rate limit.

On a first connect the request sources name a few hundred orders, and reading each with what a
verdict needs (`OrderVerdict` by id, about 27 points each) was most of the connect's points.
So before the sources run, one bulk query (`cancelapp.shopify.bulk`) asks Shopify for the same
fields of every order their searches find (the tag with its look-back, Shopify's own waiting
requests), and Shopify prepares them while the sources read their own pages. Requests found
meanwhile are stored at once and shown as being read (`intake.py`, `awaiting`); once the file
is in, the orders are saved and judged a batch at a time. Orders the file does not hold (named
by email, tagged since, a search Shopify answers otherwise) are read by id after it, as are all
of them when Shopify will not run the operation or it fails: nothing depends on it but time.
When the search holds Shopify's waiting filter, the query also selects the orders' requested
edits (`with_edits`): Shopify's own source then leaves its new requests to be made from the
file (`intake.py` `take_in_edits`) instead of reading each order by id (about 14 points each).
One of ours at a time, by choice: a first connect starts one and waits for it. A sync cancelled
while it runs (the store removed, the window closed, the app quitting) asks Shopify to stop it,
from a thread of its own so that nothing waits for the answer (`abandon_bulk_read`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cancelapp.domain.request import RequestSource
from cancelapp.shopify.bulk import (
    BulkState,
    BulkUnavailable,
    Nested,
    bulk_nodes,
    bulk_query,
    cancel_bulk,
    start_bulk_query,
    wait_for_bulk,
)
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources.native import IGNORED, WAITING_FILTER, NativeCursor
from cancelapp.sources.order_tag import OrderTagConfig, OrderTagSource
from cancelapp.sources.shopify_times import parse_time
from cancelapp.store.database import Database
from cancelapp.store.intake_state import load_cursors
from cancelapp.store.orders import VERDICT, FetchedOrder
from cancelapp.sync.details import BATCH, Clock, save_batch
from cancelapp.sync.intake import IntakeSettings

log = logging.getLogger(__name__)
# each line names its parent (an order, or a requested edit); back under these connections
CONNECTIONS = {
    "LineItem": Nested("Order", ("lineItems",)),
    "FulfillmentOrder": Nested("Order", ("fulfillmentOrders",)),
}
EDITS = "requestedOrderEdits"  # the orders' edits and their removals, when the query asks
WITH_EDITS = {
    **CONNECTIONS,
    "RequestedOrderEdit": Nested("Order", (EDITS,)),
    "RequestedOrderEditLineItem": Nested("RequestedOrderEdit", ("lineItems", "removals")),
}


@dataclass(frozen=True)
class BulkStarted:
    state: BulkState
    started_at: datetime  # the orders in the file are at least this fresh
    with_edits: bool = False  # the file holds the orders' buyer-requested edits too


@dataclass(frozen=True)
class BulkOutcome:
    saved: frozenset[str]  # order gids cached from the file
    waited: float  # seconds spent waiting for Shopify after the sources were read
    # the orders of `edits` the file holds, with their requested edits (`take_in_edits`)
    edit_orders: dict[str, dict[str, Any]] = field(default_factory=dict)


def bulk_search(
    db: Database, client: ShopifyClient, store_id: int, settings: IntakeSettings, now: datetime
) -> str | None:
    """The search that finds what the polled Shopify sources will name: the tag source's own
    search from its cursor, OR Shopify's waiting-request filter (unless Shopify was seen to
    ignore it). None when neither source is on."""
    with db.reading() as conn:
        cursors = load_cursors(conn, store_id)
    parts = []
    if settings.tag:
        tag = OrderTagConfig(tag=settings.tag_name, first_look_back=settings.tag_look_back)
        saved = cursors.get(RequestSource.ORDER_TAG.value, {})
        since = parse_time(saved.get("since")) or now - tag.first_look_back
        parts.append(OrderTagSource(client, tag).search(since))
    if settings.native:
        native = NativeCursor.read(cursors.get(RequestSource.SHOPIFY.value, {}))
        if native.search != IGNORED:
            parts.append(WAITING_FILTER)
    if len(parts) < 2:
        return parts[0] if parts else None
    return " OR ".join(f"({part})" for part in parts)


def start_bulk_read(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    settings: IntakeSettings,
    *,
    clock: Clock,
    cancel: threading.Event,
) -> BulkStarted | None:
    """Ask Shopify to prepare the orders the sources will name; None when it will not."""
    now = clock()
    search = bulk_search(db, client, store_id, settings, now)
    if search is None:
        return None
    # Shopify's own new requests are in the file when its waiting filter is in the search
    with_edits = WAITING_FILTER in search
    query = bulk_query("order_verdicts_bulk", {"search": search, "withEdits": with_edits})
    try:
        state = start_bulk_query(client, query, cancel=cancel)
    except BulkUnavailable as refused:
        log.info("no bulk read, reading orders by id: %s", refused.reason)
        return None
    return BulkStarted(state, now, with_edits)


def finish_bulk_read(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    started: BulkStarted,
    wanted: list[str],
    *,
    edits: Collection[str] = (),
    cancel: threading.Event,
    seen: Callable[[BulkState], None],
    saved: Callable[[sqlite3.Connection, list[FetchedOrder]], None],
    committed: Callable[[], None],
    interval: Callable[[int], float],
) -> BulkOutcome:
    """Wait for the operation, then cache the `wanted` and `edits` orders its file holds (with
    what a verdict needs), a batch at a time, and give back the `edits` ones with their
    requested edits. Nothing saved when Shopify failed or lost it. Raises `Cancelled` and what
    the client raises when offline."""
    waiting = time.monotonic()
    try:
        state = wait_for_bulk(client, started.state, cancel=cancel, seen=seen, interval=interval)
        waited = time.monotonic() - waiting
        connections = WITH_EDITS if started.with_edits else CONNECTIONS
        nodes = bulk_nodes(client, state, connections, cancel=cancel)
    except BulkUnavailable as lost:
        log.info("bulk read failed, reading orders by id: %s", lost.reason)
        return BulkOutcome(frozenset(), time.monotonic() - waiting)
    want, with_edits = set(wanted) | set(edits), set(edits)
    fetched, edit_orders = [], {}
    for node in nodes:
        if node["id"] not in want:
            continue
        requested = node.pop(EDITS, None)  # the snapshot holds what the by-id read gives
        if node["id"] in with_edits and requested is not None:
            edit_orders[node["id"]] = {**node, EDITS: requested}
        fetched.append(FetchedOrder.from_node(node, started.started_at, VERDICT))
    for start in range(0, len(fetched), BATCH * 5):
        save_batch(db, store_id, fetched[start : start + BATCH * 5], saved, committed)
    return BulkOutcome(frozenset(f.order.id for f in fetched), waited, edit_orders)


def abandon_bulk_read(client: ShopifyClient, started: BulkStarted) -> None:
    """The sync stopped before the operation's file was read: ask Shopify to cancel it, best
    effort, from a daemon thread (a closing window or a quitting app never waits for it)."""
    threading.Thread(
        target=cancel_bulk,
        args=(client, started.state.id),
        name="bulk-cancel",
        daemon=True,
    ).start()
