"""Resolvers for what the Shopify admin shows of an order beside its money and status:
shipping and tax lines, variants and images, card details, tracking, the customer's record
and the order's timeline events (made from the order's own history)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from cancelapp.demoshop import accounts
from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.images import image_path
from cancelapp.demoshop.model import (
    Customer,
    LineItem,
    Order,
    Transaction,
    minor_unit_round,
    shop_amount,
)
from cancelapp.demoshop.payment_fees import transaction_fees
from cancelapp.demoshop.shapes import connection, money, money_bag, timestamp
from cancelapp.demoshop.store import ShopStore

Resolver = Callable[..., Any]
VAT_RATE = Decimal("0.25")  # Danish moms, included in every price
SHIPPING_TITLE = "PostNord MyPack Collect"
CARD = {"company": "Visa", "number": "•••• •••• •••• 4242", "wallet": None}
HOLD_WORDS = {
    "AWAITING_PAYMENT": "awaiting payment",
    "HIGH_RISK_OF_FRAUD": "high risk of fraud",
    "INCORRECT_ADDRESS": "incorrect address",
    "INVENTORY_OUT_OF_STOCK": "inventory out of stock",
    "OTHER": "other",
}


def current_shipping(order: Order) -> Decimal:
    if order.cancelled_at is not None:
        return Decimal("0")
    return order.shipping - accounts.refunded_shipping(order)


def _bag(read: Callable[[Order], Decimal]) -> Resolver:
    return lambda order, info, **_: money_bag(read(order), order, store_of(info).info.currency_code)


def _tax(order: Order, amount: Decimal) -> Decimal:
    """The VAT inside an amount that includes it."""
    return minor_unit_round(amount * VAT_RATE / (1 + VAT_RATE), order.presentment_currency)


def _shipping_lines(order: Order, info: Info, **args: Any) -> dict[str, Any]:
    lines = []
    if order.shipping:
        lines.append({"id": gid("ShippingLine", order.id), "title": SHIPPING_TITLE})
    return connection(lines, args, lambda line: [line["id"]])


def _current_tax(order: Order) -> Decimal:
    """The VAT in what the customer is still paying for (`currentTotalTaxSet`): none once
    cancelled, less by the refunded units' VAT after a refund (`accounts.current_total`)."""
    return _tax(order, accounts.current_total(order))


def _current_tax_lines(order: Order, info: Info, **_: Any) -> list[dict[str, Any]]:
    """`currentTaxLines`: Shopify sums the lines by rate and title, and documents them as
    "after returns" beside `currentTotalTaxSet` ("after returns and refunds"). Assumed where
    the docs are silent: they add up to `currentTotalTaxSet` (refunded units and refunded
    shipping take their VAT with them), and a rate whose every unit went back stays as a line
    of 0 rather than disappearing, as the line items it sums stay on the order."""
    return [
        {
            "title": "Moms",
            "rate": 0.25,
            "ratePercentage": 25.0,
            "priceSet": money_bag(_current_tax(order), order, store_of(info).info.currency_code),
        }
    ]


def _email(order: Order, info: Info, **_: Any) -> str | None:
    return order.email if store_of(info).protected_customer_data else None


def _events(order: Order, info: Info, **args: Any) -> dict[str, Any]:
    events = order_events(store_of(info), order)
    if args.get("reverse"):
        events.reverse()
    reverse = bool(args.get("reverse"))
    return connection(events, args, lambda event: [event["index"]], descending=reverse)


def order_events(store: ShopStore, order: Order) -> list[dict[str, Any]]:
    """What Shopify's timeline says of the order, oldest first."""
    happened: list[tuple[datetime, str]] = []
    who = order.customer.display_name if order.customer else "A customer"
    happened.append((order.created_at, f"{who} placed this order on Online Store."))
    if order.email:
        happened.append((order.created_at, f"Order confirmation email was sent to {order.email}."))
    for txn in order.transactions:
        happened.append((txn.processed_at, _transaction_words(order, txn)))
    for fulfillment in order.fulfillments:
        location = store.locations.get(fulfillment.location_id)
        place = location.name if location else "A location"
        units = fulfillment.units or 1
        happened.append((fulfillment.created_at, f"{place} fulfilled {units} item(s)."))
    for fo in order.fulfillment_orders:
        for hold in fo.holds:
            reason = HOLD_WORDS.get(hold.reason, hold.reason.lower())
            happened.append((fo.updated_at, f"Fulfillment was put on hold: {reason}."))
    if order.cancelled_at is not None:
        happened.append((order.cancelled_at, "Order was canceled."))
    happened.sort(key=lambda pair: pair[0])
    return [
        {
            "__typename": "BasicEvent",
            "index": index,
            "id": gid("BasicEvent", order.id * 1000 + index),
            "createdAt": timestamp(at),
            "message": message,
            "appTitle": None,
        }
        for index, (at, message) in enumerate(happened)
    ]


