"""Approving or declining several requests at once: one confirmation, then order by order.

`prepare_bulk_approve` / `prepare_bulk_decline` run on a worker: they read each selected
request, leave out (and list, with why) the ones that cannot go ahead, and plan the rest with
one summary for the confirmation. `BulkRun` then says which order to start next: at most
`AT_ONCE` in flight, none after `stop()`. Each order is its own task on the window's worker
pool (`carry_out`, the runner's usual path: re-verification, journal, idempotency keys), so
one order's failure or conflict never touches another's journal.

With an undo window, a bulk gets the same one as a single decision: `queue_bulk` journals
every order as queued (the runner's queue, its due time with it), `take_back_orders` is the
one undo for all of them, and once the window is over `send_queued` sends each order, as
`BulkRun` says, through the same re-verification and journal. A restart meanwhile sends the
queued orders once, when due, like queued single decisions.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from cancelapp.actions import ActionPlan, BulkSummary, Outcome, OutcomeStatus, PlanRefused
from cancelapp.actions.prepare.preview import summarise
from cancelapp.actions.prepare.warehouse import WarehouseState, warehouse_state
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.verdict import Outcome as VerdictOutcome
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.session.decide import policy_snapshot
from cancelapp.session.detail import RequestDetail, load_detail
from cancelapp.session.refresh import UNDECIDED, StoreSession, reread_orders
from cancelapp.session.replies import take_back
from cancelapp.session.task_control import TaskControl

# Two orders at a time: each sends several calls (cancel, refund, restock), so two keep well
# within Shopify's rate limit (the client still paces by its reported cost), and each order's
# journal entry and per-order lock stay independent of the others.
AT_ONCE = 2
log = logging.getLogger(__name__)

_CONTEXT = "BulkDecisions"
_NOT_FOUND = QT_TRANSLATE_NOOP(_CONTEXT, "The request no longer exists.")
_DECIDED = QT_TRANSLATE_NOOP(_CONTEXT, "Already decided.")
_BUSY = QT_TRANSLATE_NOOP(_CONTEXT, "An action for this order is already on its way.")
_NO_ORDER = QT_TRANSLATE_NOOP(_CONTEXT, "No order is linked to this request.")
_NOT_APPROVE = {
    VerdictOutcome.REVIEW: QT_TRANSLATE_NOOP(_CONTEXT, "Verdict Review: decide it on its own."),
    VerdictOutcome.DENY: QT_TRANSLATE_NOOP(_CONTEXT, "Verdict Deny: decide it on its own."),
}
_STOPPED = QT_TRANSLATE_NOOP(_CONTEXT, "Not started: you pressed Stop.")
_STATUTORY = QT_TRANSLATE_NOOP(
    _CONTEXT, "A consumer's withdrawal the law does not let you refuse: decide it on its own."
)


class BulkKind(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"


@dataclass(frozen=True)
class LeftOut:
    """A selected request that is not part of the bulk action, and why."""

    request_id: int
    order_name: str
    why: Phrase
    reason: Phrase | None = None  # the verdict's own first reason, when it is the cause


@dataclass(frozen=True)
class BulkPlan:
    kind: BulkKind
    plans: tuple[ActionPlan, ...]  # in the order they will start
    left_out: tuple[LeftOut, ...]
    summary: BulkSummary
    policy_snapshot: str  # the policy the merchant decided under, recorded with each decision
    at_once: int = AT_ONCE
    # The cancelled orders' totals as the queue lists them, in the shop's currency: the
    # refunds go in each customer's own currency, so this is the merchant's one figure.
    orders_total: Money | None = None

    @property
    def warehouse_first(self) -> tuple[ActionPlan, ...]:
        """Orders a fulfillment service holds: it is asked to cancel, nothing refunded now."""
        return tuple(p for p in self.plans if p.kind is ActionKind.CANCELLATION_REQUEST)

    @property
    def cancels(self) -> int:
        """Orders cancelled (and refunded) now."""
        return len(self.plans) - len(self.warehouse_first)


def prepare_bulk_approve(
    control: TaskControl, session: StoreSession, request_ids: Iterable[int]
) -> BulkPlan:
    """Plans for the selected requests whose verdict is Approve, with the verdict's action.

    An order a fulfillment service holds is planned as asking the warehouse to cancel first
    (nothing is refunded now; the request waits for its answer, as after a single approve),
    also when the policy leaves it to the merchant only because of that warehouse.

    The merchant waits on its reads, as on a single approve's: they go before a running
    sync's and give up on a hanging shop in about 20 s; a cancel stops between orders."""
    with session.client.merchant_waiting():
        return _prepare_approve(control, session, request_ids)


