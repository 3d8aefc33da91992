"""A store's Shopify credentials in the keychain, and back.

The store row says which kind the store uses (`auth_kind`); the keychain holds the rest: the
pasted access token, or a Dev Dashboard app's client ID with its secret.
"""

from __future__ import annotations

from contextlib import suppress

from cancelapp.domain.phrase import Phrase
from cancelapp.keychain.secret_store import (
    KeychainUnavailable,
    SecretKind,
    SecretStore,
    notices_of,
)
from cancelapp.shopify.credentials import AccessToken, ClientCredentials, Credentials

AUTH_ACCESS_TOKEN = "access_token"  # noqa: S105 (a kind, not a token)
AUTH_CLIENT_CREDENTIALS = "client_credentials"


def auth_kind_of(credentials: Credentials) -> str:
    if isinstance(credentials, AccessToken):
        return AUTH_ACCESS_TOKEN
    return AUTH_CLIENT_CREDENTIALS


def save_credentials(
    secrets: SecretStore, store_domain: str, credentials: Credentials
) -> tuple[Phrase, ...]:
    """Store them (replacing the other kind's, if the store switched); notices for the merchant
    when they are kept for this session only. Blocks on an unlock prompt: off the GUI thread."""
    with suppress(KeychainUnavailable):  # a locked keychain: the saves below say so
        secrets.delete_store_credentials(store_domain)
    if isinstance(credentials, AccessToken):
        saved = [secrets.save(store_domain, SecretKind.ACCESS_TOKEN, credentials.token)]
    else:
        saved = [
            secrets.save(store_domain, SecretKind.CLIENT_ID, credentials.client_id),
            secrets.save(store_domain, SecretKind.CLIENT_SECRET, credentials.client_secret),
        ]
    return notices_of(saved)


def load_credentials(secrets: SecretStore, store_domain: str, auth_kind: str) -> Credentials | None:
    """None when the keychain has none (say, kept for a session that ended): connect again.
    Raises `KeychainUnavailable` when the keychain is locked."""
    if auth_kind == AUTH_ACCESS_TOKEN:
        token = secrets.load(store_domain, SecretKind.ACCESS_TOKEN)
        return AccessToken(token) if token else None
    client_id = secrets.load(store_domain, SecretKind.CLIENT_ID)
    client_secret = secrets.load(store_domain, SecretKind.CLIENT_SECRET)
    if client_id and client_secret:
        return ClientCredentials(client_id, client_secret)
    return None
