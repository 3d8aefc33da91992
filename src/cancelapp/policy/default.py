"""The policy in force until the merchant edits it, written out with comments on first edit."""

from __future__ import annotations

import json
from datetime import timedelta
from functools import cache

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP
from cancelapp.policy.checks import UNTIL_FULFILLMENT
from cancelapp.policy.model import Policy
from cancelapp.policy.parsing import parse_policy

DEFAULT_HIGH_VALUE = 5000

# The default rules' words, marked so pyside6-lupdate collects them; the UI translates
# a rule's "why" and "reply" in the "Policy" context, so unedited defaults read in Danish too.
# The default deny rules' `reply` names a reply template (`ReplyKind`); the REPLY_* texts
# are what policy files written before that say, translated while the file keeps them.
WHY_CANCELLED = QT_TRANSLATE_NOOP("Policy", "The order is already cancelled")
REPLY_CANCELLED = QT_TRANSLATE_NOOP(
    "Policy", "Your order has already been cancelled: there is nothing more you need to do."
)
WHY_RETURN = QT_TRANSLATE_NOOP("Policy", "A return is already open for this order")
REPLY_RETURN = QT_TRANSLATE_NOOP(
    "Policy", "Your order has a return in progress: we will complete it through the return."
)
WHY_SHIPPED = QT_TRANSLATE_NOOP("Policy", "Everything in the order has been fulfilled")
REPLY_SHIPPED = QT_TRANSLATE_NOOP(
    "Policy", "Your order has already shipped: please use our return process."
)
WHY_PARTLY_SHIPPED = QT_TRANSLATE_NOOP("Policy", "Part of the order has been fulfilled")
WHY_NOTHING_TO_SHIP = QT_TRANSLATE_NOOP(
    "Policy", "Nothing to ship (a download or a service): it may already have been delivered"
)
WHY_ON_HOLD = QT_TRANSLATE_NOOP("Policy", "Fulfillment is on hold: check why before cancelling")
WHY_SERVICE = QT_TRANSLATE_NOOP(
    "Policy", "A fulfillment service has accepted the order: it must agree to the cancel"
)
WHY_SENT = QT_TRANSLATE_NOOP(
    "Policy", "Sent to a fulfillment service, not accepted yet: it can still be cancelled at once"
)
WHY_HIGH_RISK = QT_TRANSLATE_NOOP("Policy", "Shopify rates the order high risk")
WHY_HIGH_VALUE = QT_TRANSLATE_NOOP("Policy", "A high-value order: check before refunding")
WHY_FINAL_SALE = QT_TRANSLATE_NOOP("Policy", "The order contains final-sale items")
WHY_APPROVE = QT_TRANSLATE_NOOP("Policy", "Unfulfilled, paid and asked in time")
WHY_LATE = QT_TRANSLATE_NOOP("Policy", "Asked after the cancellation window")
WHY_OTHER = QT_TRANSLATE_NOOP("Policy", "No rule approves this automatically: please look")

# The default rules' names: shown in the merchant's language while the file keeps them.
NAME_CANCELLED = QT_TRANSLATE_NOOP("Policy", "Already cancelled")
NAME_RETURN = QT_TRANSLATE_NOOP("Policy", "Return open")
NAME_SHIPPED = QT_TRANSLATE_NOOP("Policy", "Already shipped")
NAME_PARTLY_SHIPPED = QT_TRANSLATE_NOOP("Policy", "Partly shipped")
NAME_NOTHING_TO_SHIP = QT_TRANSLATE_NOOP("Policy", "Nothing to ship")
NAME_ON_HOLD = QT_TRANSLATE_NOOP("Policy", "On hold")
NAME_SERVICE = QT_TRANSLATE_NOOP("Policy", "At a fulfillment service")
NAME_SENT = QT_TRANSLATE_NOOP("Policy", "Sent to a fulfillment service")
NAME_HIGH_RISK = QT_TRANSLATE_NOOP("Policy", "High risk")
NAME_HIGH_VALUE = QT_TRANSLATE_NOOP("Policy", "High value")
NAME_FINAL_SALE = QT_TRANSLATE_NOOP("Policy", "Final sale")
NAME_IN_TIME = QT_TRANSLATE_NOOP("Policy", "In time")
NAME_LATE = QT_TRANSLATE_NOOP("Policy", "Too late")
NAME_OTHER = QT_TRANSLATE_NOOP("Policy", "Everything else")
DEFAULT_RULE_NAMES = frozenset(
    (
        NAME_CANCELLED,
        NAME_RETURN,
        NAME_SHIPPED,
        NAME_PARTLY_SHIPPED,
        NAME_NOTHING_TO_SHIP,
        NAME_ON_HOLD,
        NAME_SERVICE,
        NAME_SENT,
        NAME_HIGH_RISK,
        NAME_HIGH_VALUE,
        NAME_FINAL_SALE,
        NAME_IN_TIME,
        NAME_LATE,
        NAME_OTHER,
    )
)

