"""The shops this installation talks to. No secrets: credentials live in the OS keychain.

A removed store keeps its row, marked `auth_kind = 'removed'`: the append-only audit log (and
the action journal) still point at it. Connecting the same domain again revives the row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store.times import to_db_time


@dataclass(frozen=True)
class StoreRecord:
    id: int
    endpoint: Endpoint  # as the connect wizard validated it, kept by `Endpoint.stored`
    name: str
    currency: str
    timezone: str  # IANA, e.g. "Europe/Copenhagen"
    auth_kind: str  # "access_token" | "client_credentials" | "demo" (a token for this run only)

    @property
    def domain(self) -> str:
        """`name.myshopify.com`, or the demo shop's host:port: what the merchant reads and
        what the keychain and settings key the store's secrets and channels by."""
        return self.endpoint.domain


def _record(row: tuple[int, str, str, str, str, str]) -> StoreRecord:
    store_id, stored, name, currency, timezone, auth_kind = row
    return StoreRecord(store_id, Endpoint.from_stored(stored), name, currency, timezone, auth_kind)


def save_store(
    conn: sqlite3.Connection,
    endpoint: Endpoint,
    *,
    name: str,
    currency: str,
    timezone: str,
    auth_kind: str,
    now: datetime,
) -> int:
    """Insert the store or refresh its details; returns its id."""
    row = conn.execute(
        """INSERT INTO stores (domain, name, currency, timezone, auth_kind, created_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (domain) DO UPDATE SET name = excluded.name,
               currency = excluded.currency, timezone = excluded.timezone,
               auth_kind = excluded.auth_kind
           RETURNING id""",
        (endpoint.stored, name, currency, timezone, auth_kind, to_db_time(now)),
    ).fetchone()
    return int(row[0])


def move_store(conn: sqlite3.Connection, store_id: int, endpoint: Endpoint) -> None:
    """Give a store a new address (the in-process demo shop listens on a new port each start),
    keeping its cache; a no-op when another store already has that address."""
    conn.execute(
        "UPDATE stores SET domain = ? WHERE id = ?"
        " AND NOT EXISTS (SELECT 1 FROM stores WHERE domain = ?)",
        (endpoint.stored, store_id, endpoint.stored),
    )


def shown_name(store: StoreRecord, stores: Sequence[StoreRecord] = ()) -> str:
    """The store's name, with its shop domain when another of `stores` has the same name."""
    if not store.name:
        return store.domain
    if any(s.id != store.id and s.name == store.name for s in stores):
        return f"{store.name} ({store.domain})"
    return store.name


def get_store(conn: sqlite3.Connection, store_id: int) -> StoreRecord | None:
    row = conn.execute(
        "SELECT id, domain, name, currency, timezone, auth_kind FROM stores WHERE id = ?",
        (store_id,),
    ).fetchone()
    return None if row is None else _record(row)


REMOVED = "removed"  # the auth_kind of a store the merchant removed
SESSION_ONLY = "demo"  # the auth_kind of the demo shop: its token lives for one run only


def list_stores(conn: sqlite3.Connection) -> list[StoreRecord]:
    """The connected stores; removed ones are left out."""
    rows = conn.execute(
        "SELECT id, domain, name, currency, timezone, auth_kind FROM stores"
        " WHERE auth_kind != ? ORDER BY id",
        (REMOVED,),
    ).fetchall()
    return [_record(row) for row in rows]


def set_edit_window_minutes(conn: sqlite3.Connection, store_id: int, minutes: int | None) -> None:
    """Keep the store's window as Shopify gave it: minutes, -1 until fulfillment, None when
    it has none or would not say. Raises `KeyError` for an unknown store."""
    if minutes is not None and minutes < -1:
        raise ValueError(f"not an edit window: {minutes} minutes")
    cursor = conn.execute(
        "UPDATE stores SET edit_window_minutes = ? WHERE id = ?", (minutes, store_id)
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no store {store_id}")


def edit_window_minutes(conn: sqlite3.Connection, store_id: int) -> int | None:
    """The window `set_edit_window_minutes` kept; None when unknown (or no such store)."""
    row = conn.execute(
        "SELECT edit_window_minutes FROM stores WHERE id = ?", (store_id,)
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def remove_store(conn: sqlite3.Connection, store_id: int) -> None:
    """Delete what this computer cached of the store: its orders, requests with their messages
    and decisions, sync state, source cursors and CSV mappings. The audit log and the action
    journal are kept (a journal entry loses only its link to the deleted request), and so is
    the store row, marked removed. Run it inside a transaction."""
    requests = "SELECT id FROM requests WHERE store_id = ?"
    orders = "SELECT id FROM orders WHERE store_id = ?"
    for statement in (
        f"UPDATE actions SET request_id = NULL WHERE request_id IN ({requests})",  # noqa: S608
        f"DELETE FROM decisions WHERE request_id IN ({requests})",  # noqa: S608
        "DELETE FROM request_messages WHERE store_id = ?",
        "DELETE FROM requests WHERE store_id = ?",
        f"DELETE FROM order_snapshots WHERE order_id IN ({orders})",  # noqa: S608
        f"DELETE FROM order_costs WHERE order_id IN ({orders})",  # noqa: S608
        "DELETE FROM orders WHERE store_id = ?",
        "DELETE FROM sync_state WHERE store_id = ?",
        "DELETE FROM source_cursors WHERE store_id = ?",
        "DELETE FROM csv_mappings WHERE store_id = ?",
    ):
        conn.execute(statement, (store_id,))
    cursor = conn.execute(
        "UPDATE stores SET auth_kind = ?, edit_window_minutes = NULL WHERE id = ?",
        (REMOVED, store_id),
    )
    if cursor.rowcount != 1:
        raise KeyError(f"no store {store_id}")


def every_store_domain(conn: sqlite3.Connection) -> list[str]:
    """Every store this computer ever connected, removed ones included: `--remove-all-data`
    clears their keychain entries too, in case a removal could not."""
    rows = conn.execute("SELECT domain FROM stores ORDER BY id")
    return [Endpoint.from_stored(row[0]).domain for row in rows]  # as the keychain keys them
