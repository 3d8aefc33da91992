"""Buyer-requested order edits (2026-10): `requestedOrderEditDecline`, `requestedOrderEditResolve`
and `requestedOrderEditCalculate`, with Shopify's semantics as documented.

- A request does not change the order; the merchant removes the items (a cancel or a refund)
  and then resolves it. Resolving before any requested unit was removed is refused here (the
  documented "marking it as completed"; Shopify's own check is not documented).
- Declining sends the buyer the `declineNote` (at most 500 characters).
- Neither touches the order's `updatedAt` (not documented either way; the stricter case).
- The calculation is the items' worth: prices here include VAT, so `editTotalSet` equals
  `editSubtotalSet` and `editTotalTaxSet` is the VAT inside it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from graphql import GraphQLError

from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.ledger import LedgerNotification
from cancelapp.demoshop.model import LineItem, Order, RequestedOrderEdit, minor_unit_round
from cancelapp.demoshop.refunds import VAT_SHARE
from cancelapp.demoshop.shapes import connection, money_bag
from cancelapp.demoshop.store import ShopStore

DECLINE_NOTE_MAX = 500


def _refused(code: str, field_path: list[str], message: str) -> dict[str, Any]:
    return {
        "requestedOrderEdit": None,
        "userErrors": [{"code": code, "field": field_path, "message": message}],
    }


def _pending(store: ShopStore, edit_id: str, verb: str) -> RequestedOrderEdit | dict[str, Any]:
    """The pending requested order edit `edit_id` names, or the refusal to answer with."""
    edit = store.find(gid_number(edit_id, "RequestedOrderEdit"), RequestedOrderEdit)
    if edit is None:
        return _refused("NOT_FOUND", ["input", "id"], "Requested order edit does not exist.")
    if edit.status != "REQUESTED":
        return _refused(
            "INVALID", ["input", "id"], f"Only a pending requested order edit can be {verb}."
        )
    return edit


def requested_order_edit_decline(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    data = args["input"]
    edit = _pending(store, data["id"], "declined")
    if not isinstance(edit, RequestedOrderEdit):
        return edit
    note = data.get("declineNote")
    if note is not None and len(note) > DECLINE_NOTE_MAX:
        return _refused("INVALID", ["input", "declineNote"], "Decline note is over 500 characters.")
    now = store.now()
    edit.status, edit.declined_at, edit.decline_note, edit.updated_at = "DECLINED", now, note, now
    order = store.owner(edit.id)
    store.ledger.record_notification(
        LedgerNotification(
            gid("Order", order.id), order.email, f"Your request for {order.name} was declined", now
        )
    )
    return {"requestedOrderEdit": edit, "userErrors": []}


def requested_order_edit_resolve(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    data = args["input"]
    edit = _pending(store, data["id"], "resolved")
    if not isinstance(edit, RequestedOrderEdit):
        return edit
    order = store.owner(edit.id)
    removed = {line.id: _taken_off(order, line.line_item_id) for line in edit.lines}
    if not any(removed.values()):
        return _refused(
            "INVALID",
            ["input", "id"],
            "Remove the requested items from the order before resolving the request.",
        )
    now = store.now()
    for line in edit.lines:
        line.resolved_quantity = min(line.quantity, removed[line.id])
    edit.status, edit.resolved_at, edit.updated_at = "RESOLVED", now, now
    return {"requestedOrderEdit": edit, "userErrors": []}


def _taken_off(order: Order, line_item_id: int) -> int:
    item = order.line_item(line_item_id)
    return (item.quantity - item.current_quantity) if item else 0


def requested_order_edit_calculate(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    data = args["input"]
    order = store.orders.get(gid_number(data["orderId"], "Order") or -1)
    if order is None:
        raise GraphQLError("Order does not exist.")
    removals = []
    for entry in data["lineItems"]["removals"]:
        item = store.find(gid_number(entry["lineItemId"], "LineItem"), LineItem)
        quantity = int(entry["quantity"])
        if item is None or store.owner(item.id) is not order:
            raise GraphQLError("Line item does not exist on this order.")
        if not 0 < quantity <= item.unfulfilled_quantity:
            raise GraphQLError("Quantity can't exceed the line item's unfulfilled quantity.")
        removals.append((item, quantity))
    currency = store.info.currency_code

    def bag(value: Decimal) -> dict[str, Any]:
        return money_bag(value, order, currency)

    def tax_of(value: Decimal) -> Decimal:  # the VAT inside, at the currency's minor units
        return minor_unit_round(value * VAT_SHARE, order.presentment_currency)

    lines = [
        {
            "key": index,
            "lineItem": item,
            "quantity": quantity,
            "subtotalSet": bag(item.unit_price * quantity),
            "totalTaxSet": bag(tax_of(item.unit_price * quantity)),
        }
        for index, (item, quantity) in enumerate(removals)
    ]
    subtotal = sum((item.unit_price * quantity for item, quantity in removals), Decimal(0))
    tax = tax_of(subtotal)
    zero = bag(Decimal(0))
    return {
        "financialSummary": {
            "editSubtotalSet": bag(subtotal),
            "editSubtotalBeforeTargetAllDiscountsSet": bag(subtotal),
            "editSubtotalWithCartDiscountSet": bag(subtotal),
            "editOrderLevelDiscountSubtotalSet": zero,
            "editTotalTaxSet": bag(tax),
            "editTotalSet": bag(subtotal),
        },
        "lineItems": {"removals": lines},
    }


CALCULATED_LINE_ITEMS = {
    "removals": lambda group, _info, **a: connection(
        group["removals"], a, lambda line: [line["key"]]
    ),
}
