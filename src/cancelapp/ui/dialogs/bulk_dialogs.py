"""Approving or declining several requests: the one confirmation, then progress per order.

`BulkConfirmDialog` sums what will happen (orders, refunds per currency in the merchant's
locale, units restocked, customers emailed), says when the orders go (after the undo window,
all taken back by one Undo; at once without one) and lists the requests left out and why.
`BulkProgressDialog` shows each order as it is sent, a Stop button (no new order starts; those
already sent finish) and, at the end, what succeeded, failed and why. Both are shown with
`open()` and answer through signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.action import ActionKind
from cancelapp.domain.phrase import Phrase
from cancelapp.session.bulk import BulkKind, BulkPlan, BulkRun, LeftOut, OrderState
from cancelapp.ui.detail.detail_pane import plain_label

if TYPE_CHECKING:
    from cancelapp.ui.formatting import Formatter


class BulkConfirmDialog(QDialog):
    def __init__(
        self,
        bulk: BulkPlan,
        formatter: Formatter,
        reason: str | None = None,
        parent: QWidget | None = None,
        *,
        undo_seconds: float = 0.0,
    ) -> None:
        super().__init__(parent)
        self.bulk = bulk
        self.formatter = formatter
        self.reason = reason
        count = len(bulk.plans)
        approve = bulk.kind is BulkKind.APPROVE
        if approve:
            self.setWindowTitle(self.tr("Approve selected requests"))
            confirm_text = self.tr("Approve %n order(s)", "", count)
        else:
            self.setWindowTitle(self.tr("Decline selected requests"))
            confirm_text = self.tr("Decline %n request(s)", "", count)
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        heading = plain_label(confirm_text)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        form = QFormLayout()
        for name, value in self.rows():
            field = plain_label(value, selectable=True)
            field.setAccessibleName(name)
            form.addRow(plain_label(name, wrap=False), field)  # a value on several lines
        layout.addLayout(form)
        self.pace_label = plain_label(
            self.tr(
                "Sent %n order(s) at a time, to stay within Shopify's rate limit. Each order "
                "is checked against Shopify again just before it is sent and is kept on its "
                "own in the journal, so one that fails does not hold up the others.",
                "",
                bulk.at_once,
            )
        )
        layout.addWidget(self.pace_label)
        seconds = round(undo_seconds)
        self.undo_label = plain_label(
            self.tr(
                "Sent when your undo window of {seconds} s is over; until then one Undo "
                "(Ctrl+Z) takes back all of them."
            ).format(seconds=formatter.locale.toString(seconds))
            if undo_seconds > 0
            else self.tr(
                "Sent as soon as you confirm: your undo window is off (Settings), so they "
                "cannot be taken back."
            )
        )
        self.undo_label.setAccessibleName(self.tr("When they are sent"))
        layout.addWidget(self.undo_label)
        # A bulk decision sends no reply of CancelApp's own (approve and decline alike): only
        # Shopify's own emails go out. Said plainly, with how to reply.
        self.no_reply_label = plain_label(
            self.tr(
                "CancelApp sends no reply when it decides several requests at once, so the "
                "customers counted under Not emailed will not be told by email. To reply to "
                "them, choose Do nothing and decide those requests one at a time: each "
                "decision shows its reply to the customer before it is sent."
            )
        )
        self.no_reply_label.setAccessibleName(self.tr("Customers not emailed"))
        self.no_reply_label.setVisible(self.customers_not_emailed > 0)
        layout.addWidget(self.no_reply_label)
        self.warehouse_lines = [plan.order_name for plan in bulk.warehouse_first]
        self.warehouse_label: QLabel | None = None
        if self.warehouse_lines:
            self.warehouse_label = plain_label(
                self.tr(
                    "The warehouse must agree first (%n): a fulfillment service has accepted "
                    "these orders, so CancelApp asks it to cancel them. Nothing is refunded "
                    "now; once the warehouse agrees, each request comes back for the cancel "
                    "and refund.",
                    "",
                    len(self.warehouse_lines),
                )
            )
            layout.addWidget(self.warehouse_label)
            layout.addWidget(self._list(self.warehouse_lines, self.tr("Warehouse asked first")))
        self.left_out_lines = [self.left_out_line(item) for item in bulk.left_out]
        if self.left_out_lines:
            layout.addWidget(plain_label(self.tr("Left out (%n):", "", len(self.left_out_lines))))
            layout.addWidget(self._list(self.left_out_lines, self.tr("Requests left out")))
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm_text)
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(count > 0)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Do nothing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @staticmethod
    def _list(lines: list[str], name: str) -> QPlainTextEdit:
        """Read-only lines that wrap long reasons and scroll when many."""
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setPlainText("\n".join(lines))
        text.setAccessibleName(name)
        text.setMaximumHeight(text.fontMetrics().lineSpacing() * min(2 * len(lines), 6) + 12)
        return text

    def rows(self) -> list[tuple[str, str]]:
        """The summary as label/value lines (also what tests read)."""
        fmt = self.formatter
        summary = self.bulk.summary
        rows = [(self.tr("Orders"), fmt.locale.toString(self.bulk.cancels))]
        if self.bulk.kind is BulkKind.APPROVE:
            rows += self._refund_rows()
            # Authorized, never captured (the authorization is released) or nothing paid.
            unpaid = sum(1 for plan in self.bulk.plans if plan.refund_total is None)
            unpaid -= len(self.bulk.warehouse_first)
            if unpaid:
                rows.append((self.tr("Orders with nothing to refund"), fmt.locale.toString(unpaid)))
            rows.append((self.tr("Units restocked"), fmt.locale.toString(summary.units_restocked)))
            if asks := len(self.bulk.warehouse_first):
                rows.append((self.tr("Warehouse asked first"), fmt.locale.toString(asks)))
        if self.reason is not None:
            rows.append((self.tr("Reason"), self.reason))
        rows.append((self.tr("Emailed by Shopify"), fmt.locale.toString(summary.customers_emailed)))
        if not_told := self.customers_not_emailed:
            rows.append((self.tr("Not emailed"), fmt.locale.toString(not_told)))
        return rows

    def _refund_rows(self) -> list[tuple[str, str]]:
        """The refunds' total. Each refund goes in its customer's currency: when one is not the
        shop's, the merchant's own figure comes first, the orders' totals as the queue lists
        them, then what the customers get back per currency, labelled so (second QA
        walkthrough: "DKK 238.00 / EUR 227.06 / KWD 61.383" beside a list all in DKK)."""
        fmt = self.formatter
        refunds = self.bulk.summary.refund_totals
        if not refunds:
            return [(self.tr("Refund in total"), self.tr("No money is refunded"))]
        listed = self.bulk.orders_total
        if listed is None or all(m.currency == listed.currency for m in refunds):
            return [(self.tr("Refund in total"), "\n".join(fmt.money(m) for m in refunds))]
        return [
            (self.tr("Total, as listed"), fmt.money(listed)),
            (
                self.tr("Customers get back"),
                "\n".join(fmt.money(m) for m in refunds),
            ),
        ]

    @property
    def customers_not_emailed(self) -> int:
        """Customers nobody emails: a bulk decision sends no reply of CancelApp's own."""
        return max(len(self.bulk.plans) - self.bulk.summary.customers_emailed, 0)

    def left_out_line(self, item: LeftOut) -> str:
        why = self.formatter.phrase(item.why)
        if item.reason is not None:
            why = f"{why} {self.formatter.phrase(item.reason)}"
        return self.tr("{order}: {why}").format(order=item.order_name or "–", why=why)


