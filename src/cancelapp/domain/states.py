"""The states a request and an action can be in, and a verdict's outcome: plain enums.

Kept apart from the records that carry them (`request`, `action`, `verdict`) so the queue's
first page can sort and count rows without creating those dataclasses at start-up (each costs
~1 ms of CPU on Python 3.13, issue 19). The record modules re-export them.
"""

from __future__ import annotations

from enum import StrEnum


class RequestState(StrEnum):
    OPEN = "open"  # needs a decision
    UNMATCHED = "unmatched"  # no order could be matched with confidence
    QUEUED = "queued"  # decided, action waiting (offline or undo window)
    IN_PROGRESS = "in_progress"  # action sent, outcome not yet confirmed
    DONE = "done"  # cancelled (by us or already before)
    DECLINED = "declined"
    FAILED = "failed"  # last action failed; needs the merchant


class ActionState(StrEnum):
    QUEUED = "queued"  # decided, not yet sent (undo window, or offline)
    SENDING = "sending"  # intent journaled, request may have left
    CONFIRMING = "confirming"  # Shopify accepted; waiting for the job / re-read
    DONE = "done"
    FAILED = "failed"
    # Taken back inside the undo window; or stopped in a bulk before it was sent, which its
    # result says (`store.journal.mark_stopped`): ended either way, nothing sent.
    UNDONE = "undone"
    CONFLICT = "conflict"  # re-verification found the order changed


# Decided by the merchant (or closed in Shopify), carried out or on its way: a customer's
# message that joins one came after the decision.
HANDLED_STATES = frozenset(
    {RequestState.QUEUED, RequestState.IN_PROGRESS, RequestState.DONE, RequestState.DECLINED}
)


class Outcome(StrEnum):
    APPROVE = "approve"
    REVIEW = "review"
    DENY = "deny"
