"""Cached orders: the columns the queue shows and filters on, plus Shopify's node as JSON.

The snapshot is the order node exactly as fetched, so `load_order()` maps it with the same
code as a live response and a newer CancelApp can read fields an older one never used.

Most orders are cached lean (`LEAN`: only the list fields, no line items, fulfillment orders
or transactions). Orders with a request are first read with what a verdict needs (`VERDICT`:
the line items, fulfillment orders and transactions the policy reads, without inventory items
or fulfillment-order lines), then in full (`FULL`) in the background, when opened and before
any action. `load_order()` returns only full orders, so neither a lean nor a verdict-level
snapshot reaches the actions (or an offline decision) as if it were the whole order;
`load_judged_order()` returns full or verdict-level ones, for the policy and the detail pane.
A poorer read of an order held richer at the same `updatedAt` keeps the richer snapshot.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Self

from cancelapp.domain.order import Order
from cancelapp.domain.request import RequestState
from cancelapp.store.order_costs import save_order_costs
from cancelapp.store.times import from_db_time, optional_db_time, to_db_time

# Requests whose order still matters: their verdict and action need the whole order.
_UNDECIDED = tuple(
    s.value
    for s in (RequestState.OPEN, RequestState.QUEUED, RequestState.IN_PROGRESS, RequestState.FAILED)
)


FULL: Final = "full"
VERDICT: Final = "verdict"
LEAN: Final = "lean"
JUDGEABLE: Final = (FULL, VERDICT)  # details the policy can judge from
_RICHER = {LEAN: JUDGEABLE, VERDICT: (FULL,), FULL: ()}


@dataclass(frozen=True)
class FetchedOrder:
    """An order as mapped, the raw node it came from, and when it was read from Shopify.

    `detail` is `LEAN` when the node came from the lean list: then `order` has the list
    fields right and no line items, fulfillment orders or transactions; use it for the
    columns only. `VERDICT`: what the policy reads, not what an action needs.
    """

    order: Order
    node: Mapping[str, Any]
    fetched_at: datetime
    detail: str = FULL
    mapped: bool = field(default=False, compare=False, repr=False)  # `order` is the node's

    @classmethod
    def from_node(cls, node: Mapping[str, Any], fetched_at: datetime, detail: str = FULL) -> Self:
        """The node mapped to its order: `upsert_orders` then keeps the order beside the
        snapshot it writes, so loading that snapshot soon after (to judge it) maps nothing."""
        return cls(_order_from_node(node), node, fetched_at, detail, mapped=True)


def upsert_orders(conn: sqlite3.Connection, store_id: int, orders: Iterable[FetchedOrder]) -> int:
    """Insert or replace cached orders; an older snapshot never overwrites a newer one, and a
    poorer one (lean < verdict < full) never replaces a richer snapshot of the same
    `updatedAt` (it only confirms it). Nothing is written for a store removed meanwhile (a
    read that was under way when the merchant removed it). Returns how many were given."""
    fetched_list = list(orders)
    store = conn.execute("SELECT auth_kind FROM stores WHERE id = ?", (store_id,)).fetchone()
    if store is None or store[0] == "removed":  # `stores.REMOVED`
        return 0
    for detail, richer in _RICHER.items():
        if not richer:
            continue
        marks = ",".join("?" * len(richer))
        conn.executemany(
            f"""UPDATE orders SET fetched_at = ? WHERE store_id = ? AND gid = ?
                   AND detail IN ({marks}) AND updated_at = ? AND fetched_at <= ?""",  # noqa: S608
            [
                (
                    to_db_time(f.fetched_at),
                    store_id,
                    f.order.id,
                    *richer,
                    to_db_time(f.order.updated_at),
                    to_db_time(f.fetched_at),
                )
                for f in fetched_list
                if f.detail == detail
            ],
        )
    conn.executemany(
        """INSERT INTO orders (store_id, gid, name, customer_name, customer_email, created_at,
               updated_at, financial_status, fulfillment_status, total_amount, currency,
               cancelled, tags, fetched_at, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (store_id, gid) DO UPDATE SET name = excluded.name,
               customer_name = excluded.customer_name, customer_email = excluded.customer_email,
               created_at = excluded.created_at, updated_at = excluded.updated_at,
               financial_status = excluded.financial_status,
               fulfillment_status = excluded.fulfillment_status,
               total_amount = excluded.total_amount, currency = excluded.currency,
               cancelled = excluded.cancelled, tags = excluded.tags,
               fetched_at = excluded.fetched_at, detail = excluded.detail
           WHERE excluded.fetched_at > orders.fetched_at
               OR (excluded.fetched_at = orders.fetched_at AND (excluded.detail = 'full'
                   OR (excluded.detail = 'verdict' AND orders.detail = 'lean')))""",
        [_row(store_id, fetched) for fetched in fetched_list],
    )
    # The snapshot follows its row: written only where the row took this fetch.
    snapshots = [json.dumps(f.node, separators=(",", ":")) for f in fetched_list]
    pairs = zip(snapshots, fetched_list, strict=True)
    _MAPPED.remember((text, f.order) for text, f in pairs if f.mapped and f.detail != LEAN)
    conn.executemany(
        """INSERT INTO order_snapshots (order_id, snapshot)
           SELECT id, ? FROM orders
           WHERE store_id = ? AND gid = ? AND fetched_at = ? AND detail = ?
           ON CONFLICT (order_id) DO UPDATE SET snapshot = excluded.snapshot""",
        [
            (text, store_id, f.order.id, to_db_time(f.fetched_at), f.detail)
            for text, f in zip(snapshots, fetched_list, strict=True)
        ],
    )
    save_order_costs(
        conn, store_id, [(f.order, f.fetched_at) for f in fetched_list if f.detail == FULL]
    )
    return len(fetched_list)


def load_order(conn: sqlite3.Connection, store_id: int, gid: str) -> Order | None:
    """The cached order, mapped from its full snapshot; None if it is not cached in full."""
    row = _snapshot_row(conn, store_id, gid)
    return None if row is None or row[1] != FULL else _MAPPED.order(row[0])


def load_judged_order(conn: sqlite3.Connection, store_id: int, gid: str) -> Order | None:
    """The cached order read in full or with what a verdict needs: for the policy and the
    detail pane, never for an action (`load_order`). None when cached lean or not at all."""
    row = _snapshot_row(conn, store_id, gid)
    return None if row is None or row[1] not in JUDGEABLE else _MAPPED.order(row[0])


def load_listed_order(conn: sqlite3.Connection, store_id: int, gid: str) -> Order | None:
    """The cached order full or lean, for matching requests to orders only: its id, name,
    emails, status, total and tags are right; a lean one has no line items, fulfillment
    orders or transactions, so the policy and actions must use `load_order`."""
    row = _snapshot_row(conn, store_id, gid)
    return None if row is None else _MAPPED.order(row[0])


def load_snapshot(conn: sqlite3.Connection, store_id: int, gid: str) -> dict[str, Any] | None:
    """The order node as Shopify sent it (full or lean: see `order_detail`)."""
    row = _snapshot_row(conn, store_id, gid)
    return None if row is None else dict(json.loads(row[0]))


def order_detail(conn: sqlite3.Connection, store_id: int, gid: str) -> str | None:
    """`FULL`, `VERDICT` or `LEAN` for a cached order; None when it is not cached."""
    row = conn.execute(
        "SELECT detail FROM orders WHERE store_id = ? AND gid = ?", (store_id, gid)
    ).fetchone()
    return None if row is None else str(row[0])


def request_orders_to_read(
    conn: sqlite3.Connection,
    store_id: int,
    *,
    confirmed_before: datetime | None = None,
    enough: tuple[str, ...] = (FULL,),
) -> list[str]:
    """Orders of undecided requests to read again: never cached, cached with less detail than
    `enough` allows, or (with `confirmed_before`) not confirmed by Shopify since that moment."""
    marks = ",".join("?" * len(enough))
    rows = conn.execute(
        f"""SELECT r.order_gid FROM requests r
           LEFT JOIN orders o ON o.store_id = r.store_id AND o.gid = r.order_gid
           WHERE r.store_id = ? AND r.order_gid IS NOT NULL AND r.state IN (?, ?, ?, ?)
             AND (o.id IS NULL OR o.detail NOT IN ({marks}) OR o.fetched_at < ?)
           GROUP BY r.order_gid ORDER BY min(r.id)""",  # noqa: S608
        (store_id, *_UNDECIDED, *enough, optional_db_time(confirmed_before) or ""),
    ).fetchall()
    return [row[0] for row in rows]


def _snapshot_row(conn: sqlite3.Connection, store_id: int, gid: str) -> tuple[str, str] | None:
    row = conn.execute(
        """SELECT s.snapshot, o.detail FROM orders o JOIN order_snapshots s ON s.order_id = o.id
           WHERE o.store_id = ? AND o.gid = ?""",
        (store_id, gid),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


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


def search_order_gids(
    conn: sqlite3.Connection,
    store_id: int,
    *,
    name: str | None = None,
    email: str | None = None,
    customer: str | None = None,
    limit: int = 20,
) -> list[str]:
    """Cached orders for an unmatched request's search, newest first: by name, by customer
    email (any case) or by a part of the customer's name (any case)."""
    if name is not None:
        clause, value = "name = ?", name
    elif email is not None:
        clause, value = "customer_email = ? COLLATE NOCASE", email.strip()
    elif customer is not None:
        escaped = customer.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clause, value = "customer_name LIKE ? ESCAPE '\\'", f"%{escaped}%"
    else:
        return []
    rows = conn.execute(
        f"SELECT gid FROM orders WHERE store_id = ? AND {clause} "  # noqa: S608
        "ORDER BY created_at DESC LIMIT ?",
        (store_id, value, limit),
    ).fetchall()
    return [row[0] for row in rows]


def _row(store_id: int, fetched: FetchedOrder) -> tuple[Any, ...]:
    order = fetched.order
    # A cancelled order's current total is 0: the queue lists what it was worth.
    cancelled_worth = order.original_total if order.is_cancelled else None
    listed = cancelled_worth or order.total
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
        format(listed.amount, "f"),
        listed.currency,
        int(order.is_cancelled),
        ", ".join(order.tags),
        to_db_time(fetched.fetched_at),
        fetched.detail,
    )


