"""The approve preview's choices, planned (pure): a typed amount, the law of a statutory
withdrawal, items and restock per line, shipping, and the journal's copy of the choices."""

from __future__ import annotations

from decimal import Decimal

import pytest
from actions_factories import line, order, request, suggested

from cancelapp.actions.prepare.action_plan import ActionPlan, PlanRefused
from cancelapp.actions.prepare.approve import plan_approve
from cancelapp.actions.prepare.choices import (
    AmountChoice,
    ApproveChoices,
    LineChoice,
    is_whole,
    resolve_lines,
)
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.actions.prepare.suggested_refund import suggestion_variables
from cancelapp.domain.money import Money
from cancelapp.domain.verdict import ProcessingFee, RefundMethod, SuggestedAction

DKK = "DKK"
FEE = SuggestedAction(fee=ProcessingFee(percent=Decimal("10")))


def test_a_typed_amount_cancels_then_refunds_exactly_that_and_never_more() -> None:
    typed = ApproveChoices(amount=AmountChoice.TYPED, typed=Decimal("100.50"))
    plan = plan_approve(order(), request(), FEE, suggested("449.00"), choices=typed)
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.REFUND]
    assert plan.refund_total == Money.of("100.50", DKK)
    assert plan.preview is not None and plan.preview.kept_fee == Money.of("348.50", DKK)
    too_much = ApproveChoices(amount=AmountChoice.TYPED, typed=Decimal("449.01"))
    with pytest.raises(PlanRefused, match="At most"):
        plan_approve(order(), request(), FEE, suggested("449.00"), choices=too_much)
    fils = ApproveChoices(amount=AmountChoice.TYPED, typed=Decimal("1.005"))
    with pytest.raises(PlanRefused, match="Type the amount"):
        plan_approve(order(), request(), FEE, suggested("449.00"), choices=fils)


def test_a_statutory_withdrawal_keeps_no_fee_and_refunds_by_the_same_means() -> None:
    chosen = ApproveChoices(amount=AmountChoice.FEE, method=RefundMethod.STORE_CREDIT)
    plan = plan_approve(
        order(), request(), FEE, suggested("449.00"), choices=chosen, statutory=True
    )
    assert plan.steps[0].variables["refundMethod"] == {"originalPaymentMethodsRefund": True}
    assert plan.preview is not None and plan.preview.kept_fee is None
    options = plan.preview.options
    assert options is not None and options.statutory and options.fee is None
    assert options.choices.refund_shipping is True
    agreed = ApproveChoices(method=RefundMethod.STORE_CREDIT, consumer_agreed=True)
    credit = plan_approve(
        order(), request(), FEE, suggested("449.00"), choices=agreed, statutory=True
    )
    assert "storeCreditRefund" in credit.steps[0].variables["refundMethod"]


def test_two_of_three_items_refund_those_units_restocked_as_chosen_with_shipping() -> None:
    items = (line(1, qty=2), line(2), line(3))
    the_order = order(*items)
    chosen = ApproveChoices(
        lines=(
            LineChoice(items[0].id, 2, restock=True),
            LineChoice(items[1].id, 1, restock=False),
            LineChoice(items[2].id, 0),
        ),
        refund_shipping=True,
    )
    resolved = resolve_lines(the_order, request(), chosen)
    assert not is_whole(the_order, request(), resolved)
    variables = suggestion_variables(the_order, resolved, whole=False)
    assert [(e["lineItemId"], e["quantity"]) for e in variables["refundLineItems"]] == [
        (items[0].id, 2),
        (items[1].id, 1),
    ]
    assert variables["refundShipping"] is True
    refund = suggested("649.00", lines=((items[0].id, 2), (items[1].id, 1)))
    plan = plan_approve(the_order, request(), SuggestedAction(), refund, choices=resolved)
    (step,) = plan.steps
    refund_input = step.variables["input"]
    assert [(e["quantity"], e["restockType"]) for e in refund_input["refundLineItems"]] == [
        (2, "CANCEL"),
        (1, "NO_RESTOCK"),
    ]
    assert plan.preview is not None and plan.preview.units_restocked == 2
    assert plan.choices is not None
    journaled = ActionPlan.from_json(plan.to_json())
    assert journaled.choices is not None
    assert ApproveChoices.from_json(journaled.choices) == resolved


def test_a_whole_order_with_one_item_not_restocked_cancels_then_restocks_the_rest() -> None:
    items = (line(1), line(2))
    chosen = ApproveChoices(
        lines=(LineChoice(items[0].id, 1, restock=True), LineChoice(items[1].id, 1, False))
    )
    plan = plan_approve(
        order(*items), request(), SuggestedAction(), suggested("400.00"), choices=chosen
    )
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.RESTOCK]
    assert plan.steps[0].variables["restock"] is False
    (change,) = plan.steps[1].variables["input"]["changes"]
    assert change["inventoryItemId"] == items[0].inventory_item_id
    assert plan.preview is not None and plan.preview.units_restocked == 1