class BulkProgressDialog(QDialog):
    """Each order's state as it goes; Stop while running, Close once every order ended."""

    stop_requested = Signal()

    def __init__(self, run: BulkRun, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.formatter = formatter
        approve = run.bulk.kind is BulkKind.APPROVE
        self.setWindowTitle(
            self.tr("Approving selected requests")
            if approve
            else self.tr("Declining selected requests")
        )
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(run.orders))
        self.progress.setAccessibleName(self.tr("Orders done"))
        layout.addWidget(self.progress)
        self.orders = QListWidget()
        self.orders.setAccessibleName(self.tr("Orders"))
        self.orders.addItems([self.order_line(i) for i in range(len(run.orders))])
        layout.addWidget(self.orders)
        self.waiting = plain_label(selectable=True)  # Shopify silent past a merchant's patience
        self.waiting.setAccessibleName(self.tr("Waiting for Shopify"))
        self.waiting.hide()
        layout.addWidget(self.waiting)
        self.summary = plain_label(selectable=True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.hide()
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Start no further orders; those already sent finish"))
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.stop_button.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def order_line(self, index: int) -> str:
        order = self.run.orders[index]
        why: str | Phrase | None = None
        states = {
            OrderState.WAITING: self.tr("waiting"),
            OrderState.SENDING: self.tr("sending…"),
            OrderState.DONE: self.tr("done"),
            OrderState.FAILED: self.tr("failed"),
            OrderState.NOT_STARTED: self.tr("not started"),
            OrderState.TAKEN_BACK: self.tr("taken back; nothing sent"),
        }
        if order.state is OrderState.DONE and order.outcome is not None:
            if order.outcome.status.value == "queued" and order.outcome.unreachable:
                states[OrderState.DONE] = self.tr("queued until Shopify can be reached")
            elif order.outcome.status.value == "queued":  # after the order's action on its way
                states[OrderState.DONE] = self.tr("queued")
                why = order.outcome.message
            elif order.plan.kind is ActionKind.CANCELLATION_REQUEST:
                states[OrderState.DONE] = self.tr("asked the warehouse; waiting for its answer")
            elif order.outcome.status.value == "pending":
                states[OrderState.DONE] = self.tr("sent; waiting for Shopify to confirm")
        text = self.tr("{order}: {state}").format(
            order=order.plan.order_name, state=states[order.state]
        )
        if order.state is not OrderState.DONE:
            why = order.why
        if order.state is OrderState.NOT_STARTED and why is not None:  # the reason says it
            state = self.formatter.phrase(why) if isinstance(why, Phrase) else why
            return self.tr("{order}: {state}").format(order=order.plan.order_name, state=state)
        if why is not None:
            words = self.formatter.phrase(why) if isinstance(why, Phrase) else why
            text = f"{text} ({words})"
        return text

    def show_order(self, index: int) -> None:
        item = self.orders.item(index)
        item.setText(self.order_line(index))
        self.orders.scrollToItem(item)
        ended = sum(
            1
            for order in self.run.orders
            if order.state
            in (OrderState.DONE, OrderState.FAILED, OrderState.NOT_STARTED, OrderState.TAKEN_BACK)
        )
        self.progress.setValue(ended)

    def show_waiting(self, seconds: float | None, in_flight: list[str], stopped: bool) -> None:
        """Shopify has not answered the oldest order in flight for `seconds` (None: all is
        well). Once stopped, the dialog may close: those in flight finish on their workers."""
        if seconds is None or not in_flight:
            self.waiting.hide()
            return
        waited = self.formatter.locale.toString(round(seconds))
        orders = ", ".join(in_flight)
        one = len(in_flight) == 1
        if stopped:
            text = (
                self.tr(
                    "Shopify has not answered for {seconds} s. Close: {orders} finishes in the "
                    "background; its result will show in the queue."
                )
                if one
                else self.tr(
                    "Shopify has not answered for {seconds} s. Close: {orders} finish in the "
                    "background; their results will show in the queue."
                )
            )
            self.stop_button.setText(self.tr("Stopped"))  # no order is left to start
            self.close_button.setEnabled(True)
        elif self.run.count(OrderState.WAITING):
            text = (
                self.tr(
                    "Shopify has not answered for {seconds} s; {orders} is on its way, the "
                    "rest wait."
                )
                if one
                else self.tr(
                    "Shopify has not answered for {seconds} s; {orders} are on their way, the "
                    "rest wait."
                )
            )
        else:
            text = (
                self.tr("Shopify has not answered for {seconds} s; {orders} is on its way.")
                if one
                else self.tr("Shopify has not answered for {seconds} s; {orders} are on their way.")
            )
        self.waiting.setText(text.format(seconds=waited, orders=orders))
        self.waiting.show()

    def show_all(self) -> None:
        for index in range(len(self.run.orders)):
            self.show_order(index)

    def show_summary(self) -> None:
        self.show_all()
        self.summary.setText(self.summary_text())
        self.summary.show()
        self.waiting.hide()
        self.stop_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def show_summary_again(self) -> None:
        """An order's result came later (Shopify confirmed it): the summary counts it."""
        if self.summary.isVisible() or self.summary.text():
            self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        run = self.run
        unconfirmed = sum(
            1
            for order in run.orders
            if order.state is OrderState.DONE
            and order.outcome is not None
            and order.outcome.status.value == "pending"
        )
        succeeded = run.count(OrderState.DONE) - unconfirmed
        parts = [self.tr("%n succeeded", "", succeeded)] if succeeded or not unconfirmed else []
        if unconfirmed:
            parts.append(self.tr("%n sent; Shopify has yet to confirm", "", unconfirmed))
        if failed := run.count(OrderState.FAILED):
            parts.append(self.tr("%n failed (see why above)", "", failed))
        if not_started := run.count(OrderState.NOT_STARTED):
            parts.append(self.tr("%n not started", "", not_started))
        if taken_back := run.count(OrderState.TAKEN_BACK):
            parts.append(self.tr("%n taken back", "", taken_back))
        if still_queued := run.count(OrderState.WAITING):  # could not be taken back yet
            parts.append(self.tr("%n still queued: press Undo", "", still_queued))
        return " · ".join(parts)

    def _stop(self) -> None:
        self.stop_button.setEnabled(False)
        self.stop_button.setText(self.tr("Stopping…"))
        self.stop_requested.emit()

    def reject(self) -> None:
        """Escape or the window's close button: stop first; close once every order ended."""
        if self.run.done or self.close_button.isEnabled():  # the rest finish in the background
            super().reject()
        elif self.stop_button.isEnabled():
            self._stop()
