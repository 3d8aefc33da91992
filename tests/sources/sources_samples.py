"""Orders and messages shared by the intake's tests."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from cancelapp.domain.money import Money
from cancelapp.domain.order import Customer, FinancialStatus, FulfillmentStatus, Order
from cancelapp.domain.request import RequestSource
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.order_names import order_name_in

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def order(name: str, email: str, *, cancelled: bool = False) -> Order:
    return Order(
        id=f"gid://shopify/Order/{name.strip('#')}",
        name=name,
        created_at=NOW - timedelta(hours=3),
        updated_at=NOW,
        financial_status=FinancialStatus.PAID,
        fulfillment_status=FulfillmentStatus.UNFULFILLED,
        total=Money(Decimal("449.00"), "DKK"),
        presentment_currency="DKK",
        customer=Customer("gid://shopify/Customer/1", "Anna Jensen", email),
        email=email,
        cancelled_at=NOW if cancelled else None,
    )


class Orders:
    """The order lookup sources match against, over a plain list."""

    def __init__(self, *orders: Order) -> None:
        self.orders = orders

    def by_name(self, name: str) -> Order | None:
        return next((o for o in self.orders if o.name == name), None)

    def by_id(self, order_id: str) -> Order | None:
        return next((o for o in self.orders if o.id == order_id), None)


def email_request(text: str, sender: str, *, key: str = "m1", minutes: int = 0) -> IncomingRequest:
    name, _ = order_name_in("", text)
    return IncomingRequest(
        source=RequestSource.EMAIL,
        external_id=f"email:{key}",
        received_at=NOW + timedelta(minutes=minutes),
        text=text,
        order_name=name,
        customer_email=sender,
    )
