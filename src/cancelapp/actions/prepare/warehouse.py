"""Orders a fulfillment service (a warehouse, 3PL) has accepted: Shopify refuses to cancel them
until the service agrees, so approving first asks it (`fulfillmentOrderSubmitCancellationRequest`,
only ever at the merchant's explicit choice) and the cancel and refund follow its answer, read
from each fulfillment order's `requestStatus` on the next syncs."""

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
    if statuses & {"ACCEPTED", "SUBMITTED"}:
        return WarehouseState.AT_WAREHOUSE
    if "CANCELLATION_ACCEPTED" in statuses:
        return WarehouseState.AGREED
    return None


_WORDS = {
    WarehouseState.AT_WAREHOUSE: QT_TRANSLATE_NOOP(
        CONTEXT, "At the warehouse: decide soon. It must agree before the order can be cancelled."
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
    """Hold on arrival found only work a fulfillment service holds: it is not asked to stop."""

    def __init__(self) -> None:
        super().__init__(warehouse_words(WarehouseState.AT_WAREHOUSE))


def warehouse_words(state: WarehouseState) -> Phrase:
    return phrase(_WORDS[state])


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
        raise PlanRefused(warehouse_words(state))


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
        raise PlanRefused(warehouse_words(WarehouseState.AT_WAREHOUSE))
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
