"""The demo shop's executable schemas, built from the checked-in subsets of Shopify's schema.

`schema_{version}.graphql` is written by `scripts/derive_demo_schema.py`; resolvers are attached
here. Plain attributes resolve by name (`displayName` reads `display_name`); everything else has
a resolver, and fields that need an access scope check it first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
)

from cancelapp.demoshop import (
    bulk_operations,
    fulfillment,
    inventory,
    inventory_levels,
    order_cancel,
    order_updates,
    refunds,
    requested_edits,
    resolve_orders,
    resolve_shop,
    resolve_view,
    returns,
)
from cancelapp.demoshop.context import Info, access_denied, context_of
from cancelapp.demoshop.ids import gid

VERSIONS = ("2026-10",)  # `unstable` is no longer served: nothing of CancelApp's uses it

RESOLVERS: dict[str, dict[str, Callable[..., Any]]] = {
    "QueryRoot": {
        **resolve_shop.QUERY_ROOT,
        "orders": resolve_orders.orders,
        "order": resolve_orders.order_by_id,
        "ordersCount": resolve_orders.orders_count,
        "requestedOrderEditCalculate": requested_edits.requested_order_edit_calculate,
        "bulkOperation": bulk_operations.bulk_operation,
        "inventoryItem": inventory_levels.inventory_item,
    },
    "Mutation": {
        "orderCancel": order_cancel.order_cancel,
        "refundCreate": refunds.refund_create,
        "inventoryAdjustQuantities": inventory.inventory_adjust_quantities,
        "tagsAdd": order_updates.tags_add,
        "tagsRemove": order_updates.tags_remove,
        "orderUpdate": order_updates.order_update,
        "fulfillmentOrderHold": fulfillment.fulfillment_order_hold,
        "fulfillmentOrderReleaseHold": fulfillment.fulfillment_order_release_hold,
        "fulfillmentOrderSubmitCancellationRequest": (
            fulfillment.fulfillment_order_submit_cancellation_request
        ),
        "requestedOrderEditDecline": requested_edits.requested_order_edit_decline,
        "requestedOrderEditResolve": requested_edits.requested_order_edit_resolve,
        "returnCreate": returns.return_create,
        "bulkOperationRunQuery": bulk_operations.bulk_operation_run_query,
        "bulkOperationCancel": bulk_operations.bulk_operation_cancel,
    },
    "Order": {
        **resolve_orders.ORDER,
        **resolve_view.ORDER,
        "suggestedRefund": refunds.suggested_refund,
    },
    "LineItem": {**resolve_orders.LINE_ITEM, **resolve_view.LINE_ITEM},
    "FulfillmentOrder": resolve_orders.FULFILLMENT_ORDER,
    "OrderTransaction": {**resolve_orders.TRANSACTION, **resolve_view.TRANSACTION},
    "Refund": resolve_orders.REFUND,
    "RequestedOrderEdit": resolve_orders.REQUESTED_EDIT,
    "RequestedOrderEditLineItems": resolve_orders.REQUESTED_EDIT_LINE_ITEMS,
    "RequestedOrderEditLineItem": resolve_orders.REQUESTED_EDIT_LINE,
    "CalculatedRequestedOrderEditLineItems": requested_edits.CALCULATED_LINE_ITEMS,
    "Location": resolve_shop.LOCATION,
    "InventoryItem": inventory_levels.INVENTORY_ITEM,
    "Customer": {**resolve_shop.CUSTOMER, **resolve_view.CUSTOMER},
    "Metafield": resolve_shop.METAFIELD,
    "Product": resolve_shop.PRODUCT,
    "ProductVariant": {**resolve_shop.VARIANT, **resolve_view.VARIANT},
    "FulfillmentHold": resolve_shop.FULFILLMENT_HOLD,
    "Fulfillment": {**resolve_shop.FULFILLMENT, **resolve_view.FULFILLMENT},
    "FulfillmentLineItem": resolve_shop.FULFILLMENT_LINE_ITEM,
    "Return": {"id": lambda r, *_: gid("Return", r.id)},
    "Job": resolve_shop.JOB,
    "OrderCancelJobResult": resolve_shop.CANCEL_JOB_RESULT,
}

# Shopify's access scopes per field; a `write_` scope includes its `read_`.
SCOPES: dict[tuple[str, str], str] = {
    ("QueryRoot", "orders"): "read_orders",
    ("QueryRoot", "order"): "read_orders",
    ("QueryRoot", "ordersCount"): "read_orders",
    ("QueryRoot", "locations"): "read_locations",
    ("QueryRoot", "inventoryItem"): "read_inventory",
    ("Order", "customer"): "read_customers",
    ("Order", "fulfillmentOrders"): "read_merchant_managed_fulfillment_orders",
    ("Mutation", "orderCancel"): "write_orders",
    ("Mutation", "refundCreate"): "write_orders",
    ("Mutation", "tagsAdd"): "write_orders",
    ("Mutation", "tagsRemove"): "write_orders",
    ("Mutation", "orderUpdate"): "write_orders",
    ("QueryRoot", "requestedOrderEditCalculate"): "read_orders",
    ("QueryRoot", "returnPolicyProfiles"): "read_legal_policies",
    ("Mutation", "requestedOrderEditDecline"): "write_orders",
    ("Mutation", "requestedOrderEditResolve"): "write_orders",
    ("Mutation", "returnCreate"): "write_returns",
    ("Mutation", "inventoryAdjustQuantities"): "write_inventory",
    ("Mutation", "fulfillmentOrderHold"): "write_merchant_managed_fulfillment_orders",
    ("Mutation", "fulfillmentOrderReleaseHold"): "write_merchant_managed_fulfillment_orders",
    ("Mutation", "fulfillmentOrderSubmitCancellationRequest"): (
        "write_third_party_fulfillment_orders"
    ),
}

TYPES_BY_CLASS = {**resolve_orders.TYPES_BY_CLASS, **resolve_shop.TYPES_BY_CLASS}


def sdl(version: str) -> str:
    return files("cancelapp.demoshop").joinpath(f"schema_{version}.graphql").read_text("utf-8")


@cache
def executable_schema(version: str) -> GraphQLSchema:
    """Built once per process (about a third of a second each)."""
    schema = build_schema(sdl(version))
    for type_name, resolvers in RESOLVERS.items():
        graphql_type = schema.get_type(type_name)
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, resolver in resolvers.items():
            field_def = graphql_type.fields.get(field_name)
            if field_def is not None:
                field_def.resolve = _scoped(resolver, SCOPES.get((type_name, field_name)))
    for (owner_name, scoped_field), scope in SCOPES.items():
        owner = schema.get_type(owner_name)
        if isinstance(owner, GraphQLObjectType) and scoped_field in owner.fields:
            field_def = owner.fields[scoped_field]
            if field_def.resolve is None:
                field_def.resolve = _scoped(default_field_resolver, scope)
    for graphql_type in schema.type_map.values():
        if isinstance(graphql_type, GraphQLInterfaceType | GraphQLUnionType):
            graphql_type.resolve_type = resolve_type
    return schema


def _scoped(resolver: Callable[..., Any], scope: str | None) -> Callable[..., Any]:
    if scope is None:
        return resolver
    read_scope = scope.replace("write_", "read_")

    def checked(source: Any, info: Info, **args: Any) -> Any:
        granted = context_of(info).scopes
        allowed = scope in granted or (
            scope.startswith("read_") and scope.replace("read_", "write_") in granted
        )
        if not allowed:
            raise access_denied(
                info.field_name, scope if scope.startswith("write_") else read_scope
            )
        return resolver(source, info, **args)

    return checked


@lru_cache(maxsize=512)
def snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def default_field_resolver(source: Any, info: Info, **_: Any) -> Any:
    """Dicts by key, model objects by the snake_case attribute."""
    if isinstance(source, Mapping):
        return source.get(info.field_name)
    return getattr(source, snake_case(info.field_name), None)


def resolve_type(value: Any, *_: Any) -> str | None:
    if isinstance(value, Mapping):
        typename = value.get("__typename")
        return typename if isinstance(typename, str) else None
    return TYPES_BY_CLASS.get(type(value))
