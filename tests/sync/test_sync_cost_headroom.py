"""A sync survives Shopify charging more for a page than the published cost rules say."""

from __future__ import annotations

import logging

import pytest
from sync_helpers import cached_order_ids

from cancelapp.demoshop import DemoShop
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.sync_state import get_sync_state
from cancelapp.sync import OrderSync


def test_a_sync_survives_a_document_that_costs_more_than_estimated(
    database: Database,
    client: ShopifyClient,
    store_id: int,
    fast_shop: DemoShop,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # 2 points more an order than our estimate: a list page of 179 would cost about 1,255
    fast_shop.charge_extra("Order.tags", 2)
    with caplog.at_level(logging.WARNING, logger="cancelapp.shopify.page_fit"):
        result = OrderSync(database, client, store_id).run()
    assert result.completed
    assert cached_order_ids(database) == set(fast_shop.order_ids())
    with database.reading() as conn:
        assert get_sync_state(conn, store_id).last_error is None
    refused = [r.getMessage() for r in caplog.records]
    assert len(refused) == 1 and "refused 179 items a page" in refused[0]
