"""`returnCreate` with Shopify's semantics, spoken to with CancelApp's own documents."""

from __future__ import annotations

from typing import Any

from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import documents


def call(admin: Admin, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = admin.raw({"query": documents.load(name), "variables": variables}).json()
    assert "errors" not in body, body
    return body["data"]


def returnable(admin: Admin, order_id: str) -> list[dict[str, Any]]:
    order = call(admin, "order_returnable", {"id": order_id})["order"]
    return [line for f in order["fulfillments"] for line in f["fulfillmentLineItems"]["nodes"]]


def create(admin: Admin, order_id: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    given = {"orderId": order_id, "returnLineItems": lines}
    return call(admin, "return_create", {"returnInput": given})["returnCreate"]


def test_a_return_opens_for_shipped_lines_and_not_twice(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("fulfilled")
    lines = returnable(admin, order_id)
    assert lines
    assert all(line["lineItem"]["id"].startswith("gid://shopify/LineItem/") for line in lines)
    wanted = [{"fulfillmentLineItemId": line["id"], "quantity": line["quantity"]} for line in lines]

    opened = create(admin, order_id, wanted)

    assert opened["userErrors"] == []
    assert opened["return"]["status"] == "OPEN"
    assert opened["return"]["id"].startswith("gid://shopify/Return/")
    assert demo_shop.order(order_id).return_status == "IN_PROGRESS"
    again = create(admin, order_id, wanted)
    assert again["return"] is None
    assert again["userErrors"][0]["code"] == "INVALID"
    assert again["userErrors"][0]["field"][-1] == "quantity"


def test_a_line_not_of_the_order_or_nothing_shipped_is_refused(
    admin: Admin, demo_shop: DemoShop
) -> None:
    unshipped = demo_shop.create_order("paid")
    assert returnable(admin, unshipped) == []
    stranger = {"fulfillmentLineItemId": "gid://shopify/FulfillmentLineItem/1", "quantity": 1}

    refused = create(admin, unshipped, [stranger])

    assert refused["return"] is None
    assert refused["userErrors"][0]["code"] == "NOT_FOUND"
    assert create(admin, unshipped, [])["userErrors"][0]["code"] == "BLANK"


def test_return_create_needs_the_write_returns_scope(admin: Admin, make_demo_shop: Any) -> None:
    shop = make_demo_shop(scopes=frozenset({"read_orders", "write_orders"}))
    order_id = shop.create_order("fulfilled")
    body = (
        Admin(shop, admin.http)
        .raw(
            {
                "query": documents.load("return_create"),
                "variables": {"returnInput": {"orderId": order_id, "returnLineItems": []}},
            }
        )
        .json()
    )
    assert "write_returns" in str(body["errors"])
