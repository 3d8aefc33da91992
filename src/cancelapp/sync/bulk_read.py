"""A first connect's orders through bulk operations, off the rate limit.

On a first connect the request sources name a few hundred orders, and reading each with what a
verdict needs (`OrderVerdict` by id, about 27 points each) was most of the connect's points.
So before the sources run, bulk queries (`cancelapp.shopify.bulk`) ask Shopify for the same
fields of every order their searches find (the tag with its look-back, Shopify's own waiting
requests), and Shopify prepares them while the sources read their own pages. Requests found
meanwhile are stored at once and shown as being read (`intake.py`, `awaiting`); as each file
comes in, its orders are saved and judged a batch at a time. Orders no file holds (named by
email, tagged since, a search Shopify answers otherwise) are read by id after them, as are a
part's when Shopify will not run it or loses it: nothing depends on it but time.
When the search holds Shopify's waiting filter, the query also selects the orders' requested
edits (`with_edits`): Shopify's own source then leaves its new requests to be made from the
files (`intake.py` `take_in_edits`) instead of reading each order by id (about 14 points each).

A large store's search is cut into up to `MOST_OPERATIONS` disjoint parts by order id
(`split_search`), one operation each, so that they run side by side: Shopify allows five bulk
queries per shop at a time since 2026-01, and one is left for the merchant's other apps. How
many comes from one cheap read (`graphql/order_span.graphql`: the count and the first and last
order by id); a part holds at least `SyncSettings.bulk_part_orders` (1,000) orders, so a
small store runs one. The id range is cut into equal widths, assuming orders (and requests)
come at a steady pace. A sync cancelled while they run (the store removed, the window closed,
the app quitting) asks Shopify to stop every one still running, from threads of their own so
that nothing waits for the answer (`abandon_bulk_read`); a quitting app gives those requests a
moment to go out (`bulk_cancels.py`).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Sequence
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
    start_bulk_query,
    wait_for_bulks,
)
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import (
    Cancelled,
    MalformedResponse,
    MissingScopes,
    RequestRejected,
    UserErrors,
)
from cancelapp.sources.native import IGNORED, WAITING_FILTER, NativeCursor
from cancelapp.sources.order_tag import OrderTagConfig, OrderTagSource
from cancelapp.sources.shopify_times import parse_time
from cancelapp.store.database import Database
from cancelapp.store.intake_state import load_cursors
from cancelapp.store.orders import VERDICT, FetchedOrder
from cancelapp.sync import documents
from cancelapp.sync.bulk_cancels import BulkCancels
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
MOST_OPERATIONS = 4  # of ours at a time, of Shopify's five per shop: one for other apps


@dataclass
class BulkPart:
    search: str
    state: BulkState
    over: bool = False  # its file read, or Shopify lost it: nothing to cancel


@dataclass(frozen=True)
class BulkStarted:
    parts: tuple[BulkPart, ...]  # the operations Shopify runs, one per part of the search
    started_at: datetime  # the orders in the files are at least this fresh
    with_edits: bool = False  # the files hold the orders' buyer-requested edits too

    @property
    def prepared(self) -> int:
        """Orders written so far, all operations together."""
        return sum(part.state.root_count for part in self.parts)


@dataclass(frozen=True)
class BulkOutcome:
    saved: frozenset[str]  # order gids cached from the files
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


def split_search(
    client: ShopifyClient, search: str, part_orders: int, *, cancel: threading.Event
) -> list[str]:
    """The search cut into disjoint parts by order id, each finding about `part_orders` orders
    or more, at most `MOST_OPERATIONS` (`id:>=…`, `id:<…`: Shopify's id range filter); the
    search itself when it finds fewer than two parts' worth, or Shopify answers otherwise.
    Raises what the client raises when offline."""
    try:
        data = client.query(
            documents.load("order_span"),
            {"query": search, "limit": part_orders * MOST_OPERATIONS},
            cancel=cancel,
        )
    except (MalformedResponse, MissingScopes, RequestRejected, UserErrors) as refused:
        log.info("order span not read, one bulk operation: %s", refused.detail)
        return [search]
    count = _count(data.get("ordersCount"))
    low, high = _end_id(data.get("oldest")), _end_id(data.get("newest"))
    parts = min(MOST_OPERATIONS, count // max(part_orders, 1), (high - low + 1) if low else 0)
    if parts < 2:
        return [search]
    width = (high - low + 1) / parts
    cuts = [low + round(width * i) for i in range(1, parts)]
    scoped = f"({search})" if " OR " in search else search
    bounds = [(None, cuts[0]), *itertools.pairwise(cuts), (cuts[-1], None)]
    return [
        " ".join(
            [scoped]
            + ([f"id:>={start}"] if start is not None else [])
            + ([f"id:<{end}"] if end is not None else [])
        )
        for start, end in bounds
    ]


def _count(node: object) -> int:
    count = node.get("count") if isinstance(node, dict) else None
    return count if isinstance(count, int) and count > 0 else 0


def _end_id(connection: object) -> int:
    """The id number of a one-order page's order; 0 when there is none."""
    nodes = connection.get("nodes") if isinstance(connection, dict) else None
    if not isinstance(nodes, list) or not nodes or not isinstance(nodes[0], dict):
        return 0
    tail = str(nodes[0].get("id", "")).rpartition("/")[2]
    return int(tail) if tail.isdigit() else 0


def start_bulk_read(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    settings: IntakeSettings,
    *,
    clock: Clock,
    cancel: threading.Event,
    part_orders: int,
) -> BulkStarted | None:
    """Ask Shopify to prepare the orders the sources will name, a part of them per operation;
    None when it runs none. Once Shopify refuses one, the parts left are not asked (they are
    read by id)."""
    now = clock()
    search = bulk_search(db, client, store_id, settings, now)
    if search is None:
        return None
    # Shopify's own new requests are in the files when its waiting filter is in the search
    with_edits = WAITING_FILTER in search
    parts: list[BulkPart] = []
    for part in split_search(client, search, part_orders, cancel=cancel):
        query = bulk_query("order_verdicts_bulk", {"search": part, "withEdits": with_edits})
        try:
            parts.append(BulkPart(part, start_bulk_query(client, query, cancel=cancel)))
        except BulkUnavailable as refused:
            log.info("bulk read refused, reading those orders by id: %s", refused.reason)
            break
    return BulkStarted(tuple(parts), now, with_edits) if parts else None


def finish_bulk_read(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    started: BulkStarted,
    wanted: list[str],
    *,
    edits: Collection[str] = (),
    cancel: threading.Event,
    seen: Callable[[BulkStarted], None],
    saved: Callable[[sqlite3.Connection, list[FetchedOrder]], None],
    committed: Callable[[], None],
    interval: Callable[[int], float],
) -> BulkOutcome:
    """Wait for the operations and, as each ends, cache the `wanted` and `edits` orders its
    file holds (with what a verdict needs), a batch at a time; give back the `edits` ones with
    their requested edits. Nothing saved from one Shopify failed or lost. Raises `Cancelled`
    and what the client raises when offline."""
    waiting = time.monotonic()
    waited = 0.0
    edit_gids = set(edits)
    want = set(wanted) | edit_gids
    connections = WITH_EDITS if started.with_edits else CONNECTIONS
    cached: set[str] = set()
    edit_orders: dict[str, dict[str, Any]] = {}

    def polled(states: Sequence[BulkState]) -> None:
        for part, state in zip(started.parts, states, strict=True):
            part.state = state
        seen(started)

    states = [part.state for part in started.parts]
    endings = wait_for_bulks(client, states, cancel=cancel, seen=polled, interval=interval)
    for index, ended in endings:
        waited = time.monotonic() - waiting
        part = started.parts[index]
        try:
            if isinstance(ended, BulkUnavailable):
                raise ended
            nodes = bulk_nodes(client, ended, connections, cancel=cancel)
        except BulkUnavailable as lost:
            log.info("bulk read failed, reading those orders by id: %s", lost.reason)
            part.over = True
            continue
        part.over = True
        fetched = []
        for node in nodes:
            if node["id"] not in want or node["id"] in cached:
                continue
            requested = node.pop(EDITS, None)  # the snapshot holds what the by-id read gives
            if node["id"] in edit_gids and requested is not None:
                edit_orders[node["id"]] = {**node, EDITS: requested}
            fetched.append(FetchedOrder.from_node(node, started.started_at, VERDICT))
        for start in range(0, len(fetched), BATCH * 5):
            if cancel.is_set():
                raise Cancelled
            save_batch(db, store_id, fetched[start : start + BATCH * 5], saved, committed)
        cached.update(f.order.id for f in fetched)
    return BulkOutcome(frozenset(cached), waited, edit_orders)


def abandon_bulk_read(client: ShopifyClient, started: BulkStarted, cancels: BulkCancels) -> None:
    """The sync stopped before every file was read, or needed none: ask Shopify to cancel each
    operation still running, best effort, each from a thread of its own (a closing window never
    waits for them, and one slow answer holds up no other; a quitting app gives them a moment
    before the client closes: `bulk_cancels.py`)."""
    for part in started.parts:
        if not part.over:
            cancels.send(client, part.state.id)
