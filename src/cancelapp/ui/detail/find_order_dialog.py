"""Finding the order of an unmatched request: search, compare the candidates, link one, or
close the request with the "we could not find your order" reply.

The dialog only shows and asks; `unmatched_flow.UnmatchedFlow` runs the search, the link and
the close in workers (`session/unmatched.py`) and hands the answers back here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.request import CancellationRequest, RequestSource
from cancelapp.sources.matching import same_email
from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.dialogs.csv_import_dialog import TextRowsModel
from cancelapp.ui.formatting import Formatter

if TYPE_CHECKING:  # the window opens before the session side loads
    from cancelapp.actions.reply import Reply
    from cancelapp.session.unmatched import Candidate, OrderSearch


class FindOrderDialog(QDialog):
    search_requested = Signal(str)
    link_requested = Signal(str)  # the chosen order's id
    close_requested = Signal()

    def __init__(
        self,
        request: CancellationRequest,
        why: str,
        formatter: Formatter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.formatter = formatter
        self.candidates: tuple[Candidate, ...] = ()
        self.setWindowTitle(self.tr("Find the order"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        sender = self._sender_words()
        if request.order_name is None:  # all there is to say: `why` would say it again
            heading = self.tr("Request from {sender}: no order number in the message.")
        else:
            heading = self.tr("Request from {sender}, order as written: {order}. {why}")
        self.heading = plain_label(heading.format(sender=sender, order=request.order_name, why=why))
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.search_edit = QLineEdit(
            request.order_name or request.customer_email or request.customer_name
        )
        self.search_edit.setPlaceholderText(self.tr("Order number, customer email or name"))
        self.search_edit.setAccessibleName(self.tr("Search orders"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("&Search"))
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.status_label = plain_label()
        layout.addWidget(self.status_label)
        headers = [self.tr("Order"), self.tr("Placed"), self.tr("Customer"), self.tr("Total")]
        self.model = TextRowsModel([*headers, self.tr("Read from"), self.tr("Items")], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Orders found"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.confirm_box = QCheckBox()
        self.confirm_box.hide()
        layout.addWidget(self.confirm_box)
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setReadOnly(True)
        self.reply_edit.setAccessibleName(self.tr("Reply to the customer"))
        self.reply_edit.hide()
        layout.addWidget(self.reply_edit)
        self.buttons = QDialogButtonBox()
        self.link_button = QPushButton(self.tr("&Link to this order"))
        self.close_request_button = QPushButton(self.tr("&Close with a reply…"))
        self.close_request_button.setToolTip(
            self.tr("Close the request and write to the customer that the order was not found")
        )
        self.mail_button = QPushButton(self.tr("Open in &mail program"))
        self.copy_button = QPushButton(self.tr("Co&py reply"))
        for button in (self.link_button, self.close_request_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.mail_button, self.copy_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reply: Reply | None = None

        self.search_button.clicked.connect(self._search)
        self.search_edit.returnPressed.connect(self._search)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.confirm_box.toggled.connect(self._update)
        self.link_button.clicked.connect(self._link)
        self.close_request_button.clicked.connect(self._close_request)
        self.mail_button.clicked.connect(self._open_mail)
        self.copy_button.clicked.connect(self._copy)
        self.resize(760, 460)
        self._update()

    # Asking ------------------------------------------------------------------------------------

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            return
        self.set_busy(self.tr("Searching…"))
        self.search_requested.emit(text)

    def _link(self) -> None:
        chosen = self.chosen()
        if chosen is not None and self.link_button.isEnabled():
            self.set_busy(self.tr("Linking {order}…").format(order=chosen.name))
            self.link_requested.emit(chosen.order_id)

    def _close_request(self) -> None:
        self.set_busy(self.tr("Closing the request…"))
        self.close_requested.emit()

    def set_busy(self, text: str) -> None:
        self.status_label.setText(text)
        for widget in (self.search_button, self.link_button, self.close_request_button):
            widget.setEnabled(False)

    def chosen(self) -> Candidate | None:
        rows = self.view.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows else None

    def _sender_words(self) -> str:
        """Who the request is from: the sender's address, else the name given, said to have
        no address."""
        request = self.request
        if request.customer_email:
            return request.customer_email
        if request.customer_name:
            return self.tr("{name} (no email address)").format(name=request.customer_name)
        return self.tr("a customer who gave no name or email address")

    def _typed_in(self) -> bool:
        """The merchant typed the request in (a call, the counter): they named the order."""
        return all(m.source is RequestSource.MANUAL for m in self.request.messages)

    def _needs_confirming(self, candidate: Candidate) -> bool:
        """The order's email is not the sender's: anyone can type another's order number.
        A request the merchant typed in has no sender to compare: they named the order."""
        if not self.request.customer_email and self._typed_in():
            return False
        return not same_email(candidate.email, self.request.customer_email)

    def _confirm_words(self, candidate: Candidate) -> str:
        sender = self.request.customer_email
        if not sender:
            return self.tr(
                "This request has no email address to compare with {order}'s: I have checked "
                "that it is the customer's order"
            ).format(order=candidate.name)
        if not candidate.email:
            return self.tr(
                "{order} has no email address to compare with the sender's {sender}: I have "
                "checked that it is the customer's order"
            ).format(order=candidate.name, sender=sender)
        return self.tr(
            "{order} was placed with {email}, not with the sender's {sender}: I have "
            "checked that it is the customer's order"
        ).format(order=candidate.name, email=candidate.email, sender=sender)

    def _update(self) -> None:
        chosen = self.chosen()
        confirm = chosen is not None and self._needs_confirming(chosen)
        if chosen is not None and confirm:
            self.confirm_box.setText(self._confirm_words(chosen))
        self.confirm_box.setVisible(confirm)
        if not confirm:
            self.confirm_box.setChecked(False)
        self.search_button.setEnabled(True)
        self.link_button.setEnabled(
            chosen is not None and (not confirm or self.confirm_box.isChecked())
        )
        self.close_request_button.setEnabled(self.reply is None)

    # Answers -----------------------------------------------------------------------------------

    def show_results(self, search: OrderSearch) -> None:
        self.candidates = search.candidates
        fmt = self.formatter
        now = datetime.now(UTC)
        self.model.set_rows(
            [
                (
                    c.name,
                    fmt.date_time(c.created_at),
                    ", ".join(part for part in (c.customer, c.email or "") if part),
                    fmt.money(c.total),
                    self._read_from(c, now),
                    "; ".join(c.items) or self.tr("(items load when linked)"),
                )
                for c in search.candidates
            ]
        )
        found = self.tr("%n order(s) found.", "", len(search.candidates))
        limits = [fmt.phrase(limit) for limit in search.limits]
        self.status_label.setText("\n".join([found, *limits]))
        if search.candidates:
            self.view.selectRow(0)
        self._update()

    def _read_from(self, candidate: Candidate, now: datetime) -> str:
        """Where the order's facts come from, in words: Shopify just now, or this computer's
        copy and how old it is (the merchant decides whether to trust it)."""
        if candidate.synced_at is None:
            return self.tr("Shopify, just now")
        return self.tr("This computer's copy, synced {when}").format(
            when=self.formatter.relative(candidate.synced_at, now)
        )

    def show_problem(self, text: str) -> None:
        self.status_label.setText(text)
        self._update()

    def show_reply(self, reply: Reply, *, sending: bool = False) -> None:
        """The request is closed: the reply goes from the merchant's mailbox (`sending`), or
        is ready for the mail program or the clipboard."""
        self.reply = reply
        self.reply_edit.setPlainText(f"{reply.subject}\n\n{reply.body}")
        self.reply_edit.show()
        self.view.hide()
        self.confirm_box.hide()
        for widget in (self.search_edit, self.search_button, self.link_button):
            widget.setEnabled(False)
        self.close_request_button.hide()
        self.link_button.hide()
        self.mail_button.setVisible(not sending)
        self.copy_button.setVisible(not sending)
        if sending:
            text = self.tr("The request is closed. This reply is sent from your mailbox:")
        elif reply.to:
            text = self.tr("The request is closed. Send the customer this reply:")
        else:
            text = self.tr("The request is closed. The customer left no email: copy the reply.")
        self.status_label.setText(text)
        self.mail_button.setEnabled(bool(reply.to))

    def _open_mail(self) -> None:
        if self.reply is not None:
            QDesktopServices.openUrl(QUrl(self.reply.mailto_url))

    def _copy(self) -> None:
        if self.reply is not None:
            QGuiApplication.clipboard().setText(f"{self.reply.subject}\n\n{self.reply.body}")
            self.status_label.setText(self.tr("The reply is on the clipboard."))
