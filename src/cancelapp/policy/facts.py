"""What the engine knows about one order and request, worked out once per evaluation."""

from __future__ import annotations

from datetime import datetime, timedelta

from cancelapp.domain.money import Money
from cancelapp.domain.order import FulfillmentStatus, LineItem, Order
from cancelapp.domain.request import CancellationRequest

_SHIPPED_STATUSES = frozenset({FulfillmentStatus.FULFILLED, FulfillmentStatus.PARTIALLY_FULFILLED})


class Facts:
    __slots__ = (
        "any_fulfilled",
        "covered",
        "fulfilled_units",
        "now",
        "order",
        "received_at",
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


def refundable_amount(order: Order, request: CancellationRequest) -> Money:
    """What a cancel could give back, in the shop currency; never negative.

    Errs low (total minus everything already refunded) so a fee capped to it is never too big.
    """
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
    return full if full.amount > 0 else Money.zero(full.currency)
