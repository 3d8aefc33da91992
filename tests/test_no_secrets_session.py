"""After a full session, no secret is anywhere on disk: not in the database, the logs or the
settings. The session: connect through the wizard (client ID and secret, then again with an
access token), sync the store, save settings with an email password."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretKind, SecretStore, load_credentials
from cancelapp.paths import AppPaths
from cancelapp.settings import load_settings, settings_path
from cancelapp.shopify import Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store import Database
from cancelapp.store.stores import get_store
from cancelapp.sync import OrderSync
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.settings.settings_dialog import SettingsDialog
from cancelapp.ui.workers import WorkerPool
from fixtures.keychain import MemoryKeyring
from fixtures.wizard import connect_shop

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ACCESS_TOKEN = "shpat_CANARY0token0d1e2a3d4b5e6e7f"
CLIENT_SECRET = "shpss_CANARY0secret0a1b2c3d4e5f6"
IMAP_PASSWORD = "CANARY-imap-password-9x7"


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    paths = AppPaths.resolve()
    paths.create()
    return paths


@pytest.fixture
def debug_log(paths: AppPaths) -> Iterator[Path]:
    """Everything logged, at DEBUG, HTTP libraries included, into the log folder."""
    log_file = paths.log_dir / "cancelapp.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield log_file
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def test_no_secret_reaches_the_disk_in_a_full_session(
    qtbot: QtBot, paths: AppPaths, debug_log: Path, make_demo_shop: Callable[..., DemoShop]
) -> None:
    demo_shop = make_demo_shop(size=12, restore_rate=10_000)  # a sync that never waits
    demo_shop.tokens.access_token = ACCESS_TOKEN
    demo_shop.tokens.client_secret = CLIENT_SECRET
    keyring = MemoryKeyring()
    secrets = SecretStore(keyring)
    workers = WorkerPool()
    database = Database.open(paths.database_path)

    def open_wizard() -> ConnectWizard:
        wizard = ConnectWizard(workers, secrets, database)
        qtbot.addWidget(wizard)
        wizard.open()
        return wizard

    try:
        connect_shop(qtbot, open_wizard(), demo_shop)
        connected = connect_shop(qtbot, open_wizard(), demo_shop, token=ACCESS_TOKEN)
        with database.reading() as conn:
            store = get_store(conn, connected.store_id)
        assert store is not None
        credentials = load_credentials(secrets, store.domain, store.auth_kind)
        assert credentials is not None
        with ShopifyClient(Endpoint.loopback(demo_shop.base_url), credentials) as client:
            result = OrderSync(database, client, store.id).run()
        assert result.completed and result.orders > 0

        dialog = SettingsDialog(
            load_settings(settings_path(paths.config_dir)).settings,
            settings_path(paths.config_dir),
            workers,
            secrets,
            [store],
        )
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.intake_tab.email_group.setChecked(True)
        qtbot.keyClicks(dialog.intake_tab.host_edit, "imap.example.dk")
        qtbot.keyClicks(dialog.intake_tab.user_edit, "ordre@example.dk")
        qtbot.keyClicks(dialog.intake_tab.password_edit, IMAP_PASSWORD)
        qtbot.keyClicks(dialog.staff_edit, "Mette")
        with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
            qtbot.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                Qt.MouseButton.LeftButton,
            )
    finally:
        workers.shutdown()
        database.close()

    # The secrets are where they belong (this also proves the session really used them) ...
    assert keyring.passwords[("CancelApp", f"{store.domain}/access-token")] == ACCESS_TOKEN
    assert keyring.passwords[("CancelApp", f"{store.domain}/imap-password")] == IMAP_PASSWORD
    assert secrets.load(store.domain, SecretKind.CLIENT_SECRET) is None  # replaced by the token
    files = [p for p in paths.data_dir.parent.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"cancelapp.sqlite3", "settings.json", "cancelapp.log"} <= names
    assert "HTTP Request" in debug_log.read_text(encoding="utf-8")  # the log saw the traffic
    # ... and nowhere on disk.
    for secret in (ACCESS_TOKEN, CLIENT_SECRET, IMAP_PASSWORD):
        holders = [str(p) for p in files if secret.encode() in p.read_bytes()]
        assert holders == [], f"{secret} found on disk"
