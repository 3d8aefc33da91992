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
import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cancelapp.actions import Outcome
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
from cancelapp.store.outbox import (
    MailState,
    OutgoingMail,
    drop_unsent,
    journal_mail,
    set_mail_state,
    unfinished_mail,
)

log = logging.getLogger(__name__)
_ONE_ROUND = threading.Lock()  # two rounds at once could both hand the same reply over
_SETTLED = frozenset({RequestState.DONE, RequestState.DECLINED})

_NO_SENT_FOLDER = QT_TRANSLATE_NOOP(
    "Mail",
    "The reply to {order} was sent, but the mailbox has no folder marked as Sent, so no copy "
    "was filed",
)
_NOT_SENT = QT_TRANSLATE_NOOP("Mail", "The reply to {order} was not sent yet: {reason}")
_NONE_SENT = QT_TRANSLATE_NOOP(
    "Mail", "Replies to customers were not sent yet; CancelApp tries again: {reason}"
)


@dataclass(frozen=True)
class ReplyDraft:
    """The reply as the merchant confirmed it (plain text)."""

    request_id: int
    to: str
    subject: str
    body: str
    language: str


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


def journal_reply(session: StoreSession, mailbox: Mailbox, draft: ReplyDraft) -> int:
    """Write the reply with its Message-ID before anything is sent; a reply journaled earlier
    for the request and never handed over is replaced."""
    now = datetime.now(UTC)
    with session.database.transaction() as conn:
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
    decision is done (`send_replies`). A decision without a reply drops one an earlier
    decision of the request left unsent (declined, taken back, now approved)."""
    if draft is not None and session.mailbox is not None:
        journal_reply(session, session.mailbox, draft)
    elif prepared.plan.request_id is not None:
        with session.database.transaction() as conn:
            drop_unsent(conn, prepared.plan.request_id, datetime.now(UTC))
    return carry_out(session, prepared)


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
    due = [
        m
        for m in mails
        if m.state is not MailState.JOURNALED or states.get(m.request_id) in _SETTLED
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
        else:
            assert raw is not None or mail.message is not None
            file_copy(imap, sent_in, raw or mail.message or b"", datetime.now(UTC))
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
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=session.runner.who,
                what="reply",
                store_id=session.store_id,
                order_gid=order_gid,
                request_id=mail.request_id,
                detail={
                    "message_id": mail.message_id,
                    "to": mail.recipient,
                    "subject": mail.subject,
                    "order": order,
                },
            ),
        )


def _unknown(mail: OutgoingMail, order: str) -> Unknown:
    return Unknown(mail.id, mail.request_id, order, mail.recipient, mail.subject)