def _prepare_approve(
    control: TaskControl, session: StoreSession, request_ids: Iterable[int]
) -> BulkPlan:
    approvals: list[tuple[int, SuggestedAction]] = []
    asks: list[int] = []
    left_out: list[LeftOut] = []
    read = {d.request.id: d for d in _read(session, request_ids, left_out)}
    now = session.clock()
    for detail in read.values():
        verdict = detail.verdict
        assert detail.request.id is not None
        if verdict.outcome is VerdictOutcome.APPROVE:
            action = (verdict.action or SuggestedAction()).decided_at(now, detail.judged_at)
            approvals.append((detail.request.id, action))
        elif _only_the_warehouse_stands_in_the_way(session, detail):
            asks.append(detail.request.id)
        else:
            why = Phrase(_CONTEXT, _NOT_APPROVE[verdict.outcome])
            left_out.append(_left_out(detail, why, verdict.first_reason))
    plans, refused, summary = session.runner.prepare_bulk(approvals, cancel=control.cancel_event)
    for request_id in asks:
        control.raise_if_cancelled()
        try:
            plans.append(
                session.runner.prepare_ask_warehouse(request_id, cancel=control.cancel_event)
            )
        except PlanRefused as why:
            refused.append((request_id, why))
    left_out += [_left_out(read[rid], why.phrase) for rid, why in refused]
    return BulkPlan(
        BulkKind.APPROVE,
        tuple(plans),
        tuple(left_out),
        summary,
        policy_snapshot(session),
        orders_total=_orders_total(
            read[p.request_id]
            for p in plans
            if p.request_id in read and p.kind is not ActionKind.CANCELLATION_REQUEST
        ),
    )


def _orders_total(details: Iterable[RequestDetail]) -> Money | None:
    """The orders' current totals in the shop's currency, as the queue lists them."""
    total: Money | None = None
    for detail in details:
        if detail.order is not None:
            total = detail.order.total if total is None else total + detail.order.total
    return total


def prepare_bulk_decline(
    control: TaskControl, session: StoreSession, request_ids: Iterable[int], reason: str
) -> BulkPlan:
    """Decline plans for every selected request still to be decided, all with `reason`.
    A statutory withdrawal is left out: it is declined, if ever, on its own, under the
    single decline's warning. Its reads go first, as an approve's do."""
    with session.client.merchant_waiting():
        return _prepare_decline(control, session, request_ids, reason)


def _prepare_decline(
    control: TaskControl, session: StoreSession, request_ids: Iterable[int], reason: str
) -> BulkPlan:
    plans: list[ActionPlan] = []
    left_out: list[LeftOut] = []
    for detail in _read(session, request_ids, left_out):
        assert detail.request.id is not None
        control.raise_if_cancelled()
        if detail.verdict.statutory_withdrawal:
            left_out.append(_left_out(detail, Phrase(_CONTEXT, _STATUTORY)))
            continue
        try:
            plans.append(
                session.runner.prepare_decline(
                    detail.request.id, reason, cancel=control.cancel_event
                )
            )
        except PlanRefused as refused:
            left_out.append(_left_out(detail, refused.phrase))
    summary = summarise(p.preview for p in plans if p.preview is not None)
    return BulkPlan(
        BulkKind.DECLINE, tuple(plans), tuple(left_out), summary, policy_snapshot(session)
    )


def carry_out(session: StoreSession, plan: ActionPlan, snapshot: str) -> Outcome:
    """One order of a bulk action, as a single one goes: re-verified, journaled with the
    policy it was decided under (`snapshot`), sent; queued when Shopify went away. Then the
    order is read again, so its row shows it as it now is."""
    outcome = session.runner.execute(plan, policy_snapshot=snapshot)
    reread_orders(session, [outcome])
    return outcome


def queue_bulk(session: StoreSession, bulk: BulkPlan) -> list[Outcome]:
    """Every order of the bulk journaled as queued for the undo window, with the policy it
    was decided under; the bulk sends them itself when the window is over (`send_queued`).
    One outcome per plan, in order: QUEUED with its action id and due time, or BUSY."""
    runner = session.runner
    outcomes: list[Outcome] = []
    try:
        for plan in bulk.plans:
            outcomes.append(runner.enqueue(plan, policy_snapshot=bulk.policy_snapshot, held=True))
    except Exception as error:  # the bulk did not start: what it queued must not go when due
        queued = zip(outcomes, bulk.plans, strict=False)
        back = take_back_orders(
            session, [(o.action_id, p.request_id or 0) for o, p in queued if o.action_id]
        )
        if back.failed:
            left = {i: o for i, o in enumerate(outcomes) if o.action_id in back.failed}
            raise QueuedInPart(error, left) from error
        raise
    return outcomes


