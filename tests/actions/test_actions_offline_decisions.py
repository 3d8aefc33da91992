"""The session's decision flow with Shopify out of reach (`session/decide.py`): plans from
the cached order, queued with the policy, sent after re-verification, conflicts brought back
with what changed and the typed reason kept. Qt-free, against the demo shop over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from actions_harness import Harness

from cancelapp.actions import ActionRunner, OutcomeStatus, PlanRefused
from cancelapp.actions.prepare.action_plan import ActionPlan
from cancelapp.actions.prepare.choices import ApproveChoices
from cancelapp.actions.prepare.steps import StepKind
from cancelapp.domain.request import RequestState
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.session.decide import Asked, Choice, RefusedOffline, carry_out, prepare
from cancelapp.session.detail import load_detail
from cancelapp.session.refresh import StoreSession
from cancelapp.session.store_policy import StorePolicies
from cancelapp.shopify import AccessToken, Endpoint
from cancelapp.shopify.client import ShopifyClient
from cancelapp.store.journal import list_actions, list_decisions
from cancelapp.store.orders import upsert_orders
from cancelapp.store.stores import get_store
from cancelapp.sync.details import fetch_full_order
from fixtures.order_snapshots import edit_snapshot

REASON = "Already packed – sorry!"


def _session(h: Harness, runner: ActionRunner, client: ShopifyClient, tmp: Path) -> StoreSession:
    with h.db.reading() as conn:
        store = get_store(conn, h.store_id)
    assert store is not None
    policies = StorePolicies(tmp, h.db)  # no policy file there: the default policy
    return StoreSession(store, h.db, client, runner, policies)


@pytest.fixture
def sessions(harness: Harness, tmp_path: Path) -> Iterator[tuple[StoreSession, StoreSession]]:
    """The same store offline (a client to a closed port) and online (the demo shop)."""
    client = ShopifyClient(
        Endpoint.loopback("http://127.0.0.1:9"), AccessToken("x"), sleep=lambda _s, _e: False
    )
    runner = ActionRunner(harness.db, client, "Ida", clock=harness.clock.now)
    yield (
        _session(harness, runner, client, tmp_path),
        _session(harness, harness.runner, harness.client, tmp_path),
    )
    runner.close()
    client.close()


def _cached_request(h: Harness, state: str = "paid") -> tuple[str, int]:
    """An order read into the cache, and a request for it."""
    order_id = h.shop.create_order(state)
    fetched = fetch_full_order(h.client, order_id, clock=h.clock.now)
    assert fetched is not None
    with h.db.transaction() as conn:
        upsert_orders(conn, h.store_id, [fetched])
    return order_id, h.request_for(order_id)


def test_offline_decisions_are_built_from_the_cache_queued_and_sent_after_reverification(
    harness: Harness, sessions: tuple[StoreSession, StoreSession]
) -> None:
    h = harness
    offline, online = sessions
    approved, approve_id = _cached_request(h)
    declined, decline_id = _cached_request(h)
    live = h.runner.prepare_approve(approve_id, SuggestedAction())

    made = prepare(offline, approve_id, Asked(Choice.APPROVE), offline=False)  # finds out
    assert made.from_cache and made.read_at is not None
    assert made.plan.preview is not None and live.preview is not None
    assert made.plan.preview.refund_total == live.preview.refund_total  # as Shopify will say
    queued = carry_out(offline, made)
    assert queued.status is OutcomeStatus.QUEUED
    made = prepare(offline, decline_id, Asked(Choice.DECLINE, reason=REASON), offline=True)
    assert carry_out(offline, made).status is OutcomeStatus.QUEUED
    assert h.request_state(approve_id) is RequestState.QUEUED
    with h.db.reading() as conn:
        [decision] = list_decisions(conn, decline_id)
    assert decision.note == REASON and "[[rules]]" in decision.policy_snapshot["policy"]
    assert [o.status for o in offline.runner.run_due()] == [OutcomeStatus.QUEUED] * 2
    assert h.request_state(approve_id) is RequestState.QUEUED  # never seen as sending

    outcomes = {o.order_id: o for o in online.runner.run_due()}
    assert outcomes[approved].status is OutcomeStatus.DONE, outcomes[approved].message
    assert outcomes[declined].status is OutcomeStatus.DONE, outcomes[declined].message
    assert online.runner.run_due() == []  # carried out once
    assert h.shop.ledger.refunded_total(approved) == live.preview.refund_total.amount
    assert h.shop.ledger.refunded_total(declined) == 0
    assert h.shop.order(approved).cancelled_at is not None
    assert REASON in (h.shop.order(declined).note or "")


def test_an_order_that_shipped_meanwhile_brings_the_request_back_with_the_reason(
    harness: Harness, sessions: tuple[StoreSession, StoreSession]
) -> None:
    h = harness
    offline, online = sessions
    order_id, request_id = _cached_request(h)
    made = prepare(offline, request_id, Asked(Choice.DECLINE, reason=REASON), offline=True)
    assert carry_out(offline, made).status is OutcomeStatus.QUEUED
    h.shop.fulfil(order_id)
    [outcome] = online.runner.run_due()
    assert outcome.status is OutcomeStatus.CONFLICT
    assert h.request_state(request_id) is RequestState.OPEN
    detail = load_detail(h.db, request_id, online.rules.policy, datetime.now(UTC))
    assert detail is not None and not detail.queued
    assert detail.stopped[0].template == "1 more item has been shipped."
    assert detail.kept_reason == REASON
    assert "cancel-declined" not in h.shop.order(order_id).tags


def test_refunding_part_of_an_order_offline_waits_for_shopify(
    harness: Harness, sessions: tuple[StoreSession, StoreSession]
) -> None:
    offline, _online = sessions
    _order_id, request_id = _cached_request(harness, "partially_fulfilled")
    with pytest.raises(PlanRefused, match="online again"):
        prepare(offline, request_id, Asked(Choice.APPROVE), offline=True)


@pytest.mark.parametrize("state", ["eur", "gift_card_split"])
def test_the_shipping_left_out_offline_is_refunded_as_shopify_will_work_it_out(
    harness: Harness, sessions: tuple[StoreSession, StoreSession], state: str
) -> None:
    """In the customer's currency, and off one payment of two (a gift card beside a card)."""
    h = harness
    offline, online = sessions
    order_id, request_id = _cached_request(h, state)
    kept = ApproveChoices(refund_shipping=False)
    live = h.runner.prepare_approve(request_id, SuggestedAction(), kept)
    whole = prepare(offline, request_id, Asked(Choice.APPROVE), offline=True)
    made = prepare(offline, request_id, Asked(Choice.APPROVE, choices=kept), offline=True)
    assert live.preview is not None and live.preview.refund_total is not None
    assert made.plan.preview is not None and whole.plan.preview is not None
    options = made.plan.preview.options
    assert options is not None and options.shipping is not None and not options.shipping_note
    assert made.plan.preview.refund_total == live.preview.refund_total  # as Shopify will say
    assert whole.plan.preview.refund_total == live.preview.refund_total + options.shipping
    assert carry_out(offline, made).status is OutcomeStatus.QUEUED

    [outcome] = online.runner.run_due()
    assert outcome.status is OutcomeStatus.DONE, outcome.message
    assert h.shop.ledger.refunded_total(order_id) == live.preview.refund_total.amount
    assert h.shop.order(order_id).cancelled_at is not None


