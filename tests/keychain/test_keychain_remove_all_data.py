"""`cancelapp --remove-all-data`, as the uninstaller runs it, against a real Secret Service:
exactly the data folder and the keychain entries of the stores go, nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cancelapp.data_removal import EXIT_KEYCHAIN_REFUSED, remove_all_data
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.audit_check import KEY_OWNER
from cancelapp.shopify.endpoint import Endpoint
from cancelapp.store import Database
from cancelapp.store.stores import REMOVED, save_store
from fixtures.keychain import SecretServiceSession

pytestmark = [pytest.mark.keychain, pytest.mark.timeout(120)]

SHOPS = {
    "nordlys-keramik.myshopify.com": "client_credentials",
    "fjord-te.myshopify.com": "access_token",
    "gammel-butik.myshopify.com": REMOVED,  # removed, but a secret lingered
}
OTHER_APP = "SomeOtherApp"


def make_data(root: Path, secrets: SecretStore) -> AppPaths:
    """What a merchant's CancelApp leaves: a database naming stores, settings, a log, secrets."""
    paths = AppPaths.under(root)
    paths.create()
    database = Database.open(paths.database_path)
    try:
        with database.transaction() as conn:
            for domain, kind in SHOPS.items():
                save_store(
                    conn,
                    Endpoint.for_shop(domain),
                    name=domain,
                    currency="DKK",
                    timezone="Europe/Copenhagen",
                    auth_kind=kind,
                    now=datetime(2026, 12, 1, tzinfo=UTC),
                )
    finally:
        database.close()
    (paths.config_dir / "settings.json").write_text("{}\n", encoding="utf-8")
    (paths.log_dir / "cancelapp.log").write_text("started\n", encoding="utf-8")
    for domain in SHOPS:
        for kind in (SecretKind.ACCESS_TOKEN, SecretKind.IMAP_PASSWORD):
            assert secrets.save(domain, kind, f"secret-{domain}-{kind}").in_keychain
    assert secrets.save(KEY_OWNER, SecretKind.AUDIT_KEY, "ab" * 32).in_keychain  # made at start
    return paths


def run_remove_all_data(
    session: SecretServiceSession, *args: str, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as the uninstaller runs it: a process of its own, on the session's bus."""
    env = {k: v for k, v in os.environ.items() if k != "CANCELAPP_HOME"}
    env |= {
        "DBUS_SESSION_BUS_ADDRESS": session.bus_address,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
    }
    if home is not None:
        env["CANCELAPP_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "cancelapp", "--remove-all-data", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_removes_the_home_folder_and_every_stores_keychain_entries(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    secrets = SecretStore(secret_service.backend())
    make_data(home, secrets)
    (home / "notes.txt").write_text("the merchant's own file\n", encoding="utf-8")
    beside = tmp_path / "beside.txt"
    beside.write_text("not CancelApp's\n", encoding="utf-8")
    secret_service.backend().set_password(OTHER_APP, "someone", "not ours")

    result = run_remove_all_data(secret_service, home=home)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "3 store(s)" in result.stdout
    assert sorted(p.name for p in home.iterdir()) == ["notes.txt"]  # ours gone, theirs kept
    assert beside.exists()
    fresh = SecretStore(secret_service.backend())  # what a new session of the app would find
    assert all(fresh.load(domain, kind) is None for domain in SHOPS for kind in SecretKind)
    assert fresh.load(KEY_OWNER, SecretKind.AUDIT_KEY) is None  # the audit log's key too
    assert secret_service.backend().get_password(OTHER_APP, "someone") == "not ours"
    secret_service.backend().delete_password(OTHER_APP, "someone")


def test_a_data_dir_left_empty_goes_too(
    secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    root = tmp_path / "CancelApp data"
    make_data(root, SecretStore(secret_service.backend()))

    result = run_remove_all_data(secret_service, "--data-dir", str(root))

    assert result.returncode == 0, result.stderr
    assert not root.exists()
    assert list(tmp_path.iterdir()) == []
    fresh = SecretStore(secret_service.backend())
    assert fresh.load("fjord-te.myshopify.com", SecretKind.ACCESS_TOKEN) is None


def test_a_locked_keychain_keeps_everything(
    fresh_secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    paths = make_data(tmp_path / "home", SecretStore(fresh_secret_service.backend()))
    fresh_secret_service.lock()

    removal = remove_all_data(paths, lambda: SecretStore(fresh_secret_service.backend()))

    assert removal.exit_code == EXIT_KEYCHAIN_REFUSED
    assert "locked" in removal.message
    assert "Nothing was removed" in removal.message
    assert paths.database_path.exists()
    assert (paths.config_dir / "settings.json").exists()
