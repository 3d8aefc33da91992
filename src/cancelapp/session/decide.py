"""Approve, decline or hold a request, online or not: the preview, then carrying it out.

Online, the plan is built from the live order and Shopify's suggested refund. With Shopify
out of reach it is built from the cached order instead, and the preview says from when
(`Prepared.read_at`); confirmed, it is journaled as queued with the policy it was decided
under, survives a restart, and is sent by `ActionRunner.run_due` once Shopify answers, only
after the order re-read from Shopify still matches what the merchant saw. If it does not,
the request comes back needing a decision, with what changed (`RequestDetail.stopped`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from cancelapp.actions import ActionPlan, Outcome, PlanRefused
from cancelapp.actions.prepare.action_plan import HeldFulfillment
from cancelapp.actions.prepare.approve import plan_approve
from cancelapp.actions.prepare.choices import ApproveChoices, is_whole, lawful, resolve_lines
from cancelapp.actions.prepare.decline_hold_restock import plan_decline, plan_hold
from cancelapp.actions.prepare.plan_common import phrase
from cancelapp.actions.prepare.preview import CONTEXT
from cancelapp.actions.prepare.suggested_refund import (
    ShippingUnproven,
    cached_shipping,
    suggestion_from_cache,
    suggestion_variables,
)
from cancelapp.actions.prepare.warehouse import (
    WarehouseState,
    default_message,
    plan_ask_warehouse,
    refuse_while_at_warehouse,
    warehouse_state,
)
from cancelapp.domain.action import ActionKind, ActionState
from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import Outcome as VerdictOutcome
from cancelapp.domain.verdict import ProcessingFee, SuggestedAction
from cancelapp.policy.document import render_policy
from cancelapp.session.refresh import OFFLINE, StoreSession, reread_orders

# Why the shipping cannot be kept in a decision taken offline (`cached_shipping`).
SHIPPING_NOT_CACHED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The cached copy of this order does not say what is left of its shipping, so the refund "
    "includes it. To keep the shipping, approve once CancelApp is online again.",
)
SHIPPING_TAX_NOT_CACHED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Prices in this shop exclude tax, and the cached copy of this order does not say the tax "
    "on its shipping, so the refund includes the shipping. To keep the shipping, approve once "
    "CancelApp is online again.",
)
SHIPPING_BESIDE_DUTIES = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The cached copy of this order cannot tell its duties and tips apart from its shipping, "
    "so the refund includes the shipping. To keep the shipping, approve once CancelApp is "
    "online again.",
)
_SHIPPING_WHY = {
    ShippingUnproven.NOT_READ: SHIPPING_NOT_CACHED,
    ShippingUnproven.TAX_EXCLUDED: SHIPPING_TAX_NOT_CACHED,
    ShippingUnproven.DUTIES_OR_TIPS: SHIPPING_BESIDE_DUTIES,
}
SPLIT_IS_SHOPIFYS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "How much goes back to each payment is Shopify's to work out when the refund is sent; "
    "the total stays as shown.",
)


class RefusedOffline(PlanRefused):
    """A decision the cached order cannot carry: it waits until Shopify answers again."""


class Choice(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    HOLD = "hold"


@dataclass(frozen=True)
class Asked:
    """What the merchant chose, with what they typed (a decline's reason)."""

    choice: Choice
    action: SuggestedAction | None = None  # approve: the policy's suggested action
    reason: str = ""  # decline
    choices: ApproveChoices | None = None  # approve: the merchant's, in the preview
    statutory: bool = False  # the verdict says it is a statutory withdrawal (approve, decline)
    judged_at: datetime | None = None  # when the verdict suggesting `action` was judged


@dataclass(frozen=True)
class Prepared:
    plan: ActionPlan
    read_at: datetime | None = None  # set when built from the cached order (offline)

    @property
    def from_cache(self) -> bool:
        return self.read_at is not None


def prepare(session: StoreSession, request_id: int, asked: Asked, *, offline: bool) -> Prepared:
    """The plan and its preview: from Shopify, or from the cache when Shopify cannot be
    reached (`offline` known already, or found out now). Raises `PlanRefused`."""
    if asked.action is not None:
        asked = replace(asked, action=asked.action.decided_at(session.clock(), asked.judged_at))
    if not offline:
        try:
            with session.client.merchant_waiting():  # a hanging shop: the cache in ~20 s
                return Prepared(_live_plan(session, request_id, asked))
        except OFFLINE:
            pass
    return _cached_plan(session, request_id, asked)


def carry_out(session: StoreSession, prepared: Prepared) -> Outcome:
    """Journal the decision with the policy it was made under, and send it after
    re-verification: a plan from the cache is queued at once (sent on reconnect); a live
    one waits out the undo window first, or is sent now (queued if Shopify went away).
    What was sent is read again from Shopify, so the queue shows the order as it now is."""
    runner = session.runner
    snapshot = policy_snapshot(session)
    if prepared.from_cache:
        return runner.enqueue(prepared.plan, delay=0.0, policy_snapshot=snapshot)
    if runner.settings.undo_seconds > 0:
        return runner.enqueue(prepared.plan, policy_snapshot=snapshot)
    outcome = runner.execute(prepared.plan, policy_snapshot=snapshot)
    reread_orders(session, [outcome])  # an ask to the warehouse included
    return outcome


def policy_snapshot(session: StoreSession) -> str:
    """The store's policy as its canonical TOML: what the decision was made under."""
    policy = session.rules.policy
    return render_policy(None, policy, [None] * len(policy.rules))


def _approval(session: StoreSession, asked: Asked) -> tuple[SuggestedAction, ApproveChoices]:
    """The policy's action and the choices to plan. Approving a Review, or a Deny the
    merchant overrides, refunds in full by default, and offers the fee of the policy's first
    approve rule that keeps one."""
    if asked.action is not None:
        return asked.action, asked.choices or ApproveChoices.of(asked.action)
    action = SuggestedAction()
    for rule in session.rules.policy.rules:
        given = rule.action
        if rule.verdict is not VerdictOutcome.APPROVE or given is None:
            continue
        if given.fee_percent > 0 or given.fee_fixed:
            fixed = Money(given.fee_fixed, session.store.currency) if given.fee_fixed else None
            action = SuggestedAction(fee=ProcessingFee(given.fee_percent, fixed))
            break
    return action, asked.choices or ApproveChoices()


def _live_plan(session: StoreSession, request_id: int, asked: Asked) -> ActionPlan:
    runner = session.runner
    if asked.choice is Choice.APPROVE:
        action, choices = _approval(session, asked)
        return runner.prepare_approve(request_id, action, choices, statutory=asked.statutory)
    if asked.choice is Choice.DECLINE:
        return runner.prepare_decline(request_id, asked.reason, statutory=asked.statutory)
    return runner.prepare_hold(request_id)


def _cached_plan(session: StoreSession, request_id: int, asked: Asked) -> Prepared:
    from cancelapp.store.journal import list_actions
    from cancelapp.store.orders import load_order, order_fetched_at
    from cancelapp.store.requests import get_request

    with session.database.reading() as conn:
        request = get_request(conn, request_id)
        if request is None or request.order_id is None:
            raise PlanRefused(
                phrase(QT_TRANSLATE_NOOP(CONTEXT, "Match the request to an order first."))
            )
        order = load_order(conn, request.store_id, request.order_id)
        read_at = order_fetched_at(conn, request.store_id, request.order_id)
        held = any(
            a.kind is ActionKind.HOLD and a.state is ActionState.DONE
            for a in list_actions(conn, request_id)
        )
    if order is None or read_at is None:
        raise RefusedOffline(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Shopify cannot be reached and this order is not cached in full. "
                    "Decide once CancelApp is online again.",
                )
            )
        )
    runner = session.runner
    if asked.choice is Choice.APPROVE:
        action, choices = _approval(session, asked)
        plan = _approve_offline(
            order, request, asked, action, choices, runner.staff_note, runner.settings.words
        )
    elif asked.choice is Choice.DECLINE:
        holds = _our_cached_holds(order) if held else ()
        plan = plan_decline(
            order,
            request,
            asked.reason,
            settings=runner.settings,
            holds=holds,
            statutory=asked.statutory,
        )
    else:
        plan = plan_hold(order, request, settings=runner.settings)
    return Prepared(plan, read_at)


