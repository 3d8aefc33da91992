"""`Order.suggestedRefund` and `refundCreate`: refund what was paid, never more, once per key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cancelapp.demoshop import accounts
from cancelapp.demoshop.context import Info, store_of
from cancelapp.demoshop.idempotency import once
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.ledger import LedgerNotification
from cancelapp.demoshop.model import (
    LineItem,
    Location,
    Order,
    Refund,
    RefundLine,
    Transaction,
    minor_unit_round,
)
from cancelapp.demoshop.refund_money import record_store_credit, refund_to_payment
from cancelapp.demoshop.search import parse_moment
from cancelapp.demoshop.shapes import money_bag
from cancelapp.demoshop.store import ShopStore
from cancelapp.domain.currency_table import MINOR_UNITS

ZERO = Decimal("0")
VAT_SHARE = Decimal("0.2")  # 25 % Danish VAT, included in prices


class RefundRefused(Exception):
    def __init__(self, field_path: list[str] | None, message: str) -> None:
        super().__init__(message)
        self.field_path = field_path
        self.message = message


@dataclass(frozen=True)
class PlannedLine:
    item: LineItem
    quantity: int
    restock_type: str
    location: Location | None


def _amount(value: Any, field_path: list[str], currency: str | None = None) -> Decimal:
    """An input amount; with `currency`, refused when it has more decimals than the currency
    (Shopify refuses "1.5" JPY or "2.1234" KWD; the message wording here is assumed)."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise RefundRefused(field_path, "Amount is not a number.") from None
    if not amount.is_finite():
        raise RefundRefused(field_path, "Amount is not a number.")
    if amount < 0:
        raise RefundRefused(field_path, "Amount must be positive.")
    places = MINOR_UNITS.get(currency) if currency else None
    exponent = amount.normalize().as_tuple().exponent
    if places is not None and isinstance(exponent, int) and -exponent > places:
        raise RefundRefused(
            field_path, f"Amount has more decimal places than {currency} allows ({places})."
        )
    return amount


def _default_location(order: Order, item: LineItem) -> Location | None:
    return next((fo.location for fo in order.fulfillment_orders if item.id in fo.lines), None)


def plan_lines(
    store: ShopStore, order: Order, requested: list[dict[str, Any]] | None, *, suggest_all: bool
) -> list[PlannedLine]:
    if suggest_all and not requested:
        requested = [
            {"lineItemId": gid("LineItem", li.id), "quantity": li.refundable_quantity}
            for li in order.line_items
            if li.refundable_quantity > 0
        ]
    planned = []
    for index, entry in enumerate(requested or []):
        path = ["refundLineItems", str(index)]
        number = gid_number(entry["lineItemId"], "LineItem")
        item = store.find(number, LineItem)
        if item is None or store.owner(item.id) is not order:
            raise RefundRefused([*path, "lineItemId"], "Line item does not exist on this order.")
        quantity = int(entry["quantity"])
        if quantity <= 0 or quantity > item.refundable_quantity:
            raise RefundRefused(
                [*path, "quantity"],
                f"Quantity cannot refund more items than were purchased "
                f"({item.refundable_quantity} refundable).",
            )
        restock_type = entry.get("restockType") or (
            "CANCEL" if item.unfulfilled_quantity >= quantity else "NO_RESTOCK"
        )
        if restock_type == "LEGACY_RESTOCK":
            raise RefundRefused([*path, "restockType"], "Legacy restock is no longer supported.")
        if restock_type == "CANCEL" and quantity > item.unfulfilled_quantity:
            raise RefundRefused(
                [*path, "restockType"], "Cannot cancel more items than are unfulfilled."
            )
        if restock_type == "RETURN" and quantity > item.returnable_quantity:
            raise RefundRefused(
                [*path, "restockType"], "Cannot return more items than were fulfilled."
            )
        location = None
        if restock_type != "NO_RESTOCK":
            location_number = gid_number(entry.get("locationId") or "", "Location")
            location = (
                store.locations.get(location_number)
                if location_number is not None
                else _default_location(order, item)
            )
            if location is None or not location.is_active:
                raise RefundRefused([*path, "locationId"], "Location is not active.")
        planned.append(PlannedLine(item, quantity, restock_type, location))
    return planned


def _allocate(order: Order, amount: Decimal) -> list[tuple[Transaction, Decimal]]:
    """Spread an amount over the payments that can still take refunds, oldest first."""
    left, parts = amount, []
    for payment in accounts.payments(order):
        if left <= 0:
            break
        share = min(accounts.refundable_on(order, payment), left)
        if share > 0:
            parts.append((payment, share))
            left -= share
    return parts


