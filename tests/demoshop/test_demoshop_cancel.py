"""`orderCancel`: a job that finishes later, its preconditions, refunds, restock and voids."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop, ManualClock

ORIGINAL = {"originalPaymentMethodsRefund": True}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop], clock: ManualClock) -> DemoShop:
    # The hand-driven clock never refills the bucket: make it large.
    return make_demo_shop(size=5, clock=clock, cancel_job_delay=2.0, bucket_size=100_000)


@pytest.fixture
def api(shop: DemoShop, http: httpx.Client) -> Admin:
    return Admin(shop, http)


def cancel(api: Admin, order_id: str, **options: object) -> dict:
    variables = {"orderId": order_id, "reason": "CUSTOMER", "restock": True,
                 "notifyCustomer": True, "refundMethod": ORIGINAL, **options}  # fmt: skip
    result: dict = api.data("DemoShopOrderCancel", variables)["orderCancel"]
    return result


def test_cancel_runs_as_a_job_that_refunds_restocks_and_notifies(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    order_id = shop.create_order("paid")
    order = shop.order(order_id)
    paid = sum(t.amount for t in order.transactions)
    units = {li.variant.inventory_item_id: li.quantity for li in order.line_items if li.variant}

    started = cancel(api, order_id, staffNote="Kunden fortrød")
    assert started["orderCancelUserErrors"] == []
    assert started["job"]["done"] is False
    assert started["jobResult"]["status"] == "STARTED"
    job_id = started["job"]["id"]
    assert api.data("DemoShopJob", {"id": job_id})["job"]["done"] is False
    assert shop.ledger.refunds == []

    clock.advance(2.0)
    polled = api.data("DemoShopJob", {"id": job_id})
    assert polled["job"]["done"] is True
    assert polled["node"] is None  # a Job id is not a node; the jobResult id is
    result = api.data("DemoShopJob", {"id": started["jobResult"]["id"]})["node"]
    assert result["status"] == "SUCCEEDED"
    assert result["order"]["cancelledAt"] is not None

    refunds = shop.ledger.refunds
    assert [(r.gateway, r.amount, r.currency) for r in refunds] == [
        ("shopify_payments", paid, "DKK")
    ]
    assert {r.order_id for r in refunds} == {order_id}
    assert shop.ledger.refunded_total(order_id) == paid
    assert shop.ledger.restocked_units(order_id) == sum(units.values())
    restocked = {int(r.inventory_item_id.rsplit("/", 1)[1]): r.delta for r in shop.ledger.restocks}
    assert restocked == units
    assert len(shop.ledger.notifications) == 1
    detail = api.data("DemoShopOrder", {"id": order_id})["order"]
    assert detail["displayFinancialStatus"] == "REFUNDED"
    assert detail["cancellation"] == {"staffNote": "Kunden fortrød"}
    assert detail["cancelReason"] == "CUSTOMER"
    assert detail["closed"] is True


def test_a_cancelled_order_cannot_be_cancelled_again(shop: DemoShop, api: Admin) -> None:
    order_id = shop.create_order("cancelled")
    refused = cancel(api, order_id)
    assert refused["job"] is None
    assert refused["orderCancelUserErrors"][0]["code"] == "INVALID"
    assert "already been cancelled" in refused["orderCancelUserErrors"][0]["message"]


def test_a_second_cancel_while_the_first_runs_is_refused(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    order_id = shop.create_order("paid")
    assert cancel(api, order_id)["job"] is not None
    assert cancel(api, order_id)["orderCancelUserErrors"][0]["code"] == "INVALID"
    clock.advance(2.0)
    assert len(shop.ledger.refunds) == 1


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("fulfilled", "fulfillments"),
        ("pending_authorization", "pending payment authorizations"),
        ("return_requested", "returns in progress"),
        ("third_party_accepted", "fulfillment service"),
    ],
)
def test_cancel_preconditions_as_documented(
    shop: DemoShop, api: Admin, state: str, words: str
) -> None:
    order_id = shop.create_order(state)
    refused = cancel(api, order_id)
    assert refused["job"] is None
    assert any(words in e["message"] for e in refused["orderCancelUserErrors"])
    assert shop.ledger.refunds == []


def test_unknown_order_is_not_found(api: Admin) -> None:
    refused = cancel(api, "gid://shopify/Order/1")
    assert refused["orderCancelUserErrors"][0]["code"] == "NOT_FOUND"


def test_job_fails_when_the_order_ships_before_it_runs(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    order_id = shop.create_order("paid")
    started = cancel(api, order_id)
    shop.fulfil(order_id)
    clock.advance(2.0)
    result = api.data("DemoShopJob", {"id": started["jobResult"]["id"]})["node"]
    assert result["status"] == "FAILED"
    assert result["errors"][0]["code"] == "INVALID"
    assert shop.order(order_id).cancelled_at is None
    assert shop.ledger.refunds == []


def test_authorized_payment_is_voided_not_refunded(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    order_id = shop.create_order("authorized")
    cancel(api, order_id, refundMethod=None)
    clock.advance(2.0)
    assert shop.ledger.refunds == []
    assert len(shop.ledger.voids) == 1
    detail = api.data("DemoShopOrder", {"id": order_id})["order"]
    assert detail["displayFinancialStatus"] == "VOIDED"


def test_cancel_without_refund_removes_the_items_and_leaves_the_money_refundable(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    """The kept-fee path: cancel without refund, then refund the money less the fee."""
    order_id = shop.create_order("paid")
    paid = sum(t.amount for t in shop.order(order_id).transactions)
    cancel(api, order_id, refundMethod=None)
    clock.advance(2.0)
    assert shop.ledger.refunds == []
    detail = api.data("DemoShopOrder", {"id": order_id})["order"]
    assert detail["displayFinancialStatus"] == "PAID"
    # Shopify: both exclude "refunded units and removed units".
    assert {(li["currentQuantity"], li["refundableQuantity"])
            for li in detail["lineItems"]["nodes"]} == {(0, 0)}  # fmt: skip
    payment = shop.order(order_id).transactions[0]
    parent = f"gid://shopify/OrderTransaction/{payment.id}"
    less_fee = {"orderId": order_id, "transactions": [
        {"orderId": order_id, "kind": "REFUND", "gateway": payment.gateway,
         "amount": str(paid - 10), "parentId": parent}]}  # fmt: skip
    refunded = api.data("DemoShopRefundCreate", {"input": less_fee, "idempotencyKey": "fee-1"})
    assert refunded["refundCreate"]["userErrors"] == []
    assert shop.ledger.refunded_total(order_id) == paid - 10


def test_refund_to_store_credit(shop: DemoShop, api: Admin, clock: ManualClock) -> None:
    order_id = shop.create_order("mobilepay")
    cancel(api, order_id, refundMethod={"storeCreditRefund": {"expiresAt": None}}, restock=False)
    clock.advance(2.0)
    (refund,) = shop.ledger.refunds
    assert refund.gateway == "store_credit"
    assert refund.amount == sum(t.amount for t in shop.order(order_id).transactions[:1])
    assert shop.ledger.restocks == []


def test_store_credit_needs_a_customer_and_a_future_expiry(shop: DemoShop, api: Admin) -> None:
    guest = shop.create_order("test")  # test orders have no customer
    refused = cancel(api, guest, refundMethod={"storeCreditRefund": {}})
    assert refused["orderCancelUserErrors"][0]["code"] == "STORE_CREDIT_REFUND_MISSING_CUSTOMER"
    past = cancel(
        api, shop.create_order("paid"),
        refundMethod={"storeCreditRefund": {"expiresAt": "2020-01-01T00:00:00Z"}},
    )  # fmt: skip
    assert past["orderCancelUserErrors"][0]["code"] == "STORE_CREDIT_REFUND_EXPIRATION_IN_PAST"


def test_cancel_without_refund_keeps_the_money_and_eur_orders_refund_in_eur(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    kept = shop.create_order("paid")
    euro = shop.create_order("eur")
    cancel(api, kept, refundMethod=None)
    cancel(api, euro)
    clock.advance(2.0)
    (refund,) = shop.ledger.refunds
    assert refund.order_id == euro
    assert refund.currency == "EUR"
    assert refund.amount == sum(t.amount for t in shop.order(euro).transactions if t.kind == "SALE")
    assert shop.order(kept).cancelled_at is not None
    assert api.data("DemoShopOrder", {"id": kept})["order"]["totalRefundedSet"]["shopMoney"] == {
        "amount": "0.0",
        "currencyCode": "DKK",
    }
    assert (
        Decimal(
            api.data("DemoShopOrder", {"id": euro})["order"]["totalRefundedSet"]["shopMoney"][
                "amount"
            ]
        )
        > refund.amount
    )  # DKK is worth less than EUR


def test_refunds_go_back_through_each_orders_own_gateway(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    by_state = {state: shop.create_order(state) for state in ("mobilepay", "manual_paid", "test")}
    for order_id in by_state.values():
        cancel(api, order_id)
    clock.advance(2.0)
    gateways = {r.order_id: r.gateway for r in shop.ledger.refunds}
    assert gateways == {
        by_state["mobilepay"]: "mobilepay",
        by_state["manual_paid"]: "manual",
        by_state["test"]: "bogus",
    }
