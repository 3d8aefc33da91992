"""Approve or decline the selected requests: prepare on a worker, confirm once, then each
order as its own task on the worker pool's network lane, as `session/bulk.py` `BulkRun`
says (a few at a time; none after Stop).

The decline reason is read from its dialog on the GUI thread, before any worker starts. The
bulk sends at once after the confirmation (no undo window): the confirmation and the Stop
button are its safeguards, and each order still goes through re-verification and the journal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from cancelapp.ui.detail.action_controller import describe_error
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:  # the money-moving side loads with the store's session
    from cancelapp.actions import Outcome
    from cancelapp.session.bulk import BulkPlan, BulkRun
    from cancelapp.session.refresh import StoreSession
    from cancelapp.ui.dialogs.bulk_dialogs import BulkProgressDialog


class BulkFlow(QObject):
    dialog_opened = Signal(object)  # the dialog now open (reason, confirmation, progress)
    running_changed = Signal(bool)
    sending = Signal(int, bool)  # request id, whether its order is on its way to Shopify
    order_finished = Signal(int, object)  # request id, Outcome (None after an error)
    finished = Signal(object)  # the BulkRun, every order ended
    problem = Signal(object)  # the banner's `Words`: said again in a new language

    def __init__(
        self,
        workers: WorkerPool,
        formatter: Formatter,
        parent_widget: QWidget,
        session: Callable[[], StoreSession | None],
    ) -> None:
        super().__init__(parent_widget)
        self.workers = workers
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.session = session
        self.busy = False  # preparing, confirming or running: one bulk at a time
        self.run: BulkRun | None = None
        self.progress: BulkProgressDialog | None = None

    def approve(self, request_ids: Sequence[int]) -> None:
        from cancelapp.session.bulk import prepare_bulk_approve

        session = self.session()
        if session is None or self.busy or not request_ids:
            return
        self._set_busy(True)
        task = self.workers.run_on(Lane.NETWORK, prepare_bulk_approve, session, tuple(request_ids))
        task.succeeded.connect(lambda bulk: self._confirm(session, bulk, None))
        task.failed.connect(self._failed)

    def decline(self, request_ids: Sequence[int], *, made_in_shopify: bool = False) -> None:
        """`made_in_shopify`: some of them were asked for in Shopify, which sends the reason
        to the customer and takes a limited length (as in a single decline)."""
        from cancelapp.actions.prepare.decline_hold_restock import DECLINE_NOTE_LIMIT
        from cancelapp.ui.detail.action_dialogs import TextDialog

        session = self.session()
        if session is None or self.busy or not request_ids:
            return
        self._set_busy(True)
        ids = tuple(request_ids)
        dialog = TextDialog(
            self.tr("Decline %n request(s)", "", len(ids)),
            self.tr(
                "Why are these requests declined? The reason goes on each order's note; for "
                "requests made in Shopify, Shopify sends it to the customer."
            ),
            self.tr("Continue"),
            parent=self.parent_widget,
            limit=DECLINE_NOTE_LIMIT if made_in_shopify else None,
        )

        def declined() -> None:
            from cancelapp.session.bulk import prepare_bulk_decline

            reason = dialog.text  # on the GUI thread: the dialog is gone by the worker
            task = self.workers.run_on(Lane.NETWORK, prepare_bulk_decline, session, ids, reason)
            task.succeeded.connect(lambda bulk: self._confirm(session, bulk, reason))
            task.failed.connect(self._failed)

        dialog.accepted.connect(declined)
        dialog.rejected.connect(lambda: self._set_busy(False))
        self._open(dialog)

    def stop(self) -> None:
        """No new order starts; those already sent finish."""
        run = self.run
        if run is None:
            return
        run.stop()
        if self.progress is not None:
            self.progress.show_all()
        self._maybe_done()

    # Steps ---------------------------------------------------------------------------------------

    def _confirm(self, session: StoreSession, bulk: BulkPlan, reason: str | None) -> None:
        from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog

        dialog = BulkConfirmDialog(bulk, self.formatter, reason, self.parent_widget)
        dialog.accepted.connect(lambda: self._start(session, bulk))
        dialog.rejected.connect(lambda: self._set_busy(False))
        self._open(dialog)

    def _start(self, session: StoreSession, bulk: BulkPlan) -> None:
        from cancelapp.session.bulk import BulkRun
        from cancelapp.ui.dialogs.bulk_dialogs import BulkProgressDialog

        run = self.run = BulkRun(bulk)
        progress = self.progress = BulkProgressDialog(run, self.formatter, self.parent_widget)
        progress.stop_requested.connect(self.stop)
        self._open(progress)
        self._start_next(session, run)

    def _start_next(self, session: StoreSession, run: BulkRun) -> None:
        from cancelapp.session.bulk import carry_out

        for index in run.next_orders():
            plan = run.orders[index].plan
            rid = plan.request_id or 0
            self.sending.emit(rid, True)
            if self.progress is not None:
                self.progress.show_order(index)
            snapshot = run.bulk.policy_snapshot
            task = self.workers.run_on(Lane.NETWORK, carry_out, session, plan, snapshot)
            task.succeeded.connect(
                lambda outcome, i=index: self._order_done(session, run, i, outcome)
            )
            task.failed.connect(lambda error, i=index: self._order_failed(session, run, i, error))
        self._maybe_done()

    def _order_done(
        self, session: StoreSession, run: BulkRun, index: int, outcome: Outcome
    ) -> None:
        run.finished(index, outcome)
        self._ended(session, run, index, outcome)

    def _order_failed(self, session: StoreSession, run: BulkRun, index: int, error: object) -> None:
        run.failed(index, describe_error(error, self.formatter)[0])
        self._ended(session, run, index, None)

    def _ended(
        self, session: StoreSession, run: BulkRun, index: int, outcome: Outcome | None
    ) -> None:
        rid = run.orders[index].plan.request_id or 0
        self.sending.emit(rid, False)
        if self.progress is not None and self.run is run:
            self.progress.show_order(index)
        self.order_finished.emit(rid, outcome)
        self._start_next(session, run)

    def _maybe_done(self) -> None:
        run = self.run
        if run is None or not run.done:
            return
        if self.progress is not None:
            self.progress.show_summary()
        self.run = None
        self._set_busy(False)
        self.finished.emit(run)

    def _failed(self, error: object) -> None:
        self._set_busy(False)
        self.problem.emit(lambda: describe_error(error, self.formatter))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.running_changed.emit(busy)

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _closed(self, dialog: QDialog) -> None:
        if dialog is self.progress:
            self.progress = None
        dialog.deleteLater()
        self.parent_widget.activateWindow()