def suggested_refund(order: Order, info: Info, **args: Any) -> dict[str, Any]:
    store = store_of(info)
    try:
        lines = plan_lines(
            store,
            order,
            args.get("refundLineItems"),
            suggest_all=bool(args.get("suggestFullRefund")),
        )
    except RefundRefused:
        lines = []
    shipping_left = order.shipping - accounts.refunded_shipping(order)
    if args.get("shippingAmount") is not None:
        shipping = min(_amount(args["shippingAmount"], ["shippingAmount"]), shipping_left)
    elif args.get("refundShipping") or args.get("suggestFullRefund"):
        shipping = shipping_left
    else:
        shipping = ZERO
    subtotal = sum((p.item.unit_price * p.quantity for p in lines), ZERO)
    maximum = max(accounts.net_received(order), ZERO)
    amount = min(subtotal + shipping, maximum)
    currency = store.info.currency_code

    def bag(value: Decimal) -> dict[str, Any]:
        return money_bag(value, order, currency)

    return {
        "amountSet": bag(amount),
        "maximumRefundableSet": bag(maximum),
        "subtotalSet": bag(subtotal),
        "totalTaxSet": bag(minor_unit_round(amount * VAT_SHARE, order.presentment_currency)),
        "shipping": {"amountSet": bag(shipping), "maximumRefundableSet": bag(shipping_left)},
        "refundLineItems": [
            {
                "lineItem": p.item,
                "quantity": p.quantity,
                "restockType": p.restock_type,
                "location": p.location,
            }
            for p in lines
        ],
        "suggestedTransactions": [
            {
                "gateway": payment.gateway,
                "kind": "SUGGESTED_REFUND",
                "parentTransaction": payment,
                "amountSet": bag(share),
                "maximumRefundableSet": bag(accounts.refundable_on(order, payment)),
            }
            for payment, share in _allocate(order, amount)
        ],
    }


