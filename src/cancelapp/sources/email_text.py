"""Reading a raw email: who sent it, what they wrote this time, and nothing else.

text/plain is preferred; an HTML-only message is converted to plain text; attachments (and
forwarded messages attached whole) are never opened. Quoted replies and signatures are cut off
so an order number quoted from an earlier mail does not count as the customer's.
"""

from __future__ import annotations

import email
import email.errors
import email.parser
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime

from cancelapp.sources.html_text import html_to_text

_REPLY_HEADER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|oprindelig meddelelse|forwarded message|"
    r"videresendt meddelelse|begin forwarded message)|_{5,}\s*$)",
    re.IGNORECASE,
)
_WROTE_START = re.compile(r"^\s*(?:on|den|d\.)\s", re.IGNORECASE)
_WROTE_END = re.compile(r"\b(?:wrote|skrev)\b[^:]*:\s*$", re.IGNORECASE)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|fra)\s*:\*?\s", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(?:sent|sendt|date|dato|to|til|subject|emne)\s*:", re.I)
_SIGNATURE = re.compile(
    r"^(?:--\s?|sent from my .+|sendt fra min .+|get outlook for .+|hent outlook til .+)$",
    re.IGNORECASE,
)

# How the stdlib's header parser fails on some malformed headers (a garbled From, say).
_HEADER_FAILURES = (ValueError, IndexError, AttributeError, TypeError, email.errors.MessageError)


@dataclass(frozen=True)
class ParsedEmail:
    subject: str
    sender_email: str | None  # lower-cased address from From
    sender_name: str | None
    message_id: str | None
    sent_at: datetime | None  # the Date header, as the sender's client set it
    body: str  # what the customer wrote this time, plain text
    automatic: bool  # auto-reply, bounce or list mail: never a customer's request

    @property
    def text(self) -> str:
        """Subject and body as stored with the request."""
        return f"{self.subject}\n\n{self.body}".strip() if self.subject else self.body


def parse_email(raw: bytes) -> ParsedEmail:
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except RecursionError:  # multiparts nested beyond what the stdlib parser can follow
        message = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    name, address = _sender(message)
    return ParsedEmail(
        subject=_header(message, "Subject"),
        sender_email=address,
        sender_name=name,
        message_id=_header(message, "Message-ID") or None,
        sent_at=_date(message),
        body=trim_reply(_body_text(message)),
        automatic=_is_automatic(message),
    )


def trim_reply(text: str) -> str:
    """The new part of a reply: quoted lines, reply headers and signatures removed."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1 : index + 3]
        if _REPLY_HEADER.match(line) or _SIGNATURE.match(line.rstrip()):
            break
        if _WROTE_START.match(line) and any(_WROTE_END.search(n) for n in [line, *following[:1]]):
            break
        if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(n) for n in following):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except _HEADER_FAILURES:  # a malformed header must not lose the message
        return ""
    return str(value).strip() if value is not None else ""


def _sender(message: EmailMessage) -> tuple[str | None, str | None]:
    value = _header(message, "From")
    addresses = [(n, a) for n, a in getaddresses([value]) if "@" in a]
    if not addresses:
        return None, None
    name, address = addresses[0]
    return (name or None), address.strip().lower()


def _date(message: EmailMessage) -> datetime | None:
    value = _header(message, "Date")
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def _is_automatic(message: EmailMessage) -> bool:
    auto = _header(message, "Auto-Submitted").lower()
    precedence = _header(message, "Precedence").lower()
    return (auto not in {"", "no"}) or precedence in {"bulk", "junk", "list", "auto_reply"}


def _body_text(message: EmailMessage) -> str:
    plain = html = None
    for part in _inline_text_parts(message):
        if part.get_content_type() == "text/plain" and plain is None:
            plain = _decoded(part)
        elif part.get_content_type() == "text/html" and html is None:
            html = _decoded(part)
    if plain is not None and plain.strip():
        return plain
    return html_to_text(html) if html else ""


def _inline_text_parts(message: Message) -> list[Message]:
    """Text parts that are the message itself: attachments and attached mails are skipped.

    A message that is a single text part is its own body, whatever its disposition says.
    """
    if message.is_multipart():
        parts: list[Message] = []
        for sub in message.get_payload() or []:
            assert isinstance(sub, Message)
            if sub.get_content_type() == "message/rfc822" or _is_attachment(sub):
                continue
            parts.extend(_inline_text_parts(sub))
        return parts
    return [message] if message.get_content_maintype() == "text" else []


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or part.get_filename() is not None


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except (LookupError, ValueError):  # an unknown charset name, or one with a NUL in it
        return payload.decode("utf-8", errors="replace")
