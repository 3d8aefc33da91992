"""Faults on the wire: reads are retried, changes are never sent twice unless keyed."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.faults import Fault
from cancelapp.shopify import (
    MalformedResponse,
    NetworkDown,
    OutcomeUnknown,
    QueryTooExpensive,
    RequestRejected,
    ShopifyDown,
    ShopLocked,
    Throttled,
    UserErrors,
    documents,
)
from cancelapp.shopify.client import ShopifyClient

Client = Callable[..., ShopifyClient]


@pytest.fixture
def client(demo_shop: DemoShop, client_for: Client) -> ShopifyClient:
    return client_for(demo_shop)


def _orders(client: ShopifyClient) -> list[dict[str, Any]]:
    return client.query(documents.load("orders"))["orders"]["nodes"]


@pytest.mark.parametrize(
    "fault",
    [
        Fault.server_error(502),
        Fault.server_error(503),
        Fault.drop(),
        Fault.drop(after_execute=True),
        Fault.malformed(),
        Fault.truncated(),
    ],
    ids=["502", "503", "dropped", "dropped-late", "html", "truncated"],
)
def test_reads_are_retried_until_they_succeed(
    demo_shop: DemoShop, client: ShopifyClient, fault: Fault
) -> None:
    demo_shop.faults.inject(fault, operation="Orders", times=2)
    assert len(_orders(client)) == 3  # the document's default page
    assert client.stats.retries == 2
    assert len(demo_shop.faults.fired) == 2


def test_reads_give_up_after_the_last_attempt(demo_shop: DemoShop, client: ShopifyClient) -> None:
    demo_shop.faults.inject(Fault.server_error(503), operation="Orders", times=10)
    with pytest.raises(ShopifyDown) as raised:
        _orders(client)
    assert "Try again in a few minutes" in raised.value.merchant_message
    assert len(demo_shop.faults.fired) == client.retry.attempts


def test_a_body_that_stays_garbled_is_a_malformed_response(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    demo_shop.faults.inject(Fault.malformed(), operation="Orders", times=10)
    with pytest.raises(MalformedResponse):
        _orders(client)


def test_a_dead_server_is_network_down(
    client_for: Client, make_demo_shop: Callable[..., DemoShop]
) -> None:
    shop = make_demo_shop()
    client = client_for(shop)
    shop.stop()
    with pytest.raises(NetworkDown):
        client.connect()
    assert client.stats.retries == client.retry.attempts - 1


def test_attempts_that_never_reached_shopify_leave_its_budget_as_it_was(
    client_for: Client, make_demo_shop: Callable[..., DemoShop]
) -> None:
    """Offline, every retry of every request took its cost again and nothing gave it back:
    the next request, once the store could be reached, waited for a budget spent on nothing
    (a third QA walkthrough saw actions hang for 30 s with the shop stopped)."""
    shop = make_demo_shop()
    client = client_for(shop)
    client.connect()
    _orders(client)  # a reading, and the orders query's cost known
    before = client.throttle.status
    assert before is not None
    shop.stop()
    for _ in range(3):
        with pytest.raises(NetworkDown):
            _orders(client)
    after = client.throttle.status
    assert after is not None
    assert client.stats.retries == 3 * (client.retry.attempts - 1)
    assert after.currently_available >= before.currently_available


def test_a_read_the_merchant_waits_on_gives_up_on_a_hanging_shop_sooner(
    demo_shop: DemoShop, client_for: Client
) -> None:
    """A shop that takes the connection and never answers kept an approve's buttons grey for
    two minutes (four attempts of 30 s; the last walkthrough, with the shop SIGSTOPped)."""
    client = client_for(demo_shop, waited_read_s=0.2)
    _orders(client)  # the cost known, a reading in
    demo_shop.faults.inject(Fault.latency(1.0), operation="Orders", times=10)
    started = time.monotonic()
    with client.merchant_waiting(), pytest.raises(NetworkDown):
        _orders(client)
    assert len(demo_shop.faults.fired) == 2  # two attempts, 0.2 s each
    assert time.monotonic() - started < 1.0
    assert len(_orders(client)) == 3  # elsewhere, patience as before: answered after 1 s


def test_a_merchant_section_inside_another_leaves_the_outer_one_as_it_was(
    demo_shop: DemoShop, client_for: Client
) -> None:
    """Closing an inner section set the thread back to a background's patience (and place in
    the pacer) while the outer one was still open."""
    client = client_for(demo_shop, waited_read_s=0.2)
    _orders(client)
    demo_shop.faults.inject(Fault.latency(1.0), operation="Orders", times=10)
    with client.merchant_waiting():
        with client.merchant_waiting():
            pass
        with pytest.raises(NetworkDown):  # still a merchant's patience: two attempts of 0.2 s
            _orders(client)
    assert len(demo_shop.faults.fired) == 2


def test_429_is_waited_out_as_retry_after_says(demo_shop: DemoShop, client: ShopifyClient) -> None:
    demo_shop.faults.inject(Fault.rate_limited(retry_after=0.3), operation="Orders")
    started = time.monotonic()
    assert len(_orders(client)) == 3  # the document's default page
    assert time.monotonic() - started >= 0.3
    assert client.stats.throttled == 1


def test_a_long_retry_after_is_reported_instead_of_waited(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    demo_shop.faults.inject(Fault.rate_limited(retry_after=600), operation="Orders")
    started = time.monotonic()
    with pytest.raises(Throttled) as raised:
        _orders(client)
    assert time.monotonic() - started < 5
    assert raised.value.retry_after.total_seconds() == 600
    assert "Try again in 10 min" in raised.value.merchant_message


@pytest.mark.parametrize("status", [402, 423])
def test_a_frozen_or_locked_shop_is_named_as_such(
    demo_shop: DemoShop, client: ShopifyClient, status: int
) -> None:
    demo_shop.faults.inject(Fault.server_error(status), operation="Orders")
    with pytest.raises(ShopLocked):
        _orders(client)
    assert client.stats.retries == 0


def test_a_query_above_the_cost_cap_is_refused(client: ShopifyClient) -> None:
    with pytest.raises(QueryTooExpensive):
        client.query(documents.load("orders"), {"first": 50})


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        ("query Mistake { orders(first: 1) { nodes { id colour } } }", "undefinedField",
         "Field 'colour' doesn't exist on type 'Order'"),
        ("query Mistake { orders(first: 1, colour: 2) { nodes { id } } }", "argumentNotAccepted",
         "Field 'orders' doesn't accept argument 'colour'"),
    ],
)  # fmt: skip
def test_a_document_shopify_cannot_validate_is_rejected_with_its_code(
    client: ShopifyClient, query: str, code: str, message: str
) -> None:
    """Shopify's validation errors carry `extensions.code`; the client names it, never retries."""
    with pytest.raises(RequestRejected) as rejected:
        client.query(query)
    assert rejected.value.messages == (message,)
    assert rejected.value.detail == code
    assert message in rejected.value.merchant_message


