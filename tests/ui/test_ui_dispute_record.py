"""A record that settles a dispute, through the real window against the demo shop: a request
approved and refunded, then its record exported as a PDF from the Request menu, and the whole
audit log as a CSV that a Danish Excel opens (`;`, decimal comma, BOM), read back here."""

from __future__ import annotations

import csv
import itertools
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cancelapp.context import AppContext
from cancelapp.domain.order import FinancialStatus
from cancelapp.session.audit_csv import CHAIN_HEAD, CSV_COLUMNS
from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
from cancelapp.ui.detail.record_export import _preformatted
from cancelapp.ui.dialogs.audit_log_dialog import AuditLogDialog
from cancelapp.ui.labels import outcome_label, source_label
from cancelapp.ui.main_window import MainWindow
from cancelapp.ui.queue.queue_index import Column, Tab
from cancelapp.ui.queue.queue_model import OUTCOME_ROLE
from fixtures.main_window import open_window, request_record, show_request

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 30_000
DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)


def approved_request(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    """Approve the first request the policy approves; its order's name and the refund."""
    window.queue.show_tab(Tab.APPROVE)
    rows = [
        r
        for r in range(window.model.rowCount())
        if window.model.index(r, Column.VERDICT).data(OUTCOME_ROLE) == "approve"
    ]
    for row in rows:  # one with money to give back
        show_request(qtbot, window, window.model.request_id_at(row))  # maybe selected already
        detail = window.current_detail()
        assert detail is not None and detail.order is not None
        if detail.order.financial_status is FinancialStatus.PAID:
            break
    else:
        pytest.fail("the demo shop has no paid order to approve")
    with qtbot.waitSignal(window.actions_.dialog_opened, timeout=WAIT) as opened:
        window.commands.approve.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ConfirmActionDialog)
    with qtbot.waitSignal(window.actions_.finished, timeout=WAIT) as finished:
        dialog.confirm_button.click()
    assert finished.args[1].status.value == "done"
    window.queue.show_tab(Tab.DONE)
    qtbot.waitUntil(lambda: window.model.row_of(detail.request.id) is not None, timeout=WAIT)
    show_request(qtbot, window, detail.request.id)  # read again: decided now
    assert window.commands.export_record.isEnabled()
    return detail.order.name, detail.order.customer.display_name if detail.order.customer else ""


def test_record_as_pdf_and_the_log_as_danish_csv(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    context.settings = replace(context.settings, undo_window_seconds=0)
    window = open_window(qtbot, context)  # the first connect's backfill included
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    order_name, customer = approved_request(qtbot, window)

    # The record, from the Request menu (also a button in the detail pane's action bar).
    assert window.commands.export_record in window.menus.request.actions()
    window.commands.export_record.trigger()
    chooser = window.record_export.dialog
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    pdf = tmp_path / "record.pdf"
    with qtbot.waitSignal(window.record_export.saved, timeout=WAIT):
        chooser.fileSelected.emit(str(pdf))
        chooser.close()
    assert pdf.read_bytes().startswith(b"%PDF")

    # The whole log, as a Danish Excel wants it.
    window.formatter.use_locale(DANISH)
    window.commands.audit_log.trigger()
    qtbot.waitUntil(lambda: window.findChild(AuditLogDialog) is not None, timeout=WAIT)
    log_dialog = window.findChild(AuditLogDialog)
    assert log_dialog is not None
    log_dialog.export_button.click()
    chooser = log_dialog.findChild(QFileDialog)
    assert chooser is not None
    exported = tmp_path / "audit.csv"
    with qtbot.waitSignal(window.status.messageChanged, timeout=WAIT):
        chooser.fileSelected.emit(str(exported))
        chooser.close()
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    with exported.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    entries = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:-1]]
    refunds = [e for e in entries if e["what"] == "cancel" and e["amount"]]
    assert len(refunds) == 1 and refunds[0]["order"] == order_name
    assert refunds[0]["what_words"] == "Cancel"  # the code kept beside, for programs
    assert {e["what_words"] for e in entries}.isdisjoint(e["what"] for e in entries)
    assert customer and customer in refunds[0]["customer"]
    assert all(e["order"] and "gid://" not in "".join(e.values()) for e in entries)
    units, cents = refunds[0]["amount"].split(",")  # decimal comma: a number in Danish Excel
    assert len(cents) == 2 and Decimal(f"{units}.{cents}") > 0
    head = rows[-1]
    assert head[2] == CHAIN_HEAD and head[CSV_COLUMNS.index("detail")].split(":")[0] == str(
        len(entries)
    )

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not read")
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Record of request {order_name}" in text and customer in text
    assert "Chain head" in text
    # Shopify's ids of the cancel on a line of their own, for the card issuer or support.
    assert "Shopify's reference: OrderCancelJobResult " in text


def test_a_long_message_wraps_at_the_page_edge_with_its_lines_kept(qapp: object) -> None:
    """The record's messages and step details keep their line breaks and wrap: a plain <pre>
    ran a 5,600-character message off the page (QA walkthrough)."""
    message = "Jeg vil gerne annullere min ordre. " * 160 + "\nMed venlig hilsen\nKirsten"
    document = QTextDocument()
    document.setHtml(_preformatted(message))
    document.setTextWidth(400)
    assert document.idealWidth() <= 400
    text = document.toPlainText()
    assert text.endswith("Med venlig hilsen\nKirsten") and "Jeg vil gerne" in text


def test_a_record_with_nothing_decided_says_so_in_words(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    """QA walkthrough: the PDF said "Verdict: approve" and the source "csv", and printed an
    empty "Decisions" heading for a request nobody had decided yet."""
    window = open_window(qtbot, context)
    qtbot.waitUntil(lambda: window.policy.policy is not None, timeout=WAIT)
    window.queue.show_tab(Tab.NEEDS_DECISION)
    request_id = window.model.request_id_at(0)
    show_request(qtbot, window, request_id)
    record = request_record(window, request_id)
    assert not record.decisions and record.messages
    window.commands.export_record.trigger()
    chooser = window.record_export.dialog
    assert isinstance(chooser, QFileDialog)
    pdf = tmp_path / "undecided.pdf"
    with qtbot.waitSignal(window.record_export.saved, timeout=WAIT):
        chooser.fileSelected.emit(str(pdf))
        chooser.close()
    html = window.record_export.record_html(record)  # what the PDF is printed from
    document = QTextDocument()
    document.setHtml(html)
    lines = [line.strip() for line in document.toPlainText().splitlines() if line.strip()]
    verdict = next(line for line in lines if line.startswith("Verdict:"))
    assert verdict == f"Verdict: {outcome_label(record.verdict)}" != f"Verdict: {record.verdict}"
    for message in record.messages:
        assert f" · {source_label(message.source)} · " in html
        assert f" · {message.source} · " not in html
    decisions = lines.index("Decisions")
    assert lines[decisions + 1] == "Nothing decided yet."
    assert "<ul>\n</ul>" not in html and "Actions, replies and notes" not in lines
    headings = ["Messages received", "Verdict", "Decisions", "Audit log seal"]
    assert [line for line in lines if line in headings] == headings
    for above, below in itertools.pairwise(lines):  # no heading without what it heads
        assert not (above in headings and below in headings)

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not read")
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Verdict: {outcome_label(record.verdict)}" in text
    assert "Nothing decided yet." in text
