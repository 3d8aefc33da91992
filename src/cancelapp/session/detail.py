"""Everything the detail pane shows about one request, read from the cache in a worker.

The verdict is the request's one stored verdict, the one the queue's badge shows and Approve
carries out (`session/refresh.py` `judge` stores it). When its time ran out the detail says so
(`verdict_due`) and the window judges again; other changes (the rules, the order) are judged
again by the flow that made them.
An order the cache holds only lean (list fields, no line items) is shown as it is, with a
Review verdict saying the full order is still to be read: the window reads it in full
(`refresh.complete_order`) when online and loads the detail again. One held with what a
verdict needs (a first connect's read) is judged and shown, and read in full the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cancelapp.domain.action import TERMINAL_STATES, Action, ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.order import Order
from cancelapp.domain.order_view import OrderView
from cancelapp.domain.phrase import QT_TRANSLATE_NOOP, Phrase
from cancelapp.domain.request import CancellationRequest, RequestMessage, RequestState
from cancelapp.domain.states import HANDLED_STATES, ActionState
from cancelapp.domain.verdict import Outcome, Verdict
from cancelapp.domain.withdrawal import Withdrawal, WithdrawalTerms, assess

if TYPE_CHECKING:  # imported where used: the window opens before these load
    from cancelapp.policy import Policy, VerdictExplanation
    from cancelapp.store.audit import AuditEntry
    from cancelapp.store.database import Database
    from cancelapp.store.journal import Decision

_CONTEXT = "RequestDetail"
_CHANGED = Phrase(
    _CONTEXT, QT_TRANSLATE_NOOP(_CONTEXT, "The order changed in Shopify after the decision.")
)
_NOT_READ = Phrase(
    _CONTEXT,
    QT_TRANSLATE_NOOP(
        _CONTEXT,
        "Only the order's summary is cached: its items, payments and shipping load from "
        "Shopify when CancelApp is online, and the verdict follows.",
    ),
)


# Requests whose decision was carried out: they keep the verdict they were decided under.
DECIDED = frozenset({RequestState.DONE, RequestState.DECLINED})
# Audit events that end a plan which moved money, and whose amount is what was refunded.
_REFUNDED_BY = frozenset({"cancel done", "refund done"})


@dataclass(frozen=True)
class CarriedOut:
    """The decision a finished request was carried out under: what, by whom, when, and
    what was refunded (None: nothing)."""

    kind: str  # the plan's kind: "cancel", "refund", "decline"
    by: str
    at: datetime
    refunded: Money | None


@dataclass(frozen=True)
class EarlierRequest:
    """The order's latest request decided before this one (the buyer asked again after it),
    so the merchant decides knowing what was decided then and why."""

    request_id: int
    state: RequestState
    decision: Decision | None  # None: closed without a decision in CancelApp (in Shopify)
    more: int = 0  # how many other requests for the order were decided before it


@dataclass(frozen=True)
class RequestDetail:
    request: CancellationRequest
    order: Order | None  # None while unmatched or not cached
    fetched_at: datetime | None  # when the cached order was read from Shopify
    verdict: Verdict
    decisions: tuple[Decision, ...]
    actions: tuple[Action, ...]
    audit: tuple[AuditEntry, ...]  # newest first
    complete: bool = True  # False: `order` is the cached lean summary, not judged from
    # The verdict split by rule, decisive reason first; None: only the verdict's reasons.
    explanation: VerdictExplanation | None = None
    # The last decision was stopped before anything was sent, because the order changed
    # (say how, and decide again); what the merchant typed with it is kept.
    stopped: tuple[Phrase, ...] = ()
    kept_reason: str | None = None
    carried_out: CarriedOut | None = None  # the decision a done or declined request was under
    withdrawal: Withdrawal | None = None  # what the EU right of withdrawal says; None: no order
    acknowledged_at: datetime | None = None  # when its acknowledgement was prepared
    # The order as the Shopify admin shows it (variants, money breakdown, payments, tracking,
    # customer, Shopify's timeline), and the order's page there.
    view: OrderView = field(default_factory=OrderView)
    admin_url: str | None = None
    verdict_due: bool = False  # the stored verdict ran out: the window judges it again
    judged_at: datetime | None = None  # when the verdict was judged (None: just now, unstored)
    # False: `order` holds what a verdict needs, not the whole order (read in full when shown;
    # an action reads it live anyway)
    in_full: bool = True
    # Replies to earlier decisions not sent yet: the next decision replaces them
    # (`session.replies`), which its confirmation says.
    unsent_replies: int = 0
    # A decided request: when the first message after the decision not yet read arrived.
    unread_since: datetime | None = None
    earlier: EarlierRequest | None = None  # the order was asked about and decided before
    later: tuple[int, RequestState] | None = None  # the buyer asked again after: id, state

    def is_unread(self, message: RequestMessage) -> bool:
        """A message after the decision the merchant has not marked read yet."""
        since = self.unread_since
        return message.after_decision and since is not None and message.received_at >= since

    @property
    def busy(self) -> bool:
        """An action for this order is queued or on its way: its buttons stay disabled."""
        return any(a.state not in TERMINAL_STATES for a in self.actions)

    @property
    def restocked(self) -> dict[str, int] | None:
        """Units CancelApp put back in stock, per line item, by the approvals it carried out
        for this request (from each plan's journaled choices); None when it carried none out
        (the order was cancelled elsewhere, or not yet)."""
        if self.order is None:
            return None
        restockable = {li.id for li in self.order.line_items if li.restockable}
        found: dict[str, int] | None = None
        for action in self.actions:
            choices = action.params.get("choices")
            if (
                action.state is not ActionState.DONE
                or action.kind not in (ActionKind.CANCEL, ActionKind.REFUND)
                or not isinstance(choices, dict)
            ):
                continue
            found = found if found is not None else {}
            for line_id, quantity, restock, _where in choices.get("lines") or ():
                if restock and line_id in restockable:
                    found[line_id] = found.get(line_id, 0) + int(quantity)
        return found

    @property
    def warehouse(self) -> Phrase | None:
        """Where the order stands with a fulfillment service (sent, accepted, waiting, refused,
        agreed)."""
        if self.order is None:
            return None
        from cancelapp.actions.prepare.warehouse import warehouse_state, warehouse_words

        state = warehouse_state(self.order)
        return warehouse_words(state, self.order) if state is not None else None

    @property
    def queued(self) -> bool:
        """A decision waits in the journal (undo window, or Shopify out of reach)."""
        return any(a.state.value == "queued" for a in self.actions)


def load_detail(
    database: Database,
    request_id: int,
    policy: Policy,
    now: datetime,
    shop_edit_window: timedelta | None = None,
    withdrawal_terms: WithdrawalTerms | None = None,
    *,
    digest: str | None = None,
) -> RequestDetail | None:
    """None when the request no longer exists (merged into another one). `now` tells
    whether the stored verdict ran out; `now` and the rules judge only a request that has
    none stored yet (its first verdict is on its way). `digest` is the rules' (`StorePolicy`
    has it; worked out here when not given, which costs a rendering of the policy)."""
    from cancelapp.policy import evaluate, explain, policy_hash
    from cancelapp.shopify.order_view import order_view_from_node
    from cancelapp.store.audit import list_audit
    from cancelapp.store.journal import list_actions, list_decisions
    from cancelapp.store.orders import (
        load_judged_order,
        load_listed_order,
        load_order,
        load_snapshot,
        order_fetched_at,
    )
    from cancelapp.store.outbox import unsent_decision_replies
    from cancelapp.store.requests import (
        acknowledged_at,
        asked_again,
        decided_before,
        get_request,
        stored_verdict,
        unmatched_reason,
        unread_since,
    )
    from cancelapp.store.stores import get_store

    with database.reading() as conn:
        request = get_request(conn, request_id)
        if request is None:
            return None
        order = fetched_at = None
        complete = in_full = True
        audit: list[AuditEntry] = []
        view = OrderView()
        admin_url = None
        earlier = later = None
        if request.order_id is not None:
            later = asked_again(conn, request.store_id, request.order_id, request_id)
            before = decided_before(conn, request.store_id, request.order_id, request_id)
            if before:
                earlier_id, earlier_state = before[0]
                past = list_decisions(conn, earlier_id)
                earlier = EarlierRequest(
                    earlier_id, earlier_state, past[-1] if past else None, len(before) - 1
                )
            order = load_order(conn, request.store_id, request.order_id)
            if order is None:  # read with what a verdict needs: judged, not yet in full
                order = load_judged_order(conn, request.store_id, request.order_id)
                in_full = order is None
            if order is None:
                order = load_listed_order(conn, request.store_id, request.order_id)
                complete = order is None
            else:
                snapshot = load_snapshot(conn, request.store_id, request.order_id)
                view = order_view_from_node(snapshot) if snapshot else view
            fetched_at = order_fetched_at(conn, request.store_id, request.order_id)
            audit = list_audit(conn, request.store_id, order_gid=request.order_id, limit=200)
            store = get_store(conn, request.store_id)
            if store is not None and order is not None:
                admin_url = store.endpoint.admin_order_url(order.id)
        decisions = list_decisions(conn, request_id)
        actions = list_actions(conn, request_id)
        why_unmatched = unmatched_reason(conn, request_id)
        acknowledged = acknowledged_at(conn, request_id)
        unsent = len(unsent_decision_replies(conn, request_id))
        unread = unread_since(conn, request_id)
        stored = stored_verdict(conn, request_id)
    due = False
    judged_at = None
    decided = request.state in DECIDED
    if stored is not None and (decided or (complete and stored.whole)):
        # Decided: never judged again against the order it changed. Undecided: the one
        # verdict, until the window has judged it again.
        verdict, judged_at = stored.verdict, stored.evaluated_at
        due = not decided and verdict.expired(now)
        if digest is None:
            digest = policy_hash(policy, shop_edit_window)
        explanation = explain(verdict, policy if stored.policy_hash == digest else None)
    elif complete:
        verdict = evaluate(
            order,
            request,
            policy,
            now,
            shop_edit_window=shop_edit_window,
            withdrawal_terms=withdrawal_terms,
        )
        if why_unmatched is not None:  # kept with the request: shown after a restart too
            verdict = replace(verdict, reasons=(why_unmatched, *verdict.reasons))
        explanation = explain(verdict, policy)
    else:
        verdict = Verdict(Outcome.REVIEW, "", (_NOT_READ,), ())
        explanation = explain(verdict, None)
    stopped, kept_reason = _stopped(request, actions, audit)
    return RequestDetail(
        request,
        order,
        fetched_at,
        verdict,
        tuple(decisions),
        tuple(actions),
        tuple(audit),
        complete,
        explanation,
        stopped,
        kept_reason,
        carried_out(request, decisions, audit),
        None if order is None else assess(order, request, withdrawal_terms or WithdrawalTerms()),
        acknowledged,
        view,
        admin_url,
        due,
        judged_at,
        in_full=in_full,
        unsent_replies=unsent,
        unread_since=unread if request.state in HANDLED_STATES else None,
        earlier=earlier,
        later=later,
    )


def carried_out(
    request: CancellationRequest, decisions: list[Decision], audit: list[AuditEntry]
) -> CarriedOut | None:
    """The latest decision of a done or declined request, with the money its plan refunded."""
    if request.state not in DECIDED or not decisions:
        return None
    decision = max(decisions, key=lambda d: (d.decided_at, d.id))
    refunded: Money | None = None
    for entry in audit:
        if entry.request_id != request.id or entry.what not in _REFUNDED_BY:
            continue
        if entry.amount is not None:
            refunded = entry.amount if refunded is None else refunded + entry.amount
    return CarriedOut(decision.outcome, decision.decided_by, decision.decided_at, refunded)


def _stopped(
    request: CancellationRequest, actions: list[Action], audit: list[AuditEntry]
) -> tuple[tuple[Phrase, ...], str | None]:
    """What changed, when the request's last decision met a changed order (nothing sent)."""
    from cancelapp.domain.action import ActionState
    from cancelapp.domain.request import RequestState
    from cancelapp.store.phrase_json import phrase_from_json

    if not actions or request.state not in (RequestState.OPEN, RequestState.FAILED):
        return (), None
    last = actions[-1]
    if last.state is not ActionState.CONFLICT:
        return (), None
    changes: tuple[Phrase, ...] = (_CHANGED,)
    for entry in audit:
        texts = entry.detail.get("change_phrases")
        if entry.action_id == last.id and texts:
            changes = tuple(phrase_from_json(text) for text in texts)
            break
    reason = last.params.get("reason")
    return changes, reason if isinstance(reason, str) and reason else None
