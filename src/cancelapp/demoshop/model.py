"""The demo shop's records: what a Shopify store holds about its orders, stock and money.

Amounts on an order are kept in its presentment (customer) currency; the shop currency amount is
derived with the order's exchange rate, as Shopify's `MoneyBag` reports both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cancelapp.domain.currency_table import MINOR_UNITS

CENT = Decimal("0.01")


@dataclass
class Location:
    id: int
    name: str
    is_active: bool = True
    fulfillment_service: str | None = None  # handle of a third-party service
    service_name: str | None = None
    fulfills_online_orders: bool = True

    @property
    def is_fulfillment_service(self) -> bool:
        return self.fulfillment_service is not None


@dataclass
class Product:
    id: int
    title: str
    tags: list[str] = field(default_factory=list)


@dataclass
class Variant:
    id: int
    product: Product
    title: str
    sku: str
    price: Decimal  # shop currency, VAT included
    inventory_item_id: int
    options: list[tuple[str, str]] = field(default_factory=list)  # (name, value): size, colour


@dataclass
class Customer:
    id: int
    first_name: str
    last_name: str
    email: str
    locale: str
    tags: list[str] = field(default_factory=list)
    address: list[str] = field(default_factory=list)  # as `MailingAddress.formatted` lines
    note: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class LineItem:
    id: int
    variant: Variant | None
    title: str
    sku: str | None
    quantity: int
    unit_price: Decimal  # presentment, after discounts, VAT included
    fulfilled_quantity: int = 0
    refunded_quantity: int = 0
    returned_quantity: int = 0  # of the refunded units, those that had been fulfilled
    removed_quantity: int = 0  # taken off by a cancellation
    gift_card: bool = False
    digital: bool = False  # a download: nothing to ship
    custom_attributes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def requires_shipping(self) -> bool:
        return not (self.gift_card or self.digital)

    @property
    def current_quantity(self) -> int:
        return self.quantity - self.refunded_quantity - self.removed_quantity

    @property
    def unfulfilled_quantity(self) -> int:
        """Refunding a returned (fulfilled) unit leaves the units still to ship as they are."""
        taken_off = self.removed_quantity + self.refunded_quantity - self.returned_quantity
        return max(self.quantity - taken_off - self.fulfilled_quantity, 0)

    @property
    def returnable_quantity(self) -> int:
        return self.fulfilled_quantity - self.returned_quantity

    @property
    def refundable_quantity(self) -> int:
        """Shopify: "excluding refunded units and removed units", as `currentQuantity`."""
        return self.current_quantity


@dataclass
class Transaction:
    id: int
    kind: str  # OrderTransactionKind
    status: str  # OrderTransactionStatus
    gateway: str
    amount: Decimal  # presentment
    processed_at: datetime
    parent_id: int | None = None
    test: bool = False
    error_code: str | None = None
    expired: bool = False  # an authorization past its expiry: nothing left to capture


@dataclass
class FulfillmentHold:
    id: int
    handle: str
    reason: str
    reason_notes: str | None


@dataclass
class FulfillmentOrder:
    id: int
    location: Location
    status: str  # FulfillmentOrderStatus
    request_status: str  # FulfillmentOrderRequestStatus
    lines: dict[int, int]  # line item id -> total quantity assigned here
    remaining: dict[int, int]  # line item id -> quantity still to fulfil
    updated_at: datetime
    holds: list[FulfillmentHold] = field(default_factory=list)


@dataclass
class FulfillmentLineItem:
    id: int
    line_item_id: int
    quantity: int


@dataclass
class Fulfillment:
    id: int
    status: str
    created_at: datetime
    location_id: int
    lines: list[FulfillmentLineItem] = field(default_factory=list)
    delivered_at: datetime | None = None  # set when the carrier reports it delivered
    tracking_company: str | None = None
    tracking_number: str | None = None
    units: int = 0

    @property
    def tracking_url(self) -> str | None:
        if self.tracking_number is None:
            return None
        return f"https://tracking.postnord.com/dk/?id={self.tracking_number}"


@dataclass
class Return:
    """A return opened by `returnCreate`: OPEN, with its lines as fulfillment line items."""

    id: int
    name: str
    status: str
    created_at: datetime
    lines: list[tuple[FulfillmentLineItem, int]]  # the shipped line and the quantity returned


@dataclass
class RefundLine:
    line_item_id: int
    quantity: int
    restock_type: str
    location_id: int | None
    restocked: bool
    amount: Decimal


@dataclass
class Refund:
    id: int
    created_at: datetime
    note: str | None
    transactions: list[Transaction]
    lines: list[RefundLine]
    store_credit: Decimal = Decimal("0")
    shipping: Decimal = Decimal("0")
    store_credit_expires_at: datetime | None = None

    @property
    def total(self) -> Decimal:
        """Money sent back or on its way; a failed transaction sent nothing."""
        sent = (t.amount for t in self.transactions if t.status not in {"FAILURE", "ERROR"})
        return sum(sent, Decimal("0")) + self.store_credit


@dataclass
class Metafield:
    id: int
    namespace: str
    key: str
    value: str
    type: str = "single_line_text_field"


@dataclass
class RequestedOrderEditLine:
    id: int
    line_item_id: int
    quantity: int
    resolved_quantity: int = 0


@dataclass
class RequestedOrderEdit:
    """A buyer-requested order edit (2026-10): here always a request to remove items."""

    id: int
    status: str  # RequestedOrderEditStatus: REQUESTED, DECLINED, RESOLVED
    requested_at: datetime
    updated_at: datetime
    lines: list[RequestedOrderEditLine]
    resolved_at: datetime | None = None
    declined_at: datetime | None = None
    decline_note: str | None = None


@dataclass
class Order:
    id: int
    number: int
    created_at: datetime
    updated_at: datetime
    customer: Customer | None
    email: str | None
    locale: str | None
    presentment_currency: str
    rate: Decimal  # shop currency per presentment unit
    line_items: list[LineItem]
    shipping: Decimal  # presentment, VAT included
    payment_gateway_names: list[str] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    fulfillment_orders: list[FulfillmentOrder] = field(default_factory=list)
    fulfillments: list[Fulfillment] = field(default_factory=list)
    refunds: list[Refund] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    custom_attributes: list[tuple[str, str]] = field(default_factory=list)
    metafields: list[Metafield] = field(default_factory=list)
    requested_edits: list[RequestedOrderEdit] = field(default_factory=list)
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    staff_note: str | None = None
    closed_at: datetime | None = None
    test: bool = False
    risk_level: str = "LOW"  # RiskAssessmentResult
    return_status: str = "NO_RETURN"
    cancelling: bool = False  # an orderCancel job is running
    shipping_country: str | None = None  # the shipping address's country code; None: no address
    company: str | None = None  # a company on the shipping address (B2B)
    returns: list[Return] = field(default_factory=list)
    taxes_included: bool = True  # `taxesIncluded`: prices and shipping include VAT

    @property
    def name(self) -> str:
        return f"#{self.number}"

    def line_item(self, line_item_id: int) -> LineItem | None:
        return next((li for li in self.line_items if li.id == line_item_id), None)

    def touch(self, at: datetime) -> None:
        self.updated_at = max(at, self.updated_at)

    @property
    def display_requested_edit_status(self) -> str:
        """`OrderDisplayRequestedEditStatus`: REQUESTED while any is open, else how the newest
        ended, NONE without requests."""
        if any(e.status == "REQUESTED" for e in self.requested_edits):
            return "REQUESTED"
        newest = max(self.requested_edits, key=lambda e: (e.requested_at, e.id), default=None)
        return "NONE" if newest is None else newest.status


def shop_amount(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * rate).quantize(CENT)


def minor_unit_round(amount: Decimal, currency: str) -> Decimal:
    """At the currency's minor units, as Shopify stores amounts (JPY 0, KWD 3 places)."""
    places = MINOR_UNITS.get(currency)
    return amount if places is None else amount.quantize(Decimal(1).scaleb(-places))
