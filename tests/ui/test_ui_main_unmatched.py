"""Requests without an order, driven through the real window against the demo shop: a CSV row
with only an email lands in Unmatched, the merchant searches the store, links an order (the
request is judged and leaves Unmatched) or closes the request with the "could not find" reply;
a request from the wrong sender says why on the request and is linked only after confirming."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.demoshop import DemoShop
from cancelapp.domain.request import RequestSource, RequestState
from cancelapp.session.refresh import store_requests
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.store.requests import get_request
from cancelapp.ui.detail.find_order_dialog import FindOrderDialog
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Tab
from cancelapp.ui.theme import banner_colors, is_dark
from fixtures.csv_import import import_dialog
from fixtures.main_window import open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    yield open_window(qtbot, context)  # through the first sync and its backfill


class MailCatcher(QObject):
    """The mail program, at the true boundary: what the window asked the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def import_csv(qtbot: QtBot, window: MainWindow, path: Path, body: str) -> None:
    path.write_text("Timestamp,Email,Order,Reason\n" + body, encoding="utf-8")
    dialog = import_dialog(qtbot, window, path)
    with qtbot.waitSignal(window.menu_dialogs.imported, timeout=WAIT):
        dialog.import_button.click()


def unmatched_of(window: MainWindow, email: str) -> int:
    assert window.store is not None
    with window.context.database.reading() as conn:
        row = conn.execute(
            "SELECT id FROM requests WHERE store_id = ? AND customer_email = ? AND state = ?",
            (window.store.id, email, RequestState.UNMATCHED.value),
        ).fetchone()
    assert row is not None
    return int(row[0])


