"""Query cost and the leaky bucket, checked by hand-computed figures."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop, ManualClock
from cancelapp.demoshop.throttle import LeakyBucket

# orders(first: 10) { nodes { id name customer { displayName } lineItems(first: 5)
#   { nodes { title variant { id } } } } }
# = 2 + 10 * (1 node + 1 customer + (2 + 5 * (1 line + 1 variant)))  = 2 + 10 * 14 = 142
SMALL_LIST = """
query SmallList { orders(first: 10) { nodes { id name customer { displayName }
  lineItems(first: 5) { nodes { title variant { id } } } } } }
"""


def _cost(body: dict) -> dict:
    return body["extensions"]["cost"]


def test_requested_cost_follows_shopifys_rules(admin: Admin) -> None:
    body = admin.raw({"query": SMALL_LIST}).json()
    cost = _cost(body)
    assert cost["requestedQueryCost"] == 142
    nodes = body["data"]["orders"]["nodes"]
    lines = [line for n in nodes for line in n["lineItems"]["nodes"]]
    with_variant = sum(1 for line in lines if line["variant"] is not None)  # gift cards: none
    with_customer = sum(1 for n in nodes if n["customer"] is not None)
    # Null objects cost nothing; connections cost 2 plus the nodes that came back.
    expected_actual = 2 + len(nodes) * (1 + 2) + with_customer + len(lines) + with_variant
    assert cost["actualQueryCost"] == expected_actual
    assert cost["actualQueryCost"] < cost["requestedQueryCost"]


def test_mutations_cost_ten(admin: Admin) -> None:
    order_id = admin.shop.order_ids()[0]
    body = admin.post("DemoShopTagsAdd", {"id": order_id, "tags": ["vip"]})
    assert _cost(body)["requestedQueryCost"] == 10


def test_difference_between_requested_and_actual_is_refunded(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    clock = ManualClock()
    shop = make_demo_shop(size=5, clock=clock)
    body = Admin(shop, http).raw({"query": SMALL_LIST}).json()
    cost = _cost(body)
    assert cost["throttleStatus"] == {
        "maximumAvailable": 1000.0,
        "currentlyAvailable": 1000 - cost["actualQueryCost"],
        "restoreRate": 100.0,
    }


def test_throttled_when_the_bucket_is_empty_and_restored_over_time(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    clock = ManualClock()
    shop = make_demo_shop(size=150, clock=clock, bucket_size=300, restore_rate=50)
    admin = Admin(shop, http)
    # 2 + 100 * (1 + 1) = 202, and 100 orders come back, so all of it is spent.
    expensive = {"query": "{ orders(first: 100) { nodes { id customer { id } } } }"}
    first = admin.raw(expensive).json()
    assert "errors" not in first
    left = _cost(first)["throttleStatus"]["currentlyAvailable"]
    refused = admin.raw(expensive)
    assert refused.status_code == 200
    body = refused.json()
    assert body["errors"][0]["extensions"]["code"] == "THROTTLED"
    assert body.get("data") is None
    assert _cost(body)["actualQueryCost"] is None
    assert _cost(body)["requestedQueryCost"] == 202
    assert shop.throttled == 1
    clock.advance((202 - left) / 50 + 0.001)  # a hair more: (103 / 50) * 50 < 103 in floats
    again = admin.raw(expensive).json()
    assert "errors" not in again
    assert shop.throttled == 1


def test_a_single_query_may_not_cost_more_than_1000(admin: Admin) -> None:
    query = "{ orders(first: 250) { nodes { id lineItems(first: 1) { nodes { id } } } } }"
    body = admin.raw({"query": query}).json()
    error = body["errors"][0]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert error["extensions"]["cost"] == 2 + 250 * (1 + 2 + 1)
    assert error["extensions"]["maxCost"] == 1000
    assert admin.shop.throttled == 0


def test_executed_answers_carry_the_cost_and_invalid_variables_are_refused(admin: Admin) -> None:
    ok = admin.post("DemoShopConnect")
    assert ok["extensions"]["cost"]["requestedQueryCost"] > 0
    invalid_variables = admin.post("DemoShopOrder", {"id": None})
    assert invalid_variables["errors"][0]["extensions"]["code"] == "INVALID_VARIABLE"
    assert "data" not in invalid_variables


def test_bucket_refills_at_the_restore_rate_up_to_its_size() -> None:
    clock = ManualClock()
    bucket = LeakyBucket(clock, size=1000, restore_rate=100)
    assert bucket.take(900)
    assert not bucket.take(200)
    clock.advance(1.0)
    assert bucket.status().currently_available == 200
    assert bucket.take(200)
    clock.advance(60)
    assert bucket.status().currently_available == 1000
    bucket.give_back(50)
    assert bucket.status().currently_available == 1000
    assert bucket.throttled == 1
