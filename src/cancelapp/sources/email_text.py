"""Reading a raw email: who sent it, what they wrote this time, and nothing else.

text/plain is preferred; an HTML-only message is converted to plain text; attachments (and
forwarded messages attached whole) are never opened. Quoted replies and signatures are cut off
so an order number quoted from an earlier mail does not count as the customer's.

Hostile mail is read in time linear in its size: the message is capped before parsing (its
size, the number of MIME parts, each header's length), headers are read by small scanners
without recursion (300 nested `(` in a From must not lose the mail), and what was not read is
named at the end of the text ("[… 1.2 MB]"). The mail itself stays in the mailbox.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.parser
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from cancelapp.sources.html_text import collapse_blank_lines, html_to_text
from cancelapp.sources.incoming import shortened_marker

MAX_MESSAGE_BYTES = 1024 * 1024  # read of one mail; the rest is named, not parsed
MAX_PARTS = 200  # MIME parts read of one mail
MAX_HEADER_CHARS = 4096  # of one header field (a From of 50,000 addresses)
MAX_HEAD_BYTES = 256 * 1024  # of all the headers together

_REPLY_HEADER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|oprindelig meddelelse|forwarded message|"
    r"videresendt meddelelse|begin forwarded message)|_{5,}\s*$)",
    re.IGNORECASE,
)
_WROTE_START = re.compile(r"^\s*(?:on|den|d\.)\s", re.IGNORECASE)
_WROTE = re.compile(r"\b(?:wrote|skrev)\b", re.IGNORECASE)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|fra)\s*:\*?\s", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(?:sent|sendt|date|dato|to|til|subject|emne)\s*:", re.I)
_SIGNATURE = re.compile(
    r"^(?:--\s?|sent from my .+|sendt fra min .+|get outlook for .+|hent outlook til .+)$",
    re.IGNORECASE,
)

# How the stdlib's header parser fails on some malformed headers (a garbled From, say).
_HEADER_FAILURES = (
    ValueError,
    IndexError,
    AttributeError,
    TypeError,
    LookupError,
    RecursionError,
    email.errors.MessageError,
)


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
    capped, left_out, parts_left_out = cap_message(raw)
    parser = email.parser.BytesParser(policy=email.policy.compat32)
    try:
        message = parser.parsebytes(capped)
    except RecursionError:  # multiparts nested beyond what the stdlib parser can follow
        message = parser.parsebytes(capped, headersonly=True)
    name, address = _sender(_header(message, "From"))
    try:
        body = _body_text(message)
    except _HEADER_FAILURES:  # a part's headers the stdlib cannot read: no body, not no mail
        body = ""
    body = trim_reply(body)
    if left_out and (parts_left_out or _cut_in_text(message)):
        body += shortened_marker(left_out)
    return ParsedEmail(
        subject=_header(message, "Subject"),
        sender_email=address,
        sender_name=name,
        message_id=_message_id(_header(message, "Message-ID", decode=False)),
        sent_at=_date(message),
        body=body,
        automatic=_is_automatic(message),
    )


def cap_message(raw: bytes) -> tuple[bytes, int, bool]:
    """The part of a raw mail that is parsed: at most `MAX_MESSAGE_BYTES`, header fields cut
    to `MAX_HEADER_CHARS` (and all of them to `MAX_HEAD_BYTES`), at most `MAX_PARTS` parts;
    how many bytes of its body were left out, and whether whole parts were."""
    end = _head_end(raw)
    head, body = raw[:end], raw[end:]
    if len(head) > MAX_HEAD_BYTES or any(
        len(line) > MAX_HEADER_CHARS for line in head.split(b"\n")
    ):
        head = _cap_head(head)
    size = len(body)
    body = body[: max(MAX_MESSAGE_BYTES - len(head), 0)]
    at, boundaries = 0, 0
    while (at := body.find(b"\n--", at)) != -1:  # every part starts with a boundary line
        boundaries += 1
        if boundaries > MAX_PARTS:
            return head + body[:at], size - at, True
        at += 3
    return head + body, size - len(body), False


def _cut_in_text(message: Message) -> bool:
    """Whether the last part read (where a capped mail was cut) is inline text: a cut in an
    attachment leaves out nothing that would have been read."""
    part = message
    while part.is_multipart():
        payload = part.get_payload()
        if not isinstance(payload, list) or not payload or not isinstance(payload[-1], Message):
            return True
        part = payload[-1]
    return part.get_content_maintype() == "text" and not _is_attachment(part)


def _head_end(raw: bytes) -> int:
    """Where the headers end (the blank line included); the whole mail when there is none."""
    ends = [i + len(sep) for sep in (b"\r\n\r\n", b"\n\n") if (i := raw.find(sep)) != -1]
    return min(ends) if ends else len(raw)


def _cap_head(head: bytes) -> bytes:
    kept: list[bytes] = []
    field = 0  # length of the current field so far, continuation lines included
    total = 0
    for line in head.split(b"\n"):
        if line[:1] not in (b" ", b"\t"):
            field = 0
        room = min(MAX_HEADER_CHARS - field, MAX_HEAD_BYTES - total)
        if room <= 0:
            continue
        line = line[:room]
        field += len(line)
        total += len(line) + 1
        kept.append(line.rstrip(b"\r"))
    return b"\r\n".join(kept) + b"\r\n\r\n"


def trim_reply(text: str) -> str:
    """The new part of a reply: quoted lines, reply headers and signatures removed.

    Linear in the text's length: "wrote:" is looked for only after a line's last colon but
    one (a regex that scans from every "wrote" to the end of the line is quadratic)."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1 : index + 3]
        if _REPLY_HEADER.match(line) or _SIGNATURE.match(line.rstrip()):
            break
        if _WROTE_START.match(line) and any(_ends_wrote(n) for n in [line, *following[:1]]):
            break
        if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(n) for n in following):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return collapse_blank_lines("\n".join(kept))


