"""Settings › Incoming requests: signing a store's mailbox in with Microsoft 365 (or Google)
in the system browser, then reading requests over IMAP with the token, in the real window.

The browser is replaced at Qt's own boundary (`QDesktopServices.setUrlHandler`) by an HTTP
client that follows the sign-in page to the app's loopback, as a browser would."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import httpx
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretKind
from cancelapp.oauth.providers import ProviderKey
from cancelapp.oauth.tokens import Tokens, save_tokens
from cancelapp.settings import EmailIntake, StoreIntake, settings_path
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from fixtures.oauth_imap import OAuthImapServer
from fixtures.oauth_server import ADDRESS, MICROSOFT_CLIENT, OAuthServer, follow_in_browser

pytestmark = [pytest.mark.imap, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


class Browser(QObject):
    """Opens what the app opens, apart from the app (a real browser is another process)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []
        self.pages: list[httpx.Response] = []
        self.threads: list[threading.Thread] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        address = url.toEncoded().data().decode("ascii")
        self.opened.append(address)
        thread = threading.Thread(target=lambda: self.pages.append(follow_in_browser(address)))
        self.threads.append(thread)
        thread.start()


@pytest.fixture
def browser() -> Iterator[Browser]:
    browser = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, browser, "open_url")
    yield browser
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)
    for thread in browser.threads:
        thread.join(timeout=30)


def open_settings(window: MainWindow, server: OAuthImapServer) -> SettingsDialog:
    window.context.sign_in_providers[ProviderKey.MICROSOFT] = server.provider.provider()
    window.settings_flow.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.tabs.setCurrentIndex(2)  # Incoming requests, in its scroll area
    tab = dialog.intake_tab
    tab.email_group.setChecked(True)
    tab.sign_in.method_combo.setCurrentIndex(tab.sign_in.method_combo.findData("microsoft"))
    return dialog


def deliver(server: OAuthImapServer, shop: DemoShop, order_id: str) -> None:
    order = shop.order(order_id)
    order_name = order.name
    message = EmailMessage()
    message["From"] = f"Kunde <{order.email}>"
    message["To"] = server.address
    message["Subject"] = f"Annuller venligst ordre {order_name}"
    message["Message-ID"] = f"<{uuid.uuid4()}@example.dk>"
    message.set_content(f"Hej, jeg vil gerne annullere {order_name}. Mvh Kunde")
    conn = server.connect()
    try:
        conn.append("INBOX", None, None, message.as_bytes())
    finally:
        conn.logout()


def test_signing_in_with_microsoft_from_settings_brings_requests_in_over_imap(
    qtbot: QtBot,
    window: MainWindow,
    shop: DemoShop,
    oauth_imap_server: OAuthImapServer,
    browser: Browser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(oauth_imap_server.ca_file))  # the test's own CA
    order_id = shop.create_order("paid")
    deliver(oauth_imap_server, shop, order_id)
    dialog = open_settings(window, oauth_imap_server)
    tab = dialog.intake_tab
    assert tab.host_edit.text() == "outlook.office365.com"  # the provider's server, filled in
    assert tab._email_form.isRowVisible(tab.password_edit) is False  # no password asked
    tab.host_edit.setText(oauth_imap_server.host)  # here: the test's Dovecot
    tab.port_spin.setValue(oauth_imap_server.imaps_port)
    qtbot.keyClicks(tab.apps_box.microsoft_id_edit, MICROSOFT_CLIENT)
    qtbot.mouseClick(tab.sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: tab.sign_in.status.text() == f"Signed in as {oauth_imap_server.address}",
        timeout=WAIT,
    )
    assert tab.user_edit.text() == oauth_imap_server.address
    assert tab.user_edit.isReadOnly()  # the address signed in to, not typed
    assert browser.opened[0].startswith(f"{oauth_imap_server.provider.base_url}/authorize?")
    assert "CancelApp is signed in" in browser.pages[0].text
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    store = window.store
    assert store is not None
    settings = window.context.settings
    assert settings.intake_for(store.domain).email.sign_in is ProviderKey.MICROSOFT
    assert settings.sign_in_apps == {ProviderKey.MICROSOFT: MICROSOFT_CLIENT}

    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    qtbot.waitUntil(lambda: window.model.request_of_order(order_id) is not None, timeout=WAIT)
    secrets = window.context.secrets
    kept = secrets.load(store.domain, SecretKind.MAIL_SIGN_IN)
    assert kept is not None
    file_text = settings_path(window.context.paths.config_dir).read_text(encoding="utf-8")
    assert all(token not in file_text for token in oauth_imap_server.provider.state.access)
    assert window.banner.text == ""

    # An hour on, the provider has let the access token lapse: the next read refreshes it.
    oauth_imap_server.provider.expire_access_tokens()
    _expire_in_keychain(window, store.domain)
    later_id = shop.create_order("paid")
    deliver(oauth_imap_server, shop, later_id)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        window.sync_now()
    assert oauth_imap_server.provider.state.token_grants[-1] == "refresh_token"
    qtbot.waitUntil(lambda: window.model.request_of_order(later_id) is not None, timeout=WAIT)
    assert window.banner.text == ""


