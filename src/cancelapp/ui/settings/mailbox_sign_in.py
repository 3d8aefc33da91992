"""How CancelApp logs in to a store's mailbox: an app password, or signing in with Google or
Microsoft 365 in the system browser; and the sign-in apps' client IDs (one place for them).

The flow: `start_sign_in` on the GUI thread (it opens the browser with `QDesktopServices`),
then `finish_sign_in` in a worker, which waits for the browser to come back and puts the tokens
in the keychain; the signed-in address becomes the mailbox's user name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cancelapp.domain.phrase import Phrase
from cancelapp.keychain import KeychainUnavailable, SecretStore
from cancelapp.oauth.errors import SignInFailed
from cancelapp.oauth.providers import Provider, ProviderKey
from cancelapp.ui.connect.connect_pages import form_row, plain_label, translated
from cancelapp.ui.retranslating import Retranslating
from cancelapp.ui.workers import Task, WorkerPool

log = logging.getLogger(__name__)


def open_in_browser(url: str) -> bool:
    """The system browser (or whatever handles http(s) URLs here); False when none."""
    return QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii")))


class SignInAppsBox(Retranslating, QGroupBox):
    """The sign-in apps' client IDs (settings) and Google's client secret (keychain)."""

    def __init__(self, sign_in_apps: Mapping[ProviderKey, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.hint = plain_label()
        self.google_id_edit = QLineEdit(sign_in_apps.get(ProviderKey.GOOGLE, ""))
        self.google_secret_edit = QLineEdit()
        self.google_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.microsoft_id_edit = QLineEdit(sign_in_apps.get(ProviderKey.MICROSOFT, ""))
        form = QFormLayout(self)
        form.addRow(self.hint)
        self._fields: list[tuple[QLabel, QWidget]] = [
            (form_row(form, field), field)
            for field in (self.google_id_edit, self.google_secret_edit, self.microsoft_id_edit)
        ]
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sign-in apps (for Google and Microsoft 365)"))
        self.hint.setText(
            self.tr(
                "Signing in with Google or Microsoft goes through a registered sign-in app. "
                "Leave these empty to use the one this copy of CancelApp comes with, or enter "
                "your own app's client ID. Google also gives Desktop apps a client secret."
            )
        )
        labels = [
            self.tr("Google client ID"),
            self.tr("Google client secret"),
            self.tr("Microsoft client ID"),
        ]
        for (label, field), text in zip(self._fields, labels, strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.google_secret_edit.setPlaceholderText(self.tr("Leave empty to keep the saved one"))

    def client_ids(self) -> dict[ProviderKey, str]:
        typed = {
            ProviderKey.GOOGLE: self.google_id_edit.text().strip(),
            ProviderKey.MICROSOFT: self.microsoft_id_edit.text().strip(),
        }
        return {key: client_id for key, client_id in typed.items() if client_id}

    def new_secrets(self) -> dict[ProviderKey, str]:
        """Client secrets typed in this dialog (for the keychain only)."""
        secret = self.google_secret_edit.text().strip()
        return {ProviderKey.GOOGLE: secret} if secret else {}


class MailboxSignIn(Retranslating, QWidget):
    """App password or a provider, a Sign in button and what came of it."""

    method_changed = Signal()
    signed_in = Signal(str, str)  # store domain, signed-in address

    def __init__(
        self,
        workers: WorkerPool,
        secrets: SecretStore,
        providers: Mapping[ProviderKey, Provider],
        apps: SignInAppsBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._secrets = secrets
        self._providers = providers
        self._apps = apps
        self._task: Task | None = None
        self._status: Callable[[], str] | None = None
        self.domain: str | None = None  # the store whose mailbox this is
        self.method_combo = QComboBox()
        self.method_combo.addItem("", None)
        for key in (ProviderKey.GOOGLE, ProviderKey.MICROSOFT):
            self.method_combo.addItem("", key.value)
        self.sign_in_button = QPushButton()
        self.status = plain_label()
        # The sign-in address, when no browser opened, is there to be copied.
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.method_combo)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.status, 1)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self.sign_in_button.clicked.connect(self._clicked)
        self._method_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.method_combo.setItemText(0, self.tr("App password"))
        self.method_combo.setItemText(1, self.tr("Sign in with Google"))
        self.method_combo.setItemText(2, self.tr("Sign in with Microsoft 365"))
        self.method_combo.setAccessibleName(self.tr("How CancelApp logs in to the mailbox"))
        waiting = self._task is not None
        self.sign_in_button.setText(self.tr("Cancel sign-in") if waiting else self.tr("Sign &in…"))
        self.status.setText(self._status() if self._status else "")

    def method(self) -> ProviderKey | None:
        data = self.method_combo.currentData()
        return ProviderKey(data) if isinstance(data, str) else None

    def show_mailbox(self, domain: str | None, method: ProviderKey | None, address: str) -> None:
        """Another store's mailbox; a sign-in under way is given up."""
        if self._task is not None:
            self._task.cancel()
        self.domain = domain
        self.method_combo.setCurrentIndex(self.method_combo.findData(method and method.value))
        self._say(self._signed_in_as(address) if method and address else None)

    def _method_changed(self) -> None:
        self.sign_in_button.setVisible(self.method() is not None)
        self._say(None)
        self.method_changed.emit()

    def _clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            return
        key = self.method()
        if key is None or self.domain is None:
            return
        from cancelapp.oauth.sign_in import start_sign_in
        from cancelapp.session.mail_sign_in import client_id_for, finish_sign_in

        provider = self._providers[key]
        page = self.tr("CancelApp is signed in. You can close this page and go back to CancelApp.")
        try:
            client_id = client_id_for(self._apps.client_ids(), key)
            pending = start_sign_in(provider, client_id, open_in_browser, page)
        except SignInFailed as error:
            self._say_phrase(error.phrase)
            return
        if pending.browser_opened:
            self._say(lambda: self.tr("Sign in in the browser window that opened…"))
        else:
            url = pending.authorization_url
            self._say(
                lambda: self.tr(
                    "CancelApp could not open a web browser. Open this address in a browser on "
                    "this computer to sign in: {url}"
                ).format(url=url)
            )
        domain = self.domain
        task = self._workers.run_cancellable(
            finish_sign_in,
            pending,
            self._secrets,
            domain,
            self._apps.new_secrets().get(key),
        )
        self._task = task
        self.method_combo.setEnabled(False)
        task.succeeded.connect(lambda done: self._signed_in(domain, done))
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._say(lambda: self.tr("Sign-in cancelled.")))
        task.finished.connect(self._finished)
        self.retranslate()

    def _signed_in(self, domain: str, done: object) -> None:
        from cancelapp.session.mail_sign_in import SignedIn

        assert isinstance(done, SignedIn)
        if domain == self.domain:
            notices = [translated(n) for n in done.notices]
            base = self._signed_in_as(done.address)
            self._say(lambda: " ".join([base(), *notices]))
        self.signed_in.emit(domain, done.address)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SignInFailed | KeychainUnavailable):
            self._say_phrase(error.phrase)
        else:
            log.error("sign-in failed unexpectedly: %s", type(error).__name__)
            self._say(
                lambda: self.tr(
                    "Something unexpected went wrong while signing in. The details are in "
                    "CancelApp's log."
                )
            )

    def _finished(self) -> None:
        self._task = None
        self.method_combo.setEnabled(True)
        self.retranslate()

    def _signed_in_as(self, address: str) -> Callable[[], str]:
        return lambda: self.tr("Signed in as {address}").format(address=address)

    def _say_phrase(self, phrase: Phrase) -> None:
        self._say(lambda: translated(phrase))

    def _say(self, status: Callable[[], str] | None) -> None:
        self._status = status
        self.status.setText(status() if status else "")
