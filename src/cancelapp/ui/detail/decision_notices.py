"""Two notices at the top of the detail about what was decided before.

- The customer wrote again after the request was decided (a reply to the decline, say): how
  many messages are new, marked in the list below, and "Mark as read" to say they were seen.
- The order was asked about before and that request was decided (a buyer asking again in
  Shopify after a decline is a new request): the earlier decision, its reason, and a button
  to open that request; the earlier one says the buyer asked again, and opens the newer one.

Plain text only: the reason is what the merchant typed, and is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cancelapp.session.detail import EarlierRequest, RequestDetail
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.labels import request_state_label


def _notice() -> tuple[QWidget, QLabel, QPushButton]:
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 4)
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    button = QPushButton()
    layout.addWidget(label, 1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    box.hide()
    return box, label, button


class DecisionNotices(QWidget):
    mark_read_requested = Signal(int)  # request id whose new messages were read
    request_wanted = Signal(int)  # the earlier or the newer request, to show in the queue

    def __init__(self, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = formatter
        self._request_id = 0
        self._earlier_id = self._later_id = 0
        self.unread_box, self.unread, self.mark_read = _notice()
        self.earlier_box, self.earlier, self.open_earlier = _notice()
        self.later_box, self.later, self.open_later = _notice()
        self.mark_read.clicked.connect(lambda: self.mark_read_requested.emit(self._request_id))
        self.open_earlier.clicked.connect(lambda: self.request_wanted.emit(self._earlier_id))
        self.open_later.clicked.connect(lambda: self.request_wanted.emit(self._later_id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unread_box)
        layout.addWidget(self.earlier_box)
        layout.addWidget(self.later_box)

    def show_detail(self, detail: RequestDetail) -> None:
        self._request_id = detail.request.id or 0
        new = sum(1 for m in detail.request.messages if detail.is_unread(m))
        self.unread.setText(
            self.tr(
                "The customer wrote again after the decision: %n new message(s), marked "
                "below. Read them, then mark them read.",
                "",
                new,
            )
            if new
            else ""
        )
        self.mark_read.setText(self.tr("Mark as read"))
        self.mark_read.setAccessibleName(self.tr("Mark the new messages read"))
        self.unread_box.setVisible(bool(new))
        earlier = detail.earlier
        self._earlier_id = earlier.request_id if earlier is not None else 0
        self.earlier.setText(self.earlier_text(earlier) if earlier is not None else "")
        self.open_earlier.setText(self.tr("Open the earlier request"))
        self.earlier_box.setVisible(earlier is not None)
        later = detail.later
        self._later_id = later[0] if later is not None else 0
        self.later.setText(
            self.tr("The buyer asked again later; that request is: {state}.").format(
                state=request_state_label(later[1].value)
            )
            if later is not None
            else ""
        )
        self.open_later.setText(self.tr("Open the newer request"))
        self.later_box.setVisible(later is not None)

    def earlier_text(self, earlier: EarlierRequest) -> str:
        """ "Asked before: declined by Mette on 06.12.2026. Reason: Already shipped." """
        decision = earlier.decision
        if decision is None:
            text = self.tr("This order was asked about before; that request is: {state}.").format(
                state=request_state_label(earlier.state.value)
            )
        else:
            who, day = decision.decided_by, self.formatter.date(decision.decided_at)
            if decision.outcome != "decline":
                text = self.tr("This order was asked about before: approved by {who} on {day}.")
            elif decision.note:
                text = self.tr(
                    "This order was asked about before: declined by {who} on {day}. "
                    "Reason: {reason}"
                )
            else:
                text = self.tr(
                    "This order was asked about before: declined by {who} on {day}, "
                    "with no reason given."
                )
            text = text.format(who=who, day=day, reason=(decision.note or "").strip())
        if earlier.more:
            text += "\n" + self.tr(
                "%n more request(s) for this order were decided before that.", "", earlier.more
            )
        return text
