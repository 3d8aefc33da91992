"""Storing candidates through the store's repository, in a real SQLite file."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sources_samples import NOW, Orders, email_request, order

from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.manual import manual_request
from cancelapp.sources.match_and_store import take_in
from cancelapp.store import Database
from cancelapp.store.requests import get_request, list_requests, set_state

ORDERS = Orders(
    order("#1001", "anna@example.dk"),
    order("#1002", "bo@example.com", cancelled=True),
    order("#1003", "cy@example.dk"),
)


def native(order_id: str, state: RequestState | None) -> IncomingRequest:
    return IncomingRequest(
        source=RequestSource.SHOPIFY,
        external_id=f"gid://shopify/RequestedEdit/{order_id[-1]}",
        received_at=NOW,
        text="",
        order_name=None,
        customer_email=None,
        order_id=order_id,
        native_edit_id=f"gid://shopify/RequestedEdit/{order_id[-1]}",
        settled=state,
    )


def test_every_channel_lands_in_one_list_without_duplicates(
    database: Database, store_id: int
) -> None:
    batch = [
        email_request("Annuller ordre 1001", "anna@example.dk", key="a"),
        manual_request("1001", "Ringede også", NOW - timedelta(minutes=30)),
        email_request("Cancel #1002", "bo@example.com", key="b"),
        email_request("Cancel #1003", "mallory@example.com", key="c"),
        native("gid://shopify/Order/1003", RequestState.DECLINED),
    ]
    with database.transaction() as conn:
        report = take_in(conn, store_id, batch, ORDERS, now=NOW)
    assert report.new_messages == 5
    assert [(r.order_name, p.render_plain()) for r, p in report.unmatched] == [
        ("#1003", "Order #1003 belongs to another customer's email")
    ]
    with database.transaction() as conn:
        again = take_in(conn, store_id, batch[:1] + batch[2:], ORDERS, now=NOW)
        requests = {r.order_name: r for r in list_requests(conn, store_id)}
    assert again.new_messages == 0 and again.unmatched == []
    first = requests["#1001"]
    assert first.state is RequestState.OPEN
    assert first.sources == (RequestSource.MANUAL, RequestSource.EMAIL)
    assert first.received_at == NOW - timedelta(minutes=30)
    assert requests["#1002"].state is RequestState.DONE  # the order was already cancelled
    assert requests["#1003"].state is RequestState.DECLINED  # declined in Shopify's admin
    unmatched = [r for r in list_requests(conn, store_id) if r.order_id is None]
    assert [r.state for r in unmatched] == [RequestState.UNMATCHED]
    assert unmatched[0].messages[0].text == "Cancel #1003"


def test_received_times_survive_storage(database: Database, store_id: int) -> None:
    asked = datetime(2026, 11, 24, 23, 59, 59, tzinfo=UTC)
    with database.transaction() as conn:
        take_in(conn, store_id, [manual_request("#1001", "x", asked)], ORDERS, now=NOW)
        (stored,) = list_requests(conn, store_id)
    assert stored.received_at == asked


def test_a_declined_request_stays_declined_when_the_customer_writes_again(
    database: Database, store_id: int
) -> None:
    first = email_request("Cancel #1001", "anna@example.dk", key="a")
    with database.transaction() as conn:
        (request_id,) = take_in(conn, store_id, [first], ORDERS, now=NOW).request_ids
        set_state(conn, request_id, RequestState.DECLINED, now=NOW)
        again = email_request("Cancel #1001 please!", "anna@example.dk", key="b", minutes=9)
        take_in(conn, store_id, [again], ORDERS, now=NOW)
        stored = get_request(conn, request_id)
    assert stored is not None
    assert stored.state is RequestState.DECLINED
    assert [m.text for m in stored.messages] == ["Cancel #1001", "Cancel #1001 please!"]


def test_partial_requests_add_up_and_a_whole_order_request_widens_them(
    database: Database, store_id: int
) -> None:
    order_id = "gid://shopify/Order/1001"
    part_a = replace(native(order_id, None), external_id="edit-a", line_item_ids=("L1",))
    part_b = replace(native(order_id, None), external_id="edit-b", line_item_ids=("L2",))
    whole = email_request("Cancel all of #1001", "anna@example.dk", key="w")
    with database.transaction() as conn:
        take_in(conn, store_id, [part_a, part_b], ORDERS, now=NOW)
        (partial,) = list_requests(conn, store_id)
        take_in(conn, store_id, [whole], ORDERS, now=NOW)
        (widened,) = list_requests(conn, store_id)
    assert partial.line_item_ids == ("L1", "L2")
    assert widened.line_item_ids == ()
