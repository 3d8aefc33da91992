"""What the engine knows about one order and request, worked out once per evaluation."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from cancelapp.domain.money import Money
from cancelapp.domain.order import FulfillmentStatus, LineItem, Order
from cancelapp.domain.request import CancellationRequest

_SHIPPED_STATUSES = frozenset({FulfillmentStatus.FULFILLED, FulfillmentStatus.PARTIALLY_FULFILLED})
_MONEY_IN = frozenset({"SALE", "CAPTURE"})  # `OrderTransactionKind`
_MONEY_OUT = frozenset({"REFUND", "CHANGE"})
_NO_MONEY_MOVED = frozenset({"FAILURE", "ERROR"})  # `OrderTransactionStatus`


class Facts:
    __slots__ = (
        "any_fulfilled",
        "covered",
        "fulfilled_units",
        "now",
        "order",
        "received_at",
        "received_now",
        "request",
        "shop_window",
        "unfulfilled_units",
    )

    def __init__(
        self,
        order: Order,
        request: CancellationRequest,
        now: datetime,
        shop_window: timedelta | None,
    ) -> None:
        self.order = order
        self.request = request
        self.now = now
        self.shop_window = shop_window
        messages = request.messages
        self.received_now = not messages  # no message yet: counted as received this moment
        self.received_at = (
            (messages[0].received_at if len(messages) == 1 else request.received_at)
            if messages
            else now
        )
        lines = covered_lines(order, request) if request.line_item_ids else order.line_items
        self.covered = lines
        fulfilled = unfulfilled = 0
        for li in lines:  # one pass: this runs for every request the engine sees
            shipped = li.current_quantity - li.unfulfilled_quantity
            if shipped > 0:
                fulfilled += shipped
            unfulfilled += li.unfulfilled_quantity
        self.fulfilled_units = fulfilled
        self.unfulfilled_units = unfulfilled
        # Shopify's order-level status counts too: a line list can be incomplete in a snapshot.
        self.any_fulfilled = fulfilled > 0 or (
            len(lines) == len(order.line_items) and order.fulfillment_status in _SHIPPED_STATUSES
        )


def covered_lines(order: Order, request: CancellationRequest) -> tuple[LineItem, ...]:
    """The lines the request asks to cancel: the named ones, or all when none (or none known)
    are named, so a stale line id can never hide a shipped line."""
    if request.line_item_ids:
        wanted = set(request.line_item_ids)
        named = tuple(li for li in order.line_items if li.id in wanted)
        if named:
            return named
    return order.line_items


def _money_received(order: Order) -> Money | None:
    """Money taken from the customer and not given back, in the currency they paid: successful
    sales and captures less refunds (an authorization alone is no money). None when the order's
    transactions are not known."""
    if not order.transactions:
        return None
    currency = order.presentment_currency
    net = Decimal(0)
    for t in order.transactions:
        if t.amount.currency != currency:
            continue
        if t.kind in _MONEY_IN and t.status == "SUCCESS":
            net += t.amount.amount
        elif t.kind in _MONEY_OUT and t.status not in _NO_MONEY_MOVED:
            net -= t.amount.amount  # a pending (or unknown) refund may yet go out: errs low
    return Money(net, currency)


def refundable_amount(order: Order, request: CancellationRequest) -> Money:
    """What a cancel could give back, in the currency the customer paid (refunds move in it);
    never negative. Errs low, so a fee capped to it is never too big: the money received when
    the transactions are known, and when the order is in the shop currency also the current
    total less refunds (or, for a partial request, the named lines)."""
    currency = order.presentment_currency
    candidates: list[Decimal] = []
    received = _money_received(order)
    if received is not None:
        candidates.append(received.amount)
    if order.total.currency == currency:
        candidates.append(_total_left(order, request).amount)
    amount = min(candidates, default=Decimal(0))  # another currency, nothing known: nothing
    return Money(max(amount, Decimal(0)), currency)


def _total_left(order: Order, request: CancellationRequest) -> Money:
    full = order.total
    if order.total_refunded is not None and order.total_refunded.currency == full.currency:
        full = full - order.total_refunded
    lines = covered_lines(order, request)
    if request.line_item_ids and len(lines) < len(order.line_items):
        partial = Money.zero(full.currency)
        for li in lines:
            if li.unit_price.currency == full.currency:
                partial = partial + li.unit_price * li.refundable_quantity
        full = min(full, partial)
    return full