def _approve_offline(
    order: Order,
    request: CancellationRequest,
    asked: Asked,
    action: SuggestedAction,
    choices: ApproveChoices,
    staff_note: str,
    words: Callable[[Phrase], str],
) -> ActionPlan:
    refuse_while_at_warehouse(order)
    if warehouse_state(order) is WarehouseState.AT_WAREHOUSE:
        return plan_ask_warehouse(order, request, default_message(order, words))
    chosen = lawful(choices, statutory=asked.statutory)
    chosen = resolve_lines(order, request, chosen, restock=action.restock)
    whole = is_whole(order, request, chosen)
    # A part's amount is Shopify's to work out; the whole order's is the payments', less the
    # shipping when the cache proves what Shopify would leave out with it.
    shipping = cached_shipping(order)
    if not whole or (chosen.refund_shipping is False and not isinstance(shipping, Money)):
        raise RefusedOffline(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Shopify cannot be reached, and refunding part of an order needs its "
                    "calculation. Approve it once CancelApp is online again.",
                )
            )
        )
    variables = suggestion_variables(order, chosen, whole=True)
    plan = plan_approve(
        order,
        request,
        action,
        suggestion_from_cache(order, variables),
        choices=chosen,
        statutory=asked.statutory,
        staff_note=staff_note,
    )
    preview = plan.preview
    if preview is None or (options := preview.options) is None:
        return plan
    if len(preview.refunds) > 1:  # the cache's split is a stand-in (`with_refund_split`)
        preview = replace(preview, warnings=(*preview.warnings, phrase(SPLIT_IS_SHOPIFYS)))
    if not isinstance(shipping, Money):  # refunded with the rest, and said why
        note = phrase(_SHIPPING_WHY[shipping])
        preview = replace(preview, options=replace(options, shipping_note=note))
    return replace(plan, preview=preview)


def _our_cached_holds(order: Order) -> tuple[HeldFulfillment, ...]:
    """The cached order's shipments on hold, when CancelApp held this request's order: a
    decline lets them ship again (the hold ids are Shopify's to tell; all holds go)."""
    return tuple(
        HeldFulfillment(fo.id, None, fo.location_name)
        for fo in order.fulfillment_orders
        if fo.on_hold
    )
