"""Each store's rules as one immutable value with one owner.

`StorePolicy` is what a verdict is judged by: the policy, the shop's own cancellation window
and their digest. `StorePolicies` holds one per store for the whole app: the window's policy
flow, the detail pane, the refresh worker and a save all read and swap the same value, whole,
so a worker never sees a policy from one save beside a window from another. Read from the
policy file and the cache alone, so both work offline; `session/refresh.py` `judge_due` judges
the cache again after a save.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.store.database import Database

if TYPE_CHECKING:  # the policy code (tomlkit) and the sync load after the first rows show
    from cancelapp.policy import Policy, PolicyLoad


@dataclass(frozen=True)
class StorePolicy:
    policy: Policy
    shop_edit_window: timedelta | None  # the store's own window; None: unknown or none
    digest: str  # of all three: a verdict judged under another digest is judged again
    # the store's answers for the EU law
    withdrawal: WithdrawalTerms = field(default_factory=WithdrawalTerms)

    @classmethod
    def of(
        cls,
        policy: Policy,
        shop_edit_window: timedelta | None,
        withdrawal: WithdrawalTerms | None = None,
    ) -> StorePolicy:
        from cancelapp.policy import policy_hash

        terms = withdrawal or WithdrawalTerms()
        digest = policy_hash(policy, shop_edit_window, terms)
        return cls(policy, shop_edit_window, digest, terms)


class StorePolicies:
    """The one owner of every store's `StorePolicy`; safe to use from any thread."""

    def __init__(self, config_dir: Path, database: Database) -> None:
        self.config_dir = config_dir
        self.database = database
        self._values: dict[int, StorePolicy] = {}
        self._terms: dict[int, WithdrawalTerms] = {}  # from the settings, by store
        self._lock = threading.Lock()

    def get(self, store_id: int) -> StorePolicy | None:
        """The store's rules, None until `load` read them."""
        return self._values.get(store_id)

    def load(self, store_id: int) -> tuple[StorePolicy, PolicyLoad | None]:
        """The store's rules, read from the policy file and the window the cache kept the first
        time (with how the file read, for its notice); later, what is held (None beside it)."""
        from cancelapp.policy import load_policy, policy_path
        from cancelapp.sync.shop_window import stored_shop_edit_window

        held = self._values.get(store_id)
        if held is not None:
            return held, None
        loaded = load_policy(policy_path(self.config_dir, store_id))
        window = stored_shop_edit_window(self.database, store_id)
        with self._lock:
            terms = self._terms.get(store_id)
            held = self._values.setdefault(store_id, StorePolicy.of(loaded.policy, window, terms))
        return held, loaded

    def current(self, store_id: int) -> StorePolicy:
        return self.load(store_id)[0]

    def save_policy(self, store_id: int, policy: Policy) -> StorePolicy:
        """The merchant saved a policy: the new value, with the window as it stands."""
        with self._lock:
            held = self._values.get(store_id)
            window = held.shop_edit_window if held is not None else None
            terms = self._terms.get(store_id)
            value = self._values[store_id] = StorePolicy.of(policy, window, terms)
        return value

    def set_withdrawal_terms(self, store_id: int, terms: WithdrawalTerms) -> bool:
        """The settings say `terms` for the store; True when that changed loaded rules."""
        with self._lock:
            self._terms[store_id] = terms
            held = self._values.get(store_id)
            if held is None or held.withdrawal == terms:
                return False
            self._values[store_id] = StorePolicy.of(held.policy, held.shop_edit_window, terms)
        return True

    def window_read(self, store_id: int, window: timedelta | None) -> bool:
        """A sync read the store's window; True when that changed the rules."""
        self.load(store_id)
        with self._lock:
            held = self._values[store_id]
            if held.shop_edit_window == window:
                return False
            self._values[store_id] = StorePolicy.of(held.policy, window, held.withdrawal)
        return True

    def forget(self, store_id: int) -> None:
        with self._lock:
            self._values.pop(store_id, None)
            self._terms.pop(store_id, None)
