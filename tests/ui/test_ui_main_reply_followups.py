"""Replies, continued (issue 15 points 1-2), in the real window against the demo shop, a real
SMTP server with TLS and the real Dovecot: the "waiting for the warehouse" reply when the
merchant asks the fulfillment service to cancel, the "could not find your order" reply when an
unmatched request is closed, a Sent folder that refuses the copy, and a server that files
submitted mail itself."""

from __future__ import annotations

import imaplib
import time
import uuid
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestState
from cancelapp.mail.config import SmtpConfig
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.detail.find_order_dialog import FindOrderDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.imap import ImapServer
from fixtures.mailbox import SENDER, in_sent, window_with_mailbox
from fixtures.main_window import decline_with_reason, open_window, show_request
from fixtures.smtp import SmtpServer

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    shop = make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)
    shop.set_fulfillment_service_answer("none")  # the warehouse answers when the test says so
    return shop


def deliver(server: ImapServer, folder: str, mail: EmailMessage) -> None:
    conn = server.connect()
    try:
        when = imaplib.Time2Internaldate(time.time())
        assert conn.append(f'"{folder}"', "", when, bytes(mail))[0] == "OK"
    finally:
        conn.logout()


def open_request(
    qtbot: QtBot, window: MainWindow, request_id: int, tab: Tab = Tab.NEEDS_DECISION
) -> None:
    window.queue.show_tab(tab)
    assert window.model.row_of(request_id) is not None
    show_request(qtbot, window, request_id)


def open_approve(qtbot: QtBot, window: MainWindow) -> ConfirmActionDialog:
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    return dialog


def settled(qtbot: QtBot, window: MainWindow) -> None:
    """Another round of sending, run to its end."""
    window.actions_.send_replies()
    qtbot.waitUntil(lambda: window.actions_._reply_task is None, timeout=WAIT)


def warehouse_order(shop: DemoShop) -> str:
    order_id = shop.create_order("third_party_accepted")
    shop.add_cancel_request(order_id, "Please cancel, I ordered twice.")
    return order_id


@pytest.mark.usefixtures("trusted")
def test_asking_the_warehouse_sends_the_waiting_reply_exactly_once(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = warehouse_order(demo_shop)
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    open_request(qtbot, window, request_id)

    ask = open_approve(qtbot, window)
    assert ask.confirm_button.text() == "Ask the warehouse to cancel"
    shown = ask.reply_preview
    assert shown is not None, "the ask's preview shows the reply like the other actions'"
    assert shown.kind_combo.currentData() == "waiting_for_warehouse"
    assert shown.send_box.isChecked()
    body = shown.body_edit.toPlainText()
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT) as sent:
        ask.confirm_button.click()
    assert sent.args[0] == [request_id]
    (waiting,) = smtp_server.received
    assert waiting.recipients == [demo_shop.order(order_id).email]
    assert waiting.message.get_content().replace("\r\n", "\n") == body + "\n"
    assert in_sent(imap_server, waiting.message["Message-ID"]) == 1
    assert demo_shop.order(order_id).cancelled_at is None  # only the warehouse was asked

    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    settled(qtbot, window)
    assert len(smtp_server.received) == 1  # the wait is told once, not once per sync

    # The warehouse agrees; the final cancel and refund brings its own reply, and only it.
    asked_at = demo_shop.order(order_id).updated_at
    qtbot.waitUntil(lambda: demo_shop.store.now() > asked_at, timeout=WAIT)
    assert demo_shop.answer_cancellation_requests("accept") == 1
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    open_request(qtbot, window, request_id)
    approve = open_approve(qtbot, window)
    assert approve.confirm_button.text().startswith("Cancel and refund")
    assert approve.reply_preview is not None
    assert approve.reply_preview.kind_combo.currentData() != "waiting_for_warehouse"
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        approve.confirm_button.click()
    first, cancelled = smtp_server.received
    assert first.message["Message-ID"] == waiting.message["Message-ID"]
    assert cancelled.message["Message-ID"] != waiting.message["Message-ID"]
    assert demo_shop.order(order_id).cancelled_at is not None


