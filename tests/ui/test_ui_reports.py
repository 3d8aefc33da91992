"""The Reports window against the demo shop: figures from real decisions, merges, CSV."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.model import shop_amount
from cancelapp.demoshop.payment_fees import fee_amount
from cancelapp.domain.money import Money
from cancelapp.session.reports import CancellationReport
from cancelapp.settings import Language
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
from cancelapp.ui.i18n import Translations
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from cancelapp.ui.reports.reports_window import ReportsWindow
from fixtures.main_window import open_approve, open_window, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    shop = make_demo_shop(size=12, bucket_size=100_000, restore_rate=100_000)
    for text in ("Wrong size, please cancel", "I ordered this twice by mistake, cancel one"):
        shop.add_cancel_request(shop.create_order("paid"), text)
    return shop


@pytest.fixture
def window(qtbot: QtBot, bare_context: AppContext, shop: DemoShop) -> MainWindow:
    bare_context.settings = replace(bare_context.settings, undo_window_seconds=0)
    connect_demo(bare_context, shop)
    return open_window(qtbot, bare_context)


def plain(shown: QLabel | str) -> str:
    """The text as read, its non-breaking spaces (numbers kept with their words) as spaces."""
    return (shown if isinstance(shown, str) else shown.text()).replace("\u00a0", " ")


def _decide(
    qtbot: QtBot, window: MainWindow, outcome: str, reason: str | None, *, order: str = ""
) -> int:
    """Approve (no `reason`) or decline the first request with this verdict, or `order`'s
    request whatever its verdict."""
    for row in range(window.model.rowCount()):
        if (
            window.model.index(row, Column.ORDER).data() == order
            if order
            else window.model.index(row, Column.VERDICT).data(OUTCOME_ROLE) == outcome
        ):
            break
    else:
        raise AssertionError(f"no {outcome} request {order}")
    request_id = window.model.request_id_at(row)
    show_request(qtbot, window, request_id)  # maybe selected after the last decision
    command = window.commands.approve if reason is None else window.commands.decline
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        command.trigger()
    dialog = opened.args[0]
    if isinstance(dialog, TextDialog):
        dialog.editor.setPlainText(reason or "")
        with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
            dialog.confirm_button.click()
        dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    qtbot.waitUntil(lambda: window.model.row_of(request_id) is None, timeout=WAIT)
    return request_id


def _synced_report(qtbot: QtBot, window: MainWindow) -> tuple[ReportsWindow, CancellationReport]:
    """After a sync brought the shop's new requests in: the open Reports window, read again
    for the last 12 weeks, and its report."""
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    reports = window.reports_window
    assert reports is not None
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.period.setCurrentIndex(1)
    assert reports.report is not None
    return reports, reports.report


def _open_reports(qtbot: QtBot, window: MainWindow) -> ReportsWindow:
    window.commands.reports.trigger()
    reports = window.reports_window
    assert reports is not None
    if reports.report is None:
        qtbot.waitSignal(reports.loaded, timeout=WAIT).wait()
    qtbot.waitUntil(lambda: reports.report is not None, timeout=WAIT)
    return reports


def test_reports_show_what_cancellations_cost_and_why(
    qtbot: QtBot, window: MainWindow, shop: DemoShop, tmp_path: Path
) -> None:
    counts = window.model.counts()
    before = _open_reports(qtbot, window).report
    assert before is not None
    window.queue.show_tab(Tab.APPROVE)
    _decide(qtbot, window, "approve", None)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    _decide(qtbot, window, window.model.index(0, Column.VERDICT).data(OUTCOME_ROLE), "Packed")
    reports = window.reports_window
    assert reports is not None
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.period.setCurrentIndex(1)  # another period reads again: 12 weeks
    report = reports.report
    assert report is not None
    total = counts[Tab.NEEDS_DECISION] + counts[Tab.UNMATCHED] + counts[Tab.DONE]
    assert report.requests == before.requests == total
    cancelled = before.outcomes["cancelled"] + 1
    declined = before.outcomes["declined"] + 1
    assert (report.outcomes["cancelled"], report.outcomes["declined"]) == (cancelled, declined)
    assert plain(reports.summary).startswith(
        f"{total} requests: {cancelled} cancelled, {declined} declined, "
        f"{total - cancelled - declined} still open"
    )
    assert "median time to a decision" in reports.summary.text()
    # What was refunded is what the demo shop's ledger holds for the store.
    refunded = sum((r.amount for r in shop.ledger.refunds), Decimal(0))
    assert sum(report.refunded.values()) == refunded > 0
    assert plain(reports.money).startswith("Refunded through CancelApp ")
    assert sum(sum(w.counts.values()) for w in report.weeks) == total
    assert sum(n for _r, n in report.reasons) == total
    reasons = dict(report.reasons)  # the two messages this test added, read in their words
    assert reasons["wrong_item"] >= 1 and reasons["ordered_twice"] >= 1
    assert report.products and report.products[0][1] >= 1
    assert reports.reasons.rows and reports.products.rows and reports.week_chart.values
    assert not reports.grab().isNull()

    # Merge one reason into another: the report counts them as one.
    (first, first_count), (other, other_count) = report.reasons[:2]
    reports.merge_from.setCurrentIndex(reports.merge_from.findData(first))
    reports.merge_into.setCurrentIndex(reports.merge_into.findData(other))
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.merge_button.click()
    assert reports.report is not None
    merged = dict(reports.report.reasons)
    assert first not in merged and merged[other] == first_count + other_count
    assert reports.unmerge_button.isEnabled()

    # The CSV reads back with the figures shown.
    target = tmp_path / "report.csv"
    reports.choose_export()
    assert reports.save_dialog is not None
    reports.save_dialog.fileSelected.emit(str(target))
    qtbot.waitUntil(target.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: target.read_text(encoding="utf-8-sig").count("\n") > 5)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Week", "Cancelled", "Declined", "Open"]
    assert sum(int(r[1]) + int(r[2]) + int(r[3]) for r in rows[1 : 1 + len(report.weeks)]) == total
    assert ["Reason", "Requests"] in rows


def test_reports_tell_statutory_withdrawals_from_goodwill_cancellations(
    qtbot: QtBot, window: MainWindow, shop: DemoShop, tmp_path: Path
) -> None:
    before = _open_reports(qtbot, window).report
    assert before is not None
    delivered = shop.create_order("fulfilled")  # an EU consumer withdrawing in time
    shop.ship_to(delivered, "DK")
    shop.mark_delivered(delivered, shop.store.now() - timedelta(days=2))
    shop.add_cancel_request(delivered, "Jeg fortryder mit køb.")
    american = shop.create_order("fulfilled")  # no statutory right: the shop's goodwill
    shop.ship_to(american, "US")
    shop.add_cancel_request(american, "Please cancel.")
    reports, report = _synced_report(qtbot, window)
    assert report.requests == before.requests + 2
    assert report.withdrawals == before.withdrawals + 1
    assert report.goodwill == before.goodwill + 1
    assert (
        f"{report.withdrawals} statutory withdrawals, {report.goodwill} goodwill cancellations"
        in plain(reports.summary)
    )

    target = tmp_path / "report.csv"
    reports.choose_export()
    assert reports.save_dialog is not None
    reports.save_dialog.fileSelected.emit(str(target))
    qtbot.waitUntil(
        lambda: "Goodwill" in (target.read_text("utf-8-sig") if target.exists() else "")
    )
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert ["Kind", "Requests"] in rows
    assert ["Statutory withdrawals", str(report.withdrawals)] in rows
    assert ["Goodwill cancellations", str(report.goodwill)] in rows


def test_reports_show_the_shipping_refunded_and_the_fees_shopify_payments_keeps(
    qtbot: QtBot, window: MainWindow, shop: DemoShop, tmp_path: Path
) -> None:
    before = _open_reports(qtbot, window).report
    assert before is not None
    card = shop.create_order("paid")  # Shopify Payments: Shopify reports its fee
    mobilepay = shop.create_order("mobilepay")  # another provider: the fee is unknown
    for order_id in (card, mobilepay):
        shop.add_cancel_request(order_id, "Please cancel my order")
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    window.queue.show_tab(Tab.NEEDS_DECISION)
    for order_id in (card, mobilepay):
        _decide(qtbot, window, "", None, order=shop.order(order_id).name)
    reports = window.reports_window
    assert reports is not None
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.period.setCurrentIndex(1)
    report = reports.report
    assert report is not None

    paid = shop.order(card)
    fee = fee_amount(shop_amount(paid.transactions[0].amount, paid.rate))
    assert report.payment_fees["DKK"] - before.payment_fees.get("DKK", Decimal(0)) == fee
    assert report.fees_unknown == before.fees_unknown + 1
    shipping = sum(
        (shop_amount(shop.order(o).shipping, shop.order(o).rate) for o in (card, mobilepay)),
        Decimal(0),
    )
    assert report.refunded_shipping["DKK"] - before.refunded_shipping.get("DKK", Decimal(0)) == (
        shipping
    )
    text = plain(reports.costs)
    fees_shown = plain(window.formatter.money(Money(report.payment_fees["DKK"], "DKK")))
    shipping_shown = plain(window.formatter.money(Money(report.refunded_shipping["DKK"], "DKK")))
    assert f"Shipping refunded {shipping_shown}, payment fees kept by Shopify {fees_shown}" in text
    assert f"orders with payment fees unknown: {report.fees_unknown}" in text
    assert card not in report.costs_to_read and mobilepay not in report.costs_to_read

    # An order cached before CancelApp kept costs: unknown until read again, from Reports.
    with window.context.database.transaction() as conn:
        conn.execute(
            "DELETE FROM order_costs WHERE order_id = (SELECT id FROM orders WHERE gid = ?)",
            (card,),
        )
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.period.setCurrentIndex(2)
    assert reports.report is not None
    assert reports.report.fees_unknown == report.fees_unknown + 1
    assert card in reports.report.costs_to_read
    assert reports.read_button.isVisible()
    with qtbot.waitSignal(reports.loaded, timeout=WAIT):
        reports.read_button.click()
    assert reports.report is not None and reports.report.costs_to_read == ()
    assert reports.report.payment_fees["DKK"] >= report.payment_fees["DKK"]
    assert reports.report.fees_unknown <= report.fees_unknown  # MobilePay's stays unknown
    assert not reports.read_button.isVisible()
    report = reports.report

    target = tmp_path / "report.csv"
    reports.choose_export()
    assert reports.save_dialog is not None
    reports.save_dialog.fileSelected.emit(str(target))
    qtbot.waitUntil(
        lambda: "shipping unknown" in (target.read_text("utf-8-sig") if target.exists() else "")
    )
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    heading = ["Currency", "Refunded", "Kept", "Shipping refunded", "Payment fees kept by Shopify"]
    dkk = rows[rows.index(heading) + 1 :]
    row = next(r for r in dkk if r and r[0] == "DKK")
    assert (Decimal(row[3]), Decimal(row[4])) == (
        report.refunded_shipping["DKK"],
        report.payment_fees["DKK"],
    )
    assert ["Cancelled orders with payment fees unknown", str(report.fees_unknown)] in rows


def test_an_order_cancelled_in_shopify_is_counted_beside_what_cancelapp_refunded(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    """The money line is CancelApp's refunds; the shipping and fees line covers every
    cancelled order. An order the shop cancelled in Shopify is counted in the first line's
    words, so the two never seem to contradict each other. Esc closes the window."""
    before = _open_reports(qtbot, window).report
    assert before is not None
    elsewhere = shop.create_order("cancelled")  # cancelled and refunded in Shopify itself
    shop.add_cancel_request(elsewhere, "Please cancel my order")
    reports, report = _synced_report(qtbot, window)
    assert report.outcomes["cancelled"] == before.outcomes["cancelled"] + 1
    assert report.refunded == before.refunded  # not through CancelApp
    assert report.cancelled_without_refund == before.cancelled_without_refund + 1
    assert (
        "cancelled orders with no refund through CancelApp (cancelled in Shopify, or nothing "
        f"was paid): {report.cancelled_without_refund}"
    ) in plain(reports.money)

    reports.activateWindow()
    reports.period.setFocus()
    qtbot.keyClick(reports.period, Qt.Key.Key_Escape)
    assert not reports.isVisible()


def test_a_partly_cancelled_item_counts_the_units_cancelled_not_those_ordered(
    qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    """Cancelling 1 of an item's units counts 1 under "Products most often cancelled",
    and the order's other items, still to ship, count nothing; a later sync changes neither
    (QA: 1 of 3 "Linneddug" cancelled, 3 counted)."""
    order_id = shop.create_order("paid")
    while not any(li.quantity >= 2 and li.variant for li in shop.order(order_id).line_items):
        order_id = shop.create_order("paid")
    shop.add_cancel_request(order_id, "Please cancel one of them")
    item = next(li for li in shop.order(order_id).line_items if li.quantity >= 2 and li.variant)
    before = _open_reports(qtbot, window).report
    assert before is not None
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    dialog = open_approve(qtbot, window, order_id)
    assert dialog.panel is not None
    for line in dialog.panel.lines:
        line.quantity.setValue(1 if line.line_item_id.endswith(f"/{item.id}") else 0)
    qtbot.waitUntil(lambda: dialog.settled, timeout=WAIT)
    assert dialog.preview.kind.value == "refund"  # a part of the order, refunded
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done", finished.args[1].message
    after = {li.id: li for li in shop.order(order_id).line_items}
    assert after[item.id].refunded_quantity == 1  # the shop keeps the others to ship

    reports, report = _synced_report(qtbot, window)
    counted, earlier = dict(report.products), dict(before.products)
    titles = {li.title for li in shop.order(order_id).line_items}
    gained = {t: counted.get(t, 0) - earlier.get(t, 0) for t in titles}
    assert gained == {t: int(t == item.title) for t in titles}
    assert (item.title, counted[item.title]) in reports.products.rows


def wrapped_lines(label: QLabel) -> list[str]:
    """The lines `label` shows its text in, laid out at its own width as QLabel does."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    width = label.contentsRect().width() - 2 * label.margin()
    lines: list[str] = []
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        height += line.height()
    layout.endLayout()
    assert abs(label.heightForWidth(label.contentsRect().width()) - height) <= 2 * len(lines)
    return lines


