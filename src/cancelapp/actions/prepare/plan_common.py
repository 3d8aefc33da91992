"""Pieces every plan builder shares: the plan itself, phrases, refusals, hold releases."""

from __future__ import annotations

from collections.abc import Sequence

from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.action_plan import ActionPlan, HeldFulfillment, PlanRefused
from cancelapp.actions.prepare.preview import CONTEXT, Preview
from cancelapp.actions.prepare.steps import Step, StepKind
from cancelapp.actions.prepare.suggested_refund import SuggestedRefund
from cancelapp.domain.action import ActionKind
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.domain.request import CancellationRequest


def phrase(template: str, **args: PhraseArg) -> Phrase:
    return Phrase(CONTEXT, template, dict(args))


def new_plan(
    order: Order,
    request: CancellationRequest | None,
    kind: ActionKind,
    steps: Sequence[Step],
    preview: Preview,
    suggested: SuggestedRefund | None,
    store_id: int | None = None,
) -> ActionPlan:
    if store_id is None:
        assert request is not None
        store_id = request.store_id
    return ActionPlan(
        plan_id=ActionPlan.new_id(),
        store_id=store_id,
        request_id=request.id if request else None,
        order_id=order.id,
        order_name=order.name,
        kind=kind,
        steps=tuple(steps),
        basis=Basis.of(
            order, suggested.amount if suggested else None, suggested.split if suggested else ()
        ),
        suggestion=suggested.variables if suggested else None,
        preview=preview,
    )


def refuse_if_closed(order: Order) -> None:
    if order.is_cancelled:
        raise PlanRefused(
            phrase(QT_TRANSLATE_NOOP(CONTEXT, "This order has already been cancelled."))
        )
    if order.has_active_return:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "A return is open on this order; finish it in Shopify first."
                )
            )
        )


def release_step(hold: HeldFulfillment) -> Step:
    return Step(
        StepKind.RELEASE_HOLD,
        {"id": hold.fulfillment_order_id, "holdIds": [hold.hold_id] if hold.hold_id else None},
    )


def location_names(order: Order) -> dict[str, str | None]:
    return {fo.location_id: fo.location_name for fo in order.fulfillment_orders if fo.location_id}
