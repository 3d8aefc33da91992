"""Every code an audit entry's `what` holds, in one place, so each has words for the merchant
(`ui/labels.py`; a test fails for a code without them).

A plan's entries read "<kind> <event>" ("cancel done"), its steps' entries the step's kind
("refund"); everything else writes one of the codes below.
"""

from __future__ import annotations

from enum import StrEnum


class PlanEvent(StrEnum):
    """What happened to a plan (`actions/carry_out/side_records.py`)."""

    STARTED = "started"
    QUEUED = "queued"
    TAKEN_BACK = "taken back"
    STOPPED = "stopped: order changed"
    NOT_SENT = "not sent: stop pressed"  # a bulk's order the merchant stopped before it left
    DONE = "done"
    FAILED = "failed"


class EntryCode(StrEnum):
    """Entries that are neither a plan nor a step."""

    RELEASE_HOLD = "release_hold"  # session/holds.py
    NOTE = "note"  # session/refresh.py
    MESSAGES_READ = "messages read"  # session/messages_read.py
    LINK = "link"  # session/unmatched.py: a request matched to an order by hand
    CLOSE_UNMATCHED = "close_unmatched"  # session/unmatched.py
    REPLY = "reply"  # session/replies.py
    REPLY_REPLACED = "reply replaced"
    REPLY_TAKEN_BACK = "unsent reply taken back"
    # A decision's reply CancelApp did not send (session/replies.py `NOT_SENT`).
    REPLY_NO_MAILBOX = "reply not sent: no mailbox"
    REPLY_NO_ADDRESS = "reply not sent: no address"
    REPLY_COPIED = "reply copied"
    REPLY_MAIL_PROGRAM = "reply opened in mail program"
    WITHDRAWAL_ACKNOWLEDGEMENT = "withdrawal acknowledgement"  # session/withdrawal.py
    WITHDRAWAL_RETURN = "withdrawal return"
    WITHDRAWAL_REPLY = "withdrawal reply"
    RESTORE = "restore"  # store/backups.py


REPLY_CODES = frozenset(
    {
        EntryCode.REPLY,
        EntryCode.REPLY_REPLACED,
        EntryCode.REPLY_TAKEN_BACK,
        EntryCode.REPLY_NO_MAILBOX,
        EntryCode.REPLY_NO_ADDRESS,
        EntryCode.REPLY_COPIED,
        EntryCode.REPLY_MAIL_PROGRAM,
    }
)
