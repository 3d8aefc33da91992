"""Property tests: whatever the order, request and policy, the engine's safeguards hold."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from policy_orders import PLACED, orders, requests_for

from cancelapp.domain.order import FulfillmentStatus, Order
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy import (
    ApproveAction,
    CancelReason,
    Conditions,
    FulfilledItems,
    Policy,
    Rule,
    Window,
    default_policy,
    evaluate,
)

NOW = PLACED + timedelta(days=40)

CONDITIONS = st.builds(
    Conditions,
    placed_within=st.none() | st.integers(1, 60 * 24 * 3).map(Window.fixed),
    fulfilled_items=st.none() | st.sampled_from(FulfilledItems),
    cancelled=st.none() | st.booleans(),
    total_above=st.none() | st.decimals(0, 10000, places=2),
)
ACTIONS = st.builds(
    ApproveAction,
    refund=st.sampled_from([RefundMethod.ORIGINAL, RefundMethod.STORE_CREDIT]),
    store_credit_expires_days=st.none() | st.integers(1, 400),
    reason=st.sampled_from(CancelReason),
    fee_percent=st.decimals(0, 100, places=1),
    fee_fixed=st.none() | st.decimals(0, 50000, places=2),
)


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Anything from the default policy to rules that approve everything with a huge fee."""
    if draw(st.booleans()):
        return default_policy()
    rules = []
    for i in range(draw(st.integers(0, 4))):
        outcome = draw(st.sampled_from(Outcome))
        action = draw(ACTIONS) if outcome is Outcome.APPROVE else None
        rules.append(Rule(f"r{i}", outcome, draw(CONDITIONS), why="w", action=action))
    return Policy(tuple(rules))


CASES = orders().flatmap(lambda o: st.tuples(st.just(o), requests_for(o.created_at)))


def _full_cancel_of_shipped(order: Order, request: CancellationRequest) -> bool:
    shipped = order.units_fulfilled > 0 or order.fulfillment_status is FulfillmentStatus.FULFILLED
    return shipped and not request.line_item_ids


def _refundable_at_most(order: Order) -> Decimal:
    """Money taken and not given back, in the customer's currency: captured (or, unknown
    transactions, the shop-currency total less refunds) and not refunded."""
    bounds = []
    if order.transactions:
        bounds.append(
            sum(
                (t.amount.amount if t.kind in ("SALE", "CAPTURE") else -t.amount.amount)
                for t in order.transactions
                if t.status == "SUCCESS" and t.kind in ("SALE", "CAPTURE", "REFUND")
            )
        )
    if order.total.currency == order.presentment_currency:
        refunded = order.total_refunded.amount if order.total_refunded else 0
        bounds.append(order.total.amount - refunded)
    return max(min(bounds, default=Decimal(0)), Decimal(0))


@settings(max_examples=300, deadline=None)
@given(case=CASES, policy=policies(), shop_minutes=st.none() | st.integers(1, 5000))
def test_policy_engine_safeguards_hold(case, policy, shop_minutes) -> None:
    order, request = case
    window = None if shop_minutes is None else timedelta(minutes=shop_minutes)
    verdict = evaluate(order, request, policy, NOW, shop_edit_window=window)

    assert verdict == evaluate(order, request, policy, NOW, shop_edit_window=window)
    if order.is_cancelled:
        assert verdict.outcome is Outcome.DENY
    if _full_cancel_of_shipped(order, request):
        assert verdict.outcome is not Outcome.APPROVE
    if verdict.outcome is Outcome.APPROVE:
        assert verdict.action is not None
        assert request.received_at >= order.created_at - timedelta(minutes=5)
    else:
        assert verdict.action is None
    if verdict.action is not None and verdict.action.fee is not None:
        fee = verdict.action.fee
        refundable = _refundable_at_most(order)
        kept = refundable * fee.percent / 100 + (fee.fixed.amount if fee.fixed else 0)
        assert kept <= refundable
        if fee.fixed is not None:
            assert isinstance(fee.fixed.amount, Decimal)
            assert fee.fixed.currency == order.presentment_currency  # refunds move in it
    for check in verdict.checks:
        check.text.render_plain()  # every explanation renders


@settings(max_examples=100, deadline=None)
@given(case=CASES)
def test_policy_every_verdict_names_its_rule_and_reason(case) -> None:
    order, request = case
    verdict = evaluate(order, request, default_policy(), NOW)
    names = {r.name for r in default_policy().rules}
    assert verdict.rule in names or verdict.rule.startswith("Safeguard")
    assert verdict.reasons
