"""Many objects by id in one request: the aliased query is valid, priced and answered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from graphql import parse, validate

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import documents
from cancelapp.shopify.batching import aliased, read_by_ids
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.cost import requested_cost
from fixtures import shopify_schema


def test_the_repeated_query_validates_and_costs_what_its_copies_cost() -> None:
    schema = shopify_schema.stable()
    one = documents.load("order")
    three = aliased(one, 3)
    assert validate(schema, parse(three)) == []
    assert requested_cost(three) == 3 * requested_cost(one)
    assert "$id2: ID!" in three and "$lineItemsFirst: Int = 40" in three  # defaults kept


def test_only_a_one_field_query_with_the_id_variable_can_be_repeated() -> None:
    with pytest.raises(ValueError, match="no \\$orderId"):
        aliased(documents.load("order"), 2, "orderId")
    with pytest.raises(ValueError, match="exactly one query"):
        aliased(documents.load("order_cancel"), 2)


def test_orders_are_read_by_id_in_one_request(
    make_demo_shop: Callable[..., DemoShop], client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(size=6, restore_rate=100_000)
    client = client_for(shop)
    wanted = shop.order_ids()[:3]
    missing = "gid://shopify/Order/999999"
    document = "query Name($id: ID!) { order(id: $id) { id name } }"
    found = read_by_ids(client, document, [*wanted, missing, wanted[0]])
    assert client.stats.requests == 1
    assert [found[gid]["id"] for gid in wanted] == wanted
    assert found[missing] is None
    assert read_by_ids(client, document, []) == {}
    assert client.stats.requests == 1  # nothing asked, nothing sent


def test_a_costly_query_is_split_under_the_cost_cap(
    make_demo_shop: Callable[..., DemoShop], client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(size=6, restore_rate=100_000, bucket_size=100_000)
    client = client_for(shop)
    wanted = shop.order_ids()[:3]
    found = read_by_ids(client, documents.load("order"), wanted)  # about 750 points each
    assert client.stats.requests == 3
    assert sorted(found) == sorted(wanted)
