"""Per-store sync bookkeeping: watermark, the run in progress (to resume), last outcome."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from cancelapp.store.times import optional_db_time, optional_from_db_time, to_db_time


@dataclass(frozen=True)
class SyncRun:
    """Where an unfinished sync stands; saved with every page so a killed sync resumes."""

    kind: str  # "full" | "incremental"
    phase: str  # which query of the run: "requests", "recent", "changes"
    query: str  # the exact search text (cursors are only valid for the same query)
    cursor: str | None  # end cursor of the last saved page; None at the phase's start
    started_at: datetime


@dataclass(frozen=True)
class SyncState:
    store_id: int
    last_full_sync_at: datetime | None = None  # start of the last complete full sync
    watermark: datetime | None = None  # every change up to here is in the cache
    run: SyncRun | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None  # merchant message of the last failed attempt
    last_error_at: datetime | None = None


def get_sync_state(conn: sqlite3.Connection, store_id: int) -> SyncState:
    row = conn.execute(
        """SELECT last_full_sync_at, watermark, run_kind, run_phase, run_query, run_cursor,
               run_started_at, last_success_at, last_error, last_error_at
           FROM sync_state WHERE store_id = ?""",
        (store_id,),
    ).fetchone()
    if row is None:
        return SyncState(store_id)
    run = None
    if row[2] is not None:
        started = optional_from_db_time(row[6])
        assert started is not None
        run = SyncRun(row[2], row[3], row[4], row[5], started)
    return SyncState(
        store_id,
        optional_from_db_time(row[0]),
        optional_from_db_time(row[1]),
        run,
        optional_from_db_time(row[7]),
        row[8],
        optional_from_db_time(row[9]),
    )


def save_run(
    conn: sqlite3.Connection, store_id: int, run: SyncRun, watermark: datetime | None
) -> None:
    """Record progress inside the page's transaction: the page and its cursor commit together."""
    _ensure_row(conn, store_id)
    conn.execute(
        """UPDATE sync_state SET run_kind = ?, run_phase = ?, run_query = ?, run_cursor = ?,
               run_started_at = ?, watermark = COALESCE(?, watermark) WHERE store_id = ?""",
        (
            run.kind,
            run.phase,
            run.query,
            run.cursor,
            to_db_time(run.started_at),
            optional_db_time(watermark),
            store_id,
        ),
    )


def finish_run(
    conn: sqlite3.Connection,
    store_id: int,
    *,
    watermark: datetime | None,
    finished_at: datetime,
    full_sync_started_at: datetime | None,
) -> None:
    """Clear the run; a full sync also records its start as the stale line for snapshots."""
    _ensure_row(conn, store_id)
    conn.execute(
        """UPDATE sync_state SET run_kind = NULL, run_phase = NULL, run_query = NULL,
               run_cursor = NULL, run_started_at = NULL, watermark = COALESCE(?, watermark),
               last_full_sync_at = COALESCE(?, last_full_sync_at), last_success_at = ?,
               last_error = NULL, last_error_at = NULL WHERE store_id = ?""",
        (
            optional_db_time(watermark),
            optional_db_time(full_sync_started_at),
            to_db_time(finished_at),
            store_id,
        ),
    )


def record_sync_error(
    conn: sqlite3.Connection, store_id: int, message: str, *, at: datetime
) -> None:
    """Remember why the last attempt failed (plain words, no secrets); the run stays resumable."""
    _ensure_row(conn, store_id)
    conn.execute(
        "UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE store_id = ?",
        (message, to_db_time(at), store_id),
    )


def _ensure_row(conn: sqlite3.Connection, store_id: int) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_state (store_id) VALUES (?)", (store_id,))
