"""Domain orders and requests for the pure planning tests (no Shopify, no disk)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from cancelapp.actions.prepare.suggested_refund import SuggestedRefund
from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    Customer,
    FinancialStatus,
    FulfillmentOrder,
    FulfillmentOrderLine,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    Transaction,
)
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)

PLACED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def line(
    n: int,
    *,
    qty: int = 1,
    unfulfilled: int | None = None,
    price: str = "200.00",
    restockable: bool = True,
) -> LineItem:
    left = qty if unfulfilled is None else unfulfilled
    return LineItem(
        id=f"gid://shopify/LineItem/{n}",
        title=f"Soap {n}",
        sku=f"S-{n}",
        quantity=qty,
        current_quantity=qty,
        unfulfilled_quantity=left,
        refundable_quantity=qty,
        restockable=restockable,
        unit_price=Money.of(price, "DKK"),
        inventory_item_id=f"gid://shopify/InventoryItem/{n}",
    )


def order(
    *lines: LineItem,
    financial: FinancialStatus = FinancialStatus.PAID,
    fulfillment: FulfillmentStatus = FulfillmentStatus.UNFULFILLED,
    service: str | None = None,
    request_status: str = "UNSUBMITTED",
    fo_status: FulfillmentOrderStatus = FulfillmentOrderStatus.OPEN,
    **changes: Any,
) -> Order:
    items = lines or (line(1, qty=2, price="224.50"),)
    total = sum((li.unit_price.amount * li.quantity for li in items), Decimal("0"))
    fo = FulfillmentOrder(
        id="gid://shopify/FulfillmentOrder/1",
        status=fo_status,
        request_status=request_status,
        location_id="gid://shopify/Location/1",
        location_name="Warehouse",
        fulfillment_service=service,
        lines=tuple(FulfillmentOrderLine(li.id, li.unfulfilled_quantity) for li in items),
    )
    base: dict[str, Any] = {
        "id": "gid://shopify/Order/1001",
        "name": "#1001",
        "created_at": PLACED,
        "updated_at": PLACED,
        "financial_status": financial,
        "fulfillment_status": fulfillment,
        "total": Money(total, "DKK"),
        "presentment_currency": "DKK",
        "customer": Customer("gid://shopify/Customer/1", "Ida Jensen", "ida@example.dk", "da-DK"),
        "email": "ida@example.dk",
        "line_items": items,
        "fulfillment_orders": (fo,),
        "transactions": (
            Transaction(
                "gid://shopify/OrderTransaction/1",
                "SALE",
                "SUCCESS",
                "shopify_payments",
                Money(total, "DKK"),
            ),
        ),
        "total_refunded": Money.zero("DKK"),
    }
    base.update(changes)
    return Order(**base)


def request(*, native: str | None = None, lines: tuple[str, ...] = ()) -> CancellationRequest:
    return CancellationRequest(
        id=7,
        store_id=1,
        order_id="gid://shopify/Order/1001",
        order_name="#1001",
        customer_email="ida@example.dk",
        state=RequestState.OPEN,
        messages=(RequestMessage(RequestSource.EMAIL, PLACED, "Please cancel"),),
        native_edit_id=native,
        line_item_ids=lines,
    )


def suggested(
    amount: str,
    *transactions: tuple[str, str],
    lines: tuple[tuple[str, int], ...] = (),
    currency: str = "DKK",
) -> SuggestedRefund:
    txs = transactions or (("shopify_payments", amount),)
    node = {
        "presentmentCurrencyCode": currency,
        "suggestedRefund": {
            "amountSet": {"presentmentMoney": {"amount": amount, "currencyCode": currency}},
            "maximumRefundableSet": {
                "presentmentMoney": {"amount": amount, "currencyCode": currency}
            },
            "refundLineItems": [
                {
                    "lineItem": {"id": li},
                    "quantity": q,
                    "restockType": "CANCEL",
                    "location": {"id": "gid://shopify/Location/1"},
                }
                for li, q in lines
            ],
            "suggestedTransactions": [
                {
                    "gateway": gw,
                    "kind": "SUGGESTED_REFUND",
                    "amountSet": {"presentmentMoney": {"amount": a, "currencyCode": currency}},
                    "parentTransaction": {"id": f"gid://shopify/OrderTransaction/{i + 1}"},
                }
                for i, (gw, a) in enumerate(txs)
            ],
        },
    }
    return SuggestedRefund.from_order_node(node, {"id": "gid://shopify/Order/1001"})