class QueuedInPart(Exception):
    """Queuing a bulk failed half-way (`cause`), and some of what it had queued could not be
    taken back: those (`still_queued`, outcomes by plan index) wait, held, for Undo."""

    def __init__(self, cause: Exception, still_queued: dict[int, Outcome]) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.still_queued = still_queued


def send_queued(session: StoreSession, action_id: int) -> Outcome | None:
    """One queued order of a bulk, its undo window over: re-verified and sent, then read
    again. None when it was taken back meanwhile (nothing sent)."""
    outcome = session.runner.send_queued(action_id)
    if outcome is not None:
        reread_orders(session, [outcome])
    return outcome


@dataclass(frozen=True)
class TakenBack:
    """What taking back a bulk's queued orders did, by action id: each order on its own."""

    taken: tuple[int, ...] = ()  # back with the merchant; nothing sent
    sent: tuple[int, ...] = ()  # had already left for Shopify
    failed: tuple[int, ...] = ()  # the database refused (locked, full): still queued
    error: sqlite3.Error | None = None  # the first refusal, for the details


def take_back_orders(
    session: StoreSession, orders: Iterable[tuple[int, int]], *, stopped: bool = False
) -> TakenBack:
    """Take back every queued order of (action id, request id) not yet sent: each request
    returns to the merchant. One the database refuses stays queued (and held: nothing sends
    it while the bulk waits), and the others are still taken back. `stopped`: by Stop, after
    the undo window, so their records say "not sent", not "taken back" (Undo's)."""
    taken: list[int] = []
    sent: list[int] = []
    failed: list[int] = []
    error: sqlite3.Error | None = None
    for action_id, request_id in orders:
        try:
            back = take_back(session, action_id, request_id, stopped=stopped)
        except sqlite3.Error as refused:
            log.warning("could not take back action %s: %s", action_id, refused)
            failed.append(action_id)
            error = error or refused
            continue
        (taken if back else sent).append(action_id)
    return TakenBack(tuple(taken), tuple(sent), tuple(failed), error)


def _read(
    session: StoreSession, request_ids: Iterable[int], left_out: list[LeftOut]
) -> Iterable[RequestDetail]:
    """Each selected request still to be decided, with its verdict under today's rules; the
    others go to `left_out`."""
    rules = session.rules  # one value: the policy and the store's window from the same save
    now = session.clock()
    for request_id in request_ids:
        detail = load_detail(
            session.database,
            request_id,
            rules.policy,
            now,
            rules.shop_edit_window,
            rules.withdrawal,
            digest=rules.digest,
        )
        if detail is None:
            left_out.append(LeftOut(request_id, "", Phrase(_CONTEXT, _NOT_FOUND)))
        elif detail.request.state not in UNDECIDED:
            left_out.append(_left_out(detail, Phrase(_CONTEXT, _DECIDED)))
        elif detail.request.order_id is None:
            left_out.append(_left_out(detail, Phrase(_CONTEXT, _NO_ORDER)))
        elif detail.busy:
            left_out.append(_left_out(detail, Phrase(_CONTEXT, _BUSY)))
        else:
            yield detail


def _only_the_warehouse_stands_in_the_way(session: StoreSession, detail: RequestDetail) -> bool:
    """Review because a fulfillment service holds the order (the deciding rule asks for
    exactly that), and the cached order says so."""
    verdict = detail.verdict
    if verdict.outcome is not VerdictOutcome.REVIEW or detail.order is None:
        return False
    if warehouse_state(detail.order) is not WarehouseState.AT_WAREHOUSE:
        return False
    rule = next((r for r in session.rules.policy.rules if r.name == verdict.rule), None)
    return rule is not None and rule.when.at_fulfillment_service is True


def _left_out(detail: RequestDetail, why: Phrase, reason: Phrase | None = None) -> LeftOut:
    assert detail.request.id is not None
    name = detail.order.name if detail.order is not None else detail.request.order_name or ""
    return LeftOut(detail.request.id, name, why, reason)


