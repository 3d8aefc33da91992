"""What an order's transactions add up to: paid, refunded, capturable, and the display statuses."""

from __future__ import annotations

from decimal import Decimal

from cancelapp.demoshop.model import Order, Transaction

ZERO = Decimal("0")
PAYMENT_KINDS = frozenset({"SALE", "CAPTURE"})


def payments(order: Order) -> list[Transaction]:
    """Successful transactions that took money from the customer."""
    return [t for t in order.transactions if t.kind in PAYMENT_KINDS and t.status == "SUCCESS"]


def received(order: Order) -> Decimal:
    return sum((t.amount for t in payments(order)), ZERO)


def refunded(order: Order) -> Decimal:
    return sum((r.total for r in order.refunds), ZERO)


def refunded_shipping(order: Order) -> Decimal:
    return sum((r.shipping for r in order.refunds), ZERO)


def refundable_on(order: Order, payment: Transaction) -> Decimal:
    """What can still go back through one payment transaction."""
    back = sum(
        (
            t.amount
            for t in order.transactions
            if t.kind == "REFUND"
            and t.status not in {"FAILURE", "ERROR"}  # pending money is spoken for
            and t.parent_id == payment.id
        ),
        ZERO,
    )
    return payment.amount - back


def net_received(order: Order) -> Decimal:
    return received(order) - refunded(order)


def open_authorizations(order: Order) -> list[Transaction]:
    """Successful authorizations not yet captured or voided."""
    settled = {
        t.parent_id
        for t in order.transactions
        if t.kind in {"CAPTURE", "VOID"} and t.status == "SUCCESS"
    }
    return [
        t
        for t in order.transactions
        if t.kind == "AUTHORIZATION"
        and t.status == "SUCCESS"
        and not t.expired
        and t.id not in settled
    ]


def capturable(order: Order) -> Decimal:
    return sum((t.amount for t in open_authorizations(order)), ZERO)


def has_pending_payment(order: Order) -> bool:
    """An authorization or sale still waiting for the payment provider's answer."""
    return any(
        t.kind in {"AUTHORIZATION", "SALE"} and t.status == "PENDING" for t in order.transactions
    )


def voided(order: Order) -> bool:
    return any(t.kind == "VOID" and t.status == "SUCCESS" for t in order.transactions)


def original_total(order: Order) -> Decimal:
    items = sum((li.unit_price * li.quantity for li in order.line_items), ZERO)
    return items + order.shipping


def current_total(order: Order) -> Decimal:
    """After refunds and removals: what the customer is now paying for."""
    if order.cancelled_at is not None:
        return ZERO
    items = sum((li.unit_price * li.current_quantity for li in order.line_items), ZERO)
    return items + order.shipping - refunded_shipping(order)


def outstanding(order: Order) -> Decimal:
    if order.cancelled_at is not None:
        return ZERO
    return max(current_total(order) - net_received(order), ZERO)


def financial_status(order: Order) -> str:
    """`OrderDisplayFinancialStatus`, from the transactions as Shopify derives it."""
    paid = received(order)
    back = refunded(order)
    if paid > 0 and back >= paid:
        return "REFUNDED"
    if back > 0:
        return "PARTIALLY_REFUNDED"
    if voided(order) and paid == 0:
        return "VOIDED"
    if open_authorizations(order) and paid == 0:
        return "AUTHORIZED"
    if paid == 0 and any(t.kind == "AUTHORIZATION" and t.expired for t in order.transactions):
        return "EXPIRED"
    if paid == 0:
        return "PENDING"
    if paid < original_total(order) and order.cancelled_at is None:
        return "PARTIALLY_PAID"
    return "PAID"


def fulfillment_status(order: Order) -> str:
    """`OrderDisplayFulfillmentStatus`."""
    fulfilled = sum(li.fulfilled_quantity for li in order.line_items)
    unfulfilled = sum(li.unfulfilled_quantity for li in order.line_items)
    if not any(li.requires_shipping for li in order.line_items):
        return "FULFILLMENT_NOT_REQUIRED"
    if fulfilled and not unfulfilled:
        return "FULFILLED"
    if fulfilled:
        return "PARTIALLY_FULFILLED"
    if order.cancelled_at is None and any(
        fo.status == "ON_HOLD" for fo in order.fulfillment_orders
    ):
        return "ON_HOLD"
    if any(fo.status == "IN_PROGRESS" for fo in order.fulfillment_orders):
        return "IN_PROGRESS"
    return "UNFULFILLED"