def refund_create(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    refund_input = args["input"]
    return once(
        info,
        refund_input,
        lambda key: _create(store_of(info), refund_input, key),
        lambda: _refused(None, "Idempotency key was already used with different parameters."),
    )


def _refused(field_path: list[str] | None, message: str) -> dict[str, Any]:
    return {
        "refund": None,
        "order": None,
        "userErrors": [{"field": field_path, "message": message}],
    }


def _create(store: ShopStore, refund_input: dict[str, Any], key: str) -> dict[str, Any]:
    order = store.orders.get(gid_number(refund_input["orderId"], "Order") or -1)
    if order is None:
        return _refused(["orderId"], "Order does not exist.")
    try:
        refund = _apply(store, order, refund_input, key)
    except RefundRefused as refused:
        return _refused(refused.field_path, refused.message)
    return {"refund": refund, "order": order, "userErrors": []}


def _apply(store: ShopStore, order: Order, refund_input: dict[str, Any], key: str) -> Refund:
    """Check everything first, then move money and stock; nothing happens on a refusal."""
    currency = refund_input.get("currency")
    if currency is None and order.presentment_currency != store.info.currency_code:
        raise RefundRefused(["currency"], "Currency is required for multi-currency orders.")
    if currency is not None and currency != order.presentment_currency:
        raise RefundRefused(["currency"], "Currency must match the order's presentment currency.")
    lines = plan_lines(store, order, refund_input.get("refundLineItems"), suggest_all=False)
    shipping = _shipping(order, refund_input.get("shipping"))
    payments = _payments(order, refund_input.get("transactions") or [], refund_input)
    methods = refund_input.get("refundMethods") or []
    store_credit = _store_credit(order, methods)
    expires = _store_credit_expiry(methods, now=store.now())
    total = sum((amount for _, amount in payments), ZERO) + store_credit
    if total > accounts.net_received(order) and not refund_input.get("allowOverRefunding"):
        raise RefundRefused(["transactions"], "Refund amount exceeds the amount paid.")

    now = store.now()
    refund = Refund(
        store.new_id(), now, refund_input.get("note"), [], [], store_credit, shipping, expires
    )
    for parent, amount in payments:
        refund_to_payment(store, order, refund, parent, amount, key=key, now=now)
    if store_credit:
        record_store_credit(store, order, refund, key=key, now=now)
    for planned in lines:
        _refund_line(store, order, refund, planned, key)
    order.refunds.append(refund)
    if refund_input.get("notify"):
        store.ledger.record_notification(
            LedgerNotification(
                gid("Order", order.id), order.email, f"Refund for order {order.name}", now
            )
        )
    order.touch(now)
    store.register(order)
    return refund


def _refund_line(
    store: ShopStore, order: Order, refund: Refund, planned: PlannedLine, key: str
) -> None:
    item, quantity = planned.item, planned.quantity
    restocked = planned.location is not None and item.variant is not None
    if restocked and item.variant is not None and planned.location is not None:
        store.adjust_stock(
            item.variant.inventory_item_id,
            planned.location.id,
            quantity,
            order=order,
            idempotency_key=key,
        )
    # Units not yet shipped go first (all of a CANCEL, none of a RETURN); the rest had shipped.
    unshipped = 0 if planned.restock_type == "RETURN" else min(quantity, item.unfulfilled_quantity)
    left = unshipped
    for fo in order.fulfillment_orders:
        if left and fo.remaining.get(item.id):
            taken = min(fo.remaining[item.id], left)
            fo.remaining[item.id] -= taken
            left -= taken
            if not any(fo.remaining.values()) and fo.status in {"OPEN", "ON_HOLD"}:
                fo.status = "CLOSED"
    item.refunded_quantity += quantity
    item.returned_quantity += quantity - unshipped
    refund.lines.append(
        RefundLine(
            item.id,
            quantity,
            planned.restock_type,
            planned.location.id if planned.location else None,
            restocked,
            item.unit_price * quantity,
        )
    )


def _shipping(order: Order, shipping: dict[str, Any] | None) -> Decimal:
    if not shipping:
        return ZERO
    left = order.shipping - accounts.refunded_shipping(order)
    if shipping.get("fullRefund"):
        return left
    amount = _amount(
        shipping.get("amount") or 0, ["shipping", "amount"], order.presentment_currency
    )
    if amount > left:
        raise RefundRefused(["shipping", "amount"], "Shipping refund exceeds what was charged.")
    return amount


def _payments(
    order: Order, transactions: list[dict[str, Any]], refund_input: dict[str, Any]
) -> list[tuple[Transaction, Decimal]]:
    planned: list[tuple[Transaction, Decimal]] = []
    for index, entry in enumerate(transactions):
        path = ["transactions", str(index)]
        if entry["kind"] != "REFUND":
            raise RefundRefused([*path, "kind"], "Only REFUND transactions can be created here.")
        amount = _amount(entry["amount"], [*path, "amount"], order.presentment_currency)
        parent_number = gid_number(entry.get("parentId") or "", "OrderTransaction")
        parent = next((p for p in accounts.payments(order) if p.id == parent_number), None)
        if parent is None:
            candidates = [p for p in accounts.payments(order) if p.gateway == entry["gateway"]]
            parent = candidates[0] if candidates else None
        if parent is None or parent.gateway != entry["gateway"]:
            raise RefundRefused([*path, "parentId"], "No payment to refund through this gateway.")
        already = sum((a for p, a in planned if p is parent), ZERO)
        if amount + already > accounts.refundable_on(order, parent) and not refund_input.get(
            "allowOverRefunding"
        ):
            raise RefundRefused(
                [*path, "amount"], "Refund amount exceeds what this payment can refund."
            )
        if amount > 0:
            planned.append((parent, amount))
    return planned


def _store_credit_expiry(methods: list[dict[str, Any]], *, now: datetime) -> datetime | None:
    for index, method in enumerate(methods):
        text = (method.get("storeCreditRefund") or {}).get("expiresAt")
        if not text:
            continue
        expires = parse_moment(text)
        if expires is None or expires <= now:
            raise RefundRefused(
                ["refundMethods", str(index), "storeCreditRefund", "expiresAt"],
                "Store credit expiry date must be in the future.",
            )
        return expires
    return None


def _store_credit(order: Order, methods: list[dict[str, Any]]) -> Decimal:
    total = ZERO
    for index, method in enumerate(methods):
        credit = method.get("storeCreditRefund")
        if not credit:
            continue
        if order.customer is None:
            raise RefundRefused(
                ["refundMethods", str(index)], "Store credit needs a customer on the order."
            )
        money = credit["amount"]
        if money.get("currencyCode") != order.presentment_currency:
            raise RefundRefused(
                ["refundMethods", str(index), "amount"],
                "Store credit must be in the order's currency.",
            )
        total += _amount(
            money["amount"], ["refundMethods", str(index), "amount"], order.presentment_currency
        )
    return total
