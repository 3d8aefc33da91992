"""One page of an orders connection, and how many orders fit on a page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cancelapp.shopify.cost import requested_cost
from cancelapp.shopify.errors import MalformedResponse


def largest_page(document: str, max_cost: int, variables: Mapping[str, Any] | None = None) -> int:
    """The most orders per page whose requested cost stays within Shopify's per-query cap."""
    low, high = 1, 250
    while low < high:
        middle = (low + high + 1) // 2
        if requested_cost(document, {**(variables or {}), "first": middle}) <= max_cost:
            low = middle
        else:
            high = middle - 1
    return low


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
