"""The selected request: order summary, line items, messages, verdict, suggestion, timeline.

Every label is plain text: customer-written text (messages, names, notes, tags) is shown
literally, never interpreted as HTML.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.order import Order
from cancelapp.domain.verdict import ConditionCheck, RefundMethod, SuggestedAction, Verdict
from cancelapp.ui.detail_loader import RequestDetail
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.queue_labels import (
    action_state_label,
    financial_label,
    fulfillment_label,
    outcome_label,
    request_state_label,
    risk_label,
    source_label,
)
from cancelapp.ui.theme import badge_colors, is_dark

_TITLE_CHARS = 30
_CHECK = "\u2713"  # ✓
_CROSS = "\u2717"  # ✗


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def split_checks(verdict: Verdict) -> tuple[list[ConditionCheck], list[ConditionCheck]]:
    """The deciding rule's conditions, and the one condition that ruled out each earlier rule.

    The engine checks rule after rule and stops a rule at its first unmet condition, so the
    checks end with the deciding rule's run of met conditions; every unmet one before that
    closed a rule that did not apply.
    """
    checks = list(verdict.checks)
    last_unmet = max((i for i, c in enumerate(checks) if not c.matched), default=-1)
    return checks[last_unmet + 1 :], [c for c in checks if not c.matched]


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class DetailPane(QScrollArea):
    def __init__(self, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = formatter
        self.detail: RequestDetail | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Wrapped text fits the pane's width; long item names are shortened (full on hover).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Request details"))
        self.message_labels: list[QLabel] = []
        self.show_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_detail(self.detail)
        super().changeEvent(event)

    def show_empty(self, text: str | None = None) -> None:
        self.detail = None
        content = QWidget()
        layout = QVBoxLayout(content)
        hint = plain_label(text or self.tr("Select a request to see its order."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.message_labels = []
        self._replace(content)

    def show_detail(self, detail: RequestDetail | None) -> None:
        if detail is None:
            self.show_empty()
            return
        self.detail = detail
        self.message_labels = []
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(self._header(detail))
        layout.addWidget(self._verdict(detail.verdict))
        if detail.order is not None:
            layout.addWidget(self._section(self.tr("Order"), self._summary(detail)))
            layout.addWidget(self._section(self.tr("Items"), self._line_items(detail.order)))
            if detail.order.fulfillment_orders:
                layout.addWidget(
                    self._section(self.tr("Fulfillment"), self._fulfillment(detail.order))
                )
        layout.addWidget(self._section(self.tr("Messages"), self._messages(detail)))
        layout.addWidget(self._section(self.tr("Timeline"), self._timeline(detail)))
        layout.addStretch(1)
        self._replace(content)

    def _replace(self, content: QWidget) -> None:
        old = self.takeWidget()
        self.setWidget(content)
        if old is not None:
            old.deleteLater()

    # Sections ------------------------------------------------------------------------------------

    def _section(self, title: str, body: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = plain_label(title, selectable=False)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        layout.addWidget(body)
        return box

    def _header(self, detail: RequestDetail) -> QWidget:
        request, order = detail.request, detail.order
        name = (order.name if order else request.order_name) or self.tr("No order matched")
        customer = order.customer_name if order else ""
        email = (order.customer_email if order else None) or request.customer_email or ""
        title = plain_label(name, selectable=True)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Order name"))
        who = " · ".join(part for part in (customer, email) if part)
        state = request_state_label(request.state.value)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(plain_label(who, selectable=True))
        layout.addWidget(plain_label(state))
        return box

    def _summary(self, detail: RequestDetail) -> QWidget:
        order = detail.order
        assert order is not None
        fmt = self.formatter
        form = QWidget()
        layout = QHBoxLayout(form)
        layout.setContentsMargins(0, 0, 0, 0)
        status = ", ".join(
            part
            for part in (
                financial_label(order.financial_status.value),
                fulfillment_label(order.fulfillment_status.value),
                self.tr("Cancelled") if order.is_cancelled else "",
                self.tr("Test order") if order.test else "",
            )
            if part
        )
        rows: list[tuple[str, str]] = [
            (self.tr("Status"), status),
            (self.tr("Placed"), fmt.date_time(order.created_at)),
            (self.tr("Total"), fmt.money(order.total)),
        ]
        if order.total_refunded is not None and not order.total_refunded.is_zero():
            rows.append((self.tr("Refunded"), fmt.money(order.total_refunded)))
        rows += [
            (self.tr("Payment"), ", ".join(order.gateways) or self.tr("None recorded")),
            (self.tr("Risk"), risk_label(order.risk_level.value)),
            (self.tr("Tags"), ", ".join(order.tags) or self.tr("None")),
        ]
        if detail.fetched_at is not None:
            rows.append((self.tr("Read from Shopify"), fmt.date_time(detail.fetched_at)))
        # Two labels, names and values, whose lines pair up: quick to build, easy to copy.
        values = [value.replace("\n", " ") for _name, value in rows]
        names = plain_label("\n".join(name for name, _value in rows), wrap=False)
        layout.addWidget(names)
        shown = plain_label("\n".join(values), wrap=False, selectable=True)
        shown.setAccessibleName(self.tr("Order summary"))
        layout.addWidget(shown, 1)
        if not order.note:
            return form
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form)
        note = plain_label(self.tr("Order note: {note}").format(note=order.note), selectable=True)
        note.setAccessibleName(self.tr("Order note"))
        column.addWidget(note)
        return box

    def _line_items(self, order: Order) -> QWidget:
        """One label per column (its lines are the items): cheap to build at any item count."""
        columns: list[list[str]] = [
            [self.tr("Item")],
            [self.tr("Qty")],
            [self.tr("Fulfilled")],
            [self.tr("Unfulfilled")],
            [self.tr("Restock")],
            [self.tr("Price")],
        ]
        number = self.formatter.locale.toString
        titles: list[str] = []
        for item in order.line_items:
            title = item.title + (f" ({item.sku})" if item.sku else "")
            titles.append(title)
            cells = [
                _shortened(title.replace("\n", " "), _TITLE_CHARS),
                number(item.current_quantity),
                number(item.fulfilled_quantity),
                number(item.unfulfilled_quantity),
                self.tr("Yes") if item.restockable else self.tr("No"),
                self.formatter.money(item.unit_price),
            ]
            for column, text in zip(columns, cells, strict=True):
                column.append(text)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for index, lines in enumerate(columns):
            label = plain_label("\n".join(lines), wrap=False, selectable=index == 0)
            if index == 0:
                label.setToolTip("\n".join(titles))
            else:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, 1 if index == 0 else 0)
        return box

    def _fulfillment(self, order: Order) -> QWidget:
        lines = []
        for fo in order.fulfillment_orders:
            where = fo.location_name or fo.fulfillment_service or self.tr("Unknown location")
            text = f"{where}: {fulfillment_label(fo.status.value)}"
            if fo.fulfillment_service:
                text += " · " + self.tr("fulfillment service {name}").format(
                    name=fo.fulfillment_service
                )
            if fo.on_hold:
                reasons = ", ".join(fo.hold_reasons) or self.tr("no reason given")
                text += " · " + self.tr("on hold ({reasons})").format(reasons=reasons)
            lines.append(text)
        return plain_label("\n".join(lines))

    def _messages(self, detail: RequestDetail) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for message in detail.request.messages:
            heading = " · ".join(
                part
                for part in (
                    source_label(message.source.value),
                    self.formatter.date_time(message.received_at),
                    message.author or "",
                )
                if part
            )
            layout.addWidget(plain_label(heading))
            body = plain_label(message.text or self.tr("(no text)"), selectable=True)
            body.setFrameShape(QFrame.Shape.StyledPanel)
            body.setMargin(6)
            body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            body.setAccessibleName(self.tr("Message from the customer"))
            layout.addWidget(body)
            self.message_labels.append(body)
        return box

    def _verdict(self, verdict: Verdict) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        colors = badge_colors(verdict.outcome.value, is_dark())
        badge = plain_label(outcome_label(verdict.outcome.value), wrap=False, selectable=False)
        badge.setAccessibleName(self.tr("Verdict"))
        badge.setStyleSheet(
            f"QLabel {{ background: {colors.background.name()}; color: {colors.text.name()};"
            " border-radius: 9px; padding: 2px 10px; font-weight: bold; }"
        )
        badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(badge)
        # One label per block of lines, not per line: selecting the next request stays quick.
        phrase = self.formatter.phrase
        why = [phrase(reason) for reason in verdict.reasons]
        if verdict.rule:
            why.append(self.tr("Rule: {rule}").format(rule=verdict.rule))
        deciding, passed_over = split_checks(verdict)
        why += [f"{_CHECK} {phrase(check.text)}" for check in deciding]
        layout.addWidget(plain_label("\n".join(why)))
        if passed_over:
            lines = [self.tr("Rules passed over, and why:")]
            lines += [f"{_CROSS} {phrase(check.text)}" for check in passed_over]
            layout.addWidget(plain_label("\n".join(lines)))
        if verdict.action is not None:
            layout.addWidget(plain_label(self.suggestion_text(verdict.action)))
        if verdict.reply is not None:
            reply = self.tr("Suggested reply: {text}").format(text=phrase(verdict.reply))
            layout.addWidget(plain_label(reply))
        return box

    def suggestion_text(self, action: SuggestedAction) -> str:
        """What approving would do, in a sentence (the confirm dialog shows exact amounts)."""
        parts = [self.tr("Suggested: cancel the order")]
        if action.refund_method is RefundMethod.ORIGINAL:
            parts.append(self.tr("refund to the original payment"))
        elif action.refund_method is RefundMethod.STORE_CREDIT:
            parts.append(self.tr("refund as store credit"))
        else:
            parts.append(self.tr("no refund"))
        if action.keeps_fee and action.fee is not None:
            fee = self.formatter.decimal(action.fee.percent, 1) + " %"
            if action.fee.fixed is not None:
                fee += " + " + self.formatter.money(action.fee.fixed)
            parts.append(self.tr("keep a fee of {fee}").format(fee=fee))
        parts.append(self.tr("restock the items") if action.restock else self.tr("no restock"))
        if action.notify_customer:
            parts.append(self.tr("email the customer"))
        return ", ".join(parts) + "."

    def _timeline(self, detail: RequestDetail) -> QWidget:
        events: list[tuple[datetime, str]] = []
        for message in detail.request.messages:
            events.append(
                (
                    message.received_at,
                    self.tr("Request received ({source})").format(
                        source=source_label(message.source.value)
                    ),
                )
            )
        for decision in detail.decisions:
            events.append(
                (
                    decision.decided_at,
                    self.tr("Decided: {outcome}, by {who}").format(
                        outcome=outcome_label(decision.outcome) or decision.outcome,
                        who=decision.decided_by,
                    ),
                )
            )
        for action in detail.actions:
            if action.created_at is not None:
                text = f"{action.kind.value.replace('_', ' ').capitalize()}: " + (
                    action_state_label(action.state.value)
                )
                if action.error:
                    text += f" ({action.error})"
                events.append((action.created_at, text))
        for entry in detail.audit:
            text = f"{entry.what.replace('_', ' ').capitalize()} · {entry.who}"
            if entry.amount is not None:
                text += f" · {self.formatter.money(entry.amount)}"
            events.append((entry.at, text))
        events.sort(key=lambda event: event[0])
        return plain_label(
            "\n".join(f"{self.formatter.date_time(at)}  {text}" for at, text in events)
        )
