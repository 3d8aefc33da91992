"""The order the backtest judges: a decided order as the merchant saw it, from the deciding
plan's basis, with the plan's own effects taken away; or not known."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from policy_orders import PLACED, hold, line, order, request

from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.prepare.steps import Step, StepKind
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    FinancialStatus,
    Fulfillment,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    Order,
    Transaction,
)
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import PastCase, backtest, default_policy
from cancelapp.session.order_at_decision import order_before

DECIDED = PLACED + timedelta(hours=2)
SHOPIFY_CANCELLED = PLACED + timedelta(hours=2, seconds=5)
PAID = Transaction("gid://shopify/OrderTransaction/1", "SALE", "SUCCESS", "shopify_payments",
                   Money.of("449.00", "DKK"), processed_at=PLACED)  # fmt: skip
OPEN_FO = hold(status=FulfillmentOrderStatus.OPEN)


def plan_of(before: Order, kind: ActionKind, *steps: Step) -> ActionPlan:
    return ActionPlan("plan-1", 1, 1, before.id, before.name, kind, steps, Basis.of(before, None))


def dkk(amount: str) -> Money:
    return Money(Decimal(amount), "DKK")


def test_a_cancelled_order_is_judged_as_it_was_before_the_cancel() -> None:
    before = order(
        line_items=(line("gid://shopify/LineItem/1", quantity=2, price="200.00"),
                    line("gid://shopify/LineItem/2", price="49.00")),
        fulfillment_orders=(OPEN_FO,),
        transactions=(PAID,),
    )  # fmt: skip
    refund = Transaction("gid://shopify/OrderTransaction/2", "REFUND", "SUCCESS",
                         "shopify_payments", dkk("449.00"), PAID.id, SHOPIFY_CANCELLED)  # fmt: skip
    after = replace(
        before,
        financial_status=FinancialStatus.REFUNDED,
        fulfillment_status=FulfillmentStatus.RESTOCKED,
        total=dkk("0.00"),
        total_refunded=dkk("449.00"),
        cancelled_at=SHOPIFY_CANCELLED,
        closed_at=SHOPIFY_CANCELLED,
        line_items=tuple(
            replace(li, current_quantity=0, unfulfilled_quantity=0, refundable_quantity=0)
            for li in before.line_items
        ),
        fulfillment_orders=(replace(OPEN_FO, status=FulfillmentOrderStatus.CLOSED),),
        transactions=(PAID, refund),
    )
    plan = plan_of(before, ActionKind.CANCEL, Step(StepKind.CANCEL, {"orderId": before.id}))
    assert order_before(after, plan) == before
    # The default rules approved it, and approve it as it was: the merchant agreed.
    past = PastCase(order_before(after, plan), request(), Outcome.APPROVE, DECIDED)
    judged_as_is = PastCase(after, request(), Outcome.APPROVE, DECIDED)
    assert backtest([past], default_policy()).agreed == 1
    assert backtest([judged_as_is], default_policy()).agreed == 0


def test_a_partial_refund_gives_back_its_units_and_drops_its_own_transactions() -> None:
    shipped = line("gid://shopify/LineItem/1", fulfilled=1)
    waiting = line("gid://shopify/LineItem/2", quantity=2)
    before = order(
        line_items=(shipped, waiting),
        fulfillment_status=FulfillmentStatus.PARTIALLY_FULFILLED,
        transactions=(PAID,),
    )
    refund = Transaction("gid://shopify/OrderTransaction/9", "REFUND", "SUCCESS",
                         "shopify_payments", dkk("100.00"), PAID.id, DECIDED)  # fmt: skip
    after = replace(
        before,
        financial_status=FinancialStatus.PARTIALLY_REFUNDED,
        fulfillment_status=FulfillmentStatus.FULFILLED,  # what is left has all shipped
        total_refunded=dkk("100.00"),
        line_items=(shipped, replace(waiting, current_quantity=1, unfulfilled_quantity=1,
                                     refundable_quantity=1)),
        transactions=(PAID, refund),
    )  # fmt: skip
    plan = plan_of(before, ActionKind.REFUND, Step(StepKind.REFUND, {"input": {}}))
    sent = ["gid://shopify/Refund/3", refund.id]
    assert order_before(after, plan, sent) == before
    # Partly shipped then: the rules would have asked to look, not denied as "shipped".
    case = PastCase(order_before(after, plan, sent), request(), Outcome.APPROVE, DECIDED)
    result = backtest([case], default_policy())
    assert (result.to_review, result.disagreed) == (1, 0)
    assert backtest([replace(case, order=after)], default_policy()).disagreed == 1


def test_a_declined_order_shipped_since_is_judged_unshipped_without_the_decline_tag() -> None:
    before = order(tags=("vip",), fulfillment_orders=(OPEN_FO,))
    after = replace(
        before,
        tags=("vip", "cancel-declined"),
        fulfillment_status=FulfillmentStatus.FULFILLED,
        line_items=tuple(replace(li, unfulfilled_quantity=0) for li in before.line_items),
        fulfillment_orders=(replace(OPEN_FO, status=FulfillmentOrderStatus.CLOSED),),
        fulfillments=(Fulfillment("gid://shopify/Fulfillment/1", "SUCCESS"),),
    )
    plan = plan_of(before, ActionKind.DECLINE,
                   Step(StepKind.TAG, {"id": before.id, "tags": ["cancel-declined"]}))  # fmt: skip
    assert order_before(after, plan) == before


def test_what_the_basis_cannot_place_is_not_known() -> None:
    before = order(
        line_items=(line("gid://shopify/LineItem/1", quantity=2, fulfilled=1),),
        fulfillment_status=FulfillmentStatus.PARTIALLY_FULFILLED,
    )
    plan = plan_of(before, ActionKind.DECLINE)
    shipped_more = replace(
        before, line_items=(replace(before.line_items[0], unfulfilled_quantity=0),)
    )
    assert order_before(shipped_more, plan) is None  # which line shipped then is not known
    grown = replace(before, line_items=(replace(before.line_items[0], current_quantity=3),))
    assert order_before(grown, plan) is None
    added = replace(before, line_items=(*before.line_items, line("gid://shopify/LineItem/9")))
    assert order_before(added, plan) == before  # a line added since was not there then
    old_plan = replace(plan, basis=replace(plan.basis, line_quantities=()))
    assert order_before(before, old_plan) is None  # journaled before quantities were kept
