"""A reply for the customer, ready to send: shown as it will read (the merchant may add to it,
e.g. the return address), then opened in the mail program or copied.

Where a mailbox is set up to send from (`can_send`), "Send from your mailbox" hands the reply
as the merchant left it to `send_requested` (the withdrawal's replies, `WithdrawalFlow`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.ui.ctrl_return import ctrl_return_clicks
from cancelapp.ui.detail.detail_pane import plain_label

if TYPE_CHECKING:
    from cancelapp.actions.reply import Reply


class ReplyDialog(QDialog):
    send_requested = Signal(object)  # the Reply, with the subject and body as left

    def __init__(
        self,
        title: str,
        intro: str,
        reply: Reply,
        parent: QWidget | None = None,
        *,
        can_send: bool = False,
    ) -> None:
        super().__init__(parent)
        self.reply = reply
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.intro = plain_label(intro, selectable=False)
        layout.addWidget(self.intro)
        self.to_edit = QLineEdit(reply.to or "")
        self.to_edit.setReadOnly(True)
        self.to_edit.setAccessibleName(self.tr("To"))
        layout.addWidget(self.to_edit)
        self.subject_edit = QLineEdit(reply.subject)
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        layout.addWidget(self.subject_edit)
        self.body_edit = QPlainTextEdit(reply.body)
        self.body_edit.setAccessibleName(self.tr("Reply to the customer"))
        self.body_edit.setTabChangesFocus(True)
        layout.addWidget(self.body_edit)
        self.status_label = plain_label("", selectable=False)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.mail_button = QPushButton(self.tr("&Open in mail program"))
        self.mail_button.setEnabled(bool(reply.to))
        self.copy_button = QPushButton(self.tr("Co&py reply"))
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button = QPushButton(self.tr("&Send from your mailbox"))
        self.send_button.setVisible(can_send)
        self.send_button.setEnabled(can_send and bool(reply.to))
        if can_send:
            buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.send_button.setDefault(True)
            ctrl_return_clicks(self, self.send_button)
        self.send_button.clicked.connect(self._send)
        buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self._open_mail)
        self.copy_button.clicked.connect(self._copy)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def reply_text(self) -> tuple[str, str]:
        """The subject and body as the merchant left them."""
        return self.subject_edit.text(), self.body_edit.toPlainText()

    def _send(self) -> None:
        from dataclasses import replace

        subject, body = self.reply_text()
        self.send_button.setEnabled(False)
        self.status_label.setText(self.tr("Sending…"))
        self.send_requested.emit(replace(self.reply, subject=subject, body=body))

    def show_problem(self, message: str) -> None:
        self.status_label.setText(message)
        self.send_button.setEnabled(True)

    def _open_mail(self) -> None:
        from cancelapp.actions.reply import mailto_url

        subject, body = self.reply_text()
        QDesktopServices.openUrl(QUrl(mailto_url(self.reply.to or "", subject, body)))

    def _copy(self) -> None:
        subject, body = self.reply_text()
        QGuiApplication.clipboard().setText(f"{subject}\n\n{body}")
        self.status_label.setText(self.tr("The reply is on the clipboard."))
