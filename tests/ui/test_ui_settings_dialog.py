"""The settings dialog, driven by qtbot: every setting, templates, per-store intake, the
email password into the keychain and never into the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp.actions.reply import ReplyKind
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.settings import (
    Language,
    Settings,
    StoreIntake,
    load_settings,
    save_settings,
    settings_path,
)
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.sources.email_config import Security
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from cancelapp.ui.workers import WorkerPool
from fixtures.keychain import MemoryKeyring

SHOP = StoreRecord(
    1,
    Endpoint.for_shop("nordlys-keramik.myshopify.com"),
    "Nordlys Keramik",
    "DKK",
    "Europe/Copenhagen",
    "client_credentials",
)
OTHER = StoreRecord(
    2,
    Endpoint.for_shop("fjord-te.myshopify.com"),
    "Fjord Te",
    "DKK",
    "Europe/Copenhagen",
    "access_token",
)
IMAP_PASSWORD = "imap-pw-canary-51c2"

# The offscreen platform says this whenever a dialog is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def workers(qtbot: QtBot) -> Iterator[WorkerPool]:
    pool = WorkerPool()
    yield pool
    pool.shutdown()


def _open(
    qtbot: QtBot,
    workers: WorkerPool,
    secrets: SecretStore,
    path: Path,
    settings: Settings | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), path, workers, secrets, [SHOP, OTHER])
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _save(qtbot: QtBot, dialog: SettingsDialog) -> tuple[Settings, tuple[object, ...]]:
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    settings, notices = saved.args
    return settings, notices


def test_general_settings_are_saved_to_the_file(
    qtbot: QtBot, workers: WorkerPool, secret_store: SecretStore, tmp_path: Path
) -> None:
    path = settings_path(tmp_path)
    dialog = _open(qtbot, workers, secret_store, path)
    assert dialog.sync_spin.value() == 5 and dialog.undo_spin.value() == 10
    qtbot.keyClicks(dialog.staff_edit, "Mette")
    dialog.sync_spin.setValue(15)
    dialog.undo_spin.setValue(20)
    qtbot.keyClick(dialog.hold_box, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.tray_box, Qt.Key.Key_Space)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("Dansk"))
    settings, notices = _save(qtbot, dialog)
    assert notices == ()
    assert (settings.staff_name, settings.sync_interval_minutes, settings.undo_window_seconds) == (
        "Mette",
        15,
        20,
    )
    assert settings.hold_on_arrival and not settings.tray_notifications
    assert settings.language is Language.DANISH
    assert load_settings(path).settings == settings
    assert dialog.result() == dialog.DialogCode.Accepted


def test_reply_templates_are_edited_per_outcome_and_language_with_a_live_preview(
    qtbot: QtBot, workers: WorkerPool, secret_store: SecretStore, tmp_path: Path
) -> None:
    dialog = _open(qtbot, workers, secret_store, settings_path(tmp_path))
    tab = dialog.templates_tab
    assert tab.list.count() == len(ReplyKind)
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("da"))
    tab.list.setCurrentRow(list(ReplyKind).index(ReplyKind.DECLINED))
    assert tab.subject_edit.text() == "Angående annullering af din ordre {order}"
    assert "Kære Anna Jensen" in tab.preview.toPlainText()  # the placeholders, filled in
    tab.body_edit.setPlainText("Hej {name}, {order} kan ikke annulleres: {reason}")
    assert tab.preview.toPlainText().endswith(
        "Hej Anna Jensen, #1042 kan ikke annulleres: ordren er allerede sendt."
    )
    tab.list.setCurrentRow(0)  # another outcome, then back: the edit is kept
    tab.list.setCurrentRow(list(ReplyKind).index(ReplyKind.DECLINED))
    assert tab.body_edit.toPlainText().startswith("Hej {name}")
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("en"))
    assert tab.body_edit.toPlainText().startswith("Dear {name}")  # English is its own text
    settings, _ = _save(qtbot, dialog)
    assert settings.reply_templates == {
        "da": {
            "declined": (
                "Angående annullering af din ordre {order}",
                "Hej {name}, {order} kan ikke annulleres: {reason}",
            )
        }
    }

    again = _open(qtbot, workers, secret_store, settings_path(tmp_path), settings)
    again.templates_tab.language_combo.setCurrentIndex(
        again.templates_tab.language_combo.findData("da")
    )
    again.templates_tab.list.setCurrentRow(list(ReplyKind).index(ReplyKind.DECLINED))
    qtbot.mouseClick(again.templates_tab.restore_button, Qt.MouseButton.LeftButton)
    assert again.templates_tab.texts() == {}


def test_intake_per_store_and_the_email_password_goes_to_the_keychain_only(
    qtbot: QtBot, workers: WorkerPool, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    secrets = SecretStore(memory_keyring)
    path = settings_path(tmp_path)
    start = Settings().with_intake(OTHER.domain, StoreIntake(native=False, csv=True))
    dialog = _open(qtbot, workers, secrets, path, start)
    tab = dialog.intake_tab
    assert not tab.store_combo.isHidden() and tab.store_combo.count() == 2
    assert tab.keychain_label.isHidden()
    tab.select_store(SHOP.domain)
    qtbot.keyClick(tab.csv_box, Qt.Key.Key_Space)
    tab.email_group.setChecked(True)
    qtbot.keyClicks(tab.host_edit, "imap.example.dk")
    tab.security_combo.setCurrentIndex(tab.security_combo.findData(Security.STARTTLS.value))
    assert tab.port_spin.value() == 143  # followed the encryption
    qtbot.keyClicks(tab.user_edit, "ordre@nordlys.dk")
    qtbot.keyClicks(tab.password_edit, IMAP_PASSWORD)
    tab.select_store(OTHER.domain)  # switching keeps the first store's edits
    assert tab.csv_box.isChecked() and not tab.native_box.isChecked()
    settings, notices = _save(qtbot, dialog)
    assert notices == ()
    shop = settings.intake_for(SHOP.domain)
    assert shop.csv and shop.email.enabled
    assert (shop.email.host, shop.email.port, shop.email.security) == (
        "imap.example.dk",
        143,
        Security.STARTTLS,
    )
    assert settings.intake_for(OTHER.domain) == StoreIntake(native=False, csv=True)
    assert secrets.load(SHOP.domain, SecretKind.IMAP_PASSWORD) == IMAP_PASSWORD
    assert IMAP_PASSWORD not in path.read_text(encoding="utf-8")


def test_incomplete_email_settings_are_explained_and_not_saved(
    qtbot: QtBot, workers: WorkerPool, secret_store: SecretStore, tmp_path: Path
) -> None:
    path = settings_path(tmp_path)
    dialog = _open(qtbot, workers, secret_store, path)
    dialog.intake_tab.email_group.setChecked(True)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "Enter the mail server and user name" in dialog.message.text()
    assert dialog.isVisible() and not path.exists()


def test_an_outgoing_server_without_the_mailbox_account_is_explained_and_not_saved(
    qtbot: QtBot, workers: WorkerPool, secret_store: SecretStore, tmp_path: Path
) -> None:
    path = settings_path(tmp_path)
    dialog = _open(qtbot, workers, secret_store, path)
    dialog.intake_tab.email_group.setChecked(True)
    qtbot.keyClicks(dialog.intake_tab.smtp_host_edit, "smtp.example.dk")
    dialog.intake_tab.email_group.setChecked(False)  # reading off; sending still needs it
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "Replies are sent with the mailbox's own account" in dialog.message.text()
    assert dialog.isVisible() and not path.exists()


def test_a_failed_save_keeps_the_dialog_open_with_a_plain_message(
    qtbot: QtBot, workers: WorkerPool, secret_store: SecretStore, tmp_path: Path
) -> None:
    path = settings_path(tmp_path)
    path.mkdir()  # the file cannot be written
    dialog = _open(qtbot, workers, secret_store, path)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "could not save the settings" in dialog.message.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()


def test_without_a_keychain_the_email_password_is_kept_for_the_session(
    qtbot: QtBot, workers: WorkerPool, tmp_path: Path
) -> None:
    secrets = SecretStore(None)
    path = settings_path(tmp_path)
    save_settings(Settings(), path)
    dialog = _open(qtbot, workers, secrets, path)
    tab = dialog.intake_tab
    notice = (
        "Your computer has no keychain CancelApp can use; the email password will be forgotten "
        "when you quit."
    )
    assert tab.keychain_label.text() == notice  # told before typing the password
    tab.select_store(SHOP.domain)
    tab.email_group.setChecked(True)
    qtbot.keyClicks(tab.host_edit, "imap.example.dk")
    qtbot.keyClicks(tab.user_edit, "ordre@nordlys.dk")
    qtbot.keyClicks(tab.password_edit, IMAP_PASSWORD)
    _, notices = _save(qtbot, dialog)
    assert [n.render_plain() for n in notices] == [notice]
    assert secrets.load(SHOP.domain, SecretKind.IMAP_PASSWORD) == IMAP_PASSWORD
    assert IMAP_PASSWORD not in path.read_text(encoding="utf-8")
