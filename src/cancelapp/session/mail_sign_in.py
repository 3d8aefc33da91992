"""Signing a store's mailbox in to Google or Microsoft 365, and the token each poll uses.

Settings › Incoming requests starts the flow (`oauth.sign_in.start_sign_in`, on the GUI
thread: it opens the browser) and runs `finish_sign_in` in a worker; the sync reads mail with
`mailbox_login`; signing out and removing the store revoke them (`oauth.tokens.sign_out`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.keychain.secret_store import notices_of
from cancelapp.oauth import errors
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.providers import (
    BUILT_IN_CLIENT_IDS,
    Client,
    Provider,
    ProviderKey,
    app_owner,
)
from cancelapp.oauth.sasl import Bearer
from cancelapp.oauth.sign_in import PendingSignIn, SignInCancelled
from cancelapp.oauth.tokens import fresh_access_token, save_tokens
from cancelapp.session.task_control import TaskControl
from cancelapp.settings import Settings


@dataclass(frozen=True)
class SignedIn:
    address: str
    notices: tuple[Phrase, ...]  # for the merchant: kept for this session only


def client_id_for(sign_in_apps: Mapping[ProviderKey, str], key: ProviderKey) -> str:
    """The merchant's own client ID where set, else the one this build ships (maybe none)."""
    return sign_in_apps.get(key) or BUILT_IN_CLIENT_IDS[key]


def _client_secret(secrets: SecretStore, provider: Provider, typed: str | None) -> str | None:
    if not provider.needs_client_secret:
        return None
    return typed or secrets.load(app_owner(provider.key), SecretKind.SIGN_IN_APP_SECRET)


def finish_sign_in(
    control: TaskControl,
    pending: PendingSignIn,
    secrets: SecretStore,
    store_domain: str,
    typed_client_secret: str | None = None,
) -> SignedIn:
    """Wait for the browser, get the tokens and keep them in the keychain (only there).
    Raises `SignInFailed`, `KeychainUnavailable`, or ends cancelled."""
    secret = _client_secret(secrets, pending.provider, typed_client_secret)
    try:
        tokens = pending.answer(control.cancel_event, secret)
    except SignInCancelled:
        control.raise_if_cancelled()
        raise
    saved = save_tokens(secrets, store_domain, tokens)
    return SignedIn(tokens.address, notices_of([saved]))


def mailbox_login(
    provider: Provider, settings: Settings, secrets: SecretStore, store_domain: str
) -> Bearer:
    """The bearer token the sync logs in to the mailbox with, refreshed when expired.
    Raises `SignInFailed` (the email source shows it) or `KeychainUnavailable`."""
    address = settings.intake_for(store_domain).email.username
    client_id = client_id_for(settings.sign_in_apps, provider.key)
    if not client_id:
        raise SignInFailed(errors.NO_CLIENT, provider=provider.name)
    client = Client(client_id, _client_secret(secrets, provider, None))
    token = fresh_access_token(provider, client, secrets, store_domain, address)
    return Bearer(address, token)
