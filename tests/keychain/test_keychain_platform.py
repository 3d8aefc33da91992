"""The keychain of the platform the merchant actually has: Windows Credential Manager and the
macOS Keychain. CI sets `CANCELAPP_TEST_OS_KEYCHAIN=1` on those runners (on macOS after making a
temporary unlocked keychain the default); elsewhere these skip, so a developer's own keychain is
never written to. Linux's Secret Service is tested in test_keychain_secret_service.py."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator

import pytest

from cancelapp.keychain import SecretKind, SecretStore

EXPECTED_BACKEND = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}

pytestmark = [
    pytest.mark.skipif(
        sys.platform not in EXPECTED_BACKEND, reason="Windows Credential Manager or macOS Keychain"
    ),
    pytest.mark.skipif(
        os.environ.get("CANCELAPP_TEST_OS_KEYCHAIN") != "1",
        reason="writes to the OS keychain: CI only (CANCELAPP_TEST_OS_KEYCHAIN=1)",
    ),
]


@pytest.fixture
def system_store() -> Iterator[tuple[SecretStore, str]]:
    store = SecretStore.for_system()
    shop = f"ci-{uuid.uuid4().hex[:12]}.myshopify.com"  # never an existing entry
    yield store, shop
    store.delete_store(shop)


def test_keyring_picks_the_platform_keychain(system_store: tuple[SecretStore, str]) -> None:
    store, _ = system_store
    assert store.has_keychain
    assert store.backend_name == EXPECTED_BACKEND[sys.platform]


def test_secrets_round_trip_through_the_platform_keychain(
    system_store: tuple[SecretStore, str],
) -> None:
    store, shop = system_store
    secret = "shpat_" + "x" * 38 + "æøå"  # a long token, and non-ASCII survives
    assert store.save(shop, SecretKind.ACCESS_TOKEN, secret).in_keychain
    assert SecretStore.for_system().load(shop, SecretKind.ACCESS_TOKEN) == secret
    store.delete_store(shop)
    assert SecretStore.for_system().load(shop, SecretKind.ACCESS_TOKEN) is None
