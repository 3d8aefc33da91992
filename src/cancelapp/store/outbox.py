"""Replies to customers in the journal (`outgoing_mail`): written before they are sent.

The states, in order: `journaled` (nothing has reached a mail server), `submitting` (the exact
bytes are kept and handed to the server now), `sent` (the server accepted them), `filed` (the
copy is in the Sent folder: finished). `unknown`: the connection was lost after the message
was handed over and the Sent folder cannot tell; it waits for the merchant. `dropped`: a
reply to a decision, replaced by a newer decision on the same request before it was sent.
Replies that answer no decision (`NO_DECISION`) are never dropped: they are sent in order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cancelapp.store.times import to_db_time

# Audit entries (`what`) naming, by Message-ID, a reply that answers no decision: a
# withdrawal's acknowledgement and its return instructions (session/withdrawal.py). They go as
# soon as they are journaled, and no decision replaces them.
NO_DECISION = ("withdrawal acknowledgement", "withdrawal reply")  # two: `(?, ?)` below


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
    created_at: str = ""  # as stored: fixed-width UTC text, ordered as time


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
    """Journal a reply. Nothing journaled earlier is touched: which unsent replies a new
    decision replaces is the caller's to say (`unsent_decision_replies`, `drop_mail`)."""
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


def unsent_decision_replies(conn: sqlite3.Connection, request_id: int) -> list[OutgoingMail]:
    """The request's replies to decisions not yet handed to a server, oldest first (an
    acknowledgement or return instructions, `NO_DECISION`, is not one)."""
    rows = conn.execute(
        """SELECT id, request_id, message_id, recipient, subject, body, language, in_reply_to,
                  state, message, created_at FROM outgoing_mail o
            WHERE request_id = ? AND state = ?
              AND NOT EXISTS (
                  SELECT 1 FROM audit_log a
                   WHERE a.request_id = o.request_id AND a.what IN (?, ?)
                     AND json_extract(a.detail, '$.message_id') = o.message_id)
            ORDER BY id""",
        (request_id, MailState.JOURNALED, *NO_DECISION),
    ).fetchall()
    return [_mail(row) for row in rows]


def drop_mail(conn: sqlite3.Connection, mail_ids: Collection[int], now: datetime) -> None:
    """Drop these replies if they are still only journaled (a handed-over one stays)."""
    conn.executemany(
        "UPDATE outgoing_mail SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
        [(MailState.DROPPED, to_db_time(now), id_, MailState.JOURNALED) for id_ in mail_ids],
    )


def unfinished_mail(conn: sqlite3.Connection, store_id: int) -> list[OutgoingMail]:
    """Replies not yet filed (nor dropped), oldest first."""
    rows = conn.execute(
        """SELECT id, request_id, message_id, recipient, subject, body, language, in_reply_to,
                  state, message, created_at FROM outgoing_mail
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
    (mid, request_id, message_id, recipient, subject, body, language, reply_to, state, raw, at) = (
        row
    )
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
        created_at=str(at),
    )
