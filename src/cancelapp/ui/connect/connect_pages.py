"""The connect wizard's pages: store address, guide, credentials, live check.

Each page sets its texts in `retranslate()`, called again on a language change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cancelapp.domain.phrase import Phrase
from cancelapp.session.connect import missing_optional_scopes, optional_scopes, required_scopes
from cancelapp.shopify import (
    AccessToken,
    ClientCredentials,
    Credentials,
    Endpoint,
    InvalidShopDomain,
    ShopInfo,
)
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.retranslating import Retranslating


def translated(phrase: Phrase) -> str:
    return Formatter(QLocale()).phrase(phrase)


def translated_scope(phrase: Phrase) -> str:
    """A missing-scope phrase, with its `consequence` argument (itself a marked source text)
    translated in the same context."""
    consequence = phrase.args.get("consequence")
    if isinstance(consequence, str):
        translation = QCoreApplication.translate(phrase.context, consequence)
        phrase = replace(phrase, args={**phrase.args, "consequence": translation})
    return translated(phrase)


def plain_label() -> QLabel:
    """Text we do not control (messages, shop names) is never read as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def form_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Adds `field` with a label whose mnemonic focuses it; the caller sets the text."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)
    return label


class RetranslatedPage(Retranslating, QWizardPage):
    """A wizard page that rewrites its texts when the language changes."""

    def focus_first_empty_field(self) -> None:
        """Typing goes into the page's first empty field that takes it (the wizard itself
        puts the focus on the first control, a radio button on the credentials page, where
        typing was lost); a page without one keeps the wizard's choice."""
        for edit in self.findChildren(QLineEdit):  # in the order they were made: top down
            if edit.isEnabled() and not edit.isReadOnly() and not edit.text():
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return


class ShopPage(RetranslatedPage):
    """The store's address, checked and normalised as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.endpoint: Endpoint | None = None
        self._fixed = False
        self._error: Phrase | None = None
        self.address_label = QLabel()
        self.domain_edit = QLineEdit()
        self.domain_edit.textChanged.connect(self._validate)
        self.address_label.setBuddy(self.domain_edit)
        self.feedback = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.address_label)
        layout.addWidget(self.domain_edit)
        layout.addWidget(self.feedback)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your store"))
        self.setSubTitle(
            self.tr("Enter your store's address, or paste the address of your Shopify admin.")
        )
        self.address_label.setText(self.tr("Store &address"))
        self.domain_edit.setPlaceholderText(self.tr("your-store.myshopify.com"))
        self.domain_edit.setAccessibleName(self.tr("Store address"))
        self._show_feedback()

    def offer(self, known: Sequence[Endpoint], current: Endpoint | None) -> None:
        """The stores connected before, offered as the address is typed, and `current` (the
        store the window shows: connected again when its credentials were lost) filled in.
        Each as the merchant would type it (`Endpoint.stored`: the demo shop's with its
        scheme)."""
        if known:
            completer = QCompleter([e.stored for e in known], self.domain_edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.domain_edit.setCompleter(completer)
        if current is not None:
            self.domain_edit.setText(current.stored)

    def use_loopback(self, endpoint: Endpoint) -> None:
        """The demo shop, chosen by code, never by typing an address."""
        self._fixed = True
        self.endpoint = endpoint
        self._error = None
        self.domain_edit.blockSignals(True)
        self.domain_edit.setText(endpoint.domain)
        self.domain_edit.blockSignals(False)
        self.domain_edit.setReadOnly(True)
        self._show_feedback()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.endpoint is not None

    def _validate(self, text: str) -> None:
        if self._fixed:
            return
        self.endpoint, self._error = None, None
        if text.strip():
            try:
                self.endpoint = Endpoint.typed(text)
            except InvalidShopDomain as exc:
                self._error = exc.phrase
        self._show_feedback()
        self.completeChanged.emit()

    def _show_feedback(self) -> None:
        if self._fixed and self.endpoint is not None:
            text = self.tr("CancelApp will connect to the demo shop at {address}.")
            self.feedback.setText(text.format(address=self.endpoint.domain))
        elif self.endpoint is not None and self.endpoint.is_loopback:
            text = self.tr(
                "CancelApp will connect to the demo shop on this computer at {address}. "
                "It is not a Shopify store: nothing you do there moves real money."
            )
            self.feedback.setText(text.format(address=self.endpoint.domain))
        elif self.endpoint is not None:
            text = self.tr("CancelApp will connect to {domain}.")
            self.feedback.setText(text.format(domain=self.endpoint.domain))
        elif self._error is not None:
            self.feedback.setText(translated(self._error))
        else:
            self.feedback.setText("")


class GuidePage(RetranslatedPage):
    """How to create the app in Shopify's Dev Dashboard, with the exact scopes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = plain_label()
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.required = plain_label()
        self.required.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.optional = plain_label()
        self.optional.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton()
        self.copy_button.setAutoDefault(False)  # Enter goes on to the next page
        self.copy_button.clicked.connect(self.copy_scopes)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.steps)
        inner.addWidget(self.required)
        inner.addWidget(self.optional)
        inner.addStretch()
        # The steps and the scope list scroll on a laptop's 768 pixels, never cut off.
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch()
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Create the app in Shopify"))
        self.setSubTitle(
            self.tr("CancelApp talks to your store through an app that you create yourself.")
        )
        self.steps.setText(
            self.tr(
                "1. Open Shopify's Dev Dashboard with the account that owns the store, and "
                "create an app called CancelApp.\n"
                "2. Create a version of the app with the access scopes below, and release it.\n"
                "3. Under protected customer data access, select why CancelApp needs it "
                "(customer service) and allow name, email and address, so requests are matched "
                "to customers and each order shows its customer and where it ships. Without "
                "it, Shopify sends those fields empty.\n"
                "4. Install the app in your store.\n"
                "5. Open the app's settings and copy its client ID and client secret into the "
                "next page.\n\n"
                "Already have an Admin API access token from an older custom app? Skip to the "
                "next page."
            )
        )
        self.required.setText(
            self.tr("Access scopes CancelApp needs:") + "\n" + "\n".join(required_scopes())
        )
        self.optional.setText(
            self.tr("Optional, for stores with a fulfillment service or returns:")
            + "\n"
            + "\n".join(optional_scopes())
        )
        self.copy_button.setText(self.tr("&Copy the scopes"))
        self.copy_button.setAccessibleName(self.tr("Copy the access scopes"))

    def copy_scopes(self) -> None:
        QGuiApplication.clipboard().setText(",".join(required_scopes() + optional_scopes()))