class OrderState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    DONE = "done"  # carried out (or, offline, queued to be)
    FAILED = "failed"  # failed, conflict, busy, or an error: `why` says
    NOT_STARTED = "not_started"  # the merchant pressed Stop first
    TAKEN_BACK = "taken_back"  # undone before it was sent


@dataclass
class OrderProgress:
    plan: ActionPlan
    state: OrderState = OrderState.WAITING
    outcome: Outcome | None = None
    why: str | Phrase | None = None  # plain merchant words from Shopify, or a phrase
    action_id: int | None = None  # its journal entry while queued for the undo window


_SUCCEEDED = frozenset({OutcomeStatus.DONE, OutcomeStatus.PENDING, OutcomeStatus.QUEUED})


@dataclass
class BulkRun:
    """Which orders start next, and how each one ended. Used on one thread (the window's)."""

    bulk: BulkPlan
    orders: list[OrderProgress] = field(init=False)
    stopped: bool = False

    def __post_init__(self) -> None:
        self.orders = [OrderProgress(plan) for plan in self.bulk.plans]
        self._waiting = deque(range(len(self.orders)))

    def queued(self, outcomes: list[Outcome]) -> None:
        """`queue_bulk`'s outcomes: the orders queued wait for the window's end; any other
        (an action for the order already on its way) has ended."""
        for index, outcome in enumerate(outcomes):
            if outcome.status is OutcomeStatus.QUEUED and outcome.action_id is not None:
                self.orders[index].action_id = outcome.action_id
            else:
                self._waiting.remove(index)
                self.finished(index, outcome)

    def queued_in_part(self, still_queued: dict[int, Outcome]) -> None:
        """`QueuedInPart`: the orders still queued wait for Undo; the others never started."""
        for index in list(self._waiting):
            if (outcome := still_queued.get(index)) is not None:
                self.orders[index].action_id = outcome.action_id
            else:
                self._ended(index, OrderState.NOT_STARTED)

    @property
    def undoable(self) -> list[OrderProgress]:
        """The orders still queued and not started: what an undo takes back."""
        return [self.orders[i] for i in self._waiting if self.orders[i].action_id is not None]

    def taken_back(self, index: int) -> None:
        self._ended(index, OrderState.TAKEN_BACK)

    def not_started(self, index: int) -> None:
        """Taken back after Stop: it never started."""
        self._ended(index, OrderState.NOT_STARTED, Phrase(_CONTEXT, _STOPPED))

    def sent_before_taken_back(self, index: int) -> None:
        """An undo found it gone: it had already left for Shopify."""
        self._ended(index, OrderState.DONE)

    def _ended(self, index: int, state: OrderState, why: Phrase | None = None) -> None:
        if index in self._waiting:
            self._waiting.remove(index)
        self.orders[index].state = state
        self.orders[index].why = why

    def next_orders(self) -> list[int]:
        """Indexes of the orders to start now (marked as sending): up to `at_once` in flight."""
        started: list[int] = []
        while self._waiting and not self.stopped and self.in_flight < self.bulk.at_once:
            index = self._waiting.popleft()
            self.orders[index].state = OrderState.SENDING
            started.append(index)
        return started

    @property
    def in_flight(self) -> int:
        return sum(1 for order in self.orders if order.state is OrderState.SENDING)

    def finished(self, index: int, outcome: Outcome | None) -> None:
        """How the order ended; None: taken back before it was sent."""
        if outcome is None:
            self.taken_back(index)
            return
        order = self.orders[index]
        order.outcome = outcome
        if outcome.status in _SUCCEEDED:
            order.state = OrderState.DONE
        else:
            order.state = OrderState.FAILED
            message = outcome.message or (
                outcome.conflict.merchant_message if outcome.conflict else None
            )
            order.why = message

    def failed(self, index: int, why: str | Phrase) -> None:
        """The order's task raised (an error the merchant reads as `why`)."""
        order = self.orders[index]
        order.state = OrderState.FAILED
        order.why = why

    def stop(self) -> None:
        """No new order starts; those already sent finish. Those queued for the undo window
        stay `undoable` until each is taken back (or found sent): the bulk is not done while
        one could still leave."""
        self.stopped = True
        for index in [i for i in self._waiting if self.orders[i].action_id is None]:
            self.not_started(index)

    @property
    def done(self) -> bool:
        return not self._waiting and self.in_flight == 0

    def count(self, state: OrderState) -> int:
        return sum(1 for order in self.orders if order.state is state)
