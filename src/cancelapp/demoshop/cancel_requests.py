"""Customers' cancellation requests as they reach a Shopify store.

Two kinds, as the intake reads them:
- an app or Flow tags the order `cancel-request` and writes the customer's reason into the
  `cancel_reason` custom attribute (note attribute), a `custom.cancel_reason` metafield, or both,
  with the time asked in a `cancel_requested_at` attribute;
- a buyer-requested order edit (2026-10) listing the unfulfilled line items to remove; asking
  does not change the order (not even its `updatedAt`).
"""

from __future__ import annotations

from datetime import datetime

from cancelapp.demoshop.model import Metafield, Order, RequestedOrderEdit, RequestedOrderEditLine
from cancelapp.demoshop.store import ShopStore

REQUEST_TAG = "cancel-request"
REASON_ATTRIBUTE = "cancel_reason"
REQUESTED_AT_ATTRIBUTE = "cancel_requested_at"
REASON_METAFIELD = ("custom", "cancel_reason")

# Customer-written reasons; some carry markup that must be shown as plain text.
REASONS = [
    "Jeg har bestilt den forkerte størrelse. Kan I annullere ordren?",
    "Fortryder købet, vil gerne have pengene retur.",
    "Hej! Jeg kom til at bestille to gange, annuller venligst den ene.",
    "Please cancel, I ordered this twice by mistake.",
    "Found it cheaper elsewhere, sorry! Please cancel.",
    "Wrong delivery address, please cancel and I'll reorder.",
    "<b>Annuller venligst</b> min ordre, tak",
    "<script>alert('hej')</script>Please cancel my order",
    'Cancel pls <img src="x" onerror="alert(1)"> wrong colour',
    "Afbestil venligst – gaven er allerede købt af en anden.",
]

TAG_KINDS = ("attribute", "metafield", "both", "tag_only")


def add_tag_request(
    store: ShopStore, order: Order, reason: str | None, via: str, at: datetime
) -> None:
    """Tag the order and write the reason where `via` says (`attribute`, `metafield`, both, or
    `tag_only`, as some apps write no reason at all)."""
    if via not in TAG_KINDS:
        raise ValueError(f"unknown request kind {via!r}; one of {', '.join(TAG_KINDS)}")
    if REQUEST_TAG not in order.tags:
        order.tags.append(REQUEST_TAG)
        store.tags_added(order)
    if reason is not None and via in {"attribute", "both"}:
        order.custom_attributes = [
            (k, v) for k, v in order.custom_attributes if k != REASON_ATTRIBUTE
        ] + [(REASON_ATTRIBUTE, reason)]
    if reason is not None and via in {"metafield", "both"}:
        namespace, key = REASON_METAFIELD
        order.metafields = [
            m for m in order.metafields if (m.namespace, m.key) != REASON_METAFIELD
        ] + [Metafield(store.new_id(), namespace, key, reason, "multi_line_text_field")]
        store.register(order)
    if via != "tag_only":
        stamp = at.isoformat().replace("+00:00", "Z")
        order.custom_attributes = [
            (k, v) for k, v in order.custom_attributes if k != REQUESTED_AT_ATTRIBUTE
        ] + [(REQUESTED_AT_ATTRIBUTE, stamp)]
    order.touch(at)


def add_requested_edit(
    store: ShopStore, order: Order, at: datetime, quantities: dict[int, int] | None = None
) -> RequestedOrderEdit:
    """A buyer asks to remove unfulfilled items: all of them (a full cancellation) when
    `quantities` is None, else the given line item id -> quantity (a partial one)."""
    if quantities is None:
        quantities = {li.id: li.unfulfilled_quantity for li in order.line_items}
    lines = [
        RequestedOrderEditLine(store.new_id(), line_id, quantity)
        for line_id, quantity in quantities.items()
        if quantity > 0
    ]
    if not lines:
        raise ValueError(f"order {order.name} has no unfulfilled items to request")
    edit = RequestedOrderEdit(store.new_id(), "REQUESTED", at, at, lines)
    order.requested_edits.append(edit)
    store.register(order)
    return edit
