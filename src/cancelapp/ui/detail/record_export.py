"""Request › Export record as PDF…: the request's whole record (`session/request_record.py`)
laid out as a document and printed to a PDF the merchant can hand over in a dispute.

The record is read on the database-write lane (it seals new audit entries first); the layout
and the printing run on the GUI thread, where Qt's text layout lives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from cancelapp.ui.audit_entry_text import entry_details, support_ids
from cancelapp.ui.detail.detail_pane import rule_name
from cancelapp.ui.file_folders import FileFolders, FileKind
from cancelapp.ui.labels import audit_label, decision_label, outcome_label, source_label
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:
    from cancelapp.context import AppContext, Keychain
    from cancelapp.policy import Policy
    from cancelapp.session.request_record import RequestRecord
    from cancelapp.store.database import Database
    from cancelapp.ui.formatting import Formatter


def record_of(
    database: Database, keychain: Keychain, request_id: int, policy: Policy, now: datetime
) -> RequestRecord | None:
    """In the worker: finding the keychain may block on an unlock prompt. The keychain code
    loads here, after the first paint (tests/architecture/test_first_paint_imports.py)."""
    from cancelapp.session.request_record import load_request_record

    return load_request_record(database, keychain(), request_id, policy, now)


class RecordExport(QObject):
    saved = Signal(object)  # the PDF's Path
    notice = Signal(str)  # for the status bar
    problem = Signal(object)  # an error, for the banner

    def __init__(
        self,
        context: AppContext,
        formatter: Formatter,
        parent_widget: QWidget,
        policy: Callable[[], Policy | None],
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.policy = policy
        self.dialog: QFileDialog | None = None

    def export(self, request_id: int, order_name: str) -> None:
        """Ask where, then write the PDF there."""
        dialog = QFileDialog(self.parent_widget, self.tr("Export the request's record"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        FileFolders(self.context).open_in(dialog, FileKind.RECORD)
        name = order_name.lstrip("#") or str(request_id)
        dialog.selectFile(self.tr("Record {order}.pdf").format(order=name))
        dialog.fileSelected.connect(lambda file_name: self.write_to(request_id, file_name))
        self.dialog = dialog
        dialog.open()

    def write_to(self, request_id: int, file_name: str) -> None:
        policy = self.policy()
        if not file_name or policy is None:
            return
        task = self.context.workers.run_on(
            Lane.DATABASE_WRITE,
            record_of,
            self.context.database,
            self.context.keychain,
            request_id,
            policy,
            self.context.clock(),
        )
        task.succeeded.connect(lambda record: self._print(record, Path(file_name)))
        task.failed.connect(self.problem)

    def _print(self, record: RequestRecord | None, path: Path) -> None:
        if record is None:
            self.notice.emit(self.tr("The request no longer exists."))
            return
        document = QTextDocument()
        document.setHtml(self.record_html(record))
        writer = QPdfWriter(str(path))
        writer.setTitle(self.tr("Record of request {order}").format(order=record.order_name))
        writer.setCreator("CancelApp")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(writer)
        del writer  # finishes the file
        if not path.exists():
            self.problem.emit(self.tr("The PDF could not be written to {file}.").format(file=path))
            return
        self.notice.emit(self.tr("Record saved to {file}.").format(file=path))
        self.saved.emit(path)

    def record_html(self, record: RequestRecord) -> str:
        """The document, every customer or merchant text escaped (plain text only), every
        code in words; a section with nothing in it is left out, but for the decisions: a
        record says so when nothing was decided."""
        fmt = self.formatter
        parts = [
            _heading(2, self.tr("Record of request {order}").format(order=record.order_name)),
            _row(self.tr("Order"), record.order_name),
            _row(self.tr("Customer"), record.customer),
            _row(self.tr("Made"), fmt.date_time(record.made_at)),
        ]
        after = self.tr("After the decision")
        messages = []
        for message in record.messages:
            when = f" · {escape(after)}" if message.after_decision else ""
            messages.append(
                f"<p><b>{escape(fmt.date_time(message.at))}</b>"
                f" · {escape(source_label(message.source))}"
                f" · {escape(message.author)}{when}</p>" + _preformatted(message.text)
            )
        parts += _section(self.tr("Messages received"), messages)
        parts += [
            _heading(3, self.tr("Verdict")),
            _row(self.tr("Verdict"), outcome_label(record.verdict)),
            _row(self.tr("Policy version"), record.policy_version),
            *_list(fmt.phrase(reason) for reason in record.reasons),
        ]
        undecided = self.tr("Nothing decided yet.")  # lupdate reads no call in an f-string
        parts += _section(
            self.tr("Decisions"), self._decisions(record) or [f"<p>{escape(undecided)}</p>"]
        )
        entries = []
        for entry in record.entries:
            amount = fmt.money(entry.amount) if entry.amount is not None else ""
            line = " · ".join(
                p
                for p in (
                    fmt.date_time(entry.at),
                    entry.who,
                    audit_label(entry.what),
                    amount,
                )
                if p
            )
            entries.append(f"<p>{escape(line)}</p>")
            details = entry_details(entry.what, entry.detail, fmt)
            if details:
                lines = escape(details).replace("\n", "<br>")  # a note's own lines kept
                entries.append(f"<p><i>{lines}</i></p>")
            if ids := support_ids(entry.shopify_ids):  # the record may go to the card issuer
                said = self.tr("Shopify's reference: {ids}").format(ids=ids)
                entries.append(f"<p><small>{escape(said)}</small></p>")
        parts += _section(self.tr("Actions, replies and notes"), entries)
        head = record.chain.head
        parts += [
            _heading(3, self.tr("Audit log seal")),
            _row(self.tr("Chain head"), head.as_text() if head else self.tr("not sealed")),
            *(f"<p>{escape(fmt.phrase(n))}</p>" for n in record.chain.notices),
        ]
        return "\n".join(parts)

    def _decisions(self, record: RequestRecord) -> list[str]:
        fmt = self.formatter
        parts: list[str] = []
        policy_word = self.tr("policy")
        for decision in record.decisions:
            policy = f" · {policy_word} {decision.policy}" if decision.policy else ""
            parts.append(
                f"<p>{escape(fmt.date_time(decision.at))} · "
                f"{escape(decision_label(decision.outcome))} · "
                f"{escape(decision.by)}{escape(policy)}</p>"
            )
            if decision.verdict:
                under = self.tr("Decided under the verdict {verdict} ({rule})").format(
                    verdict=outcome_label(decision.verdict), rule=rule_name(decision.rule)
                )
                parts += [
                    f"<p>{escape(under)}</p>",
                    *_list(fmt.phrase(reason) for reason in decision.reasons),
                ]
        return parts


def _section(heading: str, parts: list[str]) -> list[str]:
    """A heading and what it heads; nothing at all for nothing."""
    return [_heading(3, heading), *parts] if parts else []


def _list(items: Iterable[str]) -> list[str]:
    """A bulleted list; nothing for no items (an empty list still takes a line)."""
    shown = [f"<li>{escape(item)}</li>" for item in items]
    return ["<ul>", *shown, "</ul>"] if shown else []


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


def _preformatted(text: str) -> str:
    """A customer's message, its lines kept and wrapped at the page's edge: a plain `<pre>`
    runs a long line off the page (a dispute needs all of it)."""
    return f'<pre style="white-space: pre-wrap">{escape(text)}</pre>'


def _row(label: str, value: str) -> str:
    return f"<p><b>{escape(label)}:</b> {escape(value)}</p>"
