"""At start the window checks the audit log's seals off the GUI thread and says in the banner
when the file was changed outside CancelApp."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.session.audit_check import ChainVerdict, check_audit_chain
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000


def test_a_changed_audit_log_is_shown_in_the_banner_at_start(
    qtbot: QtBot, context: AppContext
) -> None:
    with context.database.transaction() as conn:
        for text in ("refund promised", "customer called"):
            entry = AuditEntry(datetime.now(UTC), "Søren", "note", detail={"note": text})
            append_audit(conn, entry)
    assert check_audit_chain(context.database, context.secrets).verdict is ChainVerdict.INTACT
    with closing(sqlite3.connect(context.database.path)) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("""UPDATE audit_log SET detail = '{"note": "no refund"}' WHERE id = 1""")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.audit_check.checked, timeout=WAIT) as checked:
        window.start()
    assert checked.args[0].verdict is ChainVerdict.TAMPERED
    assert "changed outside CancelApp" in window.banner.text  # told before `checked`
    window.close()
