"""The engine's own behaviour: actions, fees, partial requests, safeguards, explanations."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from policy_orders import PLACED, line, order, request

from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, Transaction
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.policy import (
    Backtest,
    PastCase,
    Tally,
    backtest,
    evaluate,
    outcomes,
    parse_policy,
    tally,
)

NOW = PLACED + timedelta(days=1)

APPROVE_ALL = """\
version = 1
[[rules]]
name = "Everything"
verdict = "approve"
[rules.action]
refund = "store_credit"
store_credit_expires_days = 30
reason = "other"
restock = false
fee_percent = 10
fee_fixed = {fixed}
"""


def _approve_all(fixed: str = "5"):
    return parse_policy(APPROVE_ALL.format(fixed=fixed), "p.toml")


def test_policy_engine_builds_the_suggested_action_in_shop_currency() -> None:
    verdict = evaluate(order(), request(), _approve_all(), NOW)
    action = verdict.action
    assert verdict.outcome is Outcome.APPROVE and action is not None
    assert action.refund_method is RefundMethod.STORE_CREDIT
    assert action.store_credit_expires_at == NOW + timedelta(days=30)
    assert (action.restock, action.reason) == (False, "OTHER")
    assert action.fee is not None
    assert action.fee.percent == Decimal("10") and action.fee.fixed == Money.of("5", "DKK")
    assert verdict.reasons[0].render_plain() == 'Approved by the rule "Everything"'


def test_policy_engine_caps_a_fee_larger_than_the_refund() -> None:
    small = order(total=Money.of("40.00", "DKK"), total_refunded=Money.of("10.00", "DKK"))
    verdict = evaluate(small, request(), _approve_all(fixed="100"), NOW)
    assert verdict.action is not None and verdict.action.fee is not None
    assert verdict.action.fee.fixed == Money.of("30.00", "DKK")
    assert verdict.action.fee.percent == 0
    assert "Fee lowered to the refundable amount 30.00 DKK" in verdict.reasons[-1].render_plain()


def _paid(amount: str, currency: str, kind: str = "SALE") -> Transaction:
    return Transaction(
        "gid://shopify/OrderTransaction/1", kind, "SUCCESS", "x", Money.of(amount, currency)
    )


def test_policy_engine_sends_a_fixed_fee_in_another_currency_to_review() -> None:
    """The fee is set in the shop's DKK; refunds move in the EUR the customer paid."""
    in_euro = order(presentment_currency="EUR", transactions=(_paid("60.20", "EUR"),))
    verdict = evaluate(in_euro, request(), _approve_all(), NOW)
    assert (verdict.outcome, verdict.rule) == (Outcome.REVIEW, "Safeguard: fee in another currency")
    assert verdict.action is None
    assert verdict.reasons[0].render_plain() == (
        "The fixed fee is in DKK, but the customer paid in EUR: decide the fee yourself"
    )
    percent_only = parse_policy(APPROVE_ALL.replace("fee_fixed = {fixed}\n", ""), "p.toml")
    verdict = evaluate(in_euro, request(), percent_only, NOW)
    assert verdict.outcome is Outcome.APPROVE  # a percentage is right in any currency


def test_policy_engine_caps_a_fee_to_the_money_actually_received() -> None:
    part_paid = order(transactions=(_paid("449.00", "DKK"), _paid("440.00", "DKK", "REFUND")))
    verdict = evaluate(part_paid, request(), _approve_all(fixed="100"), NOW)
    assert verdict.action is not None and verdict.action.fee is not None
    assert verdict.action.fee.fixed == Money.of("9.00", "DKK")
    only_authorized = order(
        financial_status=FinancialStatus.AUTHORIZED,
        transactions=(_paid("449.00", "DKK", "AUTHORIZATION"),),
    )
    verdict = evaluate(only_authorized, request(), _approve_all(), NOW)
    assert verdict.outcome is Outcome.APPROVE and verdict.action is not None
    assert verdict.action.fee is None  # nothing was captured: cancelling voids it all
    assert "Fee lowered to the refundable amount 0.00 DKK" in verdict.reasons[-1].render_plain()


def _refund(amount: str, status: str) -> Transaction:
    return Transaction(
        "gid://shopify/OrderTransaction/2", "REFUND", status, "x", Money.of(amount, "DKK")
    )


def test_policy_engine_counts_a_pending_refund_as_gone_and_a_failed_one_as_not() -> None:
    """Errs low: money a pending refund may still send back is not kept as a fee."""
    for status, left in (("PENDING", "9.00"), ("FAILURE", "100.00"), ("SUCCESS", "9.00")):
        paid = order(transactions=(_paid("449.00", "DKK"), _refund("440.00", status)))
        verdict = evaluate(paid, request(), _approve_all(fixed="100"), NOW)
        assert verdict.action is not None and verdict.action.fee is not None
        assert verdict.action.fee.fixed == Money.of(left, "DKK"), status


def test_policy_engine_sends_a_fee_in_a_currency_without_known_decimals_to_review() -> None:
    unknown = order(presentment_currency="XXX", transactions=(_paid("60.20", "XXX"),))
    percent_only = parse_policy(APPROVE_ALL.replace("fee_fixed = {fixed}\n", ""), "p.toml")
    verdict = evaluate(unknown, request(), percent_only, NOW)
    assert verdict.outcome is Outcome.REVIEW and verdict.action is None
    assert "XXX" in verdict.reasons[0].render_plain()


