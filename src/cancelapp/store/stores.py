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
