"""Where matching finds orders: the local cache first, then Shopify itself.

A request can arrive for an order the cache has not synced yet (placed a minute ago), so the
chain asks Shopify when the cache has no such order.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from cancelapp.domain.order import Order
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.shopify.page_fit import largest_page
from cancelapp.sources.matching import OrderLookup
from cancelapp.store.orders import find_order_gids, load_listed_order


class CachedOrders:
    """Orders in the store's SQLite cache (`cancelapp.store.orders`), lean or full.

    Matching needs only what a lean snapshot holds right (id, name, emails, status); the
    policy and actions must read orders with `load_order`, which has the line items too.
    """

    def __init__(self, conn: sqlite3.Connection, store_id: int) -> None:
        self._conn = conn
        self._store_id = store_id

    def by_name(self, name: str) -> Order | None:
        gids = find_order_gids(self._conn, self._store_id, name=name)
        return load_listed_order(self._conn, self._store_id, gids[0]) if gids else None

    def by_id(self, order_id: str) -> Order | None:
        return load_listed_order(self._conn, self._store_id, order_id)


def order_nodes_named(
    client: ShopifyClient, name: str, *, cancel: threading.Event | None = None
) -> list[dict[str, Any]]:
    """The order nodes Shopify holds under exactly this name (its search also matches
    names containing it)."""
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    document = shopify_documents.load("orders")
    first = min(largest_page(document), 5)  # whole orders: a few fit under the cost cap
    data = client.query(document, {"query": f'name:"{quoted}"', "first": first}, cancel=cancel)
    nodes: list[dict[str, Any]] = (data.get("orders") or {}).get("nodes") or []
    return [n for n in nodes if n.get("name") == name]


class ShopifyOrders:
    """Orders read live through the Admin API."""

    def __init__(self, client: ShopifyClient) -> None:
        self._client = client

    def by_name(self, name: str) -> Order | None:
        nodes = order_nodes_named(self._client, name)
        return order_from_node(nodes[0]) if nodes else None

    def by_id(self, order_id: str) -> Order | None:
        node = self._client.query(shopify_documents.load("order"), {"id": order_id}).get("order")
        return order_from_node(node) if node else None


class FirstFound:
    """Asks each lookup in turn."""

    def __init__(self, *lookups: OrderLookup) -> None:
        self._lookups = lookups

    def by_name(self, name: str) -> Order | None:
        return next((o for lk in self._lookups if (o := lk.by_name(name)) is not None), None)

    def by_id(self, order_id: str) -> Order | None:
        return next((o for lk in self._lookups if (o := lk.by_id(order_id)) is not None), None)
