"""A reply as an email: plain text, UTF-8, in the customer's thread."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

_REPLY_PREFIX = re.compile(r"^\s*(re|sv|aw|vs)\s*:", re.IGNORECASE)  # en, da/sv, de, no


@dataclass(frozen=True)
class Thread:
    """The customer's message being answered."""

    message_id: str  # with its angle brackets
    subject: str
    references: tuple[str, ...] = ()


def reply_subject(subject: str) -> str:
    """`Re: <subject>`, once: a Danish `SV:` already marks a reply too."""
    subject = subject.strip()
    return subject if _REPLY_PREFIX.match(subject) else f"Re: {subject}".strip()


def new_message_id(sender: str) -> str:
    """A Message-ID on the sender's own domain, unique without asking anyone."""
    domain = sender.rpartition("@")[2] or "cancelapp.invalid"
    return f"<{uuid.uuid4().hex}@{domain}>"


def build_message(
    *,
    sender: str,
    recipient: str,
    subject: str,
    body: str,
    message_id: str,
    thread: Thread | None,
    now: datetime,
) -> bytes:
    """The bytes handed to the server (CRLF line ends), kept in the journal as they are."""
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = reply_subject(thread.subject) if thread is not None else subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if thread is not None:
        message["In-Reply-To"] = thread.message_id
        message["References"] = " ".join((*thread.references, thread.message_id))
    message.set_content(body, charset="utf-8")
    return message.as_bytes()
