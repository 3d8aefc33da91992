"""Shopify's own cancellation requests: buyer-initiated requested edits (unstable API only).

How a requested edit is read, from the descriptions in Shopify's unstable schema:
- `Order.requestedEdits` are "the buyer-initiated requested edits on unfulfilled line items";
  each `RequestedEditLineItem` names an order line item and "the quantity requested", and the
  merchant resolves one by removing those items (refund flow) or declines it. A requested edit
  is therefore a request to cancel `quantity` units of each listed line item.
- It is a FULL cancellation when, after removing the requested units, no unit of the order
  would remain: every line item with a current quantity is listed with at least that quantity.
  Otherwise (some lines not listed, fewer units, or items already fulfilled and so not
  requestable) it is PARTIAL, and the request carries the listed line items. When the order's
  line items did not fit on one page the request stays partial: the listed items are exactly
  what was asked, whatever the rest of the order holds.
- `status` REQUESTED is "pending merchant action": an open request. DENIED (declined by the
  merchant) and RESOLVED (the merchant removed the items) are already settled: they arrive as
  declined and done, so an entry decided in Shopify's admin is shown as decided here too.
- `returnPolicyProfiles { editRules }` holds the store's own window: `canAcceptEdits` false
  means customers cannot ask at all; `editWindowMinutes` is the window, -1 "until
  fulfillment"; `editRules` null means "customers can request cancellations without
  restrictions".

Whether adding a requested edit changes the order's `updatedAt` is not documented; the demo
shop does, and the source reads orders updated since its last fetch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.shopify import (
    UNSTABLE_VERSION,
    AuthFailed,
    MissingScopes,
    RequestRejected,
    ShopifyClient,
    ShopNotFound,
)
from cancelapp.shopify import documents as shopify_documents
from cancelapp.sources import documents
from cancelapp.sources.incoming import CONTEXT, FetchResult, IncomingRequest
from cancelapp.sources.shopify_times import parse_time, search_time

_SETTLED = {"DENIED": RequestState.DECLINED, "RESOLVED": RequestState.DONE}
# What a store or token says when it has no unstable API or no access to requested edits.
_REFUSALS = (ShopNotFound, MissingScopes, AuthFailed, RequestRejected)
_UNAVAILABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Shopify's own cancellation requests could not be read: {reason} Other request sources "
    "keep working; this one can be turned off in the store's settings.",
)


@dataclass(frozen=True)
class NativeConfig:
    enabled: bool = True
    first_look_back: timedelta = timedelta(days=30)


@dataclass(frozen=True)
class EditWindow:
    """The store's rules for buyer cancellation requests (its default return policy)."""

    accepts_requests: bool
    window: timedelta | None  # None: until fulfilment, or no limit set


@dataclass(frozen=True)
class RequestedLine:
    line_item_id: str
    quantity: int  # units asked for (resolved or not: removal lowers the current quantity)


class NativeSource:
    name = RequestSource.SHOPIFY

    def __init__(self, client: ShopifyClient, config: NativeConfig | None = None) -> None:
        self._client = client
        self.config = config or NativeConfig()

    def fetch(self, cursor: dict[str, Any]) -> FetchResult:
        """Orders updated since the last fetch, and again every order with an open request.

        Declining or resolving a requested edit need not touch the order's `updatedAt`, so
        orders whose requests were still open last time are read again by id (cursor `open`).
        """
        if not self.config.enabled:
            return FetchResult(cursor=cursor)
        since = parse_time(cursor.get("since")) or datetime.now(UTC) - self.config.first_look_back
        orders: dict[str, dict[str, Any]] = {}
        latest = since
        try:
            for page in self._client.paginate(
                documents.load("native_requests"),
                {"query": f"updated_at:>='{search_time(since)}'"},
                version=UNSTABLE_VERSION,
            ):
                for node in page:
                    latest = max(latest, parse_time(node.get("updatedAt")) or latest)
                    orders[str(node["id"])] = node
            for order_id in cursor.get("open", []):
                again = None if str(order_id) in orders else self._read_order(str(order_id))
                if again is not None:
                    orders[str(order_id)] = again
        except _REFUSALS as refused:
            return FetchResult(notices=[unavailable(refused.phrase)], cursor=cursor)
        requests = [r for node in orders.values() for r in requests_of_order(node)]
        still_open = sorted(
            {r.order_id for r in requests if r.settled is None and r.order_id is not None}
            - {i for i, node in orders.items() if node.get("cancelledAt")}
        )
        return FetchResult(requests, [], {"since": latest.isoformat(), "open": still_open})

    def _read_order(self, order_id: str) -> dict[str, Any] | None:
        data = self._client.query(
            documents.load("native_request_order"), {"id": order_id}, version=UNSTABLE_VERSION
        )
        node = data.get("order")
        return node if isinstance(node, dict) else None

    def edit_window(self) -> EditWindow | None:
        """The default profile's rules; None when the store refuses the unstable API."""
        try:
            data = self._client.query(
                shopify_documents.load("unstable/return_policy_profiles"),
                version=UNSTABLE_VERSION,
            )
        except _REFUSALS:
            return None
        profiles = (data.get("returnPolicyProfiles") or {}).get("nodes") or []
        default = next((p for p in profiles if p.get("default")), profiles[0] if profiles else {})
        return edit_window_of(default.get("editRules"))


def unavailable(reason: Phrase) -> Phrase:
    return Phrase(CONTEXT, _UNAVAILABLE, {"reason": reason.render_plain()})


def edit_window_of(rules: dict[str, Any] | None) -> EditWindow:
    if rules is None:
        return EditWindow(accepts_requests=True, window=None)
    minutes = rules.get("editWindowMinutes")
    window = timedelta(minutes=minutes) if isinstance(minutes, int) and minutes >= 0 else None
    return EditWindow(accepts_requests=bool(rules.get("canAcceptEdits")), window=window)


def requests_of_order(order: dict[str, Any]) -> list[IncomingRequest]:
    order_id = str(order["id"])
    requests = []
    for edit in (order.get("requestedEdits") or {}).get("nodes") or []:
        lines = requested_lines(edit)
        requested_at = parse_time(edit.get("requestedAt"))
        if requested_at is None:
            continue
        full = is_full_cancellation(order, lines)
        requests.append(
            IncomingRequest(
                source=RequestSource.SHOPIFY,
                external_id=str(edit["id"]),
                received_at=requested_at,
                text="",
                order_name=str(order.get("name") or "") or None,
                customer_email=order.get("email"),
                order_id=order_id,
                native_edit_id=str(edit["id"]),
                line_item_ids=() if full else tuple(line.line_item_id for line in lines),
                settled=_SETTLED.get(str(edit.get("status"))),
            )
        )
    return requests


def requested_lines(edit: dict[str, Any]) -> list[RequestedLine]:
    lines = []
    for node in (edit.get("lineItems") or {}).get("nodes") or []:
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
