"""What the detail pane shows of an order beside what CancelApp judges it on, as the Shopify
admin shows it: variants and images, the money breakdown, payments, shipments and holds, the
customer's record and Shopify's own timeline.

Read from the cached order node (`cancelapp.shopify.order_view`); an order cached before
CancelApp read these fields has `known=False` and shows what the `Order` holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cancelapp.domain.money import Money


@dataclass(frozen=True)
class ItemLook:
    """A line item's variant (e.g. "M / Sort") and the URL of a small image of it."""

    variant_title: str | None = None
    image_url: str | None = None


@dataclass(frozen=True)
class TaxLine:
    title: str  # e.g. "Moms", "VAT"
    rate_percent: Decimal | None
    amount: Money


@dataclass(frozen=True)
class Payment:
    """One transaction, with what names its gateway and card for a person."""

    kind: str  # `OrderTransactionKind`
    status: str  # `OrderTransactionStatus`
    gateway: str  # Shopify's handle, e.g. "shopify_payments"
    gateway_name: str | None  # Shopify's words for it, e.g. "Shopify Payments"
    card_company: str | None  # e.g. "Visa"
    card_last_digits: str | None  # e.g. "4242"
    wallet: str | None  # e.g. "APPLE_PAY"
    amount: Money  # presentment currency
    processed_at: datetime | None


@dataclass(frozen=True)
class Shipment:
    """A fulfillment and how to follow it."""

    shipped_at: datetime | None
    status: str | None  # `FulfillmentDisplayStatus`
    company: str | None
    number: str | None
    url: str | None


@dataclass(frozen=True)
class Hold:
    """A fulfillment hold, and what releasing it needs."""

    fulfillment_order_id: str
    hold_id: str | None
    reason: str  # `FulfillmentHoldReason`
    notes: str | None
    location: str | None


@dataclass(frozen=True)
class CustomerRecord:
    """What Shopify holds about the customer. Name, email and address are protected customer
    data: without that access Shopify sends them empty (`withheld`)."""

    name: str
    email: str | None
    address: tuple[str, ...]
    orders: int | None
    spent: Money | None
    tags: tuple[str, ...]
    note: str | None

    @property
    def withheld(self) -> bool:
        return not self.name and not self.email and not self.address


@dataclass(frozen=True)
class ShopifyEvent:
    at: datetime
    message: str  # plain text
    app: str | None  # the app that caused it, None when Shopify or staff did


@dataclass(frozen=True)
class OrderView:
    known: bool = False  # False: the cached node predates these fields
    items: dict[str, ItemLook] = field(default_factory=dict)  # by line item id
    subtotal: Money | None = None
    shipping: Money | None = None
    shipping_titles: tuple[str, ...] = ()
    tax: Money | None = None
    taxes_included: bool = False
    tax_lines: tuple[TaxLine, ...] = ()  # current: after refunds, returns and removals
    payments: tuple[Payment, ...] = ()
    shipments: tuple[Shipment, ...] = ()
    holds: tuple[Hold, ...] = ()
    customer: CustomerRecord | None = None
    events: tuple[ShopifyEvent, ...] = ()  # oldest first

    @property
    def image_urls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.image_url for i in self.items.values() if i.image_url))
