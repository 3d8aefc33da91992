"""Approving a request (pure): the plan picks the Shopify path from the order's state and
the merchant's choices (`choices.ApproveChoices`; the policy's when none were made):
- whole order, refunded in full to the original methods or as store credit: one `orderCancel`;
- whole order with a kept fee, a typed amount or without its shipping: `orderCancel` without
  refund, then `refundCreate` of the suggested refund less what is kept, in the presentment
  currency;
- whole order with some items restocked elsewhere or not at all: `orderCancel` without
  restock, then `inventoryAdjustQuantities` for the items that go back;
- partly shipped, or only some units chosen or asked for: `refundCreate` of those unshipped
  units (restockType CANCEL at the chosen location, or NO_RESTOCK), less what is kept;
- a Shopify-native request is resolved (`requestedOrderEditResolve`) after the cancel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from cancelapp.actions.carry_out.verify import RefundShare
from cancelapp.actions.prepare.action_plan import (
    ActionPlan,
    HeldFulfillment,
    PlanRefused,
    step_refund_amount,
)
from cancelapp.actions.prepare.choices import (
    AmountChoice,
    ApproveChoices,
    ApproveOptions,
    LineChoice,
    LineOption,
    is_whole,
    lawful,
    resolve_lines,
    shipping_refunded,
)
from cancelapp.actions.prepare.decline_hold_restock import restock_step
from cancelapp.actions.prepare.plan_common import (
    new_plan,
    phrase,
    refuse_if_closed,
    release_step,
)
from cancelapp.actions.prepare.preview import (
    CONTEXT,
    Preview,
    RefundLine,
    RestockLine,
    refund_total,
)
from cancelapp.actions.prepare.restock_places import (
    RestockPlaces,
    order_places,
    own_locations,
    with_defaults,
)
from cancelapp.actions.prepare.steps import Step, StepKind, new_key
from cancelapp.actions.prepare.suggested_refund import (
    SuggestedLine,
    SuggestedRefund,
    SuggestedTransaction,
)
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money, minor_units
from cancelapp.domain.order import FinancialStatus, Order
from cancelapp.domain.payment_words import gateway_phrase, is_manual
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import RefundMethod, SuggestedAction

STAFF_NOTE_LIMIT = 255  # orderCancel's staffNote
REFUND_NOTE = "Cancellation approved in CancelApp"  # the refund's note; its key follows


def plan_approve(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    suggested: SuggestedRefund,
    *,
    choices: ApproveChoices | None = None,
    statutory: bool = False,
    staff_note: str | None = None,
    refund_note: str = REFUND_NOTE,
    holds: Sequence[HeldFulfillment] = (),
    places: RestockPlaces | None = None,
) -> ActionPlan:
    """`choices`: the merchant's (the policy's `action` when None), within the law when the
    request is a `statutory` withdrawal. `suggested` must be Shopify's suggestion for the
    same choices (`suggestion_variables`). `staff_note` and `refund_note` are written on the
    order in the merchant's language. `places`: where items may go back (the order's own
    locations when None)."""
    refuse_if_closed(order)
    places = places or order_places(order)
    chosen = lawful(choices or ApproveChoices.of(action), statutory=statutory)
    chosen = resolve_lines(order, request, chosen, restock=action.restock)
    chosen = with_defaults(chosen, places)
    if chosen.method is RefundMethod.STORE_CREDIT and order.customer is None:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Store credit needs a customer account, and this order has none. "
                    "Refund to the original payment instead.",
                )
            )
        )
    whole = is_whole(order, request, chosen)
    chosen = replace(chosen, refund_shipping=shipping_refunded(whole, chosen))
    if whole:
        plan = _plan_whole(
            order, request, action, chosen, suggested, staff_note, refund_note, places
        )
    else:
        plan = _plan_partial(order, request, action, chosen, suggested, holds, refund_note, places)
    total = plan.refund_total
    if total is not None and total.amount > suggested.maximum_refundable.amount:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Shopify can refund at most {maximum} on this order, less than the "
                    "{amount} planned. Check the order in Shopify.",
                ),
                maximum=suggested.maximum_refundable,
                amount=total,
            )
        )
    assert plan.preview is not None
    options = _options(order, action, chosen, suggested, statutory, places)
    preview = replace(plan.preview, options=options)
    return replace(plan, preview=preview, choices=chosen.to_json())


def _plan_whole(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    chosen: ApproveChoices,
    suggested: SuggestedRefund,
    staff_note: str | None,
    refund_note: str,
    places: RestockPlaces,
) -> ActionPlan:
    refunds = chosen.method is not RefundMethod.NONE and not suggested.amount.is_zero()
    kept = _kept(action, chosen, suggested) if refunds else None
    # Without the shipping, Shopify's suggestion is of the items only: refunded separately.
    separately = kept is not None or not shipping_refunded(True, chosen)
    cancel_refund_method: dict[str, Any] | None = None
    steps: list[Step] = []
    refund_lines: tuple[RefundLine, ...] = ()
    store_credit: Money | None = None
    if refunds and not separately:
        if chosen.method is RefundMethod.STORE_CREDIT:
            expires = chosen.store_credit_expires_at
            cancel_refund_method = {
                "storeCreditRefund": {"expiresAt": expires.isoformat() if expires else None}
            }
            store_credit = suggested.amount
        else:
            cancel_refund_method = {"originalPaymentMethodsRefund": True}
            refund_lines = tuple(
                RefundLine(t.gateway, t.amount, t.parent_id) for t in suggested.transactions
            )
    back, moved, by_cancel = _restock_targets(order, chosen)
    steps.append(
        Step(
            StepKind.CANCEL,
            {
                "orderId": order.id,
                "reason": action.reason,
                "restock": bool(back) and by_cancel,
                "notifyCustomer": chosen.notify_customer,
                "refundMethod": cancel_refund_method,
                "staffNote": (staff_note or "")[:STAFF_NOTE_LIMIT] or None,
            },
        )
    )
    emails: list[Phrase] = []
    if chosen.notify_customer:
        emails.append(_cancel_email(order, refund_total(refund_lines, store_credit), chosen))
    if refunds and separately:
        refund_step, refund_lines, store_credit = _refund_step(
            order, chosen, suggested, kept, lines=(), note=refund_note
        )
        refunded = refund_total(refund_lines, store_credit)
        if refund_step is not None:
            steps.append(refund_step)
        if refunded is not None and chosen.notify_customer:
            emails.append(_refund_email(refunded, chosen))
    restock: tuple[RestockLine, ...] = ()
    if back and by_cancel:
        restock = _cancel_restock_lines(order)
    elif back:
        restock_adjust, restock = restock_step(order, back, moved, places.names)
        steps.append(restock_adjust)
    if request.native_edit_id:
        steps.append(Step(StepKind.RESOLVE_NATIVE, {"id": request.native_edit_id}))
    preview = _preview(
        order,
        ActionKind.CANCEL,
        chosen,
        labels=(
            QT_TRANSLATE_NOOP(CONTEXT, "Cancel without refund"),
            QT_TRANSLATE_NOOP(CONTEXT, "Cancel and refund {amount}"),
        ),
        refunds=refund_lines,
        store_credit=store_credit,
        fee=kept,
        restock=restock,
        staff_note=steps[0].variables["staffNote"],
        emails=tuple(emails),
    )
    return new_plan(order, request, ActionKind.CANCEL, steps, preview, suggested)


def _restock_targets(
    order: Order, chosen: ApproveChoices
) -> tuple[dict[str, int], dict[str, str], bool]:
    """For a whole-order cancel: the units going back per line, the lines going back
    somewhere other than where they were to ship from, and whether `orderCancel` can do it
    (it restocks every line at its own location, or nothing)."""
    own = own_locations(order)
    restockable = {li.id for li in order.line_items if li.restockable}
    chosen_lines = [line for line in chosen.lines or () if line.line_item_id in restockable]
    back: dict[str, int] = {}
    moved: dict[str, str] = {}
    for line in chosen_lines:
        if not line.restock:
            continue
        back[line.line_item_id] = line.quantity
        if line.location_id and line.location_id != own.get(line.line_item_id):
            moved[line.line_item_id] = line.location_id
    by_cancel = not moved and len(back) == len(chosen_lines)
    return back, moved, by_cancel


def _plan_partial(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    chosen: ApproveChoices,
    suggested: SuggestedRefund,
    holds: Sequence[HeldFulfillment],
    refund_note: str,
    places: RestockPlaces,
) -> ActionPlan:
    if not suggested.lines:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Everything on this order has shipped, so there is nothing left to "
                    "cancel. Use a return instead.",
                )
            )
        )
    refunds = chosen.method is not RefundMethod.NONE
    kept = _kept(action, chosen, suggested) if refunds else None
    targets = {line.line_item_id: line for line in chosen.lines or ()}
    shipping = shipping_refunded(False, chosen) and suggested.shipping_left is not None
    step, refund_lines, store_credit = _refund_step(
        order,
        chosen,
        suggested,
        kept,
        lines=suggested.lines,
        targets=targets,
        paid=refunds,
        note=refund_note,
        shipping=shipping,
    )
    assert step is not None  # it carries the line items even without money
    steps = [step]
    steps += [release_step(hold) for hold in holds]
    if request.native_edit_id:
        steps.append(Step(StepKind.RESOLVE_NATIVE, {"id": request.native_edit_id}))
    titles = {li.id: li.title for li in order.line_items}
    restock = []
    for line in suggested.lines:
        where = _restock_at(line, targets.get(line.line_item_id))
        if where is not None:
            name = places.names.get(where)
            title = titles.get(line.line_item_id, "")
            restock.append(RestockLine(title, line.quantity, where, name))
    units = sum(line.quantity for line in suggested.lines)
    emails: tuple[Phrase, ...] = ()
    if chosen.notify_customer:
        emails = (_partial_email(refund_total(refund_lines, store_credit), units, chosen),)
    preview = _preview(
        order,
        ActionKind.REFUND,
        chosen,
        labels=(
            QT_TRANSLATE_NOOP(CONTEXT, "Remove unshipped items without refund"),
            QT_TRANSLATE_NOOP(CONTEXT, "Refund {amount} for unshipped items"),
        ),
        refunds=refund_lines,
        store_credit=store_credit,
        fee=kept,
        restock=tuple(restock),
        holds=tuple(h.location_name or h.fulfillment_order_id for h in holds),
        emails=emails,
    )
    return new_plan(order, request, ActionKind.REFUND, steps, preview, suggested)


def _preview(
    order: Order,
    kind: ActionKind,
    chosen: ApproveChoices,
    *,
    labels: tuple[str, str],  # the confirm label without a refund, and with "{amount}"
    refunds: tuple[RefundLine, ...],
    store_credit: Money | None,
    fee: Money | None,
    restock: tuple[RestockLine, ...],
    staff_note: str | None = None,
    holds: tuple[str, ...] = (),
    emails: tuple[Phrase, ...] = (),
) -> Preview:
    total = refund_total(refunds, store_credit)
    without_refund, with_refund = labels
    return Preview(
        order_id=order.id,
        order_name=order.name,
        kind=kind,
        confirm_label=phrase(without_refund)
        if total is None
        else phrase(with_refund, amount=total),
        refunds=refunds,
        store_credit=store_credit,
        store_credit_expires_at=chosen.store_credit_expires_at if store_credit else None,
        kept_fee=fee,
        restock=restock,
        notify_customer=chosen.notify_customer,
        staff_note=staff_note,
        holds=holds,
        warnings=_warnings(order, refunds, any(line.restock for line in chosen.lines or ())),
        customer_emails=emails
        or (phrase(QT_TRANSLATE_NOOP(CONTEXT, "Shopify sends the customer no email.")),),
    )


def _options(
    order: Order,
    action: SuggestedAction,
    chosen: ApproveChoices,
    suggested: SuggestedRefund,
    statutory: bool,
    places: RestockPlaces,
) -> ApproveOptions:
    own = own_locations(order)
    targets = {line.line_item_id: line for line in chosen.lines or ()}
    lines = []
    for li in order.line_items:
        if li.unfulfilled_quantity <= 0:
            continue
        target = targets.get(li.id)
        lines.append(
            LineOption(
                line_item_id=li.id,
                title=li.title,
                available=li.unfulfilled_quantity,
                chosen=target.quantity if target else 0,
                restockable=li.restockable and own.get(li.id) is not None,
                restock=target.restock if target else action.restock and li.restockable,
                location_id=(target.location_id if target else None) or own.get(li.id),
                locations=places.per_line.get(li.id, ()),
            )
        )
    fee = None
    if action.keeps_fee and not statutory and not suggested.amount.is_zero():
        try:
            fee = _fee(action, suggested)
        except PlanRefused:
            fee = None  # a fee in another currency: the merchant types an amount instead
    return ApproveOptions(
        choices=chosen,
        full=suggested.amount,
        fee=fee,
        statutory=statutory,
        store_credit=order.customer is not None,
        lines=tuple(lines),
        locations=tuple(places.names.items()),
        # Nothing charged (only authorised, or not paid yet): no shipping to give back.
        shipping=None if suggested.maximum_refundable.is_zero() else suggested.shipping_left,
        locations_note=places.note,
        authorized_only=order.financial_status is FinancialStatus.AUTHORIZED,
    )


def _kept(
    action: SuggestedAction, chosen: ApproveChoices, suggested: SuggestedRefund
) -> Money | None:
    """What is not refunded of Shopify's suggestion: the policy's fee, or the rest of a
    typed amount; None when everything goes back."""
    if chosen.amount is AmountChoice.FEE:
        if not action.keeps_fee:
            raise PlanRefused(
                phrase(QT_TRANSLATE_NOOP(CONTEXT, "The policy has no fee to keep here."))
            )
        return _fee(action, suggested)
    if chosen.amount is not AmountChoice.TYPED:
        return None
    typed = chosen.typed
    full = suggested.amount
    places = minor_units(full.currency)
    if typed is None or typed < 0 or (places is not None and _places(typed) > places):
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(CONTEXT, "Type the amount to refund in {currency}."),
                currency=full.currency,
            )
        )
    if typed > full.amount:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "At most {maximum} can be refunded for what is cancelled."
                ),
                maximum=full,
            )
        )
    kept = full - Money(typed, full.currency)
    return None if kept.is_zero() else kept


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _cancel_email(order: Order, refunded: Money | None, chosen: ApproveChoices) -> Phrase:
    if refunded is None:
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Shopify emails the customer that order {order} is cancelled."
            ),
            order=order.name,
        )
    if chosen.method is RefundMethod.STORE_CREDIT:
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Shopify emails the customer that order {order} is cancelled and {amount} "
                "is given as store credit.",
            ),
            order=order.name,
            amount=refunded,
        )
    return phrase(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Shopify emails the customer that order {order} is cancelled and {amount} goes "
            "back to how they paid.",
        ),
        order=order.name,
        amount=refunded,
    )


def _refund_email(refunded: Money, chosen: ApproveChoices) -> Phrase:
    if chosen.method is RefundMethod.STORE_CREDIT:
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Shopify emails the customer a refund receipt: {amount} as store credit."
            ),
            amount=refunded,
        )
    return phrase(
        QT_TRANSLATE_NOOP(CONTEXT, "Shopify emails the customer a refund receipt for {amount}."),
        amount=refunded,
    )


def _partial_email(refunded: Money | None, units: int, chosen: ApproveChoices) -> Phrase:
    if refunded is None:
        if units == 1:
            return phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Shopify emails the customer that 1 item is cancelled, with no money refunded.",
                )
            )
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Shopify emails the customer that {count} items are cancelled, with no "
                "money refunded.",
            ),
            count=units,
        )
    if chosen.method is RefundMethod.STORE_CREDIT:  # no card transaction: not "refunded"
        if units == 1:
            return phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Shopify emails the customer a refund receipt: 1 item cancelled, {amount} "
                    "as store credit.",
                ),
                amount=refunded,
            )
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Shopify emails the customer a refund receipt: {count} items cancelled, "
                "{amount} as store credit.",
            ),
            count=units,
            amount=refunded,
        )
    if units == 1:
        return phrase(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Shopify emails the customer a refund receipt: 1 item cancelled, {amount} "
                "refunded.",
            ),
            amount=refunded,
        )
    return phrase(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Shopify emails the customer a refund receipt: {count} items cancelled, "
            "{amount} refunded.",
        ),
        count=units,
        amount=refunded,
    )


def _fee(action: SuggestedAction, suggested: SuggestedRefund) -> Money | None:
    if not action.keeps_fee or action.fee is None:
        return None
    fixed = action.fee.fixed
    if fixed is not None and fixed.currency != suggested.amount.currency:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The fixed fee is set in {fee_currency}, but the customer paid in "
                    "{currency}. Set the fee as a percentage or in {currency}.",
                ),
                fee_currency=fixed.currency,
                currency=suggested.amount.currency,
            )
        )
    if minor_units(suggested.amount.currency) is None:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "CancelApp does not know how many decimals {currency} has, so it cannot "
                    "work out the fee. Refund this order in Shopify.",
                ),
                currency=suggested.amount.currency,
            )
        )
    fee = action.fee.on(suggested.amount)  # the one rounding: at the currency's minor units
    return None if fee.is_zero() else fee


def take_fee(
    transactions: Sequence[SuggestedTransaction], fee: Money | None
) -> tuple[RefundLine, ...]:
    """The refund per transaction after keeping `fee`, taken from the largest first."""
    remaining = fee.amount if fee is not None else 0
    lines: dict[int, RefundLine] = {}
    for index in sorted(range(len(transactions)), key=lambda i: -transactions[i].amount.amount):
        tx = transactions[index]
        kept = min(remaining, tx.amount.amount)
        remaining -= kept
        amount = Money(tx.amount.amount - kept, tx.amount.currency)
        if not amount.is_zero():
            lines[index] = RefundLine(tx.gateway, amount, tx.parent_id)
    return tuple(lines[i] for i in sorted(lines))


def with_refund_split(plan: ActionPlan, split: Sequence[RefundShare]) -> ActionPlan:
    """The plan refunding each payment as Shopify now suggests (`split`, read right before
    sending), when only the split differs: re-verification found the same total.

    A plan from the cache guessed the split (`suggestion_from_cache`), and Shopify's rule is
    not ours to copy: it may put a kept shipping's share on the gift card where the cache
    took it off the largest payment. Sending Shopify's split refunds each payment as an
    approval online would; a kept fee is taken off it as before. A plan whose total differs
    never gets here (a conflict); a split not adding up to it leaves the plan as it is."""
    expected = plan.basis.refund_amount
    if not split or expected is None or tuple(split) == plan.basis.refund_split:
        return plan
    if sum((s.amount.amount for s in split), Decimal(0)) != expected.amount:
        return plan
    suggested = [
        SuggestedTransaction(s.gateway, "SUGGESTED_REFUND", s.amount, s.parent_id) for s in split
    ]
    steps: list[Step] = []
    for step in plan.steps:
        refund_input = step.variables.get("input") if step.kind is StepKind.REFUND else None
        planned = step_refund_amount(step, plan.basis) if refund_input else None
        if refund_input is None or not refund_input.get("transactions") or planned is None:
            steps.append(step)
            continue
        kept = expected - planned
        if kept.amount < 0:
            return plan  # more than suggested: not this plan's shape, left as verified
        lines = take_fee(suggested, None if kept.is_zero() else kept)
        transactions = [
            {"orderId": refund_input["orderId"], **_transaction(line)} for line in lines
        ]
        steps.append(
            replace(step, variables={"input": {**refund_input, "transactions": transactions}})
        )
    if tuple(steps) == plan.steps:
        return plan
    return replace(plan, steps=tuple(steps), basis=replace(plan.basis, refund_split=tuple(split)))


def _transaction(line: RefundLine) -> dict[str, Any]:
    return {
        "kind": "REFUND",
        "gateway": line.gateway,
        "amount": line.amount.amount_text(),
        "parentId": line.parent_transaction_id,
    }


def _refund_step(
    order: Order,
    chosen: ApproveChoices,
    suggested: SuggestedRefund,
    kept: Money | None,
    *,
    lines: Sequence[SuggestedLine],
    targets: Mapping[str, LineChoice] | None = None,
    paid: bool = True,
    note: str = REFUND_NOTE,
    shipping: bool = False,
) -> tuple[Step | None, tuple[RefundLine, ...], Money | None]:
    key = new_key()
    refund_input: dict[str, Any] = {
        "orderId": order.id,
        "currency": suggested.amount.currency,
        "notify": chosen.notify_customer,
        # The key in the note finds this refund on the order if its answer is lost.
        "note": f"{note} (ref {key})",
    }
    if lines:
        refund_input["refundLineItems"] = [
            _refund_line(line, (targets or {}).get(line.line_item_id)) for line in lines
        ]
    if shipping:
        refund_input["shipping"] = {"fullRefund": True}
    refund_lines: tuple[RefundLine, ...] = ()
    store_credit: Money | None = None
    if paid and chosen.method is RefundMethod.STORE_CREDIT:
        amount = suggested.amount - kept if kept else suggested.amount
        if not amount.is_zero():
            store_credit = amount
            expires = chosen.store_credit_expires_at
            refund_input["refundMethods"] = [
                {
                    "storeCreditRefund": {
                        "amount": amount.to_shopify(),
                        "expiresAt": expires.isoformat() if expires else None,
                    }
                }
            ]
    elif paid:
        refund_lines = take_fee(suggested.transactions, kept)
        refund_input["transactions"] = [
            {"orderId": order.id, **_transaction(line)} for line in refund_lines
        ]
    if not lines and not refund_lines and store_credit is None:
        return None, (), None
    return Step(StepKind.REFUND, {"input": refund_input}, key), refund_lines, store_credit


def _restock_at(line: SuggestedLine, target: LineChoice | None) -> str | None:
    """Where the line goes back: when chosen and Shopify suggested it (never gift cards and
    the like), at the chosen location or the one it was to ship from; else None."""
    if target is None or not target.restock or line.restock_type != "CANCEL":
        return None
    return target.location_id or line.location_id


def _refund_line(line: SuggestedLine, target: LineChoice | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"lineItemId": line.line_item_id, "quantity": line.quantity}
    where = _restock_at(line, target)
    if where is not None:
        entry.update(restockType="CANCEL", locationId=where)
    else:
        entry["restockType"] = "NO_RESTOCK"
    return entry


def _cancel_restock_lines(order: Order) -> tuple[RestockLine, ...]:
    """What `orderCancel` with `restock` puts back: the unshipped units at each location they
    were to ship from, a warehouse's too once it agreed to cancel (Shopify has closed that
    fulfillment order, but the units were never shipped and go back there)."""
    restockable = {li.id: li for li in order.line_items if li.restockable}
    # No unit twice, whatever Shopify keeps beside a closed fulfillment order (a replacement
    # for the work left): each item's units at most once, the open orders' places first.
    left = {li.id: li.unfulfilled_quantity for li in restockable.values()}
    lines: list[RestockLine] = []
    for fo in sorted(order.fulfillment_orders, key=lambda fo: fo.cancellation_accepted):
        if not (fo.is_open or fo.on_hold or fo.cancellation_accepted):
            continue
        for line in fo.lines:
            item = restockable.get(line.line_item_id)
            units = min(line.remaining_quantity, left.get(line.line_item_id, 0))
            if item is not None and units > 0:
                left[item.id] -= units
                lines.append(RestockLine(item.title, units, fo.location_id, fo.location_name))
    return tuple(lines)


def _warnings(order: Order, refunds: Sequence[RefundLine], restock: bool) -> tuple[Phrase, ...]:
    found: list[Phrase] = []
    for line in refunds:
        if is_manual(line.gateway):
            found.append(
                phrase(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{gateway} does not send money back by itself: pay the customer "
                        "{amount} yourself.",
                    ),
                    gateway=gateway_phrase(line.gateway),
                    amount=line.amount,
                )
            )
    if any(tx.status == "PENDING" for tx in order.transactions):
        found.append(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "A payment on this order is still pending; Shopify may refuse."
                )
            )
        )
    if order.financial_status is FinancialStatus.AUTHORIZED:
        found.append(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The payment was only authorised: cancelling releases it, nothing is charged.",
                )
            )
        )
    if restock and any(not li.restockable for li in order.line_items):
        found.append(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Some items (such as gift cards) cannot go back into stock."
                )
            )
        )
    if order.test:
        found.append(phrase(QT_TRANSLATE_NOOP(CONTEXT, "This is a test order.")))
    return tuple(found)
