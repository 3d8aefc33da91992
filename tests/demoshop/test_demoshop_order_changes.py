"""Tags, notes, holds, fulfilment-service cancellation requests and requested edits."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
from demoshop_admin import Admin

from cancelapp.demoshop import DemoShop, ManualClock


def test_tags_and_note(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.order_ids()[0]
    before = demo_shop.order(order_id).updated_at
    admin.data("DemoShopTagsAdd", {"id": order_id, "tags": ["cancel-declined, reviewed"]})
    removed = admin.data("DemoShopTagsRemove", {"id": order_id, "tags": ["reviewed"]})
    assert "cancel-declined" in removed["tagsRemove"]["node"]["tags"]
    assert "reviewed" not in removed["tagsRemove"]["node"]["tags"]
    note = "Afvist: ordren er allerede pakket."
    updated = admin.data("DemoShopOrderUpdate", {"input": {"id": order_id, "note": note}})
    assert updated["orderUpdate"]["order"]["note"] == note
    assert demo_shop.order(order_id).updated_at > before
    too_long = admin.data("DemoShopOrderUpdate", {"input": {"id": order_id, "note": "x" * 5001}})
    assert too_long["orderUpdate"]["userErrors"][0]["field"] == ["note"]


def _open_fulfillment_order(shop: DemoShop, state: str = "paid") -> tuple[str, str]:
    order_id = shop.create_order(state)
    fo = shop.order(order_id).fulfillment_orders[0]
    return order_id, f"gid://shopify/FulfillmentOrder/{fo.id}"


def test_hold_and_release(admin: Admin, demo_shop: DemoShop) -> None:
    order_id, fo_id = _open_fulfillment_order(demo_shop)
    hold = {"reason": "OTHER", "reasonNotes": "Kunden vil annullere", "handle": "cancelapp"}
    held = admin.data("DemoShopFulfillmentOrderHold", {"id": fo_id, "fulfillmentHold": hold})
    assert held["fulfillmentOrderHold"]["fulfillmentOrder"]["status"] == "ON_HOLD"
    status = admin.data("DemoShopOrder", {"id": order_id})["order"]["displayFulfillmentStatus"]
    assert status == "ON_HOLD"
    twice = admin.data("DemoShopFulfillmentOrderHold", {"id": fo_id, "fulfillmentHold": hold})
    assert twice["fulfillmentOrderHold"]["userErrors"][0]["code"] == (
        "DUPLICATE_FULFILLMENT_HOLD_HANDLE"
    )
    released = admin.data("DemoShopFulfillmentOrderReleaseHold", {"id": fo_id})
    assert released["fulfillmentOrderReleaseHold"]["fulfillmentOrder"]["status"] == "OPEN"


def test_a_partial_hold_is_refused_rather_than_holding_everything(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id, fo_id = _open_fulfillment_order(demo_shop)
    part = {"reason": "OTHER", "handle": "part",
            "fulfillmentOrderLineItems": [{"id": "gid://shopify/FulfillmentOrderLineItem/1",
                                           "quantity": 1}]}  # fmt: skip
    body = admin.post("DemoShopFulfillmentOrderHold", {"id": fo_id, "fulfillmentHold": part})
    assert body["data"]["fulfillmentOrderHold"] is None
    assert "fulfillmentOrderLineItems" in body["errors"][0]["message"]
    assert all(fo.status != "ON_HOLD" for fo in demo_shop.order(order_id).fulfillment_orders)


def test_fulfillment_service_accepts_a_cancellation_request_then_cancel_works(
    make_demo_shop: Callable[..., DemoShop], http: httpx.Client
) -> None:
    clock = ManualClock()
    shop = make_demo_shop(size=5, clock=clock, cancel_job_delay=1.0, bucket_size=100_000)
    admin = Admin(shop, http)
    order_id, fo_id = _open_fulfillment_order(shop, "third_party_accepted")
    submitted = admin.data(
        "DemoShopFulfillmentOrderSubmitCancellationRequest", {"id": fo_id, "message": "Stop"}
    )["fulfillmentOrderSubmitCancellationRequest"]
    assert submitted["fulfillmentOrder"]["requestStatus"] == "CANCELLATION_REQUESTED"
    clock.advance(shop.store.fulfillment_service_delay)
    node = admin.data("DemoShopNode", {"id": fo_id})["node"]
    assert node["requestStatus"] == "CANCELLATION_ACCEPTED"
    cancel = admin.data(
        "DemoShopOrderCancel",
        {"orderId": order_id, "reason": "CUSTOMER", "restock": True,
         "refundMethod": {"originalPaymentMethodsRefund": True}},
    )["orderCancel"]  # fmt: skip
    assert cancel["orderCancelUserErrors"] == []


def test_a_request_the_service_has_not_accepted_cannot_be_held_but_the_order_can_be_cancelled(
    admin: Admin, demo_shop: DemoShop
) -> None:
    """SUBMITTED: the merchant may still cancel the request ("cancellation happens immediately
    because the fulfillment service hasn't accepted the request", `fulfillmentOrderCancel`), so
    `orderCancel` goes through; a hold is refused, and `supportedActions` says so."""
    order_id, fo_id = _open_fulfillment_order(demo_shop, "third_party_submitted")
    order = admin.data("DemoShopOrder", {"id": order_id})["order"]
    actions = order["fulfillmentOrders"]["nodes"][0]["supportedActions"]
    assert [a["action"] for a in actions] == ["CANCEL_FULFILLMENT_ORDER"]
    hold = {"reason": "OTHER", "handle": "cancelapp"}
    held = admin.data("DemoShopFulfillmentOrderHold", {"id": fo_id, "fulfillmentHold": hold})
    assert "does not allow a hold" in held["fulfillmentOrderHold"]["userErrors"][0]["message"]
    cancel = admin.data(
        "DemoShopOrderCancel",
        {"orderId": order_id, "reason": "CUSTOMER", "restock": True,
         "refundMethod": {"originalPaymentMethodsRefund": True}},
    )["orderCancel"]  # fmt: skip
    assert cancel["orderCancelUserErrors"] == []


def test_fulfillment_service_may_reject(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.set_fulfillment_service_answer("reject", delay=0)
    _, fo_id = _open_fulfillment_order(demo_shop, "third_party_accepted")
    admin.data("DemoShopFulfillmentOrderSubmitCancellationRequest", {"id": fo_id})
    node = admin.data("DemoShopNode", {"id": fo_id})["node"]
    assert node["requestStatus"] == "CANCELLATION_REJECTED"


def test_a_request_does_not_change_the_order(demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    before = demo_shop.order(order_id)
    updated, units = before.updated_at, [li.current_quantity for li in before.line_items]
    demo_shop.add_requested_edit(order_id)
    after = demo_shop.order(order_id)
    assert (after.updated_at, [li.current_quantity for li in after.line_items]) == (updated, units)
    assert after.display_requested_edit_status == "REQUESTED"


def test_requested_order_edits_are_declined_with_a_note(admin: Admin, demo_shop: DemoShop) -> None:
    declined_order = demo_shop.create_order("paid")
    declined_id = demo_shop.add_requested_edit(declined_order)
    too_long = admin.data(
        "DemoShopRequestedOrderEditDecline",
        {"input": {"id": declined_id, "declineNote": "x" * 501}},
    )["requestedOrderEditDecline"]
    assert too_long["userErrors"][0]["field"] == ["input", "declineNote"]
    declined = admin.data(
        "DemoShopRequestedOrderEditDecline",
        {"input": {"id": declined_id, "declineNote": "Allerede afsendt"}},
    )["requestedOrderEditDecline"]
    assert declined["requestedOrderEdit"]["status"] == "DECLINED"
    assert declined["requestedOrderEdit"]["requestDeclinedAt"] is not None
    assert [n.order_id for n in demo_shop.ledger.notifications] == [declined_order]
    assert demo_shop.order(declined_order).requested_edits[0].decline_note == "Allerede afsendt"
    again = admin.data("DemoShopRequestedOrderEditDecline", {"input": {"id": declined_id}})[
        "requestedOrderEditDecline"
    ]
    assert again["userErrors"][0]["code"] == "INVALID"


def test_a_request_is_resolved_after_its_items_are_removed(
    admin: Admin, demo_shop: DemoShop
) -> None:
    order_id = demo_shop.create_order("paid")
    edit_id = demo_shop.add_requested_edit(order_id)
    early = admin.data("DemoShopRequestedOrderEditResolve", {"input": {"id": edit_id}})[
        "requestedOrderEditResolve"
    ]
    assert early["userErrors"][0]["code"] == "INVALID"  # nothing removed yet
    removals = [
        {"lineItemId": f"gid://shopify/LineItem/{li.id}", "quantity": li.current_quantity,
         "restockType": "CANCEL"}
        for li in demo_shop.order(order_id).line_items
    ]  # fmt: skip
    refund = {"orderId": order_id, "refundLineItems": removals, "transactions": []}
    admin.data("DemoShopRefundCreate", {"input": refund, "idempotencyKey": "resolve-after"})
    resolved = admin.data("DemoShopRequestedOrderEditResolve", {"input": {"id": edit_id}})[
        "requestedOrderEditResolve"
    ]
    assert resolved["userErrors"] == []
    edit = resolved["requestedOrderEdit"]
    assert edit["status"] == "RESOLVED" and edit["requestResolvedAt"] is not None
    removed = edit["lineItems"]["removals"]["nodes"]
    assert all(n["resolvedQuantity"] == n["quantity"] for n in removed)


def test_the_calculation_gives_the_requested_items_worth(admin: Admin, demo_shop: DemoShop) -> None:
    order_id = demo_shop.create_order("paid")
    item = demo_shop.order(order_id).line_items[0]
    removals = [{"lineItemId": f"gid://shopify/LineItem/{item.id}", "quantity": 1}]
    calculated = admin.data(
        "DemoShopRequestedOrderEditCalculate",
        {"input": {"orderId": order_id, "lineItems": {"removals": removals}}},
    )["requestedOrderEditCalculate"]
    summary = calculated["financialSummary"]
    total = summary["editTotalSet"]["presentmentMoney"]
    assert Decimal(total["amount"]) == item.unit_price  # prices include VAT here
    assert Decimal(summary["editTotalTaxSet"]["presentmentMoney"]["amount"]) > 0
    (line,) = calculated["lineItems"]["removals"]["nodes"]
    assert line["quantity"] == 1


def test_the_waiting_request_filter_and_a_shop_that_ignores_it(
    admin: Admin, demo_shop: DemoShop
) -> None:
    """`requested_order_edit_status:requested` as the demo shop assumes it works."""
    query = {"first": 8, "query": "requested_order_edit_status:requested"}
    waiting = admin.data("DemoShopRequestedOrderEdits", query)["orders"]["nodes"]
    assert waiting, "the demo shop seeds requests"
    assert {o["displayRequestedEditStatus"] for o in waiting} == {"REQUESTED"}
    demo_shop.ignore_search_field("requested_order_edit_status")
    everything = admin.data("DemoShopRequestedOrderEdits", query)["orders"]["nodes"]
    assert "NONE" in {o["displayRequestedEditStatus"] for o in everything}


def test_seeded_requested_order_edits_are_listed(admin: Admin) -> None:
    edits, after = [], None
    waiting = "requested_order_edit_status:requested"
    while True:  # 8 orders a page stays well inside the demo shop's query budget
        variables = {"first": 8, "after": after, "query": waiting}
        page = admin.data("DemoShopRequestedOrderEdits", variables)["orders"]
        edits += [e for o in page["nodes"] for e in o["requestedOrderEdits"]["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(edits) >= 3
    assert {e["status"] for e in edits} == {"REQUESTED"}
    removals = [e["lineItems"]["removals"]["nodes"] for e in edits]
    assert [r for r in removals if len(r) == 1 and r[0]["quantity"] == 1]  # a partial one
