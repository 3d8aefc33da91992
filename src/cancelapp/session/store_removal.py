"""Forgetting a store on this computer: its secrets, request settings, cache and policy file.

The action journal and the audit log stay (they still name the store); nothing changes in
Shopify. Run in a worker by the window's File › Remove store….
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cancelapp.store.stores import StoreRecord, remove_store

if TYPE_CHECKING:
    from cancelapp.keychain import SecretStore
    from cancelapp.oauth.providers import Provider, ProviderKey
    from cancelapp.settings import Settings, SettingsFile
    from cancelapp.store.database import Database


def forget_store(
    database: Database,
    secrets: Callable[[], SecretStore],
    settings_file: SettingsFile,
    config_dir: Path,
    store: StoreRecord,
    *,
    sign_in_providers: Mapping[ProviderKey, Provider],
) -> Settings:
    """Secrets first (the point of removing: a mailbox sign-in is revoked at the provider),
    then settings (through their one owner), cache and policy; the settings without the
    store are returned. Raises `KeychainUnavailable`, `SettingsNotSaved` or `StoreError`;
    what was done before stays done, and removing again finishes the rest."""
    from cancelapp.policy import policy_path

    keychain = secrets()
    current = settings_file.current
    sign_in = current.intake_for(store.domain).email.sign_in
    if sign_in is not None:
        from cancelapp.oauth.tokens import sign_out

        sign_out(sign_in_providers[sign_in], keychain, store.domain)
    keychain.delete_store(store.domain)
    remaining, ticket = settings_file.change(current, current.without_store(store.domain))
    settings_file.write(remaining, ticket)
    with database.transaction() as conn:
        remove_store(conn, store.id)
    policy_path(config_dir, store.id).unlink(missing_ok=True)
    return remaining
