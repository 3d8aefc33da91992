"""Money going back to the customer within a refund, for `refundCreate` and `orderCancel` alike:
the refund transaction on the order and the refund, and its line in the ledger."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.ledger import LedgerRefund
from cancelapp.demoshop.model import Order, Refund, Transaction
from cancelapp.demoshop.store import ShopStore


def refund_to_payment(
    store: ShopStore,
    order: Order,
    refund: Refund,
    payment: Transaction,
    amount: Decimal,
    *,
    key: str | None,
    now: datetime,
) -> None:
    """Send `amount` back through `payment`'s gateway."""
    txn = Transaction(
        store.new_id(), "REFUND", "SUCCESS", payment.gateway, amount, now, payment.id, order.test
    )
    order.transactions.append(txn)
    refund.transactions.append(txn)
    _record(store, order, refund, amount, payment.gateway, key, now)


def record_store_credit(
    store: ShopStore, order: Order, refund: Refund, *, key: str | None, now: datetime
) -> None:
    """Note in the ledger the store credit `refund` already carries."""
    _record(store, order, refund, refund.store_credit, "store_credit", key, now)


def _record(
    store: ShopStore,
    order: Order,
    refund: Refund,
    amount: Decimal,
    gateway: str,
    key: str | None,
    now: datetime,
) -> None:
    store.ledger.record_refund(
        LedgerRefund(
            gid("Order", order.id),
            amount,
            order.presentment_currency,
            gateway,
            key,
            gid("Refund", refund.id),
            now,
        )
    )
