"""The store's own window in verdicts (kept for offline starts), the policy editor opened with
the queue, re-judging from the cache."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop, Fault
from cancelapp.demoshop.store import EditRules
from cancelapp.domain.request import (
    CancellationRequest,
    RequestMessage,
    RequestSource,
    RequestState,
)
from cancelapp.policy import (
    UNTIL_FULFILLMENT,
    default_policy,
    policy_hash,
    policy_path,
    shop_edit_window_from_minutes,
)
from cancelapp.session.policy_cases import load_policy_cases
from cancelapp.session.refresh import judge
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.store import Database
from cancelapp.store.orders import FULL, LEAN, FetchedOrder, upsert_orders
from cancelapp.store.requests import add_request, requests_needing_verdict, set_state
from cancelapp.store.stores import edit_window_minutes, list_stores, save_store
from cancelapp.sync.shop_window import edit_minutes_of_profiles
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.policy.policy_editor import PolicyEditor
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def synced_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = open_window(qtbot, context)
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    return window


def set_edit_window(shop: DemoShop, minutes: int) -> None:
    with shop.store.lock:
        shop.store.edit_rules = EditRules(can_accept_edits=True, edit_window_minutes=minutes)


# Approve inside the store's own window, review after it: nothing else can decide.
SHOP_WINDOW_POLICY = """version = 1

[[rules]]
name = "In the shop's window"
verdict = "approve"
why = "Asked in time"
[rules.when]
placed_within = "shop"
[rules.action]
refund = "original"

