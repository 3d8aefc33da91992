"""One verdict per request, with the moment it stops holding (issue 17, point 2), driven
through the real window against the demo shop on a hand-moved clock: the queue's badge and
the detail pane show the same stored verdict before and after its window closes, the verdict
changes by itself when it runs out, and a decided request keeps the verdict it was decided
under (the record keeps it too) whatever happens to its order and the clock afterwards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.clock import ManualClock
from cancelapp.domain.verdict import Outcome
from cancelapp.policy import policy_path
from cancelapp.store.journal import list_decisions
from cancelapp.store.requests import stored_verdict
from cancelapp.store.times import from_db_time
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window, request_record, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000

# Approve what was asked within the hour; after that, a person looks.
HOUR_POLICY = """version = 1

[[rules]]
name = "Fresh"
verdict = "approve"
why = "Asked within the hour"
[rules.when]
requested_within = "1h"
[rules.action]
refund = "original"

[[rules]]
name = "Late"
verdict = "review"
why = "Asked more than an hour ago"
"""


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop], clock: ManualClock) -> DemoShop:
    # Cancel jobs end at once: the shop's clock moves only when a test moves it.
    return make_demo_shop(
        size=12, bucket_size=100_000, restore_rate=100_000, clock=clock, cancel_job_delay=0
    )


@pytest.fixture
def context(bare_context: AppContext, shop: DemoShop) -> AppContext:
    bare_context.settings = replace(
        bare_context.settings, undo_window_seconds=0, staff_name="Mette"
    )
    store = connect_demo(bare_context, shop)
    assert bare_context.clock() == shop.clock.now()  # the app judges on the shop's time
    policy_path(bare_context.paths.config_dir, store.id).write_text(HOUR_POLICY, "utf-8")
    return bare_context


def fresh_request(qtbot: QtBot, context: AppContext, shop: DemoShop) -> tuple[MainWindow, int]:
    """A request asked just now, in the window with its verdict shown in the pane."""
    order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Changed my mind")
    window = open_window(qtbot, context)
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    show_request(qtbot, window, request_id)  # read again when selected already
    return window, request_id


def badge(window: MainWindow, request_id: int) -> object:
    row = window.model.row_of(request_id)
    assert row is not None
    return window.model.index(row, Column.VERDICT).data(OUTCOME_ROLE)


def pane(window: MainWindow) -> object:
    detail = window.current_detail()
    return None if detail is None else detail.verdict.outcome.value


def valid_until(context: AppContext, request_id: int) -> datetime:
    with context.database.reading() as conn:
        (text,) = conn.execute(
            "SELECT verdict_valid_until FROM requests WHERE id = ?", (request_id,)
        ).fetchone()
    assert text is not None
    return from_db_time(text)


def test_badge_and_pane_show_one_verdict_that_changes_by_itself_when_it_runs_out(
    qtbot: QtBot, context: AppContext, shop: DemoShop, clock: ManualClock
) -> None:
    window, request_id = fresh_request(qtbot, context, shop)
    until = valid_until(context, request_id)
    detail = window.current_detail()
    assert detail is not None
    with context.database.reading() as conn:
        stored = stored_verdict(conn, request_id)
    assert stored is not None
    assert detail.verdict == stored.verdict  # the pane shows what was stored, not its own
    assert detail.verdict.valid_until == until
    assert until - clock.now() <= timedelta(hours=1)
    assert badge(window, request_id) == pane(window) == "approve"

    # Just before the window closes (a refresh in between): still the same verdict.
    clock.advance((until - clock.now()).total_seconds() - 1)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    qtbot.waitUntil(lambda: window.verdicts.next_expiry == until, timeout=WAIT)
    assert badge(window, request_id) == pane(window) == "approve"
    approve_detail = window.current_detail()
    assert approve_detail is not None and approve_detail.verdict.rule == "Fresh"

    # Past it: nobody syncs or clicks; the verdict clock judges again, badge and pane follow.
    clock.advance(2)
    with qtbot.waitSignal(window.verdicts.judged, timeout=WAIT) as judged:
        pass
    assert request_id in judged.args[0]
    # The pane's detail and the queue's rows are read again on their own workers: both follow.
    qtbot.waitUntil(
        lambda: pane(window) == "review" and badge(window, request_id) == "review", timeout=WAIT
    )
    after = window.current_detail()
    assert after is not None
    assert after.verdict.rule == "Late"
    assert after.verdict.valid_until is None  # a closed window never opens again
    with context.database.reading() as conn:
        again = stored_verdict(conn, request_id)
    assert again is not None and again.verdict == after.verdict
    assert not window.commands.approve.isEnabled() or after.verdict.outcome is Outcome.REVIEW


def test_a_decided_request_keeps_the_verdict_it_was_decided_under(
    qtbot: QtBot, context: AppContext, shop: DemoShop, clock: ManualClock
) -> None:
    window, request_id = fresh_request(qtbot, context, shop)
    assert badge(window, request_id) == pane(window) == "approve"
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done"

    # Its order changed (cancelled by the approve) and its window closed: a sync and the
    # verdict clock judge the others again, never this one.
    clock.advance(2 * 3600)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    window.queue.show_tab(Tab.DONE)  # decided, it left the tab it was in
    show_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None and detail.order.is_cancelled
    assert badge(window, request_id) == pane(window) == "approve"
    assert detail.verdict.rule == "Fresh"
    assert not detail.verdict_due

    with context.database.reading() as conn:
        (decision,) = list_decisions(conn, request_id)
    assert decision.verdict is not None
    assert (decision.verdict.outcome, decision.verdict.rule) == (Outcome.APPROVE, "Fresh")
    assert [r.render_plain() for r in decision.verdict.reasons] == ["Asked within the hour"]
    assert decision.verdict_policy_hash is not None
    html = window.record_export.record_html(request_record(window, request_id))
    assert "Decided under the verdict Approve (Fresh)" in html
    assert "Asked within the hour" in html
