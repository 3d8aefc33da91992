"""Issue 14, point 5: approving an order a fulfillment service has accepted asks the
warehouse first, in the real window against the demo shop; the cancel and refund follow its
answer, read by the next sync."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from fixtures.main_window import item_cells, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAIT = 30_000
MESSAGE = "Kunden fortrød. Send den ikke."


@pytest.fixture
def demo_shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    shop = make_demo_shop(size=8, bucket_size=100_000, restore_rate=100_000)
    shop.set_fulfillment_service_answer("none")  # it answers when the test says so
    return shop


@pytest.fixture
def order_id(demo_shop: DemoShop) -> str:
    order_id = demo_shop.create_order("third_party_accepted")
    demo_shop.add_cancel_request(order_id, "Please cancel, I ordered twice.")
    return order_id


@pytest.fixture
def window(
    qtbot: QtBot, bare_context: AppContext, demo_shop: DemoShop, order_id: str
) -> Iterator[MainWindow]:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, demo_shop)
    yield open_window(qtbot, bare_context)  # through the first sync and its backfill


def show_order(qtbot: QtBot, window: MainWindow, name: str) -> RequestDetail:
    """Select the order's request and wait for its detail, read afresh."""
    row = next(
        r for r in range(window.model.rowCount()) if window.model.queue_row(r).order_name == name
    )
    show_request(qtbot, window, window.model.request_id_at(row))
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    return detail


def sync(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()


def open_approve(qtbot: QtBot, window: MainWindow) -> ConfirmActionDialog:
    assert window.commands.approve.isEnabled()
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    return dialog


def confirm(qtbot: QtBot, window: MainWindow, dialog: ConfirmActionDialog) -> None:
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    outcome = finished.args[1]
    assert outcome.status.value == "done", outcome.message


def answer(qtbot: QtBot, demo_shop: DemoShop, order_id: str, how: str) -> None:
    """The warehouse answers in a later second than it was asked (Shopify's `updatedAt` has
    whole seconds, and a real warehouse takes minutes), so the sync sees the order changed."""
    asked = demo_shop.order(order_id).updated_at
    qtbot.waitUntil(lambda: demo_shop.store.now() > asked, timeout=WAIT)
    assert demo_shop.answer_cancellation_requests(how) == 1


def ask_the_warehouse(qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, name: str) -> int:
    """Approve -> the preview warns and offers asking -> ask with the merchant's message."""
    detail = show_order(qtbot, window, name)
    assert window.detail.warehouse.isVisible()
    assert window.detail.warehouse.text().startswith("At the warehouse: decide soon")
    dialog = open_approve(qtbot, window)
    assert dialog.confirm_button.text() == "Ask the warehouse to cancel"
    warnings = [label.text() for label in dialog.warning_labels]
    assert any("the warehouse must agree first" in w for w in warnings), warnings
    assert not any("Refund via" in label for label, _value in dialog.rows())
    assert dialog.message_edit is not None
    dialog.message_edit.setPlainText("y" * 501)  # longer than CancelApp sends: kept, counted
    assert dialog.message_counter.text().startswith("501 of 500 characters  Shorten")
    assert not dialog.confirm_button.isEnabled()
    dialog.message_edit.setPlainText(MESSAGE)
    assert dialog.message_counter.text() == f"{len(MESSAGE)} of 500 characters"
    assert dialog.confirm_button.isEnabled()
    confirm(qtbot, window, dialog)
    assert detail.order is not None
    assert [r for r in demo_shop.ledger.refunds if r.order_id == detail.order.id] == []
    asked = demo_shop.order(detail.order.id).fulfillment_orders
    assert "CANCELLATION_REQUESTED" in {fo.request_status for fo in asked}
    show_order(qtbot, window, name)  # read again by the ask itself, not by a sync
    assert window.detail.warehouse.text() == "Waiting for the warehouse to agree to cancel."
    sync(qtbot, window)
    row = window.model.row_of(detail.request.id or 0)
    assert row is not None, "the request left the queue while the warehouse decides"
    assert window.model.index(row, Column.ACTION).data() == "Asked the warehouse"
    show_order(qtbot, window, name)
    assert window.detail.warehouse.text() == "Waiting for the warehouse to agree to cancel."
    return detail.request.id or 0


def test_warehouse_agrees_then_the_order_is_cancelled_and_refunded_once(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    name = demo_shop.order(order_id).name
    request_id = ask_the_warehouse(qtbot, window, demo_shop, name)
    answer(qtbot, demo_shop, order_id, "accept")
    sync(qtbot, window)
    show_order(qtbot, window, name)
    assert window.detail.warehouse.text().startswith("The warehouse agreed to cancel")
    dialog = open_approve(qtbot, window)
    assert dialog.confirm_button.text().startswith("Cancel and refund")
    assert dialog.message_edit is None
    planned = dialog.preview.refund_total
    assert planned is not None
    # The warehouse stopped the work: the items go back at its location, and the preview
    # says so, as the restock box beside them does.
    order = demo_shop.order(order_id)
    (fo,) = order.fulfillment_orders
    assert (fo.status, fo.request_status) == ("CLOSED", "CANCELLATION_ACCEPTED")
    stocked = {li.id: li.title for li in order.line_items if li.variant is not None}
    back = {stocked[line]: units for line, units in fo.remaining.items() if line in stocked}
    panel = dialog.panel
    assert back and panel is not None and all(line.restock.isChecked() for line in panel.lines)
    restock_rows = [value for label, value in dialog.rows() if label == "Restock"]
    assert sorted(restock_rows) == sorted(
        f"{units} × {title} at {fo.location.name}" for title, units in back.items()
    )
    confirm(qtbot, window, dialog)
    assert demo_shop.order(order_id).cancelled_at is not None
    restocked = [r for r in demo_shop.ledger.restocks if r.order_id == order_id]
    assert sum(r.delta for r in restocked) == sum(back.values())
    assert {r.location_id.rsplit("/", 1)[-1] for r in restocked} == {str(fo.location.id)}
    refunds = [r for r in demo_shop.ledger.refunds if r.order_id == order_id]
    assert len(refunds) == 1
    assert (refunds[0].amount, refunds[0].currency) == (planned.amount, planned.currency)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is None, timeout=WAIT)
    # The cancelled order's items say how many went back, as the shop restocked them.
    window.queue.show_tab(Tab.DONE)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)
    assert [cells[4] for cells in item_cells(window)] == [
        f"{back[li.title]} restocked" if li.title in back else "None" for li in order.line_items
    ]


