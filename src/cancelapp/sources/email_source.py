"""Email: cancellation requests read from a mailbox folder over IMAP (TLS or STARTTLS).

Reading never changes the merchant's mail: bodies are fetched with BODY.PEEK (no \\Seen flag),
nothing is deleted. Progress is the cursor {uidvalidity, last_uid}: a message is read once per
UIDVALIDITY. When the server resets UIDVALIDITY every message is read again, and the provenance
key (the Message-ID, else a hash of the raw message) lets storage recognise those already held.
Flagging or moving requests happens at the start of the next fetch, for the messages of the
previous one, so a message is never moved away before the caller stored its request. A message
that cannot be read is skipped with a notice for the merchant (it stays in the mailbox) and
never stops the ones after it.
"""

from __future__ import annotations

import hashlib
import imaplib
import logging
import re
import ssl
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import RequestSource
from cancelapp.sources.email_config import AfterReading, EmailConfig
from cancelapp.sources.email_text import ParsedEmail, parse_email
from cancelapp.sources.imap_session import PROTOCOL_ERROR, ImapSession, MailLogin, mailbox_name
from cancelapp.sources.incoming import CONTEXT, FetchResult, IncomingRequest, SourceUnavailable
from cancelapp.sources.intent import asks_to_cancel
from cancelapp.sources.order_names import order_name_in

# A batch's whole messages, attachments included, are held in memory at once: at most this
# many, and about this many bytes (a larger message is fetched alone).
FETCH_BATCH = 20
FETCH_BYTES = 8 * 1024 * 1024
_SIZE_CHUNK = 500  # UIDs whose sizes are asked for in one command
_FETCH_HEAD = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "(\d{1,2})-(\w{3})-(\d{4}) (\d\d):(\d\d):(\d\d) '
    rb'([+-])(\d\d)(\d\d)"'
)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}

log = logging.getLogger(__name__)


