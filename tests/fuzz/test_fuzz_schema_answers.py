"""Every document the app sends, answered with whatever Shopify's official schema allows.

A `SchemaShop` answers over HTTP from the schema (nulls wherever nullable, empty and full
lists and connections, every enum value in turn, odd currencies and amounts); the app's real
client, order mapping, sync, intake sources and action steps read the answers. Two things must
hold for every seed:
- the only failures are the app's own typed errors, each with a message for the merchant
  (`ShopifyError`, `PlanRefused`; for a single action step also the pipeline's own step
  outcomes, which it turns into a message);
- no null or unknown value becomes a concrete status, amount or id: an order's payment status
  is Shopify's or UNKNOWN, every amount the app holds is one Shopify sent (the generator never
  sends zero), and no id or text anywhere, in memory or in the cache, is the string "None".
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cancelapp.actions import documents as action_documents
from cancelapp.actions.carry_out.cancel_job import Backoff, Stopped, follow_cancel_job
from cancelapp.actions.carry_out.order_state import OrderGone
from cancelapp.actions.carry_out.send_step import (
    ResendAfterVerify,
    StepContext,
    StepFailed,
    StepPending,
    confirm_cancel,
    send,
)
from cancelapp.actions.carry_out.verify import Basis
from cancelapp.actions.prepare.action_plan import ActionPlan, PlanRefused
from cancelapp.actions.prepare.edit_calculation import shopify_edit_total
from cancelapp.actions.prepare.steps import Step, StepKind
from cancelapp.actions.runner import ActionRunner
from cancelapp.domain.action import ActionKind
from cancelapp.domain.money import Money
from cancelapp.domain.order import FinancialStatus, Order
from cancelapp.session.withdrawal import open_return, returnable_lines
from cancelapp.shopify import AccessToken, Endpoint, OutcomeUnknown, ShopifyError
from cancelapp.shopify import documents as shopify_documents
from cancelapp.shopify.bulk import (
    BulkState,
    BulkUnavailable,
    bulk_query,
    cancel_bulk,
    start_bulk_query,
    wait_for_bulks,
)
from cancelapp.shopify.client import ShopifyClient
from cancelapp.shopify.order_mapping import order_from_node
from cancelapp.sources import documents as source_documents
from cancelapp.sources.native import NativeSource
from cancelapp.sources.order_lookup import ShopifyOrders
from cancelapp.sources.order_tag import OrderTagSource
from cancelapp.store import Database
from cancelapp.store.orders import FetchedOrder
from cancelapp.sync import IntakeSettings, OrderSync, SyncSettings
from cancelapp.sync import documents as sync_documents
from cancelapp.sync.bulk_read import MOST_OPERATIONS, split_search
from fixtures.database import save_demo_store
from fixtures.schema_answers import SchemaShop

SEEDS = range(6)
ORDER_ID = "gid://shopify/Order/1"
FO_ID = "gid://shopify/FulfillmentOrder/1"
EDIT_ID = "gid://shopify/RequestedOrderEdit/1"
# Documents in the source tree that the app never sends (so nothing here can send them).
# `OrderVerdictsBulk` goes out inside `BulkOperationRunQuery`, and its answer is a JSONL file
# (parsed, hostile lines included, in tests/shopify/test_shopify_bulk.py).
NOT_SENT = {"Job", "OrderVerdictsBulk"}
STEP_OUTCOMES = (StepFailed, StepPending, ResendAfterVerify, OrderGone, Stopped)


def variant(seed: int) -> dict[str, Any]:
    """Seed 0: every nullable field null and every list empty; seed 1: nothing null and every
    list full; the rest mixed."""
    ids = {"RequestedOrderEdit": EDIT_ID}
    if seed == 0:
        return {"nulls": 1.0, "items": (0,), "ids": ids}
    if seed == 1:
        return {"nulls": 0.0, "items": (3,), "ids": ids}
    return {"nulls": 0.3, "items": (0, 1, 3), "ids": ids}


@pytest.fixture
def schema_shop() -> Iterator[Callable[[int], SchemaShop]]:
    started: list[Iterator[SchemaShop]] = []

    def start(seed: int) -> SchemaShop:
        context = SchemaShop(seed, **variant(seed)).running()
        started.append(context)
        return context.__enter__()

    yield start
    for context in started:
        context.__exit__(None, None, None)


def app_operations() -> set[str]:
    """The operation names of every document in the app's document folders."""
    names = set()
    for module in (shopify_documents, sync_documents, source_documents):
        for name in module.names():
            names.add(_operation_name(module.load(name)))
    for path in (Path(action_documents.__file__).parent / "graphql").glob("*.graphql"):
        names.add(_operation_name(action_documents.own(path.stem)))
    return names - NOT_SENT


