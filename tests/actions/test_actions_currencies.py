"""A kept fee on orders in zero- and three-decimal currencies: rounded once at the currency's
precision, and the refund built from it accepted by the demo shop."""

from __future__ import annotations

from decimal import Decimal

import pytest
from actions_factories import order as make_order
from actions_factories import request, suggested
from actions_harness import Harness

from cancelapp.actions import OutcomeStatus, PlanRefused
from cancelapp.actions.prepare.approve import plan_approve
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.verdict import ProcessingFee, SuggestedAction


@pytest.mark.parametrize(("state", "currency", "places"), [("jpy", "JPY", 0), ("kwd", "KWD", 3)])
def test_approve_with_a_fee_refunds_at_the_currency_precision(
    harness: Harness, state: str, currency: str, places: int
) -> None:
    h = harness
    order_id = h.shop.create_order(state)
    action = SuggestedAction(fee=ProcessingFee(percent=Decimal("3.3")))
    plan = h.runner.prepare_approve(h.request_for(order_id), action)
    assert [s.kind for s in plan.steps] == [StepKind.CANCEL, StepKind.REFUND]
    preview = plan.preview
    assert preview is not None and preview.kept_fee is not None
    fee, total = preview.kept_fee, plan.refund_total
    assert total is not None and fee.currency == total.currency == currency
    assert fee.amount == fee.amount.quantize(Decimal(1).scaleb(-places))  # rounded there
    assert total.fits_currency()  # Shopify may write "23606.0" for yen: no significant decimal
    refund_input = plan.steps[1].variables["input"]
    assert refund_input["currency"] == currency
    sent = [Decimal(t["amount"]) for t in refund_input["transactions"]]
    assert sent and all(-a.as_tuple().exponent == places for a in sent)  # "23236", "45.125"
    outcome = h.runner.execute(plan)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    refunds = [(r.amount, r.currency) for r in h.shop.ledger.refunds if r.order_id == order_id]
    assert refunds == [(total.amount, currency)]
    paid = sum(t.amount for t in h.shop.order(order_id).transactions if t.kind == "SALE")
    assert total.amount + fee.amount == paid


@pytest.mark.parametrize(
    ("amount", "currency", "refund"),
    [("90000000", "PYG", "87300000"), ("120000", "UGX", "116400"), ("45.125", "KWD", "43.771")],
)
def test_the_refund_less_the_fee_keeps_the_currency_decimals(
    amount: str, currency: str, refund: str
) -> None:
    order = make_order(presentment_currency=currency)
    action = SuggestedAction(fee=ProcessingFee(percent=Decimal("3")))
    plan = plan_approve(order, request(), action, suggested(amount, currency=currency))
    (transaction,) = plan.steps[1].variables["input"]["transactions"]
    assert transaction["amount"] == refund


def test_a_fee_in_a_currency_without_known_decimals_is_left_to_the_merchant() -> None:
    order = make_order(presentment_currency="XXX")
    action = SuggestedAction(fee=ProcessingFee(percent=Decimal("3")))
    with pytest.raises(PlanRefused) as refused:
        plan_approve(order, request(), action, suggested("100.5", currency="XXX"))
    assert "XXX" in refused.value.merchant_message