class _MappedSnapshots:
    """The orders of the judgeable snapshots written last, by snapshot text (a bounded,
    thread-safe memo): a sync writes an order and judges it a moment later, and mapping it
    again from its JSON was a fifth of that work. Only orders mapped from their own node are
    kept (`FetchedOrder.from_node`), so a hit is what mapping the text would give; each is
    taken out when first loaded, so the memo holds only orders not yet judged."""

    MOST = 256  # a few of the sync's batches

    def __init__(self) -> None:
        self._orders: OrderedDict[str, Order] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, pairs: Iterable[tuple[str, Order]]) -> None:
        with self._lock:
            for text, order in pairs:
                self._orders[text] = order
                self._orders.move_to_end(text)
            while len(self._orders) > self.MOST:
                self._orders.popitem(last=False)

    def order(self, text: str) -> Order:
        with self._lock:
            known = self._orders.pop(text, None)
        return known if known is not None else _order_from_node(json.loads(text))


_MAPPED = _MappedSnapshots()


def _order_from_node(node: Mapping[str, Any]) -> Order:
    # Imported on first use: `cancelapp.shopify` brings the HTTP client and graphql-core
    # (about a second on a cold start), which nothing else in this module needs.
    from cancelapp.shopify.order_mapping import order_from_node

    return order_from_node(node)
