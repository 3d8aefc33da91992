"""The store's own cancellation window, read from Shopify for the policy's "shop" windows.

Read from the default return policy profile's `editRules` (unstable API) with the raw
`editWindowMinutes`, so -1 stays "until fulfillment": `NativeSource.edit_window()` folds -1
into "no window" and cannot tell the two apart. Runs in a worker; Qt-free.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cancelapp.policy import shop_edit_window_from_minutes
from cancelapp.shopify import (
    UNSTABLE_VERSION,
    AuthFailed,
    MalformedResponse,
    MissingScopes,
    RequestRejected,
    ShopifyClient,
    ShopNotFound,
    documents,
)

# A store or token without the unstable API, or an unstable answer we cannot read: the
# policy then uses its default window, and the sync goes on.
_REFUSALS = (ShopNotFound, MissingScopes, AuthFailed, RequestRejected, MalformedResponse)
EDIT_WINDOW_MAX_AGE = timedelta(hours=1)  # re-read at most this often: one request each time


def read_shop_edit_window(client: ShopifyClient) -> timedelta | None:
    """The window customers have to ask Shopify to cancel; `UNTIL_FULFILLMENT` for -1.

    None when the store sets no window (`editRules` null), does not take requests at all,
    or refuses the unstable API (or answers it unreadably). Raises `ShopifyError` when
    Shopify cannot be reached."""
    try:
        data = client.query(
            documents.load("unstable/return_policy_profiles"), version=UNSTABLE_VERSION
        )
    except _REFUSALS:
        return None
    return edit_window_of_profiles((data.get("returnPolicyProfiles") or {}).get("nodes") or [])


def edit_window_of_profiles(profiles: list[dict[str, Any]]) -> timedelta | None:
    """The default profile's window (the first profile when none is marked default)."""
    default = next((p for p in profiles if p.get("default")), profiles[0] if profiles else {})
    rules = default.get("editRules")
    if not isinstance(rules, dict) or not rules.get("canAcceptEdits"):
        return None
    minutes = rules.get("editWindowMinutes")
    return shop_edit_window_from_minutes(minutes if isinstance(minutes, int) else None)
