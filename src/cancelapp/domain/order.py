"""An order as CancelApp needs to judge and act on it.

Built from the Admin API's `Order` by `cancelapp.shopify.order_mapping`; the status strings
are Shopify's own enum values, so a snapshot read years later still means what it meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from cancelapp.domain.money import Money


class FinancialStatus(StrEnum):
    """`OrderDisplayFinancialStatus`, and UNKNOWN where Shopify gave none (the field is
    nullable): never read as any real status, so the verdict is Review."""

    AUTHORIZED = "AUTHORIZED"
    EXPIRED = "EXPIRED"
    PAID = "PAID"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"
    PENDING = "PENDING"
    REFUNDED = "REFUNDED"
    VOIDED = "VOIDED"
    UNKNOWN = "UNKNOWN"  # not Shopify's: displayFinancialStatus was null


class FulfillmentStatus(StrEnum):
    """`OrderDisplayFulfillmentStatus`."""

    FULFILLED = "FULFILLED"
    FULFILLMENT_NOT_REQUIRED = "FULFILLMENT_NOT_REQUIRED"  # new in 2026-10: nothing to ship
    IN_PROGRESS = "IN_PROGRESS"
    ON_HOLD = "ON_HOLD"
    OPEN = "OPEN"
    PARTIALLY_FULFILLED = "PARTIALLY_FULFILLED"
    PENDING_FULFILLMENT = "PENDING_FULFILLMENT"
    REQUEST_DECLINED = "REQUEST_DECLINED"
    RESTOCKED = "RESTOCKED"
    SCHEDULED = "SCHEDULED"
    UNFULFILLED = "UNFULFILLED"


class FulfillmentOrderStatus(StrEnum):
    """`FulfillmentOrderStatus`."""

    CANCELLED = "CANCELLED"
    CLOSED = "CLOSED"
    INCOMPLETE = "INCOMPLETE"
    IN_PROGRESS = "IN_PROGRESS"
    ON_HOLD = "ON_HOLD"
    OPEN = "OPEN"
    SCHEDULED = "SCHEDULED"


class RiskLevel(StrEnum):
    """`RiskAssessmentResult` of the order's risk summary."""

    NONE = "NONE"
    PENDING = "PENDING"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


class ReturnStatus(StrEnum):
    """`OrderReturnStatus`."""

    INSPECTION_COMPLETE = "INSPECTION_COMPLETE"
    IN_PROGRESS = "IN_PROGRESS"
    NO_RETURN = "NO_RETURN"
    RETURNED = "RETURNED"
    RETURN_FAILED = "RETURN_FAILED"
    RETURN_REQUESTED = "RETURN_REQUESTED"


ACTIVE_RETURN_STATUSES = frozenset(
    {ReturnStatus.IN_PROGRESS, ReturnStatus.RETURN_REQUESTED, ReturnStatus.INSPECTION_COMPLETE}
)


@dataclass(frozen=True)
class Customer:
    id: str | None
    display_name: str
    email: str | None
    locale: str | None = None  # e.g. "da-DK", "en"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class LineItem:
    id: str
    title: str
    sku: str | None
    quantity: int  # as ordered
    current_quantity: int  # after removals and refunds
    unfulfilled_quantity: int
    refundable_quantity: int
    restockable: bool
    unit_price: Money  # shop currency, after discounts
    inventory_item_id: str | None = None
    product_tags: tuple[str, ...] = ()

    @property
    def fulfilled_quantity(self) -> int:
        return max(self.current_quantity - self.unfulfilled_quantity, 0)


@dataclass(frozen=True)
class FulfillmentOrderLine:
    line_item_id: str
    remaining_quantity: int


# The `handle` CancelApp puts on the fulfillment holds it places: its own holds are no reason to
# look twice at an order (the "On hold" rule); anyone else's hold is.
CANCELAPP_HOLD_HANDLE = "cancelapp"

# `FulfillmentOrderRequestStatus` values in which a fulfillment service holds the work: it accepted
# it, was asked to cancel and has not answered, or refused to cancel.
SERVICE_HOLDS_WORK_STATUSES = frozenset(
    {"ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"}
)