def open_finder(qtbot: QtBot, window: MainWindow, request_id: int) -> FindOrderDialog:
    window.queue.show_tab(Tab.UNMATCHED)
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is not None, timeout=WAIT)
    show_request(qtbot, window, request_id)
    qtbot.waitUntil(window.commands.find_order.isEnabled, timeout=WAIT)
    window.commands.find_order.trigger()
    dialog = window.findChild(FindOrderDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def reasons_shown(window: MainWindow) -> list[str]:
    detail = window.current_detail()
    assert detail is not None
    return [window.formatter.phrase(p) for p in detail.verdict.reasons]


def test_an_email_only_csv_row_is_found_by_email_linked_and_judged(
    qtbot: QtBot, window: MainWindow, shop: DemoShop, tmp_path: Path
) -> None:
    order_id = shop.create_order("paid")  # placed after the sync: only Shopify has it
    order = shop.order(order_id)
    email = order.email or ""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    unmatched_before = window.model.counts()[Tab.UNMATCHED]
    import_csv(qtbot, window, tmp_path / "form.csv", f"{stamp},{email},,Please cancel\n")
    qtbot.waitUntil(
        lambda: window.model.counts()[Tab.UNMATCHED] == unmatched_before + 1, timeout=WAIT
    )
    request_id = unmatched_of(window, email)

    dialog = open_finder(qtbot, window, request_id)
    assert "No order number found in the message" in reasons_shown(window)
    # Said once (QA walkthrough: "order as written: no order number. No order number found").
    assert dialog.heading.text() == f"Request from {email}: no order number in the message."
    assert dialog.search_edit.text() == email  # what the request says, searched at once
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert order.name in names
    row = names.index(order.name)
    total, items = dialog.model.index(row, 3).data(), dialog.model.index(row, 5).data()
    assert total and items and order.line_items[0].title in items
    # Where its facts come from, in words (QA walkthrough: "Found in: cache" was jargon).
    assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Read from"
    assert dialog.model.index(row, 4).data() == "Shopify, just now"
    assert "read_all_orders" in dialog.status_label.text()  # what cannot be found, and why
    dialog.view.selectRow(row)
    assert dialog.confirm_box.isHidden()  # the sender's own order: nothing to confirm
    assert dialog.link_button.isEnabled()
    with qtbot.waitSignal(window.unmatched.linked, timeout=WAIT) as linked:
        dialog.link_button.click()

    target = linked.args[0]
    qtbot.waitUntil(lambda: window.model.counts()[Tab.UNMATCHED] == unmatched_before, timeout=WAIT)
    qtbot.waitUntil(lambda: window.queue.current_request_id() == target, timeout=WAIT)
    qtbot.waitUntil(
        lambda: (d := window.current_detail()) is not None and d.order is not None, timeout=WAIT
    )
    detail = window.current_detail()
    assert detail is not None and detail.order is not None
    assert detail.order.id == order_id and detail.request.state is RequestState.OPEN
    assert "No order matched" not in " ".join(reasons_shown(window))  # judged on the order
    assert window.commands.approve.isEnabled() or window.commands.decline.isEnabled()
    assert not window.commands.find_order.isEnabled()


def orders_to_cite(window: MainWindow, count: int) -> list[tuple[str, str]]:
    """Cached orders (name, email) without a request: rows of a form that name them match."""
    assert window.store is not None
    with window.context.database.reading() as conn:
        rows = conn.execute(
            """SELECT name, customer_email FROM orders
               WHERE store_id = ? AND customer_email IS NOT NULL AND cancelled = 0
                 AND gid NOT IN (SELECT order_gid FROM requests WHERE order_gid IS NOT NULL)
               ORDER BY id LIMIT ?""",
            (window.store.id, count),
        ).fetchall()
    assert len(rows) == count
    return [(str(name), str(email)) for name, email in rows]


def test_a_csv_import_ends_with_one_summary_naming_the_rows_in_unmatched(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """QA walkthrough: the import ended in a red "No order number found in the message", three
    times over. Rows without an order number are not an error: they wait in Unmatched."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    (a, a_mail), (b, b_mail), (c, c_mail) = orders_to_cite(window, 3)
    body = (
        f"{stamp},{a_mail},{a},Please cancel\n"
        f"{stamp},{b_mail},{b},Please cancel\n"
        f"{stamp},kim.hansen@example.org,,Cancel my order\n"  # row 4
        f"{stamp},{c_mail},{c},Please cancel\n"
        f"{stamp},olivia@example.org,,Please cancel\n"  # row 6
    )
    import_csv(qtbot, window, tmp_path / "form.csv", body)
    assert window.banner.text == (
        "Imported 5 requests: 3 matched to orders, "
        "2 without an order number are in Unmatched (rows 4 and 6)"
    )
    assert window.banner.details.text() == (
        "Row 4: no order number; it is in Unmatched\nRow 6: no order number; it is in Unmatched"
    )
    info = banner_colors(is_dark(), info=True).background.name()
    assert info in window.banner.styleSheet()  # a notice, not an error's red
    assert "imported" not in window.status.currentMessage()  # said once, in the banner

    # A row that cannot be read stays an error, with its row number; rows held are counted.
    again = body + (
        f"{stamp},zed@example.org,#99999,Please cancel\n"  # row 7: no such order
        f"yesterday,bo@example.org,{a},Please cancel\n"  # row 8
    )
    import_csv(qtbot, window, tmp_path / "form (1).csv", again)
    assert window.banner.text == (
        "Imported 1 request: 1 whose order could not be matched is in Unmatched (row 7). "
        "1 row could not be read and was not imported (row 8). 5 rows were imported before."
    )
    assert window.banner.details.text() == (
        "Row 7: No order #99999 in this store; it is in Unmatched\n"
        "Row 8: Not a date and time: yesterday; not imported"
    )
    error = banner_colors(is_dark()).background.name()
    assert error in window.banner.styleSheet()


def test_closing_an_unmatched_request_composes_the_could_not_find_reply(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    email = "nobody-here@example.dk"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    import_csv(qtbot, window, tmp_path / "form.csv", f"{stamp},{email},,Cancel please\n")
    request_id = unmatched_of(window, email)
    done_before = window.model.counts()[Tab.DONE]

    dialog = open_finder(qtbot, window, request_id)
    qtbot.waitUntil(lambda: "0 orders found." in dialog.status_label.text(), timeout=WAIT)
    with qtbot.waitSignal(window.unmatched.closed, timeout=WAIT):
        dialog.close_request_button.click()

    assert "could not find your order" in dialog.reply_edit.toPlainText()
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        dialog.mail_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert catcher.urls and catcher.urls[0].startswith(f"mailto:{email}?subject=")
    dialog.copy_button.click()
    assert "could not find your order" in QGuiApplication.clipboard().text()
    qtbot.waitUntil(lambda: window.model.counts()[Tab.DONE] == done_before + 1, timeout=WAIT)
    with window.context.database.reading() as conn:
        request = get_request(conn, request_id)
    assert request is not None and request.state is RequestState.DECLINED


def test_a_wrong_sender_request_says_why_and_links_only_after_confirming(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    session = window.session
    assert session is not None
    order_id = shop.create_order("paid")
    order = shop.order(order_id)
    stranger = "someone-else@example.dk"
    incoming = IncomingRequest(
        source=RequestSource.EMAIL,
        external_id="imap:1:77",
        received_at=datetime.now(UTC),
        text=f"Please cancel {order.name}",
        order_name=order.name,
        customer_email=stranger,
    )
    store_requests(session.database, session.store_id, [incoming], session.client)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    request_id = unmatched_of(window, stranger)

    dialog = open_finder(qtbot, window, request_id)
    why = f"Order {order.name} belongs to another customer's email"
    assert why in reasons_shown(window)  # on the request, read from the cache, not a banner
    row = window.model.row_of(request_id)
    assert row is not None
    first_reason = window.model.queue_row(row).verdict_reason
    assert first_reason is not None  # the queue's row says it too
    assert window.formatter.phrase(phrase_from_json(first_reason)) == why
    assert dialog.search_edit.text() == order.name
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    # Read into this computer's copy when the request came: said so, and how fresh it is.
    assert dialog.model.index(0, 4).data() == "This computer's copy, synced just now"
    dialog.view.selectRow(0)
    assert dialog.confirm_box.isVisible() and stranger in dialog.confirm_box.text()
    assert not dialog.link_button.isEnabled()  # not before the merchant confirms
    dialog.confirm_box.setChecked(True)
    assert dialog.link_button.isEnabled()
    with qtbot.waitSignal(window.unmatched.linked, timeout=WAIT):
        dialog.link_button.click()
    with window.context.database.reading() as conn:
        request = get_request(conn, request_id)
    assert request is not None and request.order_id == order_id
    assert request.state is RequestState.OPEN


def test_a_request_without_an_email_says_so_and_asks_to_confirm_in_plain_words(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    session = window.session
    assert session is not None
    order_id = shop.create_order("paid")
    order = shop.order(order_id)
    incoming = IncomingRequest(
        source=RequestSource.CSV,
        external_id="csv:no-email",
        received_at=datetime.now(UTC),
        text="Please cancel my order",
        order_name="#99998",
        customer_email=None,
        author="Ann Form",
    )
    store_requests(session.database, session.store_id, [incoming], session.client)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    with window.context.database.reading() as conn:
        (request_id,) = conn.execute(
            "SELECT id FROM requests WHERE order_name = '#99998'"
        ).fetchone()

    dialog = open_finder(qtbot, window, request_id)
    assert dialog.heading.text() == (
        "Request from Ann Form (no email address), order as written: #99998. "
        "No order #99998 in this store"
    )
    qtbot.waitUntil(dialog.search_button.isEnabled, timeout=WAIT)
    dialog.search_edit.setText(order.name)
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    dialog.view.selectRow(0)
    assert dialog.confirm_box.isVisible()
    assert dialog.confirm_box.text() == (
        f"This request has no email address to compare with {order.name}'s: "
        "I have checked that it is the customer's order"
    )
    assert not dialog.link_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    with qtbot.waitSignal(window.unmatched.linked, timeout=WAIT):
        dialog.link_button.click()
