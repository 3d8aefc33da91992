"""Approving a request (pure): the plan picks the Shopify path from the order's state:
- whole order, refund to the original methods or store credit: one `orderCancel`;
- whole order with a kept fee: `orderCancel` without refund, then `refundCreate` of the
  suggested refund less the fee, in the presentment currency;
- partly shipped, or only some lines asked for: `refundCreate` of the unshipped units
  (restockType CANCEL at their location), less any fee;
- a Shopify-native request is resolved (`requestedOrderEditResolve`) after the cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cancelapp.actions.prepare.action_plan import ActionPlan, HeldFulfillment, PlanRefused
from cancelapp.actions.prepare.plan_common import (
    location_names,
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
from cancelapp.actions.prepare.steps import Step, StepKind, new_key
from cancelapp.actions.prepare.suggested_refund import (
    SuggestedLine,
    SuggestedRefund,
    SuggestedTransaction,
)
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money, minor_units
from cancelapp.domain.order import FinancialStatus, Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import RefundMethod, SuggestedAction

STAFF_NOTE_LIMIT = 255  # orderCancel's staffNote
MANUAL_GATEWAY_WORDS = ("manual", "cash", "cod", "bank", "money order", "invoice")
REFUND_NOTE = "Cancellation approved in CancelApp"  # the refund's note; its key follows


def is_partial(order: Order, request: CancellationRequest) -> bool:
    """Whether approving takes the refund path instead of cancelling the whole order."""
    return request.is_partial or order.units_fulfilled > 0


def plan_approve(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    suggested: SuggestedRefund,
    *,
    staff_note: str | None = None,
    refund_note: str = REFUND_NOTE,
    holds: Sequence[HeldFulfillment] = (),
) -> ActionPlan:
    """`staff_note` and `refund_note` are written on the order in the merchant's language."""
    refuse_if_closed(order)
    if action.refund_method is RefundMethod.STORE_CREDIT and order.customer is None:
        raise PlanRefused(
            phrase(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Store credit needs a customer account, and this order has none. "
                    "Refund to the original payment instead.",
                )
            )
        )
    if is_partial(order, request):
        plan = _plan_partial(order, request, action, suggested, holds, refund_note)
    else:
        plan = _plan_whole(order, request, action, suggested, staff_note, refund_note)
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
    return plan


def _plan_whole(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    suggested: SuggestedRefund,
    staff_note: str | None,
    refund_note: str,
) -> ActionPlan:
    refunds = action.refund_method is not RefundMethod.NONE and not suggested.amount.is_zero()
    fee = _fee(action, suggested) if refunds else None
    cancel_refund_method: dict[str, Any] | None = None
    steps: list[Step] = []
    refund_lines: tuple[RefundLine, ...] = ()
    store_credit: Money | None = None
    if refunds and fee is None:
        if action.refund_method is RefundMethod.STORE_CREDIT:
            expires = action.store_credit_expires_at
            cancel_refund_method = {
                "storeCreditRefund": {"expiresAt": expires.isoformat() if expires else None}
            }
            store_credit = suggested.amount
        else:
            cancel_refund_method = {"originalPaymentMethodsRefund": True}
            refund_lines = tuple(
                RefundLine(t.gateway, t.amount, t.parent_id) for t in suggested.transactions
            )
    steps.append(
        Step(
            StepKind.CANCEL,
            {
                "orderId": order.id,
                "reason": action.reason,
                "restock": action.restock,
                "notifyCustomer": action.notify_customer,
                "refundMethod": cancel_refund_method,
                "staffNote": (staff_note or "")[:STAFF_NOTE_LIMIT] or None,
            },
        )
    )
    if fee is not None:
        refund_step, refund_lines, store_credit = _refund_step(
            order, action, suggested, fee, lines=(), restock=False, note=refund_note
        )
        if refund_step is not None:
            steps.append(refund_step)
    if request.native_edit_id:
        steps.append(Step(StepKind.RESOLVE_NATIVE, {"id": request.native_edit_id}))
    restock = _cancel_restock_lines(order) if action.restock else ()
    preview = _preview(
        order,
        ActionKind.CANCEL,
        action,
        labels=(
            QT_TRANSLATE_NOOP(CONTEXT, "Cancel without refund"),
            QT_TRANSLATE_NOOP(CONTEXT, "Cancel and refund {amount}"),
        ),
        refunds=refund_lines,
        store_credit=store_credit,
        fee=fee,
        restock=restock,
        staff_note=steps[0].variables["staffNote"],
    )
    return new_plan(order, request, ActionKind.CANCEL, steps, preview, suggested)


