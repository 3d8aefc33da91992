"""Walks a connection page by page (`first` ≤ 250, `after` = the last `endCursor`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from cancelapp.shopify.errors import MalformedResponse

MAX_PAGE_SIZE = 250

Fetch = Callable[[Mapping[str, Any]], dict[str, Any]]


def pages(
    fetch: Fetch, variables: Mapping[str, Any], path: tuple[str, ...]
) -> Iterator[list[dict[str, Any]]]:
    """Yields each page's nodes; `fetch` runs the query with the page's variables."""
    first = variables.get("first")
    if isinstance(first, int) and not 0 < first <= MAX_PAGE_SIZE:
        raise ValueError(f"first must be between 1 and {MAX_PAGE_SIZE}, not {first}")
    page_variables = dict(variables)
    while True:
        connection = _at(fetch(page_variables), path)
        yield _nodes(connection)
        info = connection.get("pageInfo")
        if not isinstance(info, dict) or "hasNextPage" not in info:
            raise MalformedResponse("connection without pageInfo.hasNextPage")
        if not info["hasNextPage"]:
            return
        cursor = info.get("endCursor")
        if not isinstance(cursor, str) or cursor == page_variables.get("after"):
            raise MalformedResponse("next page without a new endCursor")
        page_variables["after"] = cursor


def _at(data: Mapping[str, Any], path: tuple[str, ...]) -> Mapping[str, Any]:
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    if not isinstance(node, Mapping):
        raise MalformedResponse(f"no connection at {'.'.join(path)}")
    return node


def _nodes(connection: Mapping[str, Any]) -> list[dict[str, Any]]:
    if isinstance(connection.get("nodes"), list):
        return list(connection["nodes"])
    edges = connection.get("edges")
    if isinstance(edges, list):
        return [edge["node"] for edge in edges]
    raise MalformedResponse("connection without nodes or edges")
