"""The reply the customer will get, shown in an action's confirmation before anything is sent.

Its own widget so any dialog can embed it (approve and decline today). The template follows
the decision (or the policy rule's `reply`) and the merchant may pick another or edit the
text. It also says which email Shopify itself sends (`notifyCustomer`), so the customer does
not get two contradicting emails. Without a mailbox set up for sending, the reply goes to the
mail program (`mailto:`) or the clipboard instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cancelapp.actions.reply import ReplyKind, ReplyTemplates, compose_reply, mailto_url
from cancelapp.domain.money import Money
from cancelapp.ui.detail.detail_pane import plain_label
from cancelapp.ui.detail.reply_kind_names import KIND_NAMES

MIN_COMBO_CHARACTERS = 12


@dataclass(frozen=True)
class ReplyFacts:
    """What the reply is composed from: plain data the controller gathers."""

    kind: ReplyKind
    to: str | None
    name: str
    order_name: str
    shop_name: str
    locale: str | None
    amount: Money | None = None
    fee: Money | None = None
    method: str = ""
    reason: str = ""
    shopify_emails: bool = False  # Shopify sends its own email about this action
    can_send: bool = False  # a mailbox is set up to send from
    templates: ReplyTemplates = field(default_factory=ReplyTemplates)
    thread_subject: str | None = None  # "Re: …": answered in the customer's email thread
    replaces_unsent: bool = False  # an earlier decision's reply, not sent yet, is replaced


@dataclass(frozen=True)
class ConfirmedReply:
    to: str
    subject: str
    body: str
    language: str


class ReplyPreview(QGroupBox):
    def __init__(self, facts: ReplyFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        self.setTitle(self.tr("Reply to the customer"))
        self.setAccessibleName(self.title())
        self.kind_combo = QComboBox()
        for kind, name in KIND_NAMES.items():
            self.kind_combo.addItem(QCoreApplication.translate("ReplyPreview", name), kind.value)
        self.kind_combo.setAccessibleName(self.tr("Template"))
        # As narrow as the column it is in: the longest template's name is not the minimum.
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_combo.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
        self.to_label = plain_label(facts.to or self.tr("No email address is known"))
        self.to_label.setAccessibleName(self.tr("To"))
        self.subject_edit = QLineEdit()
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        if facts.thread_subject is not None:
            self.subject_edit.setReadOnly(True)  # the thread's subject keeps the reply in it
            self.subject_edit.setToolTip(
                self.tr("Sent as an answer in the customer's own email thread.")
            )
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Reply text"))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(140)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(plain_label(self.tr("Template")), self.kind_combo)
        form.addRow(plain_label(self.tr("To")), self.to_label)
        form.addRow(plain_label(self.tr("Subject")), self.subject_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body_edit)
        self.shopify_label = plain_label()
        self._say_shopify_emails()
        self.shopify_label.setAccessibleName(self.tr("Emails from Shopify"))
        layout.addWidget(self.shopify_label)
        self.replaces_label = plain_label(
            self.tr(
                "The reply to your earlier decision has not been sent yet. This decision "
                "replaces it: the customer will not get it."
            )
        )
        self.replaces_label.setVisible(facts.replaces_unsent)
        layout.addWidget(self.replaces_label)
        self.send_box = QCheckBox(self.tr("&Send this reply from your mailbox"))
        self.send_box.setChecked(facts.can_send and bool(facts.to))
        self.send_box.setEnabled(facts.can_send and bool(facts.to))
        self.send_box.setVisible(facts.can_send)
        layout.addWidget(self.send_box)
        buttons = QHBoxLayout()
        self.mail_button = QPushButton(self.tr("Open in &mail program"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        for button in (self.mail_button, self.copy_button):
            button.setAutoDefault(False)
            button.setVisible(not facts.can_send)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.mail_button.clicked.connect(self._open_in_mail_program)
        self.copy_button.clicked.connect(self._copy)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(facts.kind.value))
        self.kind_combo.currentIndexChanged.connect(self._picked)
        self._language = "en"
        self._picked_kind = False  # the merchant chose the template
        self._edited = False  # the merchant changed the text
        self._composing = False
        self.subject_edit.textEdited.connect(self._text_edited)
        self.body_edit.textChanged.connect(self._text_edited)
        self._compose()

    def refresh(self, facts: ReplyFacts) -> None:
        """A new preview (the merchant changed the refund): the reply follows it, unless the
        merchant picked another template or wrote their own text."""
        self.facts = facts
        self._say_shopify_emails()
        if self._edited:
            return
        if not self._picked_kind:
            with QSignalBlocker(self.kind_combo):
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(facts.kind.value))
        self._compose()

    def _say_shopify_emails(self) -> None:
        self.shopify_label.setText(
            self.tr(
                "Shopify also emails the customer its own notice about this. Make sure this "
                "reply says the same, or do not send it."
            )
            if self.facts.shopify_emails
            else self.tr("Shopify sends the customer no email about this; only this reply.")
        )

    def _picked(self) -> None:
        self._picked_kind = True
        self._edited = False  # a new template replaces the text
        self._compose()

    def _text_edited(self) -> None:
        if not self._composing:
            self._edited = True

    def confirmed(self) -> ConfirmedReply | None:
        """The reply to send as the merchant left it; None when it is not to be sent.
        Read on the GUI thread."""
        if not (self.send_box.isChecked() and self.facts.to):
            return None
        return ConfirmedReply(
            self.facts.to, self.subject_edit.text(), self.body_edit.toPlainText(), self._language
        )

    def mailto(self) -> str:
        return mailto_url(
            self.facts.to or "", self.subject_edit.text(), self.body_edit.toPlainText()
        )

    def _compose(self) -> None:
        facts = replace(self.facts, kind=ReplyKind(self.kind_combo.currentData()))
        reply = compose_reply(
            facts.kind,
            locale=facts.locale,
            to=facts.to,
            name=facts.name,
            order_name=facts.order_name,
            shop_name=facts.shop_name,
            amount=facts.amount,
            reason=facts.reason,
            templates=facts.templates,
            fee=facts.fee,
            method=facts.method,
        )
        self._language = reply.language
        self._composing = True
        try:
            self.subject_edit.setText(facts.thread_subject or reply.subject)
            self.subject_edit.setCursorPosition(0)  # read from its start in a narrow column
            self.body_edit.setPlainText(reply.body)
        finally:
            self._composing = False

    def _open_in_mail_program(self) -> None:
        QDesktopServices.openUrl(QUrl(self.mailto(), QUrl.ParsingMode.StrictMode))

    def _copy(self) -> None:
        text = f"{self.subject_edit.text()}\n\n{self.body_edit.toPlainText()}"
        QGuiApplication.clipboard().setText(text)
