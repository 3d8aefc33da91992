"""The settings tab for where each store's cancellation requests come from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.withdrawal import WithdrawalTerms
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.mail.config import SmtpSecurity
from cancelapp.oauth.providers import PROVIDERS, Provider, ProviderKey
from cancelapp.oauth.sasl import Bearer
from cancelapp.settings import EmailIntake, Settings, StoreIntake
from cancelapp.sources.email_config import Security
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.connect.connect_pages import form_row, plain_label, translated
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.settings.mailbox_sign_in import MailboxSignIn, SignInAppsBox
from cancelapp.ui.workers import Lane, Task, WorkerPool


class IntakeTab(Retranslating, QWidget):
    """One store at a time (a switcher when there are several); edits are kept per store."""

    connection_checked = Signal(bool)  # whether reading and sending both work

    def __init__(
        self,
        settings: Settings,
        stores: Sequence[StoreRecord],
        keychain_notice: Phrase | None = None,
        parent: QWidget | None = None,
        *,
        workers: WorkerPool,
        secrets: SecretStore,
        current: str | None = None,  # the domain of the store the window shows
        providers: Mapping[ProviderKey, Provider] = PROVIDERS,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._workers = workers
        self._secrets = secrets
        self._check_task: Task | None = None
        self._providers = providers
        self._keychain_notice = keychain_notice
        self.keychain_label = plain_label()
        self._stores = list(stores)
        self._intake = {s.domain: settings.intake_for(s.domain) for s in self._stores}
        self._terms = {s.domain: settings.withdrawal_for(s.domain) for s in self._stores}
        self._passwords: dict[str, str] = {}
        self._shown: str | None = None
        self.store_label = QLabel()
        self.store_combo = QComboBox()
        for store in self._stores:
            self.store_combo.addItem(f"{store.name} ({store.domain})", store.domain)
        self.store_label.setBuddy(self.store_combo)
        self.store_label.setVisible(len(self._stores) > 1)
        self.store_combo.setVisible(len(self._stores) > 1)
        self.no_store = QLabel()
        self.no_store.setVisible(not self._stores)
        self.native_box = QCheckBox()
        self.tag_box = QCheckBox()
        self.tag_edit = QLineEdit()
        self.csv_box = QCheckBox()
        self.email_group = QGroupBox()
        self.email_group.setCheckable(True)
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.security_combo = QComboBox()
        self.security_combo.addItem("", Security.TLS.value)
        self.security_combo.addItem("", Security.STARTTLS.value)
        self.user_edit = QLineEdit()
        self.folder_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_heading = plain_label()
        self.smtp_host_edit = QLineEdit()
        self.smtp_port_spin = QSpinBox()
        self.smtp_port_spin.setRange(1, 65535)
        self.smtp_security_combo = QComboBox()
        self.smtp_security_combo.addItem("", SmtpSecurity.STARTTLS.value)
        self.smtp_security_combo.addItem("", SmtpSecurity.TLS.value)
        self.sender_edit = QLineEdit()
        self.check_button = QPushButton()
        self.check_button.setAutoDefault(False)
        self.check_label = plain_label()
        self.apps_box = SignInAppsBox(settings.sign_in_apps)
        self.sign_in = MailboxSignIn(workers, secrets, providers, self.apps_box)
        email_form = QFormLayout(self.email_group)
        self._email_form = email_form
        self._email_fields: list[tuple[QLabel, QWidget]] = [
            (form_row(email_form, field), field)
            for field in (
                self.sign_in,
                self.host_edit,
                self.port_spin,
                self.security_combo,
                self.user_edit,
                self.folder_edit,
                self.password_edit,
            )
        ]
        # The store's answers for the EU right of withdrawal (Directive 2011/83/EU).
        self.withdrawal_group = QGroupBox()
        self.informed_box = QCheckBox()
        self.business_box = QCheckBox()
        self.acknowledge_box = QCheckBox()
        withdrawal_layout = QVBoxLayout(self.withdrawal_group)
        for box in (self.informed_box, self.business_box, self.acknowledge_box):
            withdrawal_layout.addWidget(box)
        email_form.addRow(self.smtp_heading)
        self._smtp_fields: list[tuple[QLabel, QWidget]] = [
            (form_row(email_form, field), field)
            for field in (
                self.smtp_host_edit,
                self.smtp_port_spin,
                self.smtp_security_combo,
                self.sender_edit,
            )
        ]
        email_form.addRow(self.check_button)
        email_form.addRow(self.check_label)
        self.check_button.clicked.connect(self.check_connection)
        self.smtp_security_combo.currentIndexChanged.connect(self._default_smtp_port)
        self.sign_in.method_changed.connect(self._method_changed)
        self.sign_in.signed_in.connect(self._signed_in)
        self.tag_box.toggled.connect(self.tag_edit.setEnabled)
        self.security_combo.currentIndexChanged.connect(self._default_port)
        layout = QVBoxLayout(self)
        layout.addWidget(self.store_label)
        layout.addWidget(self.store_combo)
        layout.addWidget(self.no_store)
        layout.addWidget(self.native_box)
        layout.addWidget(self.tag_box)
        layout.addWidget(self.tag_edit)
        layout.addWidget(self.csv_box)
        layout.addWidget(self.email_group)
        layout.addWidget(self.withdrawal_group)
        layout.addWidget(self.apps_box)
        layout.addWidget(self.keychain_label)
        layout.addStretch()
        for widget in (
            self.native_box,
            self.tag_box,
            self.tag_edit,
            self.csv_box,
            self.email_group,
            self.withdrawal_group,
        ):
            widget.setEnabled(bool(self._stores))
        self.apps_box.setVisible(bool(self._stores))
        if (shown := self.store_combo.findData(current)) >= 0:
            self.store_combo.setCurrentIndex(shown)  # opens on the window's store
        self.store_combo.currentIndexChanged.connect(self._store_changed)
        self._store_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.store_label.setText(self.tr("&Store"))
        self.no_store.setText(
            self.tr("Connect a store first; then choose where its requests come from.")
        )
        self.native_box.setText(self.tr("Requests customers send through &Shopify"))
        self.tag_box.setText(self.tr("Orders &tagged as a cancellation request"))
        self.tag_edit.setAccessibleName(self.tr("Tag that marks a cancellation request"))
        self.csv_box.setText(self.tr("Exports of a contact or Google &form (CSV)"))
        self.email_group.setTitle(self.tr("Requests sent by &email"))
        self.withdrawal_group.setTitle(self.tr("EU right of withdrawal"))
        self.informed_box.setText(
            self.tr("Customers are told of their right of withdrawal (if not: 12 months more)")
        )
        self.business_box.setText(self.tr("Orders with a company on them are business orders"))
        self.acknowledge_box.setText(
            self.tr("Acknowledge each withdrawal on arrival, with its text and time of receipt")
        )
        self.security_combo.setItemText(0, self.tr("TLS (usually port 993)"))
        self.security_combo.setItemText(1, self.tr("STARTTLS (usually port 143)"))
        labels = [
            self.tr("Log in with"),
            self.tr("Mail server"),
            self.tr("Port"),
            self.tr("Encryption"),
            self.tr("User name"),
            self.tr("Folder"),
            self.tr("Password"),
        ]
        for (label, field), text in zip(self._email_fields, labels, strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.smtp_heading.setText(
            self.tr("Sending replies (the same user name and password; leave empty to not send)")
        )
        self.smtp_security_combo.setItemText(0, self.tr("STARTTLS (usually port 587)"))
        self.smtp_security_combo.setItemText(1, self.tr("TLS (usually port 465)"))
        smtp_labels = [
            self.tr("Outgoing mail server"),
            self.tr("Outgoing port"),
            self.tr("Outgoing encryption"),
            self.tr("From address"),
        ]
        for (label, field), text in zip(self._smtp_fields, smtp_labels, strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.smtp_host_edit.setPlaceholderText(self.tr("smtp.example.com"))
        self.sender_edit.setPlaceholderText(self.tr("The user name"))
        self.check_button.setText(self.tr("C&heck the connection"))
        self.host_edit.setPlaceholderText(self.tr("imap.example.com"))
        self.password_edit.setPlaceholderText(self.tr("Leave empty to keep the saved password"))
        notice = self._keychain_notice
        self.keychain_label.setText(translated(notice) if notice else "")
        self.keychain_label.setVisible(notice is not None)

    def intake(self) -> dict[str, StoreIntake]:
        self._keep_shown()
        return dict(self._intake)

    def withdrawal_terms(self) -> dict[str, WithdrawalTerms]:
        self._keep_shown()
        return dict(self._terms)

    def new_passwords(self) -> dict[str, str]:
        """Email passwords typed in this dialog, by store domain (for the keychain only)."""
        self._keep_shown()
        return {
            domain: pw
            for domain, pw in self._passwords.items()
            if pw and self._intake[domain].email.sign_in is None
        }

    def select_store(self, domain: str) -> None:
        self.store_combo.setCurrentIndex(self.store_combo.findData(domain))

    def _store_changed(self) -> None:
        self._keep_shown()
        domain = self.store_combo.currentData()
        self._shown = domain if isinstance(domain, str) else None
        intake = self._intake.get(self._shown or "", StoreIntake())
        self.native_box.setChecked(intake.native)
        self.tag_box.setChecked(intake.tag)
        self.tag_edit.setText(intake.tag_name)
        self.tag_edit.setEnabled(intake.tag and bool(self._stores))
        self.csv_box.setChecked(intake.csv)
        terms = self._terms.get(self._shown or "", WithdrawalTerms())
        self.informed_box.setChecked(terms.informed)
        self.business_box.setChecked(terms.business_excluded)
        self.acknowledge_box.setChecked(terms.acknowledge_on_arrival)
        email = intake.email
        self.email_group.setChecked(email.enabled)
        self.host_edit.setText(email.host)
        self.security_combo.blockSignals(True)
        self.security_combo.setCurrentIndex(self.security_combo.findData(email.security.value))
        self.security_combo.blockSignals(False)
        self.port_spin.setValue(email.port)
        self.user_edit.setText(email.username)
        self.folder_edit.setText(email.folder)
        self.password_edit.setText(self._passwords.get(self._shown or "", ""))
        self.sign_in.show_mailbox(self._shown, email.sign_in, email.username)
        self.smtp_host_edit.setText(email.smtp_host)
        with QSignalBlocker(self.smtp_security_combo):
            self.smtp_security_combo.setCurrentIndex(
                self.smtp_security_combo.findData(email.smtp_security.value)
            )
        self.smtp_port_spin.setValue(email.smtp_port)
        self.sender_edit.setText(email.sender)
        self.check_label.setText("")

    def _keep_shown(self) -> None:
        if self._shown is None:
            return
        self._intake[self._shown] = StoreIntake(
            native=self.native_box.isChecked(),
            tag=self.tag_box.isChecked(),
            tag_name=self.tag_edit.text().strip() or StoreIntake().tag_name,
            csv=self.csv_box.isChecked(),
            email=EmailIntake(
                enabled=self.email_group.isChecked(),
                host=self.host_edit.text().strip(),
                port=self.port_spin.value(),
                security=Security(self.security_combo.currentData()),
                username=self.user_edit.text().strip(),
                folder=self.folder_edit.text().strip() or "INBOX",
                sign_in=self.sign_in.method(),
                smtp_host=self.smtp_host_edit.text().strip(),
                smtp_port=self.smtp_port_spin.value(),
                smtp_security=SmtpSecurity(self.smtp_security_combo.currentData()),
                sender=self.sender_edit.text().strip(),
            ),
        )
        self._passwords[self._shown] = self.password_edit.text()
        self._terms[self._shown] = WithdrawalTerms(
            informed=self.informed_box.isChecked(),
            business_excluded=self.business_box.isChecked(),
            acknowledge_on_arrival=self.acknowledge_box.isChecked(),
        )

    def check_connection(self) -> None:
        """Sign in to the mailbox as typed (reading, its Sent folder, sending), off the GUI
        thread; the outcome goes in the line under the button."""
        self._keep_shown()
        domain = self._shown
        if domain is None or self._check_task is not None:
            return
        email = self._intake[domain].email
        imap = email.mailbox()
        if imap is None:
            self.check_label.setText(self.tr("Enter the mail server and user name first."))
            return
        from cancelapp.mail.check import check_mailbox

        typed, secrets, key = self._passwords.get(domain, ""), self._secrets, email.sign_in
        provider = self._providers[key] if key is not None else None
        as_typed = self._settings.with_intake(domain, self._intake[domain])

        def login() -> str | Bearer:  # in the worker: the keychain may ask to be unlocked
            if provider is not None:
                from cancelapp.session.mail_sign_in import mailbox_login

                return mailbox_login(provider, as_typed, secrets, domain)
            return typed or secrets.load(domain, SecretKind.IMAP_PASSWORD) or ""

        self.check_label.setText(self.tr("Checking…"))
        self.check_button.setEnabled(False)
        task = self._workers.run_on(Lane.NETWORK, check_mailbox, imap, email.sending(), login)
        self._check_task = task
        task.succeeded.connect(self._checked)
        task.failed.connect(lambda error: self._checked((False, ())))

    def _checked(self, result: tuple[bool, tuple[Phrase, ...]]) -> None:
        self._check_task = None
        self.check_button.setEnabled(True)
        ok, lines = result
        text = "\n".join(translated(line) for line in lines)
        if not ok and not lines:
            text = self.tr("The connection could not be checked.")
        self.check_label.setText(text)
        self.connection_checked.emit(ok)

    def _default_smtp_port(self) -> None:
        if self.smtp_port_spin.value() in (587, 465):
            tls = self.smtp_security_combo.currentData() == SmtpSecurity.TLS.value
            self.smtp_port_spin.setValue(465 if tls else 587)

    def _method_changed(self) -> None:
        """A provider's mail server filled in (where none was typed); no password asked."""
        key = self.sign_in.method()
        self._email_form.setRowVisible(self.password_edit, key is None)
        self.user_edit.setReadOnly(key is not None)  # the address signed in to
        if key is None:
            return
        known = {p.imap_host for p in self._providers.values()}
        if not self.host_edit.text().strip() or self.host_edit.text().strip() in known:
            self.host_edit.setText(self._providers[key].imap_host)
            self.security_combo.setCurrentIndex(self.security_combo.findData(Security.TLS.value))
            self.port_spin.setValue(993)

    def _signed_in(self, domain: str, address: str) -> None:
        """The address signed in to is the mailbox's user name."""
        if domain == self._shown:
            self.user_edit.setText(address)
        else:
            intake = self._intake[domain]
            email = replace(intake.email, username=address)
            self._intake[domain] = replace(intake, email=email)

    def _default_port(self) -> None:
        if self.port_spin.value() in (993, 143):
            tls = self.security_combo.currentData() == Security.TLS.value
            self.port_spin.setValue(993 if tls else 143)
