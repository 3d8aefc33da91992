"""Replies in the session layer, against the demo shop, a real SMTP server and Dovecot: each
state a crash or a lost connection can leave a reply in, finished without sending it twice."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cancelapp import cli
from cancelapp.actions import OutcomeStatus
from cancelapp.actions.reply import Reply
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.keychain import SecretStore
from cancelapp.mail.config import SmtpConfig, SmtpSecurity
from cancelapp.mail.mailbox import Mailbox
from cancelapp.mail.message import build_message
from cancelapp.paths import AppPaths
from cancelapp.session.decide import Prepared
from cancelapp.session.refresh import StoreSession, refresh_store
from cancelapp.session.replies import (
    ReplyDraft,
    carry_out_with_reply,
    journal_decision_reply,
    send_replies,
    settle_unknown,
)
from cancelapp.session.withdrawal import send_withdrawal_reply
from cancelapp.sources.email_config import EmailConfig
from cancelapp.store.audit import list_audit
from cancelapp.store.outbox import MailState, set_mail_state
from fixtures.imap import ImapServer
from fixtures.smtp import SmtpServer

pytestmark = pytest.mark.imap
SENDER = "butik@example.dk"


class Control:
    cancel_event = threading.Event()

    def raise_if_cancelled(self) -> None:
        pass

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        pass

    def found(self, request_ids: frozenset[int]) -> None:
        pass


@pytest.fixture
def session(
    data_dir: object,
    secret_store: SecretStore,
    make_demo_shop: Callable[..., DemoShop],
    imap_server: ImapServer,
    smtp_server: SmtpServer,
) -> Iterator[StoreSession]:
    paths = AppPaths.resolve()
    paths.create()
    context: AppContext = build_context(paths, cli.parse([]), secrets=secret_store)
    context.settings = replace(context.settings, undo_window_seconds=0)
    shop = make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)
    session = context.open_session(connect_demo(context, shop))
    assert session is not None
    refresh_store(Control(), session)
    session.mailbox = Mailbox(
        SmtpConfig(smtp_server.host, smtp_server.username, SENDER, smtp_server.starttls_port),
        EmailConfig(imap_server.host, imap_server.username, imap_server.imaps_port),
        lambda: imap_server.password,
        imap_server.ssl_context(),
    )
    yield session
    session.close()
    context.close()


def request_in(session: StoreSession, state: str) -> int:
    with session.database.transaction() as conn:
        (request_id,) = conn.execute("SELECT id FROM requests LIMIT 1").fetchone()
        conn.execute("UPDATE requests SET state = ? WHERE id = ?", (state, request_id))
    return int(request_id)


def journaled(session: StoreSession, request_id: int, body: str = "Kære kunde") -> int:
    assert session.mailbox is not None
    return journal_decision_reply(
        session,
        session.mailbox,
        ReplyDraft(request_id, "anna@example.dk", "Angående din ordre", body, "da"),
    )


def approvable(session: StoreSession) -> int:
    """An open request the policy approves, on a paid order."""
    with session.database.reading() as conn:
        row = conn.execute(
            """SELECT r.id FROM requests r JOIN orders o ON o.gid = r.order_gid
               WHERE r.verdict_outcome = 'approve' AND o.financial_status = 'PAID'
                 AND r.state = 'open' ORDER BY r.id LIMIT 1"""
        ).fetchone()
    assert row is not None, "the demo shop has no paid request to approve"
    return int(row[0])


def state_of(session: StoreSession, mail_id: int) -> tuple[MailState, str]:
    with session.database.reading() as conn:
        state, message_id = conn.execute(
            "SELECT state, message_id FROM outgoing_mail WHERE id = ?", (mail_id,)
        ).fetchone()
    return MailState(state), str(message_id)


def test_a_reply_waits_for_its_decision_and_a_newer_one_replaces_it(
    session: StoreSession, smtp_server: SmtpServer
) -> None:
    assert session.mailbox is not None
    request_id = request_in(session, "open")
    first = journaled(session, request_id, "første")
    second = journaled(session, request_id, "anden")  # decided again before anything left
    assert send_replies(session, session.mailbox).sent == []  # not decided yet
    assert smtp_server.received == []
    request_in(session, "declined")
    assert send_replies(session, session.mailbox).sent == [request_id]
    (received,) = smtp_server.received
    assert received.message.get_content().strip() == "anden"
    assert state_of(session, first)[0] is MailState.DROPPED
    assert state_of(session, second)[0] is MailState.FILED
    assert send_replies(session, session.mailbox).sent == []  # nothing twice


def test_handed_over_and_found_in_sent_is_finished_without_sending(
    session: StoreSession, smtp_server: SmtpServer, imap_server: ImapServer
) -> None:
    """Killed after the server took it and the copy was filed, before the journal said so."""
    assert session.mailbox is not None
    request_id = request_in(session, "declined")
    mail_id = journaled(session, request_id)
    _, message_id = state_of(session, mail_id)
    raw = build_message(
        sender=SENDER,
        recipient="anna@example.dk",
        subject="Angående din ordre",
        body="Kære kunde",
        message_id=message_id,
        thread=None,
        now=datetime.now(UTC),
    )
    conn = imap_server.connect()
    conn.append('"Sent"', r"(\Seen)", None, raw)
    conn.logout()
    with session.database.transaction() as db:
        set_mail_state(db, mail_id, MailState.SUBMITTING, datetime.now(UTC), message=raw)
    result = send_replies(session, session.mailbox)
    assert result.unknown == [] and smtp_server.received == []
    assert state_of(session, mail_id)[0] is MailState.FILED


def test_handed_over_and_not_in_sent_is_left_to_the_merchant(
    session: StoreSession, smtp_server: SmtpServer
) -> None:
    """Killed while handing it over: nobody can tell, so it is never sent on a guess."""
    assert session.mailbox is not None
    request_id = request_in(session, "declined")
    mail_id = journaled(session, request_id)
    with session.database.transaction() as db:
        set_mail_state(db, mail_id, MailState.SUBMITTING, datetime.now(UTC), message=b"x")
    for _ in range(2):
        (unknown,) = send_replies(session, session.mailbox).unknown
        assert unknown.mail_id == mail_id and unknown.to == "anna@example.dk"
    assert smtp_server.received == []
    settle_unknown(session, mail_id, arrived=True)  # the merchant saw it in the mail program
    result = send_replies(session, session.mailbox)
    assert result.unknown == [] and result.sent == [] and smtp_server.received == []
    assert state_of(session, mail_id)[0] is MailState.FILED


def test_a_server_that_cannot_be_reached_leaves_the_reply_journaled(
    session: StoreSession, smtp_server: SmtpServer, imap_server: ImapServer
) -> None:
    assert session.mailbox is not None
    request_id = request_in(session, "declined")
    mail_id = journaled(session, request_id)
    good = session.mailbox
    session.mailbox = replace(good, smtp=replace(good.smtp, security=SmtpSecurity.TLS))
    result = send_replies(session, session.mailbox)  # TLS spoken to a STARTTLS port
    assert result.sent == [] and len(result.notices) == 1
    assert "was not sent yet" in result.notices[0].render_plain()
    assert state_of(session, mail_id)[0] is MailState.JOURNALED
    session.mailbox = replace(good, ssl_context=ssl.create_default_context())
    assert send_replies(session, session.mailbox).sent == []  # untrusted: IMAP refuses too
    session.mailbox = good
    assert send_replies(session, session.mailbox).sent == [request_id]
    assert len(smtp_server.received) == 1


def test_a_decision_without_a_reply_drops_the_one_an_earlier_decision_left_unsent(
    session: StoreSession, smtp_server: SmtpServer
) -> None:
    """Declined with a reply, stopped, then approved without one: the decline's words
    must never reach the customer."""
    assert session.mailbox is not None
    request_id = approvable(session)
    mail_id = journaled(session, request_id, "Vi kan desværre ikke annullere")
    plan = session.runner.prepare_approve(request_id, SuggestedAction())
    outcome = carry_out_with_reply(session, Prepared(plan), None)
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert send_replies(session, session.mailbox).sent == []
    assert smtp_server.received == []
    assert state_of(session, mail_id)[0] is MailState.DROPPED


def test_a_decision_never_replaces_return_instructions_waiting_to_go(
    session: StoreSession, smtp_server: SmtpServer
) -> None:
    """Replies that answer no decision (a withdrawal's acknowledgement, the return
    instructions) are never lost to a decision journaled after them: both go, in order."""
    assert session.mailbox is not None
    request_id = request_in(session, "open")
    instructions = Reply("anna@example.dk", "Returvejledning", "Send varen til os", "da")
    send_withdrawal_reply(session, request_id, instructions)  # not sent yet: mail was away
    journaled(session, request_id, "Ordren er annulleret")
    request_in(session, "done")
    assert send_replies(session, session.mailbox).sent == [request_id, request_id]
    bodies = [r.message.get_content().strip() for r in smtp_server.received]
    assert bodies == ["Send varen til os", "Ordren er annulleret"]


def test_a_decision_without_a_reply_keeps_the_return_instructions_and_says_what_it_replaced(
    session: StoreSession, smtp_server: SmtpServer
) -> None:
    assert session.mailbox is not None
    request_id = approvable(session)
    instructions = Reply("anna@example.dk", "Returvejledning", "Send varen til os", "da")
    send_withdrawal_reply(session, request_id, instructions)
    declined = journaled(session, request_id, "Vi kan desværre ikke annullere")
    plan = session.runner.prepare_approve(request_id, SuggestedAction())
    outcome = carry_out_with_reply(session, Prepared(plan), None)  # approved, no reply
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert state_of(session, declined)[0] is MailState.DROPPED
    assert send_replies(session, session.mailbox).sent == [request_id]
    (received,) = smtp_server.received
    assert received.message.get_content().strip() == "Send varen til os"
    with session.database.reading() as conn:
        audit = list_audit(conn, session.store_id, order_gid=plan.order_id, limit=50)
    (replaced,) = [entry for entry in audit if entry.what == "reply replaced"]
    assert replaced.detail["message_id"] == state_of(session, declined)[1]
