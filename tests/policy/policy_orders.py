"""Orders and requests for the policy tests: plain builders and hypothesis strategies."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from cancelapp.domain.money import Money
from cancelapp.domain.order import (
    Customer,
    FinancialStatus,
    FulfillmentOrder,
    FulfillmentOrderStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    ReturnStatus,
    RiskLevel,
    Transaction,
)
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)

PLACED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def line(
    line_id: str = "gid://shopify/LineItem/1",
    *,
    quantity: int = 1,
    fulfilled: int = 0,
    price: str = "100.00",
    currency: str = "DKK",
    tags: tuple[str, ...] = (),
) -> LineItem:
    return LineItem(
        id=line_id,
        title="Mug",
        sku="MUG-1",
        quantity=quantity,
        current_quantity=quantity,
        unfulfilled_quantity=quantity - fulfilled,
        refundable_quantity=quantity,
        restockable=True,
        unit_price=Money(Decimal(price), currency),
        product_tags=tags,
    )


def order(**changes: Any) -> Order:
    """An unfulfilled, paid, low-risk order of 449 DKK placed at `PLACED`."""
    base = Order(
        id="gid://shopify/Order/1001",
        name="#1001",
        created_at=PLACED,
        updated_at=PLACED,
        financial_status=FinancialStatus.PAID,
        fulfillment_status=FulfillmentStatus.UNFULFILLED,
        total=Money(Decimal("449.00"), "DKK"),
        presentment_currency="DKK",
        customer=Customer("gid://shopify/Customer/7", "Ada Lund", "ada@example.com"),
        email="ada@example.com",
        line_items=(line(price="449.00"),),
        gateways=("shopify_payments",),
        risk_level=RiskLevel.LOW,
    )
    return replace(base, **changes)


def hold(
    service: str | None = None,
    status: FulfillmentOrderStatus = FulfillmentOrderStatus.ON_HOLD,
    request_status: str = "UNSUBMITTED",
) -> FulfillmentOrder:
    return FulfillmentOrder(
        id="gid://shopify/FulfillmentOrder/1",
        status=status,
        request_status=request_status,
        location_id=None,
        location_name=None,
        fulfillment_service=service,
    )


def request(
    after: timedelta = timedelta(hours=1), *, lines: tuple[str, ...] = ()
) -> CancellationRequest:
    return CancellationRequest(
        id=1,
        store_id=1,
        order_id="gid://shopify/Order/1001",
        order_name="#1001",
        customer_email="ada@example.com",
        state=RequestState.OPEN,
        messages=(RequestMessage(RequestSource.EMAIL, PLACED + after, "Please cancel"),),
        line_item_ids=lines,
    )


# --- hypothesis strategies -------------------------------------------------------------------

CURRENCIES = st.sampled_from(["DKK", "EUR", "USD", "JPY"])
AMOUNTS = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False)
TAGS = st.lists(
    st.sampled_from(["final-sale", "personalized", "preorder", "VIP", "gift"]), max_size=3
).map(tuple)


@st.composite
def lines(draw: st.DrawFn, currency: str) -> LineItem:
    quantity = draw(st.integers(min_value=0, max_value=5))
    fulfilled = draw(st.integers(min_value=0, max_value=quantity))
    refundable = draw(st.integers(min_value=0, max_value=quantity))
    return LineItem(
        id=f"gid://shopify/LineItem/{draw(st.integers(1, 6))}",
        title="Item",
        sku=None,
        quantity=quantity,
        current_quantity=quantity,
        unfulfilled_quantity=quantity - fulfilled,
        refundable_quantity=refundable,
        restockable=draw(st.booleans()),
        unit_price=Money(draw(AMOUNTS), currency),
        product_tags=draw(TAGS),
    )


@st.composite
def transactions(draw: st.DrawFn, currency: str) -> Transaction:
    return Transaction(
        id=f"gid://shopify/OrderTransaction/{draw(st.integers(1, 9))}",
        kind=draw(st.sampled_from(["SALE", "AUTHORIZATION", "CAPTURE", "REFUND", "VOID"])),
        status=draw(st.sampled_from(["SUCCESS", "SUCCESS", "PENDING", "FAILURE"])),
        gateway="shopify_payments",
        amount=Money(draw(AMOUNTS), currency),
    )


@st.composite
def orders(draw: st.DrawFn) -> Order:
    currency = draw(CURRENCIES)
    paid_in = draw(st.just(currency) | CURRENCIES)  # the customer's currency, often the shop's
    created = PLACED + timedelta(minutes=draw(st.integers(0, 60 * 24 * 30)))
    total = Money(draw(AMOUNTS), currency)
    refunded = draw(st.none() | AMOUNTS.map(lambda a: Money(a, currency)))
    fos = draw(
        st.lists(
            st.builds(
                hold,
                service=st.none() | st.just("acme-3pl"),
                status=st.sampled_from(FulfillmentOrderStatus),
                request_status=st.sampled_from(["UNSUBMITTED", "ACCEPTED", "SUBMITTED"]),
            ),
            max_size=2,
        )
    )
    return Order(
        id="gid://shopify/Order/1",
        name="#1",
        created_at=created,
        updated_at=created,
        financial_status=draw(st.sampled_from(FinancialStatus)),
        fulfillment_status=draw(st.sampled_from(FulfillmentStatus)),
        total=total,
        presentment_currency=paid_in,
        customer=draw(
            st.none() | st.builds(Customer, st.just("c"), st.just("C"), st.none(), tags=TAGS)
        ),
        email=None,
        line_items=tuple(draw(st.lists(lines(currency), max_size=4))),
        fulfillment_orders=tuple(fos),
        tags=draw(TAGS),
        gateways=tuple(
            draw(
                st.lists(
                    st.sampled_from(["shopify_payments", "manual", "Cash on Delivery (COD)"]),
                    max_size=2,
                )
            )
        ),
        risk_level=draw(st.sampled_from(RiskLevel)),
        return_status=draw(st.sampled_from(ReturnStatus)),
        cancelled_at=draw(st.none() | st.just(created + timedelta(hours=2))),
        test=draw(st.booleans()),
        total_refunded=refunded,
        transactions=tuple(draw(st.lists(transactions(paid_in), max_size=3))),
    )


@st.composite
def requests_for(draw: st.DrawFn, placed: datetime) -> CancellationRequest:
    offsets = draw(st.lists(st.integers(-60, 60 * 24 * 10), min_size=1, max_size=3))
    messages = tuple(
        RequestMessage(RequestSource.EMAIL, placed + timedelta(minutes=m), "cancel")
        for m in offsets
    )
    ids = draw(
        st.lists(st.sampled_from([f"gid://shopify/LineItem/{i}" for i in range(1, 8)]), max_size=2)
    )
    return CancellationRequest(
        1,
        1,
        "gid://shopify/Order/1",
        "#1",
        None,
        RequestState.OPEN,
        messages,
        line_item_ids=tuple(ids),
    )
