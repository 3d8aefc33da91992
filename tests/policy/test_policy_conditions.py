"""Every condition, on an order where it holds and one where it does not, with its words."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from policy_orders import PLACED, hold, line, order, request

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    Customer,
    FinancialStatus,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    ReturnStatus,
    RiskLevel,
)
from cancelapp.policy import evaluate, parse_policy
from cancelapp.policy.fields import CONDITION_FIELDS

NOW = PLACED + timedelta(days=2)
BASE = order()
CUSTOMER = Customer("c", "Ada", None, tags=("VIP",))
SHIPPED = (line(fulfilled=1),)

# key: (TOML value, order and request where it holds, where it does not, words when it holds)
CASES = {
    "placed_within": ('"2h"', (BASE, request(timedelta(hours=1))),
                      (BASE, request(timedelta(hours=3))),
                      "placed 1 h before the request, window 2 h: inside"),
    "placed_outside": ('"2h"', (BASE, request(timedelta(hours=3))),
                       (BASE, request(timedelta(hours=1))),
                       "placed 3 h before the request, window 2 h: outside"),
    "requested_within": ('"1d"', (BASE, request(timedelta(days=1, hours=12))),
                         (BASE, request(timedelta(hours=1))),
                         "request received 2026-11-03T21:00+00:00, window 1 d: "
                         "inside until 2026-11-04T21:00+00:00"),
    "requested_outside": ('"1d"', (BASE, request(timedelta(hours=1))),
                          (BASE, request(timedelta(days=1, hours=12))),
                          "request received 2026-11-02T10:00+00:00, window 1 d: "
                          "outside since 2026-11-03T10:00+00:00"),
    "financial_status": ('["partially refunded"]',
                         (replace(BASE, financial_status=FinancialStatus.PARTIALLY_REFUNDED),
                          request()), (BASE, request()),
                         "payment status partially refunded; rule: partially refunded"),
    "fulfillment_status": ('["on_hold"]',
                           (replace(BASE, fulfillment_status=FulfillmentStatus.ON_HOLD),
                            request()), (BASE, request()),
                           "fulfillment status on hold; rule: on hold"),
    "fulfilled_items": ('"all"', (replace(BASE, line_items=SHIPPED), request()),
                        (BASE, request()), "1 of 1 items fulfilled; rule: all fulfilled"),
    "on_hold": ("true", (replace(BASE, fulfillment_orders=(hold(),)), request()),
                (BASE, request()), "fulfillment on hold"),
    "at_fulfillment_service": ("true", (replace(BASE, fulfillment_orders=(hold(
        "acme", FulfillmentOrderStatus.OPEN, "ACCEPTED"),)), request()),
        (replace(BASE, fulfillment_orders=(hold("acme", FulfillmentOrderStatus.OPEN),)),
         request()), "with a fulfillment service"),
    "sent_to_fulfillment_service": ("true", (replace(BASE, fulfillment_orders=(hold(
        "acme", FulfillmentOrderStatus.OPEN, "SUBMITTED"),)), request()),
        (replace(BASE, fulfillment_orders=(hold("acme", FulfillmentOrderStatus.IN_PROGRESS,
                                                "ACCEPTED"),)), request()),
        "sent to a fulfillment service, not accepted yet"),
    "total_above": ("400", (BASE, request()),
                    (replace(BASE, total=Money(Decimal("400"), "DKK")), request()),
                    "total 449.00 DKK; rule: above 400.00 DKK"),
    "total_below": ("449.01", (BASE, request()),
                    (replace(BASE, total=Money(Decimal("449.01"), "DKK")), request()),
                    "total 449.00 DKK; rule: below 449.01 DKK"),
    "order_tags_any": ('["gift"]', (replace(BASE, tags=("Gift",)), request()),
                       (BASE, request()), "order tagged Gift"),
    "order_tags_none": ('["gift"]', (BASE, request()),
                        (replace(BASE, tags=("gift",)), request()),
                        "order has none of the tags gift"),
    "product_tags_any": ('["preorder"]', (replace(BASE, line_items=(line(tags=("preorder",)),)),
                                          request()), (BASE, request()), "items tagged preorder"),
    "product_tags_none": ('["preorder"]', (BASE, request()),
                          (replace(BASE, line_items=(line(tags=("preorder",)),)), request()),
                          "no item has the tags preorder"),
    "customer_tags_any": ('["vip"]', (replace(BASE, customer=CUSTOMER), request()),
                          (BASE, request()), "customer tagged VIP"),
    "customer_tags_none": ('["vip"]', (BASE, request()),
                           (replace(BASE, customer=CUSTOMER), request()),
                           "customer has none of the tags vip"),
    "risk_at_least": ('"medium"', (replace(BASE, risk_level=RiskLevel.HIGH), request()),
                      (BASE, request()), "risk high; rule: at least medium"),
    "risk_at_most": ('"low"', (BASE, request()),
                     (replace(BASE, risk_level=RiskLevel.PENDING), request()),
                     "risk low; rule: at most low"),
    "active_return": ("true", (replace(BASE, return_status=ReturnStatus.IN_PROGRESS), request()),
                      (replace(BASE, return_status=ReturnStatus.RETURNED), request()),
                      "a return is open"),
    "cancelled": ("false", (BASE, request()),
                  (replace(BASE, cancelled_at=PLACED + timedelta(hours=1)), request()),
                  "order not cancelled"),
    "test": ("true", (replace(BASE, test=True), request()), (BASE, request()), "test order"),
    "gateway_any": ('["Cash on Delivery (COD)"]',
                    (replace(BASE, gateways=("Cash on Delivery (COD)",)), request()),
                    (BASE, request()), "paid with Cash on Delivery (COD)"),
}  # fmt: skip


def test_policy_conditions_table_covers_every_condition() -> None:
    assert set(CASES) == set(CONDITION_FIELDS)


@pytest.mark.parametrize("key", list(CASES))
def test_policy_condition_holds_and_fails_with_its_words(key: str) -> None:
    value, holds, fails, words = CASES[key]
    policy = parse_policy(
        f'version = 1\n[[rules]]\nname = "R"\nverdict = "review"\nwhy = "w"\n'
        f"[rules.when]\n{key} = {value}\n",
        "p.toml",
    )
    matched = evaluate(*holds, policy, NOW)
    assert matched.rule == "R"
    assert [(c.condition, c.text.render_plain()) for c in matched.checks] == [(key, words)]
    assert evaluate(*fails, policy, NOW).rule != "R"


@pytest.mark.parametrize(
    ("request_status", "at_service"),
    [("UNSUBMITTED", False), ("SUBMITTED", False), ("ACCEPTED", True),
     ("CANCELLATION_REQUESTED", True), ("CANCELLATION_REJECTED", True),
     ("CANCELLATION_ACCEPTED", False), ("REJECTED", False), ("CLOSED", False)],
)  # fmt: skip
def test_policy_at_fulfillment_service_while_the_service_still_has_the_order(
    request_status: str, at_service: bool
) -> None:
    """A 3PL asked to stop (or that refused to) still holds the order: Shopify won't cancel.
    One only sent to it (SUBMITTED) does not: Shopify cancels that at once."""
    policy = parse_policy(
        'version = 1\n[[rules]]\nname = "3PL"\nverdict = "review"\nwhy = "w"\n'
        "[rules.when]\nat_fulfillment_service = true\n",
        "p.toml",
    )
    fo = hold("acme", FulfillmentOrderStatus.IN_PROGRESS, request_status)
    verdict = evaluate(replace(BASE, fulfillment_orders=(fo,)), request(), policy, NOW)
    assert (verdict.rule == "3PL") is at_service
