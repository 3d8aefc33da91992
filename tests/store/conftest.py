"""Store test fixtures: a real database file in a temporary folder, with one shop."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import T0

from cancelapp.store import Database
from cancelapp.store.stores import save_store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "data" / "cancelapp.sqlite3")
    yield database
    database.close()


@pytest.fixture
def store_id(db: Database) -> int:
    with db.transaction() as conn:
        return save_store(
            conn,
            "demo-shop.myshopify.com",
            name="Demo Shop",
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="access_token",
            now=T0,
        )
