"""The settings dialog: sync, staff, undo window, holds, language, notifications, reply
templates and where each store's requests come from.

Opened with `open()`; answers with `settings_saved(Settings, notices)` once the file is written
and any email password is in the keychain (both off the GUI thread). Applying the language is
the caller's business (`i18n.Translations.apply`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.keychain.secret_store import notices_of
from cancelapp.oauth.providers import PROVIDERS, Provider, ProviderKey, app_owner
from cancelapp.settings import (
    SYNC_INTERVAL_MINUTES,
    UNDO_WINDOW_SECONDS,
    Language,
    Settings,
    SettingsFile,
    SettingsNotSaved,
)
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.connect.connect_pages import form_row, plain_label, translated
from cancelapp.ui.dialog_fit import ScrollingForm, fit_to_screen
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.settings.settings_intake import IntakeTab
from cancelapp.ui.settings.settings_templates import TemplatesTab
from cancelapp.ui.workers import Task, WorkerPool

_UNEXPECTED = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Something unexpected went wrong while saving. The details are in CancelApp's log.",
)
# Each language is named in its own words, so it can be found whatever the window speaks.
_LANGUAGE_NAMES = {Language.ENGLISH: "English", Language.DANISH: "Dansk"}


def persist_settings(
    settings: Settings,
    ticket: int,
    settings_file: SettingsFile,
    secrets: SecretStore,
    imap_passwords: dict[str, str],
    app_secrets: Mapping[ProviderKey, str] = MappingProxyType({}),
    signed_out: Sequence[tuple[Provider, str]] = (),
) -> tuple[Phrase, ...]:
    """Write the file (through the settings' one owner), then the email passwords and
    sign-in app secrets to the keychain, and revoke the sign-ins of mailboxes that no longer
    use them; notices for the merchant."""
    settings_file.write(settings, ticket)
    saved = [
        secrets.save(domain, SecretKind.IMAP_PASSWORD, pw) for domain, pw in imap_passwords.items()
    ]
    saved += [
        secrets.save(app_owner(key), SecretKind.SIGN_IN_APP_SECRET, secret)
        for key, secret in app_secrets.items()
    ]
    notices = list(notices_of(saved))
    if signed_out:
        from cancelapp.oauth.tokens import sign_out

        for provider, domain in signed_out:
            if (by_hand := sign_out(provider, secrets, domain)) is not None:
                notices.append(by_hand)
    return tuple(notices)


class SettingsDialog(Retranslating, QDialog):
    settings_saved = Signal(object, object)  # Settings, tuple[Phrase, ...] notices

    def __init__(
        self,
        settings: Settings,
        settings_file: SettingsFile | Path,
        workers: WorkerPool,
        secrets: SecretStore,
        stores: Sequence[StoreRecord] = (),
        parent: QWidget | None = None,
        *,
        current_store: str | None = None,
        sign_in_providers: Mapping[ProviderKey, Provider] = PROVIDERS,
    ) -> None:
        super().__init__(parent)
        self._providers = sign_in_providers
        self._settings = settings
        # The window's one owner of the settings; a bare path: this dialog's own.
        self._settings_file = (
            settings_file
            if isinstance(settings_file, SettingsFile)
            else SettingsFile(settings_file, settings)
        )
        self._workers = workers
        self._secrets = secrets
        self._save_task: Task | None = None
        self.tabs = QTabWidget()
        self.general = QWidget()
        self.staff_edit = QLineEdit(settings.staff_name)
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(SYNC_INTERVAL_MINUTES.start, SYNC_INTERVAL_MINUTES.stop - 1)
        self.sync_spin.setValue(settings.sync_interval_minutes)
        self.undo_spin = QSpinBox()
        self.undo_spin.setRange(UNDO_WINDOW_SECONDS.start, UNDO_WINDOW_SECONDS.stop - 1)
        self.undo_spin.setValue(settings.undo_window_seconds)
        self.hold_box = QCheckBox()
        self.hold_box.setChecked(settings.hold_on_arrival)
        self.tray_box = QCheckBox()
        self.tray_box.setChecked(settings.tray_notifications)
        self.updates_box = QCheckBox()
        self.updates_box.setChecked(settings.check_for_updates is True)
        self.language_combo = QComboBox()
        self.language_combo.addItem("", Language.SYSTEM.value)
        for language, name in _LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, language.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(settings.language.value))
        general_form = QFormLayout(self.general)
        self._general_fields: list[tuple[QLabel, QWidget]] = [
            (form_row(general_form, field), field)
            for field in (self.staff_edit, self.sync_spin, self.undo_spin, self.language_combo)
        ]
        general_form.addRow(self.hold_box)
        general_form.addRow(self.tray_box)
        general_form.addRow(self.updates_box)
        self.templates_tab = TemplatesTab(settings.reply_templates)
        self.intake_tab = IntakeTab(
            settings,
            stores,
            secrets.no_keychain_notice(SecretKind.IMAP_PASSWORD),
            workers=workers,
            secrets=secrets,
            current=current_store,
            providers=sign_in_providers,
        )
        # Each tab scrolls under the tab bar; the buttons below stay in view.
        for page in (self.general, self.templates_tab, self.intake_tab):
            self.tabs.addTab(ScrollingForm(page), "")
        self.message = plain_label()
        self.message.hide()  # shown while it has something to say: no gap above the buttons
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self)
        super().showEvent(event)

    def show_email(self) -> None:
        """Open at the mailbox: where requests are read from and replies sent from."""
        self.tabs.setCurrentIndex(2)
        self.intake_tab.email_group.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Reply templates"))
        self.tabs.setTabText(2, self.tr("Incoming requests"))
        labels = [
            self.tr("Your &name (shown in the log and replies)"),
            self.tr("&Check for new requests every"),
            self.tr("&Undo window"),
            self.tr("&Language"),
        ]
        for (label, field), text in zip(self._general_fields, labels, strict=True):
            label.setText(text)
            field.setAccessibleName(text.replace("&", ""))
        self.sync_spin.setSuffix(self.tr(" min"))
        self.undo_spin.setSuffix(self.tr(" s"))
        self.language_combo.setItemText(0, self.tr("Same as the computer"))
        self.hold_box.setText(
            self.tr("&Hold shipping of an order as soon as a cancellation request arrives")
        )
        self.tray_box.setText(self.tr("&Notify me when new requests arrive"))
        self.updates_box.setText(
            self.tr("Look once a day for a ne&wer version of CancelApp (asks GitHub)")
        )

    def chosen_settings(self) -> Settings:
        intake = {**self._settings.intake, **self.intake_tab.intake()}
        return replace(
            self._settings,
            staff_name=self.staff_edit.text().strip(),
            sync_interval_minutes=self.sync_spin.value(),
            undo_window_seconds=self.undo_spin.value(),
            hold_on_arrival=self.hold_box.isChecked(),
            tray_notifications=self.tray_box.isChecked(),
            check_for_updates=self._check_for_updates(),
            language=Language(self.language_combo.currentData()),
            reply_templates=self.templates_tab.texts(),
            intake=intake,
            withdrawal={**self._settings.withdrawal, **self.intake_tab.withdrawal_terms()},
            sign_in_apps=self.intake_tab.apps_box.client_ids(),
        )

    def _check_for_updates(self) -> bool | None:
        """Still unanswered if the box was left unticked: the window asks once."""
        if self._settings.check_for_updates is None and not self.updates_box.isChecked():
            return None
        return self.updates_box.isChecked()

    def save(self) -> None:
        if self._save_task is not None:
            return
        settings = self.chosen_settings()
        incomplete = [
            domain
            for domain, intake in self.intake_tab.intake().items()
            if intake.email.enabled and intake.email.config() is None
        ]
        not_signed_in = [
            domain
            for domain, intake in self.intake_tab.intake().items()
            if intake.email.enabled and intake.email.sign_in and not intake.email.username
        ]
        if not_signed_in:
            self._say(
                self.tr("Sign in to the mailbox of {store} first, or choose App password.").format(
                    store=", ".join(not_signed_in)
                )
            )
            return
        if incomplete:
            self._say(
                self.tr(
                    "Enter the mail server and user name for {store}, or switch email off."
                ).format(store=", ".join(incomplete))
            )
            return
        no_account = [
            domain
            for domain, intake in self.intake_tab.intake().items()
            if intake.email.smtp_host and intake.email.sending() is None
        ]
        if no_account:
            self._say(
                self.tr(
                    "Replies are sent with the mailbox's own account: enter its mail server "
                    "and user name for {store}, or leave the outgoing server empty."
                ).format(store=", ".join(no_account))
            )
            return
        self._say(self.tr("Saving…"))
        self.buttons.setEnabled(False)
        # What the merchant changed here, onto the settings in use (kept if changed meanwhile).
        settings, ticket = self._settings_file.change(self._settings, settings)
        task = self._workers.run(
            persist_settings,
            settings,
            ticket,
            self._settings_file,
            self._secrets,
            self.intake_tab.new_passwords(),
            self.intake_tab.apps_box.new_secrets(),
            self._signed_out(settings),
        )
        self._save_task = task
        task.succeeded.connect(lambda notices: self._saved(settings, notices))
        task.failed.connect(self._save_failed)

    def _signed_out(self, settings: Settings) -> list[tuple[Provider, str]]:
        """Mailboxes that were signed in and now log in otherwise: revoked when saved."""
        return [
            (self._providers[before], domain)
            for domain in self._settings.intake
            if (before := self._settings.intake_for(domain).email.sign_in) is not None
            and settings.intake_for(domain).email.sign_in != before
        ]

    def _saved(self, settings: Settings, notices: tuple[Phrase, ...]) -> None:
        self._save_task = None
        self.buttons.setEnabled(True)
        self._say("")
        self.settings_saved.emit(settings, notices)
        self.accept()

    def _save_failed(self, error: Exception) -> None:
        self._save_task = None
        self.buttons.setEnabled(True)
        phrase = (
            error.phrase
            if isinstance(error, SettingsNotSaved)
            else Phrase("SettingsDialog", _UNEXPECTED)
        )
        self._say(translated(phrase))
