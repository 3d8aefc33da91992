"""Table tests: each rule of the default policy decides the case it was written for."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from policy_orders import PLACED, hold, line, order, request

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    CANCELAPP_HOLD_HANDLE,
    FinancialStatus,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    ReturnStatus,
    RiskLevel,
)
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy import default_policy, evaluate, shop_edit_window_from_minutes

NOW = PLACED + timedelta(days=2)
SHIPPED_LINE = line(quantity=1, fulfilled=1, price="449.00")
HALF_SHIPPED = (line("a", quantity=2, fulfilled=1), line("b", quantity=1))

CASES = [
    ("in time", order(), request(), Outcome.APPROVE, "In time"),
    ("authorized", order(financial_status=FinancialStatus.AUTHORIZED), request(),
     Outcome.APPROVE, "In time"),
    ("cancelled", order(cancelled_at=PLACED + timedelta(hours=3)), request(),
     Outcome.DENY, "Already cancelled"),
    ("return open", order(return_status=ReturnStatus.RETURN_REQUESTED), request(),
     Outcome.DENY, "Return open"),
    ("shipped", order(fulfillment_status=FulfillmentStatus.FULFILLED, line_items=(SHIPPED_LINE,)),
     request(), Outcome.DENY, "Already shipped"),
    ("partly shipped", order(fulfillment_status=FulfillmentStatus.PARTIALLY_FULFILLED,
                             line_items=HALF_SHIPPED), request(), Outcome.REVIEW, "Partly shipped"),
    ("unshipped items of a partly shipped order",
     order(fulfillment_status=FulfillmentStatus.PARTIALLY_FULFILLED, line_items=HALF_SHIPPED),
     request(lines=("b",)), Outcome.REVIEW, "Partly shipped"),
    ("on hold", order(fulfillment_orders=(hold(),)), request(), Outcome.REVIEW, "On hold"),
    ("at a 3PL", order(fulfillment_orders=(hold("acme-3pl", FulfillmentOrderStatus.IN_PROGRESS,
                                                "ACCEPTED"),)),
     request(), Outcome.REVIEW, "At a fulfillment service"),
    ("high risk", order(risk_level=RiskLevel.HIGH), request(), Outcome.REVIEW, "High risk"),
    ("high value", order(total=Money(Decimal("5000.01"), "DKK")), request(),
     Outcome.REVIEW, "High value"),
    ("final sale", order(line_items=(line(tags=("Final-Sale",)),)), request(),
     Outcome.REVIEW, "Final sale"),
    ("too late", order(), request(timedelta(hours=24, minutes=1)), Outcome.REVIEW, "Too late"),
    ("pending payment", order(financial_status=FinancialStatus.PENDING), request(),
     Outcome.REVIEW, "Everything else"),
    ("risk not assessed", order(risk_level=RiskLevel.PENDING), request(),
     Outcome.REVIEW, "Everything else"),
    ("digital", order(fulfillment_status=FulfillmentStatus.FULFILLMENT_NOT_REQUIRED), request(),
     Outcome.REVIEW, "Nothing to ship"),
    ("deposit only", order(financial_status=FinancialStatus.PARTIALLY_PAID), request(),
     Outcome.REVIEW, "Everything else"),
    ("authorization expired", order(financial_status=FinancialStatus.EXPIRED), request(),
     Outcome.REVIEW, "Everything else"),
    ("refund pending", order(financial_status=FinancialStatus.PARTIALLY_REFUNDED), request(),
     Outcome.REVIEW, "Everything else"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("order_", "request_", "outcome", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_policy_default_rule_decides(order_, request_, outcome, rule) -> None:
    verdict = evaluate(order_, request_, default_policy(), NOW)
    assert (verdict.outcome, verdict.rule) == (outcome, rule)


def test_policy_default_approve_suggests_refund_restock_notify() -> None:
    verdict = evaluate(order(), request(), default_policy(), NOW)
    assert verdict.action is not None
    assert verdict.action.refund_method is RefundMethod.ORIGINAL
    assert (verdict.action.restock, verdict.action.notify_customer) == (True, True)
    assert verdict.action.reason == "CUSTOMER"
    assert verdict.action.fee is None


def test_policy_default_deny_suggests_reply() -> None:
    shipped = order(fulfillment_status=FulfillmentStatus.FULFILLED, line_items=(SHIPPED_LINE,))
    verdict = evaluate(shipped, request(), default_policy(), NOW)
    assert verdict.reply is not None
    assert verdict.reply.template == "already_shipped"  # names the reply template


def test_policy_an_older_file_with_a_free_text_reply_keeps_its_text() -> None:
    from cancelapp.policy.default import DEFAULT_POLICY_TOML, REPLY_SHIPPED
    from cancelapp.policy.parsing import parse_policy

    older = DEFAULT_POLICY_TOML.replace('reply = "already_shipped"', f'reply = "{REPLY_SHIPPED}"')
    assert older != DEFAULT_POLICY_TOML
    shipped = order(fulfillment_status=FulfillmentStatus.FULFILLED, line_items=(SHIPPED_LINE,))
    verdict = evaluate(shipped, request(), parse_policy(older, "policy.toml"), NOW)
    assert verdict.reply is not None
    assert "please use our return process" in verdict.reply.render_plain()


def test_policy_default_explains_window_with_observed_age() -> None:
    verdict = evaluate(order(), request(timedelta(hours=3, minutes=12)), default_policy(), NOW)
    texts = [c.text.render_plain() for c in verdict.checks if c.condition == "placed_within"]
    assert texts == ["placed 3 h 12 min before the request, window 1 d: inside"]
    assert all(c.matched for c in verdict.checks[-5:])  # the deciding rule's checks all hold


def test_policy_default_uses_the_store_window() -> None:
    two_hours = shop_edit_window_from_minutes(120)
    late = evaluate(
        order(), request(timedelta(hours=3)), default_policy(), NOW, shop_edit_window=two_hours
    )
    assert late.rule == "Too late"
    until = shop_edit_window_from_minutes(-1)
    much_later = evaluate(
        order(),
        request(timedelta(days=9)),
        default_policy(),
        NOW + timedelta(days=9),
        shop_edit_window=until,
    )
    assert much_later.outcome is Outcome.APPROVE
    texts = [c.text.render_plain() for c in much_later.checks if c.condition == "placed_within"]
    assert texts == ["nothing fulfilled yet, window until fulfillment: inside"]


def test_policy_unmatched_request_goes_to_review() -> None:
    verdict = evaluate(None, request(), default_policy(), NOW)
    assert verdict.outcome is Outcome.REVIEW
    assert verdict.first_reason is not None
    assert "No order matched" in verdict.first_reason.render_plain()


def test_policy_default_a_hold_cancelapp_placed_is_no_reason_for_review() -> None:
    """Hold on arrival puts CancelApp's own hold on the order; only someone else's counts."""
    ours = replace(hold(), hold_reasons=("OTHER",), hold_handles=(CANCELAPP_HOLD_HANDLE,))
    theirs = replace(ours, hold_reasons=("OTHER", "OTHER"), hold_handles=("cancelapp", "fraud-app"))
    held_by_us = evaluate(order(fulfillment_orders=(ours,)), request(), default_policy(), NOW)
    assert (held_by_us.outcome, held_by_us.rule) == (Outcome.APPROVE, "In time")
    held_by_both = evaluate(order(fulfillment_orders=(theirs,)), request(), default_policy(), NOW)
    assert (held_by_both.outcome, held_by_both.rule) == (Outcome.REVIEW, "On hold")
