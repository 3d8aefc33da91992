"""The SQLite file: opening, migrating, one connection per thread, transactions.

Workers open their own connection (`Database.connection()` is per thread); every write runs
in `Database.transaction()`, which takes the write lock up front (BEGIN IMMEDIATE) so two
writers never deadlock on a lock upgrade.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from cancelapp.store.errors import (
    DatabaseCorruptError,
    DatabaseIsFolderError,
    DiskFullError,
    EmptyDatabaseError,
    ReadOnlyFolderError,
    translate_errors,
)
from cancelapp.store.migrations import MIGRATIONS, check_openable, migrate

log = logging.getLogger(__name__)
BUSY_TIMEOUT_SECONDS = 5.0
FILE_MODE = 0o600  # the customer data in it is the merchant's only


class Database:
    """A migrated CancelApp database. Open with `Database.open(path)`."""

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        migrations: Sequence[Sequence[str]] = MIGRATIONS,
        verify: bool = False,
    ) -> Database:
        """Create or migrate the file at `path`, backing up an existing file before migrating.

        `busy_timeout` is how long a write waits for another writer before giving up;
        `migrations` is the schema history (the released one unless a test adds a step).

        `verify` runs SQLite's `quick_check` over every page first (`--self-check`, and a
        start after an unclean exit): damage anywhere is found now, not in some later query.

        Raises `StoreError` subclasses: `NewerDatabaseError`, `DatabaseCorruptError` (offer
        `move_aside()`; `EmptyDatabaseError` for a 0-byte file), `ReadOnlyFolderError`,
        `DiskFullError`, `DatabaseLockedError`, `DatabaseIsFolderError`, `DiskIOError`.
        """
        if path.is_dir():
            raise DatabaseIsFolderError(path)
        if path.exists() and path.stat().st_size == 0 and not _wal_holds_data(path):
            # SQLite would quietly start an empty database in it: every request gone.
            raise EmptyDatabaseError(path)
        create_private_file(path)
        database = cls(path, busy_timeout=busy_timeout)
        try:
            with translate_errors(path):
                conn = database.connection()
                if verify:
                    database.verify()
                version = check_openable(conn, path, head=len(migrations))
                conn.execute("PRAGMA journal_mode = WAL")
                if version < len(migrations):
                    if version > 0:
                        backup_copy(conn, path, version)
                    migrate(conn, migrations, from_version=version)
        except BaseException:
            database.close()
            raise
        return database

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def close_thread_connection(self) -> None:
        """Close this thread's connection; a pool task may call it before its thread retires."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            self._local.conn = None
            with self._lock:
                self._connections.remove(conn)
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection; rolled back on any exception."""
        conn = self.connection()
        with translate_errors(self.path):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read snapshot: several queries see the same state while a sync writes."""
        conn = self.connection()
        with translate_errors(self.path):
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def verify(self) -> None:
        """Raise `DatabaseCorruptError` unless SQLite's `quick_check` finds every page sound
        (a few hundred milliseconds for a large cache: at start-up only when in doubt)."""
        with translate_errors(self.path):
            rows = self.connection().execute("PRAGMA quick_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            log.error("quick_check of %s: %s", self.path, rows[:5])
            raise DatabaseCorruptError(self.path)

    def checkpoint(self) -> None:
        """Move everything in the -wal file into the database file and empty the -wal
        (TRUNCATE), so the .sqlite3 file alone holds all the data: a copy of it is complete,
        and a -wal deleted by a cleaner or sync tool loses at most what came after."""
        with translate_errors(self.path):
            busy, _frames, _done = (
                self.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            )
        if busy:
            log.info("checkpoint of %s postponed: a reader was busy", self.path)

    def close(self) -> None:
        """Close every connection this object opened (call at shutdown, after workers end)."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        with translate_errors(self.path):
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # only so close() may run at shutdown
            )
            try:
                conn.execute("PRAGMA foreign_keys = ON")
            except BaseException:
                conn.close()  # a damaged file or a disk error: never leak the handle
                raise
        with self._lock:
            self._connections.append(conn)
        return conn


def _wal_holds_data(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def backup_copy(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the whole database next to it before a migration touches it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    create_private_file(target)
    destination = sqlite3.connect(target)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    return target


def create_private_file(path: Path) -> None:
    """Create the file readable by its owner only, or tighten an existing one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
        os.close(fd)
        if os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(path) from exc
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyFolderError(path) from exc
        if exc.errno == errno.EISDIR:
            raise DatabaseIsFolderError(path) from exc
        raise
