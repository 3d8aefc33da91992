"""Reading the queue from the local cache, in a worker: what the window shows before any network.

Kept apart from `queue_refresh` (sync, intake, actions) so the window can show the first rows
without loading the network side first.
"""

from __future__ import annotations

from dataclasses import dataclass

from cancelapp.store.database import Database
from cancelapp.store.queue import QueueRow, load_queue
from cancelapp.store.sync_state import SyncState, get_sync_state


@dataclass(frozen=True)
class CachedQueue:
    rows: list[QueueRow]
    sync_state: SyncState


def load_cached_queue(database: Database, store_id: int) -> CachedQueue:
    """The whole queue from the cache."""
    with database.reading() as conn:
        return CachedQueue(load_queue(conn, store_id), get_sync_state(conn, store_id))


def load_rows(database: Database, store_id: int, request_ids: frozenset[int]) -> list[QueueRow]:
    """Fresh rows for requests a sync or an action changed."""
    with database.reading() as conn:
        return load_queue(conn, store_id, request_ids)
