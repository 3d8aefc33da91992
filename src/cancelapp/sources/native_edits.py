"""How a Shopify requested order edit becomes a request candidate.

Read from the descriptions in Shopify's 2026-10 API (official schema plus the release's
supplement, see `tests/fixtures/shopify/`):
- `Order.requestedOrderEdits` are "the buyer-initiated requested edits on unfulfilled line
  items"; each `RequestedOrderEditLineItem` under `lineItems.removals` names an order line item
  and "the quantity requested", and the merchant resolves one by removing those items (refund
  flow) or declines it. A requested order edit is therefore a request to cancel `quantity`
  units of each listed line item; asking does not change the order itself.
- It is a FULL cancellation when, after removing the requested units, no unit of the order
  would remain: every line item with a current quantity is listed with at least that quantity.
  Otherwise (some lines not listed, fewer units, or items already fulfilled and so not
  requestable) it is PARTIAL, and the request carries the listed line items. When the order's
  line items did not fit on one page the request stays partial: the listed items are exactly
  what was asked, whatever the rest of the order holds.
- `status` REQUESTED is "pending merchant action": an open request. DECLINED (declined by the
  merchant) and RESOLVED (the merchant removed the items) are already settled: they arrive as
  declined and done, so an entry decided in Shopify's admin is shown as decided here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.shopify_times import parse_time

OPEN = "REQUESTED"
NEWEST_EDITS = 3  # an order's edits the sources read (`requestedOrderEdits(last: 3)`)
SETTLED = {"DECLINED": RequestState.DECLINED, "RESOLVED": RequestState.DONE}


@dataclass(frozen=True)
class RequestedLine:
    line_item_id: str
    quantity: int  # units asked for (resolved or not: removal lowers the current quantity)


def edits_of(order: dict[str, Any]) -> list[dict[str, Any]]:
    """The order node's requested order edits, as selected (newest last)."""
    return list((order.get("requestedOrderEdits") or {}).get("nodes") or [])


def requests_of_order(order: dict[str, Any]) -> list[IncomingRequest]:
    """Every requested edit of an order read with its line items (`NativeRequestOrder`)."""
    requests = []
    for edit in edits_of(order):
        lines = requested_lines(edit)
        full = is_full_cancellation(order, lines)
        line_ids = () if full else tuple(line.line_item_id for line in lines)
        request = _request(edit, order, line_ids)
        if request is not None:
            requests.append(request)
    return requests


def requests_of_bulk_order(order: dict[str, Any]) -> list[IncomingRequest]:
    """`requests_of_order` for an order from a bulk file, which holds every edit and every line
    item: only its newest edits count, as `requestedOrderEdits(last: 3)` reads them by id (the
    file lists a connection's nodes in its order), so both reads make the same requests."""
    edits = edits_of(order)[-NEWEST_EDITS:]
    return requests_of_order({**order, "requestedOrderEdits": {"nodes": edits}})


def settled_request(edit: dict[str, Any], order: dict[str, Any]) -> IncomingRequest | None:
    """A request already stored while open, now declined or resolved: from the edit's id,
    status and time alone. Storing it only applies the new state (its message is known by
    its provenance key, so the missing line items are never read)."""
    if edit.get("status") not in SETTLED:
        return None
    return _request(edit, order, ())


def _request(
    edit: dict[str, Any], order: dict[str, Any], line_item_ids: tuple[str, ...]
) -> IncomingRequest | None:
    requested_at = parse_time(edit.get("requestedAt"))
    if requested_at is None:
        return None
    return IncomingRequest(
        source=RequestSource.SHOPIFY,
        external_id=str(edit["id"]),
        received_at=requested_at,
        text="",
        order_name=str(order.get("name") or "") or None,
        customer_email=order.get("email"),
        order_id=str(order["id"]),
        native_edit_id=str(edit["id"]),
        line_item_ids=line_item_ids,
        settled=SETTLED.get(str(edit.get("status"))),
    )


def requested_lines(edit: dict[str, Any]) -> list[RequestedLine]:
    lines = []
    removals = (edit.get("lineItems") or {}).get("removals") or {}
    for node in removals.get("nodes") or []:
        line_item = node.get("lineItem") or {}
        quantity = int(node.get("quantity") or 0)
        if line_item.get("id") and quantity > 0:
            lines.append(RequestedLine(str(line_item["id"]), quantity))
    return lines


def is_full_cancellation(order: dict[str, Any], lines: list[RequestedLine]) -> bool:
    """Nothing of the order would remain once the requested units are removed."""
    line_items = order.get("lineItems") or {}
    if (line_items.get("pageInfo") or {}).get("hasNextPage"):
        return False
    asked = {line.line_item_id: line.quantity for line in lines}
    held = [
        (str(li["id"]), int(li.get("currentQuantity") or 0)) for li in line_items.get("nodes") or []
    ]
    return bool(lines) and all(asked.get(line_id, 0) >= current for line_id, current in held)
