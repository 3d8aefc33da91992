"""Orders a fulfillment service (a warehouse, 3PL) has accepted: Shopify refuses to cancel them
until the service agrees, so approving first asks it (`fulfillmentOrderSubmitCancellationRequest`,
only ever at the merchant's explicit choice) and the cancel and refund follow its answer, read
from each fulfillment order's `requestStatus` on the next syncs.

One only sent to a service (SUBMITTED, not accepted) is no such case: Shopify cancels such a
request at once (`fulfillmentOrderCancel`), so `orderCancel` goes through and approving cancels
and refunds as for any order; the re-verification before sending stops it if the service
accepted meanwhile. Shopify does not hold it, though: the merchant is told to decide soon."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from cancelapp.actions.prepare.action_plan import SHOPIFY_TEXT, ActionPlan, PlanRefused
from cancelapp.actions.prepare.plan_common import new_plan, phrase
from cancelapp.actions.prepare.preview import CONTEXT, Preview
from cancelapp.actions.prepare.steps import Step, StepKind
from cancelapp.domain.action import ActionKind
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest

# `fulfillmentOrderSubmitCancellationRequest`'s message has no documented limit; keep it short.
# The confirmation counts the merchant's message against it and takes no longer one; nothing
# here cuts it.
MESSAGE_LIMIT = 500


class WarehouseState(StrEnum):
    AT_WAREHOUSE = "at_warehouse"  # accepted by a service: cancelling needs its consent
    SUBMITTED = "submitted"  # sent to a service, not accepted: cancelled at once, not held
    WAITING = "waiting"  # CANCELLATION_REQUESTED: asked, no answer yet
    REJECTED = "rejected"  # CANCELLATION_REJECTED
    AGREED = "agreed"  # CANCELLATION_ACCEPTED and the order not cancelled yet


def warehouse_state(order: Order) -> WarehouseState | None:
    """Where the order stands with its fulfillment services; None when none holds the work."""
    statuses = {fo.request_status for fo in order.fulfillment_orders if fo.fulfillment_service}
    if order.is_cancelled or not statuses:
        return None
    if "CANCELLATION_REJECTED" in statuses:
        return WarehouseState.REJECTED
    if "CANCELLATION_REQUESTED" in statuses:
        return WarehouseState.WAITING
    if "ACCEPTED" in statuses:
        return WarehouseState.AT_WAREHOUSE
    if "SUBMITTED" in statuses:
        return WarehouseState.SUBMITTED
    if "CANCELLATION_ACCEPTED" in statuses:
        return WarehouseState.AGREED
    return None


_WORDS = {
    WarehouseState.AT_WAREHOUSE: QT_TRANSLATE_NOOP(
        CONTEXT, "At the warehouse: decide soon. It must agree before the order can be cancelled."
    ),
    WarehouseState.SUBMITTED: QT_TRANSLATE_NOOP(
        CONTEXT,
        "Sent to {services}, not accepted yet: it can still be cancelled at once, but not "
        "held. Decide soon: once the warehouse accepts it, it must agree to the cancel.",
    ),
    WarehouseState.WAITING: QT_TRANSLATE_NOOP(
        CONTEXT, "Waiting for the warehouse to agree to cancel."
    ),
    WarehouseState.REJECTED: QT_TRANSLATE_NOOP(
        CONTEXT,
        "The warehouse refused to cancel: the parcel may already be packed or on its way. "
        "Decline the request, or contact the warehouse and refresh the order.",
    ),
    WarehouseState.AGREED: QT_TRANSLATE_NOOP(
        CONTEXT, "The warehouse agreed to cancel: approve to cancel and refund."
    ),
}


class AtWarehouse(PlanRefused):
    """A hold found only work a fulfillment service has: one that accepted is not asked to
    stop on arrival, and Shopify holds none it was sent (SUBMITTED)."""

    def __init__(self, order: Order, state: WarehouseState = WarehouseState.AT_WAREHOUSE) -> None:
        super().__init__(warehouse_words(state, order))


def warehouse_words(state: WarehouseState, order: Order) -> Phrase:
    """The state in words; SUBMITTED names the services the order was sent to."""
    services = sorted(
        {
            fo.location_name or fo.fulfillment_service or ""
            for fo in order.fulfillment_orders
            if fo.sent_to_service
        }
    )
    return phrase(_WORDS[state], services=", ".join(services))


def default_message(order: Order, words: Callable[[Phrase], str]) -> str:
    """What the warehouse reads unless the merchant writes otherwise (sent as typed), in
    the merchant's language (`ActionSettings.words`)."""
    return words(
        Phrase(
            SHOPIFY_TEXT,
            QT_TRANSLATE_NOOP(
                SHOPIFY_TEXT, "The customer asked to cancel order {order}. Please do not ship it."
            ),
            {"order": order.name},
        )
    )


