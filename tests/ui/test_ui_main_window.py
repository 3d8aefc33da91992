"""The real window against the demo shop: sync, filter, open, approve, decline, keyboard."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from cancelapp.ui.theme import dark_palette
from cancelapp.ui.workers import Lane
from fixtures.main_window import decline_with_reason, open_window, show_request

# The offscreen platform cannot size native windows; nothing to do with the app.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HOSTILE = "<b>Cancel</b> please <script>alert(1)</script> &amp; thanks"
WAIT = 30_000
NETWORK_THREADS = 4  # WorkerPool's default


@pytest.fixture
def context(bare_context: AppContext) -> AppContext:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    return bare_context


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    """A shop whose rate limit never makes these tests wait (pacing is the client's tests')."""
    return make_demo_shop(size=40, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, demo_shop: DemoShop) -> MainWindow:
    order_id = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(order_id, HOSTILE)
    connect_demo(context, demo_shop)
    return open_window(qtbot, context)


def select(qtbot: QtBot, window: MainWindow, row: int) -> int:
    request_id = window.model.request_id_at(row)
    show_request(qtbot, window, request_id)  # read again when selected already
    return request_id


def row_with(window: MainWindow, outcome: str, financial_status: str | None = None) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, Column.VERDICT).data(OUTCOME_ROLE) == outcome and (
            financial_status in (None, window.model.queue_row(row).financial_status)
        ):
            return row
    raise AssertionError(f"no {outcome} request in the queue")


def test_sync_fills_the_queue_with_verdicts(window: MainWindow) -> None:
    counts = window.model.counts()
    assert counts[Tab.NEEDS_DECISION] > 0
    assert counts[Tab.NEEDS_DECISION] == counts[Tab.APPROVE] + counts[Tab.REVIEW] + counts[Tab.DENY]
    assert window.model.rowCount() == counts[Tab.NEEDS_DECISION]
    assert f"({counts[Tab.NEEDS_DECISION]})" in window.windowTitle()
    assert window.status.online is True
    assert window.status.last_sync is not None
    assert any(window.model.index(r, Column.TOTAL).data() for r in range(window.model.rowCount()))


def test_tabs_and_search_filter_the_queue(window: MainWindow, qtbot: QtBot) -> None:
    window.queue.show_tab(Tab.APPROVE)
    assert window.model.rowCount() == window.model.counts()[Tab.APPROVE]
    outcomes = {
        window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE)
        for r in range(window.model.rowCount())
    }
    assert outcomes == {"approve"}
    window.queue.show_tab(Tab.NEEDS_DECISION)
    name = window.model.index(0, Column.ORDER).data()
    qtbot.keyClicks(window.queue.search, name)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    assert window.model.index(0, Column.ORDER).data() == name


def test_a_search_counts_its_hits_per_tab_and_says_where_they_are(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    name = window.model.index(0, Column.ORDER).data()
    window.queue.show_tab(Tab.DENY)
    qtbot.keyClicks(window.queue.search, name)
    # The tabs count what the search finds in each; this tab has nothing, and says where.
    qtbot.waitUntil(lambda: window.queue.tabs.tabText(Tab.APPROVE) == "Approve  1", timeout=WAIT)
    assert window.queue.tabs.tabText(Tab.DENY) == "Deny  0"
    assert window.queue.tabs.tabText(Tab.NEEDS_DECISION) == "Needs decision  1"
    assert window.model.rowCount() == 0
    hint = window.queue.search_hint
    assert hint.isVisible()
    assert hint.text() == 'No match in this tab. 1 in Approve: <a href="1">show</a>'
    hint.linkActivated.emit("1")
    assert window.queue.tabs.currentIndex() == Tab.APPROVE
    assert window.model.rowCount() == 1 and window.model.index(0, Column.ORDER).data() == name
    assert not hint.isVisible()
    # Esc clears it: the tabs count every request again (the title's count never changed).
    window.queue.search.setFocus()
    qtbot.keyClick(window.queue.search, Qt.Key.Key_Escape)
    assert window.queue.search.text() == ""
    counts = window.model.counts()
    assert window.queue.tabs.tabText(Tab.DENY) == f"Deny  {counts[Tab.DENY]}"
    assert window.model.rowCount() == counts[Tab.APPROVE]
    qtbot.keyClick(window.queue.search, Qt.Key.Key_Escape)  # once more: back to the table
    assert window.queue.table.hasFocus()


def test_typing_a_search_keeps_the_request_shown_without_loading_it_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    request_id = select(qtbot, window, 0)
    name = window.model.queue_row(0).customer_name
    asked: list[int] = []
    window.queue.current_request_changed.connect(asked.append)
    for end in range(1, len(name) + 1):  # each letter a search of its own, as after a pause
        window.queue.search.setText(name[:end])
        window.queue.apply_filter()
        assert window.queue.current_request_id() == request_id
    # The rows changed under it with every letter; the request shown did not: no new load.
    assert asked == []
    assert window.current_detail() is not None
    # A search that leaves it out moves on to a request it finds, and shows that one.
    window.queue.search.clear()
    window.queue.apply_filter()
    other = next(
        window.model.queue_row(row)
        for row in range(window.model.rowCount())
        if name not in window.model.queue_row(row).customer_name
    )
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        window.queue.search.setText(other.order_name or "")
        window.queue.apply_filter()
    assert asked == shown.args == [window.queue.current_request_id()]
    assert asked != [request_id] and window.model.queue_row(0).order_name == other.order_name


def _ink(image: QImage, rect: QRect) -> list[tuple[int, QColor]]:
    """(x, colour) of the pixels in `rect` that differ from its background (its corner)."""
    background = image.pixelColor(rect.left(), rect.top())
    found = []
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 60:
                found.append((x, colour))
    return found


def test_queue_cells_are_painted_as_qt_would(window: MainWindow, qtbot: QtBot) -> None:
    """The queue paints its own text cells (for speed): text inside its cell, amounts on the
    right, elided when narrow, and a selected row in the selection's colours."""
    table, model = window.queue.table, window.model
    window.resize(1024, 720)  # a laptop's: at 800 px the detail leaves the queue 345 px
    qtbot.waitUntil(lambda: window.width() == 1024)
    select(qtbot, window, 0)
    table.horizontalHeader().resizeSection(Column.CUSTOMER, 50)  # too narrow for any name
    qtbot.waitUntil(lambda: table.columnWidth(Column.CUSTOMER) == 50)
    image = table.viewport().grab().toImage()
    order = table.visualRect(model.index(1, Column.ORDER))
    total = table.visualRect(model.index(1, Column.TOTAL))
    customer = table.visualRect(model.index(1, Column.CUSTOMER))
    order_ink = [x for x, _ in _ink(image, order)]
    total_ink = [x for x, _ in _ink(image, total)]
    customer_ink = [x for x, _ in _ink(image, customer)]
    assert order_ink and min(order_ink) - order.left() < 8  # left, after the margin
    assert total_ink and total.right() - max(total_ink) < 8  # right-aligned
    assert min(total_ink) - total.left() > 8
    assert customer_ink and max(customer_ink) < customer.right()  # elided inside its cell
    selected = _ink(image, table.visualRect(model.index(0, Column.ORDER)))
    highlighted = table.palette().color(QPalette.ColorRole.HighlightedText)
    assert any(colour == highlighted for _, colour in selected)
    # A new palette (the OS turned dark): the cells' colours follow it at once.
    table.setPalette(dark_palette())
    image = table.viewport().grab().toImage()
    text = dark_palette().color(QPalette.ColorRole.Text)
    assert any(colour == text for _, colour in _ink(image, order))