def _transaction_words(order: Order, txn: Transaction) -> str:
    from cancelapp.demoshop.resolve_orders import GATEWAY_NAMES

    amount = f"{txn.amount:,.2f} {order.presentment_currency}"
    gateway = GATEWAY_NAMES.get(txn.gateway, txn.gateway)
    kind = {
        "SALE": "payment",
        "CAPTURE": "capture",
        "AUTHORIZATION": "authorization",
        "REFUND": "refund",
        "VOID": "void",
    }.get(txn.kind, txn.kind.lower())
    outcome = {"SUCCESS": "was processed", "PENDING": "is pending", "FAILURE": "failed"}.get(
        txn.status, txn.status.lower()
    )
    return f"A {amount} {kind} {outcome} on {gateway}."


ORDER: dict[str, Resolver] = {
    "email": _email,
    "taxesIncluded": lambda order, *_: order.taxes_included,
    "currentTotalDutiesSet": lambda *_: None,  # the demo shop ships at home: no duties
    "totalTipReceivedSet": _bag(lambda _order: Decimal(0)),
    "currentSubtotalPriceSet": _bag(lambda o: accounts.current_total(o) - current_shipping(o)),
    "currentShippingPriceSet": _bag(current_shipping),
    "currentTotalTaxSet": _bag(_current_tax),
    "totalRefundedShippingSet": _bag(accounts.refunded_shipping),
    "shippingLines": _shipping_lines,
    "currentTaxLines": _current_tax_lines,
    "events": _events,
}


def _image(line: LineItem, info: Info, **_: Any) -> dict[str, Any] | None:
    if line.variant is None:
        return None
    product = line.variant.product
    return {"url": store_of(info).base_url + image_path(product.id), "altText": product.title}


LINE_ITEM: dict[str, Resolver] = {
    "variantTitle": lambda li, *_: li.variant.title if li.variant and li.variant.options else None,
    "image": _image,
}

VARIANT: dict[str, Resolver] = {
    "selectedOptions": lambda v, *_: [{"name": n, "value": value} for n, value in v.options],
}

TRANSACTION: dict[str, Resolver] = {
    "fees": transaction_fees,
    "paymentDetails": lambda t, *_: (
        {"__typename": "CardPaymentDetails", **CARD} if t.gateway == "shopify_payments" else None
    ),
}

FULFILLMENT: dict[str, Resolver] = {
    "displayStatus": lambda f, *_, **__: "FULFILLED",
    "trackingInfo": lambda f, *_, **__: (
        [{"company": f.tracking_company, "number": f.tracking_number, "url": f.tracking_url}]
        if f.tracking_number
        else []
    ),
}


def _shown[T](read: Callable[[Customer], T]) -> Resolver:
    """A protected customer field: empty without protected customer data access."""

    def resolve(customer: Customer, info: Info, **_: Any) -> T | None:
        return read(customer) if store_of(info).protected_customer_data else None

    return resolve


def _record(store: ShopStore, customer: Customer) -> tuple[int, Decimal]:
    orders = store.customer_orders.get(customer.id, {}).values()
    spent = sum((shop_amount(accounts.net_received(o), o.rate) for o in orders), Decimal("0"))
    return len(orders), spent


CUSTOMER: dict[str, Resolver] = {
    "displayName": lambda c, info, **_: (
        c.display_name if store_of(info).protected_customer_data else ""
    ),
    "firstName": _shown(lambda c: c.first_name),
    "lastName": _shown(lambda c: c.last_name),
    "defaultEmailAddress": _shown(lambda c: {"emailAddress": c.email}),
    "defaultAddress": _shown(lambda c: {"formatted": list(c.address)} if c.address else None),
    "numberOfOrders": lambda c, info, **_: str(_record(store_of(info), c)[0]),
    "amountSpent": lambda c, info, **_: money(
        _record(store_of(info), c)[1], store_of(info).info.currency_code
    ),
}
