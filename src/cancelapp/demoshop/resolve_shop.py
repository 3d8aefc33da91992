"""Resolvers for the shop, its locations, catalogue, customers, jobs and `node(id:)`."""

from __future__ import annotations

from typing import Any

from cancelapp.demoshop.cancellation import CancelJob
from cancelapp.demoshop.context import Info, context_of, store_of
from cancelapp.demoshop.ids import gid, parse_gid
from cancelapp.demoshop.model import (
    Customer,
    Fulfillment,
    FulfillmentHold,
    FulfillmentOrder,
    Location,
    Metafield,
    Order,
    Product,
    RequestedOrderEdit,
    Variant,
)
from cancelapp.demoshop.resolve_orders import Resolver
from cancelapp.demoshop.shapes import connection, timestamp
from cancelapp.demoshop.store import ShopStore


def shop(_root: Any, info: Info, **_: Any) -> dict[str, Any]:
    store = store_of(info)
    data = store.info
    return {
        "id": gid("Shop", 1),
        "name": data.name,
        "myshopifyDomain": data.myshopify_domain,
        "email": data.email,
        "currencyCode": data.currency_code,
        "ianaTimezone": data.iana_timezone,
        "plan": {
            "publicDisplayName": data.plan_name,
            "shopifyPlus": False,
            "partnerDevelopment": False,
        },
    }


def current_app_installation(_root: Any, info: Info, **_: Any) -> dict[str, Any]:
    scopes = sorted(context_of(info).scopes)
    return {
        "id": gid("AppInstallation", 1),
        "accessScopes": [{"handle": s, "description": None} for s in scopes],
    }


def locations(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    found = [
        loc
        for loc in store_of(info).locations.values()
        if loc.is_active or args.get("includeInactive")
    ]
    return connection(found, args, lambda loc: [loc.id])


def job(_root: Any, info: Info, **args: Any) -> CancelJob | None:
    parsed = parse_gid(args["id"])
    if parsed is None or parsed[0] != "Job":
        return None
    found = store_of(info).jobs.get(parsed[1])
    return found if isinstance(found, CancelJob) else None


def node(_root: Any, info: Info, **args: Any) -> Any:
    return find_node(store_of(info), args["id"])


def find_node(store: ShopStore, node_id: str) -> Any:
    parsed = parse_gid(node_id)
    if parsed is None:
        return None
    kind, number = parsed
    if kind == "OrderCancelJobResult":
        return store.jobs.get(number)
    if not number.isdigit():
        return None
    wanted = NODE_KINDS.get(kind)
    if wanted is Order:
        return store.orders.get(int(number))
    if wanted is Location:
        return store.locations.get(int(number))
    return store.find(int(number), wanted) if wanted is not None else None


NODE_KINDS: dict[str, type] = {
    "Order": Order,
    "Location": Location,
    "FulfillmentOrder": FulfillmentOrder,
    "RequestedOrderEdit": RequestedOrderEdit,
}


def return_policy_profiles(_root: Any, info: Info, **args: Any) -> dict[str, Any]:
    rules = store_of(info).edit_rules
    profile = {
        "id": gid("ReturnPolicyProfile", 1),
        "name": None,
        "default": True,
        "editRules": {
            "canAcceptEdits": rules.can_accept_edits,
            "editWindowMinutes": rules.edit_window_minutes,
        },
    }
    return connection([profile], args, lambda p: [1])


QUERY_ROOT: dict[str, Resolver] = {
    "shop": shop,
    "currentAppInstallation": current_app_installation,
    "locations": locations,
    "job": job,
    "node": node,
    "returnPolicyProfiles": return_policy_profiles,
}

LOCATION: dict[str, Resolver] = {
    "id": lambda loc, *_: gid("Location", loc.id),
    "isFulfillmentService": lambda loc, *_: loc.is_fulfillment_service,
    "fulfillmentService": lambda loc, *_: (
        {"handle": loc.fulfillment_service, "serviceName": loc.service_name}
        if loc.fulfillment_service
        else None
    ),
}

CUSTOMER: dict[str, Resolver] = {
    "id": lambda c, *_: gid("Customer", c.id),
    "displayName": lambda c, *_: c.display_name,
    "firstName": lambda c, *_: c.first_name,
    "lastName": lambda c, *_: c.last_name,
    "defaultEmailAddress": lambda c, *_: {"emailAddress": c.email},
}

METAFIELD: dict[str, Resolver] = {"id": lambda m, *_: gid("Metafield", m.id)}
PRODUCT: dict[str, Resolver] = {"id": lambda p, *_: gid("Product", p.id)}
VARIANT: dict[str, Resolver] = {
    "id": lambda v, *_: gid("ProductVariant", v.id),
    "inventoryItem": lambda v, *_: {"id": gid("InventoryItem", v.inventory_item_id)},
}
FULFILLMENT_HOLD: dict[str, Resolver] = {
    "id": lambda h, *_: gid("FulfillmentHold", h.id),
    "reasonNotes": lambda h, *_: h.reason_notes,
}
FULFILLMENT: dict[str, Resolver] = {
    "id": lambda f, *_: gid("Fulfillment", f.id),
    "createdAt": lambda f, *_: timestamp(f.created_at),
    "deliveredAt": lambda f, *_: timestamp(f.delivered_at),
    "fulfillmentLineItems": lambda f, _info, **a: connection(f.lines, a, lambda line: [line.id]),
}

FULFILLMENT_LINE_ITEM: dict[str, Resolver] = {
    "id": lambda line, *_: gid("FulfillmentLineItem", line.id),
    "lineItem": lambda line, info, **_: (
        store_of(info).owner(line.line_item_id).line_item(line.line_item_id)
    ),
}

JOB: dict[str, Resolver] = {
    "id": lambda j, *_: gid("Job", j.uuid),
    "done": lambda j, *_: j.done,
    "query": lambda j, *_: {} if j.done else None,
}

CANCEL_JOB_RESULT: dict[str, Resolver] = {
    "id": lambda j, *_: gid("OrderCancelJobResult", j.uuid),
    "done": lambda j, *_: j.done,
    "status": lambda j, *_: j.status,
    "errors": lambda j, *_: j.errors,
    "order": lambda j, info, **_: store_of(info).orders.get(j.order_id),
}

TYPES_BY_CLASS: dict[type, str] = {
    Location: "Location",
    Customer: "Customer",
    Metafield: "Metafield",
    Product: "Product",
    Variant: "ProductVariant",
    FulfillmentHold: "FulfillmentHold",
    Fulfillment: "Fulfillment",
    CancelJob: "OrderCancelJobResult",
}
