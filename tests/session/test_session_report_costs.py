"""What cancellations cost, from a real cache filled from the demo shop: the goods cancelled
(units per product, whole orders and parts), the shipping refunded and the payment fees
Shopify Payments keeps, with the orders whose costs are unknown counted (another gateway, or
cached before CancelApp kept costs)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cancelapp import cli
from cancelapp.actions import OutcomeStatus
from cancelapp.actions.prepare.choices import ApproveChoices, LineChoice
from cancelapp.context import AppContext, build_context, connect_demo
from cancelapp.demoshop import DemoShop
from cancelapp.demoshop.ids import gid
from cancelapp.demoshop.model import shop_amount
from cancelapp.demoshop.payment_fees import fee_amount
from cancelapp.domain.verdict import SuggestedAction
from cancelapp.keychain import SecretStore
from cancelapp.paths import AppPaths
from cancelapp.session.decide import Prepared, carry_out
from cancelapp.session.refresh import StoreSession, refresh_store
from cancelapp.session.reports import CancellationReport, load_report
from cancelapp.store.order_costs import load_order_costs
from cancelapp.store.times import to_db_time


class Control:
    cancel_event = threading.Event()

    def raise_if_cancelled(self) -> None:
        pass

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        pass

    def found(self, request_ids: frozenset[int]) -> None:
        pass


@pytest.fixture
def shop(make_demo_shop: Callable[..., DemoShop]) -> DemoShop:
    return make_demo_shop(size=4, bucket_size=100_000, restore_rate=100_000)


@pytest.fixture
def session(data_dir: object, secret_store: SecretStore, shop: DemoShop) -> Iterator[StoreSession]:
    paths = AppPaths.resolve()
    paths.create()
    context: AppContext = build_context(paths, cli.parse([]), secrets=secret_store)
    context.settings = replace(context.settings, undo_window_seconds=0)
    session = context.open_session(connect_demo(context, shop))
    assert session is not None
    yield session
    session.close()
    context.close()


def _report(session: StoreSession) -> CancellationReport:
    now = datetime.now(UTC)
    return load_report(
        session.database,
        session.store_id,
        now - timedelta(days=400),
        now + timedelta(days=1),
        merges={},
        zone=UTC,
    )


def _request_of(session: StoreSession, order_id: str) -> int:
    with session.database.reading() as conn:
        row = conn.execute("SELECT id FROM requests WHERE order_gid = ?", (order_id,)).fetchone()
    assert row is not None
    return int(row[0])


def _approve(session: StoreSession, order_id: str, choices: ApproveChoices | None = None) -> None:
    request_id = _request_of(session, order_id)
    plan = session.runner.prepare_approve(request_id, SuggestedAction(), choices)
    outcome = carry_out(session, Prepared(plan))
    assert outcome.status is OutcomeStatus.DONE, outcome.message


def test_reports_count_shipping_refunded_and_the_fees_shopify_payments_keeps(
    session: StoreSession, shop: DemoShop
) -> None:
    card = shop.create_order("paid")  # Shopify Payments: its fee is known
    mobilepay = shop.create_order("mobilepay")  # another provider: Shopify knows no fee
    for order_id in (card, mobilepay):
        shop.add_cancel_request(order_id, "Please cancel, I ordered the wrong size")
    refresh_store(Control(), session)
    before = _report(session)

    _approve(session, card)
    _approve(session, mobilepay)
    refresh_store(Control(), session)  # the list reads the cancelled orders lean again
    after = _report(session)

    paid = shop.order(card)
    (sale,) = (t for t in paid.transactions if t.kind == "SALE")
    fee = fee_amount(shop_amount(sale.amount, paid.rate))
    assert fee > Decimal("1.80")
    assert after.payment_fees.get("DKK", 0) - before.payment_fees.get("DKK", 0) == fee
    assert after.fees_unknown == before.fees_unknown + 1  # the MobilePay order
    shipping = sum(
        (shop_amount(shop.order(o).shipping, shop.order(o).rate) for o in (card, mobilepay)),
        Decimal(0),
    )
    assert shipping > 0
    gained = after.refunded_shipping.get("DKK", 0) - before.refunded_shipping.get("DKK", 0)
    assert gained == shipping
    assert after.shipping_unknown == before.shipping_unknown
    assert after.cancelled_orders == before.cancelled_orders + 2

    # An order cached before CancelApp kept costs (no row) counts as unknown, both ways.
    with session.database.transaction() as conn:
        assert set(load_order_costs(conn, session.store_id, [card])) == {card}
        conn.execute(
            "DELETE FROM order_costs WHERE order_id = (SELECT id FROM orders WHERE gid = ?)",
            (card,),
        )
    older = _report(session)
    assert older.fees_unknown == after.fees_unknown + 1
    assert older.shipping_unknown == after.shipping_unknown + 1
    assert older.payment_fees.get("DKK", 0) == after.payment_fees.get("DKK", 0) - fee

    # A full read from before the decision tells no shipping refunded yet: unknown, not zero.
    with session.database.transaction() as conn:
        conn.execute(
            "UPDATE order_costs SET read_at = ?"
            " WHERE order_id = (SELECT id FROM orders WHERE gid = ?)",
            (to_db_time(datetime(2000, 1, 1, tzinfo=UTC)), mobilepay),
        )
    stale = _report(session)
    assert stale.shipping_unknown == older.shipping_unknown + 1
    assert stale.fees_unknown == older.fees_unknown
    mobilepay_shipping = shop_amount(shop.order(mobilepay).shipping, shop.order(mobilepay).rate)
    assert stale.refunded_shipping.get("DKK", 0) == (
        older.refunded_shipping.get("DKK", 0) - mobilepay_shipping
    )


def test_reports_count_the_units_cancelled_of_whole_orders_and_parts(
    session: StoreSession, shop: DemoShop
) -> None:
    whole = shop.create_order("paid")
    part = shop.create_order("paid")
    while not any(li.quantity >= 2 for li in shop.order(part).line_items):
        part = shop.create_order("paid")
    for order_id in (whole, part):
        shop.add_cancel_request(order_id, "Please cancel")
    refresh_store(Control(), session)
    before = _report(session)

    _approve(session, whole)
    item = next(li for li in shop.order(part).line_items if li.quantity >= 2)
    _approve(session, part, ApproveChoices(lines=(LineChoice(gid("LineItem", item.id), 1),)))
    refresh_store(Control(), session)
    after = _report(session)

    expected: Counter[str] = Counter()
    for li in shop.order(whole).line_items:
        expected[li.title] += li.quantity
    expected[item.title] += 1  # 1 of its units; the rest of that order still ships
    gained = Counter(dict(after.products))
    gained.subtract(dict(before.products))
    assert +gained == expected
