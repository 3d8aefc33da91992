"""OAuth2 bearer tokens over SASL: XOAUTH2 (Google's and Microsoft's) and OAUTHBEARER (RFC 7628),
for IMAP's AUTHENTICATE and SMTP's AUTH."""

from __future__ import annotations

import imaplib
import smtplib
from dataclasses import dataclass
from enum import StrEnum


class Mechanism(StrEnum):
    OAUTHBEARER = "OAUTHBEARER"
    XOAUTH2 = "XOAUTH2"


@dataclass(frozen=True)
class Bearer:
    """An access token for `address`'s mailbox, in place of its password."""

    address: str
    access_token: str

    def __repr__(self) -> str:
        return f"Bearer({self.address!r}, <token>)"  # never the token, in logs or tracebacks


def initial_response(mechanism: Mechanism, bearer: Bearer, host: str, port: int) -> bytes:
    if mechanism is Mechanism.XOAUTH2:
        return f"user={bearer.address}\x01auth=Bearer {bearer.access_token}\x01\x01".encode()
    # RFC 7628 3.1: a GS2 header naming the user (`,` and `=` escaped), then key=value pairs.
    user = bearer.address.replace("=", "=3D").replace(",", "=2C")
    return (
        f"n,a={user},\x01host={host}\x01port={port}\x01auth=Bearer {bearer.access_token}\x01\x01"
    ).encode()


def _after_error(mechanism: Mechanism) -> bytes:
    """What a client answers to the server's error challenge so the server can say NO: an
    empty line (XOAUTH2) or a single ^A (RFC 7628 3.2.3)."""
    return b"\x01" if mechanism is Mechanism.OAUTHBEARER else b""


def imap_mechanism(capabilities: tuple[str, ...]) -> Mechanism | None:
    """OAUTHBEARER, the standard, where the server offers it; else XOAUTH2; else None."""
    for mechanism in Mechanism:
        if f"AUTH={mechanism.value}" in capabilities:
            return mechanism
    return None


def imap_authenticate(
    imap: imaplib.IMAP4, mechanism: Mechanism, bearer: Bearer, host: str, port: int
) -> None:
    """AUTHENTICATE with the token. Raises `imaplib.IMAP4.error` when the server refuses."""
    first = initial_response(mechanism, bearer, host, port)
    answers = iter([first])
    imap.authenticate(mechanism.value, lambda _challenge: next(answers, _after_error(mechanism)))


def smtp_authenticate(smtp: smtplib.SMTP, bearer: Bearer) -> None:
    """AUTH XOAUTH2 on a connected (and, before it, encrypted) SMTP connection: what Gmail and
    Microsoft 365 accept for submission. Raises `smtplib.SMTPAuthenticationError` when
    refused, `smtplib.SMTPNotSupportedError` when the server does not offer XOAUTH2."""
    smtp.ehlo_or_helo_if_needed()
    if "XOAUTH2" not in smtp.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("the server does not offer AUTH XOAUTH2")
    first = initial_response(Mechanism.XOAUTH2, bearer, "", 0).decode()

    def answer(challenge: bytes | None = None) -> str:
        return first if challenge is None else ""

    smtp.auth(Mechanism.XOAUTH2.value, answer, initial_response_ok=True)
