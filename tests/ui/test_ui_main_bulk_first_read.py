"""Approve selected right after connecting a store, while its first read runs (QA: nothing
was said for about 30 s, then the confirmation opened): the window says at once that the
orders are read, their reads go before the sync's, and Esc stops the reading."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import WAIT, open_window
from fixtures.queue_rows import click_rows, rows_with

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
RECENT = "Reading recent orders in the background: "


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    """Shopify's standard bucket (1,000 points) refilled at 500 a second: each page of the
    backfill's recent orders (about 900 points) waits for the bucket, as an order's read for
    a decision does (about 900 too). Enough orders for several pages."""
    return make_demo_shop(size=700, bucket_size=1000, restore_rate=500)


def choose_approvable(qtbot: QtBot, window: MainWindow) -> None:
    window.queue.show_tab(Tab.APPROVE)
    click_rows(qtbot, window, rows_with(window, "approve")[:3])
    qtbot.waitUntil(window.commands.approve_selected.isEnabled, timeout=WAIT)


def press_approve_selected(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.queue.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)


def test_approve_selected_during_the_first_read_says_so_at_once_and_does_not_wait_for_it(
    qtbot: QtBot, context: AppContext
) -> None:
    window = open_window(qtbot, context, start=False)  # this test watches the first connect
    said: list[str] = []
    window.sync.progressed.connect(lambda *_: said.append(window.status.progress.format()))

    opened: list[object] = []
    window.bulk.dialog_opened.connect(opened.append)
    window.start()
    qtbot.waitUntil(lambda: bool(said) and said[-1].startswith(RECENT), timeout=WAIT)
    choose_approvable(qtbot, window)
    press_approve_selected(qtbot, window)
    assert window.status.currentMessage() == (  # at once, not when the orders are read
        "Reading 3 orders from Shopify… the first read of your store is still running. Esc stops."
    )
    assert not window.commands.approve_selected.isEnabled()
    press_approve_selected(qtbot, window)  # a merchant in a hurry presses again
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    pages_before = sum(t.startswith(RECENT) for t in said)
    (dialog,) = opened  # the second press started no second reading
    assert isinstance(dialog, BulkConfirmDialog)
    assert dialog.bulk.cancels == 3
    assert not window.status.currentMessage().startswith("Reading 3 orders")
    # The first read goes on after the confirmation opened: it did not wait for it.
    qtbot.waitUntil(lambda: sum(t.startswith(RECENT) for t in said) > pages_before, timeout=WAIT)
    dialog.reject()
    sync = window.sync.task
    assert sync is not None
    window.sync.stop()  # the rest of the first read is another test's
    qtbot.waitUntil(lambda: sync.done, timeout=WAIT)
    assert opened == [dialog]
    qtbot.waitUntil(lambda: window.context.workers.active_count == 0, timeout=WAIT)