class CredentialsPage(RetranslatedPage):
    """Client ID and secret (recommended), or an existing Admin API access token."""

    def __init__(self, keychain_notice: Phrase | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keychain_notice = keychain_notice
        self.app_choice = QRadioButton()
        self.token_choice = QRadioButton()
        self.app_choice.setChecked(True)
        self._choices = QButtonGroup(self)
        self._choices.addButton(self.app_choice)
        self._choices.addButton(self.token_choice)
        self.client_id_edit = QLineEdit()
        self.client_secret_edit = QLineEdit()
        self.client_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        app_form = QFormLayout()
        self.client_id_label = form_row(app_form, self.client_id_edit)
        self.client_secret_label = form_row(app_form, self.client_secret_edit)
        token_form = QFormLayout()
        self.token_label = form_row(token_form, self.token_edit)
        self.keychain_label = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.app_choice)
        layout.addLayout(app_form)
        layout.addWidget(self.token_choice)
        layout.addLayout(token_form)
        layout.addWidget(self.keychain_label)
        layout.addStretch()
        for edit in (self.client_id_edit, self.client_secret_edit, self.token_edit):
            edit.textChanged.connect(self.completeChanged)
        self._choices.buttonToggled.connect(self._choice_changed)
        self._choice_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Let CancelApp in"))
        notice = self._keychain_notice
        self.setSubTitle(  # without a keychain, `keychain_label` says what becomes of it
            self.tr("Paste what Shopify showed you.")
            if notice
            else self.tr("Paste what Shopify showed you. It is kept in your keychain.")
        )
        self.app_choice.setText(
            self.tr("Client ID and secret from a Dev Dashboard app (&recommended)")
        )
        self.token_choice.setText(self.tr("An Admin API access &token from an existing app"))
        self.client_id_label.setText(self.tr("Client &ID"))
        self.client_secret_label.setText(self.tr("Client &secret"))
        self.token_label.setText(self.tr("Access to&ken"))
        self.client_id_edit.setAccessibleName(self.tr("Client ID"))
        self.client_secret_edit.setAccessibleName(self.tr("Client secret"))
        self.token_edit.setAccessibleName(self.tr("Admin API access token"))
        self.token_edit.setPlaceholderText(self.tr("shpat_…"))
        self.keychain_label.setText(translated(notice) if notice else "")
        self.keychain_label.setVisible(notice is not None)

    def uses_token(self) -> bool:
        return self.token_choice.isChecked()

    def isComplete(self) -> bool:
        if self.uses_token():
            return bool(self.token_edit.text().strip())
        return bool(self.client_id_edit.text().strip() and self.client_secret_edit.text().strip())

    def credentials(self) -> Credentials:
        if self.uses_token():
            return AccessToken(self.token_edit.text().strip())
        return ClientCredentials(
            self.client_id_edit.text().strip(), self.client_secret_edit.text().strip()
        )

    def _choice_changed(self) -> None:
        token = self.uses_token()
        for edit in (self.client_id_edit, self.client_secret_edit):
            edit.setEnabled(not token)
        self.token_edit.setEnabled(token)
        self.completeChanged.emit()


