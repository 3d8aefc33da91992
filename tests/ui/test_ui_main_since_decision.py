"""What came after a decision, in the real window against the demo shop: a customer who answers
the decline by email (the real Dovecot and SMTP server) puts the declined request back where
the merchant works until it is marked read; a buyer who asks again in Shopify after a decline
gets a new request whose detail names the earlier decline and opens it."""

from __future__ import annotations

import imaplib
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestState
from cancelapp.store.requests import get_request, unread_since
from cancelapp.store.times import from_db_time
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.csv_import import import_dialog
from fixtures.imap import ImapServer
from fixtures.mailbox import SENDER, window_with_mailbox
from fixtures.main_window import (
    decline_with_reason,
    open_window,
    request_record,
    show_request,
    synced,
)
from fixtures.smtp import SmtpServer

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=6, bucket_size=100_000, restore_rate=100_000)


def deliver(server: ImapServer, folder: str, shop: DemoShop, order_id: str, **headers: str) -> None:
    """A customer's email about the order, as it lands in the request folder."""
    order = shop.order(order_id)
    mail = EmailMessage()
    mail["From"] = f"Kunde <{order.email}>"
    mail["To"] = SENDER
    mail["Message-ID"] = f"<{uuid.uuid4().hex}@kunde.example.dk>"
    for name, value in headers.items():
        if name != "text":
            mail[name.replace("_", "-")] = value
    mail.set_content(headers["text"])
    conn = server.connect()
    try:
        when = imaplib.Time2Internaldate(time.time())
        assert conn.append(f'"{folder}"', "", when, bytes(mail))[0] == "OK"
    finally:
        conn.logout()


@pytest.mark.imap
@pytest.mark.usefixtures("trusted")
def test_an_answer_to_a_decline_is_marked_new_until_the_merchant_reads_it(
    qtbot: QtBot,
    bare_context: AppContext,
    demo_shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
) -> None:
    order_id = demo_shop.create_order("paid")
    name = demo_shop.order(order_id).name
    deliver(imap_server, folder, demo_shop, order_id, Subject=f"Cancel {name}", text="Cancel it.")
    window = window_with_mailbox(qtbot, bare_context, demo_shop, imap_server, smtp_server, folder)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)
    confirm = decline_with_reason(qtbot, window, "it has been packed.")
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT):
        confirm.confirm_button.click()
    (reply,) = smtp_server.received
    model = window.model
    window.queue.show_tab(Tab.NEEDS_DECISION)
    qtbot.waitUntil(lambda: model.row_of(request_id) is None, timeout=WAIT)  # decided

    # The customer answers the decline; the next sync reads it.
    deliver(
        imap_server,
        folder,
        demo_shop,
        order_id,
        Subject=f"Re: {reply.message['Subject']}",
        In_Reply_To=reply.message["Message-ID"],
        text=f"But I ordered {name} ten minutes ago, the law says I may withdraw.",
    )
    window.tray.last_notice = None
    waiting = model.counts()[Tab.NEEDS_DECISION]
    with synced(qtbot, window):
        window.commands.sync.trigger()
    qtbot.waitUntil(lambda: model.row_of(request_id) is not None, timeout=WAIT)
    row = model.row_of(request_id)
    assert row == 0  # newest first: what waits is the answer that just came
    assert model.queue_row(row).request_state == "declined"  # the reply opened no new decision
    unread = model.queue_row(row).unread_since
    assert unread is not None
    when = window.formatter.date_time(from_db_time(unread))
    assert model.cell_text(row, Column.VERDICT) == (
        f"New message: Declined, then the customer wrote again on {when}"
    )
    assert model.index(row, Column.VERDICT).data(OUTCOME_ROLE) == "message"  # its badge
    assert window.tray.last_notice == (
        "New messages from customers",
        "A customer wrote again after your decision.",
    )
    assert model.counts()[Tab.NEEDS_DECISION] == waiting + 1  # the title's and tray's count
    window.queue.table.sortByColumn(Column.VERDICT, Qt.SortOrder.AscendingOrder)  # its header
    assert model.row_of(request_id) == 0  # with what its badge says, not its old verdict
    with window.context.database.reading() as conn:
        assert unread_since(conn, request_id) is not None  # stored: it survives a restart
        stored = get_request(conn, request_id)
    assert stored is not None and stored.state is RequestState.DECLINED

    show_request(qtbot, window, request_id)
    notices = window.detail.notices
    assert notices.unread_box.isVisible()
    assert notices.unread.text() == (  # English in the singular, not "message(s)"
        "The customer wrote again after the decision: 1 new message, marked below. Read it, "
        "then mark it read."
    )
    headings = [h.text() for h, body in window.detail._message_pairs if body.isVisible()]
    assert not headings[0].startswith("New")  # the first request
    assert headings[1].startswith("New since the decision · Email · ")
    assert "the law says" in window.detail.message_labels[1].text()
    html = window.record_export.record_html(request_record(window, request_id))  # the PDF's text
    assert html.count("After the decision") == 1  # the answer, not the first request

    assert window.commands.mark_read.isEnabled()
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT):
        notices.mark_read.click()
    qtbot.waitUntil(lambda: model.row_of(request_id) is None, timeout=WAIT)  # back in Done
    window.queue.show_tab(Tab.DONE)
    done_row = model.row_of(request_id)
    assert done_row is not None
    assert model.index(done_row, Column.VERDICT).data(OUTCOME_ROLE) != "message"
    assert not model.cell_text(done_row, Column.VERDICT).startswith("New message")
    show_request(qtbot, window, request_id)
    assert not window.detail.notices.unread_box.isVisible()
    assert not window.commands.mark_read.isEnabled()
    headings = [h.text() for h, body in window.detail._message_pairs if body.isVisible()]
    assert headings[1].startswith("After the decision · Email · ")  # still told apart
    assert "Messages after the decision read · " in window.detail.timeline.text()


