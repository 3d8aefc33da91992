"""The window's side of an unmatched request: open the find-the-order dialog and run its
search, link and close in workers (`session/unmatched.py`), then tell the window which rows
changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cancelapp.domain.request import RequestState
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.action_controller import describe_error
from cancelapp.ui.detail.find_order_dialog import FindOrderDialog
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:
    from cancelapp.session.refresh import StoreSession
    from cancelapp.session.unmatched import Closed, OrderSearch
    from cancelapp.settings import ReplyTexts


class UnmatchedFlow(QObject):
    rows_changed = Signal(object)  # frozenset of request ids
    # The request's id after linking (it may have merged), and why it was unmatched, as shown.
    linked = Signal(int, str)
    closed = Signal(int)

    def __init__(
        self,
        workers: WorkerPool,
        formatter: Formatter,
        window: QWidget,
        current_session: Callable[[], StoreSession | None],
        reply_texts: Callable[[], ReplyTexts] = dict,  # the merchant's edited reply texts
    ) -> None:
        super().__init__(window)
        self.reply_texts = reply_texts
        self.workers = workers
        self.formatter = formatter
        self.window = window
        self.current_session = current_session
        self.dialog: FindOrderDialog | None = None

    @staticmethod
    def applies_to(detail: RequestDetail | None) -> bool:
        return detail is not None and detail.request.state is RequestState.UNMATCHED

    def open(self, detail: RequestDetail) -> FindOrderDialog | None:
        session = self.current_session()
        request_id = detail.request.id
        if session is None or request_id is None or not self.applies_to(detail):
            return None
        reasons = detail.verdict.reasons
        why = self.formatter.phrase(reasons[0]) if reasons else ""
        if self.dialog is not None:
            self.dialog.close()
        dialog = FindOrderDialog(detail.request, why, self.formatter, self.window)
        dialog.search_requested.connect(lambda text: self._search(dialog, session, text))
        dialog.link_requested.connect(
            lambda order_id: self._link(dialog, session, request_id, order_id, why)
        )
        dialog.close_requested.connect(lambda: self._close(dialog, session, request_id))
        self.dialog = dialog
        dialog.open()
        if dialog.search_edit.text():
            dialog.search_button.click()  # what the request says, searched at once
        return dialog

    def _search(self, dialog: FindOrderDialog, session: StoreSession, text: str) -> None:
        from cancelapp.session.unmatched import search_orders

        task = self.workers.run_on(Lane.NETWORK, search_orders, session, text)

        def found(search: OrderSearch) -> None:
            if dialog.search_edit.text().strip() == search.text or not dialog.candidates:
                dialog.show_results(search)

        task.succeeded.connect(found)
        task.failed.connect(lambda error: self._failed(dialog, error))

    def _link(
        self,
        dialog: FindOrderDialog,
        session: StoreSession,
        request_id: int,
        order_id: str,
        why: str,
    ) -> None:
        from cancelapp.session.unmatched import link_request

        who = session.runner.who
        task = self.workers.run_on(Lane.NETWORK, link_request, session, request_id, order_id, who)

        def done(target: int) -> None:
            dialog.accept()
            self.rows_changed.emit(frozenset({request_id, target}))
            self.linked.emit(target, why)

        task.succeeded.connect(done)
        task.failed.connect(lambda error: self._failed(dialog, error))

    def _close(self, dialog: FindOrderDialog, session: StoreSession, request_id: int) -> None:
        from cancelapp.actions.reply import ReplyTemplates
        from cancelapp.session.unmatched import close_unmatched

        # The reply in the window's language: an unmatched request has no order's locale.
        who, locale = session.runner.who, self.formatter.locale.name()
        templates = ReplyTemplates.from_texts(self.reply_texts())
        task = self.workers.run_on(
            Lane.DATABASE_WRITE,
            close_unmatched,
            session,
            request_id,
            who,
            locale=locale,
            templates=templates,
        )

        def done(closed: Closed) -> None:
            dialog.show_reply(closed.reply, sending=closed.sending)
            self.rows_changed.emit(frozenset({request_id}))
            self.closed.emit(request_id)

        task.succeeded.connect(done)
        task.failed.connect(lambda error: self._failed(dialog, error))

    def _failed(self, dialog: FindOrderDialog, error: object) -> None:
        message, _details = describe_error(error, self.formatter)
        dialog.show_problem(message)
