"""One connection check for the mailbox: reading (IMAP, and its Sent folder) and sending
(SMTP), with the same account, before the merchant relies on it."""

from __future__ import annotations

import ssl
from collections.abc import Callable

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.mail.config import CONTEXT, SmtpConfig
from cancelapp.mail.sent_folder import sent_folder
from cancelapp.mail.smtp import MailNotSent, check_sign_in
from cancelapp.sources.email_config import EmailConfig
from cancelapp.sources.imap_session import ImapSession, MailLogin
from cancelapp.sources.incoming import SourceUnavailable

_READ_OK = QT_TRANSLATE_NOOP("Mail", "Reading mail from {host} works.")
_SENT_FOLDER = QT_TRANSLATE_NOOP("Mail", "Copies of replies go to the folder {folder}.")
_NO_SENT_FOLDER = QT_TRANSLATE_NOOP(
    "Mail",
    "The mailbox marks no folder as Sent, so CancelApp cannot file a copy of the replies it sends.",
)
_SEND_OK = QT_TRANSLATE_NOOP("Mail", "Sending replies through {host} works.")


def check_mailbox(
    imap: EmailConfig,
    smtp: SmtpConfig | None,
    password: Callable[[], MailLogin],
    context: ssl.SSLContext | None = None,
) -> tuple[bool, tuple[Phrase, ...]]:
    """(whether everything works, what was found, line by line)."""
    context = context or ssl.create_default_context()
    lines: list[Phrase] = []
    ok = True
    try:
        with ImapSession(imap, password, context) as session:
            lines.append(Phrase(CONTEXT, _READ_OK, {"host": imap.host}))
            if smtp is not None and not smtp.files_sent_itself:
                folder = sent_folder(session)
                lines.append(
                    Phrase(CONTEXT, _SENT_FOLDER, {"folder": folder})
                    if folder is not None
                    else Phrase(CONTEXT, _NO_SENT_FOLDER)
                )
    except SourceUnavailable as failed:
        lines.append(failed.phrase)
        ok = False
    if smtp is not None:
        try:
            check_sign_in(smtp, password, context)
            lines.append(Phrase(CONTEXT, _SEND_OK, {"host": smtp.host}))
        except MailNotSent as failed:
            lines.append(failed.phrase)
            ok = False
    return ok, tuple(lines)
