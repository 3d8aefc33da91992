"""The queue's search in what the queue's rows do not hold: the customers' messages."""

from __future__ import annotations

from cancelapp.store.database import Database
from cancelapp.store.queue import requests_with_message_text


def search_messages(database: Database, store_id: int, needle: str) -> frozenset[int]:
    """Requests of the store with a message holding `needle` (run on a worker)."""
    with database.reading() as conn:
        return requests_with_message_text(conn, store_id, needle)