def _ends_wrote(line: str) -> bool:
    """Whether the line ends "… wrote …:" with no other colon after "wrote"."""
    stripped = line.rstrip()
    if not stripped.endswith(":"):
        return False
    body = stripped[:-1]
    return _WROTE.search(body, body.rfind(":") + 1) is not None


def _header(message: Message, name: str, *, decode: bool = True) -> str:
    """A header as text: encoded words decoded, folding undone, at most `MAX_HEADER_CHARS`."""
    try:
        value = message.get(name)
        if value is None:
            return ""
        text = str(value)[:MAX_HEADER_CHARS]
        if decode:
            text = str(email.header.make_header(email.header.decode_header(text)))
    except _HEADER_FAILURES:  # a malformed header must not lose the message
        return ""
    return " ".join(text.split())


def _message_id(value: str) -> str | None:
    start = value.find("<")
    end = value.find(">", start + 1) if start != -1 else -1
    found = value[start : end + 1] if end != -1 else value
    return found.strip() or None


def _sender(value: str) -> tuple[str | None, str | None]:
    """The first address in a From header, and its display name, by a scanner without
    recursion: comments (nested to any depth) are dropped, quoted names kept."""
    text, name = _without_comments(value), ""
    start = text.find("<")
    end = text.find(">", start + 1) if start != -1 else -1
    if end != -1 and "@" in text[start:end]:
        address = text[start + 1 : end]
        name = text[:start].split(",")[-1].strip().strip('"').strip()
    else:
        address = next((t for t in re.split(r"[\s,;]+", text) if "@" in t), "")
    address = address.strip().strip('"').strip()
    if "@" not in address:
        return None, None
    return (name or None), address.lower()


def _without_comments(value: str) -> str:
    out: list[str] = []
    depth, quoted, escaped = 0, False, False
    for char in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\":
            escaped = True
            if depth == 0:
                out.append(char)
        elif quoted:
            quoted = char != '"'
            out.append(char)
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0:
            quoted = char == '"'
            out.append(char)
    return "".join(out)


def _date(message: Message) -> datetime | None:
    value = _header(message, "Date")
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def _is_automatic(message: Message) -> bool:
    auto = _header(message, "Auto-Submitted").lower()
    precedence = _header(message, "Precedence").lower()
    return (auto not in {"", "no"}) or precedence in {"bulk", "junk", "list", "auto_reply"}


def _body_text(message: Message) -> str:
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
