"""Merchant words for Shopify's enum values and our states, translated at display time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP

_CONTEXT = "Labels"

_SOURCES = {
    "shopify": QT_TRANSLATE_NOOP(_CONTEXT, "Shopify"),
    "tag": QT_TRANSLATE_NOOP(_CONTEXT, "Order tag"),
    "email": QT_TRANSLATE_NOOP(_CONTEXT, "Email"),
    "csv": QT_TRANSLATE_NOOP(_CONTEXT, "Form"),
    "manual": QT_TRANSLATE_NOOP(_CONTEXT, "By hand"),
}

_FINANCIAL = {
    "AUTHORIZED": QT_TRANSLATE_NOOP(_CONTEXT, "Authorized"),
    "EXPIRED": QT_TRANSLATE_NOOP(_CONTEXT, "Expired"),
    "PAID": QT_TRANSLATE_NOOP(_CONTEXT, "Paid"),
    "PARTIALLY_PAID": QT_TRANSLATE_NOOP(_CONTEXT, "Partially paid"),
    "PARTIALLY_REFUNDED": QT_TRANSLATE_NOOP(_CONTEXT, "Partially refunded"),
    "PENDING": QT_TRANSLATE_NOOP(_CONTEXT, "Payment pending"),
    "REFUNDED": QT_TRANSLATE_NOOP(_CONTEXT, "Refunded"),
    "VOIDED": QT_TRANSLATE_NOOP(_CONTEXT, "Voided"),
    "UNKNOWN": QT_TRANSLATE_NOOP(_CONTEXT, "Payment status unknown"),
}

_FULFILLMENT = {
    "FULFILLED": QT_TRANSLATE_NOOP(_CONTEXT, "Fulfilled"),
    "IN_PROGRESS": QT_TRANSLATE_NOOP(_CONTEXT, "In progress"),
    "ON_HOLD": QT_TRANSLATE_NOOP(_CONTEXT, "On hold"),
    "OPEN": QT_TRANSLATE_NOOP(_CONTEXT, "Unfulfilled"),
    "PARTIALLY_FULFILLED": QT_TRANSLATE_NOOP(_CONTEXT, "Partially fulfilled"),
    "PENDING_FULFILLMENT": QT_TRANSLATE_NOOP(_CONTEXT, "Pending fulfillment"),
    "REQUEST_DECLINED": QT_TRANSLATE_NOOP(_CONTEXT, "Request declined"),
    "RESTOCKED": QT_TRANSLATE_NOOP(_CONTEXT, "Restocked"),
    "SCHEDULED": QT_TRANSLATE_NOOP(_CONTEXT, "Scheduled"),
    "UNFULFILLED": QT_TRANSLATE_NOOP(_CONTEXT, "Unfulfilled"),
    "CANCELLED": QT_TRANSLATE_NOOP(_CONTEXT, "Cancelled"),
    "CLOSED": QT_TRANSLATE_NOOP(_CONTEXT, "Closed"),
    "INCOMPLETE": QT_TRANSLATE_NOOP(_CONTEXT, "Incomplete"),
}

_OUTCOMES = {
    "approve": QT_TRANSLATE_NOOP(_CONTEXT, "Approve"),
    "review": QT_TRANSLATE_NOOP(_CONTEXT, "Review"),
    "deny": QT_TRANSLATE_NOOP(_CONTEXT, "Deny"),
    # Not a verdict: the queue's badge for a decided request the customer wrote to again.
    "message": QT_TRANSLATE_NOOP(_CONTEXT, "New message"),
}

_ACTION_STATES = {
    "queued": QT_TRANSLATE_NOOP(_CONTEXT, "Queued"),
    "sending": QT_TRANSLATE_NOOP(_CONTEXT, "In progress"),
    "confirming": QT_TRANSLATE_NOOP(_CONTEXT, "In progress"),
    "done": QT_TRANSLATE_NOOP(_CONTEXT, "Done"),
    "failed": QT_TRANSLATE_NOOP(_CONTEXT, "Failed"),
    "conflict": QT_TRANSLATE_NOOP(_CONTEXT, "Failed: order changed"),
    "undone": QT_TRANSLATE_NOOP(_CONTEXT, "Undone"),
    "stopped": QT_TRANSLATE_NOOP(_CONTEXT, "Not sent (stopped)"),  # `store.queue.STOPPED`
}

_REQUEST_STATES = {
    "open": QT_TRANSLATE_NOOP(_CONTEXT, "Needs decision"),
    "unmatched": QT_TRANSLATE_NOOP(_CONTEXT, "No order found"),
    "queued": QT_TRANSLATE_NOOP(_CONTEXT, "Queued"),
    "in_progress": QT_TRANSLATE_NOOP(_CONTEXT, "In progress"),
    "done": QT_TRANSLATE_NOOP(_CONTEXT, "Cancelled"),
    "declined": QT_TRANSLATE_NOOP(_CONTEXT, "Declined"),
    "failed": QT_TRANSLATE_NOOP(_CONTEXT, "Failed"),
}

_RISK = {
    "NONE": QT_TRANSLATE_NOOP(_CONTEXT, "No risk assessed"),
    "PENDING": QT_TRANSLATE_NOOP(_CONTEXT, "Risk check pending"),
    "LOW": QT_TRANSLATE_NOOP(_CONTEXT, "Low risk"),
    "MEDIUM": QT_TRANSLATE_NOOP(_CONTEXT, "Medium risk"),
    "HIGH": QT_TRANSLATE_NOOP(_CONTEXT, "High risk"),
}


# The policy's condition texts name statuses in lower-case words ("payment status authorized;
# rule: paid, authorized"); these are their translations inside a sentence.
_STATUS_WORDS_CONTEXT = "StatusWords"
_STATUS_WORDS = frozenset(
    (
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "authorized"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "expired"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "paid"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "partially paid"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "partially refunded"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "pending"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "refunded"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "voided"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "unknown"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "fulfilled"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "unfulfilled"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "partially fulfilled"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "in progress"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "on hold"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "open"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "pending fulfillment"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "scheduled"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "restocked"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "request declined"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "fulfillment not required"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "none"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "low"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "medium"),
        QT_TRANSLATE_NOOP(_STATUS_WORDS_CONTEXT, "high"),
    )
)


# What an audit entry records (`store/audit_codes.py`): a plan's or a step's kind, then for
# plans what happened to it ("cancel done", "hold queued"), or one of the other entry codes.
# Every code has words here: tests/ui/test_ui_audit_log.py fails for one without.
_AUDIT_KINDS = {
    "cancel": QT_TRANSLATE_NOOP(_CONTEXT, "Cancel"),
    "refund": QT_TRANSLATE_NOOP(_CONTEXT, "Refund"),
    "restock": QT_TRANSLATE_NOOP(_CONTEXT, "Restock"),
    "decline": QT_TRANSLATE_NOOP(_CONTEXT, "Decline"),
    "hold": QT_TRANSLATE_NOOP(_CONTEXT, "Hold"),
    "release_hold": QT_TRANSLATE_NOOP(_CONTEXT, "Release the hold"),
    "cancellation_request": QT_TRANSLATE_NOOP(_CONTEXT, "Ask the warehouse to cancel"),
    "submit_cancellation": QT_TRANSLATE_NOOP(_CONTEXT, "Ask the warehouse to cancel"),
    "resolve_native": QT_TRANSLATE_NOOP(_CONTEXT, "Close Shopify's request"),
    "decline_native": QT_TRANSLATE_NOOP(_CONTEXT, "Decline Shopify's request"),
    "tag": QT_TRANSLATE_NOOP(_CONTEXT, "Tag the order"),
    "note": QT_TRANSLATE_NOOP(_CONTEXT, "Note"),
    "messages read": QT_TRANSLATE_NOOP(_CONTEXT, "Messages after the decision read"),
    # session/replies.py
    "reply": QT_TRANSLATE_NOOP(_CONTEXT, "Reply sent to the customer"),
    "reply replaced": QT_TRANSLATE_NOOP(_CONTEXT, "Unsent reply replaced by a new decision"),
    "reply not sent: no mailbox": QT_TRANSLATE_NOOP(_CONTEXT, "Reply not sent: no mailbox set up"),
    "reply not sent: no address": QT_TRANSLATE_NOOP(
        _CONTEXT, "Reply not sent: no email address known"
    ),
    "reply copied": QT_TRANSLATE_NOOP(
        _CONTEXT, "Reply copied to send yourself; not sent by CancelApp"
    ),
    "reply opened in mail program": QT_TRANSLATE_NOOP(
        _CONTEXT, "Reply opened in your mail program; not sent by CancelApp"
    ),
    "unsent reply taken back": QT_TRANSLATE_NOOP(
        _CONTEXT, "Unsent reply taken back with its decision"
    ),
    # session/withdrawal.py
    "withdrawal acknowledgement": QT_TRANSLATE_NOOP(_CONTEXT, "Withdrawal acknowledged"),
    "withdrawal return": QT_TRANSLATE_NOOP(_CONTEXT, "Return opened for the withdrawal"),
    "withdrawal reply": QT_TRANSLATE_NOOP(_CONTEXT, "Reply to the withdrawal written"),
    # session/unmatched.py
    "link": QT_TRANSLATE_NOOP(_CONTEXT, "Request matched to the order by hand"),
    "close_unmatched": QT_TRANSLATE_NOOP(_CONTEXT, "Closed: no order found"),
    # store/backups.py
    "restore": QT_TRANSLATE_NOOP(_CONTEXT, "Database restored from a backup"),
}
_AUDIT_EVENTS = {
    "started": QT_TRANSLATE_NOOP(_CONTEXT, "started"),
    "queued": QT_TRANSLATE_NOOP(_CONTEXT, "queued"),
    "taken back": QT_TRANSLATE_NOOP(_CONTEXT, "taken back"),
    "stopped: order changed": QT_TRANSLATE_NOOP(_CONTEXT, "stopped: the order changed"),
    "not sent: stop pressed": QT_TRANSLATE_NOOP(_CONTEXT, "not sent, you pressed Stop"),
    "done": QT_TRANSLATE_NOOP(_CONTEXT, "done"),
    "failed": QT_TRANSLATE_NOOP(_CONTEXT, "failed"),
}


def audit_label(what: str) -> str:
    """An audit entry's `what` in the merchant's words: "Cancel: done", "Close Shopify's
    request"; a code newer than this version as it is written, in words."""
    words = audit_words(what)
    return what.replace("_", " ").capitalize() if words is None else words