def _expire_in_keychain(window: MainWindow, domain: str) -> None:
    secrets = window.context.secrets
    tokens = Tokens.from_secret(secrets.load(domain, SecretKind.MAIL_SIGN_IN) or "")
    assert tokens is not None
    save_tokens(secrets, domain, replace(tokens, expires_at=datetime.now(UTC)))


def test_a_refused_consent_is_explained_in_the_dialog_and_nothing_is_kept(
    qtbot: QtBot,
    window: MainWindow,
    oauth_imap_server: OAuthImapServer,
    oauth_server: OAuthServer,
    browser: Browser,
) -> None:
    oauth_server.state.refusal = ("access_denied", "The user declined the consent.")
    dialog = open_settings(window, oauth_imap_server)
    tab = dialog.intake_tab
    qtbot.keyClicks(tab.apps_box.microsoft_id_edit, MICROSOFT_CLIENT)
    qtbot.mouseClick(tab.sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "did not allow" in tab.sign_in.status.text(), timeout=WAIT)
    assert tab.sign_in.status.text() == (
        "You did not allow CancelApp to use your Microsoft 365 mailbox, so nothing changed. "
        "Sign in again and choose Allow, or choose App password."
    )
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "Sign in to the mailbox of" in dialog.message.text()  # not saved half signed in
    store = window.store
    assert store is not None
    assert window.context.secrets.load(store.domain, SecretKind.MAIL_SIGN_IN) is None


def test_without_a_client_id_the_merchant_is_told_where_to_set_one(
    qtbot: QtBot, window: MainWindow, oauth_imap_server: OAuthImapServer, browser: Browser
) -> None:
    dialog = open_settings(window, oauth_imap_server)
    tab = dialog.intake_tab
    qtbot.mouseClick(tab.sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    assert tab.sign_in.status.text().startswith(
        "This copy of CancelApp has no Microsoft 365 sign-in app."
    )
    assert browser.opened == []


def _signed_in_with_google(window: MainWindow, oauth_server: OAuthServer) -> tuple[str, str]:
    """The window's store reads a Google mailbox signed in earlier: (domain, refresh token)."""
    store = window.store
    assert store is not None
    window.context.sign_in_providers[ProviderKey.GOOGLE] = oauth_server.google()
    email = EmailIntake(
        enabled=True, host="imap.gmail.com", username=ADDRESS, sign_in=ProviderKey.GOOGLE
    )
    window.context.settings = window.context.settings.with_intake(
        store.domain, StoreIntake(email=email)
    )
    refresh = "google-refresh-token"
    expires = datetime.now(UTC) + timedelta(hours=1)
    tokens = Tokens(ProviderKey.GOOGLE, ADDRESS, "google-access-token", refresh, expires)
    save_tokens(window.context.secrets, store.domain, tokens)
    return store.domain, refresh


def test_choosing_app_password_again_revokes_the_sign_in(
    qtbot: QtBot, window: MainWindow, oauth_server: OAuthServer
) -> None:
    domain, refresh = _signed_in_with_google(window, oauth_server)
    window.settings_flow.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    tab = dialog.intake_tab
    assert tab.sign_in.method() is ProviderKey.GOOGLE
    assert tab.sign_in.status.text() == f"Signed in as {ADDRESS}"
    tab.sign_in.method_combo.setCurrentIndex(0)  # App password
    assert tab._email_form.isRowVisible(tab.password_edit)
    qtbot.keyClicks(tab.password_edit, "an-app-password")
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert oauth_server.state.revoked == [refresh]
    assert window.context.secrets.load(domain, SecretKind.MAIL_SIGN_IN) is None
    assert window.context.secrets.load(domain, SecretKind.IMAP_PASSWORD) == "an-app-password"


def test_removing_the_store_revokes_its_mailbox_sign_in(
    qtbot: QtBot, window: MainWindow, oauth_server: OAuthServer
) -> None:
    domain, refresh = _signed_in_with_google(window, oauth_server)
    window.commands.remove_store.trigger()
    dialog = window.removal.dialog
    assert dialog is not None
    (remove,) = [
        b
        for b in dialog.buttons()
        if dialog.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    with qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert oauth_server.state.revoked == [refresh]
    assert window.context.secrets.load(domain, SecretKind.MAIL_SIGN_IN) is None
