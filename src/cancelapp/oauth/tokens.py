"""A mailbox's OAuth tokens: got at the token endpoint, kept only in the keychain, refreshed
when they expire and revoked on sign-out.

One keychain entry per store holds the pair (access and refresh token) with its expiry and the
signed-in address, so they are replaced together.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import SavedSecret, SecretKind, SecretStore
from cancelapp.oauth import errors
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.providers import Client, Provider, ProviderKey
from cancelapp.tls import system_tls_context

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(20.0)
# Refreshed this long before the provider's expiry, so a token never expires mid-fetch.
EXPIRY_MARGIN = timedelta(minutes=2)
type Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Tokens:
    provider: ProviderKey
    address: str
    access_token: str
    refresh_token: str | None
    expires_at: datetime

    def to_secret(self) -> str:
        return json.dumps(
            {
                "provider": self.provider.value,
                "address": self.address,
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_at": self.expires_at.isoformat(),
            }
        )

    @classmethod
    def from_secret(cls, secret: str) -> Tokens | None:
        """None for an entry that is not ours to read (damaged or from another version)."""
        try:
            data = json.loads(secret)
            return cls(
                ProviderKey(data["provider"]),
                str(data["address"]),
                str(data["access_token"]),
                data["refresh_token"] if isinstance(data["refresh_token"], str) else None,
                datetime.fromisoformat(data["expires_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


def exchange_code(
    provider: Provider,
    client: Client,
    code: str,
    verifier: str,
    redirect_uri: str,
    now: Clock = _utc_now,
) -> Tokens:
    """The authorization code for tokens (RFC 6749 4.1.3, with the PKCE verifier)."""
    answer = _token_request(
        provider,
        client,
        {
            "grant_type": "authorization_code",
            "code": code,
            "code_verifier": verifier,
            "redirect_uri": redirect_uri,
        },
        refreshing=None,
    )
    address = _address_of(answer.get("id_token"))
    if not address:
        raise SignInFailed(errors.NO_ADDRESS, provider=provider.name)
    return _tokens_from(provider, answer, address, None, now())


def save_tokens(secrets: SecretStore, store_domain: str, tokens: Tokens) -> SavedSecret:
    return secrets.save(store_domain, SecretKind.MAIL_SIGN_IN, tokens.to_secret())


def fresh_access_token(
    provider: Provider,
    client: Client,
    secrets: SecretStore,
    store_domain: str,
    address: str,
    now: Clock = _utc_now,
) -> str:
    """The access token for the store's mailbox, refreshed first if it is about to expire.
    Reads the keychain (may block): in a worker. Raises `SignInFailed` or
    `KeychainUnavailable`."""
    stored = secrets.load(store_domain, SecretKind.MAIL_SIGN_IN)
    tokens = Tokens.from_secret(stored) if stored else None
    if tokens is None or tokens.provider is not provider.key:
        raise SignInFailed(errors.NOT_SIGNED_IN, provider=provider.name, address=address)
    moment = now()
    if tokens.expires_at - EXPIRY_MARGIN > moment:
        return tokens.access_token
    if tokens.refresh_token is None:
        raise SignInFailed(errors.EXPIRED, provider=provider.name, address=tokens.address)
    answer = _token_request(
        provider,
        client,
        {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token},
        refreshing=tokens,
    )
    refreshed = _tokens_from(provider, answer, tokens.address, tokens.refresh_token, moment)
    save_tokens(secrets, store_domain, refreshed)
    log.info("refreshed the %s sign-in of a mailbox", provider.key.value)
    return refreshed.access_token


def sign_out(provider: Provider, secrets: SecretStore, store_domain: str) -> Phrase | None:
    """Revoke the tokens at the provider (where it can: RFC 7009) and forget them. A revocation
    that does not go through is not raised, forgetting matters most here: the merchant gets a
    notice saying where to remove CancelApp's access by hand (always so for Microsoft)."""
    stored = secrets.load(store_domain, SecretKind.MAIL_SIGN_IN)
    tokens = Tokens.from_secret(stored) if stored else None
    revoked = False
    if tokens is not None and provider.revoke_url is not None:
        token = tokens.refresh_token or tokens.access_token
        try:
            with httpx.Client(timeout=TIMEOUT, verify=system_tls_context()) as http:
                http.post(provider.revoke_url, data={"token": token}).raise_for_status()
            revoked = True
        except httpx.HTTPError as error:
            log.warning("revoking the %s sign-in failed: %s", provider.key.value, type(error))
    secrets.delete(store_domain, SecretKind.MAIL_SIGN_IN)
    if tokens is None or revoked:
        return None
    return Phrase(
        errors.CONTEXT,
        errors.REMOVE_BY_HAND,
        {"provider": provider.name, "url": provider.manage_access_url},
    )


def _token_request(
    provider: Provider, client: Client, form: dict[str, str], *, refreshing: Tokens | None
) -> dict[str, Any]:
    body = {**form, "client_id": client.client_id}
    if client.client_secret:
        body["client_secret"] = client.client_secret
    try:
        with httpx.Client(timeout=TIMEOUT, verify=system_tls_context()) as http:
            response = http.post(provider.token_url, data=body)
    except httpx.HTTPError:
        raise SignInFailed(errors.UNREACHABLE, provider=provider.name) from None
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise SignInFailed(
            errors.PROVIDER_SAYS, provider=provider.name, detail=response.status_code
        )
    if response.is_success and isinstance(answer.get("access_token"), str):
        return answer
    code = str(answer.get("error", response.status_code))
    if code in ("invalid_client", "unauthorized_client"):
        raise SignInFailed(errors.BAD_CLIENT, provider=provider.name)
    if refreshing is not None and code == "invalid_grant":
        raise SignInFailed(errors.EXPIRED, provider=provider.name, address=refreshing.address)
    raise SignInFailed(errors.PROVIDER_SAYS, provider=provider.name, detail=code)


def _tokens_from(
    provider: Provider,
    answer: dict[str, Any],
    address: str,
    refresh_token: str | None,
    now: datetime,
) -> Tokens:
    lifetime = answer.get("expires_in")
    seconds = int(lifetime) if isinstance(lifetime, int | str) and str(lifetime).isdigit() else 0
    rotated = answer.get("refresh_token")  # Microsoft rotates it; Google keeps the first
    return Tokens(
        provider.key,
        address,
        str(answer["access_token"]),
        rotated if isinstance(rotated, str) else refresh_token,
        now + timedelta(seconds=seconds),
    )


def _address_of(id_token: object) -> str | None:
    """The email address an OpenID id_token names. Its signature is not checked: it came
    straight from the token endpoint over TLS (OpenID Connect Core 3.1.3.7, point 6)."""
    if not isinstance(id_token, str) or id_token.count(".") != 2:
        return None
    payload = id_token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(claims, dict):
        return None
    for claim in ("email", "preferred_username"):  # Microsoft may name the address only so
        value = claims.get(claim)
        if isinstance(value, str) and "@" in value:
            return value
    return None
