"""Actions test fixtures: a real database file with one shop, and a demo shop on a hand clock."""

from collections.abc import Iterator

import pytest
from actions_harness import SHOP_START, Harness

from cancelapp.demoshop import DemoShop, ManualClock
from cancelapp.store import Database


@pytest.fixture
def actions_db(database: Database, store_id: int) -> Database:
    """The cache database with the demo shop's row (store id 1)."""
    assert store_id == 1
    return database


@pytest.fixture
def hand_shop() -> Iterator[DemoShop]:
    """A demo shop whose time moves only when the code under test waits."""
    with DemoShop(seed=5, size=5, clock=ManualClock(SHOP_START), cancel_job_delay=0.2) as shop:
        yield shop


@pytest.fixture
def harness(hand_shop: DemoShop, actions_db: Database) -> Iterator[Harness]:
    made = Harness(hand_shop, actions_db, 1)
    yield made
    made.close()
