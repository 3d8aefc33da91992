"""Sync test fixtures: a fast demo shop over HTTP and a cache file with the shop's row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sync_helpers import connect

from cancelapp.demoshop import DemoShop
from cancelapp.shopify import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.stores import save_store


@pytest.fixture
def fast_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    """40 seeded orders; a restore rate high enough that pacing costs milliseconds."""
    return make_demo_shop(size=40, restore_rate=100_000)


@pytest.fixture
def client(fast_shop: DemoShop) -> Iterator[ShopifyClient]:
    with connect(fast_shop) as shopify:
        yield shopify


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "data" / "cancelapp.sqlite3")
    yield db
    db.close()


@pytest.fixture
def store_id(cache: Database) -> int:
    with cache.transaction() as conn:
        return save_store(
            conn,
            "demo.myshopify.com",
            name="Demo",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=datetime.now(UTC),
        )