class CheckPage(RetranslatedPage):
    """Talks to the store (off the GUI thread) and shows who it is and what is missing."""

    recheck_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_info: ShopInfo | None = None
        self._error: Phrase | None = None
        self._checking = False
        self._saving = False
        self.status = plain_label()
        # The page's first stop for the keyboard, so the wizard never gives the focus to Back:
        # Check again is off while the page checks, and a focused Back took Return for itself
        # (once in QA, Return on this page went back to the token). Here Return is Finish's.
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details = plain_label()
        self.check_again = QPushButton()
        self.check_again.clicked.connect(self.recheck_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        row.addWidget(self.check_again)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the connection"))
        self.setSubTitle(self.tr("CancelApp asks your store who it is and what it may do."))
        self.check_again.setText(self.tr("Check &again"))
        self.status.setAccessibleName(self.tr("Connection status"))
        self._show()

    def show_checking(self) -> None:
        self.shop_info, self._error, self._checking = None, None, True
        self._show()

    def show_result(self, info: ShopInfo) -> None:
        self.shop_info, self._error, self._checking = info, None, False
        self._show()

    def show_error(self, phrase: Phrase) -> None:
        self._error, self._checking = phrase, False
        self._show()

    def show_saving(self, saving: bool) -> None:
        self._saving = saving
        self._show()

    def isComplete(self) -> bool:
        return (
            not self._checking
            and not self._saving
            and self.shop_info is not None
            and not self.shop_info.missing_scopes
        )

    def _finish_text(self) -> str:
        """The Finish button's words as it reads them: Qt names it ("Slut" in Danish, "Done"
        on macOS), and the text named another ("Udfør")."""
        wizard = self.wizard()
        text = wizard.buttonText(QWizard.WizardButton.FinishButton) if wizard else ""
        return text.replace("&", "")  # its mnemonic

    def _show(self) -> None:
        info = self.shop_info
        lines: list[str] = []
        if self._checking:
            status = self.tr("Checking the connection…")
        elif info is None:
            status = self.tr("Not connected.")
        elif info.missing_scopes:
            status = self.tr(
                "Connected to {shop}, but the app is missing access scopes. Add them to the "
                "app, release a new version, install it again, then check again."
            ).format(shop=info.name)
            lines = [translated_scope(m.consequence) for m in info.missing_scopes]
        else:
            # "Hygge & Co. (demo) (DKK)" read as two asides: the currency gets its own words.
            status = self.tr(
                "Connected to {shop}, which sells in {currency}. Press {finish} to save it."
            ).format(shop=info.name, currency=info.currency_code, finish=self._finish_text())
        if info is not None and not self._checking:
            lines += [translated_scope(p) for p in missing_optional_scopes(info)]
        if self._saving:
            status = self.tr("Saving…")
        if self._error is not None:
            status = translated(self._error)
        self.status.setText(status)
        self.details.setText("\n".join(lines))
        can_check = not self._checking and not self._saving
        if not can_check and self.check_again.hasFocus():
            self.status.setFocus()  # not the next in line, Back (see `__init__`)
        self.check_again.setEnabled(can_check)
        self.completeChanged.emit()
