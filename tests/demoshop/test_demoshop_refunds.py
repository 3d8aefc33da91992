"""`refundCreate` and `inventoryAdjustQuantities`: idempotent keys, limits, the ledger."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money


def suggested(admin: Admin, order_id: str, **variables: Any) -> dict[str, Any]:
    data = admin.data("DemoShopSuggestedRefund", {"id": order_id, **variables})
    result: dict[str, Any] = data["order"]["suggestedRefund"]
    return result


def refund_input(order_id: str, suggestion: dict[str, Any]) -> dict[str, Any]:
    """A refund built from Shopify's suggestion, as the app builds it."""
    return {
        "orderId": order_id,
        "notify": False,
        "refundLineItems": [
            {"lineItemId": r["lineItem"]["id"], "quantity": r["quantity"],
             "restockType": r["restockType"],
             "locationId": r["location"]["id"] if r["location"] else None}
            for r in suggestion["refundLineItems"]
        ],
        "transactions": [
            {"orderId": order_id, "kind": "REFUND", "gateway": t["gateway"],
             "amount": t["amountSet"]["presentmentMoney"]["amount"],
             "parentId": t["parentTransaction"]["id"]}
            for t in suggestion["suggestedTransactions"]
        ],
    }  # fmt: skip


def refund(admin: Admin, refund_in: dict[str, Any], key: str) -> dict[str, Any]:
    data = admin.data("DemoShopRefundCreate", {"input": refund_in, "idempotencyKey": key})
    result: dict[str, Any] = data["refundCreate"]
    return result


