"""Turns an order node selected by the `OrderFields` fragment into the domain `Order`.

Money becomes `Decimal` with its currency code, timestamps aware UTC datetimes. A node whose
nested lists were cut short by their page size is still mapped; `is_truncated` tells the
caller to read it again in full with the `order` document before acting on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    Customer,
    FinancialStatus,
    Fulfillment,
    FulfillmentLine,
    FulfillmentOrder,
    FulfillmentOrderLine,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    ReturnStatus,
    RiskLevel,
    Transaction,
)
from cancelapp.shopify.errors import MalformedResponse

Node = Mapping[str, Any]

_RISK_RANK = [RiskLevel.NONE, RiskLevel.LOW, RiskLevel.PENDING, RiskLevel.MEDIUM, RiskLevel.HIGH]
_RISK_BY_RECOMMENDATION = {
    "CANCEL": RiskLevel.HIGH,
    "INVESTIGATE": RiskLevel.MEDIUM,
    "ACCEPT": RiskLevel.LOW,
    "NONE": RiskLevel.NONE,
}


def order_from_node(node: Node) -> Order:
    try:
        return _order(node)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        order_id = node.get("id") if isinstance(node, Mapping) else None
        raise MalformedResponse(f"order {order_id}: {exc!r}") from None


def is_truncated(node: Node) -> bool:
    """True when the node holds only the first page of its line items, fulfillment orders
    (or their lines)."""
    connections = [node.get("lineItems"), node.get("fulfillmentOrders")]
    connections += [fo.get("lineItems") for fo in _nodes(node.get("fulfillmentOrders"))]
    return any(_has_next_page(c) for c in connections)


def parse_datetime(value: str) -> datetime:
    """Shopify's ISO 8601 timestamps (`2026-11-20T10:00:00Z`) as aware UTC datetimes."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp without a zone: {value!r}")
    return parsed.astimezone(UTC)


def _order(node: Node) -> Order:
    return Order(
        id=node["id"],
        name=node["name"],
        created_at=parse_datetime(node["createdAt"]),
        updated_at=parse_datetime(node["updatedAt"]),
        # nullable in the schema: unknown, never guessed (the policy engine says Review)
        financial_status=FinancialStatus(node.get("displayFinancialStatus") or "UNKNOWN"),
        fulfillment_status=FulfillmentStatus(node["displayFulfillmentStatus"]),
        total=_shop_money(node["currentTotalPriceSet"]),
        presentment_currency=node["presentmentCurrencyCode"],
        customer=_customer(node.get("customer")),
        email=node.get("email"),
        line_items=tuple(_line_item(li) for li in _nodes(node.get("lineItems"))),
        fulfillment_orders=tuple(
            _fulfillment_order(fo) for fo in _nodes(node.get("fulfillmentOrders"))
        ),
        transactions=tuple(_transaction(t) for t in node.get("transactions") or ()),
        tags=tuple(node.get("tags") or ()),
        gateways=tuple(node.get("paymentGatewayNames") or ()),
        risk_level=_risk_level(node.get("risk")),
        return_status=ReturnStatus(node.get("returnStatus") or "NO_RETURN"),
        cancelled_at=_optional_datetime(node.get("cancelledAt")),
        closed_at=_optional_datetime(node.get("closedAt")),
        test=bool(node.get("test")),
        note=node.get("note"),
        custom_attributes={
            str(a["key"]): str(a.get("value") or "") for a in node.get("customAttributes") or ()
        },
        total_refunded=_shop_money(node["totalRefundedSet"])
        if node.get("totalRefundedSet")
        else None,
        locale=node.get("customerLocale"),
        shipping_country=(node.get("shippingAddress") or {}).get("countryCodeV2"),
        company=_company(node),
        fulfillments=tuple(_fulfillment(f) for f in node.get("fulfillments") or ()),
        refunded_shipping=_shop_money(node["totalRefundedShippingSet"])
        if node.get("totalRefundedShippingSet")
        else None,
        original_total=_shop_money(node["totalPriceSet"]) if node.get("totalPriceSet") else None,
        shipping_left=_shipping_left(node),
        taxes_included=node.get("taxesIncluded"),
        duties_or_tips=_duties_or_tips(node),
    )


def _duties_or_tips(node: Node) -> bool | None:
    if "totalTipReceivedSet" not in node or "currentTotalDutiesSet" not in node:
        return None
    duties = node["currentTotalDutiesSet"]  # null: no duties
    return not _shop_money(node["totalTipReceivedSet"]).is_zero() or (
        bool(duties) and not _shop_money(duties).is_zero()
    )


