"""Forgetting a store on this computer: its secrets, request settings, cache and policy file.

The action journal and the audit log stay (they still name the store); nothing changes in
Shopify. Run in a worker by the window's File › Remove store….
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cancelapp.store.stores import StoreRecord, remove_store

if TYPE_CHECKING:
    from cancelapp.keychain import SecretStore
    from cancelapp.oauth.providers import Provider, ProviderKey
    from cancelapp.settings import Settings
    from cancelapp.store.database import Database


def forget_store(
    database: Database,
    secrets: SecretStore,
    settings: Settings,
    config_dir: Path,
    store: StoreRecord,
    *,
    sign_in_providers: Mapping[ProviderKey, Provider],
) -> Settings:
    """Secrets first (the point of removing: a mailbox sign-in is revoked at the provider),
    then settings, cache and policy; the settings without the store are returned. Raises
    `KeychainUnavailable`, `SettingsNotSaved` or `StoreError`; what was done before stays
    done, and removing again finishes the rest."""
    from cancelapp.policy import policy_path
    from cancelapp.settings import save_settings, settings_path

    sign_in = settings.intake_for(store.domain).email.sign_in
    if sign_in is not None:
        from cancelapp.oauth.tokens import sign_out

        sign_out(sign_in_providers[sign_in], secrets, store.domain)
    secrets.delete_store(store.domain)
    remaining = settings.without_store(store.domain)
    save_settings(remaining, settings_path(config_dir))
    with database.transaction() as conn:
        remove_store(conn, store.id)
    policy_path(config_dir, store.id).unlink(missing_ok=True)
    return remaining