def test_a_buyer_asking_again_sees_the_earlier_decline_and_can_open_it(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop
) -> None:
    order = demo_shop.create_order("paid")
    demo_shop.add_requested_edit(order)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    model = window.model
    declined = model.request_of_order(order)
    assert declined is not None
    show_request(qtbot, window, declined)
    notices = window.detail.notices
    assert not notices.earlier_box.isVisible() and not notices.later_box.isVisible()
    confirm = decline_with_reason(qtbot, window, "It has been packed.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message

    demo_shop.add_requested_edit(order)  # the buyer asks again in Shopify
    with synced(qtbot, window):
        window.commands.sync.trigger()
    qtbot.waitUntil(lambda: model.request_of_order(order) not in (None, declined), timeout=WAIT)
    asked = model.request_of_order(order)
    assert asked is not None
    show_request(qtbot, window, asked)
    assert notices.earlier_box.isVisible() and not notices.later_box.isVisible()
    detail = window.current_detail()
    assert detail is not None and detail.earlier is not None
    assert detail.earlier.request_id == declined
    decision = detail.earlier.decision
    assert decision is not None
    day = window.formatter.date(decision.decided_at)
    assert notices.earlier.text() == (
        f"This order was asked about before: declined by {decision.decided_by} on {day}. "
        "Reason: It has been packed."
    )

    with qtbot.waitSignal(window.detail_shown, timeout=WAIT, check_params_cb=declined.__eq__):
        notices.open_earlier.click()
    assert window.queue.current_request_id() == declined
    assert window.queue.tabs.currentIndex() == Tab.DONE  # where the declined one is
    assert not notices.earlier_box.isVisible()
    assert notices.later_box.isVisible()  # and back to the one that waits
    assert notices.later.text() == "The buyer asked again later; that request is: Needs decision."
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT, check_params_cb=asked.__eq__):
        notices.open_later.click()
    assert window.queue.tabs.currentIndex() == Tab.NEEDS_DECISION


def test_a_form_row_dated_before_its_order_is_not_called_new_since_the_decision(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, tmp_path: Path
) -> None:
    """QA walkthrough: a form row imported after the decline, its time read an hour early,
    read "New since the decision" though dated before the order was placed (screenshot 56).
    It is news to the merchant still, and says when it is dated."""
    order_id = demo_shop.create_order("paid")
    demo_shop.add_requested_edit(order_id)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    window = open_window(qtbot, bare_context)
    model = window.model
    declined = model.request_of_order(order_id)
    assert declined is not None
    show_request(qtbot, window, declined)
    confirm = decline_with_reason(qtbot, window, "It has been packed.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message

    order = demo_shop.order(order_id)
    dated = order.created_at - timedelta(minutes=11)
    path = tmp_path / "form.csv"
    path.write_text(
        "Timestamp,Email,Order,Reason\n"
        f"{dated.isoformat()},{order.email},{order.name},But I really want to cancel!\n",
        encoding="utf-8",
    )
    dialog = import_dialog(qtbot, window, path)
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT):
        dialog.import_button.click()
    window.queue.show_tab(Tab.NEEDS_DECISION)
    qtbot.waitUntil(lambda: model.row_of(declined) is not None, timeout=WAIT)
    row = model.row_of(declined)
    assert row is not None
    when = window.formatter.date_time(dated)
    assert model.cell_text(row, Column.VERDICT) == (
        f"New message: Declined, then a message came in dated {when}, before the order was placed"
    )
    show_request(qtbot, window, declined)
    headings = [h.text() for h, body in window.detail._message_pairs if body.isVisible()]
    (form,) = [h for h in headings if " · Form · " in h]
    assert form.startswith("Came in after the decision, dated before the order was placed · ")
