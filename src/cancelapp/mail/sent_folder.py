"""The mailbox's side of a reply, over IMAP: the thread being answered, the Sent folder (the
one marked `\\Sent`, RFC 6154), the copy filed there and the look for a Message-ID in it."""

from __future__ import annotations

import base64
import email
import imaplib
import re
from datetime import datetime
from email.policy import default

from cancelapp.mail.message import Thread
from cancelapp.sources.imap_session import mailbox_name

_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (?P<name>.+)$')
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def sent_folder(imap: imaplib.IMAP4) -> str | None:
    """The folder marked `\\Sent`; None when the server marks none."""
    if "SPECIAL-USE" in imap.capabilities:
        # imaplib sends arguments as they are: LIST-EXTENDED's RETURN rides on the pattern.
        status, lines = imap.list('""', '"*" RETURN (SPECIAL-USE)')
    else:
        status, lines = imap.list('""', '"*"')
    if status != "OK":
        return None
    for line in lines:
        match = _LIST_LINE.match(line) if isinstance(line, bytes) else None
        if match is not None and b"\\sent" in match.group("flags").lower().split():
            return _folder_name(match.group("name"))
    return None


def file_copy(imap: imaplib.IMAP4, folder: str, message: bytes, when: datetime) -> bool:
    """Append the sent message to `folder`, marked read; False when the server refused."""
    status, _ = imap.append(
        mailbox_name(folder), r"(\Seen)", imaplib.Time2Internaldate(when), message
    )
    return status == "OK"


def holds_message(imap: imaplib.IMAP4, folder: str, message_id: str) -> bool:
    """Whether `folder` has a message with this Message-ID."""
    return bool(_search(imap, folder, message_id))


def thread_of(imap: imaplib.IMAP4, folder: str, message_id: str) -> Thread | None:
    """The customer's message in `folder` as a thread to answer (subject and references);
    None when it is no longer there."""
    uids = _search(imap, folder, message_id)
    if not uids:
        return None
    status, parts = imap.uid(
        "FETCH", uids[-1].decode(), "(BODY.PEEK[HEADER.FIELDS (SUBJECT REFERENCES)])"
    )
    header = next(
        (part[1] for part in parts or [] if isinstance(part, tuple) and len(part) == 2), None
    )
    if status != "OK" or not isinstance(header, bytes):
        return None
    parsed = email.message_from_bytes(header, policy=default)
    references = tuple(_MESSAGE_ID.findall(str(parsed.get("References", ""))))
    return Thread(message_id, str(parsed.get("Subject", "")), references[-20:])


def _search(imap: imaplib.IMAP4, folder: str, message_id: str) -> list[bytes]:
    status, _ = imap.select(mailbox_name(folder), readonly=True)
    if status != "OK":
        return []
    quoted = '"' + message_id.replace("\\", "\\\\").replace('"', '\\"') + '"'
    status, data = imap.uid("SEARCH", "HEADER", "Message-ID", quoted)
    if status != "OK" or not data or not isinstance(data[0], bytes):
        return []
    return data[0].split()


def _folder_name(raw: bytes) -> str:
    """A LIST name back to text: quotes removed, modified UTF-7 (`K&APg-bt`) decoded."""
    name = raw.decode("ascii", "replace")
    if name.startswith('"') and name.endswith('"'):
        name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return re.sub(r"&([^-]*)-", _unshift, name)


def _unshift(match: re.Match[str]) -> str:
    packed = match.group(1)
    if not packed:
        return "&"
    padded = packed.replace(",", "/") + "=" * (-len(packed) % 4)
    return base64.b64decode(padded).decode("utf-16-be")
