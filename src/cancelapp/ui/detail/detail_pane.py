"""The selected request: order summary, line items, messages, verdict, suggestion, timeline.

Every label is plain text: customer-written text (messages, names, notes, tags) is shown
literally, never interpreted as HTML.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.late_messages import DatedBefore, dated_before
from cancelapp.domain.order import FinancialStatus, Order
from cancelapp.domain.request import RequestMessage
from cancelapp.domain.verdict import RefundMethod, SuggestedAction, Verdict
from cancelapp.domain.withdrawal import REFUND_WARNING_DAYS, RequestKind
from cancelapp.domain.withdrawal_calendar import is_eu_eea
from cancelapp.session.detail import CarriedOut, RequestDetail
from cancelapp.store.audit_codes import REPLY_CODES
from cancelapp.store.phrase_json import phrase_from_json
from cancelapp.ui.detail.decision_notices import DecisionNotices
from cancelapp.ui.detail.order_sections import (
    CustomerCard,
    ItemsTable,
    MoneyBreakdown,
    ShipmentsAndHolds,
)
from cancelapp.ui.detail.order_words import gateway_words, hold_reason
from cancelapp.ui.formatting import Formatter, fill
from cancelapp.ui.labels import (
    action_state_label,
    audit_label,
    decision_action_label,
    decision_label,
    financial_label,
    fulfillment_label,
    outcome_label,
    request_state_label,
    risk_label,
    source_label,
)
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.theme import badge_colors, is_dark

if TYPE_CHECKING:  # the policy package loads in the start's POLICY step, after the first rows
    from cancelapp.policy.explanation import VerdictExplanation

_TITLE_CHARS = 30
# What one request shows: a wrapped label lays out a megabyte for seconds on the GUI thread,
# and every message is two labels. The stored text stays whole; this is only what is shown.
SHOWN_CHARS = 2_000  # of one message
SHOWN_TOTAL = 6_000  # of all messages: older ones get `SHOWN_LEAST` once it is spent
SHOWN_LEAST = 300
SHOWN_MESSAGES = 20  # the newest
SHOWN_EVENTS = 50  # the newest lines of the timeline
_CHECK = "\u2713"  # ✓
_REPLIES = REPLY_CODES  # say to whom


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def rule_name(name: str) -> str:
    """A rule's name: the engine's own (safeguards, "No rule matched") translated, the
    merchant's as written."""
    return QCoreApplication.translate("Policy", name)


class _Section(QWidget):
    """A bold heading over a body."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(selectable=False)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        layout.addWidget(body)

    def set_title(self, title: str) -> None:
        self.heading.setText(title)
        self.heading.setAccessibleName(title)


def _row(*labels: QLabel, stretch: int, spacing: int = 6) -> QWidget:
    """Labels side by side; `labels[stretch]` takes the width left over."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for index, label in enumerate(labels):
        layout.addWidget(label, 1 if index == stretch else 0)
    return box


def _column(*widgets: QWidget) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box, layout


def _show(label: QLabel, text: str) -> None:
    """Set a label that is hidden while empty (and holds no stale text while hidden)."""
    label.setText(text)
    label.setVisible(bool(text))


