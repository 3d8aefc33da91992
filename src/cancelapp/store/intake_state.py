"""What request intake keeps between runs: each source's cursor and the CSV column mappings.

Both are plain JSON chosen by `cancelapp.sources` (a source's cursor is opaque here); both are
per store. Neither may hold a secret: an IMAP cursor is a UID, never a password.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from cancelapp.store.times import to_db_time

_CURSORS = ("source_cursors", "source", "cursor")
_CSV_MAPPINGS = ("csv_mappings", "header_key", "mapping")


def load_cursors(conn: sqlite3.Connection, store_id: int) -> dict[str, dict[str, Any]]:
    """Every saved source cursor of the store, by source name (a `RequestSource` value)."""
    rows = conn.execute(
        "SELECT source, cursor FROM source_cursors WHERE store_id = ?", (store_id,)
    ).fetchall()
    return {str(source): dict(json.loads(cursor)) for source, cursor in rows}


def save_cursor(
    conn: sqlite3.Connection,
    store_id: int,
    source: str,
    cursor: Mapping[str, Any],
    *,
    now: datetime,
) -> None:
    """Save where `source` resumes; call after the candidates it produced are stored."""
    _save_json(conn, _CURSORS, store_id, source, cursor, now)


def load_csv_mapping(
    conn: sqlite3.Connection, store_id: int, header_key: str
) -> dict[str, Any] | None:
    """The mapping last chosen for files with these headers (`ColumnMapping.to_json()` form)."""
    row = conn.execute(
        "SELECT mapping FROM csv_mappings WHERE store_id = ? AND header_key = ?",
        (store_id, header_key),
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def save_csv_mapping(
    conn: sqlite3.Connection,
    store_id: int,
    header_key: str,
    mapping: Mapping[str, Any],
    *,
    now: datetime,
) -> None:
    _save_json(conn, _CSV_MAPPINGS, store_id, header_key, mapping, now)


def _save_json(
    conn: sqlite3.Connection,
    table: tuple[str, str, str],
    store_id: int,
    key: str,
    value: Mapping[str, Any],
    now: datetime,
) -> None:
    """Insert or replace the store's JSON `value` under `key` in `table` (name, key and value
    columns)."""
    name, key_column, value_column = table
    conn.execute(
        f"""INSERT INTO {name} (store_id, {key_column}, {value_column}, saved_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (store_id, {key_column}) DO UPDATE SET
               {value_column} = excluded.{value_column}, saved_at = excluded.saved_at""",  # noqa: S608
        (store_id, key, json.dumps(dict(value), sort_keys=True), to_db_time(now)),
    )
