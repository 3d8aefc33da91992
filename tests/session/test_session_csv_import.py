"""The column mapping chosen for a form's CSV export is kept per store and form (headers)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cancelapp.session.csv_import import open_csv, remember_mapping
from cancelapp.shopify import Endpoint
from cancelapp.sources.csv_mapping import CsvField, guess_mapping, header_key
from cancelapp.store import Database
from cancelapp.store.stores import save_store

FORM = "Timestamp,Email,Order number,Reason,Anything else?\n2026-11-24 10:00,a@b.dk,#1001,x,y\n"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "cache.sqlite3")
    yield database
    database.close()


def store(database: Database, domain: str) -> int:
    with database.transaction() as conn:
        return save_store(
            conn,
            Endpoint.for_shop(domain),
            name=domain,
            currency="DKK",
            timezone="Europe/Copenhagen",
            auth_kind="token",
            now=datetime.now(UTC),
        )


def test_a_mapping_is_remembered_per_store_and_form(database: Database, tmp_path: Path) -> None:
    mine, other = store(database, "a.myshopify.com"), store(database, "b.myshopify.com")
    path = tmp_path / "form.csv"
    path.write_text(FORM, encoding="utf-8")
    first = open_csv(database, mine, path)
    assert first.remembered is None
    chosen = guess_mapping(first.table.headers).with_column(CsvField.REASON, 4)
    remember_mapping(database, mine, header_key(first.table.headers), chosen)
    assert open_csv(database, mine, path).remembered == chosen
    assert open_csv(database, other, path).remembered is None  # another store's forms
