"""Opening the database file: permissions, WAL, threads, and the failures a merchant can meet."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from contextlib import closing
from pathlib import Path

import pytest
from store_samples import T0

from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import (
    HEAD_VERSION,
    Database,
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    NewerDatabaseError,
)
from cancelapp.store.stores import get_store, list_stores, save_store


def test_new_database_is_private_wal_and_at_head(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "cancelapp.sqlite3"
    database = Database.open(path)
    try:
        conn = database.connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == HEAD_VERSION
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        database.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes; Windows uses ACLs")
def test_existing_file_with_loose_permissions_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    Database.open(path).close()
    path.chmod(0o644)
    Database.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_each_thread_gets_its_own_connection(database: Database) -> None:
    seen: list[sqlite3.Connection] = []
    worker = threading.Thread(target=lambda: seen.append(database.connection()))
    worker.start()
    worker.join()
    assert seen[0] is not database.connection()
    assert database.connection() is database.connection()


def test_a_worker_can_close_its_own_connection_and_get_a_new_one(database: Database) -> None:
    first = database.connection()
    database.close_thread_connection()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")
    assert database.connection() is not first
    assert database.connection().execute("SELECT 1").fetchone() == (1,)


def test_transaction_rolls_back_on_error(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as conn:
        save_store(
            conn,
            Endpoint.for_shop("a.myshopify.com"),
            name="A",
            currency="DKK",
            timezone="UTC",
            auth_kind="access_token",
            now=T0,
        )
        raise RuntimeError("interrupted")
    with database.reading() as conn:
        assert list_stores(conn) == []


def test_store_details_are_refreshed_not_duplicated(database: Database) -> None:
    with database.transaction() as conn:
        first = save_store(
            conn,
            Endpoint.for_shop("a.myshopify.com"),
            name="A",
            currency="DKK",
            timezone="UTC",
            auth_kind="access_token",
            now=T0,
        )
        second = save_store(
            conn,
            Endpoint.for_shop("a.myshopify.com"),
            name="A shop",
            currency="EUR",
            timezone="Europe/Copenhagen",
            auth_kind="client_credentials",
            now=T0,
        )
    with database.reading() as conn:
        store = get_store(conn, first)
    assert first == second
    assert store is not None and (store.name, store.currency) == ("A shop", "EUR")


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    Database.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {HEAD_VERSION + 1}")
    with pytest.raises(NewerDatabaseError) as caught:
        Database.open(path)
    assert "newer version of CancelApp" in caught.value.merchant_message
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == HEAD_VERSION + 1
    assert not list(tmp_path.glob("*.bak"))


def test_corrupt_file_is_detected_and_moved_aside_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    garbage = b"this is not a database, it was damaged by a bad disk" * 100
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError) as caught:
        Database.open(path)
    assert "damaged" in caught.value.merchant_message
    kept = caught.value.move_aside()
    assert not path.exists()
    assert kept.read_bytes() == garbage
    Database.open(path).close()  # a fresh database for the resync
    assert path.exists() and kept.exists()


def test_damaged_page_inside_a_database_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    database = Database.open(path)
    with database.transaction() as conn:
        conn.executemany(
            "INSERT INTO audit_log (at, who, what, detail) VALUES (?, 'me', 'note', ?)",
            [(str(i), "x" * 500) for i in range(200)],
        )
    database.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    data = bytearray(path.read_bytes())
    page_size = 4096
    data[-page_size * 6 : -page_size] = b"\xff" * (page_size * 5)  # wreck the log's pages
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError):
        reopened = Database.open(path)
        try:
            with reopened.reading() as conn:
                conn.execute("SELECT count(*), sum(length(detail)) FROM audit_log").fetchone()
        finally:
            reopened.close()


def test_another_programs_sqlite_file_is_not_taken_for_ours(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseCorruptError):
        Database.open(path)


def test_locked_database_gives_a_locked_message(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    database = Database.open(path, busy_timeout=0.05)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLockedError) as caught, database.transaction():
            pass
        assert "busy" in caught.value.merchant_message
    finally:
        other.close()
        database.close()


def test_full_disk_gives_a_disk_full_message(database: Database) -> None:
    conn = database.connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the file may not grow: a full disk
    with pytest.raises(DiskFullError) as caught, database.transaction() as tx:
        tx.executemany(
            "INSERT INTO audit_log (at, who, what, detail) VALUES ('t', 'me', 'note', ?)",
            [("x" * 4000,) for _ in range(20)],
        )
    assert "full" in caught.value.merchant_message
    with database.reading() as tx:
        assert tx.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_a_store_keeps_its_endpoint_as_the_wizard_validated_it(database: Database) -> None:
    endpoint = Endpoint.loopback("https://127.0.0.1:8443")
    with database.transaction() as conn:
        store_id = save_store(
            conn,
            endpoint,
            name="Demo",
            currency="DKK",
            timezone="UTC",
            auth_kind="access_token",
            now=T0,
        )
        record = get_store(conn, store_id)
    assert record is not None
    assert record.endpoint == endpoint
    assert record.domain == "127.0.0.1:8443"
