"""Lean, verdict-level and full order rows: a lean snapshot is never mapped into an Order, a
verdict-level one only for judging, and neither replaces a richer snapshot of the same version."""

from __future__ import annotations

from datetime import datetime, timedelta

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.request import RequestState
from cancelapp.store import Database
from cancelapp.store.orders import (
    FULL,
    JUDGEABLE,
    LEAN,
    VERDICT,
    FetchedOrder,
    load_judged_order,
    load_order,
    order_detail,
    order_fetched_at,
    request_orders_to_read,
    upsert_orders,
)
from cancelapp.store.requests import add_request, get_request, set_state


def full_node(number: int) -> dict[str, object]:
    """A node `order_from_node` maps (the full document's shape, lists empty)."""
    order = make_order(number)
    return {
        "id": order.id,
        "name": order.name,
        "createdAt": order.created_at.isoformat(),
        "updatedAt": order.updated_at.isoformat(),
        "displayFinancialStatus": "PAID",
        "displayFulfillmentStatus": "UNFULFILLED",
        "currentTotalPriceSet": {"shopMoney": {"amount": "449.00", "currencyCode": "DKK"}},
        "presentmentCurrencyCode": "DKK",
        "lineItems": {"nodes": []},
    }


def lean(number: int, *, at: datetime = T0, updated: datetime = T0) -> FetchedOrder:
    order = make_order(number, updated=updated)
    return FetchedOrder(order, {"id": order.id, "lean": True}, at, LEAN)


def full(number: int, *, at: datetime = T0) -> FetchedOrder:
    return FetchedOrder(make_order(number), full_node(number), at, FULL)


def for_verdict(number: int, *, at: datetime = T0, updated: datetime = T0) -> FetchedOrder:
    return FetchedOrder(make_order(number, updated=updated), full_node(number), at, VERDICT)


def test_a_verdict_level_order_is_judged_from_but_never_loaded_for_an_action(
    database: Database, store_id: int
) -> None:
    """It goes up lean -> verdict -> full; a poorer read of the same version only confirms."""
    step = timedelta(minutes=1)
    gid = order_gid(1)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [lean(1)])
        assert load_judged_order(conn, store_id, gid) is None
        upsert_orders(conn, store_id, [for_verdict(1, at=T0 + step)])
        assert order_detail(conn, store_id, gid) == VERDICT
        assert load_order(conn, store_id, gid) is None  # an action needs the whole order
        judged = load_judged_order(conn, store_id, gid)
        assert judged is not None and judged.name == "#1"
        upsert_orders(conn, store_id, [lean(1, at=T0 + 2 * step)])  # confirms, keeps it
        assert order_detail(conn, store_id, gid) == VERDICT
        assert order_fetched_at(conn, store_id, gid) == T0 + 2 * step
        upsert_orders(conn, store_id, [full(1, at=T0 + 3 * step)])
        upsert_orders(conn, store_id, [for_verdict(1, at=T0 + 4 * step)])  # confirms, keeps it
        assert order_detail(conn, store_id, gid) == FULL
        assert order_fetched_at(conn, store_id, gid) == T0 + 4 * step
        assert load_judged_order(conn, store_id, gid) == load_order(conn, store_id, gid)
        later = T0 + 5 * step
        upsert_orders(conn, store_id, [for_verdict(1, at=later, updated=later)])  # newer
        assert order_detail(conn, store_id, gid) == VERDICT


def test_a_first_connect_reads_to_judge_and_the_backfill_in_full(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [for_verdict(1), lean(2), full(3)])
        for n in (1, 2, 3, 4):
            add_request(conn, draft(store_id, message(), order_number=n), now=T0)
        to_judge = request_orders_to_read(conn, store_id, enough=JUDGEABLE)
        in_full = request_orders_to_read(conn, store_id)
    assert to_judge == [order_gid(2), order_gid(4)]
    assert in_full == [order_gid(1), order_gid(2), order_gid(4)]


def test_a_lean_order_is_cached_but_never_loaded_as_an_order(
    database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [lean(1)])
        assert order_detail(conn, store_id, order_gid(1)) == LEAN
        assert load_order(conn, store_id, order_gid(1)) is None
        upsert_orders(conn, store_id, [full(1, at=T0 + timedelta(minutes=1))])
        assert order_detail(conn, store_id, order_gid(1)) == FULL
        loaded = load_order(conn, store_id, order_gid(1))
    assert loaded is not None and loaded.name == "#1"


def test_a_lean_read_of_the_same_version_confirms_the_full_snapshot(
    database: Database, store_id: int
) -> None:
    later = T0 + timedelta(minutes=5)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [full(1)])
        upsert_orders(conn, store_id, [lean(1, at=later)])
        assert order_detail(conn, store_id, order_gid(1)) == FULL
        assert order_fetched_at(conn, store_id, order_gid(1)) == later
        assert load_order(conn, store_id, order_gid(1)) is not None


def test_a_lean_read_of_a_newer_version_replaces_the_full_snapshot(
    database: Database, store_id: int
) -> None:
    later = T0 + timedelta(minutes=5)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [full(1)])
        upsert_orders(conn, store_id, [lean(1, at=later, updated=later)])
        assert order_detail(conn, store_id, order_gid(1)) == LEAN
        assert load_order(conn, store_id, order_gid(1)) is None


def test_undecided_request_orders_not_held_in_full_are_listed(
    database: Database, store_id: int
) -> None:
    later = T0 + timedelta(hours=1)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [full(1), lean(2), full(4)])
        ids = {
            n: add_request(conn, draft(store_id, message(), order_number=n), now=T0).request_id
            for n in (1, 2, 3, 4)
        }
        set_state(conn, ids[4], RequestState.DONE, now=T0)
        assert request_orders_to_read(conn, store_id) == [order_gid(2), order_gid(3)]
        assert request_orders_to_read(conn, store_id, confirmed_before=later) == [
            order_gid(1),
            order_gid(2),
            order_gid(3),
        ]
        assert get_request(conn, ids[4]) is not None


def test_fetched_helper_rows_stay_full(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(7))])
        assert order_detail(conn, store_id, order_gid(7)) == FULL
        assert order_detail(conn, store_id, order_gid(8)) is None
