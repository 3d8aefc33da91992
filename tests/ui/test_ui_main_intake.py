"""Typed-in requests go through the sync's intake; lean orders are read in full when needed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop, Fault
from cancelapp.session.refresh import complete_order
from cancelapp.store.orders import load_order
from cancelapp.ui.detail.action_dialogs import NewRequestDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from fixtures.main_window import show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def type_in(window: MainWindow, order_name: str, text: str) -> NewRequestDialog:
    window.commands.new_request.trigger()
    dialog = window.findChild(NewRequestDialog)
    assert dialog is not None
    dialog.order.setText(order_name)
    dialog.reason.setPlainText(text)
    return dialog


def lean_order_without_request(window: MainWindow) -> tuple[str, str]:
    assert window.store is not None
    with window.context.database.reading() as conn:
        row = conn.execute(
            """SELECT gid, name FROM orders WHERE store_id = ? AND detail = 'lean'
                 AND gid NOT IN (SELECT order_gid FROM requests WHERE order_gid IS NOT NULL)
               ORDER BY id LIMIT 1""",
            (window.store.id,),
        ).fetchone()
    assert row is not None, "the sync cached no order lean"
    return str(row[0]), str(row[1])


def test_a_typed_in_request_for_an_order_the_cache_lacks_is_matched_from_shopify(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    order_id = shop.create_order("paid")  # after the sync: not in the cache
    name = shop.order(order_id).name
    assert window.model.request_of_order(order_id) is None
    dialog = type_in(window, name, "Called: please cancel")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        dialog.confirm_button.click()
    qtbot.waitUntil(lambda: window.model.request_of_order(order_id) is not None, timeout=WAIT)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    window.queue.show_tab(Tab.NEEDS_DECISION)
    assert window.model.row_of(request_id) is not None  # matched, not in Unmatched
    assert window.banner.text == ""


def test_an_unknown_order_number_is_said_in_the_banner(qtbot: QtBot, window: MainWindow) -> None:
    unmatched_before = window.model.counts()[Tab.UNMATCHED]
    dialog = type_in(window, "#987654", "Please cancel")
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT):
        dialog.confirm_button.click()
    assert "#987654" in window.banner.text
    qtbot.waitUntil(
        lambda: window.model.counts()[Tab.UNMATCHED] == unmatched_before + 1, timeout=WAIT
    )


def test_a_lean_order_waits_offline_and_is_read_in_full_online(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    order_id, name = lean_order_without_request(window)
    shop.faults.at_rate(Fault.drop(), 1.0)
    dialog = type_in(window, name, "Please cancel, I ordered twice")
    with qtbot.waitSignal(window.sync.online_changed, timeout=WAIT) as changed:
        dialog.confirm_button.click()  # stored from the cache; the sync after it fails
    assert changed.args == [False]
    qtbot.waitUntil(lambda: window.model.request_of_order(order_id) is not None, timeout=WAIT)
    request_id = window.model.request_of_order(order_id)
    assert request_id is not None
    with qtbot.waitSignal(window.details.waiting_online, timeout=WAIT) as waiting:
        show_request(qtbot, window, request_id)  # the newest: it may be selected already
    assert name in waiting.args[0]
    detail = window.current_detail()
    assert detail is not None and not detail.complete
    assert detail.order is not None and detail.order.name == name  # what the cache has
    assert detail.order.line_items == ()
    assert not window.commands.approve.isEnabled()
    assert not window.commands.decline.isEnabled()

    phases: list[tuple[str, str]] = []
    window.sync.progressed.connect(
        lambda _d, _t, phase: phases.append((phase, window.status.progress.format()))
    )
    shop.faults.clear()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    qtbot.waitUntil(lambda: (d := window.current_detail()) is not None and d.complete, timeout=WAIT)
    detail = window.current_detail()
    assert detail is not None and detail.order is not None and detail.order.line_items
    assert window.commands.decline.isEnabled()
    assert ("details", "Reading the orders with requests: 1 of 1") in phases


def test_complete_order_reads_a_lean_order_in_full_and_judges_it(window: MainWindow) -> None:
    order_id, _name = lean_order_without_request(window)
    session = window.session
    assert session is not None
    with session.database.reading() as conn:
        assert load_order(conn, session.store_id, order_id) is None
    assert complete_order(session, order_id) == []  # no request for it to judge
    with session.database.reading() as conn:
        order = load_order(conn, session.store_id, order_id)
    assert order is not None and order.line_items
    assert complete_order(session, "gid://shopify/Order/999999999") is None
