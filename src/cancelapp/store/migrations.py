"""Schema versions, tracked with `PRAGMA user_version`; each step runs in its own transaction.

Adding a version: append its statements to `MIGRATIONS`. Releasing one: raise
`LAST_RELEASED_VERSION` and add its fixture database (`tests/store/make_fixture_db.py`); a
released step is never edited again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from cancelapp.store import (
    schema_v1,
    schema_v2,
    schema_v3,
    schema_v4,
    schema_v5,
    schema_v6,
    schema_v7,
    schema_v8,
    schema_v9,
    schema_v10,
)
from cancelapp.store.errors import DatabaseCorruptError, NewerDatabaseError

APPLICATION_ID = schema_v1.APPLICATION_ID
MIGRATIONS: tuple[tuple[str, ...], ...] = (  # MIGRATIONS[n - 1] -> v n
    schema_v1.STATEMENTS,
    schema_v2.STATEMENTS,
    schema_v3.STATEMENTS,
    schema_v4.STATEMENTS,
    schema_v5.STATEMENTS,
    schema_v6.STATEMENTS,
    schema_v7.STATEMENTS,
    schema_v8.STATEMENTS,
    schema_v9.STATEMENTS,
    schema_v10.STATEMENTS,
)
HEAD_VERSION = len(MIGRATIONS)
LAST_RELEASED_VERSION = 10  # has a fixture database; later steps may still change


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_openable(conn: sqlite3.Connection, path: Path, *, head: int = HEAD_VERSION) -> int:
    """The file's schema version; refuses newer files and SQLite files that are not ours."""
    version = schema_version(conn)
    if version > head:
        raise NewerDatabaseError(path, version, head)
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if application_id not in (0, APPLICATION_ID):
        raise DatabaseCorruptError(path)
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise DatabaseCorruptError(path)  # some other program's SQLite file
    return version


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Sequence[str]], *, from_version: int
) -> None:
    """Apply each missing step in its own transaction: a failure keeps every earlier step."""
    for version in range(from_version + 1, len(migrations) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
