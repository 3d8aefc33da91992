"""Replies in the real window: a declined email request answered in its thread, in Danish,
from the merchant's mailbox (a real SMTP server with TLS and the real Dovecot), exactly once,
also across a crash between journaling the reply and sending it."""

from __future__ import annotations

import imaplib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, QUrlQuery, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.mail.config import SmtpSecurity
from cancelapp.paths import AppPaths
from cancelapp.session.decide import Asked, Choice, prepare
from cancelapp.session.refresh import refresh_store
from cancelapp.session.replies import ReplyDraft, carry_out_with_reply
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.detail.reply_unknown import ReplyUnknownDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.imap import ImapServer
from fixtures.mailbox import SENDER, in_sent, window_with_mailbox, with_mailbox
from fixtures.main_window import decline_with_reason, open_window, show_request
from fixtures.smtp import SmtpServer

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


class Control:
    cancel_event = threading.Event()

    def raise_if_cancelled(self) -> None:
        pass

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        pass

    def found(self, request_ids: frozenset[int]) -> None:
        pass


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def danish_order(shop: DemoShop) -> str:
    for _ in range(40):
        order_id = shop.create_order("paid")
        customer = shop.order(order_id).customer
        if customer is not None and customer.locale == "da-DK":
            return order_id
    raise AssertionError("the demo shop made no Danish customer")


def ask_by_email(server: ImapServer, folder: str, shop: DemoShop, order_id: str) -> EmailMessage:
    order = shop.order(order_id)
    mail = EmailMessage()
    mail["From"] = f"Kunde <{order.email}>"
    mail["To"] = SENDER
    mail["Subject"] = f"Annuller ordre {order.name}"
    mail["Message-ID"] = f"<{uuid.uuid4().hex}@kunde.example.dk>"
    mail["References"] = "<tidligere@kunde.example.dk>"
    mail.set_content(f"Hej, vil I annullere min ordre {order.name}? Tak.")
    conn = server.connect()
    try:
        when = imaplib.Time2Internaldate(time.time())
        assert conn.append(f'"{folder}"', "", when, bytes(mail))[0] == "OK"
    finally:
        conn.logout()
    return mail


def open_request(
    qtbot: QtBot, window: MainWindow, order_id: str, tab: Tab = Tab.NEEDS_DECISION
) -> int:
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None, "the emailed request is in the queue"
    window.queue.show_tab(tab)
    assert window.model.row_of(request_id) is not None
    show_request(qtbot, window, request_id)  # it may be the row selected at start
    return request_id


@pytest.mark.usefixtures("trusted")
def test_a_declined_email_request_is_answered_in_its_thread_in_danish(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = danish_order(demo_shop)
    question = ask_by_email(imap_server, folder, demo_shop, order_id)
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    request_id = open_request(qtbot, window, order_id)

    confirm = decline_with_reason(qtbot, window, "ordren er allerede pakket og afsendt.")
    preview = confirm.reply_preview
    assert preview is not None
    assert preview.kind_combo.currentData() == "declined"
    assert preview.send_box.isChecked() and not preview.mail_button.isVisible()
    assert preview.to_label.text() == demo_shop.order(order_id).email
    assert preview.subject_edit.text() == f"Re: {question['Subject']}"  # as it will be sent
    assert preview.subject_edit.isReadOnly()
    body = preview.body_edit.toPlainText()
    assert body.startswith("Kære ") and "ordren er allerede pakket og afsendt." in body
    assert "Shopify sends the customer no email" in preview.shopify_label.text()

    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT) as sent:
        confirm.confirm_button.click()
    assert sent.args[0] == [request_id]

    (received,) = smtp_server.received
    reply = received.message
    assert received.recipients == [demo_shop.order(order_id).email]
    assert reply["From"] == SENDER
    assert reply["In-Reply-To"] == question["Message-ID"]
    assert reply["References"] == f"<tidligere@kunde.example.dk> {question['Message-ID']}"
    assert reply["Subject"] == f"Re: {question['Subject']}"
    assert reply.get_content().replace("\r\n", "\n") == body + "\n"
    assert in_sent(imap_server, reply["Message-ID"]) == 1  # the copy, filed by CancelApp
    open_request(qtbot, window, order_id, Tab.DONE)  # the reply is in the request's record
    last = window.detail.timeline.text().splitlines()[-1]
    assert "Reply sent to the customer · " in last and last.endswith(received.recipients[0])

    window.actions_.send_replies()  # another round finds nothing left to send
    qtbot.waitUntil(lambda: window.actions_._reply_task is None, timeout=WAIT)
    assert len(smtp_server.received) == 1