def test_ctrl_f_finds_a_request_by_the_text_of_its_message(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.commands.search.trigger()
    assert window.queue.search.hasFocus()
    qtbot.keyClicks(window.queue.search, "ALERT(1)")  # in no order, name or email
    qtbot.waitUntil(lambda: bool(window.model.query.message_hits), timeout=WAIT)
    assert window.model.rowCount() > 0
    shown = {window.model.request_id_at(row) for row in range(window.model.rowCount())}
    qtbot.waitUntil(
        lambda: window.queue.tabs.tabText(Tab.NEEDS_DECISION).endswith(f"  {len(shown)}")
    )
    for row in range(window.model.rowCount()):
        select(qtbot, window, row)
        assert any("alert(1)" in label.text() for label in window.detail.message_labels)
    # One letter more, and nothing holds it: the row goes.
    qtbot.keyClicks(window.queue.search, "x")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=WAIT)


def test_down_and_return_go_from_the_search_into_its_hits(window: MainWindow, qtbot: QtBot) -> None:
    """Keyboard only (QA walkthrough): Return and Down stayed in the search, a single hit was
    not selected, and A then typed "a" into the search instead of approving."""
    queue = window.queue
    # Another tab, where nothing is highlighted yet, as in the walkthrough.
    qtbot.keyClick(queue.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert queue.tabs.currentIndex() == Tab.APPROVE and queue.shown_request_id() == 0
    single = window.model.queue_row(1)
    qtbot.keyClick(queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # The one hit is highlighted and shown as it is found.
    with qtbot.waitSignal(
        window.detail_shown, timeout=WAIT, check_params_cb=lambda rid: rid == single.request_id
    ):
        qtbot.keyClicks(QApplication.focusWidget(), single.order_name or "")
    assert window.model.rowCount() == 1 and queue.shown_request_id() == single.request_id
    assert queue.search.text() == single.order_name  # letters still go into the search
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert queue.table.hasFocus() and queue.shown_request_id() == single.request_id
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    assert isinstance(opened.args[0], ConfirmActionDialog)
    opened.args[0].reject()
    assert queue.search.text() == single.order_name
    # Several hits, the one shown not the first: Return goes to the first.
    queue.show_tab(Tab.NEEDS_DECISION)
    qtbot.keyClick(queue.search, Qt.Key.Key_Escape)  # as today: the whole queue again
    last = select(qtbot, window, window.model.rowCount() - 1)
    queue.focus_search()
    qtbot.keyClicks(queue.search, (window.model.queue_row(0).order_name or "")[:2])  # "#1"
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(queue.search, Qt.Key.Key_Return)
    first = window.model.request_id_at(0)
    assert window.model.rowCount() > 1 and first != last
    assert shown.args == [first] and queue.table.hasFocus()
    assert queue.selected_request_ids() == [first]


def test_customer_html_is_shown_literally(window: MainWindow, qtbot: QtBot) -> None:
    window.queue.search.setText("")
    found = None
    for row in range(window.model.rowCount()):
        select(qtbot, window, row)
        texts = [label.text() for label in window.detail.message_labels]
        if HOSTILE in texts:
            found = window.detail.message_labels[texts.index(HOSTILE)]
            break
    assert found is not None, "the hostile message was not in the queue"
    assert found.textFormat() == Qt.TextFormat.PlainText
    rich = [
        label
        for label in window.detail.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.PlainText
    ]
    assert rich == []


def test_approve_with_preview_and_confirm_refunds(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    request_id = select(qtbot, window, row_with(window, "approve", "PAID"))
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    order_id = detail.order.id
    refunds_before = [r for r in demo_shop.ledger.refunds if r.order_id == order_id]
    assert window.commands.approve.isEnabled()
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    assert not window.commands.approve.isEnabled()  # in flight: no second click
    labels = [label for label, _value in dialog.rows()]
    assert any("Refund" in label for label in labels)
    seen: list[tuple[int, bool, object]] = []

    def sending(rid: int, on: bool) -> None:
        row = window.model.row_of(rid)
        shown = window.model.index(row, Column.ACTION).data() if row is not None else None
        seen.append((rid, on, shown))

    window.actions_.sending.connect(sending)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert seen[0] == (request_id, True, "In progress")  # at once, before Shopify answers
    assert seen[-1][:2] == (request_id, False)
    assert finished.args[0] == request_id
    outcome = finished.args[1]
    assert outcome.status.value == "done", outcome.message
    refunds = [r for r in demo_shop.ledger.refunds if r.order_id == order_id]
    assert len(refunds) == len(refunds_before) + 1
    assert demo_shop.order(order_id).cancelled_at is not None
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is None, timeout=WAIT)
    window.queue.show_tab(Tab.DONE)
    assert window.model.row_of(request_id) is not None


def test_decline_asks_for_a_reason_then_confirms(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    request_id = select(qtbot, window, 0)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    confirm = decline_with_reason(qtbot, window, "Already packed, sorry.")
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[0] == request_id
    assert finished.args[1].status.value == "done", finished.args[1].message
    assert demo_shop.order(detail.order.id).cancelled_at is None
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is None, timeout=WAIT)


def active(qtbot: QtBot, dialog: QWidget) -> None:
    """A dialog the window opens, active as a window manager makes it (offscreen, nothing
    does): its window-wide keys reach it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_ctrl_return_confirms_from_the_decline_dialogs_text_fields(
    window: MainWindow, qtbot: QtBot
) -> None:
    """QA walkthrough: Ctrl+Return in the reason did nothing (Tab, then Return did)."""
    request_id = select(qtbot, window, 0)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_D)
    reason = opened.args[0]
    assert isinstance(reason, TextDialog)
    active(qtbot, reason)
    qtbot.keyClicks(reason.editor, "Already packed.")
    qtbot.keyClick(reason.editor, Qt.Key.Key_Return)  # Return alone: a new line, as before
    assert reason.editor.toPlainText() == "Already packed.\n"
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(reason.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmActionDialog) and confirm.reply_preview is not None
    body = confirm.reply_preview.body_edit
    active(qtbot, confirm)
    keypad = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        qtbot.keyClick(body, Qt.Key.Key_Enter, keypad)  # the keypad's Enter too
    assert finished.args[0] == request_id
    assert finished.args[1].status.value == "done", finished.args[1].message


def test_decline_reason_is_read_before_the_dialog_goes(
    window: MainWindow, qtbot: QtBot, demo_shop: DemoShop
) -> None:
    """The reason dialog is deleted before the worker that prepares the decline runs."""
    select(qtbot, window, 0)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    reason = opened.args[0]
    assert isinstance(reason, TextDialog)
    reason.editor.setPlainText("Out of stock, sorry.")
    gate = threading.Event()
    workers = window.context.workers
    blockers = [workers.run_on(Lane.NETWORK, gate.wait, 30) for _ in range(NETWORK_THREADS)]
    reason.confirm_button.click()  # the decline's worker now waits behind the blockers
    shiboken6.delete(reason)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        gate.set()
    assert all(b.done for b in blockers)
    confirm = opened.args[0]
    assert isinstance(confirm, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        confirm.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    assert "Out of stock, sorry." in (demo_shop.order(detail.order.id).note or "")


def test_keyboard_moves_through_the_queue(window: MainWindow, qtbot: QtBot) -> None:
    select(qtbot, window, 0)
    window.queue.table.setFocus()
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_J)
    assert shown.args[0] == window.model.request_id_at(1)
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_K)
    assert shown.args[0] == window.model.request_id_at(0)
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_Down)
    assert shown.args[0] == window.model.request_id_at(1)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.queue.search.hasFocus()
    qtbot.keyClick(window.queue.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.queue.tabs.currentIndex() == Tab.DONE


def test_another_request_opens_at_its_top_and_one_read_again_stays_put(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1000, 480)  # a detail longer than the pane
    first = select(qtbot, window, 0)
    pane = window.detail
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)
    bar.setValue(bar.maximum())
    assert pane.title.visibleRegion().isEmpty()  # scrolled past the order and customer

    # J opens the next request at its top: its order name and customer in sight.
    window.queue.table.setFocus()
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_J)
    second = shown.args[0]
    assert second != first
    assert bar.value() == 0
    assert not pane.title.visibleRegion().isEmpty()
    assert not pane.who.visibleRegion().isEmpty()

    # The same request read again in place (as a sync or a finished action does) stays.
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)
    bar.setValue(bar.maximum() // 2 or 1)
    kept = bar.value()
    assert kept > 0
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT):
        window.details.reload()
    assert pane.detail is not None and pane.detail.request.id == second
    assert bar.value() == kept

    # A click on another request opens it at its top too.
    table = window.queue.table
    rect = table.visualRect(window.model.index(0, Column.ORDER))
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args[0] == first
    assert bar.value() == 0


def test_every_action_has_a_key_and_a_name(window: MainWindow) -> None:
    for action in (
        window.commands.approve,
        window.commands.decline,
        window.commands.hold,
        window.commands.refresh,
        window.commands.note,
        window.commands.undo,
        window.commands.next,
        window.commands.previous,
        window.commands.search,
        window.commands.sync,
    ):
        assert not action.shortcut().isEmpty(), action.text()
        assert action.text()
    for button in window.menus.action_buttons:
        assert button.accessibleName()
    assert window.queue.table.accessibleName()
    assert window.queue.search.accessibleName()
