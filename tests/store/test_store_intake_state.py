"""What intake keeps: cursors per source, CSV mappings, provenance keys, unmatched reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from store_samples import T0, draft, fetched, make_order, message, order_gid

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.store import Database
from cancelapp.store.intake_state import (
    load_csv_mapping,
    load_cursors,
    save_csv_mapping,
    save_cursor,
)
from cancelapp.store.orders import upsert_orders
from cancelapp.store.requests import (
    add_request,
    assign_order,
    get_request,
    known_external_ids,
    request_of_message,
    set_unmatched_reason,
    settle_cancelled_orders,
    unmatched_reason,
)
from fixtures.database import save_demo_store


def test_cursors_are_kept_per_store_and_source(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        other = save_demo_store(conn, "other.myshopify.com")
        save_cursor(conn, store_id, "email", {"uidvalidity": 7, "last_uid": 3}, now=T0)
        save_cursor(conn, store_id, "email", {"uidvalidity": 7, "last_uid": 9}, now=T0)
        save_cursor(conn, store_id, "order_tag", {"since": "2026-11-20T09:00:00+00:00"}, now=T0)
        save_cursor(conn, other, "email", {"last_uid": 1}, now=T0)
        assert load_cursors(conn, store_id) == {
            "email": {"uidvalidity": 7, "last_uid": 9},
            "order_tag": {"since": "2026-11-20T09:00:00+00:00"},
        }
        assert load_cursors(conn, other) == {"email": {"last_uid": 1}}


def test_csv_mappings_are_remembered_per_header_key(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        assert load_csv_mapping(conn, store_id, "k1") is None
        save_csv_mapping(conn, store_id, "k1", {"email": 1, "order": 2}, now=T0)
        save_csv_mapping(conn, store_id, "k1", {"email": 3, "order": 2}, now=T0)
        assert load_csv_mapping(conn, store_id, "k1") == {"email": 3, "order": 2}


def test_known_provenance_keys_are_listed_per_source(database: Database, store_id: int) -> None:
    with database.transaction() as conn:
        add_request(conn, draft(store_id, message(external_id="csv:a")), now=T0)
        csv = message(source=RequestSource.CSV, external_id="csv:b")
        request_id = add_request(conn, draft(store_id, csv), now=T0).request_id
        assert known_external_ids(conn, store_id, RequestSource.CSV) == {"csv:b"}
        assert request_of_message(conn, store_id, "csv:b") == request_id
        assert request_of_message(conn, store_id, "csv:zzz") is None


def test_an_unmatched_reason_is_kept_until_the_request_is_matched(
    database: Database, store_id: int
) -> None:
    reason = Phrase("Intake", "No order {order} in this store", {"order": "#12"})
    with database.transaction() as conn:
        request_id = add_request(conn, draft(store_id, message()), now=T0).request_id
        set_unmatched_reason(conn, request_id, reason, now=T0)
        assert unmatched_reason(conn, request_id) == reason
        assign_order(conn, request_id, order_gid(12), "#12", now=T0)
        assert unmatched_reason(conn, request_id) is None


def test_open_requests_of_cancelled_orders_become_done(database: Database, store_id: int) -> None:
    cancelled = replace(make_order(1), cancelled_at=T0)
    with database.transaction() as conn:
        upsert_orders(conn, store_id, [fetched(cancelled), fetched(make_order(2))])
        first = add_request(conn, draft(store_id, message(), order_number=1), now=T0)
        second = add_request(conn, draft(store_id, message(), order_number=2), now=T0)
        settled = settle_cancelled_orders(conn, store_id, now=T0 + timedelta(minutes=1))
        states = [get_request(conn, r.request_id) for r in (first, second)]
    assert settled == [first.request_id]
    assert [s.state if s else None for s in states] == [RequestState.DONE, RequestState.OPEN]
