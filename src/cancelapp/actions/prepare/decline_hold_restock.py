"""Declining, holding and restocking (pure); approving is in `approve`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from cancelapp.actions.prepare.action_plan import (
    SHOPIFY_TEXT,
    ActionPlan,
    ActionSettings,
    HeldFulfillment,
    PlanRefused,
)
from cancelapp.actions.prepare.plan_common import new_plan, phrase, release_step
from cancelapp.actions.prepare.preview import CONTEXT, Preview, RestockLine
from cancelapp.actions.prepare.steps import ORDER_NOTE_LIMIT, Step, StepKind, new_key
from cancelapp.actions.prepare.warehouse import AtWarehouse, WarehouseState, decline_warnings
from cancelapp.domain.action import ActionKind
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest

# `RequestedOrderEditDeclineInput.declineNote`: "Maximum length: 500 characters". The decline
# dialogs (one request, or several) count the reason and take no longer one; one from
# elsewhere is refused here, never cut: the customer reads it.
DECLINE_NOTE_LIMIT = 500


def restock_step(
    order: Order,
    quantities: Mapping[str, int],
    locations: Mapping[str, str] | None = None,
    location_names: Mapping[str, str] | None = None,
) -> tuple[Step, tuple[RestockLine, ...]]:
    """`inventoryAdjustQuantities` putting `quantities` back, each line at the location it
    was allocated from, or the one chosen for it in `locations` (named in
    `location_names` when it is not one of the order's)."""
    fo_location = {
        line.line_item_id: (fo.location_id, fo.location_name)
        for fo in order.fulfillment_orders
        for line in fo.lines
    }
    names: dict[str | None, str | None] = {
        fo.location_id: fo.location_name for fo in order.fulfillment_orders
    }
    for other, name in (location_names or {}).items():
        names.setdefault(other, name)
    changes: list[dict[str, Any]] = []
    restock: list[RestockLine] = []
    for li in order.line_items:
        count = quantities.get(li.id, 0)
        if count <= 0 or not li.restockable or li.inventory_item_id is None:
            continue
        location_id, location_name = fo_location.get(li.id, (None, None))
        chosen = (locations or {}).get(li.id)
        if chosen:
            location_id, location_name = chosen, names.get(chosen)
        if location_id is None:
            raise PlanRefused(
                phrase(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "CancelApp cannot tell which location “{item}” came from."
                    ),
                    item=li.title,
                )
            )
        changes.append(
            {
                "inventoryItemId": li.inventory_item_id,
                "locationId": location_id,
                "delta": count,
                "changeFromQuantity": None,
            }
        )
        restock.append(RestockLine(li.title, count, location_id, location_name))
    if not changes:
        raise PlanRefused(phrase(QT_TRANSLATE_NOOP(CONTEXT, "There is nothing to restock.")))
    step = Step(
        StepKind.RESTOCK,
        {
            "input": {
                "name": "available",
                "reason": "restock",
                "referenceDocumentUri": order.id,
                "changes": changes,
            }
        },
        new_key(),
    )
    return step, tuple(restock)


_STATUTORY_DECLINE = phrase(
    QT_TRANSLATE_NOOP(
        CONTEXT,
        "This is a consumer's withdrawal within the EU's 14 days: the law does not let the "
        "shop refuse it, and declining it can breach consumer law. Approve it instead, unless "
        "you know it is not a withdrawal (goods made to order, a business buyer).",
    )
)


_SHOPIFY_SENDS_REASON = phrase(
    QT_TRANSLATE_NOOP(
        CONTEXT, "Shopify emails the customer that the request is declined, with your reason."
    )
)


