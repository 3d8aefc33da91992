"""What the detail shows and what A acts on is always the one highlighted row, also after a
bulk action or a single one takes rows out of the tab (third QA walkthrough: the detail and A
pointed at a row nobody had highlighted). Driven through the real window against the demo
shop."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.bulk_steps import approve_chosen, choose, decline_chosen, run_to_end
from fixtures.main_window import open_window, show_request
from fixtures.queue_rows import click_rows, rows_with

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    shop = make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)
    for _ in range(3):  # enough paid orders that the policy approves
        shop.add_cancel_request(shop.create_order("paid"), "Please cancel, ordered twice.")
    connect_demo(bare_context, shop)
    window = open_window(qtbot, bare_context)  # the first connect's backfill included
    yield window
    window.close()


def gone(qtbot: QtBot, window: MainWindow, request_ids: list[int]) -> None:
    for rid in request_ids:
        qtbot.waitUntil(lambda rid=rid: window.model.row_of(rid) is None, timeout=WAIT)


def highlighted_is_shown(qtbot: QtBot, window: MainWindow) -> int:
    """The detail shows the one highlighted row's request, and A is for it. Returns it."""
    queue = window.queue

    def shown() -> bool:
        detail = window.detail.detail
        return detail is not None and detail.request.id == queue.current_request_id()

    qtbot.waitUntil(shown, timeout=WAIT)
    request_id = queue.current_request_id()
    row = window.model.row_of(request_id)
    assert row is not None
    assert queue.selected_request_ids() == [request_id]  # highlighted, and alone
    assert queue.table.selectionModel().isRowSelected(row)
    current = window.current_detail()
    assert current is not None and current.request.id == request_id
    return request_id


def approve_opens_for(qtbot: QtBot, window: MainWindow, request_id: int) -> None:
    """A, pressed in the table, opens the approve of the highlighted row's order."""
    row = window.model.row_of(request_id)
    assert row is not None
    name = window.model.queue_row(row).order_name
    assert name
    assert window.commands.approve.isEnabled()
    opened: list[QDialog] = []
    window.actions_.dialog_opened.connect(opened.append)
    window.withdrawals.dialog_opened.connect(opened.append)
    window.queue.table.setFocus()
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    dialog = opened[0]
    if isinstance(dialog, ConfirmActionDialog):
        assert dialog.preview.order_name == name
    labels = dialog.findChildren(QLabel)
    words = " ".join([dialog.windowTitle(), *(label.text() for label in labels)])
    assert re.search(re.escape(name) + r"\b", words), words
    dialog.reject()


def test_after_a_bulk_approve_the_next_row_is_highlighted_shown_and_approved_by_a(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    paid = rows_with(window, "approve", "PAID")
    assert len(paid) >= 3
    orders, dialog = approve_chosen(qtbot, window, paid[:2])
    _run, progress = run_to_end(qtbot, window, dialog)
    progress.close()
    gone(qtbot, window, [rid for rid, _gid, _name in orders])
    approve_opens_for(qtbot, window, highlighted_is_shown(qtbot, window))


def test_after_a_bulk_decline_the_next_row_is_highlighted_shown_and_approved_by_a(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.NEEDS_DECISION)
    review = rows_with(window, "review")
    assert len(review) >= 3
    orders = choose(qtbot, window, [review[1], review[0]])  # the current one is above
    dialog = decline_chosen(qtbot, window, "Already on its way, sorry.")
    _run, progress = run_to_end(qtbot, window, dialog)
    progress.close()
    gone(qtbot, window, [rid for rid, _gid, _name in orders])
    approve_opens_for(qtbot, window, highlighted_is_shown(qtbot, window))


def test_a_single_approve_that_leaves_the_tab_highlights_the_row_taking_its_place(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    paid = rows_with(window, "approve", "PAID")
    assert len(paid) >= 2
    row = paid[0]
    request_id = window.model.request_id_at(row)
    below = window.model.request_id_at(row + 1) if row + 1 < window.model.rowCount() else None
    show_request(qtbot, window, request_id)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        dialog.confirm_button.click()
    gone(qtbot, window, [request_id])
    shown = highlighted_is_shown(qtbot, window)
    if below is not None:
        assert shown == below  # the row that took its place, not the one above
    approve_opens_for(qtbot, window, shown)


def test_the_last_row_leaving_leaves_the_placeholder_and_no_action(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.DENY)
    rows = window.model.rowCount()
    assert rows >= 1
    orders = choose(qtbot, window, list(range(rows)))
    dialog = decline_chosen(qtbot, window, "Outside the window.")
    _run, progress = run_to_end(qtbot, window, dialog)
    progress.close()
    gone(qtbot, window, [rid for rid, _gid, _name in orders])
    assert window.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.detail.detail is None, timeout=WAIT)
    assert window.queue.current_request_id() == 0
    assert window.current_detail() is None
    for action in (window.commands.approve, window.commands.decline, window.commands.hold):
        assert not action.isEnabled()


def test_a_row_an_action_sorts_elsewhere_keeps_its_highlight_and_detail(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Sorted by the Action column, a hold moves its row to the end: the row moves with
    its highlight, and the detail stays on it (not on the row that took its place)."""
    model = window.model
    window.queue.show_tab(Tab.NEEDS_DECISION)
    window.queue.table.sortByColumn(Column.ACTION, Qt.SortOrder.AscendingOrder)
    request_id, row = 0, 0
    for row in range(1, model.rowCount() - 1):
        request_id = model.request_id_at(row)
        show_request(qtbot, window, request_id)
        if window.commands.hold.isEnabled():
            break
    else:
        raise AssertionError("no request whose order can be held")
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_H)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT):
        dialog.confirm_button.click()
    qtbot.waitUntil(lambda: model.row_of(request_id) != row, timeout=WAIT)  # sorted elsewhere
    assert highlighted_is_shown(qtbot, window) == request_id
    assert window.queue.current_request_id() == request_id


def test_a_ctrl_click_taking_the_highlight_off_the_shown_row_leaves_the_placeholder(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.NEEDS_DECISION)
    first, second = window.model.request_id_at(0), window.model.request_id_at(1)
    with qtbot.waitSignal(window.detail_shown, check_params_cb=lambda rid: rid == second):
        click_rows(qtbot, window, [0, 1])
    assert window.queue.selected_request_ids() == [first, second]
    detail = window.current_detail()
    assert detail is not None and detail.request.id == second
    with qtbot.waitSignal(window.detail_shown, check_params_cb=lambda rid: rid == 0):
        click_rows(qtbot, window, [1], add=True)  # Ctrl-click: the highlight comes off
    assert window.queue.selected_request_ids() == [first]
    assert window.queue.current_request_id() == second  # current, but not highlighted
    assert window.detail.detail is None and window.current_detail() is None
    assert not window.commands.approve.isEnabled()
    assert not window.commands.decline.isEnabled()
    with qtbot.waitSignal(window.detail_shown, check_params_cb=lambda rid: rid == second):
        click_rows(qtbot, window, [1], add=True)  # highlighted again: shown again
    assert window.current_detail() is not None
    assert not window.commands.approve.isEnabled()  # two rows chosen: the bulk commands act
    assert window.commands.approve_selected.isEnabled()
    click_rows(qtbot, window, [1])  # the shown row alone
    qtbot.waitUntil(window.commands.approve.isEnabled)