def decided_but_not_sent(context: AppContext, order_id: str, *, to: str, subject: str) -> None:
    """What a process killed after journaling the reply and carrying out the decline (and
    before sending) leaves behind: the real session functions, no window, then gone."""
    session = context.open_session(next(iter(_stores(context))))
    assert session is not None
    try:
        refresh_store(Control(), session)
        with session.database.reading() as conn:
            (request_id,) = conn.execute(
                "SELECT id FROM requests WHERE order_gid = ?", (order_id,)
            ).fetchone()
        prepared = prepare(
            session, request_id, Asked(Choice.DECLINE, reason="den er sendt."), offline=False
        )
        draft = ReplyDraft(request_id, to, subject, "Kære kunde\n\nDen er sendt.", "da")
        outcome = carry_out_with_reply(session, prepared, draft)
        assert outcome.status.value == "done", outcome.message
    finally:
        session.close()


def _stores(context: AppContext) -> list:  # type: ignore[type-arg]
    from cancelapp.store.stores import list_stores

    with context.database.reading() as conn:
        return list_stores(conn)


def restarted(data_dir: Path, secret_store: SecretStore) -> AppContext:
    context = build_context(AppPaths.resolve(), cli.parse([]), secrets=secret_store)
    context.settings = replace(context.settings, check_for_updates=False)
    return context


