"""SecretStore over an in-memory keychain and over keyring's non-keychains."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from cancelapp.keychain import (
    KeychainUnavailable,
    SecretKind,
    SecretStore,
    auth_kind_of,
    backend_label,
    load_credentials,
    save_credentials,
    usable_backend,
)
from cancelapp.shopify import AccessToken, ClientCredentials
from fixtures.keychain import MemoryKeyring

SHOP = "nordlys-keramik.myshopify.com"
OTHER = "other-shop.myshopify.com"
TOKEN = "shpat_0123456789abcdef-recognisable"


class LockedKeyring(MemoryKeyring):
    """A keychain that refuses everything, like a locked one whose prompt was dismissed."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class AltPlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backends, recognised by their module."""


AltPlaintextKeyring.__module__ = "keyrings.alt.file"


def test_save_and_load_go_through_the_keychain(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(memory_keyring)
    saved = store.save(SHOP, SecretKind.ACCESS_TOKEN, TOKEN)
    assert saved.in_keychain and saved.notice is None
    assert memory_keyring.passwords == {("CancelApp", f"{SHOP}/access-token"): TOKEN}
    assert SecretStore(memory_keyring).load(SHOP, SecretKind.ACCESS_TOKEN) == TOKEN


def test_keys_are_namespaced_per_store_and_kind(secret_store: SecretStore) -> None:
    secret_store.save(SHOP, SecretKind.ACCESS_TOKEN, "a")
    secret_store.save(SHOP, SecretKind.IMAP_PASSWORD, "b")
    secret_store.save(OTHER, SecretKind.ACCESS_TOKEN, "c")
    assert secret_store.load(SHOP, SecretKind.ACCESS_TOKEN) == "a"
    assert secret_store.load(SHOP, SecretKind.IMAP_PASSWORD) == "b"
    assert secret_store.load(SHOP, SecretKind.CLIENT_SECRET) is None
    assert secret_store.load(OTHER, SecretKind.ACCESS_TOKEN) == "c"


def test_delete_store_removes_all_of_its_secrets_only(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(memory_keyring)
    for kind in SecretKind:
        store.save(SHOP, kind, f"secret-{kind}")
    store.save(OTHER, SecretKind.ACCESS_TOKEN, "keep")
    store.delete_store(SHOP)
    assert all(store.load(SHOP, kind) is None for kind in SecretKind)
    assert memory_keyring.passwords == {("CancelApp", f"{OTHER}/access-token"): "keep"}
    store.delete_store(SHOP)  # nothing left: still fine


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), AltPlaintextKeyring()])
def test_non_keychains_are_not_used(backend: KeyringBackend) -> None:
    assert usable_backend(backend) is None


def test_a_chainer_resolves_to_its_first_real_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    real = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [AltPlaintextKeyring(), real])
    assert usable_backend(chainer.ChainerBackend()) is real
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [AltPlaintextKeyring()])
    assert usable_backend(chainer.ChainerBackend()) is None


@pytest.fixture
def system_keyring_is_fail() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("system_keyring_is_fail")
def test_without_a_keychain_secrets_live_for_this_session_only() -> None:
    store = SecretStore.for_system()
    assert not store.has_keychain
    assert store.backend_name == "none"
    notice = store.no_keychain_notice()
    assert notice is not None
    assert notice.render_plain() == (
        "Your computer has no keychain CancelApp can use; the token will be forgotten when you "
        "quit."
    )
    saved = store.save(SHOP, SecretKind.ACCESS_TOKEN, TOKEN)
    assert not saved.in_keychain
    assert saved.notice == notice
    assert store.load(SHOP, SecretKind.ACCESS_TOKEN) == TOKEN
    assert SecretStore.for_system().load(SHOP, SecretKind.ACCESS_TOKEN) is None  # next session
    store.delete_store(SHOP)
    assert store.load(SHOP, SecretKind.ACCESS_TOKEN) is None


def test_a_locked_keychain_keeps_the_secret_for_the_session_and_says_so() -> None:
    store = SecretStore(LockedKeyring())
    saved = store.save(SHOP, SecretKind.IMAP_PASSWORD, "imap-pw")
    assert not saved.in_keychain
    assert saved.notice is not None
    assert "store the email password, so it will be forgotten" in saved.notice.render_plain()
    assert store.load(SHOP, SecretKind.IMAP_PASSWORD) == "imap-pw"


def test_a_locked_keychain_on_read_and_delete_is_a_plain_message() -> None:
    store = SecretStore(LockedKeyring())
    with pytest.raises(KeychainUnavailable) as read:
        store.load(SHOP, SecretKind.ACCESS_TOKEN)
    assert "Unlock the keychain and try again" in read.value.merchant_message
    assert read.value.__cause__ is None and read.value.__suppress_context__
    with pytest.raises(KeychainUnavailable, match="could not remove"):
        store.delete_store(SHOP)


def test_error_messages_never_carry_the_secret() -> None:
    store = SecretStore(LockedKeyring())
    saved = store.save(SHOP, SecretKind.ACCESS_TOKEN, TOKEN)
    assert saved.notice is not None and TOKEN not in saved.notice.render_plain()
    assert TOKEN not in repr(saved)


def test_empty_secrets_are_refused(secret_store: SecretStore) -> None:
    with pytest.raises(ValueError, match="empty"):
        secret_store.save(SHOP, SecretKind.ACCESS_TOKEN, "")


def test_backend_label_names_the_backend() -> None:
    assert backend_label(MemoryKeyring()) == "fixtures.keychain.MemoryKeyring"
    assert backend_label(None) == "none"


def test_credentials_round_trip_and_switching_kind_drops_the_old_secret(
    memory_keyring: MemoryKeyring,
) -> None:
    store = SecretStore(memory_keyring)
    app = ClientCredentials("client-id-1", "shpss_secret")
    assert save_credentials(store, SHOP, app) == ()
    assert load_credentials(store, SHOP, auth_kind_of(app)) == app
    token = AccessToken(TOKEN)
    store.save(SHOP, SecretKind.IMAP_PASSWORD, "imap-pw")
    save_credentials(store, SHOP, token)
    assert load_credentials(store, SHOP, auth_kind_of(token)) == token
    assert load_credentials(store, SHOP, auth_kind_of(app)) is None
    assert store.load(SHOP, SecretKind.IMAP_PASSWORD) == "imap-pw"  # not a Shopify credential


def test_saving_credentials_without_a_keychain_says_so_once() -> None:
    store = SecretStore(None)
    notices = save_credentials(store, SHOP, ClientCredentials("id", "shpss_secret"))
    assert [n.render_plain() for n in notices] == [
        "Your computer has no keychain CancelApp can use; the client secret will be forgotten "
        "when you quit."
    ]
    assert load_credentials(store, SHOP, "client_credentials") == ClientCredentials(
        "id", "shpss_secret"
    )


def test_credentials_into_a_locked_keychain_are_kept_for_the_session() -> None:
    store = SecretStore(LockedKeyring())
    notices = save_credentials(store, SHOP, AccessToken(TOKEN))
    assert len(notices) == 1 and "locked" in notices[0].render_plain()
    assert load_credentials(store, SHOP, "access_token") == AccessToken(TOKEN)
