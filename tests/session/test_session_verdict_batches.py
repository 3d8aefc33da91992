"""Verdicts are written a batch at a time (`session/refresh.py` `judge`): every batch is stored,
and a failure (or a crash) in one keeps every batch committed before it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.policy import default_policy, policy_hash
from cancelapp.session.refresh import VERDICT_BATCH, judge
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import Database
from cancelapp.store.orders import VERDICT, FetchedOrder, upsert_orders
from cancelapp.store.requests import add_request
from cancelapp.store.stores import save_store

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
COUNT = 2 * VERDICT_BATCH + 7  # two whole batches and a part


def order_node(number: int) -> dict[str, object]:
    return {
        "id": f"gid://shopify/Order/{number}",
        "name": f"#{number}",
        "createdAt": (AT - timedelta(hours=1)).isoformat(),
        "updatedAt": AT.isoformat(),
        "displayFinancialStatus": "PAID",
        "displayFulfillmentStatus": "UNFULFILLED",
        "currentTotalPriceSet": {"shopMoney": {"amount": "449.00", "currencyCode": "DKK"}},
        "presentmentCurrencyCode": "DKK",
        "lineItems": {"nodes": []},
    }


def request_for(store_id: int, number: int) -> CancellationRequest:
    return CancellationRequest(
        id=None,
        store_id=store_id,
        order_id=f"gid://shopify/Order/{number}",
        order_name=f"#{number}",
        customer_email=None,
        state=RequestState.OPEN,
        messages=(RequestMessage(RequestSource.EMAIL, AT, "Cancel please", None, f"m{number}"),),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Database, int, list[int]]]:
    """A store with COUNT open requests whose orders are cached with what a verdict needs."""
    database = Database.open(tmp_path / "cancelapp.sqlite3")
    with database.transaction() as conn:
        store_id = save_store(
            conn, Endpoint.for_shop("s.myshopify.com"), name="S", currency="DKK",
            timezone="Europe/Copenhagen", auth_kind="access_token", now=AT,
        )  # fmt: skip
        numbers = range(1, COUNT + 1)
        fetched = [FetchedOrder.from_node(order_node(n), AT, VERDICT) for n in numbers]
        upsert_orders(conn, store_id, fetched)
        ids = [add_request(conn, request_for(store_id, n), now=AT).request_id for n in numbers]
    try:
        yield database, store_id, ids
    finally:
        database.close()


def stored(database: Database, store_id: int) -> dict[int, tuple[str | None, str | None]]:
    with database.reading() as conn:
        rows = conn.execute(
            "SELECT id, verdict_outcome, verdict_policy_hash FROM requests WHERE store_id = ?",
            (store_id,),
        )
        return {row[0]: (row[1], row[2]) for row in rows}


def test_every_batch_of_verdicts_is_stored(store: tuple[Database, int, list[int]]) -> None:
    database, store_id, ids = store
    policy = default_policy()
    assert judge(database, store_id, policy, None, now=AT) == ids
    digest = policy_hash(policy, None, None)
    assert stored(database, store_id) == {i: ("approve", digest) for i in ids}
    assert judge(database, store_id, policy, None, now=AT) == []  # nothing left to judge


def test_a_failure_in_a_batch_keeps_the_batches_before_it(
    store: tuple[Database, int, list[int]],
) -> None:
    """The second batch's write fails half-way (SQLite aborts it, as a crash would end it):
    the first batch stays stored, none of the second is, and the next pass judges the rest."""
    database, store_id, ids = store
    policy = default_policy()
    failing = ids[VERDICT_BATCH + 5]
    database.connection().execute(
        f"""CREATE TEMP TRIGGER refuse AFTER UPDATE OF verdict_outcome ON requests
            WHEN new.id = {failing} BEGIN SELECT RAISE(ABORT, 'disk gone'); END"""
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk gone"):
        judge(database, store_id, policy, None, now=AT)
    verdicts = stored(database, store_id)
    assert [i for i in ids if verdicts[i][0] is not None] == ids[:VERDICT_BATCH]
    database.connection().execute("DROP TRIGGER refuse")
    assert judge(database, store_id, policy, None, now=AT) == ids[VERDICT_BATCH:]
    assert all(outcome == "approve" for outcome, _digest in stored(database, store_id).values())
