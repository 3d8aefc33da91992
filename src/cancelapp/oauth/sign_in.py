"""The authorization-code flow with PKCE (RFC 7636, S256) and a loopback redirect (RFC 8252).

`start_sign_in` listens on 127.0.0.1 at a port the system picks, and hands the provider's
sign-in address to `open_browser` (the UI passes the system browser). `PendingSignIn.answer`
then waits, in a worker, for the browser to come back to the loopback with the code, checks
the state, and exchanges the code for tokens at the token endpoint.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import secrets
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from cancelapp.oauth import errors
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.providers import Client, Provider
from cancelapp.oauth.tokens import Tokens, exchange_code

log = logging.getLogger(__name__)

ANSWER_TIMEOUT = timedelta(minutes=5)
_POLL_SECONDS = 0.25  # how often the wait looks at the cancel flag
# Codes by which an administrator's refusal shows (Google; Microsoft Entra's AADSTS numbers).
_ADMIN_ERRORS = ("admin_policy_enforced", "consent_required")
_ADMIN_CODES = ("AADSTS65001", "AADSTS90094", "AADSTS90095", "AADSTS65004")


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge): 64 random bytes as the verifier, 86 characters."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


class _Loopback(HTTPServer):
    answer: dict[str, str] | None = None
    page: bytes = b""


class _Answer(BaseHTTPRequestHandler):
    server: _Loopback
    timeout = 10  # seconds for a connection to send its request: a silent one cannot hang us

    def do_GET(self) -> None:
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        if urlsplit(self.path).path != "/" or not ({"code", "error"} & set(query)):
            self.send_error(404)  # a favicon, or anything that is not the provider's answer
            return
        self.server.answer = query
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.server.page)))
        self.end_headers()
        self.wfile.write(self.server.page)

    def log_message(self, format: str, *args: object) -> None:
        """Nothing: the request line holds the authorization code."""


class PendingSignIn:
    """A sign-in whose browser page is open; `answer` waits for it. Close it when done."""

    def __init__(self, provider: Provider, client_id: str, answer_page: str) -> None:
        self.provider = provider
        self.client_id = client_id
        try:
            self._server = _Loopback(("127.0.0.1", 0), _Answer)
        except OSError:
            raise SignInFailed(errors.NO_PORT) from None
        self._server.timeout = _POLL_SECONDS
        text = html.escape(answer_page)
        self._server.page = (
            f'<!doctype html><meta charset="utf-8"><title>CancelApp</title><p>{text}</p>'
        ).encode()
        port = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{port}/"
        self._verifier, challenge = pkce_pair()
        self._state = secrets.token_urlsafe(32)
        query = {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": self.redirect_uri,
            "scope": " ".join(provider.scopes),
            "state": self._state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            **dict(provider.extra_authorize),
        }
        self.authorization_url = f"{provider.authorize_url}?{urlencode(query)}"
        self.browser_opened = False

    def answer(
        self,
        cancel: threading.Event,
        client_secret: str | None,
        timeout: timedelta = ANSWER_TIMEOUT,
    ) -> Tokens:
        """Wait for the browser's redirect, check it and exchange its code for tokens (with
        the client secret Google requires, read from the keychain by the caller). Raises
        `SignInFailed`, or `SignInCancelled` once `cancel` is set. Closes the loopback."""
        if self.provider.needs_client_secret and not client_secret:
            self.close()
            raise SignInFailed(errors.NO_CLIENT_SECRET)
        deadline = time.monotonic() + timeout.total_seconds()
        try:
            while self._server.answer is None:
                if cancel.is_set():
                    raise SignInCancelled
                if time.monotonic() > deadline:
                    minutes = int(timeout.total_seconds() // 60)
                    raise SignInFailed(errors.NO_ANSWER, minutes=minutes)
                self._server.handle_request()
        finally:
            self.close()
        return self._checked(self._server.answer, Client(self.client_id, client_secret))

    def close(self) -> None:
        self._server.server_close()

    def _checked(self, answer: dict[str, str], client: Client) -> Tokens:
        if not secrets.compare_digest(answer.get("state", ""), self._state):
            raise SignInFailed(errors.WRONG_STATE)
        name = self.provider.name
        if "error" in answer:
            error, description = answer["error"], answer.get("error_description", "")
            log.info("sign-in refused by %s: %s", self.provider.key.value, error)
            if error in _ADMIN_ERRORS or any(code in description for code in _ADMIN_CODES):
                raise SignInFailed(errors.ADMIN_FORBIDS, provider=name)
            if error == "access_denied":
                raise SignInFailed(errors.REFUSED, provider=name)
            if error in ("invalid_client", "unauthorized_client"):
                raise SignInFailed(errors.BAD_CLIENT, provider=name)
            raise SignInFailed(errors.PROVIDER_SAYS, provider=name, detail=error)
        return exchange_code(
            self.provider, client, answer["code"], self._verifier, self.redirect_uri
        )


class SignInCancelled(Exception):
    """The merchant stopped waiting for the browser."""


def start_sign_in(
    provider: Provider,
    client_id: str,
    open_browser: Callable[[str], bool],
    answer_page: str,
) -> PendingSignIn:
    """Listen on the loopback and open the provider's sign-in page. `browser_opened` is False
    when no browser could be opened: the merchant can still open `authorization_url` by hand.
    `answer_page` is what the browser shows once it has come back. Raises `SignInFailed`."""
    if not client_id:
        raise SignInFailed(errors.NO_CLIENT, provider=provider.name)
    pending = PendingSignIn(provider, client_id, answer_page)
    pending.browser_opened = open_browser(pending.authorization_url)
    return pending
