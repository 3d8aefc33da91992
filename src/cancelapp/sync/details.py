"""Reading orders with more than the lean list gives: the orders with requests, one on demand.

The sync caches most orders lean (`cancelapp.store.orders.LEAN`). Before the policy judges an
order it must be cached with at least what a verdict needs (`VERDICT`); before an action, in
full (`FULL`: the actions read it live anyway). `read_orders` reads a list of orders at either
level, many to a request (`cancelapp.shopify.batching`), saving each batch in its own
transaction so a cancelled or killed read keeps what it finished; `ensure_full_order` reads one
order in full (the detail pane, an unmatched request matched by hand).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from cancelapp.domain.order import Order
from cancelapp.shopify import documents
from cancelapp.shopify.batching import read_by_ids
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import is_truncated
from cancelapp.store.database import Database
from cancelapp.store.orders import FULL, VERDICT, FetchedOrder, load_order, upsert_orders

Clock = Callable[[], datetime]
BATCH = 20  # orders saved (and reported) together: a few requests' worth
_DOCUMENTS = {FULL: "order", VERDICT: "order_verdict"}


def fetch_full_order(
    client: ShopifyClient, gid: str, *, clock: Clock, cancel: threading.Event | None = None
) -> FetchedOrder | None:
    """The order read live with the full document; None when Shopify has no such order."""
    data = client.query(documents.load("order"), {"id": gid}, cancel=cancel)
    node = data.get("order")
    if not isinstance(node, dict):
        return None
    return FetchedOrder.from_node(node, clock())


def fetch_orders(
    client: ShopifyClient,
    gids: Iterable[str],
    detail: str,
    *,
    clock: Clock,
    cancel: threading.Event | None = None,
) -> list[FetchedOrder]:
    """The orders Shopify still has, read live at `detail` (`FULL` or `VERDICT`), many to a
    request. A verdict-level order too large for one read is read again in full."""
    found = read_by_ids(client, documents.load(_DOCUMENTS[detail]), gids, cancel=cancel)
    fetched_at = clock()
    fetched = []
    for node in found.values():
        if not isinstance(node, dict):
            continue  # deleted in Shopify: its request keeps the last known snapshot
        if detail == VERDICT and is_truncated(node):
            full = fetch_full_order(client, str(node["id"]), clock=clock, cancel=cancel)
            if full is not None:
                fetched.append(full)
            continue
        fetched.append(FetchedOrder.from_node(node, fetched_at, detail))
    return fetched


def ensure_full_order(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    gid: str,
    *,
    clock: Clock = lambda: datetime.now(UTC),
    cancel: threading.Event | None = None,
) -> Order | None:
    """The order in full: from the cache when it holds it in full, else read from Shopify and
    cached. None when Shopify has no such order. Raises `ShopifyError` when offline."""
    with db.reading() as conn:
        cached = load_order(conn, store_id, gid)
    if cached is not None:
        return cached
    fetched = fetch_full_order(client, gid, clock=clock, cancel=cancel)
    if fetched is None:
        return None
    with db.transaction() as conn:
        upsert_orders(conn, store_id, [fetched])
    return fetched.order


def read_orders(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    gids: Iterable[str],
    detail: str,
    *,
    clock: Clock,
    cancel: threading.Event,
    saved: Callable[[sqlite3.Connection, list[FetchedOrder]], None] | None = None,
    committed: Callable[[], None] | None = None,
) -> bool:
    """Read and cache the orders at `detail`, a batch at a time; False when cancelled first.

    `saved(conn, orders)` runs inside each batch's transaction (the sync's hooks, its tally),
    `committed()` after it (others can read the batch now)."""
    wanted = list(gids)
    for start in range(0, len(wanted), BATCH):
        if cancel.is_set():
            return False
        batch = wanted[start : start + BATCH]
        fetched = fetch_orders(client, batch, detail, clock=clock, cancel=cancel)
        save_batch(db, store_id, fetched, saved, committed)
    return True


def save_batch(
    db: Database,
    store_id: int,
    fetched: list[FetchedOrder],
    saved: Callable[[sqlite3.Connection, list[FetchedOrder]], None] | None,
    committed: Callable[[], None] | None,
) -> None:
    """Cache one batch of orders in its own transaction, with `read_orders`' callbacks."""
    with db.transaction() as conn:
        upsert_orders(conn, store_id, fetched)
        if saved is not None:
            saved(conn, fetched)
    if committed is not None:
        committed()
