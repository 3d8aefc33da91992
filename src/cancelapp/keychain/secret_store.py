"""Secrets (access token, client secret, IMAP password) per store, in the OS keychain only.

With no usable keychain, or one that is locked or refuses, a secret is kept in memory for this
session and the merchant is told so in plain words; nothing is ever written in plain text.
Keychain calls can block on an unlock prompt: the UI makes them off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.keychain.backends import backend_label, usable_backend

if TYPE_CHECKING:
    from cancelapp.keychain.secret_service import SecretServiceKeychain

log = logging.getLogger(__name__)

SERVICE = "CancelApp"
_CONTEXT = "SecretStore"  # spelled out in each QT_TRANSLATE_NOOP: lupdate reads only literals


class SecretKind(StrEnum):
    """Names of secrets, not secrets."""

    ACCESS_TOKEN = "access-token"  # noqa: S105
    CLIENT_ID = "client-id"  # not secret, but kept with its secret so the pair stays whole
    CLIENT_SECRET = "client-secret"  # noqa: S105
    IMAP_PASSWORD = "imap-password"  # noqa: S105
    AUDIT_KEY = "audit-key"  # seals the audit log (`cancelapp.store.audit_chain`)
    MAIL_SIGN_IN = "mail-sign-in"  # a mailbox's OAuth tokens (`cancelapp.oauth.tokens`)
    SIGN_IN_APP_SECRET = "sign-in-app-secret"  # noqa: S105 (Google's, per sign-in app)


_CREDENTIAL_KINDS = (SecretKind.ACCESS_TOKEN, SecretKind.CLIENT_ID, SecretKind.CLIENT_SECRET)
_NO_KEYCHAIN = {
    SecretKind.ACCESS_TOKEN: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the token will be forgotten when "
        "you quit.",
    ),
    SecretKind.CLIENT_SECRET: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the client secret will be forgotten "
        "when you quit.",
    ),
    SecretKind.IMAP_PASSWORD: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the email password will be forgotten "
        "when you quit.",
    ),
    SecretKind.AUDIT_KEY: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the key that seals the audit log "
        "will be forgotten when you quit, so today's entries cannot be checked after that.",
    ),
    SecretKind.MAIL_SIGN_IN: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the mailbox sign-in will be forgotten "
        "when you quit, and you will sign in again next time.",
    ),
    SecretKind.SIGN_IN_APP_SECRET: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your computer has no keychain CancelApp can use; the sign-in app's client secret will "
        "be forgotten when you quit.",
    ),
}
_REFUSED = {
    SecretKind.ACCESS_TOKEN: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the token, so it will be forgotten when "
        "you quit. Unlock the keychain and connect the store again to keep it.",
    ),
    SecretKind.CLIENT_SECRET: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the client secret, so it will be "
        "forgotten when you quit. Unlock the keychain and connect the store again to keep it.",
    ),
    SecretKind.IMAP_PASSWORD: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the email password, so it will be "
        "forgotten when you quit. Unlock the keychain and save the settings again to keep it.",
    ),
    SecretKind.AUDIT_KEY: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the key that seals the audit log, so it "
        "will be forgotten when you quit. Unlock the keychain and start CancelApp again.",
    ),
    SecretKind.MAIL_SIGN_IN: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the mailbox sign-in, so it will be "
        "forgotten when you quit. Unlock the keychain and sign in again to keep it.",
    ),
    SecretKind.SIGN_IN_APP_SECRET: QT_TRANSLATE_NOOP(
        "SecretStore",
        "Your keychain is locked or refused to store the sign-in app's client secret, so it "
        "will be forgotten when you quit. Unlock the keychain and save the settings again.",
    ),
}
_CANNOT_READ = QT_TRANSLATE_NOOP(
    "SecretStore",
    "Your keychain is locked or refused access, so CancelApp cannot read the store's saved "
    "secrets. Unlock the keychain and try again.",
)
_CANNOT_DELETE = QT_TRANSLATE_NOOP(
    "SecretStore",
    "Your keychain is locked or refused access, so CancelApp could not remove the store's "
    "saved secrets. Unlock the keychain and remove the store again.",
)


class KeychainUnavailable(Exception):
    """The keychain is locked or refused; `phrase` says so in plain words. Never holds a secret."""

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(phrase.render_plain())

    @property
    def merchant_message(self) -> str:
        return self.phrase.render_plain()


@dataclass(frozen=True)
class SavedSecret:
    """Where a saved secret went; `notice` is for the merchant when it is for this session only."""

    in_keychain: bool
    notice: Phrase | None = None


class SecretStore:
    """Secrets keyed by store (its `name.myshopify.com` domain) and kind. Thread-safe."""

    def __init__(self, backend: KeyringBackend | None) -> None:
        """`backend` must already be a usable keychain (see `for_system`); None means none.
        Linux's Secret Service is then spoken to over one kept connection (`close` it)."""
        self._backend = backend
        self._keychain = _over_one_connection(backend)
        self._session: dict[tuple[str, SecretKind], str] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_system(cls) -> SecretStore:
        """The keychain keyring picks, if it is a real one. May block: call off the GUI thread."""
        store = cls(usable_backend())
        log.info("secrets kept in %s", store.backend_name)
        return store

    @property
    def backend_name(self) -> str:
        return backend_label(self._backend)

    @property
    def has_keychain(self) -> bool:
        return self._backend is not None

    def no_keychain_notice(self, kind: SecretKind = SecretKind.ACCESS_TOKEN) -> Phrase | None:
        """What to tell the merchant before they type a secret, when there is no keychain."""
        return None if self.has_keychain else Phrase(_CONTEXT, _NO_KEYCHAIN[_told_as(kind)])

    def save(self, store: str, kind: SecretKind, secret: str) -> SavedSecret:
        if not secret:
            raise ValueError("an empty secret cannot be saved")
        if self._keychain is None:
            self._keep_for_session(store, kind, secret)
            return SavedSecret(
                in_keychain=False, notice=Phrase(_CONTEXT, _NO_KEYCHAIN[_told_as(kind)])
            )
        try:
            self._keychain.set_password(SERVICE, _username(store, kind), secret)
        except Exception as exc:
            self._log_refusal("save", exc)
            self._keep_for_session(store, kind, secret)
            return SavedSecret(in_keychain=False, notice=Phrase(_CONTEXT, _REFUSED[_told_as(kind)]))
        with self._lock:
            self._session.pop((store, kind), None)
        return SavedSecret(in_keychain=True)

    def load(self, store: str, kind: SecretKind) -> str | None:
        """The secret, or None if none was saved. Raises `KeychainUnavailable` if locked."""
        with self._lock:
            kept = self._session.get((store, kind))
        if kept is not None or self._keychain is None:
            return kept
        try:
            secret: str | None = self._keychain.get_password(SERVICE, _username(store, kind))
        except Exception as exc:
            self._log_refusal("read", exc)
            raise KeychainUnavailable(Phrase(_CONTEXT, _CANNOT_READ)) from None
        return secret

    def delete_store(self, store: str) -> None:
        """Forget every secret of `store`. Raises `KeychainUnavailable` if the keychain refuses
        (the session copies are gone by then)."""
        self._delete(store, tuple(SecretKind))

    def delete(self, store: str, kind: SecretKind) -> None:
        """Forget one secret. Raises `KeychainUnavailable` if the keychain refuses."""
        self._delete(store, (kind,))

    def delete_store_credentials(self, store: str) -> None:
        """Forget the store's Shopify credentials, keeping its email password."""
        self._delete(store, _CREDENTIAL_KINDS)

    def _delete(self, store: str, kinds: tuple[SecretKind, ...]) -> None:
        with self._lock:
            for kind in kinds:
                self._session.pop((store, kind), None)
        if self._keychain is None:
            return
        for kind in kinds:
            try:
                self._keychain.delete_password(SERVICE, _username(store, kind))
            except PasswordDeleteError:
                continue  # keyring's way of saying there was none
            except Exception as exc:
                self._log_refusal("delete", exc)
                raise KeychainUnavailable(Phrase(_CONTEXT, _CANNOT_DELETE)) from None

    def close(self) -> None:
        """Hang up on the keychain (Linux's D-Bus connection); a later call dials again."""
        if self._keychain is not None and not isinstance(self._keychain, KeyringBackend):
            self._keychain.close()  # keyring's own backends hold nothing open

    def _keep_for_session(self, store: str, kind: SecretKind, secret: str) -> None:
        with self._lock:
            self._session[(store, kind)] = secret

    def _log_refusal(self, what: str, exc: Exception) -> None:
        # The type only: a backend's message is not ours to vouch for.
        log.warning(
            "keychain %s refused to %s a secret: %s", self.backend_name, what, type(exc).__name__
        )


def _over_one_connection(
    backend: KeyringBackend | None,
) -> KeyringBackend | SecretServiceKeychain | None:
    """keyring's SecretService backend dials D-Bus anew on every call: replaced by one that
    keeps its connection. Other platforms' backends are used as they are."""
    from keyring.backends import SecretService  # keyring loads it when it picks a backend

    if not isinstance(backend, SecretService.Keyring):
        return backend
    from cancelapp.keychain.secret_service import SecretServiceKeychain  # Linux only

    return SecretServiceKeychain(backend)


def notices_of(saved: list[SavedSecret]) -> tuple[Phrase, ...]:
    """The distinct notices of several saves, in order (one message per kind of trouble)."""
    notices: list[Phrase] = []
    for result in saved:
        if result.notice is not None and result.notice not in notices:
            notices.append(result.notice)
    return tuple(notices)


def _told_as(kind: SecretKind) -> SecretKind:
    """The client ID travels with its secret; the merchant hears about the secret."""
    return SecretKind.CLIENT_SECRET if kind is SecretKind.CLIENT_ID else kind


def _username(store: str, kind: SecretKind) -> str:
    return f"{store}/{kind.value}"
