"""Sync test fixtures: a fast demo shop over HTTP (the cache file is `fixtures.database`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sync_helpers import connect

from cancelapp.demoshop import DemoShop
from cancelapp.shopify.client import ShopifyClient


@pytest.fixture
def fast_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    """40 seeded orders; a restore rate high enough that pacing costs milliseconds."""
    return make_demo_shop(size=40, restore_rate=100_000)


@pytest.fixture
def client(fast_shop: DemoShop) -> Iterator[ShopifyClient]:
    with connect(fast_shop) as shopify:
        yield shopify
