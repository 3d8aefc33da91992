"""A hanging or vanished shop in the real window (fifth QA walkthrough, shop SIGSTOPped and
killed): one decision is prepared at a time, and its dialog never opens for a row the merchant
left (two approve dialogs stacked, neither for the highlighted row); the status bar tells the
truth (a bulk that cannot reach Shopify turns the window offline and says what to do, a sync
that succeeds takes its word back, a read from Shopify turns the window online); and each tab
keeps its own highlighted request (the row position followed across tabs)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop, Fault
from cancelapp.store.orders import VERDICT
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import WAIT, show_request, synced
from fixtures.queue_rows import click_rows, rows_with

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
READING = "{order}: reading the order from Shopify…"


@pytest.fixture
def hang(shop: DemoShop, window: MainWindow) -> Iterator[threading.Event]:
    """The next read of one order hangs at the shop until the test sets the event (as a
    SIGSTOPped shop does, for as long as the test wants); set at the end in any case."""
    gate = threading.Event()
    shop.faults.inject(Fault.held(gate), operation="Order")
    yield gate
    gate.set()


def two_requests(window: MainWindow) -> list[tuple[int, str]]:
    """Two requests the policy approves (request id, order name), in Needs decision."""
    window.queue.show_tab(Tab.NEEDS_DECISION)
    rows = rows_with(window, "approve")[:2]
    assert len(rows) == 2
    found = [window.model.queue_row(row) for row in rows]
    return [(row.request_id, row.order_name or "") for row in found]


def opened_dialogs(window: MainWindow) -> list[object]:
    opened: list[object] = []
    window.actions_.dialog_opened.connect(opened.append)
    return opened


def start_approve(qtbot: QtBot, window: MainWindow, request_id: int, order: str) -> None:
    """A on the request: its order's read starts (and hangs)."""
    show_request(qtbot, window, request_id)
    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)
    said = READING.format(order=order)
    with qtbot.waitSignal(window.actions_.reading, timeout=WAIT, check_params_cb=bool):
        window.commands.approve.trigger()
    assert window.status.currentMessage() == said


def test_while_an_order_is_read_no_decision_starts_on_any_row(
    qtbot: QtBot, window: MainWindow, hang: threading.Event
) -> None:
    (first, first_name), (second, second_name) = two_requests(window)
    opened = opened_dialogs(window)
    start_approve(qtbot, window, first, first_name)

    show_request(qtbot, window, second)  # another row, while the first order is read
    commands = window.commands
    deciding = (commands.approve, commands.decline, commands.hold, commands.approve_selected)
    assert not any(c.isEnabled() for c in deciding)
    for key in (Qt.Key.Key_A, Qt.Key.Key_D, Qt.Key.Key_H):
        qtbot.keyClick(window.queue.table, key)
    window.approve()
    assert opened == []
    # The order being read, not the row highlighted now.
    assert window.status.currentMessage() == READING.format(order=first_name)

    show_request(qtbot, window, first)  # back before the read ends: its dialog opens
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as shown:
        hang.set()
    dialog = shown.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    assert dialog.preview.order_name == first_name
    assert opened == [dialog]  # one dialog, for the highlighted row
    dialog.reject()
    qtbot.waitUntil(commands.approve.isEnabled, timeout=WAIT)
    assert second_name not in window.status.currentMessage()


def test_a_read_ending_after_the_merchant_moved_opens_nothing(
    qtbot: QtBot, window: MainWindow, hang: threading.Event
) -> None:
    (first, first_name), (second, second_name) = two_requests(window)
    opened = opened_dialogs(window)
    start_approve(qtbot, window, first, first_name)
    show_request(qtbot, window, second)

    with qtbot.waitSignal(window.actions_.notice, timeout=WAIT) as said:
        hang.set()
    expected = f"{first_name}: not opened, you moved to {second_name}; press A again."
    assert said.args == [expected]
    assert window.status.currentMessage() == expected
    assert opened == [] and window.actions_.dialog is None
    assert first not in window.actions_.in_flight  # nothing queued for the row left

    qtbot.waitUntil(window.commands.approve.isEnabled, timeout=WAIT)  # A works again, here
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as shown:
        window.commands.approve.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    assert dialog.preview.order_name == second_name
    assert opened == [dialog]
    dialog.reject()


