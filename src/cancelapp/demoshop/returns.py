"""`returnCreate`: a return opened as approved (status OPEN), with Shopify's checks.

Each line names a `FulfillmentLineItem` of the order and a quantity no larger than what was
shipped in it and not already in a return or refunded; the order's `returnStatus` becomes
IN_PROGRESS. `notifyCustomer` is ignored, as Shopify now ignores it.
"""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.cancellation import user_error
from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid_number
from cancelapp.demoshop.model import FulfillmentLineItem, Order, Return

_FIELD = "returnInput"


def return_create(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    given = args["returnInput"]
    number = gid_number(given["orderId"], "Order")
    order = store.orders.get(number) if number is not None else None
    if order is None:
        return _refused("NOT_FOUND", ["orderId"], "Order does not exist.")
    lines = given.get("returnLineItems") or []
    if not lines:
        return _refused("BLANK", ["returnLineItems"], "Return line items can't be blank.")
    chosen: list[tuple[FulfillmentLineItem, int]] = []
    for index, line in enumerate(lines):
        path = ["returnLineItems", str(index)]
        shipped = _shipped_line(order, line["fulfillmentLineItemId"])
        if shipped is None:
            return _refused(
                "NOT_FOUND", [*path, "fulfillmentLineItemId"], "Fulfillment line item not found."
            )
        quantity = int(line["quantity"])
        if quantity <= 0:
            return _refused("GREATER_THAN", [*path, "quantity"], "Quantity must be positive.")
        wanted = quantity + sum(q for s, q in chosen if s.id == shipped.id)
        if wanted > _returnable(order, shipped):
            return _refused(
                "INVALID",
                [*path, "quantity"],
                "Quantity is greater than the returnable quantity.",
            )
        chosen.append((shipped, quantity))
    now = store.now()
    opened = Return(store.new_id(), f"{order.name}-R{len(order.returns) + 1}", "OPEN", now, chosen)
    order.returns.append(opened)
    order.return_status = "IN_PROGRESS"
    order.touch(now)
    store.register(order)
    return {"return": opened, "userErrors": []}


def _refused(code: str, path: list[str], message: str) -> dict[str, Any]:
    return {"return": None, "userErrors": [user_error(code, [_FIELD, *path], message)]}


def _shipped_line(order: Order, line_id: str) -> FulfillmentLineItem | None:
    number = gid_number(line_id, "FulfillmentLineItem")
    for shipment in order.fulfillments:
        if shipment.status != "SUCCESS":
            continue
        for line in shipment.lines:
            if line.id == number:
                return line
    return None


def _returnable(order: Order, shipped: FulfillmentLineItem) -> int:
    """Shipped in this line and not refunded, less what open returns already hold."""
    in_returns = sum(
        quantity
        for opened in order.returns
        if opened.status in {"OPEN", "REQUESTED"}
        for line, quantity in opened.lines
        if line.id == shipped.id
    )
    item = order.line_item(shipped.line_item_id)
    kept = item.current_quantity if item is not None else 0
    return max(min(shipped.quantity, kept) - in_returns, 0)
