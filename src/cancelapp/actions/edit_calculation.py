"""Shopify's own sum for a partial native request, set beside CancelApp's refund preview.

`requestedOrderEditCalculate` answers what removing the requested units is worth to Shopify
(`financialSummary.editTotalSet`: the items with their taxes, in the customer's currency). The
preview shows it next to what CancelApp is about to refund for the same items (the refund
plus a kept fee); when the two differ, the preview warns before anything is sent.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence

from cancelapp.actions import documents
from cancelapp.actions.plan import ActionPlan
from cancelapp.actions.preview import CONTEXT, Preview
from cancelapp.actions.suggested import SuggestedLine
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
    lines: Sequence[SuggestedLine],
    *,
    cancel: threading.Event | None = None,
) -> Money | None:
    """What Shopify computes for removing `lines`; None when it will not say (the query is
    refused, not permitted, or answered without a readable amount)."""
    if not lines:
        return None
    removals = [{"lineItemId": line.line_item_id, "quantity": line.quantity} for line in lines]
    variables = {"input": {"orderId": order_id, "lineItems": {"removals": removals}}}
    try:
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


def with_shopify_total(plan: ActionPlan, shopify_total: Money | None) -> ActionPlan:
    """The plan whose preview shows Shopify's sum, and warns when CancelApp's differs."""
    preview = plan.preview
    if preview is None or shopify_total is None:
        return plan
    ours = items_value(preview)
    warnings = preview.warnings
    if ours is None or ours != shopify_total:
        shown = ours if ours is not None else Money.zero(shopify_total.currency)
        warnings = (
            *warnings,
            Phrase(CONTEXT, _DISAGREE, {"shopify": shopify_total, "ours": shown}),
        )
    changed = dataclasses.replace(preview, shopify_total=shopify_total, warnings=warnings)
    return dataclasses.replace(plan, preview=changed)


def items_value(preview: Preview) -> Money | None:
    """What CancelApp gives back for the items: the refund plus the fee it keeps."""
    total = preview.refund_total
    fee = preview.kept_fee
    if total is None or fee is None or fee.currency != total.currency:
        return total
    return total + fee
