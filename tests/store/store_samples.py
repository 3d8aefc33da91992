"""Domain objects for store tests: orders, fetched snapshots and requests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.domain.money import Money
from cancelapp.domain.order import Customer, FinancialStatus, FulfillmentStatus, Order
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.store.orders import FetchedOrder

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def order_gid(number: int) -> str:
    return f"gid://shopify/Order/{number}"


def make_order(number: int, *, updated: datetime = T0, total: str = "449.00") -> Order:
    return Order(
        id=order_gid(number),
        name=f"#{number}",
        created_at=updated - timedelta(hours=2),
        updated_at=updated,
        financial_status=FinancialStatus.PAID,
        fulfillment_status=FulfillmentStatus.UNFULFILLED,
        total=Money.of(total, "DKK"),
        presentment_currency="DKK",
        customer=Customer(f"gid://shopify/Customer/{number}", f"Kunde {number}", f"c{number}@x.dk"),
        email=f"c{number}@x.dk",
        tags=("cancel-request",),
    )


def fetched(order: Order, at: datetime = T0) -> FetchedOrder:
    node: dict[str, Any] = {
        "id": order.id,
        "name": order.name,
        "updatedAt": order.updated_at.isoformat(),
    }
    return FetchedOrder(order, node, at)


def message(
    text: str = "Please cancel my order",
    *,
    source: RequestSource = RequestSource.EMAIL,
    at: datetime = T0,
    external_id: str | None = None,
    author: str | None = "Kunde",
) -> RequestMessage:
    return RequestMessage(source, at, text, author, external_id)


def draft(
    store_id: int,
    *messages: RequestMessage,
    order_number: int | None = None,
    line_item_ids: tuple[str, ...] = (),
) -> CancellationRequest:
    return CancellationRequest(
        id=None,
        store_id=store_id,
        order_id=None if order_number is None else order_gid(order_number),
        order_name=None if order_number is None else f"#{order_number}",
        customer_email=None if order_number is None else f"c{order_number}@x.dk",
        state=RequestState.OPEN,
        messages=messages or (message(),),
        line_item_ids=line_item_ids,
    )
