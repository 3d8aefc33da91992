"""The documents do what they say against the demo shop, read through the client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus
from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import is_truncated, order_from_node

ShopFactory = Callable[..., DemoShop]


@pytest.fixture
def shop(make_demo_shop: ShopFactory) -> DemoShop:
    """A shop on a Plus-like budget, so paging through it is not paced for seconds."""
    return make_demo_shop(size=40, restore_rate=20000, bucket_size=20000)


@pytest.fixture
def client(shop: DemoShop, client_for: Callable[..., ShopifyClient]) -> ShopifyClient:
    return client_for(shop)


def test_every_seeded_order_maps_to_the_domain(client: ShopifyClient) -> None:
    nodes = [n for page in client.paginate(documents.load("orders")) for n in page]
    orders = [order_from_node(n) for n in nodes]
    assert len(orders) == 40
    assert len({o.id for o in orders}) == 40
    assert {o.total.currency for o in orders} == {"DKK"}
    assert {o.financial_status for o in orders} >= {FinancialStatus.PAID, FinancialStatus.PENDING}
    assert FulfillmentStatus.FULFILLED in {o.fulfillment_status for o in orders}
    assert any(o.is_cancelled for o in orders)
    assert all(o.created_at.tzinfo is UTC for o in orders)
    assert all(li.inventory_item_id for o in orders for li in o.line_items if li.restockable)


def test_the_detail_document_reads_the_same_order_in_full(client: ShopifyClient) -> None:
    nodes = client.query(documents.load("orders"))["orders"]["nodes"]
    node = next(n for n in nodes if not is_truncated(n))
    full = client.query(documents.load("order"), {"id": node["id"]})["order"]
    assert not is_truncated(full)
    assert order_from_node(full) == order_from_node(node)


def test_orders_can_be_filtered_by_update_time(client: ShopifyClient) -> None:
    since = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = client.query(documents.load("orders"), {"query": f"updated_at:>'{since}'"})
    assert data["orders"]["nodes"] == []


def test_a_cancel_job_is_polled_until_the_order_is_cancelled(
    shop: DemoShop, client: ShopifyClient
) -> None:
    order_id = shop.create_order("paid")
    payload = client.mutate(
        documents.load("order_cancel"),
        {
            "orderId": order_id,
            "reason": "CUSTOMER",
            "restock": True,
            "notifyCustomer": True,
            "refundMethod": {"originalPaymentMethodsRefund": True},
            "staffNote": "Kunden fortrød (CancelApp)",
        },
    )
    assert payload["orderCancelUserErrors"] == []
    job_id = payload["job"]["id"]
    poll = documents.load("job")
    state = client.query(poll, {"jobId": job_id, "orderId": order_id})
    while not state["job"]["done"]:  # the demo job takes 0.05 s; each poll is a real request
        state = client.query(poll, {"jobId": job_id, "orderId": order_id})
    assert state["order"]["cancelledAt"] is not None
    assert len([r for r in shop.ledger.refunds if r.order_id == order_id]) >= 1


def test_requested_order_edits_are_declined_through_the_stable_version(
    shop: DemoShop, client: ShopifyClient
) -> None:
    order_id = shop.create_order("paid")
    edit_id = shop.add_requested_edit(order_id)
    declined = client.mutate(
        documents.load("requested_order_edit_decline"),
        {"id": edit_id, "declineNote": "Allerede afsendt"},
    )
    assert declined["requestedOrderEdit"]["status"] == "DECLINED"
    assert shop.order(order_id).requested_edits[0].status == "DECLINED"
    assert shop.order(order_id).requested_edits[0].decline_note == "Allerede afsendt"
