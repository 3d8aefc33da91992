"""Helpers for sync tests: connecting to a demo shop, a tag intake hook, what is cached."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.orders import FetchedOrder
from cancelapp.store.requests import add_request

REQUEST_TAG = "cancel-request"


def connect(shop: DemoShop) -> ShopifyClient:
    return ShopifyClient(Endpoint.loopback(shop.base_url), AccessToken(shop.access_token))


def tag_intake(conn: sqlite3.Connection, store_id: int, orders: Sequence[FetchedOrder]) -> None:
    """A minimal intake hook: a request for each order tagged `cancel-request`."""
    for fetched in orders:
        order = fetched.order
        if REQUEST_TAG not in order.tags:
            continue
        text = order.custom_attributes.get("cancel_reason", "")
        message = RequestMessage(
            RequestSource.ORDER_TAG, order.updated_at, text, external_id=f"tag:{order.id}"
        )
        draft = CancellationRequest(
            None,
            store_id,
            order.id,
            order.name,
            order.customer_email,
            RequestState.OPEN,
            (message,),
        )
        add_request(conn, draft, now=fetched.fetched_at)


def tagged_order_ids(shop: DemoShop) -> set[str]:
    return {gid for gid in shop.order_ids() if REQUEST_TAG in shop.order(gid).tags}


def cached_order_ids(db: Database) -> set[str]:
    with db.reading() as conn:
        return {row[0] for row in conn.execute("SELECT gid FROM orders")}
