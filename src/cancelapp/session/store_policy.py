"""The open store's policy and its cancellation window as last kept, and re-judging after a save.

Read and judged from the policy file and the cache alone, so both work offline; the window's
`PolicyFlow` runs them on workers.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cancelapp.store.database import Database

if TYPE_CHECKING:  # the policy code loads after the first rows show
    from cancelapp.policy import Policy, PolicyLoad


def read_store_policy(
    config_dir: Path, database: Database, store_id: int
) -> tuple[PolicyLoad, timedelta | None]:
    """The store's policy file and its window as last kept in the cache."""
    from cancelapp.policy import load_policy, policy_path
    from cancelapp.sync.shop_window import stored_shop_edit_window

    loaded = load_policy(policy_path(config_dir, store_id))
    return loaded, stored_shop_edit_window(database, store_id)


def rejudge(
    database: Database, store_id: int, policy: Policy, window: timedelta | None
) -> frozenset[int]:
    """Every verdict the policy or window changed, judged from the cache (no network)."""
    from cancelapp.session.refresh import judge

    return frozenset(judge(database, store_id, policy, window))