def _operation_name(document: str) -> str:
    for line in document.splitlines():
        if line.startswith(("query ", "mutation ")):
            return line.split()[1].split("(")[0]
    raise AssertionError(document)


def test_every_document_the_app_sends_survives_any_answer_the_schema_allows(
    schema_shop: Callable[[int], SchemaShop], tmp_path: Path
) -> None:
    asked: set[str] = set()
    for seed in SEEDS:
        shop = schema_shop(seed)
        try:
            with _client(shop) as client:
                _sync_and_intake(shop, client, tmp_path / f"sync{seed}.sqlite3")
                _lookups_and_settings(shop, client)
                _actions(shop, client, tmp_path / f"actions{seed}.sqlite3")
                _bulk(client)
        except Exception as failure:
            failure.add_note(f"seed {seed}, {variant(seed)}; last asked: {shop.operations[-3:]}")
            raise
        asked.update(shop.operations)
    assert app_operations() <= asked, app_operations() - asked


def test_a_null_display_financial_status_is_unknown_and_goes_to_review() -> None:
    from cancelapp.domain.request import (
        CancellationRequest,
        RequestMessage,
        RequestSource,
        RequestState,
    )
    from cancelapp.domain.verdict import Outcome
    from cancelapp.policy.default import default_policy
    from cancelapp.policy.engine import evaluate

    asked = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)  # half an hour after the order
    message = RequestMessage(RequestSource.EMAIL, asked, "Please cancel", external_id="m1")
    paid = order_from_node(_plain_order_node())
    request = CancellationRequest(None, 1, paid.id, paid.name, None, RequestState.OPEN, (message,))
    policy = default_policy()
    assert evaluate(paid, request, policy, asked).outcome is Outcome.APPROVE  # the baseline
    unknown = order_from_node(_plain_order_node() | {"displayFinancialStatus": None})
    assert unknown.financial_status is FinancialStatus.UNKNOWN  # not PENDING, not any guess
    verdict = evaluate(unknown, request, policy, asked)
    assert verdict.outcome is Outcome.REVIEW
    assert "paid" in verdict.reasons[0].render_plain()


def test_a_refund_preview_for_an_order_gone_meanwhile_is_refused_in_words(
    schema_shop: Callable[[int], SchemaShop], tmp_path: Path
) -> None:
    shop = schema_shop(1)  # the order itself is read fine; then Shopify has no such order
    shop.answers["SuggestedRefund"] = lambda _variables: {"data": {"order": None}}
    with _client(shop) as client:
        runner = ActionRunner(tmp_path / "actions.sqlite3", client, "Ida")
        try:
            with pytest.raises(PlanRefused, match="no longer exists"):
                runner.fetch_suggested({"id": ORDER_ID, "suggestFullRefund": True})
        finally:
            runner.close()


def test_a_refund_answer_without_refund_or_user_errors_is_no_refund_id(
    schema_shop: Callable[[int], SchemaShop],
) -> None:
    shop = schema_shop(1)
    answer = {"data": {"refundCreate": {"refund": None, "userErrors": []}}}
    shop.answers["RefundCreate"] = lambda _variables: answer
    step = Step(StepKind.REFUND, {"input": {"orderId": ORDER_ID}}, "key-1")
    with _client(shop) as client:
        ctx = StepContext(client, lambda _s: False, lambda: datetime.now(UTC), Backoff())
        # not a refund called "None": unknown, so the pipeline looks for it by its key
        with pytest.raises(OutcomeUnknown):
            send(ctx, ORDER_ID, step)


