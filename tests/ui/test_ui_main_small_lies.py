"""Issue 14 point 9: the tray's count, plurals, the decline reason, typed-in requests, stores."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.store.stores import list_stores
from cancelapp.ui.detail.action_dialogs import NewRequestDialog, TextDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def synced_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    """Synced, the first connect's backfill included (a sync asked for meanwhile would wait)."""
    return open_window(qtbot, context)


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


def decline_dialog_for(qtbot: QtBot, window: MainWindow, outcome: str) -> TextDialog:
    """Open Decline on the first request whose verdict is `outcome`."""
    window.queue.show_tab(Tab.NEEDS_DECISION)
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == outcome
    )
    show_request(qtbot, window, window.model.request_id_at(row))  # maybe selected at start
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.decline.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, TextDialog)
    return dialog


def test_decline_never_prefills_the_approve_reason(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    window = synced_window(qtbot, context)
    dialog = decline_dialog_for(qtbot, window, "approve")
    assert dialog.text == ""  # the approve reason would land in the order's note
    dialog.reject()
    dialog = decline_dialog_for(qtbot, window, "deny")
    assert dialog.text != ""  # a Deny verdict's reason is the reason to decline
    dialog.reject()


def test_cancelapps_own_hold_on_arrival_leaves_the_verdict_alone(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, hold_on_arrival=True)
    window = synced_window(qtbot, context)
    order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please stop it")
    with qtbot.waitSignal(window.actions_.rows_changed, timeout=WAIT):
        window.sync_now()
    assert {fo.status for fo in shop.order(order_id).fulfillment_orders} == {"ON_HOLD"}
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    with qtbot.waitSignal(window.detail_shown, timeout=WAIT):
        assert window.queue.select_request(request_id)

    def held() -> bool:
        detail = window.current_detail()
        return bool(detail and detail.order and detail.order.fulfillment_orders[0].on_hold)

    window.commands.refresh.trigger()  # R: the order read again, on hold now, and judged again
    qtbot.waitUntil(held, timeout=WAIT)
    detail = window.current_detail()
    assert detail is not None
    assert detail.verdict.rule != "On hold"  # CancelApp's own hold is no reason to review


def test_demo_with_a_data_dir_reuses_its_store_on_every_start(
    data_dir: Path, secret_store: SecretStore
) -> None:
    """`--demo --data-dir DIR` twice: the demo shop listens on a new port, the store is one."""
    domains = []
    for _start in range(2):
        paths = AppPaths.resolve()
        paths.create()
        context = build_context(paths, cli.parse(["--demo"]), secrets=secret_store)
        try:
            domains.append(connect_demo(context).domain)
            with context.database.reading() as conn:
                stores = list_stores(conn)
        finally:
            context.close()
        assert [s.domain for s in stores] == [domains[-1]]
    assert domains[0] != domains[1]  # a new port each start, and still one store


def test_a_typed_in_request_is_held_and_notified_like_any_new_one(
    qtbot: QtBot, context: AppContext, shop: DemoShop
) -> None:
    context.settings = replace(context.settings, hold_on_arrival=True)
    window = synced_window(qtbot, context)
    order_id = shop.create_order("paid")
    window.commands.new_request.trigger()  # Ctrl+N
    dialog = window.findChild(NewRequestDialog)
    assert dialog is not None
    dialog.order.setText(shop.order(order_id).name)
    dialog.reason.setPlainText("Called: please cancel")
    with (
        qtbot.waitSignal(window.sync.new_requests, timeout=WAIT) as arrived,
        qtbot.waitSignal(window.actions_.rows_changed, timeout=WAIT),
    ):
        dialog.confirm_button.click()
    assert arrived.args == [1]
    assert window.tray.last_notice == ("New cancellation requests", "1 new request to decide.")
    assert {fo.status for fo in shop.order(order_id).fulfillment_orders} == {"ON_HOLD"}


def test_settings_open_on_the_store_the_window_shows(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    connect_demo(bare_context, make_demo_shop(seed=7, size=8, bucket_size=100_000))
    second = connect_demo(bare_context, make_demo_shop(seed=3, size=8, bucket_size=100_000))
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start(store_id=second.id)
    window.commands.settings.trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=WAIT)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.intake_tab.store_combo.currentData() == second.domain  # not the first store
    dialog.reject()


def test_a_banner_belongs_to_its_store(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    """Store A's message goes when store B is shown, and comes back with store A; store B's
    own message ("no saved credentials") shows only on store B, once."""
    first = connect_demo(bare_context, make_demo_shop(seed=7, size=8, bucket_size=100_000))
    second = connect_demo(bare_context, make_demo_shop(seed=3, size=8, bucket_size=100_000))
    del bare_context.session_credentials[second.domain]  # store B: nothing in the keychain
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start(store_id=first.id)
    about_a = "This request belongs to another customer's email."
    window.banner.show_message(about_a, "Order #1001 was placed with another address.")
    combo = window.store_switcher.combo

    def show_b() -> None:
        with qtbot.waitSignal(window.session_ready, timeout=WAIT) as ready:
            combo.setCurrentIndex(combo.findData(second.id))
        assert ready.args == [False]
        assert window.store is not None and window.store.id == second.id

    show_b()
    about_b = window.banner.text
    assert about_b.startswith("CancelApp has no saved credentials for"), about_b
    assert about_a not in about_b  # store A's message does not stay up on store B
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(first.id))
    assert window.banner.text == about_a  # back with its store, details and all
    assert window.banner.details.text() == "Order #1001 was placed with another address."
    show_b()
    assert window.banner.text == about_b  # once, not "(×2)"
    window.banner.dismiss()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(first.id))
    assert window.banner.text == about_a


def test_stores_of_the_same_name_show_their_shop_domain(
    qtbot: QtBot, bare_context: AppContext, make_demo_shop: Callable[..., DemoShop]
) -> None:
    first = connect_demo(bare_context, make_demo_shop(seed=7, size=8, bucket_size=100_000))
    second = connect_demo(bare_context, make_demo_shop(seed=3, size=8, bucket_size=100_000))
    assert first.name == second.name  # two demo shops: the same name
    window = MainWindow(bare_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.start(store_id=second.id)
    combo = window.store_switcher.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        f"{first.name} ({first.domain})",
        f"{second.name} ({second.domain})",
    ]
    assert f"{second.name} ({second.domain}) – CancelApp" in window.windowTitle()
