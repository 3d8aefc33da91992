"""Actions test fixtures: a real database file with one shop, and a demo shop on a hand clock."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from actions_harness import SHOP_START, Harness

from cancelapp.demoshop import DemoShop, ManualClock
from cancelapp.store import Database
from cancelapp.store.stores import save_store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def actions_db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "data" / "cancelapp.sqlite3")
    with database.transaction() as conn:
        save_store(
            conn,
            "demo.myshopify.com",
            name="Demo",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="demo",
            now=T0,
        )
    yield database
    database.close()


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
