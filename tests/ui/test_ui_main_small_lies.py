"""Issue 14 point 9: the tray's count, plurals, the decline reason, typed-in requests, stores."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def synced_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
    return window


def test_the_tray_counts_only_new_requests_needing_a_decision(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = synced_window(qtbot, context)
    waiting = window.model.counts()[Tab.NEEDS_DECISION]
    assert window.tray.waiting == waiting
    shop.add_cancel_request(shop.create_order("cancelled"), "Cancel it")  # lands in Done
    shop.add_cancel_request(shop.create_order("paid"), "Cancel it")
    with qtbot.waitSignal(window.sync.new_requests, timeout=WAIT) as arrived:
        window.sync_now()
    assert arrived.args == [1]
    assert window.tray.last_notice is not None
    assert window.tray.last_notice[1] == "1 new request to decide."  # English plural, not "(s)"
    assert window.tray.waiting == waiting + 1
    assert window.model.counts()[Tab.DONE] >= 1