def audit_words(what: str) -> str | None:
    """The words for `what`, translated; None for a code without them."""
    if what in _AUDIT_KINDS:
        return QCoreApplication.translate(_CONTEXT, _AUDIT_KINDS[what])
    kind, _space, event = what.partition(" ")
    if kind not in _AUDIT_KINDS or event not in _AUDIT_EVENTS:
        return None
    text = QCoreApplication.translate(_CONTEXT, _AUDIT_KINDS[kind])
    return text + ": " + QCoreApplication.translate(_CONTEXT, _AUDIT_EVENTS[event])


def audit_code_words() -> dict[str, str]:
    """Every code with words, to its words in the language of the moment (for the CSV export,
    made on a worker)."""
    codes = [
        *_AUDIT_KINDS,
        *(f"{kind} {event}" for kind in _AUDIT_KINDS for event in _AUDIT_EVENTS),
    ]
    return {code: words for code in codes if (words := audit_words(code)) is not None}


def decision_label(outcome: str) -> str:
    """A decision's outcome: the plan's kind ("Cancel"), or a verdict ("Approve": a
    withdrawal's return)."""
    return _label(_OUTCOMES if outcome in _OUTCOMES else _AUDIT_KINDS, outcome)


def status_words(text: str) -> str:
    """A policy text argument in the merchant's language when it names statuses only
    ("paid, authorized"); anything else (tags, gateways, names) is shown as it is."""
    words = text.split(", ")
    if not all(word in _STATUS_WORDS for word in words):
        return text
    return ", ".join(QCoreApplication.translate(_STATUS_WORDS_CONTEXT, w) for w in words)


