"""A reply to a decision that never left, in the real window (a real SMTP server and Dovecot):
deciding again replaces it, and the confirmation says so before anything is sent; taking a
decision back takes its reply back too. Only the reply to the decision that stands is sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.domain.action import ActionState
from cancelapp.session import replies as replies_session
from cancelapp.store.outbox import MailState
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.imap import ImapServer
from fixtures.mailbox import with_mailbox
from fixtures.main_window import open_window, show_request
from fixtures.smtp import SmtpServer

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=20, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def window(
    qtbot: QtBot,
    bare_context: AppContext,
    shop: DemoShop,
    imap_server: ImapServer,
    smtp_server: SmtpServer,
    folder: str,
    undo_seconds: int,
) -> MainWindow:
    store = connect_demo(bare_context, shop)
    with_mailbox(bare_context, store.domain, imap_server, smtp_server, folder)
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=undo_seconds)
    return open_window(qtbot, bare_context)


def approvable(qtbot: QtBot, window: MainWindow) -> int:
    """Select a paid request the policy approves; its id."""
    window.queue.show_tab(Tab.NEEDS_DECISION)
    model = window.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
        and model.queue_row(r).financial_status == "PAID"
    )
    request_id = model.request_id_at(row)
    show_request(qtbot, window, request_id)  # maybe selected at start
    return request_id


def confirmation(qtbot: QtBot, window: MainWindow, *, decline: str = "") -> ConfirmActionDialog:
    command = window.commands.decline if decline else window.commands.approve
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        command.trigger()
    dialog = opened.args[0]
    if decline:
        assert isinstance(dialog, TextDialog)
        dialog.editor.setPlainText(decline)
        with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
            dialog.confirm_button.click()
        dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    assert dialog.reply_preview is not None and dialog.reply_preview.send_box.isChecked()
    return dialog


def show(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    """Select the request in whichever tab holds it, and wait for its detail, read now."""
    for tab in (Tab.NEEDS_DECISION, Tab.DONE):
        window.queue.show_tab(tab)
        if window.model.row_of(request_id) is not None:
            break
    show_request(qtbot, window, request_id)


def replies(window: MainWindow, request_id: int) -> list[MailState]:
    with window.context.database.reading() as conn:
        rows = conn.execute(
            "SELECT state FROM outgoing_mail WHERE request_id = ? ORDER BY id", (request_id,)
        )
        return [MailState(state) for (state,) in rows]


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("undo_seconds", [1])
def test_deciding_again_replaces_the_reply_a_failed_decision_left_and_says_so(
    qtbot: QtBot, window: MainWindow, shop: DemoShop, smtp_server: SmtpServer
) -> None:
    request_id = approvable(qtbot, window)
    first = confirmation(qtbot, window)
    assert first.reply_preview is not None and first.reply_preview.replaces_label.isHidden()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as queued:
        first.confirm_button.click()
    assert queued.args[1].status.value == "queued"
    shop.faults.inject(Fault.refused(), operation="OrderBasis")  # the check before sending
    with qtbot.waitSignal(
        window.actions_.finished,
        timeout=WAIT,
        check_params_cb=lambda _rid, outcome: outcome.status.value == "failed",
    ):
        pass  # the undo window ends; the queued approval is refused: its reply stays unsent
    assert replies(window, request_id) == [MailState.JOURNALED]
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show(qtbot, window, request_id)
    assert window.commands.decline.isEnabled()  # back with the merchant

    again = confirmation(qtbot, window, decline="Den er allerede pakket.")
    assert again.reply_preview is not None
    said = again.reply_preview.replaces_label
    assert said.isVisibleTo(again) and "will not get it" in said.text()
    with qtbot.waitSignal(window.actions_.replies_sent, timeout=WAIT) as sent:
        again.confirm_button.click()
    assert sent.args[0] == [request_id]
    (received,) = smtp_server.received  # the decline's reply only
    assert "Den er allerede pakket." in received.message.get_content()
    assert replies(window, request_id) == [MailState.DROPPED, MailState.FILED]
    show(qtbot, window, request_id)
    assert "Unsent reply replaced by a new decision" in window.detail.timeline.text()


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("undo_seconds", [600])
def test_taking_a_decision_back_takes_its_reply_back(
    qtbot: QtBot, window: MainWindow, smtp_server: SmtpServer
) -> None:
    request_id = approvable(qtbot, window)
    dialog = confirmation(qtbot, window, decline="Den er allerede pakket.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as queued:
        dialog.confirm_button.click()
    assert queued.args[1].status.value == "queued"
    assert replies(window, request_id) == [MailState.JOURNALED]
    assert window.commands.undo.isEnabled()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        window.commands.undo.trigger()  # Ctrl+Z
    assert replies(window, request_id) == [MailState.DROPPED]
    window.queue.show_tab(Tab.NEEDS_DECISION)  # back, once its row is read again
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show(qtbot, window, request_id)
    assert "Unsent reply taken back with its decision" in window.detail.timeline.text()
    window.actions_.send_replies()  # a round of sending finds nothing to send
    qtbot.waitUntil(lambda: window.actions_._reply_task is None, timeout=WAIT)
    assert smtp_server.received == []


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("undo_seconds", [600])
def test_a_take_back_whose_reply_step_fails_takes_back_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the decision and its reply are taken back in one transaction. When
    the reply's part fails, the decision is still queued and its reply still journaled (the
    decision undone with its reply kept, a later decision that settled the request sent it),
    and Undo is offered again."""
    request_id = approvable(qtbot, window)
    dialog = confirmation(qtbot, window, decline="Den er allerede pakket.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as queued:
        dialog.confirm_button.click()
    action_id = queued.args[1].action_id

    def locked(_conn: sqlite3.Connection, _request_id: int) -> list[object]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(replies_session, "unsent_decision_replies", locked)
    with qtbot.waitSignal(window.actions_.problem, timeout=WAIT):
        window.commands.undo.trigger()  # Ctrl+Z
    assert replies(window, request_id) == [MailState.JOURNALED]
    session = window.session
    assert session is not None
    assert [(e.action_id, e.state) for e in session.runner.queued()] == [
        (action_id, ActionState.QUEUED)
    ]
    # Still queued, so still the merchant's to take back: Undo again, and it all goes.
    assert window.commands.undo.isEnabled()
    monkeypatch.undo()
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        window.commands.undo.trigger()
    assert replies(window, request_id) == [MailState.DROPPED]
    assert session.runner.queued() == []