def test_warehouse_refuses_and_the_merchant_is_told_in_words(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    name = demo_shop.order(order_id).name
    ask_the_warehouse(qtbot, window, demo_shop, name)
    answer(qtbot, demo_shop, order_id, "reject")
    sync(qtbot, window)
    show_order(qtbot, window, name)
    refused = window.detail.warehouse.text()
    assert refused.startswith("The warehouse refused to cancel"), refused
    assert window.commands.approve.isEnabled()
    with qtbot.waitSignal(window.actions_.decision_problems, timeout=WAIT) as problem:
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    assert problem.args[1]()[0] == f"{name}: {refused}"  # the banner names the order
    assert window.banner.text == f"{name}: {refused}"
    assert demo_shop.order(order_id).cancelled_at is None
    assert [r for r in demo_shop.ledger.refunds if r.order_id == order_id] == []


def test_declining_after_the_warehouse_agreed_says_what_to_do_in_shopify(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    name = demo_shop.order(order_id).name
    ask_the_warehouse(qtbot, window, demo_shop, name)
    answer(qtbot, demo_shop, order_id, "accept")
    sync(qtbot, window)
    show_order(qtbot, window, name)
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as asked:
        window.commands.decline.trigger()
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        asked.args[0].accept()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    warnings = [label.text() for label in dialog.warning_labels]
    assert any("request fulfillment again" in w and name in w for w in warnings), warnings
    confirm(qtbot, window, dialog)
    assert demo_shop.order(order_id).cancelled_at is None


def test_hold_on_arrival_never_asks_a_warehouse(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    assert window.session is not None
    window.context.settings = replace(window.context.settings, hold_on_arrival=True)
    at_service = demo_shop.create_order("third_party_accepted")
    demo_shop.add_cancel_request(at_service, "Cancel please")
    own = demo_shop.create_order("paid")
    demo_shop.add_cancel_request(own, "Cancel please")
    with qtbot.waitSignal(window.actions_.problem, timeout=WAIT) as warned:
        window.sync_now()
    text, _details = warned.args[0]()
    assert text.startswith("1 new order"), text
    assert "at a fulfillment service" in text
    qtbot.waitUntil(
        lambda: {fo.status for fo in demo_shop.order(own).fulfillment_orders} == {"ON_HOLD"},
        timeout=WAIT,
    )
    statuses = {fo.request_status for fo in demo_shop.order(at_service).fulfillment_orders}
    assert statuses == {"ACCEPTED"}  # never asked to cancel
    show_order(qtbot, window, demo_shop.order(at_service).name)
    assert window.detail.warehouse.text().startswith("At the warehouse: decide soon")


def test_an_order_only_sent_to_the_warehouse_is_cancelled_at_once_and_refunded_once(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop
) -> None:
    """Sent to a fulfillment service that has not accepted it (`requestStatus: SUBMITTED`):
    Shopify cancels it at once, so Approve cancels and refunds; Shopify refuses a hold."""
    submitted = demo_shop.create_order("third_party_submitted")
    demo_shop.add_cancel_request(submitted, "Please cancel, wrong size.")
    sync(qtbot, window)
    name = demo_shop.order(submitted).name
    detail = show_order(qtbot, window, name)
    assert window.detail.decisive.text() == (
        "Sent to a fulfillment service, not accepted yet: it can still be cancelled at once"
    )
    assert window.detail.warehouse.text() == (
        "Sent to Nordic Fulfilment ApS, not accepted yet: it can still be cancelled at once, "
        "but not held. Decide soon: once the warehouse accepts it, it must agree to the cancel."
    )
    assert not window.commands.hold.isEnabled()
    dialog = open_approve(qtbot, window)
    assert dialog.confirm_button.text().startswith("Cancel and refund")
    assert dialog.message_edit is None
    planned = dialog.preview.refund_total
    assert planned is not None
    confirm(qtbot, window, dialog)
    assert demo_shop.order(submitted).cancelled_at is not None
    refunds = [r for r in demo_shop.ledger.refunds if r.order_id == submitted]
    assert len(refunds) == 1
    assert (refunds[0].amount, refunds[0].currency) == (planned.amount, planned.currency)
    qtbot.waitUntil(lambda: window.model.row_of(detail.request.id or 0) is None, timeout=WAIT)


def test_a_refusal_leaves_the_banner_once_the_merchant_moves_on_its_detail_keeps_it(
    qtbot: QtBot, window: MainWindow, demo_shop: DemoShop, order_id: str
) -> None:
    """Seventh QA walkthrough: "#1196: At the warehouse: decide soon…" stayed on the banner
    while the merchant decided other orders for minutes. Seen with its order, a refusal goes
    when the merchant moves on; the order's detail still says it, and its request still waits.
    Here: Approve again while the warehouse has yet to answer."""
    name = demo_shop.order(order_id).name
    ask_the_warehouse(qtbot, window, demo_shop, name)
    waiting = "Waiting for the warehouse to agree to cancel."
    with qtbot.waitSignal(window.actions_.decision_problems, timeout=WAIT):
        qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    assert window.banner.text == f"{name}: {waiting}"  # said at once, naming the order

    other = next(
        window.model.queue_row(r).order_name
        for r in range(window.model.rowCount())
        if window.model.queue_row(r).order_name != name
    )
    show_order(qtbot, window, other or "")  # the merchant moves on
    assert window.banner.isHidden()
    show_order(qtbot, window, name)  # back: the detail says it, the banner does not again
    assert window.detail.warehouse.text() == waiting
    assert window.banner.isHidden()
