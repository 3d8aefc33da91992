"""Approve or decline the selected requests: prepare on a worker, confirm once, then each
order as its own task on the worker pool's network lane, as `session/bulk.py` `BulkRun`
says (a few at a time; none after Stop).

The decline reason is read from its dialog on the GUI thread, before any worker starts. With
an undo window (Settings), the confirmed bulk waits it out as a single decision does: every
order is queued in the journal, the status bar says when they go, and one Undo (Ctrl+Z)
takes back all of them. When the window is over the orders are sent with their progress
shown; Stop takes back those not started. Without an undo window they are sent at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from cancelapp.ui.detail.action_controller import describe_error
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, WorkerPool

if TYPE_CHECKING:  # the money-moving side loads with the store's session
    from cancelapp.actions import Outcome
    from cancelapp.session.bulk import BulkPlan, BulkRun
    from cancelapp.session.refresh import StoreSession
    from cancelapp.ui.banner import Words
    from cancelapp.ui.dialogs.bulk_dialogs import BulkProgressDialog


class BulkFlow(QObject):
    dialog_opened = Signal(object)  # the dialog now open (reason, confirmation, progress)
    running_changed = Signal(bool)
    sending = Signal(int, bool)  # request id, whether its order is on its way to Shopify
    order_finished = Signal(int, object)  # request id, Outcome (None after an error)
    finished = Signal(object)  # the BulkRun, every order ended
    problem = Signal(object)  # the banner's `Words`: said again in a new language
    waiting_for_shopify = Signal(int, object)  # request id, its Outcome: queued, Shopify away
    notice = Signal(str, int)  # for the status bar: the text, and for how many ms
    undo_changed = Signal()  # whether a bulk waiting out its undo window can be taken back
    unreachable = Signal()  # preparing found Shopify out of reach: the window goes offline
    problem_over = Signal(object)  # the `Words` of a problem that no longer holds

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
        # The undo window of the bulk just queued: its end sends it, Undo stops it first.
        self._window = QTimer(self)
        self._window.setSingleShot(True)
        self._window.setTimerType(Qt.TimerType.PreciseTimer)  # never before the runner's due
        self._window.timeout.connect(self._window_over)
        self._waiting_in: StoreSession | None = None  # the session the bulk was queued in
        self.undo_stamp = 0.0  # when the bulk was queued (monotonic): the newest undo wins
        # The banner's word on a bulk Shopify could not be reached for: it goes once Shopify
        # answers a sync (`shopify_answered`).
        self._out_of_reach: Words | None = None

    @property
    def can_undo(self) -> bool:
        """A bulk is waiting out its undo window, in the store open now."""
        run = self.run
        return (
            run is not None
            and self._waiting_in is not None
            and self._waiting_in is self.session()
            and bool(run.undoable)
        )

    def approve(self, request_ids: Sequence[int]) -> None:
        from cancelapp.session.bulk import prepare_bulk_approve

        session = self.session()
        if session is None or self.busy or not request_ids:
            return
        self._set_busy(True)
        task = self.workers.run_on(Lane.NETWORK, prepare_bulk_approve, session, tuple(request_ids))
        task.succeeded.connect(lambda bulk: self._confirm(session, bulk, None))
        task.failed.connect(lambda error: self._failed(error, approving=True))

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
            task.failed.connect(lambda error: self._failed(error, approving=False))

        dialog.accepted.connect(declined)
        dialog.rejected.connect(lambda: self._set_busy(False))
        self._open(dialog)

    def stop(self) -> None:
        """No new order starts; those already sent finish, and those queued for the undo
        window and not started are taken back (else they would be sent when due)."""
        run = self.run
        if run is None:
            return
        queued = _queued_orders(run)
        run.stop()
        if self.progress is not None:
            self.progress.show_all()
        session = self.session()
        if queued and session is not None:
            from cancelapp.session.bulk import take_back_orders

            task = self.workers.run_on(Lane.NETWORK, take_back_orders, session, queued)
            task.succeeded.connect(lambda _taken: self._reload(queued))
            task.failed.connect(self._report)
        self._maybe_done()

    def undo(self) -> None:
        """Take back every order of the bulk still waiting out its undo window; say how many
        were taken back and how many had already left."""
        run, session = self.run, self._waiting_in
        if not self.can_undo or run is None or session is None:
            return
        from cancelapp.session.bulk import take_back_orders

        self._window.stop()  # before anything: the window's end can no longer send them
        self._waiting_in = None
        self.undo_changed.emit()
        queued = _queued_orders(run)
        task = self.workers.run_on(Lane.NETWORK, take_back_orders, session, queued)
        task.succeeded.connect(lambda taken: self._taken_back(run, queued, taken))
        task.failed.connect(lambda error: self._undo_failed(run, queued, error))

    # Steps ---------------------------------------------------------------------------------------

    def _confirm(self, session: StoreSession, bulk: BulkPlan, reason: str | None) -> None:
        from cancelapp.ui.dialogs.bulk_dialogs import BulkConfirmDialog

        dialog = BulkConfirmDialog(
            bulk,
            self.formatter,
            reason,
            self.parent_widget,
            undo_seconds=session.runner.settings.undo_seconds,
        )
        dialog.accepted.connect(lambda: self._start(session, bulk))
        dialog.rejected.connect(lambda: self._set_busy(False))
        self._open(dialog)

    def _start(self, session: StoreSession, bulk: BulkPlan) -> None:
        from cancelapp.session.bulk import BulkRun, queue_bulk

        run = self.run = BulkRun(bulk)
        seconds = session.runner.settings.undo_seconds
        if seconds <= 0:
            self._send(session, run)
            return
        task = self.workers.run_on(Lane.NETWORK, queue_bulk, session, bulk)
        task.succeeded.connect(lambda outcomes: self._queued(session, run, outcomes, seconds))
        task.failed.connect(lambda error: self._queue_failed(run, error))

    def _queued(
        self, session: StoreSession, run: BulkRun, outcomes: list[Outcome], seconds: float
    ) -> None:
        """Every order is in the journal's queue: say when they go, and wait out the window
        (or send at once what could not be queued: its progress says why)."""
        run.queued(outcomes)
        for order, outcome in zip(run.orders, outcomes, strict=True):  # each row: queued
            self.order_finished.emit(order.plan.request_id or 0, outcome)
        if self.run is not run:
            return
        queued = [o for o in outcomes if o.status.value == "queued" and o.due_at is not None]
        if not queued:
            self._send(session, run)
            return
        due = max(o.due_at for o in queued if o.due_at is not None)
        count = len(queued)
        text = (
            self.tr("1 order: sent at {time} unless you undo it (Ctrl+Z).")
            if count == 1
            else self.tr("{count} orders: sent at {time} unless you undo them (Ctrl+Z).")
        ).format(count=self.formatter.locale.toString(count), time=self.formatter.clock_time(due))
        self._waiting_in = session
        self.undo_stamp = time.monotonic()
        milliseconds = max(round(seconds * 1000), 1)
        self._window.start(milliseconds)
        self.notice.emit(text, milliseconds)
        self.undo_changed.emit()

    def _window_over(self) -> None:
        run, session = self.run, self._waiting_in
        self._waiting_in = None
        self.undo_changed.emit()
        if run is None or session is None:
            return
        if session is not self.session():  # the store was closed: when it opens again, its
            self.run = None  # session sends the queued orders, as after a restart
            self._set_busy(False)
            return
        self._send(session, run)

    def _send(self, session: StoreSession, run: BulkRun) -> None:
        from cancelapp.ui.dialogs.bulk_dialogs import BulkProgressDialog

        progress = self.progress = BulkProgressDialog(run, self.formatter, self.parent_widget)
        progress.stop_requested.connect(self.stop)
        self._open(progress)
        self._start_next(session, run)

    def _start_next(self, session: StoreSession, run: BulkRun) -> None:
        from cancelapp.session.bulk import carry_out, send_queued

        for index in run.next_orders():
            order = run.orders[index]
            plan = order.plan
            rid = plan.request_id or 0
            self.sending.emit(rid, True)
            if self.progress is not None:
                self.progress.show_order(index)
            if order.action_id is not None:  # queued for the undo window, which is over
                task = self.workers.run_on(Lane.NETWORK, send_queued, session, order.action_id)
            else:
                snapshot = run.bulk.policy_snapshot
                task = self.workers.run_on(Lane.NETWORK, carry_out, session, plan, snapshot)
            task.succeeded.connect(
                lambda outcome, i=index: self._order_done(session, run, i, outcome)
            )
            task.failed.connect(lambda error, i=index: self._order_failed(session, run, i, error))
        self._maybe_done()

    def _order_done(
        self, session: StoreSession, run: BulkRun, index: int, outcome: Outcome | None
    ) -> None:
        run.finished(index, outcome)
        if outcome is not None and outcome.status.value == "queued":  # Shopify out of reach
            self.waiting_for_shopify.emit(run.orders[index].plan.request_id or 0, outcome)
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

    def _taken_back(self, run: BulkRun, queued: list[tuple[int, int]], taken: list[int]) -> None:
        back = set(taken)
        for index, order in enumerate(run.orders):
            if order.action_id in back:
                run.taken_back(index)
        left = len(queued) - len(back)
        locale = self.formatter.locale
        counted = {"taken": locale.toString(len(back)), "left": locale.toString(left)}
        if left == 0:
            words = (
                self.tr("Took back 1 decision.")
                if len(back) == 1
                else self.tr("Took back {taken} decisions.")
            )
            self.notice.emit(words.format(**counted), 8000)
        else:  # a banner: some went to Shopify after all

            def partly() -> tuple[str, str | None]:
                words = (
                    self.tr("Took back {taken}; 1 was already sent.")
                    if left == 1
                    else self.tr("Took back {taken}; {left} were already sent.")
                )
                return words.format(**counted), None

            self.problem.emit(partly)
        self._end_waiting(run, queued)

    def _undo_failed(self, run: BulkRun, queued: list[tuple[int, int]], error: object) -> None:
        self._report(error)
        self._end_waiting(run, queued)

    def _end_waiting(self, run: BulkRun, queued: list[tuple[int, int]]) -> None:
        """The bulk ends where the undo left it: its rows are read again."""
        run.stop()
        self._reload(queued)
        if self.run is run:
            self.run = None
            self._set_busy(False)
            self.finished.emit(run)

    def _reload(self, queued: list[tuple[int, int]]) -> None:
        for _action_id, rid in queued:
            self.order_finished.emit(rid, None)

    def _queue_failed(self, run: BulkRun, error: object) -> None:
        if self.run is run:
            self.run = None
        self._failed(error)

    def _failed(self, error: object, *, approving: bool | None = None) -> None:
        """`approving`: the bulk's preparation failed (an approve's, or a decline's)."""
        from cancelapp.shopify.errors import NetworkDown, ShopifyDown

        self._set_busy(False)
        if approving is None or not isinstance(error, (NetworkDown, ShopifyDown)):
            self._report(error)
            return
        detail = str(error.detail)

        def words() -> tuple[str, str | None]:
            reason = describe_error(error, self.formatter)[0]  # in the language shown now
            said = (
                self.tr(
                    "Approve selected: nothing was approved and nothing was sent. {reason} "
                    "Approve them again once the status bar says Online."
                )
                if approving
                else self.tr(
                    "Decline selected: nothing was declined and nothing was sent. {reason} "
                    "Decline them again once the status bar says Online."
                )
            )
            details = self.tr("For support: {detail}").format(detail=detail) if detail else None
            return said.format(reason=reason), details

        self._out_of_reach = words
        self.problem.emit(words)
        self.unreachable.emit()  # the window says so at once, as a single approve does

    def shopify_answered(self) -> None:
        """A sync succeeded: the word that Shopify could not be reached no longer holds."""
        words, self._out_of_reach = self._out_of_reach, None
        if words is not None:
            self.problem_over.emit(words)

    def _report(self, error: object) -> None:
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


def _queued_orders(run: BulkRun) -> list[tuple[int, int]]:
    """(action id, request id) of each order queued for the undo window and not started."""
    return [
        (order.action_id, order.plan.request_id or 0)
        for order in run.undoable
        if order.action_id is not None
    ]
