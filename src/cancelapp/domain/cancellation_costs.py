"""What a cancelled order cost the shop besides the goods: the payment fees its provider keeps.

Shopify Payments keeps its processing fee when a payment is refunded; Shopify reports that fee
on each of its transactions (`OrderTransaction.fees`) and on no other gateway's. So the fees
are known for an order whose payments all went through Shopify Payments (or a Shopify gift
card, which has no payment provider) and were read with their fees; an order with no payment
at all cost none. Anything else is unknown, never guessed as zero.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Final

from cancelapp.domain.order import Order

PAYMENT_KINDS: Final = frozenset({"SALE", "CAPTURE"})  # transactions that took money
FEES_REPORTED: Final = "shopify_payments"  # the one gateway whose fees Shopify knows
NO_PROVIDER: Final = frozenset({"gift_card"})  # paid without a payment provider: no fee


def payment_fees(order: Order) -> dict[str, Decimal] | None:
    """Per currency (the payout's), the fees charged on the order's successful payments;
    None when they are unknown: a payment through another gateway, or read without its fees."""
    fees: dict[str, Decimal] = defaultdict(Decimal)
    for txn in order.transactions:
        if txn.kind not in PAYMENT_KINDS or txn.status != "SUCCESS" or txn.gateway in NO_PROVIDER:
            continue
        if txn.gateway != FEES_REPORTED or txn.fees is None:
            return None
        for fee in txn.fees:
            fees[fee.currency] += fee.amount
    return dict(fees)