# Every default text the form shows translated while the file keeps it as written.
DEFAULT_RULE_WORDS = DEFAULT_RULE_NAMES | frozenset(
    (
        WHY_CANCELLED,
        REPLY_CANCELLED,
        WHY_RETURN,
        REPLY_RETURN,
        WHY_SHIPPED,
        REPLY_SHIPPED,
        WHY_PARTLY_SHIPPED,
        WHY_NOTHING_TO_SHIP,
        WHY_ON_HOLD,
        WHY_SERVICE,
        WHY_SENT,
        WHY_HIGH_RISK,
        WHY_HIGH_VALUE,
        WHY_FINAL_SALE,
        WHY_APPROVE,
        WHY_LATE,
        WHY_OTHER,
    )
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


DEFAULT_POLICY_TOML = f"""\
# CancelApp cancellation policy for this store.
#
# Rules are tried from top to bottom; the first rule whose conditions all hold decides.
# A request no rule matches is sent to review. The format is described in docs/policy.md.
# A deny rule's `reply` names a reply template (edited in Settings, Reply templates:
# already_cancelled, return_open, already_shipped, declined, ...) or is a text of your own.
# Whatever this file says, CancelApp never acts on a cancelled order, never suggests a full
# cancel of items that have shipped, and never keeps a fee larger than the refund.
version = 1

# Nothing to do: Shopify already shows the order as cancelled.
[[rules]]
name = {_q(NAME_CANCELLED)}
verdict = "deny"
why = {_q(WHY_CANCELLED)}
reply = "already_cancelled"
[rules.when]
cancelled = true

[[rules]]
name = {_q(NAME_RETURN)}
verdict = "deny"
why = {_q(WHY_RETURN)}
reply = "return_open"
[rules.when]
active_return = true

[[rules]]
name = {_q(NAME_SHIPPED)}
verdict = "deny"
why = {_q(WHY_SHIPPED)}
reply = "already_shipped"
[rules.when]
fulfillment_status = ["fulfilled"]

# Even when the customer asks only for items that have not shipped yet.
[[rules]]
name = {_q(NAME_PARTLY_SHIPPED)}
verdict = "review"
why = {_q(WHY_PARTLY_SHIPPED)}
[rules.when]
fulfillment_status = ["partially_fulfilled"]

# Digital goods and services: Shopify cannot tell whether they have been delivered.
[[rules]]
name = {_q(NAME_NOTHING_TO_SHIP)}
verdict = "review"
why = {_q(WHY_NOTHING_TO_SHIP)}
[rules.when]
fulfillment_status = ["fulfillment_not_required"]

[[rules]]
name = {_q(NAME_ON_HOLD)}
verdict = "review"
why = {_q(WHY_ON_HOLD)}
[rules.when]
on_hold = true

[[rules]]
name = {_q(NAME_SERVICE)}
verdict = "review"
why = {_q(WHY_SERVICE)}
[rules.when]
at_fulfillment_service = true

# Not accepted yet: Shopify still cancels it at once, but cannot hold it. Decide soon.
[[rules]]
name = {_q(NAME_SENT)}
verdict = "review"
why = {_q(WHY_SENT)}
[rules.when]
sent_to_fulfillment_service = true

[[rules]]
name = {_q(NAME_HIGH_RISK)}
verdict = "review"
why = {_q(WHY_HIGH_RISK)}
[rules.when]
risk_at_least = "high"

# Amounts are in the store's currency.
[[rules]]
name = {_q(NAME_HIGH_VALUE)}
verdict = "review"
why = {_q(WHY_HIGH_VALUE)}
[rules.when]
total_above = {DEFAULT_HIGH_VALUE}

[[rules]]
name = {_q(NAME_FINAL_SALE)}
verdict = "review"
why = {_q(WHY_FINAL_SALE)}
[rules.when]
product_tags_any = ["final-sale"]

# "shop" is the store's own cancellation window from Shopify, or 24 hours when it has none.
# Write e.g. "2h", "24h", "3d" or "until fulfillment" instead.
[[rules]]
name = {_q(NAME_IN_TIME)}
verdict = "approve"
why = {_q(WHY_APPROVE)}
[rules.when]
placed_within = "shop"
financial_status = ["paid", "authorized"]
fulfilled_items = "none"
risk_at_most = "low"
product_tags_none = ["final-sale"]
[rules.action]
refund = "original"  # or "store_credit" (add store_credit_expires_days = 365), or "none"
restock = true
notify = true
reason = "customer"
# To keep a processing fee from the refund: fee_percent = 3 and/or fee_fixed = 10

[[rules]]
name = {_q(NAME_LATE)}
verdict = "review"
why = {_q(WHY_LATE)}
[rules.when]
placed_outside = "shop"
fulfilled_items = "none"

# Catch-all: a rule without conditions matches every request.
[[rules]]
name = {_q(NAME_OTHER)}
verdict = "review"
why = {_q(WHY_OTHER)}
"""


@cache
def default_policy() -> Policy:
    return parse_policy(DEFAULT_POLICY_TOML, "default policy")


def shop_edit_window_from_minutes(minutes: int | None) -> timedelta | None:
    """Shopify's `editRules.editWindowMinutes` (-1 means until fulfillment) as the engine's
    `shop_edit_window`; None when the store has none."""
    if minutes is None:
        return None
    if minutes < 0:
        return UNTIL_FULFILLMENT
    return timedelta(minutes=minutes)