# -- the areas -------------------------------------------------------------------------------


def _sync_and_intake(shop: SchemaShop, client: ShopifyClient, path: Path) -> None:
    db = Database.open(path)
    try:
        with db.transaction() as conn:
            store_id = save_demo_store(conn)

        def check(_conn: Any, _store_id: int, orders: Any) -> None:
            for fetched in orders:
                _check_order(fetched, shop.amounts)

        # the first connect's bulk operation is asked for last (`_bulk`), so the answers the
        # other steps get stay the same from seed to seed
        no_bulk = SyncSettings(bulk=False)
        sync = OrderSync(
            db, client, store_id, settings=no_bulk, hooks=[check], intake=IntakeSettings()
        )
        for full in (True, False):  # a full sync, then an incremental one (the probe)
            _typed(sync.run, full=full)
        _typed(OrderTagSource(client).fetch, {})
        native = NativeSource(client)
        _honest(_typed(native.fetch, {}), shop.amounts)
        known = {"open_edits": {EDIT_ID: ORDER_ID}}  # rechecked by id, else by order
        _honest(_typed(native.fetch, known), shop.amounts)
        _cache_is_honest(db)
    finally:
        db.close()


def _lookups_and_settings(shop: SchemaShop, client: ShopifyClient) -> None:
    from cancelapp.sync.shop_window import read_shop_edit_minutes

    orders = ShopifyOrders(client)
    _honest(_typed(orders.by_name, "#1001"), shop.amounts)
    _honest(_typed(orders.by_id, ORDER_ID), shop.amounts)
    _honest(_typed(client.connect), shop.amounts)
    minutes = _typed(read_shop_edit_minutes, client)
    assert minutes is None or (isinstance(minutes, int) and minutes >= -1)


def _bulk(client: ShopifyClient) -> None:
    """A bulk operation started, polled and cancelled whatever Shopify answers: it runs and
    ends, or it is unavailable and the sync reads by id."""
    query = bulk_query("order_verdicts_bulk", {"search": "tag:cancel-request"})
    running = BulkState("gid://shopify/BulkOperation/1", "RUNNING", 0, None, None)
    with contextlib.suppress(BulkUnavailable):
        running = _typed(start_bulk_query, client, query) or running
    with contextlib.suppress(BulkUnavailable):
        endings = wait_for_bulks(client, [running], cancel=threading.Event(), interval=lambda _n: 0)
        for _index, ended in _typed(list, endings) or ():
            assert isinstance(ended, BulkState | BulkUnavailable)
    cancel_bulk(client, running.id)  # best effort: whatever the answer, it never raises
    parts = _typed(split_search, client, "tag:cancel-request", 2, cancel=threading.Event())
    assert parts is None or (0 < len(parts) <= MOST_OPERATIONS and "tag:cancel-request" in parts[0])


def _actions(shop: SchemaShop, client: ShopifyClient, path: Path) -> None:
    runner = ActionRunner(path, client, "Ida", wait=lambda _s: False)
    try:
        order = _typed(runner.fetch_order, ORDER_ID)
        _honest(order, shop.amounts)
        variables = {"id": ORDER_ID, "refundLineItems": [], "suggestFullRefund": True}
        suggestion = _typed(runner.fetch_suggested, variables)
        _honest(suggestion, shop.amounts)
        _honest(_typed(shopify_edit_total, client, ORDER_ID, EDIT_ID), shop.amounts)
        if isinstance(order, Order):
            plan = ActionPlan(
                "plan",
                1,
                None,
                ORDER_ID,
                order.name,
                ActionKind.CANCEL,
                (),
                Basis.of(order, None),
                suggestion=variables,
            )
            _honest(_typed(runner.verify, plan), shop.amounts)
            _honest(_typed(runner.restock_places, order), shop.amounts)  # the preview's places
        item = "gid://shopify/InventoryItem/1"
        _honest(_typed(runner.locations.stocking, [item]), shop.amounts)
        lines = _typed(returnable_lines, client, ORDER_ID, "#1001")  # an accepted withdrawal
        _honest(lines, shop.amounts)
        line = {"fulfillmentLineItemId": "gid://shopify/FulfillmentLineItem/1", "quantity": 1}
        _honest(_typed(open_return, client, ORDER_ID, lines or [line], datetime.now(UTC)), set())
        ctx = StepContext(client, lambda _s: False, lambda: datetime.now(UTC), Backoff())
        _honest(_typed(ctx.state, ORDER_ID, steps=True), shop.amounts)
        for step in _steps():
            result = _typed(send, ctx, ORDER_ID, step, steps=True)
            _honest(result, shop.amounts)
            if step.kind is StepKind.CANCEL and isinstance(result, dict):
                _honest(_typed(confirm_cancel, ctx, ORDER_ID, result, steps=True), shop.amounts)
        job = "gid://shopify/Job/1"
        wait = Backoff(first=0.01, cap=0.01, deadline=0.02)
        _typed(follow_cancel_job, client, job, backoff=wait, wait=lambda _s: False, steps=True)
    finally:
        runner.close()