def test_a_bulk_that_cannot_reach_shopify_says_so_and_a_sync_takes_it_back(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    click_rows(qtbot, window, [0, 1])
    assert window.status.online is True
    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.commands.approve_selected.trigger()
    assert changed.args == [False]  # at once, not with the next sync minutes later
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=WAIT)
    assert window.banner.text == (
        "Approve selected: nothing was approved and nothing was sent. Shopify cannot be "
        "reached. Check the internet connection; CancelApp keeps working from its saved copy "
        "meanwhile. Approve them again once the status bar says Online."
    )
    assert window.banner.details.text().startswith("For support: ")
    assert window.status.connection.text() == "\u25cb Offline: working from the cache"

    shop.start()
    with synced(qtbot, window):
        window.sync_now()  # F5
    assert window.status.online is True
    assert window.banner.isHidden()  # Shopify answers: the word is taken back


def test_a_refresh_that_cannot_reach_shopify_says_so_until_a_sync_succeeds(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    (first, _name), _second = two_requests(window)
    show_request(qtbot, window, first)
    qtbot.waitUntil(window.commands.refresh.isEnabled, timeout=WAIT)
    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.commands.refresh.trigger()
    assert changed.args == [False]
    assert window.banner.text == (
        "Shopify cannot be reached. Check the internet connection; CancelApp keeps working "
        "from its saved copy meanwhile."
    )
    shop.start()
    with synced(qtbot, window):
        window.sync_now()
    assert window.banner.isHidden()


def test_a_read_from_shopify_turns_the_window_online_before_any_sync(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    (first, _name), _second = two_requests(window)
    show_request(qtbot, window, first)
    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]
    window.sync.stop()  # no sync comes meanwhile: only the merchant's read can say it
    shop.start()
    qtbot.waitUntil(window.commands.refresh.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.commands.refresh.trigger()
    assert changed.args == [True]
    assert window.status.connection.text() == "\u25cf Online"


def test_each_tab_highlights_its_own_request_or_none(qtbot: QtBot, window: MainWindow) -> None:
    queue = window.queue
    queue.show_tab(Tab.NEEDS_DECISION)
    picked = queue.model.request_id_at(2)
    show_request(qtbot, window, picked)

    with qtbot.waitSignal(window.detail_shown, timeout=WAIT, check_params_cb=lambda r: r == 0):
        queue.show_tab(Tab.APPROVE)  # its third row is there too: not highlighted
    assert queue.model.rowCount() > 2
    assert queue.shown_request_id() == 0 and queue.selected_request_ids() == []
    assert window.detail.detail is None  # the placeholder
    assert not window.commands.approve.isEnabled()
    qtbot.keyClick(queue.table, Qt.Key.Key_A)
    assert window.actions_.dialog is None and window.actions_.in_flight == set()

    other = queue.model.request_id_at(0)
    show_request(qtbot, window, other)  # picked in this tab
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        queue.show_tab(Tab.NEEDS_DECISION)
    assert shown.args == [picked] and queue.shown_request_id() == picked
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        queue.show_tab(Tab.APPROVE)
    assert shown.args == [other] and queue.shown_request_id() == other
    assert queue.selected_request_ids() == [other]


def test_the_order_shown_read_from_shopify_turns_the_window_online(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    (first, _name), (second, _other) = two_requests(window)
    show_request(qtbot, window, first)
    row = window.model.row_of(second)
    assert row is not None
    lean = window.model.queue_row(row).order_gid
    with window.context.database.transaction() as conn:  # cached with a verdict's fields only
        conn.execute("UPDATE orders SET detail = ? WHERE gid = ?", (VERDICT, lean))
    shop.stop()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.sync_now()
    assert changed.args == [False]
    window.sync.stop()  # no sync comes meanwhile
    shop.start()
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        show_request(qtbot, window, second)  # its order is read in full from Shopify
    assert changed.args == [True]
    assert window.status.connection.text() == "\u25cf Online"


def test_approve_selected_says_it_reads_the_orders_and_esc_stops_it(
    qtbot: QtBot, window: MainWindow, hang: threading.Event
) -> None:
    (first, _name), _second = two_requests(window)
    opened: list[object] = []
    window.bulk.dialog_opened.connect(opened.append)
    window.queue.show_tab(Tab.APPROVE)
    click_rows(qtbot, window, [0, 1])
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert window.status.currentMessage() == "Reading 2 orders from Shopify… Esc stops."
    show_request(qtbot, window, first)  # one row: A would decide it, while the bulk reads
    commands = window.commands
    deciding = (commands.approve, commands.decline, commands.hold, commands.approve_selected)
    assert not any(c.isEnabled() for c in deciding)

    qtbot.keyClick(window.queue.table, Qt.Key.Key_Escape)
    assert window.status.currentMessage() == "Approve selected stopped: nothing was approved."
    qtbot.waitUntil(commands.approve.isEnabled, timeout=WAIT)
    hang.set()  # the order read ends after all: nothing opens
    qtbot.waitUntil(lambda: window.context.workers.active_count == 0, timeout=WAIT)
    assert opened == [] and not window.bulk.busy


def test_esc_stops_the_read_under_way_and_is_not_logged_as_a_failure(
    qtbot: QtBot,
    window: MainWindow,
    shop: DemoShop,
    hang: threading.Event,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """After Esc the worker went on with the order's other reads (each up to ~20 s on a
    hanging shop) while the window said it was not busy, and ended by logging a failure
    with a traceback. Now the read at the shop is the last one: nothing more is sent."""
    two_requests(window)
    window.queue.show_tab(Tab.APPROVE)
    click_rows(qtbot, window, [0, 1])
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(op == "Order" for op, _f in shop.faults.fired), timeout=WAIT)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Escape)
    assert not window.bulk.busy
    shop.faults.inject(Fault.latency(0.0), operation="SuggestedRefund")  # says if one is read
    hang.set()  # the order's read is answered
    qtbot.waitUntil(lambda: window.context.workers.active_count == 0, timeout=WAIT)
    assert [op for op, _f in shop.faults.fired] == ["Order"]  # no refund read after Esc
    failed = [r for r in caplog.records if r.levelname == "WARNING" and "failed" in r.message]
    assert failed == []


def test_a_menu_looked_at_meanwhile_neither_hides_the_reading_nor_keeps_esc_from_stopping_it(
    qtbot: QtBot, window: MainWindow, hang: threading.Event
) -> None:
    """Eighth walkthrough: Alt+R, Esc (the menu closed, the menu bar still taking keys),
    Shift+A, then Esc: the menu bar took that Esc, the orders were read to the end and
    "Approve 10 orders" opened anyway; a menu's status tips had also wiped "Reading…"."""
    two_requests(window)
    opened: list[object] = []
    window.bulk.dialog_opened.connect(opened.append)
    window.queue.show_tab(Tab.APPROVE)
    click_rows(qtbot, window, [0, 1])
    bar = window.menuBar()
    bar.setFocus(Qt.FocusReason.ShortcutFocusReason)  # the keyboard in the menu bar
    qtbot.waitUntil(bar.hasFocus)
    qtbot.keyClick(bar, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    reading = "Reading 2 orders from Shopify… Esc stops."
    assert window.status.currentMessage() == reading
    window.status.showMessage("Cancel the order, refund and restock")  # a menu's status tip
    window.status.clearMessage()  # the pointer left the menu
    assert window.status.currentMessage() == reading

    focused = QApplication.focusWidget()
    assert focused is not None and focused is not bar
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert window.status.currentMessage() == "Approve selected stopped: nothing was approved."
    hang.set()
    qtbot.waitUntil(lambda: window.context.workers.active_count == 0, timeout=WAIT)
    assert opened == [] and not window.bulk.busy
    window.status.clearMessage()  # the read over: nothing brings it back
    assert window.status.currentMessage() == ""
