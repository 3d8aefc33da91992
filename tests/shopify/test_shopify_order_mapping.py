"""Order nodes as the Admin API returns them, mapped to the domain `Order`."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    FinancialStatus,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    ReturnStatus,
    RiskLevel,
)
from cancelapp.shopify import MalformedResponse
from cancelapp.shopify.order_mapping import is_truncated, order_from_node


def _money(amount: str, currency: str = "DKK") -> dict[str, Any]:
    return {"amount": amount, "currencyCode": currency}


def partly_shipped_order() -> dict[str, Any]:
    """A paid Danish order paid in EUR: one vase shipped from Aarhus, two mugs still to pack."""
    return {
        "id": "gid://shopify/Order/5512",
        "name": "#1042",
        "createdAt": "2026-11-20T08:15:00Z",
        "updatedAt": "2026-11-21T09:30:12+01:00",
        "processedAt": "2026-11-20T08:15:00Z",
        "cancelledAt": None,
        "cancelReason": None,
        "closedAt": None,
        "test": False,
        "email": "mette@example.dk",
        "note": "Gave – pak pænt ind",
        "tags": ["gave", "cancel-requested"],
        "customerLocale": "da-DK",
        "currencyCode": "DKK",
        "presentmentCurrencyCode": "EUR",
        "displayFinancialStatus": "PARTIALLY_REFUNDED",
        "displayFulfillmentStatus": "PARTIALLY_FULFILLED",
        "returnStatus": "NO_RETURN",
        "paymentGatewayNames": ["shopify_payments", "gift_card"],
        "customAttributes": [
            {"key": "Leveringsdato", "value": "24-12"},
            {"key": "x", "value": None},
        ],
        "currentTotalPriceSet": {"shopMoney": _money("1347.50")},
        "totalRefundedSet": {"shopMoney": _money("100.00")},
        "risk": {
            "recommendation": "INVESTIGATE",
            "assessments": [{"riskLevel": "LOW"}, {"riskLevel": "MEDIUM"}],
        },
        "customer": {
            "id": "gid://shopify/Customer/77",
            "displayName": "Mette Sørensen",
            "locale": "da",
            "tags": ["vip"],
            "defaultEmailAddress": {"emailAddress": "mette@example.dk"},
        },
        "lineItems": {
            "pageInfo": {"hasNextPage": False},
            "nodes": [
                {
                    "id": "gid://shopify/LineItem/1",
                    "title": "Vase, blå glasur",
                    "sku": "VASE-BLA",
                    "quantity": 1,
                    "currentQuantity": 1,
                    "unfulfilledQuantity": 0,
                    "refundableQuantity": 1,
                    "restockable": True,
                    "discountedUnitPriceAfterAllDiscountsSet": {"shopMoney": _money("899.50")},
                    "variant": {"inventoryItem": {"id": "gid://shopify/InventoryItem/11"}},
                    "product": {"tags": ["keramik", "handmade"]},
                },
                {
                    "id": "gid://shopify/LineItem/2",
                    "title": "Krus",
                    "sku": "",
                    "quantity": 3,
                    "currentQuantity": 2,
                    "unfulfilledQuantity": 2,
                    "refundableQuantity": 2,
                    "restockable": True,
                    "discountedUnitPriceAfterAllDiscountsSet": {"shopMoney": _money("224.00")},
                    "variant": None,
                    "product": None,
                },
            ],
        },
        "fulfillmentOrders": {
            "pageInfo": {"hasNextPage": False},
            "nodes": [
                {
                    "id": "gid://shopify/FulfillmentOrder/900",
                    "status": "CLOSED",
                    "requestStatus": "UNSUBMITTED",
                    "assignedLocation": {
                        "name": "Aarhus lager",
                        "location": {"id": "gid://shopify/Location/1", "fulfillmentService": None},
                    },
                    "fulfillmentHolds": [],
                    "lineItems": {
                        "pageInfo": {"hasNextPage": False},
                        "nodes": [
                            {"remainingQuantity": 0, "lineItem": {"id": "gid://shopify/LineItem/1"}}
                        ],
                    },
                },
                {
                    "id": "gid://shopify/FulfillmentOrder/901",
                    "status": "ON_HOLD",
                    "requestStatus": "ACCEPTED",
                    "assignedLocation": {
                        "name": "PakkeHuset",
                        "location": {
                            "id": "gid://shopify/Location/2",
                            "fulfillmentService": {"handle": "pakkehuset"},
                        },
                    },
                    "fulfillmentHolds": [{"reason": "OTHER"}],
                    "lineItems": {
                        "pageInfo": {"hasNextPage": False},
                        "nodes": [
                            {"remainingQuantity": 2, "lineItem": {"id": "gid://shopify/LineItem/2"}}
                        ],
                    },
                },
            ],
        },
        "transactions": [
            {
                "id": "gid://shopify/OrderTransaction/31",
                "kind": "SALE",
                "status": "SUCCESS",
                "gateway": "shopify_payments",
                "processedAt": "2026-11-20T08:15:02Z",
                "amountSet": {"presentmentMoney": _money("194.10", "EUR")},
                "parentTransaction": None,
            },
            {
                "id": "gid://shopify/OrderTransaction/32",
                "kind": "REFUND",
                "status": "SUCCESS",
                "gateway": "shopify_payments",
                "processedAt": None,
                "amountSet": {"presentmentMoney": _money("13.40", "EUR")},
                "parentTransaction": {"id": "gid://shopify/OrderTransaction/31"},
            },
        ],
    }


def test_a_partly_shipped_order_maps_field_by_field() -> None:
    order = order_from_node(partly_shipped_order())
    assert order.id == "gid://shopify/Order/5512"
    assert order.name == "#1042"
    assert order.created_at == datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    assert order.updated_at == datetime(2026, 11, 21, 8, 30, 12, tzinfo=UTC)
    assert order.updated_at.tzinfo is UTC
    assert order.financial_status is FinancialStatus.PARTIALLY_REFUNDED
    assert order.fulfillment_status is FulfillmentStatus.PARTIALLY_FULFILLED
    assert order.total == Money(Decimal("1347.50"), "DKK")
    assert order.total_refunded == Money(Decimal("100.00"), "DKK")
    assert order.presentment_currency == "EUR"
    assert order.customer_name == "Mette Sørensen"
    assert order.customer_email == "mette@example.dk"
    assert order.customer is not None and order.customer.tags == ("vip",)
    assert order.locale == "da-DK"
    assert order.tags == ("gave", "cancel-requested")
    assert order.gateways == ("shopify_payments", "gift_card")
    assert order.custom_attributes == {"Leveringsdato": "24-12", "x": ""}
    assert order.note == "Gave – pak pænt ind"
    assert order.risk_level is RiskLevel.MEDIUM
    assert order.return_status is ReturnStatus.NO_RETURN
    assert not order.is_cancelled


def test_line_items_keep_quantities_prices_and_inventory_links() -> None:
    vase, mugs = order_from_node(partly_shipped_order()).line_items
    assert vase.unit_price == Money(Decimal("899.50"), "DKK")
    assert isinstance(vase.unit_price.amount, Decimal)
    assert vase.inventory_item_id == "gid://shopify/InventoryItem/11"
    assert vase.product_tags == ("keramik", "handmade")
    assert vase.fulfilled_quantity == 1
    assert (mugs.quantity, mugs.current_quantity, mugs.unfulfilled_quantity) == (3, 2, 2)
    assert mugs.sku is None  # an empty SKU means none
    assert mugs.inventory_item_id is None  # deleted variant
    assert mugs.product_tags == ()


def test_fulfillment_orders_know_their_location_service_and_holds() -> None:
    shipped, held = order_from_node(partly_shipped_order()).fulfillment_orders
    assert shipped.status is FulfillmentOrderStatus.CLOSED
    assert shipped.fulfillment_service is None
    assert shipped.location_name == "Aarhus lager"
    assert not shipped.is_open
    assert held.on_hold
    assert held.hold_reasons == ("OTHER",)
    assert held.accepted_by_service
    assert held.location_id == "gid://shopify/Location/2"
    assert [(line.line_item_id, line.remaining_quantity) for line in held.lines] == [
        ("gid://shopify/LineItem/2", 2)
    ]


def test_transactions_are_in_presentment_currency_with_parents() -> None:
    sale, refund = order_from_node(partly_shipped_order()).transactions
    assert sale.amount == Money(Decimal("194.10"), "EUR")
    assert sale.processed_at == datetime(2026, 11, 20, 8, 15, 2, tzinfo=UTC)
    assert refund.parent_id == sale.id
    assert refund.processed_at is None


def test_a_guest_cancelled_order_without_risk_assessments() -> None:
    node = partly_shipped_order()
    node |= {
        "customer": None,
        "cancelledAt": "2026-11-22T10:00:00Z",
        "closedAt": "2026-11-22T10:00:01Z",
        "displayFinancialStatus": None,
        "displayFulfillmentStatus": "FULFILLMENT_NOT_REQUIRED",
        "risk": {"recommendation": "CANCEL", "assessments": []},
        "test": True,
    }
    order = order_from_node(node)
    assert order.customer is None
    assert order.customer_email == "mette@example.dk"  # the order's own address
    assert order.is_cancelled
    assert order.closed_at == datetime(2026, 11, 22, 10, 0, 1, tzinfo=UTC)
    assert order.financial_status is FinancialStatus.UNKNOWN  # null is not a guess
    assert order.fulfillment_status is FulfillmentStatus.FULFILLMENT_NOT_REQUIRED
    assert order.risk_level is RiskLevel.HIGH
    assert order.test


def test_truncated_nested_lists_are_reported() -> None:
    node = partly_shipped_order()
    assert not is_truncated(node)
    more_lines = copy.deepcopy(node)
    more_lines["lineItems"]["pageInfo"]["hasNextPage"] = True
    assert is_truncated(more_lines)
    more_fo_lines = copy.deepcopy(node)
    more_fo_lines["fulfillmentOrders"]["nodes"][1]["lineItems"]["pageInfo"]["hasNextPage"] = True
    assert is_truncated(more_fo_lines)


@pytest.mark.parametrize(
    "damage",
    [
        {"createdAt": "2026-11-20T08:15:00"},  # no zone
        {"displayFulfillmentStatus": "TELEPORTED"},
        {"currentTotalPriceSet": {"shopMoney": {"amount": "lots", "currencyCode": "DKK"}}},
        {"lineItems": {"nodes": [{"id": "x"}]}},
    ],
)
def test_a_damaged_node_is_a_malformed_response(damage: dict[str, Any]) -> None:
    node = partly_shipped_order() | damage
    with pytest.raises(MalformedResponse) as raised:
        order_from_node(node)
    assert "gid://shopify/Order/5512" in raised.value.detail


@pytest.mark.parametrize("currency", ["USDC", "KID", "JEP", "XXX", "KWD", "JPY"])
def test_every_shopify_currency_code_maps_including_four_letter_ones(currency: str) -> None:
    """USDC is four letters: it is money like any other, never a failed page."""
    node = json.loads(json.dumps(partly_shipped_order()).replace('"EUR"', f'"{currency}"'))
    order = order_from_node(node)
    assert order.presentment_currency == currency
    assert {t.amount.currency for t in order.transactions} == {currency}


def test_a_currency_code_shopify_never_sends_is_a_malformed_response() -> None:
    node = json.loads(json.dumps(partly_shipped_order()).replace('"EUR"', '"E1"'))
    with pytest.raises(MalformedResponse):
        order_from_node(node)
