"""The shops this installation talks to. No secrets: credentials live in the OS keychain."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from cancelapp.store.times import to_db_time


@dataclass(frozen=True)
class StoreRecord:
    id: int
    domain: str  # "name.myshopify.com", or the demo shop's loopback address
    name: str
    currency: str
    timezone: str  # IANA, e.g. "Europe/Copenhagen"
    auth_kind: str  # "access_token" | "client_credentials" | "demo"


def save_store(
    conn: sqlite3.Connection,
    domain: str,
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
        (domain, name, currency, timezone, auth_kind, to_db_time(now)),
    ).fetchone()
    return int(row[0])


def get_store(conn: sqlite3.Connection, store_id: int) -> StoreRecord | None:
    row = conn.execute(
        "SELECT id, domain, name, currency, timezone, auth_kind FROM stores WHERE id = ?",
        (store_id,),
    ).fetchone()
    return None if row is None else StoreRecord(*row)


def list_stores(conn: sqlite3.Connection) -> list[StoreRecord]:
    rows = conn.execute(
        "SELECT id, domain, name, currency, timezone, auth_kind FROM stores ORDER BY id"
    ).fetchall()
    return [StoreRecord(*row) for row in rows]


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