def test_offline_keep_shipping_refunds_each_payment_as_shopify_would(
    harness: Harness, sessions: tuple[StoreSession, StoreSession]
) -> None:
    """The cache's split of a kept shipping is a guess: the total is checked, and each
    payment gets what Shopify suggests (here all on the gift card, the older payment, none
    as cash to the card), journaled before it is sent."""
    h = harness
    offline, online = sessions
    order_id = h.shop.create_order("gift_card_split")
    o = h.shop.order(order_id)
    gift, card = o.transactions
    total = gift.amount + card.amount
    assert o.shipping > 5
    gift.amount, card.amount = total - Decimal("5"), Decimal("5")
    fetched = fetch_full_order(h.client, order_id, clock=h.clock.now)
    assert fetched is not None
    with h.db.transaction() as conn:
        upsert_orders(conn, h.store_id, [fetched])
    rid = h.request_for(order_id)
    kept = ApproveChoices(refund_shipping=False)
    live = h.runner.prepare_approve(rid, SuggestedAction(), kept)
    made = prepare(offline, rid, Asked(Choice.APPROVE, choices=kept), offline=True)
    assert made.plan.preview is not None and live.preview is not None
    assert made.plan.preview.refund_total == live.preview.refund_total
    assert carry_out(offline, made).status is OutcomeStatus.QUEUED

    [out] = online.runner.run_due()
    assert out.status is OutcomeStatus.DONE, out.message
    sent = {r.gateway: r.amount for r in h.shop.ledger.refunds if r.order_id == order_id}
    assert sent.get("shopify_payments", 0) == 0, sent
    assert sum(sent.values()) == live.preview.refund_total.amount  # type: ignore[union-attr]
    with h.db.reading() as conn:
        action = list_actions(conn, rid)[-1]
    [refund] = [s for s in ActionPlan.from_json(action.params).steps if s.kind is StepKind.REFUND]
    journaled = {
        t["gateway"]: Decimal(t["amount"]) for t in refund.variables["input"]["transactions"]
    }
    assert journaled == sent  # a resumed plan sends what was sent


def _without_tax(node: dict[str, Any]) -> None:
    node["taxesIncluded"] = False


def _with_tip(node: dict[str, Any]) -> None:
    node["totalTipReceivedSet"]["shopMoney"]["amount"] = "20.00"


@pytest.mark.parametrize(
    ("edit", "why"),
    [(_without_tax, "exclude tax"), (_with_tip, "duties and tips")],
    ids=["tax excluded", "a tip"],
)
def test_a_shipping_the_cache_cannot_prove_is_never_kept_offline(
    harness: Harness,
    sessions: tuple[StoreSession, StoreSession],
    edit: Callable[[dict[str, Any]], None],
    why: str,
) -> None:
    """Shopify's suggestion without the shipping also leaves out the shipping's tax (prices
    excluding it) and duties and tips: the cache holds none of them, so the shipping is not
    offered, the dialog says why, and a kept shipping asked for is refused, not refunded."""
    offline, _online = sessions
    order_id, request_id = _cached_request(harness)
    edit_snapshot(harness.db, order_id, edit)
    kept = ApproveChoices(refund_shipping=False)
    with pytest.raises(RefusedOffline, match="online again"):
        prepare(offline, request_id, Asked(Choice.APPROVE, choices=kept), offline=True)
    whole = prepare(offline, request_id, Asked(Choice.APPROVE), offline=True)
    assert whole.plan.preview is not None and whole.plan.preview.options is not None
    options = whole.plan.preview.options
    assert options.shipping is None and options.shipping_note is not None
    assert why in options.shipping_note.render_plain()
    paid = sum(t.amount for t in harness.shop.order(order_id).transactions)
    assert whole.plan.preview.refund_total is not None
    assert whole.plan.preview.refund_total.amount == paid  # the shipping refunded, as said
