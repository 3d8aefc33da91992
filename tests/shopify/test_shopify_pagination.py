"""Walking a connection by cursors, with a plain function standing in for the server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from cancelapp.shopify import MalformedResponse
from cancelapp.shopify.pagination import pages

ORDERS = [{"id": f"gid://shopify/Order/{n}"} for n in range(7)]


def serve(variables: Mapping[str, Any], *, edges: bool = False) -> dict[str, Any]:
    start = int(variables.get("after") or 0)
    chunk = ORDERS[start : start + variables["first"]]
    end = start + len(chunk)
    connection: dict[str, Any] = {
        "pageInfo": {"hasNextPage": end < len(ORDERS), "endCursor": str(end)}
    }
    if edges:
        connection["edges"] = [{"cursor": "x", "node": n} for n in chunk]
    else:
        connection["nodes"] = chunk
    return {"shop": {"orders": connection}}


@pytest.mark.parametrize("edges", [False, True])
def test_every_page_is_fetched_once_in_order(edges: bool) -> None:
    seen: list[Mapping[str, Any]] = []

    def fetch(variables: Mapping[str, Any]) -> dict[str, Any]:
        seen.append(dict(variables))
        return serve(variables, edges=edges)

    result = list(pages(fetch, {"first": 3}, ("shop", "orders")))
    assert [len(p) for p in result] == [3, 3, 1]
    assert [n for p in result for n in p] == ORDERS
    assert [v.get("after") for v in seen] == [None, "3", "6"]


@pytest.mark.parametrize("first", [0, 251])
def test_page_sizes_outside_shopifys_limits_are_refused(first: int) -> None:
    with pytest.raises(ValueError):
        next(pages(serve, {"first": first}, ("shop", "orders")))


def test_a_repeated_cursor_stops_instead_of_looping() -> None:
    def stuck(variables: Mapping[str, Any]) -> dict[str, Any]:
        page = serve({"first": 3})
        page["shop"]["orders"]["pageInfo"]["endCursor"] = "3"
        return page

    walk = pages(stuck, {"first": 3}, ("shop", "orders"))
    next(walk)
    next(walk)
    with pytest.raises(MalformedResponse):
        next(walk)


def test_a_missing_connection_is_malformed() -> None:
    with pytest.raises(MalformedResponse):
        next(pages(lambda v: {"shop": None}, {"first": 3}, ("shop", "orders")))
