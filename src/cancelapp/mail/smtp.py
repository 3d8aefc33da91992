"""SMTP submission (STARTTLS or implicit TLS) of one prepared message.

What a failure means decides what happens next, so it is told apart precisely: before the
message body was handed over nothing was sent (`MailNotSent`, safe to try again); after it,
a lost connection leaves the outcome unknown (`OutcomeUnknown`): the caller looks in the Sent
folder and, if that cannot tell, asks the merchant rather than sending twice.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import ssl
from collections.abc import Callable, Iterator

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.mail.config import CONTEXT, SmtpConfig, SmtpSecurity
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.sasl import Bearer, smtp_authenticate
from cancelapp.sources.imap_session import MailLogin

_ACCEPTED, _GO_AHEAD = 250, 354
_LEADING_DOT = re.compile(rb"(?m)^\.")

_UNREACHABLE = QT_TRANSLATE_NOOP("Mail", "Could not reach the mail server {host} to send")
_CERTIFICATE = QT_TRANSLATE_NOOP(
    "Mail", "The mail server {host} did not prove its identity (certificate problem)"
)
_NO_STARTTLS = QT_TRANSLATE_NOOP(
    "Mail", "The mail server {host} does not offer an encrypted connection (STARTTLS)"
)
_LOGIN = QT_TRANSLATE_NOOP(
    "Mail", "The mail server {host} refused the user name or password for sending"
)
_REFUSED = QT_TRANSLATE_NOOP("Mail", "The mail server {host} refused the reply: {answer}")
_LOST = QT_TRANSLATE_NOOP(
    "Mail",
    "The connection to {host} was lost just as the reply was handed over, so it is not known "
    "whether it was sent",
)


class MailNotSent(Exception):
    """Nothing was sent; the phrase says why, in the merchant's words."""

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(phrase.render_plain())


class OutcomeUnknown(Exception):
    """The message was handed over and the answer never came."""

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(phrase.render_plain())


def smtp_login(smtp: smtplib.SMTP, username: str, password: MailLogin) -> None:
    """The one place the mailbox is signed in to for sending: XOAUTH2 with a Google or
    Microsoft sign-in's token, else one try with PLAIN (or LOGIN), both carried as UTF-8 so
    `rødgrød` works. One mechanism only: after a refusal servers delay or drop, and trying
    the next mechanism would only wait for that."""
    if isinstance(password, Bearer):
        smtp_authenticate(smtp, password)
        return
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("no AUTH")
    offered = smtp.esmtp_features["auth"].upper().split()
    smtp.user, smtp.password = username, password
    if "PLAIN" in offered or "LOGIN" not in offered:
        code, answer = smtp.auth("PLAIN", smtp.auth_plain)
    else:
        code, answer = smtp.auth("LOGIN", smtp.auth_login)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def submit(
    config: SmtpConfig,
    password: Callable[[], MailLogin],
    context: ssl.SSLContext,
    message: bytes,
    recipients: list[str],
) -> None:
    """Hand `message` to the server for `recipients`. Raises `MailNotSent` or
    `OutcomeUnknown`; returns once the server accepted it."""
    with _signed_in(config, password, context) as smtp:
        _transfer(smtp, config, message, recipients)


def check_sign_in(
    config: SmtpConfig, password: Callable[[], MailLogin], context: ssl.SSLContext
) -> None:
    """Connect and sign in without sending anything; raises `MailNotSent` with the reason."""
    with _signed_in(config, password, context):
        pass


@contextlib.contextmanager
def _signed_in(
    config: SmtpConfig, password: Callable[[], MailLogin], context: ssl.SSLContext
) -> Iterator[smtplib.SMTP]:
    host: dict[str, PhraseArg] = {"host": config.host}
    try:
        login = password()  # before connecting: a token may need refreshing, and fail
    except SignInFailed as failed:
        raise MailNotSent(failed.phrase) from None
    try:
        smtp = _connect(config, context)
    except ssl.SSLError as error:
        raise MailNotSent(Phrase(CONTEXT, _CERTIFICATE, host)) from error
    except (OSError, smtplib.SMTPException) as error:
        raise MailNotSent(Phrase(CONTEXT, _UNREACHABLE, host)) from error
    try:
        try:
            smtp_login(smtp, config.username, login)
        except smtplib.SMTPAuthenticationError:
            raise MailNotSent(Phrase(CONTEXT, _LOGIN, host)) from None
        except smtplib.SMTPNotSupportedError:
            raise MailNotSent(Phrase(CONTEXT, _LOGIN, host)) from None
        except (OSError, smtplib.SMTPException) as error:
            raise MailNotSent(Phrase(CONTEXT, _UNREACHABLE, host)) from error
        yield smtp
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def _connect(config: SmtpConfig, context: ssl.SSLContext) -> smtplib.SMTP:
    if config.security is SmtpSecurity.TLS:
        return smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=context)
    smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
    smtp.ehlo()
    if not smtp.has_extn("starttls"):
        smtp.close()
        raise MailNotSent(Phrase(CONTEXT, _NO_STARTTLS, {"host": config.host}))
    smtp.starttls(context=context)
    smtp.ehlo()
    return smtp


def _transfer(
    smtp: smtplib.SMTP, config: SmtpConfig, message: bytes, recipients: list[str]
) -> None:
    host: dict[str, PhraseArg] = {"host": config.host}
    try:
        smtp.ehlo_or_helo_if_needed()
        options = ["SMTPUTF8"] if smtp.has_extn("smtputf8") else []
        code, answer = smtp.mail(config.sender, options)
        if code != _ACCEPTED:
            raise MailNotSent(Phrase(CONTEXT, _REFUSED, {**host, "answer": _text(answer)}))
        for recipient in recipients:
            code, answer = smtp.rcpt(recipient)
            if code not in (_ACCEPTED, 251):
                raise MailNotSent(Phrase(CONTEXT, _REFUSED, {**host, "answer": _text(answer)}))
        code, answer = smtp.docmd("DATA")
        if code != _GO_AHEAD:
            raise MailNotSent(Phrase(CONTEXT, _REFUSED, {**host, "answer": _text(answer)}))
    except (OSError, smtplib.SMTPServerDisconnected) as error:
        raise MailNotSent(Phrase(CONTEXT, _UNREACHABLE, host)) from error
    # From here on the server may have the message: only its answer proves what happened.
    data = _LEADING_DOT.sub(b"..", message)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    try:
        smtp.send(data + b".\r\n")
        code, answer = smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as error:
        raise OutcomeUnknown(Phrase(CONTEXT, _LOST, host)) from error
    if code != _ACCEPTED:
        raise MailNotSent(Phrase(CONTEXT, _REFUSED, {**host, "answer": _text(answer)}))


def _text(answer: bytes) -> str:
    return answer.decode("utf-8", "replace")[:200]
