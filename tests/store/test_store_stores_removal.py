"""Removing a store deletes what this computer cached of it and keeps the audit log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.money import Money
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import Database
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.intake_state import save_csv_mapping, save_cursor
from cancelapp.store.orders import upsert_orders
from cancelapp.store.requests import add_request
from cancelapp.store.stores import get_store, list_stores, remove_store, save_store
from cancelapp.store.sync_state import get_sync_state

CACHE_TABLES = (
    "orders",
    "requests",
    "request_messages",
    "sync_state",
    "source_cursors",
    "csv_mappings",
)


def _fill(conn: sqlite3.Connection, store_id: int) -> int:
    """Orders, a request with a decision and an action, cursors, a mapping, an audit entry."""
    upsert_orders(conn, store_id, [fetched(make_order(1)), fetched(make_order(2))])
    request_id = add_request(
        conn, draft(store_id, message(external_id=f"m{store_id}"), order_number=1), now=T0
    ).request_id
    conn.execute(
        """INSERT INTO decisions (request_id, outcome, policy_snapshot, decided_by, decided_at)
           VALUES (?, 'approve', '{}', 'Mette', '2026-11-20T09:00:00Z')""",
        (request_id,),
    )
    conn.execute(
        """INSERT INTO actions (request_id, store_id, order_gid, kind, state, created_at,
               updated_at) VALUES (?, ?, ?, 'cancel', 'done', 'x', 'x')""",
        (request_id, store_id, order_gid(1)),
    )
    conn.execute("INSERT INTO sync_state (store_id) VALUES (?)", (store_id,))
    save_cursor(conn, store_id, "email", {"uid": 4}, now=T0)
    save_csv_mapping(conn, store_id, "a,b", {"order": "a"}, now=T0)
    append_audit(
        conn,
        AuditEntry(
            at=T0,
            who="Mette",
            what="refund",
            store_id=store_id,
            amount=Money.of("449.00", "DKK"),
            order_gid=order_gid(1),
            request_id=request_id,
        ),
    )
    return request_id


def _count(conn: sqlite3.Connection, table: str, store_id: int) -> int:
    row = conn.execute(f"SELECT count(*) FROM {table} WHERE store_id = ?", (store_id,)).fetchone()  # noqa: S608
    return int(row[0])


def test_removing_a_store_keeps_the_other_store_and_the_audit_log(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        other = save_store(
            conn,
            Endpoint.for_shop("other.myshopify.com"),
            name="Other",
            currency="EUR",
            timezone="UTC",
            auth_kind="access_token",
            now=T0,
        )
        _fill(conn, store_id)
        _fill(conn, other)
    with database.transaction() as conn:
        remove_store(conn, store_id)
    with database.reading() as conn:
        assert [s.id for s in list_stores(conn)] == [other]
        for table in CACHE_TABLES:
            assert _count(conn, table, store_id) == 0, table
            assert _count(conn, table, other) > 0, table
        assert conn.execute("SELECT count(*) FROM order_snapshots").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1
        assert _count(conn, "actions", store_id) == 1  # the journal is kept
        assert [e.what for e in list_audit(conn, store_id)] == ["refund"]
        assert get_sync_state(conn, store_id).last_success_at is None
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_connecting_a_removed_store_again_brings_it_back(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        remove_store(conn, store_id)
        record = get_store(conn, store_id)
        assert record is not None
        again = save_store(
            conn,
            record.endpoint,
            name="Demo",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=datetime(2026, 11, 21, tzinfo=UTC),
        )
    assert again == store_id
    with database.reading() as conn:
        assert [s.id for s in list_stores(conn)] == [store_id]