def test_suggested_full_refund_covers_what_was_paid(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    paid = sum(t.amount for t in demo_shop.order(order_id).transactions)
    suggestion = suggested(admin, order_id, suggestFullRefund=True)
    assert Decimal(suggestion["amountSet"]["presentmentMoney"]["amount"]) == paid
    assert Decimal(suggestion["maximumRefundableSet"]["presentmentMoney"]["amount"]) == paid
    (transaction,) = suggestion["suggestedTransactions"]
    assert transaction["gateway"] == "shopify_payments"
    assert all(r["restockType"] == "CANCEL" for r in suggestion["refundLineItems"])


def test_a_repeated_key_returns_the_first_refund_and_moves_no_money_twice(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    refund_in = refund_input(order_id, suggested(admin, order_id, suggestFullRefund=True))
    first = refund(admin, refund_in, "key-1")
    again = refund(admin, refund_in, "key-1")
    assert first["userErrors"] == []
    assert again["refund"]["id"] == first["refund"]["id"]
    ledger = demo_shop.ledger
    assert len(ledger.refunds) == 1
    assert ledger.refunds[0].idempotency_key == "key-1"
    restocked = sum(r.delta for r in ledger.restocks)
    assert restocked == sum(li.quantity for li in demo_shop.order(order_id).line_items)
    assert admin.data("DemoShopOrder", {"id": order_id})["order"]["displayFinancialStatus"] == (
        "REFUNDED"
    )


def test_a_new_key_cannot_refund_more_than_was_paid(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    suggestion = suggested(admin, order_id, suggestFullRefund=True)
    money_only = {**refund_input(order_id, suggestion), "refundLineItems": []}
    assert refund(admin, money_only, "key-a")["userErrors"] == []
    second = refund(admin, money_only, "key-b")
    assert second["refund"] is None
    assert "exceeds" in second["userErrors"][0]["message"]
    assert len(demo_shop.ledger.refunds) == 1


def test_the_same_key_with_other_parameters_is_refused(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    suggestion = suggested(admin, order_id, suggestFullRefund=True)
    refund_in = {**refund_input(order_id, suggestion), "refundLineItems": []}
    refund(admin, refund_in, "key-x")
    changed = {**refund_in, "note": "another refund"}
    assert refund(admin, changed, "key-x")["userErrors"][0]["message"].startswith("Idempotency")
    assert len(demo_shop.ledger.refunds) == 1


def test_refund_without_an_idempotency_key_is_an_error(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    query = """mutation R($input: RefundInput!) {
      refundCreate(input: $input) { refund { id } userErrors { message } } }"""
    body = admin.raw({"query": query, "variables": {"input": {"orderId": order_id}}}).json()
    assert body["data"]["refundCreate"] is None
    assert "@idempotent" in body["errors"][0]["message"]
    assert demo_shop.ledger.refunds == []


def test_partial_refund_of_one_line_restocks_it_at_its_location(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    line = demo_shop.order(order_id).line_items[0]
    suggestion = suggested(
        admin, order_id,
        refundLineItems=[{"lineItemId": f"gid://shopify/LineItem/{line.id}", "quantity": 1}],
    )  # fmt: skip
    assert Decimal(suggestion["amountSet"]["presentmentMoney"]["amount"]) == line.unit_price
    result = refund(admin, refund_input(order_id, suggestion), "partial-1")
    assert result["refund"]["refundLineItems"]["nodes"][0]["restocked"] is True
    (restock,) = demo_shop.ledger.restocks
    assert restock.delta == 1
    assert restock.order_id == order_id
    status = admin.data("DemoShopOrder", {"id": order_id})["order"]["displayFinancialStatus"]
    assert status == "PARTIALLY_REFUNDED"


def test_returning_a_shipped_unit_keeps_the_unshipped_ones_to_ship(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id, line = next(
        (oid, li)
        for oid in (demo_shop.create_order("paid") for _ in range(20))
        for li in demo_shop.order(oid).line_items
        if li.quantity >= 2
    )
    line_gid = f"gid://shopify/LineItem/{line.id}"
    demo_shop.fulfil(order_id, {line_gid: 1})
    location = demo_shop.order(order_id).fulfillment_orders[0].location.id
    returned = {"orderId": order_id, "refundLineItems": [
        {"lineItemId": line_gid, "quantity": 1, "restockType": "RETURN",
         "locationId": f"gid://shopify/Location/{location}"}]}  # fmt: skip
    assert refund(admin, returned, "return-1")["userErrors"] == []
    again = refund(admin, returned, "return-2")  # the one shipped unit is back already
    assert again["userErrors"][0]["field"] == ["refundLineItems", "0", "restockType"]
    order = admin.data("DemoShopOrder", {"id": order_id})["order"]
    item = next(li for li in order["lineItems"]["nodes"] if li["id"] == line_gid)
    assert item["unfulfilledQuantity"] == line.quantity - 1
    assert order["displayFulfillmentStatus"] == "PARTIALLY_FULFILLED"
    remaining = sum(
        fo_line["remainingQuantity"]
        for fo in order["fulfillmentOrders"]["nodes"]
        for fo_line in fo["lineItems"]["nodes"]
        if fo_line["lineItem"]["id"] == line_gid
    )
    assert remaining == line.quantity - 1


def test_multi_currency_refund_needs_the_presentment_currency(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("eur")
    refund_in = refund_input(order_id, suggested(admin, order_id, suggestFullRefund=True))
    refused = refund(admin, refund_in, "eur-1")
    assert refused["userErrors"][0]["field"] == ["currency"]
    accepted = refund(admin, {**refund_in, "currency": "EUR"}, "eur-2")
    assert accepted["userErrors"] == []
    assert demo_shop.ledger.refunds[0].currency == "EUR"


def _adjust(admin: Admin, shop: DemoShop, key: str, delta: int, **change: Any) -> dict[str, Any]:
    variant = next(iter(shop.store.variants.values()))
    location = next(iter(shop.store.locations.values()))
    item = f"gid://shopify/InventoryItem/{variant.inventory_item_id}"
    adjust_input = {
        "name": "available",
        "reason": "restock",
        "referenceDocumentUri": shop.order_ids()[0],
        "changes": [{"inventoryItemId": item, "locationId": f"gid://shopify/Location/{location.id}",
                     "delta": delta, "changeFromQuantity": None, **change}],
    }  # fmt: skip
    data = admin.data("DemoShopInventoryAdjust", {"input": adjust_input, "idempotencyKey": key})
    result: dict[str, Any] = data["inventoryAdjustQuantities"]
    return result


def test_inventory_adjustment_happens_once_per_key(admin: Admin, demo_shop: DemoShop) -> None:
    first = _adjust(admin, demo_shop, "inv-1", 2)
    again = _adjust(admin, demo_shop, "inv-1", 2)
    assert again["inventoryAdjustmentGroup"]["id"] == first["inventoryAdjustmentGroup"]["id"]
    (restock,) = demo_shop.ledger.restocks
    assert restock.delta == 2
    assert restock.order_id == demo_shop.order_ids()[0]
    mismatch = _adjust(admin, demo_shop, "inv-1", 3)
    assert mismatch["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"


def test_inventory_compare_and_swap_refuses_a_stale_quantity(
    admin: Admin, demo_shop: DemoShop
) -> None:
    stale = _adjust(admin, demo_shop, "inv-2", 1, changeFromQuantity=-5)
    assert stale["userErrors"][0]["code"] == "CHANGE_FROM_QUANTITY_STALE"
    assert demo_shop.ledger.restocks == []


def test_inventory_change_must_say_its_expected_quantity_even_if_null(
    admin: Admin, demo_shop: DemoShop
) -> None:
    """Shopify requires `changeFromQuantity` in every change; a client that leaves it out
    must fail here as it would against a real store."""
    variant = next(iter(demo_shop.store.variants.values()))
    location = next(iter(demo_shop.store.locations.values()))
    change = {"inventoryItemId": f"gid://shopify/InventoryItem/{variant.inventory_item_id}",
              "locationId": f"gid://shopify/Location/{location.id}", "delta": 1}  # fmt: skip
    adjust_input = {"name": "available", "reason": "restock", "changes": [change]}
    body = admin.post("DemoShopInventoryAdjust", {"input": adjust_input, "idempotencyKey": "i"})
    assert body["data"]["inventoryAdjustQuantities"] is None
    assert "changeFromQuantity" in body["errors"][0]["message"]
    assert demo_shop.ledger.restocks == []


@pytest.mark.parametrize(
    ("state", "currency", "too_precise"), [("jpy", "JPY", "0.5"), ("kwd", "KWD", "0.0005")]
)
def test_a_refund_with_more_decimals_than_the_currency_is_refused(
    admin: Admin, demo_shop: DemoShop, state: str, currency: str, too_precise: str
) -> None:
    order_id = demo_shop.create_order(state)
    refund_in = {
        **refund_input(order_id, suggested(admin, order_id, suggestFullRefund=True)),
        "currency": currency,
    }
    (transaction,) = refund_in["transactions"]
    exact = Decimal(transaction["amount"])
    assert Money(exact, currency).fits_currency()
    transaction["amount"] = str(exact - 1 + Decimal(too_precise))
    refused = refund(admin, refund_in, f"{state}-1")
    assert refused["refund"] is None
    (error,) = refused["userErrors"]
    assert error["field"] == ["transactions", "0", "amount"]
    assert currency in error["message"]
    assert demo_shop.ledger.refunds == []
    transaction["amount"] = str(exact)
    accepted = refund(admin, refund_in, f"{state}-2")
    assert accepted["userErrors"] == []
    assert demo_shop.ledger.refunds[0].amount == exact