[[rules]]
name = "Late"
verdict = "review"
why = "Asked late"
"""


def outcome_of(window: MainWindow, request_id: int) -> object:
    row = window.model.row_of(request_id)
    assert row is not None
    return window.model.index(row, Column.VERDICT).data(OUTCOME_ROLE)


@pytest.mark.parametrize(
    ("profiles", "minutes", "window"),
    [
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": -1}}],
         -1, UNTIL_FULFILLMENT),
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": 90}}],
         90, timedelta(minutes=90)),
        ([{"default": False, "editRules": {"canAcceptEdits": True, "editWindowMinutes": 5}},
          {"default": True, "editRules": None}], None, None),
        ([{"default": True, "editRules": {"canAcceptEdits": False, "editWindowMinutes": 60}}],
         None, None),
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": -7}}],
         None, None),
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": True}}],
         None, None),
        ([], None, None),
    ],
)  # fmt: skip
def test_edit_rules_keep_until_fulfillment(
    profiles: list[dict[str, object]], minutes: int | None, window: timedelta | None
) -> None:
    assert edit_minutes_of_profiles(profiles) == minutes
    assert shop_edit_window_from_minutes(minutes) == window


def test_the_stores_window_decides_verdicts_and_a_change_rejudges(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    set_edit_window(shop, -1)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(SHOP_WINDOW_POLICY, "utf-8")
    order_id = shop.create_order("paid", created_at=shop.store.now() - timedelta(hours=30))
    shop.add_cancel_request(order_id, "Changed my mind")
    window = synced_window(qtbot, context)
    assert window.policy.shop_edit_window == UNTIL_FULFILLMENT
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    # Placed 30 h before the request: outside the default 24 h, inside "until fulfillment".
    assert outcome_of(window, request_id) == "approve"
    policy = window.policy.policy
    assert policy is not None
    with context.database.reading() as conn:
        stored = conn.execute(
            "SELECT verdict_policy_hash FROM requests WHERE id = ?", (request_id,)
        ).fetchone()[0]
    assert stored == policy_hash(policy, UNTIL_FULFILLMENT)

    set_edit_window(shop, 60)
    assert window.session is not None
    window.session.edit_window_read_at = None  # as if the hour had passed
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    assert window.policy.shop_edit_window == timedelta(minutes=60)
    qtbot.waitUntil(lambda: outcome_of(window, request_id) == "review", timeout=WAIT)
    show_request(qtbot, window, request_id)
    detail = window.current_detail()
    assert detail is not None and detail.verdict.outcome.value == "review"


def test_an_offline_start_judges_with_the_window_the_last_sync_read(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    set_edit_window(shop, 60)
    with context.database.reading() as conn:
        (store,) = list_stores(conn)
    policy_path(context.paths.config_dir, store.id).write_text(SHOP_WINDOW_POLICY, "utf-8")
    # Placed 2 h ago: late for the store's 60 minutes, in time for the default 24 h.
    order_id = shop.create_order("paid", created_at=shop.store.now() - timedelta(hours=2))
    shop.add_cancel_request(order_id, "Changed my mind")
    first = synced_window(qtbot, context)
    request_id = first.model.request_of_order(order_id)
    assert request_id is not None
    assert outcome_of(first, request_id) == "review"
    first.close()
    with context.database.reading() as conn:
        assert edit_window_minutes(conn, store.id) == 60

    shop.faults.at_rate(Fault.drop(), 1.0)
    window = open_window(qtbot, context, start=False)  # a new window forgets what it read
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        window.start()
    assert changed.args == [False]
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    assert window.policy.shop_edit_window == timedelta(minutes=60)
    assert window.session is not None
    assert window.session.shop_edit_window == timedelta(minutes=60)
    show_request(qtbot, window, request_id)  # may be selected already: the newest
    detail = window.current_detail()
    assert detail is not None and detail.complete
    assert detail.verdict.outcome.value == "review"  # as the queue says, not the default 24 h
    assert outcome_of(window, request_id) == "review"


def test_policy_editor_previews_the_queue_and_saving_rejudges_it(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = synced_window(qtbot, context)
    assert window.model.counts()[Tab.APPROVE] > 0
    with qtbot.waitSignal(window.policy.editor_opened, timeout=WAIT) as opened:
        window.commands.policy.trigger()
    editor = opened.args[0]
    assert isinstance(editor, PolicyEditor)
    assert window.store is not None
    cases = load_policy_cases(context.database, window.store.id)
    assert len(cases.requests) >= window.model.counts()[Tab.NEEDS_DECISION] > 0
    counts = window.model.counts()
    assert editor.preview_label.text() == (
        f"With these rules, the {len(cases.requests)} open requests: "
        f"approve {counts[Tab.APPROVE]} · review {counts[Tab.REVIEW]} · "
        f"deny {counts[Tab.DENY]} · verdict changed 0"
    )
    expected = (
        f"Backtest over the {len(cases.past)} requests you have decided"
        if cases.past
        else "No past requests to backtest against yet."
    )
    assert editor.backtest_label.text().startswith(expected)

    approving = [
        row
        for row in range(editor.rule_list.count())
        if editor.rule_list.item(row).text().startswith("Approve:")
    ]
    assert approving
    for row in reversed(approving):
        editor.rule_list.setCurrentRow(row)
        editor.remove_button.click()
    # Each request whose verdict the edit changes is listed; one opens in the queue behind
    # the editor, which stays open.
    qtbot.waitUntil(lambda: editor.changes_list.count() >= counts[Tab.APPROVE], timeout=WAIT)
    item = editor.changes_list.item(0)
    assert ": now Approve, would be Review" in item.text()
    window.queue.show_tab(Tab.DONE)
    editor.changes_list.setCurrentItem(item)
    editor.changes_list.itemActivated.emit(item)
    assert window.queue.current_request_id() == item.data(Qt.ItemDataRole.UserRole)
    assert window.queue.tabs.currentIndex() in (Tab.NEEDS_DECISION, Tab.APPROVE)
    assert editor.isVisible()
    with qtbot.waitSignal(window.policy.rejudged, timeout=WAIT) as rejudged:
        editor.save_button.click()
        if editor.confirm_box is not None:  # removing rules removes their comments
            editor.confirm_box.button(QMessageBox.StandardButton.Save).click()
    assert rejudged.args[0]
    qtbot.waitUntil(lambda: window.model.counts()[Tab.APPROVE] == 0, timeout=WAIT)
    assert window.session is not None
    assert window.session.rules is window.policy.rules


def open_editor(qtbot: QtBot, window: MainWindow) -> PolicyEditor:
    with qtbot.waitSignal(window.policy.editor_opened, timeout=WAIT) as opened:
        window.commands.policy.trigger()
    editor = opened.args[0]
    assert isinstance(editor, PolicyEditor)
    qtbot.waitExposed(editor)
    return editor


def answer(box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
    button.click()


# Bringing the editor forward on quitting: the offscreen platform cannot raise a window.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_closing_the_policy_editor_with_edits_asks_before_discarding_them(
    qtbot: QtBot, context: AppContext
) -> None:
    window = synced_window(qtbot, context)
    assert window.store is not None
    path = policy_path(context.paths.config_dir, window.store.id)
    on_disk = path.read_text(encoding="utf-8") if path.exists() else None

    # Looking through the rules is no edit: Esc closes at once.
    editor = open_editor(qtbot, window)
    for row in range(editor.rule_list.count()):
        editor.rule_list.setCurrentRow(row)
    with qtbot.waitSignal(editor.finished, timeout=WAIT):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.discard_box is None
    qtbot.waitUntil(lambda: window.policy.editor is None, timeout=WAIT)

    editor = open_editor(qtbot, window)
    editor.rule_list.setCurrentRow(0)
    editor.form.name.selectAll()
    qtbot.keyClicks(editor.form.name, "Renamed by hand")
    assert editor.rule_list.item(0).text().endswith(": Renamed by hand")

    # Esc asks; Keep editing is the default, and keeps the edit.
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.discard_box
    assert box is not None and box.isVisible()
    assert box.text() == "Discard your changes to the policy?"
    assert box.defaultButton() is box.escapeButton()
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.RejectRole
    assert box.defaultButton().text() == "&Keep editing"
    answer(box, QMessageBox.ButtonRole.RejectRole)
    assert editor.isVisible() and editor.discard_box is None
    assert editor.rule_list.item(0).text().endswith(": Renamed by hand")

    # Cancel asks too; Esc in the question keeps editing.
    editor.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    box = editor.discard_box
    assert box is not None and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.discard_box is None, timeout=WAIT)
    assert editor.isVisible()

    # Quitting CancelApp asks too, and leaves the window open.
    window.commands.quit.trigger()
    assert window.isVisible()
    box = editor.discard_box
    assert box is not None and box.isVisible()
    answer(box, QMessageBox.ButtonRole.RejectRole)
    assert editor.isVisible()

    # The window's close button asks; Discard closes and the file is as it was.
    assert not editor.close()
    box = editor.discard_box
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(editor.finished, timeout=WAIT):
        answer(box, QMessageBox.ButtonRole.DestructiveRole)
    qtbot.waitUntil(lambda: window.policy.editor is None, timeout=WAIT)
    assert (path.read_text(encoding="utf-8") if path.exists() else None) == on_disk


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_system_ending_cancelapp_closes_the_policy_editor_unasked(
    qtbot: QtBot, context: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    """SIGTERM's path (`end_for_the_system`, then quit): a question nobody answers would keep
    a logout waiting until the system kills CancelApp mid-write."""
    window = synced_window(qtbot, context)
    assert window.store is not None
    path = policy_path(context.paths.config_dir, window.store.id)
    on_disk = path.read_text(encoding="utf-8") if path.exists() else None
    editor = open_editor(qtbot, window)
    editor.rule_list.setCurrentRow(0)
    editor.form.name.selectAll()
    qtbot.keyClicks(editor.form.name, "Half done")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the worst moment: the question is showing
    box = editor.discard_box
    assert box is not None and box.isVisible()

    with qtbot.waitSignal(editor.finished, timeout=WAIT):
        window.end_for_the_system()
    assert not box.isVisible() and editor.discard_box is None
    qtbot.waitUntil(lambda: window.policy.editor is None, timeout=WAIT)
    assert "unsaved policy edits were not saved" in caplog.text
    assert window.close()  # the quit that follows closes the window unasked
    assert (path.read_text(encoding="utf-8") if path.exists() else None) == on_disk


def order_in(number: int, detail: str, at: datetime) -> FetchedOrder:
    """A cached order: the full document's shape (lists empty), or its lean summary."""
    node: dict[str, Any] = {
        "id": f"gid://shopify/Order/{number}",
        "name": f"#{number}",
        "createdAt": (at - timedelta(hours=1)).isoformat(),
        "updatedAt": at.isoformat(),
        "displayFinancialStatus": "PAID",
        "displayFulfillmentStatus": "UNFULFILLED",
        "currentTotalPriceSet": {"shopMoney": {"amount": "449.00", "currencyCode": "DKK"}},
        "presentmentCurrencyCode": "DKK",
        "lineItems": {"nodes": []},
    }
    return FetchedOrder(order_from_node(node), node, at, detail)


