"""`Order.currentTaxLines` and `currentTotalTaxSet`: the VAT in what the customer is still
paying for, less after a refund of items, none once the order is cancelled with its refund."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop, ManualClock

TAX = """query Tax($id: ID!) { order(id: $id) {
  currentTotalPriceSet { shopMoney { amount } }
  currentTotalTaxSet { shopMoney { amount } }
  currentTaxLines { title ratePercentage priceSet { shopMoney { amount currencyCode } } }
} }"""


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop], clock: ManualClock) -> DemoShop:
    return make_demo_shop(size=3, clock=clock, cancel_job_delay=1.0, bucket_size=100_000)


@pytest.fixture
def api(shop: DemoShop, http: httpx.Client) -> Admin:
    return Admin(shop, http)


def taxes(api: Admin, order_id: str) -> tuple[Decimal, Decimal, list[dict[str, Any]]]:
    """The current total, the current total tax and the current tax lines."""
    response = api.raw({"query": TAX, "variables": {"id": order_id}})
    body = response.json()
    assert "errors" not in body, body["errors"]
    order = body["data"]["order"]
    total = Decimal(order["currentTotalPriceSet"]["shopMoney"]["amount"])
    tax = Decimal(order["currentTotalTaxSet"]["shopMoney"]["amount"])
    lines: list[dict[str, Any]] = order["currentTaxLines"]
    assert sum(Decimal(line["priceSet"]["shopMoney"]["amount"]) for line in lines) == tax
    return total, tax, lines


def vat_in(amount: Decimal) -> Decimal:
    return (amount / 5).quantize(Decimal("0.01"))  # 25 % included


def test_a_refund_of_items_takes_their_vat_out_of_the_current_tax_lines(
    shop: DemoShop, api: Admin
) -> None:
    order_id = shop.create_order("paid")
    total, tax, (line,) = taxes(api, order_id)
    assert (line["title"], line["ratePercentage"]) == ("Moms", 25.0)
    assert line["priceSet"]["shopMoney"]["currencyCode"] == "DKK"
    assert tax == vat_in(total) > 0

    item = shop.order(order_id).line_items[0]
    suggestion = api.data(
        "DemoShopSuggestedRefund",
        {"id": order_id, "refundLineItems": [{"lineItemId": f"gid://shopify/LineItem/{item.id}",
                                              "quantity": 1}]},
    )["order"]["suggestedRefund"]  # fmt: skip
    refund_in = {
        "orderId": order_id,
        "refundLineItems": [
            {"lineItemId": r["lineItem"]["id"], "quantity": r["quantity"],
             "restockType": r["restockType"]}
            for r in suggestion["refundLineItems"]
        ],
        "transactions": [
            {"orderId": order_id, "kind": "REFUND", "gateway": t["gateway"],
             "amount": t["amountSet"]["presentmentMoney"]["amount"],
             "parentId": t["parentTransaction"]["id"]}
            for t in suggestion["suggestedTransactions"]
        ],
    }  # fmt: skip
    created = api.data("DemoShopRefundCreate", {"input": refund_in, "idempotencyKey": "vat-1"})
    assert created["refundCreate"]["userErrors"] == []

    after_total, after_tax, _lines = taxes(api, order_id)
    assert after_total == total - item.unit_price
    assert after_tax == vat_in(total - item.unit_price) < tax  # the unit's VAT went back with it


@pytest.mark.parametrize("state", ["cancelled", "partially_refunded"])
def test_seeded_refunds_leave_the_vat_of_what_is_left(
    shop: DemoShop, api: Admin, state: str
) -> None:
    order_id = shop.create_order(state)
    order = shop.order(order_id)
    original = sum(li.unit_price * li.quantity for li in order.line_items) + order.shipping
    total, tax, (line,) = taxes(api, order_id)
    assert tax == vat_in(total) < vat_in(original)
    assert (total == 0) == (state == "cancelled")
    assert Decimal(line["priceSet"]["shopMoney"]["amount"]) == tax


def test_cancelling_with_a_refund_leaves_no_vat(
    shop: DemoShop, api: Admin, clock: ManualClock
) -> None:
    order_id = shop.create_order("paid")
    assert taxes(api, order_id)[1] > 0
    started = api.data(
        "DemoShopOrderCancel",
        {"orderId": order_id, "reason": "CUSTOMER", "restock": True, "notifyCustomer": False,
         "refundMethod": {"originalPaymentMethodsRefund": True}},
    )["orderCancel"]  # fmt: skip
    assert started["orderCancelUserErrors"] == []
    clock.advance(1.0)
    assert api.data("DemoShopJob", {"id": started["job"]["id"]})["job"]["done"] is True
    total, tax, (line,) = taxes(api, order_id)
    assert total == tax == 0
    assert line["title"] == "Moms"  # the rate stays, at 0
