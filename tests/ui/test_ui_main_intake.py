"""Typed-in requests go through the sync's intake; lean orders are read in full when needed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop, Fault
from cancelapp.session.refresh import complete_order
from cancelapp.store.orders import load_order
from cancelapp.ui.detail.action_dialogs import NewRequestDialog
from cancelapp.ui.detail.find_order_dialog import FindOrderDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
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


def an_order_with_a_customer(window: MainWindow, not_named: str) -> tuple[str, str, str]:
    """A cached order (gid, name, customer name) whose customer is not `not_named`."""
    assert window.store is not None
    with window.context.database.reading() as conn:
        row = conn.execute(
            """SELECT gid, name, customer_name FROM orders
               WHERE store_id = ? AND customer_name NOT IN ('', ?) AND cancelled = 0
                 AND gid NOT IN (SELECT order_gid FROM requests WHERE order_gid IS NOT NULL)
               ORDER BY id LIMIT 1""",
            (window.store.id, not_named),
        ).fetchone()
    assert row is not None
    return str(row[0]), str(row[1]), str(row[2])


def test_a_typed_in_request_shows_the_name_given_until_linked_and_then_the_orders(
    qtbot: QtBot, window: MainWindow
) -> None:
    order_id, order_name, customer = an_order_with_a_customer(window, "Jack Walsh")
    dialog = type_in(window, "#9999", "Rang: please cancel")
    dialog.customer.setText("Jack Walsh")
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT) as imported:
        dialog.confirm_button.click()
    (request_id,) = imported.args[0]
    assert window.banner.text == "No order #9999 in this store"

    # The name typed in stands for the customer in the queue and the detail.
    window.queue.show_tab(Tab.UNMATCHED)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    row = window.model.row_of(request_id)
    assert row is not None
    assert window.model.index(row, Column.CUSTOMER).data() == "Jack Walsh"
    show_request(qtbot, window, request_id)
    assert window.detail.who.text() == "Jack Walsh"

    # The finder says who asked without an address, and asks nothing about a sender.
    qtbot.waitUntil(window.commands.find_order.isEnabled, timeout=WAIT)
    window.commands.find_order.trigger()
    finder = window.findChild(FindOrderDialog)
    assert finder is not None and finder.isVisible()
    assert finder.heading.text() == (
        "Request from Jack Walsh (no email address), order as written: #9999. "
        "No order #9999 in this store"
    )
    qtbot.waitUntil(finder.search_button.isEnabled, timeout=WAIT)  # #9999 searched at once
    finder.search_edit.setText(order_name)
    finder.search_button.click()
    qtbot.waitUntil(lambda: finder.model.rowCount() > 0, timeout=WAIT)
    names = [finder.model.index(r, 0).data() for r in range(finder.model.rowCount())]
    finder.view.selectRow(names.index(order_name))
    assert finder.confirm_box.isHidden()
    assert finder.link_button.isEnabled()
    with qtbot.waitSignal(window.unmatched.linked, timeout=WAIT):
        finder.link_button.click()

    # Linked: the banner about the missing order goes; the order's customer shows.
    assert window.banner.text == ""
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: window.model.request_of_order(order_id) is not None, timeout=WAIT)
    linked = window.model.request_of_order(order_id)
    assert linked is not None

    def customer_shown() -> object:
        at = window.model.row_of(linked)
        return None if at is None else window.model.index(at, Column.CUSTOMER).data()

    qtbot.waitUntil(lambda: customer_shown() == customer, timeout=WAIT)
    qtbot.waitUntil(
        lambda: (d := window.current_detail()) is not None and d.order is not None, timeout=WAIT
    )
    assert window.detail.who.text().startswith(customer)
