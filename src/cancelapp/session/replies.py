"""Replies to customers, sent exactly once from the merchant's mailbox.

A reply is journaled with its Message-ID when the merchant confirms the decision, and sent
once that decision is carried out (the request is done or declined). Each step is written
before the next begins (see `store.outbox`), so after a crash, a kill or a lost connection
`send_replies` finishes each reply from where it stopped: a reply that never reached the
server is sent; one that was being handed over is looked for in the Sent folder and, when
that cannot tell, left to the merchant (`settle_unknown`) rather than sent twice.
"""

from __future__ import annotations

import imaplib
import json
import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cancelapp.actions import Outcome
from cancelapp.domain.action import ActionKind, ActionState
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase, PhraseArg
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.mail.config import CONTEXT
from cancelapp.mail.mailbox import Mailbox
from cancelapp.mail.message import Thread, build_message, new_message_id
from cancelapp.mail.sent_folder import file_copy, holds_message, sent_folder, thread_of
from cancelapp.mail.smtp import MailNotSent, OutcomeUnknown, submit
from cancelapp.session.decide import Prepared, carry_out
from cancelapp.session.refresh import StoreSession
from cancelapp.sources.incoming import SourceUnavailable
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import EntryCode
from cancelapp.store.journal import get_action
from cancelapp.store.outbox import (
    NO_DECISION,
    MailState,
    OutgoingMail,
    drop_mail,
    journal_mail,
    set_mail_state,
    unfinished_mail,
    unsent_decision_replies,
)
from cancelapp.store.times import to_db_time

log = logging.getLogger(__name__)
_ONE_ROUND = threading.Lock()  # two rounds at once could both hand the same reply over
_SETTLED = frozenset({RequestState.DONE, RequestState.DECLINED})

_NO_SENT_FOLDER = QT_TRANSLATE_NOOP(
    "Mail",
    "The reply to {order} was sent, but the mailbox has no folder marked as Sent, so no copy "
    "was filed",
)
_NOT_FILED = QT_TRANSLATE_NOOP(
    "Mail",
    "The reply to {order} was sent, but the mailbox refused to file a copy in {folder}, so it "
    "is not in your Sent folder yet; CancelApp tries again later",
)
_NOT_SENT = QT_TRANSLATE_NOOP("Mail", "The reply to {order} was not sent yet: {reason}")
_NONE_SENT = QT_TRANSLATE_NOOP(
    "Mail", "Replies to customers were not sent yet; CancelApp tries again: {reason}"
)


# Why a confirmed reply is not sent from the mailbox, and what the request's record says.
NOT_SENT = {
    "no_mailbox": EntryCode.REPLY_NO_MAILBOX,
    "no_address": EntryCode.REPLY_NO_ADDRESS,
    "copied": EntryCode.REPLY_COPIED,
    "mail_program": EntryCode.REPLY_MAIL_PROGRAM,
}
_NOT_SENT_OR_BACK = (*NOT_SENT.values(), EntryCode.REPLY_TAKEN_BACK)
# The record of a reply not sent is written just before its decision is journaled; this much
# earlier is looked at, generous for a slow disk or a clock set back meanwhile.
_DECISION_TO_JOURNAL = timedelta(hours=1)


@dataclass(frozen=True)
class ReplyDraft:
    """The reply as the merchant confirmed it (plain text)."""

    request_id: int
    to: str
    subject: str
    body: str
    language: str
    not_sent: str | None = None  # a `NOT_SENT` key: CancelApp cannot send it


@dataclass(frozen=True)
class Unknown:
    """A reply whose sending cannot be told: the merchant says whether it arrived."""

    mail_id: int
    request_id: int
    order_name: str
    to: str
    subject: str


@dataclass
class RepliesSent:
    sent: list[int] = field(default_factory=list)  # request ids answered now
    unknown: list[Unknown] = field(default_factory=list)
    notices: list[Phrase] = field(default_factory=list)


