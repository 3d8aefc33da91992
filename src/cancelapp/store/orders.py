"""Cached orders: the columns the queue shows and filters on, plus Shopify's node as JSON.

The snapshot is the order node exactly as fetched, so `load_order()` maps it with the same
code as a live response and a newer CancelApp can read fields an older one never used.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cancelapp.domain.order import Order
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store.times import from_db_time, to_db_time


@dataclass(frozen=True)
class FetchedOrder:
    """An order as mapped, the raw node it came from, and when it was read from Shopify."""

    order: Order
    node: Mapping[str, Any]
    fetched_at: datetime


def upsert_orders(conn: sqlite3.Connection, store_id: int, orders: Iterable[FetchedOrder]) -> int:
    """Insert or replace cached orders; an older snapshot never overwrites a newer one."""
    fetched_list = list(orders)
    conn.executemany(
        """INSERT INTO orders (store_id, gid, name, customer_name, customer_email, created_at,
               updated_at, financial_status, fulfillment_status, total_amount, currency,
               cancelled, tags, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (store_id, gid) DO UPDATE SET name = excluded.name,
               customer_name = excluded.customer_name, customer_email = excluded.customer_email,
               created_at = excluded.created_at, updated_at = excluded.updated_at,
               financial_status = excluded.financial_status,
               fulfillment_status = excluded.fulfillment_status,
               total_amount = excluded.total_amount, currency = excluded.currency,
               cancelled = excluded.cancelled, tags = excluded.tags,
               fetched_at = excluded.fetched_at
           WHERE excluded.fetched_at >= orders.fetched_at""",
        [_row(store_id, fetched) for fetched in fetched_list],
    )
    # The snapshot follows its row: written only where the row took this fetch.
    conn.executemany(
        """INSERT INTO order_snapshots (order_id, snapshot)
           SELECT id, ? FROM orders WHERE store_id = ? AND gid = ? AND fetched_at = ?
           ON CONFLICT (order_id) DO UPDATE SET snapshot = excluded.snapshot""",
        [
            (
                json.dumps(f.node, separators=(",", ":")),
                store_id,
                f.order.id,
                to_db_time(f.fetched_at),
            )
            for f in fetched_list
        ],
    )
    return len(fetched_list)


def load_order(conn: sqlite3.Connection, store_id: int, gid: str) -> Order | None:
    """The cached order, mapped from its snapshot; None if it is not in the cache."""
    snapshot = load_snapshot(conn, store_id, gid)
    return None if snapshot is None else order_from_node(snapshot)


def load_snapshot(conn: sqlite3.Connection, store_id: int, gid: str) -> dict[str, Any] | None:
    """The order node as Shopify sent it."""
    row = conn.execute(
        """SELECT s.snapshot FROM orders o JOIN order_snapshots s ON s.order_id = o.id
           WHERE o.store_id = ? AND o.gid = ?""",
        (store_id, gid),
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def order_fetched_at(conn: sqlite3.Connection, store_id: int, gid: str) -> datetime | None:
    row = conn.execute(
        "SELECT fetched_at FROM orders WHERE store_id = ? AND gid = ?", (store_id, gid)
    ).fetchone()
    return None if row is None else from_db_time(row[0])


def find_order_gids(
    conn: sqlite3.Connection, store_id: int, *, name: str | None = None, email: str | None = None
) -> list[str]:
    """Cached orders with this name ("#1001") and/or customer email (any case), newest first."""
    clauses = ["store_id = ?"]
    params: list[Any] = [store_id]
    if name is not None:
        clauses.append("name = ?")
        params.append(name)
    if email is not None:
        clauses.append("customer_email = ?")
        params.append(email)
    rows = conn.execute(
        f"SELECT gid FROM orders WHERE {' AND '.join(clauses)} ORDER BY created_at DESC",  # noqa: S608
        params,
    ).fetchall()
    return [row[0] for row in rows]


def _row(store_id: int, fetched: FetchedOrder) -> tuple[Any, ...]:
    order = fetched.order
    return (
        store_id,
        order.id,
        order.name,
        order.customer_name,
        order.customer_email,
        to_db_time(order.created_at),
        to_db_time(order.updated_at),
        order.financial_status.value,
        order.fulfillment_status.value,
        format(order.total.amount, "f"),
        order.total.currency,
        int(order.is_cancelled),
        ", ".join(order.tags),
        to_db_time(fetched.fetched_at),
    )
