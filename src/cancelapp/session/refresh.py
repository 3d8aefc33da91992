"""Worker functions that bring the queue up to date: sync, intake, verdicts, one order, notes.

Plain functions run in the worker pool (never on the GUI thread): they take plain data and a
`StoreSession`, do the network and disk work through the store, sync, sources, policy and
actions packages, and return plain results the window merges into its model.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from cancelapp.actions import ActionRunner, Outcome, OutcomeStatus, PlanRefused
from cancelapp.actions.prepare.warehouse import AtWarehouse
from cancelapp.domain.phrase import Phrase
from cancelapp.domain.request import RequestState
from cancelapp.domain.shopify_ids import short_id
from cancelapp.domain.verdict import Verdict
from cancelapp.domain.withdrawal import WithdrawalTerms, assess
from cancelapp.mail.mailbox import Mailbox
from cancelapp.policy import Policy, evaluate, policy_hash
from cancelapp.session.store_policy import StorePolicies, StorePolicy
from cancelapp.session.task_control import TaskControl
from cancelapp.shopify import NetworkDown, ShopifyDown, ShopifyError, Throttled
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.throttle import ThrottleStatus
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.store.audit import AuditEntry, append_audit, audit_parties, list_audit
from cancelapp.store.audit_codes import EntryCode
from cancelapp.store.database import Database
from cancelapp.store.errors import StoreError
from cancelapp.store.orders import load_judged_order, upsert_orders
from cancelapp.store.requests import (
    get_request,
    next_verdict_expiry,
    requests_needing_verdict,
    set_verdict,
    unmatched_reason,
)
from cancelapp.store.stores import StoreRecord
from cancelapp.sync import (
    IntakeOutcome,
    IntakeSettings,
    OrderSync,
    SyncProgress,
    ensure_full_order,
    store_candidates,
)
from cancelapp.sync.bulk_cancels import GRACE, BulkCancels
from cancelapp.sync.details import fetch_full_order
from cancelapp.sync.search_plan import REQUESTS_PHASE
from cancelapp.sync.shop_window import EDIT_WINDOW_MAX_AGE, refresh_shop_edit_window

log = logging.getLogger(__name__)
OFFLINE = (NetworkDown, ShopifyDown, Throttled)
# Requests whose verdict still steers a decision: their orders are read in full to judge them.
UNDECIDED = frozenset(
    {RequestState.OPEN, RequestState.QUEUED, RequestState.IN_PROGRESS, RequestState.FAILED}
)
# Outcomes after which nothing was sent: the order cannot have changed because of us.
_NOTHING_SENT = frozenset({OutcomeStatus.QUEUED, OutcomeStatus.UNDONE, OutcomeStatus.BUSY})
VERDICT_BATCH = 100  # verdicts stored in one transaction


@dataclass
class StoreSession:
    """One connected store: its record, client and action runner (shared by workers).

    Its rules (policy and the store's own window) are the app's one `StorePolicy` for the
    store, owned by `policies`; `refresh_store` reads the window again at most every
    `EDIT_WINDOW_MAX_AGE` and swaps it in there."""

    store: StoreRecord
    database: Database
    client: ShopifyClient
    runner: ActionRunner
    policies: StorePolicies
    intake: IntakeSettings = field(default_factory=IntakeSettings)
    edit_window_read_at: datetime | None = None
    mailbox: Mailbox | None = None  # where replies are sent from; None: not set up
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # verdicts' time
    bulk_cancels: BulkCancels = field(default_factory=BulkCancels)  # sent by stopped syncs

    @property
    def store_id(self) -> int:
        return self.store.id

    @property
    def rules(self) -> StorePolicy:
        return self.policies.current(self.store.id)

    @property
    def shop_edit_window(self) -> timedelta | None:
        return self.rules.shop_edit_window

    def close(self, *, cancels_by: float | None = None) -> None:
        """Close the connection; first the bulk cancels still under way get until `cancels_by`
        (`time.monotonic()`; `GRACE` seconds from now by default) to be sent and answered."""
        self.bulk_cancels.finish(time.monotonic() + GRACE if cancels_by is None else cancels_by)
        self.runner.close()
        self.client.close()


@dataclass(frozen=True)
class RefreshResult:
    request_ids: frozenset[int]  # rows to reload
    notices: tuple[Phrase, ...]  # sources not read, requests left unmatched
    budget: ThrottleStatus | None
    synced_at: datetime | None  # None when the sync was cancelled half-way
    window_changed: bool = False  # the store's window, read again, changed the rules
    more: bool = False  # the sync left a backfill: run the next one now, not on the timer


def refresh_store(control: TaskControl, session: StoreSession) -> RefreshResult:
    """Read the store's window when due, sync orders and take in new requests from every
    channel (the sync's intake step), then judge what changed.

    While the sync runs, each batch of requests it stores is judged from the cache and
    reported (`control.found`), so the queue shows them before the sync ends.

    Raises `ShopifyError` (offline, auth) or `StoreError`."""

    def progress(report: SyncProgress) -> None:
        if report.to_read:  # the details step knows how many orders it reads
            control.progress(report.read, report.to_read, report.phase)
        elif report.phase == REQUESTS_PHASE:  # the sources: how many requests so far
            control.progress(report.requests, 0, report.phase)
        else:
            control.progress(report.orders, 0, report.phase)

    now = datetime.now(UTC)
    read_at = session.edit_window_read_at
    window_changed = False
    window_notices: tuple[Phrase, ...] = ()
    if read_at is None or now - read_at >= EDIT_WINDOW_MAX_AGE:
        window, window_notice = refresh_shop_edit_window(
            session.client, session.database, session.store_id
        )
        window_changed = session.policies.window_read(session.store_id, window)
        session.edit_window_read_at = now
        window_notices = (window_notice,) if window_notice is not None else ()

    streamed: set[int] = set()  # reported while the sync ran: in the result too

    def found(request_ids: frozenset[int]) -> None:
        rules = session.rules  # judged from the cache: the orders are read by now
        judged = judge(
            session.database,
            session.store_id,
            rules.policy,
            rules.shop_edit_window,
            among=request_ids,  # the rest of the store is judged once the sync ends
        )
        shown = request_ids | frozenset(judged)
        streamed.update(shown)
        control.found(shown)

    sync = OrderSync(
        session.database,
        session.client,
        session.store_id,
        intake=session.intake,
        bulk_cancels=session.bulk_cancels,
    )
    result = sync.run(
        cancel=control.cancel_event, progress=progress, then_backfill=False, found=found
    )
    control.raise_if_cancelled()
    touched = set(result.request_ids) | streamed
    touched.update(judge_session(session))
    return RefreshResult(
        frozenset(touched),
        (*result.notices, *window_notices),
        session.client.throttle.status,
        datetime.now(UTC) if result.completed else None,
        window_changed,
        result.more,
    )


def judge_session(session: StoreSession) -> list[int]:
    """`judge` with the store's rules, reading lean orders in full."""
    rules = session.rules
    return judge(
        session.database,
        session.store_id,
        rules.policy,
        rules.shop_edit_window,
        client=session.client,
        now=session.clock(),
        withdrawal_terms=rules.withdrawal,
    )


@dataclass(frozen=True)
class DueVerdicts:
    judged: frozenset[int]  # requests whose verdict ran out (or was outdated) and was redone
    next_expiry: datetime | None  # when the next undecided verdict runs out


def judge_due(
    control: TaskControl, database: Database, store_id: int, rules: StorePolicy, now: datetime
) -> DueVerdicts:
    """Judge again, from the cache (no network), every verdict that ran out or is otherwise
    outdated (after a policy save: every one the rules changed), and say when the next one
    runs out: the window's verdict clock runs this at that moment. Stops when cancelled (the
    window closes): the rest are judged next time."""
    judged = judge(
        database,
        store_id,
        rules.policy,
        rules.shop_edit_window,
        now=now,
        cancel=control.cancel_event,
        withdrawal_terms=rules.withdrawal,
    )
    control.raise_if_cancelled()
    with database.reading() as conn:
        upcoming = next_verdict_expiry(conn, store_id, after=now)
    return DueVerdicts(frozenset(judged), upcoming)


def judge(
    database: Database,
    store_id: int,
    policy: Policy,
    shop_edit_window: timedelta | None,
    *,
    client: ShopifyClient | None = None,
    now: datetime | None = None,
    cancel: threading.Event | None = None,
    withdrawal_terms: WithdrawalTerms | None = None,
    among: Collection[int] | None = None,
) -> list[int]:
    """Evaluate every request (or every one of `among`) whose verdict is missing or outdated
    and that can be judged now; returns their ids.

    The policy needs the order in full or with what a verdict needs; an unmatched request is
    judged without one (Review). An undecided request whose order is cached lean is read in
    full first with `client`;
    without one (offline, or just re-judging after a policy edit) it keeps its verdict until
    a sync has read the order. A decided request whose order is cached lean is left alone.
    With `cancel` set it stops between requests.

    Verdicts are written `VERDICT_BATCH` at a time, each batch in one transaction (one commit,
    not one per verdict: a first connect judges thousands); a stop or a crash keeps every
    batch written before it, and the rest are judged on the next pass."""
    digest = policy_hash(policy, shop_edit_window, withdrawal_terms)
    moment = now or datetime.now(UTC)
    with database.reading() as conn:
        pending = requests_needing_verdict(
            conn,
            store_id,
            digest,
            now=moment,
            reading_in_full=UNDECIDED if client is not None else (),
            among=among,
        )
    judged: list[int] = []
    for start in range(0, len(pending), VERDICT_BATCH):
        if cancel is not None and cancel.is_set():
            break
        batch = _judge_batch(
            database,
            store_id,
            pending[start : start + VERDICT_BATCH],
            policy,
            shop_edit_window,
            client=client,
            moment=moment,
            cancel=cancel,
            withdrawal_terms=withdrawal_terms,
        )
        if batch.verdicts:  # one commit for the batch: a crash before it loses only these,
            with database.transaction() as conn:  # and they are judged again next time
                for request_id, verdict, due in batch.verdicts:
                    set_verdict(
                        conn,
                        request_id,
                        verdict,
                        policy_hash=digest,
                        evaluated_at=moment,
                        refund_due_on=due,
                    )
            judged.extend(request_id for request_id, _verdict, _due in batch.verdicts)
        if batch.offline:
            client = None  # the rest waits for the next sync, like the request that failed
    return judged


@dataclass
class _Judged:
    verdicts: list[tuple[int, Verdict, date | None]] = field(default_factory=list)
    offline: bool = False  # Shopify could not be reached to read an order in full


def _judge_batch(
    database: Database,
    store_id: int,
    request_ids: list[int],
    policy: Policy,
    shop_edit_window: timedelta | None,
    *,
    client: ShopifyClient | None,
    moment: datetime,
    cancel: threading.Event | None,
    withdrawal_terms: WithdrawalTerms | None,
) -> _Judged:
    """The verdicts of these requests, not yet stored (`judge` writes them together)."""
    out = _Judged()
    for request_id in request_ids:
        if cancel is not None and cancel.is_set():
            break
        with database.reading() as conn:
            request = get_request(conn, request_id)
            order_id = None if request is None else request.order_id
            order = None if order_id is None else load_judged_order(conn, store_id, order_id)
        if request is None:
            continue  # merged into another request meanwhile
        if order_id is not None and order is None:  # cached lean
            if client is None or request.state not in UNDECIDED:
                continue
            try:
                order = ensure_full_order(database, client, store_id, order_id)
            except OFFLINE:
                client = None
                out.offline = True
                continue
            if order is None:
                continue  # Shopify no longer has it: the request keeps its verdict
        verdict = evaluate(
            order,
            request,
            policy,
            moment,
            shop_edit_window=shop_edit_window,
            withdrawal_terms=withdrawal_terms,
        )
        if order_id is None:  # why intake could not match it leads, in the queue too
            with database.reading() as conn:
                why = unmatched_reason(conn, request_id)
            if why is not None:
                verdict = replace(verdict, reasons=(why, *verdict.reasons))
        due = None
        if verdict.statutory_withdrawal and order is not None:
            due = assess(order, request, withdrawal_terms or WithdrawalTerms()).refund_due_on
        out.verdicts.append((request_id, verdict, due))
    return out


def refresh_order(session: StoreSession, order_id: str) -> bool:
    """Read one order fresh from Shopify into the cache and judge its request again.

    False when Shopify no longer has the order."""
    fetched = fetch_full_order(session.client, order_id, clock=_now)
    if fetched is None:
        return False
    with session.database.transaction() as conn:
        upsert_orders(conn, session.store_id, [fetched])
    judge_session(session)
    return True


def complete_order(session: StoreSession, order_id: str) -> list[int] | None:
    """Read an order the cache holds only lean in full, and judge it; the requests judged,
    or None when Shopify no longer has the order.

    Raises `ShopifyError` when Shopify cannot be reached (the cache keeps the lean order)."""
    if ensure_full_order(session.database, session.client, session.store_id, order_id) is None:
        return None
    return judge_session(session)


def add_note(
    database: Database,
    store_id: int,
    request_id: int,
    order_id: str | None,
    who: str,
    text: str,
) -> None:
    """The merchant's own note on a request, kept in the audit log and shown in the timeline."""
    with database.transaction() as conn:
        append_audit(
            conn,
            AuditEntry(
                at=datetime.now(UTC),
                who=who,
                what=EntryCode.NOTE,
                store_id=store_id,
                order_gid=order_id,
                request_id=request_id,
                detail={"note": text},
            ),
        )


@dataclass(frozen=True)
class ArrivalHolds:
    outcomes: list[Outcome]
    at_warehouse: int  # orders only a fulfillment service holds: not asked, decide soon


def hold_on_arrival(session: StoreSession, request_ids: frozenset[int]) -> ArrivalHolds:
    """Put new requests' orders on hold so they do not ship while the merchant decides (a
    setting). Orders that cannot be held (shipped, already on hold) are left alone, and a
    fulfillment service is never asked to cancel: those orders are "at the warehouse"."""
    outcomes = []
    at_warehouse = 0
    for request_id in sorted(request_ids):
        try:
            plan = session.runner.prepare_hold(request_id, ask_service=False)
        except AtWarehouse:
            at_warehouse += 1
            continue
        except PlanRefused:
            continue
        outcomes.append(session.runner.execute(plan))
    reread_orders(session, outcomes)
    return ArrivalHolds(outcomes, at_warehouse)


def reread_orders(session: StoreSession, outcomes: Iterable[Outcome]) -> list[str]:
    """Read every order an outcome may have changed fresh into the cache and judge its
    undecided requests again, so the queue shows the order as it now is; the order ids read.
    Offline, the rest wait for the next sync. A failed read never hides the outcome: the
    merchant still learns what was done, and the next sync reads the order."""
    read: list[str] = []
    for order_id in dict.fromkeys(o.order_id for o in outcomes if o.status not in _NOTHING_SENT):
        try:
            refresh_order(session, order_id)
        except OFFLINE:
            break
        except (ShopifyError, StoreError):
            log.warning("could not read %s again after an action", order_id, exc_info=True)
            continue
        read.append(order_id)
    return read


def store_requests(
    database: Database,
    store_id: int,
    candidates: Sequence[IncomingRequest],
    client: ShopifyClient | None,
) -> IntakeOutcome:
    """Store requests from a file or typed in, through the sync's intake (an order the cache
    lacks is read from Shopify). Offline, the cache alone decides what they match."""
    if client is not None:
        try:
            return store_candidates(database, store_id, candidates, client=client, clock=_now)
        except OFFLINE:
            pass
    return store_candidates(database, store_id, candidates, client=None, clock=_now)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class AuditLog:
    """The newest entries of a store's audit log, each with the order a reader knows it by."""

    entries: list[AuditEntry]  # newest first
    orders: dict[int, str]  # per entry id, the order's name ("#1001"); "" for none


def load_audit(database: Database, store_id: int) -> AuditLog:
    """The newest 1,000 audit entries of the store."""
    with database.reading() as conn:
        entries = list_audit(conn, store_id, limit=1000)
        parties = audit_parties(conn, store_id)
    orders = {
        entry.id: parties.get(entry.id, ("", ""))[0]
        or str(entry.detail.get("order") or "")
        or short_id(entry.order_gid or "")
        for entry in entries
        if entry.id is not None
    }
    return AuditLog(entries, orders)