def _tag(client: ShopifyClient, order_id: str, tag: str) -> dict[str, Any]:
    return client.mutate(documents.load("tags_add"), {"id": order_id, "tags": [tag]})


@pytest.mark.parametrize(
    "fault",
    [
        Fault.server_error(503, after_execute=True),
        Fault.drop(after_execute=True),
        Fault.truncated(),
    ],
    ids=["503", "dropped", "truncated"],
)
def test_a_mutation_whose_answer_is_lost_is_not_resent(
    demo_shop: DemoShop, client: ShopifyClient, fault: Fault
) -> None:
    order_id = demo_shop.order_ids()[0]
    demo_shop.faults.inject(fault, operation="TagsAdd")
    with pytest.raises(OutcomeUnknown) as raised:
        _tag(client, order_id, "cancel-processed")
    assert "cannot tell whether the change was made" in raised.value.merchant_message
    assert demo_shop.order(order_id).tags.count("cancel-processed") == 1  # it did happen
    assert len(demo_shop.faults.fired) == 1
    assert client.stats.requests == 1


def test_a_mutation_that_never_left_is_sent_after_a_429(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    order_id = demo_shop.order_ids()[0]
    demo_shop.faults.inject(Fault.rate_limited(retry_after=0.05), operation="TagsAdd")
    assert _tag(client, order_id, "seen")["node"]["id"] == order_id
    assert demo_shop.order(order_id).tags.count("seen") == 1


def test_order_cancel_is_never_resent(demo_shop: DemoShop, client: ShopifyClient) -> None:
    order_id = demo_shop.create_order("paid")
    demo_shop.faults.inject(Fault.server_error(503, after_execute=True), operation="OrderCancel")
    with pytest.raises(OutcomeUnknown):
        client.mutate(
            documents.load("order_cancel"),
            {
                "orderId": order_id,
                "reason": "CUSTOMER",
                "restock": True,
                "notifyCustomer": False,
                "refundMethod": {"originalPaymentMethodsRefund": True},
            },
        )
    assert client.stats.requests == 1
    refunds = [r for r in demo_shop.ledger.refunds if r.order_id == order_id]
    assert len(refunds) <= 1  # one job at most, whatever it has done so far


def _restock_one(client: ShopifyClient, shop: DemoShop, key: str) -> tuple[str, str]:
    node, location = next(
        (order, fo["assignedLocation"]["location"])
        for order in _orders(client)
        for fo in order["fulfillmentOrders"]["nodes"]
        if fo["assignedLocation"]["location"]["fulfillmentService"] is None  # the shop's own
    )
    item = node["lineItems"]["nodes"][0]["variant"]["inventoryItem"]["id"]
    client.mutate(
        documents.load("inventory_adjust_quantities"),
        {
            "idempotencyKey": key,
            "input": {
                "name": "available",
                "reason": "restock",
                "referenceDocumentUri": node["id"],
                "changes": [
                    {
                        "inventoryItemId": item,
                        "locationId": location["id"],
                        "delta": 1,
                        "changeFromQuantity": None,
                    }
                ],
            },
        },
    )
    return item, location["id"]


@pytest.mark.parametrize(
    "fault",
    [Fault.server_error(503, after_execute=True), Fault.drop(after_execute=True)],
    ids=["503", "dropped"],
)
def test_a_keyed_mutation_is_resent_with_its_key_and_applied_once(
    demo_shop: DemoShop, client: ShopifyClient, fault: Fault
) -> None:
    key = str(uuid.uuid4())
    demo_shop.faults.inject(fault, operation="InventoryAdjustQuantities")
    _restock_one(client, demo_shop, key)
    restocks = [r for r in demo_shop.ledger.restocks if r.idempotency_key == key]
    assert len(restocks) == 1
    assert client.stats.retries == 1


def test_a_keyed_mutation_that_never_gets_an_answer_is_an_unknown_outcome(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    key = str(uuid.uuid4())
    demo_shop.faults.inject(
        Fault.drop(after_execute=True), operation="InventoryAdjustQuantities", times=10
    )
    with pytest.raises(OutcomeUnknown):
        _restock_one(client, demo_shop, key)
    assert len([r for r in demo_shop.ledger.restocks if r.idempotency_key == key]) == 1
    assert client.stats.retries == client.retry.attempts - 1


def test_user_errors_are_raised_with_shopifys_codes(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    order_id = demo_shop.create_order("cancelled")
    with pytest.raises(UserErrors) as raised:
        client.mutate(
            documents.load("order_cancel"),
            {"orderId": order_id, "reason": "CUSTOMER", "restock": True, "notifyCustomer": False},
        )
    assert raised.value.payload == "orderCancel"
    assert raised.value.errors
    assert raised.value.merchant_message.startswith("Shopify did not do it: ")


def test_a_throttle_after_a_lost_keyed_answer_is_an_unknown_outcome(
    demo_shop: DemoShop, client: ShopifyClient
) -> None:
    """The first attempt ran; giving up on the retry must not read as "nothing happened"."""
    key = str(uuid.uuid4())
    demo_shop.faults.inject(Fault.drop(after_execute=True), operation="InventoryAdjustQuantities")
    demo_shop.faults.inject(
        Fault.rate_limited(retry_after=600), operation="InventoryAdjustQuantities"
    )
    with pytest.raises(OutcomeUnknown):
        _restock_one(client, demo_shop, key)
    assert len([r for r in demo_shop.ledger.restocks if r.idempotency_key == key]) == 1


def test_stopping_while_a_lost_keyed_answer_is_retried_is_an_unknown_outcome(
    demo_shop: DemoShop, client_for: Client
) -> None:
    def interrupted(seconds: float, cancel: threading.Event | None) -> bool:
        return True  # as if the merchant closed the window during the back-off

    client = client_for(demo_shop, sleep=interrupted)
    key = str(uuid.uuid4())
    demo_shop.faults.inject(
        Fault.server_error(503, after_execute=True), operation="InventoryAdjustQuantities"
    )
    with pytest.raises(OutcomeUnknown):
        _restock_one(client, demo_shop, key)
    assert len([r for r in demo_shop.ledger.restocks if r.idempotency_key == key]) == 1


TAGS_ADD_WITH_CUSTOMER = """
mutation TagsAddWithCustomer($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) {
    node { id ... on Order { customer { id } } }
    userErrors { field message }
  }
}
"""


def test_a_mutation_that_ran_but_answered_with_errors_is_not_a_refusal(
    make_demo_shop: Callable[..., DemoShop], client_for: Client
) -> None:
    """Without read_customers the tag is added and only `customer` is denied."""
    shop = make_demo_shop(size=5, scopes=frozenset({"write_orders"}))
    order_id = shop.order_ids()[0]
    client = client_for(shop)
    with pytest.raises(OutcomeUnknown) as raised:
        client.mutate(TAGS_ADD_WITH_CUSTOMER, {"id": order_id, "tags": ["checked"]})
    assert "ACCESS_DENIED" in raised.value.detail
    assert shop.order(order_id).tags.count("checked") == 1
