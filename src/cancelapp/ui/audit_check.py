"""The audit log's seal checked at start and with every periodic upkeep, off the GUI thread.

The work is `cancelapp.session.audit_check` on the database-write lane (it seals new entries);
what the merchant must know (a changed log, a restore, no keychain) goes to the banner.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cancelapp.ui.banner import Banner
from cancelapp.ui.workers import Lane

if TYPE_CHECKING:
    from cancelapp.context import AppContext, Keychain
    from cancelapp.session.audit_check import ChainReport
    from cancelapp.store.database import Database
    from cancelapp.ui.formatting import Formatter

log = logging.getLogger(__name__)


def check_chain(database: Database, keychain: Keychain) -> ChainReport:
    """In the worker: finding the keychain may block on an unlock prompt. The keychain code
    loads here, after the first paint (tests/architecture/test_first_paint_imports.py)."""
    from cancelapp.session.audit_check import check_audit_chain

    report = check_audit_chain(database, keychain())
    log.info("audit log %s; %d new entries sealed", report.verdict.value, report.sealed_now)
    return report


class AuditChainCheck(QObject):
    checked = Signal(object)  # ChainReport
    problem = Signal(object)  # a StoreError: the window says it in the banner
    notice = Signal(str)  # news while the banner holds another message: the status bar

    def __init__(
        self, context: AppContext, banner: Banner, formatter: Formatter, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = banner
        self.formatter = formatter
        self._told: set[str] = set()

    def run(self) -> None:
        context = self.context
        task = context.workers.run_on(
            Lane.DATABASE_WRITE, check_chain, context.database, context.keychain
        )
        task.succeeded.connect(self._checked)
        task.failed.connect(self.problem)

    def _checked(self, report: ChainReport) -> None:
        if report.forgotten is not None:  # money may have moved that the data does not know
            self.banner.show_phrase(report.forgotten, report.notices, render=self.formatter.phrase)
        for notice in report.notices:
            text = self.formatter.phrase(notice)
            if report.tampered:  # a broken log: in the banner, every time
                self.banner.show_phrase(notice, render=self.formatter.phrase)
            elif text not in self._told:
                self._told.add(text)
                # A restore or a missing keychain is news, not an alarm: it does not push
                # another message out of the banner.
                if self.banner.text:
                    self.notice.emit(text)
                else:
                    self.banner.show_phrase(notice, render=self.formatter.phrase)
        self.checked.emit(report)
