"""Turns the `OrderView` fields of an order node (and the `OrderFields` they extend) into the
domain `OrderView` the detail pane shows.

Event messages are Shopify's `FormattedString` (HTML): they become plain text here, tags
dropped and entities decoded, so no markup ever reaches a label.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.order_view import (
    CustomerRecord,
    Hold,
    ItemLook,
    OrderView,
    Payment,
    Shipment,
    ShopifyEvent,
    TaxLine,
)
from cancelapp.shopify.errors import MalformedResponse
from cancelapp.shopify.order_mapping import parse_datetime

Node = Mapping[str, Any]
_TAG = re.compile(r"<[^<>]*>")
_DIGITS = re.compile(r"(\d{2,4})\s*$")


def order_view_from_node(node: Node) -> OrderView:
    """The view of a cached order node; `known=False` when it lacks the view's fields.

    Tax lines are the current ones (`currentTaxLines`), as every other figure of the view. A
    node cached before CancelApp read them holds only the original `taxLines`: those are not
    shown (they would be the VAT of what was refunded or cancelled), so its taxes show as the
    one current total (`currentTotalTaxSet`) until the order is read again."""
    if "taxesIncluded" not in node:
        return OrderView()
    try:
        return _view(node)
    except (KeyError, TypeError, ValueError, AttributeError, InvalidOperation) as exc:
        raise MalformedResponse(f"order {node.get('id')}: {exc!r}") from None


def plain_text(formatted: str) -> str:
    """Shopify's formatted (HTML) text as plain text, in linear time."""
    return " ".join(html.unescape(_TAG.sub("", formatted)).split())


def _view(node: Node) -> OrderView:
    holds = []
    for fo in _nodes(node.get("fulfillmentOrders")):
        place = (fo.get("assignedLocation") or {}).get("name")
        for hold in fo.get("fulfillmentHolds") or ():
            holds.append(
                Hold(fo["id"], hold.get("id"), hold["reason"], hold.get("reasonNotes"), place)
            )
    events = [
        ShopifyEvent(parse_datetime(e["createdAt"]), plain_text(e.get("message") or ""),
                     e.get("appTitle"))
        for e in _nodes(node.get("events"))
    ]  # fmt: skip
    events.sort(key=lambda event: event.at)
    return OrderView(
        known=True,
        items={
            li["id"]: ItemLook(li.get("variantTitle") or None, (li.get("image") or {}).get("url"))
            for li in _nodes(node.get("lineItems"))
        },
        subtotal=_money(node.get("currentSubtotalPriceSet")),
        shipping=_money(node.get("currentShippingPriceSet")),
        shipping_titles=tuple(
            str(line["title"]) for line in _nodes(node.get("shippingLines")) if line.get("title")
        ),
        tax=_money(node.get("currentTotalTaxSet")),
        taxes_included=bool(node.get("taxesIncluded")),
        tax_lines=tuple(
            TaxLine(
                str(line.get("title") or ""),
                _decimal(line.get("ratePercentage")),
                Money.from_shopify(line["priceSet"]["shopMoney"]),
            )
            for line in node.get("currentTaxLines") or ()
        ),
        payments=tuple(_payment(t) for t in node.get("transactions") or ()),
        shipments=tuple(
            Shipment(
                _when(f.get("createdAt")),
                f.get("displayStatus"),
                info.get("company"),
                info.get("number"),
                info.get("url"),
            )
            for f in node.get("fulfillments") or ()
            for info in (f.get("trackingInfo") or [{}])
        ),
        holds=tuple(holds),
        customer=_customer(node.get("customer"), node.get("email")),
        events=tuple(events),
    )


def _payment(node: Node) -> Payment:
    details = node.get("paymentDetails") or {}
    number = details.get("number") or ""
    digits = _DIGITS.search(number)
    return Payment(
        kind=node["kind"],
        status=node["status"],
        gateway=node.get("gateway") or "",
        gateway_name=node.get("formattedGateway") or None,
        card_company=details.get("company") or None,
        card_last_digits=digits.group(1) if digits else None,
        wallet=details.get("wallet") or None,
        amount=Money.from_shopify(node["amountSet"]["presentmentMoney"]),
        processed_at=_when(node.get("processedAt")),
    )


def _customer(node: Node | None, order_email: str | None) -> CustomerRecord | None:
    if not node:
        return None
    email = (node.get("defaultEmailAddress") or {}).get("emailAddress")
    spent = node.get("amountSpent")
    orders = node.get("numberOfOrders")
    return CustomerRecord(
        name=node.get("displayName") or "",
        email=email or order_email,
        address=tuple(
            str(line) for line in (node.get("defaultAddress") or {}).get("formatted") or ()
        ),
        orders=int(orders) if orders is not None else None,
        spent=Money.from_shopify(spent) if spent else None,
        tags=tuple(node.get("tags") or ()),
        note=node.get("note") or None,
    )


def _money(bag: Node | None) -> Money | None:
    return Money.from_shopify(bag["shopMoney"]) if bag else None


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _when(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def _nodes(connection: Any) -> list[Node]:
    if not isinstance(connection, Mapping):
        return []
    if "nodes" in connection:
        return list(connection["nodes"] or ())
    return [edge["node"] for edge in connection.get("edges") or ()]
