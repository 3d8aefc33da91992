"""Bearer tokens at real mail servers: Dovecot checks them at the test provider's introspection
endpoint (OAUTHBEARER and XOAUTH2 over IMAP); aiosmtpd takes AUTH XOAUTH2 as Gmail does."""

from __future__ import annotations

import base64
import json
import smtplib
import uuid
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session

from cancelapp.oauth import errors
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.sasl import Bearer, Mechanism, imap_mechanism, smtp_authenticate
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.email_source import EmailSource
from cancelapp.sources.incoming import SourceUnavailable
from fixtures.imap import ImapServer, _free_port
from fixtures.oauth_imap import OAuthImapServer

pytestmark = pytest.mark.imap


def deliver(server: OAuthImapServer, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = "Kunde <kunde@example.dk>"
    message["To"] = server.address
    message["Subject"] = subject
    message["Message-ID"] = f"<{uuid.uuid4()}@example.dk>"
    message.set_content(body)
    conn = server.connect()
    try:
        conn.append("INBOX", None, None, message.as_bytes())
    finally:
        conn.logout()


def source(server: OAuthImapServer, login: object) -> EmailSource:
    config = EmailConfig(host=server.host, username=server.address, port=server.imaps_port)
    return EmailSource(config, lambda: login, ssl_context=server.ssl_context())  # type: ignore[arg-type, return-value]


def test_mail_is_read_with_a_bearer_token_over_oauthbearer(
    oauth_imap_server: OAuthImapServer,
) -> None:
    deliver(oauth_imap_server, "Annuller ordre #1001", "Hej, jeg vil gerne annullere #1001.")
    token = oauth_imap_server.provider.issue_token(oauth_imap_server.address)
    result = source(oauth_imap_server, Bearer(oauth_imap_server.address, token)).fetch({})
    assert any(r.order_name == "#1001" for r in result.requests)
    assert imap_mechanism(("IMAP4REV1", "AUTH=XOAUTH2", "AUTH=OAUTHBEARER")) is (
        Mechanism.OAUTHBEARER
    )
    assert imap_mechanism(("IMAP4REV1", "AUTH=XOAUTH2")) is Mechanism.XOAUTH2  # Outlook's


def test_a_refused_token_and_a_failed_refresh_are_said_plainly(
    oauth_imap_server: OAuthImapServer,
) -> None:
    with pytest.raises(SourceUnavailable) as refused:
        source(oauth_imap_server, Bearer(oauth_imap_server.address, "expired-token")).fetch({})
    assert refused.value.phrase.render_plain().startswith(
        f"The mail server 127.0.0.1 refused the sign-in for {oauth_imap_server.address}."
    )
    assert "expired-token" not in str(refused.value)

    def withdrawn() -> Bearer:
        raise SignInFailed(errors.EXPIRED, provider="Google", address="a@example.com")

    config = EmailConfig(host="127.0.0.1", username="a@example.com", port=1)
    with pytest.raises(SourceUnavailable) as expired:
        EmailSource(config, withdrawn).fetch({})
    assert expired.value.phrase.template == errors.EXPIRED


def test_a_server_without_oauth_says_to_use_an_app_password(imap_server: ImapServer) -> None:
    config = EmailConfig(host=imap_server.host, username="shop", port=imap_server.imaps_port)
    bearer = Bearer("shop", "some-token")
    with pytest.raises(SourceUnavailable) as refused:
        EmailSource(config, lambda: bearer, ssl_context=imap_server.ssl_context()).fetch({})
    assert "Choose App password" in refused.value.phrase.render_plain()


class XOAuth2Handler:
    """Gmail's side of AUTH XOAUTH2: a bad token gets a JSON error challenge, then 535."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.messages: list[Envelope] = []
        self.users: list[str] = []

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        response = base64.b64decode(args[1]) if len(args) > 1 else b""
        fields = dict(part.split("=", 1) for part in response.decode().split("\x01") if "=" in part)
        if fields.get("auth") == f"Bearer {self.token}":
            self.users.append(fields["user"])
            return AuthResult(success=True, auth_data=fields["user"])
        error = json.dumps(
            {"status": "400", "schemes": "Bearer", "scope": "https://mail.google.com/"}
        )
        await server.challenge_auth(error)
        return AuthResult(success=False, handled=False)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, XOAuth2Handler]]:
    handler = XOAuth2Handler("good-token")
    port = _free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, auth_require_tls=False, auth_required=False
    )
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def test_smtp_submission_authenticates_with_xoauth2(
    smtp_server: tuple[int, XOAuth2Handler],
) -> None:
    port, handler = smtp_server
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp_authenticate(smtp, Bearer("butik@example.dk", "good-token"))
        smtp.sendmail("butik@example.dk", ["kunde@example.dk"], b"Subject: Re: Annuller\r\n\r\nOK")
    assert handler.users == ["butik@example.dk"]
    assert len(handler.messages) == 1
    with (
        smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp,
        pytest.raises(smtplib.SMTPAuthenticationError),
    ):
        smtp_authenticate(smtp, Bearer("butik@example.dk", "stale-token"))
