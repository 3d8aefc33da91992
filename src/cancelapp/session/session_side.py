"""The session side: the one place where what a connected store needs loads.

What the first paint needs (the cache, the queue, the window) is imported normally by the
modules that show it. Everything a connected store needs beyond that (the Shopify client with
httpx and graphql-core, the action pipeline, the keychain's backends, the sync) is imported
here, at the top, and this module is imported once, by `AppContext.open_session`, in the
worker that opens the store's session once every cached row is in (`session/opening.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from cancelapp.actions import ActionRunner, ActionSettings
from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import SecretStore, load_credentials
from cancelapp.session.refresh import StoreSession
from cancelapp.session.store_policy import StorePolicies
from cancelapp.settings import Settings
from cancelapp.shopify import Credentials
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store.database import Database
from cancelapp.store.stores import SESSION_ONLY, StoreRecord
from cancelapp.sync import IntakeSettings


def open_store_session(
    store: StoreRecord,
    database: Database,
    settings: Settings,
    policies: StorePolicies,
    intake: IntakeSettings,
    *,
    credentials: Credentials | None,
    secrets: Callable[[], SecretStore],
    words: Callable[[Phrase], str] = Phrase.render_plain,
    clock: Callable[[], datetime],
) -> StoreSession | None:
    """Client and runner for `store` (with `credentials` for this run, else the keychain's,
    found by `secrets` only then); None when its credentials are gone (connect again).
    `words` renders the notes it writes on orders in the merchant's language; `clock` is
    the time its verdicts are judged at.
    Raises `KeychainUnavailable`."""
    if credentials is None and store.auth_kind != SESSION_ONLY:
        credentials = load_credentials(secrets(), store.domain, store.auth_kind)
    if credentials is None:
        return None
    client = ShopifyClient(store.endpoint, credentials)
    runner = ActionRunner(
        database,
        client,
        settings.staff_name or None,
        settings=ActionSettings(undo_seconds=float(settings.undo_window_seconds), words=words),
        store_id=store.id,  # another store's plans go through its own client, never this one
    )
    return StoreSession(store, database, client, runner, policies, intake, clock=clock)
