"""Who may call: the app's static Admin API token, and tokens from the client credentials grant."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Any

from cancelapp.demoshop.clock import Clock

TOKEN_LIFETIME_S = 86399  # what Shopify reports for client-credentials tokens (about 24 h)
INVALID_CLIENT = {
    "error": "invalid_client",
    "error_description": (
        "Client authentication failed due to unknown client, no client authentication "
        "included, or unsupported authentication method."
    ),
}
UNSUPPORTED_GRANT = {
    "error": "unsupported_grant_type",
    "error_description": (
        "The authorization grant type is not supported by the authorization server."
    ),
}
INVALID_TOKEN_BODY = {
    "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"
}


@dataclass(frozen=True)
class GrantAnswer:
    status: int
    body: dict[str, Any]


class TokenBook:
    def __init__(self, clock: Clock, *, token_lifetime: float = TOKEN_LIFETIME_S) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.token_lifetime = token_lifetime
        self.access_token = f"shpat_{secrets.token_hex(16)}"
        self.client_id = secrets.token_hex(16)
        self.client_secret = f"shpss_{secrets.token_hex(16)}"
        self._issued: dict[str, float] = {}  # token -> monotonic expiry
        self.grants = 0  # tokens issued by the client credentials grant

    def accepts(self, token: str | None) -> bool:
        if not token:
            return False
        if secrets.compare_digest(token, self.access_token):
            return True
        with self._lock:
            expires = self._issued.get(token)
        return expires is not None and self._clock.monotonic() < expires

    def grant(self, form: dict[str, str], scopes: frozenset[str]) -> GrantAnswer:
        if form.get("grant_type") != "client_credentials":
            return GrantAnswer(400, UNSUPPORTED_GRANT)
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if not (
            secrets.compare_digest(client_id, self.client_id)
            and secrets.compare_digest(secret, self.client_secret)
        ):
            return GrantAnswer(400, INVALID_CLIENT)
        token = f"shpat_{secrets.token_hex(16)}"
        with self._lock:
            self._issued[token] = self._clock.monotonic() + self.token_lifetime
            self.grants += 1
        body = {
            "access_token": token,
            "scope": ",".join(sorted(scopes)),
            "expires_in": int(self.token_lifetime),
        }
        return GrantAnswer(200, body)

    def expire_issued_tokens(self) -> None:
        """Make every granted token stale at once, as if a day had passed."""
        with self._lock:
            self._issued = dict.fromkeys(self._issued, 0.0)
