"""Cached orders: indexed columns from the domain Order, the raw node kept as it came."""

from __future__ import annotations

from datetime import timedelta

from store_samples import T0, fetched, make_order, order_gid

from cancelapp.domain.money import Money
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store import Database
from cancelapp.store.orders import (
    FetchedOrder,
    find_order_gids,
    load_order,
    load_snapshot,
    order_fetched_at,
    upsert_orders,
)
from fixtures.database import save_demo_store


def test_upsert_stores_columns_and_snapshot(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(1001, total="1234.50"))])
        row = conn.execute(
            "SELECT name, customer_name, customer_email, total_amount, currency, "
            "financial_status, tags FROM orders"
        ).fetchone()
        snapshot = load_snapshot(conn, store_id, order_gid(1001))
    assert row == ("#1001", "Kunde 1001", "c1001@x.dk", "1234.50", "DKK", "PAID", "cancel-request")
    assert snapshot == {
        "id": order_gid(1001),
        "name": "#1001",
        "updatedAt": "2026-11-20T09:00:00+00:00",
    }


def test_a_newer_snapshot_replaces_and_an_older_one_does_not(
    database: Database, store_id: int
) -> None:
    later = T0 + timedelta(minutes=10)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(1, total="10.00"), at=T0)])
        upsert_orders(conn, store_id, [fetched(make_order(1, total="5.00"), at=later)])
        upsert_orders(conn, store_id, [fetched(make_order(1, total="99.00"), at=T0)])
        total = conn.execute("SELECT total_amount FROM orders").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        seen = order_fetched_at(conn, store_id, order_gid(1))
    assert (total, count, seen) == ("5.00", 1, later)


def test_find_orders_by_name_and_any_case_email(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(make_order(n)) for n in (1, 2, 3)])
        by_name = find_order_gids(conn, store_id, name="#2")
        by_email = find_order_gids(conn, store_id, email="C3@X.DK")
        neither = find_order_gids(conn, store_id, name="#2", email="c3@x.dk")
    assert (by_name, by_email, neither) == ([order_gid(2)], [order_gid(3)], [])


def test_orders_of_another_store_are_kept_apart(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        other = save_demo_store(conn, "other.myshopify.com")
        upsert_orders(conn, store_id, [fetched(make_order(1))])
        upsert_orders(conn, other, [FetchedOrder(make_order(1), {"id": "x"}, T0)])
        mine = load_snapshot(conn, store_id, order_gid(1))
        theirs = load_snapshot(conn, other, order_gid(1))
    assert mine is not None and theirs == {"id": "x"}
    assert mine["name"] == "#1"


def full_node(number: int, total: str) -> dict[str, object]:
    return {
        "id": order_gid(number),
        "name": f"#{number}",
        "createdAt": "2026-11-20T08:00:00Z",
        "updatedAt": "2026-11-20T09:00:00Z",
        "displayFinancialStatus": "PAID",
        "displayFulfillmentStatus": "UNFULFILLED",
        "currentTotalPriceSet": {"shopMoney": {"amount": total, "currencyCode": "DKK"}},
        "presentmentCurrencyCode": "DKK",
        "lineItems": {"nodes": []},
    }


def test_an_order_saved_from_its_node_loads_as_its_snapshot_maps(
    database: Database, store_id: int
) -> None:
    """The sync's orders are kept mapped beside the snapshot written (judging them a moment
    later maps nothing again); an order given beside a node that is not its own never is:
    loading maps the snapshot, as it always did."""
    saved = FetchedOrder.from_node(full_node(1, "10.00"), T0)
    by_hand = FetchedOrder(make_order(2, total="99.00"), full_node(2, "20.00"), T0)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [saved, by_hand])
        loaded = load_order(conn, store_id, order_gid(1))
        other = load_order(conn, store_id, order_gid(2))
        mapped = order_from_node(load_snapshot(conn, store_id, order_gid(1)) or {})
        again = load_order(conn, store_id, order_gid(1))  # mapped from the snapshot now
    assert loaded is saved.order
    assert loaded == mapped == again and again is not loaded
    assert other is not None and other.total == Money.of("20.00", "DKK")
