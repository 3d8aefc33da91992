"""The order as it was when the merchant decided a request: what the backtest judges.

The cache keeps only each order's latest state, which after a decision shows the decision's
own effects (cancelled, refunded, voided, quantities removed, fulfillment orders closed):
judged on that, the rules disagree with the merchant about their own approvals.

The most faithful record the cache has is the deciding plan in the action journal. Its
`Basis` is the order the merchant saw in the preview, checked unchanged against Shopify right
before anything was sent: cancelled or not, payment, fulfillment and return status, total and
refunded, each line's quantity and each fulfillment order's status. The cached order gets
those back and loses what the plan itself did: the transactions it caused (its refunds by id,
and the cancel's refunds and voids from the cancel on) and the tags it added; lines and
fulfillment orders made since (an edit, a split) are left out. Shipped units per line are
not in the basis: a line's removed units were unshipped (CancelApp cancels only
those), and the lines' shipped units must add up to the basis's; when they do not, they are
taken as none if nothing had shipped then, else the order then is not known.

A request decided without a plan in the journal (cancelled in Shopify's admin, a Shopify
request settled there, a plan journaled before its basis kept quantities) is not known
either: `None`, which the backtest counts as "can't tell", never as a disagreement. Undoing
the cancel on the order alone would have to guess the payment status and quantities before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.action import ActionKind, ActionState
from cancelapp.domain.order import (
    SERVICE_HOLDS_WORK_STATUSES,
    FinancialStatus,
    FulfillmentOrder,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    ReturnStatus,
    Transaction,
)
from cancelapp.domain.request import CancellationRequest, RequestState
from cancelapp.store.journal import list_actions

# The plans that settle a request in each final state.
DECIDED_BY = {
    RequestState.DONE: frozenset({ActionKind.CANCEL, ActionKind.REFUND}),
    RequestState.DECLINED: frozenset({ActionKind.DECLINE}),
}
_CANCEL_MONEY = frozenset({"REFUND", "VOID"})  # what a cancel adds to the transactions


@dataclass(frozen=True)
class AtDecision:
    order: Order  # as the merchant saw it
    decided_at: datetime  # when the decision was journaled


def order_at_decision(
    conn: sqlite3.Connection, request: CancellationRequest, order: Order
) -> AtDecision | None:
    """`order` (cached, latest) as it was when the merchant decided `request`, from the
    deciding plan in the journal; None when that is not known."""
    kinds = DECIDED_BY.get(request.state)
    if request.id is None or kinds is None:
        return None
    for action in reversed(list_actions(conn, request.id)):
        if action.kind not in kinds or action.state is not ActionState.DONE:
            continue
        if action.created_at is None:
            return None
        plan = ActionPlan.from_json(action.params)
        sent = _shopify_ids(action.result)
        before = order_before(order, plan, sent)
        return None if before is None else AtDecision(before, action.created_at)
    return None


def order_before(order: Order, plan: ActionPlan, sent: Iterable[str] = ()) -> Order | None:
    """`order` with the plan's basis put back and the plan's own effects taken away; `sent`
    are the ids of what its steps created in Shopify. None when the order then is not known."""
    basis = plan.basis
    lines = _lines_before(order.line_items, basis)
    statuses = _statuses(basis)
    if lines is None or statuses is None:
        return None
    financial, fulfillment, returned = statuses
    undone_cancel = order.cancelled_at if not basis.cancelled else None
    added_tags = {
        str(tag).casefold()
        for step in plan.steps
        if step.kind is StepKind.TAG
        for tag in step.variables.get("tags") or ()
    }
    closed_at = order.closed_at
    if undone_cancel is not None and closed_at is not None and closed_at >= undone_cancel:
        closed_at = None  # a cancel closes the order
    return replace(
        order,
        financial_status=financial,
        fulfillment_status=fulfillment,
        return_status=returned,
        total=basis.total,
        total_refunded=basis.total_refunded,
        cancelled_at=None if undone_cancel is not None else order.cancelled_at,
        closed_at=closed_at,
        line_items=lines,
        fulfillment_orders=_fulfillment_orders_before(order.fulfillment_orders, basis),
        transactions=_transactions_before(order.transactions, set(sent), undone_cancel),
        tags=tuple(t for t in order.tags if t.casefold() not in added_tags),
        fulfillments=order.fulfillments if basis.units_fulfilled else (),
    )


def _statuses(basis: Basis) -> tuple[FinancialStatus, FulfillmentStatus, ReturnStatus] | None:
    try:
        financial = FinancialStatus(basis.financial_status)
    except ValueError:
        financial = FinancialStatus.UNKNOWN  # as the order mapping reads one it does not know
    try:
        return (
            financial,
            FulfillmentStatus(basis.fulfillment_status),
            ReturnStatus(basis.return_status),
        )
    except ValueError:
        return None


def _lines_before(lines: tuple[LineItem, ...], basis: Basis) -> tuple[LineItem, ...] | None:
    quantities = dict(basis.line_quantities)
    if lines and not quantities:
        return None  # journaled before plans kept the quantities
    before: list[LineItem] = []
    for line in lines:
        quantity = quantities.get(line.id)
        if quantity is None:
            continue  # added by an edit since
        removed = quantity - line.current_quantity
        if removed < 0:
            return None  # grown since: an edit the basis cannot place
        before.append(
            replace(
                line,
                current_quantity=quantity,
                unfulfilled_quantity=line.unfulfilled_quantity + removed,
                refundable_quantity=line.refundable_quantity + removed,
            )
        )
    shipped = sum(line.fulfilled_quantity for line in before)
    if shipped == basis.units_fulfilled:
        return tuple(before)
    if basis.units_fulfilled:
        return None  # shipped or refunded since in a way the basis cannot place per line
    return tuple(replace(line, unfulfilled_quantity=line.current_quantity) for line in before)


def _fulfillment_orders_before(
    orders: tuple[FulfillmentOrder, ...], basis: Basis
) -> tuple[FulfillmentOrder, ...]:
    """Each fulfillment order with its status then; those made since (a split, a move)
    left out."""
    statuses = dict(basis.fulfillment_orders)
    accepted = set(basis.accepted_by_service)
    before: list[FulfillmentOrder] = []
    for fo in orders:
        status = statuses.get(fo.id)
        if status is None:
            continue
        if status in FulfillmentOrderStatus:
            fo = replace(fo, status=FulfillmentOrderStatus(status))
        if fo.id in accepted and fo.request_status not in SERVICE_HOLDS_WORK_STATUSES:
            fo = replace(fo, request_status="ACCEPTED")
        before.append(fo)
    return tuple(before)


def _transactions_before(
    transactions: tuple[Transaction, ...], sent: set[str], cancelled_at: datetime | None
) -> tuple[Transaction, ...]:
    """Without the plan's refunds (by id) and the cancel's refunds and voids (from the
    moment Shopify cancelled, on its own clock)."""
    return tuple(
        t
        for t in transactions
        if t.id not in sent
        and not (
            cancelled_at is not None
            and t.kind in _CANCEL_MONEY
            and t.processed_at is not None
            and t.processed_at >= cancelled_at
        )
    )


def _shopify_ids(result: dict[str, object]) -> set[str]:
    """Every id a plan's confirmed steps recorded (refunds, their transactions, jobs)."""
    found: set[str] = set()
    steps = result.get("steps")
    for step in steps if isinstance(steps, list) else ():
        done = step.get("result") if isinstance(step, dict) else None
        ids = done.get("shopify_ids") if isinstance(done, dict) else None
        if isinstance(ids, list):
            found.update(str(i) for i in ids if i)
    return found
