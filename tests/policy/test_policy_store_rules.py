"""A store's rules as one value with one owner: read once, swapped whole by a sync or a save."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from cancelapp.policy import default_policy, policy_hash
from cancelapp.session.store_policy import StorePolicies
from cancelapp.store import Database
from cancelapp.store.stores import set_edit_window_minutes


def test_rules_are_read_once_from_the_file_and_the_cached_window(
    tmp_path: Path, database: Database, store_id: int
) -> None:
    with database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, 60)
    policies = StorePolicies(tmp_path, database)
    assert policies.get(store_id) is None
    rules, loaded = policies.load(store_id)
    assert loaded is not None and loaded.is_default
    assert rules.shop_edit_window == timedelta(minutes=60)
    assert rules.digest == policy_hash(rules.policy, timedelta(minutes=60))
    with database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, 30)  # the cache is not read again
    assert policies.load(store_id) == (rules, None)
    assert policies.current(store_id) is rules


def test_a_sync_and_a_save_each_swap_the_whole_value(
    tmp_path: Path, database: Database, store_id: int
) -> None:
    policies = StorePolicies(tmp_path, database)
    before = policies.current(store_id)
    assert policies.window_read(store_id, before.shop_edit_window) is False
    assert policies.current(store_id) is before
    assert policies.window_read(store_id, timedelta(hours=2)) is True
    after_sync = policies.current(store_id)
    assert before.shop_edit_window is None and after_sync.shop_edit_window == timedelta(hours=2)
    assert after_sync.digest != before.digest
    stricter = replace(default_policy(), rules=default_policy().rules[:1])
    saved = policies.save_policy(store_id, stricter)
    assert (saved.policy, saved.shop_edit_window) == (stricter, timedelta(hours=2))
    assert policies.current(store_id) is saved
    assert after_sync.policy is not stricter  # a worker holding the old value keeps it whole
    policies.forget(store_id)
    assert policies.get(store_id) is None