class DetailPane(Retranslating, QScrollArea):
    """Its widgets are made once; each request only changes their texts. Making ~30 labels
    per selection, with their polish and layout, took most of the time to show a request."""

    release_hold_requested = Signal(object)  # domain.order_view.Hold
    url_opened = Signal(str)  # the admin page or a carrier's tracking page, as asked
    # Pixels the pane misses to show the request's prices, totals and buttons whole (at
    # 1024 px the splitter squeezed it and cut them, with no way to see them).
    wants_width = Signal(int)

    def __init__(self, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = formatter
        self.detail: RequestDetail | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Wrapped text fits the pane's width; long item names are shortened (full on hover).
        # Amounts are never cut: narrower than its content, the pane asks for the width it
        # misses (`wants_width`); a window too narrow even for that scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._width_check = QTimer(self)  # once the layouts settled
        self._width_check.setSingleShot(True)
        self._width_check.setInterval(0)
        self._width_check.timeout.connect(self._check_width)
        self.setAccessibleName(self.tr("Request details"))
        self.message_labels: list[QLabel] = []
        self._badge_style: tuple[str, bool] | None = None
        self._build()
        self.show_empty()

    def _build(self) -> None:
        self.hint = plain_label()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Header.
        self.title = plain_label(selectable=True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.who = plain_label(selectable=True)
        self.state = plain_label()
        self.decision_note = plain_label(selectable=True)  # queued, or stopped by a change
        self.decided = plain_label(selectable=True)  # done or declined: by whom, when, money
        self.admin_button = QPushButton()
        self.admin_button.clicked.connect(self.open_in_admin)
        title_row = QWidget()
        title_layout = QHBoxLayout(title_row)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addWidget(self.title, 1)
        title_layout.addWidget(self.admin_button, 0, Qt.AlignmentFlag.AlignTop)
        # A message after the decision; an earlier decision on the same order.
        self.notices = DecisionNotices(self.formatter)
        header, _ = _column(
            title_row, self.who, self.state, self.decision_note, self.decided, self.notices
        )
        # Verdict.
        self.badge = plain_label(wrap=False, selectable=False)
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.decisive = plain_label(selectable=True)
        decisive_font = QFont(self.decisive.font())
        decisive_font.setBold(True)
        self.decisive.setFont(decisive_font)
        self.why = plain_label()
        # Rules passed over: collapsed until the merchant asks.
        self.why_not = QToolButton()
        self.why_not.setCheckable(True)
        self.why_not.setAutoRaise(True)
        self.why_not.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_not.setArrowType(Qt.ArrowType.RightArrow)
        self.why_not.toggled.connect(self._toggle_passed_over)
        self.passed_over = plain_label()
        self.passed_over.setContentsMargins(18, 0, 0, 0)
        self.passed_over.hide()
        self.suggestion = plain_label()
        self.reply = plain_label()
        verdict, _ = _column(
            self.badge,
            self.decisive,
            self.why,
            self.why_not,
            self.passed_over,
            self.suggestion,
            self.reply,
        )
        # Order summary: two labels, names and values, whose lines pair up.
        self.summary_names = plain_label(wrap=False)
        self.summary_values = plain_label(wrap=False, selectable=True)
        names_values = _row(self.summary_names, self.summary_values, stretch=1)
        self.note = plain_label(selectable=True)
        summary, _ = _column(names_values, self.note)
        self.order_section = _Section(summary)
        # Items with image, variant and SKU; the money breakdown and payments.
        self.items = ItemsTable()
        self.items_section = _Section(self.items)
        self.money = MoneyBreakdown()
        self.money_section = _Section(self.money)
        self.fulfillment = plain_label()
        self.shipments = ShipmentsAndHolds()
        self.shipments.open_url.connect(self.open_url)
        self.shipments.release_requested.connect(self.release_hold_requested)
        fulfillment, _ = _column(self.fulfillment, self.shipments)
        self.fulfillment_section = _Section(fulfillment)
        self.customer = CustomerCard()
        self.customer_section = _Section(self.customer)
        # The EU right of withdrawal: the period, and when the refund is due (Art. 9, 13).
        self.withdrawal = plain_label(selectable=True)
        self.withdrawal.setVisible(False)
        # A fulfillment service holding the work: at the warehouse, asked, refused, agreed.
        self.warehouse = plain_label()
        self.warehouse.setVisible(False)
        # Messages: a heading and a body per message, made as more are needed.
        self.earlier = plain_label()
        self._message_box, self._message_layout = _column(self.earlier)
        self._message_pairs: list[tuple[QLabel, QLabel]] = []
        self.messages_section = _Section(self._message_box)
        self.timeline = plain_label()
        self.timeline_section = _Section(self.timeline)

        self.body, layout = _column(
            header,
            verdict,
            self.withdrawal,
            self.warehouse,
            self.order_section,
            self.items_section,
            self.money_section,
            self.fulfillment_section,
            self.customer_section,
            self.messages_section,
            self.timeline_section,
        )
        layout.setSpacing(10)
        content, outer = _column(self.hint, self.body)
        outer.setContentsMargins(9, 9, 9, 9)
        outer.addStretch(1)
        self.setWidget(content)  # QScrollArea filters its events: see `eventFilter`

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self._width_check.start()  # the content's narrowest width may have changed
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._width_check.start()

    def _check_width(self) -> None:
        content = self.widget()
        assert content is not None
        missing = content.minimumSizeHint().width() - self.viewport().width()
        if missing > 0 and not self.body.isHidden():
            self.wants_width.emit(missing)

    def retranslate(self) -> None:
        self.show_detail(self.detail)

    def show_images(self, images: dict[str, Path]) -> None:
        """Product images on disk by URL (fetched or cached by the detail flow)."""
        self.items.show_images(images)

    def open_in_admin(self) -> None:
        if self.detail is not None and self.detail.admin_url:
            self.open_url(self.detail.admin_url)

    def open_url(self, url: str) -> None:
        """In the merchant's browser (only http and https: the URLs come from Shopify)."""
        if url.startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(url))
            self.url_opened.emit(url)

    def show_empty(self, text: str | None = None) -> None:
        self.detail = None
        self.message_labels = []
        self.hint.setText(text or self.tr("Select a request to see its order."))
        self.hint.show()
        self.body.hide()

    def show_detail(self, detail: RequestDetail | None) -> None:
        """Another request opens at its top (its order and customer); the one shown, read
        again (a sync, a finished action, the language), stays where the merchant scrolled."""
        if detail is None:
            self.show_empty()
            return
        another = self.detail is None or self.detail.request.id != detail.request.id
        self.detail = detail
        self.hint.hide()
        self._retranslate()
        self._show_header(detail)
        self._show_verdict(detail.verdict)
        order = detail.order
        view = detail.view
        self.order_section.setVisible(order is not None)
        self.items_section.setVisible(order is not None)
        self.money_section.setVisible(order is not None)
        self.customer_section.setVisible(order is not None and view.known)
        self.fulfillment_section.setVisible(
            order is not None and bool(order.fulfillment_orders or view.shipments)
        )
        self.admin_button.setVisible(detail.admin_url is not None)
        self.admin_button.setToolTip(detail.admin_url or "")
        if order is not None:
            self._show_summary(detail, order)
            self.items.show_items(order, view, self.formatter, detail.restocked)
            self.money.show_money(order, view, self.formatter)
            self.fulfillment.setText(self._fulfillment_text(order))
            self.fulfillment.setVisible(bool(order.fulfillment_orders))
            self.shipments.show_view(view, self.formatter, can_release=detail.complete)
            self.customer.show_customer(order, view, self.formatter)
        _show(self.withdrawal, self.withdrawal_text(detail))
        warehouse = detail.warehouse
        self.warehouse.setVisible(warehouse is not None)
        self.warehouse.setText(self.formatter.phrase(warehouse) if warehouse else "")
        self._show_messages(detail)
        self.timeline.setText(self._timeline_text(detail))
        self.body.show()
        if another:
            self.verticalScrollBar().setValue(0)
            self.horizontalScrollBar().setValue(0)

    def _retranslate(self) -> None:
        self.title.setAccessibleName(self.tr("Order name"))
        self.badge.setAccessibleName(self.tr("Verdict"))
        self.summary_values.setAccessibleName(self.tr("Order summary"))
        self.note.setAccessibleName(self.tr("Order note"))
        self.order_section.set_title(self.tr("Order"))
        self.items_section.set_title(self.tr("Items"))
        self.fulfillment_section.set_title(self.tr("Fulfillment"))
        self.money_section.set_title(self.tr("Payment"))
        self.customer_section.set_title(self.tr("Customer"))
        self.admin_button.setText(self.tr("Open in Shopify admin"))
        self.admin_button.setAccessibleName(self.tr("Open the order in the Shopify admin"))
        self.warehouse.setAccessibleName(self.tr("Warehouse"))
        self.messages_section.set_title(self.tr("Messages"))
        self.timeline_section.set_title(self.tr("Timeline"))

    # Sections ------------------------------------------------------------------------------------

    def _show_header(self, detail: RequestDetail) -> None:
        request, order = detail.request, detail.order
        name = (order.name if order else request.order_name) or self.tr("No order matched")
        customer = (order.customer_name if order else "") or request.customer_name
        email = (order.customer_email if order else None) or request.customer_email or ""
        self.title.setText(name)
        self.who.setText(" · ".join(part for part in (customer, email) if part))
        self.state.setText(
            request_state_label(
                request.state.value, order_cancelled=order is None or order.is_cancelled
            )
        )
        _show(self.decision_note, self._decision_text(detail))
        carried = detail.carried_out
        _show(self.decided, self.carried_out_text(carried) if carried is not None else "")
        self.notices.show_detail(detail)

    def carried_out_text(self, carried: CarriedOut) -> str:
        """ "Approved by Mette on 06.12.2026, refunded 1.948,00 kr." """
        who, day = carried.by, self.formatter.date(carried.at)
        if carried.kind == "decline":
            return self.tr("Declined by {who} on {day}.").format(who=who, day=day)
        if carried.refunded is None or carried.refunded.is_zero():
            return self.tr("Approved by {who} on {day}, nothing refunded.").format(who=who, day=day)
        return fill(
            self.tr("Approved by {who} on {day}, refunded {amount}."),
            who=who,
            day=day,
            amount=self.formatter.money(carried.refunded),
        )

    def withdrawal_text(self, detail: RequestDetail) -> str:
        """The statutory withdrawal's period and refund deadline, warned a few days before."""
        withdrawal = detail.withdrawal
        if withdrawal is None:
            return ""
        if withdrawal.kind is not RequestKind.WITHDRAWAL:
            # An EU/EEA order that is not a consumer's (a company on it): say why no right.
            eu = detail.order is not None and is_eu_eea(detail.order.shipping_country)
            why = withdrawal.not_statutory
            return self.formatter.phrase(why) if eu and why is not None else ""
        day = self.formatter.day
        last_day = withdrawal.period.last_day
        sent = self.formatter.date_time(withdrawal.sent_at)
        if not withdrawal.in_time and last_day is not None:
            return self.tr(
                "EU right of withdrawal: the period ended on {day}; the statement was sent {sent}."
            ).format(day=day(last_day), sent=sent)
        if last_day is None:
            period = self.tr(
                "EU right of withdrawal: the goods are not delivered yet (or no delivery date is "
                "known), so the 14-day period has not started."
            )
        else:
            period = self.tr("EU right of withdrawal: the period ends on {day}.").format(
                day=day(last_day)
            )
        lines = [period, self.tr("Statement sent {sent}.").format(sent=sent)]
        if detail.acknowledged_at is not None:
            lines.append(
                self.tr("Acknowledgement of receipt prepared {when}.").format(
                    when=self.formatter.date_time(detail.acknowledged_at)
                )
            )
        due = withdrawal.refund_due_on
        order = detail.order
        refunded = order is not None and order.financial_status is FinancialStatus.REFUNDED
        if due is not None and refunded:
            lines.append(self.tr("Refunded."))
        elif due is not None:
            lines.append(self.tr("Refund due by {day} (Art. 13).").format(day=day(due)))
            days_left = (due - self.formatter.local(datetime.now(UTC)).date()).days
            if days_left < 0:
                lines.append(self.tr("The refund is overdue."))
            elif days_left <= REFUND_WARNING_DAYS:
                lines.append(self.tr("The refund is due in %n day(s).", "", days_left))
        return "\n".join(lines)

    def _decision_text(self, detail: RequestDetail) -> str:
        if detail.queued:
            queued = next(a for a in detail.actions if a.state.value == "queued")
            decision = decision_action_label(
                queued.kind.value,
                "queued",
                request_state=detail.request.state.value,
                order_cancelled=False,
            )
            return self.tr(
                "{queued}: CancelApp carries it out when it is due and Shopify can be reached, "
                "after checking that the order has not changed since your decision."
            ).format(queued=decision or action_state_label("queued"))
        if not detail.stopped:
            return ""
        lines = [
            self.tr("Not carried out, nothing was sent: the order changed after your decision.")
        ]
        lines += [f"• {self.formatter.phrase(change)}" for change in detail.stopped]
        if detail.kept_reason:
            lines.append(
                self.tr("Your reason is kept for the next decline: {reason}").format(
                    reason=detail.kept_reason
                )
            )
        lines.append(self.tr("Decide again."))
        return "\n".join(lines)

    def _show_summary(self, detail: RequestDetail, order: Order) -> None:
        fmt = self.formatter
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
        ]
        rows += [
            (
                self.tr("Payment"),
                ", ".join(gateway_words(g) for g in order.gateways) or self.tr("None recorded"),
            ),
            (self.tr("Risk"), risk_label(order.risk_level.value)),
            (self.tr("Tags"), ", ".join(order.tags) or self.tr("None")),
        ]
        if detail.fetched_at is not None:
            rows.append((self.tr("Read from Shopify"), fmt.date_time(detail.fetched_at)))
        self.summary_names.setText("\n".join(name for name, _value in rows))
        self.summary_values.setText("\n".join(value.replace("\n", " ") for _n, value in rows))
        note = self.tr("Order note: {note}").format(note=order.note) if order.note else ""
        _show(self.note, note)

    def _fulfillment_text(self, order: Order) -> str:
        lines = []
        for fo in order.fulfillment_orders:
            where = fo.location_name or fo.fulfillment_service or self.tr("Unknown location")
            status = fulfillment_label(fo.status.value)
            if fo.on_hold:  # said once: "On hold (other reason)", not "On hold · on hold (…)"
                reasons = ", ".join(hold_reason(r) for r in fo.hold_reasons)
                status = self.tr("On hold ({reasons})").format(
                    reasons=reasons or self.tr("no reason given")
                )
            text = f"{where}: {status}"
            if fo.fulfillment_service:
                text += " · " + self.tr("fulfillment service {name}").format(
                    name=fo.fulfillment_service
                )
            lines.append(text)
        return "\n".join(lines)

    def _show_messages(self, detail: RequestDetail) -> None:
        messages = detail.request.messages
        earlier = max(len(messages) - SHOWN_MESSAGES, 0)
        messages = messages[earlier:]
        _show(
            self.earlier,
            self.tr("%n earlier messages are not shown.", "", earlier) if earlier else "",
        )
        while len(self._message_pairs) < len(messages):
            heading = plain_label()
            body = plain_label(selectable=True)
            body.setFrameShape(QFrame.Shape.StyledPanel)
            body.setMargin(6)
            body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            self._message_layout.addWidget(heading)
            self._message_layout.addWidget(body)
            self._message_pairs.append((heading, body))
        # Hidden while its labels change: each label shown or hidden in a visible box lays
        # out the whole box again (quadratic in the number of messages).
        self._message_box.hide()
        limits = [0] * len(messages)
        budget = SHOWN_TOTAL
        for number in reversed(range(len(messages))):  # the newest get the most room
            limits[number] = max(min(SHOWN_CHARS, budget), SHOWN_LEAST)
            budget -= min(len(messages[number].text), limits[number])
        self.message_labels = []
        for number, (heading, body) in enumerate(self._message_pairs):
            if number >= len(messages):
                _show(heading, "")
                _show(body, "")
                continue
            message = messages[number]
            if detail.is_unread(message):
                since = self._unread_words(detail, message)
            elif message.after_decision:
                since = self.tr("After the decision")
            else:
                since = ""
            parts = (
                since,
                source_label(message.source.value),
                self.formatter.date_time(message.received_at),
                message.author or "",
            )
            _show(heading, " · ".join(part for part in parts if part))
            _show(body, self._shown_text(message.text, limits[number]) or self.tr("(no text)"))
            body.setAccessibleName(self.tr("Message from the customer"))
            self.message_labels.append(body)
        self._message_box.show()

    def _unread_words(self, detail: RequestDetail, message: RequestMessage) -> str:
        """A message that came in after the decision, new to the merchant: "new since" only
        when dated after it (`dated_before`)."""
        before = dated_before(
            message.received_at,
            placed=detail.order.created_at if detail.order is not None else None,
            decided=max((d.decided_at for d in detail.decisions), default=None),
        )
        if before is DatedBefore.ORDER:
            return self.tr("Came in after the decision, dated before the order was placed")
        if before is DatedBefore.DECISION:
            return self.tr("Came in after the decision, dated before it")
        return self.tr("New since the decision")

    def _shown_text(self, text: str, limit: int) -> str:
        """At most `limit` characters of a text, naming the size of what is not shown."""
        if len(text) <= limit:
            return text
        left_out = len(text[limit:].encode("utf-8", "replace"))
        size = self.formatter.locale.formattedDataSize(
            left_out, 1, QLocale.DataSizeFormat.DataSizeSIFormat
        )
        shortened = self.tr("[text shortened: {size}]").format(size=size)
        return f"{text[:limit].rstrip()}\n\n{shortened}"

    def _show_verdict(self, verdict: Verdict) -> None:
        style = (verdict.outcome.value, is_dark())
        if style != self._badge_style:  # a style sheet is parsed and polished: only on change
            colors = badge_colors(*style)
            self.badge.setStyleSheet(
                f"QLabel {{ background: {colors.background.name()}; color: {colors.text.name()};"
                " border-radius: 9px; padding: 2px 10px; font-weight: bold; }"
            )
            self._badge_style = style
        self.badge.setText(outcome_label(verdict.outcome.value))
        detail = self.detail
        explanation = detail.explanation if detail is not None else None
        if explanation is None:
            from cancelapp.policy.explanation import explain  # see TYPE_CHECKING above

            explanation = explain(verdict, None)
        self._show_explanation(explanation)
        action = verdict.action
        _show(self.suggestion, self.suggestion_text(action) if action is not None else "")
        reply = ""
        if verdict.reply is not None:
            reply = self.tr("Suggested reply: {text}").format(text=self._reply_words(verdict))
        _show(self.reply, reply)

    def _reply_words(self, verdict: Verdict) -> str:
        """A rule's `reply` naming a template shows the template's name; a text of the
        merchant's own shows as written."""
        from cancelapp.actions.reply import ReplyKind
        from cancelapp.ui.detail.reply_kind_names import KIND_NAMES

        assert verdict.reply is not None
        named = verdict.reply.template
        if named in set(ReplyKind):
            return QCoreApplication.translate("ReplyPreview", KIND_NAMES[ReplyKind(named)])
        return self.formatter.phrase(verdict.reply)

    def _show_explanation(self, explanation: VerdictExplanation) -> None:
        """The decisive reason in one sentence, the rule that decided and the conditions that
        held; the rules passed over, each once with the condition that ruled it out, behind
        "Why not another rule?"."""
        phrase = self.formatter.phrase
        closest = explanation.not_approved_by
        why: list[str] = []
        if closest is not None:
            decisive = self.tr('The rule "{rule}" would approve it, but: {condition}.').format(
                rule=rule_name(closest.rule), condition=phrase(closest.failed.text)
            )
            if explanation.decisive is not None:
                why.append(phrase(explanation.decisive))
        else:
            decisive = phrase(explanation.decisive) if explanation.decisive else ""
        self.decisive.setText(decisive)
        if explanation.rule:
            why.append(
                self.tr('Decided by the rule "{rule}"').format(rule=rule_name(explanation.rule))
            )
        why += [f"{_CHECK} {phrase(check.text)}" for check in explanation.held]
        why += [phrase(reason) for reason in explanation.more]
        _show(self.why, "\n".join(why))
        lines = [
            self.tr('"{rule}" did not apply: {condition}').format(
                rule=rule_name(p.rule), condition=phrase(p.failed.text)
            )
            for p in explanation.passed_over
        ]
        self.passed_over.setText("\n".join(lines))
        self.why_not.setText(self.tr("Why not another rule? ({count})").format(count=len(lines)))
        self.why_not.setVisible(bool(lines))
        self.passed_over.setVisible(bool(lines) and self.why_not.isChecked())

    def _toggle_passed_over(self, shown: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.why_not.setArrowType(arrow)
        self.passed_over.setVisible(shown and bool(self.passed_over.text()))

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

    def _timeline_text(self, detail: RequestDetail) -> str:
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
                        outcome=decision_label(decision.outcome),
                        who=decision.decided_by,
                    ),
                )
            )
        for entry in reversed(detail.audit):  # oldest first: equal times keep their order
            text = f"{audit_label(entry.what)} · {entry.who}"
            if entry.amount is not None:
                text += f" · {self.formatter.money(entry.amount)}"
            if entry.what == "note" and entry.detail.get("note"):
                text += f" · {entry.detail['note']}"
            elif entry.what in _REPLIES and entry.detail.get("to"):
                text += f" · {entry.detail['to']}"
            elif entry.detail.get("error_phrase"):
                error = self.formatter.phrase(phrase_from_json(entry.detail["error_phrase"]))
                text += f" ({error})"
            elif entry.detail.get("error"):
                text += f" ({entry.detail['error']})"
            events.append((entry.at, text))
        for event in detail.view.events:
            source = self.tr("Shopify ({app})").format(app=event.app) if event.app else "Shopify"
            events.append((event.at, f"{source} · {event.message}"))
        events.sort(key=lambda event: event[0])
        earlier = max(len(events) - SHOWN_EVENTS, 0)
        lines = [f"{self.formatter.date_time(at)}  {text}" for at, text in events[earlier:]]
        if earlier:
            lines.insert(0, self.tr("%n earlier events are not shown.", "", earlier))
        return "\n".join(lines)