def _plan_partial(
    order: Order,
    request: CancellationRequest,
    action: SuggestedAction,
    suggested: SuggestedRefund,
    holds: Sequence[HeldFulfillment],
    refund_note: str,
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
    refunds = action.refund_method is not RefundMethod.NONE
    fee = _fee(action, suggested) if refunds else None
    step, refund_lines, store_credit = _refund_step(
        order,
        action,
        suggested,
        fee,
        lines=suggested.lines,
        restock=action.restock,
        paid=refunds,
        note=refund_note,
    )
    assert step is not None  # it carries the line items even without money
    steps = [step]
    steps += [release_step(hold) for hold in holds]
    if request.native_edit_id:
        steps.append(Step(StepKind.RESOLVE_NATIVE, {"id": request.native_edit_id}))
    locations = location_names(order)
    titles = {li.id: li.title for li in order.line_items}
    restock = tuple(
        RestockLine(
            titles.get(line.line_item_id, ""),
            line.quantity,
            line.location_id,
            locations.get(line.location_id or ""),
        )
        for line in suggested.lines
        if _restocks(line, action.restock)
    )
    preview = _preview(
        order,
        ActionKind.REFUND,
        action,
        labels=(
            QT_TRANSLATE_NOOP(CONTEXT, "Remove unshipped items without refund"),
            QT_TRANSLATE_NOOP(CONTEXT, "Refund {amount} for unshipped items"),
        ),
        refunds=refund_lines,
        store_credit=store_credit,
        fee=fee,
        restock=restock,
        holds=tuple(h.location_name or h.fulfillment_order_id for h in holds),
    )
    return new_plan(order, request, ActionKind.REFUND, steps, preview, suggested)


def _preview(
    order: Order,
    kind: ActionKind,
    action: SuggestedAction,
    *,
    labels: tuple[str, str],  # the confirm label without a refund, and with "{amount}"
    refunds: tuple[RefundLine, ...],
    store_credit: Money | None,
    fee: Money | None,
    restock: tuple[RestockLine, ...],
    staff_note: str | None = None,
    holds: tuple[str, ...] = (),
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
        store_credit_expires_at=action.store_credit_expires_at if store_credit else None,
        kept_fee=fee,
        restock=restock,
        notify_customer=action.notify_customer,
        staff_note=staff_note,
        holds=holds,
        warnings=_warnings(order, refunds, action.restock),
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


def _refund_step(
    order: Order,
    action: SuggestedAction,
    suggested: SuggestedRefund,
    fee: Money | None,
    *,
    lines: Sequence[SuggestedLine],
    restock: bool,
    paid: bool = True,
    note: str = REFUND_NOTE,
) -> tuple[Step | None, tuple[RefundLine, ...], Money | None]:
    key = new_key()
    refund_input: dict[str, Any] = {
        "orderId": order.id,
        "currency": suggested.amount.currency,
        "notify": action.notify_customer,
        # The key in the note finds this refund on the order if its answer is lost.
        "note": f"{note} (ref {key})",
    }
    if lines:
        refund_input["refundLineItems"] = [_refund_line(line, restock) for line in lines]
    refund_lines: tuple[RefundLine, ...] = ()
    store_credit: Money | None = None
    if paid and action.refund_method is RefundMethod.STORE_CREDIT:
        amount = suggested.amount - fee if fee else suggested.amount
        if not amount.is_zero():
            store_credit = amount
            expires = action.store_credit_expires_at
            refund_input["refundMethods"] = [
                {
                    "storeCreditRefund": {
                        "amount": amount.to_shopify(),
                        "expiresAt": expires.isoformat() if expires else None,
                    }
                }
            ]
    elif paid:
        refund_lines = take_fee(suggested.transactions, fee)
        refund_input["transactions"] = [
            {
                "orderId": order.id,
                "kind": "REFUND",
                "gateway": line.gateway,
                "amount": line.amount.amount_text(),
                "parentId": line.parent_transaction_id,
            }
            for line in refund_lines
        ]
    if not lines and not refund_lines and store_credit is None:
        return None, (), None
    return Step(StepKind.REFUND, {"input": refund_input}, key), refund_lines, store_credit


def _restocks(line: SuggestedLine, restock: bool) -> bool:
    """Restocked when asked to and Shopify suggested it (never gift cards and the like)."""
    return restock and line.restock_type == "CANCEL" and line.location_id is not None


def _refund_line(line: SuggestedLine, restock: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"lineItemId": line.line_item_id, "quantity": line.quantity}
    if _restocks(line, restock):
        entry.update(restockType="CANCEL", locationId=line.location_id)
    else:
        entry["restockType"] = "NO_RESTOCK"
    return entry


def _cancel_restock_lines(order: Order) -> tuple[RestockLine, ...]:
    restockable = {li.id: li for li in order.line_items if li.restockable}
    lines: list[RestockLine] = []
    for fo in order.fulfillment_orders:
        if not (fo.is_open or fo.on_hold):
            continue
        for line in fo.lines:
            item = restockable.get(line.line_item_id)
            if item is not None and line.remaining_quantity > 0:
                lines.append(
                    RestockLine(
                        item.title, line.remaining_quantity, fo.location_id, fo.location_name
                    )
                )
    return tuple(lines)


def _warnings(order: Order, refunds: Sequence[RefundLine], restock: bool) -> tuple[Phrase, ...]:
    found: list[Phrase] = []
    for line in refunds:
        if any(word in line.gateway.lower() for word in MANUAL_GATEWAY_WORDS):
            found.append(
                phrase(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{gateway} does not send money back by itself: pay the customer "
                        "{amount} yourself.",
                    ),
                    gateway=line.gateway,
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
