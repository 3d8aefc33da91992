"""What Shopify Payments charges on a payment (`OrderTransaction.fees`), and keeps on a refund.

The demo shop's rate is an assumption modelled on Shopify Payments for Danish cards: 1.8 % of
the payment plus a flat 1.80, in the shop's (payout) currency, no tax on the fee (payment
services are VAT exempt in the EU). Only successful sales and captures through Shopify
Payments carry a fee; other gateways, refunds and authorizations return none, as in Shopify.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cancelapp.demoshop.accounts import PAYMENT_KINDS
from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.model import CENT, Transaction, shop_amount
from cancelapp.demoshop.shapes import money

RATE = Decimal("1.8")  # percent
FLAT_FEE = Decimal("1.80")
GATEWAY = "shopify_payments"


def fee_amount(shop_money: Decimal) -> Decimal:
    """The fee on a payment of this amount in the shop's currency."""
    return (shop_money * RATE / 100 + FLAT_FEE).quantize(CENT, rounding=ROUND_HALF_UP)


def transaction_fees(txn: Transaction, info: Info, **_: Any) -> list[dict[str, Any]]:
    if txn.gateway != GATEWAY or txn.kind not in PAYMENT_KINDS or txn.status != "SUCCESS":
        return []
    store = store_of(info)
    currency = store.info.currency_code
    paid = shop_amount(txn.amount, store.owner(txn.id).rate)
    return [
        {
            "id": gid("TransactionFee", txn.id),
            "amount": money(fee_amount(paid), currency),
            "flatFee": money(FLAT_FEE, currency),
            "flatFeeName": None,
            "rate": str(RATE),
            "rateName": "Danish cards",
            "taxAmount": money(Decimal("0.00"), currency),
            "type": "payment_processing",
        }
    ]
