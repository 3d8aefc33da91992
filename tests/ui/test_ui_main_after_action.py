"""The queue stays true after an action (issue 14, point 2), driven through the real window
against the demo shop: the order is read again, row, pane and buttons follow it, a decided
request keeps the verdict it was carried out under, and the timeline is in time order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.actions import Outcome
from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> Iterator[MainWindow]:
    bare_context.settings = replace(
        bare_context.settings, undo_window_seconds=0, staff_name="Mette"
    )
    shop = make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)
    connect_demo(bare_context, shop)
    yield open_window(qtbot, bare_context)  # through the first sync and its backfill


def select(qtbot: QtBot, window: MainWindow, row: int) -> int:
    request_id = window.model.request_id_at(row)
    show_request(qtbot, window, request_id)  # read again when selected already
    return request_id


def confirm(qtbot: QtBot, window: MainWindow, trigger: Callable[[], None]) -> Outcome:
    """Open the action's preview, confirm it, and wait until the pane shows the result."""
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with (
        qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished,
        qtbot.waitSignal(window.detail_shown, timeout=WAIT),
    ):
        dialog.confirm_button.click()
    outcome = finished.args[1]
    assert isinstance(outcome, Outcome)
    return outcome


def test_after_a_cancel_the_done_request_shows_the_order_and_keeps_its_verdict(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.queue.show_tab(Tab.APPROVE)
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.queue_row(r).financial_status == "PAID"
        and window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
    )
    request_id = select(qtbot, window, row)
    outcome = confirm(qtbot, window, window.commands.approve.trigger)
    assert outcome.status.value == "done"

    window.queue.show_tab(Tab.DONE)
    qtbot.waitUntil(
        lambda: (
            window.model.row_of(request_id) is not None
            and window.model.queue_row(window.model.row_of(request_id) or 0).request_state == "done"
        ),
        timeout=WAIT,
    )
    done_row = window.model.queue_row(window.model.row_of(request_id) or 0)
    assert done_row.financial_status != "PAID"  # read again: refunded, no R needed
    assert done_row.cancelled == 1
    assert done_row.verdict_outcome == "approve"

    # A sync later judges undecided requests again, never this one against its new state.
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    select(qtbot, window, window.model.row_of(request_id) or 0)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    assert detail.verdict.outcome.value == "approve"
    assert window.model.queue_row(window.model.row_of(request_id) or 0).verdict_outcome == (
        "approve"
    )
    decided = window.detail.decided.text()
    assert decided.startswith("Approved by Mette on ")
    assert detail.order.total_refunded is not None
    assert window.formatter.money(detail.order.total_refunded) in decided
    assert "Cancelled" in window.detail.summary_values.text()
    assert not window.commands.approve.isEnabled()
    timeline = window.detail.timeline.text().splitlines()
    decided_at = next(i for i, line in enumerate(timeline) if "Decided: Cancel, by Mette" in line)
    done_at = next(i for i, line in enumerate(timeline) if "Cancel: done" in line)
    assert decided_at < done_at


def test_after_a_hold_the_pane_shows_it_and_hold_is_disabled(
    window: MainWindow, qtbot: QtBot
) -> None:
    request_id = 0
    for row in range(window.model.rowCount()):
        request_id = select(qtbot, window, row)
        if window.commands.hold.isEnabled():
            break
    else:
        raise AssertionError("no request whose order can be held")
    assert "on hold" not in window.detail.fulfillment.text().lower()
    outcome = confirm(qtbot, window, window.commands.hold.trigger)
    assert outcome.status.value == "done"
    assert window.queue.current_request_id() == request_id
    qtbot.waitUntil(lambda: "On hold (" in window.detail.fulfillment.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: not window.commands.hold.isEnabled(), timeout=WAIT)
    assert window.commands.approve.isEnabled()  # the request is still to be decided
