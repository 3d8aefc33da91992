"""Resolvers for orders and what hangs off them (line items, fulfilment orders, money)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from cancelapp.demoshop import accounts
from cancelapp.demoshop.context import Info, context_of, store_of
from cancelapp.demoshop.ids import gid, gid_number
from cancelapp.demoshop.model import (
    FulfillmentOrder,
    LineItem,
    Order,
    Refund,
    RequestedOrderEdit,
    RequestedOrderEditLine,
    Transaction,
    shop_amount,
)
from cancelapp.demoshop.search import id_range, order_filter, required_tag
from cancelapp.demoshop.shapes import connection, keyed_connection, money_bag, timestamp

Resolver = Callable[..., Any]
ALL_ORDERS_WINDOW = timedelta(days=60)

# Cheap, JSON-safe sort values (cursors carry them): timestamps as epoch seconds.
SORT_KEYS: dict[str, Callable[[Order], Any]] = {
    "UPDATED_AT": lambda o: int(o.updated_at.timestamp()),
    "CREATED_AT": lambda o: int(o.created_at.timestamp()),
    "PROCESSED_AT": lambda o: int(o.created_at.timestamp()),
    "ORDER_NUMBER": lambda o: o.number,
    "ID": lambda o: o.id,
    "TOTAL_PRICE": lambda o: int(shop_amount(accounts.current_total(o), o.rate) * 100),
    "CUSTOMER_NAME": lambda o: o.customer.display_name if o.customer else "",
    "FINANCIAL_STATUS": accounts.financial_status,
    "FULFILLMENT_STATUS": accounts.fulfillment_status,
}


def visible_orders(info: Info, among: list[Order] | None = None) -> list[Order]:
    """Without `read_all_orders` an app sees only the last 60 days of orders (of `among`, by
    default all)."""
    store = store_of(info)
    pool = list(store.orders.values()) if among is None else among
    if "read_all_orders" in context_of(info).scopes:
        return pool
    since = store.now() - ALL_ORDERS_WINDOW
    return [o for o in pool if o.created_at >= since]


def orders(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    sort = SORT_KEYS.get(args.get("sortKey") or "PROCESSED_AT", SORT_KEYS["ID"])
    store = store_of(info)
    query = args.get("query")
    matches = order_filter(query, store.ignored_search_fields)
    tag = required_tag(query, store.ignored_search_fields)  # an index, as Shopify's search
    among = store.tagged(tag) if tag is not None else None
    ids = id_range(query, store.ignored_search_fields)  # the same for an id range
    if ids is not None:
        within = store.in_range(*ids) if among is None else among
        among = [o for o in within if ids[0] <= o.id < ids[1]]
    found = [o for o in visible_orders(info, among) if matches(o)]
    reverse = bool(args.get("reverse"))
    keyed = sorted((([sort(o), o.id], o) for o in found), key=lambda pair: pair[0], reverse=reverse)
    return keyed_connection(keyed, args, descending=reverse)


def orders_count(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    matches = order_filter(args.get("query"), store_of(info).ignored_search_fields)
    count = sum(1 for o in visible_orders(info) if matches(o))
    limit = args.get("limit", 10000)
    if limit is not None and count > limit:
        return {"count": limit, "precision": "AT_LEAST"}
    return {"count": count, "precision": "EXACT"}


def order_by_id(_root: Any, info: Info, **args: Any) -> Order | None:
    number = gid_number(args["id"], "Order")
    found = store_of(info).orders.get(number) if number is not None else None
    if found is None or "read_all_orders" in context_of(info).scopes:
        return found
    return found if found.created_at >= store_of(info).now() - ALL_ORDERS_WINDOW else None


def _bag(read: Callable[[Order], Any]) -> Resolver:
    return lambda order, info, **_: money_bag(read(order), order, store_of(info).info.currency_code)


def _list_page(items: list[Any], args: dict[str, Any]) -> list[Any]:
    first = args.get("first")
    return items[:first] if isinstance(first, int) else items


def _metafield(order: Order, _info: Info, **args: Any) -> Any:
    namespace = args.get("namespace") or "$app"
    return next(
        (m for m in order.metafields if m.namespace == namespace and m.key == args["key"]), None
    )


def _metafields(order: Order, _info: Info, **args: Any) -> dict[str, Any]:
    found = [
        m
        for m in order.metafields
        if (not args.get("namespace") or m.namespace == args["namespace"])
        and (not args.get("keys") or f"{m.namespace}.{m.key}" in args["keys"])
    ]
    return connection(found, args, lambda m: [m.id])


def _risk(order: Order, *_: Any) -> dict[str, Any]:
    recommendation = {"HIGH": "CANCEL", "MEDIUM": "INVESTIGATE"}.get(order.risk_level, "ACCEPT")
    return {
        "recommendation": recommendation,
        "assessments": [{"riskLevel": order.risk_level, "facts": []}],
    }


def _address(country: str | None, company: str | None) -> dict[str, Any] | None:
    if country is None:
        return None
    return {"countryCodeV2": country, "company": company}


def _customer(order: Order, *_: Any) -> Any:
    return order.customer


ORDER: dict[str, Resolver] = {
    "id": lambda o, *_: gid("Order", o.id),
    "legacyResourceId": lambda o, *_: str(o.id),
    "name": lambda o, *_: o.name,
    "createdAt": lambda o, *_: timestamp(o.created_at),
    "processedAt": lambda o, *_: timestamp(o.created_at),
    "updatedAt": lambda o, *_: timestamp(o.updated_at),
    "cancelledAt": lambda o, *_: timestamp(o.cancelled_at),
    "cancelReason": lambda o, *_: o.cancel_reason,
    "cancellation": lambda o, *_: {"staffNote": o.staff_note} if o.cancelled_at else None,
    "closed": lambda o, *_: o.closed_at is not None,
    "closedAt": lambda o, *_: timestamp(o.closed_at),
    "customerLocale": lambda o, *_: o.locale,
    "customAttributes": lambda o, *_: [{"key": k, "value": v} for k, v in o.custom_attributes],
    "paymentGatewayNames": lambda o, *_: list(o.payment_gateway_names),
    "currencyCode": lambda o, info, **_: store_of(info).info.currency_code,
    "presentmentCurrencyCode": lambda o, *_: o.presentment_currency,
    "displayFinancialStatus": lambda o, *_: accounts.financial_status(o),
    "displayFulfillmentStatus": lambda o, *_: accounts.fulfillment_status(o),
    "returnStatus": lambda o, *_: o.return_status,
    "capturable": lambda o, *_: bool(accounts.open_authorizations(o)) and o.cancelled_at is None,
    "refundable": lambda o, *_: accounts.net_received(o) > 0,
    "restockable": lambda o, *_: any(
        li.variant is not None and li.refundable_quantity > 0 for li in o.line_items
    ),
    "fullyPaid": lambda o, *_: accounts.outstanding(o) == 0 and accounts.received(o) > 0,
    "unpaid": lambda o, *_: accounts.received(o) == 0,
    "canNotifyCustomer": lambda o, *_: bool(o.email),
    "currentTotalPriceSet": _bag(accounts.current_total),
    "totalPriceSet": _bag(accounts.original_total),
    "totalRefundedSet": _bag(accounts.refunded),
    "totalReceivedSet": _bag(accounts.received),
    "totalOutstandingSet": _bag(accounts.outstanding),
    "totalCapturableSet": _bag(accounts.capturable),
    "customer": _customer,
    "risk": _risk,
    "metafield": _metafield,
    "metafields": _metafields,
    "lineItems": lambda o, _info, **a: connection(o.line_items, a, lambda li: [li.id]),
    "fulfillmentOrders": lambda o, _info, **a: connection(
        o.fulfillment_orders, a, lambda fo: [fo.id]
    ),
    "fulfillments": lambda o, _info, **a: _list_page(o.fulfillments, a),
    "shippingAddress": lambda o, *_: _address(o.shipping_country, o.company),
    "billingAddress": lambda o, *_: _address(o.shipping_country, o.company),
    "transactions": lambda o, _info, **a: _list_page(o.transactions, a),
    "refunds": lambda o, _info, **a: _list_page(o.refunds, a),
    "requestedOrderEdits": lambda o, _info, **a: connection(o.requested_edits, a, lambda e: [e.id]),
    "displayRequestedEditStatus": lambda o, *_: o.display_requested_edit_status,
}


def _order_of_line(info: Info, line: LineItem) -> Order:
    return store_of(info).owner(line.id)


LINE_ITEM: dict[str, Resolver] = {
    "id": lambda li, *_: gid("LineItem", li.id),
    "name": lambda li, *_: li.title,
    "currentQuantity": lambda li, *_: li.current_quantity,
    "unfulfilledQuantity": lambda li, *_: li.unfulfilled_quantity,
    "refundableQuantity": lambda li, *_: li.refundable_quantity,
    "nonFulfillableQuantity": lambda li, *_: 0 if li.variant else li.current_quantity,
    "restockable": lambda li, *_: li.variant is not None,
    "isGiftCard": lambda li, *_: li.gift_card,
    "requiresShipping": lambda li, *_: li.requires_shipping,
    "originalUnitPriceSet": lambda li, info, **_: money_bag(
        li.unit_price, _order_of_line(info, li)
    ),
    "discountedUnitPriceAfterAllDiscountsSet": lambda li, info, **_: money_bag(
        li.unit_price, _order_of_line(info, li)
    ),
    "customAttributes": lambda li, *_: [{"key": k, "value": v} for k, v in li.custom_attributes],
    "product": lambda li, *_: li.variant.product if li.variant else None,
    "variant": lambda li, *_: li.variant,
}

FULFILLMENT_ORDER: dict[str, Resolver] = {
    "id": lambda fo, *_: gid("FulfillmentOrder", fo.id),
    "requestStatus": lambda fo, *_: fo.request_status,
    "updatedAt": lambda fo, *_: timestamp(fo.updated_at),
    "assignedLocation": lambda fo, *_: {"name": fo.location.name, "location": fo.location},
    "fulfillmentHolds": lambda fo, *_: fo.holds,
    "supportedActions": lambda fo, *_: [{"action": a} for a in supported_actions(fo)],
    "lineItems": lambda fo, info, **a: connection(
        [_fo_line(info, fo, line_id) for line_id in fo.lines], a, lambda line: [line["id"]]
    ),
}


def supported_actions(fo: FulfillmentOrder) -> list[str]:
    if fo.status in {"CLOSED", "CANCELLED"}:
        return []
    if fo.status == "ON_HOLD":
        return ["RELEASE_HOLD", "HOLD"]
    if fo.location.is_fulfillment_service:
        if fo.request_status == "ACCEPTED":
            return ["REQUEST_CANCELLATION", "CREATE_FULFILLMENT"]
        if fo.request_status == "SUBMITTED":  # not accepted: cancelled at once, never held
            return ["CANCEL_FULFILLMENT_ORDER"]
        return ["HOLD", "REQUEST_FULFILLMENT"]
    return ["CREATE_FULFILLMENT", "HOLD", "MOVE", "REQUEST_FULFILLMENT"]


def _fo_line(info: Info, fo: FulfillmentOrder, line_id: int) -> dict[str, Any]:
    line = store_of(info).find(line_id, LineItem)
    return {
        "id": gid("FulfillmentOrderLineItem", line_id),
        "remainingQuantity": fo.remaining.get(line_id, 0),
        "totalQuantity": fo.lines[line_id],
        "lineItem": line,
    }


def _transaction_order(info: Info, txn: Transaction) -> Order:
    return store_of(info).owner(txn.id)


GATEWAY_NAMES = {
    "shopify_payments": "Shopify Payments",
    "mobilepay": "MobilePay",
    "manual": "Manual",
    "bogus": "Bogus Gateway",
    "Cash on Delivery (COD)": "Cash on Delivery (COD)",
}

TRANSACTION: dict[str, Resolver] = {
    "id": lambda t, *_: gid("OrderTransaction", t.id),
    "processedAt": lambda t, *_: timestamp(t.processed_at),
    "createdAt": lambda t, *_: timestamp(t.processed_at),
    "formattedGateway": lambda t, *_: GATEWAY_NAMES.get(t.gateway, t.gateway),
    "errorCode": lambda t, *_: t.error_code,
    "parentTransaction": lambda t, info, **_: (
        store_of(info).find(t.parent_id, Transaction) if t.parent_id else None
    ),
    "amountSet": lambda t, info, **_: money_bag(t.amount, _transaction_order(info, t)),
}


def _refund_order(info: Info, refund: Refund) -> Order:
    return store_of(info).owner(refund.id)


REFUND: dict[str, Resolver] = {
    "id": lambda r, *_: gid("Refund", r.id),
    "createdAt": lambda r, *_: timestamp(r.created_at),
    "totalRefundedSet": lambda r, info, **_: money_bag(r.total, _refund_order(info, r)),
    "transactions": lambda r, _info, **a: connection(r.transactions, a, lambda t: [t.id]),
    "refundLineItems": lambda r, info, **a: connection(
        [_refund_line(info, r, index) for index in range(len(r.lines))], a, lambda x: [x["index"]]
    ),
}


def _refund_line(info: Info, refund: Refund, index: int) -> dict[str, Any]:
    store = store_of(info)
    line = refund.lines[index]
    return {
        "index": index,
        "quantity": line.quantity,
        "restockType": line.restock_type,
        "restocked": line.restocked,
        "lineItem": store.find(line.line_item_id, LineItem),
        "location": store.locations.get(line.location_id) if line.location_id else None,
    }


REQUESTED_EDIT: dict[str, Resolver] = {
    "id": lambda e, *_: gid("RequestedOrderEdit", e.id),
    "createdAt": lambda e, *_: timestamp(e.requested_at),
    "requestedAt": lambda e, *_: timestamp(e.requested_at),
    "updatedAt": lambda e, *_: timestamp(e.updated_at),
    "requestResolvedAt": lambda e, *_: timestamp(e.resolved_at),
    "requestDeclinedAt": lambda e, *_: timestamp(e.declined_at),
    "order": lambda e, info, **_: store_of(info).owner(e.id),
    "lineItems": lambda e, *_: {"removals": e},
}

REQUESTED_EDIT_LINE_ITEMS: dict[str, Resolver] = {
    "removals": lambda group, _info, **a: connection(
        group["removals"].lines, a, lambda line: [line.id]
    ),
}

REQUESTED_EDIT_LINE: dict[str, Resolver] = {
    "id": lambda line, *_: gid("RequestedOrderEditLineItem", line.id),
    "resolvedQuantity": lambda line, *_: line.resolved_quantity,
    "lineItem": lambda line, info, **_: store_of(info).find(line.line_item_id, LineItem),
}

TYPES_BY_CLASS: dict[type, str] = {
    Order: "Order",
    LineItem: "LineItem",
    FulfillmentOrder: "FulfillmentOrder",
    Transaction: "OrderTransaction",
    Refund: "Refund",
    RequestedOrderEdit: "RequestedOrderEdit",
    RequestedOrderEditLine: "RequestedOrderEditLineItem",
}