def journal_decision_reply(
    session: StoreSession, mailbox: Mailbox, draft: ReplyDraft, order_gid: str | None = None
) -> int:
    """Write a decision's reply with its Message-ID before anything is sent. It replaces the
    replies to the request's earlier decisions never handed over (`replace_decision_replies`);
    an acknowledgement or return instructions waiting to go stay, and go first."""
    with session.database.transaction() as conn:
        replaced = unsent_decision_replies(conn, draft.request_id)
        mail_id = journal_reply_in(conn, session, mailbox, draft)
        _replaced(conn, session, replaced, order_gid)
        return mail_id


def replace_decision_replies(
    session: StoreSession, request_id: int, order_gid: str | None = None
) -> None:
    """A decision without a reply: the replies to the request's earlier decisions that were
    never handed over are not sent (declined with a reply, stopped, now approved without
    one: the decline's words must not reach the customer). Each is named in the audit log."""
    with session.database.transaction() as conn:
        _replaced(conn, session, unsent_decision_replies(conn, request_id), order_gid)


def take_back(
    session: StoreSession, action_id: int, request_id: int, *, stopped: bool = False
) -> bool:
    """Undo a decision still waiting out its undo window, and its reply with it: a reply to
    a decision taken back must never reach the customer, whatever later settles the request.
    False when the decision already left (its reply stays). One transaction: when the
    reply's part fails, the decision stays queued too (undone with its reply kept, a later
    decision that settled the request sent that reply). `stopped`: a bulk's order the
    merchant stopped before it was sent (`Runner.take_back`)."""

    def reply_back(conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT order_gid FROM requests WHERE id = ?", (request_id,)).fetchone()
        order_gid = row[0] if row else None
        replies = unsent_decision_replies(conn, request_id)
        _replaced(conn, session, replies, order_gid, EntryCode.REPLY_TAKEN_BACK)
        _not_sent_taken_back(conn, session, action_id, order_gid)

    return session.runner.take_back(action_id, stopped=stopped, also=reply_back)


def _not_sent_taken_back(
    conn: sqlite3.Connection, session: StoreSession, action_id: int, order_gid: str | None
) -> None:
    """The decision's reply CancelApp did not send (`_not_sent`: no mailbox, copied, ...)
    goes back with it, and the record says so after the entry it answers (entries are
    never removed), so no reply looks owed for a decision that was never made. Once: a
    retried take-back finds its earlier word. The entries are found by the plan's id
    among those since shortly before the decision was journaled (the log's time index)."""
    action = get_action(conn, action_id)
    if action is None or action.created_at is None or action.request_id is None:
        return
    since = action.created_at - _DECISION_TO_JOURNAL
    rows = conn.execute(
        f"""SELECT what, detail FROM audit_log
            WHERE store_id = ? AND at >= ? AND request_id = ?
              AND what IN ({",".join("?" * len(_NOT_SENT_OR_BACK))})
              AND json_extract(detail, '$.plan_id') = ?
            ORDER BY id""",  # noqa: S608 (placeholders only)
        (
            session.store_id,
            to_db_time(since),
            action.request_id,
            *_NOT_SENT_OR_BACK,
            action.idempotency_key,
        ),
    ).fetchall()
    if any(what == EntryCode.REPLY_TAKEN_BACK for what, _detail in rows):
        return
    for _what, detail in rows:
        _note(
            conn,
            session,
            EntryCode.REPLY_TAKEN_BACK,
            order_gid,
            action.request_id,
            action_id=action_id,
            detail=json.loads(detail),
        )


def _replaced(
    conn: sqlite3.Connection,
    session: StoreSession,
    replaced: list[OutgoingMail],
    order_gid: str | None,
    what: EntryCode = EntryCode.REPLY_REPLACED,
) -> None:
    now = datetime.now(UTC)
    drop_mail(conn, [mail.id for mail in replaced], now)
    for mail in replaced:
        detail = {"message_id": mail.message_id, "to": mail.recipient, "subject": mail.subject}
        _note(
            conn,
            session,
            what,
            order_gid,
            mail.request_id,
            detail=detail,
            at=now,
        )


def journal_reply_in(
    conn: sqlite3.Connection, session: StoreSession, mailbox: Mailbox, draft: ReplyDraft
) -> int:
    """Journal a reply inside the caller's transaction (with what it answers). Nothing
    journaled earlier is dropped."""
    now = datetime.now(UTC)
    row = conn.execute(
        """SELECT external_id FROM request_messages
           WHERE request_id = ? AND source = ? AND external_id LIKE 'email:<%'
           ORDER BY received_at DESC LIMIT 1""",
        (draft.request_id, RequestSource.EMAIL.value),
    ).fetchone()
    in_reply_to = str(row[0]).removeprefix("email:") if row is not None else None
    return journal_mail(
        conn,
        store_id=session.store_id,
        request_id=draft.request_id,
        message_id=new_message_id(mailbox.smtp.sender),
        recipient=draft.to,
        subject=draft.subject,
        body=draft.body,
        language=draft.language,
        in_reply_to=in_reply_to,
        now=now,
    )


def carry_out_with_reply(
    session: StoreSession, prepared: Prepared, draft: ReplyDraft | None
) -> Outcome:
    """Journal the reply first, then carry out the decision; the reply leaves once the
    decision is done (`send_replies`). Either way the decision replaces the replies earlier
    decisions of the request left unsent (declined, stopped, now approved)."""
    plan = prepared.plan
    if draft is not None and draft.not_sent is None and session.mailbox is not None:
        journal_decision_reply(session, session.mailbox, draft, plan.order_id)
    elif plan.request_id is not None:
        replace_decision_replies(session, plan.request_id, plan.order_id)
        if draft is not None:
            _not_sent(session, draft, plan.order_id, plan.plan_id)
    return carry_out(session, prepared)


def _not_sent(
    session: StoreSession, draft: ReplyDraft, order_gid: str | None, plan_id: str
) -> None:
    """The request's record says the reply did not go from CancelApp, and why (no mailbox
    set up, no address), or that the merchant copied it to send themselves: never silent.
    With the decision's plan id, so an undo can answer it (`_not_sent_taken_back`)."""
    code = NOT_SENT.get(draft.not_sent or "", EntryCode.REPLY_NO_MAILBOX)
    if session.mailbox is None and code is EntryCode.REPLY_NO_ADDRESS:
        code = EntryCode.REPLY_NO_MAILBOX
    with session.database.transaction() as conn:
        _note(
            conn,
            session,
            code,
            order_gid,
            draft.request_id,
            detail={
                **({"to": draft.to, "subject": draft.subject} if draft.to else {}),
                "plan_id": plan_id,
            },
        )


def send_replies(session: StoreSession, mailbox: Mailbox) -> RepliesSent:
    """Send every journaled reply whose decision is carried out and finish those a crash or
    a lost connection left half-way. Raises nothing for mail trouble: it comes back as
    notices, and the replies wait for the next try. One round at a time per process."""
    with _ONE_ROUND:
        return _send_replies(session, mailbox)


def _send_replies(session: StoreSession, mailbox: Mailbox) -> RepliesSent:
    result = RepliesSent()
    with session.database.reading() as conn:
        mails = unfinished_mail(conn, session.store_id)
        states = {
            int(rid): RequestState(state)
            for rid, state in conn.execute(
                "SELECT id, state FROM requests WHERE store_id = ?", (session.store_id,)
            )
        }
        names = {
            int(rid): str(name or "")
            for rid, name in conn.execute(
                "SELECT id, order_name FROM requests WHERE store_id = ?", (session.store_id,)
            )
        }
        orders = {
            int(rid): None if gid is None else str(gid)
            for rid, gid in conn.execute(
                "SELECT id, order_gid FROM requests WHERE store_id = ?", (session.store_id,)
            )
        }
        at_once = _due_at_once(conn, session.store_id)
        asked_warehouse = _asked_warehouse(conn, session.store_id)
    due = [
        m
        for m in mails
        if m.state is not MailState.JOURNALED
        or states.get(m.request_id) in _SETTLED
        or m.id in at_once
        or asked_warehouse.get(m.request_id, "") >= m.created_at
    ]
    if not due:
        return result
    try:
        with mailbox.imap_session() as imap:
            for mail in due:
                order = names.get(mail.request_id, "")
                if mail.state is MailState.UNKNOWN:
                    result.unknown.append(_unknown(mail, order))
                    continue
                try:
                    _finish(
                        session, mailbox, imap, mail, order, result, orders.get(mail.request_id)
                    )
                except MailNotSent as failed:
                    args: dict[str, PhraseArg] = {"order": order, "reason": failed.phrase}
                    result.notices.append(Phrase(CONTEXT, _NOT_SENT, args))
                    break  # the server is refusing or away: the rest waits for the next try
    except SourceUnavailable as failed:
        result.notices.append(Phrase(CONTEXT, _NONE_SENT, {"reason": failed.phrase}))
    return result


def _due_at_once(conn: sqlite3.Connection, store_id: int) -> set[int]:
    """Replies that answer no decision (`NO_DECISION`): due as soon as they are journaled."""
    rows = conn.execute(
        """SELECT o.id FROM outgoing_mail o JOIN audit_log a ON a.request_id = o.request_id
            WHERE o.store_id = ? AND o.state = ? AND a.what IN (?, ?)
              AND json_extract(a.detail, '$.message_id') = o.message_id""",
        (store_id, MailState.JOURNALED.value, *NO_DECISION),
    )
    return {int(mail_id) for (mail_id,) in rows}


def _asked_warehouse(conn: sqlite3.Connection, store_id: int) -> dict[int, str]:
    """Request id -> when its latest action, a request to the warehouse to cancel, was
    journaled, for requests whose latest action is exactly that and done: the "waiting for
    the warehouse" reply journaled before it is due (a later decision's reply is not)."""
    rows = conn.execute(
        """SELECT a.request_id, a.created_at FROM actions a
            WHERE a.store_id = ? AND a.kind = ? AND a.state = ?
              AND a.id = (SELECT max(b.id) FROM actions b WHERE b.request_id = a.request_id)""",
        (store_id, ActionKind.CANCELLATION_REQUEST.value, ActionState.DONE.value),
    )
    return {int(rid): str(created) for rid, created in rows}


def settle_unknown(session: StoreSession, mail_id: int, *, arrived: bool) -> None:
    """The merchant's answer for a reply whose sending could not be told: it arrived (the
    copy is filed next time), or it did not (sent again, as the very same message)."""
    state = MailState.SENT if arrived else MailState.JOURNALED
    with session.database.transaction() as conn:
        set_mail_state(conn, mail_id, state, datetime.now(UTC))


def _finish(
    session: StoreSession,
    mailbox: Mailbox,
    imap: imaplib.IMAP4,
    mail: OutgoingMail,
    order: str,
    result: RepliesSent,
    order_gid: str | None,
) -> None:
    sent_in = None if mailbox.smtp.files_sent_itself else sent_folder(imap)
    state, raw = mail.state, mail.message
    if state is MailState.SUBMITTING:
        state = _after_doubt(session, mailbox, imap, mail, order, result)
    if state is MailState.JOURNALED:
        if raw is None:
            raw = _build(mailbox, imap, mail)
        _set(session, mail.id, MailState.SUBMITTING, message=raw)
        try:
            submit(mailbox.smtp, mailbox.password, mailbox.ssl_context, raw, [mail.recipient])
        except OutcomeUnknown:
            state = _after_doubt(session, mailbox, imap, mail, order, result)
        except MailNotSent:
            _set(session, mail.id, MailState.JOURNALED)  # nothing left: sent on the next try
            raise
        else:
            state = MailState.SENT
            _set(session, mail.id, state)
            _record(session, mail, order, order_gid)
            result.sent.append(mail.request_id)
    if state is MailState.SENT:
        if mailbox.smtp.files_sent_itself:
            pass
        elif sent_in is None:
            result.notices.append(Phrase(CONTEXT, _NO_SENT_FOLDER, {"order": order}))
        elif holds_message(imap, sent_in, mail.message_id):
            pass  # the server filed it itself: a second copy would be a duplicate
        elif not file_copy(imap, sent_in, raw or mail.message or b"", datetime.now(UTC)):
            args: dict[str, PhraseArg] = {"order": order, "folder": sent_in}
            result.notices.append(Phrase(CONTEXT, _NOT_FILED, args))
            return  # stays sent: the copy is filed on a later try
        _set(session, mail.id, MailState.FILED)


def _after_doubt(
    session: StoreSession,
    mailbox: Mailbox,
    imap: imaplib.IMAP4,
    mail: OutgoingMail,
    order: str,
    result: RepliesSent,
) -> MailState:
    """The reply was being handed over when the connection (or the app) went: the Sent
    folder decides. Found: done. Not found where the server files sent mail itself: it was
    not sent, so send it. Otherwise nobody can tell: ask the merchant."""
    folder = sent_folder(imap)
    if folder is not None and holds_message(imap, folder, mail.message_id):
        _set(session, mail.id, MailState.FILED)
        return MailState.FILED
    if mailbox.smtp.files_sent_itself and folder is not None:
        return MailState.JOURNALED
    _set(session, mail.id, MailState.UNKNOWN)
    result.unknown.append(_unknown(mail, order))
    return MailState.UNKNOWN


def _build(mailbox: Mailbox, imap: imaplib.IMAP4, mail: OutgoingMail) -> bytes:
    thread: Thread | None = None
    if mail.in_reply_to is not None:
        thread = thread_of(imap, mailbox.imap.folder, mail.in_reply_to) or Thread(
            mail.in_reply_to, mail.subject
        )
    return build_message(
        sender=mailbox.smtp.sender,
        recipient=mail.recipient,
        subject=mail.subject,
        body=mail.body,
        message_id=mail.message_id,
        thread=thread,
        now=datetime.now(UTC),
    )


def _set(
    session: StoreSession, mail_id: int, state: MailState, *, message: bytes | None = None
) -> None:
    with session.database.transaction() as conn:
        set_mail_state(conn, mail_id, state, datetime.now(UTC), message=message)


def _record(session: StoreSession, mail: OutgoingMail, order: str, order_gid: str | None) -> None:
    with session.database.transaction() as conn:
        _note(
            conn,
            session,
            EntryCode.REPLY,
            order_gid,
            mail.request_id,
            detail={
                "message_id": mail.message_id,
                "to": mail.recipient,
                "subject": mail.subject,
                "order": order,
            },
        )


def _unknown(mail: OutgoingMail, order: str) -> Unknown:
    return Unknown(mail.id, mail.request_id, order, mail.recipient, mail.subject)


def _note(
    conn: sqlite3.Connection,
    session: StoreSession,
    what: EntryCode,
    order_gid: str | None,
    request_id: int | None,
    *,
    detail: dict[str, Any],
    action_id: int | None = None,
    at: datetime | None = None,
) -> None:
    """One entry in the request's record, by the merchant of this session."""
    append_audit(
        conn,
        AuditEntry(
            at=at or datetime.now(UTC),
            who=session.runner.who,
            what=what,
            store_id=session.store_id,
            order_gid=order_gid,
            request_id=request_id,
            action_id=action_id,
            detail=detail,
        ),
    )
