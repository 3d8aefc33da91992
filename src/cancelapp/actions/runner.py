"""`ActionRunner`: what the UI calls (from a worker thread) to preview and carry out actions.

See the package docstring for the workflow. One runner per open store, shared by workers:
it keeps the in-process per-order lock, and opens a SQLite connection per thread.
"""

from __future__ import annotations

import getpass
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cancelapp.actions import documents
from cancelapp.actions.carry_out.cancel_job import Backoff, Wait
from cancelapp.actions.carry_out.outcome_words import BUSY
from cancelapp.actions.carry_out.pipeline import Checkpoint, Pipeline, known_before_sending
from cancelapp.actions.carry_out.plan_journal import (
    JournaledPlan,
    claim_queued,
    journal_plan,
    load_plan,
    replan,
    unfinished_for_order,
    unfinished_plans,
)
from cancelapp.actions.carry_out.send_step import StepContext
from cancelapp.actions.carry_out.side_records import Records
from cancelapp.actions.carry_out.verify import Basis, Conflict, Recheck, changes_since
from cancelapp.actions.outcome import Outcome, OutcomeStatus, outcome_of
from cancelapp.actions.prepare.action_plan import (
    SHOPIFY_TEXT,
    ActionPlan,
    ActionSettings,
    HeldFulfillment,
    PlanRefused,
)
from cancelapp.actions.prepare.approve import plan_approve, with_refund_split
from cancelapp.actions.prepare.choices import ApproveChoices, is_whole, lawful, resolve_lines
from cancelapp.actions.prepare.decline_hold_restock import plan_decline, plan_hold, plan_restock
from cancelapp.actions.prepare.edit_calculation import (
    requested_removals,
    shopify_edit_total,
    with_shopify_total,
)
from cancelapp.actions.prepare.preview import BulkSummary, summarise
from cancelapp.actions.prepare.restock_places import (
    RestockPlaces,
    order_places,
    shop_places,
    with_defaults,
)
from cancelapp.actions.prepare.suggested_refund import SuggestedRefund, suggestion_variables
from cancelapp.actions.prepare.warehouse import (
    WarehouseState,
    default_message,
    plan_ask_warehouse,
    refuse_while_at_warehouse,
    warehouse_state,
)
from cancelapp.domain.action import ActionKind, ActionState
from cancelapp.domain.order import Order
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.errors import (
    Cancelled,
    MalformedResponse,
    MissingScopes,
    NetworkDown,
    OutcomeUnknown,
    RequestRejected,
    ShopifyDown,
    ShopifyError,
    Throttled,
)
from cancelapp.shopify.locations import LocationCache
from cancelapp.shopify.order_mapping import is_truncated, order_from_node
from cancelapp.store.database import Database
from cancelapp.store.journal import ActionAlreadyRunningError
from cancelapp.store.requests import get_request

_CONTEXT = "ActionRunner"
ORDER_GONE = QT_TRANSLATE_NOOP(_CONTEXT, "The order no longer exists.")
# A bulk's order whose undo window is over while another action for it is on its way.
AFTER_THE_OTHER = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(_CONTEXT, "Another action for this order is on its way; sent after it."),
)
NOT_AT_WAREHOUSE = QT_TRANSLATE_NOOP(
    _CONTEXT, "No fulfillment service holds this order any more: decide it on its own."
)
OFFLINE = (NetworkDown, ShopifyDown, Throttled)
GARBLED = (MalformedResponse, OutcomeUnknown)  # an answer lost or cut short: ask again


def utc_now() -> datetime:
    return datetime.now(UTC)