def status_word(value: str) -> str:
    """One status as the policy file writes it ("partially_paid") in the merchant's words."""
    words = value.lower().replace("_", " ")
    return QCoreApplication.translate(_STATUS_WORDS_CONTEXT, words)


def _label(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    text = table.get(value)
    if text is None:  # a value newer than this version: show Shopify's own word
        return value.replace("_", " ").capitalize()
    return QCoreApplication.translate(_CONTEXT, text)


def source_label(value: str | None) -> str:
    return _label(_SOURCES, value)


def sources_label(values: str) -> str:
    """From the queue's comma-separated sources."""
    return ", ".join(source_label(v) for v in values.split(",") if v)


def financial_label(value: str | None) -> str:
    return _label(_FINANCIAL, value)


def fulfillment_label(value: str | None) -> str:
    return _label(_FULFILLMENT, value)


def outcome_label(value: str | None) -> str:
    return _label(_OUTCOMES, value)


def action_state_label(value: str | None) -> str:
    return _label(_ACTION_STATES, value)


# What a request's latest action is, by decision: the queue's Action column and the detail's
# queued line name it ("Decline queued", not "Queued"; "Declined", not "Done").
_APPROVING = frozenset({"cancel", "refund", "restock", "resolve_native"})
_ON_ITS_WAY = {
    "queued": {
        "approve": QT_TRANSLATE_NOOP(_CONTEXT, "Approve queued"),
        "decline": QT_TRANSLATE_NOOP(_CONTEXT, "Decline queued"),
        "hold": QT_TRANSLATE_NOOP(_CONTEXT, "Hold queued"),
        "release_hold": QT_TRANSLATE_NOOP(_CONTEXT, "Release queued"),
        "cancellation_request": QT_TRANSLATE_NOOP(_CONTEXT, "Warehouse ask queued"),
    },
    "sending": {
        "approve": QT_TRANSLATE_NOOP(_CONTEXT, "Approving…"),
        "decline": QT_TRANSLATE_NOOP(_CONTEXT, "Declining…"),
        "hold": QT_TRANSLATE_NOOP(_CONTEXT, "Holding…"),
        "release_hold": QT_TRANSLATE_NOOP(_CONTEXT, "Releasing…"),
        "cancellation_request": QT_TRANSLATE_NOOP(_CONTEXT, "Asking the warehouse…"),
    },
}
_ON_ITS_WAY["confirming"] = _ON_ITS_WAY["sending"]
_CARRIED_OUT = {
    "cancelled": QT_TRANSLATE_NOOP(_CONTEXT, "Cancelled"),
    "partly": QT_TRANSLATE_NOOP(_CONTEXT, "Partly cancelled"),
    "decline": QT_TRANSLATE_NOOP(_CONTEXT, "Declined"),
    "release_hold": QT_TRANSLATE_NOOP(_CONTEXT, "Hold released"),
    "withdrawal": QT_TRANSLATE_NOOP(_CONTEXT, "Withdrawal accepted"),
}


def decision_action_label(
    kind: str | None, state: str | None, *, request_state: str, order_cancelled: bool
) -> str | None:
    """What the request's latest action (`kind`, `state`: their values) does, by decision:
    "Approve queued", "Declining…", "Cancelled", "Partly cancelled" (the order kept),
    "Declined"; a withdrawal accepted (its return opened, no action of ours) says so. None
    where the action's state says it all ("Failed", "Undone")."""
    if state is None:
        if request_state == "in_progress":  # accepted: the return is open, the refund waits
            return QCoreApplication.translate(_CONTEXT, _CARRIED_OUT["withdrawal"])
        return None
    decision = "approve" if kind in _APPROVING else kind or ""
    on_its_way = _ON_ITS_WAY.get(state, {}).get(decision)
    if on_its_way is not None:
        return QCoreApplication.translate(_CONTEXT, on_its_way)
    if state != "done":
        return None
    if decision == "approve":
        if request_state != "done":  # carried out, the request not (yet) settled
            return None
        decision = "cancelled" if order_cancelled else "partly"
    done = _CARRIED_OUT.get(decision)
    return QCoreApplication.translate(_CONTEXT, done) if done is not None else None


def request_state_label(value: str | None, *, order_cancelled: bool = True) -> str:
    """A carried-out request reads "Cancelled" when its order was; approved with part of it
    refunded and the order kept (`order_cancelled=False`), "Done"."""
    if value == "done" and not order_cancelled:
        return _label(_ACTION_STATES, value)
    return _label(_REQUEST_STATES, value)


def risk_label(value: str | None) -> str:
    return _label(_RISK, value)


BADGE_VALUES = tuple(_OUTCOMES)  # every badge the queue's verdict column may show
SOURCE_VALUES = tuple(_SOURCES)
FINANCIAL_VALUES = tuple(_FINANCIAL)
# OPEN is what Shopify shows as Unfulfilled too: one "Unfulfilled" in the filter finds both
# (`queue_index.QueueFilter`).
FULFILLMENT_VALUES = tuple(
    v for v in _FULFILLMENT if v not in {"CANCELLED", "CLOSED", "INCOMPLETE", "OPEN"}
)