def request_for(store_id: int, number: int | None, at: datetime) -> CancellationRequest:
    return CancellationRequest(
        id=None,
        store_id=store_id,
        order_id=None if number is None else f"gid://shopify/Order/{number}",
        order_name=None if number is None else f"#{number}",
        customer_email=None,
        state=RequestState.OPEN,
        messages=(RequestMessage(RequestSource.EMAIL, at, "Cancel please", None, f"m{number}"),),
    )


def test_rejudging_from_the_cache_passes_over_what_it_cannot_judge(tmp_path: Path) -> None:
    """Offline or after a policy edit: requests whose order is cached only lean keep their
    verdict and are not offered again; unmatched ones are judged Review without an order."""
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    database = Database.open(tmp_path / "cancelapp.sqlite3")
    try:
        with database.transaction() as conn:
            store_id = save_store(
                conn, Endpoint.for_shop("s.myshopify.com"), name="S", currency="DKK",
                timezone="Europe/Copenhagen", auth_kind="access_token", now=at,
            )  # fmt: skip
            upsert_orders(conn, store_id, [order_in(1, FULL, at)])
            upsert_orders(conn, store_id, [order_in(n, LEAN, at) for n in (2, 3)])
            ids = [add_request(conn, request_for(store_id, n, at), now=at).request_id
                   for n in (1, 2, 3, None)]  # fmt: skip
            full_open, lean_open, lean_declined, unmatched = ids
            set_state(conn, lean_declined, RequestState.DECLINED, now=at)
        policy = default_policy()
        hour = timedelta(minutes=60)
        assert judge(database, store_id, policy, None, now=at) == [full_open, unmatched]
        assert judge(database, store_id, policy, hour, now=at) == [full_open, unmatched]
        assert judge(database, store_id, policy, hour, now=at) == []
        with database.reading() as conn:
            waiting = requests_needing_verdict(conn, store_id, policy_hash(policy, hour), now=at)
            verdicts = dict(
                conn.execute(
                    "SELECT id, verdict_outcome FROM requests WHERE store_id = ?", (store_id,)
                )
            )
    finally:
        database.close()
    assert waiting == []  # before: both lean requests, again on every sync
    assert verdicts[unmatched] == "review"
    assert verdicts[full_open] is not None
    assert verdicts[lean_open] is None and verdicts[lean_declined] is None
