"""Shopify's own sum for a partial native request, set beside CancelApp's refund preview.

The units the buyer asked to remove are read from the request itself, and
`requestedOrderEditCalculate` answers what removing them is worth to Shopify
(`financialSummary.editTotalSet`: the items with their taxes, in the customer's currency). The
preview shows it next to what CancelApp is about to refund (the refund plus a kept fee); when
the two differ (the merchant chose other units than the buyer asked for, or Shopify prices them
otherwise), the preview warns before anything is sent.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from cancelapp.actions import documents
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.prepare.preview import CONTEXT, Preview
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import MalformedResponse, MissingScopes, RequestRejected

_DISAGREE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Shopify computes {shopify} for removing these items; CancelApp's preview comes to "
    "{ours}. Check the order in Shopify before you confirm.",
)


def shopify_edit_total(
    client: ShopifyClient,
    order_id: str,
    edit_id: str,
    *,
    cancel: threading.Event | None = None,
) -> Money | None:
    """What Shopify computes for removing what the request `edit_id` asks; None when it will
    not say (the request is not found, a query is refused or not permitted, or the answer has
    no readable amount)."""
    try:
        removals = requested_removals(client, order_id, edit_id, cancel)
        if not removals:
            return None
        variables = {"input": {"orderId": order_id, "lineItems": {"removals": removals}}}
        data = client.query(
            documents.client("requested_order_edit_calculate"), variables, cancel=cancel
        )
    except (RequestRejected, MissingScopes, MalformedResponse):
        return None
    calculated = data.get("requestedOrderEditCalculate") or {}
    total = ((calculated.get("financialSummary") or {}).get("editTotalSet") or {}).get(
        "presentmentMoney"
    )
    try:
        return Money.from_shopify(total) if isinstance(total, dict) else None
    except (KeyError, ValueError):
        return None


def requested_removals(
    client: ShopifyClient, order_id: str, edit_id: str, cancel: threading.Event | None
) -> list[dict[str, Any]]:
    """The units the buyer request `edit_id` asks to remove: `lineItemId` and `quantity`."""
    data = client.query(
        documents.own("requested_order_edit_removals"), {"orderId": order_id}, cancel=cancel
    )
    edits = ((data.get("order") or {}).get("requestedOrderEdits") or {}).get("nodes") or []
    edit = next((e for e in edits if isinstance(e, dict) and e.get("id") == edit_id), {})
    nodes = ((edit.get("lineItems") or {}).get("removals") or {}).get("nodes") or []
    return [
        {"lineItemId": str(n["lineItem"]["id"]), "quantity": int(n["quantity"])}
        for n in nodes
        if isinstance(n, dict)
        and (n.get("lineItem") or {}).get("id")
        and isinstance(n.get("quantity"), int)
        and n["quantity"] > 0
    ]


def with_shopify_total(plan: ActionPlan, shopify_total: Money | None) -> ActionPlan:
    """The plan whose preview shows Shopify's sum, and warns when CancelApp's differs."""
    preview = plan.preview
    if preview is None or shopify_total is None:
        return plan
    ours = items_value(preview)  # None: no refund chosen, nothing to compare
    warnings = preview.warnings
    if ours is not None and ours != shopify_total:
        warnings = (*warnings, Phrase(CONTEXT, _DISAGREE, {"shopify": shopify_total, "ours": ours}))
    changed = dataclasses.replace(preview, shopify_total=shopify_total, warnings=warnings)
    return dataclasses.replace(plan, preview=changed)


def items_value(preview: Preview) -> Money | None:
    """What CancelApp gives back for the items: the refund plus the fee it keeps."""
    total = preview.refund_total
    fee = preview.kept_fee
    if total is None or fee is None or fee.currency != total.currency:
        return total
    return total + fee
