"""The withdrawal's session side against the demo shop over HTTP: the return opens once, a
request that is no statutory withdrawal is refused in words, the acknowledgement is prepared
once on arrival and only when the store's setting says so."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_session_unmatched import open_session

from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.keychain import SecretStore
from cancelapp.session.refresh import StoreSession, judge_session, store_requests
from cancelapp.session.withdrawal import (
    WithdrawalRefused,
    accept_withdrawal,
    acknowledge_arrivals,
)
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.store.audit import list_audit
from cancelapp.store.requests import get_request, set_state
from cancelapp.sync import OrderSync


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=4, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def orders(shop: DemoShop) -> dict[str, str]:
    delivered, american = shop.create_order("fulfilled"), shop.create_order("fulfilled")
    shop.ship_to(delivered, "DK")
    shop.ship_to(american, "US")
    for order_id in (delivered, american):
        shop.mark_delivered(order_id, shop.store.now() - timedelta(days=3))
    return {"delivered": delivered, "american": american}


@pytest.fixture
def session(
    data_dir: Path, secret_store: SecretStore, shop: DemoShop, orders: dict[str, str]
) -> Iterator[StoreSession]:
    yield from open_session(data_dir, secret_store, shop)


def withdraw(session: StoreSession, shop: DemoShop, order_id: str) -> int:
    """A form row naming the order: the customer withdraws."""
    order = shop.order(order_id)
    incoming = IncomingRequest(
        source=RequestSource.CSV,
        external_id=f"csv:{order_id}",
        received_at=datetime.now(UTC),
        text="Jeg fortryder købet.",
        order_name=order.name,
        customer_email=order.email,
    )
    OrderSync(session.database, session.client, session.store_id).run()
    (request_id,) = store_requests(
        session.database, session.store_id, [incoming], session.client
    ).request_ids
    judge_session(session)
    return request_id


def test_the_return_opens_once(
    session: StoreSession, shop: DemoShop, orders: dict[str, str]
) -> None:
    request_id = withdraw(session, shop, orders["delivered"])

    accepted = accept_withdrawal(session, request_id, "Ida")

    assert [r.status for r in shop.order(orders["delivered"]).returns] == ["OPEN"]
    assert accepted.return_name.endswith("-R1")
    with session.database.reading() as conn:
        request = get_request(conn, request_id)
        entries = list_audit(conn, session.store_id, order_gid=orders["delivered"])
    assert request is not None and request.state is RequestState.IN_PROGRESS
    assert any(e.what == "withdrawal return" and e.shopify_ids for e in entries)
    with session.database.transaction() as conn:  # as if the request were decided again
        set_state(conn, request_id, RequestState.OPEN, now=datetime.now(UTC))
    with pytest.raises(WithdrawalRefused, match="already has a return"):
        accept_withdrawal(session, request_id, "Ida")
    assert len(shop.order(orders["delivered"]).returns) == 1


def test_no_statutory_withdrawal_no_return(
    session: StoreSession, shop: DemoShop, orders: dict[str, str]
) -> None:
    request_id = withdraw(session, shop, orders["american"])

    with pytest.raises(WithdrawalRefused, match="not a statutory withdrawal"):
        accept_withdrawal(session, request_id, "Ida")
    assert shop.order(orders["american"]).returns == []


def test_the_acknowledgement_is_prepared_once_and_only_when_wanted(
    session: StoreSession, shop: DemoShop, orders: dict[str, str]
) -> None:
    danish = withdraw(session, shop, orders["delivered"])
    american = withdraw(session, shop, orders["american"])

    prepared = acknowledge_arrivals(session, frozenset({danish, american}))

    assert [a.request_id for a in prepared] == [danish]
    assert "Jeg fortryder købet." in prepared[0].reply.body
    assert acknowledge_arrivals(session, frozenset({danish})) == ()  # never twice
    session.policies.set_withdrawal_terms(
        session.store_id, WithdrawalTerms(acknowledge_on_arrival=False)
    )
    assert acknowledge_arrivals(session, frozenset({danish, american})) == ()
