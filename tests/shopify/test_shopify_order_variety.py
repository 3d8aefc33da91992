"""Orders as varied as a real shop's, read through the client and judged by the default policy:
each known state maps to itself, and only an order the policy can vouch for is approved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, Order
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import default_policy, evaluate
from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    made = make_demo_shop(size=2)
    with made.store.lock:  # verdicts here turn on payment and fulfilment, not on what was bought
        for product in made.store.products.values():
            product.tags = [t for t in product.tags if t != "final-sale"]
    return made


@pytest.fixture
def client(shop: DemoShop, client_for: Callable[..., ShopifyClient]) -> ShopifyClient:
    return client_for(shop)


def _read(shop: DemoShop, client: ShopifyClient, state: str) -> Order:
    order_id = shop.create_order(state)
    return order_from_node(client.query(documents.load("order"), {"id": order_id})["order"])


def _judge(order: Order) -> tuple[Outcome, str]:
    asked = order.created_at + timedelta(minutes=30)
    request = CancellationRequest(
        1, 1, order.id, order.name, order.email, RequestState.OPEN,
        (RequestMessage(RequestSource.EMAIL, asked, "Please cancel"),),
    )  # fmt: skip
    verdict = evaluate(order, request, default_policy(), asked + timedelta(minutes=5))
    return verdict.outcome, verdict.rule


@pytest.mark.parametrize(
    ("state", "financial", "fulfillment", "outcome"),
    [
        ("captured", FinancialStatus.PAID, FulfillmentStatus.UNFULFILLED, Outcome.APPROVE),
        ("gift_card_split", FinancialStatus.PAID, FulfillmentStatus.UNFULFILLED, Outcome.APPROVE),
        ("partially_paid", FinancialStatus.PARTIALLY_PAID, FulfillmentStatus.UNFULFILLED,
         Outcome.REVIEW),
        ("expired", FinancialStatus.EXPIRED, FulfillmentStatus.UNFULFILLED, Outcome.REVIEW),
        ("digital", FinancialStatus.PAID, FulfillmentStatus.FULFILLMENT_NOT_REQUIRED,
         Outcome.REVIEW),
        ("refund_pending", FinancialStatus.PARTIALLY_REFUNDED, FulfillmentStatus.UNFULFILLED,
         Outcome.REVIEW),
        ("kwd", FinancialStatus.PAID, FulfillmentStatus.UNFULFILLED, Outcome.APPROVE),
    ],
)  # fmt: skip
def test_each_kind_of_order_maps_to_its_status_and_a_safe_verdict(
    shop: DemoShop,
    client: ShopifyClient,
    state: str,
    financial: FinancialStatus,
    fulfillment: FulfillmentStatus,
    outcome: Outcome,
) -> None:
    order = _read(shop, client, state)
    assert (order.financial_status, order.fulfillment_status) == (financial, fulfillment)
    assert _judge(order)[0] is outcome, _judge(order)


def test_payments_refunds_and_captures_come_through_as_shopify_reports_them(
    shop: DemoShop, client: ShopifyClient
) -> None:
    split = _read(shop, client, "gift_card_split")
    assert {(t.kind, t.gateway) for t in split.transactions} == {
        ("SALE", "gift_card"),
        ("SALE", "shopify_payments"),
    }
    captured = _read(shop, client, "captured")
    authorization, capture = sorted(captured.transactions, key=lambda t: t.kind)
    assert (authorization.kind, capture.kind) == ("AUTHORIZATION", "CAPTURE")
    assert capture.parent_id == authorization.id
    for state, status in (("refund_pending", "PENDING"), ("refund_failed", "FAILURE")):
        order = _read(shop, client, state)
        (refund,) = [t for t in order.transactions if t.kind == "REFUND"]
        assert refund.status == status
    failed = _read(shop, client, "refund_failed")
    assert failed.financial_status is FinancialStatus.PAID  # no money went back
    assert failed.total_refunded is not None and failed.total_refunded.is_zero()
