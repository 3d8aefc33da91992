"""Approve, decline, hold, refresh, note and undo: preview first, confirm, then send off-thread.

Every step that reads or writes Shopify or the database runs in the worker pool; the window
only opens dialogs and shows outcomes. A request with an action on its way is "in flight":
its buttons stay disabled until the outcome is known. With an undo window, a confirmed action
is queued in the journal and sent by `run_due` once the window has passed, unless the
merchant takes it back (Ctrl+Z).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from cancelapp.domain.phrase import Phrase
from cancelapp.domain.verdict import Outcome as VerdictOutcome
from cancelapp.session.detail import RequestDetail
from cancelapp.ui.detail.decision_problems import DecisionProblems
from cancelapp.ui.formatting import Formatter
from cancelapp.ui.workers import Lane, Task, WorkerPool

if TYPE_CHECKING:  # the money-moving side loads with the store's session, dialogs when used
    from cancelapp.actions import Outcome
    from cancelapp.actions.prepare.choices import ApproveChoices
    from cancelapp.session.decide import Asked, Prepared
    from cancelapp.session.refresh import ArrivalHolds, StoreSession
    from cancelapp.session.replies import RepliesSent, Unknown
    from cancelapp.settings import ReplyTexts
    from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog, TextDialog
    from cancelapp.ui.detail.reply_preview import ConfirmedReply
    from cancelapp.ui.detail.reply_unknown import ReplyUnknownDialog

log = logging.getLogger(__name__)
RUN_DUE_EVERY_MS = 1000
IDLE_RUN_DUE_TICKS = 30
# `OutcomeStatus` values, compared by value so this module loads without the actions package.
_QUEUED, _DONE, _PENDING = "queued", "done", "pending"
_TROUBLE = frozenset({"failed", "conflict", "busy"})


class ActionController(QObject):
    in_flight_changed = Signal()
    sending = Signal(int, bool)  # request id, whether its action is on its way to Shopify
    dialog_opened = Signal(object)  # the ConfirmActionDialog or TextDialog now open
    finished = Signal(int, object)  # request id, Outcome (None for refresh and note)
    problem = Signal(object)  # the banner's `Words`: said again in a new language
    # The banner's word on decisions that could not be made, one line per order
    # (`DecisionProblems`): what it said before and what it says now, None for nothing.
    decision_problems = Signal(object, object)
    notice = Signal(str)  # for the status bar
    unreachable = Signal()  # Shopify could not be reached: the window goes offline
    reachable = Signal()  # Shopify answered a read: the window goes online
    reading = Signal(str)  # "the order is being read from Shopify"; "" once it is (or failed)
    rows_changed = Signal(object)  # frozenset of request ids to reload
    replies_sent = Signal(object)  # list of request ids whose reply the mail server took
    # A confirmation's "Email settings…": (the dialog to open them over, called once closed)
    email_settings_wanted = Signal(object, object)

    def __init__(
        self,
        workers: WorkerPool,
        formatter: Formatter,
        parent_widget: QWidget,
        find_request: Callable[[str], int | None] = lambda _order_id: None,
        online: Callable[[], bool | None] = lambda: True,
        reply_texts: Callable[[], ReplyTexts] = dict,  # the merchant's edited reply texts
        highlighted: Callable[[], tuple[int, str]] = lambda: (0, ""),  # request id, order
    ) -> None:
        super().__init__(parent_widget)
        self.reply_texts = reply_texts
        # Whether Shopify answered the last try (None: not tried yet). Known to be out of
        # reach, previews come from the cache and queued decisions wait for the reconnect.
        self.online = online
        self._typed: dict[int, str] = {}  # request id -> a decline reason not yet journaled
        # Request id -> the decline reason the dialog offered (the policy's): one the merchant
        # wrote differs, and goes in the reply (`reply_facts`).
        self._offered: dict[int, str] = {}
        self._asked: dict[int, Asked] = {}  # request id -> what its open preview was built for
        self.find_request = find_request  # the request shown for an order id
        # The request the keys act on now, and its order's name: a decision whose read ends
        # after the merchant moved on opens no dialog for the row left.
        self.highlighted = highlighted
        # One decision prepared at a time: the request and order whose read is under way.
        # Meanwhile approve, decline and hold are off for every row (`preparing`).
        self._preparing: tuple[int, str] | None = None
        self.workers = workers
        self.formatter = formatter
        self.parent_widget = parent_widget
        self.session: StoreSession | None = None
        self.in_flight: set[int] = set()
        self.dialog: ConfirmActionDialog | TextDialog | ReplyUnknownDialog | None = None
        self._queued: dict[str, int] = {}  # order id -> request id, waiting to be sent
        # Request, order, action and when it was queued (monotonic); newest last.
        self._undoable: list[tuple[int, str, int, float]] = []
        self._due_task: Task | None = None
        self._idle_ticks = 0
        self._reply_task: Task | None = None
        self._replies_again = False
        self._asking: set[int] = set()  # replies the merchant is being asked about
        # "#1190: Shopify cannot be reached…", per order, until it holds no more.
        self._problems = DecisionProblems(
            self.decision_problems.emit, lambda: self.highlighted()[1]
        )
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(RUN_DUE_EVERY_MS)
        self._due_timer.timeout.connect(self.run_due)

    def set_session(self, session: StoreSession | None) -> None:
        self.session = session
        self.in_flight.clear()
        self._queued.clear()
        self._undoable.clear()
        if session is None:
            self._due_timer.stop()
            return
        self.reconcile()
        self._due_timer.start()

    def moved(self) -> None:
        """The merchant shows another request: a decision's problem they saw with its order
        goes from the banner (`DecisionProblems.moved`)."""
        self._problems.moved()

    def reconcile(self) -> None:
        """Finish what was sending when the app stopped or the network went (at start-up and
        on reconnect), from each order's real state. Offline, it waits for the reconnect."""
        session = self.session
        if session is None:
            return
        from cancelapp.session.carry_out import finish_unfinished
        from cancelapp.session.refresh import OFFLINE

        self._idle_ticks = 0  # and the next tick sends what was queued while offline
        self._problems.reachable()  # Shopify answers: a decision can be made again
        task = self.workers.run_on(Lane.NETWORK, finish_unfinished, session)
        task.succeeded.connect(lambda outcomes: self._sent(session, outcomes))
        task.failed.connect(
            lambda error: None if isinstance(error, OFFLINE) else self._report(error)
        )
        self.send_replies()  # and the replies a restart or a lost connection left half-way

    # Replies -------------------------------------------------------------------------------------

    def send_replies(self) -> None:
        """Send the journaled replies whose decision is carried out, one round at a time (a
        round asked for while one runs follows it)."""
        session = self.session
        if session is None or session.mailbox is None:
            return
        if self._reply_task is not None:
            self._replies_again = True
            return
        from cancelapp.session.replies import send_replies

        self._replies_again = False
        task = self.workers.run_on(Lane.NETWORK, send_replies, session, session.mailbox)
        self._reply_task = task
        task.succeeded.connect(lambda result: self._replies_sent(session, result))
        task.failed.connect(self._report)
        task.finished.connect(self._replies_done)

    def _replies_done(self) -> None:
        self._reply_task = None
        if self._replies_again:
            self.send_replies()

    def _replies_sent(self, session: StoreSession, result: RepliesSent) -> None:
        if session is not self.session:
            return
        for notice in result.notices:
            self.problem.emit(lambda notice=notice: (self.formatter.phrase(notice), None))
        if result.sent:
            self.rows_changed.emit(frozenset(result.sent))
            self.replies_sent.emit(list(result.sent))
        for unknown in result.unknown:
            self._ask_whether_sent(session, unknown)

    def _ask_whether_sent(self, session: StoreSession, unknown: Unknown) -> None:
        """Nobody can tell whether the reply went: the merchant says, it is never guessed."""
        if unknown.mail_id in self._asking:
            return
        from cancelapp.ui.detail.reply_unknown import ReplyUnknownDialog

        self._asking.add(unknown.mail_id)
        dialog = ReplyUnknownDialog(unknown, self.parent_widget)

        def answered(arrived: bool) -> None:
            from cancelapp.session.replies import settle_unknown

            task = self.workers.run_on(
                Lane.DATABASE_WRITE, settle_unknown, session, unknown.mail_id, arrived=arrived
            )
            task.succeeded.connect(lambda _none: self.send_replies())
            task.failed.connect(self._report)

        dialog.answered.connect(answered)
        dialog.finished.connect(lambda _r: self._asking.discard(unknown.mail_id))
        self._open(dialog)

    # What the merchant asked for -----------------------------------------------------------------

    def approve(self, detail: RequestDetail) -> None:
        from cancelapp.session.decide import Asked, Choice

        verdict = detail.verdict  # a Review, or a Deny overridden, has no action: the preview
        # then refunds in full and offers the policy's fee
        asked = Asked(
            Choice.APPROVE,
            action=verdict.action,
            statutory=verdict.statutory_withdrawal,
            judged_at=detail.judged_at,  # a store credit's expiry counts from the decision
        )
        self._prepare(detail, asked)

    def decline(self, detail: RequestDetail) -> None:
        from cancelapp.actions.prepare.decline_hold_restock import DECLINE_NOTE_LIMIT
        from cancelapp.session.decide import Asked, Choice
        from cancelapp.ui.detail.action_dialogs import TextDialog

        rid = detail.request.id
        verdict = detail.verdict
        # Only a Deny verdict's reason says why to decline; an Approve or Review reason
        # ("Within the cancellation window") would land in the order's note.
        denied = verdict.outcome is VerdictOutcome.DENY and verdict.reasons
        reason = verdict.reasons[0] if denied else None
        # What the merchant typed before is never lost: a decision stopped by a changed
        # order, or one that could not be prepared, brings its reason back.
        typed = self._typed.get(rid) if rid is not None else None
        text = typed or detail.kept_reason
        if text is None:
            text = self.formatter.phrase(reason) if reason is not None else ""
        native = detail.request.native_edit_id is not None
        if rid is not None:
            self._offered[rid] = self.formatter.phrase(reason) if reason is not None else ""
        dialog = TextDialog(
            self.tr("Decline {order}").format(order=self._order_name(detail)),
            self.tr(
                "Why is the request declined? This goes on the order's note, and Shopify "
                "sends it to the customer. Your own words also go in your reply, which you "
                "see before anything is sent."
            )
            if native
            else self.tr(
                "Why is the request declined? This goes on the order's note. Your own words "
                "also go in the reply to the customer, which you see before anything is sent."
            ),
            self.tr("Continue"),
            text,
            self.parent_widget,
            limit=DECLINE_NOTE_LIMIT if native else None,
        )

        def declined() -> None:
            reason = dialog.text  # read on the GUI thread: the dialog may be gone by the worker
            if rid is not None:
                self._typed[rid] = reason
            statutory = verdict.statutory_withdrawal  # declined only under a warning
            self._prepare(detail, Asked(Choice.DECLINE, reason=reason, statutory=statutory))

        dialog.accepted.connect(declined)
        self._open(dialog)

    def hold(self, detail: RequestDetail) -> None:
        from cancelapp.session.decide import Asked, Choice

        self._prepare(detail, Asked(Choice.HOLD))

    def refresh(self, detail: RequestDetail) -> None:
        session, rid = self.session, detail.request.id
        order_id = detail.request.order_id
        if session is None or rid is None or order_id is None:
            return
        from cancelapp.session.refresh import refresh_order

        self._begin(rid)
        task = self.workers.run_on(Lane.NETWORK, refresh_order, session, order_id)
        task.succeeded.connect(lambda _found: self._reached())
        task.succeeded.connect(lambda _found: self._done(rid, None))
        task.failed.connect(lambda error: self._fail(rid, error))

    def _reached(self) -> None:
        """Shopify answered a read the merchant started: the window goes online at once, not
        only when the next sync finds out."""
        if self.online() is False:
            self.reachable.emit()

    def note(self, detail: RequestDetail) -> None:
        session, rid = self.session, detail.request.id
        if session is None or rid is None:
            return
        from cancelapp.ui.detail.action_dialogs import TextDialog

        dialog = TextDialog(
            self.tr("Note on {order}").format(order=self._order_name(detail)),
            self.tr("Your note (kept in CancelApp, not sent to the customer):"),
            self.tr("Add note"),
            parent=self.parent_widget,
        )

        def save() -> None:
            from cancelapp.session.refresh import add_note

            text = dialog.text  # on the GUI thread, before the dialog goes

            task = self.workers.run_on(
                Lane.DATABASE_WRITE,
                add_note,
                session.database,
                session.store_id,
                rid,
                detail.request.order_id,
                session.runner.who,
                text,
            )
            task.succeeded.connect(lambda _r: self.finished.emit(rid, None))
            task.failed.connect(self._report)

        dialog.accepted.connect(save)
        self._open(dialog)

    @property
    def can_undo(self) -> bool:
        return bool(self._undoable)

    @property
    def preparing(self) -> bool:
        """A decision is being prepared (its order read): no other can start meanwhile."""
        return self._preparing is not None

    @property
    def undo_stamp(self) -> float:
        """When the action Undo would take back was queued (monotonic; 0 with none)."""
        return self._undoable[-1][3] if self._undoable else 0.0

    def undo(self) -> None:
        """Take back the most recent action still waiting out its undo window."""
        session = self.session
        if session is None or not self._undoable:
            return
        from cancelapp.session.replies import take_back

        entry = self._undoable.pop()
        rid, order_id, action_id, _queued_at = entry
        self.in_flight_changed.emit()
        task = self.workers.run_on(Lane.NETWORK, take_back, session, action_id, rid)

        def taken_back(ok: bool) -> None:
            if ok:
                self._queued.pop(order_id, None)
                self.notice.emit(self.tr("Taken back: nothing was sent to Shopify."))
            else:
                self.problem.emit(
                    lambda: (self.tr("Too late to undo: the action was already sent."), None)
                )
            self._done(rid, None)

        def not_taken_back(error: object) -> None:
            # All or nothing (`take_back`): still queued, so still the merchant's to undo
            # (until its window ends and it goes: `_forget_undo`).
            self._undoable.append(entry)
            self._undoable.sort(key=lambda queued: queued[3])
            self.in_flight_changed.emit()
            self._report(error)

        task.succeeded.connect(taken_back)
        task.failed.connect(not_taken_back)

    def wait_for_shopify(self, rid: int, outcome: Outcome) -> None:
        """A decision queued elsewhere (a bulk's order) because Shopify could not be
        reached: the window goes offline, and the decision is sent as soon as Shopify
        answers, like one decided offline here."""
        self._queued[outcome.order_id] = rid
        self.unreachable.emit()

    def hold_arrivals(self, request_ids: frozenset[int]) -> None:
        """The merchant's "hold on arrival" setting: new requests' orders stop shipping."""
        from cancelapp.session.refresh import hold_on_arrival

        session = self.session
        if session is None:
            return
        task = self.workers.run_on(Lane.NETWORK, hold_on_arrival, session, request_ids)
        task.succeeded.connect(lambda holds: self._held(request_ids, holds))
        task.failed.connect(self._report)

    def _held(self, request_ids: frozenset[int], holds: ArrivalHolds) -> None:
        outcomes = holds.outcomes
        for outcome in outcomes:
            if outcome.status in _TROUBLE:
                self._show_outcome(outcome)
        held = sum(1 for outcome in outcomes if outcome.status == _DONE)
        if held:
            self.notice.emit(
                self.tr("%n new order put on hold until you decide.", "", held)
                if held == 1
                else self.tr("%n new orders put on hold until you decide.", "", held)
            )
        if holds.at_warehouse:
            count = holds.at_warehouse
            self.problem.emit(lambda: (self._at_warehouse(count), None))
        self.rows_changed.emit(request_ids)

    def _at_warehouse(self, count: int) -> str:
        return (
            self.tr(
                "%n new order at a fulfillment service, which may ship it: decide soon. "
                "CancelApp does not ask the warehouse to stop unless you approve.",
                "",
                count,
            )
            if count == 1
            else self.tr(
                "%n new orders at a fulfillment service, which may ship them: decide "
                "soon. CancelApp does not ask the warehouse to stop unless you approve.",
                "",
                count,
            )
        )

    # Sending queued actions ----------------------------------------------------------------------

    def run_due(self) -> None:
        """Send what is due. Every second while something waits; else every half minute, for
        actions queued in an earlier session or while offline."""
        session = self.session
        if session is None or self._due_task is not None:
            return
        if self.online() is not True:  # nothing can leave: the reconnect sends it (`reconcile`)
            return
        self._idle_ticks = 0 if self._queued else self._idle_ticks + 1
        if not self._queued and self._idle_ticks % IDLE_RUN_DUE_TICKS != 1:
            return
        from cancelapp.session.carry_out import send_due

        task = self.workers.run_on(Lane.NETWORK, send_due, session)
        self._due_task = task
        task.succeeded.connect(lambda outcomes: self._sent(session, outcomes))
        task.failed.connect(self._report)
        task.finished.connect(self._due_done)

    def _due_done(self) -> None:
        self._due_task = None

    def _sent(self, session: StoreSession, outcomes: list[Outcome]) -> None:
        if session is not self.session:
            return
        for outcome in outcomes:
            rid = self._queued.pop(outcome.order_id, None)
            if rid is None:
                rid = self.find_request(outcome.order_id)
            if outcome.status == _QUEUED and rid is not None:
                self._queued[outcome.order_id] = rid  # still offline: stays queued
                continue
            self._forget_undo(outcome.order_id)
            self._show_outcome(outcome)
            if rid is not None:
                self.rows_changed.emit(frozenset({rid}))
                self.finished.emit(rid, outcome)
        if any(outcome.status == _DONE for outcome in outcomes):
            self.send_replies()

    # Steps ---------------------------------------------------------------------------------------

    def _prepare(self, detail: RequestDetail, asked: Asked) -> None:
        from cancelapp.session.decide import prepare

        session, rid = self.session, detail.request.id
        if session is None or rid is None or rid in self.in_flight or self.preparing:
            return
        order = self._order_name(detail)
        self._preparing = (rid, order)
        self._begin(rid)
        self._asked[rid] = asked
        offline = self.online() is False
        if not offline:  # the buttons are off meanwhile: said until the read ends, however long
            reading = self.tr("{order}: reading the order from Shopify…")
            self.reading.emit(reading.format(order=order))
        task = self.workers.run_on(Lane.NETWORK, prepare, session, rid, asked, offline=offline)
        task.finished.connect(self._prepared)
        task.succeeded.connect(lambda made: self._confirm(session, rid, made, detail, asked))
        task.failed.connect(lambda error: self._fail(rid, error, order=order))

    def _prepared(self) -> None:
        self._preparing = None
        self.reading.emit("")
        self.in_flight_changed.emit()  # the keys work again

    def _confirm(
        self,
        session: StoreSession,
        rid: int,
        prepared: Prepared,
        detail: RequestDetail,
        asked: Asked,
    ) -> None:
        if prepared.from_cache and self.online() is not False:
            self.unreachable.emit()  # found out just now: the window says so at once
        elif not prepared.from_cache:
            self._reached()
        preview = prepared.plan.preview
        if preview is None:
            self._end(rid)
            return
        moved_to, other = self.highlighted()
        if moved_to != rid:  # the merchant moved on: no dialog for a row they left
            self._end(rid)
            self.notice.emit(self._not_opened(asked, prepared.plan.order_name, other))
            return
        from cancelapp.ui.detail.action_dialogs import ConfirmActionDialog
        from cancelapp.ui.detail.reply_facts import reply_facts

        dialog = ConfirmActionDialog(
            preview,
            self.formatter,
            self.parent_widget,
            read_at=prepared.read_at,
            reply_for=lambda shown_preview: reply_facts(
                session,
                detail,
                shown_preview,
                reason=asked.reason,
                reason_written=asked.reason.strip() != self._offered.get(rid, "").strip(),
                texts=self.reply_texts(),
                zone=self.formatter.timezone,
            ),
        )
        shown = [prepared]  # the plan of the preview on screen: what confirm sends

        def confirmed() -> None:
            current = shown[0]
            message = dialog.service_message  # on the GUI thread, before the dialog goes
            reply_shown = dialog.reply_preview
            reply = reply_shown.confirmed() if reply_shown is not None else None
            if message is None:
                self._send(session, rid, current, reply)
                return
            from dataclasses import replace

            from cancelapp.actions.prepare.warehouse import with_message

            changed = replace(current, plan=with_message(current.plan, message))
            self._send(session, rid, changed, reply)

        def replanned(made: Prepared) -> None:
            shown[0] = made
            if made.plan.preview is not None:
                dialog.show_preview(made.plan.preview)

        dialog.choices_changed.connect(
            lambda choices: self._replan(session, rid, dialog, choices, replanned)
        )
        dialog.email_settings_wanted.connect(
            lambda: self.email_settings_wanted.emit(dialog, dialog.recheck_reply)
        )
        dialog.accepted.connect(confirmed)
        dialog.rejected.connect(lambda: self._end(rid))
        self._open(dialog)

    def _replan(
        self,
        session: StoreSession,
        rid: int,
        dialog: ConfirmActionDialog,
        choices: ApproveChoices,
        done: Callable[[Prepared], None],
    ) -> None:
        """The plan again for what the merchant now chose in the preview, off the GUI thread;
        an answer for choices changed since is dropped."""
        from dataclasses import replace

        from cancelapp.session.decide import prepare

        asked = self._asked.get(rid)
        if asked is None:
            return
        asked = replace(asked, choices=choices)
        self._asked[rid] = asked
        task = self.workers.run_on(
            Lane.NETWORK, prepare, session, rid, asked, offline=self.online() is False
        )

        def made(prepared: Prepared) -> None:
            if self._asked.get(rid) is asked and self.dialog is dialog:
                done(prepared)

        def refused(error: object) -> None:
            if self._asked.get(rid) is asked and self.dialog is dialog:
                dialog.show_problem(describe_error(error, self.formatter)[0])

        task.succeeded.connect(made)
        task.failed.connect(refused)

    def _send(
        self,
        session: StoreSession,
        rid: int,
        prepared: Prepared,
        reply: ConfirmedReply | None = None,
    ) -> None:
        from cancelapp.session.replies import ReplyDraft, carry_out_with_reply

        self._typed.pop(rid, None)  # journaled with the plan from here on
        self.sending.emit(rid, True)
        draft = (
            None
            if reply is None
            else ReplyDraft(
                rid, reply.to, reply.subject, reply.body, reply.language, reply.not_sent
            )
        )
        task = self.workers.run_on(Lane.NETWORK, carry_out_with_reply, session, prepared, draft)
        waiting = prepared.from_cache  # queued until Shopify answers, not for an undo window
        task.succeeded.connect(lambda outcome: self._outcome(rid, outcome, waiting=waiting))
        order = prepared.plan.order_name
        task.failed.connect(lambda error: self._fail(rid, error, order=order))
        task.finished.connect(lambda: self.sending.emit(rid, False))

    def _outcome(self, rid: int, outcome: Outcome, *, waiting: bool = False) -> None:
        self._problems.decided(outcome.order_name)  # its earlier problem is over
        if outcome.status == _DONE:
            self.send_replies()
        if outcome.status == _QUEUED:
            self._queued[outcome.order_id] = rid
            if outcome.action_id is not None:
                queued_at = time.monotonic()
                self._undoable.append((rid, outcome.order_id, outcome.action_id, queued_at))
        self._show_outcome(outcome, waiting=waiting)
        self._done(rid, outcome)

    def _done(self, rid: int, outcome: Outcome | None) -> None:
        self._end(rid, changed=True)
        self.finished.emit(rid, outcome)

    def _show_outcome(self, outcome: Outcome, *, waiting: bool = False) -> None:
        if outcome.status in _TROUBLE:

            def trouble() -> tuple[str, str | None]:
                said = outcome.message
                message = "" if said is None else self.formatter.phrase(said)
                return self.tr("{order}: {message}").format(
                    order=outcome.order_name, message=message
                ), None

            self.problem.emit(trouble)
        elif outcome.status == _QUEUED:
            due = outcome.due_at
            self.notice.emit(
                self.tr("{order}: sent at {time} unless you undo it (Ctrl+Z).").format(
                    order=outcome.order_name, time=self.formatter.clock_time(due)
                )
                if due is not None and outcome.message is None and not waiting
                else self.tr("{order}: queued until Shopify can be reached.").format(
                    order=outcome.order_name
                )
            )
        elif outcome.status == _DONE:
            self.notice.emit(self.tr("{order}: done.").format(order=outcome.order_name))
            if outcome.warnings:  # done, but the money needs a look in Shopify

                def warned() -> tuple[str, str | None]:
                    texts = [self.formatter.phrase(warning) for warning in outcome.warnings]
                    first = self.tr("{order}: {message}").format(
                        order=outcome.order_name, message=texts[0]
                    )
                    return first, "\n".join(texts) if len(texts) > 1 else None

                self.problem.emit(warned)
        elif outcome.status == _PENDING:
            self.notice.emit(
                self.tr("{order}: sent; waiting for Shopify to confirm.").format(
                    order=outcome.order_name
                )
            )

    def _forget_undo(self, order_id: str) -> None:
        before = len(self._undoable)
        self._undoable = [entry for entry in self._undoable if entry[1] != order_id]
        if len(self._undoable) != before:
            self.in_flight_changed.emit()

    def _open(self, dialog: ConfirmActionDialog | TextDialog | ReplyUnknownDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _closed(self, dialog: ConfirmActionDialog | TextDialog | ReplyUnknownDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        # Back to the queue: the keys (J, K, A, Ctrl+Z…) work on the window again at once.
        self.parent_widget.activateWindow()

    def _begin(self, rid: int) -> None:
        self.in_flight.add(rid)
        self.in_flight_changed.emit()

    def _end(self, rid: int, *, changed: bool = False) -> None:
        self.in_flight.discard(rid)
        self._asked.pop(rid, None)
        self.in_flight_changed.emit()
        if changed:
            self.rows_changed.emit(frozenset({rid}))

    def _fail(self, rid: int, error: object, *, order: str | None = None) -> None:
        """`order`: the name of the order whose decision failed; the banner names it, and
        the message goes once a decision succeeds or Shopify answers again."""
        from cancelapp.session.decide import RefusedOffline
        from cancelapp.shopify.errors import NetworkDown, ShopifyDown

        self._end(rid)
        unreachable = isinstance(error, (NetworkDown, ShopifyDown, RefusedOffline))
        if order:

            def words() -> tuple[str, str | None]:
                message, details = describe_error(error, self.formatter)
                named = self.tr("{order}: {message}").format(order=order, message=message)
                return named, details or None

            self._problems.failed(order, words, unreachable=unreachable)
        else:
            self._report(error)
        if unreachable:
            self.unreachable.emit()  # the window says so at once

    def _report(self, error: object) -> None:
        self.problem.emit(lambda: describe_error(error, self.formatter))

    def _not_opened(self, asked: Asked, order: str, other: str) -> str:
        from cancelapp.session.decide import Choice

        if not other:
            return {
                Choice.APPROVE: self.tr("{order}: not opened, you moved away; press A again."),
                Choice.DECLINE: self.tr("{order}: not opened, you moved away; press D again."),
                Choice.HOLD: self.tr("{order}: not opened, you moved away; press H again."),
            }[asked.choice].format(order=order)
        return {
            Choice.APPROVE: self.tr("{order}: not opened, you moved to {other}; press A again."),
            Choice.DECLINE: self.tr("{order}: not opened, you moved to {other}; press D again."),
            Choice.HOLD: self.tr("{order}: not opened, you moved to {other}; press H again."),
        }[asked.choice].format(order=order, other=other)

    def _order_name(self, detail: RequestDetail) -> str:
        if detail.order is not None:
            return detail.order.name
        return detail.request.order_name or ""


def describe_error(error: object, formatter: Formatter) -> tuple[str, str]:
    """The merchant's message and the details behind a button, for any error we expect."""
    phrase: Any = getattr(error, "phrase", None)
    if isinstance(phrase, Phrase):
        return formatter.phrase(phrase), str(getattr(error, "detail", "") or "")
    log.error("unexpected error: %r", error)
    from PySide6.QtCore import QCoreApplication

    return (
        QCoreApplication.translate(
            "ActionController",
            "Something unexpected went wrong. Nothing more was sent; the details are in the log.",
        ),
        f"{type(error).__name__}: {error}",
    )
