"""The store's own cancellation window, read from Shopify for the policy's "shop" windows.

Read from the default return policy profile's `editRules` (unstable API) as the raw
`editWindowMinutes`, so -1 stays "until fulfillment" rather than "no window". The raw minutes
are kept with the store, so
a start without network judges with the window the last sync read (not the default 24 h).
Runs in a worker; Qt-free.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from cancelapp.policy import shop_edit_window_from_minutes
from cancelapp.store.database import Database
from cancelapp.store.stores import edit_window_minutes, set_edit_window_minutes

if TYPE_CHECKING:  # the HTTP client loads where Shopify is read, not with the kept window
    from cancelapp.shopify.client import ShopifyClient

EDIT_WINDOW_MAX_AGE = timedelta(hours=1)  # re-read at most this often: one request each time


def refresh_shop_edit_window(
    client: ShopifyClient, database: Database, store_id: int
) -> timedelta | None:
    """Read the store's window from Shopify, keep it with the store and return it.

    Raises `ShopifyError` when Shopify cannot be reached: the kept window stays."""
    minutes = read_shop_edit_minutes(client)
    with database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, minutes)
    return shop_edit_window_from_minutes(minutes)


def stored_shop_edit_window(database: Database, store_id: int) -> timedelta | None:
    """The window the last sync kept for the store; None when never read or it has none."""
    with database.reading() as conn:
        return shop_edit_window_from_minutes(edit_window_minutes(conn, store_id))


def read_shop_edit_minutes(client: ShopifyClient) -> int | None:
    """`editWindowMinutes` of the store's default profile (-1: until fulfillment).

    None when the store sets no window (`editRules` null), does not take requests at all,
    or refuses the unstable API (or answers it unreadably). Raises `ShopifyError` when
    Shopify cannot be reached."""
    from cancelapp.shopify import (
        UNSTABLE_VERSION,
        AuthFailed,
        MalformedResponse,
        MissingScopes,
        RequestRejected,
        ShopNotFound,
        documents,
    )

    # A store or token without the unstable API, or an unstable answer we cannot read: the
    # policy then uses its default window, and the sync goes on.
    refusals = (ShopNotFound, MissingScopes, AuthFailed, RequestRejected, MalformedResponse)
    try:
        data = client.query(
            documents.load("unstable/return_policy_profiles"), version=UNSTABLE_VERSION
        )
    except refusals:
        return None
    return edit_minutes_of_profiles((data.get("returnPolicyProfiles") or {}).get("nodes") or [])


def edit_minutes_of_profiles(profiles: list[dict[str, Any]]) -> int | None:
    """The default profile's raw window (the first profile when none is marked default)."""
    default = next((p for p in profiles if p.get("default")), profiles[0] if profiles else {})
    rules = default.get("editRules")
    if not isinstance(rules, dict) or not rules.get("canAcceptEdits"):
        return None
    minutes = rules.get("editWindowMinutes")
    # bool is an int in Python; below -1 is no window Shopify documents
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < -1:
        return None
    return minutes
