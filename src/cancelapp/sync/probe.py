"""The cheap first look of an incremental sync: did anything in the window really change?

The window overlaps the last sync, so it holds orders the cache already has. One request for
ids and `updatedAt` only (`graphql/order_probe.graphql`, 250 orders for about 250 points)
lists many orders at once; comparing their `updatedAt` with the cache says whether anything
changed (then the sync is done in one request) and from which `updatedAt` on the list pages
must be read.

Shopify's `updatedAt` has whole seconds: a second change in the same second as the version
the cache read would look unchanged. So an order the cache read within `SETTLING` of its
`updatedAt` counts as changed once more; read again later, it is settled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from cancelapp.shopify.order_mapping import parse_datetime
from cancelapp.store.times import from_db_time, to_db_time

SETTLING = timedelta(seconds=2)  # a whole second, and a little clock difference


def changes_start(
    conn: sqlite3.Connection, store_id: int, nodes: Sequence[dict[str, Any]], has_next: bool
) -> datetime | None:
    """None when the probe saw only orders the cache holds as they are and nothing follows;
    else the `updatedAt` from which orders must be read."""
    seen = {node["id"]: parse_datetime(node["updatedAt"]) for node in nodes}
    cached = _cached_versions(conn, store_id, list(seen))
    changed = [moment for gid, moment in seen.items() if not _settled(cached.get(gid), moment)]
    if changed:
        return min(changed)
    if has_next:
        return max(seen.values())
    return None


def _settled(cached: tuple[str, str] | None, updated_at: datetime) -> bool:
    if cached is None or cached[0] != to_db_time(updated_at):
        return False
    return from_db_time(cached[1]) - updated_at >= SETTLING


def _cached_versions(
    conn: sqlite3.Connection, store_id: int, gids: list[str]
) -> dict[str, tuple[str, str]]:
    """gid -> (updated_at, fetched_at) of the cached orders among `gids`."""
    if not gids:
        return {}
    marks = ",".join("?" * len(gids))
    rows = conn.execute(
        f"SELECT gid, updated_at, fetched_at FROM orders "  # noqa: S608
        f"WHERE store_id = ? AND gid IN ({marks})",
        (store_id, *gids),
    )
    return {gid: (updated, fetched) for gid, updated, fetched in rows}
