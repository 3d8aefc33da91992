"""Approve or decline the selected requests: prepare on a worker, confirm once, then each
order as its own task on the worker pool's network lane, as `session/bulk.py` `BulkRun`
says (a few at a time; none after Stop).

While the selected orders are read, the status bar says so at once (and that the first read
of the store still runs, when it does), Esc stops the reading, and no other decision starts;
the reads go before the sync's (`ShopifyClient.merchant_waiting`), so the confirmation does
not wait for the sync. The decline reason is read from its dialog on the GUI thread, before
any worker starts. With an undo window (Settings), the confirmed bulk waits it out as a
single decision does: every order is queued in the journal, the status bar says when they
go, and one Undo (Ctrl+Z) takes back all of them. When the window is over the orders are
sent with their progress shown; Stop takes back those not started. Without an undo window
they are sent at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from cancelapp.domain.phrase import Phrase
from cancelapp.ui.detail.action_controller import describe_error
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, Task, WorkerPool

if TYPE_CHECKING:  # the money-moving side loads with the store's session
    from cancelapp.actions import Outcome
    from cancelapp.session.bulk import BulkPlan, BulkRun, OrderProgress, TakenBack
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
    problem_over = Signal(object)  # the `Words` of a problem that no longer holds
    waiting_for_shopify = Signal(int, object)  # request id, its Outcome: queued, Shopify away
    notice = Signal(str, int)  # for the status bar: the text, and for how many ms
    # "Reading 3 orders from Shopify…" while the selected orders are read; "" once they are
    reading = Signal(str)
    undo_changed = Signal()  # whether a bulk waiting out its undo window can be taken back
    # Shopify out of reach (preparing failed, or an order waited past a merchant's patience
    # or was not confirmed): the window goes offline.
    unreachable = Signal()

    def __init__(
        self,
        workers: WorkerPool,
        formatter: Formatter,
        parent_widget: QWidget,
        session: Callable[[], StoreSession | None],
        first_read: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent_widget)
        self.workers = workers
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.session = session
        self.first_read = first_read  # the store's first sync (or its backfill) runs now
        self.busy = False  # preparing, confirming or running: one bulk at a time
        # The reading of the selected orders under way, and whether it is for an approve:
        # meanwhile no decision starts on any row (`preparing`), as while a single one's is.
        self._reading: tuple[Task, bool] | None = None
        self.run: BulkRun | None = None
        self.progress: BulkProgressDialog | None = None
        # The undo window of the bulk just queued: its end sends it, Undo stops it first.
        self._window = QTimer(self)
        self._window.setSingleShot(True)
        self._window.setTimerType(Qt.TimerType.PreciseTimer)  # never before the runner's due
        self._window.timeout.connect(self._window_over)
        self._waiting_in: StoreSession | None = None  # the session the bulk was queued in
        self._session_of_run: StoreSession | None = None  # the session the bulk runs in
        self._stuck: Words | None = None  # "could not be taken back", while it holds
        self._quit_asked = False  # quitting was stopped once, to say what it would leave
        self.undo_stamp = 0.0  # when the bulk was queued (monotonic): the newest undo wins
        # When each order in flight was sent (monotonic, by index), and the timer that says,
        # once one has waited past a merchant's patience, how long Shopify has been silent.
        self._sent_at: dict[int, float] = {}
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.timeout.connect(self._watch)
        self._said_unreachable = False
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

    def keeps_open(self) -> bool:
        """Quitting now would leave orders the merchant took back, which the database kept
        queued, to be sent at the next start: say so once and keep the window open (True).
        The words stay until Undo takes them back; closing again quits."""
        if self._stuck is None or not self.can_undo or self._quit_asked:
            return False
        self._quit_asked = True

        def words() -> tuple[str, str | None]:
            return (
                self.tr(
                    "Some orders of your bulk action could not be taken back yet: press Undo "
                    "(Ctrl+Z) before you quit, or they are sent at the next start. Close "
                    "again to quit anyway."
                ),
                None,
            )

        self._stuck = words
        self.problem.emit(words)
        return True

    def approve(self, request_ids: Sequence[int]) -> None:
        from cancelapp.session.bulk import prepare_bulk_approve

        session = self.session()
        if session is None or self.busy or not request_ids:
            return
        ids = tuple(request_ids)
        task = self.workers.run_cancellable_on(Lane.NETWORK, prepare_bulk_approve, session, ids)
        self._read(task, len(ids), session, None)

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
            task = self.workers.run_cancellable_on(
                Lane.NETWORK, prepare_bulk_decline, session, ids, reason
            )
            self._read(task, len(ids), session, reason)

        dialog.accepted.connect(declined)
        dialog.rejected.connect(lambda: self._set_busy(False))
        self._open(dialog)

    @property
    def preparing(self) -> bool:
        """The selected orders are being read: no other decision starts meanwhile."""
        return self._reading is not None

    def stop_reading(self) -> None:
        """Esc while the selected orders are read: nothing opens and nothing is decided (the
        worker stops before the next order; what it still reads is dropped)."""
        if self._reading is None:
            return
        task, approving = self._reading
        task.cancel()
        self._read_over(task)
        self._set_busy(False)
        said = (
            self.tr("Approve selected stopped: nothing was approved.")
            if approving
            else self.tr("Decline selected stopped: nothing was declined.")
        )
        self.notice.emit(said, 8000)

    def stop(self) -> None:
        """No new order starts; those already sent finish, and those queued for the undo
        window and not started are taken back (else they would be sent when due)."""
        run, session = self.run, self._session_of_run
        if run is None:
            return
        queued = _queued_orders(run)
        run.stop()
        if self.progress is not None:
            self.progress.show_all()
        if queued and session is not None:
            self._take_back(session, run, queued, undo=False)
        self._maybe_done()
        self._watch()  # an order still on its way past patience: the dialog may close

    def undo(self) -> None:
        """Take back every order of the bulk still waiting out its undo window; say how many
        were taken back, how many had already left, and how many could not be taken back
        now (those stay queued, held, and Undo takes them back when pressed again)."""
        run, session = self.run, self._waiting_in
        if not self.can_undo or run is None or session is None:
            return
        self._window.stop()  # before anything: the window's end can no longer send them
        self._waiting_in = None
        self.undo_changed.emit()
        queued = _queued_orders(run)
        run.stop()
        self._take_back(session, run, queued, undo=True)

    # Steps ---------------------------------------------------------------------------------------

    def _read(self, task: Task, count: int, session: StoreSession, reason: str | None) -> None:
        """Say at once that the orders are read, however long Shopify takes; then confirm."""
        approving = reason is None
        self._reading = (task, approving)
        self._set_busy(True)  # and `preparing`: the window's commands follow
        if self.first_read():  # its reads slow Shopify's answers: why this may take longer
            text = (
                self.tr(
                    "Reading 1 order from Shopify… the first read of your store is still "
                    "running. Esc stops."
                )
                if count == 1
                else self.tr(
                    "Reading {count} orders from Shopify… the first read of your store is "
                    "still running. Esc stops."
                )
            )
        else:
            text = (
                self.tr("Reading 1 order from Shopify… Esc stops.")
                if count == 1
                else self.tr("Reading {count} orders from Shopify… Esc stops.")
            )
        self.reading.emit(text.format(count=self.formatter.locale.toString(count)))

        def read(bulk: BulkPlan) -> None:
            if self._read_over(task):
                self._confirm(session, bulk, reason)

        def failed(error: object) -> None:
            if self._read_over(task):
                self._failed(error, approving=approving)

        def cancelled() -> None:  # stopped other than by Esc (the store closed, quitting)
            if self._read_over(task):
                self._set_busy(False)

        task.succeeded.connect(read)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)

    def _read_over(self, task: Task) -> bool:
        """The reading by `task` ended (or was stopped); False when it no longer counts."""
        if self._reading is None or self._reading[0] is not task:
            return False
        self._reading = None
        self.reading.emit("")
        self.running_changed.emit(self.busy)  # decisions may start again
        return True

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
        self._session_of_run = session
        self._sent_at.clear()
        self._said_unreachable = False
        seconds = session.runner.settings.undo_seconds
        if seconds <= 0:
            self._send(session, run)
            return
        task = self.workers.run_on(Lane.NETWORK, queue_bulk, session, bulk)
        task.succeeded.connect(lambda outcomes: self._queued(session, run, outcomes, seconds))
        task.failed.connect(lambda error: self._queue_failed(session, run, error))

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
        self.notice.emit(text, 0)  # until the window ends: `_window_over` or an undo replaces it
        self.undo_changed.emit()

    def _window_over(self) -> None:
        run, session = self.run, self._waiting_in
        self._waiting_in = None
        self.undo_changed.emit()
        self.notice.emit("", 0)  # "sent at … unless you undo them": no longer, they go now
        if run is None or session is None:
            return
        if session is not self.session():  # closed after all (the switch is held meanwhile):
            self.run = self._session_of_run = None  # its next session sends the queued
            self.notice.emit("", 0)  # orders when due, as after a restart
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
            self._sent_at[index] = time.monotonic()
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
        self._watch()

    def _order_done(
        self, session: StoreSession, run: BulkRun, index: int, outcome: Outcome | None
    ) -> None:
        run.finished(index, outcome)
        # Queued because Shopify is out of reach (not because the app is closing, or another
        # action for the order goes first), in the store open now: the window goes offline.
        if outcome is not None and outcome.unreachable and session is self.session():
            self.waiting_for_shopify.emit(run.orders[index].plan.request_id or 0, outcome)
        # Sent, but Shopify did not confirm it: offline until a sync finds Shopify answering,
        # whose reconnect has the runner's recovery finish it (`settled` then shows how).
        pending = outcome is not None and outcome.status.value == "pending"
        if pending and not self._said_unreachable and session is self.session():
            self._said_unreachable = True
            self.unreachable.emit()
        self._ended(session, run, index, outcome)

    def _order_failed(self, session: StoreSession, run: BulkRun, index: int, error: object) -> None:
        run.failed(index, describe_error(error, self.formatter)[0])
        self._ended(session, run, index, None)

    def _ended(
        self, session: StoreSession, run: BulkRun, index: int, outcome: Outcome | None
    ) -> None:
        rid = run.orders[index].plan.request_id or 0
        self._sent_at.pop(index, None)
        self.sending.emit(rid, False)
        if self.progress is not None and self.run is run:
            self.progress.show_order(index)
        elif run.orders[index].state.value == "failed":  # the dialog was closed meanwhile
            self._failed_in_background(run.orders[index])
        self.order_finished.emit(rid, outcome)
        self._start_next(session, run)

    def _watch(self) -> None:
        """While an order has waited for Shopify's answer longer than a merchant's patience (a
        single decision's read gives up by then), the dialog says so in words, and the window goes
        offline as a single decision's does. The order itself is never abandoned: it may have
        reached Shopify, so its worker waits for the answer (the journal and idempotency keys
        make the runner's later recovery safe)."""
        self._slow.stop()
        run, session = self.run, self._session_of_run
        in_flight = [] if run is None else [i for i in self._sent_at if i < len(run.orders)]
        progress = self.progress if self.progress is not None and self.progress.run is run else None
        if run is None or session is None or not in_flight:
            if progress is not None:
                progress.show_waiting(None, [], run is not None and run.stopped)
            return
        patience = session.client.merchant_patience
        # Shopify's silence: since the orders started, and since a request actually left
        # (a wait in the pacer, behind other requests or for the budget, is not silence).
        since_started = time.monotonic() - min(self._sent_at[i] for i in in_flight)
        waited = min(since_started, session.client.unanswered_s)
        if waited < patience:
            if progress is not None:
                progress.show_waiting(None, [], run.stopped)
            self._slow.start(max(round((patience - waited) * 1000), 1))
            return
        if progress is not None:
            names = [run.orders[i].plan.order_name for i in sorted(in_flight)]
            progress.show_waiting(waited, names, run.stopped)
        if not self._said_unreachable and session is self.session():
            self._said_unreachable = True
            self.unreachable.emit()
        self._slow.start(1000)

    def _failed_in_background(self, order: OrderProgress) -> None:
        """An order that finished after its dialog was closed, and failed: said in the banner,
        as the dialog would have said it."""
        why = order.why
        name = order.plan.order_name

        def words() -> tuple[str, str | None]:
            said = self.formatter.phrase(why) if isinstance(why, Phrase) else (why or "")
            return (
                self.tr("Your bulk action: {order} failed. {why}")
                .format(order=name, why=said)
                .strip(),
                None,
            )

        self.problem.emit(words)

    def settled(self, request_id: int, outcome: Outcome | None) -> None:
        """An order of the bulk shown as sent and waiting for Shopify to confirm, finished
        since by the runner's recovery: its row in the dialog says how it ended."""
        from cancelapp.actions import OutcomeStatus

        progress = self.progress
        if progress is None or outcome is None or outcome.status is OutcomeStatus.PENDING:
            return
        run = progress.run
        for index, order in enumerate(run.orders):
            pending = order.outcome is not None and order.outcome.status is OutcomeStatus.PENDING
            if order.plan.request_id == request_id and pending:
                run.finished(index, outcome)
                progress.show_order(index)
                progress.show_summary_again()

    def _maybe_done(self) -> None:
        run = self.run
        if run is None:
            return
        if not run.done:  # waiting for Undo once none is in flight: the progress can close
            if self._stuck is not None and run.in_flight == 0 and self.progress is not None:
                self.progress.show_summary()
            return
        if self.progress is not None:
            self.progress.show_summary()
        self.run = self._session_of_run = None
        self._set_busy(False)
        self.finished.emit(run)

    def _take_back(
        self, session: StoreSession, run: BulkRun, queued: list[tuple[int, int]], *, undo: bool
    ) -> None:
        from cancelapp.session.bulk import TakenBack, take_back_orders

        task = self.workers.run_on(
            Lane.NETWORK, take_back_orders, session, queued, stopped=not undo
        )
        task.succeeded.connect(lambda result: self._taken_back(session, run, result, undo=undo))
        every = TakenBack(failed=tuple(action_id for action_id, _rid in queued))
        task.failed.connect(
            lambda error: self._taken_back(session, run, every, undo=undo, error=error)
        )

    def _taken_back(
        self,
        session: StoreSession,
        run: BulkRun,
        result: TakenBack,
        *,
        undo: bool,
        error: object = None,
    ) -> None:
        """Each order as the take-back left it: back with the merchant (taken back by Undo,
        not started after Stop), already sent, or still queued. While one is still queued
        the bulk waits for Undo: it never ends with an order that could still leave."""
        index_of = {o.action_id: i for i, o in enumerate(run.orders) if o.action_id is not None}
        for action_id in result.taken:
            (run.taken_back if undo else run.not_started)(index_of[action_id])
        for action_id in result.sent:
            run.sent_before_taken_back(index_of[action_id])
        for action_id in (*result.taken, *result.sent):  # their rows are read again
            self.order_finished.emit(run.orders[index_of[action_id]].plan.request_id or 0, None)
        if self._stuck is not None:  # the last "could not be taken back" no longer holds
            self.problem_over.emit(self._stuck)
            self._stuck, self._quit_asked = None, False
        if result.failed:
            self._still_queued(session, run, result, error or result.error)
        elif undo:
            self._say_taken_back(len(result.taken), len(result.sent))
        self._maybe_done()

    def _say_taken_back(self, taken: int, sent: int) -> None:
        locale = self.formatter.locale
        counted = {"taken": locale.toString(taken), "left": locale.toString(sent)}
        if sent == 0:
            words = (
                self.tr("Took back 1 decision.")
                if taken == 1
                else self.tr("Took back {taken} decisions.")
            )
            self.notice.emit(words.format(**counted), 8000)
            return

        def partly() -> tuple[str, str | None]:  # a banner: some went to Shopify after all
            words = (
                self.tr("Took back {taken}; 1 was already sent.")
                if sent == 1
                else self.tr("Took back {taken}; {left} were already sent.")
            )
            return words.format(**counted), None

        self.notice.emit("", 0)  # "sent at … unless you undo them" no longer holds
        self.problem.emit(partly)

    def _still_queued(
        self,
        session: StoreSession,
        run: BulkRun,
        result: TakenBack,
        error: object,
        *,
        undone: bool = True,
    ) -> None:
        """Some orders could not be taken back: they stay queued and held (nothing sends
        them), the bulk waits, and Undo, enabled, tries them again. `undone`: the merchant
        asked for it (Undo, Stop); else the bulk could not be queued whole."""
        self._waiting_in = session
        self.undo_changed.emit()
        taken = len(result.taken)
        self.notice.emit(  # the status line no longer says when they are sent
            (
                self.tr("Took back 1 decision.")
                if taken == 1
                else self.tr("Took back {taken} decisions.")
            ).format(taken=self.formatter.locale.toString(taken))
            if taken
            else "",
            8000 if taken else 0,
        )
        count = len(result.failed)
        details = f"{type(error).__name__}: {error}" if error is not None else None

        def words() -> tuple[str, str | None]:
            said = (
                self.tr("{count} could not be taken back; press Undo again.")
                if undone
                else self.tr(
                    "The decisions could not all be queued, and {count} could not be taken "
                    "back: press Undo (Ctrl+Z) to take them back."
                )
            )
            return said.format(count=self.formatter.locale.toString(count)), details

        self._stuck = words
        self.problem.emit(words)

    def _queue_failed(self, session: StoreSession, run: BulkRun, error: object) -> None:
        from cancelapp.session.bulk import QueuedInPart, TakenBack

        if isinstance(error, QueuedInPart) and self.run is run:  # some could not be undone
            run.queued_in_part(error.still_queued)
            self.undo_stamp = time.monotonic()
            for order in run.orders:  # their rows are read again
                self.order_finished.emit(order.plan.request_id or 0, None)
            left = tuple(o.action_id for o in error.still_queued.values() if o.action_id)
            self._still_queued(session, run, TakenBack(failed=left), error.cause, undone=False)
            self._maybe_done()
            return
        if self.run is run:
            self.run = self._session_of_run = None
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
