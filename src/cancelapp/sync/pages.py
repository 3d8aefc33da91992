"""One page of an orders connection."""

from __future__ import annotations

from typing import Any

from cancelapp.shopify.errors import MalformedResponse


def orders_page(data: dict[str, Any]) -> tuple[list[dict[str, Any]], bool, str | None]:
    """(nodes, has next page, end cursor) of the `orders` connection in `data`."""
    connection = data.get("orders")
    if not isinstance(connection, dict):
        raise MalformedResponse("orders: no connection in the answer")
    nodes = connection.get("nodes")
    info = connection.get("pageInfo")
    if not isinstance(nodes, list) or not isinstance(info, dict):
        raise MalformedResponse("orders: connection without nodes or pageInfo")
    has_next = bool(info.get("hasNextPage"))
    cursor = info.get("endCursor")
    if has_next and not isinstance(cursor, str):
        raise MalformedResponse("orders: next page without an endCursor")
    return nodes, has_next, cursor if isinstance(cursor, str) else None
