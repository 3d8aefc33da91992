"""The verdict told decisive reason first: rules split apart, each passed over once."""

from __future__ import annotations

from datetime import timedelta

from policy_orders import PLACED, hold, order, request

from cancelapp.domain.order import FinancialStatus, FulfillmentStatus
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import default_policy, evaluate, explain, parse_policy

NOW = PLACED + timedelta(hours=2)


def test_pending_payment_is_the_decisive_reason_of_a_catch_all_review() -> None:
    policy = default_policy()
    verdict = evaluate(order(financial_status=FinancialStatus.PENDING), request(), policy, NOW)
    assert verdict.rule == "Everything else"
    explanation = explain(verdict, policy)
    closest = explanation.not_approved_by
    assert closest is not None
    assert closest.rule == "In time"
    assert closest.failed.condition == "financial_status"
    assert closest.failed.text.args["status"] == "pending"
    assert explanation.held == ()  # the catch-all has no conditions


def test_each_rule_passed_over_once_with_the_condition_that_failed() -> None:
    policy = default_policy()
    verdict = evaluate(order(financial_status=FinancialStatus.PENDING), request(), policy, NOW)
    explanation = explain(verdict, policy)
    names = [p.rule for p in explanation.passed_over]
    assert names == [rule.name for rule in policy.rules[:-1]]  # all but the catch-all, once
    assert all(not p.failed.matched for p in explanation.passed_over)
    on_hold = next(p for p in explanation.passed_over if p.rule == "On hold")
    assert on_hold.failed.text.template == "fulfillment not on hold"
    assert sum(len(p.failed.text.template) > 0 for p in explanation.passed_over) == len(names)
    # Every check the engine made is either a held condition or a failed one, never both.
    failed = [p.failed for p in explanation.passed_over]
    held_before = sum(p.held for p in explanation.passed_over)
    assert len(failed) + held_before + len(explanation.held) == len(verdict.checks)


def test_a_rule_with_conditions_decides_with_its_own_reason() -> None:
    policy = default_policy()
    verdict = evaluate(order(fulfillment_orders=(hold(),)), request(), policy, NOW)
    explanation = explain(verdict, policy)
    assert explanation.rule == "On hold"
    assert explanation.decisive == verdict.reasons[0]
    assert [c.condition for c in explanation.held] == ["on_hold"]
    assert all(c.matched for c in explanation.held)
    assert explanation.not_approved_by is None


def test_approved_verdict_lists_every_held_condition() -> None:
    policy = default_policy()
    verdict = evaluate(order(), request(), policy, NOW)
    assert verdict.outcome is Outcome.APPROVE
    explanation = explain(verdict, policy)
    assert explanation.rule == "In time"
    assert len(explanation.held) == 5
    assert explanation.not_approved_by is None


def test_no_rule_matched_names_the_closest_approving_rule() -> None:
    policy = parse_policy(
        """
version = 1
[[rules]]
name = "Paid"
verdict = "approve"
[rules.when]
financial_status = ["paid"]
[[rules]]
name = "Unfulfilled and large"
verdict = "approve"
[rules.when]
total_above = 1000
fulfillment_status = ["unfulfilled"]
""",
        "test",
    )
    pending = order(
        financial_status=FinancialStatus.PENDING, fulfillment_status=FulfillmentStatus.UNFULFILLED
    )
    verdict = evaluate(pending, request(), policy, NOW)
    explanation = explain(verdict, policy)
    assert [p.rule for p in explanation.passed_over] == ["Paid", "Unfulfilled and large"]
    closest = explanation.not_approved_by
    assert closest is not None and closest.rule == "Unfulfilled and large"
    assert closest.held == 1  # its status held; the total (checked last, costly) did not
    assert closest.failed.condition == "total_above"


def test_without_the_policy_only_the_reasons_are_kept() -> None:
    verdict = evaluate(order(), request(), default_policy(), NOW)
    explanation = explain(verdict, None)
    assert explanation.decisive == verdict.reasons[0]
    assert explanation.passed_over == () and explanation.held == ()
    other = parse_policy('version = 1\n[[rules]]\nname = "x"\nverdict = "review"\nwhy = "y"\n', "t")
    assert explain(verdict, other).passed_over == ()  # checks from another policy
