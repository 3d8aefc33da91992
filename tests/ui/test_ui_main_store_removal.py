"""File › Remove store… forgets a store's secrets and cache, keeps its audit log; a store
connected without a keychain says so in the banner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.money import Money
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.paths import AppPaths
from cancelapp.policy import policy_path
from cancelapp.settings import StoreIntake, load_settings, save_settings, settings_path
from cancelapp.store.audit import AuditEntry, append_audit, list_audit
from cancelapp.store.stores import StoreRecord
from cancelapp.ui.connect.connect_wizard import ConnectWizard
from cancelapp.ui.main_window import MainWindow
from fixtures.keychain import MemoryKeyring
from fixtures.main_window import open_window, synced
from fixtures.wizard import connect_shop

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def _context(secrets: SecretStore) -> AppContext:
    paths = AppPaths.resolve()
    paths.create()
    return build_context(paths, cli.parse([]), secrets=secrets)


@pytest.fixture
def context(data_dir: Path, secret_store: SecretStore) -> Iterator[AppContext]:
    context = _context(secret_store)
    yield context
    context.close()


def _keep_everything_of(context: AppContext, store: StoreRecord) -> None:
    """Secrets, request settings, a policy file and an audit entry, as a merchant would have."""
    context.secrets.save(store.domain, SecretKind.ACCESS_TOKEN, "shpat_removed_token")
    context.secrets.save(store.domain, SecretKind.IMAP_PASSWORD, "imap-removed-password")
    context.settings = context.settings.with_intake(store.domain, StoreIntake(csv=True))
    save_settings(context.settings, settings_path(context.paths.config_dir))
    policy = policy_path(context.paths.config_dir, store.id)
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text("# the store's policy\n")
    entry = AuditEntry(
        at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        who="Mette",
        what="refund",
        store_id=store.id,
        amount=Money.of("100.00", store.currency or "DKK"),
    )
    with context.database.transaction() as conn:
        append_audit(conn, entry)


def _answer(qtbot: QtBot, window: MainWindow, role: QMessageBox.ButtonRole) -> None:
    dialog = window.removal.dialog
    assert dialog is not None and dialog.isVisible()
    assert "Nothing changes in your Shopify store" in dialog.informativeText()
    (button,) = [b for b in dialog.buttons() if dialog.buttonRole(b) == role]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_removing_a_store_forgets_its_secrets_and_keeps_its_audit_log(
    qtbot: QtBot,
    context: AppContext,
    memory_keyring: MemoryKeyring,
    make_demo_shop: Callable[..., DemoShop],
) -> None:
    first = connect_demo(context, make_demo_shop(seed=7, size=20, bucket_size=100_000))
    second = connect_demo(context, make_demo_shop(seed=3, size=10, bucket_size=100_000))
    _keep_everything_of(context, first)
    window = open_window(qtbot, context, start=False)
    assert not window.commands.remove_store.isEnabled()
    with synced(qtbot, window):  # no order read still in flight when the removal starts
        window.start(store_id=first.id)
    assert window.commands.remove_store.isEnabled()

    window.commands.remove_store.trigger()
    _answer(qtbot, window, QMessageBox.ButtonRole.RejectRole)  # Cancel: nothing goes
    assert len([key for key in memory_keyring.passwords if first.domain in key[1]]) == 2

    window.commands.remove_store.trigger()
    # the second store opens and syncs
    with synced(qtbot, window), qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
        _answer(qtbot, window, QMessageBox.ButtonRole.DestructiveRole)
    assert not [key for key in memory_keyring.passwords if first.domain in key[1]]
    assert ("CancelApp", "this-computer/audit-key") in memory_keyring.passwords  # log stays sealed
    assert window.store is not None and window.store.id == second.id
    assert window.store_switcher.isHidden()
    assert [s.id for s in window.store_switcher.stores] == [second.id]
    assert (
        first.domain not in load_settings(settings_path(context.paths.config_dir)).settings.intake
    )
    assert first.domain not in context.settings.intake
    assert not policy_path(context.paths.config_dir, first.id).exists()
    with context.database.reading() as conn:
        assert [e.what for e in list_audit(conn, first.id)] == ["refund"]
        orders = conn.execute("SELECT count(*) FROM orders WHERE store_id = ?", (first.id,))
        assert orders.fetchone()[0] == 0

    # The last store goes too: the first-run state, with the connect wizard.
    qtbot.waitUntil(window.commands.remove_store.isEnabled, timeout=WAIT)
    window.commands.remove_store.trigger()
    with qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
        _answer(qtbot, window, QMessageBox.ButtonRole.DestructiveRole)
    assert window.store is None
    assert window.model.rowCount() == 0
    assert window.empty_hint.isVisibleTo(window)
    assert not window.commands.remove_store.isEnabled()
    assert window.findChild(ConnectWizard) is not None


def test_a_store_connected_without_a_keychain_says_so_in_the_banner(
    qtbot: QtBot, data_dir: Path, demo_shop: DemoShop
) -> None:
    context = _context(SecretStore(None))
    try:
        window = open_window(qtbot, context, start=False)
        window.connect_store()
        wizard = window.findChild(ConnectWizard)
        assert wizard is not None
        with qtbot.waitSignal(window.stores_loaded, timeout=WAIT):
            connect_shop(qtbot, wizard, demo_shop, token=demo_shop.access_token)
        assert window.banner.isVisible()
        assert window.store is not None and window.store.domain.startswith("127.0.0.1:")
        assert window.banner.text == (
            f"{window.store.name}: Your computer has no keychain CancelApp can use; the token "
            "will be forgotten when you quit."
        )
    finally:
        context.close()
