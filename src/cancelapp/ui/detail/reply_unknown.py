"""Asking the merchant whether a reply arrived, when the mail server cannot tell (the
connection was lost as it was handed over and the Sent folder does not show it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from cancelapp.ui.detail.detail_pane import plain_label

if TYPE_CHECKING:
    from cancelapp.session.replies import Unknown


class ReplyUnknownDialog(QDialog):
    answered = Signal(bool)  # True: it arrived (never send it again); False: send it again

    def __init__(self, unknown: Unknown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Was the reply sent?"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The connection to the mail server was lost while the reply to {order} "
                    "({to}, “{subject}”) was handed over, and it is not in your Sent folder. "
                    "CancelApp cannot tell whether the customer got it. Look in your mail "
                    "program or ask the customer; CancelApp does not send it again unless "
                    "you say so."
                ).format(order=unknown.order_name, to=unknown.to, subject=unknown.subject)
            )
        )
        buttons = QDialogButtonBox()
        self.arrived_button = QPushButton(self.tr("It &was sent"))
        self.again_button = QPushButton(self.tr("&Send it again"))
        buttons.addButton(self.arrived_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        later.setText(self.tr("Ask me later"))
        self.arrived_button.clicked.connect(lambda: self._answer(True))
        self.again_button.clicked.connect(lambda: self._answer(False))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _answer(self, arrived: bool) -> None:
        self.answered.emit(arrived)
        self.accept()
