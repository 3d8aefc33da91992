"""A broken policy file is refused with the file, the line and the field named."""

from __future__ import annotations

import pytest

from cancelapp.policy import PolicyError, parse_policy

GOOD_RULE = """\
version = 1

[[rules]]
name = "In time"
verdict = "approve"
[rules.when]
placed_within = "24h"
"""


def _error(text: str) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "policy-1.toml")
    return caught.value


CASES = [
    ("syntax", GOOD_RULE.replace('"24h"', '"24h'), 7, None, "not valid TOML"),
    ("unknown field", GOOD_RULE + "colour = 1\n", 8, 'rule 1 ("In time"), when.colour',
     'unknown field "colour"'),
    ("unknown top field", "version = 1\nrulez = []\n", 2, "rulez", 'unknown field "rulez"'),
    ("wrong type", GOOD_RULE.replace('"24h"', "24"), 7, 'rule 1 ("In time"), when.placed_within',
     "write a time window in quotes"),
    ("not a window", GOOD_RULE.replace('"24h"', '"soon"'), 7,
     'rule 1 ("In time"), when.placed_within', '"soon" is not a time window'),
    ("negative window", GOOD_RULE.replace('"24h"', '"-3h"'), 7,
     'rule 1 ("In time"), when.placed_within', "can't be negative"),
    ("percent over 100", GOOD_RULE + "[rules.action]\nfee_percent = 120\n", 9,
     'rule 1 ("In time"), action.fee_percent', "can't be more than 100"),
    ("negative amount", GOOD_RULE + "total_above = -5\n", 8,
     'rule 1 ("In time"), when.total_above', "can't be negative"),
    ("unknown status", GOOD_RULE + 'financial_status = ["paid", "free"]\n', 8,
     'rule 1 ("In time"), when.financial_status', '"free" is not one of'),
    ("wrong version", GOOD_RULE.replace("version = 1", "version = 2"), 1, "version",
     "version = 1"),
    ("review without why", GOOD_RULE.replace('"approve"', '"review"'), 3,
     'rule 1 ("In time"), why', '"why"'),
    ("duplicate name", GOOD_RULE + GOOD_RULE.split("\n", 2)[2], 9, 'rule 2 ("In time"), name',
     "two rules are called"),
    ("impossible total", GOOD_RULE + "total_above = 500\ntotal_below = 100\n", 9,
     'rule 1 ("In time"), when.total_below', "no order total is above 500 and below 100"),
    ("fee without refund", GOOD_RULE + '[rules.action]\nrefund = "none"\nfee_fixed = 10\n', 9,
     'rule 1 ("In time"), action.refund', "choose a refund"),
    ("expiry without store credit", GOOD_RULE + "[rules.action]\nstore_credit_expires_days = 30\n",
     9, 'rule 1 ("In time"), action.store_credit_expires_days', 'refund = "store_credit"'),
    ("window beyond a date", GOOD_RULE.replace('"24h"', '"99999999999d"'), 7,
     'rule 1 ("In time"), when.placed_within', "at most 3650 days"),
    ("expiry beyond a date", GOOD_RULE + '[rules.action]\nrefund = "store_credit"\n'
     "store_credit_expires_days = 99999999\n", 10,
     'rule 1 ("In time"), action.store_credit_expires_days', "at most 3650"),
    ("amount beyond any order", GOOD_RULE + "[rules.action]\nfee_fixed = 1e400\n", 9,
     'rule 1 ("In time"), action.fee_fixed', "more than any order"),
    ("reply on approve", GOOD_RULE.replace('verdict = "approve"',
                                           'verdict = "approve"\nreply = "ok"'), 6,
     'rule 1 ("In time"), reply', "only deny rules"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_policy_file_error_names_file_line_and_field(text, line, field, words) -> None:
    error = _error(text)
    assert (error.file, error.line, error.field) == ("policy-1.toml", line, field)
    assert words in error.problem.render_plain()
    assert str(error).startswith(f"policy-1.toml, line {line}")


def test_policy_file_accepts_every_documented_form() -> None:
    text = GOOD_RULE.replace('"24h"', '"1d 2h 30min"') + (
        'requested_within = "until fulfillment"\n'
        'financial_status = ["Partially refunded", "PAID"]\n'
        "total_below = 49.95\n"
        'gateway_any = ["Cash on Delivery (COD)", "manual"]\n'
        "[rules.action]\n"
        'refund = "store_credit"\nstore_credit_expires_days = 365\nfee_percent = 2.5\n'
    )
    rule = parse_policy(text, "p.toml").rules[0]
    assert rule.when.placed_within is not None and rule.when.placed_within.minutes == 1590
    assert str(rule.when.total_below) == "49.95"
    assert rule.action is not None and str(rule.action.fee_percent) == "2.5"


def test_policy_file_error_on_a_dotted_key_names_its_line() -> None:
    text = (
        'version = 1\n[[rules]]\nname = "R"\nverdict = "deny"\nwhy = "w"\nwhen.cancelled = "yes"\n'
    )
    error = _error(text)
    assert (error.line, error.field) == (6, 'rule 1 ("R"), when.cancelled')
    assert "write true or false" in str(error)
