"""A stable fingerprint of a policy's meaning, for caching verdicts."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from cancelapp.policy.document import render_policy
from cancelapp.policy.model import Policy

ENGINE_VERSION = 3  # bump when the engine's reading of a policy changes


def policy_hash(policy: Policy, shop_edit_window: timedelta | None = None) -> str:
    """Same policy (comments and formatting aside) and same store window: same hash.

    The canonical TOML written for a new file is the policy's meaning in a fixed order.
    """
    canonical = render_policy(None, policy, [None] * len(policy.rules))
    window = None if shop_edit_window is None else shop_edit_window.total_seconds()
    payload = json.dumps([ENGINE_VERSION, canonical, window])
    return hashlib.sha256(payload.encode()).hexdigest()
