"""A hold decides nothing (second QA walkthrough): after Hold the queue's Action column said
"Done", and after Release hold still "Done", while the request needed a decision. Driven in
the real window against the demo shop: the row and the detail agree it awaits a decision."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.main_window import hold, holdable_request, open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000))
    yield open_window(qtbot, bare_context)


def _action_cell(window: MainWindow, request_id: int) -> str:
    row = window.model.row_of(request_id)
    assert row is not None, "the request left the Needs decision tab"
    return str(window.model.index(row, Column.ACTION).data())


def test_after_hold_then_release_the_row_and_the_detail_say_it_awaits_a_decision(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.queue.tabs.currentIndex() == Tab.NEEDS_DECISION
    holdable = holdable_request(qtbot, window)
    untouched = next(
        window.model.request_id_at(r)
        for r in range(window.model.rowCount())
        if window.model.queue_row(r).action_state is None
        and window.model.request_id_at(r) != holdable
    )
    awaiting = _action_cell(window, untouched)  # what any request awaiting a decision reads
    assert window.detail.state.text() == "Needs decision"

    hold(qtbot, window)
    # Held: still to be decided, and the row says the order is on hold, not "Done".
    qtbot.waitUntil(lambda: _action_cell(window, holdable) == "On hold", timeout=WAIT)
    qtbot.waitUntil(lambda: bool(window.detail.shipments.hold_rows), timeout=WAIT)
    assert window.detail.state.text() == "Needs decision"

    label, release = window.detail.shipments.hold_rows[0]
    qtbot.waitUntil(release.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(window.details.hold_released, timeout=WAIT):
        release.click()
    qtbot.waitUntil(lambda: label.isHidden(), timeout=WAIT)
    qtbot.waitUntil(lambda: _action_cell(window, holdable) == awaiting, timeout=WAIT)
    assert awaiting == ""
    assert window.detail.state.text() == "Needs decision"
    assert window.commands.approve.isEnabled() and window.commands.hold.isEnabled()
    assert window.model.queue_row(window.model.row_of(holdable) or 0).request_id == holdable
