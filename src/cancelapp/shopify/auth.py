"""Turns credentials into the `X-Shopify-Access-Token` value, refreshing it when it expires.

A client-credentials token (about 24 h) is renewed 60 s before `expires_in` runs out and once
more whenever Shopify answers 401, so callers never see an expiry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from cancelapp.shopify.credentials import AccessToken, ClientCredentials, Credentials
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.shopify.errors import (
    AuthFailed,
    MalformedResponse,
    NetworkDown,
    ShopifyDown,
    ShopLocked,
    ShopNotFound,
)

REFRESH_MARGIN_S = 60.0


@dataclass
class _Issued:
    token: str = field(repr=False)
    expires_at: float | None  # on the monotonic clock; None: never
    scopes: tuple[str, ...] = ()


class TokenSource:
    """Hands out a valid token; thread-safe (one exchange at a time)."""

    def __init__(
        self,
        endpoint: Endpoint,
        credentials: Credentials,
        http: httpx.Client,
        clock: Callable[[], float],
    ) -> None:
        self._endpoint = endpoint
        self._credentials = credentials
        self._http = http
        self._clock = clock
        self._lock = threading.Lock()
        self._issued: _Issued | None = None
        self.exchanges = 0  # how many client-credentials exchanges were made

    def __repr__(self) -> str:
        return f"TokenSource({self._endpoint.domain}, {type(self._credentials).__name__})"

    @property
    def can_refresh(self) -> bool:
        return isinstance(self._credentials, ClientCredentials)

    def token(self) -> str:
        with self._lock:
            if self._issued is None or self._expiring(self._issued):
                self._issued = self._issue()
            return self._issued.token

    def invalidate(self, token: str) -> None:
        """Forget `token` after a 401, unless another thread already replaced it."""
        with self._lock:
            if self._issued is not None and self._issued.token == token:
                self._issued = None

    def _expiring(self, issued: _Issued) -> bool:
        return issued.expires_at is not None and self._clock() >= issued.expires_at

    def _issue(self) -> _Issued:
        credentials = self._credentials
        if isinstance(credentials, AccessToken):
            return _Issued(credentials.token.strip(), None)
        return self._exchange(credentials)

    def _exchange(self, credentials: ClientCredentials) -> _Issued:
        started = self._clock()
        try:
            response = self._http.post(
                self._endpoint.token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": credentials.client_id.strip(),
                    "client_secret": credentials.client_secret.strip(),
                },
                headers={"Accept": "application/json"},
            )
        except httpx.TransportError as exc:
            raise NetworkDown(f"token exchange: {type(exc).__name__}") from None
        self.exchanges += 1
        _raise_for_token_status(self._endpoint, response)
        try:
            body = response.json()
            token = body["access_token"]
            expires_in = float(body.get("expires_in") or 0)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise MalformedResponse("token exchange: unreadable answer") from None
        if not isinstance(token, str) or not token.strip():  # never send "None" as a token
            raise MalformedResponse("token exchange: no access token in the answer")
        expires_at = started + expires_in - REFRESH_MARGIN_S if expires_in else None
        scopes = tuple(s for s in str(body.get("scope") or "").split(",") if s)
        return _Issued(token, expires_at, scopes)


def _raise_for_token_status(endpoint: Endpoint, response: httpx.Response) -> None:
    status = response.status_code
    if status == 200:
        return
    detail = f"token exchange: HTTP {status} {_oauth_error(response)}".strip()
    if status in {400, 401, 403}:
        raise AuthFailed.bad_client_credentials(detail)
    if status == 404:
        raise ShopNotFound(endpoint.domain, detail)
    if status in {402, 423}:
        raise ShopLocked(endpoint.domain, detail)
    if status >= 500:
        raise ShopifyDown(detail)
    raise MalformedResponse(detail)


def _oauth_error(response: httpx.Response) -> str:
    """The OAuth `error` code (e.g. `invalid_client`, `app_not_installed`), never the body."""
    try:
        body = response.json()
    except ValueError:
        return ""
    code = body.get("error") if isinstance(body, dict) else None
    return code if isinstance(code, str) and code.isidentifier() else ""
