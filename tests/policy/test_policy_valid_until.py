"""Each verdict says until when it holds: the earliest moment a time-based condition the
engine looked at would answer otherwise. Judged again one microsecond later, it changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from policy_orders import PLACED, order, request

from cancelapp.domain.order import FulfillmentStatus
from cancelapp.policy import evaluate, parse_policy

NOW = PLACED + timedelta(days=2)
TICK = timedelta(microseconds=1)
RECEIVED_12H_AGO = request(timedelta(days=1, hours=12))  # received at NOW - 12 h
RECEIVED_2D_AGO = request(timedelta(hours=0))  # received at PLACED = NOW - 2 d
NO_MESSAGE = replace(RECEIVED_12H_AGO, messages=())  # counted as received at NOW


def _policy(*rules: str) -> str:
    body = "\n".join(
        f'[[rules]]\nname = "R{i}"\nverdict = "{verdict}"\nwhy = "w"\n[rules.when]\n{when}\n'
        for i, (verdict, when) in enumerate(rule.split("|") for rule in rules)
    )
    return f"version = 1\n{body}"


# (policy rules "verdict|conditions", order, request, shop window, valid until or None)
CASES = {
    "requested within, inside: closes at received + window": (
        ('approve|requested_within = "1d"',),
        order(),
        RECEIVED_12H_AGO,
        None,
        NOW + timedelta(hours=12),
    ),
    "requested within, closed: never opens again": (
        ('approve|requested_within = "1d"',),
        order(),
        RECEIVED_2D_AGO,
        None,
        None,
    ),
    "requested outside, not yet: becomes true at received + window": (
        ('deny|requested_outside = "1d"',),
        order(),
        RECEIVED_12H_AGO,
        None,
        NOW + timedelta(hours=12),
    ),
    "requested within the shop's own window": (
        ('approve|requested_within = "shop"',),
        order(),
        RECEIVED_12H_AGO,
        timedelta(hours=14),
        NOW + timedelta(hours=2),
    ),
    "placed within, with a message: fixed by the message's time": (
        ('approve|placed_within = "2d"',),
        order(),
        RECEIVED_12H_AGO,
        None,
        None,
    ),
    "placed within, no message yet (received now): closes at placed + window": (
        ('approve|placed_within = "3d"',),
        order(),
        NO_MESSAGE,
        None,
        PLACED + timedelta(days=3),
    ),
    "window until fulfillment: time alone never ends it": (
        ('approve|requested_within = "until fulfillment"',),
        order(),
        RECEIVED_12H_AGO,
        None,
        None,
    ),
    "a window not looked at (an earlier condition failed) does not count": (
        ('deny|fulfillment_status = ["fulfilled"]\nrequested_within = "1d"', "review|"),
        order(),
        RECEIVED_12H_AGO,
        None,
        None,
    ),
    "the earliest of two windows looked at": (
        ('deny|requested_outside = "2d"', 'approve|requested_within = "1d"'),
        order(),
        RECEIVED_12H_AGO,
        None,
        NOW + timedelta(hours=12),
    ),
    "a safeguard overrides, the window still ends the rule's verdict": (
        ('approve|requested_within = "1d"',),
        order(fulfillment_status=FulfillmentStatus.FULFILLED),
        RECEIVED_12H_AGO,
        None,
        NOW + timedelta(hours=12),
    ),
    "nothing time-based": (
        ("review|total_above = 100",),
        order(),
        RECEIVED_12H_AGO,
        None,
        None,
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_verdict_holds_until_its_first_time_based_condition_flips(
    case: tuple[tuple[str, ...], object, object, timedelta | None, datetime | None],
) -> None:
    rules, the_order, the_request, shop_window, until = case
    policy = parse_policy(_policy(*rules, "review|"), "p.toml")
    verdict = evaluate(the_order, the_request, policy, NOW, shop_edit_window=shop_window)  # type: ignore[arg-type]
    assert verdict.valid_until == until
    assert not verdict.expired(NOW)
    if until is None:
        return
    # Still the same at its last moment (the words of a "no message yet" request name the
    # moment judged, so compare what decides), and no longer one tick after it.
    at_end = evaluate(the_order, the_request, policy, until, shop_edit_window=shop_window)  # type: ignore[arg-type]
    after = evaluate(the_order, the_request, policy, until + TICK, shop_edit_window=shop_window)  # type: ignore[arg-type]
    assert (at_end.outcome, at_end.rule) == (verdict.outcome, verdict.rule)
    assert verdict.expired(until + TICK)
    assert [c.matched for c in after.checks] != [c.matched for c in verdict.checks]


def test_no_order_no_expiry() -> None:
    policy = parse_policy(_policy('approve|requested_within = "1d"'), "p.toml")
    assert evaluate(None, RECEIVED_12H_AGO, policy, NOW).valid_until is None