def test_asking_the_warehouse_without_sending_set_up_offers_the_mail_program(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = warehouse_order(demo_shop)
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    open_request(qtbot, window, request_id)
    ask = open_approve(qtbot, window)
    shown = ask.reply_preview
    assert shown is not None and shown.kind_combo.currentData() == "waiting_for_warehouse"
    unsent = shown.confirmed()
    assert unsent is not None and unsent.not_sent == "no_mailbox"
    assert not shown.mail_button.isHidden()
    assert demo_shop.order(order_id).name in shown.body_edit.toPlainText()
    ask.reject()


@pytest.mark.usefixtures("trusted")
def test_closing_an_unmatched_email_request_sends_the_not_found_reply_in_its_thread(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    question = EmailMessage()
    question["From"] = "Ukendt Kunde <ukendt@example.dk>"
    question["To"] = SENDER
    question["Subject"] = "Annuller min ordre"
    question["Message-ID"] = f"<{uuid.uuid4().hex}@kunde.example.dk>"
    question.set_content("Hej, jeg vil gerne annullere min ordre. Tak.")
    deliver(imap_server, folder, question)
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    assert window.store is not None
    with window.context.database.reading() as conn:
        row = conn.execute(
            "SELECT id FROM requests WHERE store_id = ? AND customer_email = ? AND state = ?",
            (window.store.id, "ukendt@example.dk", RequestState.UNMATCHED.value),
        ).fetchone()
    assert row is not None, "the email without an order number is in Unmatched"
    request_id = int(row[0])
    open_request(qtbot, window, request_id, Tab.UNMATCHED)
    window.commands.find_order.trigger()
    dialog = window.unmatched.dialog
    assert isinstance(dialog, FindOrderDialog)

    qtbot.waitUntil(dialog.close_request_button.isEnabled, timeout=WAIT)  # searched first
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT) as sent:
        dialog.close_request_button.click()
    assert sent.args[0] == [request_id]
    assert "sent from your mailbox" in dialog.status_label.text()
    assert dialog.mail_button.isHidden() and dialog.copy_button.isHidden()
    (received,) = smtp_server.received
    reply = received.message
    assert received.recipients == ["ukendt@example.dk"]
    assert reply["In-Reply-To"] == question["Message-ID"]
    assert reply["Subject"] == "Re: Annuller min ordre"
    assert "could not find your order" in reply.get_content()
    assert in_sent(imap_server, reply["Message-ID"]) == 1
    with window.context.database.reading() as conn:
        closed = get_request(conn, request_id)
    assert closed is not None and closed.state is RequestState.DECLINED

    settled(qtbot, window)
    assert len(smtp_server.received) == 1  # closed once, answered once


@pytest.fixture
def sent_refuses(imap_server: ImapServer) -> Iterator[Callable[[bool], None]]:
    """Make Dovecot's Sent folder refuse new messages (its Maildir read-only), and undo it."""
    sent = imap_server.root / "home" / "shop" / "Maildir" / ".Sent"
    parts = [sent / "tmp", sent / "new", sent / "cur"]

    def refuse(on: bool) -> None:
        for part in parts:
            part.chmod(0o555 if on else 0o700)

    conn = imap_server.connect()  # the folder exists (Dovecot creates it on first use)
    conn.select('"Sent"')
    conn.logout()
    try:
        yield refuse
    finally:
        refuse(False)


def decline_a_buyer_request(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    open_request(qtbot, window, request_id)
    confirm = decline_with_reason(qtbot, window, "it has left the building.")
    assert confirm.reply_preview is not None and confirm.reply_preview.send_box.isChecked()
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        confirm.confirm_button.click()


@pytest.mark.usefixtures("trusted")
def test_a_sent_folder_that_refuses_the_copy_leaves_the_reply_unfiled_until_a_later_try(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
    sent_refuses: Callable[[bool], None],
) -> None:
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Cancel please")
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    problems: list[str] = []
    window.actions_.problem.connect(lambda words: problems.append(words()[0]))

    sent_refuses(True)
    decline_a_buyer_request(qtbot, window, request_id)
    (received,) = smtp_server.received
    message_id = received.message["Message-ID"]
    assert in_sent(imap_server, message_id) == 0
    assert any("refused to file a copy in Sent" in p for p in problems), problems
    assert "is not in your Sent folder yet" in window.banner.text
    with window.context.database.reading() as conn:
        (state,) = conn.execute(
            "SELECT state FROM outgoing_mail WHERE message_id = ?", (message_id,)
        ).fetchone()
    assert state == "sent"  # not filed: it is not in Sent

    sent_refuses(False)
    settled(qtbot, window)  # a later try files the copy, and sends nothing again
    assert in_sent(imap_server, message_id) == 1
    assert len(smtp_server.received) == 1
    settled(qtbot, window)
    assert in_sent(imap_server, message_id) == 1


@pytest.mark.usefixtures("trusted")
def test_a_server_that_files_submitted_mail_itself_gets_no_second_copy(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    def file_in_sent(raw: bytes) -> None:  # as Gmail or Microsoft 365 do on submission
        conn = imap_server.connect()
        try:
            when = imaplib.Time2Internaldate(time.time())
            assert conn.append('"Sent"', r"(\Seen)", when, raw)[0] == "OK"
        finally:
            conn.logout()

    smtp_server.recorder.file_in_sent = file_in_sent
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, "Cancel please")
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    decline_a_buyer_request(qtbot, window, request_id)
    (received,) = smtp_server.received
    message_id = received.message["Message-ID"]
    settled(qtbot, window)
    assert in_sent(imap_server, message_id) == 1  # the server's copy, and no second one
    with window.context.database.reading() as conn:
        (state,) = conn.execute(
            "SELECT state FROM outgoing_mail WHERE message_id = ?", (message_id,)
        ).fetchone()
    assert state == "filed"


@pytest.mark.parametrize(
    ("host", "files_itself"),
    [
        ("smtp.gmail.com", True),
        ("smtp.office365.com", True),
        ("SMTP.Office365.com", True),
        ("smtp.simply.com", False),
    ],
)
def test_gmail_and_microsoft_365_file_submitted_mail_themselves(
    host: str, files_itself: bool
) -> None:
    config = SmtpConfig(host=host, username="butik", sender=SENDER)
    assert config.files_sent_itself is files_itself


def test_the_default_already_shipped_rule_names_its_reply_template(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    from cancelapp.demoshop.accounts import fulfillment_status
    from cancelapp.ui.detail.action_dialogs import TextDialog

    order_id = next(
        oid
        for oid in (demo_shop.create_order("fulfilled") for _ in range(20))
        if fulfillment_status(demo_shop.order(oid)) == "FULFILLED"
    )
    demo_shop.add_cancel_request(order_id, "Cancel please")
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    open_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None, "shown"
    assert window.detail.reply.text() == "Suggested reply: Declined: already shipped", (
        detail.verdict
    )

    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    reason = opened.args[0]
    assert isinstance(reason, TextDialog)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        reason.confirm_button.click()
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmActionDialog)
    shown = confirm.reply_preview
    assert shown is not None
    assert shown.kind_combo.currentData() == "already_shipped"  # the rule's template
    body = shown.body_edit.toPlainText()
    assert demo_shop.order(order_id).name in body
    assert "already shipped" in body or "allerede afsendt" in body
    confirm.reject()
