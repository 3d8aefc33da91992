"""Reading orders in full: the orders that carry a request, and one order on demand.

The sync caches most orders lean (`cancelapp.store.orders.LEAN`); before the policy or an
action uses an order, it must be cached in full. `ensure_full_order` does that for one order
(the detail pane, an action about to start); `read_in_full` for the sync's list of orders
with requests. Each order is saved in its own transaction, so a cancelled or killed read
keeps what it finished.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from cancelapp.domain.order import Order
from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store.database import Database
from cancelapp.store.orders import FetchedOrder, load_order, upsert_orders

Clock = Callable[[], datetime]


def fetch_full_order(
    client: ShopifyClient, gid: str, *, clock: Clock, cancel: threading.Event | None = None
) -> FetchedOrder | None:
    """The order read live with the full document; None when Shopify has no such order."""
    data = client.query(documents.load("order"), {"id": gid}, cancel=cancel)
    node = data.get("order")
    if not isinstance(node, dict):
        return None
    return FetchedOrder(order_from_node(node), node, clock())


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


def read_in_full(
    db: Database,
    client: ShopifyClient,
    store_id: int,
    gids: Iterable[str],
    *,
    clock: Clock,
    cancel: threading.Event,
    saved: Callable[[sqlite3.Connection, FetchedOrder], None] | None = None,
) -> bool:
    """Read and cache each order in full; False when cancelled before the end.

    `saved(conn, order)` runs inside each order's transaction (the sync's hooks, its tally)."""
    for gid in gids:
        if cancel.is_set():
            return False
        fetched = fetch_full_order(client, gid, clock=clock, cancel=cancel)
        if fetched is None:
            continue  # deleted in Shopify: its request keeps the last known snapshot
        with db.transaction() as conn:
            upsert_orders(conn, store_id, [fetched])
            if saved is not None:
                saved(conn, fetched)
    return True