def decline_warnings(order: Order) -> tuple[Phrase, ...]:
    """Declining after the warehouse agreed to cancel: its work stays stopped. Shopify's API
    offers no way back for it (`fulfillmentOrderOpen` and `fulfillmentOrderReschedule` only
    apply to scheduled fulfillment orders, `fulfillmentOrderMove` refuses closed ones), so the
    merchant is told what to do in Shopify."""
    if warehouse_state(order) is not WarehouseState.AGREED:
        return ()
    return (
        phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The warehouse already agreed to cancel {order} and stopped work on it; "
                "declining does not restart it. In Shopify, open the order and request "
                "fulfillment again (or fulfil it from another location), or it will never ship.",
            ),
            order=order.name,
        ),
    )


def refuse_while_at_warehouse(order: Order) -> None:
    """Approving waits for the warehouse's answer, or ends with its refusal."""
    state = warehouse_state(order)
    if state in (WarehouseState.WAITING, WarehouseState.REJECTED):
        assert state is not None
        raise PlanRefused(warehouse_words(state, order))


def plan_ask_warehouse(order: Order, request: CancellationRequest, message: str) -> ActionPlan:
    """Ask every service that accepted the order's work to stop: the first half of an approve."""
    steps = [
        Step(
            StepKind.SUBMIT_CANCELLATION,
            {"id": fo.id, "message": message.strip() or None},
        )
        for fo in order.fulfillment_orders
        if fo.fulfillment_service and fo.request_status == "ACCEPTED"
    ]
    if not steps:
        raise PlanRefused(warehouse_words(WarehouseState.AT_WAREHOUSE, order))
    services = sorted(
        {
            fo.location_name or fo.fulfillment_service or ""
            for fo in order.fulfillment_orders
            if fo.fulfillment_service and fo.request_status == "ACCEPTED"
        }
    )
    preview = Preview(
        order_id=order.id,
        order_name=order.name,
        kind=ActionKind.CANCELLATION_REQUEST,
        confirm_label=phrase(QT_TRANSLATE_NOOP(CONTEXT, "Ask the warehouse to cancel")),
        warnings=(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "{services} has accepted this order: the warehouse must agree first, or "
                    "Shopify refuses to cancel it. Nothing is refunded now; once the warehouse "
                    "agrees, the request comes back for the cancel and refund.",
                ),
                services=", ".join(services),
            ),
        ),
        service_message=message,
    )
    return new_plan(order, request, ActionKind.CANCELLATION_REQUEST, steps, preview, None)


def with_message(plan: ActionPlan, message: str) -> ActionPlan:
    """The same request to the warehouse with the merchant's own message."""
    from dataclasses import replace

    steps = tuple(
        replace(s, variables={**s.variables, "message": message.strip() or None})
        if s.kind is StepKind.SUBMIT_CANCELLATION
        else s
        for s in plan.steps
    )
    preview = replace(plan.preview, service_message=message) if plan.preview else None
    return replace(plan, steps=steps, preview=preview)
