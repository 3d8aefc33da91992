"""An authenticated IMAP connection (implicit TLS or STARTTLS) and the mailbox settings."""

from __future__ import annotations

import base64
import contextlib
import imaplib
import ssl
from collections.abc import Callable

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.sasl import Bearer, imap_authenticate, imap_mechanism
from cancelapp.sources.email_config import EmailConfig, Security
from cancelapp.sources.incoming import CONTEXT, SourceUnavailable

_UNREACHABLE = QT_TRANSLATE_NOOP(CONTEXT, "Could not reach the mail server {host}")
_CERTIFICATE = QT_TRANSLATE_NOOP(
    CONTEXT, "The mail server {host} did not prove its identity (certificate problem)"
)
_NO_STARTTLS = QT_TRANSLATE_NOOP(
    CONTEXT, "The mail server {host} does not offer an encrypted connection (STARTTLS)"
)
PROTOCOL_ERROR = QT_TRANSLATE_NOOP(CONTEXT, "The mail server {host} gave an unexpected answer")
_LOGIN = QT_TRANSLATE_NOOP(CONTEXT, "The mail server {host} refused the user name or password")
_NO_OAUTH = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The mail server {host} does not offer sign-in with Google or Microsoft (XOAUTH2 or "
    "OAUTHBEARER). Choose App password for this mailbox in Settings › Incoming requests.",
)
_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "The mail server {host} refused the sign-in for {address}. Sign in again in Settings › "
    "Incoming requests; if it keeps happening, check that IMAP is switched on for the mailbox.",
)
# What stands in for a password: the password, or an OAuth2 access token (`Bearer`).
type MailLogin = str | Bearer


class ImapSession:
    """An authenticated IMAP connection, logged out on exit; errors become merchant phrases."""

    def __init__(
        self, config: EmailConfig, password: Callable[[], MailLogin], context: ssl.SSLContext
    ) -> None:
        self._config = config
        self._password = password
        self._context = context
        self._imap: imaplib.IMAP4 | None = None

    def __enter__(self) -> imaplib.IMAP4:
        host: dict[str, PhraseArg] = {"host": self._config.host}
        try:
            # Before connecting: a token may need refreshing, which can fail on its own.
            login = self._password()
        except SignInFailed as error:
            raise SourceUnavailable(error.phrase) from None
        try:
            self._imap = self._connect()
        except ssl.SSLError as exc:
            raise SourceUnavailable(Phrase(CONTEXT, _CERTIFICATE, host)) from exc
        except (OSError, imaplib.IMAP4.error) as exc:
            raise SourceUnavailable(Phrase(CONTEXT, _UNREACHABLE, host)) from exc
        if isinstance(login, Bearer):
            self._authenticate(self._imap, login)
        else:
            try:
                _log_in(self._imap, self._config.username, login)
            except imaplib.IMAP4.error:
                self._close()
                # `from None`: the server's answer is not shown, nor anything near the password.
                raise SourceUnavailable(Phrase(CONTEXT, _LOGIN, host)) from None
        # Servers announce more (MOVE, UIDPLUS) once logged in than in their greeting.
        status, data = self._imap.capability()
        if status == "OK" and data and isinstance(data[-1], bytes):
            self._imap.capabilities = tuple(data[-1].decode("ascii", "replace").upper().split())
        return self._imap

    def __exit__(self, *exc_info: object) -> None:
        if self._imap is not None:
            try:
                self._imap.logout()
            except (OSError, imaplib.IMAP4.error):
                self._close()
            self._imap = None
        error = exc_info[1]
        host: dict[str, PhraseArg] = {"host": self._config.host}
        if isinstance(error, (OSError, imaplib.IMAP4.abort)):
            # The connection dropped mid-way: nothing was stored, the next fetch starts over.
            raise SourceUnavailable(Phrase(CONTEXT, _UNREACHABLE, host)) from error
        if isinstance(error, imaplib.IMAP4.error):  # the server answered BAD or NO
            raise SourceUnavailable(Phrase(CONTEXT, PROTOCOL_ERROR, host)) from error

    def _authenticate(self, imap: imaplib.IMAP4, bearer: Bearer) -> None:
        config = self._config
        mechanism = imap_mechanism(tuple(imap.capabilities))
        if mechanism is None:
            self._close()
            raise SourceUnavailable(Phrase(CONTEXT, _NO_OAUTH, {"host": config.host}))
        try:
            imap_authenticate(imap, mechanism, bearer, config.host, config.port)
        except imaplib.IMAP4.error:
            self._close()
            args: dict[str, PhraseArg] = {"host": config.host, "address": bearer.address}
            raise SourceUnavailable(Phrase(CONTEXT, _TOKEN_REFUSED, args)) from None

    def _connect(self) -> imaplib.IMAP4:
        config = self._config
        if config.security is Security.TLS:
            return imaplib.IMAP4_SSL(
                config.host, config.port, ssl_context=self._context, timeout=config.timeout
            )
        imap = imaplib.IMAP4(config.host, config.port, timeout=config.timeout)
        if "STARTTLS" not in imap.capabilities:
            imap.shutdown()
            raise SourceUnavailable(Phrase(CONTEXT, _NO_STARTTLS, {"host": config.host}))
        imap.starttls(self._context)
        return imap

    def _close(self) -> None:
        if self._imap is not None:
            with contextlib.suppress(OSError):
                self._imap.shutdown()
            self._imap = None


def _log_in(imap: imaplib.IMAP4, username: str, password: str) -> None:
    """LOGIN, or SASL PLAIN for a name or password beyond ASCII (`rødgrød`): imaplib sends
    LOGIN's arguments as ASCII, while PLAIN carries UTF-8 (RFC 4616)."""
    if username.isascii() and password.isascii():
        imap.login(username, password)
        return
    credentials = f"\0{username}\0{password}".encode()
    imap.authenticate("PLAIN", lambda _challenge: credentials)


def mailbox_name(folder: str) -> str:
    """A folder name as IMAP writes it (RFC 3501 5.1.3, "modified UTF-7"), quoted: `Købt`
    becomes `"K&APg-bt"`. Without it a Danish folder name could not be sent at all."""
    encoded, pending = [], ""
    for char in folder:
        if " " <= char <= "~":
            if pending:
                encoded.append(_shifted(pending))
                pending = ""
            encoded.append("&-" if char == "&" else char)
        else:
            pending += char
    if pending:
        encoded.append(_shifted(pending))
    name = "".join(encoded)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _shifted(text: str) -> str:
    packed = base64.b64encode(text.encode("utf-16-be")).decode("ascii").rstrip("=")
    return "&" + packed.replace("/", ",") + "-"
