"""The local SQLite cache: orders, requests, decisions, action journal, audit log, sync state.

Open with `Database.open(paths.database_path)` after taking `InstanceLock(paths.data_dir)`.
Repository functions take a `sqlite3.Connection` (from `db.transaction()` for writes or
`db.reading()` for reads) and domain dataclasses; failures a merchant can act on arrive as
`StoreError` subclasses with a `merchant_message`.
"""

from cancelapp.store.database import Database
from cancelapp.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DiskFullError,
    NewerDatabaseError,
    ReadOnlyFolderError,
    StoreError,
)
from cancelapp.store.instance_lock import AnotherInstanceError, InstanceLock
from cancelapp.store.migrations import HEAD_VERSION

__all__ = [
    "HEAD_VERSION",
    "AnotherInstanceError",
    "Database",
    "DatabaseCorruptError",
    "DatabaseLockedError",
    "DiskFullError",
    "InstanceLock",
    "NewerDatabaseError",
    "ReadOnlyFolderError",
    "StoreError",
]