def test_policy_engine_partial_request_judges_only_the_named_lines() -> None:
    two_lines = order(
        fulfillment_status=FulfillmentStatus.PARTIALLY_FULFILLED,
        line_items=(line("shipped", fulfilled=1), line("waiting", price="50.00")),
    )
    waiting_only = evaluate(two_lines, request(lines=("waiting",)), _approve_all(), NOW)
    assert waiting_only.outcome is Outcome.APPROVE
    whole = evaluate(two_lines, request(), _approve_all(), NOW)
    assert (whole.outcome, whole.rule) == (Outcome.REVIEW, "Safeguard: items already fulfilled")
    stale_id = evaluate(two_lines, request(lines=("gone",)), _approve_all(), NOW)
    assert stale_id.outcome is Outcome.REVIEW  # an unknown line never hides a shipped one


def test_policy_engine_never_acts_on_a_cancelled_order() -> None:
    cancelled = order(cancelled_at=PLACED + timedelta(hours=2))
    verdict = evaluate(cancelled, request(), _approve_all(), NOW)
    assert (verdict.outcome, verdict.rule) == (Outcome.DENY, "Safeguard: already cancelled")
    assert verdict.action is None and verdict.reply is not None


def test_policy_engine_never_approves_a_request_older_than_its_order() -> None:
    """Asked at 9:00 about an order placed at 10:00: the request was matched to the wrong
    order (e.g. the customer's next one), whatever the window says."""
    later_order = order(created_at=PLACED + timedelta(hours=1))
    verdict = evaluate(later_order, request(timedelta(0)), _approve_all(), NOW)
    assert (verdict.outcome, verdict.rule) == (Outcome.REVIEW, "Safeguard: asked before the order")
    assert verdict.action is None
    clock_skew = order(created_at=PLACED + timedelta(minutes=3))
    assert (
        evaluate(clock_skew, request(timedelta(0)), _approve_all(), NOW).outcome is Outcome.APPROVE
    )


def test_policy_engine_reports_checks_of_rules_that_did_not_apply() -> None:
    policy = parse_policy(
        'version = 1\n[[rules]]\nname = "Risky"\nverdict = "review"\nwhy = "Risk"\n'
        '[rules.when]\nrisk_at_least = "medium"\norder_tags_any = ["vip"]\n',
        "p.toml",
    )
    verdict = evaluate(order(tags=("VIP",)), request(), policy, NOW)
    assert verdict.rule == "No rule matched" and verdict.outcome is Outcome.REVIEW
    assert [(c.condition, c.matched, c.text.render_plain()) for c in verdict.checks] == [
        ("order_tags_any", True, "order tagged VIP"),
        ("risk_at_least", False, "risk low; rule: at least medium"),
    ]


def test_policy_merchant_words_with_braces_render_as_written() -> None:
    policy = parse_policy(
        'version = 1\n[[rules]]\nname = "R"\nverdict = "deny"\nwhy = "Use {code}"\n'
        'reply = "See {faq}"\n',
        "p.toml",
    )
    verdict = evaluate(order(), request(), policy, NOW)
    assert verdict.reasons[0].render_plain() == "Use {code}"
    assert verdict.reply is not None and verdict.reply.render_plain() == "See {faq}"


def test_policy_preview_counts_and_changes() -> None:
    cases = [(order(), request()), (None, request()), (order(), request(timedelta(days=3)))]
    strict = parse_policy(
        'version = 1\n[[rules]]\nname = "No"\nverdict = "deny"\nwhy = "No"\n', "p.toml"
    )
    before = outcomes(cases, _approve_all(), NOW)
    assert tally(before) == Tally(approve=2, review=1)
    assert tally(outcomes(cases, strict, NOW), before) == Tally(review=1, deny=2, changed=(0, 2))


def test_policy_backtest_judges_each_case_as_decided_and_cannot_tell_apart() -> None:
    cases = [
        PastCase(order(), request(timedelta(hours=1)), Outcome.APPROVE, NOW),
        PastCase(order(), request(timedelta(hours=2)), Outcome.DENY, NOW),
        PastCase(order(cancelled_at=PLACED), request(timedelta(hours=3)), None),
        PastCase(None, request(timedelta(hours=4)), Outcome.APPROVE),  # order then unknown
    ]
    result = backtest(cases, _approve_all())
    assert result == Backtest(approve=2, deny=1, agreed=1, differing=(1,), undecided=1, unknown=1)
    # Every past request is counted once, so the editor's numbers add up.
    counted = result.agreed + result.disagreed + result.to_review + result.undecided
    assert counted + result.unknown == len(cases)


QUICK = """\
version = 1
[[rules]]
name = "Quick"
verdict = "approve"
[rules.when]
requested_within = "1h"
[[rules]]
name = "Slow"
verdict = "deny"
why = "Too slow"
"""


def test_policy_backtest_judges_at_the_moment_the_merchant_decided() -> None:
    asked = request(timedelta(hours=1))
    received = asked.received_at
    quick = parse_policy(QUICK, "p.toml")
    cases = [
        PastCase(order(), asked, Outcome.APPROVE, received + timedelta(minutes=30)),
        PastCase(order(), asked, Outcome.APPROVE, received + timedelta(hours=3)),
        PastCase(order(), asked, Outcome.APPROVE),  # when is not known: as it arrived
    ]
    assert backtest(cases, quick) == Backtest(approve=2, deny=1, agreed=2, differing=(1,))


def test_policy_backtest_counts_what_it_would_send_to_review_apart() -> None:
    cases = [
        PastCase(order(), request(timedelta(hours=1)), Outcome.APPROVE),
        PastCase(order(), request(timedelta(hours=2)), Outcome.DENY),
    ]
    review_all = parse_policy(
        'version = 1\n[[rules]]\nname = "Look"\nverdict = "review"\nwhy = "Look"\n', "p.toml"
    )
    assert backtest(cases, review_all) == Backtest(review=2, to_review=2)
