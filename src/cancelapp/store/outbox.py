"""Replies to customers in the journal (`outgoing_mail`): written before they are sent.

The states, in order: `journaled` (nothing has reached a mail server), `submitting` (the exact
bytes are kept and handed to the server now), `sent` (the server accepted them), `filed` (the
copy is in the Sent folder: finished). `unknown`: the connection was lost after the message
was handed over and the Sent folder cannot tell; it waits for the merchant. `dropped`: a
reply replaced by a newer one for the same request before it was sent.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cancelapp.store.times import to_db_time


class MailState(StrEnum):
    JOURNALED = "journaled"
    SUBMITTING = "submitting"
    SENT = "sent"
    FILED = "filed"
    UNKNOWN = "unknown"
    DROPPED = "dropped"


@dataclass(frozen=True)
class OutgoingMail:
    id: int
    request_id: int
    message_id: str
    recipient: str
    subject: str
    body: str
    language: str
    in_reply_to: str | None
    state: MailState
    message: bytes | None


def journal_mail(
    conn: sqlite3.Connection,
    *,
    store_id: int,
    request_id: int,
    message_id: str,
    recipient: str,
    subject: str,
    body: str,
    language: str,
    in_reply_to: str | None,
    now: datetime,
) -> int:
    """Journal a reply; an earlier reply to the same request not yet handed to a server is
    dropped, so deciding again never sends the customer two answers."""
    drop_unsent(conn, request_id, now)
    row = conn.execute(
        """INSERT INTO outgoing_mail (store_id, request_id, message_id, recipient, subject, body,
               language, in_reply_to, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            store_id,
            request_id,
            message_id,
            recipient,
            subject,
            body,
            language,
            in_reply_to,
            MailState.JOURNALED,
            to_db_time(now),
            to_db_time(now),
        ),
    ).fetchone()
    return int(row[0])


def drop_unsent(conn: sqlite3.Connection, request_id: int, now: datetime) -> None:
    """Drop the request's replies not yet handed to a server (a new decision replaces them)."""
    conn.execute(
        "UPDATE outgoing_mail SET state = ?, updated_at = ? WHERE request_id = ? AND state = ?",
        (MailState.DROPPED, to_db_time(now), request_id, MailState.JOURNALED),
    )


def unfinished_mail(conn: sqlite3.Connection, store_id: int) -> list[OutgoingMail]:
    """Replies not yet filed (nor dropped), oldest first."""
    rows = conn.execute(
        """SELECT id, request_id, message_id, recipient, subject, body, language, in_reply_to,
                  state, message FROM outgoing_mail
            WHERE store_id = ? AND state NOT IN (?, ?) ORDER BY id""",
        (store_id, MailState.FILED, MailState.DROPPED),
    ).fetchall()
    return [_mail(row) for row in rows]


def set_mail_state(
    conn: sqlite3.Connection,
    mail_id: int,
    state: MailState,
    now: datetime,
    *,
    message: bytes | None = None,
) -> None:
    conn.execute(
        """UPDATE outgoing_mail SET state = ?, message = coalesce(?, message), updated_at = ?
           WHERE id = ?""",
        (state, message, to_db_time(now), mail_id),
    )


def _mail(row: sqlite3.Row | tuple[object, ...]) -> OutgoingMail:
    (mid, request_id, message_id, recipient, subject, body, language, reply_to, state, raw) = row
    return OutgoingMail(
        id=int(str(mid)),
        request_id=int(str(request_id)),
        message_id=str(message_id),
        recipient=str(recipient),
        subject=str(subject),
        body=str(body),
        language=str(language),
        in_reply_to=None if reply_to is None else str(reply_to),
        state=MailState(str(state)),
        message=raw if isinstance(raw, bytes) else None,
    )
