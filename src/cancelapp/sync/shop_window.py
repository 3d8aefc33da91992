"""The store's own cancellation window, read from Shopify for the policy's "shop" windows.

Read from the default return policy profile's `editRules` (stable in 2026-10) as the raw
`editWindowMinutes`, so -1 stays "until fulfillment" rather than "no window". The raw minutes
are kept with the store, so
a start without network judges with the window the last sync read (not the default 24 h).
Reading profiles needs the `read_legal_policies` scope: without it the policy's own window
applies, and the merchant is told why. Runs in a worker; Qt-free.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.policy import shop_edit_window_from_minutes
from cancelapp.store.database import Database
from cancelapp.store.stores import edit_window_minutes, set_edit_window_minutes

if TYPE_CHECKING:  # the HTTP client loads where Shopify is read, not with the kept window
    from cancelapp.shopify.client import ShopifyClient

EDIT_WINDOW_MAX_AGE = timedelta(hours=1)  # re-read at most this often: one request each time
SCOPE = "read_legal_policies"  # return policy profiles
CONTEXT = "ShopWindow"
_NO_SCOPE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Shopify did not let CancelApp read the store's own cancellation window (the app lacks "
    "the read_legal_policies permission), so the policy's own window applies. Add the "
    "permission to the app in Shopify to use the store's window.",
)


def refresh_shop_edit_window(
    client: ShopifyClient, database: Database, store_id: int
) -> tuple[timedelta | None, Phrase | None]:
    """Read the store's window from Shopify, keep it with the store and return it, with a
    notice for the merchant when the token may not read it (the policy's window applies).

    Raises `ShopifyError` when Shopify cannot be reached: the kept window stays."""
    from cancelapp.shopify import MissingScopes

    try:
        minutes = read_shop_edit_minutes(client)
        notice = None
    except MissingScopes:
        minutes, notice = None, Phrase(CONTEXT, _NO_SCOPE)
    with database.transaction() as conn:
        set_edit_window_minutes(conn, store_id, minutes)
    return shop_edit_window_from_minutes(minutes), notice


def stored_shop_edit_window(database: Database, store_id: int) -> timedelta | None:
    """The window the last sync kept for the store; None when never read or it has none."""
    with database.reading() as conn:
        return shop_edit_window_from_minutes(edit_window_minutes(conn, store_id))


def read_shop_edit_minutes(client: ShopifyClient) -> int | None:
    """`editWindowMinutes` of the store's default profile (-1: until fulfillment).

    None when the store sets no window (`editRules` null), does not take requests at all,
    or refuses the query (or answers it unreadably). Raises `MissingScopes` without
    `read_legal_policies`, and `ShopifyError` when Shopify cannot be reached."""
    from cancelapp.shopify import (
        AuthFailed,
        MalformedResponse,
        RequestRejected,
        ShopNotFound,
        documents,
    )

    # A store that refuses the query, or an answer we cannot read: the policy then uses its
    # default window, and the sync goes on.
    refusals = (ShopNotFound, AuthFailed, RequestRejected, MalformedResponse)
    try:
        data = client.query(documents.load("return_policy_profiles"))
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
