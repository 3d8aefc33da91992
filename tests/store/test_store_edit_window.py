"""The store's own cancellation window, kept raw so the next start judges with it."""

from __future__ import annotations

import sqlite3

import pytest

from cancelapp.store import Database
from cancelapp.store.stores import edit_window_minutes, set_edit_window_minutes


def test_a_new_store_has_no_known_window(database: Database, store_id: int) -> None:
    with database.reading() as conn:
        assert edit_window_minutes(conn, store_id) is None


@pytest.mark.parametrize("minutes", [60, -1, 0, None])
def test_the_window_is_kept_as_shopify_gave_it_across_a_reopen(
    database: Database, store_id: int, minutes: int | None
) -> None:
    with database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, 24 * 60)
        set_edit_window_minutes(conn, store_id, minutes)
    path = database.path
    database.close()
    reopened = Database.open(path)
    try:
        with reopened.reading() as conn:
            assert edit_window_minutes(conn, store_id) == minutes
    finally:
        reopened.close()


def test_an_impossible_window_or_an_unknown_store_is_refused(
    database: Database, store_id: int
) -> None:
    with pytest.raises(ValueError, match="-2"), database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, -2)
    with pytest.raises(KeyError), database.transaction() as conn:
        set_edit_window_minutes(conn, store_id + 1, 60)
    with (
        pytest.raises(sqlite3.IntegrityError),
        database.transaction() as conn,
    ):  # the schema says so too
        conn.execute("UPDATE stores SET edit_window_minutes = -5 WHERE id = ?", (store_id,))
    with database.reading() as conn:
        assert edit_window_minutes(conn, store_id) is None
