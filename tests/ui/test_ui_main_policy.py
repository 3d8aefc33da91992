"""The store's own window in verdicts, the policy editor opened with the queue, re-judging."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.app import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.store import EditRules
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.policy import UNTIL_FULFILLMENT, policy_hash, policy_path
from cancelapp.store.stores import list_stores
from cancelapp.ui.edit_window import edit_window_of_profiles
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.policy_cases import load_policy_cases
from cancelapp.ui.policy_editor import PolicyEditor
from cancelapp.ui.queue_index import Column, Tab
from cancelapp.ui.queue_model import OUTCOME_ROLE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=30, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def context(data_dir: Path, secret_store: SecretStore, shop: DemoShop) -> Iterator[AppContext]:
    paths = AppPaths.resolve()
    paths.create()
    context = build_context(paths, cli.parse([]), secrets=secret_store)
    connect_demo(context, shop)
    yield context
    context.close()


def synced_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start()
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
    ("profiles", "window"),
    [
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": -1}}],
         UNTIL_FULFILLMENT),
        ([{"default": True, "editRules": {"canAcceptEdits": True, "editWindowMinutes": 90}}],
         timedelta(minutes=90)),
        ([{"default": False, "editRules": {"canAcceptEdits": True, "editWindowMinutes": 5}},
          {"default": True, "editRules": None}], None),
        ([{"default": True, "editRules": {"canAcceptEdits": False, "editWindowMinutes": 60}}],
         None),
        ([], None),
    ],
)  # fmt: skip
def test_edit_rules_keep_until_fulfillment(
    profiles: list[dict[str, object]], window: timedelta | None
) -> None:
    assert edit_window_of_profiles(profiles) == window


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
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT):
        assert window.queue.select_request(request_id)
    detail = window.current_detail()
    assert detail is not None and detail.verdict.outcome.value == "review"


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
        f"With this policy: {counts[Tab.APPROVE]} approve, {counts[Tab.REVIEW]} review, "
        f"{counts[Tab.DENY]} deny (0 changed)"
    )
    expected = (
        f"Backtest over {len(cases.past)} past requests"
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
    with qtbot.waitSignal(window.policy.rejudged, timeout=WAIT) as rejudged:
        editor.save_button.click()
        if editor.confirm_box is not None:  # removing rules removes their comments
            editor.confirm_box.button(QMessageBox.StandardButton.Save).click()
    assert rejudged.args[0]
    qtbot.waitUntil(lambda: window.model.counts()[Tab.APPROVE] == 0, timeout=WAIT)
    assert window.session is not None
    assert window.session.policy.policy == window.policy.policy
