"""Fulfilment order holds and cancellation requests to a fulfilment service (3PL)."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid_number
from cancelapp.demoshop.model import FulfillmentHold, FulfillmentOrder
from cancelapp.demoshop.store import ShopStore

HOLD_LIMIT = 10
HOLDABLE = frozenset({"OPEN", "ON_HOLD", "SCHEDULED"})


def _fulfillment_order(store: ShopStore, fo_id: str) -> FulfillmentOrder | None:
    return store.find(gid_number(fo_id, "FulfillmentOrder"), FulfillmentOrder)


def _error(code: str | None, field_path: list[str], message: str) -> dict[str, Any]:
    return {"code": code, "field": field_path, "message": message}


def fulfillment_order_hold(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    fo = _fulfillment_order(store, args["id"])
    hold_input = args["fulfillmentHold"]
    if hold_input.get("fulfillmentOrderLineItems"):
        # Shopify splits the fulfillment order; holding all of it instead would mislead.
        raise GraphQLError(
            "The demo shop cannot hold part of a fulfillment order: leave out "
            "fulfillmentOrderLineItems to hold all of it.",
            extensions={"code": "NOT_SUPPORTED_BY_DEMO_SHOP"},
        )
    empty = {"fulfillmentHold": None, "fulfillmentOrder": None, "remainingFulfillmentOrder": None}
    if fo is None:
        return {
            **empty,
            "userErrors": [
                _error("FULFILLMENT_ORDER_NOT_FOUND", ["id"], "Fulfillment order does not exist.")
            ],
        }
    if fo.status not in HOLDABLE or (
        fo.location.is_fulfillment_service and fo.request_status != "UNSUBMITTED"
    ):
        return {
            **empty,
            "userErrors": [
                _error(None, ["id"], "The fulfillment order's status does not allow a hold.")
            ],
        }
    handle = hold_input.get("handle") or ""
    if any(h.handle == handle for h in fo.holds):
        return {
            **empty,
            "userErrors": [
                _error(
                    "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
                    ["fulfillmentHold", "handle"],
                    "This app already holds it with that handle.",
                )
            ],
        }
    if len(fo.holds) >= HOLD_LIMIT:
        return {
            **empty,
            "userErrors": [
                _error(
                    "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
                    ["id"],
                    "The maximum number of holds was reached.",
                )
            ],
        }
    hold = FulfillmentHold(
        store.new_id(), handle, hold_input["reason"], hold_input.get("reasonNotes")
    )
    fo.holds.append(hold)
    fo.status = "ON_HOLD"
    _touch(store, fo)
    return {
        "fulfillmentHold": hold,
        "fulfillmentOrder": fo,
        "remainingFulfillmentOrder": None,
        "userErrors": [],
    }


def fulfillment_order_release_hold(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    fo = _fulfillment_order(store, args["id"])
    if fo is None:
        return {
            "fulfillmentOrder": None,
            "userErrors": [
                _error("FULFILLMENT_ORDER_NOT_FOUND", ["id"], "Fulfillment order does not exist.")
            ],
        }
    if fo.status != "ON_HOLD":
        return {
            "fulfillmentOrder": None,
            "userErrors": [_error(None, ["id"], "The fulfillment order is not on hold.")],
        }
    wanted = {gid_number(h, "FulfillmentHold") for h in args.get("holdIds") or []}
    fo.holds = [h for h in fo.holds if wanted and h.id not in wanted]
    if not fo.holds:
        fo.status = "OPEN"
    _touch(store, fo)
    return {"fulfillmentOrder": fo, "userErrors": []}


def fulfillment_order_submit_cancellation_request(
    _root: Any, info: Info, **args: Any
) -> dict[str, Any]:
    """The fulfilment service answers after the store's service delay, as a 3PL would."""
    store = store_of(info)
    fo = _fulfillment_order(store, args["id"])
    if fo is None:
        return {
            "fulfillmentOrder": None,
            "userErrors": [{"field": ["id"], "message": "Fulfillment order does not exist."}],
        }
    if not fo.location.is_fulfillment_service or fo.request_status != "ACCEPTED":
        return {
            "fulfillmentOrder": None,
            "userErrors": [
                {
                    "field": ["id"],
                    "message": "Cancellation can only be requested once the service accepted it.",
                }
            ],
        }
    fo.request_status = "CANCELLATION_REQUESTED"
    _touch(store, fo)
    answer = store.fulfillment_service_answer
    if answer != "none":
        store.schedule(
            store.fulfillment_service_delay, lambda: answer_cancellation(store, fo, answer)
        )
    return {"fulfillmentOrder": fo, "userErrors": []}


def answer_cancellation(store: ShopStore, fo: FulfillmentOrder, answer: str) -> None:
    """The fulfilment service accepts (the work stops, the order can be cancelled) or rejects."""
    if fo.request_status != "CANCELLATION_REQUESTED":
        return
    if answer == "accept":
        fo.request_status, fo.status = "CANCELLATION_ACCEPTED", "CLOSED"
    else:
        fo.request_status = "CANCELLATION_REJECTED"
    _touch(store, fo)


def accept_fulfillment_request(store: ShopStore, fo: FulfillmentOrder) -> None:
    """The fulfilment service takes a submitted request: `orderCancel` now needs its consent."""
    fo.request_status, fo.status = "ACCEPTED", "IN_PROGRESS"
    _touch(store, fo)


def _touch(store: ShopStore, fo: FulfillmentOrder) -> None:
    now = store.now()
    fo.updated_at = now
    order = store.owner(fo.id)
    order.touch(now)
    store.register(order)