def plan_decline(
    order: Order,
    request: CancellationRequest,
    reason: str,
    *,
    settings: ActionSettings,
    holds: Sequence[HeldFulfillment] = (),
    statutory: bool = False,
) -> ActionPlan:
    """Tag, note the reason, decline a native request and let the warehouse ship again.

    `statutory`: the verdict says this is a consumer's withdrawal the law does not let the
    shop refuse. It can still be declined (the merchant may know better: goods made to order,
    a business buyer), but only as "Decline anyway", under a warning that says why."""
    note_line = settings.words(
        Phrase(
            SHOPIFY_TEXT,
            QT_TRANSLATE_NOOP(SHOPIFY_TEXT, "Cancellation request declined: {reason}"),
            {"reason": reason},
        )
    ).strip()
    note = (order.note or "").rstrip()
    room = ORDER_NOTE_LIMIT - (len(note) + 1 if note.strip() else 0)
    if len(note_line) > room and note_line not in note:
        # Never by cutting the merchant's note or the reason: said, and decided again.
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The reason goes on the order's note, and Shopify keeps at most {limit} "
                    "characters there: {room} are left beside the note the order has. Shorten "
                    "the reason, or the order's note in Shopify, and decline again.",
                ),
                limit=ORDER_NOTE_LIMIT,
                room=max(room - (len(note_line) - len(reason)), 0),
            )
        )
    steps = [
        Step(StepKind.TAG, {"id": order.id, "tags": [settings.decline_tag]}),
        Step(StepKind.NOTE, {"id": order.id, "line": note_line}),
    ]
    if request.native_edit_id:
        if len(reason) > DECLINE_NOTE_LIMIT:
            raise PlanRefused(
                phrase(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "Shopify sends the reason to the customer and takes at most {limit} "
                        "characters; this one has {length}. Shorten it and decline again.",
                    ),
                    limit=DECLINE_NOTE_LIMIT,
                    length=len(reason),
                )
            )
        steps.append(
            Step(StepKind.DECLINE_NATIVE, {"id": request.native_edit_id, "declineNote": reason})
        )
    steps += [release_step(hold) for hold in holds]
    preview = Preview(
        order_id=order.id,
        order_name=order.name,
        kind=ActionKind.DECLINE,
        confirm_label=phrase(
            QT_TRANSLATE_NOOP(CONTEXT, "Decline anyway")
            if statutory
            else QT_TRANSLATE_NOOP(CONTEXT, "Decline request")
        ),
        tags_added=(settings.decline_tag,),
        note_added=note_line,
        # Declining a request made in Shopify: Shopify emails the customer the reason.
        notify_customer=bool(request.native_edit_id),
        customer_emails=(_SHOPIFY_SENDS_REASON,) if request.native_edit_id else (),
        holds=tuple(h.location_name or h.fulfillment_order_id for h in holds),
        warnings=((_STATUTORY_DECLINE,) if statutory else ()) + decline_warnings(order),
    )
    plan = new_plan(order, request, ActionKind.DECLINE, steps, preview, None)
    return replace(plan, reason=reason)


def plan_hold(
    order: Order,
    request: CancellationRequest,
    *,
    settings: ActionSettings,
    ask_service: bool = True,
) -> ActionPlan:
    """Stop the warehouse: hold open fulfillment orders, or ask a 3PL that accepted to stop.
    One only sent to a 3PL (SUBMITTED) is left out: Shopify refuses to hold it.

    `ask_service=False` (hold on arrival) never asks a service: a cancellation it accepts
    closes the work for good, so that stays the merchant's explicit choice."""
    steps: list[Step] = []
    held: list[str] = []
    for fo in order.fulfillment_orders:
        if fo.accepted_by_service and not ask_service:
            continue
        if fo.accepted_by_service:
            steps.append(
                Step(StepKind.SUBMIT_CANCELLATION, {"id": fo.id, "message": settings.hold_note})
            )
        elif fo.holdable:
            steps.append(
                Step(
                    StepKind.HOLD,
                    {"id": fo.id, "note": settings.hold_note, "handle": settings.hold_handle},
                )
            )
        else:
            continue
        held.append(fo.location_name or fo.id)
    if not steps and any(fo.accepted_by_service for fo in order.fulfillment_orders):
        raise AtWarehouse(order)
    if not steps and any(fo.sent_to_service for fo in order.fulfillment_orders):
        raise AtWarehouse(order, WarehouseState.SUBMITTED)
    if not steps:
        raise PlanRefused(
            phrase(QT_TRANSLATE_NOOP(CONTEXT, "Nothing on this order is waiting to ship."))
        )
    asks_service = any(s.kind is StepKind.SUBMIT_CANCELLATION for s in steps)
    label = (
        phrase(QT_TRANSLATE_NOOP(CONTEXT, "Ask the fulfillment service to stop"))
        if asks_service
        else phrase(QT_TRANSLATE_NOOP(CONTEXT, "Hold fulfillment"))
    )
    preview = Preview(
        order_id=order.id,
        order_name=order.name,
        kind=ActionKind.HOLD,
        confirm_label=label,
        holds=tuple(held),
    )
    return new_plan(order, request, ActionKind.HOLD, steps, preview, None)


def plan_restock(
    order: Order,
    request: CancellationRequest | None,
    quantities: Mapping[str, int] | None = None,
    *,
    store_id: int,
) -> ActionPlan:
    """Put units back at the location they were allocated from, referencing the order.

    Default quantities: for a cancelled order every unit not shipped; otherwise the units
    removed or refunded from the order (which a refund without restock left out of stock).
    """
    if quantities is None:
        quantities = {
            li.id: li.quantity - li.fulfilled_quantity
            if order.is_cancelled
            else li.quantity - li.current_quantity
            for li in order.line_items
        }
    step, restock = restock_step(order, quantities)
    units = sum(line.quantity for line in restock)
    preview = Preview(
        order_id=order.id,
        order_name=order.name,
        kind=ActionKind.RESTOCK,
        confirm_label=phrase(QT_TRANSLATE_NOOP(CONTEXT, "Restock {count} items"), count=units),
        restock=tuple(restock),
    )
    return new_plan(order, request, ActionKind.RESTOCK, [step], preview, None, store_id)
