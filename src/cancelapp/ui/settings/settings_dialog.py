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

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
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
    ReplyTemplate,
    Settings,
    SettingsNotSaved,
    save_settings,
)
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.connect.connect_pages import form_row, plain_label, translated
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.settings.settings_intake import IntakeTab
from cancelapp.ui.workers import Task, WorkerPool

_UNEXPECTED = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Something unexpected went wrong while saving. The details are in CancelApp's log.",
)
# Each language is named in its own words, so it can be found whatever the window speaks.
_LANGUAGE_NAMES = {Language.ENGLISH: "English", Language.DANISH: "Dansk"}


def persist_settings(
    settings: Settings,
    path: Path,
    secrets: SecretStore,
    imap_passwords: dict[str, str],
    app_secrets: Mapping[ProviderKey, str] = MappingProxyType({}),
    signed_out: Sequence[tuple[Provider, str]] = (),
) -> tuple[Phrase, ...]:
    """Write the file, then the email passwords and sign-in app secrets to the keychain, and
    revoke the sign-ins of mailboxes that no longer use them; notices for the merchant."""
    save_settings(settings, path)
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


def translated_template(template: ReplyTemplate) -> ReplyTemplate:
    """Built-in templates in the window's language; the merchant's own text as written."""
    return ReplyTemplate(
        QCoreApplication.translate("ReplyTemplates", template.name),
        QCoreApplication.translate("ReplyTemplates", template.body),
    )


class TemplatesTab(Retranslating, QWidget):
    def __init__(self, templates: Sequence[ReplyTemplate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._templates = [translated_template(t) for t in templates]
        self._shown = -1
        self.list = QListWidget()
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_label.setBuddy(self.name_edit)
        self.body_label = QLabel()
        self.body_edit = QPlainTextEdit()
        self.body_label.setBuddy(self.body_edit)
        self.hint = plain_label()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add_template)
        self.remove_button.clicked.connect(self.remove_template)
        self.list.currentRowChanged.connect(self._row_changed)
        self.name_edit.textEdited.connect(self._name_edited)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        editor = QVBoxLayout()
        editor.addWidget(self.name_label)
        editor.addWidget(self.name_edit)
        editor.addWidget(self.body_label)
        editor.addWidget(self.body_edit)
        editor.addWidget(self.hint)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addLayout(buttons)
        columns.addLayout(left, 1)
        columns.addLayout(editor, 2)
        QVBoxLayout(self).addLayout(columns)
        for template in self._templates:
            self.list.addItem(template.name)
        self.list.setCurrentRow(0 if self._templates else -1)
        self._row_changed(self.list.currentRow())
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Reply templates"))
        self.name_label.setText(self.tr("&Name"))
        self.body_label.setText(self.tr("&Text"))
        self.name_edit.setAccessibleName(self.tr("Template name"))
        self.body_edit.setAccessibleName(self.tr("Template text"))
        self.hint.setText(
            self.tr("{customer}, {order} and {staff} are filled in when the reply is written.")
        )
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove"))

    def templates(self) -> tuple[ReplyTemplate, ...]:
        self._keep_shown()
        return tuple(t for t in self._templates if t.name.strip() or t.body.strip())

    def add_template(self) -> None:
        self._keep_shown()
        self._templates.append(ReplyTemplate(self.tr("New reply"), ""))
        self.list.addItem(self._templates[-1].name)
        self.list.setCurrentRow(len(self._templates) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def remove_template(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._shown = -1  # do not write the removed one back
        del self._templates[row]
        self.list.takeItem(row)
        self._row_changed(self.list.currentRow())

    def _row_changed(self, row: int) -> None:
        self._keep_shown()
        self._shown = row
        has_row = 0 <= row < len(self._templates)
        template = self._templates[row] if has_row else ReplyTemplate("", "")
        self.name_edit.setText(template.name)
        self.body_edit.setPlainText(template.body)
        for widget in (self.name_edit, self.body_edit, self.remove_button):
            widget.setEnabled(has_row)

    def _name_edited(self, text: str) -> None:
        item = self.list.item(self._shown)
        if item is not None:
            item.setText(text)

    def _keep_shown(self) -> None:
        if 0 <= self._shown < len(self._templates):
            self._templates[self._shown] = ReplyTemplate(
                self.name_edit.text().strip(), self.body_edit.toPlainText()
            )


class SettingsDialog(Retranslating, QDialog):
    settings_saved = Signal(object, object)  # Settings, tuple[Phrase, ...] notices

    def __init__(
        self,
        settings: Settings,
        settings_file: Path,
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
        self._settings_file = settings_file
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
        self.tabs.addTab(self.general, "")
        self.tabs.addTab(self.templates_tab, "")
        self.tabs.addTab(self.intake_tab, "")
        self.message = plain_label()
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
            reply_templates=self.templates_tab.templates(),
            intake=intake,
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
            self.message.setText(
                self.tr("Sign in to the mailbox of {store} first, or choose App password.").format(
                    store=", ".join(not_signed_in)
                )
            )
            return
        if incomplete:
            self.message.setText(
                self.tr(
                    "Enter the mail server and user name for {store}, or switch email off."
                ).format(store=", ".join(incomplete))
            )
            return
        self.message.setText(self.tr("Saving…"))
        self.buttons.setEnabled(False)
        task = self._workers.run(
            persist_settings,
            settings,
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
        self.message.setText("")
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
        self.message.setText(translated(phrase))