@dataclass(frozen=True)
class FulfillmentOrder:
    id: str
    status: FulfillmentOrderStatus
    request_status: str  # `FulfillmentOrderRequestStatus`, e.g. UNSUBMITTED, ACCEPTED
    location_id: str | None
    location_name: str | None
    fulfillment_service: str | None  # handle of a third-party service, None when merchant-managed
    hold_reasons: tuple[str, ...] = ()
    lines: tuple[FulfillmentOrderLine, ...] = ()
    hold_handles: tuple[str | None, ...] = ()  # who placed each hold; None when not known

    @property
    def on_hold(self) -> bool:
        return self.status is FulfillmentOrderStatus.ON_HOLD

    @property
    def held_by_others(self) -> bool:
        """On hold, and not only by CancelApp's own hold (an unknown holder counts as other)."""
        return self.on_hold and (
            not self.hold_handles or any(h != CANCELAPP_HOLD_HANDLE for h in self.hold_handles)
        )

    @property
    def accepted_by_service(self) -> bool:
        """A fulfillment service has taken the work: cancelling needs its consent."""
        return (
            self.fulfillment_service is not None
            and self.request_status in SERVICE_HOLDS_WORK_STATUSES
        )

    @property
    def cancellation_accepted(self) -> bool:
        """Its fulfillment service agreed to cancel (Shopify closes it): nothing was shipped,
        and cancelling the order with a restock puts what it held back at its location."""
        return self.request_status == "CANCELLATION_ACCEPTED"

    @property
    def sent_to_service(self) -> bool:
        """Requested from a fulfillment service that has not accepted yet (SUBMITTED): Shopify
        still cancels it at once, with the order, and refuses to hold it."""
        return self.fulfillment_service is not None and self.request_status == "SUBMITTED"

    @property
    def holdable(self) -> bool:
        """Open, not on hold, and not requested from a fulfillment service: one Shopify has
        sent to a service is stopped by cancelling, not held."""
        return (
            self.is_open
            and not self.on_hold
            and (self.fulfillment_service is None or self.request_status == "UNSUBMITTED")
        )

    @property
    def is_open(self) -> bool:
        return self.status in {
            FulfillmentOrderStatus.OPEN,
            FulfillmentOrderStatus.IN_PROGRESS,
            FulfillmentOrderStatus.SCHEDULED,
        }


@dataclass(frozen=True)
class FulfillmentLine:
    """A `FulfillmentLineItem`: what a return names (`returnCreate` takes these ids)."""

    id: str
    line_item_id: str
    quantity: int


@dataclass(frozen=True)
class Fulfillment:
    """A shipment. `delivered_at` is None until the carrier (or the merchant) marks it
    delivered: the withdrawal period does not start before that."""

    id: str
    status: str  # `FulfillmentStatus`: SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING
    delivered_at: datetime | None = None
    lines: tuple[FulfillmentLine, ...] = ()

    @property
    def shipped(self) -> bool:
        return self.status == "SUCCESS"


@dataclass(frozen=True)
class Transaction:
    id: str
    kind: str  # `OrderTransactionKind`: SALE, AUTHORIZATION, CAPTURE, REFUND, VOID, …
    status: str  # `OrderTransactionStatus`: SUCCESS, PENDING, FAILURE, …
    gateway: str
    amount: Money  # presentment currency
    parent_id: str | None = None
    processed_at: datetime | None = None
    # What the payment provider charged on it (`fees`, Shopify Payments only, in the payout
    # currency); None when not read (a list or verdict read, or a cache from before Reports).
    fees: tuple[Money, ...] | None = None


@dataclass(frozen=True)
class Order:
    id: str  # gid://shopify/Order/…
    name: str  # "#1001"
    created_at: datetime  # aware, UTC
    updated_at: datetime
    financial_status: FinancialStatus
    fulfillment_status: FulfillmentStatus
    total: Money  # current total, shop currency
    presentment_currency: str
    customer: Customer | None
    email: str | None
    line_items: tuple[LineItem, ...] = ()
    fulfillment_orders: tuple[FulfillmentOrder, ...] = ()
    transactions: tuple[Transaction, ...] = ()
    tags: tuple[str, ...] = ()
    gateways: tuple[str, ...] = ()
    risk_level: RiskLevel = RiskLevel.NONE
    return_status: ReturnStatus = ReturnStatus.NO_RETURN
    cancelled_at: datetime | None = None
    closed_at: datetime | None = None
    test: bool = False
    note: str | None = None
    custom_attributes: dict[str, str] = field(default_factory=dict)
    total_refunded: Money | None = None
    locale: str | None = None  # `customerLocale`
    shipping_country: str | None = None  # `shippingAddress.countryCodeV2`, e.g. "DK"
    company: str | None = None  # a company on the shipping or billing address (B2B)
    fulfillments: tuple[Fulfillment, ...] = ()
    refunded_shipping: Money | None = None  # `totalRefundedShippingSet`, shop currency
    # `totalPriceSet`: before refunds and returns, what the order was worth (a cancelled
    # order's current total is 0); None when not read (a list row, an older cache).
    original_total: Money | None = None
    # `currentShippingPriceSet` in the customer's currency: the shipping not refunded yet,
    # what a decision taken offline may leave out of a refund; None when not read.
    shipping_left: Money | None = None
    taxes_included: bool | None = None  # `taxesIncluded`; None when not read
    # Whether `currentTotalDutiesSet` or `totalTipReceivedSet` is more than 0; None when not
    # read. A refund without the shipping leaves them out too.
    duties_or_tips: bool | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_active_return(self) -> bool:
        return self.return_status in ACTIVE_RETURN_STATUSES

    @property
    def customer_name(self) -> str:
        return self.customer.display_name if self.customer else ""

    @property
    def customer_email(self) -> str | None:
        return (self.customer.email if self.customer else None) or self.email

    @property
    def units_fulfilled(self) -> int:
        return sum(li.fulfilled_quantity for li in self.line_items)

    @property
    def product_tags(self) -> frozenset[str]:
        return frozenset(t for li in self.line_items for t in li.product_tags)
