"""The reply the customer will get, shown in an action's confirmation before anything is sent.

Its own widget so any dialog can embed it (approve and decline today). The template follows
the decision (or the policy rule's `reply`) and the merchant may pick another or edit the
text. It also says which email Shopify itself sends (`notifyCustomer`), so the customer does
not get two contradicting emails. Without a mailbox set up for sending, it says so plainly
before the merchant confirms: the reply goes to the mail program (`mailto:`) or the clipboard,
or the merchant opens the email settings; the decision then records that CancelApp did not
send it (`ConfirmedReply.not_sent`), so no reply is lost without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QUrl, Signal
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
    method: str = ""  # where the money goes back, in the customer's words
    expires: date | None = None  # the last day the store credit can be used
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
    # Why CancelApp does not send it (`session.replies.NotSent` values); None: it sends it.
    not_sent: str | None = None


class ReplyPreview(QGroupBox):
    email_settings_wanted = Signal()  # "Email settings…": set up a mailbox to send from

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
        self.not_sent_label = plain_label()
        self.not_sent_label.setAccessibleName(self.tr("Reply not sent"))
        layout.addWidget(self.not_sent_label)
        self.send_box = QCheckBox(self.tr("&Send this reply from your mailbox"))
        self.send_box.setEnabled(False)  # `_show_sending` ticks it once it can send
        layout.addWidget(self.send_box)
        buttons = QHBoxLayout()
        self.mail_button = QPushButton(self.tr("Open in &mail program"))
        self.copy_button = QPushButton(self.tr("&Copy reply"))
        self.settings_button = QPushButton(self.tr("&Email settings…"))
        for button in (self.mail_button, self.copy_button, self.settings_button):
            button.setAutoDefault(False)
        for button in (self.mail_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        settings_row = QHBoxLayout()  # its own row: the three do not fit a narrow column
        settings_row.addWidget(self.settings_button)
        settings_row.addStretch()
        layout.addLayout(settings_row)
        self.mail_button.clicked.connect(self._open_in_mail_program)
        self.copy_button.clicked.connect(self._copy)
        self.settings_button.clicked.connect(self.email_settings_wanted)
        self._handed_over: str | None = None  # copied or opened in the mail program
        self._show_sending()
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
        self._show_sending()
        if self._edited:
            return
        if not self._picked_kind:
            with QSignalBlocker(self.kind_combo):
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(facts.kind.value))
        self._compose()

    def _show_sending(self) -> None:
        """Send from the mailbox, or say plainly that CancelApp cannot and offer the ways
        left: copy it, the mail program, or the email settings. A mailbox set up while the
        dialog is open (`refresh`) turns sending on."""
        facts = self.facts
        can = facts.can_send and bool(facts.to)
        if not (can and self.send_box.isEnabled()):  # the merchant's untick stays
            self.send_box.setChecked(can)
        self.send_box.setEnabled(can)
        self.send_box.setVisible(facts.can_send)
        for button in (self.mail_button, self.copy_button):
            button.setVisible(not facts.can_send)
        self.settings_button.setVisible(not facts.can_send)
        if not facts.can_send:
            text = self.tr(
                "No mailbox is set up, so this reply is not sent. Set one up under Email "
                "settings, or copy the reply and send it yourself."
            )
        elif not facts.to:
            text = self.tr(
                "No email address is known for this customer, so this reply is not sent."
            )
        else:
            text = ""
        self.not_sent_label.setText(text)
        self.not_sent_label.setVisible(bool(text))

    def _say_shopify_emails(self) -> None:
        facts = self.facts
        if facts.shopify_emails:
            text = self.tr(
                "Shopify also emails the customer its own notice about this. Make sure this "
                "reply says the same, or do not send it."
            )
        elif facts.can_send and facts.to:
            text = self.tr("Shopify sends the customer no email about this; only this reply.")
        else:  # nothing promises a reply that will not go
            text = self.tr(
                "Shopify sends the customer no email about this: the customer hears nothing "
                "unless you send this reply yourself."
            )
        self.shopify_label.setText(text)

    def _picked(self) -> None:
        self._picked_kind = True
        self._edited = False  # a new template replaces the text
        self._compose()

    def _text_edited(self) -> None:
        if not self._composing:
            self._edited = True

    def confirmed(self) -> ConfirmedReply | None:
        """The reply as the merchant left it. CancelApp sends it when its `not_sent` is None;
        otherwise `not_sent` says why not, for the request's record. None when the merchant
        unticked sending. Read on the GUI thread."""
        to = self.facts.to or ""
        if not self.facts.can_send:
            not_sent: str | None = self._handed_over or "no_mailbox"
        elif not to:
            not_sent = "no_address"
        elif self.send_box.isChecked():
            not_sent = None
        else:
            return None
        return ConfirmedReply(
            to, self.subject_edit.text(), self.body_edit.toPlainText(), self._language, not_sent
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
            expires=facts.expires,
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
        if QDesktopServices.openUrl(QUrl(self.mailto(), QUrl.ParsingMode.StrictMode)):
            self._handed_over = "mail_program"

    def _copy(self) -> None:
        text = f"{self.subject_edit.text()}\n\n{self.body_edit.toPlainText()}"
        QGuiApplication.clipboard().setText(text)
        self._handed_over = "copied"