def _shipping_left(node: Node) -> Money | None:
    """The shipping not refunded yet, in the customer's currency: read as such, or in the
    shop's currency when the customer paid in it (a cache from before it was read)."""
    bag = node.get("currentShippingPriceSet")
    if not bag:
        return None
    amount = bag.get("presentmentMoney")
    if amount is None:
        amount = bag.get("shopMoney")
        if amount is None or amount.get("currencyCode") != node.get("presentmentCurrencyCode"):
            return None
    return Money.from_shopify(amount)


def _company(node: Node) -> str | None:
    for address in (node.get("shippingAddress"), node.get("billingAddress")):
        company = (address or {}).get("company")
        if company and str(company).strip():
            return str(company).strip()
    return None


def _fulfillment(node: Node) -> Fulfillment:
    return Fulfillment(
        id=node["id"],
        status=node["status"],
        delivered_at=_optional_datetime(node.get("deliveredAt")),
        lines=tuple(
            FulfillmentLine(line["id"], line["lineItem"]["id"], int(line["quantity"]))
            for line in _nodes(node.get("fulfillmentLineItems"))
        ),
    )


def _customer(node: Node | None) -> Customer | None:
    if not node:
        return None
    email = node.get("defaultEmailAddress") or {}
    return Customer(
        id=node.get("id"),
        display_name=node.get("displayName") or "",
        email=email.get("emailAddress"),
        locale=node.get("locale"),
        tags=tuple(node.get("tags") or ()),
    )


def _line_item(node: Node) -> LineItem:
    variant = node.get("variant") or {}
    inventory_item = variant.get("inventoryItem") or {}
    product = node.get("product") or {}
    return LineItem(
        id=node["id"],
        title=node["title"],
        sku=node.get("sku") or None,
        quantity=int(node["quantity"]),
        current_quantity=int(node["currentQuantity"]),
        unfulfilled_quantity=int(node["unfulfilledQuantity"]),
        refundable_quantity=int(node["refundableQuantity"]),
        restockable=bool(node["restockable"]),
        unit_price=_shop_money(node["discountedUnitPriceAfterAllDiscountsSet"]),
        inventory_item_id=inventory_item.get("id"),
        product_tags=tuple(product.get("tags") or ()),
    )


def _fulfillment_order(node: Node) -> FulfillmentOrder:
    assigned = node.get("assignedLocation") or {}
    location = assigned.get("location") or {}
    service = location.get("fulfillmentService") or {}
    return FulfillmentOrder(
        id=node["id"],
        status=FulfillmentOrderStatus(node["status"]),
        request_status=node["requestStatus"],
        location_id=location.get("id"),
        location_name=assigned.get("name"),
        fulfillment_service=service.get("handle"),
        hold_reasons=tuple(h["reason"] for h in node.get("fulfillmentHolds") or ()),
        hold_handles=tuple(h.get("handle") for h in node.get("fulfillmentHolds") or ()),
        lines=tuple(
            FulfillmentOrderLine(
                line_item_id=line["lineItem"]["id"],
                remaining_quantity=int(line["remainingQuantity"]),
            )
            for line in _nodes(node.get("lineItems"))
        ),
    )


def _transaction(node: Node) -> Transaction:
    parent = node.get("parentTransaction") or {}
    return Transaction(
        id=node["id"],
        kind=node["kind"],
        status=node["status"],
        gateway=node.get("gateway") or "",
        amount=Money.from_shopify(node["amountSet"]["presentmentMoney"]),
        parent_id=parent.get("id"),
        processed_at=_optional_datetime(node.get("processedAt")),
        fees=tuple(Money.from_shopify(fee["amount"]) for fee in node["fees"])
        if isinstance(node.get("fees"), list)
        else None,
    )


def _risk_level(risk: Node | None) -> RiskLevel:
    """The highest assessed level; Shopify's recommendation when nothing was assessed."""
    if not risk:
        return RiskLevel.NONE
    levels = [RiskLevel(a["riskLevel"]) for a in risk.get("assessments") or ()]
    if levels:
        return max(levels, key=_RISK_RANK.index)
    return _RISK_BY_RECOMMENDATION.get(str(risk.get("recommendation")), RiskLevel.NONE)


def _shop_money(bag: Node) -> Money:
    return Money.from_shopify(bag["shopMoney"])


def _optional_datetime(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def _nodes(connection: Any) -> list[Node]:
    if not isinstance(connection, Mapping):
        return []
    if "nodes" in connection:
        return list(connection["nodes"] or ())
    return [edge["node"] for edge in connection.get("edges") or ()]


def _has_next_page(connection: Any) -> bool:
    if not isinstance(connection, Mapping):
        return False
    info = connection.get("pageInfo") or {}
    return bool(info.get("hasNextPage"))