@pytest.mark.usefixtures("trusted")
def test_a_crash_between_journal_and_send_sends_exactly_once_after_restart(
    qtbot: QtBot,
    data_dir: Path,
    secret_store: SecretStore,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = danish_order(demo_shop)
    ask_by_email(imap_server, folder, demo_shop, order_id)
    store = connect_demo(bare_context, demo_shop)
    with_mailbox(bare_context, store.domain, imap_server, smtp_server, folder)
    to = demo_shop.order(order_id).email
    assert to is not None
    decided_but_not_sent(bare_context, order_id, to=to, subject="Angående din ordre")
    settings = bare_context.settings
    bare_context.close()  # the kill: nothing was sent
    assert smtp_server.received == []

    for start in range(2):  # the restart sends it; the one after that sends nothing more
        context = restarted(data_dir, secret_store)
        context.settings = replace(settings, check_for_updates=False)
        connect_demo(context, demo_shop)
        window = MainWindow(context)
        qtbot.addWidget(window)
        if start == 0:
            with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
                window.show()
                window.start()
        else:
            window.show()
            window.start()
            qtbot.waitUntil(lambda w=window: w.actions_.session is not None, timeout=WAIT)
            qtbot.waitUntil(lambda w=window: w.actions_._reply_task is None, timeout=WAIT)
        window.close()
        context.close()
        assert len(smtp_server.received) == 1
    message_id = smtp_server.received[0].message["Message-ID"]
    assert in_sent(imap_server, message_id) == 1


@pytest.mark.usefixtures("trusted")
def test_a_connection_lost_after_data_asks_the_merchant_instead_of_sending_again(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = danish_order(demo_shop)
    ask_by_email(imap_server, folder, demo_shop, order_id)
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    open_request(qtbot, window, order_id)
    smtp_server.recorder.drop_after_data = True

    confirm = decline_with_reason(qtbot, window, "den er sendt.")
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        confirm.confirm_button.click()
    asked = opened.args[0]
    assert isinstance(asked, ReplyUnknownDialog)
    assert len(smtp_server.received) == 1  # the server had it; CancelApp cannot know

    window.actions_.send_replies()  # another round never sends it on its own
    qtbot.waitUntil(lambda: window.actions_._reply_task is None, timeout=WAIT)
    assert len(smtp_server.received) == 1

    smtp_server.recorder.drop_after_data = False
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        asked.again_button.click()  # the merchant looked: it did not arrive
    first, again = smtp_server.received
    assert again.message["Message-ID"] == first.message["Message-ID"]  # the same message
    assert in_sent(imap_server, first.message["Message-ID"]) == 1


@pytest.mark.usefixtures("trusted")
def test_the_merchant_sets_up_sending_in_settings_and_checks_both_servers_at_once(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
) -> None:
    store = connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    assert window.actions_.session is not None and window.actions_.session.mailbox is None
    window.commands.settings.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=WAIT)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    tab = dialog.intake_tab
    tab.email_group.setChecked(True)
    qtbot.keyClicks(tab.host_edit, imap_server.host)
    tab.port_spin.setValue(imap_server.imaps_port)
    qtbot.keyClicks(tab.user_edit, imap_server.username)
    qtbot.keyClicks(tab.password_edit, "wrong")
    qtbot.keyClicks(tab.smtp_host_edit, smtp_server.host)
    tab.smtp_security_combo.setCurrentIndex(
        tab.smtp_security_combo.findData(SmtpSecurity.TLS.value)
    )
    assert tab.smtp_port_spin.value() == 465  # followed the encryption
    tab.smtp_port_spin.setValue(smtp_server.tls_port)
    qtbot.keyClicks(tab.sender_edit, SENDER)

    with qtbot.waitSignal(tab.connection_checked, timeout=WAIT) as checked:
        qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert checked.args == [False]
    assert "refused the user name or password for sending" in tab.check_label.text()

    tab.password_edit.setText(imap_server.password)
    with qtbot.waitSignal(tab.connection_checked, timeout=WAIT) as checked:
        qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert checked.args == [True], tab.check_label.text()
    assert tab.check_label.text().splitlines() == [
        f"Reading mail from {imap_server.host} works.",
        "Copies of replies go to the folder Sent.",
        f"Sending replies through {smtp_server.host} works.",
    ]
    assert smtp_server.received == []  # a check sends nothing

    with qtbot.waitSignal(window.settings_flow.saved, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    mailbox = window.actions_.session.mailbox
    assert mailbox is not None
    assert (mailbox.smtp.host, mailbox.smtp.port, mailbox.smtp.sender) == (
        smtp_server.host,
        smtp_server.tls_port,
        SENDER,
    )
    assert bare_context.secrets.load(store.domain, SecretKind.IMAP_PASSWORD) == (
        imap_server.password
    )


class MailProgram(QObject):
    """Stands in for the system's mail program: Qt hands it the `mailto:` URL."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url)


def test_without_sending_set_up_the_reply_goes_to_the_mail_program_or_the_clipboard(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order_id = danish_order(demo_shop)
    demo_shop.add_cancel_request(order_id, "Annuller venligst")
    connect_demo(bare_context, demo_shop)
    bare_context.settings = replace(
        bare_context.settings,
        reply_templates={"da": {"declined": ("Om {order}", "Hej {name}\n\nNej: {reason}")}},
    )
    window = open_window(qtbot, bare_context)
    open_request(qtbot, window, order_id)
    confirm = decline_with_reason(qtbot, window, "den er sendt & pakket.")
    preview = confirm.reply_preview
    assert preview is not None
    assert preview.send_box.isHidden()
    unsent = preview.confirmed()  # not sent by CancelApp: the record says why
    assert unsent is not None and unsent.not_sent == "no_mailbox"
    order = demo_shop.order(order_id)
    assert preview.subject_edit.text() == f"Om {order.name}"  # the merchant's own text
    assert preview.body_edit.toPlainText().endswith("Nej: den er sendt & pakket.")

    qtbot.mouseClick(preview.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == f"Om {order.name}\n\n{preview.body_edit.toPlainText()}"
    copied_reply = preview.confirmed()
    assert copied_reply is not None and copied_reply.not_sent == "copied"

    program = MailProgram()
    QDesktopServices.setUrlHandler("mailto", program, "open_url")
    try:
        qtbot.mouseClick(preview.mail_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    (url,) = program.opened
    handed = preview.confirmed()
    assert handed is not None and handed.not_sent == "mail_program"
    assert url.scheme() == "mailto" and url.path() == order.email
    query = QUrlQuery(url)
    decoded = QUrl.ComponentFormattingOption.FullyDecoded
    assert query.queryItemValue("subject", decoded) == f"Om {order.name}"
    assert query.queryItemValue("body", decoded).replace("\r\n", "\n") == (
        preview.body_edit.toPlainText()
    )
    with qtbot.waitSignal(window.actions_.in_flight_changed, timeout=WAIT):
        confirm.reject()

    # Approving shows the reply for its outcome, and says whether Shopify emails too.
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    approve = opened.args[0]
    assert isinstance(approve, ConfirmActionDialog)
    shown = approve.reply_preview
    assert shown is not None
    assert shown.kind_combo.currentData() == "cancelled"  # refunded to the card
    assert shown.body_edit.toPlainText().startswith("Kære ")
    total = approve.preview.refund_total
    assert total is not None and "kr." in shown.body_edit.toPlainText()
    says_shopify_emails = "Shopify also emails the customer" in shown.shopify_label.text()
    assert says_shopify_emails == approve.preview.notify_customer
    assert approve.panel is not None
    with qtbot.waitSignal(approve.preview_shown, timeout=WAIT):
        approve.panel.credit_radio.click()  # the refund as store credit: the reply follows
    assert shown.kind_combo.currentData() == "store_credit"
    assert "tilgodehavende" in shown.body_edit.toPlainText()
    with qtbot.waitSignal(approve.preview_shown, timeout=WAIT):
        approve.panel.notify_check.click()
    says_shopify_emails = "Shopify also emails the customer" in shown.shopify_label.text()
    assert says_shopify_emails == approve.preview.notify_customer
    shown.kind_combo.setCurrentIndex(shown.kind_combo.findData("cancelled_kept_fee"))
    assert "annulleringsgebyr" in shown.body_edit.toPlainText()  # the merchant may pick another
    # A kept amount the merchant chose is not the terms' (eighth walkthrough: "som vores
    # handelsbetingelser siger" after "Another amount"): the reply claims no terms.
    assert "handelsbetingelser" not in shown.body_edit.toPlainText()
    approve.reject()
