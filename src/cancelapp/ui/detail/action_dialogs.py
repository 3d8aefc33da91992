"""Confirmations before money moves, and the small dialogs (decline reason, note, a typed-in
request, the audit log).

Shown with `open()`; the answer comes through `accepted` / `rejected`, so tests drive them
with signals. The confirm dialog lists exactly what will be sent, from the actions engine's
`Preview`: refunds per payment, store credit, kept fee, restock per location, customer email,
tags and note, holds, and warnings first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.detail.reply_preview import ReplyFacts, ReplyPreview
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.theme import banner_colors, is_dark

if TYPE_CHECKING:
    from cancelapp.actions.prepare.preview import Preview


class ConfirmActionDialog(QDialog):
    """`read_at`: the preview was built from the copy of the order read then (offline)."""

    def __init__(
        self,
        preview: Preview,
        formatter: Formatter,
        parent: QWidget | None = None,
        *,
        read_at: datetime | None = None,
        reply: ReplyFacts | None = None,
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.formatter = formatter
        confirm_text = formatter.phrase(preview.confirm_label)
        self.setWindowTitle(self.tr("Confirm: {order}").format(order=preview.order_name))
        self.setAccessibleName(self.tr("Confirm action"))
        layout = QVBoxLayout(self)
        heading = plain_label(f"{preview.order_name}: {confirm_text}")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)
        self.warning_labels: list[QLabel] = []
        colours = banner_colors(is_dark())
        warnings = [formatter.phrase(warning) for warning in preview.warnings]
        if read_at is not None:
            warnings.insert(
                0,
                self.tr(
                    "Shopify cannot be reached: this is from the copy of the order read "
                    "{ago}. The decision is queued and carried out once Shopify answers, "
                    "if the order has not changed meanwhile."
                ).format(ago=formatter.relative(read_at, datetime.now(UTC))),
            )
        for warning in warnings:
            label = plain_label(warning)
            label.setStyleSheet(
                f"QLabel {{ background: {colours.background.name()};"
                f" color: {colours.text.name()}; padding: 6px; border-radius: 4px; }}"
            )
            label.setAccessibleName(self.tr("Warning"))
            layout.addWidget(label)
            self.warning_labels.append(label)
        form = QFormLayout()
        for name, value in self.rows():
            field = plain_label(value)
            field.setAccessibleName(name)
            form.addRow(plain_label(name, selectable=False), field)
        layout.addLayout(form)
        self.reply_preview: ReplyPreview | None = None
        if reply is not None:
            self.reply_preview = ReplyPreview(reply, self)
            layout.addWidget(self.reply_preview)
        self.message_edit: QPlainTextEdit | None = None
        if preview.service_message is not None:
            layout.addWidget(plain_label(self.tr("Message to the warehouse:"), selectable=False))
            self.message_edit = QPlainTextEdit(preview.service_message)
            self.message_edit.setAccessibleName(self.tr("Message to the warehouse"))
            self.message_edit.setTabChangesFocus(True)
            self.message_edit.setMaximumHeight(90)
            layout.addWidget(self.message_edit)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm_text)
        self.confirm_button.setAccessibleName(confirm_text)
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Do nothing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

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
                    self.tr("Refund via {gateway}").format(gateway=refund.gateway),
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
            rows.append((self.tr("Fee kept"), fmt.money(p.kept_fee)))
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
        rows.append(
            (self.tr("Email the customer"), self.tr("Yes") if p.notify_customer else self.tr("No"))
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
    (a Shopify field's maximum length) a counter shows the characters used, and text beyond
    the limit is cut off as it is typed or pasted."""

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
        layout.addWidget(self.counter)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(confirm)
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(420)
        if text:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    @property
    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        if self.limit is not None:
            self._cap(self.limit)
            self.counter.setText(
                self.tr("{used} of {limit} characters").format(
                    used=len(self.editor.toPlainText()), limit=self.limit
                )
            )
        self.confirm_button.setEnabled(bool(self.text))

    def _cap(self, limit: int) -> None:
        """Drop what was just typed or pasted beyond the limit (before the cursor), or the
        end when the text was set whole."""
        whole = self.editor.toPlainText()
        excess = len(whole) - limit
        if excess <= 0:
            return
        position = self.editor.textCursor().position()
        if position >= excess:
            whole, position = whole[: position - excess] + whole[position:], position - excess
        else:
            whole, position = whole[:limit], min(position, limit)
        with QSignalBlocker(self.editor):
            self.editor.setPlainText(whole)
        cursor = self.editor.textCursor()
        cursor.setPosition(position)
        self.editor.setTextCursor(cursor)

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
        self.order.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(420)

    def _update(self) -> None:
        has_number = any(ch.isdigit() for ch in self.order.text())
        self.confirm_button.setEnabled(has_number and bool(self.reason.toPlainText().strip()))


class AuditLogDialog(QDialog):
    """Every money-moving step and decision, newest first; export to CSV for the accountant."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.setAccessibleName(self.windowTitle())
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setPlainText("\n".join(lines) or self.tr("Nothing has been done yet."))
        self.view.setAccessibleName(self.tr("Audit log entries"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(760, 480)