class EmailSource:
    """Reads one mailbox folder. `password` is asked for on each fetch, never kept or logged."""

    name = RequestSource.EMAIL

    def __init__(
        self,
        config: EmailConfig,
        password: Callable[[], MailLogin],
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.config = config
        self._password = password
        self._ssl_context = ssl_context or ssl.create_default_context()

    def fetch(self, cursor: dict[str, Any]) -> FetchResult:
        with self._session() as imap:
            uidvalidity = self._select(imap)
            notices: list[Phrase] = []
            last_uid = int(cursor.get("last_uid", 0))
            since = self._first_day() if "uidvalidity" not in cursor else None
            # what the look-back skips is passed over for good, not read on the next fetch
            skipped_up_to = _uid_next(imap) - 1 if since is not None else 0
            if cursor.get("uidvalidity") not in (None, uidvalidity):
                notices.append(Phrase(CONTEXT, _RESET))
                last_uid = 0
            else:
                notices += self._mark(imap, [int(u) for u in cursor.get("to_mark", [])])
            requests: list[IncomingRequest] = []
            to_mark: list[int] = []
            for uid, raw, arrived in self._new_messages(imap, last_uid, since):
                last_uid = max(last_uid, uid)
                try:
                    request = _request_from(parse_email(raw), raw, arrived)
                except Exception as error:  # one unreadable message must not stop the mailbox
                    log.warning("skipped unreadable email UID %s: %s", uid, type(error).__name__)
                    notices.append(unreadable(self.config.folder, arrived))
                    continue
                if request is not None:
                    requests.append(request)
                    to_mark.append(uid)
        last_uid = max(last_uid, skipped_up_to)
        next_cursor: dict[str, Any] = {"uidvalidity": uidvalidity, "last_uid": last_uid}
        if self.config.after_reading is not AfterReading.NOTHING and to_mark:
            next_cursor["to_mark"] = to_mark
        return FetchResult(requests, notices, next_cursor)

    def _session(self) -> ImapSession:
        return ImapSession(self.config, self._password, self._ssl_context)

    def _select(self, imap: imaplib.IMAP4) -> int:
        readonly = self.config.after_reading is AfterReading.NOTHING
        status, _ = imap.select(mailbox_name(self.config.folder), readonly=readonly)
        if status != "OK":
            raise SourceUnavailable(Phrase(CONTEXT, _NO_FOLDER, {"folder": self.config.folder}))
        _, values = imap.response("UIDVALIDITY")
        if not values or not isinstance(values[0], bytes):
            raise SourceUnavailable(Phrase(CONTEXT, PROTOCOL_ERROR, {"host": self.config.host}))
        return int(values[0])

    def _first_day(self) -> date | None:
        look_back = self.config.first_look_back
        return None if look_back is None else (datetime.now(UTC) - look_back).date()

    def _new_messages(
        self, imap: imaplib.IMAP4, last_uid: int, since: date | None
    ) -> Iterator[tuple[int, bytes, datetime | None]]:
        criteria = f"UID {last_uid + 1}:*"
        if since is not None:  # IMAP dates are English whatever the locale: 5-Nov-2026
            criteria += f" SINCE {since.day}-{_MONTH_NAMES[since.month - 1]}-{since.year}"
        status, data = imap.uid("SEARCH", criteria)
        if status != "OK":
            raise SourceUnavailable(Phrase(CONTEXT, PROTOCOL_ERROR, {"host": self.config.host}))
        # "n:*" also answers the highest UID when it is below n: keep only newer ones.
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last_uid)
        for start in range(0, len(uids), _SIZE_CHUNK):
            chunk = uids[start : start + _SIZE_CHUNK]
            for batch in fetch_batches(chunk, self._sizes(imap, chunk)):
                parts = self._fetch(imap, batch, "(UID INTERNALDATE BODY.PEEK[])")
                yield from sorted(_fetched(parts))

    def _sizes(self, imap: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
        sizes: dict[int, int] = {}
        for line in self._fetch(imap, uids, "(UID RFC822.SIZE)"):
            head = line[0] if isinstance(line, tuple) else line
            uid, size = _FETCH_HEAD.search(head or b""), _SIZE.search(head or b"")
            if uid is not None and size is not None:
                sizes[int(uid.group(1))] = int(size.group(1))
        return sizes

    def _fetch(self, imap: imaplib.IMAP4, uids: list[int], items: str) -> list[Any]:
        status, parts = imap.uid("FETCH", ",".join(map(str, uids)), items)
        if status != "OK":
            raise SourceUnavailable(Phrase(CONTEXT, PROTOCOL_ERROR, {"host": self.config.host}))
        return list(parts)

    def _mark(self, imap: imaplib.IMAP4, uids: list[int]) -> list[Phrase]:
        if not uids:
            return []
        message_set = ",".join(map(str, uids))
        if self.config.after_reading is AfterReading.FLAG:
            imap.uid("STORE", message_set, "+FLAGS", "(\\Flagged)")
            return []
        if self.config.after_reading is AfterReading.MOVE and self.config.move_to:
            if "MOVE" not in imap.capabilities:
                imap.uid("STORE", message_set, "+FLAGS", "(\\Flagged)")
                return [Phrase(CONTEXT, _NO_MOVE, {"host": self.config.host})]
            # imaplib predates RFC 6851 and refuses "MOVE" in `uid()`; xatom sends it as is.
            status, _ = imap.xatom("UID", "MOVE", message_set, mailbox_name(self.config.move_to))
            if status != "OK":
                return [Phrase(CONTEXT, _MOVE_FAILED, {"folder": self.config.move_to})]
        return []


def _uid_next(imap: imaplib.IMAP4) -> int:
    """The UID the folder's next message will get (from SELECT); 1 when the server is silent."""
    _, values = imap.response("UIDNEXT")
    value = values[0] if values else None
    return int(value) if isinstance(value, bytes) and value.isdigit() else 1


def fetch_batches(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    """`uids` in order, in batches of at most `FETCH_BATCH` messages and about `FETCH_BYTES`
    (a message of unknown size counts as empty; one larger than the limit goes alone)."""
    batch: list[int] = []
    total = 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if batch and (len(batch) >= FETCH_BATCH or total + size > FETCH_BYTES):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


def _request_from(
    mail: ParsedEmail, raw: bytes, arrived: datetime | None
) -> IncomingRequest | None:
    if mail.automatic or not asks_to_cancel(f"{mail.subject}\n{mail.body}"):
        return None
    order_name, _ = order_name_in(mail.subject, mail.body)
    key = mail.message_id or "sha256:" + hashlib.sha256(raw).hexdigest()[:32]
    return IncomingRequest(
        source=RequestSource.EMAIL,
        external_id=f"email:{key}",
        received_at=arrived or mail.sent_at or datetime.now(UTC),
        sent_at=mail.sent_at,  # the Date header: a withdrawal counts from when it was sent
        text=mail.text,
        order_name=order_name,
        customer_email=mail.sender_email,
        author=mail.sender_name,
    )


def unreadable(folder: str, arrived: datetime | None) -> Phrase:
    """The notice for a message skipped because it could not be read."""
    if arrived is None:
        return Phrase(CONTEXT, _UNREADABLE, {"folder": folder})
    return Phrase(CONTEXT, _UNREADABLE_AT, {"folder": folder, "received": arrived})


def _fetched(parts: list[Any]) -> Iterator[tuple[int, bytes, datetime | None]]:
    for part in parts:
        if not isinstance(part, tuple) or len(part) != 2:
            continue  # the closing b")" of each message
        head, raw = part
        uid = _FETCH_HEAD.search(head)
        if uid is not None and isinstance(raw, bytes):
            yield int(uid.group(1)), raw, _internaldate(head)


def _internaldate(head: bytes) -> datetime | None:
    """When the server received the message: set by the server, unlike the Date header."""
    match = _INTERNALDATE.search(head)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == b"-" else 1)
    try:
        return datetime(
            int(year),
            _MONTHS[month.decode()],
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=timezone(offset),
        )
    except (KeyError, ValueError):
        return None


_RESET = QT_TRANSLATE_NOOP(
    CONTEXT, "The mail server renumbered the mailbox; all its messages were checked again"
)
_NO_FOLDER = QT_TRANSLATE_NOOP(CONTEXT, "The mail folder {folder} was not found")
_NO_MOVE = QT_TRANSLATE_NOOP(
    CONTEXT, "The mail server {host} cannot move messages; requests were flagged instead"
)
_UNREADABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An email in {folder} was skipped because its content is damaged or in a form CancelApp "
    "cannot read. It is still in the mailbox; please read it there.",
)
_UNREADABLE_AT = QT_TRANSLATE_NOOP(
    CONTEXT,
    "An email in {folder} received {received} was skipped because its content is damaged or in "
    "a form CancelApp cannot read. It is still in the mailbox; please read it there.",
)
_MOVE_FAILED = QT_TRANSLATE_NOOP(CONTEXT, "Could not move requests to the mail folder {folder}")