def _steps() -> list[Step]:
    """One step of each kind, with every variable any of them reads."""
    variables = {
        "id": FO_ID,
        "orderId": ORDER_ID,
        "line": "Cancelled at the customer's request.",
        "handle": "cancelapp",
        "reason": "OTHER",
    }
    return [Step(kind, dict(variables), "key-1") for kind in StepKind]


# -- the two rules ---------------------------------------------------------------------------


def _typed(call: Callable[..., Any], *args: Any, steps: bool = False, **kwargs: Any) -> Any:
    """`call`'s result; None when it failed with the app's own typed error (with a message)."""
    try:
        return call(*args, **kwargs)
    except (ShopifyError, PlanRefused) as error:
        assert error.merchant_message.strip(), repr(error)
        assert "None" not in error.merchant_message, error.merchant_message
        return None
    except STEP_OUTCOMES:
        if not steps:
            raise
        return None


def _check_order(fetched: FetchedOrder, amounts: set[Decimal]) -> None:
    node, order = fetched.node, fetched.order
    shown = node.get("displayFinancialStatus")
    assert order.financial_status.value == (shown or FinancialStatus.UNKNOWN.value)
    assert order.fulfillment_status.value == node["displayFulfillmentStatus"]
    assert order.id == node["id"] and order.name == node["name"]
    _honest(order, amounts)


def _honest(value: Any, amounts: set[Decimal], path: str = "") -> None:
    """No "None" text and no amount Shopify did not send, anywhere inside `value`."""
    if isinstance(value, Money):
        assert value.amount in amounts, f"{path}: {value} was never sent"
    elif isinstance(value, str):
        assert value not in {"None", "null"}, path
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _honest(getattr(value, field.name), amounts, f"{path}.{field.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            _honest(item, amounts, f"{path}[{key!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            _honest(item, amounts, f"{path}[{index}]")


def _cache_is_honest(db: Database) -> None:
    with db.reading() as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608
                assert "None" not in row, (table, row)
        statuses = {r[0] for r in conn.execute("SELECT financial_status FROM orders")}
    assert statuses <= {s.value for s in FinancialStatus}


# -- plumbing --------------------------------------------------------------------------------


def _client(shop: SchemaShop) -> ShopifyClient:
    from cancelapp.shopify.retry import RetryPolicy

    fast = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0, throttled_attempts=2)
    return ShopifyClient(
        Endpoint.loopback(shop.base_url),
        AccessToken("shpat_fuzz"),
        retry=fast,
        sleep=lambda _seconds, _cancel: False,
    )


def _plain_order_node() -> dict[str, Any]:
    money = {"shopMoney": {"amount": "10.00", "currencyCode": "DKK"}}
    return {
        "id": ORDER_ID,
        "name": "#1001",
        "createdAt": "2026-11-20T10:00:00Z",
        "updatedAt": "2026-11-20T10:00:00Z",
        "displayFinancialStatus": "PAID",
        "displayFulfillmentStatus": "UNFULFILLED",
        "currentTotalPriceSet": money,
        "presentmentCurrencyCode": "DKK",
    }
