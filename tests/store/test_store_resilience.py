"""The database survives its own files: checkpoints leave the .sqlite3 file complete, backups
use SQLite's online API (the newest seven kept), damage anywhere is found by `quick_check`,
an emptied file is reported, a deleted -wal gives a message, and a restore is audited."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cancelapp.store import Database, DatabaseCorruptError
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.backups import (
    KEEP,
    back_up,
    backup_folder,
    backups,
    copy_to,
    restore_latest,
    upkeep,
)
from cancelapp.store.errors import DiskIOError, EmptyDatabaseError
from fixtures.database import count_in_file_alone, save_demo_store

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
ENTRIES = 2_000


def filled(path: Path) -> Database:
    """A database with a store and enough audit rows to span a few hundred pages."""
    database = Database.open(path)
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
        for n in range(ENTRIES):
            append_audit(conn, AuditEntry(NOW, "Søren", "note", store_id, detail={"n": n}))
    return database


def test_checkpoint_leaves_all_data_in_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = filled(path)
    try:
        assert count_in_file_alone(path, tmp_path) == 0  # all of it sits in the -wal
        database.checkpoint()
        assert path.with_name(path.name + "-wal").stat().st_size == 0  # TRUNCATE
        assert count_in_file_alone(path, tmp_path) == ENTRIES
    finally:
        database.close()


def test_upkeep_checkpoints_and_backs_up_daily_keeping_seven(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = filled(path)
    try:
        made = [upkeep(database, NOW + timedelta(days=day)) for day in range(KEEP + 3)]
        again = upkeep(database, NOW + timedelta(days=KEEP + 2, hours=5))  # not due yet
    finally:
        database.close()
    assert all(made) and again is None
    kept = backups(backup_folder(path))
    assert kept == sorted(made, reverse=True)[:KEEP]  # type: ignore[type-var]
    conn = sqlite3.connect(kept[0])
    try:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == ENTRIES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    finally:
        conn.close()


def test_back_up_to_a_chosen_file_while_the_database_is_in_use(tmp_path: Path) -> None:
    database = filled(tmp_path / "data" / "cancelapp.sqlite3")
    try:
        target = copy_to(database, tmp_path / "usb" / "CancelApp backup.sqlite3")
    finally:
        database.close()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == ENTRIES
    finally:
        conn.close()
    assert not list((tmp_path / "usb").glob("*.partial"))


def scramble_middle(path: Path, size: int = 8192) -> None:
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(size))


def test_quick_check_finds_random_bytes_in_the_middle_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    database = filled(path)
    database.checkpoint()
    database.close()
    scramble_middle(path)
    Database.open(path).close()  # the landed check: the header alone looks fine
    with pytest.raises(DatabaseCorruptError):
        Database.open(path, verify=True)


def test_an_emptied_database_file_is_reported_not_started_empty(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    database = filled(path)
    database.checkpoint()
    database.close()
    path.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError) as caught:
        Database.open(path)
    assert "empty (0 bytes)" in caught.value.merchant_message
    assert path.stat().st_size == 0  # left as found


def test_a_deleted_wal_gives_a_message_saying_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    database = filled(path)
    other = Database(path)  # a second thread's connection, like a worker's
    try:
        path.with_name(path.name + "-wal").unlink()  # a cleaner or sync tool
        with pytest.raises(DiskIOError) as caught, other.reading() as conn:
            conn.execute("SELECT count(*) FROM audit_log").fetchone()
    finally:
        other.close()
        database.close()
    message = caught.value.merchant_message
    assert "disk error" in message and "Quit CancelApp" in message and str(tmp_path) in message


def test_restore_takes_the_newest_sound_backup_and_is_audited(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cancelapp.sqlite3"
    database = filled(path)
    try:
        good = back_up(database, NOW)
        broken = back_up(database, NOW + timedelta(days=1))
        with database.transaction() as conn:
            store_id = conn.execute("SELECT id FROM stores").fetchone()[0]
    finally:
        database.close()
    scramble_middle(broken)
    scramble_middle(path)
    restored = restore_latest(DatabaseCorruptError(path), NOW + timedelta(days=2))
    assert restored is not None
    assert restored.backup == good  # the damaged newer backup was passed over
    assert restored.damaged_kept_as.exists()  # never deleted
    database = Database.open(path, verify=True)
    try:
        with database.reading() as conn:
            entries = list_audit(conn, store_id, limit=5)
    finally:
        database.close()
    restore = entries[0]
    assert restore.what == "restore" and restore.who == "CancelApp"
    assert restore.detail["backup"] == good.name
    assert restore.detail["damaged_kept_as"] == restored.damaged_kept_as.name


def test_no_backup_means_no_restore(tmp_path: Path) -> None:
    path = tmp_path / "cancelapp.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    assert restore_latest(DatabaseCorruptError(path), NOW) is None
    assert path.exists()  # untouched
