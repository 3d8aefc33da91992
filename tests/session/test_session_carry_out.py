"""Carrying out a decision in the session layer, against the demo shop: the order is read
again after the action, and a decided request keeps the verdict it was carried out under."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cancelapp import cli
from cancelapp.actions import Outcome, OutcomeStatus
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.domain.action import ActionKind
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.decide import Prepared, carry_out
from cancelapp.session.detail import load_detail
from cancelapp.session.refresh import StoreSession, judge_session, refresh_store, reread_orders
from cancelapp.store.orders import load_order


class Control:
    cancel_event = threading.Event()

    def raise_if_cancelled(self) -> None:
        pass

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        pass

    def found(self, request_ids: frozenset[int]) -> None:
        pass


@pytest.fixture
def session(
    data_dir: object, secret_store: SecretStore, make_demo_shop: Callable[..., DemoShop]
) -> Iterator[StoreSession]:
    paths = AppPaths.resolve()
    paths.create()
    context: AppContext = build_context(paths, cli.parse([]), secrets=secret_store)
    context.settings = replace(context.settings, staff_name="Mette", undo_window_seconds=0)
    shop = make_demo_shop(size=10, bucket_size=100_000, restore_rate=100_000)
    session = context.open_session(connect_demo(context, shop))
    assert session is not None
    refresh_store(Control(), session)
    yield session
    session.close()
    context.close()


def approvable(session: StoreSession) -> int:
    with session.database.reading() as conn:
        row = conn.execute(
            """SELECT r.id FROM requests r JOIN orders o ON o.gid = r.order_gid
               WHERE r.verdict_outcome = 'approve' AND o.financial_status = 'PAID'
                 AND r.state = 'open' ORDER BY r.id LIMIT 1"""
        ).fetchone()
    assert row is not None, "the demo shop has no paid request to approve"
    return int(row[0])


def test_carry_out_reads_the_order_again_and_keeps_the_decided_verdict(
    session: StoreSession,
) -> None:
    request_id = approvable(session)
    plan = session.runner.prepare_approve(request_id, SuggestedAction())
    outcome = carry_out(session, Prepared(plan))
    assert outcome.status is OutcomeStatus.DONE, outcome.message

    with session.database.reading() as conn:
        order = load_order(conn, session.store_id, plan.order_id)
    assert order is not None and order.is_cancelled  # the cache holds the order as it now is
    assert judge_session(session) == []  # a sync judges again; never a request carried out

    detail = load_detail(session.database, request_id, session.rules.policy, datetime.now(UTC))
    assert detail is not None
    assert detail.verdict.outcome.value == "approve"  # not "Deny: already cancelled"
    carried = detail.carried_out
    assert carried is not None
    assert (carried.kind, carried.by) == ("cancel", "Mette")
    assert carried.refunded == order.total_refunded


def test_nothing_is_read_again_when_nothing_was_sent(session: StoreSession) -> None:
    queued = Outcome(OutcomeStatus.QUEUED, "p", "gid://shopify/Order/1", "#1", ActionKind.CANCEL)
    assert reread_orders(session, [queued]) == []


def test_notes_for_shopify_use_the_merchants_words_and_the_name_saved_now(
    session: StoreSession,
) -> None:
    session.runner.use_staff_name("Jonas")  # Settings saved: no restart
    session.runner.settings = replace(
        session.runner.settings, words=lambda phrase: "[da] " + phrase.render_plain()
    )
    plan = session.runner.prepare_approve(approvable(session), SuggestedAction())
    assert plan.steps[0].variables["staffNote"] == (
        "[da] Cancelled at the customer's request; approved by Jonas in CancelApp."
    )
    outcome = carry_out(session, Prepared(plan))
    with session.database.reading() as conn:
        who = conn.execute(
            "SELECT decided_by FROM decisions WHERE request_id = ?", (plan.request_id,)
        ).fetchone()
    assert outcome.status is OutcomeStatus.DONE and who == ("Jonas",)
