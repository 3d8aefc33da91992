"""Requests without an order, in the session layer against the demo shop over HTTP: the search
(cache first, then Shopify's filters), what the granted scopes hide, linking and closing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DEFAULT_SCOPES, DemoShop
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.refresh import StoreSession, judge_session, store_requests
from cancelapp.session.unmatched import close_unmatched, link_request, search_orders
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.store.audit import list_audit
from cancelapp.store.requests import get_request
from cancelapp.sync import OrderSync


def open_session(data_dir: Path, secrets: SecretStore, shop: DemoShop) -> Iterator[StoreSession]:
    paths = AppPaths.resolve()
    paths.create()
    context: AppContext = build_context(paths, cli.parse([]), secrets=secrets)
    context.settings = replace(context.settings, check_for_updates=False)
    store = connect_demo(context, shop)
    session = context.open_session(store)
    assert session is not None
    try:
        yield session
    finally:
        session.close()
        context.close()


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=12, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def session(data_dir: Path, secret_store: SecretStore, shop: DemoShop) -> Iterator[StoreSession]:
    yield from open_session(data_dir, secret_store, shop)


def unmatched_request(session: StoreSession, email: str, order_name: str | None = None) -> int:
    """A form row with the customer's email and no usable order number."""
    incoming = IncomingRequest(
        source=RequestSource.CSV,
        external_id=f"csv:{email}:{order_name}",
        received_at=datetime.now(UTC),
        text="Please cancel my order",
        order_name=order_name,
        customer_email=email,
    )
    outcome = store_requests(session.database, session.store_id, [incoming], session.client)
    (request_id,) = outcome.request_ids
    request = get_request_of(session, request_id)
    assert request.state is RequestState.UNMATCHED
    return request_id


def get_request_of(session: StoreSession, request_id: int):  # type: ignore[no-untyped-def]
    with session.database.reading() as conn:
        request = get_request(conn, request_id)
    assert request is not None
    return request


def test_search_by_email_lists_cached_orders_first_then_shopifys_with_date_total_items(
    session: StoreSession, shop: DemoShop
) -> None:
    OrderSync(session.database, session.client, session.store_id).run()
    cached_id = next(iter(shop.store.orders.values()))
    customer = cached_id.customer
    assert customer is not None and customer.email
    new_id = shop.create_order("paid")  # after the sync: only Shopify has it
    with shop.store.lock:
        new = shop.store.orders[int(new_id.rsplit("/", 1)[-1])]
        new.customer, new.email = customer, customer.email.upper()  # another case, same person

    found = search_orders(session, f"  {customer.email.upper()} ")

    ids = [c.order_id for c in found.candidates]
    assert new_id in ids and len(ids) == len(set(ids))
    cached = [c.cached for c in found.candidates]
    assert cached == sorted(cached, reverse=True) and cached[0]  # the cache's first
    fresh = next(c for c in found.candidates if c.order_id == new_id)
    assert not fresh.cached and fresh.items and fresh.total.amount > 0
    assert fresh.created_at.tzinfo is not None
    # The demo shop withholds read_all_orders, as a store does unless the app asks for it.
    assert [p.render_plain() for p in found.limits] == [
        "Orders older than 60 days cannot be found: CancelApp was not granted read_all_orders."
    ]


def test_an_order_older_than_60_days_is_not_found_and_the_search_says_why(
    session: StoreSession, shop: DemoShop
) -> None:
    old_id = shop.create_order("paid", created_at=shop.store.now() - timedelta(days=61))
    found = search_orders(session, shop.order(old_id).name)
    assert found.candidates == ()
    assert "read_all_orders" in found.limits[0].render_plain()


def test_without_read_customers_only_the_cache_is_searched_and_the_search_says_why(
    data_dir: Path, secret_store: SecretStore, make_demo_shop: Callable[..., DemoShop]
) -> None:
    shop = make_demo_shop(size=3, scopes=DEFAULT_SCOPES - {"read_customers"})
    for session in open_session(data_dir, secret_store, shop):
        found = search_orders(session, "anna@example.dk")
        assert found.candidates == ()
        assert any("read_customers" in p.render_plain() for p in found.limits)


def test_linking_judges_the_request_and_closing_composes_the_not_found_reply(
    session: StoreSession, shop: DemoShop
) -> None:
    order_id = shop.create_order("paid")
    email = shop.order(order_id).email or ""
    request_id = unmatched_request(session, email)
    (candidate,) = [c for c in search_orders(session, email).candidates if c.order_id == order_id]

    linked = link_request(session, request_id, candidate.order_id, "Mette")

    request = get_request_of(session, linked)
    assert (request.state, request.order_id) == (RequestState.OPEN, order_id)
    with session.database.reading() as conn:
        verdict = conn.execute(
            "SELECT verdict_outcome FROM requests WHERE id = ?", (linked,)
        ).fetchone()[0]
        audit = list_audit(conn, session.store_id, order_gid=order_id)
    assert verdict is not None  # judged like any other request
    assert judge_session(session) == []  # and not judged again
    assert [(a.what, a.who) for a in audit] == [("link", "Mette")]

    other = unmatched_request(session, "nobody@example.dk")
    closed = close_unmatched(session, other, "Mette", locale="da-DK")
    reply = closed.reply
    assert not closed.sending  # no mailbox to send from: the mail program or the clipboard
    assert get_request_of(session, other).state is RequestState.DECLINED
    assert reply.to == "nobody@example.dk" and reply.language == "da"
    assert "kunne vi ikke finde din ordre" in reply.body
    assert reply.mailto_url.startswith("mailto:nobody@example.dk?subject=")
    with pytest.raises(LookupError):  # closed once: a second close finds nothing to close
        close_unmatched(session, other, "Mette", locale="en")
