"""Shopify Payments' fee on each payment (`OrderTransaction.fees`), read with the app's own full
order document; other gateways, refunds and authorizations carry none, as in Shopify."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.model import shop_amount
from cancelapp.demoshop.payment_fees import fee_amount
from cancelapp.shopify import documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=4, cancel_job_delay=0)  # a cancel is done when settled


def test_the_fee_is_1_8_percent_plus_1_80_in_the_shops_currency() -> None:
    assert fee_amount(Decimal("1000.00")) == Decimal("19.80")
    assert fee_amount(Decimal("449.00")) == Decimal("9.88")  # 8.082 + 1.80, to the øre


def test_shopify_payments_sales_carry_their_fee_and_nothing_else_does(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    order_ids = {
        state: demo_shop.create_order(state)
        for state in ("paid", "captured", "mobilepay", "authorized", "partially_refunded")
    }
    nodes = {
        state: shop_client.query(documents.load("order"), {"id": order_id})["order"]
        for state, order_id in order_ids.items()
    }
    shop_money = {state: demo_shop.order(o) for state, o in order_ids.items()}

    paid = order_from_node(nodes["paid"])
    (sale,) = paid.transactions
    sale_in_dkk = shop_amount(shop_money["paid"].transactions[0].amount, shop_money["paid"].rate)
    assert sale.gateway == "shopify_payments"
    assert sale.fees is not None and [(f.amount, f.currency) for f in sale.fees] == [
        (fee_amount(sale_in_dkk), "DKK")
    ]

    captured = order_from_node(nodes["captured"])
    fees = {t.kind: t.fees for t in captured.transactions}
    assert fees["AUTHORIZATION"] == () and fees["CAPTURE"] and len(fees["CAPTURE"] or ()) == 1

    assert [t.fees for t in order_from_node(nodes["mobilepay"]).transactions] == [()]
    assert [t.fees for t in order_from_node(nodes["authorized"]).transactions] == [()]
    refunded = order_from_node(nodes["partially_refunded"])
    assert {t.kind: bool(t.fees) for t in refunded.transactions} == {"SALE": True, "REFUND": False}
    # The shipping refunded is read beside them (shop currency): none on these orders yet.
    assert paid.refunded_shipping is not None and paid.refunded_shipping.amount == 0


def test_cancelling_with_a_refund_gives_the_shipping_back(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    order_id = demo_shop.create_order("paid")
    order = demo_shop.order(order_id)
    cancel = documents.load("order_cancel")
    shop_client.mutate(
        cancel,
        {
            "orderId": order_id,
            "refundMethod": {"originalPaymentMethodsRefund": True},
            "restock": True,
            "reason": "CUSTOMER",
            "notifyCustomer": False,
        },
    )
    demo_shop.settle()
    node = shop_client.query(documents.load("order"), {"id": order_id})["order"]
    refunded = order_from_node(node).refunded_shipping
    assert refunded is not None
    assert refunded.amount == shop_amount(order.shipping, order.rate) > 0
