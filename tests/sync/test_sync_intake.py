"""The sync's intake step end to end: demo shop (tags, Shopify's own requests) and Dovecot."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from sync_helpers import connect

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.clock import ManualClock
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.policy import default_policy
from cancelapp.session.refresh import judge
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.manual import manual_request
from cancelapp.store import Database
from cancelapp.store.intake_state import load_cursors
from cancelapp.store.orders import load_order, order_detail, request_orders_to_read
from cancelapp.store.requests import list_requests, stored_verdict, unmatched_reason
from cancelapp.sync import IntakeSettings, OrderSync, ensure_full_order
from cancelapp.sync.intake import store_candidates
from fixtures.imap import ImapServer


def requests_by_order(db: Database, store_id: int) -> dict[str | None, list[RequestSource]]:
    with db.reading() as conn:
        found = list_requests(conn, store_id)
    orders = Counter(r.order_id for r in found if r.order_id is not None)
    assert all(count == 1 for count in orders.values())  # one entry per order
    return {r.order_id: sorted({m.source for m in r.messages}) for r in found}


def test_tag_and_native_requests_arrive_once_merged_per_order(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    sync = OrderSync(database, client, store_id, intake=IntakeSettings())
    first = sync.run()
    assert first.completed and first.new_messages > 0
    tagged = next(g for g in fast_shop.order_ids() if "cancel-request" in fast_shop.order(g).tags)
    edited = sorted(g for g in fast_shop.order_ids() if fast_shop.order(g).requested_edits)
    fresh = fast_shop.create_order()
    fast_shop.add_cancel_request(fresh, "Changed my mind")
    fast_shop.add_requested_edit(fresh)
    second = sync.run()
    assert second.kind == "incremental" and second.new_messages == 2
    by_order = requests_by_order(database, store_id)
    assert by_order[tagged][0] is RequestSource.ORDER_TAG
    assert set(edited) <= set(by_order)
    assert by_order[fresh] == sorted([RequestSource.ORDER_TAG, RequestSource.SHOPIFY])
    third = sync.run()
    assert third.new_messages == 0 and requests_by_order(database, store_id) == by_order
    with database.reading() as conn:
        assert set(load_cursors(conn, store_id)) == {RequestSource.ORDER_TAG, RequestSource.SHOPIFY}
        assert request_orders_to_read(conn, store_id) == []  # every request's order is whole
        assert load_order(conn, store_id, fresh) is not None
    assert fast_shop.stats.versions == {"2026-10"}  # nothing sent to `unstable`


def test_a_buyer_asking_again_after_a_decline_gets_a_new_request_judged_and_open(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    """First connect, the merchant declines in Shopify, the buyer asks again: the next sync
    stores the new edit as a request of its own, open and judged, with the buyer's new
    line; the declined request stays declined under its own edit."""
    order = next(
        o
        for o in iter(lambda: fast_shop.create_order("paid"), None)
        if sum(li.unfulfilled_quantity for li in fast_shop.order(o).line_items) > 1
    )
    first = fast_shop.add_requested_edit(order)
    sync = OrderSync(database, client, store_id, intake=IntakeSettings())
    assert sync.run().completed
    client.mutate(shopify_documents.load("requested_order_edit_decline"), {"id": first})
    line = f"gid://shopify/LineItem/{fast_shop.order(order).line_items[0].id}"
    again = fast_shop.add_requested_edit(order, {line: 1})
    result = sync.run()
    judged = judge(database, store_id, default_policy(), None, client=client)
    with database.reading() as conn:
        requests = {r.native_edit_id: r for r in list_requests(conn, store_id)}
        verdict = stored_verdict(conn, requests[again].id or 0)
    assert result.new_messages == 1
    assert (requests[first].state, requests[again].state) == (
        RequestState.DECLINED,
        RequestState.OPEN,
    )
    assert requests[first].order_id == requests[again].order_id == order
    assert requests[again].id in judged and verdict is not None
    assert (requests[first].line_item_ids, requests[again].line_item_ids) == ((), (line,))
    assert sync.run().new_messages == 0  # seen again: nothing added, still two requests
    with database.reading() as conn:
        assert len([r for r in list_requests(conn, store_id) if r.order_id == order]) == 2


def test_a_request_becomes_done_when_a_later_sync_finds_its_order_cancelled(
    database: Database, make_demo_shop: Callable[..., DemoShop], store_id: int
) -> None:
    # Shopify's `updatedAt` has whole seconds: the cancel must come in a later second than
    # the version the first sync cached, or no probe could tell them apart.
    clock = ManualClock(datetime.now(UTC))
    shop = make_demo_shop(
        size=6, restore_rate=1, bucket_size=1_000_000, cancel_job_delay=0, clock=clock
    )
    gid = shop.create_order()
    shop.add_cancel_request(gid, "Please cancel")
    with connect(shop) as client:
        intake = IntakeSettings(native=False)
        sync = OrderSync(database, client, store_id, intake=intake, clock=clock.now)
        sync.run()
        clock.advance(2)
        client.mutate(
            shopify_documents.load("order_cancel"),
            {"orderId": gid, "reason": "CUSTOMER", "restock": False, "notifyCustomer": False},
        )
        shop.settle()
        result = sync.run()
    with database.reading() as conn:
        (request,) = [r for r in list_requests(conn, store_id) if r.order_id == gid]
    assert request.state is RequestState.DONE and request.id in result.request_ids


def test_a_lean_order_is_read_in_full_on_demand(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    OrderSync(database, client, store_id).run()
    plain = next(g for g in fast_shop.order_ids() if not fast_shop.order(g).tags)
    with database.reading() as conn:
        assert order_detail(conn, store_id, plain) == "lean"
        assert load_order(conn, store_id, plain) is None
    order = ensure_full_order(database, client, store_id, plain)
    assert order is not None and order.line_items
    with database.reading() as conn:
        assert order_detail(conn, store_id, plain) == "full"
    sent = client.stats.requests
    assert ensure_full_order(database, client, store_id, plain) == order
    assert client.stats.requests == sent  # held in full now: no request


def deliver(server: ImapServer, folder: str, sender: str, subject: str, body: str) -> None:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, "shop@example.dk", subject
    mail["Message-ID"] = f"<{uuid.uuid4()}@example.test>"
    mail.set_content(body)
    conn = server.connect()
    try:
        assert conn.append(f'"{folder}"', "", None, bytes(mail))[0] == "OK"
    finally:
        conn.logout()


@pytest.mark.imap
def test_email_tag_and_native_requests_merge_and_strangers_stay_unmatched(
    imap_server: ImapServer,
    make_demo_shop: Callable[..., DemoShop],
    database: Database,
    store_id: int,
) -> None:
    shop = make_demo_shop(size=6, restore_rate=100_000)
    folder = f"Requests-{uuid.uuid4().hex[:8]}"
    admin = imap_server.connect()
    assert admin.create(f'"{folder}"')[0] == "OK"
    admin.logout()
    gid = shop.create_order()
    order = shop.order(gid)
    shop.add_cancel_request(gid, "Wrong size")
    shop.add_requested_edit(gid)
    deliver(imap_server, folder, order.email or "", "Cancel", f"Please cancel order {order.name}")
    deliver(imap_server, folder, "mallory@example.com", "Cancel", f"Cancel order {order.name}")
    email = EmailConfig(
        host=imap_server.host,
        username=imap_server.username,
        port=imap_server.imaps_port,
        folder=folder,
    )
    settings = IntakeSettings(
        email=email,
        email_password=lambda: imap_server.password,
        ssl_context=imap_server.ssl_context(),
    )
    with connect(shop) as client:
        sync = OrderSync(database, client, store_id, intake=settings)
        first = sync.run()
        deliver(imap_server, folder, order.email or "", "Re: Cancel", f"Still {order.name}!")
        second = sync.run()
        third = sync.run()
    assert (second.new_messages, third.new_messages) == (1, 0)
    with database.reading() as conn:
        found = list_requests(conn, store_id)
        (merged,) = [r for r in found if r.order_id == gid]
        (stranger,) = [r for r in found if r.state is RequestState.UNMATCHED]
        reason = unmatched_reason(conn, stranger.id)
    assert Counter(m.source for m in merged.messages) == {
        RequestSource.ORDER_TAG: 1,
        RequestSource.SHOPIFY: 1,
        RequestSource.EMAIL: 2,
    }
    assert stranger.customer_email == "mallory@example.com"
    assert reason is not None and "another customer" in reason.render_plain()
    assert reason in first.notices


def test_a_manual_request_matches_a_lean_order_and_the_next_sync_reads_it_in_full(
    database: Database, client: ShopifyClient, store_id: int, fast_shop: DemoShop
) -> None:
    sync = OrderSync(database, client, store_id)
    sync.run()
    plain = next(g for g in fast_shop.order_ids() if not fast_shop.order(g).tags)
    name = fast_shop.order(plain).name
    phoned = manual_request(name, "Called the shop", datetime.now(UTC))
    stored = store_candidates(
        database, store_id, [phoned], client=None, clock=lambda: datetime.now(UTC)
    )
    with database.reading() as conn:
        (request,) = [r for r in list_requests(conn, store_id) if r.order_id == plain]
        assert order_detail(conn, store_id, plain) == "lean"
    assert stored.request_ids == {request.id} and request.state is RequestState.OPEN
    assert sync.run().orders_read_in_full == 1
    with database.reading() as conn:
        assert load_order(conn, store_id, plain) is not None
