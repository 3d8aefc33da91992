"""SecretStore against a real Secret Service (gnome-keyring on a private session bus)."""

from __future__ import annotations

import pytest

from cancelapp.keychain import KeychainUnavailable, SecretKind, SecretStore, usable_backend
from fixtures.keychain import SecretServiceSession

pytestmark = [pytest.mark.keychain, pytest.mark.timeout(60)]

SHOP = "nordlys-keramik.myshopify.com"


def test_real_keychain_round_trip(secret_service: SecretServiceSession) -> None:
    backend = usable_backend(secret_service.backend())
    assert backend is not None
    store = SecretStore(backend)
    assert store.backend_name == "keyring.backends.SecretService.Keyring"
    saved = store.save(SHOP, SecretKind.CLIENT_SECRET, "shpss_real-keychain-secret")
    assert saved.in_keychain
    # A new SecretStore (a new session of the app) reads it back from the daemon.
    assert SecretStore(secret_service.backend()).load(SHOP, SecretKind.CLIENT_SECRET) == (
        "shpss_real-keychain-secret"
    )
    store.delete_store(SHOP)
    assert SecretStore(secret_service.backend()).load(SHOP, SecretKind.CLIENT_SECRET) is None


def test_real_keychain_never_holds_the_secret_in_plain_text(
    secret_service: SecretServiceSession,
) -> None:
    secret = "shpat_plaintext-canary-7f3a"
    SecretStore(secret_service.backend()).save(SHOP, SecretKind.ACCESS_TOKEN, secret)
    files = [p for p in secret_service.data_home.rglob("*") if p.is_file()]
    assert files, "gnome-keyring wrote no keyring file"
    assert all(secret.encode() not in p.read_bytes() for p in files)


def test_a_locked_real_keychain_becomes_a_plain_message(
    fresh_secret_service: SecretServiceSession,
) -> None:
    store = SecretStore(fresh_secret_service.backend())
    assert store.save(SHOP, SecretKind.ACCESS_TOKEN, "before-lock").in_keychain
    fresh_secret_service.lock()
    saved = store.save(SHOP, SecretKind.ACCESS_TOKEN, "after-lock")
    assert not saved.in_keychain
    assert saved.notice is not None
    assert "locked" in saved.notice.render_plain()
    assert store.load(SHOP, SecretKind.ACCESS_TOKEN) == "after-lock"  # kept for this session
    with pytest.raises(KeychainUnavailable):
        SecretStore(fresh_secret_service.backend()).load(SHOP, SecretKind.ACCESS_TOKEN)
