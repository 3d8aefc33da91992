"""A reply for the customer, ready to send: shown as it will read (the merchant may add to it,
e.g. the return address), then opened in the mail program or copied.

Until CancelApp sends mail itself, this is where composed replies go (as the find-the-order
dialog's close reply does); a sender plugs in at `ReplyDialog.reply_text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
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

from cancelapp.ui.detail.detail_pane import plain_label

if TYPE_CHECKING:
    from cancelapp.actions.reply import Reply


class ReplyDialog(QDialog):
    def __init__(self, title: str, intro: str, reply: Reply, parent: QWidget | None = None) -> None:
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
        buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self._open_mail)
        self.copy_button.clicked.connect(self._copy)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def reply_text(self) -> tuple[str, str]:
        """The subject and body as the merchant left them."""
        return self.subject_edit.text(), self.body_edit.toPlainText()

    def _open_mail(self) -> None:
        from cancelapp.actions.reply import mailto_url

        subject, body = self.reply_text()
        QDesktopServices.openUrl(QUrl(mailto_url(self.reply.to or "", subject, body)))

    def _copy(self) -> None:
        subject, body = self.reply_text()
        QGuiApplication.clipboard().setText(f"{subject}\n\n{body}")
        self.status_label.setText(self.tr("The reply is on the clipboard."))
