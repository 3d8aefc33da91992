"""Deciding with the shop out of reach (issue 14, point 1): the preview comes from the cached
order, the decision is queued with its policy, survives a restart, and is carried out once
the shop answers, after re-verification; an order that shipped meanwhile comes back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestState
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.shopify import AccessToken
from cancelapp.store.journal import list_actions, list_decisions
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.main_window import open_window, show_request, synced

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
REASON = "Already packed, sorry – it leaves today."
LATER = "Made to order; it cannot be stopped now."


class App:
    """Contexts on one data folder, one open at a time, as restarts of the app make them."""

    def __init__(self, qtbot: QtBot, secrets: SecretStore) -> None:
        self.qtbot = qtbot
        self.secrets = secrets
        self.context: AppContext | None = None

    def start(self) -> AppContext:
        paths = AppPaths.resolve()
        paths.create()
        self.context = build_context(paths, cli.parse([]), secrets=self.secrets)
        return self.context

    def window(self) -> MainWindow:
        assert self.context is not None
        return open_window(self.qtbot, self.context, start=False)

    def stop(self, window: MainWindow) -> None:
        window.close()
        if self.context is not None:
            self.context.close()
            self.context = None


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path, secret_store: SecretStore) -> Iterator[App]:
    app = App(qtbot, secret_store)
    yield app
    if app.context is not None:
        with suppress(Exception):
            app.context.close()


def request_state(context: AppContext, request_id: int) -> RequestState | None:
    with context.database.reading() as conn:
        request = get_request(conn, request_id)
    return None if request is None else request.state


def show(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    """Select the request in whichever tab holds it, and wait for its detail."""
    for tab in (Tab.NEEDS_DECISION, Tab.DONE):
        window.queue.show_tab(tab)
        if window.model.row_of(request_id) is not None:
            break
    show_request(qtbot, window, request_id)  # read again when selected: it may have changed


def decide(qtbot: QtBot, window: MainWindow, request_id: int, reason: str | None = None) -> None:
    """Approve (no reason) or decline (with one) the request while the shop is down."""
    show(qtbot, window, request_id)
    command = window.commands.approve if reason is None else window.commands.decline
    assert command.isEnabled()  # offline, deciding still works
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        command.trigger()
    dialog = opened.args[0]
    if reason is not None:
        assert isinstance(dialog, TextDialog)
        dialog.editor.setPlainText(reason)
        with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
            dialog.confirm_button.click()
        dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    said = " ".join(label.text() for label in dialog.warning_labels)
    assert "copy of the order read just now" in said
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "queued", finished.args[1].message


def assert_shown_queued(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    show(qtbot, window, request_id)
    row = window.model.row_of(request_id)
    assert row is not None and window.queue.tabs.currentIndex() == Tab.DONE
    # What is queued, by decision ("Decline queued"), not only "Queued".
    assert window.model.index(row, Column.ACTION).data() in {"Approve queued", "Decline queued"}
    detail = window.current_detail()
    assert detail is not None, "no detail"
    assert window.detail.decision_note.text().startswith(
        ("Approve queued: ", "Decline queued: ")
    ), detail.actions
    assert not window.commands.approve.isEnabled()


def test_decisions_taken_offline_are_queued_kept_and_carried_out_once_on_reconnect(
    qtbot: QtBot, app: App, shop: DemoShop
) -> None:
    names = ("approve", "decline", "shipped", "declined, shipped")
    orders = {name: shop.create_order("paid") for name in names}
    for order_id in orders.values():
        shop.add_cancel_request(order_id, "Please cancel my order")
    context = app.start()
    store = connect_demo(context, shop)
    window = app.window()
    with synced(qtbot, window):  # the backfill a first connect leaves included
        window.start()
    requests = {name: window.model.request_of_order(oid) for name, oid in orders.items()}
    ids = {name: rid for name, rid in requests.items() if rid is not None}
    assert len(ids) == 4

    shop.stop()  # the shop is out of reach
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]
    decide(qtbot, window, ids["approve"])
    decide(qtbot, window, ids["decline"], REASON)
    decide(qtbot, window, ids["shipped"])
    decide(qtbot, window, ids["declined, shipped"], LATER)
    assert_shown_queued(qtbot, window, ids["decline"])
    shop.fulfil(orders["shipped"])  # the warehouse ships these meanwhile
    shop.fulfil(orders["declined, shipped"])
    app.stop(window)

    # Restart with the shop still down: the decisions are still queued, and shown so.
    context = app.start()
    context.session_credentials[store.domain] = AccessToken(shop.access_token)
    window = app.window()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.start()
    assert changed.args == [False]
    for rid in ids.values():
        assert_shown_queued(qtbot, window, rid)
    assert [r for r in shop.ledger.refunds if r.order_id in orders.values()] == []

    shop.start()  # back: each queued decision is re-verified, then carried out
    with synced(qtbot, window):
        window.sync_now()
        qtbot.waitUntil(
            lambda: (
                request_state(context, ids["approve"]) is RequestState.DONE
                and request_state(context, ids["decline"]) is RequestState.DECLINED
                and request_state(context, ids["shipped"]) is RequestState.OPEN
                and request_state(context, ids["declined, shipped"]) is RequestState.OPEN
            ),
            timeout=WAIT,
        )

    # The ledger: one refund for the approved order, none for the others.
    refunds = [r for r in shop.ledger.refunds if r.order_id in orders.values()]
    assert [r.order_id for r in refunds] == [orders["approve"]]
    # The shop's state, over its admin API.
    assert window.session is not None
    runner = window.session.runner
    approved = runner.fetch_order(orders["approve"])
    assert approved.is_cancelled
    assert approved.total_refunded is not None and not approved.total_refunded.is_zero()
    declined = runner.fetch_order(orders["decline"])
    assert not declined.is_cancelled
    assert "cancel-declined" in declined.tags
    assert REASON in (declined.note or "")
    shipped = runner.fetch_order(orders["shipped"])
    assert not shipped.is_cancelled and shipped.units_fulfilled > 0

    # Made under the policy of the moment, carried out once.
    with context.database.reading() as conn:
        decisions = list_decisions(conn, ids["decline"])
        approve_actions = list_actions(conn, ids["approve"])
    assert decisions[-1].note == REASON
    assert "[[rules]]" in decisions[-1].policy_snapshot["policy"]
    assert [a.state.value for a in approve_actions] == ["done"]

    # The shipped order's request is back, needing a decision, saying what changed.
    window.queue.show_tab(Tab.NEEDS_DECISION)
    qtbot.waitUntil(lambda: window.model.row_of(ids["shipped"]) is not None, timeout=WAIT)
    show(qtbot, window, ids["shipped"])
    detail = window.current_detail()
    assert detail is not None and detail.stopped
    note = window.detail.decision_note.text()
    assert "order changed after your decision" in note
    assert "shipped" in note
    assert window.commands.decline.isEnabled()

    # What the merchant typed is not lost: the stopped decline's reason comes back.
    show(qtbot, window, ids["declined, shipped"])
    assert LATER in window.detail.decision_note.text()
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, TextDialog) and dialog.text == LATER
    dialog.reject()
    assert "cancel-declined" not in runner.fetch_order(orders["declined, shipped"]).tags


def test_an_approve_that_finds_the_shop_gone_turns_the_window_offline_at_once(
    qtbot: QtBot, app: App, shop: DemoShop
) -> None:
    """No sync had failed yet, so the window still said Online: the approve found Shopify out
    of reach and fell back to the cached order, and the status went on saying Online for
    minutes (third QA walkthrough). Now the window goes offline at once."""
    order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please cancel my order")
    context = app.start()
    connect_demo(context, shop)
    window = app.window()
    with synced(qtbot, window):
        window.start()
    rid = window.model.request_of_order(order_id)
    assert rid is not None
    show(qtbot, window, rid)
    assert window.status.online is True

    shop.stop()
    with (
        qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed,
        qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened,
    ):
        window.commands.approve.trigger()  # the buttons go off: the status bar says why
        assert window.status.currentMessage().endswith(": reading the order from Shopify…")
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    assert window.status.currentMessage() == ""  # read: no longer said
    dialog.reject()
    qtbot.waitUntil(lambda: window.commands.approve.isEnabled(), timeout=WAIT)
    decide(qtbot, window, rid)  # offline now: from the cache, queued until the shop answers
    assert changed.args == [False]
    assert window.status.connection.text() == "\u25cb Offline: working from the cache"
    window.queue.show_tab(Tab.DONE)
    qtbot.waitUntil(lambda: window.model.row_of(rid) is not None, timeout=WAIT)  # reloaded
    assert_shown_queued(qtbot, window, rid)
    assert [r for r in shop.ledger.refunds if r.order_id == order_id] == []
