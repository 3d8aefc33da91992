"""A stable fingerprint of a policy's meaning, for caching verdicts."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from functools import lru_cache

from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.policy.document import render_policy
from cancelapp.policy.model import Policy

ENGINE_VERSION = 3  # bump when the engine's reading of a policy changes


@lru_cache(maxsize=32)
def policy_hash(
    policy: Policy,
    shop_edit_window: timedelta | None = None,
    withdrawal_terms: WithdrawalTerms | None = None,
) -> str:
    """Same policy (comments and formatting aside), store window and withdrawal terms: same
    hash.

    The canonical TOML written for a new file is the policy's meaning in a fixed order.
    Remembered for the few policies in use (all three arguments are immutable values):
    rendering it takes milliseconds, and every judging pass of a sync asks again.
    """
    canonical = render_policy(None, policy, [None] * len(policy.rules))
    window = None if shop_edit_window is None else shop_edit_window.total_seconds()
    terms = withdrawal_terms or WithdrawalTerms()
    law = [terms.informed, terms.business_excluded]  # what the verdict depends on
    payload = json.dumps([ENGINE_VERSION, canonical, window, law])
    return hashlib.sha256(payload.encode()).hexdigest()
