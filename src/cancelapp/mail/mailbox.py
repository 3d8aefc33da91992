"""The merchant's mailbox for replies: one account, read over IMAP and sent from over SMTP."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass, field

from cancelapp.mail.config import SmtpConfig
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.imap_session import ImapSession, MailLogin


def _default_context() -> ssl.SSLContext:
    return ssl.create_default_context()


@dataclass(frozen=True)
class Mailbox:
    """`password` is asked for when used (it lives in the keychain), never kept."""

    smtp: SmtpConfig
    imap: EmailConfig
    password: Callable[[], MailLogin]
    ssl_context: ssl.SSLContext = field(default_factory=_default_context)

    def imap_session(self) -> ImapSession:
        return ImapSession(self.imap, self.password, self.ssl_context)
