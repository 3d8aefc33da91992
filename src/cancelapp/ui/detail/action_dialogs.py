"""Confirmations before money moves, and the small dialogs (decline reason, note, a typed-in
request, the audit log).

Shown with `open()`; the answer comes through `accepted` / `rejected`, so tests drive them
with signals. The confirm dialog lists exactly what will be sent, from the actions engine's
`Preview`: refunds per payment, store credit, kept fee, restock per location, customer email,
tags and note, holds, and warnings first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.actions.prepare.choices import AmountChoice
from cancelapp.ui.ctrl_return import ctrl_return_clicks
from cancelapp.ui.detail.approve_choices import ApproveChoicesPanel
from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.detail.order_words import gateway_words
from cancelapp.ui.detail.reply_preview import ReplyFacts, ReplyPreview
from cancelapp.ui.dialog_fit import ScrollingForm, fit_to_screen
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.theme import banner_colors, is_dark

if TYPE_CHECKING:
    from cancelapp.actions.prepare.preview import Preview

WIDTH = 520
WIDTH_WITH_CHOICES = 1000  # the choices beside what will happen; less on a narrow screen
SETTLE_MS = 300  # a new preview once the merchant pauses, not one per keystroke


class ConfirmActionDialog(QDialog):
    """`read_at`: the preview was built from the copy of the order read then (offline).

    An approve's preview (`Preview.options`) shows its choices beside what will happen; a
    change emits `choices_changed`, and the new preview comes back through `show_preview`
    (or `show_problem`). Confirm waits for the preview of what is chosen."""

    choices_changed = Signal(object)  # ApproveChoices
    preview_shown = Signal()
    email_settings_wanted = Signal()  # the reply's "Email settings…"

    def __init__(
        self,
        preview: Preview,
        formatter: Formatter,
        parent: QWidget | None = None,
        *,
        read_at: datetime | None = None,
        reply_for: Callable[[Preview], ReplyFacts | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.formatter = formatter
        self.read_at = read_at
        self.setWindowTitle(self.tr("Confirm: {order}").format(order=preview.order_name))
        self.setAccessibleName(self.tr("Confirm action"))
        layout = QVBoxLayout(self)
        self.heading = plain_label()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.status_label = plain_label()
        self.status_label.setAccessibleName(self.tr("Preview status"))
        self.status_label.setVisible(False)
        self.warning_labels: list[QLabel] = []
        # The reply the customer will get, composed for the preview on screen.
        self.reply_for = reply_for
        facts = reply_for(preview) if reply_for is not None else None
        self.reply_preview: ReplyPreview | None = ReplyPreview(facts) if facts is not None else None
        self.summary_layout = QVBoxLayout()
        self.summary: QWidget | None = None
        self.panel: ApproveChoicesPanel | None = None
        self._pending: object = None
        # What is chosen on screen cannot be previewed (an amount that cannot be refunded, or
        # the plan was refused): a preview still on its way is of earlier choices.
        self._unpreviewable = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._send_choices)
        # The choices (first in the tab order), what will happen, the reply and the
        # warehouse's message scroll; the heading and the buttons stay.
        self.choices_scroll: ScrollingForm | None = None
        if preview.options is not None:
            self.panel = ApproveChoicesPanel(preview.options, formatter)
            self.panel.changed.connect(self._chosen)
            self.panel.problem.connect(self.show_problem)
            self.choices_scroll = ScrollingForm(self.panel)
        self.facts_column = QWidget()
        right = QVBoxLayout(self.facts_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.status_label)
        right.addLayout(self.summary_layout)
        if self.reply_preview is not None:
            right.addWidget(self.reply_preview)
            self.reply_preview.email_settings_wanted.connect(self.email_settings_wanted)
        self.message_edit: QPlainTextEdit | None = None
        if preview.service_message is not None:
            right.addWidget(plain_label(self.tr("Message to the warehouse:"), selectable=False))
            self.message_edit = QPlainTextEdit(preview.service_message)
            self.message_edit.setAccessibleName(self.tr("Message to the warehouse"))
            self.message_edit.setTabChangesFocus(True)
            self.message_edit.setFixedHeight(90)
            right.addWidget(self.message_edit)
            self.message_counter = plain_label(selectable=False)
            self.message_counter.setAccessibleName(self.tr("Characters used"))
            right.addWidget(self.message_counter)
            self.message_edit.textChanged.connect(self._check_message)
        right.addStretch(1)
        self.facts_scroll = ScrollingForm(self.facts_column)
        if self.choices_scroll is not None:
            columns = QHBoxLayout()
            columns.addWidget(self.choices_scroll, 3)
            columns.addWidget(self.facts_scroll, 2)
            layout.addLayout(columns, 1)
        else:
            layout.addWidget(self.facts_scroll, 1)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton()
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Do nothing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctrl_return_clicks(self, self.confirm_button)  # from the reply or the warehouse message
        self._fill(preview)

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self, WIDTH if self.panel is None else WIDTH_WITH_CHOICES)
        super().showEvent(event)

    def show_preview(self, preview: Preview) -> None:
        """The preview of what is chosen now: confirm sends exactly this. One that comes back
        after the merchant changed the choices again (still to be sent) or made them
        unpreviewable is of choices no longer on screen: it is dropped, confirm stays off."""
        if self._settle.isActive() or self._unpreviewable:
            return
        self.preview = preview
        if self.panel is not None and preview.options is not None:
            self.panel.show_amounts(preview.options)
        self._fill(preview)
        if self.reply_preview is not None and self.reply_for is not None:
            facts = self.reply_for(preview)
            if facts is not None:
                self.reply_preview.refresh(facts)
        self.preview_shown.emit()

    def recheck_reply(self) -> None:
        """The email settings were open: the reply is sent from a mailbox set up there."""
        if self.reply_preview is not None and self.reply_for is not None:
            facts = self.reply_for(self.preview)
            if facts is not None:
                self.reply_preview.refresh(facts)

    def accept(self) -> None:
        """Only the preview on screen is sent: never while a new one is on its way."""
        if self.panel is not None and not self.settled:
            return
        super().accept()

    @property
    def settled(self) -> bool:
        """The preview on screen is of what is chosen: confirm sends exactly that."""
        return self.confirm_button.isEnabled() and not self._settle.isActive()

    def show_problem(self, message: str) -> None:
        """What is chosen cannot be done (`message` says why): nothing to confirm, and no
        preview of earlier choices may turn confirm back on."""
        self._settle.stop()
        self._pending = None
        self._unpreviewable = True
        self.status_label.setText(message)
        self.status_label.setVisible(True)
        self.confirm_button.setEnabled(False)

    def _chosen(self, choices: object) -> None:
        self._unpreviewable = False
        self.status_label.setText(self.tr("Working out the refund…"))
        self.status_label.setVisible(True)
        self.confirm_button.setEnabled(False)
        self._pending = choices
        self._settle.start()  # one new preview once the typing or clicking pauses

    def _send_choices(self) -> None:
        self.choices_changed.emit(self._pending)

    def _fill(self, preview: Preview) -> None:
        formatter = self.formatter
        confirm_text = formatter.phrase(preview.confirm_label)
        self.heading.setText(f"{preview.order_name}: {confirm_text}")
        self.confirm_button.setText(confirm_text)
        self.confirm_button.setAccessibleName(confirm_text)
        self.confirm_button.setEnabled(True)
        self.status_label.setVisible(False)
        self._check_message()
        if self.summary is not None:
            self.summary_layout.removeWidget(self.summary)
            self.summary.deleteLater()
        self.summary = QWidget()
        box = QVBoxLayout(self.summary)
        box.setContentsMargins(0, 0, 0, 0)
        self.warning_labels = []
        colours = banner_colors(is_dark())
        warnings = [formatter.phrase(warning) for warning in preview.warnings]
        if self.read_at is not None:
            warnings.insert(
                0,
                self.tr(
                    "Shopify cannot be reached: this is from the copy of the order read "
                    "{ago}. The decision is queued and carried out once Shopify answers, "
                    "if the order has not changed meanwhile."
                ).format(ago=formatter.relative(self.read_at, datetime.now(UTC))),
            )
        for warning in warnings:
            label = plain_label(warning)
            label.setStyleSheet(
                f"QLabel {{ background: {colours.background.name()};"
                f" color: {colours.text.name()}; padding: 6px; border-radius: 4px; }}"
            )
            label.setAccessibleName(self.tr("Warning"))
            box.addWidget(label)
            self.warning_labels.append(label)
        form = QFormLayout()
        for name, value in self.rows():
            field = plain_label(value)
            field.setAccessibleName(name)
            form.addRow(plain_label(name, selectable=False), field)
        box.addLayout(form)
        self.summary_layout.addWidget(self.summary)

    def _check_message(self) -> None:
        """The message to the warehouse within its length, counted; never cut: confirm waits
        until the merchant shortens it."""
        if self.message_edit is None:
            return
        from cancelapp.actions.prepare.warehouse import MESSAGE_LIMIT

        used = len(self.message_edit.toPlainText().strip())
        counted = self.tr("{used} of {limit} characters").format(used=used, limit=MESSAGE_LIMIT)
        if used > MESSAGE_LIMIT:
            counted += "  " + self.tr("Shorten the message by {excess} to send it.").format(
                excess=used - MESSAGE_LIMIT
            )
        self.message_counter.setText(counted)
        if self.status_label.isHidden():  # a preview on screen: only the length holds it back
            self.confirm_button.setEnabled(used <= MESSAGE_LIMIT)

    @property
    def service_message(self) -> str | None:
        """The message to the warehouse as the merchant left it, or None when none is sent."""
        return self.message_edit.toPlainText() if self.message_edit is not None else None

    def rows(self) -> list[tuple[str, str]]:
        """The preview as label/value lines (also what tests read)."""
        fmt = self.formatter
        p = self.preview
        rows: list[tuple[str, str]] = []
        for refund in p.refunds:
            rows.append(
                (
                    self.tr("Refund via {gateway}").format(gateway=gateway_words(refund.gateway)),
                    fmt.money(refund.amount),
                )
            )
        if p.store_credit is not None:
            credit = fmt.money(p.store_credit)
            if p.store_credit_expires_at is not None:
                credit = self.tr("{amount}, expires {date}").format(
                    amount=credit, date=fmt.date(p.store_credit_expires_at)
                )
            rows.append((self.tr("Store credit"), credit))
        total = p.refund_total
        if total is not None and (len(p.refunds) > 1 or p.store_credit is not None):
            rows.append((self.tr("Refund in total"), fmt.money(total)))
        if total is None:
            rows.append((self.tr("Refund"), self.tr("No money is refunded")))
        if p.kept_fee is not None and not p.kept_fee.is_zero():
            typed = p.options is not None and p.options.choices.amount is AmountChoice.TYPED
            label = self.tr("Not refunded") if typed else self.tr("Fee kept")
            rows.append((label, fmt.money(p.kept_fee)))
        if p.shopify_total is not None:
            rows.append((self.tr("Shopify's own calculation"), fmt.money(p.shopify_total)))
        for line in p.restock:
            where = line.location_name or self.tr("its location")
            rows.append(
                (
                    self.tr("Restock"),
                    self.tr("{quantity} × {item} at {location}").format(
                        quantity=line.quantity, item=line.title, location=where
                    ),
                )
            )
        for location in p.holds:
            rows.append((self.tr("Shipping hold"), location))
        if p.customer_emails:
            for email in p.customer_emails:
                rows.append((self.tr("Customer email"), fmt.phrase(email)))
        else:
            rows.append(
                (
                    self.tr("Email the customer"),
                    self.tr("Yes") if p.notify_customer else self.tr("No"),
                )
            )
        if p.tags_added:
            rows.append((self.tr("Tags added"), ", ".join(p.tags_added)))
        if p.note_added:
            rows.append((self.tr("Order note"), p.note_added))
        if p.staff_note:
            rows.append((self.tr("Staff note"), p.staff_note))
        return rows


class TextDialog(QDialog):
    """One plain-text field and a confirm button: the decline reason, a note. With a `limit`
    (a Shopify field's maximum length) a counter shows the characters used; past the limit
    the text stays as typed (nothing is cut behind the merchant's back), a line says how much
    to shorten it, and the confirm button waits until it fits."""

    def __init__(
        self,
        title: str,
        prompt: str,
        confirm: str,
        text: str = "",
        parent: QWidget | None = None,
        *,
        limit: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(prompt, selectable=False))
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setAccessibleName(prompt)
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor)
        self.limit = limit
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setVisible(limit is not None)
        self.counter.setAccessibleName(self.tr("Characters used"))
        layout.addWidget(self.counter)
        self.too_long = plain_label(selectable=False)
        self.too_long.setAccessibleName(self.tr("Too long"))
        self.too_long.setVisible(False)
        layout.addWidget(self.too_long)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm)
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctrl_return_clicks(self, self.confirm_button)
        self.editor.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(420)
        if text:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    @property
    def text(self) -> str:
        return self.editor.toPlainText().strip()

    @property
    def fits(self) -> bool:
        """Within the limit (counted as it is sent: without surrounding blanks)."""
        return self.limit is None or len(self.text) <= self.limit

    def accept(self) -> None:
        """Never a text too long, however confirmed (Enter included)."""
        if self.fits:
            super().accept()

    def _update(self) -> None:
        excess = 0
        if self.limit is not None:
            used = len(self.text)
            excess = used - self.limit
            self.counter.setText(
                self.tr("{used} of {limit} characters").format(used=used, limit=self.limit)
            )
        self.too_long.setVisible(excess > 0)
        if excess > 0:
            self.too_long.setText(
                self.tr(
                    "Shopify takes at most {limit} characters here. Shorten the text by "
                    "{excess} to continue."
                ).format(limit=self.limit, excess=excess)
            )
        self.confirm_button.setEnabled(bool(self.text) and excess <= 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.editor.setFocus(Qt.FocusReason.PopupFocusReason)


class NewRequestDialog(QDialog):
    """A request the merchant types in: a phone call, a word at the counter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New cancellation request"))
        self.setAccessibleName(self.windowTitle())
        self.order = QLineEdit()
        self.order.setPlaceholderText("#1001")
        self.customer = QLineEdit()
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        form = QFormLayout()
        for label, field in (
            (self.tr("&Order number"), self.order),
            (self.tr("&Customer (optional)"), self.customer),
            (self.tr("&What the customer said"), self.reason),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            field.setAccessibleName(label.replace("&", ""))
            form.addRow(caption, field)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("Add request"))
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        ctrl_return_clicks(self, self.confirm_button)
        self.order.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(420)

    def _update(self) -> None:
        has_number = any(ch.isdigit() for ch in self.order.text())
        self.confirm_button.setEnabled(has_number and bool(self.reason.toPlainText().strip()))
