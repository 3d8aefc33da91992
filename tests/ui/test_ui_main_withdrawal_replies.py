"""Issue 15, points 2 + 4 together, in the real window against the demo shop, a real SMTP server
with TLS and the real Dovecot: a withdrawal that came by email is acknowledged on arrival from
the merchant's mailbox, in its thread, exactly once and without a dialog; the return
instructions after "Accept withdrawal" go the same way once the merchant saw them."""

from __future__ import annotations

import imaplib
import time
import uuid
from collections.abc import Callable
from datetime import UTC, timedelta
from email.message import EmailMessage

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.reply_dialog import ReplyDialog
from cancelapp.ui.detail.withdrawal_flow import ConfirmWithdrawalDialog
from cancelapp.ui.main_window import MainWindow
from fixtures.imap import ImapServer
from fixtures.mailbox import in_sent, window_with_mailbox
from fixtures.main_window import show_request
from fixtures.smtp import SmtpServer

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000
STATEMENT = "Jeg fortryder mit køb og vil sende varerne tilbage."


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def delivered_danish_order(shop: DemoShop) -> str:
    """Delivered two days ago to a Danish consumer: a statutory withdrawal in time."""
    for _ in range(40):
        order_id = shop.create_order("fulfilled")
        customer = shop.order(order_id).customer
        if customer is not None and customer.locale == "da-DK" and shop.order(order_id).email:
            shop.ship_to(order_id, "DK")
            shop.mark_delivered(order_id, shop.store.now() - timedelta(days=2))
            return order_id
    raise AssertionError("the demo shop made no Danish customer")


def withdraw_by_email(
    server: ImapServer, folder: str, shop: DemoShop, order_id: str
) -> EmailMessage:
    order = shop.order(order_id)
    mail = EmailMessage()
    mail["From"] = f"Kunde <{order.email}>"
    mail["To"] = "butik@example.dk"
    mail["Subject"] = f"Fortrydelse af ordre {order.name}"
    mail["Message-ID"] = f"<{uuid.uuid4().hex}@kunde.example.dk>"
    mail.set_content(STATEMENT)
    conn = server.connect()
    try:
        when = imaplib.Time2Internaldate(time.time())
        assert conn.append(f'"{folder}"', "", when, bytes(mail))[0] == "OK"
    finally:
        conn.logout()
    return mail


def show(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    tab = window.model.index_.tabs_of(request_id)[0]
    window.queue.show_tab(tab)
    show_request(qtbot, window, request_id)


@pytest.mark.usefixtures("trusted")
def test_a_withdrawal_by_email_is_acknowledged_and_given_return_instructions_in_its_thread(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = delivered_danish_order(demo_shop)
    question = withdraw_by_email(imap_server, folder, demo_shop, order_id)
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    email = demo_shop.order(order_id).email

    # On arrival: sent from the mailbox, in its thread, with no dialog for the merchant.
    qtbot.waitUntil(lambda: len(smtp_server.received) == 1, timeout=WAIT)
    (ack,) = smtp_server.received
    message = ack.message
    assert ack.recipients == [email]
    assert message["In-Reply-To"] == question["Message-ID"]
    assert message["Subject"] == f"Re: {question['Subject']}"
    body = message.get_content()
    assert STATEMENT in body  # the statement's content, repeated
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None
    received = detail.request.received_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    assert received in body  # and when it was received
    assert window.withdrawals.dialog is None
    qtbot.waitUntil(lambda: in_sent(imap_server, message["Message-ID"]) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "Reply sent to the customer" in window.detail.timeline.text())

    # "Accept withdrawal": the return opens, the instructions are shown, then sent as edited.
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_W)
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmWithdrawalDialog)
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as replied:
        confirm.confirm_button.click()
    dialog = replied.args[0]
    assert isinstance(dialog, ReplyDialog)
    assert dialog.send_button.isVisible() and dialog.send_button.isEnabled()
    assert [r.status for r in demo_shop.order(order_id).returns] == ["OPEN"]
    assert len(smtp_server.received) == 1  # nothing leaves before the merchant saw it
    dialog.body_edit.appendPlainText("Returadresse: Butikken, Vestergade 1, 8000 Aarhus C")
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT) as sent:
        dialog.send_button.click()
    assert sent.args[0] == [request_id]
    instructions = smtp_server.received[1].message
    assert smtp_server.received[1].recipients == [email]
    assert instructions["In-Reply-To"] == question["Message-ID"]
    assert "Vestergade 1" in instructions.get_content()
    assert in_sent(imap_server, instructions["Message-ID"]) == 1

    window.actions_.send_replies()  # another round finds nothing left to send
    qtbot.waitUntil(lambda: window.actions_._reply_task is None, timeout=WAIT)
    assert len(smtp_server.received) == 2

    # The acknowledgement asked for again by hand: shown first, sent from its dialog.
    show(qtbot, window, request_id)
    assert window.commands.acknowledge.isEnabled()
    with qtbot.waitSignal(window.withdrawals.dialog_opened, timeout=WAIT) as opened:
        window.commands.acknowledge.trigger()
    again = opened.args[0]
    assert isinstance(again, ReplyDialog) and again.send_button.isVisible()
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        again.send_button.click()
    assert len(smtp_server.received) == 3
    assert STATEMENT in smtp_server.received[2].message.get_content()
