"""Help › Audit log in the real window against the demo shop: each entry names its order and
says what happened in the merchant's words (English and Danish), never the log's codes; and
every code the log can hold has those words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cancelapp.actions.prepare.steps import StepKind
from cancelapp.context import AppContext
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.settings import Language
from cancelapp.store.audit import AuditEntry, append_audit
from cancelapp.store.audit_codes import EntryCode, PlanEvent
from cancelapp.ui.dialogs.audit_log_dialog import AuditColumn, AuditLogDialog
from cancelapp.ui.i18n import Translations
from cancelapp.ui.labels import audit_words
from cancelapp.ui.main_window import MainWindow
from fixtures.main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
HORIZONTAL = Qt.Orientation.Horizontal


def every_audit_code() -> list[str]:
    return [
        *(f"{kind} {event}" for kind in ActionKind for event in PlanEvent),
        *StepKind,
        *EntryCode,
    ]


def test_every_code_the_audit_log_holds_has_words() -> None:
    missing = [code for code in every_audit_code() if audit_words(code) is None]
    assert missing == []


def opened_log(qtbot: QtBot, window: MainWindow) -> AuditLogDialog:
    window.commands.audit_log.trigger()
    qtbot.waitUntil(lambda: window.findChild(AuditLogDialog) is not None, timeout=WAIT)
    dialog = window.findChild(AuditLogDialog)
    assert dialog is not None
    return dialog


def column(dialog: AuditLogDialog, which: AuditColumn) -> list[str]:
    model = dialog.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def test_the_log_names_each_order_and_says_every_code_in_words(
    qtbot: QtBot, qapp: object, context: AppContext, qtmodeltester: ModelTester
) -> None:
    window = open_window(qtbot, context)
    store = window.store
    request_id = window.model.request_id_at(0)
    with context.database.reading() as conn:
        order_gid, order_name = conn.execute(
            "SELECT order_gid, order_name FROM requests WHERE id = ?", (request_id,)
        ).fetchone()
    assert store is not None and order_name.startswith("#")
    codes = every_audit_code()
    ids = {  # Shopify's ids of what was done: for support, not for the merchant's eye
        "refund": ("gid://shopify/Refund/9", "gid://shopify/OrderTransaction/10"),
        f"{ActionKind.CANCEL} {PlanEvent.DONE}": ("gid://shopify/OrderCancelJobResult/0794ab",),
    }
    start = datetime.now(UTC) - timedelta(hours=1)
    with context.database.transaction() as conn:
        for n, code in enumerate(codes):
            append_audit(
                conn,
                AuditEntry(
                    at=start + timedelta(seconds=n),
                    who="Jane",
                    what=code,
                    store_id=store.id,
                    amount=Money.of("12.50", "DKK") if code == "refund" else None,
                    order_gid=order_gid,
                    shopify_ids=ids.get(code, ()),
                    request_id=request_id,
                    detail={"reason": "OTHER"} if code == EntryCode.RELEASE_HOLD else {},
                ),
            )

    dialog = opened_log(qtbot, window)
    qtmodeltester.check(dialog.model)
    whats = column(dialog, AuditColumn.WHAT)
    assert len(whats) == len(codes)
    assert set(column(dialog, AuditColumn.ORDER)) == {order_name}
    assert not [what for what in whats if what in codes or "_" in what]
    assert "Release the hold" in whats and "Cancel: done" in whats
    # QA walkthrough: Details showed "OrderCancelJobResult 0794…". Raw ids are for support:
    # on a line of their own for the chosen entry, to copy.
    details = "".join(column(dialog, AuditColumn.DETAILS))
    assert "gid://" not in details and "Refund 9" not in details and "0794ab" not in details
    assert dialog.support_line.isHidden()
    dialog.view.selectRow(whats.index("Refund"))
    assert dialog.support_line.isVisible()
    assert dialog.support_line.text() == "For support: Refund 9 · OrderTransaction 10"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Refund 9 · OrderTransaction 10"
    dialog.view.selectRow(whats.index("Cancel: done"))
    assert dialog.support_line.text() == "For support: OrderCancelJobResult 0794ab"
    dialog.view.selectRow(whats.index("Release the hold"))
    assert dialog.support_line.isHidden()  # nothing of Shopify's to name
    assert dialog.model.headerData(AuditColumn.ORDER, HORIZONTAL) == "Order"

    context.translations = Translations(qapp)  # type: ignore[arg-type]
    try:
        window.use_language(Language.DANISH)
        qtbot.waitUntil(lambda: "Frigiv tilbageholdelsen" in column(dialog, AuditColumn.WHAT))
        danish = column(dialog, AuditColumn.WHAT)
        assert "Release the hold" not in danish
        assert set(column(dialog, AuditColumn.ORDER)) == {order_name}
    finally:
        context.translations.apply(Language.ENGLISH, QLocale(QLocale.Language.English))
        context.translations = None
    dialog.close()
