"""The tag and native sources against the demo shop over HTTP, through the app's client."""

import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.faults import Fault
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.match_and_store import take_in
from cancelapp.sources.native import NativeConfig, NativeSource
from cancelapp.sources.order_lookup import CachedOrders, FirstFound, ShopifyOrders
from cancelapp.sources.order_tag import OrderTagConfig, OrderTagSource
from cancelapp.sources.polling import poll, polled_sources
from cancelapp.store import Database
from cancelapp.store.orders import LEAN, FetchedOrder, load_order, upsert_orders
from cancelapp.store.requests import list_requests
from fixtures.database import save_demo_store


def client_for(shop: DemoShop) -> ShopifyClient:
    return ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))


def line_ids(shop: DemoShop, order_id: str) -> list[str]:
    return [f"gid://shopify/LineItem/{li.id}" for li in shop.order(order_id).line_items]


def test_tagged_orders_arrive_with_their_reasons(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    source = OrderTagSource(shop_client)
    seeded = source.fetch({})
    assert seeded.requests, "the demo shop seeds tagged orders"
    assert all(r.source is RequestSource.ORDER_TAG and r.order_id for r in seeded.requests)
    texts = {r.text for r in seeded.requests}
    assert "<script>alert('hej')</script>Please cancel my order" in texts  # kept as received

    by_attribute = demo_shop.create_order("paid")
    by_metafield = demo_shop.create_order("paid")
    silent = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(by_attribute, "Forkert størrelse, annuller venligst")
    demo_shop.add_cancel_request(by_metafield, "Found it cheaper", via="metafield")
    demo_shop.add_cancel_request(silent, None, via="tag_only")
    later = source.fetch(seeded.cursor)
    new = {
        r.order_id: r for r in later.requests if r.order_id in {by_attribute, by_metafield, silent}
    }
    assert new[by_attribute].text == "Forkert størrelse, annuller venligst"
    assert new[by_metafield].text == "Found it cheaper"
    assert new[silent].text == ""
    assert later.cursor["since"] >= seeded.cursor["since"]
    seen_before = {r.order_id for r in seeded.requests}
    assert seen_before.isdisjoint(new)


def test_a_custom_tag_and_no_metafield(demo_shop: DemoShop, shop_client: ShopifyClient) -> None:
    source = OrderTagSource(shop_client, OrderTagConfig(tag="other-tag", reason_metafield=None))
    assert source.fetch({}).requests == []


def sent(client: ShopifyClient) -> int:
    return client.stats.requests


def test_native_requests_are_full_or_partial(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    source = NativeSource(shop_client, NativeConfig(recheck_open_every=timedelta(0)))
    full_order = demo_shop.create_order("paid")
    partial_order = demo_shop.create_order("paid")
    while len(demo_shop.order(partial_order).line_items) < 2:
        partial_order = demo_shop.create_order("paid")
    full_edit = demo_shop.add_requested_edit(full_order)
    first_line = line_ids(demo_shop, partial_order)[0]
    partial_edit = demo_shop.add_requested_edit(partial_order, {first_line: 1})
    result = source.fetch({})
    assert result.notices == []
    edits = {r.native_edit_id: r for r in result.requests}
    assert edits[full_edit].line_item_ids == ()
    assert edits[full_edit].order_id == full_order
    assert edits[partial_edit].line_item_ids == (first_line,)
    assert edits[partial_edit].settled is None
    assert result.cursor["open_edits"][partial_edit] == partial_order
    assert result.cursor["search"] == "honoured"  # the filter found only waiting orders

    shop_client.mutate(
        shopify_documents.load("requested_order_edit_decline"),
        {"id": partial_edit, "declineNote": "Already packed"},
    )
    before = sent(shop_client)
    again = source.fetch(result.cursor)
    assert sent(shop_client) - before == 2  # the waiting orders, and the recheck of open edits
    (declined,) = again.requests
    assert declined.native_edit_id == partial_edit
    assert declined.settled is RequestState.DECLINED
    assert partial_edit not in again.cursor["open_edits"]
    assert full_edit in again.cursor["open_edits"]


def test_a_quiet_fetch_is_one_request_and_a_new_request_one_more(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    source = NativeSource(shop_client)
    first = source.fetch({})
    assert first.requests, "the demo shop seeds requested edits"
    before = sent(shop_client)
    quiet = source.fetch(first.cursor)
    assert (quiet.requests, sent(shop_client) - before) == ([], 1)
    order_id = demo_shop.create_order("paid")
    edit_id = demo_shop.add_requested_edit(order_id)
    before = sent(shop_client)
    later = source.fetch(quiet.cursor)
    assert [r.native_edit_id for r in later.requests] == [edit_id]
    assert sent(shop_client) - before == 2  # the lean read, then that order's line items
    before = sent(shop_client)
    assert source.fetch(later.cursor).requests == []
    assert sent(shop_client) - before == 1


def test_a_request_settled_without_touching_its_order_is_found_by_the_recheck(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    """Shopify does not document that declining an edit updates the order; if it does not,
    only the periodic recheck of open edits (one request for all of them) sees it."""
    now = [datetime.now(UTC)]
    config = NativeConfig(recheck_open_every=timedelta(minutes=30))
    source = NativeSource(shop_client, config, clock=lambda: now[0])
    first = source.fetch({})
    open_edits = first.cursor["open_edits"]
    assert len(open_edits) >= 2
    quietly_declined = sorted(open_edits)[0]
    order = demo_shop.order(open_edits[quietly_declined])
    edit = next(e for e in order.requested_edits if quietly_declined.endswith(f"/{e.id}"))
    edit.status = "DECLINED"  # as if Shopify's admin had declined it, the order untouched

    now[0] += timedelta(minutes=10)
    before = sent(shop_client)
    soon = source.fetch(first.cursor)
    assert (soon.requests, sent(shop_client) - before) == ([], 1)  # not due yet

    now[0] += timedelta(minutes=25)
    before = sent(shop_client)
    due = source.fetch(soon.cursor)
    assert sent(shop_client) - before == 2  # the waiting orders and one recheck of all open edits
    (settled,) = due.requests
    assert (settled.native_edit_id, settled.settled) == (quietly_declined, RequestState.DECLINED)
    assert quietly_declined not in due.cursor["open_edits"]
    assert len(due.cursor["open_edits"]) == len(open_edits) - 1


def test_native_requests_degrade_to_a_notice_when_refused(
    make_demo_shop: Callable[..., DemoShop],
) -> None:
    shop = make_demo_shop(size=25)
    with client_for(shop) as client:
        shop.faults.inject(Fault.server_error(404), operation="NativeCancellationRequests")
        result = NativeSource(client).fetch({"since": "2026-01-01T00:00:00+00:00"})
        assert result.requests == []
        assert result.cursor == {"since": "2026-01-01T00:00:00+00:00"}  # retried next time
        (notice,) = result.notices
        assert notice.render_plain().startswith("Shopify's own cancellation requests could not")
        assert OrderTagSource(client).fetch({}).requests  # other sources keep working
        assert NativeSource(client, NativeConfig(enabled=False)).fetch({}).requests == []
    denied = make_demo_shop(size=25, scopes=frozenset({"read_customers"}))
    with client_for(denied) as client:
        (notice,) = NativeSource(client).fetch({}).notices
        assert "permission" in notice.render_plain()


@pytest.fixture
def roomy_shop(make_demo_shop: Callable[..., DemoShop]) -> Iterator[tuple[DemoShop, ShopifyClient]]:
    """A Plus-sized query budget: reading every requested order live takes one query each."""
    shop = make_demo_shop(size=40, restore_rate=2000, bucket_size=20000)
    with client_for(shop) as client:
        yield shop, client


def test_requests_are_stored_matched_to_live_and_cached_orders(
    roomy_shop: tuple[DemoShop, ShopifyClient], database: Database
) -> None:
    demo_shop, shop_client = roomy_shop
    now = datetime.now(UTC)
    with database.transaction() as conn:
        store_id = save_demo_store(conn)
    cached_id = demo_shop.create_order("paid")
    node = shop_client.query(shopify_documents.load("order"), {"id": cached_id})["order"]
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [FetchedOrder(order_from_node(node), node, now)])
    lean_id = demo_shop.create_order("paid")
    lean_node = shop_client.query(shopify_documents.load("order"), {"id": lean_id})["order"]
    with database.transaction() as conn:
        upsert_orders(
            conn, store_id, [FetchedOrder(order_from_node(lean_node), lean_node, now, LEAN)]
        )
        cached = CachedOrders(conn, store_id)
        assert load_order(conn, store_id, lean_id) is None  # not whole enough for the policy
        assert cached.by_id(lean_id) is not None  # but enough to match a request to
        assert cached.by_name(str(lean_node["name"])) is not None
    tagged = OrderTagSource(shop_client).fetch({}).requests
    native = NativeSource(shop_client).fetch({}).requests
    with database.transaction() as conn:
        lookup = FirstFound(CachedOrders(conn, store_id), ShopifyOrders(shop_client))
        assert lookup.by_name(str(node["name"])) is not None
        assert ShopifyOrders(shop_client).by_name("#999999") is None
        report = take_in(conn, store_id, tagged + native, lookup, now=now)
        again = take_in(conn, store_id, tagged + native, lookup, now=now)
        stored = list_requests(conn, store_id)
    assert report.new_messages == len(tagged) + len(native)
    assert again.new_messages == 0
    assert report.unmatched == []
    assert len(stored) == len({r.order_id for r in tagged + native})  # one entry per order
    cancelled = [r for r in stored if r.state is RequestState.DONE]
    assert cancelled, "the seeded cancelled order that is still tagged shows as done"
    assert all(r.order_id for r in stored)


def test_one_failing_source_does_not_stop_the_others(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    with socket.socket() as closed:  # a loopback port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    mail = EmailConfig(host="127.0.0.1", username="shop", port=port, timeout=2)
    sources = polled_sources(
        shop_client,
        native=NativeConfig(),
        tag=OrderTagConfig(),
        email=mail,
        email_password=lambda: "secret",
    )
    assert [s.name for s in sources] == [
        RequestSource.ORDER_TAG,
        RequestSource.SHOPIFY,
        RequestSource.EMAIL,
    ]
    round_ = poll(sources, {})
    assert round_.results[RequestSource.ORDER_TAG].requests
    assert round_.results[RequestSource.SHOPIFY].requests
    assert [n.render_plain() for n in round_.notices] == [
        "Could not reach the mail server 127.0.0.1"
    ]
    assert polled_sources(shop_client, native=NativeConfig(enabled=False)) == []


def test_a_new_request_after_several_declined_ones_is_read(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    order_id = demo_shop.create_order("paid")
    for _ in range(3):
        declined = demo_shop.add_requested_edit(order_id)
        shop_client.mutate(shopify_documents.load("requested_order_edit_decline"), {"id": declined})
    newest = demo_shop.add_requested_edit(order_id)
    result = NativeSource(shop_client).fetch({})
    edits = {r.native_edit_id: r for r in result.requests}
    assert newest in edits
    assert edits[newest].settled is None
    assert result.cursor["open_edits"][newest] == order_id


def test_without_the_waiting_filter_the_updated_orders_are_scanned(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    """`requested_order_edit_status` is documented by name only: a Shopify that ignores it
    (and so returns orders without a waiting request) is caught, and the scan takes over."""
    demo_shop.ignore_search_field("requested_order_edit_status")
    source = NativeSource(shop_client)
    first = source.fetch({})
    assert first.cursor["search"] == "ignored"
    assert first.requests, "the seeded requests are found by the scan"
    order_id = demo_shop.create_order("paid")  # a new order: updated now
    edit_id = demo_shop.add_requested_edit(order_id)
    before = sent(shop_client)
    later = source.fetch(first.cursor)
    assert [r.native_edit_id for r in later.requests] == [edit_id]
    assert sent(shop_client) - before == 2  # the scan (no filter any more), then the order


def test_open_requests_are_rechecked_through_their_orders_when_node_refuses(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    """`RequestedOrderEdit` being a `Node` is inferred: when Shopify refuses `node(id:)`, the
    open requests are read through `order.requestedOrderEdits`, and from then on only so."""
    now = [datetime.now(UTC)]
    source = NativeSource(shop_client, clock=lambda: now[0])
    first = source.fetch({})
    open_edits = first.cursor["open_edits"]
    declined = sorted(open_edits)[0]
    shop_client.mutate(shopify_documents.load("requested_order_edit_decline"), {"id": declined})
    demo_shop.faults.inject(Fault.refused(), operation="NativeCancellationRequestStatus")
    now[0] += timedelta(hours=1)
    due = source.fetch(first.cursor)
    (settled,) = due.requests
    assert (settled.native_edit_id, settled.settled) == (declined, RequestState.DECLINED)
    assert due.cursor["node_lookup"] is False
    assert set(due.cursor["open_edits"]) == set(open_edits) - {declined}
    also_declined = sorted(due.cursor["open_edits"])[0]
    shop_client.mutate(
        shopify_documents.load("requested_order_edit_decline"), {"id": also_declined}
    )
    now[0] += timedelta(hours=1)
    later = source.fetch(due.cursor)
    assert [r.native_edit_id for r in later.requests] == [also_declined]
    assert later.cursor["node_lookup"] is False


def test_requests_of_a_cache_from_before_2026_10_are_read_again(
    demo_shop: DemoShop, shop_client: ShopifyClient
) -> None:
    """Schema version 3 leaves the orders whose requests were open in the cursor: they are
    read again, whatever their `updatedAt`, and their open requests tracked from then on."""
    order_id = demo_shop.create_order("paid")
    edit_id = demo_shop.add_requested_edit(order_id)
    demo_shop.ignore_search_field("requested_order_edit_status")
    since = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()  # the scan finds nothing
    result = NativeSource(shop_client).fetch({"since": since, "reread_orders": [order_id]})
    assert [(r.native_edit_id, r.order_id) for r in result.requests] == [(edit_id, order_id)]
    assert result.cursor["open_edits"] == {edit_id: order_id}
    assert "reread_orders" not in result.cursor
