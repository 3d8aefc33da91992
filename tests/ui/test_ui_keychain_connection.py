"""The real window on a real Secret Service (gnome-keyring): everything it asks of the keychain
goes over one D-Bus connection, and quitting hangs it up. Connections are counted at the bus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cancelapp import cli
from cancelapp.context import build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.keychain import SecretKind, SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.audit_check import KEY_OWNER, ChainVerdict
from fixtures.keychain import SecretServiceSession
from fixtures.main_window import open_window, show_request, synced

pytestmark = [pytest.mark.keychain, pytest.mark.qt_log_ignore("propagateSizeHints")]
WAIT = 30_000


def test_the_window_keeps_one_keychain_connection_and_quitting_hangs_up(
    qtbot: QtBot,
    data_dir: Path,
    shop: DemoShop,
    secret_service: SecretServiceSession,
    tmp_path: Path,
) -> None:
    paths = AppPaths.resolve()
    paths.create()
    open_before = secret_service.connections_of_this_process()
    made_before = secret_service.connections_made()
    context = build_context(paths, cli.parse([]), secrets=SecretStore(secret_service.backend()))
    try:
        context.settings = replace(context.settings, check_for_updates=False)
        connect_demo(context, shop)
        window = open_window(qtbot, context, start=False)
        checking = qtbot.waitSignal(window.audit_check.checked, timeout=WAIT)
        with synced(qtbot, window), checking as checked:
            window.start()  # reads the audit log's key (made and saved if none)
        assert checked.args[0].verdict is ChainVerdict.INTACT
        qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
        for n, pdf in enumerate((tmp_path / "first.pdf", tmp_path / "second.pdf")):
            show_request(qtbot, window, window.model.request_id_at(n))
            window.commands.export_record.trigger()  # seals the log with the key it reads
            chooser = window.record_export.dialog
            assert isinstance(chooser, QFileDialog)
            with qtbot.waitSignal(window.record_export.saved, timeout=WAIT):
                chooser.fileSelected.emit(str(pdf))
                chooser.close()
            assert pdf.read_bytes().startswith(b"%PDF")
        window.close()
        assert context.secrets.load(KEY_OWNER, SecretKind.AUDIT_KEY)  # in the keychain
        # Every keychain call so far: one connection, and this question's own.
        assert secret_service.connections_made() - made_before == 2
        (kept,) = secret_service.connections_of_this_process() - open_before
    finally:
        context.close()  # as quitting does
    secret_service.wait_until_disconnected(kept)
    assert secret_service.connections_of_this_process() == open_before
