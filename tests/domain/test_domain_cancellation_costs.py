"""The payment fees a cancelled order cost: known only where Shopify reports them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from cancelapp.domain.cancellation_costs import payment_fees
from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus, FulfillmentStatus, Order, Transaction

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ORDER = Order(
    id="gid://shopify/Order/1",
    name="#1001",
    created_at=T0,
    updated_at=T0,
    financial_status=FinancialStatus.PAID,
    fulfillment_status=FulfillmentStatus.UNFULFILLED,
    total=Money.of("449.00", "DKK"),
    presentment_currency="DKK",
    customer=None,
    email=None,
)


def txn(
    kind: str, gateway: str, fees: tuple[str, ...] | None, status: str = "SUCCESS"
) -> Transaction:
    return Transaction(
        id=f"gid://shopify/OrderTransaction/{kind}{gateway}",
        kind=kind,
        status=status,
        gateway=gateway,
        amount=Money.of("449.00", "DKK"),
        fees=None if fees is None else tuple(Money.of(f, "DKK") for f in fees),
    )


def test_shopify_payments_fees_are_summed_per_currency() -> None:
    order = replace(
        ORDER,
        transactions=(
            txn("AUTHORIZATION", "shopify_payments", ()),
            txn("CAPTURE", "shopify_payments", ("9.88",)),
            txn("SALE", "gift_card", ()),  # no payment provider, no fee
            txn("REFUND", "shopify_payments", ()),
            txn("SALE", "shopify_payments", ("99.00",), status="FAILURE"),  # took nothing
        ),
    )
    assert payment_fees(order) == {"DKK": Decimal("9.88")}


def test_unknown_for_another_provider_or_a_read_without_fees() -> None:
    assert payment_fees(replace(ORDER, transactions=(txn("SALE", "mobilepay", ()),))) is None
    not_read = replace(ORDER, transactions=(txn("SALE", "shopify_payments", None),))
    assert payment_fees(not_read) is None


def test_an_order_that_took_no_money_cost_no_fee() -> None:
    assert payment_fees(ORDER) == {}
    pending = replace(ORDER, transactions=(txn("SALE", "mobilepay", (), status="PENDING"),))
    assert payment_fees(pending) == {}