def test_reports_in_danish_on_a_laptop_keep_numbers_with_their_words_and_reasons_whole(
    qapp: QApplication, qtbot: QtBot, window: MainWindow, shop: DemoShop
) -> None:
    """At 1366x768 in Danish: no merge choice is cut short of its longest reason ("Forkert
    størr") nor is a reason beside its bar, and however the window is sized, no number wraps
    onto a line of its own."""
    elsewhere = shop.create_order("cancelled")  # counted as cancelled without a refund
    shop.add_cancel_request(elsewhere, "Please cancel my order")
    window.resize(1366, 768)
    window.context.translations = Translations(qapp)
    try:
        window.use_language(Language.DANISH)
        _open_reports(qtbot, window)
        reports, report = _synced_report(qtbot, window)
        assert report.cancelled_without_refund >= 1
        assert reports.merge_label.text() == "Tæl"  # in Danish
        qtbot.waitExposed(reports)
        combos = reports.findChildren(QComboBox)
        assert {reports.period, reports.merge_from, reports.merge_into} <= set(combos)
        for combo in combos:
            longest = max(
                combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                for i in range(combo.count())
            )
            assert combo.isVisible() and combo.width() > longest, combo.currentText()
        # At the size it opens at, the reasons beside their bars read whole too.
        assert reports.width() == 1000
        assert reports.reasons.shown_labels() == [label for label, _n in reports.reasons.rows]
        assert any(label.startswith("Forkert størrelse") for label, _n in reports.reasons.rows)
        count = window.formatter.locale.toString(report.cancelled_without_refund)
        # The width at which the money line, on one line, would leave only its count over.
        money = reports.money
        text = money.text().replace("\u00a0", " ")
        metrics = money.fontMetrics()
        words = metrics.horizontalAdvance(text.removesuffix(" " + count))
        leaves_count = (words + metrics.horizontalAdvance(text)) // 2
        offset = reports.width() - money.contentsRect().width()
        assert leaves_count + offset < 1366
        for width in (leaves_count + offset, 1000, 800, 640):
            reports.resize(width, 680)
            qtbot.waitUntil(lambda width=width: reports.width() == width, timeout=WAIT)
            reports.layout().activate()
            for label in (reports.summary, reports.money, reports.costs):
                for line in wrapped_lines(label):
                    assert not re.fullmatch(r"[\d.,\s\u00a0]+", line), (width, line)
            (last,) = [line for line in wrapped_lines(money) if line.endswith(count)]
            assert "betalt):" in last, (width, last)
    finally:
        window.context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        window.context.translations = None