class ActionRunner:
    def __init__(
        self,
        db: Database | Path,
        client: ShopifyClient,
        staff_name: str | None = None,
        *,
        settings: ActionSettings | None = None,
        clock: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        wait: Wait | None = None,
        backoff: Backoff | None = None,
        cancel_grace: timedelta = timedelta(seconds=30),
        checkpoint: Checkpoint | None = None,
        store_id: int | None = None,
    ) -> None:
        """`store_id`: the store `client` reaches; only its journaled plans are resumed and
        sent (None: every store's, for a database with one store)."""
        self.store_id = store_id
        self._owns_db = not isinstance(db, Database)
        self.db = db if isinstance(db, Database) else Database.open(db)
        self.client = client
        self.who = operator_name(staff_name)
        self.settings = settings or ActionSettings()
        self.clock = clock
        self._monotonic = monotonic
        # When each plan queued by this process falls due, on the monotonic clock.
        self._due_in_process: dict[int, float] = {}
        # Queued plans whose caller sends them itself (`send_queued`): a bulk, whose progress
        # is on screen. `run_due` leaves them alone while this runner lives.
        self._held: set[int] = set()
        self._stop = threading.Event()
        self.ctx = StepContext(
            client,
            wait or self._stop.wait,
            clock,
            backoff or Backoff(),
            cancel_grace,
            self._stop,
            monotonic,
        )
        self.records = Records(self.who, clock)
        self._pipeline = Pipeline(
            self.db,
            self.ctx,
            self.verify,
            checkpoint or (lambda _: None),
            self.records.step_done,
            self.records.finished,
            clock,
        )
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self.locations = LocationCache(client)  # the shop's, kept a while for the previews

    def use_staff_name(self, staff_name: str | None) -> None:
        """The name written with every decision from now on (the login name when empty)."""
        self.who = operator_name(staff_name)
        self.records.who = self.who

    def stop(self) -> None:
        """Interrupt waits for Shopify's jobs (shutdown); the journal keeps what is unfinished."""
        self._stop.set()

    def close(self) -> None:
        self.stop()
        if self._owns_db:
            self.db.close()

    # -- previews ------------------------------------------------------------------------------

    @property
    def staff_note(self) -> str:
        """The staff note on an approved cancellation (online or decided offline), in the
        merchant's words."""
        return self.settings.words(
            Phrase(
                SHOPIFY_TEXT,
                QT_TRANSLATE_NOOP(
                    SHOPIFY_TEXT,
                    "Cancelled at the customer's request; approved by {who} in CancelApp.",
                ),
                {"who": self.who},
            )
        )

    @property
    def refund_note(self) -> str:
        """The note on a refund CancelApp makes, in the merchant's words."""
        return self.settings.words(
            Phrase(
                SHOPIFY_TEXT, QT_TRANSLATE_NOOP(SHOPIFY_TEXT, "Cancellation approved in CancelApp")
            )
        )

    def prepare_approve(
        self,
        request_id: int,
        action: SuggestedAction,
        choices: ApproveChoices | None = None,
        *,
        statutory: bool = False,
        offer_locations: bool = True,
        cancel: threading.Event | None = None,
    ) -> ActionPlan:
        """The plan for the merchant's `choices` (the policy's `action` when None).
        `offer_locations`: read where each item may go back into stock (the preview's
        choice); without it, only the order's own locations are offered. `cancel`: the
        caller's stop, which interrupts its reads (`Cancelled`)."""
        stop = self._stop if cancel is None else cancel
        request, order = self._request_and_order(request_id, stop)
        refuse_while_at_warehouse(order)
        if warehouse_state(order) is WarehouseState.AT_WAREHOUSE:
            return plan_ask_warehouse(order, request, default_message(order, self.settings.words))
        requested = self._requested(order, request, stop)
        chosen = lawful(choices or ApproveChoices.of(action), statutory=statutory)
        chosen = resolve_lines(order, request, chosen, requested, restock=action.restock)
        places = self.restock_places(order) if offer_locations else None
        if places is not None:
            chosen = with_defaults(chosen, places)
        whole = is_whole(order, request, chosen)
        suggested = self.fetch_suggested(suggestion_variables(order, chosen, whole=whole), stop)
        holds = () if whole else self._our_holds(order)
        plan = plan_approve(
            order,
            request,
            action,
            suggested,
            choices=chosen,
            statutory=statutory,
            staff_note=self.staff_note,
            refund_note=self.refund_note,
            holds=holds,
            places=places,
        )
        if not whole and request.native_edit_id:
            total = shopify_edit_total(self.client, order.id, request.native_edit_id, cancel=stop)
            plan = with_shopify_total(plan, total)
        return plan

    def prepare_ask_warehouse(
        self, request_id: int, *, cancel: threading.Event | None = None
    ) -> ActionPlan:
        """Only the first half of an approve, for an order a fulfillment service holds: ask
        it to cancel. The cancel and refund are decided when the warehouse has agreed."""
        request, order = self._request_and_order(request_id, cancel)
        refuse_while_at_warehouse(order)
        if warehouse_state(order) is not WarehouseState.AT_WAREHOUSE:
            raise PlanRefused(_phrase(NOT_AT_WAREHOUSE))
        return plan_ask_warehouse(order, request, default_message(order, self.settings.words))

    def prepare_decline(
        self,
        request_id: int,
        reason: str,
        *,
        statutory: bool = False,
        cancel: threading.Event | None = None,
    ) -> ActionPlan:
        request, order = self._request_and_order(request_id, cancel)
        return plan_decline(
            order,
            request,
            reason,
            settings=self.settings,
            holds=self._our_holds(order),
            statutory=statutory,
        )

    def prepare_hold(self, request_id: int, *, ask_service: bool = True) -> ActionPlan:
        request, order = self._request_and_order(request_id)
        return plan_hold(order, request, settings=self.settings, ask_service=ask_service)

    def prepare_restock(
        self,
        order_id: str,
        *,
        store_id: int,
        request_id: int | None = None,
        quantities: Mapping[str, int] | None = None,
    ) -> ActionPlan:
        request = self._request(request_id) if request_id is not None else None
        order = self.fetch_order(order_id)
        return plan_restock(order, request, quantities, store_id=store_id)

    def prepare_bulk(
        self,
        approvals: Sequence[tuple[int, SuggestedAction]],
        *,
        cancel: threading.Event | None = None,
    ) -> tuple[list[ActionPlan], list[tuple[int, PlanRefused]], BulkSummary]:
        """Plans for every approval that can go ahead, the ones that cannot and why, and the
        single confirmation's summary (of the cancels: an order a fulfillment service holds
        is planned as asking it first, and refunds nothing now). `cancel` set: the read
        under way stops and no further order is read (`Cancelled`)."""
        plans: list[ActionPlan] = []
        refused: list[tuple[int, PlanRefused]] = []
        for request_id, action in approvals:
            if cancel is not None and cancel.is_set():
                raise Cancelled
            try:
                plans.append(
                    self.prepare_approve(request_id, action, offer_locations=False, cancel=cancel)
                )
            except PlanRefused as why:
                refused.append((request_id, why))
        cancels = (p.preview for p in plans if p.kind is not ActionKind.CANCELLATION_REQUEST)
        return plans, refused, summarise(p for p in cancels if p is not None)

    # -- carrying out --------------------------------------------------------------------------

    def execute(self, plan: ActionPlan, *, policy_snapshot: str | None = None) -> Outcome:
        """Re-verify, journal, send, confirm. Offline, the plan is queued instead, with the
        policy it was decided under (`policy_snapshot`, recorded with the decision)."""
        if policy_snapshot is not None:
            plan = plan.with_policy_snapshot(policy_snapshot)
        with self._order_lock(plan.order_id) as free:
            if not free:
                return outcome_of(plan, OutcomeStatus.BUSY, BUSY)
            try:
                recheck = self.verify(plan)
            except OFFLINE:
                queued = self._queue(plan, 0.0)
                return replace(queued, unreachable=queued.status is OutcomeStatus.QUEUED)
            if recheck.conflict is not None:
                with self.db.transaction() as conn:
                    self.records.conflict(conn, plan, recheck.conflict)
                return outcome_of(
                    plan,
                    OutcomeStatus.CONFLICT,
                    recheck.conflict.phrase,
                    conflict=recheck.conflict,
                )
            plan = with_refund_split(plan, recheck.split)
            try:
                entry = journal_plan(
                    self.db,
                    plan,
                    ActionState.SENDING,
                    now=self.clock(),
                    first_step=known_before_sending(recheck),
                    also=self.records.started,
                )
            except ActionAlreadyRunningError:
                return outcome_of(plan, OutcomeStatus.BUSY, BUSY)
            self._pipeline.checkpoint("plan:journaled")
            return self._run(entry)

    def enqueue(
        self,
        plan: ActionPlan,
        *,
        delay: float | None = None,
        policy_snapshot: str | None = None,
        held: bool = False,
    ) -> Outcome:
        """Queue for sending after the undo window (or when back online).

        `held`: the caller sends it itself once the window is over (`send_queued`), as a
        bulk does to show its progress; `run_due` skips it meanwhile. The journal knows
        nothing of holding: after a restart it is sent when due like any queued plan."""
        if policy_snapshot is not None:
            plan = plan.with_policy_snapshot(policy_snapshot)
        seconds = self.settings.undo_seconds if delay is None else delay
        outcome = self._queue(plan, seconds)
        if outcome.action_id is not None:
            self._due_in_process[outcome.action_id] = self._monotonic() + seconds
            if held:
                self._held.add(outcome.action_id)
        return outcome

    def send_queued(self, action_id: int) -> Outcome | None:
        """Send one queued plan now, whose caller waited out its undo window (`enqueue`'s
        `held`): re-verified, claimed, run, as `run_due` sends it. None when it was taken
        back or has already left; a QUEUED outcome while Shopify cannot be reached (marked
        `unreachable`) or another action for the order is on its way, and from then on
        `run_due` sends it like a decision made offline."""
        entry = next((e for e in self.queued() if e.action_id == action_id), None)
        if entry is None:
            self._held.discard(action_id)
            return None
        with self._order_lock(entry.plan.order_id) as free:
            self._held.discard(action_id)  # under the lock: `run_due` cannot be halfway in
            if not free:  # still queued: `run_due` sends it once the other action is done
                return outcome_of(entry.plan, OutcomeStatus.QUEUED, AFTER_THE_OTHER, entry=entry)
            return self._send_queued(entry)

    def take_back(
        self,
        action_id: int,
        *,
        stopped: bool = False,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> bool:
        """Undo a queued action before it is sent; False when it already left (or ended).
        True also when it was taken back before (a second press). `stopped`: by Stop in a
        bulk whose undo window is over, not by Undo (the records say). `also` writes in the
        same transaction (the decision's reply taken back with it): all of it, or nothing."""

        def records(conn: sqlite3.Connection, entry: JournaledPlan) -> None:
            self.records.taken_back(conn, entry, stopped=stopped)
            if also is not None:
                also(conn)

        taken = claim_queued(self.db, action_id, ActionState.UNDONE, now=self.clock(), also=records)
        self._held.discard(action_id)  # taken back or gone: nothing of it is held any more
        if taken is None:
            entry = load_plan(self.db, action_id)
            return entry is not None and entry.state is ActionState.UNDONE
        return True

    def queued(self) -> list[JournaledPlan]:
        return [
            e for e in unfinished_plans(self.db, self.store_id) if e.state is ActionState.QUEUED
        ]

    def run_due(self) -> list[Outcome]:
        """Send every queued plan whose time has come, each after re-verification.

        While Shopify cannot be reached they stay queued (status QUEUED). Each plan ends on
        its own: one Shopify refuses to check fails alone, and the rest are still sent."""
        outcomes: list[Outcome] = []
        now = self.clock()
        for entry in self.queued():
            if not self._is_due(entry, now):
                continue
            with self._order_lock(entry.plan.order_id) as free:
                if free:
                    outcome = self._send_queued(entry)
                    if outcome is not None:
                        outcomes.append(outcome)
        return outcomes

    def _send_queued(self, entry: JournaledPlan) -> Outcome | None:
        """Re-verify a queued plan against the live order, then claim and run it. It stays
        queued (never seen as sending) while Shopify cannot be reached; None when it was
        taken back meanwhile."""
        try:
            recheck = self.verify(entry.plan)
        except (*OFFLINE, *GARBLED) as offline:  # tried again at the next round
            waiting = outcome_of(entry.plan, OutcomeStatus.QUEUED, offline.phrase, entry=entry)
            return replace(waiting, unreachable=True)
        except Cancelled:  # the app is closing
            return outcome_of(entry.plan, OutcomeStatus.QUEUED, entry=entry)
        except ShopifyError as refused:  # refused as asked: waiting would not help
            claimed = claim_queued(self.db, entry.action_id, ActionState.SENDING, now=self.clock())
            if claimed is None:
                return None
            return self._pipeline.end_unsent(claimed, refused.phrase)[1]
        claimed = claim_queued(self.db, entry.action_id, ActionState.SENDING, now=self.clock())
        if claimed is None:
            return None
        if recheck.conflict is not None:
            return self._pipeline.end_in_conflict(claimed, recheck.conflict)[1]
        return self._run(self._as_verified(claimed, recheck))

    def _is_due(self, entry: JournaledPlan, now: datetime) -> bool:
        """On the monotonic clock for plans this process queued (a wall-clock jump neither
        shortens the undo window nor holds a plan back); a journaled due time further ahead
        than the undo window it was queued with means the wall clock went back: due."""
        if entry.action_id in self._held:
            return False
        deadline = self._due_in_process.get(entry.action_id)
        if deadline is not None:
            return self._monotonic() >= deadline
        if entry.due_at is None or entry.due_at <= now:
            return True
        window = self.settings.undo_seconds if entry.window is None else entry.window
        return entry.due_at - now > timedelta(seconds=window)

    def reconcile_unfinished(self) -> list[Outcome]:
        """At start-up: finish every plan that was sending when the app stopped, from the
        order's real state. Never resends `orderCancel` blindly."""
        outcomes: list[Outcome] = []
        for entry in unfinished_plans(self.db, self.store_id):
            if entry.state is ActionState.QUEUED:
                continue
            with self._order_lock(entry.plan.order_id) as free:
                if not free:
                    continue
                if entry.anything_sent:
                    outcomes.append(self._run(entry))
                else:
                    outcomes.append(self._verify_and_run(entry))
        return outcomes

    def busy(self, store_id: int, order_id: str) -> bool:
        """True while an action for the order is queued or in flight: disable its buttons."""
        with self._locks_guard:
            lock = self._locks.get(order_id)
        if lock is not None and lock.locked():
            return True
        with self.db.reading() as conn:
            return unfinished_for_order(conn, store_id, order_id) is not None

    # -- reading Shopify -----------------------------------------------------------------------

    def fetch_order(self, order_id: str, cancel: threading.Event | None = None) -> Order:
        stop = self._stop if cancel is None else cancel
        data = self.client.query(documents.client("order"), {"id": order_id}, cancel=stop)
        return _order_of(data)

    def restock_places(self, order: Order) -> RestockPlaces:
        """Where each of the order's items may go back into stock: every active location
        stocking it, or, when the app may not read the shop's locations, the order's own
        and why."""
        items = [li.inventory_item_id for li in order.line_items if li.inventory_item_id]
        try:
            return shop_places(order, self.locations.stocking(items, cancel=self._stop))
        except MissingScopes as missing:
            return order_places(order, missing.scopes or ("read_locations",))

    def fetch_suggested(
        self, variables: dict[str, object], cancel: threading.Event | None = None
    ) -> SuggestedRefund:
        stop = self._stop if cancel is None else cancel
        data = self.client.query(documents.client("suggested_refund"), variables, cancel=stop)
        node = data.get("order")
        if node is None:  # deleted since the order was read
            raise PlanRefused(_phrase(ORDER_GONE))
        return SuggestedRefund.from_order_node(node, dict(variables))

    def verify(self, plan: ActionPlan) -> Recheck:
        """Read the order fresh (one lean request); a Conflict when anything the plan rested
        on has changed. Part of carrying out a decision: it goes first in the pacer."""
        with self.client.going_first():
            return self._verify(plan)

    def _verify(self, plan: ActionPlan) -> Recheck:
        variables = {
            **(plan.suggestion or {}),
            "id": plan.order_id,
            "withSuggestion": plan.suggestion is not None,
        }
        data = self.client.query(documents.own("order_basis"), variables, cancel=self._stop)
        try:
            order = _order_of(data)
            node = data["order"]
            suggested = None
            if plan.suggestion is not None:
                suggested = SuggestedRefund.from_order_node(node)
        except PlanRefused as refused:  # gone, too large to check, or no refund worked out
            return Recheck(Conflict(plan.order_id, plan.order_name, (refused.phrase,)), ())
        split = suggested.split if suggested is not None else ()
        fresh = Basis.of(order, suggested.amount if suggested is not None else None, split)
        changes = changes_since(plan.basis, fresh)
        conflict = Conflict(plan.order_id, plan.order_name, changes) if changes else None
        return Recheck(conflict, tuple(str(r["id"]) for r in node.get("refunds") or ()), split)

    # -- internals -----------------------------------------------------------------------------

    def _run(self, entry: JournaledPlan) -> Outcome:
        """Send a decision already made: its requests go first in the pacer, never held
        back behind a read (a sync's, or another decision's preview)."""
        with self.client.going_first():
            return self._pipeline.run(entry)[1]

    def _verify_and_run(self, entry: JournaledPlan) -> Outcome:
        """Run a journaled plan of which nothing was sent yet, after re-verification."""
        try:
            recheck = self.verify(entry.plan)
        except OFFLINE as offline:
            return outcome_of(entry.plan, OutcomeStatus.PENDING, offline.phrase, entry=entry)
        if recheck.conflict is not None:
            return self._pipeline.end_in_conflict(entry, recheck.conflict)[1]
        return self._run(self._as_verified(entry, recheck))

    def _as_verified(self, entry: JournaledPlan, recheck: Recheck) -> JournaledPlan:
        """A journaled plan of which nothing was sent, as re-verification found the order:
        the refunds it had, and each payment refunded as Shopify now splits it (journaled
        before anything leaves, so a resumed plan sends the same)."""
        plan = with_refund_split(entry.plan, recheck.split)
        if plan is not entry.plan:
            entry = replan(self.db, entry, plan)
        return entry.with_step(0, known_before_sending(recheck))

    def _queue(self, plan: ActionPlan, seconds: float) -> Outcome:
        """Journal `plan` as queued, due `seconds` from now (the undo window it keeps)."""
        now = self.clock()
        try:
            entry = journal_plan(
                self.db,
                plan,
                ActionState.QUEUED,
                now=now,
                due_at=now + timedelta(seconds=seconds),
                window=seconds,
                also=self.records.queued,
            )
        except ActionAlreadyRunningError:
            return outcome_of(plan, OutcomeStatus.BUSY, BUSY)
        return outcome_of(plan, OutcomeStatus.QUEUED, entry=entry)

    def _request(self, request_id: int) -> CancellationRequest:
        with self.db.reading() as conn:
            request = get_request(conn, request_id)
        if request is None:
            raise PlanRefused(_phrase(QT_TRANSLATE_NOOP(_CONTEXT, "The request was not found.")))
        return request

    def _request_and_order(
        self, request_id: int, cancel: threading.Event | None = None
    ) -> tuple[CancellationRequest, Order]:
        request = self._request(request_id)
        if request.order_id is None:
            raise PlanRefused(
                _phrase(QT_TRANSLATE_NOOP(_CONTEXT, "Match the request to an order first."))
            )
        return request, self.fetch_order(request.order_id, cancel)

    def _requested(
        self, order: Order, request: CancellationRequest, cancel: threading.Event
    ) -> dict[str, int]:
        """The units a partial Shopify buyer request names, by line (empty: every unshipped
        unit of its lines, when Shopify will not say)."""
        if not (request.is_partial and request.native_edit_id):
            return {}
        try:
            removals = requested_removals(self.client, order.id, request.native_edit_id, cancel)
        except (RequestRejected, MissingScopes, MalformedResponse):
            return {}
        return {str(entry["lineItemId"]): int(entry["quantity"]) for entry in removals}

    def _our_holds(self, order: Order) -> tuple[HeldFulfillment, ...]:
        names = {fo.id: fo.location_name for fo in order.fulfillment_orders}
        state = self.ctx.state(order.id)
        return tuple(
            HeldFulfillment(fo_id, hold_id, names.get(fo_id))
            for fo_id, hold_id in state.holds_by(self.settings.hold_handle)
        )

    @contextmanager
    def _order_lock(self, order_id: str) -> Iterator[bool]:
        with self._locks_guard:
            lock = self._locks.setdefault(order_id, threading.Lock())
        free = lock.acquire(blocking=False)
        try:
            yield free
        finally:
            if free:
                lock.release()


def _order_of(data: dict[str, Any]) -> Order:
    node = data.get("order")
    if node is None:
        raise PlanRefused(_phrase(ORDER_GONE))
    if is_truncated(node):  # a decision on part of the order could refund or cancel wrongly
        raise PlanRefused(
            _phrase(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "This order has more items or shipments than CancelApp can check at "
                    "once. Handle it in Shopify.",
                )
            )
        )
    return order_from_node(node)


def _phrase(template: str) -> Phrase:
    return Phrase(_CONTEXT, template)


def operator_name(staff_name: str | None) -> str:
    """Who the audit log names: the staff name from Settings, else the computer's login."""
    if staff_name and staff_name.strip():
        return staff_name.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry / no login name
        return "unknown"
