"""The cheap first look of an incremental sync: did anything in the window really change?

The window overlaps the last sync, so it holds orders the cache already has. One request with
the nested lists cut to nothing lists many orders at once; comparing their `updatedAt` with
the cache says whether anything changed (then the sync is done in one request) and from
which `updatedAt` on the full pages must be read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from cancelapp.shopify.order_mapping import parse_datetime
from cancelapp.store.times import to_db_time

LEAN_VARIABLES = {"lineItemsFirst": 0, "fulfillmentOrdersFirst": 0, "transactionsFirst": 0}


def changes_start(
    conn: sqlite3.Connection, store_id: int, nodes: Sequence[dict[str, Any]], has_next: bool
) -> datetime | None:
    """None when the probe saw only orders the cache holds as they are and nothing follows;
    else the `updatedAt` from which orders must be read in full."""
    seen = {node["id"]: parse_datetime(node["updatedAt"]) for node in nodes}
    cached = _cached_updated_at(conn, store_id, list(seen))
    changed = [moment for gid, moment in seen.items() if cached.get(gid) != to_db_time(moment)]
    if changed:
        return min(changed)
    if has_next:
        return max(seen.values())
    return None


def _cached_updated_at(conn: sqlite3.Connection, store_id: int, gids: list[str]) -> dict[str, str]:
    if not gids:
        return {}
    marks = ",".join("?" * len(gids))
    rows = conn.execute(
        f"SELECT gid, updated_at FROM orders WHERE store_id = ? AND gid IN ({marks})",  # noqa: S608
        (store_id, *gids),
    )
    return dict(rows.fetchall())
