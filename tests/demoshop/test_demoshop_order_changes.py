"""Tags, notes, holds, fulfilment-service cancellation requests and requested edits."""

from __future__ import annotations

from collections.abc import Callable

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


def test_fulfillment_service_may_reject(admin: Admin, demo_shop: DemoShop) -> None:
    demo_shop.set_fulfillment_service_answer("reject", delay=0)
    _, fo_id = _open_fulfillment_order(demo_shop, "third_party_accepted")
    admin.data("DemoShopFulfillmentOrderSubmitCancellationRequest", {"id": fo_id})
    node = admin.data("DemoShopNode", {"id": fo_id})["node"]
    assert node["requestStatus"] == "CANCELLATION_REJECTED"


def test_requested_edits_decline_and_resolve(admin: Admin, demo_shop: DemoShop) -> None:
    declined_order = demo_shop.create_order("paid")
    declined_id = demo_shop.add_requested_edit(declined_order)
    declined = admin.data(
        "DemoShopRequestedEditDecline",
        {"input": {"id": declined_id, "declineNote": "Allerede afsendt"}},
        version="unstable",
    )["requestedEditDecline"]
    assert declined["requestedEdit"]["status"] == "DENIED"
    assert [n.order_id for n in demo_shop.ledger.notifications] == [declined_order]
    again = admin.data(
        "DemoShopRequestedEditDecline", {"input": {"id": declined_id}}, version="unstable"
    )["requestedEditDecline"]
    assert again["userErrors"][0]["code"] == "INVALID"
    resolved_id = demo_shop.add_requested_edit(demo_shop.create_order("paid"))
    resolved = admin.data(
        "DemoShopRequestedEditResolve", {"input": {"id": resolved_id}}, version="unstable"
    )["requestedEditResolve"]
    assert resolved["requestedEdit"]["status"] == "RESOLVED"
    assert resolved["requestedEdit"]["requestApprovedAt"] is not None


def test_seeded_requested_edits_are_listed_on_unstable(admin: Admin) -> None:
    edits, after = [], None
    while True:  # 20 orders a page keeps the query under the 1,000-point cap
        page = admin.data(
            "DemoShopRequestedEdits", {"first": 20, "after": after}, version="unstable"
        )["orders"]
        edits += [e for o in page["nodes"] for e in o["requestedEdits"]["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(edits) >= 3
    assert {e["status"] for e in edits} == {"REQUESTED"}
    partial = [e for e in edits if len(e["lineItems"]["nodes"]) == 1
               and e["lineItems"]["nodes"][0]["quantity"] == 1]  # fmt: skip
    assert partial
