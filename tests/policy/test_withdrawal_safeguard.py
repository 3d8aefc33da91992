"""A withdrawal in time is never Deny and never keeps a fee, whatever the policy file says."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from policy_orders import PLACED, line, order, request

from cancelapp.domain.order import Fulfillment, FulfillmentStatus
from cancelapp.domain.request import RequestMessage, RequestSource
from cancelapp.domain.verdict import Outcome, RefundMethod
from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.policy import evaluate, parse_policy
from cancelapp.policy.default import default_policy
from cancelapp.policy.engine import (
    SAFEGUARD_CANCELLED,
    SAFEGUARD_WITHDRAWAL,
    SAFEGUARD_WITHDRAWAL_EXCEPTION,
)

NOW = PLACED + timedelta(days=3)

DENY_EVERYTHING = """\
version = 1
[[rules]]
name = "No cancellations, ever"
verdict = "deny"
why = "We never cancel"
reply = "No."
"""

FEE_AND_CREDIT = """\
version = 1
[[rules]]
name = "Approve with a fee"
verdict = "approve"
[rules.action]
refund = "store_credit"
store_credit_expires_days = 30
fee_percent = 50
fee_fixed = 25
"""

HOSTILE = [DENY_EVERYTHING, FEE_AND_CREDIT]


def eu_order(**changes: object):
    return order(shipping_country="DK", **changes)


def shipped_eu_order(delivered_at: datetime | None, **changes: object):
    return eu_order(
        line_items=(line(price="449.00", fulfilled=1, tags=("final-sale",)),),
        fulfillment_status=FulfillmentStatus.FULFILLED,
        fulfillments=(Fulfillment("gid://shopify/Fulfillment/1", "SUCCESS", delivered_at),),
        **changes,
    )


@pytest.mark.parametrize("policy_text", HOSTILE)
@pytest.mark.parametrize(
    "placed",
    [
        eu_order(),  # before shipment
        shipped_eu_order(PLACED + timedelta(days=1)),  # delivered two days ago
        shipped_eu_order(None),  # shipped, delivery unknown
    ],
)
def test_no_policy_file_can_deny_a_withdrawal_in_time_or_keep_a_fee(
    policy_text: str, placed
) -> None:
    verdict = evaluate(placed, request(), parse_policy(policy_text, "hostile.toml"), NOW)

    assert verdict.outcome is Outcome.APPROVE
    assert verdict.statutory_withdrawal
    assert verdict.action is not None
    assert verdict.action.fee is None
    assert verdict.action.refund_method is RefundMethod.ORIGINAL  # same means (Art. 13(1))
    assert verdict.reply is None  # no "No." to the customer


def test_the_default_rules_already_shipped_late_and_final_sale_are_overridden() -> None:
    placed = shipped_eu_order(PLACED + timedelta(days=1))
    late = request(after=timedelta(days=2))

    verdict = evaluate(placed, late, default_policy(), NOW)

    assert (verdict.outcome, verdict.rule) == (Outcome.APPROVE, SAFEGUARD_WITHDRAWAL)
    said = " ".join(r.render_plain() for r in verdict.reasons)
    assert "Art. 9" in said and "return" in said


def test_already_cancelled_stays_the_first_safeguard() -> None:
    placed = eu_order(cancelled_at=PLACED + timedelta(hours=2))

    verdict = evaluate(placed, request(), parse_policy(FEE_AND_CREDIT, "p.toml"), NOW)

    assert (verdict.outcome, verdict.rule) == (Outcome.DENY, SAFEGUARD_CANCELLED)
    assert not verdict.statutory_withdrawal


def test_after_the_period_the_policy_decides_and_says_the_period_ended() -> None:
    placed = shipped_eu_order(datetime(2026, 11, 2, 12, tzinfo=UTC))
    late = replace(
        request(),
        messages=(
            RequestMessage(RequestSource.EMAIL, datetime(2026, 11, 20, tzinfo=UTC), "Cancel"),
        ),
    )

    verdict = evaluate(placed, late, parse_policy(DENY_EVERYTHING, "p.toml"), NOW)

    assert verdict.outcome is Outcome.DENY and not verdict.statutory_withdrawal
    assert "2026-11-16" in verdict.reasons[-1].render_plain()


def test_outside_the_eu_and_business_orders_follow_the_policy() -> None:
    deny = parse_policy(DENY_EVERYTHING, "p.toml")
    us = evaluate(order(shipping_country="US"), request(), deny, NOW)
    company = evaluate(eu_order(company="Lund ApS"), request(), deny, NOW)
    consumer_terms = WithdrawalTerms(business_excluded=False)
    company_allowed = evaluate(
        eu_order(company="Lund ApS"), request(), deny, NOW, withdrawal_terms=consumer_terms
    )

    assert us.outcome is Outcome.DENY
    assert company.outcome is Outcome.DENY
    assert company_allowed.outcome is Outcome.APPROVE and company_allowed.statutory_withdrawal


@pytest.mark.parametrize(
    ("product_tag", "order_tags", "article"),
    [
        ("made-to-specification", (), "16(c)"),
        ("sealed-hygiene", ("seal-broken",), "16(e)"),
        ("sealed-media", ("seal-broken",), "16(i)"),
    ],
)
def test_an_article_16_exception_makes_it_review_with_the_article_named(
    product_tag: str, order_tags: tuple[str, ...], article: str
) -> None:
    placed = eu_order(line_items=(line(price="449.00", tags=(product_tag,)),), tags=order_tags)

    verdict = evaluate(placed, request(), parse_policy(DENY_EVERYTHING, "p.toml"), NOW)

    assert (verdict.outcome, verdict.rule) == (Outcome.REVIEW, SAFEGUARD_WITHDRAWAL_EXCEPTION)
    assert article in verdict.reasons[0].render_plain()


def test_a_sealed_good_whose_seal_is_not_confirmed_broken_is_no_exception() -> None:
    placed = eu_order(line_items=(line(price="449.00", tags=("sealed-hygiene",)),))

    verdict = evaluate(placed, request(), parse_policy(DENY_EVERYTHING, "p.toml"), NOW)

    assert verdict.outcome is Outcome.APPROVE


def test_a_review_for_another_reason_stays_review_but_never_deny() -> None:
    risky = parse_policy(
        'version = 1\n[[rules]]\nname = "Risk"\nverdict = "review"\nwhy = "Risky"\n'
        '[rules.when]\nrisk_at_least = "low"\n',
        "p.toml",
    )

    verdict = evaluate(eu_order(), request(), risky, NOW)

    assert verdict.outcome is Outcome.REVIEW and verdict.statutory_withdrawal
