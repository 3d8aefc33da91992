"""Bulk queries: the query written out, the JSONL answer rebuilt linearly, refusals named."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import pytest
from graphql import StringValueNode, parse, validate

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.bulk import (
    BulkState,
    BulkUnavailable,
    bulk_nodes,
    bulk_query,
    jsonl_lines,
    nodes_from_jsonl,
    start_bulk_query,
    wait_for_bulks,
)
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import MalformedResponse
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.sync.bulk_read import CONNECTIONS, WITH_EDITS
from fixtures import shopify_schema

ORDER = "gid://shopify/Order/{}"
LINE = "gid://shopify/LineItem/{}"
PLACE = "gid://shopify/FulfillmentOrder/{}"


def jsonl(*objects: dict[str, object]) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objects)


FILE = jsonl(
    {"id": ORDER.format(1), "name": "#1001"},
    {"id": LINE.format(11), "title": "Mug", "__parentId": ORDER.format(1)},
    {"id": PLACE.format(12), "status": "OPEN", "__parentId": ORDER.format(1)},
    {"id": LINE.format(21), "title": "Plate", "__parentId": ORDER.format(2)},  # before its order
    {"id": ORDER.format(2), "name": "#1002"},
    {"id": LINE.format(13), "title": "Bowl", "__parentId": ORDER.format(1)},
    {"id": ORDER.format(3), "name": "#1003"},
)


def test_nested_connection_lines_go_back_under_their_order_in_any_chunking() -> None:
    expected = [
        {
            "id": ORDER.format(1),
            "name": "#1001",
            "lineItems": {
                "pageInfo": {"hasNextPage": False},
                "nodes": [
                    {"id": LINE.format(11), "title": "Mug"},
                    {"id": LINE.format(13), "title": "Bowl"},
                ],
            },
            "fulfillmentOrders": {
                "pageInfo": {"hasNextPage": False},
                "nodes": [{"id": PLACE.format(12), "status": "OPEN"}],
            },
        },
        {
            "id": ORDER.format(2),
            "name": "#1002",
            "lineItems": {
                "pageInfo": {"hasNextPage": False},
                "nodes": [{"id": LINE.format(21), "title": "Plate"}],
            },
            "fulfillmentOrders": {"pageInfo": {"hasNextPage": False}, "nodes": []},
        },
        {
            "id": ORDER.format(3),
            "name": "#1003",
            "lineItems": {"pageInfo": {"hasNextPage": False}, "nodes": []},
            "fulfillmentOrders": {"pageInfo": {"hasNextPage": False}, "nodes": []},
        },
    ]
    for size in (1, 2, 7, 64, len(FILE)):
        chunks = [FILE[i : i + size] for i in range(0, len(FILE), size)]
        assert nodes_from_jsonl(jsonl_lines(chunks), CONNECTIONS) == expected


EDIT = "gid://shopify/RequestedOrderEdit/{}"
REMOVAL = "gid://shopify/RequestedOrderEditLineItem/{}"


def test_lines_two_levels_deep_go_back_under_their_edit_in_any_order() -> None:
    """A requested edit names its order, each removal its edit (under the edit's plain
    `lineItems` object), whichever comes first in the file."""
    removal = {"id": REMOVAL.format(31), "quantity": 1, "lineItem": {"id": LINE.format(11)}}
    text = jsonl(
        {**removal, "__parentId": EDIT.format(30)},  # before its edit
        {
            "id": EDIT.format(30),
            "status": "REQUESTED",
            "lineItems": {},
            "__parentId": ORDER.format(1),
        },
        {"id": ORDER.format(1), "name": "#1001"},
        {
            "id": EDIT.format(40),
            "status": "DECLINED",
            "lineItems": {},
            "__parentId": ORDER.format(1),
        },
        {"id": ORDER.format(2), "name": "#1002"},
    )
    empty = {"pageInfo": {"hasNextPage": False}, "nodes": []}
    (first, second) = nodes_from_jsonl(jsonl_lines([text]), WITH_EDITS)
    assert first["requestedOrderEdits"]["nodes"] == [
        {
            "id": EDIT.format(30),
            "status": "REQUESTED",
            "lineItems": {"removals": {"pageInfo": {"hasNextPage": False}, "nodes": [removal]}},
        },
        {"id": EDIT.format(40), "status": "DECLINED", "lineItems": {"removals": empty}},
    ]
    assert second["requestedOrderEdits"] == empty and second["lineItems"] == empty
    wrong_parent = jsonl({"id": ORDER.format(1)}, {**removal, "__parentId": ORDER.format(1)})
    with pytest.raises(BulkUnavailable, match="cannot have"):
        nodes_from_jsonl(jsonl_lines([wrong_parent]), WITH_EDITS)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (b'{"id": "gid://shopify/Order/1"\n', "not JSON"),
        (b'["gid://shopify/Order/1"]\n', "without an object id"),
        (jsonl({"id": "gid://shopify/Refund/1", "__parentId": ORDER.format(1)}), "did not ask"),
        (jsonl({"id": LINE.format(1), "__parentId": ORDER.format(9)}), "parent is not"),
    ],
)
def test_a_file_that_is_not_the_answer_is_refused(text: bytes, why: str) -> None:
    with pytest.raises(BulkUnavailable, match=why):
        nodes_from_jsonl(jsonl_lines([text]), CONNECTIONS)


def test_a_huge_line_in_tiny_chunks_is_refused_in_linear_time() -> None:
    """8 MB without a newline in 64-byte chunks: 131,072 chunks, each looked at once (joining
    them afresh per chunk would copy terabytes)."""
    started = time.perf_counter()
    chunks = (b"x" * 64 for _ in range(8 * 1024 * 1024 // 64 + 2))
    with pytest.raises(BulkUnavailable, match="longer than"):
        list(jsonl_lines(chunks))
    assert time.perf_counter() - started < 10
    lines = list(jsonl_lines([b"a\n" * 100_000]))  # many short lines in one chunk
    assert len(lines) == 100_000


def test_the_bulk_query_carries_the_search_as_a_literal_and_validates() -> None:
    hostile = 'tag:"a\\" } mutation { x }" OR name:#1001\n'
    text = bulk_query("order_verdicts_bulk", {"search": hostile})
    document = parse(text)
    assert validate(shopify_schema.stable(), document) == []
    assert "$" not in text  # no variable left: a bulk query takes none
    arguments = {
        a.name.value: a.value
        for a in document.definitions[0].selection_set.selections[0].arguments  # type: ignore[attr-defined]
    }
    assert isinstance(arguments["query"], StringValueNode)
    assert arguments["query"].value == hostile
    assert "transactions(first: 15)" in text  # a variable's default written in
    assert "@include(if: false)" in text  # no buyer-requested edits unless asked for
    with_edits = bulk_query("order_verdicts_bulk", {"search": hostile, "withEdits": True})
    assert validate(shopify_schema.stable(), parse(with_edits)) == []
    assert "@include(if: true)" in with_edits


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=30, restore_rate=100_000)


def client_of(shop: DemoShop) -> ShopifyClient:
    return ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))


def ended(client: ShopifyClient, state: BulkState) -> BulkState:
    """One operation waited for: its completed state, else its `BulkUnavailable` raised."""
    ((index, done),) = wait_for_bulks(
        client, [state], cancel=threading.Event(), interval=lambda _: 0.01
    )
    assert index == 0
    if isinstance(done, BulkUnavailable):
        raise done
    return done


def test_a_bulk_read_gives_the_orders_as_the_by_id_read_does(shop: DemoShop) -> None:
    with client_of(shop) as client:
        query = bulk_query("order_verdicts_bulk", {"search": "tag:cancel-request"})
        state = start_bulk_query(client, query)
        done = ended(client, state)
        nodes = bulk_nodes(client, done, CONNECTIONS)
    tagged = {g for g in shop.order_ids() if "cancel-request" in shop.order(g).tags}
    assert {n["id"] for n in nodes} == tagged and done.root_count == len(tagged)
    assert all(order_from_node(n).line_items for n in nodes)
    assert shop.bulk.downloads == 1 and shop.bulk.downloads_with_token == 0


@pytest.mark.parametrize(
    ("refusal", "why"),
    [
        ("ACCESS_DENIED", "MissingScopes|RequestRejected"),
        ("OPERATION_IN_PROGRESS", "UserErrors"),
        ("LIMIT_REACHED", "UserErrors"),
        ("FAILED", "FAILED INTERNAL_SERVER_ERROR"),
        ("CANCELED", "CANCELED"),
        ("GONE", "download: ShopifyDown"),
    ],
)
def test_every_way_shopify_refuses_or_loses_it_is_bulk_unavailable(
    shop: DemoShop, refusal: str, why: str
) -> None:
    shop.refuse_bulk_operations(refusal)
    with client_of(shop) as client, pytest.raises(BulkUnavailable, match=why):
        state = start_bulk_query(client, bulk_query("order_verdicts_bulk", {"search": "x"}))
        bulk_nodes(client, ended(client, state), CONNECTIONS)


def test_a_file_is_read_only_from_an_https_address_or_the_demo_shop(shop: DemoShop) -> None:
    with client_of(shop) as client:
        for url in ("http://storage.example.com/x.jsonl", "file:///etc/passwd"):
            with pytest.raises(MalformedResponse):
                list(client.download(url))
        assert client.stats.requests == 0
