"""Makes orders in a named state, with the history (payments, fulfilments, refunds) behind it.

Seeded history is written straight into the records: the ledger only lists what the demo shop
did in answer to API calls.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from cancelapp.demoshop import accounts
from cancelapp.demoshop.catalogue import GIFT_CARD, regular_locations, third_party_location
from cancelapp.demoshop.model import (
    Customer,
    Fulfillment,
    FulfillmentHold,
    FulfillmentLineItem,
    FulfillmentOrder,
    LineItem,
    Location,
    Order,
    Refund,
    RefundLine,
    Transaction,
    minor_unit_round,
)
from cancelapp.demoshop.store import ShopStore

ORDER_STATES = (
    "paid",
    "mobilepay",
    "pending_cod",
    "pending_manual",
    "manual_paid",
    "authorized",
    "pending_authorization",
    "partially_fulfilled",
    "fulfilled",
    "partially_refunded",
    "refunded",
    "cancelled",
    "high_risk",
    "test",
    "third_party_accepted",
    "third_party_submitted",
    "on_hold",
    "eur",
    "return_requested",
    # Customers paying in other currencies: minor units 2 (EUR, SEK), 0 (JPY) and 3 (KWD).
    "sek",
    "jpy",
    "kwd",
    # What real shops also hold (payments, refunds and fulfilment Shopify reports as they are):
    "gift_card_split",  # paid partly with a gift card, the rest by card
    "captured",  # authorized at checkout, captured later
    "partially_paid",  # a deposit taken, the rest outstanding
    "expired",  # the authorization ran out before it was captured
    "digital",  # nothing to ship: FULFILLMENT_NOT_REQUIRED
    "refund_pending",  # an earlier refund still waiting for the payment provider
    "refund_failed",  # an earlier refund the payment provider refused
)

EUR_RATE = Decimal("7.46")  # DKK per EUR
# Orders presented in another currency: (code, DKK per unit, the customers' locale).
PRESENTMENT = {
    "eur": ("EUR", EUR_RATE, "de-DE"),
    "sek": ("SEK", Decimal("0.69"), "en"),
    "jpy": ("JPY", Decimal("0.046"), "en"),
    "kwd": ("KWD", Decimal("22.40"), "en"),
}
DIGITAL_TITLE = "E-bog: Hygge året rundt"

NOTES = [
    None,
    None,
    None,
    "Ring venligst inden levering.",
    "Gaveindpakning ønskes, <i>tak</i>!",
    "Please leave the parcel at the back door.",
    "Kan I sende med GLS?",
]


class OrderFactory:
    def __init__(self, store: ShopStore, rng: random.Random, now: datetime) -> None:
        """`now` bounds the history made up for each order: nothing happens after it."""
        self.store = store
        self.rng = rng
        self.now = now

    def make(self, state: str, *, created_at: datetime, customer: Customer | None = None) -> Order:
        if state not in ORDER_STATES:
            raise ValueError(f"unknown order state {state!r}; one of {', '.join(ORDER_STATES)}")
        rng = self.rng
        currency, rate, locale = PRESENTMENT.get(state, ("DKK", Decimal("1"), None))
        if customer is None and state != "test":
            customer = self._customer(locale)

        def price(dkk: Decimal) -> Decimal:
            return minor_unit_round(dkk / rate, currency)

        order = Order(
            id=self.store.new_id(),
            number=self.store.new_order_number(),
            created_at=created_at,
            updated_at=created_at,
            customer=customer,
            email=customer.email if customer else "test-buyer@example.com",
            locale=customer.locale if customer else "en",
            presentment_currency=currency,
            rate=rate,
            line_items=self._line_items(price, at_least=2 if "partially" in state else 1),
            shipping=price(Decimal("49.00")),
            note=rng.choice(NOTES),
            test=state == "test",
        )
        if state == "digital":
            order.line_items = [self._digital_item()]
            order.shipping = Decimal("0")
        if rng.random() < 0.2:
            order.custom_attributes.append(("gift_message", "Tillykke med fødselsdagen!"))
        self._assign_fulfillment_orders(order, state)
        self._pay(order, state)
        self._history(order, state)
        if state == "high_risk":
            order.risk_level = "HIGH"
        touched = created_at + timedelta(minutes=rng.randint(0, 30))
        order.updated_at = max(min(touched, self.now), order.updated_at)
        self.store.register(order)
        return order

    def _customer(self, locale: str | None) -> Customer:
        customers = list(self.store.customers.values())
        if locale:
            customers = [c for c in customers if c.locale == locale] or customers
        return self.rng.choice(customers)

    def _digital_item(self) -> LineItem:
        """A download: no variant to restock, nothing to ship."""
        return LineItem(
            self.store.new_id(), None, DIGITAL_TITLE, None, 1, Decimal("149.00"), digital=True
        )

    def _line_items(
        self, price_of: Callable[[Decimal], Decimal], *, at_least: int
    ) -> list[LineItem]:
        rng = self.rng
        variants = list(self.store.variants.values())
        count = max(at_least, rng.choice((1, 1, 1, 2, 2, 3, 4)))
        items = []
        for variant in rng.sample(variants, count):
            quantity = rng.choice((1, 1, 1, 2, 3))
            price = price_of(variant.price)
            items.append(
                LineItem(
                    self.store.new_id(),
                    variant,
                    variant.product.title,
                    variant.sku,
                    quantity,
                    price,
                )
            )
        if rng.random() < 0.05:
            title, card_price = GIFT_CARD
            items.append(
                LineItem(
                    self.store.new_id(),
                    None,
                    title,
                    None,
                    1,
                    price_of(Decimal(card_price)),
                    gift_card=True,
                )
            )
        return items

    def _assign_fulfillment_orders(self, order: Order, state: str) -> None:
        at = order.created_at
        shippable = [li for li in order.line_items if li.requires_shipping]
        if state.startswith("third_party"):
            groups: list[tuple[Location, list[LineItem]]] = [
                (third_party_location(self.store), shippable)
            ]
        else:
            warehouse, shop_floor = regular_locations(self.store)[:2]
            split = len(shippable) > 2 and self.rng.random() < 0.3
            groups = (
                [(warehouse, shippable[:-1]), (shop_floor, shippable[-1:])]
                if split
                else [(warehouse, shippable)]
            )
        for location, items in groups:
            if not items:
                continue
            lines = {li.id: li.quantity for li in items}
            fo = FulfillmentOrder(
                self.store.new_id(), location, "OPEN", "UNSUBMITTED", lines, dict(lines), at
            )
            if state == "third_party_accepted":
                fo.status, fo.request_status = "IN_PROGRESS", "ACCEPTED"
            elif state == "third_party_submitted":
                fo.request_status = "SUBMITTED"
            elif state == "on_hold":
                fo.status = "ON_HOLD"
                fo.holds.append(
                    FulfillmentHold(self.store.new_id(), "merchant", "AWAITING_PAYMENT", None)
                )
            order.fulfillment_orders.append(fo)

    def _pay(self, order: Order, state: str) -> None:
        total = accounts.original_total(order)
        at = order.created_at

        def add(kind: str, status: str, gateway: str, amount: Decimal = total) -> Transaction:
            txn = Transaction(self.store.new_id(), kind, status, gateway, amount, at)
            txn.test = order.test
            order.transactions.append(txn)
            return txn

        if state == "gift_card_split":
            card_part = min(Decimal("100.00"), total)
            add("SALE", "SUCCESS", "gift_card", card_part)
            if total > card_part:
                add("SALE", "SUCCESS", "shopify_payments", total - card_part)
        elif state in {"captured", "expired"}:
            authorization = add("AUTHORIZATION", "SUCCESS", "shopify_payments")
            if state == "captured":
                capture = add("CAPTURE", "SUCCESS", "shopify_payments")
                capture.parent_id = authorization.id
            else:
                authorization.expired = True
        elif state == "partially_paid":
            add("SALE", "SUCCESS", "shopify_payments", minor_unit_round(total / 2, "DKK"))
        elif state == "pending_cod":
            order.payment_gateway_names = ["Cash on Delivery (COD)"]
        elif state == "pending_manual":
            order.payment_gateway_names = ["manual"]
        elif state == "authorized":
            add("AUTHORIZATION", "SUCCESS", "shopify_payments")
        elif state == "pending_authorization":
            add("AUTHORIZATION", "PENDING", "mobilepay")
        elif state == "mobilepay":
            add("SALE", "SUCCESS", "mobilepay")
        elif state == "manual_paid":  # a bank transfer marked as paid: refunds move no money
            add("SALE", "SUCCESS", "manual")
        elif state == "test":
            add("SALE", "SUCCESS", "bogus")
        else:
            add("SALE", "SUCCESS", "shopify_payments")
        if not order.payment_gateway_names:
            order.payment_gateway_names = list(dict.fromkeys(t.gateway for t in order.transactions))

    def _history(self, order: Order, state: str) -> None:
        later = min(order.created_at + timedelta(hours=self.rng.randint(2, 30)), self.now)
        if state in {"partially_fulfilled", "fulfilled", "return_requested"}:
            items = order.line_items if state != "partially_fulfilled" else order.line_items[:1]
            for li in items:
                fulfil(order, li, li.quantity, self.store.new_id(), later)
            if state == "return_requested":
                order.return_status = "RETURN_REQUESTED"
        elif state in {"partially_refunded", "refund_pending", "refund_failed"}:
            li = order.line_items[-1]
            status = {"refund_pending": "PENDING", "refund_failed": "FAILURE"}.get(state)
            self._refund(order, li, li.quantity, later, status=status or "SUCCESS")
        elif state in {"refunded", "cancelled"}:
            for li in order.line_items:
                self._refund(order, li, li.quantity, later, shipping=li is order.line_items[0])
            if state == "cancelled":
                order.cancelled_at = later
                order.cancel_reason = "CUSTOMER"
                order.closed_at = later
                for fo in order.fulfillment_orders:
                    fo.status = "CLOSED"
            else:
                for fo in order.fulfillment_orders:
                    fo.status = "CLOSED"
                    fo.remaining = dict.fromkeys(fo.remaining, 0)

    def _refund(
        self,
        order: Order,
        li: LineItem,
        quantity: int,
        at: datetime,
        *,
        shipping: bool = False,
        status: str = "SUCCESS",
    ) -> None:
        amount = li.unit_price * quantity + (order.shipping if shipping else Decimal("0"))
        payment = accounts.payments(order)[0]
        txn = Transaction(self.store.new_id(), "REFUND", status, payment.gateway, amount, at)
        txn.parent_id = payment.id
        if status == "FAILURE":
            txn.error_code = "CARD_DECLINED"
        order.transactions.append(txn)
        location = order.fulfillment_orders[0].location.id if order.fulfillment_orders else None
        line = RefundLine(li.id, quantity, "CANCEL", location, True, li.unit_price * quantity)
        refund = Refund(self.store.new_id(), at, None, [txn], [line])
        refund.shipping = order.shipping if shipping else Decimal("0")
        order.refunds.append(refund)
        li.refunded_quantity += quantity
        for fo in order.fulfillment_orders:
            if li.id in fo.remaining:
                fo.remaining[li.id] = max(fo.remaining[li.id] - quantity, 0)


def fulfil(order: Order, li: LineItem, quantity: int, fulfillment_id: int, at: datetime) -> None:
    """Ship `quantity` units of a line item from the fulfilment order that holds it."""
    fo = next((fo for fo in order.fulfillment_orders if fo.remaining.get(li.id)), None)
    if fo is None:
        return
    shipped = min(quantity, fo.remaining[li.id])
    fo.remaining[li.id] -= shipped
    li.fulfilled_quantity += shipped
    fo.status = "CLOSED" if not any(fo.remaining.values()) else "IN_PROGRESS"
    fo.updated_at = at
    shipment = [FulfillmentLineItem(fulfillment_id, li.id, shipped)]  # one line per shipment
    tracking = f"00370730{fulfillment_id % 10**10:010d}"
    order.fulfillments.append(
        Fulfillment(
            fulfillment_id,
            "SUCCESS",
            at,
            fo.location.id,
            shipment,
            tracking_company="PostNord",
            tracking_number=tracking,
            units=shipped,
        )
    )
    order.touch(at)
