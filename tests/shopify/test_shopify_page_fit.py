"""Cost headroom: pages sized under the cap with a margin, and a refused page asked smaller."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import QueryTooExpensive
from cancelapp.shopify.batching import read_by_ids
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.cost import MAX_QUERY_COST, PAGE_COST_BUDGET
from cancelapp.shopify.page_fit import largest_page, smaller_page
from cancelapp.sync import documents as sync_documents

ORDER_LIST = sync_documents.load("order_list")


def test_pages_are_sized_with_headroom_under_the_cap() -> None:
    assert PAGE_COST_BUDGET <= 0.9 * MAX_QUERY_COST
    assert largest_page(ORDER_LIST) == 179  # 199 would cost 997 of the 1,000 points


@pytest.mark.parametrize(
    ("size", "cost", "max_cost", "expected"),
    [
        (179, 1076, 1000, 149),  # scaled by cap / cost, keeping the 10 % headroom
        (179, 1001, 1000, 160),
        (179, None, None, 89),  # nothing reported: halve
        (10, 1000.5, 1000, 8),
        (2, 5000, 1000, 1),
        (1, 5000, 1000, None),  # one item too dear: nothing smaller to try
    ],
)
def test_a_refused_page_shrinks_by_what_shopify_reported(
    size: int, cost: float | None, max_cost: float | None, expected: int | None
) -> None:
    assert smaller_page(size, QueryTooExpensive(cost=cost, max_cost=max_cost)) == expected


def test_a_page_shopify_refuses_is_asked_again_smaller_and_later_pages_stay_small(
    make_demo_shop: Callable[..., DemoShop],
    client_for: Callable[..., ShopifyClient],
    caplog: pytest.LogCaptureFixture,
) -> None:
    shop = make_demo_shop(size=40, restore_rate=100_000, bucket_size=100_000)
    shop.charge_extra("Order.tags", 30)  # a manual field cost our estimate cannot see
    client = client_for(shop)
    with caplog.at_level(logging.WARNING, logger="cancelapp.shopify.page_fit"):
        pages = list(client.paginate(ORDER_LIST, {"first": 30}))
    assert sorted(n["id"] for page in pages for n in page) == sorted(shop.order_ids())
    assert [len(page) for page in pages] == [25, 15]  # 30 a page cost 1,082: 25 fit
    assert len(caplog.records) == 1  # refused once; the second page kept the smaller size
    assert client.stats.requests == 3


def test_a_batch_shopify_refuses_is_sent_again_in_smaller_chunks(
    make_demo_shop: Callable[..., DemoShop], client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(size=6, restore_rate=100_000, bucket_size=100_000)
    shop.charge_extra("Order.name", 400)  # three copies of the query now cost over 1,000
    client = client_for(shop)
    wanted = shop.order_ids()
    found = read_by_ids(client, "query Name($id: ID!) { order(id: $id) { id name } }", wanted)
    assert [found[gid]["id"] for gid in wanted] == wanted
    assert client.stats.requests == 4  # six at once refused, then three pairs


def test_a_single_item_too_dear_is_a_typed_error_with_shopifys_figures(
    make_demo_shop: Callable[..., DemoShop], client_for: Callable[..., ShopifyClient]
) -> None:
    shop = make_demo_shop(size=3, restore_rate=100_000, bucket_size=100_000)
    shop.charge_extra("Order.tags", 2_000)
    client = client_for(shop)
    with pytest.raises(QueryTooExpensive) as refused:
        list(client.paginate(ORDER_LIST, {"first": 2}))
    assert refused.value.max_cost == MAX_QUERY_COST
    assert refused.value.cost is not None and refused.value.cost > 2_000
    assert "report it" in refused.value.merchant_message
